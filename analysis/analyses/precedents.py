"""Document + statements -> precedent claims: who likens which case to which, denies it, or warns of a repeat.

A claim needs a relation cue (lexicons/cues.json "precedent") and two distinct cases in the
sentence: places, entities or named episodes. "The two regions" and similar references
take the last two cases named before them in the document. Which case is the subject and
which the precedent follows the cue: the case after "similar to"/"as"/"into"/"a new" is
the precedent; before "could be repeated" it is the precedent and the case after is the subject.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..lexicons import pattern
from ..model.document import Document
from ..model.findings import Precedent, Statement
from .attribution import _MONTHS, _STOP_CAPS, _title_patterns
from .text import capitalised_runs, sentences

_CASE_KINDS = ("state", "de-facto-state", "historical", "region")
_BEFORE_CUES = re.compile(r"(?i)repeated|repeat|repetition")
_ANAPHOR = re.compile(r"(?i)\b(?:the|these|those|both)\s+(two|three)\s+(?:regions|territories|cases|situations|"
                      r"republics|entities|provinces|conflicts)\b")
_YEAR = re.compile(r"\bin\s+(1[5-9]\d\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class Case:
    start: int
    end: int
    name: str


def find_cases(text: str, gaz, persons: set[str], history: list[str]) -> list[Case]:
    """Places, entities and episodes named in `text`, in order; anaphors resolved from `history`."""
    out: list[Case] = []
    taken: list[tuple[int, int]] = []
    for m in gaz.find(text):
        kind = (gaz.entry(m.name) or {}).get("kind")
        if kind in _CASE_KINDS or (kind is None and m.via not in ("acronym",)):
            label = text[m.start:m.end] if m.via in ("adjective",) else m.name
            if m.via == "adjective":
                nxt = re.match(r"\s+([a-z]+)", text[m.end:])
                label = f"{m.name}" + (f" ({text[m.start:m.end]} {nxt.group(1)})" if nxt else "")
            out.append(Case(m.start, m.end, label))
        taken.append((m.start, m.end))
    titles, _ = _title_patterns()
    for run in capitalised_runs(text):
        if any(s <= run.start < e or run.start <= s < run.end for s, e in taken):
            continue
        words = [w for w in run.text.split() if w not in _STOP_CAPS and w not in _MONTHS]
        name = " ".join(words)
        if not name or name in persons or any(name in p or p in name for p in persons if len(p) > 5):
            continue
        if titles.search(name) or len(name) < 4 or name.isupper() and len(name) < 6:
            continue
        if run.start == 0 or text[max(0, run.start - 2):run.start].strip() in (".", "\u201c", '"'):
            if len(words) < 2:
                continue  # a capital at sentence start says nothing
        start = text.find(name, run.start)
        out.append(Case(start, start + len(name), name))
    for m in _ANAPHOR.finditer(text):
        n = 2 if m.group(1).lower() == "two" else 3
        prior = [c for c in history if c not in [x.name for x in out]][-n:]
        if len(prior) == n:
            out.append(Case(m.start(), m.end(), " and ".join(prior)))
    out.sort(key=lambda c: c.start)
    return out


def _relation(sent: str) -> tuple[str, re.Match] | None:
    for rel in ("denial", "warning", "analogy"):
        m = pattern("precedent", rel).search(sent)
        if m:
            return rel, m
    return None


def _pick(cases: list[Case], cue: re.Match, rel: str) -> tuple[Case, Case] | None:
    before = [c for c in cases if c.end <= cue.start()]
    after = [c for c in cases if c.start >= cue.end()]
    if rel == "warning" and _BEFORE_CUES.search(cue.group()) and before and after:
        return after[0], before[-1]
    if rel == "denial" and len(after) >= 2:
        return after[0], after[1]
    if after and before:
        return before[0], after[0]
    if len(after) >= 2:
        return after[-1], after[0]
    if len(before) >= 2:
        return before[0], before[-1]
    return None


def precedents(doc: Document, stmts: Sequence[Statement], gaz) -> tuple[Precedent, ...]:
    persons = {s.speaker for s in stmts if s.speaker}
    persons |= {w for s in stmts if s.speaker for w in s.speaker.split() if len(w) > 3}
    by_anchor: dict[str, list[Statement]] = {}
    for st in stmts:
        by_anchor.setdefault(st.anchor, []).append(st)
    history: list[str] = []
    out: list[Precedent] = []
    for passage in doc.passages():
        for sent in sentences(passage.text):
            cases = find_cases(sent.text, gaz, persons, history)
            found = _relation(sent.text)
            pair = _pick(cases, found[1], found[0]) if found else None
            if pair and pair[0].name != pair[1].name and not _same(pair[0].name, pair[1].name):
                subject, prec = pair
                year = _YEAR.search(sent.text[prec.end:prec.end + 60])
                prec_name = prec.name + (f" ({year.group(1)})" if year else "")
                claim = _claimant(passage.anchor, sent.start, by_anchor)
                out.append(Precedent(id=f"{doc.id}-c{len(out) + 1}", doc=doc.id, anchor=passage.anchor,
                                     claimant=claim.speaker if claim else doc.author or doc.publisher,
                                     actor=claim.actor if claim else None, subject=subject.name,
                                     precedent=prec_name, relation=found[0], text=sent.text))
            for c in cases:
                if " and " not in c.name:
                    history.append(c.name)
    return tuple(out)


def _same(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a in b or b in a


def _claimant(anchor: str, pos: int, by_anchor) -> Statement | None:
    for st in by_anchor.get(anchor, []):
        if st.span.start <= pos < st.span.end:
            return st
    return None
