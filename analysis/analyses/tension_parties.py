"""A phrase + the gazetteer -> the actor it names as the doer of an act or as a possessor, for the
tension readers (a charge is against its doer, never the party after "against" or "on")."""
from __future__ import annotations

import re

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
