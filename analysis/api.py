"""Plain text in, findings-shaped dicts out: the figure and date extractors without a Document.

`extract_figures(text)` returns the findings.json figure items (text, value, low, high,
of, unit, unit_name, measure, approximate, bound) and `extract_dates(text)` the event
items (date, text), each without doc/anchor and with ``start``/``end`` character
offsets into `text` (``text[start:end]`` is the figure's or the date's words).
Event dicts also carry ``surface`` (the date's words), ``precision`` and ``end_date``;
their ``text`` is the sentence the date stands in, as in findings.json.
"""
from __future__ import annotations

from .analyses.dates import find_dates, sentence_span
from .analyses.figures import find_figures

FIGURE_KEYS = ("text", "value", "low", "high", "of", "unit", "unit_name", "measure", "approximate", "bound")


def extract_figures(text: str) -> list[dict]:
    """Figures of `text` as findings.json figure items plus ``start``/``end``."""
    out = []
    for m in find_figures(text):
        item = {k: getattr(m, k) for k in FIGURE_KEYS}
        item["start"], item["end"] = m.start, m.end
        out.append(item)
    return out


def extract_dates(text: str, reference_date: str | None = None) -> list[dict]:
    """Dates of `text` as findings.json event items plus ``start``/``end`` (of the date's words),
    ``surface``, ``precision`` and ``end_date``; `reference_date` anchors "today", "last April"."""
    out = []
    for m in find_dates(text, reference_date=reference_date):
        s0, s1 = sentence_span(text, m.start)
        out.append({"date": m.date, "text": text[s0:s1], "start": m.start, "end": m.end, "surface": m.text,
                    "precision": m.precision, "end_date": m.end_date})
    return out
