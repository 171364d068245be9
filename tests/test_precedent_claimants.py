"""Precedent claims: the claimant is who makes the claim in the text, not the document's author;
an attached cue ("a new", "another") before a case that modifies a noun is no claim; every claim
says how sure it is."""
from __future__ import annotations

import pytest

from analysis.actors import Gazetteer
from analysis.analyses.precedents import precedents
from analysis.analyses.statements import statements
from analysis.lexicons import principles
from analysis.model.document import Block, Document


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default([("Ruritania", ("Ruritanian",), "state"), ("Borduria", ("Bordurian",), "state"),
                              ("Syldavia", ("Syldavian",), "state")])


def claims(texts, gaz, author="Jan Kowalczyk"):
    blocks = tuple(Block(anchor=f"t1-p{i}", kind="paragraph", text=t) for i, t in enumerate(texts, 1))
    doc = Document(id="t1", path="t1.txt", genre="plaintext", title="A note on Syldavia", date=None,
                   blocks=blocks, author=author)
    return precedents(doc, statements(doc, gaz, principles()), gaz)


@pytest.mark.parametrize("text, claimant", [
    ("Several diplomats warn that Syldavia could become another Borduria.", "Several diplomats"),
    ("In the capital, some observers fear that Syldavia will turn into a second Borduria.", "some observers"),
    ("Regional analysts have likened Syldavia to Borduria in the years before its partition.", "Regional analysts"),
])
def test_the_claimant_is_the_subject_of_the_claim_verb(text, claimant, gaz):
    found = claims([text], gaz)
    assert found and found[0].claimant == claimant
    assert found[0].confidence == "high" and "claim-verb-subject" in found[0].basis


def test_a_claim_in_the_texts_own_voice_is_the_authors_and_less_sure(gaz):
    found = claims(["Syldavia today is reminiscent of Borduria in 1990."], gaz)
    assert found and found[0].claimant == "Jan Kowalczyk"
    assert found[0].confidence == "medium" and "document-voice" in found[0].basis


def test_a_quoted_speakers_claim_is_the_speakers(gaz):
    found = claims(["The Ruritanian foreign minister Ida Brandt said Syldavia \"is no different from Borduria\"."], gaz)
    assert found and found[0].claimant == "Ida Brandt" and found[0].actor == "Ruritania"
    assert found[0].confidence == "high"


@pytest.mark.parametrize("text", [
    "On Friday, the government will announce a new Syldavia strategy.",
    "The minister planned another Borduria visit for the spring.",
])
def test_a_case_that_modifies_a_noun_after_an_attached_cue_is_no_claim(text, gaz):
    assert not claims([text], gaz)


def test_an_attached_cue_before_a_bare_case_is_still_a_claim_but_medium(gaz):
    found = claims(["Critics in Ruritania fear that Syldavia will become another Borduria."], gaz)
    assert found and found[0].precedent == "Borduria"
    assert found[0].confidence == "high"  # "become another" is an explicit warning cue
    found = claims(["Ruritanian officers were seen as a kind of Borduria for the ruling party."], gaz)
    assert all(c.confidence != "high" for c in found)


def test_a_pronoun_claimant_is_the_person_last_heard_not_the_author(gaz):
    found = claims(["The Ruritanian foreign minister Ida Brandt said talks would resume in May.",
                    "Asked about the border, she rejected comparisons of Syldavia with Borduria."], gaz)
    assert found and found[0].claimant == "Ida Brandt" and found[0].actor == "Ruritania"
    # the statement finder may resolve "she" itself; either way the claim is hers, not the author's


def test_an_unresolved_pronoun_claimant_is_nobody_not_the_author(gaz):
    found = claims(["Asked about the border, she rejected comparisons of Syldavia with Borduria."], gaz)
    assert found and found[0].claimant is None and found[0].confidence == "low"


def test_an_attached_cue_takes_no_subject_from_after_a_comma(gaz):
    found = claims(["These troops were seen as a kind of Borduria for the ruling party, Ruritania."], gaz)
    assert not [c for c in found if c.subject == "Ruritania"]
