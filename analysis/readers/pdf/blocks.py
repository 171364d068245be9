"""Body lines of every page in, blocks out: reading order (two columns), headings, paragraphs joined
across line and page breaks with hyphenation undone, table rows."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from .layout import Line, Page
from .tables import gather_rows

_TERMINAL = tuple('.!?:;"”’)…')
_OPENER = re.compile(r"^(?:\(?\d{1,3}[.)]|\(?[a-z]{1,4}\)|\(?[ivx]{1,5}[.)]|[A-Z][.)]|[•▪◦●■\-–—*])\s")
# hyphenated compounds split at their hyphen keep it ("self-" + "determination")
_PREFIXES = frozenset("""self non ex co anti post pre cross well all half multi inter intra counter pro semi long
    short full part one two three four five six seven eight nine ten mid quasi neo pan sub super ultra vice""".split())
_HYPHENS = ("-", "\u2010", "\u00ad")  # a hyphen, the Unicode hyphen and the soft hyphen typesetters print
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass
class Raw:
    """A block being built: its text, note markers (offset, key) and the page it starts on."""

    kind: str
    page: int
    text: str = ""
    notes: list[tuple[int, str]] = field(default_factory=list)
    emphasis: list[tuple[int, int]] = field(default_factory=list)
    level: int = 0
    context: str | None = None
    last: Line | None = None
    lines: int = 0


def vocabulary(pages: list[Page]) -> set[str]:
    words: set[str] = set()
    for page in pages:
        for line in page.lines:
            words.update(w.lower() for w in _WORD.findall(line.text))
    return words


def _hyphen_kept(head: str, tail: str, words: set[str]) -> bool:
    """Is the hyphen that ends `head` part of the word, not a break ("self-determination", "SAF-led")?"""
    frag = re.search(r"([^\W\d_]+)-$", head)
    nxt = re.match(r"[^\W\d_]+", tail)
    if not frag or not nxt:
        return True
    a, b = frag.group(1), nxt.group(0)
    if a.lower() in _PREFIXES or any(c.isupper() for c in a[1:]) or (a.isupper() and len(a) > 1):
        return True
    joined, hyphened = (a + b).lower(), f"{a}-{b}".lower()
    return hyphened in words and joined not in words


def append(block: Raw, line: Line, keys, words: set[str]) -> None:
    """Add a line to the block: a space between, or none where a broken word is mended."""
    text = line.text
    if not block.text:
        shift = 0
        block.text = text
    elif block.text.endswith(_HYPHENS) and len(block.text) > 1 and block.text[-2].isalpha() and text[:1].islower():
        if _hyphen_kept(block.text[:-1] + "-", text, words):
            shift = len(block.text)
            block.text = block.text[:-1] + "-" + text
        else:
            shift = len(block.text) - 1
            block.text = block.text[:-1] + text
    else:
        shift = len(block.text) + 1
        block.text = f"{block.text} {text}"
    for a, b in line.emphasis:
        a, b = a + shift, b + shift
        if block.emphasis and a - block.emphasis[-1][1] <= 1:  # an italic quote running over the line break
            block.emphasis[-1] = (block.emphasis[-1][0], b)
        else:
            block.emphasis.append((a, b))
    for off, label in line.markers:
        key = keys(line.page, label)
        if key:
            block.notes.append((shift + off, key))
    block.last = line
    block.lines += 1


def _columns(lines: list[Line], width: float) -> list[Line]:
    """Reading order of one page's body lines: a two-column stretch is read left column, then right."""
    mid = width / 2
    single = [l for l in lines if l.cells == 1]
    left = [l for l in single if l.x1 <= mid + width * 0.02]
    right = [l for l in single if l.x0 >= mid - width * 0.02]
    if len(left) < 3 or len(right) < 3:
        return lines
    lo, hi = max(min(l.baseline for l in left), min(l.baseline for l in right)), \
        min(max(l.baseline for l in left), max(l.baseline for l in right))
    if hi <= lo:
        return lines
    out: list[Line] = []
    band: list[Line] = []

    def flush():
        out.extend(sorted((l for l in band if l.x0 < mid), key=lambda l: l.baseline))
        out.extend(sorted((l for l in band if l.x0 >= mid), key=lambda l: l.baseline))
        band.clear()

    for line in sorted(lines, key=lambda l: (l.baseline, l.x0)):
        spans = line.x0 < mid - width * 0.02 and line.x1 > mid + width * 0.02 and line.cells == 1
        if spans:
            flush()
            out.append(line)
        else:
            band.append(line)
    flush()
    return out


def _edges(lines: list[Line], width: float) -> dict[int, float]:
    """The right edge of the text column each line stands in (a justified column's right margin)."""
    mid = width / 2
    sides: dict[bool, list[float]] = {True: [], False: []}
    for l in lines:
        if l.cells == 1:
            sides[l.x0 >= mid].append(l.x1)
    edge = {k: (sorted(v)[int(len(v) * 0.8)] if v else width) for k, v in sides.items()}
    return {id(l): edge[l.x0 >= mid] for l in lines}


def build(pages: list[Page], body_size: float, heading_level, keys, words: set[str]) -> list[Raw]:
    """Every page's body lines -> blocks in reading order."""
    out: list[Raw] = []
    pitches = []
    for page in pages:
        body = [l for l in page.lines if l.role == "body"]
        for a, b in zip(body, body[1:]):
            if b.cells == 1 and a.cells == 1 and abs(a.size - body_size) < 0.5 and abs(b.size - body_size) < 0.5:
                gap = b.baseline - a.baseline
                if 0 < gap < 3 * body_size:
                    pitches.append(gap)
    pitch = median(pitches) if pitches else body_size * 1.2
    cur: Raw | None = None
    open_row: list[tuple[float, Raw]] = []  # the last row's cells (left edge, block), while nothing follows it
    for page in pages:
        body = [l for l in page.lines if l.role == "body"]
        ordered = _columns(body, page.width)
        body = ordered if ordered is not body else gather_rows(body, pitch)
        edges = _edges(body, page.width)
        i = 0
        while open_row and i < len(body) and body[i].cells == 1:  # a row running over the page break
            home = next((b for x0, b in open_row if abs(x0 - body[i].x0) < 2), None)
            if home is None:
                break
            append(home, body[i], keys, words)
            i += 1
        open_row = []
        while i < len(body):
            line = body[i]
            if line.cells > 1:  # a table row (or a letterhead line): one block per cell, the first as context
                row = [line]
                while i + 1 < len(body) and body[i + 1].cells > 1 and abs(body[i + 1].baseline - line.baseline) < 1.5:
                    i += 1
                    row.append(body[i])
                cells = [[l] for l in row]
                while i + 1 < len(body) and body[i + 1].cells == 1:  # cells running over several lines
                    nxt = body[i + 1]
                    home = next((c for c in cells if abs(c[0].x0 - nxt.x0) < 2
                                 and 0 < nxt.baseline - c[-1].baseline <= pitch * 1.45), None)
                    if home is None:
                        break
                    home.append(nxt)
                    i += 1
                cur = None
                made = _row(cells, keys, words)
                out.extend(made)
                open_row = [(c[0].x0, b) for c, b in zip(cells[len(cells) - len(made):], made)]
                i += 1
                continue
            level = heading_level(line)
            kind = "heading" if level else "paragraph"
            if cur is None or not _continues(cur, line, kind, pitch, edges.get(id(cur.last), page.width), page.width):
                back = _left_open(out, line, kind)
                if back is not None:
                    cur = back  # a sentence that a boxed notice in smaller print interrupted at a page break
                else:
                    cur = Raw(kind, line.page, level=level)
                    out.append(cur)
            append(cur, line, keys, words)
            open_row = []
            i += 1
    return _without_contents([b for b in out if b.text])


def _left_open(blocks: list[Raw], line: Line, kind: str) -> Raw | None:
    """The paragraph a line in small letters goes on with across a page break when smaller print (a
    notice boxed at the foot of the first page) came between: the last paragraph of the line's size
    left without a final stop on an earlier page, with only smaller print after it."""
    if kind != "paragraph" or not line.text[:1].islower():
        return None
    for back in range(1, min(4, len(blocks)) + 1):
        b = blocks[-back]
        if b.last is None:
            return None
        if abs(b.last.size - line.size) <= 1.0:
            ok = b.kind == "paragraph" and b.last.page < line.page and not b.text.endswith(_TERMINAL)
            return b if ok and back > 1 else None
        if b.last.size > line.size - 0.5:
            return None  # larger print between (a heading): a new start
    return None


def _without_contents(blocks: list[Raw]) -> list[Raw]:
    """Leave out a table of contents: a page of five rows or more that give a page number and nothing else."""
    numbered: dict[int, int] = {}
    for b in blocks:
        if b.kind == "row" and b.text.isdigit():
            numbered[b.page] = numbered.get(b.page, 0) + 1
    contents = {page for page, count in numbered.items() if count >= 5}
    return [b for b in blocks if not (b.kind == "row" and b.page in contents and b.text.isdigit())]


def _continues(block: Raw, line: Line, kind: str, pitch: float, edge: float, width: float) -> bool:
    prev = block.last
    if prev is None:
        return True
    if kind != block.kind or (kind == "heading" and (abs(prev.size - line.size) > 0.6 or prev.bold != line.bold)):
        return False
    if kind == "heading":
        return prev.page == line.page and 0 < line.baseline - prev.baseline < 1.6 * line.size and block.lines < 7
    if abs(prev.size - line.size) > 1.0:
        return False
    ended = prev.text.endswith(_TERMINAL)
    short = prev.x1 < edge - 2.5 * line.size
    opener = bool(_OPENER.match(line.text))
    same_column = prev.page == line.page and 0 < line.baseline - prev.baseline and abs(line.x0 - prev.x0) < prev.size * 4
    if (prev.page == line.page and abs(line.x1 - prev.x1) < line.size and min(prev.x0, line.x0) > width * 0.3
            and 0 < line.baseline - prev.baseline <= pitch * 1.45):
        return True  # lines set flush right (a signature with its title): one block
    if not same_column and prev.page == line.page and line.baseline > prev.baseline:
        return False  # set differently further down the page (a dateline, a signature): its own block
    if not same_column:  # a page or column break: go on with a sentence left unfinished
        if line.text[:1].islower():
            return True
        return not opener and (not ended or not short) and line.x0 <= prev.x0 + line.size
    if line.baseline - prev.baseline > pitch * 1.45:
        return False
    if line.x0 - prev.x0 > line.size and not (block.lines == 1 and _OPENER.match(block.text)):
        return False  # an indented first line opens a paragraph
    if ended and (short or opener):
        return False
    return True


def _row(cells: list[list[Line]], keys, words) -> list[Raw]:
    blocks = []
    for lines in cells:
        b = Raw("paragraph", lines[0].page)
        for line in lines:
            append(b, line, keys, words)
        blocks.append(b)
    if len(blocks) < 2:
        return blocks
    context = blocks[0].text
    for b in blocks[1:]:
        b.kind, b.context = "row", context
    return blocks[1:]
