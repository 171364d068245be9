"""Regex builders for long lists of phrases: alternatives grouped by first letter, which match as a
plain alternation does but much faster in a long text. They know nothing of lexicons or dates, so
the lexicon loader and every extractor can use them."""
from __future__ import annotations

import re

_CASE_CLASS = {"i": "iI\u0130\u0131", "k": "kK\u212a", "s": "sS\u017f"}
"""The characters a case-insensitive regex takes for these letters (the rest: lower and upper case)."""


def alternation(alternatives, *, flags_ci: bool = True) -> str:
    """`alternatives` (regex sources, in the order to try them) grouped by their first
    letter: ``(?:(?-i:[lL])(?:ast|ate)|(?-i:[nN])(?:ext))``, the same matches as
    ``(?:last|late|next)`` but much faster in a long text, as the engine tests each group's
    first letter without entering it. `flags_ci`: the pattern is compiled with
    re.IGNORECASE (pass False when it is not). An alternative that does not start with a
    plain ASCII letter stays whole and in its place: only alternatives between two such are
    grouped (alternatives starting with different letters never match at the same place)."""
    parts: list[str] = []
    groups: dict[str, list[str]] = {}

    def flush() -> None:
        for head, rests in groups.items():
            cls = "(?-i:[" + _CASE_CLASS.get(head, head + head.upper()) + "])" if flags_ci else head
            parts.append(cls + "(?:" + "|".join(rests) + ")")
        groups.clear()

    for alt in alternatives:
        head = alt[:1]
        if head.isascii() and head.isalpha() and alt[1:2] not in ("{", "?", "*", "+"):
            groups.setdefault(head.lower() if flags_ci else head, []).append(alt[1:])
        else:
            flush()
            parts.append(alt)
    flush()
    return "(?:" + "|".join(parts) + ")" if parts else "(?!x)x"


def grouped_alternation(alternatives) -> str:
    """`alternation` for a pattern that has always been a plain ``(?:a|b|...)`` compiled with
    re.IGNORECASE: the same matches, and an empty list stays the empty group ``(?:)``."""
    return alternation(alternatives) if alternatives else "(?:)"


def phrases_re(phrases, *, flags_ci: bool = True) -> str:
    """One alternation for cue phrases, longest first, spaces as ``\\s+``, whole words at word edges.

    `flags_ci`: the pattern is compiled with re.IGNORECASE (pass False when it is not).
    Built for speed on long texts, with the same matches as a plain alternation of the
    phrases each behind its own ``(?<![\\w-])``: the word-edge test is made once for all
    phrases that start with a letter, and those are grouped by first letter (`alternation`).
    A phrase starting with a letter and one starting with a sign never match at the same
    position, and within a group the phrases keep their longest-first order."""
    words, signs = [], []
    for p in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in p.split())
        if re.search(r"\w$", p):
            body += r"(?![\w])"
        (words if re.match(r"\w", p) else signs).append(body)
    parts = ([r"(?<![\w-])" + alternation(words, flags_ci=flags_ci)] if words else []) + signs
    return "(?:" + "|".join(parts) + ")" if parts else "(?!x)x"


__all__ = ["alternation", "grouped_alternation", "phrases_re"]
