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


def test_a_position_is_high_only_on_an_explicit_cue_in_the_questions_terms(gaz):
    doc = make_doc([{"text": "Ruritanian Foreign Minister Anna Weiss said Ruritania recognises the referendum."},
                    {"text": "Bordurian Foreign Minister Jon Lund said the vote was a violation of "
                             "the sovereignty of Syldavia."}], title="The Syldavian referendum")
    gz = Gazetteer.default([("Ruritania", ("Ruritanian",), "state"), ("Borduria", ("Bordurian",), "state"),
                            ("Syldavia", ("Syldavian",), "state")])
    raw = statements(doc, gz, principles())
    stmts, _, props, tgts = stance.assign(raw, doc, stance.topics(Q), {"vote": ({"sovereignty"}, set())}, gz,
                                          principles())
    pos = {p.actor: p for p in stance.positions(stmts, doc.id, props, tgts)}
    assert pos["Ruritania"].confidence == "high" and pos["Ruritania"].basis[0] == "stance-cue"
    assert "recognises the referendum" in pos["Ruritania"].quote
    if "Borduria" in pos:  # a stance read from principles is an inference
        assert pos["Borduria"].confidence != "high"
