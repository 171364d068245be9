"""compose() and across() on the hand-made corpus in tests/fixtures/brief (invented states and words)."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "brief"))
import brief_corpus as fx  # noqa: E402

from analysis.analyses.across import across  # noqa: E402
from analysis.brief.caps import CAP_POSITIONS  # noqa: E402
from analysis.brief import compose  # noqa: E402
from analysis.brief.citations import anchor_label  # noqa: E402
from analysis.brief import walk_cites  # noqa: E402
from analysis.brief.labels import figure_value, humanise, short_title  # noqa: E402
from analysis.model.brief import (SCHEMA_VERSION, SECTION_IDS, AuthorText, BulletList, Callout, Cite,  # noqa: E402
                                  FigureRef, Quote, Span, Table)
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
    assert [s.number for s in brief.sections] == [None, 1, 2, 3, 4, 5, 6, None]


def test_figures_and_tables_numbered_in_reading_order(brief):
    refs = [b.chart for b in blocks(brief, FigureRef)]
    assert refs == [f"fig-{i}" for i in range(1, len(refs) + 1)] == [c.id for c in brief.charts]
    assert [c.kind for c in brief.charts] == ["matrix", "figures", "network", "timeline", "principles"]
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
    assert c.label.startswith("¶") and c.text == f"{c.short_title}, {c.label}."


def test_quotes_are_the_findings_exact_words(brief):
    found = fx.findings()
    exact = ({p.quote for p in found.positions} | {p.text for p in found.precedents} | {t.text for t in found.tensions}
             | {f.text for f in found.figures} | {e.text for e in found.events})
    quoted = [p.text for t in blocks(brief, Table) for r in t.rows for c in r.cells for p in c.parts
              if isinstance(p, Span) and p.style == "quote"]
    quoted += [q.text for q in blocks(brief, Quote)] + [c.quote for c in blocks(brief, Callout)]
    assert quoted and set(quoted) <= exact


def test_key_findings_are_few_and_cited(brief):
    key = brief.sections[0].blocks[0]
    assert isinstance(key, BulletList) and key.kind == "key"
    assert 3 <= len(key.items) <= 7


def test_author_text_woven_in(brief):
    origins = {b.origin: sid for s in brief.sections for b in s.blocks if isinstance(b, AuthorText)
               for sid in [s.id]}
    assert origins == {"summary": "summary", "positions": "positions", "precedents": "precedents"}


def test_generated_summary_without_author_text():
    found = fx.findings()
    b = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    summary = b.sections[1]
    assert not any(isinstance(x, AuthorText) for x in summary.blocks)
    assert "compares 3 source documents" in summary.blocks[0].parts[0].text


def test_long_lists_capped_into_the_annex():
    found = fx.findings()
    many = tuple(Position(id=f"px{i}", doc="d1", actor=f"State {i:02d}", question="recognition",
                          stance=("support", "oppose")[i % 2], principles=(), evidence=("s1",) * (1 + i % 3),
                          anchor=f"d1-p{i + 1}", quote=f"Words of state {i}.") for i in range(20))
    found = replace(found, positions=found.positions + many)
    b = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    tables = {t.caption: t for t in b.tables()}
    assert len(tables["Positions: Recognition of Vellmar"].rows) == CAP_POSITIONS
    annex = tables["Further positions, not shown in the body"]
    assert len(annex.rows) == 8 + 20 - CAP_POSITIONS
    assert annex.compact


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

    tables = {t.caption: t for t in big_brief.tables()}
    by_doc = tables["Statements invoking each principle, by document"]
    assert [c.label for c in by_doc.columns][-2:] == ["others", "All"]
    assert len(by_doc.columns) == 1 + CAP_SERIES + 1
    timeline = next(c for c in big_brief.charts if c.kind == "timeline")
    assert f"in {CAP_SERIES} lanes" in timeline.alt and "other documents" in timeline.alt
    network = next(c for c in big_brief.charts if c.kind == "network")
    assert "Network of" in network.alt


def test_corpus_scale_tables_stay_readable(big_brief):
    from analysis.brief.caps import CAP_ACROSS_ROWS, CAP_ANNEX_ROWS, CAP_DOC_KEYS, CAP_PRECEDENT_QUOTES

    for t in big_brief.tables():
        limit = CAP_ANNEX_ROWS if t.caption.startswith("Further") else max(CAP_ACROSS_ROWS, CAP_POSITIONS, 30)
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
    from analysis.brief.caps import CAP_ANNEX_ROWS

    test_every_finding_item_is_cited(big_brief)
    for t in big_brief.tables():
        if t.caption.startswith("Further") and len(t.rows) == CAP_ANNEX_ROWS:
            assert "findings.json" in (t.note or "")


def test_corpus_scale_callouts_and_threshold_lists_are_capped(big_brief):
    from analysis.brief.caps import CAP_THRESHOLD_ITEMS, CAP_TENSIONS

    assert 0 < len(blocks(big_brief, Callout)) <= CAP_TENSIONS
    assert all(len(lst.items) <= max(CAP_THRESHOLD_ITEMS, 7) for lst in blocks(big_brief, BulletList))
    cases = {t.caption: t for t in big_brief.tables()}["Cases named in more than one document"]
    for row in cases.rows:
        for cell in row.cells[1:3]:
            assert sum(isinstance(p, Cite) for p in cell.parts) <= 10
