"""Findings -> the high-confidence findings the body may state, and the rest for the annex."""
from __future__ import annotations

from ..model.brief import Para, Span
from ..model.findings import Findings


def sure(f: Findings) -> Findings:
    """Only ``high`` findings, in every table; a comparison stays when every figure it compares is sure."""
    kept = {name: tuple(x for x in items if getattr(x, "confidence", "high") == "high")
            for name, items in f.tables().items() if name != "comparisons"}
    figures = {x.id for x in kept["figures"]}
    kept["comparisons"] = tuple(c for c in f.comparisons if all(i in figures for i in c.figures))
    return Findings.of(kept)


def unsure(f: Findings) -> list:
    """Every finding below ``high``, in findings.json order (statements, positions, ...)."""
    return [x for name, items in f.tables().items() if name != "comparisons"
            for x in items if getattr(x, "confidence", "high") != "high"]


def none_sure(b, tables: tuple[str, ...], none: str, noun: str, nouns: str) -> Para:
    """The paragraph for a section with no high-confidence finding: "none found" only when the
    analysis found none at all; else how many it found with less confidence, and where they are."""
    n = sum(len(getattr(b.all_findings, t)) for t in tables)
    if not n:
        return Para((Span(none),), kind="empty")
    return Para((Span(f"No {noun} is firm enough for this section; findings.json and the CSV export list the "
                      f"{n} {noun if n == 1 else nouns} found with less confidence, marked as such."),), kind="empty")
