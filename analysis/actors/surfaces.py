"""Actor names as surfaces: text folded one character for one (offsets kept), split into tokens,
and compiled into `Surface` entries of the gazetteer's trie; the pattern of words that can open one."""
from __future__ import annotations

import re
from typing import NamedTuple

# Text normalisation: one character for one character, so offsets are kept.
FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'", "\u00b4": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-", "\ufe63": "-", "\uff0d": "-",
    "\u00ad": "-",
})
TOKEN = re.compile(r"\w+|\S")
TOKEN_AFTER = re.compile(r"\s*(\w+|\S)")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_TRAILING_S = re.compile(r"'s$")


def variants(key: str):
    """The key, without a leading "the", without a trailing "'s": each made only when the one before missed."""
    yield key
    yield _LEADING_THE.sub("", key)
    yield _TRAILING_S.sub("", key)


THE_BEFORE = re.compile(r"(?<!\w)[Tt]he[ \t\n]+\Z")


def read_word(tn: str, raws: list, lows: list, ends: list, gaps: list) -> bool:
    """Read the token after the last one read (_scan's lists, appended to); False at the end.
    Its gap to the one before: True when they touch, False across spaces with at most one
    line break, None across a paragraph break (matching no surface's join)."""
    nm = TOKEN_AFTER.match(tn, ends[-1])
    if nm is None:
        return False
    start, end = nm.span(1)
    word = nm.group(1)
    pend = ends[-1]
    raws.append(word)
    lows.append(word.lower())
    ends.append(end)
    gaps.append(True if start == pend else (False if tn.count("\n", pend, start) <= 1 else None))
    return True


_FOLD_RE = re.compile("[" + "".join(chr(c) for c in FOLD) + "]")


def _fold_char(m: re.Match) -> str:
    return FOLD[ord(m.group())]


def fold(text: str) -> str:
    """`text` with apostrophe and dash variants folded (FOLD), the same length."""
    return _FOLD_RE.sub(_fold_char, text) if _FOLD_RE.search(text) else text


# Surface flags.
NAME_RISK, CAPS_RISK, PLACE, ADJ, BARE, ACRO = 1, 2, 4, 8, 16, 32

# Check per token: 0 any case, 1 capital first letter, 2 exact.
ANY, CAP, EXACT = 0, 1, 2

VIA_OF_FIELD = {"name": "name", "aliases": "alias", "acronyms": "acronym", "adjectives": "adjective",
                 "demonyms": "demonym", "capitals": "capital", "metonyms": "metonym"}
SURFACE_FIELDS = tuple(VIA_OF_FIELD)


class Surface(NamedTuple):
    keys: tuple[str, ...]
    checks: tuple[int, ...]
    raws: tuple[str, ...]
    joins: tuple[bool, ...]
    name: str | None          # None: an exclusion (or a context alias, see cands)
    via: str
    cands: tuple[str, ...]    # context aliases: the entries it may stand for
    article: bool             # context alias that needs "the" before it
    flags: int


def tokens(s: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(s)]


def surface(text: str, name: str | None, via: str, *, acronym: bool = False, cands: tuple[str, ...] = (),
             flags: int = 0) -> Surface | None:
    article = False
    if cands and text[:4].lower() == "the ":
        text, article = text[4:], True
    toks = tokens(text.translate(FOLD))
    if not toks:
        return None
    checks = []
    for _, _, raw in toks:
        if acronym or (len(raw) >= 2 and raw[0].isupper() and (raw.isupper() or raw[1:] != raw[1:].lower())):
            checks.append(EXACT)       # UN, NATO, G7, BiH, CoE
        elif raw[0].isupper():
            checks.append(CAP)
        else:
            checks.append(ANY)
    joins = tuple(toks[i + 1][0] == toks[i][1] for i in range(len(toks) - 1))
    return Surface(tuple(t[2].lower() for t in toks), tuple(checks), tuple(t[2] for t in toks), joins,
                    name, via, cands, article, flags)


_CASE_VARIANTS = {"i": "iI\u0130\u0131", "k": "kK\u212a", "s": "sS\u017f"}
"""The characters re.IGNORECASE takes for these letters (for the others: lower and upper case)."""


def starts_pattern(caps: list[str], lower: list[str]) -> re.Pattern:
    r"""Words that can open a surface: a word starting with one of `caps`, or one of the words
    `lower` in any case (tried in this order). The same matches as
    ``(?<!\w)(?:[caps]\w*|(?i:lower...)(?!\w))``, written to open with one character class
    (every letter that can start a match), which lets the engine jump from candidate to
    candidate instead of trying the lookbehind at every position of the text."""
    cls = "[" + "".join(re.escape(c) for c in caps) + "]"
    plain = r"(?<!\w)(?:" + "|".join([cls + r"\w*"] + (["(?i:" + "|".join(map(re.escape, lower)) + r")(?!\w)"]
                                                        if lower else [])) + ")"
    if not caps or not all(k and k[0].isascii() and k[0].isalnum() for k in lower):
        return re.compile(plain)
    firsts = set(caps)
    alts = [r"(?<=" + cls + r")\w*"]
    for k in lower:
        head = _CASE_VARIANTS.get(k[0].lower(), k[0].lower() + k[0].upper()) if k[0].isalpha() else k[0]
        firsts.update(head)
        alts.append("(?<=[" + re.escape(head) + "])(?i:" + re.escape(k[1:]) + r")(?!\w)")
    # the first character is taken, then "(?<!\w.)" asks that the one before it is no word character
    return re.compile("[" + "".join(re.escape(c) for c in sorted(firsts)) + r"](?<!\w.)(?:" + "|".join(alts) + ")")


__all__ = ["ACRO", "ADJ", "ANY", "BARE", "CAP", "CAPS_RISK", "EXACT", "FOLD", "NAME_RISK", "PLACE", "SURFACE_FIELDS",
           "Surface", "THE_BEFORE", "TOKEN", "TOKEN_AFTER", "VIA_OF_FIELD", "fold", "read_word", "starts_pattern",
           "surface", "tokens", "variants"]
