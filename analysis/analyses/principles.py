"""Text -> the principles it invokes, and which of them it accuses someone of violating."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import Principle, absent, anchors, cue_source, data, find_from_heads, heads, lowered, pattern

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
        if breach and "annex" in low:  # the first breach cue may be a document's annex: look at all
            breach = any(not document_annex(text, b.start(), b.end())
                         for b in find_from_heads(p.violation, text, p.violation_heads))
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


@lru_cache(maxsize=1)
def _document_annex() -> re.Pattern:
    nouns = cue_source(data("principles")["document_annex"]["document_nouns"], grouped=False)
    return re.compile(r"(?i:annex(?:es|ed|ing)?)\s+(?:(?:[IVXL]+|\d+|[A-Z])(?![\w-])|"
                      r"(?i:(?:the|a|an|its|our|their|this|these|his|her)\s+(?:[\w-]+\s+){0,2}?" + nouns + r"))")


@lru_cache(maxsize=4096)
def _annex_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _document_annex().finditer(text)) if "annex" in text.lower() else ()


def document_annex(text: str, start: int, end: int) -> bool:
    """The words text[start:end] ("to annex", "annexes the") are about a document's annex ("pursuant
    to annex I", "annexes the list of monitors to this letter"), not an annexation of territory."""
    return any(s < end and start < e for s, e in _annex_spans(text))
