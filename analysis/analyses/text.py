"""Plain text -> sentences, quotations and candidate person names, as character spans.

Shared by the analyses so that every span they report indexes the passage text exactly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {"mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "art", "arts", "para", "paras", "vol", "p", "pp",
           "ch", "fig", "figs", "gen", "gov", "sen", "rep", "amb", "lt", "col", "capt", "sgt", "jr", "sr",
           "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e", "cf", "al", "approx", "est", "u.s", "u.k",
           "u.n", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
           "a.m", "p.m", "str", "tel", "op", "ed", "eds", "rev", "hon", "mt", "ft"}

# The stop and closing marks, then a capital after spaces or the end of the text. (Once
# "[.!?]+[closers]*(?=...)|[.!?]+[closers]*\s*$": the same matches, but opening with one
# character class lets the engine jump from stop to stop.)
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?:(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00C0-\u024F])|\s*$)")
_OPEN_Q = "\u201c\"\u00ab"
_CLOSE_Q = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}
_OPEN_RE = re.compile("[" + _OPEN_Q + "]")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@lru_cache(maxsize=8192)
def sentences(text: str) -> tuple[Span, ...]:
    """Split into sentences; a full stop after an abbreviation or an initial does not end one.
    Cached: the analyses split the same passage several times."""
    return tuple(_sentences(text))


_LAST_WORD = re.compile(r"([\w.]+)[.!?]+[\"'\u201d\u2019)\]]*$")


_TAIL = frozenset(".!?\"'\u201d\u2019)]")


def _tail_start(piece: str) -> int:
    """Where the run of word characters and closing marks that ends `piece` begins: a match of
    _LAST_WORD (anchored at the end, made of such characters only) starts there or later, so
    searching from there finds the same match without trying every earlier position."""
    i = len(piece)
    while i and (piece[i - 1] in _TAIL or piece[i - 1].isalnum() or piece[i - 1] == "_"):
        i -= 1
    return i


def _sentences(text: str) -> list[Span]:
    out, start = [], 0
    for m in _END.finditer(text):
        end = m.end()
        if text[m.start()] == ".":  # only a full stop can follow an abbreviation
            piece = text[start:m.end()].rstrip()
            word = _LAST_WORD.search(piece, _tail_start(piece))
            if word:
                w = word.group(1).lower().rstrip(".")
                if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                    continue
        seg = text[start:end]
        lead = len(seg) - len(seg.lstrip())
        if seg.strip():
            out.append(Span(start + lead, start + len(seg.rstrip()), seg.strip()))
        start = end
    if text[start:].strip():
        seg = text[start:]
        lead = len(seg) - len(seg.lstrip())
        out.append(Span(start + lead, start + len(seg.rstrip()), seg.strip()))
    return out


def quotations(text: str, emphasis: tuple[tuple[int, int], ...] = ()) -> list[Span]:
    """Quoted passages (the words inside the marks). Straight double quotes pair up in order;
    an emphasised span that holds a quotation mark or runs to several words counts as quoted
    (converted PDFs set quotations in italics)."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        opening = _OPEN_RE.search(text, i)  # skip to the next opening mark
        if opening is None:
            break
        i = opening.start()
        ch = text[i]
        if ch in _OPEN_Q:
            close = _CLOSE_Q[ch]
            j = text.find(close, i + 1)
            if ch == '"' and j == -1:
                i += 1
                continue
            if j == -1:
                if not text[:i].strip():
                    i += 1  # a paragraph of a quoted document opens with a mark it never closes
                    continue
                j = n  # an unclosed curly quote runs to the end of the passage
            if j - i > 1:
                spans.append((i + 1, j))
            i = j + 1
            continue
        i += 1
    for s, e in emphasis:
        inner = text[s:e].strip(" \t")
        core = inner.strip("\"'\u201c\u201d\u2018\u2019 ,.")
        if not core or len(core.split()) < 4:
            continue
        if any(a <= s < b or s <= a < e for a, b in spans):
            continue
        off = text.find(core, s, e)
        spans.append((off, off + len(core)))
    spans.sort()
    return [Span(s, e, text[s:e]) for s, e in spans]


_PARTICLES = {"de", "van", "von", "der", "den", "d'", "da", "dos", "du", "la", "le", "bin", "ibn", "al", "el", "ter", "di", "del"}
# A name token: an initial ("J."), a capitalised word, or one after d' ("d'Estaing"); that is
# (?:[A-Z]\.(?=\s)|(?:[dD]['\u2019])?[A-Z\u00C0-\u00DE][\w\u00C0-\u024F'\u2019-]*), written so that it
# opens with one character class and look-behinds tell the three apart: the same matches, but
# the engine jumps from capital to capital instead of trying the alternatives at every position.
_NAME_REST = r"[\w\u00C0-\u024F'\u2019-]*"
# (capitals: ASCII, Latin-1 and Latin Extended-A, where "Šimek" and "Čapek" begin; the block
# mixes cases, but a word opening with one of its small letters is rare in English text)
_NAME_TOKEN = (r"(?:[A-Zd\u00C0-\u00DE\u0100-\u017E](?:(?<=[A-Z])\.(?=\s)|(?<=[dD])['\u2019][A-Z\u00C0-\u00DE]"
               + _NAME_REST + r"|(?<=[A-Z\u00C0-\u00DE\u0100-\u017E])" + _NAME_REST + "))")
NAME_RUN = re.compile(
    _NAME_TOKEN + r"(?:\s+(?:(?:" + "|".join(sorted(_PARTICLES, key=len, reverse=True)) + r")\s+)*" + _NAME_TOKEN + r")*")


def capitalised_runs(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Runs of capitalised words (with name particles such as 'de', 'van'): candidate names."""
    end = len(text) if end is None else end
    return [Span(m.start(), m.end(), m.group()) for m in NAME_RUN.finditer(text, start, end)]


_ENTITY = re.compile(_NAME_TOKEN + r"(?:\s+(?:(?:of|of the|for|for the|and|on|in|de|du|del)\s+)?" + _NAME_TOKEN + r")*")
_TRAILING_LINK = re.compile(r"(?:\s+(?:of|of the|for|for the|and|on|in|de|du|del))+$")


def entity_runs(text: str) -> list[Span]:
    """Capitalised runs that may hold 'of', 'for', 'and' ("Union of Utopia and Arcadia"): candidate entities."""
    return list(_entity_runs(text))


@lru_cache(maxsize=4096)
def _entity_runs(text: str) -> tuple[Span, ...]:
    """entity_runs, cached: precedents reads each sentence once per document, and main_case again."""
    out = []
    for m in _ENTITY.finditer(text):
        t = m.group()
        t = _TRAILING_LINK.sub("", t)
        out.append(Span(m.start(), m.start() + len(t), t))
    return tuple(out)
