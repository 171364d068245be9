"""Running text (+ reference date, year context) -> dates, ISO strings cut to the precision the text gives.

"14 March 2019" -> ``2019-03-14``; "December 2009" -> ``2009-12``; "in 2004" -> ``2004``.
A day or month without a year takes it from context: the nearest preceding date in
the same text that states its year, else ``default_year`` (the caller's running
context), else the reference date (the document's date). "last April", "today",
"last year", "ten years ago" are resolved against the reference date, "the
following day" against the previous day named in the same text.

The text layer under it (masking of non-prose, sentences, regex builders) is text/prose.py,
re-exported here for the modules that import it from dates. `date_spans` tells the figure
extractor which digits belong to dates. Knowledge (month names, cue words) is in
lexicons/dates.json. Every pattern is bounded: no nested unbounded repetition, so arbitrary
input is scanned in linear time. For speed on long passages (a 10 MB line takes seconds, not
minutes) the scan is done once per text for both extractors (`_layer`), and patterns that need
a digit are tried only near digits (`prose.Scope`).
"""
from __future__ import annotations

import bisect
import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import absent, lowered
from ..text.memo import TextMemo
from ..text.patterns import alternation, phrases_re
# the text layer, re-exported: figures and the tests import some of these names from here
from ..text.prose import (MASK, Scope, apply_mask, finditer_in,  # noqa: F401
                          lexicon, mask_non_prose, prose_segments, scope_of,
                          sentence_span, sentence_spans, sentence_starts)

_MONTH_NAMES_ALL = ("January|February|March|April|May|June|July|August|September|October|November|December"
                    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")


# ----------------------------------------------------------------- the record
@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date expression found in a text."""

    start: int
    """Offset of the first character of the expression."""
    end: int
    """Offset just after the expression (``text[start:end]`` is `text`)."""
    text: str
    """The words as written ("last June 2nd", "4-6 October")."""
    date: str
    """ISO date cut to `precision`: ``2013``, ``2013-04``, ``2013-04-19``; the first day of a range."""
    precision: str
    """``day``, ``month`` or ``year``."""
    end_date: str | None = None
    """For a range ("4-6 October", "from 2005 to 2007"): the last date, same precision."""
    relative: bool = False
    """True when resolved against the reference date or a previous date ("yesterday", "last April")."""
    year_stated: bool = False
    """True when the words themselves give the year (added beyond the brief: the timeline carries
    the year context forward only from such dates)."""
    context: bool = True
    """False for a date that gives later yearless dates no year: an "as of" status date, the date of
    a name ("the Treaty of Zenda of 1 May 1885")."""


_DATE_DIGITS = frozenset(("iso", "iso_slash", "numeric", "dmy_range", "dm_dmy_range", "mdy_range", "dmy", "mdy",
                          "my", "decade", "year_range", "year"))
"""Date patterns whose every match holds a digit."""


# ----------------------------------------------------------------- patterns
def _month_forms(capital_stop: str, small_stop: str) -> list[str]:
    """Month names as written (Capitalised, UPPER, and lower case unless the name needs its
    capital), then the abbreviations: Capitalised and UPPER followed by `capital_stop`, lower
    case by `small_stop` (a lower-case abbreviation counts only with its full stop)."""
    lx = lexicon("dates")
    forms = []
    for name in lx["months"]:
        forms += [name.capitalize(), name.upper()]
        if name not in lx["months_needing_capital"]:
            forms.append(name)
    for ab in lx["month_abbreviations"]:
        forms += [ab.capitalize() + capital_stop, ab.upper() + capital_stop, ab + small_stop]
    return forms


def _month_alternation(case_sensitive: bool = True) -> str:
    """Month names and abbreviations as written; grouped by first letter (`alternation`) for a
    case-sensitive pattern."""
    forms = _month_forms(r"\.?", r"\.")
    forms.sort(key=len, reverse=True)
    if case_sensitive:
        return alternation(forms, flags_ci=False) + r"(?![\w])"
    return "(?:" + "|".join(forms) + r")(?![\w])"


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    lx = lexicon("dates")
    M = "(?P<mon>" + _month_alternation() + ")"
    M2 = "(?P<mon2>" + _month_alternation() + ")"
    SUF = r"(?:\s?(?:st|nd|rd|th)(?![\w]))?"
    D = r"(?P<day>[0-3]?\d)(?!\d)" + SUF
    D2 = r"(?P<day2>[0-3]?\d)(?!\d)" + SUF
    Y = r"(?P<year>(?:1[0-9]|20)\d{2})(?![\w]|[.,]\d)"
    Y2 = r"(?P<year2>(?:1[0-9]|20)\d{2}|\d{2})(?![\w]|[.,]\d|\s?%)"
    TO = r"(?:\s?[-\u2013\u2014]\s?|\s(?:to|until|till|through|and)\s)"
    # a sentence may open with the cue: "Last October, ..."
    month_cue = phrases_re(list(lx["month_cues_before"]) + [w[:1].upper() + w[1:] for w in lx["month_cues_before"]]
                           + [w.capitalize() for w in lx["relative_month_words"]], flags_ci=False)
    rel = phrases_re(list(lx["relative_days"]) + list(lx["relative_day_phrases"]) + list(lx["relative_periods"])
                     + list(lx["following_day_phrases"]))
    ago = (r"(?<![\w-])(?P<n>\d{1,3}|" + alternation(sorted(_word_numbers(), key=len, reverse=True))
           + r")\s(?P<unit>" + "|".join(lx["ago_units"]) + r")\sago(?![\w])")
    flags = re.IGNORECASE
    return [
        ("iso", re.compile(r"(?<![\w/.-])(?P<year>(?:1[0-9]|20)\d{2})-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?![\w/-])")),
        ("iso_slash", re.compile(r"(?<![\w/.-])(?P<year>(?:1[0-9]|20)\d{2})(?P<sep>[/.])(?P<mon>0?[1-9]|1[0-2])(?P=sep)(?P<day>[0-3]?\d)(?![\w/.-])")),
        ("numeric", re.compile(r"(?<![\w/.-])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:1[0-9]|20)\d{2})(?![\w/-]|\.\d)")),
        ("dmy_range", re.compile(r"(?<![\w.,])" + D + TO + D2 + r"(?:\s+of)?\s+" + M + r"(?:,?\s+" + Y + ")?")),
        ("dm_dmy_range", re.compile(r"(?<![\w.,])" + D + r"\s+" + M + TO + D2 + r"\s+" + M2 + r"(?:,?\s+" + Y + ")?")),
        ("mdy_range", re.compile(M + r"\s{1,3}" + D + TO + D2 + r"(?:,?\s+" + Y + ")?")),
        ("dmy", re.compile(r"(?<![\w.,])" + D + r"\.?(?:\s+of)?,?\s+" + M + r"(?:,?\s+" + Y + ")?")),
        ("mdy", re.compile(M + r"\s{1,3}" + D + r"(?![:.,]\d)(?:,?\s+" + Y + ")?")),
        ("my", re.compile(M + r"\s{0,2},?\s{1,3}(?:of\s+)?" + Y)),
        ("decade", re.compile(r"(?<![\w-])(?:(?:early|mid|late)[- ])?(?:1[0-9]|20)\d0['\u2019]?s(?![\w])", flags)),
        ("year_range", re.compile(r"(?<![\w$\u20ac\u00a3\u00a5.,/-])(?:(?P<cue>from|between)\s+)?" + Y + TO + Y2, flags)),
        ("mid_month", re.compile(r"(?<![\w])(?:mid|early|late)-(?P<mon>" + _month_alternation(False) + ")", flags)),
        ("month_cue", re.compile(r"(?P<cue>" + month_cue + r")\s+" + M)),
        ("year", re.compile(r"(?<![\w$\u20ac\u00a3\u00a5.,/\-\u2013])" + r"(?P<year>(?:1[0-9]|20)\d{2})(?![\w]|[.,]\d|[-\u2013/]\d|\s?%|\s(?:BCE?|B\.C\.(?:E\.)?|bce?)(?![\w]))")),
        ("ago", re.compile(ago, flags)),
        ("relative", re.compile("(?P<rel>" + rel + ")", flags)),
        # "late Thursday", "on Monday", "next Friday": news dates them against the publication day
        ("weekday", re.compile(r"(?<![\w-])(?:(?P<wcue>" + "|".join("(?i:%s)" % w for w in lx["weekday_cues_before"])
                               + r")\s{1,3})?(?P<wday>" + "|".join(w.capitalize() for w in lx["weekdays"])
                               + r")(?![\w-])")),
    ]


@lru_cache(maxsize=1)
def _needs() -> dict[str, tuple[str, ...] | None]:
    """Lower-case strings one of which every match of a date pattern (by kind) holds: a text
    without any skips the pattern. A month name or abbreviation starts with its first three
    letters; a relative phrase ends with its last word. None: no such test (lexicon words not plain)."""
    lx = lexicon("dates")
    months = {w[:3] for w in list(lx["months"]) + list(lx["month_abbreviations"])}
    rel = {p.split()[-1].lower() for p in list(lx["relative_days"]) + list(lx["relative_day_phrases"])
           + list(lx["relative_periods"]) + list(lx["following_day_phrases"]) if p.strip()}

    def plain(words: set[str]) -> tuple[str, ...] | None:
        return tuple(sorted(words)) if words and all(w.isascii() and w.isalpha() for w in words) else None

    return {"ago": ("ago",), "mid_month": ("mid-", "early-", "late-"), "month_cue": plain(months),
            "weekday": plain(set(lx["weekdays"])),
            "relative": plain(rel)}


_MONTH_KINDS = frozenset(("month_cue", "dmy_range", "dm_dmy_range", "mdy_range", "dmy", "mdy", "my"))
"""Date patterns whose every match holds a month name as `_month_alternation()` writes it (see _month_gate)."""
_YEAR_KINDS = frozenset(("iso", "iso_slash", "numeric", "decade", "year_range", "year"))
"""Date patterns whose every match holds a year: a match of `_YEAR_DIGITS`."""
_YEAR_DIGITS = re.compile(r"(?:1[0-9]|20)\d\d")


@lru_cache(maxsize=1)
def _month_gate() -> tuple[re.Pattern, tuple[str, ...]]:
    """(pattern, strings): every match of `_month_alternation()` holds a match of the pattern or
    one of the strings, case as written. The forms opening with a capital ("Mar", "MAR") are
    the pattern (a scan from capital to capital), the lower-case ones ("march", "mar.") the
    strings; each form without its optional full stop, a form holding another left out. A text
    holding none skips the patterns of _MONTH_KINDS."""
    forms = _month_forms("", ".")
    kept = sorted({f for f in forms if not any(o != f and o in f for o in forms)})
    capital = [f for f in kept if f[:1].isupper()]
    pattern = re.compile("|".join(map(re.escape, capital)) if capital else "(?!x)x")
    return pattern, tuple(f for f in kept if not f[:1].isupper())


def _month_number(token: str) -> int | None:
    lx = lexicon("dates")
    t = token.lower().rstrip(".")
    return lx["months"].get(t) or lx["month_abbreviations"].get(t)


@lru_cache(maxsize=1)
def _word_numbers() -> dict[str, int]:
    """Single number words ("a", "one" ... "ninety") for "ten years ago"."""
    num = lexicon("numbers")
    return {"a": 1, "an": 1, **{w: v for w, v in num["units"].items() if v > 0}, **num["tens"]}


@dataclass(slots=True)
class _Cand:
    kind: str
    start: int
    end: int
    m: re.Match


def _plural_word_follows(text: str, end: int) -> bool:
    """True when a lower-case plural-looking word follows (``2000 people``): a quantity, not a year."""
    m = re.match(r"\s{1,3}(?:[a-z]+-)?([a-z]{2,30})(?![\w])", text[end:end + 40])
    if not m:
        return False
    w = m.group(1)
    fig = lexicon("figures")
    if w in fig["irregular_plurals"] or w in fig["count_words_singular_ok"]:
        return True
    return (w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in fig["count_noun_stop"]
            and w not in fig["function_words"])


def _left(text: str, start: int, n: int = 40) -> str:
    return text[max(0, start - n):start]


@lru_cache(maxsize=1)
def _cue_res():
    lx = lexicon("dates")
    return (
        re.compile(phrases_re(lx["year_cues_before_preposition"]) + r"\s{1,5}$", re.I),
        re.compile(phrases_re(lx["year_cues_before_determiner"]) + r"\s{1,5}$", re.I),
        re.compile(phrases_re(list(lx["relative_month_words"])) + r"\s{1,5}$", re.I),
        re.compile(phrases_re(lx["year_count_prepositions"]) + r"\s{1,5}$", re.I),
        re.compile(phrases_re(lx["year_context_openers"]) + r"\s{1,5}$", re.I),
    )


def _scan(masked: str, scope: Scope | None = None) -> list[_Cand]:
    """Raw date expressions in priority order, non-overlapping, sorted by position; only where
    `scope` (default: that of `masked`) says they may be."""
    taken = bytearray(len(masked) + 1)
    out: list[_Cand] = []
    prep_re, det_re, _, count_prep_re, _ = _cue_res()
    scope = scope or scope_of(masked)
    needs, low = _needs(), lowered(masked)
    months = years = None  # may the text hold a month name, a year? (found when first asked)
    for kind, rx in _patterns():
        if kind in needs and absent(needs[kind], low):
            continue
        if kind in _MONTH_KINDS:
            if months is None:  # the case-blind test of month_cue first, then the exact one
                capital, small = _month_gate()
                months = not absent(needs["month_cue"], low) and (
                    capital.search(masked) is not None or any(map(masked.__contains__, small)))
            if not months:
                continue
        elif kind in _YEAR_KINDS:
            if years is None:
                years = _YEAR_DIGITS.search(masked) is not None
            if not years:
                continue
        for m in finditer_in(rx, masked, scope.digits if kind in _DATE_DIGITS else scope.prose):
            s, e = m.start(), m.end()
            if e <= s or any(taken[s:e]):
                continue
            if kind == "year":
                y = int(m.group("year"))
                left = _left(masked, s)
                if prep_re.search(left):
                    if y < 1000 or (count_prep_re.search(left) and _plural_word_follows(masked, e)):
                        continue
                    if re.search(r"(?:than|about|around|some|over|under)\s{1,5}$", left, re.I) and _plural_word_follows(masked, e):
                        continue
                elif det_re.search(left):
                    if not 1900 <= y <= 2099 or (re.match(r"\s[A-Z][a-z]", masked[e:e + 3])
                                                   and not _month_number(masked[e + 1:e + 12].split(" ")[0])):
                        continue          # "the 2030 Agenda": a year in a name
                elif (s == 0 or re.search(r"[,(;]\s{0,2}$", left)) and re.match(r"\s{0,2}(?:[,.;)]|$)", masked[e:e + 3]):
                    if not 1900 <= y <= 2099 or re.search(r"\d\s{0,2}\($", left):
                        continue          # "resolution 1325 (2000)": the year names the document
                else:
                    continue
            elif kind == "year_range":
                y1 = int(m.group("year"))
                y2s = m.group("year2")
                y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
                if not y1 < y2 <= y1 + 200:
                    continue
                sep = masked[m.end("year"):m.start("year2")].strip().lower()
                left = _left(masked, s)
                if not m.group("cue"):
                    if not (1800 <= y1 <= 2099 and 1800 <= y2 <= 2099):
                        continue
                    if sep in ("to", "and", "until", "till", "through") and not prep_re.search(left) and not det_re.search(left):
                        continue
                    if not det_re.search(left) and _plural_word_follows(masked, e):
                        continue
                    if re.search(r"(?:than|about|around|some)\s{1,5}$", left, re.I):
                        continue
                elif _plural_word_follows(masked, e):
                    continue
            elif kind == "relative":
                phrase = " ".join(m.group("rel").lower().split())
                if phrase in ("the day after", "the day before") and not re.match(r"\s{0,3}(?:[,.;:)]|$)", masked[e:e + 4]):
                    continue
            elif kind in ("dmy", "mdy", "dmy_range", "mdy_range"):
                if "day" in m.groupdict() and m.group("day") and not 1 <= int(m.group("day")) <= 31:
                    continue
                if kind == "mdy" and re.match(r"\s?(?:%|per\s?cent|percent)", masked[e:e + 10], re.I):
                    continue
            out.append(_Cand(kind, s, e, m))
            taken[s:e] = b"\x01" * (e - s)
    out.sort(key=lambda c: c.start)
    return out


def _compute_layer(text: str) -> tuple[str, tuple[_Cand, ...], Scope]:
    scope = scope_of(text)
    masked = mask_non_prose(text, scope)
    return masked, tuple(_scan(masked, scope)), scope


_layer = TextMemo(_compute_layer, 2_000_000)
"""`mask_non_prose(text)`, the raw date expressions in it and where to look in it, computed
once per text: the figure extractor and `find_dates` read the same passages (all of a
document's passages by one, then by the other), a recurring paragraph is read once, and on
a long passage these scans are most of the work."""


def prose_layer(text: str) -> tuple[str, list[tuple[int, int]], Scope]:
    """`mask_non_prose(text)`, the spans of every date-like expression in it (resolvable or
    not, decades and "10 years ago" included: the digits in them are not figures), and the
    parts of the text worth scanning: `.prose` (`prose_segments`) and `.digits` (near digits)."""
    masked, cands, scope = _layer(text)
    return masked, [(c.start, c.end) for c in cands], scope


def date_spans(text: str, masked: str | None = None) -> list[tuple[int, int]]:
    """Spans of every date-like expression (resolvable or not, decades and "10 years ago" included):
    the digits in them are not figures."""
    if masked is None:
        return prose_layer(text)[1]
    return [(c.start, c.end) for c in _scan(masked)]


# ----------------------------------------------------------------- resolution
_QUOTE = re.compile(r"\u201c[^\u201c\u201d]{0,3000}\u201d|\"[^\"\n]{0,3000}\"")


def _parse_ref(ref: str | None) -> tuple[int | None, int | None, int | None]:
    if not ref:
        return None, None, None
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", str(ref))
    if not m:
        return None, None, None
    return int(m.group(1)), (int(m.group(2)) if m.group(2) else None), (int(m.group(3)) if m.group(3) else None)


def _iso(y: int, mo: int | None = None, d: int | None = None) -> str | None:
    if not 1000 <= y <= 2199:
        return None
    if mo is None:
        return f"{y:04d}"
    if not 1 <= mo <= 12:
        return None
    if d is None:
        return f"{y:04d}-{mo:02d}"
    if not 1 <= d <= calendar.monthrange(y, mo)[1]:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _shift_month(y: int, mo: int, k: int) -> tuple[int, int]:
    n = y * 12 + (mo - 1) + k
    return n // 12, n % 12 + 1


def find_dates(text: str, reference_date: str | None = None, default_year: int | None = None, *,
               previous_day: str | None = None) -> list[DateMatch]:
    """Every date expression in `text`, in order, resolved to an ISO date at its precision.

    `reference_date` (``YYYY[-MM[-DD]]``) anchors "today", "last April", "last year";
    `default_year` is the year context carried in from earlier text; `previous_day`
    (``YYYY-MM-DD``, added beyond the brief) is the last day named before `text`, for a
    "the following day" that opens it. Expressions that cannot be resolved (no year
    anywhere) are left out, and so are "today", "tomorrow", "yesterday" inside a direct
    quotation, where they belong to the speaker's rhetoric more often than to the calendar.
    """
    masked, cands, _ = _layer(text)
    if not cands:
        return []  # most passages: nothing to resolve
    ry, rm, rd = _parse_ref(reference_date)
    rel_month_re = _cue_res()[2]
    ctx = default_year
    ctx_at: int | None = None  # where in `text` the context year was stated (None: the caller's)
    last_day: _dt.date | None = None
    if previous_day:
        try:
            last_day = _dt.date.fromisoformat(previous_day)
        except ValueError:
            last_day = None
    quotes = None  # the direct quotations, found when a relative day needs them
    out: list[DateMatch] = []

    def year_for(month: int, start: int, cue: str | None) -> tuple[int | None, bool, int]:
        """Year of a yearless month, whether it was resolved against the reference date, and
        the start offset (moved left over 'last'/'next' when they precede)."""
        word, new_start = None, start
        if cue is not None:
            if cue.strip().lower() in lexicon("dates")["relative_month_words"]:
                word = cue.strip().lower()
        else:
            left = _left(masked, start, 20)
            rm_ = rel_month_re.search(left)
            if rm_:
                word = rm_.group().strip().lower()
                new_start = start - (len(left) - rm_.start())
        if word is not None and ry is not None:
            shift = lexicon("dates")["relative_month_words"][word]
            ref_m = rm if rm is not None else 12
            if shift < 0:
                return (ry if month < ref_m or (rm is None and month <= ref_m) else ry - 1), True, new_start
            if shift > 0:
                return (ry if month > ref_m else ry + 1), True, new_start
            return ry, True, new_start
        shared = _shared_year(i, month)
        if shared is not None:
            return shared, False, start
        if ctx is not None and not (ry is not None and ctx_at is not None and _far(text, ctx_at, start)):
            return ctx, False, start
        return ry, ry is not None, start

    def _shared_year(i: int, month: int) -> int | None:
        """The year of the next date when this yearless one is coordinated with it: "in March and
        again in August 2022", "between January and December 2024" (a month after the next one's
        falls in the year before)."""
        if i + 1 >= len(cands):
            return None
        nxt = cands[i + 1]
        g2 = nxt.m.groupdict()
        if not g2.get("year") or not g2.get("mon") or nxt.start - cands[i].end > 30:
            return None
        if not _COORDINATED.match(masked[cands[i].end:nxt.start]):
            return None
        mon2 = _month_number(g2["mon"])
        if mon2 is None:
            return None
        y2 = int(g2["year"])
        return y2 - 1 if month > mon2 else y2

    for i, c in enumerate(cands):
        m, kind = c.m, c.kind
        g = m.groupdict()
        start, end = c.start, c.end
        date = end_date = None
        precision = "day"
        relative = stated = False
        if kind == "decade":
            continue
        if kind in ("iso", "iso_slash"):
            date, stated = _iso(int(g["year"]), int(g["mon"]), int(g["day"])), True
        elif kind == "numeric":
            a, b, y = int(g["a"]), int(g["b"]), int(g["year"])
            if a > 12 or (g["sep"] == "." and b <= 12):
                date = _iso(y, b, a)
            elif b > 12:
                date = _iso(y, a, b)
            stated = True
        elif kind in ("dmy", "mdy", "dmy_range", "mdy_range", "dm_dmy_range", "my", "month_cue", "mid_month"):
            mon = _month_number(g["mon"])
            if mon is None:
                continue
            cue = g.get("cue") if kind == "month_cue" else None
            if kind == "month_cue" and cue.strip().lower() not in lexicon("dates")["relative_month_words"]:
                start = m.start("mon")
            if g.get("year"):
                y, stated = int(g["year"]), True
            else:
                y, relative, start = year_for(mon, start, cue)
            if y is None:
                continue
            if kind in ("my", "month_cue", "mid_month"):
                precision, date = "month", _iso(y, mon)
            else:
                date = _iso(y, mon, int(g["day"]))
                if kind in ("dmy_range", "mdy_range"):
                    end_date = _iso(y, mon, int(g["day2"]))
                elif kind == "dm_dmy_range":
                    mon2 = _month_number(g["mon2"])
                    end_date = _iso(y, mon2, int(g["day2"])) if mon2 else None
                    if end_date and date and end_date < date:
                        date = _iso(y - 1, mon, int(g["day"])) if not stated else date
                if end_date and date and end_date < date:
                    end_date = None
        elif kind == "year":
            y = int(g["year"])
            date, precision, stated = _iso(y), "year", True
            if opens_sentence_with_year(masked, start, end):
                ctx, ctx_at = y, start
        elif kind == "year_range":
            y1 = int(g["year"])
            y2s = g["year2"]
            y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
            date, end_date, precision, stated = _iso(y1), _iso(y2), "year", True
        elif kind == "ago":
            if ry is None:
                continue
            n = g["n"].lower()
            k = int(n) if n.isdigit() else _word_numbers().get(n)
            unit = lexicon("dates")["ago_units"][g["unit"].lower()]
            relative = True
            if k is None:
                continue
            if unit == "year":
                date, precision = _iso(ry - k), "year"
            elif unit == "month" and rm is not None:
                yy, mm = _shift_month(ry, rm, -k)
                date, precision = _iso(yy, mm), "month"
            elif unit == "day" and rm is not None and rd is not None:
                dd = _dt.date(ry, rm, rd) - _dt.timedelta(days=k)
                date = dd.isoformat()
            else:
                continue
        elif kind == "weekday":
            if ry is None or rm is None or rd is None or _DATE_FOLLOWS.match(masked, end):
                continue  # no day to count from, or "Tuesday, 26 August" (the date says it)
            lx = lexicon("dates")
            cue = (g.get("wcue") or "").lower()
            ref = _dt.date(ry, rm, rd)
            back = (ref.weekday() - lx["weekdays"][g["wday"].lower()]) % 7
            if lx["weekday_cues_before"].get(cue, 0) > 0:
                dd = ref + _dt.timedelta(days=(7 - back) % 7 or 7)
            else:
                dd = ref - _dt.timedelta(days=back or (7 if cue == "last" else 0))
            if cue not in ("last", "next", "this"):
                start = m.start("wday")
            date, relative = dd.isoformat(), True
        elif kind == "relative":
            lx = lexicon("dates")
            phrase = " ".join(g["rel"].lower().split())
            relative = True
            if phrase in lx["following_day_phrases"]:
                if last_day is None:
                    continue
                dd = last_day + _dt.timedelta(days=lx["following_day_phrases"][phrase])
                date = dd.isoformat()
            elif phrase in lx["relative_days"] or phrase in lx["relative_day_phrases"]:
                if quotes is None:
                    quotes = [m.span() for m in _QUOTE.finditer(text)]
                if any(qs < start < qe for qs, qe in quotes):
                    continue
                k = lx["relative_days"].get(phrase, lx["relative_day_phrases"].get(phrase, 0))
                if ry is None:
                    continue
                if rm is not None and rd is not None:
                    date = (_dt.date(ry, rm, rd) + _dt.timedelta(days=k)).isoformat()
                elif k == 0:
                    date, precision = _iso(ry, rm), ("month" if rm is not None else "year")
                else:
                    continue
            elif phrase in lx["relative_periods"]:
                what, k = lx["relative_periods"][phrase]
                if what == "year_ctx":
                    if ctx is None:
                        continue
                    date, precision = _iso(ctx + k), "year"
                elif ry is None:
                    continue
                elif what == "year":
                    date, precision = _iso(ry + k), "year"
                elif rm is not None:
                    yy, mm = _shift_month(ry, rm, k)
                    date, precision = _iso(yy, mm), "month"
                else:
                    continue
            else:
                continue
        if not date:
            continue
        if precision == "day":
            try:
                last_day = _dt.date.fromisoformat(end_date or date)
            except ValueError:
                pass
        gives_context = _gives_context(masked, start)
        if stated and precision in ("day", "month") and gives_context:
            ctx, ctx_at = int(date[:4]), start
        if kind in ("dmy_range", "mdy_range") and end_date and _LIST_AND.match(masked[m.end("day"):m.start("day2")]) \
                and not _BETWEEN_BEFORE.search(_left(masked, c.start, 12)):
            # "on 9 and 12 August": two days, not the days between them
            out.append(DateMatch(start=start, end=end, text=text[start:end], date=date, precision=precision,
                                 relative=relative, year_stated=stated, context=gives_context))
            s2 = m.start("day2")
            out.append(DateMatch(start=s2, end=end, text=text[s2:end], date=end_date, precision=precision,
                                 relative=relative, year_stated=stated, context=gives_context))
            continue
        out.append(DateMatch(start=start, end=end, text=text[start:end], date=date, precision=precision,
                             end_date=end_date, relative=relative, year_stated=stated, context=gives_context))
    return _periods(text, masked, out)


def _periods(text: str, masked: str, found: list[DateMatch]) -> list[DateMatch]:
    """"from 1 November 2024 to 31 January 2025", "between January and December 2024": one period
    (the first date, `end_date` the second), not two dates."""
    out: list[DateMatch] = []
    for d in found:
        a = out[-1] if out else None
        if (a is not None and a.end_date is None and d.end_date is None and a.precision == d.precision != "year"
                and a.date < d.date and _PERIOD_JOIN.match(masked[a.end:d.start])
                and _PERIOD_OPEN.search(_left(masked, a.start, 12))):
            out[-1] = DateMatch(start=a.start, end=d.end, text=text[a.start:d.end], date=a.date,
                                precision=a.precision, end_date=d.date, relative=a.relative or d.relative,
                                year_stated=d.year_stated, context=d.context)
            continue
        out.append(d)
    return out


_COORDINATED = re.compile(r"\s{0,3}(?:,\s{0,3})?(?:and|or|to|until|till|through|[-\u2013\u2014])\s{0,3}"
                          r"(?:(?:again|later|then|once more)\s{1,3})?(?:(?:in|on|by|of)\s{1,3})?$", re.I)
"""What stands between a yearless date and the dated one whose year it shares."""
_DATE_FOLLOWS = re.compile(r"\s{0,2},?\s{0,2}\(?(?:\d|(?:%s)\b)" % _MONTH_NAMES_ALL)
"""After a weekday: the date it names ("Tuesday, 26 August", "Monday (3 May)", "Friday, March 4")."""
_PERIOD_JOIN = re.compile(r"\s{1,3}(?:to|until|till|through|and)\s{1,3}$|\s{0,2}[-\u2013\u2014]\s{0,2}$")
_PERIOD_OPEN = re.compile(r"(?<![\w-])(?:from|between)\s{1,3}$", re.I)
"""What makes two dates one period: "from A to B", "between A and B"."""
_LIST_AND = re.compile(r"\s(?:and|&)\s$")
_BETWEEN_BEFORE = re.compile(r"(?<![\w-])between\s{1,3}$", re.I)
_MONTH_NAMES = "|".join(m.capitalize() for m in ("january", "february", "march", "april", "may", "june", "july",
                                                    "august", "september", "october", "november", "december"))
_NO_CONTEXT_BEFORE = re.compile(r"(?:(?<![\w-])(?i:as)\s{1,3}(?i:of|at)\s{1,3}"
                                r"|(?<![\w-])(?!(?:%s)\b)[A-Z][\w-]{2,40}\s{1,3}of\s{1,3})$" % _MONTH_NAMES)
"""A date after these gives no year to later dates: "as of May 2019" states how things stand, and
"the Treaty of Zenda of 1 May 1885" names a document."""


@lru_cache(maxsize=1)
def _occasion_of() -> re.Pattern:
    """"the massacre of 28 September 2009", "its resolution of 28 June 2024": a date that names an
    occasion the text refers back to, not the time the narrative has reached (events lexicon nouns)."""
    return re.compile(phrases_re(lexicon("events")["event_nouns"]) + r"\s{1,3}of\s{1,3}$", re.I)


def _gives_context(masked: str, start: int) -> bool:
    left = _left(masked, start, 40)
    return not _NO_CONTEXT_BEFORE.search(left) and not _occasion_of().search(left)


def opens_sentence_with_year(text: str, start: int, end: int) -> bool:
    """True for the year of an opening "In 2008," (at the start of a sentence): the year the
    sentences after it speak of. A mid-sentence "... in 1999, Canberra" sets no context."""
    left = _left(text, start, 20)
    m = _cue_res()[4].search(left)
    if not m or not re.match(r"\s{0,2},", text[end:end + 3]):
        return False
    before = left[:m.start()]
    return (start - len(left) + m.start() == 0 and not before.strip()) or re.search(r"(?:^|[.!?:;\n])\s{0,5}$", before) is not None


def _far(text: str, at: int, pos: int) -> bool:
    """True when `pos` stands more than one sentence after the sentence of `at`."""
    starts = sentence_starts(text)
    return bisect.bisect_right(starts, pos) - bisect.bisect_right(starts, at) > 1
