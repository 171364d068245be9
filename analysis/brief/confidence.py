"""Findings -> the high-confidence findings the body may state, and the rest for the annex."""
from __future__ import annotations

from dataclasses import fields

from ..model.findings import Findings


def sure(f: Findings) -> Findings:
    """Only ``high`` findings; a comparison stays when every figure it compares is sure."""
    kept = {name.name: tuple(x for x in getattr(f, name.name) if getattr(x, "confidence", "high") == "high")
            for name in fields(f) if name.name != "comparisons"}
    figures = {x.id for x in kept["figures"]}
    comparisons = tuple(c for c in f.comparisons if all(i in figures for i in c.figures))
    return Findings(**kept, comparisons=comparisons)


def unsure(f: Findings) -> list:
    """Every finding below ``high``, in findings.json order (statements, positions, ...)."""
    return [x for name in fields(f) if name.name != "comparisons"
            for x in getattr(f, name.name) if getattr(x, "confidence", "high") != "high"]
