"""Tensions read from an act that breaches a principle by its nature, as a news page or a statement
reports it: a government that blocks or censors the press, jails journalists, or commits atrocities
collides with human rights; a campaign's rhetoric said to undermine democratic ideals collides with
democratic legitimacy. The act's author is the party the text names as doing it, never the party
done to; being "committed to" a principle, or blocking a resolution or imports, is no such act."""
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
    doc = make_doc([{"text": t} for t in texts], genre="plaintext", title="News from the region")
    stmts = statements(doc, gaz, principles())
    return {(t.actor, t.principle): t for t in tensions(doc, stmts, (), principles(), gaz)}


@pytest.mark.parametrize("texts", [
    ["Access to the online encyclopaedia is being restored.",
     "A court ruled that the two-year block imposed by the Ruritanian government was unconstitutional."],
    ["Before the vote, Ruritania blocked access to independent news websites."],
    ["The Ruritanian authorities have jailed journalists and censored the press since the coup."],
    ["Witnesses said the Ruritanian police detained dozens of protesters."],
    ["Ruritania's government launched a crackdown on protesters in the capital, witnesses said."],
])
def test_a_government_that_blocks_censors_or_jails_the_press_is_in_tension_with_human_rights(texts, gaz):
    t = found(texts, gaz).get(("Ruritania", "human-rights"))
    assert t is not None, found(texts, gaz)
    assert t.confidence == "medium" and "repressive-act" in t.basis  # the principle is inferred from the act


@pytest.mark.parametrize("text", [
    "Anna Berg, a researcher, said that Ruritania's military-dominated government continued to commit grave "
    "human rights abuses and atrocities.",
    "The Ruritanian security forces committed atrocities in the northern valley, the report found.",
    "The report lists grave human rights abuses committed by the Ruritanian army since 2019.",
])
def test_a_party_said_to_commit_abuses_is_in_tension_with_human_rights(text, gaz):
    t = found([text], gaz).get(("Ruritania", "human-rights"))
    assert t is not None and t.confidence == "medium" and "committed-breach" in t.basis


@pytest.mark.parametrize("texts", [
    ["Ruritania is committed to human rights and the rule of law."],
    ["\u201cThe Ruritanian army has never committed atrocities,\u201d the Ruritanian general Ivo Dorn said."],
    ["Borduria said that Ruritania had not committed human rights abuses."],
    ["Ruritania committed 500 troops to the human rights monitoring mission."],
    ["Ruritania blocked the resolution on the valley in the Council."],
    ["Critics said the ban imposed by Ruritania on Bordurian imports hurt farmers."],
    ["Bordurian forces blocked the road to the Ruritanian border."],
    ["Ruritania condemned the crackdown on protesters in Borduria."],
    ["Ruritania has blocked access to the port since March."],
    ["Ruritania blocked the bill on press freedom in parliament."],
    ["Borduria arrested the leader of the protesters' opponents."],
    ["Ruritanian police arrested the suspected killers of two journalists."],
    ["The block imposed by the landlord on the building was lifted, a Ruritanian court said."],
])
def test_no_tension_from_commitments_or_blocks_that_are_not_repression(texts, gaz):
    assert not [k for k, t in found(texts, gaz).items()
                if {"repressive-act", "committed-breach"} & set(t.basis)], found(texts, gaz)


def test_the_victim_of_a_crackdown_is_not_its_author(gaz):
    got = found(["The Bordurian police launched a crackdown on Ruritanian journalists in the border town."], gaz)
    assert ("Borduria", "human-rights") in got and ("Ruritania", "human-rights") not in got


@pytest.mark.parametrize("texts, actor, confidence", [
    (["Ruritania's campaign rhetoric undermines democratic values, the observers said."], "Ruritania", "medium"),
    (["Observers warned about campaign rhetoric from Prime Minister Kalda's Harmony party, which told supporters "
      "that minority voters were flooding the polls.",
      "\u201cWe are deeply concerned about rhetoric that seeks to marginalize minority citizens,\u201d the Bordurian "
      "envoy Ivo Novak said. \u201cIt undermines the democratic ideals we share.\u201d"], "Harmony", "low"),
])
def test_conduct_said_to_undermine_a_principle_is_its_authors_tension(texts, actor, confidence, gaz):
    got = [t for (a, p), t in found(texts, gaz).items() if p == "democratic-legitimacy" and actor in a]
    assert got and got[0].confidence == confidence and "conduct-undermines" in got[0].basis, found(texts, gaz)


@pytest.mark.parametrize("texts", [
    ["Ruritania said that foreign interference undermines democratic values."],
    ["The Bordurian envoy praised rhetoric from the Harmony party.", "It strengthens democratic ideals."],
    ["Observers criticised rhetoric from the Harmony party.", "Ruritania said it has undermined nothing."],
    # a new referent ("a new policy") is not the one whose author was named before
    ["Borduria's policy on fishing was discussed in March.", "Last week the assembly adopted a new policy.",
     "Critics say it undermines democratic values."],
    ["\u201cRuritania's new policy does not undermine democratic values,\u201d the minister said."],
    ["Ruritania's campaign was threatened by attacks on democratic institutions."],
])
def test_no_tension_for_conduct_without_an_author_or_a_charge(texts, gaz):
    assert not [t for t in found(texts, gaz).values() if "conduct-undermines" in t.basis], found(texts, gaz)
