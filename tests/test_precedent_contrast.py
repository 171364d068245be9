"""Precedent denials drawn as a contrast with a past episode ("didn't hurt the way it did with X in
1998", "unlike Y in 2004"), made by someone the text names; analogies with a dated past episode
named by a common noun; the speaker's own country as the case a warning is about; and what is no
precedent: plain comparisons of size, stature or custom ("taller compared to Europeans"), and an
unsigned text's own descriptions ("an agency similar to that of X")."""
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


def claims(texts, gaz, author=None, publisher="The Daily Courier"):
    blocks = tuple(Block(anchor=f"t1-p{i}", kind="paragraph", text=t) for i, t in enumerate(texts, 1))
    doc = Document(id="t1", path="t1.txt", genre="plaintext", title="After the vote in Syldavia", date=None,
                   blocks=blocks, author=author, publisher=publisher)
    return precedents(doc, statements(doc, gaz, principles()), gaz)


@pytest.mark.parametrize("text, subject, precedent", [
    ("\u201cThe economy didn\u2019t suffer the way it did in 2008,\u201d said the Ruritanian finance minister Ivo Novak.",
     "economy", "2008"),
    ("\u201cUnlike in 1995, the army will stay in its barracks,\u201d said Ivo Novak, the Ruritanian minister.",
     "army", "1995"),
])
def test_a_contrast_with_a_bare_year_names_the_year_once(text, subject, precedent, gaz):
    (c,) = claims([text], gaz)
    assert (c.subject, c.precedent, c.relation) == (subject, precedent, "denial")


@pytest.mark.parametrize("text, claimant, subject, precedent", [
    ("\u201cThe election went well,\u201d said Pavel Orlik, a senior fellow at the Institute for Border Studies. "
     "\u201cSo the quarrel didn\u2019t hurt the way it did with Kasimir when he defied Vorlan in \u201998.\u201d",
     "Pavel Orlik", "quarrel", ("Kasimir", "\u201998")),
    ("\u201cThis time is different from Borduria in 2004,\u201d said Maria Koss, an analyst at the Lakeside Centre.",
     "Maria Koss", "This time", ("Borduria", "2004")),
    ("Jan Brok, a researcher at Vale University, said that unlike Borduria in 1995, the blockade of "
     "Syldavia would not end quickly.", "Jan Brok", "blockade", ("Borduria", "1995")),
])
def test_a_named_speakers_contrast_with_a_past_episode_is_a_denial(text, claimant, subject, precedent, gaz):
    found = [c for c in claims([text], gaz) if c.relation == "denial"]
    assert len(found) == 1, found
    c = found[0]
    assert c.claimant == claimant
    assert subject in c.subject
    assert all(p in c.precedent for p in precedent)
    assert c.confidence == "medium" and "contrast-cue" in c.basis  # a contrast is weaker than "rejected comparisons"


@pytest.mark.parametrize("text", [
    # the text's own voice: a description, not somebody's claim
    "Unlike Borduria, Syldavia has no coastline.",
    "Unlike in 1995, the harvest in Syldavia was poor.",
    # no past episode or case after the contrast
    "\u201cThe talks did not go the way the ministers wanted,\u201d said Anna Berg, a diplomat.",
    "\u201cUnlike most people, I liked the plan,\u201d said Anna Berg, a diplomat.",
    # a contrast between two parties today, not with a past episode
    "\u201cUnlike Borduria, Ruritania respects its neighbours,\u201d said Ivo Novak, the Ruritanian foreign minister.",
    "\u201cOur policy is different from Borduria's,\u201d said Ivo Novak, the Ruritanian foreign minister.",
    # a measure against a year, not an episode
    "\u201cPrices today differ from those in 1995,\u201d said Ivo Novak, the Ruritanian minister.",
    "\u201cThe harvest is different from that of 1995,\u201d said Ivo Novak, the Ruritanian minister.",
    # no negation: a likeness, and this cue alone does not make one
    "\u201cThe market reacted the way it did with Borduria in 1998,\u201d said Anna Berg, a diplomat.",
])
def test_no_contrast_claim_without_a_named_claimant_a_past_case_and_a_negation(text, gaz):
    assert not [c for c in claims([text], gaz) if "contrast-cue" in c.basis]


@pytest.mark.parametrize("text", [
    "Both travellers described Syldavia as a land of giants, remarking on the comparatively large stature "
    "of the native Syldavians compared to Europeans.",
    "The Bordurian empire remained relatively small, compared to the empires of other powers, including "
    "Ruritania and Syldavia.",
    "Syldavian farms are much larger compared to those in Borduria, the minister said.",
    "The security service operates similar to that of the Ruritanian Interior Ministry and has 900 staff.",
    "They imposed a strict form of customary law, similar to that found in Borduria.",
])
def test_a_plain_comparison_of_size_or_custom_is_no_precedent(text, gaz):
    assert not claims([text], gaz)


def test_both_is_no_claimant(gaz):
    found = claims(["Both ministers said Syldavia could become another Borduria."], gaz)
    assert found and found[0].claimant == "Both ministers"
    found = claims(["Both warned that Syldavia could become another Borduria."], gaz)
    assert not found or found[0].claimant != "Both"


@pytest.mark.parametrize("text", [
    "Syldavia's intelligence service operates in a way similar to that of Borduria.",
    "Syldavian rebels used tactics similar to those used in Borduria.",
    "The right lapses as soon as the Syldavian assembly elects another Borduria delegate.",
])
def test_a_description_in_an_unsigned_texts_own_voice_is_no_precedent(text, gaz):
    assert not claims([text], gaz, author=None, publisher=None)


@pytest.mark.parametrize("text", [
    "Syldavia could play a role similar to the one Borduria plays in the region.",   # a forecast
    "The settlement in Syldavia is reminiscent of Borduria in 1983.",                # an explicit analogy
])
def test_an_argued_likeness_in_an_unsigned_text_stays_but_low(text, gaz):
    (c,) = claims([text], gaz, author=None, publisher=None)
    assert c.claimant is None and c.confidence == "low"


def test_a_likeness_nobody_claims_in_an_unsigned_text_is_no_precedent(gaz):
    text = "Syldavia's intelligence service operates in a way similar to that of Borduria."
    # an author's note or a newspaper makes the claim in its own voice: kept, one step less sure
    (c,) = claims([text], gaz, author="Jan Kowalczyk", publisher=None)
    assert c.claimant == "Jan Kowalczyk" and c.confidence == "medium"
    # a person the text names, even in an unsigned text, is a claimant
    (c,) = claims(["Analysts in Borduria said Syldavia's crisis was similar to that of Ruritania in 1991."], gaz,
                  author=None, publisher=None)
    assert c.claimant.startswith("Analysts")


@pytest.mark.parametrize("text, subject, precedent", [
    ("The current drought is similar to the famine of the early 1980s, which ended only with foreign aid.",
     "current drought", "famine of the early 1980s"),
    ("Today's standoff over the dam is reminiscent of the border dispute of 1969.",
     "standoff over the dam", "border dispute of 1969"),
])
def test_a_likeness_with_a_dated_past_episode_is_an_analogy(text, subject, precedent, gaz):
    found = claims([text], gaz, author="Jan Kowalczyk")
    assert len(found) == 1, found
    c = found[0]
    assert c.relation == "analogy" and subject in c.subject and precedent in c.precedent
    assert c.claimant == "Jan Kowalczyk" and c.confidence == "medium" and "past-episode" in c.basis


@pytest.mark.parametrize("text", [
    "The harvest is similar to last year's.",                       # no dated episode
    "Prices in 2024 were similar to those in 2023.",                # a measure, "those" no episode
    "The new bridge is similar to the one built in 1990.",          # no episode noun
    "The new stadium is similar to the design of 1990.",            # no episode noun
])
def test_no_past_episode_analogy_without_a_dated_episode(text, gaz):
    assert not [c for c in claims([text], gaz, author="Jan Kowalczyk") if "past-episode" in c.basis]


def test_the_documents_case_named_by_an_adjective_in_the_title_is_the_place(gaz):
    blocks = tuple(Block(anchor=f"t1-p{i}", kind="paragraph", text=t) for i, t in enumerate([
        "Lakeland declared independence on Monday. The parliament of Lakeland voted unanimously.",
        "A spokesperson for the Bordurian government, Ivo Novak, said Borduria took note of the vote.",
        "Asked whether the situation resembled that of Syldavia, Novak declined to draw comparisons with Syldavia.",
    ], 1))
    doc = Document(id="t1", path="t1.txt", genre="plaintext", title="Reactions to the Lakelandian declaration",
                   date=None, blocks=blocks, publisher="The Daily Courier")
    found = precedents(doc, statements(doc, gaz, principles()), gaz)
    assert [(c.subject, c.precedent) for c in found] == [("Lakeland", "Syldavia")]


@pytest.mark.parametrize("text", [
    "The Foreign Minister of Syldavia, Ida Brandt, warned that a hasty withdrawal of the mission would turn her "
    "country into \"a new Borduria\".",
    "The Syldavian minister Ida Brandt said the cuts could turn our country into another Borduria.",
])
def test_the_speakers_own_country_is_the_subject_of_a_warning_about_it(text, gaz):
    found = claims([text], gaz)
    assert [(c.subject, c.precedent, c.claimant) for c in found] == [("Syldavia", "Borduria", "Ida Brandt")]


def test_her_country_is_no_case_without_a_speaker_for_a_state(gaz):
    found = claims(["Anna, a teacher, feared the war would turn her country into another Borduria."], gaz)
    assert not [c for c in found if c.subject == "Syldavia"]


def test_his_country_after_the_cue_is_not_the_subject(gaz):
    found = claims(["The Syldavian delegate Ida Brandt said that, just as the Borduria Mission had helped his "
                    "country rebuild, the new Ruritania Mission could help the valley."], gaz)
    assert not [c for c in found if c.subject == "Syldavia" or c.precedent == "Syldavia"]
