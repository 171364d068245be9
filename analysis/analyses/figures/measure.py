"""A figure in its text -> what it measures, whom it is about, and whether it is a threshold.

`clause_span` bounds the words read; `find_measure` gives the measure label,
`find_subject` the capitalised noun phrase, `find_role` ``threshold`` or None.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..dates import lexicon, sentence_span
from .builder import Draft
from .lexicon import FigureLexicon, is_plural, lemma


_CLAUSE_BREAK = re.compile(r";|,\s(?:and|but|while|whereas|although|though)\s|\s(?:--|\u2013|\u2014)\s")


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence around [start, end) between semicolons, dashes and ', and'/', but'."""
    s0, s1 = sentence_span(text, start)
    s0, s1 = max(s0, start - 300), min(s1, end + 300)
    for m in _CLAUSE_BREAK.finditer(text, s0, start):
        s0 = m.end()
    m = _CLAUSE_BREAK.search(text, end, s1)
    if m:
        s1 = m.start()
    return max(s0, start - 300), min(s1, end + 300)   # a run-on "sentence" is read near the figure only


@lru_cache(maxsize=1)
def _subject_lex() -> tuple[re.Pattern, frozenset, frozenset]:
    fg = lexicon("figures")
    conn = "|".join(fg["subject_connectors"])
    capnp = re.compile(r"[A-Z][\w'\u2019\-]*(?:\s(?:(?:" + conn + r")\s)?[A-Z][\w'\u2019\-]*){0,6}")
    return capnp, frozenset(fg["subject_stopwords"]), frozenset(fg["subject_connectors"])


def find_subject(text: str, cs: int, ce: int, f: Draft, cue_end: int | None) -> str | None:
    """The capitalised noun phrase the figure is about: after the measure cue ("turnout in
    the Upper Valley"), else the nearest before the figure in its clause, else one after it."""
    _CAPNP, _CAP_STOP, connectors = _subject_lex()

    def clean(np: str) -> str | None:
        words = np.split()
        while words and (words[0] in _CAP_STOP or _month(words[0])):
            words = words[1:]
        while words and words[-1].lower() in connectors:
            words = words[:-1]
        out = " ".join(words).rstrip("'\u2019s").strip()
        out = re.sub(r"['\u2019]s$", "", " ".join(words))
        return out or None

    if cue_end is not None:
        m = re.match(r"\s{1,3}(?:\w+\s){0,2}?(?:in|of|among|for|by)\s(?:the\s)?(" + _CAPNP.pattern + ")", text[cue_end:min(ce, cue_end + 60)])
        if m:
            s = clean(m.group(1))
            if s:
                return s
    best = None
    for m in _CAPNP.finditer(text, cs, f.start):
        if " " not in m.group() and m.group().endswith("ly") and text[m.end():m.end() + 1] == ",":
            continue                      # "Generally, ..."
        s = clean(m.group())
        if s:
            best = s
    if best:
        return best
    m = re.match(r"[^.;]{0,40}?(?:in|of|for|by|among|across|to)\s(?:the\s)?(" + _CAPNP.pattern + ")", text[f.end:ce])
    if m:
        return clean(m.group(1))
    return None


def _month(w: str) -> bool:
    lx = lexicon("dates")
    return w.lower().rstrip(".") in lx["months"]


def find_measure(lx: FigureLexicon, text: str, cs: int, ce: int, f: Draft) -> tuple[str | None, int | None]:
    """The measure label and where its cue ends (for the subject search)."""
    if f.count_measure:
        return f.count_measure, None
    tail = text[f.end:ce]
    chunk_m = re.match(r"[^,.;:()\u201c\u201d\"]{0,90}", tail)
    chunk = chunk_m.group() if chunk_m else ""
    if re.match(r"\s{0,3}of\s", chunk, re.I):
        for label, _, e in _measure_cues(lx, chunk, 0, len(chunk)):
            return label, f.end + e
        if f.unit in ("mass", "length", "area", "other", "count"):
            hm = re.match(r"\s{0,3}of\s{1,3}(?:the\s{1,3})?(?:[a-z][\w-]*\s{1,3}){0,2}?([a-z][\w-]*)(?![\w-])", chunk)
            if hm:
                w = hm.group(1).lower()
                if w not in lx.function_words:
                    return (lemma(lx, w) if is_plural(lx, w) else w), None
    best, best_d, best_end = None, None, None
    for label, ms, me in _measure_cues(lx, text, max(cs, f.start - 120), min(ce, f.end + 120)):
        if ms >= f.start and me <= f.end:
            continue
        d = f.start - me if me <= f.start else ms - f.end
        if d > 80:
            continue
        if best_d is None or d < best_d:
            best, best_d, best_end = label, d, me
    return best, best_end


_WORDS = re.compile(r"[A-Za-z][\w-]*")


def _measure_cues(lx: FigureLexicon, text: str, start: int, end: int):
    """(label, start, end) of measure cue phrases in text[start:end], longest first at each word."""
    words = [(m.group().lower(), m.start(), m.end()) for m in _WORDS.finditer(text, start, end)]
    i = 0
    while i < len(words):
        for n in range(min(lx.measure_n, len(words) - i), 0, -1):
            key = " ".join(w for w, _, _ in words[i:i + n])
            if key in lx.measure_of:
                yield lx.measure_of[key], words[i][1], words[i + n - 1][2]
                i += n - 1
                break
        i += 1


def find_role(lx: FigureLexicon, text: str, cs: int, ce: int, f: Draft, next_start: int | None) -> str | None:
    """``threshold`` when the figure is named as a threshold or target, or is the level of which
    the clause says it would count as a success ("anything above X would be a success")."""
    before = text[max(cs, f.start - 40):f.start]
    if lx.threshold_before.search(before):
        return "threshold"
    if lx.threshold_open.search(text[max(cs, f.start - 30):f.start]):
        return "threshold"
    stop = ce if next_start is None else min(ce, next_start)
    after = text[f.end:stop]
    if lx.threshold_after.match(after):
        return "threshold"
    mm = lx.threshold_modal.search(after[:90])
    if mm and lx.threshold_eval.search(after[mm.end():mm.end() + 60]):
        return "threshold"
    return None
