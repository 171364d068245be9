"""Stances and positions: cue words, negation, negative objects, principles and proponents."""
from __future__ import annotations

import pytest

from analysis.actors import Gazetteer
from analysis.analyses import stance
from analysis.analyses.statements import statements
from analysis.analyses.tensions import tensions
from analysis.config import Question
from analysis.lexicons import principles
from analysis_helpers import make_doc

Q = [Question("annex", "Annexation of the island", ("annex", "island"))]


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


def run(passages, gaz, genre="wikitext", title="The annexation of the island"):
    doc = make_doc(passages, genre=genre, title=title)
    raw = statements(doc, gaz, principles())
    tops = stance.topics(Q)
    first, _, _, _ = stance.assign(raw, doc, tops, {}, gaz, principles())
    sides = stance.principle_sides(first, tops)
    stmts, _, props, tgts = stance.assign(raw, doc, tops, sides, gaz, principles())
    pos = {p.actor: p for p in stance.positions(stmts, doc.id, props, tgts)}
    return doc, stmts, pos


@pytest.mark.parametrize("sentence, expected", [
    ("The Danish Foreign Minister Ida Holm said Denmark \"strongly condemns the annexation of the island\".", "oppose"),
    ("The Danish Foreign Minister Ida Holm said Denmark \"welcomes and supports the annexation of the island\".", "support"),
    ("The Danish Foreign Minister Ida Holm said Denmark \"will not recognise the annexation of the island\".", "oppose"),
    ("The Danish Foreign Minister Ida Holm said that recognising the island was \"a matter for sovereign states to decide\".", "neutral"),
])
def test_stance_cues(sentence, expected, gaz):
    _, _, pos = run([{"text": sentence}], gaz)
    assert pos["Denmark"].stance == expected


def test_refused_to_back_is_oppose(gaz):
    _, _, pos = run([{"kind": "row", "context": "Arab League",
                      "text": "The League refused to back the annexation of the island."}], gaz)
    assert pos["Arab League"].stance == "oppose"


def test_conflicting_evidence_is_mixed():
    gaz = Gazetteer.default([("Ruritania", ("Ruritanian",), "state")])
    _, _, pos = run([{"text": "The Finnish Prime Minister Aino Virtanen said she \"condemns Ruritania's annexation "
                              "of the island\"."},
                     {"kind": "row", "context": "African Union",
                      "text": "The members supported Ruritania's stance on the island. "
                              "They did not recognise the annexation of the island."}], gaz)
    assert pos["African Union"].stance == "mixed"


def test_backing_a_third_party_statement_is_no_stance(gaz):
    _, stmts, pos = run([{"kind": "row", "context": "African Union",
                          "text": "The Commission said it fully supports the chairperson's statement on the island."}],
                        gaz)
    assert "African Union" not in pos


def test_upholding_a_principle_the_act_violates_is_oppose(gaz):
    _, _, pos = run([
        {"text": "The Finnish Prime Minister Aino Virtanen said \"the annexation of the island violates the "
                 "territorial integrity of our neighbour\"."},
        {"text": "The Chilean Foreign Minister Rosa Vidal said Chile \"supports the territorial integrity of "
                 "the island's state\"."}], gaz)
    assert pos["Finland"].stance == "oppose"
    assert pos["Chile"].stance == "oppose"


def test_actor_whose_act_is_condemned_supports_it(gaz):
    _, _, pos = run([
        {"text": "The Finnish Prime Minister Aino Virtanen said she \"condemns Ruritania's annexation of the island\"."},
        {"text": "The Ruritanian Foreign Minister Otto Brandt said the criticism was \"unfortunate\"."}],
        Gazetteer.default([("Ruritania", ("Ruritanian",), "state")]))
    assert pos["Finland"].stance == "oppose"
    assert pos["Ruritania"].stance == "support"


def test_deploring_crime_backs_action_against_it(gaz):
    Qc = [Question("crime", "Action against crime", ("crime", "trafficking"))]
    doc = make_doc([{"kind": "paragraph", "context": "Ana Torres (Peru)",
                     "text": "ANA TORRES (Peru) said her country condemned trafficking and supported the "
                             "Council's plan against crime."}], genre="plaintext", title="Council acts on crime")
    raw = statements(doc, gaz, principles())
    stmts, _, props, _ = stance.assign(raw, doc, stance.topics(Qc), {}, gaz, principles())
    (pos,) = stance.positions(stmts, doc.id, props)
    assert (pos.actor, pos.stance) == ("Peru", "support")


def test_stated_tension(gaz):
    doc, stmts, pos = run([{"text": "The Finnish Prime Minister Aino Virtanen said \"Ruritania cannot have it "
                                    "both ways. For years Ruritania defended the principle of territorial "
                                    "integrity. Annexing the island is inconsistent with this principle.\""}],
                          Gazetteer.default([("Ruritania", ("Ruritanian",), "state")]))
    (t,) = tensions(doc, stmts, list(pos.values()), principles(), Gazetteer.default([("Ruritania", (), "state")]))
    assert (t.actor, t.principle, t.basis[0]) == ("Ruritania", "territorial-integrity", "stated")


def test_no_tension_without_cue(gaz):
    doc, stmts, pos = run([{"text": "The Finnish Prime Minister Aino Virtanen said Finland \"upholds the "
                                    "territorial integrity of every state\"."}], gaz)
    assert tensions(doc, stmts, list(pos.values()), principles(), gaz) == ()


@pytest.mark.parametrize("texts, actor, principle", [
    (["The Chilean delegate accused Peru of hypocrisy, noting that Peru has long defended the right of "
      "peoples to self-determination abroad."], "Peru", "self-determination"),
    (["Analysts called Norway's stance inconsistent with the principle of territorial integrity it champions."],
     "Norway", "territorial-integrity"),
    (["Ecuador has protested the new dam upstream.",
      "A government that invokes sovereignty at home while denying it to its neighbour is inconsistent with the "
      "principle it champions."], "Ecuador", "sovereignty"),
    (["Canberra cannot have it both ways.",
      "It reminds others that international law binds everyone, yet treats its own obligations as optional."],
     "Australia", "international-law"),
])
def test_tension_wordings(texts, actor, principle, gaz):
    doc = make_doc([{"text": t} for t in texts])
    stmts = statements(doc, gaz, principles())
    found = tensions(doc, stmts, [], principles(), gaz)
    assert [(t.actor, t.principle) for t in found][:1] == [(actor, principle)]
