"""Negation and scope: what turns a stance cue (negators, "neither ... nor" after the verb) and
what leaves it without a stance (a hedge or a condition governing it)."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.actors import Gazetteer
from analysis.analyses import stance
from analysis.analyses.statements import statements
from analysis.config import Question
from analysis.lexicons import principles
from analysis_helpers import make_doc

Q = [Question("vote", "Recognition of the Syldavian referendum", ("referendum", "recogni"))]
CASES = [line.split(" | ", 1) for line in (Path(__file__).parent / "fixtures" / "stance" / "scope.txt")
         .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default([("Ruritania", ("Ruritanian",), "state"), ("Syldavia", ("Syldavian",), "state")])


def positions_of(text: str, gaz) -> dict[str, str]:
    doc = make_doc([{"text": text}], title="The Syldavian referendum")
    raw = statements(doc, gaz, principles())
    tops = stance.topics(Q)
    stmts, _, props, tgts = stance.assign(raw, doc, tops, {}, gaz, principles())
    return {p.actor: p.stance for p in stance.positions(stmts, doc.id, props, tgts)}


@pytest.mark.parametrize("expected, sentence", CASES, ids=[c[1][60:110] for c in CASES])
def test_negation_turns_and_hedges_withhold_a_stance(expected, sentence, gaz):
    got = positions_of(sentence, gaz).get("Ruritania")
    assert got == (None if expected == "none" else expected)
