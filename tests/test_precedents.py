"""Precedent claims: analogy, denial and warning, with negatives (a metaphor, cases merely listed)."""
from __future__ import annotations

import pytest

from analysis.actors import Gazetteer
from analysis.analyses.precedents import precedents
from analysis.analyses.statements import statements
from analysis.lexicons import principles
from analysis_helpers import make_doc


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default([("Ruritania", ("Ruritanian",), "state")])


def claims(texts, gaz):
    doc = make_doc([{"text": t} for t in texts])
    return precedents(doc, statements(doc, gaz, principles()), gaz)


@pytest.mark.parametrize("text, relation, a, b", [
    ("The Dutch minister Anna de Vries said the Ruritanian plan was just as dangerous as Munich in 1938.", "analogy", "Ruritania", "Munich"),
    ("Analysts warned that the Crimea scenario could be repeated in Moldova.", "warning", "Moldova", "Crimea"),
    ("A spokesperson for the Chilean government denied comparisons of Catalonia with Quebec.", "denial", "Catalonia", "Quebec"),
    ("Observers fear the new council could play a role similar to the one Hezbollah plays in Lebanon.", "warning", None, "Hezbollah"),
    ("The new council could play a role similar to the one the Northern League plays in Italy.", "analogy", None, "Northern League"),
    ("The senator likened Catalonia to Quebec.", "analogy", "Catalonia", "Quebec"),
    ("The settlement in Transnistria is reminiscent of Northern Cyprus in 1983.", "analogy", "Transnistria", "Northern Cyprus"),
    ("Critics fear the Donbas will become another Transnistria.", "warning", "Donbas", "Transnistria"),
    ("The minister said recognition of Somaliland would not set a precedent for Catalonia.", "denial", "Somaliland", "Catalonia"),
    ("The spokesman said every case is unique and that Kosovo is not Crimea.", "denial", "Kosovo", "Crimea"),
    ("Officials fear scenarios similar to those that occurred in Georgia in countries such as Moldova.", "warning", "Moldova", "Georgia"),
    ("Diplomats warned of a risk of the council turning into something close to Republika Srpska in Montenegro.", "warning", None, "Republika Srpska"),
    ("The opposition said a new Northern Cyprus was being created in Moldova.", "analogy", "Moldova", "Northern Cyprus"),
])
def test_relations(text, relation, a, b, gaz):
    found = claims([text], gaz)
    assert found, "no claim found"
    c = found[0]
    assert c.relation == relation
    names = c.subject + " | " + c.precedent
    if a:
        assert a in names
    assert b in names


def test_two_regions_resolves_to_cases_named_before(gaz):
    found = claims(["The conflict in Abkhazia and South Ossetia escalated.",
                    "The spokesperson denied comparisons of Kosovo with the two regions."], gaz)
    (c,) = found
    assert c.relation == "denial"
    assert "Kosovo" in c.subject + c.precedent
    assert "Abkhazia" in c.subject + c.precedent


@pytest.mark.parametrize("text", [
    "The minister said the talks were like walking through a minefield.",          # a metaphor, one case at most
    "Delegations from France, Germany and Italy attended the summit in Vienna.",   # cases merely listed
    "The economy grew just as fast as last year.",                                  # comparison without cases
    "Critics fear the enclave will become another Gaza.",                           # one case: no claim
])
def test_not_precedents(text, gaz):
    assert claims([text], gaz) == ()
