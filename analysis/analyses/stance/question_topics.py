"""Questions as the stance analysis uses them: a configured question's words (found fast in
long texts), the question a document is mainly about, the one each statement is on, and the
states whose integrity a question puts at stake."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from ...config import Question
from ...lexicons import absent, cue_anchors, data, find_from_heads, lowered
from ...model.document import Document
from ...model.findings import Statement
from ...text.patterns import grouped_alternation

_STOP = {"from", "with", "that", "this", "into", "between", "against", "their", "about", "after", "before",
         "calls", "call", "statement", "difference", "revisions", "making", "tool"}



@dataclass(frozen=True, slots=True)
class Topic:
    """A question as the analysis uses it: configured, or implied by a document's title."""

    id: str
    label: str
    terms: tuple[str, ...]
    against: tuple[str, ...] = ()
    """Principles the report.toml says weigh against the act."""
    favour: tuple[str, ...] = ()

    def pattern(self) -> re.Pattern:
        return terms_pattern(self.terms)

    def findall(self, text: str) -> tuple[str, ...]:
        """The topic's words in `text`; cached, as a document's body is searched for every question
        more than once (main topic, other questions present, both assign passes)."""
        return terms_findall(self.terms, text)


@lru_cache(maxsize=256)
def terms_pattern(terms: tuple[str, ...]) -> re.Pattern:
    # grouped by first letter (text/patterns.alternation): the same matches, faster over a whole document
    rx = re.compile(r"(?<![\w-])" + grouped_alternation([re.escape(t).replace(r"\ ", r"\s+") for t in terms]),
                    re.IGNORECASE)
    _TERMS_ANCHORS[rx] = _terms_anchors(terms)
    return rx


_TERMS_ANCHORS: dict[re.Pattern, tuple[str, ...] | None] = {}
"""The anchors (lexicons.cue_anchors) of each topic pattern made by terms_pattern."""


def topic_in(topic: re.Pattern, text: str) -> bool:
    """`topic.search(text)` found one of the words in the question's own sense (not_other_sense);
    a text without any of the words of a topic pattern made by terms_pattern skips the regex."""
    if absent(_TERMS_ANCHORS.get(topic), lowered(text)):
        return False
    if topic.search(text) is None:
        return False
    spans = other_sense_spans(text)
    return not spans or any(not_other_sense(m, spans) for m in topic.finditer(text))


@lru_cache(maxsize=1)
def other_senses_pattern() -> re.Pattern | None:
    found = data("questions").get("other_senses", {}).get("patterns", ())
    return re.compile("|".join(f"(?:{p})" for p in found), re.IGNORECASE) if found else None


@lru_cache(maxsize=4096)
def other_sense_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where `text` uses a question's common word in another sense (lexicons/questions.json
    "other_senses": "voted in favour of the draft", "sovereign debt", "Permanent Mission"): a vote
    is a stance on the text voted on, which is on a question only through that text's own words."""
    rx = other_senses_pattern()
    if rx is None:
        return ()
    # tried only where a match can start (lexicon "heads"): the engine's scan of every place of a
    # long document with a dozen case-insensitive patterns was a tenth of the analysis
    return tuple(m.span() for m in find_from_heads(rx, text, _other_sense_heads()))


@lru_cache(maxsize=1)
def _other_sense_heads() -> tuple[str, ...] | None:
    return tuple(data("questions").get("other_senses", {}).get("heads", ())) or None


def not_other_sense(m: re.Match, spans: tuple[tuple[int, int], ...]) -> bool:
    """`m` starts outside every span (spans in text order, not overlapping, as finditer gives them)."""
    i = bisect_right(spans, m.start(), key=_span_start) - 1
    return i < 0 or m.start() >= spans[i][1]


def _span_start(span: tuple[int, int]) -> int:
    return span[0]


@lru_cache(maxsize=8192)
def mentions(topic: re.Pattern, text: str) -> bool:
    """topic_in, cached: a statement and its sentences are asked about in both assign passes,
    by cue_scores and key_sentence."""
    return topic_in(topic, text)


@lru_cache(maxsize=512)
def terms_findall(terms: tuple[str, ...], text: str) -> tuple[str, ...]:
    low = lowered(text)
    if absent(_terms_anchors(terms), low):
        return ()  # none of the words is there: spare the regex a whole document
    # only where a term's first word is: spares the regex every other position of a whole document
    # (the pattern has no groups, so the matches' texts are what findall gives)
    found = list(find_from_heads(terms_pattern(terms), text, _terms_heads(terms)))
    spans = other_sense_spans(text) if found else ()
    return tuple(m.group() for m in found if not spans or not_other_sense(m, spans))


@lru_cache(maxsize=256)
def _terms_heads(terms: tuple[str, ...]) -> tuple[str, ...] | None:
    """The lower-case first words of the terms (one of which starts every match of
    terms_pattern); None when the fast path of terms_findall does not apply (a term that
    is not plain ASCII or opens with a space, which could match the empty string)."""
    heads = set()
    for t in terms:
        head = t.lower().split(" ", 1)[0]
        if not head or not t.isascii():
            return None
        heads.add(head)
    return tuple(heads) if heads and terms_pattern(terms).groups == 0 else None


def _words_of(topic: Topic, text: str) -> list[str]:
    """`topic.pattern().findall(text)`, skipped when none of its words is there (not cached:
    a statement is asked about once per topic, and Topic.findall's cache is for whole bodies)."""
    if absent(_terms_anchors(topic.terms), lowered(text)):
        return []
    found = list(topic.pattern().finditer(text))
    spans = other_sense_spans(text) if found else ()
    return [m.group() for m in found if not spans or not_other_sense(m, spans)]


@lru_cache(maxsize=256)
def _terms_anchors(terms: tuple[str, ...]) -> tuple[str, ...] | None:
    return cue_anchors(terms)


def topics(questions: Sequence[Question]) -> list[Topic]:
    return [Topic(q.id, q.label, q.terms, q.principles_against, q.principles_for) for q in questions]


def _head(doc: Document) -> str:
    """The title and the first blocks: where a document says what it is about."""
    return " ".join(filter(None, [doc.title] + [b.text for b in doc.blocks[:6]]))


def headed_by(doc: Document, topic: Topic) -> bool:
    """The document says in its title or opening that it is about the question (or the question
    is the one its title implies): not only mentioned on the way in its body."""
    return topic.id.endswith("-topic") or bool(topic.findall(_head(doc)))


def main_topic(doc: Document, tops: list[Topic]) -> Topic:
    """The configured question a document is mainly about (title first, then its text), or one
    implied by its title when no configured question fits."""
    head = _head(doc)
    body = " ".join(p.text for p in doc.passages())
    best, best_score = None, 0.0
    for t in tops:
        score = 5 * len(t.findall(doc.title or "")) + 2 * len(t.findall(head)) + len(t.findall(body)) / 10
        if score > best_score:
            best, best_score = t, score
    if best is not None and best_score >= 0.5:
        return best  # in the title or heading, or five mentions in the body: a configured question fits
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w-]{3,}", doc.title or "") if w.lower() not in _STOP]
    return Topic(f"{doc.id}-topic", doc.title or doc.id, tuple(words[:6]) or ("recogni",))


def kind_sides(topic: Topic) -> tuple[set[str], set[str]]:
    """Principles against and for the act by the question's kind (lexicons/questions.json)."""
    against, favour = _kind_sides(topic.label, topic.terms)
    return set(against), set(favour)


@lru_cache(maxsize=1024)
def _kind_sides(label: str, terms: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """kind_sides, cached: asked for every statement of a question not in the learnt sides."""
    text = " ".join((label,) + terms).lower()
    against, favour = set(), set()
    for kind in data("questions")["kinds"]:
        if any(trigger in text for trigger in kind["triggers"]):
            against.update(kind["against"])
            favour.update(kind["for"])
    return frozenset(against), frozenset(favour - against)



@lru_cache(maxsize=1)
def _target_patterns() -> tuple[re.Pattern, ...]:
    out = []
    for p in data("questions")["target_patterns"]:
        before, _, after = p.partition("{X}")
        out.append(re.compile(r"(?i)" + re.escape(before).replace(r"\ ", r"\s+") + r"(?P<x>[A-Z][\w' -]{1,60})"
                              if before else r"(?P<x>[A-Z][\w' -]{1,60}?)" + re.escape(after).replace(r"\ ", r"\s+")))
    return tuple(out)


@lru_cache(maxsize=1)
def _target_anchors() -> tuple[tuple[str, ...] | None, ...]:
    """Per target pattern, words one of which its every match holds (the phrase around {X})."""
    return tuple(cue_anchors([p.replace("{X}", " ")]) for p in data("questions")["target_patterns"])


@lru_cache(maxsize=4096)
def _target_phrases(text: str) -> tuple[str, ...]:
    """The {X} of every target pattern match in a passage, pattern by pattern. Cached: assign
    runs twice on a document; a passage without a pattern's words skips its regex."""
    low = lowered(text)
    present: dict[tuple | None, bool] = {}  # several patterns share their words: test each once
    out = []
    for pat, needs, head in zip(_target_patterns(), _target_anchors(), _target_heads()):
        there = present.get(needs)
        if there is None:
            there = present[needs] = not absent(needs, low)
        if there:
            found = pat.finditer(text) if head is None else find_from_heads(pat, text, head)
            out.extend(m.group("x") for m in found)
    return tuple(out)


@lru_cache(maxsize=1)
def _target_heads() -> tuple[tuple[str, ...] | None, ...]:
    """Per target pattern, the lower-case word its every match starts with (the first word of
    the phrase before {X}; None when the pattern starts with {X}), for lexicons.find_from_heads."""
    out = []
    for p in data("questions")["target_patterns"]:
        before = p.partition("{X}")[0]
        head = before.split(" ", 1)[0].lower()
        out.append((head,) if before and head and head.isascii() else None)
    return tuple(out)


def targets(doc: Document, gaz, topic: Topic) -> set[str]:
    """States whose integrity the document says is at stake ("the territorial integrity of X"),
    for questions of a kind where that weighs against the act."""
    against, _ = kind_sides(topic)
    if "territorial-integrity" not in against and "territorial-integrity" not in topic.against:
        return set()
    found: dict[str, int] = defaultdict(int)
    for p in doc.passages():
        for named in _target_phrases(p.text):
            for x in gaz.find(named)[:1]:
                if x.kind in ("state", "historical") and named.startswith(x.text):
                    found[x.name] += 1
    return {name for name, n in found.items() if n >= 1}


def focus_anchors(doc: Document) -> set[str]:
    """Passages wholly about the question: table rows with an actor (a table of positions)."""
    return {b.anchor for b in doc.blocks if b.context and b.role == "table-row"}


def present_topics(doc: Document, tops: list[Topic], main: Topic) -> list[Topic]:
    """The other questions the document really discusses: only these may take a statement."""
    body = " ".join(p.text for p in doc.passages())
    return [t for t in tops if t is not main and len(t.findall(body)) >= 3]


def question_of(st: Statement, main: Topic, present: list[Topic]) -> Topic:
    """The question a statement is on: the main one, unless it names another present one."""
    if not mentions(main.pattern(), st.text):
        for t in present:  # only on two distinct words of its own ("independence" alone is everyone's)
            if len({w.lower() for w in _words_of(t, st.text)}) >= 2:
                return t
    return main


def questions(stmts: Sequence[Statement], doc: Document, tops: list[Topic]) -> tuple[tuple[Statement, ...], Topic]:
    """Every statement with its question (as `assign` gives it, without a stance), and the main
    topic: all principle_sides reads, without judging a single cue."""
    main = main_topic(doc, tops)
    present = present_topics(doc, tops, main)
    return tuple(replace(st, question=question_of(st, main, present).id) for st in stmts), main

