"""Polarity of stance cues: which side of a question's act a statement's words take when they
condemn a breach of a principle the question names, report another party's acts, or take a stance
implicitly (a verdict on the act, welcoming its end, "there will be no X")."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.actors import Gazetteer
from analysis.analyses import stance
from analysis.analyses.statements import statements
from analysis.config import Question
from analysis.lexicons import principles
from analysis_helpers import make_doc

QUESTIONS = {q.id: q for q in [
    Question("integrity", "Sovereignty, territorial integrity and independence",
             ("sovereign", "territorial integrity", "independence")),
    Question("secession", "Recognition of the independence of Syldavia", ("recogni", "independence")),
    Question("relief", "Humanitarian access and protection of civilians", ("humanitarian", "access", "famine")),
    Question("truce", "The ceasefire between Ruritania and Borduria", ("ceasefire", "hostilities")),
    Question("strife", "Ceasefires, hostilities and attacks on civilians", ("ceasefire", "hostilit", "attack")),
    Question("embargo", "Imposing, renewing or lifting sanctions", ("sanction", "embargo")),
    Question("mission", "Peace operations and their mandates", ("peacekeeping", "mission")),
    Question("block", "The block of a news site", ("block", "censorship")),
    Question("statehood", "Syldavian statehood and the two-state solution", ("Syldavian state", "two-state")),
    Question("frontier", "The border between Ruritania and Borduria", ("border", "frontier")),
    Question("status", "Self-determination and the status of Vlatava", ("self-determination", "plebiscite", "Vlatava")),
    Question("crime", "Action against transnational organised crime", ("organised crime", "organized crime", "transnational")),
]}
CASES = [line.split(" | ", 2) for line in (Path(__file__).parent / "fixtures" / "stance" / "polarity.txt")
         .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default([("Ruritania", ("Ruritanian",), "state"), ("Borduria", ("Bordurian",), "state"),
                              ("Syldavia", ("Syldavian",), "state")])


def passage(text: str) -> dict:
    """A passage of a fixture line; "[row X] ..." is a row of a table of positions, headed X;
    "[turn X] ..." a speaker's turn in a debate, under the label X."""
    if text.startswith("[row "):
        head, _, rest = text[5:].partition("] ")
        return {"text": rest, "kind": "row", "context": head, "role": "table-row"}
    if text.startswith("[turn "):
        head, _, rest = text[6:].partition("] ")
        return {"text": rest, "context": head, "role": "speaker-turn"}
    return {"text": text}


def position_of(question: Question, text: str, gaz) -> str | None:
    doc = make_doc([passage(t) for t in text.split(" || ")], genre="plaintext", title=question.label)
    raw = statements(doc, gaz, principles())
    tops = stance.topics([question])
    first, _, props, _ = stance.assign(raw, doc, tops, {}, gaz, principles())
    sides = stance.principle_sides(first, tops, gaz, {doc.id: set(props)})  # as the build does
    stmts, _, props, tgts = stance.assign(raw, doc, tops, sides, gaz, principles())
    return {p.actor: p.stance for p in stance.positions(stmts, doc.id, props, tgts)}.get("Ruritania")


@pytest.mark.parametrize("expected, question, text", CASES, ids=[f"{c[1]}:{c[2][45:100]}" for c in CASES])
def test_polarity_of_a_statement_towards_the_questions_act(expected, question, text, gaz):
    assert position_of(QUESTIONS[question], text, gaz) == (None if expected == "none" else expected)
