"""A phrase + the gazetteer -> the actor it names as the doer of an act or as a possessor, for the
tension readers (a charge is against its doer, never the party after "against" or "on"); and the
actor whose words hold a place (whose charge it is, so not its target)."""
from __future__ import annotations

import re
from typing import Sequence

from ..model.findings import Statement

KINDS = ("state", "organisation", "de-facto-state", "organ", "sub-state")
"""The kinds of actor that can be in tension with a principle."""

_OBJECT_PREP = re.compile(r"(?i)\b(?:against|to|from|with|over|on|for|towards?|by|in|into|within|inside|across|"
                          r"along|near)\s+(?:the\s+)?$")


def actor_at(text: str, gaz, exclude: str | None) -> str | None:
    """The first actor a phrase names as its subject (not one it names after "against", "with")."""
    for m in gaz.find(text):
        if m.name == exclude or (m.kind or gaz.entry(m.name).get("kind")) not in KINDS:
            continue
        if _OBJECT_PREP.search(text[max(0, m.start - 14):m.start]):
            continue
        return gaz.speaks_for(m.name) or m.name
    return None


def possessor(text: str, gaz, exclude: str | None) -> str | None:
    """The actor named right before the possessive "'s" that ends `text`."""
    last = [x for x in gaz.find(text) if x.end == len(text.rstrip())]
    if not last or last[0].name == exclude or (last[0].kind or gaz.entry(last[0].name).get("kind")) not in KINDS:
        return None
    return gaz.speaks_for(last[0].name) or last[0].name


def voice_at(stmts: Sequence[Statement], anchor: str, pos: int, *, needing: str | None = None) -> str | None:
    """The actor of the first statement that holds `pos` in passage `anchor`: the party whose charge
    it is. `needing` "speaker": only a statement with a named speaker (unvoiced narration's actor may
    be merely the party it is about); "person": only a person's (a misread narration has a state or
    a group as its "speaker")."""
    return next((st.actor for st in stmts if st.anchor == anchor and st.span.start <= pos < st.span.end
                 and (needing is None or getattr(st, needing))), None)
