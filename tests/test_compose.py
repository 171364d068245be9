"""compose() and across() on the hand-made corpus in tests/fixtures/brief (invented states and words)."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "brief"))
import brief_corpus as fx  # noqa: E402

from analysis.analyses.across import across  # noqa: E402
from analysis.brief.caps import CAP_ANNEX_ROWS, CAP_POSITIONS  # noqa: E402
from analysis.brief.labels import STANCE_WORDS  # noqa: E402
from analysis.brief import compose  # noqa: E402
from analysis.brief.citations import anchor_label  # noqa: E402
from analysis.brief import walk_cites  # noqa: E402
from analysis.brief.labels import figure_value, humanise, short_title  # noqa: E402
from analysis.model.brief import (SCHEMA_VERSION, SECTION_IDS, AuthorText, BulletList, Callout, Cite,  # noqa: E402
                                  FigureRef, Heading, Para, Quote, Span, Table)
from analysis.model.findings import Findings, Position  # noqa: E402


@pytest.fixture(scope="module")
def brief():
    found = fx.findings()
    return compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE,
                   author=fx.AUTHOR)


def blocks(brief, kind):
    return [b for s in brief.sections for b in s.blocks if isinstance(b, kind)]


# ---------------------------------------------------------------- across
def test_across_principles_by_document():
    a = across(fx.DOCUMENTS, fx.findings())
    uses = {(u.doc, u.principle): u for u in a.principles}
    sd = uses[("d1", "self-determination")]
    assert (sd.count, sd.upheld, sd.violated) == (4, 3, 1)
    assert uses[("d3", "rule-of-law")].count == 3
    assert a.principle_totals()[0][1] == 5


def test_across_shared_actors_and_agreement():
    a = across(fx.DOCUMENTS, fx.findings())
    actors = {x.actor: x for x in a.actors}
    assert actors["Aldovia"].docs == ("d1", "d2", "d3")
    assert actors["Aldovia"].agreement == (("recognition", "agree"),)
    assert actors["Estmere"].agrees is False  # neutral in d1, opposes in d3
    assert actors["Brenn"].agrees is None      # different questions: nothing to compare
    assert "Ostria" not in actors              # one document only


def test_across_recurring_cases_cross_documents():
    a = across(fx.DOCUMENTS, fx.findings())
    cases = {c.case: c for c in a.cases}
    assert cases["Vellmar"].crosses      # subject in d1, precedent in d2
    assert cases["Vellmar"].docs == ("d1", "d2", "d3")
    assert not cases["Lorran"].crosses   # always the precedent
    assert a.cases[0].case == "Vellmar"


def test_across_same_measure():
    a = across(fx.DOCUMENTS, fx.findings())
    measures = {(m.measure, m.unit): m for m in a.measures}
    assert measures[("turnout", "percent")].docs == ("d2", "d3")
    assert measures[("displaced", "count")].figures == ("f7", "f8")
    assert all(len(m.docs) > 1 for m in a.measures)


# ---------------------------------------------------------------- the brief
def test_sections_in_order(brief):
    assert brief.schema_version == SCHEMA_VERSION
    assert tuple(s.id for s in brief.sections) == SECTION_IDS
    assert [s.number for s in brief.sections] == [1, None, 2, 3, 4, 5, None]


def test_a_threshold_chart_holds_only_the_figures_the_threshold_speaks_of(brief):
    """The 50 per cent validity threshold of source B is drawn with B's turnouts, not with the
    Vellmar local vote of source C (another document, another subject): one parliament's majority
    does not measure another's votes."""
    (chart,) = [c for c in brief.charts if c.kind == "figures"]
    assert "southern wards (B)" in chart.alt and "threshold validity threshold at 50" in chart.alt
    assert "Vellmar local vote" not in chart.alt


def test_figures_and_tables_numbered_in_reading_order(brief):
    refs = [b.chart for b in blocks(brief, FigureRef)]
    assert refs == [f"fig-{i}" for i in range(1, len(refs) + 1)] == [c.id for c in brief.charts]
    # The body's charts first (precedents, figures, timeline); the reference charts close the annex.
    assert [c.kind for c in brief.charts] == ["network", "figures", "timeline", "matrix", "principles"]
    tables = blocks(brief, Table)
    assert [t.number for t in tables] == list(range(1, len(tables) + 1))
    assert [t.id for t in tables] == [f"tab-{t.number}" for t in tables]


def test_every_finding_item_is_cited(brief):
    for t in blocks(brief, Table):
        for row in t.rows:
            if row.finding:
                assert any(isinstance(p, Cite) for c in row.cells for p in c.parts), (t.caption, row.finding)
    for q in blocks(brief, Quote) + blocks(brief, Callout):
        assert any(isinstance(p, Cite) for p in q.attribution)
    for lst in blocks(brief, BulletList):
        for item in lst.items:
            if item.finding:
                assert any(isinstance(p, Cite) for p in item.parts)


def test_citations_number_in_reading_order(brief):
    cites = [c.citation for c in walk_cites(brief.sections)]
    assert cites == list(brief.citations)
    assert [c.number for c in brief.citations] == list(range(1, len(brief.citations) + 1))
    c = brief.citations[0]
    assert c.short_title == "A" and c.label.startswith("¶")
    assert c.text.startswith("A, ¶") and all(p.spot in c.text for p in c.places)


def test_one_note_per_sentence_groups_its_places_by_source_and_heading():
    from analysis.model.brief import Citation, Place

    places = (Place("d1", "A", "d1-p4", "“Reactions”, ¶2", "Reactions", "¶2"),
              Place("d1", "A", "d1-p6", "“Reactions”, ¶4", "Reactions", "¶4"),
              Place("d2", "B", "d2-n3", "note 3", None, "note 3"))
    c = Citation(1, "d1", "Title", "A", "d1-p4", "“Reactions”, ¶2", places)
    assert c.text == "A, “Reactions”, ¶2, ¶4; B, note 3."


def test_locations_name_the_heading_and_the_paragraph_under_it():
    from analysis.brief.citations import locations
    from analysis.model.document import Block, Document, Footnote

    doc = Document(id="d9", path="x.txt", genre="plaintext", blocks=(
        Block("d9-p1", "paragraph", "Lead."), Block("d9-p2", "heading", "Reactions", level=2),
        Block("d9-p3", "paragraph", "One."), Block("d9-p4", "paragraph", "Two.")),
        footnotes=(Footnote("d9-n1", "7", "A note."),))
    assert locations(doc) == {"d9-p1": (None, "¶1"), "d9-p3": ("Reactions", "¶1"), "d9-p4": ("Reactions", "¶2"),
                              "d9-n1": (None, "note 7")}
    furniture = Document(id="d8", path="x.txt", genre="plaintext", blocks=(
        Block("d8-p1", "heading", "Reactions", level=2), Block("d8-p2", "paragraph", "One."),
        Block("d8-p3", "heading", "24-01234 (E)", level=2), Block("d8-p4", "paragraph", "Two.")))
    assert locations(furniture)["d8-p4"] == ("Reactions", "¶2")  # a page-header line is not a heading
    from types import SimpleNamespace as Paged  # a reader that knows pages (PDF) sets Block.page

    paged = Document(id="d7", path="x.pdf", genre="plaintext", blocks=(
        Paged(anchor="d7-p1", kind="heading", text="Findings", page=3), Paged(anchor="d7-p2", kind="paragraph", text="", page=3),
        Paged(anchor="d7-p3", kind="paragraph", text="", page=4)))
    assert locations(paged)["d7-p3"] == ("Findings", "p. 4, ¶2")


def test_quotes_are_the_findings_exact_words(brief):
    found = fx.findings()
    exact = ({p.quote for p in found.positions} | {p.text for p in found.precedents} | {t.text for t in found.tensions}
             | {f.text for f in found.figures} | {e.text for e in found.events})
    quoted = [p.text for t in blocks(brief, Table) for r in t.rows for c in r.cells for p in c.parts
              if isinstance(p, Span) and p.style == "quote"]
    exact |= {s.key or s.text for s in found.statements}
    quoted += [q.text for q in blocks(brief, Quote)] + [c.quote for c in blocks(brief, Callout)]
    assert quoted and set(quoted) <= exact


def test_key_findings_are_few_and_cited(brief):
    key = brief.sections[1].blocks[0]
    assert isinstance(key, BulletList) and key.kind == "key"
    assert 3 <= len(key.items) <= 7
    # Ranked by what matters, not by counts: a division with both sides and a disagreement between
    # sources come before a single threshold comparison.
    texts = ["".join(p.text for p in item.parts if isinstance(p, Span)) for item in key.items]
    assert texts[0].startswith("Recognition of Vellmar:") and "Estmere" in texts[1]
    assert not any("invoked most often" in x for x in texts)


def test_author_text_woven_in(brief):
    origins = {b.origin: sid for s in brief.sections for b in s.blocks if isinstance(b, AuthorText)
               for sid in [s.id]}
    assert origins == {"summary": "summary", "positions": "positions", "precedents": "precedents"}


def test_generated_summary_without_author_text():
    found = fx.findings()
    b = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    summary = b.sections[0]
    assert not any(isinstance(x, AuthorText) for x in summary.blocks)
    assert summary.blocks[0].parts[0].text.startswith("On “Recognition of Vellmar”, 2 of 5 actors support it")
    words = sum(len(p.text.split()) for para in summary.blocks for p in para.parts if isinstance(p, Span))
    assert words <= 350
    for para in summary.blocks:  # every sentence ends with its one note
        for part, after in zip(para.parts, para.parts[1:] + (None,)):
            if isinstance(part, Span):
                assert isinstance(after, Cite)


def test_author_summary_comes_first_then_the_argument(brief):
    summary = brief.sections[0]
    assert isinstance(summary.blocks[0], AuthorText)
    assert any(isinstance(b, type(summary.blocks[1])) and b.parts for b in summary.blocks[1:])


def test_body_and_key_findings_use_only_high_confidence_findings():
    found = fx.findings()
    unsure = replace(found.tensions[0], id="t-low", actor="Zembla", confidence="low", basis=("pronoun-resolved",))
    found = replace(found, tensions=found.tensions + (unsure,))
    b = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    body = [s for s in b.sections if s.id != "sources"]
    text = " ".join(p.text for s in body for blk in s.blocks for p in getattr(blk, "parts", ())
                    if isinstance(p, Span))
    text += " ".join(p.text for s in body for blk in s.blocks if isinstance(blk, BulletList)
                     for it in blk.items for p in it.parts if isinstance(p, Span))
    assert "Zembla" not in text and not any(c.title.startswith("Zembla") for c in blocks(b, Callout))
    marked = {t.caption: t for t in b.tables()}["Findings of medium or low confidence"]
    assert [r.finding for r in marked.rows] == ["t-low"]
    assert marked.rows[0].cells[1].parts[0].text == "low (pronoun-resolved)"


def test_who_said_what_quotes_speakers_with_state_stance_and_principle(brief):
    said = [q for q in blocks(brief, Quote) if q.kind == "said"]
    assert said and len({q.finding for q in said}) == len(said)
    found = {s.id: s for s in fx.findings().statements}
    for q in said:
        s = found[q.finding]
        head = q.attribution[0].text
        assert s.actor in head and q.text == (s.key or s.text)
        if s.stance:
            assert STANCE_WORDS[s.stance] in head


def test_long_lists_capped_into_the_annex():
    found = fx.findings()
    many = tuple(Position(id=f"px{i}", doc="d1", actor=f"State {i:02d}", question="recognition",
                          stance=("support", "oppose")[i % 2], principles=(), evidence=("s1",) * (1 + i % 3),
                          anchor=f"d1-p{i + 1}", quote=f"Words of state {i}.") for i in range(20))
    found = replace(found, positions=found.positions + many)
    b = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    tables = {t.caption: t for t in b.tables()}
    assert [r.cells[0].parts[0].text for r in tables["Who stands where: Recognition of Vellmar"].rows] == [
        "supports", "opposes", "mixed", "neutral"]  # one row per stance, however many actors
    annex = tables["Each position, with the words that decide it"]
    assert len(annex.rows) == CAP_ANNEX_ROWS and "findings.json" in annex.note
    assert annex.compact
    # capped in turn across the questions: 20 extra positions on one question do not push the other out
    assert {r.cells[1].parts[0].text for r in annex.rows} == {"Recognition of Vellmar", "The Karsk municipal elections"}


def test_empty_findings_still_make_a_brief():
    empty = Findings()
    b = compose(fx.config(), fx.DOCUMENTS, empty, across(fx.DOCUMENTS, empty), build_date=fx.BUILD_DATE)
    assert tuple(s.id for s in b.sections) == SECTION_IDS
    assert b.charts == () and b.citations == ()
    assert len(b.sources) == 3


def test_meta_and_style_from_config():
    found = fx.findings()
    cfg = fx.config(style={"page_size": "Letter", "accent": "#8a1538"}, report={"date": "2024-05-31"})
    b = compose(cfg, fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    assert b.style.page_size == "Letter" and b.style.accent == "#8a1538"
    assert b.meta.date == "2024-05-31" and b.meta.build_date == fx.BUILD_DATE
    assert b.meta.organisation == "Institute for Imaginary Affairs"
    assert [e.key for e in b.sources] == ["A", "B", "C"]


def test_compose_is_deterministic(brief):
    found = fx.findings()
    again = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE,
                    author=fx.AUTHOR)
    assert again == brief  # charts included, byte for byte


def test_small_helpers():
    assert humanise("territorial-integrity") == "Territorial integrity"
    assert humanise("self-determination") == "Self-determination"
    assert humanise("non-use-of-force") == "Non-use of force"
    assert anchor_label("d1-p12") == "¶12" and anchor_label("d3-n4") == "note 4"
    assert short_title(fx.DOCUMENTS[0]) == "Council debates the status of Vellmar"
    assert figure_value(fx.FIGURES[0]) == "15–20 %"
    assert figure_value(fx.FIGURES[6]) == "≥ 40,000"
    assert figure_value(fx.FIGURES[8]) == "USD 3,500,000"
    assert figure_value(fx.FIGURES[10]) == "2 of 3"


# ---------------------------------------------------------------- corpus scale (issue #7)
def _corpus(copies: int):
    """The fixture's three documents `copies` times over (ids d1..dN), each copy with its own findings."""
    docs, lists = [], {name: [] for name in ("statements", "positions", "tensions", "precedents", "figures",
                                             "events")}
    base = fx.findings()
    for k in range(copies):
        ids = {d.id: f"d{3 * k + i + 1}" for i, d in enumerate(fx.DOCUMENTS)}
        docs += [replace(d, id=ids[d.id], path=f"sources/{ids[d.id]}.txt") for d in fx.DOCUMENTS]
        for name, items in lists.items():
            for x in getattr(base, name):
                fields = {"id": f"{x.id}-{k}", "doc": ids[x.doc]}
                if getattr(x, "anchor", None):
                    fields["anchor"] = x.anchor.replace(x.doc, ids[x.doc], 1)
                if name == "positions":
                    fields["evidence"] = tuple(f"{e}-{k}" for e in x.evidence)
                items.append(replace(x, **fields))
    return tuple(docs), Findings(**{n: tuple(v) for n, v in lists.items()})


@pytest.fixture(scope="module")
def big_brief():
    docs, found = _corpus(30)  # 90 documents
    return compose(fx.config(), docs, found, across(docs, found), build_date=fx.BUILD_DATE)


def test_corpus_scale_charts_pool_documents_beyond_the_cap(big_brief):
    from analysis.brief.caps import CAP_SERIES

    principles = next(c for c in big_brief.charts if c.kind == "principles")
    assert principles.alt.count(" %") and "others" in principles.alt
    assert f"across {CAP_SERIES} documents" in principles.alt
    timeline = next(c for c in big_brief.charts if c.kind == "timeline")
    assert "in 2 lanes" in timeline.alt  # a lane per question, whatever the number of documents
    network = next(c for c in big_brief.charts if c.kind == "network")
    assert "Network of" in network.alt


def test_corpus_scale_tables_stay_readable(big_brief):
    from analysis.brief.caps import CAP_ACROSS_ROWS, CAP_DOC_KEYS, CAP_PRECEDENT_QUOTES

    for t in big_brief.tables():
        if t.caption == "Sources by letter":  # every source keyed, one line each (not a card each)
            assert len(t.rows) == 90 and all(len(r.cells) == 3 for r in t.rows)
            continue
        limit = CAP_ANNEX_ROWS if t.compact else max(CAP_ACROSS_ROWS, CAP_POSITIONS, 30)
        assert len(t.rows) <= limit, t.caption
    shared = {t.caption: t for t in big_brief.tables()}["Actors present in more than one document"]
    keys = shared.rows[0].cells[1].parts[0].text
    assert keys.endswith("more") and keys.count(",") == CAP_DOC_KEYS - 1
    quotes = blocks(big_brief, Quote)
    by_kind = {}
    for q in quotes:
        by_kind[q.kind] = by_kind.get(q.kind, 0) + 1
    assert by_kind and all(n <= CAP_PRECEDENT_QUOTES for k, n in by_kind.items() if k in ("analogy", "denial",
                                                                                          "warning"))


def test_corpus_scale_brief_still_cites_what_it_shows(big_brief):
    test_every_finding_item_is_cited(big_brief)
    for t in big_brief.tables():
        if t.compact and len(t.rows) == CAP_ANNEX_ROWS:
            assert "findings.json" in (t.note or "")


def test_corpus_scale_callouts_and_threshold_lists_are_capped(big_brief):
    from analysis.brief.caps import CAP_THRESHOLD_ITEMS, CAP_TENSIONS

    assert 0 < len(blocks(big_brief, Callout)) <= CAP_TENSIONS
    assert all(len(lst.items) <= max(CAP_THRESHOLD_ITEMS, 7) for lst in blocks(big_brief, BulletList))
    cases = {t.caption: t for t in big_brief.tables()}["Cases named in more than one document"]
    for row in cases.rows:
        for cell in row.cells[1:3]:
            assert sum(isinstance(p, Cite) for p in cell.parts) <= 10


def test_corpus_scale_notes_stay_short_and_repeated_tensions_are_one_claim(big_brief):
    from analysis.brief.caps import CAP_NOTE_PLACES

    assert all(len(c.places) <= CAP_NOTE_PLACES for c in big_brief.citations)
    assert any(c.more and c.text.endswith("more in findings.json.") for c in big_brief.citations)
    summary = " ".join(p.text for blk in big_brief.sections[0].blocks for p in blk.parts if isinstance(p, Span))
    # The same tension in 30 copies of a source is one sentence naming the sources, not 30 sentences.
    assert summary.count("in tension with self-determination") <= 1


def test_an_assessment_question_speaks_in_its_scale_not_support_and_oppose():
    found = fx.findings()
    cfg = fx.config()
    cfg = replace(cfg, questions=(replace(cfg.questions[0], kind="assessment", scale=("legitimate", "illegitimate")),
                                  cfg.questions[1]))
    b = compose(cfg, fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    first = b.sections[0].blocks[0].parts[0].text
    assert first.startswith("On “Recognition of Vellmar”, 2 of 5 actors judge it legitimate")
    assert "judge it illegitimate" in first and "support it" not in first.split("On “The Karsk")[0]
    table = {t.caption: t for t in b.tables()}["Who stands where: Recognition of Vellmar"]
    assert [r.cells[0].parts[0].text for r in table.rows][:2] == ["legitimate", "illegitimate"]
    karsk = {t.caption: t for t in b.tables()}["Who stands where: The Karsk municipal elections"]
    assert karsk.rows[0].cells[0].parts[0].text == "supports"  # a policy question keeps support / oppose


def test_a_topic_found_without_a_configured_question_is_named_from_its_source():
    found = fx.findings()
    topic = replace(found.positions[0], id="px", question="d2-topic")
    found = replace(found, positions=found.positions + (topic,))
    b = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    headings = [h.text for h in blocks(b, Heading)]
    assert "The subject of source B: Karsk municipal elections: observer report" in headings
    assert not any("D2 topic" in h for h in headings)


def test_no_two_note_markers_run_together(brief, big_brief):
    """"documents⁹¹⁰" reads as note 910: a sentence, item, row cell or attribution has its places in one note."""
    for b in (brief, big_brief):
        seqs = [blk.parts for s in b.sections for blk in s.blocks if isinstance(blk, Para)]
        seqs += [it.parts for lst in blocks(b, BulletList) for it in lst.items]
        seqs += [q.attribution for q in blocks(b, Quote) + blocks(b, Callout)]
        seqs += [c.parts for t in b.tables() for r in t.rows for c in r.cells]
        for parts in seqs:
            for a, z in zip(parts, parts[1:]):
                assert not (isinstance(a, Cite) and isinstance(z, Cite)), parts


def test_events_of_no_question_go_in_their_own_lane_last():
    found = fx.findings()
    stray = replace(found.events[0], id="e-stray", doc="d9", anchor="d9-p1", text="On 3 May 2021 the ferry sank.",
                    date="2021-05-03", precision="day")
    found = replace(found, events=found.events + (stray,))
    b = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    headings = [h.text for h in blocks(b, Heading) if h.id.startswith("timeline-")]
    assert headings[-1] == "Other events"


def test_a_claimant_that_describes_people_is_lower_case_inside_a_sentence_and_opens_one_capitalised():
    from analysis.brief.argument import who_claims
    from analysis.brief.labels import capitalise
    from analysis.model.findings import Precedent

    def claim(claimant):
        return Precedent(id="c1", doc="d1", anchor="d1-p1", claimant=claimant, actor=None, subject="Ruritania",
                         precedent="Freedonia", relation="warning", text="...")

    assert who_claims(claim("Several diplomats in the capital")) == "several diplomats in the capital"
    assert capitalise(who_claims(claim("Several diplomats in the capital"))).startswith("Several diplomats")
    assert who_claims(claim("Jane Roe")) == "Jane Roe"          # a name keeps its capitals
    assert who_claims(claim("The Hague Group")) == "the Hague Group"
    assert who_claims(claim("UN")) == "UN"
