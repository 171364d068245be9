"""Statements + positions -> tensions: an actor whose position collides with a principle.

Stated: the text says so ("inconsistent with this principle", "cannot have it both ways",
"contrary to the principle of"); the actor is the one the surrounding sentences are about.
Derived: an actor that upholds a principle itself while supporting an act that others in
the corpus accuse of violating that principle.
"""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from ..lexicons import Principle, pattern
from ..model.document import Document
from ..model.findings import Position, Statement, Tension
from .principles import invoked
from .text import sentences


def stated(doc: Document, principles: tuple[Principle, ...], gaz, speakers: dict[str, str | None]) -> list[Tension]:
    """Tensions the text states. `speakers` maps an anchor to the actor speaking there (not the target)."""
    cue = pattern("tension", "stated")
    anaphora = pattern("tension", "anaphora")
    out = []
    for passage in doc.passages():
        sents = sentences(passage.text)
        for i, sent in enumerate(sents):
            if not cue.search(sent.text):
                continue
            found, _ = invoked(sent.text, principles)
            window = sents[max(0, i - 3):i + 1]
            if not found and anaphora.search(sent.text) or not found:
                for prev in reversed(window[:-1]):
                    found, _ = invoked(prev.text, principles)
                    if found:
                        break
            if not found:
                continue
            speaker_actor = speakers.get(passage.anchor)
            counts: Counter = Counter()
            for j, s in enumerate(window):
                for m in gaz.find(s.text):
                    kind = (gaz.entry(m.name) or {}).get("kind")
                    if m.name == speaker_actor or kind not in ("state", "organisation", "de-facto-state", "organ"):
                        continue
                    counts[m.name] += 1 + (j == len(window) - 1) * 0.5
            if not counts:
                continue
            actor = counts.most_common(1)[0][0]
            for pid in found[:1]:
                out.append(Tension(id="", doc=doc.id, actor=actor, principle=pid, text=sent.text,
                                   anchor=passage.anchor, basis="stated"))
    return out


def derived(stmts: Sequence[Statement], positions: Sequence[Position], against: dict) -> list[Tension]:
    """An actor upholding principle P while supporting an act that others say violates P."""
    accused = {(q, p) for q, (ps, _) in against.items() for p in ps}
    out = []
    for pos in positions:
        if pos.stance != "support":
            continue
        own = [st for st in stmts if (st.actor or st.speaker) == pos.actor and st.question == pos.question]
        for st in own:
            for p in st.principles:
                if p not in st.violated and (pos.question, p) in accused:
                    out.append(Tension(id="", doc=st.doc, actor=pos.actor, principle=p, text=st.text,
                                       anchor=st.anchor, basis="derived"))
    return out


def tensions(doc: Document, stmts: Sequence[Statement], positions: Sequence[Position],
             principles: tuple[Principle, ...], gaz, against: dict | None = None) -> tuple[Tension, ...]:
    """Stated and derived tensions; one per actor and principle, and one per actor in a passage
    (a quotation that makes one charge in several sentences is one tension)."""
    speakers = {}
    for st in stmts:
        speakers.setdefault(st.anchor, st.actor)
    seen, out = set(), []
    for t in stated(doc, principles, gaz, speakers) + derived(stmts, positions, against or {}):
        if (t.actor, t.principle) in seen or (t.actor, t.anchor) in seen:
            continue
        seen.add((t.actor, t.principle))
        seen.add((t.actor, t.anchor))
        out.append(Tension(id=f"{doc.id}-t{len(out) + 1}", doc=t.doc, actor=t.actor, principle=t.principle,
                           text=t.text, anchor=t.anchor, basis=t.basis))
    return tuple(out)
