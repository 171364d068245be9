"""Footnotes: how a cited passage is named, and every Cite of a brief in reading order."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Outline:
    """What locating a passage needs from a document: its headings and where its pages start, by block number."""

    headings: tuple[tuple[int, str | None], ...]
    """(block number, heading text), or None for a page-furniture line taken for a heading."""
    pages: tuple[tuple[int, object], ...]
    """(block number, page) where a new page starts (empty when the reader knows no pages)."""
    notes: dict[str, str]
    """Note anchor -> how the note is named (``note 7``)."""


def outline(doc: Document) -> Outline:
    headings, pages, last_page = [], [], None
    for blk in doc.blocks:
        m = _ANCHOR.match(blk.anchor)
        if not m or m["kind"] != "p":
            continue
        n = int(m["num"])
        if blk.kind == "heading":
            # A page furniture line taken for a heading ("25-04853 (E)") is neither cited by nor counted.
            headings.append((n, blk.text if sum(c.isalpha() for c in blk.text) >= 4 else None))
        page = getattr(blk, "page", None)
        if page is not None and page != last_page:
            pages.append((n, page))
            last_page = page
    notes = {note.anchor: f"note {note.label}" if note.label.isdigit() else anchor_label(note.anchor)
             for note in doc.footnotes}
    return Outline(tuple(headings), tuple(pages), notes)


def locate(out: Outline, anchor: str) -> tuple[str | None, str]:
    """(heading, spot): where a reader finds the passage in the original, the heading it stands under
    and its paragraph counted from that heading (``Reactions``, ``¶3``), the page too when the reader
    knows it (``p. 4, ¶3``), ``note 3`` (the marker as printed) for a note. The block numbers inside
    anchors exist only in the tool, so they are never printed."""
    if anchor in out.notes:
        return None, out.notes[anchor]
    m = _ANCHOR.match(anchor)
    if not m or m["kind"] != "p":
        return None, anchor_label(anchor)
    n = int(m["num"])
    nums = [h for h, _ in out.headings]
    i = bisect_right(nums, n)
    valid = [k for k in range(i) if out.headings[k][1] is not None]
    start = out.headings[valid[-1]][0] if valid else 0
    skipped = sum(1 for k in range(i) if out.headings[k][0] > start)  # furniture lines since that heading
    spot = f"¶{n - start - skipped}"
    j = bisect_right([p for p, _ in out.pages], n)
    if j:
        spot = f"p. {out.pages[j - 1][1]}, {spot}"
    heading = out.headings[valid[-1]][1] if valid else None
    return (short_heading(heading) if heading else None), spot


def locations(doc: Document) -> dict[str, tuple[str | None, str]]:
    """Anchor -> locate() for every passage of a (full) document."""
    o = outline(doc)
    out = {b.anchor: locate(o, b.anchor) for b in doc.blocks if b.kind != "heading"}
    out.update({n.anchor: locate(o, n.anchor) for n in doc.footnotes})
    return out


def short_heading(text: str, limit: int = 64) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ") + "…"
