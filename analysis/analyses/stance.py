"""Statements + questions -> each statement's question and stance, then positions per actor.

Stance is read from cue words (lexicons/cues.json "stance"), turned by negation ("did not
recognise", "refused to back"), by a negative object ("condemned terrorism" backs action
against it), and by principles: upholding a principle that others in the corpus say the
question's act violates counts against the act. An actor whose own act others condemn
(``X's decision``, ``recognition ... by X``) is the act's proponent and supports it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Sequence

from ..config import Question
from ..lexicons import pattern
from ..model.document import Document
from ..model.findings import Position, Statement
from .text import sentences

MIXED_RATIO = 0.34


@dataclass(frozen=True, slots=True)
class Topic:
    """A question as the analysis uses it: configured, or implied by a document's title."""

    id: str
    label: str
    terms: tuple[str, ...]

    def pattern(self) -> re.Pattern:
        return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in self.terms)
                          + r")", re.IGNORECASE)


def topics(questions: Sequence[Question]) -> list[Topic]:
    return [Topic(q.id, q.label, q.terms) for q in questions]


def main_topic(doc: Document, tops: list[Topic]) -> Topic:
    """The configured question a document is mainly about (title first, then its text), or one
    implied by its title when no configured question fits."""
    head = " ".join(filter(None, [doc.title] + [b.text for b in doc.blocks[:6]]))
    body = " ".join(p.text for p in doc.passages())
    best, best_score = None, 0.0
    for t in tops:
        pat = t.pattern()
        score = 5 * len(pat.findall(doc.title or "")) + 2 * len(pat.findall(head)) + len(pat.findall(body)) / 10
        if score > best_score:
            best, best_score = t, score
    if best is not None and best_score >= 1:
        return best
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w-]{3,}", doc.title or "") if w.lower() not in _STOP]
    return Topic(f"{doc.id}-topic", doc.title or doc.id, tuple(words[:6]) or ("recogni",))


_STOP = {"from", "with", "that", "this", "into", "between", "against", "their", "about", "after", "before",
         "calls", "call", "statement", "difference", "revisions", "making", "tool"}


def _window_has(pat: re.Pattern, text: str, start: int, end: int) -> bool:
    return bool(pat.search(text, max(0, start), min(len(text), end)))


def cue_scores(text: str, against: set[str], favour: set[str], upheld: Sequence[str],
               violated: Sequence[str], proponents: set[str]) -> dict[str, float]:
    """Support/oppose/neutral weights of one statement's words."""
    scores = {"support": 0.0, "oppose": 0.0, "neutral": 0.0}
    neg = pattern("stance", "negators")
    bad = pattern("stance", "negative_objects")
    taken: list[tuple[int, int]] = []
    for kind in ("neutral", "oppose", "support"):  # longest, most specific lists first
        for m in pattern("stance", kind).finditer(text):
            if any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            weight = 1.0 if kind != "support" or _strong(m.group()) else 0.5
            label = kind
            if kind != "neutral":
                before = text[max(0, m.start() - 28):m.start()]
                after = text[m.end():m.end() + 45]
                flips = 0
                if neg.search(before) and "." not in before:
                    flips += 1
                obj = after.split(".")[0]
                if bad.search(obj) and not any(p.lower() in obj.lower() for p in proponents):
                    flips += 1
                if flips % 2:
                    label = "oppose" if kind == "support" else "support"
            scores[label] += weight
    for p in upheld:
        if p in against:
            scores["oppose"] += 1.5
        elif p in favour:
            scores["support"] += 1.5
    for p in violated:
        if p in against:
            scores["oppose"] += 1.0
    return scores


_STRONG = re.compile(r"(?i)support|back|welcom|endors|commend|sided|recogni|approv|favou?r|hail|pleased|shares")


def _strong(word: str) -> bool:
    return bool(_STRONG.match(word))


def verdict(scores: dict[str, float]) -> str | None:
    s, o, n = scores["support"], scores["oppose"], scores["neutral"]
    if s == o == n == 0:
        return None
    if s and o and min(s, o) / max(s, o) >= MIXED_RATIO and min(s, o) >= 1:
        return "mixed"
    if n >= max(s, o) and n > 0:
        return "neutral"
    return "support" if s > o else "oppose" if o > s else ("neutral" if n else "mixed")


def proponents(stmts: Sequence[Statement], topic: Topic, gaz) -> dict[str, str]:
    """Actors whose act on the topic others condemn or call a violation: actor -> evidence text."""
    pat = topic.pattern()
    opp = pattern("stance", "oppose")
    found: dict[str, str] = {}
    for st in stmts:
        for sent in sentences(st.text):
            t = sent.text
            if not pat.search(t) or not opp.search(t):
                continue
            for m in gaz.find(t):
                if m.name == st.actor or (gaz.entry(m.name) or {}).get("kind") not in ("state", "organisation",
                                                                                      "de-facto-state"):
                    continue
                tail = t[m.end:m.end + 4]
                before = t[max(0, m.start - 12):m.start]
                possessive = tail.startswith(("'s", "\u2019s"))
                agent = re.search(r"\bby\s+(?:the\s+)?$", before)
                if (possessive or agent) and m.via not in ("capital",):
                    found.setdefault(m.name, t)
    return found


def assign(stmts: Sequence[Statement], doc: Document, tops: list[Topic], principles_against: dict,
           gaz) -> tuple[tuple[Statement, ...], Topic, dict[str, str]]:
    """Give every statement its question and stance."""
    main = main_topic(doc, tops)
    props = proponents(stmts, main, gaz)
    body = " ".join(p.text for p in doc.passages())
    # another question takes a statement only when the document really discusses it
    present = [t for t in tops if t is not main and len(t.pattern().findall(body)) >= 3]
    out = []
    for st in stmts:
        topic = main
        for t in present:
            if t.pattern().search(st.text) and not main.pattern().search(st.text):
                topic = t
        against, favour = principles_against.get(topic.id, (set(), set()))
        upheld = [p for p in st.principles if p not in st.violated]
        scores = cue_scores(st.text, against, favour, upheld, st.violated, set(props))
        stance = verdict(scores)
        if st.actor in props:
            stance = "support"
        out.append(replace(st, question=topic.id, stance=stance))
    return tuple(out), main, props


def principle_sides(stmts: Sequence[Statement], tops: list[Topic]) -> dict[str, tuple[set, set]]:
    """Per topic: principles the corpus says the act violates (against it) or that it serves (for it)."""
    sides: dict[str, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for st in stmts:
        for t in tops:
            if t.pattern().search(st.text) or st.question == t.id:
                sides[t.id][0].update(st.violated)
    for tid, (against, favour) in sides.items():
        favour.update({"self-determination"} - against)
    return dict(sides)


def positions(stmts: Sequence[Statement], doc_id: str, props: dict[str, str]) -> tuple[Position, ...]:
    """One position per (actor, question) with a stance; the deciding statement first."""
    groups: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for st in stmts:
        who = st.actor or (st.speaker if st.speaker and _is_person(st.speaker) else None)
        if who and st.question and st.stance:
            groups[(who, st.question)].append(st)
    out = []
    for (actor, question), evidence in groups.items():
        tally = {"support": 0.0, "oppose": 0.0, "neutral": 0.0}
        for st in evidence:
            if st.stance == "mixed":
                tally["support"] += 0.5
                tally["oppose"] += 0.5
            else:
                tally[st.stance] += 1
        stance = verdict(tally) or "neutral"
        if actor in props:
            stance = "support"
        deciding = sorted(evidence, key=lambda s: (s.stance != stance, len(s.text)))[0]
        principles = tuple(dict.fromkeys(p for st in evidence for p in st.principles))
        out.append(Position(id=f"{doc_id}-pos{len(out) + 1}", doc=doc_id, actor=actor, question=question,
                            stance=stance, principles=principles,
                            evidence=tuple([deciding.id] + [s.id for s in evidence if s is not deciding]),
                            anchor=deciding.anchor, quote=deciding.text))
    return tuple(out)


def _is_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 5 and all(w[0].isupper() or w.lower() in ("de", "van", "von", "der", "al", "bin")
                                        for w in words)
