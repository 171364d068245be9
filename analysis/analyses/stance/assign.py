"""Statements + questions -> each statement's question and stance, and the act's proponents and targets.

Stance is read from cue words (lexicons/cues.json "stance") aimed at the question's act:
the cue is itself a topic word ("recognise"), or its object names the topic, the act, the
act's proponent or target, or a principle. Negation turns a cue ("did not recognise",
"refused to back"), and so does a negative object ("condemned trafficking" backs action
against it). Principles weigh by side: those the act is said to violate count against it
(learnt from the corpus, from the question's kind in lexicons/questions.json, or set in
report.toml). The act's proponent (an actor whose act others condemn, or the organ a
headline names) supports it; its target (the state whose integrity is at stake) opposes it.
In a table row every sentence is taken to be on the document's question, so a core stance
verb counts there whatever its object; generic urging ("must") counts only beside a topic word.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Callable, Collection, Sequence

from ...lexicons import absent, anchors, cue_source, cues, lowered, pattern
from ...model.document import Document
from ...model.findings import Statement
from ..positions import BAD_THING_ONLY, WEAK_CUE
from ..principles import invoked
from ..text import sentences
from .cues import INDIRECT, Frame, cue_scores, names_act, no_party
from .verdict import key_sentence, verdict
from .question_topics import (Topic, focus_anchors, headed_by, kind_sides, main_topic, mentions, present_topics,
                              question_of, targets, topic_in)

_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")

def _make_with_judgement():
    """A function equal to ``replace(st, question=q, stance=s, key=k)`` for a Statement, building
    it from its fields in order (dataclasses.replace walks the fields by name, for every statement
    of both assign passes); replace itself for any other class."""
    from dataclasses import fields as _fields

    names = [f.name for f in _fields(Statement)]
    if not all(f.init for f in _fields(Statement)) or hasattr(Statement, "__post_init__") \
            or not {"question", "stance", "key"} <= set(names):
        return lambda st, q, s, k: replace(st, question=q, stance=s, key=k)
    args = ", ".join({"question": "q", "stance": "s", "key": "k"}.get(n, f"st.{n}") for n in names)
    src = (f"def judged(st, q, s, k):\n"
           f"    if type(st) is not Statement:\n"
           f"        return replace(st, question=q, stance=s, key=k)\n"
           f"    return Statement({args})\n")
    env = {"Statement": Statement, "replace": replace}
    exec(src, env)
    return env["judged"]


with_judgement = _make_with_judgement()


def proponents(stmts: Sequence[Statement], topic: Topic, gaz) -> dict[str, str]:
    """Actors whose act on the topic others condemn or call a violation: actor -> evidence text."""
    pat = topic.pattern()
    acts = _act_after_possessive()
    found: dict[str, str] = {}
    for st in stmts:
        for sent in sentences(st.text):
            t = sent.text
            if not _opposes(t) or not mentions(pat, t) or _breach_of_topic(t, pat):
                continue  # "aggression by X constitutes a violation of the ceasefire": X breaches the act
            for m in gaz.find(t):
                if m.name == st.actor or gaz.entry(m.name).get("kind") not in ("state", "organisation",
                                                                                 "de-facto-state"):
                    continue
                tail = t[m.end:m.end + 40]
                before = t[max(0, m.start - 12):m.start]
                possessive = tail.startswith(("'s", "\u2019s")) and bool(acts.match(tail[2:]))
                agent = _BY_BEFORE.search(before) and not _bad_act_by(t[:m.start], topic)
                if (possessive or agent) and m.via not in ("capital",):
                    found.setdefault(m.name, t)
    return found


_ACT_BY = re.compile(r"([\w-]+)\s+by\s+(?:the\s+)?$")


def _bad_act_by(before: str, topic: Topic) -> bool:
    """"the attack by X", "aggression by X": X's act is a wrong the question's label does not name
    (a question on peace operations), so X is no proponent of the question's act."""
    m = _ACT_BY.search(before)
    return bool(m) and bool(pattern("stance", "negative_objects").fullmatch(m.group(1))) \
        and m.group(1).lower()[:5] not in topic.label.lower()


_BREACH = re.compile(r"(?i)\b(?:violat\w*|breach\w*|undermin\w*|in\s+contravention)\s+(?:of\s+)?(?:the\s+)?")


def _breach_of_topic(t: str, pat: re.Pattern) -> bool:
    """Sentence `t` charges someone with breaching the question's act itself ("a violation of the
    ceasefire"): whoever it names is no proponent of the act."""
    return any(topic_in(pat, " ".join(t[m.end():].split()[:4])) for m in _BREACH.finditer(t))


@lru_cache(maxsize=8192)
def _opposes(t: str) -> bool:
    """Sentence `t` holds an "oppose" cue. Cached: proponents reads the same sentences three times."""
    return not absent(anchors("stance", "oppose"), lowered(t)) and pattern("stance", "oppose").search(t) is not None


@lru_cache(maxsize=1)
def _act_after_possessive() -> re.Pattern:
    """An act noun a few words on ("'s unilateral annexation"); case-sensitive, as it always was."""
    return re.compile(r"\s+(?:[a-z-]+\s+){0,2}?" + cue_source(cues()["act_nouns"], grouped=False))


def title_proponent(doc: Document, gaz) -> dict[str, str]:
    """A headline that opens with an organisation or organ and says what it did ("Council adopts ...")
    names the act's author; a title that is only the body's name (a report on a mission) names none."""
    if not doc.title:
        return {}
    found = gaz.find(doc.title)
    if found and found[0].start <= 4 and found[0].kind in ("organ", "organisation") \
            and _TITLE_WORD.match(_PARENTHESES.sub(" ", doc.title[found[0].end:])):
        return {found[0].name: doc.title}
    return {}


_PARENTHESES = re.compile(r"\([^)]*\)|,[^,]*,")
"""Asides the headline's verb may follow: "(ZSMB)", ", in Presidential Statement,"."""
_TITLE_WORD = re.compile(r"[\W\d_]*(?!(?:in|of|the|for|and|on|to|at|a|an)\b)[A-Za-z][a-z-]+", re.IGNORECASE)
"""A word of the headline's own just after the body's name (its verb, "adopts", "Calls"), not the
rest of a name ("in Borduria") nor nothing at all."""



def assign(stmts: Sequence[Statement], doc: Document, tops: list[Topic], sides: dict, gaz,
           principle_list=(), known: tuple[Topic, Collection[str]] | None = None
           ) -> tuple[tuple[Statement, ...], Topic, Collection[str], set[str]]:
    """Give every statement its question and stance; return them with the main topic, the
    act's proponents (actor -> evidence, or the actors only when `known`) and its targets.

    `known` is (main topic, proponents) when already found for these statements of `doc` (the
    read step of build/steps.py finds them for the stances step): finding them again is most of
    the cost outside the cues."""
    if known is None:
        main = main_topic(doc, tops)
        props = proponents(stmts, main, gaz) | title_proponent(doc, gaz)
    else:
        main, props = known
        # the configured question itself, not a copy from another process: assign compares by identity
        main = next((t for t in tops if t == main), main)
    tgts = targets(doc, gaz, main) - set(props)
    focus = focus_anchors(doc)
    turns = {b.anchor for b in doc.blocks if b.context and b.role == "speaker-turn"}

    def names_in(names: set[str]) -> Callable[[str], bool]:
        return (lambda text: any(m.name in names for m in gaz.find(text))) if names else no_party

    def others(actor: str | None) -> Callable[[str], bool]:
        def named(text: str) -> bool:
            found = gaz.find(text)
            return bool(found) and found[0].start == 0 and found[0].name != actor and found[0].kind in _PARTY_KINDS
        return named if actor is not None else no_party

    any_party = others("")  # no actor is named "": every party counts

    present = present_topics(doc, tops, main)
    headed = headed_by(doc, main)
    out = []
    for st in stmts:
        topic = question_of(st, main, present)
        against, favour = sides[topic.id] if topic.id in sides else kind_sides(topic)
        frame = Frame(topic.pattern(), frozenset(against), frozenset(favour), tuple(principle_list),
                      names_in(set(props)), names_in(tgts), focus=st.anchor in focus and topic is main,
                      turn=st.anchor in turns and topic is main, is_party=any_party, is_other=others(st.actor),
                      label=topic.label, speaker=st.speaker or "")
        stance = verdict(cue_scores(st.text, frame, [p for p in st.principles if p not in st.violated],
                                    st.violated))
        cue_weights = cue_scores(st.text, frame) if stance is not None or st.actor in props else None
        by_cues = verdict(cue_weights) if cue_weights is not None else None
        if st.actor in props:
            stance = "support"
        elif st.actor in tgts and stance is not None:
            stance = "oppose"
        key = key_sentence(st, stance, lambda text: cue_scores(text, frame))
        judged = with_judgement(st, topic.id, stance, key)
        if stance is not None:
            rule = _stance_rule(st.actor, stance, by_cues, props, tgts)
            if rule == "stance-cue" and not mentions(frame.topic, key):
                rule = "stance-cue-off-terms"  # the cue aims at an act or party, not the question's own words
                if not headed and topic is main and st.actor not in props and st.actor not in tgts:
                    # a document only partly on the question: backing "the draft resolution" there is
                    # a stance on whatever that text is about, not on the question
                    out.append(with_judgement(st, topic.id, None, key))
                    continue
            extra = ()
            if rule.startswith("stance-cue") and stance in cue_weights and cue_weights[stance] < 1:
                extra = (WEAK_CUE,)  # one generic word of urging ("must", "is needed"): no firm stance
            elif rule.startswith("stance-cue") and stance in INDIRECT and cue_weights[INDIRECT[stance]] > 0 \
                    and cue_weights[stance] - cue_weights[INDIRECT[stance]] < 1:
                extra = (BAD_THING_ONLY,)  # "illegal drug trafficking threatens ...": no stance word on the act
            judged = replace(judged, basis=judged.basis + extra + (rule,))
        out.append(judged)
    return tuple(out), main, props, tgts


_PARTY_KINDS = ("state", "organisation", "de-facto-state", "organ", "party", "movement", "government")


def _stance_rule(actor, stance: str, by_cues: str | None, props, tgts) -> str:
    if by_cues == stance:
        return "stance-cue"
    if actor in props:
        return "proponent-of-act"
    if actor in tgts:
        return "target-of-act"
    return "stance-from-principles"



def principle_sides(stmts: Sequence[Statement], tops: list[Topic], gaz=None,
                    props: dict[str, set[str]] | None = None) -> dict[str, tuple[set, set]]:
    """Per topic: principles against the act (said by the corpus to be violated by it, or by the
    question's kind, or set in report.toml) and for it; a principle the question's label names is
    for it (the question is about upholding it).

    An accusation counts when the words before it name the act (a topic word) or its proponent,
    so "crime undermines the rule of law" does not set the rule of law against action on crime."""
    from ...lexicons import principles as base_principles
    sides: dict[str, tuple[set, set]] = {}
    for t in tops:
        against, favour = kind_sides(t)
        # a principle the question names itself ("Sovereignty and territorial integrity") is what
        # it upholds: never against it, unless report.toml says so
        named = _named_principles(t, base_principles()) - set(t.against)
        sides[t.id] = ((against - named) | set(t.against), (favour | named | set(t.favour)) - set(t.against))
    accuse = re.compile(r"(?i)violat|breach|undermin|contrary to|inconsistent with|infring|disregard|flout")
    bad = pattern("stance", "negative_objects")
    for st in stmts:
        if not st.violated:
            continue
        for t in tops:
            if st.question != t.id and not mentions(t.pattern(), st.text):
                continue
            for sent in sentences(st.text):
                for m in accuse.finditer(sent.text):
                    before = sent.text[:m.start()]
                    # the act itself ("the recognition ... violates") or its author is accused
                    # the act's words in the accused clause itself: "revoke X's status in peace
                    # operations, as the actions of its forces constitute violations" accuses the forces
                    clause = _CLAUSE_END.split(before)[-1]
                    named = (names_act(t.pattern(), clause) and pattern("act_nouns").search(clause)) or (
                        gaz and props and any(x.name in props.get(st.doc, ()) and not _accuser(before[x.end:])
                                              for x in gaz.find(before)))
                    if named and not bad.search(before[-60:]):
                        _, violated = invoked(sent.text[m.start():], base_principles())
                        learnt = {v for v in violated if v in st.violated} - set(t.favour) \
                            - _holding_topic(sent.text[m.start():], t, base_principles())
                        sides[t.id][0].update(learnt)
                        sides[t.id][1].difference_update(learnt)
    return sides



_CLAUSE_END = re.compile(r"[,;:]\s+(?:as|because|since|while|but|and)?\b")
_RECORDING = re.compile(r"(?i)\b(?:document\w*|record\w*|report\w*|verif\w*|monitor\w*|investigat\w*)\b")


def _accuser(after_name: str) -> bool:
    """The party named just before an accusation speaks or records it ("UNSMIL continued to
    document systematic violations"): it is the accuser, not the accused."""
    head = after_name[:60]
    return bool(pattern("speech_verbs").search(head) or _RECORDING.search(head))


def _named_principles(t: Topic, principle_list) -> set[str]:
    """Principles the question's label names (its terms only find passages: "territorial
    integrity" finds the passages of a question on recognising a secession)."""
    return {p.id for p in principle_list if p.pattern.search(t.label)}


def _holding_topic(text: str, t: Topic, principle_list) -> set[str]:
    """Principles named in `text` with the question's own words ("violations of international
    humanitarian law" on humanitarian access): a breach of them is no breach by the act."""
    pat = t.pattern()
    return {p.id for p in principle_list if any(topic_in(pat, m.group()) for m in p.pattern.finditer(text))}
