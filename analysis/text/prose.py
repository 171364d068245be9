"""Running text -> its prose layer: what is not prose masked (URLs, e-mail addresses, document
symbols, phone numbers, DOIs, times of day) without moving any offset, where a scan is worth
making (`Scope`: prose parts, parts near digits), and the sentences; with the lexicon loader the
extractors share (and, from text/patterns.py, the regex builders `alternation`, `phrases_re`).

Split from dates.py along its seam: dates (and the figure extractor) scan this layer; nothing here
knows what a date is. Every pattern is bounded: no nested unbounded repetition, so arbitrary input
is scanned in linear time; runs of DATA_RUN characters without a letter (data, not prose) are
masked and skipped.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..lexicons import absent, lowered

# compiled once: these run in hot loops, where re's own cache lookup per call was measurable
_TRAILING_WORD = re.compile(r"([A-Za-z][A-Za-z.]{0,10})$")

LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"
MASK = "\ue000"
"""Stands in for every masked character: not a letter, digit, space or punctuation mark."""


@lru_cache(maxsize=None)
def lexicon(name: str) -> dict:
    """The parsed JSON lexicon ``analysis/lexicons/<name>.json``."""
    with open(LEXICONS / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


# ----------------------------------------------------------------- masking
_TLDS = (r"(?:com|org|net|gov|edu|int|info|io|co|uk|de|fr|rs|ge|ru|mk|al|tj|cn|se|eu|ch|be|ba|me|us|ca"
         r"|au|in|nl|at|it|es|pl|ua|am|az|kz|tv|ly|jp|kr|tr|gr|hr|si|sk|cz|hu|ro|bg|md|by|lt|lv|ee|fi|no"
         r"|dk|ie|pt|br|mx|ar|za|ng|ke|eg|il|ir|iq|pk|bd|lk|np|af|sy|lb|jo|sa|ae|qa|kw|om|ye)")
_MASK_PATTERNS = [
    # URLs and bare web addresses
    re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"'\]\[(){}|\\^`]{1,2000}", re.I),
    # ({0,62}+ is possessive: a dot must follow the run, so giving letters back never helps; it
    # spares backtracking through every word)
    re.compile(r"(?<![\w@.-])[a-z0-9][a-z0-9-]{0,62}+(?:\.[a-z0-9-]{1,63}){0,4}\." + _TLDS +
               r"(?![\w-])(?:/[^\s<>\"'\]\[(){}|\\^`]{0,2000})?", re.I),
    # e-mail addresses
    re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}"),
    # DOIs, ISBN/ISSN
    re.compile(r"\bdoi:\s?\S{1,200}|(?<![\w.])10\.\d{4,9}/\S{1,200}", re.I),
    re.compile(r"\b(?:ISBN|ISSN)(?:-1[03])?:?\s?[\dX](?:[\dX]|[- ](?=[\dX])){7,20}", re.I),
    # UN-style document symbols: S/RES/2401, A/74/251, GA/12345, E/CN.6/2019/3
    re.compile(r"(?<![A-Za-z0-9/])[A-Z]{1,6}(?:/[A-Za-z0-9][A-Za-z0-9.\-]{0,15}){1,6}(?![\w/])"),
    re.compile(r"(?<=[a-z])[A-Z]{1,6}(?:/[A-Za-z0-9][A-Za-z0-9.\-]{0,15}){1,6}(?![\w/])"),
    # issue numbers such as 05/2013, and 24/7
    re.compile(r"(?<![\w/.,])\d{1,3}/(?:19|20)\d{2}(?![\w/])"),
    re.compile(r"(?<![\w/])24/7(?![\w/])"),
    # phone numbers
    re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .\-/]?\(?\d{1,5}\)?){2,6}(?![\w])"),
    re.compile(r"(?<![\w(])\(\d{2,5}\)[ .\-]?\d{2,4}(?:[ .\-]\d{2,5}){1,3}(?![\w])"),
    re.compile(r"(?<![\w.,\-])\d{3}[.\-]\d{3}[.\-]\d{4}(?![\w])"),
    re.compile(r"(?<![\w.,\-])\d{3}-0\d{3}(?![\w\-])"),
    re.compile(r"(?i:\b(?:tel|telephone|phone|fax|mobile|mob|hotline|call)\b)[^\d\n]{0,15}[+(]?\d[\d()+\-./ ]{4,25}\d"),
    # times of day
    re.compile(r"(?<![\d.:,])\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:a\.m\.|p\.m\.|am|pm|AM|PM|A\.M\.|P\.M\.|h|hrs|GMT|UTC|CET|EST)(?![\w]))?(?![\d])"),
    re.compile(r"(?<![\d.,])\d{1,2}(?:\.\d{2})?\s?(?:a\.m\.|p\.m\.|A\.M\.|P\.M\.|am(?![\w])|pm(?![\w])|AM(?![\w])|PM(?![\w]))"),
    re.compile(r"(?<![\d.,])\d{1,2}\s?o['\u2019]clock", re.I),
]


def _symbol_ok(pattern_index: int, span: str) -> bool:
    if pattern_index in (5, 6):
        return any(c.isdigit() for c in span)
    return True


DATA_RUN = 1000
_DATA_RUN = re.compile(r"(?<![\W\d_])[\W\d_]{%d,}" % DATA_RUN)
"""A run of DATA_RUN characters or more without a letter: bare numbers, encoded data, ASCII art."""
_DIGITS = re.compile(r"\d+")
REACH = 64
"""How far from its digits a date, time or phone number may start or end (text whose spaces are
folded, as readers give it, needs 25): the digit-bound patterns are only tried that near digits."""
_MASK_DIGITS = frozenset(range(7, 17))
"""Mask patterns whose every match holds a digit (issue numbers, phone numbers, times)."""
_MASK_NEAR = {2: (re.compile("@"), 65, 400), 3: (re.compile(r"(?i:doi:)|10\.\d"), 0, 215)}
"""Mask patterns tried only near a character string every match holds: (needle, reach before, after)."""
_MASK_NEEDLE = {1: re.compile(r"\." + _TLDS + r"(?![\w-])", re.I)}
"""Mask patterns skipped in a text whose prose parts hold no match of this needle, which every
match holds (a search for a full stop and a domain ending, instead of trying every word)."""
_MASK_NEEDS = {0: ("http", "ftp://", "www."), 2: ("@",), 3: ("doi:", "10."), 4: ("isbn", "issn"), 5: ("/",),
               6: ("/",), 7: ("/",), 8: ("24/7",), 9: ("+",), 10: ("(",), 12: ("-0",),
               13: ("tel", "phone", "fax", "mob", "hotline", "call"), 14: (":",), 16: ("clock",)}
"""Mask patterns skipped in a text without any of these lower-case strings, one of which every
match holds (a substring test instead of a scan; see lexicons.absent)."""


@dataclass(frozen=True, slots=True)
class Scope:
    """Where in a text the patterns are worth trying, all as sorted (start, end) pairs."""

    data: tuple[tuple[int, int], ...]
    """Runs of DATA_RUN or more characters without a letter: masked, never scanned."""
    prose: tuple[tuple[int, int], ...]
    """Everything else."""
    digits: tuple[tuple[int, int], ...]
    """The parts of `prose` within REACH characters of a digit."""


def _between(size: int, runs) -> list[tuple[int, int]]:
    out, pos = [], 0
    for start, end in runs:
        if start > pos:
            out.append((pos, start))
        pos = end
    if pos < size:
        out.append((pos, size))
    return out


def _near(text: str, segments, needle: re.Pattern, before: int, after: int) -> tuple[tuple[int, int], ...]:
    """The parts of `segments` from `before` characters before each match of `needle` to `after`
    characters after it, overlapping parts merged."""
    out: list[tuple[int, int]] = []
    for s, e in segments:
        for m in needle.finditer(text, s, e):
            a, b = max(s, m.start() - before), min(e, m.end() + after)
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
    return tuple(out)


def scope_of(text: str) -> Scope:
    # a text shorter than a data run holds none: spare the scan (it tries every position)
    data = tuple(m.span() for m in _DATA_RUN.finditer(text)) if len(text) >= DATA_RUN else ()
    prose = tuple(_between(len(text), data))
    return Scope(data, prose, _near(text, prose, _DIGITS, REACH, REACH))


def prose_segments(text: str) -> list[tuple[int, int]]:
    """The parts of `text` between runs of DATA_RUN or more characters without a letter.

    Such a run is data (a table of bare numbers, encoded bytes, ASCII art), not prose: no
    figure or date there can be told what it measures or what happened, and a megabyte of
    random digits would otherwise cost minutes of matching. Only these parts are scanned."""
    return list(scope_of(text).prose)


def finditer_in(rx: re.Pattern, text: str, segments):
    """`rx.finditer` over each (start, end) part of `text` in turn."""
    for start, end in segments:
        yield from rx.finditer(text, start, end)


def mask_non_prose(text: str, scope: Scope | None = None) -> str:
    """Same-length copy of `text` with URLs, e-mail addresses, document symbols, phone numbers,
    DOIs/ISBNs and times of day replaced by MASK characters (offsets are unchanged); so are
    runs of DATA_RUN characters or more without a letter (`prose_segments`)."""
    scope = scope or scope_of(text)
    spans = list(scope.data)
    low = lowered(text)
    for i, rx in enumerate(_MASK_PATTERNS):
        if i in _MASK_NEEDS and absent(_MASK_NEEDS[i], low):
            continue
        if i in _MASK_NEEDLE and not any(_MASK_NEEDLE[i].search(text, s, e) for s, e in scope.prose):
            continue
        if i in _MASK_NEAR:
            where = _near(text, scope.prose, *_MASK_NEAR[i])
        else:
            where = scope.digits if i in _MASK_DIGITS else scope.prose
        for m in finditer_in(rx, text, where):
            if m.end() > m.start() and _symbol_ok(i, m.group()):
                end = m.end()
                # a URL does not take the full stop or comma that ends the sentence
                while (i < 2 or i in (5, 6)) and end > m.start() + 1 and text[end - 1] in ".,;:!?)'\"":
                    end -= 1
                spans.append((m.start(), end))
    return apply_mask(text, spans)


def apply_mask(text: str, spans) -> str:
    """`text` with the characters of `spans` replaced by MASK."""
    if not spans:
        return text
    spans = sorted(spans)
    out, pos = [], 0
    for s, e in spans:
        if e <= pos:
            continue
        s = max(s, pos)
        out.append(text[pos:s])
        out.append(MASK * (e - s))
        pos = e
    out.append(text[pos:])
    return "".join(out)


# ----------------------------------------------------------------- sentences
def _abbrev_set() -> frozenset:
    return frozenset(lexicon("figures")["sentence_abbreviations"])


_SENT_END = re.compile(r"[.!?\u2026]{1,5}[\"'\u201d\u2019)\]]{0,3}[*\u2020\u2021]{0,3}"
                       r"(?=\s{1,50}[\"'\u201c\u2018(\[]?[A-Z0-9\u00C0-\u024F])")
"""A sentence's end, with its closing quotes and a footnote mark ("restored.* This ..."), before a capital."""


@lru_cache(maxsize=512)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of `text`; a full stop after an abbreviation or an initial does not end one."""
    abbrev = _abbrev_set()
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        if m.group()[0] == ".":
            w = _TRAILING_WORD.search(text[max(0, m.start() - 12):m.start()])
            if w:
                word = w.group(1).lower().rstrip(".")
                if word in abbrev or (len(word) == 1 and w.group(1)[0].isupper()):
                    continue
        end = m.end()
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return tuple(out) or ((0, len(text)),)


@lru_cache(maxsize=512)
def sentence_starts(text: str) -> tuple[int, ...]:
    """Offsets where the sentences of `text` start (`sentence_spans`)."""
    return tuple(s for s, _ in sentence_spans(text))


def sentence_span(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the sentence of `text` that contains offset `pos`."""
    spans = sentence_spans(text)
    i = bisect.bisect_right(sentence_starts(text), pos) - 1
    i = max(0, min(i, len(spans) - 1))
    return spans[i]
