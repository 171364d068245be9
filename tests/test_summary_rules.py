"""The executive summary's sentences say who says what: a position the source gives in its own account
and a tension in a named speaker's words are attributed as such (invented corpus in tests/fixtures/brief)."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "brief"))
import brief_corpus as fx  # noqa: E402

from analysis.analyses.across import across  # noqa: E402
from analysis.brief import compose  # noqa: E402
from analysis.model.brief import BulletList, Span  # noqa: E402


def summary_text(found) -> str:
    b = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    return " ".join(p.text for blk in b.sections[0].blocks for p in getattr(blk, "parts", ()) if isinstance(p, Span))


def key_findings(found) -> list[str]:
    b = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    return ["".join(p.text for p in it.parts if isinstance(p, Span)) for s in b.sections for blk in s.blocks
            if isinstance(blk, BulletList) and blk.kind == "key" for it in blk.items]


def test_a_position_given_in_the_sources_own_account_is_said_to_be_the_sources_account():
    found = fx.findings()
    # Brenn's stance on the election rests on the report's narration, no speaker named.
    narrated = tuple(replace(s, speaker=None) if s.id == "s11" else s for s in found.statements)
    text = summary_text(replace(found, statements=narrated))
    assert "Brenn's position is source B's account, not the actor's own words." in text


def test_a_position_in_a_named_speakers_words_is_stated_plainly():
    text = summary_text(fx.findings())
    assert "account, not the actor" not in text and "own words" not in text


def test_a_tension_in_a_named_speakers_words_names_who_says_it():
    text = summary_text(fx.findings())
    # The observer source quotes Ilse Varga; the source itself does not put Aldovia in tension.
    assert "Aldovia invokes self-determination, yet Ilse Varga, quoted in source A, puts it in tension" in text


def test_a_tension_the_source_states_in_its_own_voice_is_the_sources():
    found = fx.findings()
    unquoted = tuple(s for s in found.statements if s.id != "s9")  # no statement holds the words
    text = summary_text(replace(found, statements=unquoted))
    assert "yet source A puts it in tension" in text


def test_a_division_key_finding_reads_as_a_sentence():
    bullets = key_findings(fx.findings())
    assert not any(" recorded support" in b or " recorded oppose" in b for b in bullets)


def test_a_tension_callout_names_the_speaker_whose_words_it_quotes():
    from analysis.model.brief import Callout

    found = fx.findings()
    b = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    callouts = {c.title.split(" and ")[0]: c for s in b.sections for c in s.blocks if isinstance(c, Callout)}
    assert callouts["Aldovia"].attribution[0].text == "Ilse Varga, quoted in source A"


def body_text(b) -> str:
    return " ".join(p.text for s in b.sections if s.id != "sources" for blk in s.blocks
                    for p in getattr(blk, "parts", ()) if isinstance(p, Span))


def test_what_the_body_says_the_annex_holds_is_what_a_capped_annex_table_holds():
    """"the annex lists all 26 figures" and "(the annex quotes each)" were false once the annex tables
    were capped at CAP_ANNEX_ROWS rows."""
    from analysis.brief.caps import CAP_ANNEX_ROWS
    from analysis.brief.figures import annex_lists

    assert annex_lists(CAP_ANNEX_ROWS) == f"the annex lists all {CAP_ANNEX_ROWS} figures as written"
    assert annex_lists(CAP_ANNEX_ROWS + 14) == (f"the annex lists the first {CAP_ANNEX_ROWS} of the "
                                                f"{CAP_ANNEX_ROWS + 14} figures as written, findings.json every one")
    found = fx.findings()
    small = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    assert "(the annex quotes each)" in body_text(small)
    many = found.positions + tuple(replace(p, id=f"{p.id}-{k}", actor=f"{p.actor} {k}")
                                   for k in range(2) for p in found.positions)
    assert len(many) > CAP_ANNEX_ROWS
    found = replace(found, positions=many)
    big = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    text = body_text(big)
    assert "(the annex quotes each)" not in text and "findings.json quotes each" in text


def test_the_timeline_says_how_many_other_dated_sentences_the_annex_lists():
    found = fx.findings()
    b = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    timeline = next(s for s in b.sections if s.id == "timeline")
    lead = " ".join(p.text for p in timeline.blocks[0].parts if isinstance(p, Span))
    annex = next(t for t in b.tables() if t.caption == "Dated sentences in the sources, in date order")
    shown = len(annex.rows)
    if annex.note:  # capped: "12 of 15; ..."
        total = int(annex.note.split(" of ")[1].split(";")[0])
        assert f"The annex lists the first {shown} of the other {total} dated sentences" in lead
    else:
        assert f"The annex lists the other {shown} dated sentences." in lead


def test_less_sure_positions_are_pointed_to_where_they_are_listed():
    from analysis.brief.caps import CAP_ANNEX_ROWS

    found = fx.findings()
    unsure = replace(found.positions[0], id="p-unsure", actor="Zembla", confidence="medium")
    few = replace(found, positions=found.positions + (unsure,))
    assert "Zembla, less certainly (see the annex)." in summary_text(few)
    noise = tuple(replace(s, id=f"{s.id}-m", confidence="medium") for s in found.statements)
    assert len(noise) > CAP_ANNEX_ROWS
    many = replace(few, statements=found.statements + noise)
    assert "Zembla, less certainly (findings.json lists them)." in summary_text(many)


def with_deciding_statement(**changes):
    found = fx.findings()
    return replace(found, statements=tuple(replace(s, **changes) if s.id == "s11" else s for s in found.statements))


def test_an_actor_reported_speaking_or_quoted_at_length_is_in_its_own_words():
    # "Brenn said the vote was lawful": no person named, but the source reports Brenn's speech.
    reported = with_deciding_statement(speaker=None, basis=("speech-verb-subject", "gazetteer-actor"))
    assert "account, not the actor" not in summary_text(reported)
    quoted = with_deciding_statement(speaker=None, basis=("quote+actor-speaker",),
                                     text="Brenn called it “a free, fair and lawful vote in every ward”.")
    assert "account, not the actor" not in summary_text(quoted)


def test_an_actor_whose_only_quoted_words_are_a_name_is_the_sources_account():
    named = with_deciding_statement(speaker=None, basis=("quote+actor-speaker",),
                                    text="Brenn's mediators invited this by calling the body the “Karsk Union”.")
    assert "Brenn's position is source B's account, not the actor's own words." in summary_text(named)


def test_a_section_with_only_less_sure_findings_does_not_say_none_were_found():
    """"No precedent claims were found in the sources" was false when the analysis had found one
    with medium confidence: the body shows only high-confidence findings, so it says where the rest are."""
    found = fx.findings()
    unsure = replace(found, precedents=tuple(replace(p, confidence="medium") for p in found.precedents))
    text = body_text(compose(fx.config(), fx.DOCUMENTS, unsure, across(fx.DOCUMENTS, unsure), build_date=fx.BUILD_DATE))
    n = len(found.precedents)
    assert "No precedent claims were found" not in text
    assert (f"No precedent claim is firm enough for this section; findings.json and the CSV export list the {n} "
            f"precedent claim{'s' if n != 1 else ''} found with less confidence, marked as such.") in text
    none = replace(found, precedents=())
    assert "No precedent claims were found in the sources." in body_text(
        compose(fx.config(), fx.DOCUMENTS, none, across(fx.DOCUMENTS, none), build_date=fx.BUILD_DATE))
