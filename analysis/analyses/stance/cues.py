"""One statement's words -> support / oppose / neutral weights towards a question's act.

Stance is read from cue words (lexicons/cues.json "stance") aimed at the act: the cue is itself
a topic word, or its object names the topic, the act, its proponent or target, or a principle.
Negation, hedges, conditions, reported acts of other parties (their subject, possessive,
relative clause or belief), attributive participles, the act's end or obstruction ("welcomed the
lifting of the block") and verdicts on it ("the block was unconstitutional") are weighed here,
with scope words from lexicons/cues.json "stance_scope"; stance/verdict.py turns the weights into one stance."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from ...lexicons import absent, anchors, cue_source, cues, data, lowered, pattern
from ..principles import document_annex
from ..text import sentences
from .cue_scope import (CLAUSE_PUNCT, NOUN_AFTER, REFUSAL_CONDITION, SUBJECT_WORDS, assistance, attributive, conditional,
                        hedged, negated_clause, opposition_camp, threat)
from .question_topics import mentions, topic_in

# compiled once: these run in hot loops, where re's own cache lookup per call was measurable
_QUESTION_END = re.compile(r"\?[\s\u201d\"')\]]*$")
_RELATIVE_WORD = re.compile(r"(?i)\b(?:which|who|that)\b")
_OPEN_QUOTE = re.compile(r"[\u201c\"]")
_THIRD_PERSON = re.compile(r"(?i)\b(?:he|she|they|who)\b(?!.*\b(?:I|we)\b)")

INDIRECT = {"support": "support-indirect", "oppose": "oppose-indirect"}
"""cue_scores' keys for the part of a side's weight read only from words against a bad thing
("condemned drug trafficking", "crime undermines the state"): no stance word on the act itself."""


def no_party(_text: str) -> bool:
    return False


@dataclass(frozen=True)
class Frame:
    """What one statement's stance is judged against."""

    topic: re.Pattern
    against: frozenset[str]
    favour: frozenset[str]
    principles: tuple
    is_proponent: Callable[[str], bool]
    is_target: Callable[[str], bool]
    focus: bool = False
    """The passage is about the question as a whole (a table row of positions)."""
    turn: bool = False
    """The passage is a speaker's turn in a debate on the question: backing there backs the question."""
    is_party: Callable[[str], bool] = no_party
    """Names a state, organisation or other party."""
    is_other: Callable[[str], bool] = no_party
    """Names an actor other than the statement's own: such a party as the cue's subject is
    reported, and its act is no stance of the speaker's."""
    label: str = ""
    """The question's label: an ending of the act it names ("lifting sanctions") is the act, not its end."""
    speaker: str = ""
    """The statement's speaker: another titled person as a cue's subject is reported, not the speaker."""
    judged: dict = field(default_factory=dict, compare=False, repr=False)
    """_judge's answers under this frame by (sentence, cue start, cue kind): key_sentence scores
    a statement's sentences again with the frame the statement was scored with."""


_UNJUDGED = object()


def simple_frame(topic_pat: re.Pattern, principles=(), against=(), favour=()) -> Frame:
    return Frame(topic_pat, frozenset(against), frozenset(favour), tuple(principles), no_party, no_party)


_EVALUATIVE = re.compile(r"(?i)violat|breach|undermin|contrary|inconsistent|jeopardi|infring")
_NOMINAL = re.compile(r"(?:tion|sion|ment|ance|ence)s?$")
_ACT_FRAME = re.compile(r"(?:^|\s)(?:decision|move|plans?|intention|attempt|bid|efforts?)\s+to\s+$|"
                        r"(?:^|\s)(?:the|its|their|his|her)\s+$")
_POSSESSOR = re.compile(r"(?:^|\s)(?:the\s+)?([\w.'\u2019 -]{1,40}?)['\u2019]s\s+(?:stance|position|statement|view|"
                        r"proposal|declaration)")
_OBJECT_END = re.compile(r"[.;]|\b(?:but|while|whereas|although)\b|"
                         r"\band\s+(?:has|have|had|is|are|was|were|will|would)\b")
"""Where a cue's object ends: a new clause, or "and" opening a new predicate of the subject ("... and has upheld")."""
_HEAD_END = re.compile(r"\s(?:against|for|to|on|in|with|by|and|of|from|as)\s|,")


# precompiled: these run for every cue of every statement
_BY_FROM = re.compile(r"\s*(?:by|from)\b")
_POSSESSIVE_OR_LIKENING = re.compile(r"['\u2019]s\b|\s+(?:comparisons?|analog|parallels?|likening)")
_PRINCIPLE_HEAD_END = re.compile(r"\s(?:to|on|in|for|against|with|by|from|that|which)\s|[,;]")


def cue_scores(text: str, frame: Frame, upheld=(), violated=(), trace: list | None = None) -> dict[str, float]:
    """Support/oppose/neutral weights of one statement's words towards the topic's act."""
    scores = {"support": 0.0, "oppose": 0.0, "neutral": 0.0, INDIRECT["support"]: 0.0, INDIRECT["oppose"]: 0.0}

    def add(label: str, weight: float, cue: str, indirect: bool = False) -> None:
        scores[label] += weight
        if indirect:
            scores[INDIRECT[label]] += weight
        if trace is not None:
            trace.append((cue, label, weight))

    for sent in sentences(text):
        t = sent.text
        hits = _cue_hits(t)
        if not hits or _QUESTION_END.search(t):
            continue  # a question ("Has it condemned the militia it supports?") asserts no stance
        about = mentions(frame.topic, t)
        for kind, m in hits:
            key = (t, m.start(), kind)
            judged = frame.judged.get(key, _UNJUDGED)
            if judged is _UNJUDGED:
                judged = frame.judged[key] = _judge(t, m, kind, about, frame)
            if judged and not _third_party(text, sent.start + m.start(), t[:m.start()]):
                add(judged[0], judged[1], m.group(), len(judged) > 2 and judged[2])
    if _all_questions(text):
        return scores  # nothing but questions: no principle is upheld in so many words either
    for p in upheld:  # the statement's own principles, weighed by what the act is said to violate
        if _only_as_topic(p, text, frame):
            continue  # "ceasefire" names both the question and non-use of force: no evidence beyond the cues
        if p in frame.against:
            add("oppose", 1.0, p)
        elif p in frame.favour:
            add("support", 1.0, p)
    for p in violated:
        if p in frame.against:
            add("oppose", 0.5, p)
    return scores


_DETERMINED = r"(?:(?:the|a|an|its|their|our|his|her|this|that|[\w-]+['\u2019]s)\s+)?(?:[a-z-]+\s+){0,2}$"


@lru_cache(maxsize=1)
def _placed() -> re.Pattern:
    return re.compile(cue_source(cues()["stance_scope"]["place_before"], grouped=False) + r"\s+" + _DETERMINED,
                      re.IGNORECASE)


_RECOGNISE = re.compile(r"(?i)recogni[sz]")
_ACK_HEAD = re.compile(r"\s*(?:the|a|an|its|their|our|his|her)?\s*(?:[a-z-]+\s+)?([a-z]+)\b")


def _acknowledged(obj: str) -> bool:
    """The object of "recognise" is a thing acknowledged ("the urgent need", "the important role"),
    not a state, a right or an act recognised."""
    m = _ACK_HEAD.match(obj)
    if m is None:
        return False
    words = cues()["stance_scope"]["acknowledged"]
    head = obj[m.start():m.end()].split()
    return any(w.lower() in words for w in head[-2:])


def names_act(topic: re.Pattern, clause: str) -> bool:
    """`clause` names the question's act: a word of the topic not only as the place or target of
    another act ("incursions across the border", "attacks on the mission"), which names no act accused."""
    if not topic_in(topic, clause):
        return False
    return any(not _placed().search(clause[:m.start()]) for m in topic.finditer(clause))


def _only_as_topic(pid: str, text: str, frame: Frame) -> bool:
    """Principle `pid` is named in `text` only by the question's own words."""
    for p in frame.principles:
        if p.id == pid:
            found = [m.group() for m in p.pattern.finditer(text)]
            return bool(found) and all(topic_in(frame.topic, f) for f in found)
    return False


def _all_questions(text: str) -> bool:
    sents = sentences(text)
    return bool(sents) and all(_QUESTION_END.search(x.text) for x in sents)


@lru_cache(maxsize=8192)
def _cue_hits(t: str) -> tuple[tuple[str, re.Match], ...]:
    """The stance cues of sentence `t`, (kind, match) in reading order of the kinds; a cue
    overlapping one of an earlier kind is left out. Cached: a statement's sentences are scored
    again one by one for its key sentence, and again in the second assign pass."""
    out: list[tuple[str, re.Match]] = []
    taken: list[tuple[int, int]] = []
    low = lowered(t)
    for kind in ("neutral", "oppose", "support", "directive", "generic_support"):
        if absent(anchors("stance", kind), low):
            continue  # none of the kind's cue words: skip its regex
        for m in pattern("stance", kind).finditer(t):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append((kind, m))
    return tuple(out)


def _judge(t: str, m: re.Match, kind: str, about: bool, frame: Frame) -> tuple | None:
    """(label, weight, indirect) of one cue in sentence `t`, or None when it says nothing about the
    act; `indirect` when the side is read from words against a bad thing, not from a stance on the act."""
    cue = m.group()
    after = t[m.end():m.end() + 150]
    obj = _OBJECT_END.split(after)[0]
    if cue[:1].isupper() and _IN_NAME.search(t[:m.start()]):
        return None  # "the Swift Support militia": a word of a capitalised name, no stance
    if _BY_FROM.match(after):
        return None  # "criticism by others": someone else's stance
    if _POSSESSIVE_OR_LIKENING.match(after):
        return None  # "the opposition's spokesman"; "rejected comparisons" is a precedent claim
    if _struggle().fullmatch(cue) and not pattern("stance", "negative_objects").search(
            _HEAD_END.split(" " + obj, maxsplit=1)[0]):
        return None  # "combat troops", "confronted the protesters": a struggle speaks only against a bad thing
    if kind == "generic_support" and _struggle().match(after):
        return None  # "must tackle the gangs": the verb of struggle carries the stance
    clause_before = CLAUSE_PUNCT.split(t[:m.start()])[-1]
    if _RELATIVE_OTHER.search(clause_before) or _RELATIVE_SUBJECT.search(clause_before) \
            or _OTHERS_BELIEF.search(clause_before):
        # "the award, which it welcomed for decades", "all States that support the Charter",
        # "some States believed that it should be put to a vote": another's act or view
        return None
    if kind == "oppose" and "annex" in cue.lower() and document_annex(t, m.start(), m.end()):
        return None  # "pursuant to annex I": a document's annex, no annexation
    if _NO_SUCH.fullmatch(cue) and not topic_in(frame.topic, " ".join(obj.split()[:4])):
        return None  # "there will be no delay in the talks": no denial of the act itself
    if _WARNING.fullmatch(cue) and not (_WARNED_ACT.match(obj) and topic_in(frame.topic, " ".join(obj.split()[:5]))
                                        and _CONSEQUENCE.search(obj)):
        return None  # "warned that lifting the sanctions would reward X" opposes; "warned that the truce was fragile" describes
    if kind == "neutral" and cue.lower() == "neutral" and NOUN_AFTER.match(after) and not _NEUTRAL_STANCE.match(after):
        return None  # "framed in neutral language", "a neutral venue": the adjective describes a thing, no stance
    if kind == "neutral":
        if _LAMENTED_LOSS.match(after) and topic_in(frame.topic, obj[:80]):
            return "support", 1.0  # "grave concern over the breakdown of the ceasefire": the speaker wants it kept
        adverb = _SENTENCE_ADVERB.fullmatch(cue) and after.startswith(",")
        lamented = _LAMENTED_CLAUSE.match(after) or (adverb and _LAMENTED_REST.match(after))
        if adverb and not (lamented and topic_in(frame.topic, lamented.group(1))):
            return None  # "Regrettably, the talks were postponed": it laments what it tells, no neutrality
        if lamented and topic_in(frame.topic, lamented.group(1)):
            # "we regret that X rejected the ceasefire", "Regrettably, X violated the ceasefire"
            inner = _cue_hits(lamented.group(1))
            if inner and inner[0][0] == "oppose":
                return "support", 1.0  # "we regret that X rejected the ceasefire": against the rejection
            if inner and inner[0][0] == "support":
                return "oppose", 1.0
            if adverb:
                return None
        if _other_party_subject(t[:m.start()], frame):
            return None  # "X voiced concern": reported, not the speaker's own
        asked = _ALL_PARTIES.search(cue) and (len(cue.split()) > 2 or _ASKING.search(t[:m.start()])) \
            and _ASKED.match(after)
        asked_for = _NEXT_CLAUSE.split(asked.group(1), maxsplit=1)[0] if asked else ""
        if asked and topic_in(frame.topic, asked_for) and not any(
                k == "neutral" for k, _ in _cue_hits(asked_for)):
            if all(k == "directive" for k, _ in _cue_hits(asked_for)) and _enabling().match(asked_for):
                return "support", 1.0  # "calls on all parties to allow humanitarian access": asks for the act
            # "calls on all parties to uphold the ceasefire": what it asks carries the stance, its own
            # words if any; "to exercise restraint" stays neutral
            return None
        # "much to our regret", "expressed concern over the attacks": neutral only on the question
        return ("neutral", 1.0) if about or frame.focus or frame.turn else None
    if kind == "directive" and topic_in(frame.topic, obj[:60]) and _CALL_FOR.match(after) \
            and _verb_slot(t[:m.start()], frame) and not _other_party_subject(t[:m.start()], frame):
        kind = "support"  # "we call for an immediate ceasefire": asking for the act backs it ("fresh calls for" is narration)
    if _COMMITMENT.fullmatch(cue) and not topic_in(frame.topic, " ".join(obj.split()[:4])):
        return None  # "committed to a diplomatic resolution", "to protecting the right to ...": not the act itself
    if pattern("stance_scope", "readiness").fullmatch(cue) and (
            not topic_in(frame.topic, " ".join(obj.split()[:5]))
            or not (cue.lower().startswith("stand") or _READY_COPULA.search(t[:m.start()]))):
        # "ready to resume the talks on the sanctions committee": readiness for something else;
        # "the study prepared to assess the sanctions": a participle, nobody's readiness
        return None
    if kind == "directive":
        # "called on X to ..." carries the stance of what it asks for, counted through the cues
        # inside; asked of the act's proponent it opposes the act
        return ("oppose", 1.0) if frame.is_proponent(obj[:70]) else None
    if topic_in(frame.topic, cue) and _NOMINAL.search(cue):
        return None  # "the annexation": the act's own name is no stance on it
    if kind == "support" and topic_in(frame.topic, cue) and _ACT_FRAME.search(t[max(0, m.start() - 20):m.start()]):
        return None  # "the decision to recognise" names the act, it takes no stance on it
    if _INVERTED_CONDITION.fullmatch(cue) and _SUBJECT_AFTER.match(after):
        return None  # "should we decide to ...", "should the Council fail": a condition, not a call
    if cue.lower() in ("support", "backing") and _WITH_THE.search(t[:m.start()]) and _of_backer(after):
        # "all with the support and encouragement of X": X's backing, reported; "cannot develop
        # without the backing of other states": their backing as a condition, no stance of the speaker's
        return None
    if pattern("stance_scope", "assertions").fullmatch(cue) and _THAT_CLAUSE.match(after):
        return None  # "reaffirmed that the position ... is governed by ...": a proposition; its own words carry any stance
    if _REFUSAL.fullmatch(cue) and _TO_VERB.match(after):
        return None  # "refused to publish the results": the verb after carries any stance ("refused to recognise")
    if pattern("stance_scope", "verdicts").fullmatch(cue) and NOUN_AFTER.match(after) \
            and not topic_in(frame.topic, after[:30]) and not pattern("act_nouns").match(after.strip()):
        return None  # "illegal funds and weapons": the adjective describes a thing, not the act
    if cue.lower() == "needed" and not _PASSIVE.search(t[:m.start()]):
        return None  # "they needed the resolution to ...": someone's need told, not "support is needed"
    if cue.lower() == "back" and (not _BACK_AS_VERB.search(t[:m.start()]) or _BACK_PARTICLE.match(after)):
        return None  # "firing back", "held back", "back to the table": an adverb, not backing
    if assistance(t[:m.start()], cue, after):
        return None  # "electoral support team", "humanitarian support to refugees": help given, not a stance
    if attributive(t[:m.start()], cue, after):
        return None  # "internationally recognised borders": the participle describes a noun
    if cue.lower() == "opposition" and opposition_camp(t[:m.start()], after):
        return None  # "the opposition parties", "leader of the opposition": a political camp, not a stance
    label = "oppose" if kind == "oppose" else "support"
    weight = 0.5 if kind == "generic_support" else 1.0
    indirect = False
    if _RECOGNISE.match(cue) and _acknowledged(obj):
        if not topic_in(frame.topic, " ".join(obj.split()[:5])):
            return None  # "recognizing the urgent need for immediate intervention": an acknowledgement
        weight = 0.5  # "recognises the importance of the ceasefire": as weak as "must"
    side = _principle_side(obj, frame, label)
    if kind == "generic_support":
        if not about:
            return None
    elif side is None:
        charge = kind == "oppose" and _CHARGE.match(cue)
        breached = kind == "oppose" and _BREACH_NOUN.fullmatch(cue) and _OF.match(after)
        # "X is unacceptable, in view of ...": the verdict is on the subject, whatever follows
        predicative = pattern("stance_scope", "verdicts").fullmatch(cue) and _PREDICATE.search(
            _charged_clause(t[:m.start()]))
        on_act = not predicative and (
                  topic_in(frame.topic, cue) or topic_in(frame.topic, _breached(obj[:80]) if breached else _object_phrase(obj))
                  or frame.is_proponent(obj)
                  # "rejects the decision" when the sentence is on the question; "in violation of the
                  # resolution" upholds some other act, and "an illegal move" elsewhere is another's
                  or (pattern("act_nouns").search(obj[:60]) and about and not charge)
                  or (frame.focus and pattern("stance", "core").fullmatch(cue))
                  or (frame.turn and kind == "support" and pattern("stance", "core").fullmatch(cue)
                      and not _third_subject(t[:m.start()]) and _backs_the_text(obj))
                  or _contrasted(t[:m.start()], kind, cue, frame))
        if not on_act:
            subject = t[:m.start()]
            clause = _charged_clause(subject)
            if pattern("stance_scope", "verdicts").fullmatch(cue) and _PREDICATE.search(clause) \
                    and topic_in(frame.topic, clause):
                # "the block imposed on the site was unconstitutional": a verdict on the act
                indirect = pattern("stance", "negative_objects").search(clause) is not None
                label = "support" if indirect else "oppose"
            elif _EVALUATIVE.match(cue) and _PASSIVE.search(clause) and topic_in(frame.topic, clause):
                label = "support"  # "the ceasefire has been violated": the speaker upholds what is harmed
            elif not (_EVALUATIVE.match(cue) and names_act(frame.topic, clause)):
                # the act's words not in the charged clause ("..., as its forces constitute violations"
                # charges the forces), or only as the place or target of another act ("incursions across the border")
                return None
            elif pattern("stance", "negative_objects").search(clause) or _bad_antecedent(subject, clause):
                # "crime undermines the state", "criminal networks, which ... undermined security":
                # backs action against the crime
                label, indirect = "support", True
    if side is not None:
        label = side
    else:
        possessor = _POSSESSOR.search(obj[:70])
        if possessor and label == "support" and not frame.is_proponent(possessor.group(1)):
            return None  # backing another party's statement says nothing about the act
    before = t[:m.start()]
    if kind == "oppose" and _CHARGE.match(cue) and _own_principle_charged(_charged_clause(before), obj, frame):
        return None  # "the agenda is inconsistent with our sovereignty": an objection to the agenda, no stance on the question
    harmed = kind == "oppose" and ((_BREACH_NOUN.fullmatch(cue) and _OF.match(after))
                                   or (_HARM_NOUN.fullmatch(cue) and _AGAINST.match(after)))
    if (harmed or (kind == "oppose" and _CHARGE.match(cue))) and _topic_as_modifier(obj[:80], frame):
        return None  # "a violation of the sanctions committee's rules": a procedure, not the act
    if harmed and topic_in(frame.topic, _breached(obj[:80])):
        label = "support"  # "X's violations of the ceasefire", "aggression against sovereign peoples": upheld
    elif kind == "oppose" and _CHARGE.match(cue) and topic_in(frame.topic, obj[:80]) \
            and not topic_in(frame.topic, before):
        if negated_clause(before):
            return None  # "our action does not undermine the sanctions": a denial of a charge, no stance
        label = "support"  # "..., thus undermining the integrity of the sanctions": a charge upholds what it says is harmed
    elif _other_party_subject(before, frame):
        return None  # "Borduria rejected the ceasefire" in Ruritania's letter: the other party's act, reported
    # "no country could tackle crime alone", "has done nothing to combat it": a lament of the struggle
    # lacking, never a stance against it
    negated = negated_clause(before) and not _struggle().fullmatch(cue)
    ready = pattern("stance_scope", "readiness").fullmatch(cue) is not None
    if ready and _WOULD_BE.search(before):
        return None  # "would be prepared to reimpose": readiness itself under a condition
    if hedged(before, negated) or (conditional(before, _without_tenure(obj))
                                    and not (ready and threat(before, obj))):
        return None  # "could recognise", "would consider backing", "will support it if ...": no stance yet
    if negated and REFUSAL_CONDITION.search(obj):
        return None  # "would not support X without Y": a condition, not a refusal
    flips = 1 if negated else 0
    if _NEGATED_OBJECT.match(after):
        flips += 1  # "recognised neither the vote nor its results"
    head = _object_head(obj)
    if pattern("stance", "negative_objects").search(head) and not frame.is_proponent(head):
        flips += 1  # "condemned trafficking": against the bad thing, for the act
        indirect = True
    if _ends_the_act(obj, frame):
        flips += 1  # "welcomed the lifting of the block": against the block
    if flips % 2:
        label = "oppose" if label == "support" else "support"
    return label, weight, indirect


_BACK_AS_VERB = re.compile(r"(?:\b(?:[Ww]e|I|they|you|will|would|shall|to|also|fully|strongly|firmly|not|and|should|must|"
                           r"can|could|may|might|did|do|does|[a-z]+ly)|\b[A-Z][\w'\u2019-]*)\s+$")
_BACK_PARTICLE = re.compile(r"(?i)\s+(?:to|at|down|from|in|into|up|off|away|home|on|out)\b")
_WORD_REST = re.compile(r"^\w*")
_HARM_NOUN = re.compile(r"(?i)aggression")
_AGAINST = re.compile(r"\s+(?:against|on)\b")
_NO_SUCH = re.compile(r"(?i)there\s+(?:will|would|shall)\s+(?:be\s+no|never\s+be)")
_WARNING = re.compile(r"(?i)(?:warn\w*|cautioned)\s+that")
_WARNED_ACT = re.compile(r"(?i)\s*(?:the\s+)?[a-z]+ing\b")
_CONSEQUENCE = re.compile(r"(?i)\b(?:would|could|will|might|risks?|threatens?)\b")
_RELATIVE_OTHER = re.compile(r"(?i)\b(?:whose\s+[\w-]+|which|whom)\s+(?:it|he|she|they)\b")
_RELATIVE_SUBJECT = re.compile(r"(?:\b(?:who|which)|\b[A-Z][a-z]+s\s+that)\s+(?:[a-z]+ly\s+)?$")
_OTHERS_BELIEF = re.compile(r"\b(?:States|countries|delegations|others|some|many|members|governments)\s+"
                            r"(?:have\s+|had\s+)?(?:believed?|argued?|claimed?|insisted|maintained|thought|think)\s+that\b")
_PREDICATE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being|remains?|remained|deemed|declared|ruled)\s+"
                        r"(?:(?:[a-z]+ly|not)\s+){0,2}$")
_PASSIVE = re.compile(r"(?i)\b(?:is|are|was|were|been|being)\s+(?:[a-z]+ly\s+)?$")


@lru_cache(maxsize=1)
def _tenure() -> re.Pattern:
    words = cue_source(cues()["stance_scope"]["tenure"], grouped=False)
    return re.compile(r"(?i)\bas\s+long\s+as\s+(?:I|he|she|we|they)\s+(?:am|is|are|remains?|stays?)\s+"
                      r"(?:the\s+)?" + words)


@lru_cache(maxsize=1)
def _continued() -> re.Pattern:
    return re.compile(r"^\s*(?:(?:the|a|an|all|its|their|this|any|further|renewed|continued|recent|new)\s+)*"
                      + cue_source(cues()["stance_scope"]["continuations"], grouped=False) + r"\s+of\s+", re.IGNORECASE)


def _object_head(obj: str) -> str:
    """The head of the cue's object, past a noun of a thing going on ("the resumption of hostilities":
    hostilities), so a bad thing resumed is a bad thing condemned."""
    obj = _NOUN_CUE_OF.sub("", obj)  # "condemnation of attacks": a noun cue's object follows its "of"
    obj = _time_words().sub("", obj)  # "past and ongoing violations": the head is the bad thing, not its time
    going_on = _continued().match(obj)
    return _HEAD_END.split(" " + (obj[going_on.end():] if going_on else obj), maxsplit=1)[0]


@lru_cache(maxsize=1)
def _turn_object() -> re.Pattern:
    return re.compile(r"\b(?:" + cue_source(cues()["stance_scope"]["turn_objects"], grouped=False) + "|"
                      + cue_source(cues()["act_nouns"], grouped=False) + r")\b", re.IGNORECASE)


def _backs_the_text(obj: str) -> bool:
    """In a debate turn, backing "the draft", "it", "this initiative" backs the question before the body;
    backing a thing the speaker names ("sensible forest protections") does not."""
    head = " ".join(obj.split()[:4])
    return not head.strip(" ,") or _turn_object().search(head) is not None


_IN_NAME = re.compile(r"(?<![.!?:;]\s)\b(?!(?:We|I|They|You|It|He|She)\b)[A-Z][\w'\u2019-]*\s+$")
"""Before a capitalised cue: a capitalised word of the same name ("Swift Support"), not a pronoun or a sentence's start."""
_NEUTRAL_STANCE = re.compile(r"(?i)\s+(?:position|stance|posture|attitude|approach|role|party|parties|observer|country|state)s?\b")
"""After "neutral", the nouns of a side taken ("a neutral position", "a neutral country"), not a thing described."""
_OWN = re.compile(r"(?i)^\s*(?:the\s+)?(?:our|my)\s")
_CAPITAL = re.compile(r"\b[A-Z]")


def _own_principle_charged(clause: str, obj: str, frame: Frame) -> bool:
    """A charge that a text or programme harms the speaker's own principle ("our sovereignty", its
    state's name before it) and names no other party and no bad act: the speaker objects to that text; it
    takes no side on the question the principle names (a party's incursion charged so still does)."""
    if not topic_in(frame.topic, " ".join(obj.split()[:4])):
        return False
    own = _OWN.match(obj) or (frame.is_party(obj.strip()) and not frame.is_other(obj.strip()))
    if not own or pattern("stance", "negative_objects").search(clause) or pattern("stance", "oppose").search(clause):
        return False
    return not any(frame.is_other(clause[c.start():]) for c in _CAPITAL.finditer(clause))


@lru_cache(maxsize=1)
def _enabling() -> re.Pattern:
    """A call's verb that lets the act happen ("to allow", "to protect"): asked of all parties, it backs the act."""
    return re.compile(r"(?:(?:urgently|immediately|fully|to)\s+)*" + cue_source(cues()["stance_scope"]["enabling"], grouped=False)
                      + r"\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _time_words() -> re.Pattern:
    return re.compile(r"^(?:\s*(?:" + cue_source(cues()["stance_scope"]["time_words"], grouped=False) + r"|and|,)(?=[\s,]))+",
                      re.IGNORECASE)


_NOUN_CUE_OF = re.compile(r"(?i)^\s*of\s+")
_MODAL = re.compile(r"(?i)\s(?:will|would|shall|must|cannot|can|could|may|might|should)\s")


def _object_phrase(obj: str) -> str:
    """The cue's object up to a modal that opens a new predicate ("attempts to undermine the mission's
    work will not be tolerated, stresses that attacks ..."), not one of a relative clause in it."""
    m = _MODAL.search(obj)
    return obj[:m.start()] if m and not _RELATIVE_WORD.search(obj[:m.start()]) else obj


def _charged_clause(before: str) -> str:
    """The clause a charge or verdict speaks of: the cue's own, or the one before a participle
    (", jeopardizing stability" charges what the previous clause names)."""
    parts = CLAUSE_PUNCT.split(before)
    while len(parts) > 1 and not parts[-1].strip():
        parts.pop()
    return parts[-1]


def _without_tenure(obj: str) -> str:
    """`obj` less "as long as he is prime minister": a duration, not a condition (see conditional)."""
    return _tenure().sub(" ", obj) if "long" in obj else obj


def _topic_as_modifier(obj: str, frame: Frame) -> bool:
    """The question's word only qualifies the noun after it ("sanctions committee", "sanctions
    monitoring mechanisms"): the object is that body or procedure, not the act."""
    found = frame.topic.search(obj)
    if found is None:
        return False
    words = _WORD_REST.sub("", obj[found.end():]).split()  # past the rest of a stem ("sanction|s committee")
    return bool(words) and pattern("stance_scope", "modified_by_topic").fullmatch(
        words[0].strip(",.;:")) is not None


def _ends_the_act(obj: str, frame: Frame) -> bool:
    """The cue's object is the end of the act ("the lifting of the block", "the ruling that ended
    the block", "to lift the block"), and the question does not name that ending itself."""
    found = frame.topic.search(obj[:120])
    if found is None:
        return False
    ending = None
    for e in pattern("stance_scope", "endings").finditer(obj[:found.start()]):
        ending = e
    if ending is None or len(obj[ending.end():found.start()].split()) > 4:
        return False
    if pattern("stance", "negative_objects").match(obj[found.start():]):
        return False  # "the end of hostilities" ends a bad thing: no turn
    # "lifting" in "Imposing or lifting sanctions": the question's act, no turn
    return re.search(r"(?i)\b" + re.escape(ending.group()[:4]), frame.label) is None


_LAMENTED_LOSS = re.compile(r"(?i)(?:\s+(?:over|about|at|regarding|with))?\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                            r"(?:breakdown|collapse|failure|erosion|end|violations?|breach(?:es)?|undermining|"
                            r"suspension|repeated\s+violations?)\s+of\b")
_LAMENTED_CLAUSE = re.compile(r"\s+that\s+([^.;]{3,200})")
_ALL_PARTIES = re.compile(r"(?i)\ball\s+parties$")
_ASKED = re.compile(r"(?i)(?:,\s+including\s+[^,.;]{1,80},)?\s+(?:to\s+|that\s+)?([^.;]{3,200})")
"""What "all parties" are asked, past an aside on whom they include ("all parties, including X, to ...")."""
_NEXT_CLAUSE = re.compile(r",\s+(?:and\s+)?(?:further\s+|also\s+)?[a-z]+ing\b")
"""A clause of the asker's own after the call ("..., calling on all parties to show restraint")."""
_ASKING = re.compile(r"(?i)\b(?:that|on|upon|urg\w*|ask\w*|invit\w*|demand\w*|encourag\w*)\s+$")
"""Before "all parties" as the object of a call ("demands that all parties cease ..."), not its subject."""
_LAMENTED_REST = re.compile(r",\s*([^.;]{3,200})")
_SENTENCE_ADVERB = re.compile(r"(?i)[a-z]+ly")
"""A neutral cue that is an adverb ("Regrettably, ..."): it laments the clause after its comma."""
_CALL_FOR = re.compile(r"(?i)\s+for\b")
_VERB_SLOT = re.compile(r"(?:^|[,;:]\s*|\b(?:[Ww]e|[Tt]hey|I|also|again|jointly|therefore|further|today|once\s+more|"
                        r"will|would|to|and|[a-z]+ly)\s+)$")
_CAPITAL_BEFORE = re.compile(r"\b([A-Z][\w'\u2019-]*)\s+$")


def _verb_slot(before: str, frame: Frame) -> bool:
    """Before a directive used as a verb: a subject (a pronoun or a named party), an adverb or an
    auxiliary; not "fresh" or "the" ("fresh calls for a ceasefire" is narration)."""
    if _VERB_SLOT.search(before):
        return True
    named = _CAPITAL_BEFORE.search(before)
    return bool(named) and (frame.is_party(named.group(1)))
_COMMITMENT = re.compile(r"(?i)commit\w*\s+to")
_SUBJECT_OTHER = re.compile(
    r"(?:^|\bthat\s+|\bwhen\s+|\bafter\s+|\bwhile\s+|\bas\s+|\b(?:said|says|stated|noted|recalled|added)\s+)(?:the\s+)?"
    r"(?P<x>[A-Z][\w'\u2019-]*(?:\s+(?:of\s+)?[A-Z][\w'\u2019-]*){0,4})"
    r"(?:\s+(?:forces|troops|government|authorities|side|army|delegation|officials))?\s+"
    r"(?:(?:has|have|had|was|were|is|are|also|again|repeatedly|then|further|once\s+again|publicly|openly|"
    r"flatly|subsequently|later|even|continues\s+to|continued\s+to)\s+){0,3}$")
_POSSESSIVE_OTHER = re.compile(r"(?P<x>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})['\u2019]s\s+(?:[a-z-]+\s+){0,3}$")


def _other_party_subject(before: str, frame: Frame) -> bool:
    """The cue's clause has another named party as its subject or possessor ("Borduria rejected",
    "Borduria's rejection of"): the speaker reports that party's act, it takes no stance of its own."""
    clause = CLAUSE_PUNCT.split(before)[-1]
    for rx in (_SUBJECT_OTHER, _POSSESSIVE_OTHER):
        m = rx.search(clause)
        if m and frame.is_other(m.group("x")):
            return True
    return _other_person_subject(clause, frame.speaker)


@lru_cache(maxsize=1)
def _titled_subject() -> re.Pattern:
    roles = cue_source(data("titles")["roles"], grouped=False)
    return re.compile(r"(?:^\s*|\bthat\s+|\b(?:said|says|stated|noted|added)\s+)(?:the\s+)?(?i:" + roles
                      + r")\s+(?P<name>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3})\b")


def _other_person_subject(clause: str, speaker: str) -> bool:
    """A titled person other than the speaker opens the cue's clause ("Prime Minister Otto Brandt has
    released prisoners and reaffirmed ..."): that person's act, told by the speaker. Only with a
    speaker known, whose name then shows it is not the speaker's own words introduced."""
    if not speaker:
        return False
    m = _titled_subject().search(clause)
    if m is None:
        return False
    own = {w.lower() for w in re.findall(r"[\w'\u2019-]+", speaker)}
    return not any(w.lower() in own for w in m.group("name").split())


_BUT_ELIDED = re.compile(r"(?i),?\s+but\s+(?:also\s+|[a-z]+ly\s+)?$")


def _contrasted(before: str, kind: str, cue: str, frame: Frame) -> bool:
    """A core cue after "but" with the subject left out, against a cue of the other side on the
    question before it ("accepted the call for X, but rejected any reference to Y"): Y is a part
    of the same question, named in other words."""
    but = _BUT_ELIDED.search(before)
    if but is None or pattern("stance", "core").fullmatch(cue) is None:
        return False
    head = before[:but.start()]
    # the cue before is the speaker's own: "Borduria rejected the ceasefire, but welcomed ..." reports Borduria
    return topic_in(frame.topic, head) and any(
        k in ("support", "oppose") and k != kind and not _other_party_subject(head[:h.start()], frame)
        for k, h in _cue_hits(head))


_RELATIVE_START = re.compile(r"(?i)\s*(?:which|who|that)\b")


def _bad_antecedent(before: str, clause: str) -> bool:
    """A relative clause ("..., which undermined security") charges the noun before its comma: a bad
    thing there ("criminal networks, which ...") is the subject of the charge."""
    if not _RELATIVE_START.match(clause):
        return False
    head = before[:len(before) - len(clause)].rstrip(" ,")
    antecedent = " ".join(CLAUSE_PUNCT.split(head)[-1].split()[-4:])
    return pattern("stance", "negative_objects").search(antecedent) is not None


def _third_subject(before: str) -> bool:
    """The cue's clause has someone else as subject: a relative clause ("threats which do not
    recognise frontiers") or a bad thing ("crime undermines")."""
    clause = CLAUSE_PUNCT.split(before)[-1]
    return bool(_RELATIVE_WORD.search(clause) or pattern("stance", "negative_objects").search(clause))


_WITH_THE = re.compile(r"(?i)\b(?:with|without|the)\s+(?:full\s+|active\s+|direct\s+)?$")
_OF_PARTY = re.compile(r"(?:\s+and\s+[a-z]+)?\s+of\s+(?:the\s+)?[A-Z]")


@lru_cache(maxsize=1)
def _of_group() -> re.Pattern:
    return re.compile(r"(?:\s+and\s+[a-z]+)?\s+of\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:[a-z-]+\s+){0,2}"
                      + cue_source(cues()["stance_scope"]["backers"], grouped=False), re.IGNORECASE)


def _of_backer(after: str) -> bool:
    """The of-complement after "support" names who backs: a named party ("of Borduria") or a group
    of parties ("of other states", "of the international community")."""
    return bool(_OF_PARTY.match(after) or _of_group().match(after))
_REFUSAL = re.compile(r"(?i)refus\w*")
_THAT_CLAUSE = re.compile(r"(?i)\s+(?:(?:on|in|at|during|before)\s+[^,;.]{1,40}?\s+|again\s+|once\s+again\s+)?that\b")
_TO_VERB = re.compile(r"\s+to\s+[a-z]")
_CHARGE = re.compile(r"(?i)violat|breach|undermin|jeopardi|infring|contrary\s+to|inconsistent\s+with")
"""Cues that charge something with harming their object: the speaker values what is harmed."""
_BREACH_NOUN = re.compile(r"(?i)(?:violation|breach|infringement)s?")
_OF = re.compile(r"\s+of\b")
_NEGATED_OBJECT = re.compile(r"\s+(?:neither|none\s+of)\b", re.IGNORECASE)


_INVERTED_CONDITION = re.compile(r"(?i)should|were|had")
_SUBJECT_AFTER = re.compile(r"\s+(?:" + SUBJECT_WORDS + r"|[A-Z][a-z]+)\b")
"""A subject after "should": an inverted condition ("should no agreement be found", "should there be")."""


_READY_COPULA = re.compile(r"(?i)\b(?:am|is|are|was|were|be|been|remain|remains|remained|stay|stays|stayed)\s+"
                           r"(?:(?:[a-z]+ly|also|now|still|fully)\s+)*$")
_WOULD_BE = re.compile(r"(?i)\b(?:would|could|might)\s+(?:[a-z]+ly\s+|also\s+)?be\s+(?:[a-z]+ly\s+)?$")
@lru_cache(maxsize=1)
def _struggle() -> re.Pattern:
    return re.compile(r"(?:\s+(?:to\s+)?(?:[a-z]+ly\s+)?)?" + cue_source(cues()["stance_scope"]["struggle"], grouped=False),
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _locative() -> re.Pattern:
    return re.compile(r"\s" + cue_source(cues()["stance_scope"]["locative"], grouped=False) + r"\s", re.IGNORECASE)


def _breached(obj: str) -> str:
    """The thing a breach noun's of-complement names, before any place it happened in: "violations of
    human rights in <territory>" breach human rights, the territory is only where."""
    return _locative().split(obj, maxsplit=1)[0]


def _third_party(text: str, pos: int, sentence_head: str) -> bool:
    """A cue inside quoted words whose subject is a third person ("he", "who") is not the speaker's."""
    head = text[:pos]
    opened = head.count("\u201c") - head.count("\u201d") + head.count('"') % 2
    if opened <= 0:
        return False
    inside = _OPEN_QUOTE.split(sentence_head)[-1]  # only the quoted words speak for the quoted
    clause = CLAUSE_PUNCT.split(inside)[-1]
    return bool(_THIRD_PERSON.search(clause))


def _principle_side(obj: str, frame: Frame, label: str) -> str | None:
    """The stance a cue takes through its object. Backing a principle the act is said to breach
    opposes the act, backing a breach of it ("supports the annexation") supports the act; an
    accusation or condemnation takes the principle's own side ("violates territorial integrity",
    "condemns the annexation" both oppose an act that breaches territorial integrity)."""
    head = _PRINCIPLE_HEAD_END.split(" " + obj, maxsplit=1)[0]
    if label == "support" and frame.is_target(head) and not frame.is_proponent(head):
        return "oppose"  # backing the state whose integrity is at stake
    for p in frame.principles:
        if p.id not in frame.against and p.id not in frame.favour:
            continue
        breach = p.violation is not None and bool(p.violation.search(obj))
        if not breach and not p.pattern.search(obj):
            continue
        side = "oppose" if p.id in frame.against else "support"
        if label == "support" and breach:
            return "support" if side == "oppose" else "oppose"
        return side
    return None
