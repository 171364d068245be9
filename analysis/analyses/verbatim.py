"""Document passages -> the speaker turns of a verbatim record: where each turn starts
(passage index, offset) and who holds it; () when the text has fewer than two turns.

A verbatim record writes "Mr. Varga (Chile) (spoke in Spanish): ..." where a speaker takes
the floor; the turn runs over paragraphs and pages until the next one. The chair's turns
("The President: I give the floor to ...") are procedure: nobody's position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..actors import Gazetteer
from .attribution import People, Speaker, from_turn

OPENER = re.compile(
    r"(?:^|(?<=[.!?\]\u201d\"]\s)|(?<=[.!?\]\u201d\"]\s\s))\W{0,3}"
    r"(?:(?P<label>(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|H\.\s?E)\.?\s+[A-Z][^():\n]{0,60}?\s*\([^()]{2,80}\))"
    r"|(?P<chair>The\s+(?:Acting\s+)?(?:President|Chair|Chairman|Chairperson|Co-Chair|Vice-President)))"
    r"(?:\s*\((?:spoke|interpretation)[^)]*\))?\s*:\s")


@dataclass(frozen=True, slots=True)
class Turn:
    passage: int
    start: int
    speaker: Speaker | None
    """None for the chair's procedural turns."""


def verbatim_turns(texts: list[str], gaz: Gazetteer, people: People) -> tuple[Turn, ...]:
    """The turns of the passages `texts`, in reading order."""
    found = [(i, m) for i, text in enumerate(texts) for m in OPENER.finditer(text)]
    if sum(1 for _, m in found if m.group("label")) < 2:
        return ()
    out = []
    for i, m in found:
        sp = None if m.group("chair") else from_turn(m.group("label"), gaz, people)
        if sp is not None:
            sp = _on_behalf(texts[i][m.end():m.end() + 400], sp, gaz)
        out.append(Turn(i, m.start(), sp))
    return tuple(out)


_ON_BEHALF = re.compile(r"\bon\s+behalf\s+of\s+(?P<whom>[^,.;:]{3,120})")


def _on_behalf(opening: str, sp: Speaker, gaz: Gazetteer) -> Speaker:
    """"It is my honour to speak on behalf of the European Union": the turn speaks for the
    organisation or group named, not for the delegate's own state."""
    m = _ON_BEHALF.search(opening[:300])
    if m is None:
        return sp
    found = gaz.find(m.group("whom"))
    if found and found[0].kind == "organisation":
        return Speaker(name=sp.name, actor=gaz.speaks_for(found[0].name) or found[0].name, person=sp.person,
                       via="on-behalf-of")
    return sp


def turn_at(turns: tuple[Turn, ...], passage: int, pos: int) -> Turn | None:
    """The turn a position falls in (the last to start at or before it)."""
    found = None
    for t in turns:
        if (t.passage, t.start) <= (passage, pos):
            found = t
        else:
            break
    return found
