"""The evidence a position shows: a stance read only from words against a bad thing ("illegal drug
trafficking threatens ...", "crime undermines the state") holds no stance word on the question's act,
so the position is not sure and a sentence with such a word is shown before it."""
from __future__ import annotations

import pytest

from analysis.actors import Gazetteer
from analysis.analyses import stance
from analysis.analyses.statements import statements
from analysis.config import Question
from analysis.lexicons import principles
from analysis_helpers import make_doc

CRIME = Question("crime", "The Council's action against organised crime", ("organised crime", "drug trafficking"))
SPEAKER = "Ruritanian Foreign Minister Anna Weiss said "


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default([("Ruritania", ("Ruritanian",), "state"), ("Borduria", ("Bordurian",), "state")])


def position(texts: list[str], gaz):
    doc = make_doc([{"text": t} for t in texts], genre="plaintext", title=CRIME.label)
    raw = statements(doc, gaz, principles())
    tops = stance.topics([CRIME])
    first, _, props, _ = stance.assign(raw, doc, tops, {}, gaz, principles())
    sides = stance.principle_sides(first, tops, gaz, {doc.id: set(props)})
    stmts, _, props, tgts = stance.assign(raw, doc, tops, sides, gaz, principles())
    return {p.actor: p for p in stance.positions(stmts, doc.id, props, tgts)}.get("Ruritania")


@pytest.mark.parametrize("text", [
    "illegal drug trafficking threatens the stability of the whole region.",
    "organised crime undermines the authority of the state.",
    "Ruritania condemned drug trafficking in all its forms.",
])
def test_words_against_a_bad_thing_alone_give_no_sure_position(text, gaz):
    found = position([SPEAKER + text], gaz)
    assert found is not None and found.stance == "support"
    assert found.confidence != "high"
    assert "bad-thing-condemned-only" in found.basis


@pytest.mark.parametrize("text", [
    "Ruritania supports the Council's action against organised crime.",
    "Ruritania welcomed the presidential statement on drug trafficking and organised crime.",
])
def test_a_stance_word_on_the_act_gives_a_sure_position(text, gaz):
    found = position([SPEAKER + text], gaz)
    assert found is not None and found.stance == "support"
    assert found.confidence == "high" and "bad-thing-condemned-only" not in found.basis


def test_the_sentence_shown_holds_the_stance_word_on_the_act(gaz):
    found = position([SPEAKER + "illegal drug trafficking threatens the stability of the whole region. "
                      "Ruritania therefore supports the Council's action against organised crime."], gaz)
    assert found is not None and found.stance == "support"
    assert found.quote.startswith("Ruritania therefore supports")
