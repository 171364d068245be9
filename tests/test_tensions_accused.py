"""Tensions the text states as a charge: an actor accused in so many words of breaching a principle
("Utopia's continuing violations of human rights") collides with it; a charge without a named
party, a party merely near the word, or the speaker's own side gives none."""
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


def found(text, gaz):
    doc = make_doc([{"text": text}], genre="plaintext", title="Letter from the Permanent Representative of Ruritania")
    stmts = statements(doc, gaz, principles())
    return {(t.actor, t.principle): t for t in tensions(doc, stmts, (), principles(), gaz)}


@pytest.mark.parametrize("text, principle", [
    ("The world cannot ignore Borduria's egregious and continuing violations of human rights in the valley.",
     "human-rights"),
    ("Ruritania calls for an end to Borduria's repeated violations of the right to self-determination of the "
     "valley's people.", "self-determination"),
])
def test_a_named_party_accused_of_breaching_a_principle_is_in_tension_with_it(text, principle, gaz):
    t = found(text, gaz).get(("Borduria", principle))
    assert t is not None and t.confidence == "medium" and t.basis == ("stated", "accused-of-breach")


@pytest.mark.parametrize("text", [
    "Reports of violations of human rights in the valley continue to reach the Council.",
    "Borduria said violations of human rights must be investigated.",
    "Borduria's delegation described the report on human rights as balanced.",
])
def test_no_named_accused_no_tension(text, gaz):
    assert not [k for k in found(text, gaz) if k[0] == "Borduria"]


def test_a_speakers_charge_against_its_own_side_is_not_read_as_a_tension(gaz):
    text = ("The Bordurian Foreign Minister Ivo Novak said: \"Borduria's critics ignore Borduria's record of "
            "violations of human rights by others.\"")
    charged = {k for k, t in found(text, gaz).items() if "accused-of-breach" in t.basis}
    assert ("Borduria", "human-rights") not in charged
