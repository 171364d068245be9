"""Comparisons: figures against thresholds on the same measure, and like measures across documents."""
from __future__ import annotations

from analysis.analyses.compare import compare
from analysis.model.findings import Figure


def fig(id, doc, *, value=None, low=None, high=None, unit="percent", measure="turnout", bound=None, role=None,
        subject=None, sentence="", unit_name=None, confidence="high", basis=(), text="x"):
    return Figure(id=id, doc=doc, anchor=f"{doc}-p1", text=text, value=value, low=low, high=high, of=None, unit=unit,
                  unit_name=unit_name, measure=measure, subject=subject, approximate=False, bound=bound, start=0, end=1,
                  sentence=sentence, role=role, confidence=confidence, basis=basis)


TH = fig("d2-f9", "d2", value=25, bound="min", role="threshold",
         sentence="Anything above 25 % of turnout would be a clear success.")


def test_range_at_or_above_threshold_is_cleared():
    out = compare([fig("d2-f3", "d2", low=25, high=32), TH])
    th = [c for c in out if c.kind == "threshold"]
    assert len(th) == 1
    c = th[0]
    assert (c.measure, c.verdict, c.figures) == ("turnout", "cleared", ("d2-f3", "d2-f9"))
    assert c.text == "Turnout of 25\u201332 per cent (d2) against the 25 per cent level called a success (d2): cleared."
    assert c.id == "c1"


def test_fell_short_and_straddles():
    out = compare([fig("d2-f1", "d2", value=19), fig("d2-f3", "d2", low=20, high=35), TH])
    verdicts = {c.figures[0]: c.verdict for c in out if c.kind == "threshold"}
    assert verdicts == {"d2-f1": "fell short", "d2-f3": "straddles"}


def test_only_same_measure_and_unit():
    out = compare([fig("d1-f1", "d1", value=40, measure="vote share"),
                   fig("d1-f2", "d1", value=40, unit="count", measure="turnout"), TH])
    assert [c for c in out if c.kind == "threshold"] == []


def test_ceiling_threshold():
    ceiling = fig("d1-f2", "d1", value=5, bound="max", role="threshold", measure="inflation",
                  sentence="Anything under 5 per cent would be acceptable.")
    out = compare([fig("d1-f1", "d1", value=3.5, measure="inflation"), ceiling])
    assert [c.verdict for c in out if c.kind == "threshold"] == ["cleared"]


def test_across_documents():
    out = compare([fig("d1-f1", "d1", value=48, subject="North"), fig("d2-f1", "d2", value=52, subject="South"),
                   fig("d3-f1", "d3", value=3, unit="count", measure="municipality"),
                   fig("d3-f2", "d3", value=4, unit="count", measure="municipality")])
    across = [c for c in out if c.kind == "across"]
    assert len(across) == 1
    c = across[0]
    assert c.measure == "turnout" and c.figures == ("d1-f1", "d2-f1") and c.verdict is None
    assert c.text == "Turnout: 48 per cent (d1, North); 52 per cent (d2, South)."


def test_empty_and_unmeasured():
    assert compare([]) == ()
    assert compare([fig("d1-f1", "d1", value=3, measure=None), TH]) == ()


def test_across_keeps_physical_units_apart():
    out = compare([fig("d1-f1", "d1", value=7, unit="area", unit_name="ha", measure="area"),
                   fig("d2-f1", "d2", value=26, unit="area", unit_name="km2", measure="area")])
    assert out == ()


def test_figures_whose_measure_is_only_a_nearby_cue_are_not_compared():
    out = compare([fig("d1-f1", "d1", value=19, confidence="medium", basis=("nearby-cue",)), TH,
                   fig("d3-f1", "d3", value=30, confidence="low")])
    assert [c for c in out if c.kind == "threshold"] == []
    assert [c for c in out if c.kind == "across"] == []


def test_implausible_values_are_reported_but_not_compared():
    odd = fig("d2-f1", "d2", value=140, confidence="low", basis=("subject-of-verb", "implausible"))
    ok = fig("d2-f3", "d2", value=30, basis=("subject-of-verb",))
    out = compare([odd, ok, TH])
    assert [c.figures for c in out if c.kind == "threshold"] == [("d2-f3", "d2-f9")]
    assert all("d2-f1" not in c.figures for c in out)


def test_a_casualty_measure_in_square_metres_is_never_grouped_with_counts():
    area = fig("d1-f1", "d1", value=1, unit="area", unit_name="m2", measure="deaths", confidence="low",
               basis=("counted-noun", "implausible"))
    counts = [fig("d2-f1", "d2", value=40, unit="count", measure="deaths"),
              fig("d3-f1", "d3", value=12, unit="count", measure="deaths")]
    out = compare([area] + counts)
    assert [c.figures for c in out] == [("d2-f1", "d3-f1")]


def test_percentage_points_are_not_compared_with_percentages():
    change = fig("d2-f1", "d2", value=30, unit_name="percentage point")
    level = fig("d2-f3", "d2", value=20)
    out = compare([change, level, TH])
    assert [c.figures for c in out if c.kind == "threshold"] == [("d2-f3", "d2-f9")]
    assert [c for c in out if c.kind == "across"] == []


def test_a_level_the_text_calls_a_maximum_is_a_ceiling_even_without_a_bound():
    """"The maximum allowed stockpile of 300 kg": a figure above it broke the limit, it did not clear a bar."""
    limit = fig("d1-f2", "d1", value=300, unit="mass", unit_name="kg", measure="grain stockpile", role="threshold",
                text="300 kg",
                sentence="Freedonia vastly exceeds the maximum allowed grain stockpile of 300 kg.")
    over = fig("d1-f1", "d1", value=8400, unit="mass", unit_name="kg", measure="grain stockpile")
    (c,) = [c for c in compare([over, limit]) if c.kind == "threshold"]
    assert c.verdict == "fell short"
    assert c.text == "Grain stockpile of 8,400 kg (d1) against the 300 kg level set as the limit (d1): exceeded."


def test_a_floor_is_not_taken_for_a_ceiling():
    out = compare([fig("d2-f3", "d2", value=30), TH])
    assert [c.text for c in out if c.kind == "threshold"] == [
        "Turnout of 30 per cent (d2) against the 25 per cent level called a success (d2): cleared."]


def test_a_level_followed_by_limit_is_a_ceiling_and_up_to_a_higher_figure_exceeds_it():
    """"the 3.5 per cent limit": the ceiling word follows the level; "levels up to 40 per cent" reached 40,
    over the ceiling, so it exceeded it (it does not straddle it)."""
    limit = fig("d1-f2", "d1", value=3.5, measure="enrichment", role="threshold", text="3.5 per cent",
                sentence="Enriching at levels up to 40 per cent, far higher than the 3.5 per cent limit set in the accord.")
    up_to = fig("d1-f1", "d1", value=40, bound="max", measure="enrichment", text="up to 40 per cent")
    (c,) = [c for c in compare([up_to, limit]) if c.kind == "threshold"]
    assert (c.verdict, c.text) == ("fell short", "Enrichment of up to 40 per cent (d1) against the 3.5 per cent level "
                                                 "set as the limit (d1): exceeded.")
    under = fig("d1-f3", "d1", value=2, bound="max", measure="enrichment", text="up to 2 per cent")
    (c,) = [c for c in compare([under, limit]) if c.kind == "threshold"]
    assert c.verdict == "cleared"


def test_a_threshold_is_set_against_figures_of_its_own_document_or_its_own_subject_only():
    """A minimum of 8,000 schools for one country says nothing of the 3 schools counted in another
    report: a threshold speaks of its document's case, or of the subject it names."""
    floor = fig("d2-f1", "d2", value=8000, unit="count", measure="school", role="threshold", subject="Freedonia",
                sentence="A minimum of 8,000 schools is needed.")
    elsewhere = fig("d1-f1", "d1", value=3, unit="count", measure="school", subject="Valdoria")
    unnamed = fig("d3-f1", "d3", value=9000, unit="count", measure="school")
    same_subject = fig("d4-f1", "d4", value=9000, unit="count", measure="school", subject="Freedonia")
    same_doc = fig("d2-f2", "d2", value=5000, unit="count", measure="school")
    pairs = {c.figures for c in compare([elsewhere, unnamed, same_subject, same_doc, floor]) if c.kind == "threshold"}
    assert pairs == {("d4-f1", "d2-f1"), ("d2-f2", "d2-f1")}
