"""Footnotes: how a cited passage is named, and every Cite of a brief in reading order."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model.brief import BulletList, Callout, Cite, Inline, Para, Quote, Section, Table
from ..model.document import Document

_ANCHOR = re.compile(r"^(?P<doc>.+)-(?P<kind>[pn])(?P<num>\d+)$")


def anchor_label(anchor: str) -> str:
    """``d1-p12`` -> ``¶12``; ``d1-n3`` -> ``note 3``."""
    m = _ANCHOR.match(anchor)
    if not m:
        return anchor
    return f"¶{m['num']}" if m["kind"] == "p" else f"note {m['num']}"


def anchor_order(anchor: str) -> tuple[int, int]:
    """Reading order of a document's passages: blocks by number, then notes."""
    m = _ANCHOR.match(anchor)
    return (0 if m["kind"] == "p" else 1, int(m["num"])) if m else (2, 0)


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


def locations(doc: Document) -> dict[str, tuple[str | None, str]]:
    """Anchor -> (heading, spot): where a reader finds the passage in the original, the heading it
    stands under and its paragraph counted from that heading (``Reactions``, ``¶3``), the page too
    when the reader knows it (``p. 4, ¶3``), ``note 3`` (the marker as printed) for a note.
    The block numbers inside anchors exist only in the tool, so they are never printed."""
    out: dict[str, tuple[str | None, str]] = {}
    heading, n = None, 0
    for blk in doc.blocks:
        if blk.kind == "heading":
            # A page furniture line taken for a heading ("25-04853 (E)") is neither cited by nor counted.
            if sum(c.isalpha() for c in blk.text) >= 4:
                heading, n = blk.text, 0
            continue
        n += 1
        page = getattr(blk, "page", None)
        out[blk.anchor] = (short_heading(heading) if heading else None, f"p. {page}, ¶{n}" if page else f"¶{n}")
    for note in doc.footnotes:
        out[note.anchor] = (None, f"note {note.label}" if note.label.isdigit() else anchor_label(note.anchor))
    return out


def short_heading(text: str, limit: int = 64) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ") + "…"
