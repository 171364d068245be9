"""Positions in a state's letter: the writer's stance, not the acts it reports. Another party's
rejection or breach is no stance of the writer's (it only says what the writer holds when the
writer condemns it); concern over a ceasefire's breakdown backs the ceasefire; a call for it
backs it; fresh calls reported in narration do not. Invented states and people."""
from __future__ import annotations

import pytest

from analysis.actors import Gazetteer
from analysis.analyses import stance
from analysis.analyses.statements import statements
from analysis.analyses.tensions import tensions
from analysis.config import Question
from analysis.lexicons import principles
from analysis_helpers import make_doc

Q = [Question("truce", "Ruritania-Borduria border ceasefire", ("ceasefire", "border", "aggression"))]
HEAD = ("Letter dated 3 March 2031 from the Permanent Representative of Ruritania to the United Nations "
        "addressed to the President of the Security Council")
SIGNED = "(Signed) Anna Weiss Permanent Representative of Ruritania to the United Nations"


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default([("Ruritania", ("Ruritanian",), "state"), ("Borduria", ("Bordurian",), "state"),
                              ("Syldavia", ("Syldavian",), "state")])


def letter(paras):
    return make_doc([{"text": HEAD}] + [{"text": p} for p in paras] + [{"text": SIGNED}], genre="plaintext", title=HEAD)


def positions_of(paras, gaz):
    doc = letter(paras)
    raw = statements(doc, gaz, principles())
    stmts, _, props, tgts = stance.assign(raw, doc, stance.topics(Q), {}, gaz, principles())
    return {p.actor: p for p in stance.positions(stmts, doc.id, props, tgts)}


@pytest.mark.parametrize("expected, sentence", [
    ("support", "Ruritania expresses grave concern over the breakdown of the ceasefire."),
    ("support", "We regret that Borduria rejected the proposal for a joint patrol along the border."),
    ("support", "Borduria's repeated violations of the ceasefire have been recorded by observers."),
    ("support", "Ruritania, Syldavia and Borduria call for an immediate ceasefire."),
    ("support", "We call for an immediate ceasefire."),
    ("support", "Ruritania remains committed to the ceasefire."),
    ("oppose", "Ruritania rejects the ceasefire."),
    (None, "Borduria rejected the ceasefire."),
    (None, "Bordurian forces have repeatedly rejected the ceasefire."),
    (None, "Fresh calls for a ceasefire came from Syldavia."),
    (None, "Ruritania remains committed to a diplomatic solution to the crisis on the border."),
    # a charge that something harms the act upholds the act; a denial of the charge, a question or
    # a participle that describes take no stance
    ("support", "Borduria's shelling of the villages, thus undermining the ceasefire, must stop."),
    ("oppose", "The ceasefire undermines Ruritania's security."),
    (None, "Ruritania's patrols do not undermine the ceasefire."),
    (None, "Has Borduria ever supported the ceasefire?"),
    # a refusal takes the stance of the verb refused: an act refused is narration
    (None, "Ruritania has refused to publish the ceasefire monitoring results."),
    ("oppose", "Ruritania refused to accept the ceasefire."),
    # another party's backing, reported
    (None, "The militia broke the ceasefire, all with the support and encouragement of Borduria."),
    ("support", "Ruritania spoke in support of the Ceasefire Accord."),
    (None, "Ruritanian troops, a force recognised for its professionalism in keeping the ceasefire, are deployed."),
])
def test_the_writers_stance_is_its_own_not_the_acts_it_reports(expected, sentence, gaz):
    got = positions_of([sentence], gaz).get("Ruritania")
    assert (got.stance if got else None) == expected


def test_the_accused_party_gets_no_position_from_the_writers_words(gaz):
    assert "Borduria" not in positions_of(["Borduria rejected the ceasefire and resumed its aggression."], gaz)


def tension_pairs(text, gaz):
    doc = letter([text])
    return {(t.actor, t.principle) for t in tensions(doc, statements(doc, gaz, principles()), (), principles(), gaz)}


def test_such_acts_are_charged_to_the_party_the_sentence_before_names(gaz):
    pairs = tension_pairs("Bordurian forces fired on villages across the border on 3 May. Such acts of aggression "
                          "flagrantly violate Ruritania's sovereignty.", gaz)
    assert ("Borduria", "sovereignty") in pairs
    assert not any(actor == "Ruritania" for actor, _ in pairs)


@pytest.mark.parametrize("text", [
    "Ruritania rejects the plan, which is inconsistent with Ruritanian sovereignty.",
    "Ruritania reaffirmed its commitment to the talks. Such acts of goodwill respect the sovereignty of all states.",
])
def test_the_defender_of_a_principle_is_not_its_violator(text, gaz):
    assert not any(actor == "Ruritania" for actor, _ in tension_pairs(text, gaz))


def test_a_position_on_a_question_no_one_configured_is_low(gaz):
    doc = make_doc([{"text": "Ruritanian Foreign Minister Anna Weiss said Ruritania supports the fishing accord."}],
                   title="The fishing accord")
    raw = statements(doc, gaz, principles())
    stmts, main, props, tgts = stance.assign(raw, doc, stance.topics(Q), {}, gaz, principles())
    assert main.id.endswith("-topic")
    assert all(p.confidence == "low" for p in stance.positions(stmts, doc.id, props, tgts))


def test_a_participle_naming_a_place_is_a_description_not_a_stance():
    import re
    frame = stance.simple_frame(re.compile("Syldavia"))
    assert not any(stance.cue_scores("Patrols end the hardship in occupied Syldavia.", frame).values())
    assert stance.cue_scores("Ruritania condemns the occupation of Syldavia.", frame)["oppose"] > 0


def test_such_acts_with_no_agent_nearby_go_low_to_the_party_last_charged(gaz):
    doc = letter(["This act of aggression by Borduria violates the ceasefire.",
                  "Mines were laid within Ruritanian territory last week.",
                  "Such acts are unlawful, constituting a flagrant violation of Ruritania's territorial integrity "
                  "and of international law."])
    found = {(t.actor, t.principle): t for t in tensions(doc, statements(doc, gaz, principles()), (), principles(), gaz)}
    assert found[("Borduria", "territorial-integrity")].confidence == "low"
    assert not any(actor == "Ruritania" for actor, _ in found)


@pytest.mark.parametrize("text, expected", [
    ("Borduria has violated its legal obligations under the treaty.", {("Borduria", "international-law")}),
    ("The report says Borduria flagrantly violates human rights in the valley.", {("Borduria", "human-rights")}),
    ("Borduria has not violated its legal obligations under the treaty.", set()),
    ("Observers who violated the curfew were detained.", set()),
])
def test_a_party_named_as_subject_of_a_breach_verb_is_in_tension(text, expected, gaz):
    assert tension_pairs(text, gaz) == expected


def test_a_joint_statement_gives_the_position_to_every_signatory(gaz):
    doc = letter(["Ruritania, Syldavia and Borduria call for an immediate ceasefire."])
    raw = statements(doc, gaz, principles())
    stmts, _, props, tgts = stance.assign(raw, doc, stance.topics(Q), {}, gaz, principles())
    pos = {p.actor: p for p in stance.positions(stmts, doc.id, props, tgts, gaz)}
    assert {a: p.stance for a, p in pos.items()} == {"Ruritania": "support", "Syldavia": "support",
                                                     "Borduria": "support"}
    assert "joint-statement" in pos["Syldavia"].basis


def test_parties_named_after_the_verb_are_not_signatories(gaz):
    doc = letter(["Ruritania and Syldavia urged Borduria to respect the ceasefire, which Ruritania supports."])
    raw = statements(doc, gaz, principles())
    stmts, _, props, tgts = stance.assign(raw, doc, stance.topics(Q), {}, gaz, principles())
    assert "Borduria" not in {p.actor for p in stance.positions(stmts, doc.id, props, tgts, gaz)}


def test_a_joint_letters_listed_actor_becomes_one_position_per_party(gaz):
    from analysis.analyses.positions import signatories
    assert signatories("Ruritania, Syldavia and Borduria", gaz) == ("Ruritania", "Syldavia", "Borduria")
    assert signatories("Ruritania and the Friends of the Lake", gaz) == ("Ruritania and the Friends of the Lake",)
    assert signatories("Ruritania", gaz) == ("Ruritania",)


def test_a_rhetorical_question_gives_no_stance_even_through_principles(gaz):
    import re
    frame = stance.simple_frame(re.compile("ceasefire"), against=("human-rights",))
    text = "Has Borduria ever respected the ceasefire or human rights?"
    assert not any(stance.cue_scores(text, frame, upheld=["human-rights"]).values())


def test_a_mixed_position_is_sure_only_with_the_actors_own_explicit_words_on_both_sides(gaz):
    """Both sides in one sentence (one act told beside another), or one side read from narration, is
    not a divided view the brief may state: medium. Sure cues on both sides keep it high."""
    from analysis.analyses.positions import positions
    from analysis.model.findings import SourceSpan, Statement

    def st(i, stance_, rule="stance-cue", confidence="high"):
        return Statement(id=f"l-s{i}", doc="l", anchor=f"l-p{i}", speaker=None, actor="Ruritania", kind="reported",
                         text="t", span=SourceSpan(f"l-p{i}", 0, 1, "t"), question="truce", stance=stance_,
                         confidence=confidence, basis=("letter-signatory", rule))

    one = positions([st(1, "mixed")], "l", {})
    assert (one[0].stance, one[0].confidence) == ("mixed", "medium") and "mixed-not-sure" in one[0].basis
    narrated = positions([st(1, "support"), st(2, "oppose", rule="stance-from-principles")], "l", {})
    assert narrated[0].stance == "mixed" and narrated[0].confidence != "high"
    both = positions([st(1, "support"), st(2, "oppose"), st(3, "support"), st(4, "oppose")], "l", {})
    assert both[0].stance == "mixed" and "mixed-not-sure" not in both[0].basis


@pytest.mark.parametrize("sentence, confidence", [
    ("Ruritania supports the ceasefire.", "high"),
    ("We call for an immediate ceasefire.", "high"),
    # a single generic word of urging ("must", "is needed") is not a firm stance of the writer's
    ("The ceasefire must hold.", "medium"),
    ("A lasting ceasefire is needed.", "medium"),
])
def test_a_position_resting_on_one_weak_cue_is_not_high(sentence, confidence, gaz):
    assert positions_of([sentence], gaz)["Ruritania"].confidence == confidence


def test_the_quote_is_the_writers_own_firm_words_not_its_account_of_another_partys_act(gaz):
    """Of several statements of the stance, the evidence quoted is the one in the actor's own voice
    with a firm cue, not a sentence about another party's violations (which only implies it)."""
    got = positions_of(["Borduria's repeated violations of the ceasefire have been recorded by observers.",
                        "Ruritania remains fully committed to the ceasefire agreed on 3 May under the auspices of "
                        "the regional organisation, and to its full and faithful implementation by both sides."],
                       gaz)["Ruritania"]
    assert got.stance == "support"
    assert got.quote.startswith("Ruritania remains fully committed")


def test_a_mixed_position_needs_more_than_one_sure_statement_on_each_side():
    """One sure sentence on a side is most often a misreading (a condemnation of a violation read as
    oppose, another party's act told): a divided view the brief may state needs two on each side."""
    from analysis.analyses.positions import positions
    from analysis.model.findings import SourceSpan, Statement

    def st(i, stance_):
        return Statement(id=f"l-s{i}", doc="l", anchor=f"l-p{i}", speaker=None, actor="Ruritania", kind="reported",
                         text="t", span=SourceSpan(f"l-p{i}", 0, 1, "t"), question="truce", stance=stance_,
                         confidence="high", basis=("letter-signatory", "stance-cue"))

    one_each = positions([st(1, "support"), st(2, "oppose")], "l", {})
    assert one_each[0].stance == "mixed" and one_each[0].confidence == "medium"
    two_each = positions([st(1, "support"), st(2, "oppose"), st(3, "support"), st(4, "oppose")], "l", {})
    assert two_each[0].stance == "mixed" and two_each[0].confidence == "high"


@pytest.mark.parametrize("key, confidence", [
    ('Anna Weiss said: "Ruritania firmly supports the ceasefire and the talks that follow it."', "high"),
    ('Ruritania firmly supports the ceasefire and calls on Borduria to respect it".', "high"),
    ("Anna Weiss said Ruritania supported the ceasefire.", "high"),
    # a quotation of a name only: the sentence around it is the writer's narration, not the actor's words
    ('The blame does not lie with Borduria alone; Ruritanian mediators invited this disaster by agreeing '
     'to call the new body the "Lake Shore Council."', "medium"),
])
def test_a_quoted_speakers_position_is_sure_only_when_the_quote_holds_their_words(key, confidence):
    from analysis.analyses.positions import positions
    from analysis.model.findings import SourceSpan, Statement

    st = Statement(id="n-s1", doc="n", anchor="n-p1", speaker=None, actor="Ruritania", kind="reported",
                   text=key, span=SourceSpan("n-p1", 0, 1, "t"), question="truce", stance="support",
                   confidence="high", basis=("quote+actor-speaker", "gazetteer-actor", "stance-cue"), key=key)
    assert positions([st], "n", {})[0].confidence == confidence


def test_a_sentence_in_the_middle_of_a_longer_quotation_is_the_speakers_own_words():
    from analysis.analyses.positions import positions
    from analysis.model.findings import SourceSpan, Statement

    key = "Ruritania firmly supports the ceasefire."
    text = f'Anna Weiss said: "We have waited long enough. {key} The talks must go on."'
    st = Statement(id="n-s1", doc="n", anchor="n-p1", speaker=None, actor="Ruritania", kind="reported",
                   text=text, span=SourceSpan("n-p1", 0, 1, "t"), question="truce", stance="support",
                   confidence="high", basis=("quote+named-speaker", "gazetteer-actor", "stance-cue"), key=key)
    assert positions([st], "n", {})[0].confidence == "high"


def test_the_quote_prefers_a_sentence_with_a_core_stance_word():
    """Of two sentences in the actor's voice, the one that says "support", "reject", "recognise" is
    quoted rather than one whose stance is read from a looser word ("fight for")."""
    from analysis.analyses.positions import positions
    from analysis.model.findings import SourceSpan, Statement

    def st(i, key):
        return Statement(id=f"s-s{i}", doc="s", anchor=f"s-p{i}", speaker=None, actor="Ruritania", kind="reported",
                         text=key, span=SourceSpan(f"s-p{i}", 0, 1, "t"), question="truce", stance="support",
                         confidence="high", basis=("speech-author", "stance-cue"), key=key)

    loose = st(1, "We have heard the peoples who fight for the ceasefire.")
    core = st(2, "Our solidarity and strong support go to the ceasefire and to all who keep it in the valley.")
    assert positions([loose, core], "s", {})[0].quote == core.key


@pytest.mark.parametrize("key, confidence", [
    ("Ruritania remains committed to the ceasefire.", "high"),
    ("We call on Borduria to respect the ceasefire.", "high"),
    ("The shelling of the villages is a flagrant violation of the ceasefire.", "high"),
    # what the writer tells of another state's acts or duties, in no voice of its own: inferred, not stated
    ("Instead of misleading their people, the Bordurian leaders would be well advised to accept the role "
     "of third parties in realizing the ceasefire.", "medium"),
    ("The militia shelled the villages in flagrant violation of the ceasefire, with the support of Borduria.",
     "medium"),
])
def test_a_position_read_from_an_account_of_another_states_acts_is_not_high(key, confidence, gaz):
    from analysis.analyses.positions import positions
    from analysis.model.findings import SourceSpan, Statement

    st = Statement(id="l-s1", doc="l", anchor="l-p1", speaker=None, actor="Ruritania", kind="reported",
                   text=key, span=SourceSpan("l-p1", 0, 1, "t"), question="truce", stance="support",
                   confidence="high", basis=("letter-signatory", "stance-cue"), key=key)
    assert positions([st], "l", {}, gaz=gaz)[0].confidence == confidence


@pytest.mark.parametrize("key, basis, person, confidence", [
    # a report's narration of what an unnamed body did, with no words of its own: no stated position
    ("Meanwhile, the transitional authorities in Ruritania reaffirmed their commitment to the ceasefire.",
     ("speech-verb-subject", "gazetteer-actor"), False, "medium"),
    ("The Government of Ruritania welcomed the ceasefire agreed in May.",
     ("act-verb-subject", "gazetteer-actor"), False, "medium"),
    # its words reported, a named official speaking, a quotation, a letter: the actor's own voice
    ("The Government of Ruritania said that it remained fully committed to the ceasefire.",
     ("speech-verb-subject", "gazetteer-actor"), False, "high"),
    ("Ruritania said it would not recognise the declaration.",
     ("speech-verb-subject", "gazetteer-actor"), False, "high"),
    ("Anna Weiss reaffirmed the commitment of Ruritania to the ceasefire.",
     ("speech-verb-subject", "nationality-adjective"), True, "high"),
    ('The Government of Ruritania stated: "We support the ceasefire without reservation."',
     ("quote+actor-speaker", "gazetteer-actor"), False, "high"),
    ("Ruritania reaffirms its commitment to the ceasefire.", ("letter-signatory",), False, "high"),
])
def test_a_position_resting_only_on_narration_of_an_unnamed_body_is_not_high(key, basis, person, confidence):
    """A position needs the actor's own words: a report's account that "the authorities reaffirmed their
    commitment" quotes no word of theirs, so the stance is the narrator's reading (medium)."""
    from analysis.analyses.positions import positions
    from analysis.model.findings import SourceSpan, Statement

    st = Statement(id="r-s1", doc="r", anchor="r-p1", speaker=None if not person else "Anna Weiss",
                   actor="Ruritania", kind="reported", text=key, span=SourceSpan("r-p1", 0, 1, "t"),
                   question="truce", stance="support", confidence="high", basis=basis + ("stance-cue",),
                   key=key, person=person)
    got = positions([st], "r", {})[0]
    assert got.confidence == confidence
    assert ("narration-only" in got.basis) == (confidence == "medium")
