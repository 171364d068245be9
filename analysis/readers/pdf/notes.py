"""Lines of every page in, footnotes out: the small-print block at a page's foot, split at its labels."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .layout import Line, Page

_LABEL = re.compile(r"^(\d{1,3}|[*†‡§])[.)]?\s+(?=\S)")
_RULE = re.compile(r"^[_\-–—=.\s]{5,}$")
_SMALL = 0.93  # a note is set smaller than this fraction of the body size


@dataclass
class Note:
    page: int
    label: str
    lines: list[Line] = field(default_factory=list)
    key: str = ""


def _label(line: Line) -> tuple[str | None, str]:
    """The note number opening a foot line (superscript or plain) and the rest of the text."""
    if line.lead:
        return line.lead, line.text
    m = _LABEL.match(line.text)
    if m:
        return m.group(1), line.text[m.end():]
    return None, line.text


def mark_notes(pages: list[Page], body_size: float) -> list[Note]:
    """Mark the foot-of-page notes of every page and return them in order, continued notes joined."""
    notes: list[Note] = []
    marked = {(l.page, label) for p in pages for l in p.lines for _, label in l.markers}
    for page in pages:
        body = [l for l in page.lines if l.role == "body"]
        if not body:
            continue
        ordered = sorted(body, key=lambda l: l.baseline)
        zone: list[Line] = []
        for line in reversed(ordered):
            if line.size < body_size * _SMALL or _RULE.match(line.text):
                zone.append(line)
            else:
                break
        zone.reverse()
        if len(zone) == len(ordered) or not any(_label(l)[0] for l in zone):
            continue
        labels = {_label(l)[0] for l in zone} - {None}
        if not any(l.lead for l in zone) and not any((n, lab) in marked for lab in labels
                                                     for n in (page.number, page.number - 1)):
            continue  # a small-print numbered list nothing in the text points at is not notes
        current: Note | None = None
        for line in zone:
            line.role = "note"
            if _RULE.match(line.text):
                continue
            label, rest = _label(line)
            if label is not None and (current is None or _next_label(current.label, label) or line.lead):
                current = Note(page.number, label, [_strip(line, rest)])
                notes.append(current)
            elif current is not None:
                current.lines.append(line)
            elif notes:  # a note continued from the page before
                notes[-1].lines.append(line)
    for n, note in enumerate(notes, 1):
        note.key = f"pdf-note:{n}"
    return notes


def _next_label(prev: str, label: str) -> bool:
    """Is `label` a plausible successor of `prev` (so a number inside a note is not taken for a label)?"""
    if prev.isdigit() and label.isdigit():
        return 0 < int(label) - int(prev) <= 3
    return not label.isdigit() or not prev.isdigit()


def _strip(line: Line, rest: str) -> Line:
    if rest == line.text:
        return line
    cut = len(line.text) - len(rest)
    return Line(line.page, rest, line.x0, line.x1, line.top, line.bottom, line.baseline, line.size, line.bold,
                [(max(0, off - cut), lab) for off, lab in line.markers], None, line.cells, line.cell, line.role,
                [(max(0, a - cut), b - cut) for a, b in line.emphasis if b > cut])


def resolver(notes: list[Note]):
    """marker (page, label) -> the key of the note it points at: the same page's note of that label,
    else the next page's (a note pushed over), else none."""
    by_page: dict[tuple[int, str], str] = {}
    for note in notes:
        by_page.setdefault((note.page, note.label), note.key)

    def resolve(page: int, label: str) -> str | None:
        return by_page.get((page, label)) or by_page.get((page + 1, label))

    return resolve


_SOURCE_ONLY = re.compile(r"\b(?:retrieved|accessed|archived)\b(?: from| on)?", re.I)
_TITLE_FIRST = re.compile(r"^[“\"«][^”\"»]{3,200}[”\"»][.,]?\s")


def note_kind(text: str) -> str:
    """``citation`` for a note that only names a source, in the way reference lists are written (a
    quoted title first; "Retrieved ..."), else ``note``: read like a paragraph. A note that gives its
    source's words or dates ("Statement of ..., 6 May; http://...") stays a note: its events count."""
    return "citation" if _SOURCE_ONLY.search(text) or _TITLE_FIRST.match(text) else "note"
