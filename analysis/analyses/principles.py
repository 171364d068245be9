"""Text -> the principles it invokes, and which of them it accuses someone of violating."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import Principle, absent, anchors, find_from_heads, heads, lowered, pattern

# A violation cue this many characters before a principle cue makes the principle "violated".
_REACH = 120
_ACCUSATION = re.compile(r"(?i)violat|breach|undermin|contrary|inconsistent|infring|jeopardi|disregard|flout|ignor")


@lru_cache(maxsize=4096)
def invoked(text: str, principles: tuple[Principle, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(principle ids invoked, ids among them said to be violated), in lexicon order. Cached:
    tensions asks again about the statements, and each principle's regex runs over the whole text."""
    found, violated = [], []
    low = lowered(text)
    accusations = None  # found on first need: most texts invoke no principle
    for p in principles:
        if absent(p.anchors, low):
            continue
        # only where a cue's first word is (a statement can be long): the same matches
        hits = find_from_heads(p.pattern, text, p.heads)
        breach = bool(p.violation and find_from_heads(p.violation, text, p.violation_heads, first=True))
        if not hits and not breach:
            continue
        found.append(p.id)
        if breach:
            violated.append(p.id)  # "the annexation" names the breach itself
            continue
        if accusations is None:
            accusations = [] if absent(anchors("stance", "oppose"), low) else [
                m for m in find_from_heads(pattern("stance", "oppose"), text, heads("stance", "oppose"))
                if _ACCUSATION.match(m.group())]
        for h in hits:
            if any(0 <= h.start() - a.end() <= _REACH and "." not in text[a.end():h.start()] for a in accusations):
                violated.append(p.id)
                break
    return tuple(found), tuple(violated)


def upheld(text: str, principles: tuple[Principle, ...]) -> tuple[str, ...]:
    found, violated = invoked(text, principles)
    return tuple(p for p in found if p not in violated)
