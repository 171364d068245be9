"""Figures -> comparisons: a figure against a threshold on the same measure, and like measures across sources.

A threshold is a figure whose role is ``threshold`` ("anything above 25 per cent of
turnout would be a success"). Every other figure with the same measure and unit
(and the same currency or physical unit) in the threshold's own document, or elsewhere with the
same named subject, is set against it: ``cleared`` when it lies entirely at or
above the level, ``fell short`` when entirely below, ``straddles`` when its range
spans it. Figures of one measure and unit from two or more documents or subjects
are grouped as an ``across`` comparison. A figure takes part only when its measure was
read from its own words and its value is plausible (`comparable`).
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Sequence

from ..lexicons import data
from ..model.findings import Comparison, Figure

_MAX_LISTED = 20
"""Figures named in one across-documents sentence; the comparison's figure ids list them all."""

_UNIT_WORDS = {"percent": "per cent", "fraction": "", "count": "", "duration": "", "other": ""}


def comparable(f: Figure) -> bool:
    """A figure whose measure was read from its own words (confidence high) and whose value is
    plausible for it: only these are compared or grouped; the rest are reported as written."""
    return f.confidence == "high" and bool(f.measure) and "implausible" not in f.basis


def speaks_of(th: Figure, f: Figure) -> bool:
    """A threshold speaks of its own document's case, or of the subject it names: a minimum of
    schools for one country says nothing of the schools another report counts."""
    return f.doc == th.doc or bool(f.subject and f.subject == th.subject)


def compare(figures: Sequence[Figure]) -> tuple[Comparison, ...]:
    """Threshold comparisons first (in figure order), then cross-document groups; ids ``c<n>``.
    Only comparable figures (see `comparable`) take part."""
    figures = [f for f in figures if comparable(f)]
    out: list[Comparison] = []
    # one threshold per measure, unit and level: the same level stated in many documents is one
    # yardstick, so comparisons grow with the figures, not with figures x documents
    distinct: dict[tuple, Figure] = {}
    for f in figures:
        if f.role == "threshold" and f.measure and _level(f) is not None:
            distinct.setdefault((f.measure, f.unit, f.unit_name, _level(f), f.bound), f)
    thresholds = list(distinct.values())
    for f in figures:
        if f.role == "threshold" or not f.measure:
            continue
        for th in thresholds:
            if th.measure != f.measure or th.unit != f.unit or (
                    f.unit not in ("count", "fraction") and th.unit_name != f.unit_name):
                continue
            if not speaks_of(th, f):
                continue
            verdict = threshold_verdict(f, th)
            if verdict is None:
                continue
            text = (f"{_label(f.measure)} of {_amount(f)} ({f.doc}) against the {_amount(th, bare=True)} level "
                    f"{called(th)} ({th.doc}): {verdict_words(verdict, is_ceiling(th))}.")
            out.append(Comparison(id=f"c{len(out) + 1}", measure=f.measure, kind="threshold", verdict=verdict,
                                  figures=(f.id, th.id), text=text))
    groups: dict[tuple[str, str, str | None], list[Figure]] = defaultdict(list)
    for f in figures:
        if f.measure and f.role != "threshold":
            # a change in percentage points is not a level in per cent: unit_name keeps them apart
            groups[(f.measure, f.unit, f.unit_name if f.unit not in ("count", "fraction") else None)].append(f)
    for (measure, unit, _), figs in groups.items():
        docs = {f.doc for f in figs}
        subjects = {f.subject for f in figs if f.subject}
        if len(docs) < 2 and (unit == "count" or len(subjects) < 2):
            continue                      # counted nouns are compared across documents only
        parts = [f"{_amount(f)} ({f.doc}{', ' + f.subject if f.subject else ''})" for f in figs[:_MAX_LISTED]]
        more = f"; and {len(figs) - _MAX_LISTED} more" if len(figs) > _MAX_LISTED else ""
        text = f"{_label(measure)}: " + "; ".join(parts) + more + "."
        out.append(Comparison(id=f"c{len(out) + 1}", measure=measure, kind="across", verdict=None,
                              figures=tuple(f.id for f in figs), text=text))
    return tuple(out)


def _interval(f: Figure) -> tuple[float, float] | None:
    if f.low is not None and f.high is not None:
        return f.low, f.high
    if f.value is None:
        return None
    v = f.value
    if f.bound == "min":
        return v, float("inf")
    if f.bound == "max":
        return float("-inf"), v
    return v, v


def _level(th: Figure) -> float | None:
    if th.value is not None:
        return th.value
    if th.low is not None:
        return th.low
    return None


def threshold_verdict(f: Figure, th: Figure) -> str | None:
    """``cleared`` (the figure meets the threshold's demand), ``fell short`` or ``straddles``; None
    when either has no level. For a ceiling, meeting it means staying at or under it."""
    iv = _interval(f)
    level = _level(th)
    if iv is None or level is None:
        return None
    lo, hi = iv
    if is_ceiling(th):             # a ceiling: "no more than 5 per cent", "the maximum allowed stockpile of 300 kg"
        if f.bound == "max" and f.value is not None:
            lo = hi = f.value      # "levels up to 60 per cent" reached 60: against a ceiling, that is the level
        if hi <= level:
            return "cleared"
        if lo > level:
            return "fell short"
        return "straddles"
    if lo >= level:
        return "cleared"
    if hi < level:
        return "fell short"
    return "straddles"


def _num(v: float) -> str:
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def _amount(f: Figure, bare: bool = False) -> str:
    """'30–35 per cent', '45,000,000 USD', 'more than 7 of 9'."""
    unit = _UNIT_WORDS.get(f.unit, f.unit_name or "")
    if f.unit == "currency":
        unit = f.unit_name or ""
    elif f.unit in ("length", "mass", "area", "duration", "other") and f.unit_name:
        unit = f.unit_name
    if f.low is not None and f.high is not None:
        num = f"{_num(f.low)}\u2013{_num(f.high)}"
    elif f.value is not None:
        num = _num(f.value)
        if f.of:
            num += f" of {_num(f.of)}"
        if not bare and f.bound == "min":
            num = "more than " + num
        elif not bare and f.bound == "max":
            num = "up to " + num
    else:
        num = "?"
    return f"{num} {unit}".strip()


def _label(measure: str) -> str:
    return measure[:1].upper() + measure[1:]


_CEILING_WORDS = {"cleared": "stayed within", "fell short": "exceeded", "straddles": "straddles"}
_FLOOR_WORDS = {"cleared": "cleared", "fell short": "fell short of", "straddles": "straddles"}


def verdict_words(verdict: str, ceiling: bool) -> str:
    """How a verdict reads: a figure over a ceiling "exceeded" it; one under a floor "fell short of" it."""
    return (_CEILING_WORDS if ceiling else _FLOOR_WORDS).get(verdict, verdict)


@lru_cache(maxsize=1)
def _ceiling_cue() -> re.Pattern:
    words = data("figures")["threshold_ceilings"]
    return re.compile(r"(?i)(?<![\w-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")(?![\w-])")


_CEILING_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?(?:maximum|ceiling|cap|limit)\b", re.IGNORECASE)


def is_ceiling(th: Figure) -> bool:
    """A level a figure must stay under: a stated upper bound ("anything under 5 per cent"), or a
    level its own words call a maximum, limit or cap (in the 60 characters before it, or the noun
    right after it: "the 3.67 per cent limit")."""
    if th.bound in ("max", "min"):
        return th.bound == "max"
    sentence = th.sentence or ""
    at = sentence.find(th.text)
    if at < 0:
        return bool(_ceiling_cue().search(sentence))
    before, after = sentence[max(0, at - 60):at], sentence[at + len(th.text):at + len(th.text) + 30]
    # "the maximum allowed stockpile of 300 kg"; "the 3.67 per cent limit" (a word or two after it)
    return bool(_ceiling_cue().search(before) or _CEILING_AFTER.match(after) and _ceiling_cue().search(after))


def called(th: Figure) -> str:
    """What the source calls the level, in a few words ("called a success", "set as the limit")."""
    if is_ceiling(th):
        return "set as the limit"
    s = (th.sentence or "").lower()
    if re.search(r"success|succeed|victory", s):
        return "called a success"
    if "credib" in s:
        return "deemed credible"
    if re.search(r"target|goal", s):
        return "set as a target"
    if re.search(r"requir|needed|necessary|minimum|quorum", s):
        return "called the minimum"
    if "threshold" in s:
        return "set as the threshold"
    return "set as a benchmark"
