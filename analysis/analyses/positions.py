"""Statements with a question and stance (stance.assign) -> positions: one per actor and question,
with the deciding statement, and how sure it is (confidence and the rules that fired)."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Sequence

from ..lexicons import pattern
from ..model.findings import Position, Statement

STANCE_RULES = ("stance-cue", "stance-cue-off-terms", "stance-from-principles", "proponent-of-act", "target-of-act")
"""How a statement's stance was decided, added last to its basis: a cue in a sentence that names
the question in its own terms; a cue aimed at the act or a party without naming the question;
principles the act is said to breach or serve; the actor's role in the act."""


WEAK_CUE = "single-weak-cue"
"""Added by `assign` to a statement's basis (before its stance rule) when its stance rests on
generic urging alone ("must", "is needed": lexicons/cues.json stance.generic_support)."""
BAD_THING_ONLY = "bad-thing-condemned-only"
"""Added by `assign` like WEAK_CUE when the stance is read only, or but for a generic word, from
words against a bad thing ("condemned drug trafficking", "crime undermines the state"): the quote
holds no stance word on the question's act, so it cannot be shown as the actor's stance."""
_CUE_MARKS = (WEAK_CUE, BAD_THING_ONLY)
_OWN_VOICE = re.compile(r"(?i)\b(?:we|our|us|I|my|he|she)\b")


def stance_rule(st: Statement) -> str | None:
    """The STANCE_RULES entry `assign` added to a statement's basis, if any."""
    return next((b for b in reversed(st.basis) if b in STANCE_RULES), None)


def combine(stances: Sequence[str]) -> str:
    """An actor's stance from its statements': mixed when both sides are there and the smaller
    is more than a third of the larger."""
    pro = sum(1 for x in stances if x in ("support", "mixed"))
    con = sum(1 for x in stances if x in ("oppose", "mixed"))
    if pro and con and min(pro, con) / max(pro, con) > 1 / 3:
        return "mixed"
    if pro > con:
        return "support"
    if con > pro:
        return "oppose"
    return "neutral" if "neutral" in stances or not stances else "mixed"


_JOINT = re.compile(r"^\W*(?:The\s+)?(?P<list>[A-Z][^.;:]{1,160}?,?\s+and\s+(?:the\s+)?[A-Z][\w'\u2019-]*"
                    r"(?:\s+[A-Z][\w'\u2019-]*){0,4})\s+(?:(?:jointly|also|together|today|again|once\s+again)\s+)?"
                    r"(?:call|urge|condemn|welcome|support|reject|reaffirm|express|stress|demand|affirm|oppose|"
                    r"recogni[sz]e|deplore|denounce|commend|endorse|insist|remain)\b")
"""A sentence whose subject is a list of parties with a plural verb: a joint statement."""
_PARTY_KINDS = ("state", "organisation", "de-facto-state", "organ")


def cosigners(st: Statement, gaz) -> tuple[str, ...]:
    """The other parties of a joint statement ("Ruritania, Syldavia and Borduria call for ...")
    whose list holds the statement's own actor: the words are each signatory's."""
    m = _JOINT.match(st.key or st.text)
    if not m or gaz is None:
        return ()
    names = [gaz.speaks_for(x.name) or x.name for x in gaz.find(m.group("list")) if x.kind in _PARTY_KINDS]
    if st.actor not in names:
        return ()
    return tuple(dict.fromkeys(n for n in names if n != st.actor))


_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def signatories(actor: str, gaz) -> tuple[str, ...]:
    """A joint letter's actor written as a list ("Ruritania, Syldavia and Borduria") -> each
    party, when every item is one the gazetteer knows; else the actor as it is."""
    if gaz is None or ("," not in actor and " and " not in actor):
        return (actor,)
    parts = [p.strip() for p in _LIST_SPLIT.split(actor) if p.strip()]
    names = []
    for part in parts:
        found = gaz.find(part)
        if not found or found[0].start != 0 or found[0].end != len(part) or found[0].kind not in _PARTY_KINDS:
            return (actor,)
        names.append(gaz.speaks_for(found[0].name) or found[0].name)
    return tuple(dict.fromkeys(names)) if len(names) > 1 else (actor,)


def positions(stmts: Sequence[Statement], doc_id: str, props: dict[str, str],
              tgts: set[str] = frozenset(), gaz=None) -> tuple[Position, ...]:
    """One position per (actor, question) with a stance; the deciding statement first. With the
    gazetteer, a joint statement's stance is also each cosigner's."""
    groups: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for st in stmts:
        if st.actor and st.question and st.stance:
            for actor in signatories(st.actor, gaz):
                groups[(actor, st.question)].append(st)
            for other in cosigners(st, gaz):
                groups[(other, st.question)].append(st)
    out = []
    for (actor, question), evidence in groups.items():
        stance = combine([st.stance for st in evidence])
        if actor in props:
            stance = "support"
        elif actor in tgts:
            stance = "oppose"
        # the deciding statement: of the stance found, in the actor's own explicit words if any (a
        # firm cue, the actor or "we" in the sentence quoted, not an account of another party's act)
        deciding = sorted(evidence, key=lambda s: (s.stance != stance, stance_rule(s) != "stance-cue",
                                                   WEAK_CUE in s.basis, BAD_THING_ONLY in s.basis,
                                                   s.confidence != "high",
                                                   not _core_cue(s), not _own_voice(s, actor),
                                                   len(s.text)))[0]
        principles = tuple(dict.fromkeys(p for st in evidence for p in st.principles))
        confidence, basis = _position_confidence(deciding, stance, question.endswith("-topic"))
        if confidence == "high" and _about_another_state(deciding, actor, gaz):
            # the writer's account of another state's acts or duties, in no voice of its own ("the
            # Bordurian leaders would be well advised to ..."): the stance is inferred, not stated
            confidence, basis = "medium", basis + ("another-party-act",)
        if stance == "mixed" and confidence == "high" and not _sure_on_both_sides(evidence):
            # "takes a mixed position" is sure only when the actor's own explicit words are found on
            # both sides; one sentence holding both (an act told beside another) or one side read from
            # narration is most often a misreading (the hand audit's commonest wrong mixed stance)
            confidence, basis = "medium", basis + ("mixed-not-sure",)
        if confidence == "high" and all(_narration_only(st) for st in evidence):
            # a report's account that "the authorities reaffirmed their commitment to X": no word of
            # the actor's is given, the stance is the narrator's reading of what it did
            confidence, basis = "medium", basis + ("narration-only",)
        if deciding.actor != actor:
            basis += ("joint-statement",)  # a cosigner of the deciding statement's list
        out.append(Position(id=f"{doc_id}-pos{len(out) + 1}", doc=doc_id, actor=actor, question=question,
                            stance=stance, principles=principles,
                            evidence=tuple([deciding.id] + [s.id for s in evidence if s is not deciding]),
                            anchor=deciding.anchor, quote=deciding.key or deciding.text,
                            confidence=confidence, basis=basis))
    return tuple(out)


def _about_another_state(st: Statement, actor: str, gaz) -> bool:
    """The sentence quoted names a state other than the actor and speaks in no voice of the actor's."""
    if gaz is None or _own_voice(st, actor):
        return False
    return any(m.kind == "state" and (gaz.speaks_for(m.name) or m.name) != actor for m in gaz.find(st.key or st.text))


_NARRATED_RULES = frozenset({"speech-verb-subject", "act-verb-subject"})
_WORDS_REPORTED = re.compile(r"(?i)\b(?:that|whether|said|says|say|stated|states|told|tells|declared|declares|"
                             r"announced|announces)\b|:|[\u201c\u201d\"]")


def _narration_only(st: Statement) -> bool:
    """The statement is the writer's account of what an unnamed body did (a speech or act verb with
    a noun object, "reaffirmed their commitment to ..."), not its words: no quotation, no reported
    that-clause, no named person, no document or turn of its own."""
    if st.person or st.kind != "reported" or not _NARRATED_RULES & set(st.basis):
        return False
    return _WORDS_REPORTED.search(st.key or st.text) is None


def _core_cue(st: Statement) -> bool:
    """The sentence quoted holds a core stance word ("support", "reject", "recognise", "condemn")."""
    return pattern("stance", "core").search(st.key or st.text) is not None


def _own_voice(st: Statement, actor: str) -> bool:
    """The sentence quoted speaks in the actor's voice: names it, or "we", "I", "he/she" (said)."""
    key = st.key or st.text
    return actor in key or _OWN_VOICE.search(key) is not None


_QUOTE_RULES = ("quote+named-speaker", "quote+actor-speaker")
_QUOTED = re.compile(r"[\u201c\"]([^\u201c\u201d\"]*)[\u201d\"]")
_QUOTE_MARK = re.compile(r"[\u201c\u201d\"]")


def _narrated_quote(st: Statement) -> bool:
    """A statement given to a speaker by a quotation, whose quoted sentence holds no words of the
    speaker's: no reporting verb, and only a name in quotation marks ("agreed to call the body the
    'Lake Council'"), not a passage of speech (a sentence inside a longer quotation has one mark)."""
    if not any(b in _QUOTE_RULES for b in st.basis):
        return False
    key = st.key or st.text
    if pattern("reporting_verbs").search(key):
        return False
    if len(_QUOTE_MARK.findall(key)) % 2:
        return False  # one mark: the sentence opens or closes a longer quotation
    at = st.text.find(key)
    if at > 0 and len(_QUOTE_MARK.findall(st.text, 0, at)) % 2:
        return False  # a sentence in the middle of a longer quotation
    return not any(len(q.split()) >= 6 for q in _QUOTED.findall(key))


def _sure_on_both_sides(evidence: Sequence[Statement]) -> bool:
    """Two sure statements (own explicit words, a firm cue) on each side: one alone is most often a
    misreading (a condemnation of a violation read as oppose, another party's act told)."""
    sure = [st.stance for st in evidence if st.confidence == "high" and stance_rule(st) == "stance-cue"
            and WEAK_CUE not in st.basis]
    return sure.count("support") >= 2 and sure.count("oppose") >= 2


_LONG_QUOTE = 400
"""A deciding quote longer than this (a whole header or preamble) does not show the deciding words."""


def _position_confidence(deciding: Statement, stance: str, guessed_question: bool) -> tuple[str, tuple[str, ...]]:
    """High only when the deciding statement takes the stance in a cue on the question's terms and
    its own attribution is sure; a stance resting on one generic word of urging, or only on words
    against a bad thing (no stance word on the act), and inferred
    stances (principles, the actor's role in the act) are medium; a deciding statement of another
    stance (a mixed or combined position), an unsure attribution, a quote too long to show the
    deciding words or a quotation that holds none of the speaker's words lowers it one step; a
    question guessed from the title (none configured fits) makes it low."""
    rule = stance_rule(deciding) or "stance-from-principles"
    attribution = tuple(b for b in deciding.basis if b not in STANCE_RULES and b not in _CUE_MARKS)[:2]
    basis = (rule,) + attribution
    level = 0 if rule == "stance-cue" else 1
    if WEAK_CUE in deciding.basis:
        level += 1  # one generic word of urging: the rules are not firm on the stance
        basis += (WEAK_CUE,)
    if BAD_THING_ONLY in deciding.basis:
        level += 1  # words against a bad thing, none on the act: the stance is inferred
        basis += (BAD_THING_ONLY,)
    if guessed_question:
        level = 2  # no configured question fits: the hand audit found nearly all such positions wrong
        basis += ("question-from-title",)
    if len(deciding.key or deciding.text) > _LONG_QUOTE:
        level += 1
    if _narrated_quote(deciding):
        level += 1  # the sentence quoted is the writer's narration around a name, not the speaker's words
        basis += ("narrated-quote",)
    if deciding.stance != stance and stance != "mixed":
        level += 1
    if deciding.confidence != "high":
        level += 1 if deciding.confidence == "medium" else 2
    return ("high", "medium", "low")[min(level, 2)], basis
