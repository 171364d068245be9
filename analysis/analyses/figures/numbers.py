"""Masked text -> number atoms: digits ("1,563,741", "1.563.741"), words ("twenty-five"), fractions ("one-third", "2/3", "\u00bd").

An atom is a bare number with where it stands; the builder (builder.py) reads units, ranges and cues around it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicons import absent, lowered
from .lexicon import FigureLexicon


@dataclass(slots=True)
class Atom:
    start: int
    end: int
    value: float
    kind: str = "num"
    """``num`` or ``fraction``."""
    plain_int: bool = False
    """Digits only, no separator or decimal (a year or a code could look like this)."""
    word: bool = False
    one: bool = False
    """The lone word "one" (or "a"): a pronoun or an article more often than a figure."""
    sign_start: int | None = None
    compound: str | None = None
    """The word joined by a hyphen after the number ("nation" in "15-nation")."""
    scaled: bool = False
    decimals: bool = False
    article: bool = False
    """"a"/"an" standing for one before a currency name ("a penny", "less than a dollar")."""


_WORD_TOKEN = re.compile(r"[A-Za-z]+")
COUNT_TOKEN = re.compile(r"[ \u00a0]{1,3}([A-Za-z\u00C0-\u024F][\w'\u2019\-]{0,40})")


def _parse_words(lx: FigureLexicon, tokens: list[tuple[str, int, int]], a_before: bool) -> list[tuple[float, int, int, int]]:
    """Greedy parse of a run of number words into (value, start, end, token count) numbers."""
    out = []
    i, n = 0, len(tokens)
    while i < n:
        if tokens[i][0] == "and":
            i += 1
            continue
        total, current, last, j, max_scale = 0.0, 0.0, None, i, float("inf")
        end = None
        if i == 0 and a_before and tokens[0][0] in ("hundred", "dozen", *lx.scales_w):
            current, last = 1.0, "unit"
        while j < n:
            w = tokens[j][0]
            if w == "and":
                if last in ("hundred", "scale") and j + 1 < n and (tokens[j + 1][0] in lx.units_w or tokens[j + 1][0] in lx.tens_w):
                    j += 1
                    last = "and"
                    continue
                break
            if w in lx.units_w:
                v = lx.units_w[w]
                if v < 10 and v > 0:
                    if last not in (None, "tens", "hundred", "scale", "and"):
                        break
                elif last not in (None, "hundred", "scale", "and"):
                    break
                current += v
                last = "unit" if 0 < v < 10 else "teen"
            elif w in lx.tens_w:
                if last not in (None, "hundred", "scale", "and"):
                    break
                current += lx.tens_w[w]
                last = "tens"
            elif w == "hundred":
                if last not in ("unit", "teen", "tens") or current >= 100:
                    break
                current *= 100
                last = "hundred"
            elif w == "dozen":
                if last not in ("unit", "teen", "tens"):
                    break
                current *= 12
                last = "dozen"
            elif w in lx.scales_w:
                sc = lx.scales_w[w]
                if last not in ("unit", "teen", "tens", "hundred", "dozen") or sc >= max_scale:
                    break
                total += current * sc
                current, max_scale, last = 0.0, sc, "scale"
            else:
                break
            end = j
            j += 1
        if end is None:
            i += 1
            continue
        out.append((total + current, tokens[i][1], tokens[end][2], end - i + 1))
        i = end + 1
    return out


def word_value(lx: FigureLexicon, text: str) -> float | None:
    toks = [(m.group().lower(), m.start(), m.end()) for m in _WORD_TOKEN.finditer(text)]
    parsed = _parse_words(lx, toks, False)
    if len(parsed) == 1 and parsed[0][3] == len([t for t in toks if t[0] != "and"]):
        return parsed[0][0]
    return None


def number_atoms(lx: FigureLexicon, t: str, segments=None, digits=None) -> list[Atom]:
    """Number atoms of the masked text `t`, non-overlapping, in order; only in `segments`
    ((start, end) pairs: the prose parts, dates.prose_segments) when given, and numbers in
    digits only in `digits` (the parts near a digit) when given."""
    segments = [(0, len(t))] if segments is None else segments

    def finditer(rx: re.Pattern, where=None):
        for start, end in (segments if where is None else where):
            yield from rx.finditer(t, start, end)

    low = lowered(t)  # for the substring tests that skip a pattern (lexicons.absent)

    taken = bytearray(len(t) + 1)
    out: list[Atom] = []

    def free(s: int, e: int) -> bool:
        return not any(taken[s:e])

    def take(a: Atom) -> None:
        taken[a.start:a.end] = b"\x01" * (a.end - a.start)
        out.append(a)

    # mixed numbers: "two and a half", "one and three quarters"
    for m in () if absent(lx.mixed_needs, low) else finditer(lx.mixed):
        whole = m.group("whole")
        wv = float(whole) if whole.isdigit() else word_value(lx, whole)
        if wv is None:
            continue
        numw = m.group("num").lower()
        num = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}[numw]
        den = lx.denoms.get(m.group("den").lower().rstrip("s") if m.group("den").lower() != "halves" else "half", 2)
        if m.group("den").lower().startswith("half"):
            den = 2
        take(Atom(m.start(), m.end(), wv + num / den, word=not whole.isdigit()))
    # vulgar fractions: "½", "2½"
    for m in finditer(lx.frac_vulgar) if lx.vulgar_ascii or (not t.isascii() and any(map(t.__contains__, lx.vulgar))) else ():
        if not free(m.start(), m.end()):
            continue
        v = lx.vulgar[m.group("vf")]
        if m.group("whole"):
            take(Atom(m.start(), m.end(), int(m.group("whole")) + v, decimals=True))
        else:
            take(Atom(m.start(), m.end(), v, kind="fraction"))
    # slash fractions: "1/4", "2 1/2"
    for m in finditer(lx.frac_slash, digits):
        num, den = int(m.group("num")), int(m.group("den"))
        if not (0 < num < den <= 100) or not free(m.start(), m.end()):
            continue
        if m.group("whole"):
            take(Atom(m.start(), m.end(), int(m.group("whole")) + num / den, decimals=True))
        else:
            take(Atom(m.start(), m.end(), round(num / den, 4), kind="fraction"))
    # word fractions: "one-third", "two thirds", "half of", "a quarter of"
    for m in () if absent(lx.frac_word_needs, low) else finditer(lx.frac_word):
        if not free(m.start(), m.end()):
            continue
        den_w = m.group("den").lower()
        den = lx.denoms[den_w]
        numw = (m.group("num") or "").lower()
        sep = m.group("sep") or ""
        after = t[m.end():m.end() + 30]
        left = t[max(0, m.start() - 40):m.start()]
        cue_before = any(x.find(left, need_space=False) is not None for x in (lx.bound_min, lx.bound_max, lx.approx))
        of_after = re.match(r"\s{1,3}(?:of|the|an?)(?![\w])", after, re.I) is not None
        scale_after = re.match(r"\s{1,3}(?:an?\s{1,3})?(?:" + "|".join(lx.scales_w) + r")(?![\w])", after, re.I) is not None
        ordinal_before = lx.fraction_blocker.find(left) is not None
        if numw:
            if numw.isdigit():
                n_val = int(numw)
            elif numw in ("a", "an"):
                n_val = 1
            else:
                n_val = lx.units_w.get(numw) or lx.tens_w.get(numw) or 0
            if n_val <= 0:
                continue
            if numw in lx.tens_w and "-" in sep and not den_w.endswith("s"):
                continue                 # "sixty-seventh": an ordinal, not sixty sevenths
            ok = "-" in sep or den_w in lx.unambiguous_denoms or of_after or scale_after or cue_before
            if numw in ("a", "an") and den_w not in ("half",) and not (of_after or scale_after or cue_before):
                ok = False
            if den_w in ("half", "halves") and numw in ("a", "an") and ordinal_before:
                ok = False
            if not ok:
                continue
            if den_w.endswith("s") is False and n_val > 1 and "-" not in sep and den_w != "half":
                continue
            take(Atom(m.start(), m.end(), round(n_val / den, 4), kind="fraction", word=True))
        else:
            if den_w == "half":
                if ordinal_before or not (of_after or scale_after or cue_before):
                    continue
            elif den_w == "quarter":
                if ordinal_before or not (scale_after or cue_before or re.match(r"\s{1,3}of(?![\w])", after, re.I)):
                    continue
            else:
                continue
            take(Atom(m.start(), m.end(), round(1 / den, 4), kind="fraction", word=True))
    # "a penny", "a dollar a day"
    for m in finditer(lx.article_money):
        if free(m.start(), m.end()):
            take(Atom(m.start(), m.end(), 1.0, word=True, one=True, article=True))
    # digits
    for m in finditer(lx.digit, digits):
        s, e = m.span()
        if not free(s, e):
            continue
        a = _digit_atom(lx, t, m)
        if a is not None:
            take(a)
    # words
    for m in finditer(lx.word_run):
        toks = [(w.group().lower(), m.start() + w.start(), m.start() + w.end()) for w in _WORD_TOKEN.finditer(m.group())]
        first = toks[0][0]
        am = None
        if first in ("hundred", "dozen") or first in lx.scales_w:
            am = re.search(r"(?<![\w])an?\s{1,2}$", t[max(0, m.start() - 5):m.start()], re.I)
        for value, s, e, count in _parse_words(lx, toks, am is not None):
            if am is not None and s == toks[0][1]:
                s = max(0, m.start() - 5) + am.start()
            if not free(s, e):
                continue
            after = t[e:e + 30]
            hm = re.match(r"-([A-Za-z]+)", after)
            a = Atom(s, e, value, word=True)
            if hm:
                w = hm.group(1).lower()
                if w in lx.ordinals or re.fullmatch(r"\w*(?:first|second|third|th)", w):
                    continue
                a.compound = w
            if count == 1 and t[s:e].lower() == "one":
                a.one = True
            before = t[max(0, s - 12):s]
            sm = lx.sign_word.find(before)
            if sm is not None:
                a.sign_start = s - (len(before) - sm)
            take(a)
    out.sort(key=lambda a: a.start)
    return out


def _digit_atom(lx: FigureLexicon, t: str, m: re.Match) -> Atom | None:
    s, e = m.span()
    raw = m.group()
    prev = t[s - 1] if s else ""
    prev2 = t[s - 2] if s > 1 else ""
    if prev.isalpha() or prev == "_":
        lm = re.search(r"[A-Za-z]{1,6}$", t[max(0, s - 6):s])
        letters = lm.group() if lm else ""
        if not (letters in lx.cur_codes or letters in lx.cur_symbols
                or letters in lx.mcode_words):
            return None
    if prev and (prev in "/#\u2116^\u00d7" or (prev in ".," and prev2.isdigit())):
        return None
    sign_start = None
    if prev and prev in "-\u2212":
        sm = re.search(r"\d([A-Za-z]{1,3})-$", t[max(0, s - 6):s])
        if (prev2.isalpha() and not (sm and sm.group(1) in lx.scale_attached)) or (prev2 and prev2 in "_/"):
            return None          # model names and codes: M-16, COVID-19 (but 5k-20k is a range)
        if not prev2.isdigit() and not (prev2 == " " and s > 2 and t[s - 3].isdigit()):
            sign_start = s - 1
    if raw.startswith("0") and len(raw) > 1 and raw[1] != ".":
        return None              # 05, 000: codes, not quantities
    kind = m.lastgroup
    if kind == "us" or kind == "in":
        value = float(raw.replace(",", ""))
    elif kind == "eu":
        value = float(raw.replace(".", "").replace(",", "."))
    elif kind == "ec":
        value = float(raw.replace(",", "."))
    else:
        value = float(raw)
    a = Atom(s, e, value, plain_int=(kind == "pl" and "." not in raw), decimals="." in raw and kind != "eu",
              sign_start=sign_start)
    nxt = t[e:e + 1]
    if nxt.isalpha():
        letters = re.match(r"[^\W\d_]+", t[e:e + 16]).group()
        if letters in lx.scale_attached:
            a.value *= lx.scale_attached[letters]
            a.end = e + len(letters)
            a.scaled = True
        elif letters.lower() in lx.ordinal_suffixes:
            return None          # 412th, 3rd
        elif letters == "s" or letters == "S":
            return None          # 1990s
        elif not (letters.lower() in lx.unit_of or letters in lx.unit_of or letters in lx.cur_codes
                  or letters.startswith(lx.non_ascii_symbols)
                  or letters.lower() in lx.cur_name_of
                  or letters in lx.mcode_words
                  or re.match(r"(?:km|m|sq)\d?$", letters)):
            return None          # 23px, 3D, 4e14
    elif nxt == "-":
        hm = re.match(r"-([A-Za-z]+)", t[e:e + 30])
        if hm:
            a.compound = hm.group(1).lower()
    elif nxt in ("/", ":") and t[e + 1:e + 2].isdigit():
        return None
    elif nxt in ("\u00d7", "^"):
        return None
    return a
