"""Which question a statement is on: a question's word used in another sense (a vote on an
unrelated resolution, a state's "sovereign assets", a state's "Permanent Mission") does not put a
statement, or a document, on that question; a vote is a stance on the resolution voted on, so it
is on a question only when that resolution's subject is the question's. Invented states and texts."""
from __future__ import annotations

import pytest

from analysis.actors import Gazetteer
from analysis.analyses import stance
from analysis.analyses.stance.question_topics import topic_in
from analysis.analyses.statements import statements
from analysis.config import Question
from analysis.lexicons import principles
from analysis_helpers import make_doc

ELECTIONS = Question("elections", "Elections, votes and their integrity",
                     ("election", "electoral", "ballot", "vote", "observer"))
STATEHOOD = Question("statehood", "Sovereignty, territorial integrity and self-determination",
                     ("sovereign", "territorial integrity", "self-determination"))
MISSIONS = Question("missions", "UN peace operations and their mandates", ("peacekeep", "mandate", "mission"))
FRONTIER = Question("frontier", "The border between Ruritania and Borduria", ("border", "frontier"))
RELIEF = Question("relief", "Humanitarian access and protection of civilians", ("humanitarian", "access", "famine"))
TOPS = stance.topics([ELECTIONS, STATEHOOD, MISSIONS])


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default([("Ruritania", ("Ruritanian",), "state"), ("Syldavia", ("Syldavian",), "state"),
                              ("Borduria", ("Bordurian",), "state")])


@pytest.mark.parametrize("question, text", [
    (ELECTIONS, "Ruritania voted in favour of the draft resolution on lake fisheries."),
    (ELECTIONS, "We therefore voted against it."),
    (ELECTIONS, "A recorded vote was taken."),
    (ELECTIONS, "Before giving the floor for explanations of vote before the voting, I remind delegations."),
    (ELECTIONS, "The draft amendment was adopted by 80 votes to 12, with 30 abstentions."),
    (ELECTIONS, "That is why we called for a vote on the text today."),
    (ELECTIONS, "I call on all Member States to vote in favour."),
    (ELECTIONS, "The Permanent Observer of the Holy See made a statement."),
    (STATEHOOD, "They need the text only to keep afloat their claims to the sovereign assets of Ruritania."),
    (STATEHOOD, "Syldavia's sovereign debt was restructured last year."),
    (MISSIONS, "Note verbale dated 3 May from the Permanent Mission of Ruritania to the United Nations."),
    (RELIEF, "Urges all States to ensure the safety of the Group of Experts and unhindered access, in particular to persons, documents and sites."),
    (RELIEF, "The commission was refused access to the ministry's records and archives."),
    (FRONTIER, "Calls for the airport and the border crossings to remain open for aid convoys."),
    (FRONTIER, "Trucks queued for days at the border crossing point."),
])
def test_a_word_of_the_question_in_another_sense_is_not_the_question(question, text):
    assert not topic_in(stance.topics([question])[0].pattern(), text)


@pytest.mark.parametrize("question, text", [
    (ELECTIONS, "Ruritania will not recognise the vote, which was rigged."),
    (ELECTIONS, "Citizens queued for hours to vote in the presidential election."),
    (ELECTIONS, "The vote count in the capital was halted twice."),
    (ELECTIONS, "Ruritania voted in favour of the resolution on free and fair elections in Syldavia."),
    (ELECTIONS, "International observers reported widespread irregularities."),
    (STATEHOOD, "Ruritania upholds the sovereign equality of all States."),
    (STATEHOOD, "Every State has the sovereign right to decide who crosses its borders."),
    (MISSIONS, "The Council extended the mission's mandate to protect civilians."),
    (RELIEF, "The militia denied access to persons in need in the camps."),
    (RELIEF, "Aid convoys need safe and unhindered access to the besieged towns."),
    (FRONTIER, "Borduria's troops crossed the border into Ruritania."),
])
def test_a_word_of_the_question_in_its_own_sense_is_the_question(question, text):
    assert topic_in(stance.topics([question])[0].pattern(), text)


RECORD = [
    "The Acting President: Before giving the floor for explanations of vote before the voting, may I remind "
    "delegations that explanations of vote are limited to 10 minutes.",
    "Mr. Weiss (Ruritania): Ruritania supports the draft resolution on lake fisheries. We will vote in favour of it.",
    "The Acting President: A recorded vote has been requested. A recorded vote was taken.",
    "Draft resolution A/90/L.12 was adopted by 120 votes to 3, with 20 abstentions.",
    "Mr. Novak (Syldavia): Syldavia voted against the draft resolution on cooperation between the United "
    "Nations and the Lake League, as it is political rather than technical.",
    "Ms. Ivo (Borduria): Borduria voted in favour of the resolution, but we would like to add the following remarks.",
]


def positions_of(paras, gaz, title="General Assembly, ninetieth session, 64th plenary meeting"):
    doc = make_doc([{"text": p} for p in paras], genre="plaintext", title=title)
    raw = statements(doc, gaz, principles())
    stmts, main, props, tgts = stance.assign(raw, doc, TOPS, {}, gaz, principles())
    return main, {(p.actor, p.question): p for p in stance.positions(stmts, doc.id, props, tgts, gaz)}


def test_a_record_of_votes_on_unrelated_resolutions_is_not_about_elections(gaz):
    main, pos = positions_of(RECORD, gaz)
    assert main.id != "elections"
    assert not any(q == "elections" for _, q in pos)
    assert not any(p.confidence == "high" for p in pos.values())


def test_a_vote_on_a_resolution_about_elections_is_a_stance_on_elections(gaz):
    main, pos = positions_of(RECORD + [
        "Mr. Dane (Ruritania): Ruritania voted in favour of the resolution on strengthening free and fair elections "
        "and electoral observation, because every election must be open to international observers."], gaz)
    assert pos[("Ruritania", "elections")].stance == "support"


SOVEREIGNTY_ASIDES = RECORD + [
    "Mr. Weiss (Ruritania): Ruritania supports the draft resolution on lake fisheries and will vote in favour of it.",
    "Mr. Novak (Syldavia): Syldavia cannot support the draft resolution in its current form.",
    "Mr. Novak (Syldavia): Any cooperation must respect the sovereignty of States. Sovereignty is not negotiable. "
    "We defend the sovereign equality of States, the sovereignty of small States and the sovereignty of our own.",
]


def test_a_cue_off_the_questions_words_is_no_stance_when_the_document_is_only_partly_on_the_question(gaz):
    """A record that mentions sovereignty in passing is not headed by the question: backing "the draft
    resolution" there says nothing about sovereignty (the resolution's own subject is another)."""
    main, pos = positions_of(SOVEREIGNTY_ASIDES, gaz)
    assert main.id == "statehood"
    assert ("Ruritania", "statehood") not in pos
    assert pos[("Syldavia", "statehood")].stance == "support"


@pytest.mark.xfail(strict=True, reason="known gap: cues.py takes an act noun ('the draft resolution') as the act only in a "
                   "sentence with the question's words (precision first); the document's heading does not widen that yet")
def test_a_cue_off_the_questions_words_counts_in_a_document_headed_by_the_question(gaz):
    """Backing "the draft resolution" in a record headed by a resolution on the question backs the
    question's act; backing another resolution named by its own subject would not."""
    headed = [p.replace("the draft resolution on lake fisheries", "the draft resolution") for p in SOVEREIGNTY_ASIDES]
    main, pos = positions_of(headed, gaz, title="Draft resolution on the sovereignty of the islands")
    assert main.id == "statehood"
    assert pos[("Ruritania", "statehood")].stance == "support"


def test_other_senses_found_from_their_heads_equal_the_plain_scan():
    """other_sense_spans tries the patterns only where a lexicon head word starts: every match of the
    plain scan must start with one of the heads, so both find the same spans."""
    import random

    from analysis.analyses.stance.question_topics import other_senses_pattern, other_sense_spans
    from analysis.lexicons import data

    words = (data("questions")["other_senses"]["heads"]
             + ["votes", "voted", "in", "favour", "of", "the", "draft", "resolution", "against", "it", "to", "a",
                "vote", "recorded", "12", "assets", "debt", "missions", "Ruritania", "United", "Nations", "status",
                "States", ".", ",", "nearby", "hands", "roll-call", "explanations"])
    rng = random.Random(11)
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        assert other_sense_spans.__wrapped__(text) == tuple(m.span() for m in other_senses_pattern().finditer(text)), text
