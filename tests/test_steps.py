"""The ordered steps of the analysis (build/steps.STEPS) are consistent: each needs only what an
earlier step adds or hands on, every table of findings.json is added by exactly one step, and a
per-document step's result holds exactly what it declares."""
from __future__ import annotations

from analysis.build.steps import STEPS, tables
from analysis.model.findings import FIELDS


def test_every_need_is_added_or_handed_by_an_earlier_step():
    available: set[str] = set()
    for step in STEPS:
        missing = set(step.needs) - available
        assert not missing, f"{step.name} needs {sorted(missing)} before any step adds it"
        available |= set(step.returns) | set(step.hands)


def test_step_names_and_added_values_are_unique():
    assert len({s.name for s in STEPS}) == len(STEPS)
    added = [name for s in STEPS for name in (*s.returns, *s.hands)]
    assert len(added) == len(set(added)), added


def test_every_table_is_found_by_one_step_and_the_findings_1_tables_come_first():
    found = [name for s in STEPS for name in s.finds]
    assert len(found) == len(set(found)), "each table is found by one step"
    assert set(FIELDS) <= set(found), "each field of Findings is a table a step finds"
    assert tables()[:len(FIELDS)] == FIELDS and sorted(tables()) == sorted(found)


def test_steps_run_per_document_or_once_over_the_corpus():
    for step in STEPS:
        assert step.per in ("document", "corpus"), step.name
        if step.per == "corpus":
            assert not step.hands and step.view is None, step.name
        else:
            assert step.label, step.name
