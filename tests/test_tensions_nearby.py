"""A stated tension whose actor is only the one named most nearby (the cue's subject is a thing,
not a party) needs the principle in the cue's own object ("contrary to the principle of a
multi-ethnic state"); "incompatible with our national position" or "runs counter to that
understanding" names none. A party named inside a principle's own name ("the Charter of the
United Nations") is not a party named nearby."""
from __future__ import annotations

import pytest

from analysis.actors import Gazetteer
from analysis.analyses.statements import statements
from analysis.analyses.tensions import tensions
from analysis.lexicons import principles
from analysis_helpers import make_doc


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default([("Ruritania", ("Ruritanian",), "state"), ("Borduria", ("Bordurian",), "state")])


def found(texts, gaz):
    doc = make_doc([{"text": t} for t in texts], genre="plaintext", title="Notes")
    return {(t.actor, t.principle): t for t in tensions(doc, statements(doc, gaz, principles()), (), principles(), gaz)}


def test_a_thing_contrary_to_a_named_principle_is_the_nearby_partys_tension_but_low(gaz):
    got = found(["The donors long insisted on a multi-ethnic Ruritania.",
                 "The new land registry is contrary to the principle of a multi-ethnic state in Ruritania."], gaz)
    t = got.get(("Ruritania", "multi-ethnicity"))
    assert t is not None and t.confidence == "low"


@pytest.mark.parametrize("texts", [
    ["Ruritania supports the compact on refugees and the rule of law.",
     "But the text includes elements that are incompatible with our national position."],
    ["Ruritania stands for human rights and the rule of law everywhere.",
     "Ruritania wishes to disassociate itself from all language in this text that runs counter to that understanding."],
    ["Reaffirms that colonialism in any form is incompatible with the Charter of the United Nations."],
])
def test_no_nearby_tension_when_the_cue_names_no_principle_or_the_party_is_the_principles_name(texts, gaz):
    assert not [t for t in found(texts, gaz).values() if "most-named-nearby" in t.basis], found(texts, gaz)
