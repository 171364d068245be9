"""Footnotes: how a cited passage is named, and every Cite of a brief in reading order."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model.brief import BulletList, Callout, Cite, Inline, Para, Quote, Section, Table

_ANCHOR = re.compile(r"^(?P<doc>.+)-(?P<kind>[pn])(?P<num>\d+)$")


def anchor_label(anchor: str) -> str:
    """``d1-p12`` -> ``¶12``; ``d1-n3`` -> ``note 3``."""
    m = _ANCHOR.match(anchor)
    if not m:
        return anchor
    return f"¶{m['num']}" if m["kind"] == "p" else f"note {m['num']}"


def walk_cites(sections: Sequence[Section]) -> list[Cite]:
    """Every Cite in reading order (the order footnotes are numbered in every format)."""
    out: list[Cite] = []

    def parts(ps: Sequence[Inline]) -> None:
        out.extend(p for p in ps if isinstance(p, Cite))

    for s in sections:
        for blk in s.blocks:
            if isinstance(blk, Para):
                parts(blk.parts)
            elif isinstance(blk, BulletList):
                for it in blk.items:
                    parts(it.parts)
            elif isinstance(blk, (Quote, Callout)):
                parts(blk.attribution)
            elif isinstance(blk, Table):
                for row in blk.rows:
                    for cell in row.cells:
                        parts(cell.parts)
    return out
