"""A PDF's bytes in, its pages as positioned text lines (font size, weight, superscript markers) out."""
from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as raw

MAX_PAGES = 2000
"""Pages read at most; a longer file is refused (a report, not a book scan, is expected)."""
MAX_CHARS = 4_000_000
"""Characters read at most over the whole file: bounds time and memory whatever the file claims."""
_SUP_SIZE = 0.85  # a superscript is set at most this fraction of the line's size...
_SUP_RAISE = 0.18  # ...and its baseline raised by at least this fraction of it
_UNIT_END = re.compile(r"(?:\b|\d)(?:m|km|cm|mm|ft|mi|in)$")  # km2 is a unit, not note 2
_OPENER = re.compile(r"^(?:\(?\d{1,3}[.)]|\(?[a-z]{1,4}\)|\(?[ivxIVX]{1,5}[.)]|[A-Z][.)]|[•▪◦●■\-–—*])$")
BOLD, ITALIC = 1, 2  # a character's style bits
_LEADER = re.compile(r"(?:\s?\.){4,}\s?")
_GAP = 1.6  # a horizontal jump wider than this many font sizes separates two cells of a line


@dataclass
class Line:
    """One line of text (or one cell of a line with wide gaps) on a page, in top-down coordinates."""

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    bold: bool
    markers: list[tuple[int, str]] = field(default_factory=list)
    """(offset in text, label) of superscript note markers removed from the text."""
    lead: str | None = None
    """A superscript label opening the line (a footnote's own number)."""
    cells: int = 1
    """How many cells share this line's baseline (more than one: a table row or a letterhead)."""
    cell: int = 0
    role: str = "body"
    emphasis: list[tuple[int, int]] = field(default_factory=list)
    """Italic spans (start, end) in text."""
    """What the line turned out to be: body, furniture (running head, page number), cover or note."""


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    chars: int


def _direct(fn, restype, *argtypes):
    """pdfium's function `fn` called with plain addresses: the per-character calls are most of the
    reading time, and pypdfium2's handle conversion doubled their cost."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


_P, _I, _D = ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_double)
_unicode = _direct(raw.FPDFText_GetUnicode, ctypes.c_uint, _P, _I)
_origin = _direct(raw.FPDFText_GetCharOrigin, _I, _P, _I, _D, _D)
_box = _direct(raw.FPDFText_GetCharBox, _I, _P, _I, _D, _D, _D, _D)
_text_object = _direct(raw.FPDFText_GetTextObject, _P, _P, _I)


class _Fonts:
    """Size and weight of each text object, asked of pdfium once per object, not once per character."""

    def __init__(self) -> None:
        self.cache: dict[int, tuple[float, bool]] = {}
        self.buf = ctypes.create_string_buffer(128)
        self.matrix = raw.FS_MATRIX()

    def of(self, textpage, key: int, index: int) -> tuple[float, int]:
        """Size and style of the text object at address `key` (of the character at `index`)."""
        obj = ctypes.c_void_p(key)
        size = raw.FPDFText_GetFontSize(textpage, index)
        if raw.FPDFText_GetMatrix(textpage, index, ctypes.byref(self.matrix)):
            m = self.matrix  # fonts set at size 1 and scaled by the text matrix are common
            scale = (m.b * m.b + m.d * m.d) ** 0.5
            if scale > 0.01:
                size *= scale
        style = 0
        font = raw.FPDFTextObj_GetFont(ctypes.cast(obj, raw.FPDF_PAGEOBJECT)) if key else None
        if font:
            n = raw.FPDFFont_GetBaseFontName(font, self.buf, len(self.buf))
            name = self.buf.raw[:max(n - 1, 0)].decode("latin-1").lower()
            if raw.FPDFFont_GetWeight(font) >= 600 or any(w in name for w in ("bold", "black", "heavy", "demi")):
                style |= BOLD
            if raw.FPDFFont_GetFlags(font) & 64 or "italic" in name or "oblique" in name:
                style |= ITALIC
        hit = (round(size, 1), style)
        return hit


def _close(page: int, chars: list, out: list[Line], right_edge) -> None:
    """Characters (ch, x, y, size, bold, right) of one visual line -> Lines, one per cell."""
    while chars and chars[-1][0] == " ":
        chars.pop()
    while chars and chars[0][0] == " ":
        chars.pop(0)
    if not chars:
        return
    sizes = Counter(c[3] for c in chars)  # (a space has the size of the character before it)
    size = max(sizes, key=sizes.__getitem__)
    ys = Counter(c[2] for c in chars if c[3] == size)
    baseline = max(ys, key=ys.__getitem__)
    # cut at wide gaps into cells
    cells, cur, prev = [], [], chars[0]
    gap = _GAP * size
    for c in chars:
        if c[1] - prev[5] > gap and c[0] != " ":
            cells.append(cur)
            cur = []
        if c[0] != " ":
            prev = c
        cur.append(c)
    cells.append(cur)
    if len(cells) > 1 and _OPENER.match("".join(c[0] for c in cells[0]).strip()):
        cells[0:2] = [cells[0] + [(" ",) + cells[0][-1][1:]] + cells[1]]  # "1.<tab>Text" is one paragraph's line
    made = []
    for cell in cells:
        line = _line(page, cell, size, baseline, right_edge)
        if line is not None:
            made.append(line)
    for i, line in enumerate(made):
        line.cells, line.cell = len(made), i
    out.extend(made)


def _line(page: int, chars: list, size: float, baseline: float, right_edge) -> Line | None:
    while chars and chars[-1][0] == " ":
        chars.pop()
    while chars and chars[0][0] == " ":
        chars.pop(0)
    if not chars:
        return None
    text: list[str] = []
    markers: list[tuple[int, str]] = []
    lead = None
    length = 0
    i = 0
    bold = sum(c[4] & BOLD for c in chars) * 2 > len(chars)
    small = size * _SUP_SIZE
    if not any(c[3] <= small or c[4] & ITALIC for c in chars):  # plain text: the common case, quickly
        s = " ".join("".join(c[0] for c in chars).split())
        if "..." in s or ". . ." in s:
            s = _LEADER.sub(" ", s).strip()
        return Line(page, s, chars[0][1], right_edge(chars[-1][6]), baseline - size, baseline + size * 0.25,
                    baseline, size, bold) if s else None
    emphasis: list[list[int]] = []
    while i < len(chars):
        c = chars[i]
        sup = c[0] != " " and c[3] <= size * _SUP_SIZE and c[2] - baseline >= size * _SUP_RAISE
        if sup:
            j = i
            while j < len(chars) and chars[j][0] != " " and chars[j][3] <= size * _SUP_SIZE \
                    and chars[j][2] - baseline >= size * _SUP_RAISE:
                j += 1
            labels = _labels("".join(ch[0] for ch in chars[i:j]))
            if labels and not (labels in (["2"], ["3"]) and _UNIT_END.search("".join(text[-4:]))):
                if length == 0:
                    lead, labels = labels[0], labels[1:]
                markers.extend((length, label) for label in labels)
                i = j
                continue
        ch = c[0]
        if ch == " " and (not text or text[-1] == " "):
            i += 1
            continue
        if c[4] & ITALIC and ch != " ":
            if emphasis and emphasis[-1][1] >= length - 1 and (emphasis[-1][1] == length or text[-1] == " "):
                emphasis[-1][1] = length + 1
            else:
                emphasis.append([length, length + 1])
        text.append(ch)
        length += 1
        i += 1
    s = "".join(text).rstrip()
    if "..." in s or ". . ." in s:
        s = _LEADER.sub(" ", s).strip()  # dot leaders of a table of contents or a list of members
    if not s and lead is None:
        return None
    lead_text = s.lstrip()
    cut = len(s) - len(lead_text)
    markers = [(max(0, min(off - cut, len(lead_text))), lab) for off, lab in markers]
    spans = [(max(0, a - cut), min(b - cut, len(lead_text))) for a, b in emphasis]
    return Line(page, lead_text, chars[0][1], right_edge(chars[-1][6]), baseline - size, baseline + size * 0.25,
                baseline, size, bold, markers, lead, emphasis=[(a, b) for a, b in spans if a < b])


def _labels(run: str) -> list[str]:
    """The note labels in a run of superscript characters: "3", "4,5", or "2324" (calls set side by
    side, read as the consecutive numbers 23 and 24); [] when the run is not note markers."""
    out: list[str] = []
    for part in run.strip(",").split(","):
        if _is_marker(part):
            out.append(part)
        elif part.isdigit() and len(part) <= 12:
            for k in (1, 2, 3):
                first, seq = int(part[:k]), []
                while len("".join(seq)) < len(part):
                    seq.append(str(first + len(seq)))
                if "".join(seq) == part and part[0] != "0":
                    out.extend(seq)
                    break
            else:
                return []
        else:
            return []
    return out


def _is_marker(label: str) -> bool:
    return (label.isdigit() and len(label) <= 3) or label in ("*", "†", "‡", "§") or \
        (label.isalpha() and label.islower() and len(label) == 1)


def _page_lines(page_no: int, page, budget: int) -> Page:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        n = min(raw.FPDFText_CountChars(textpage), budget)
        fonts = _Fonts()
        cache = fonts.cache
        handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
        x, y = ctypes.c_double(), ctypes.c_double()
        l, r, b, t = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
        px, py, pl, pr, pb, pt = (ctypes.pointer(v) for v in (x, y, l, r, b, t))
        buffer = (ctypes.c_ushort * (n + 1))()
        got = raw.FPDFText_GetText(textpage, 0, n, buffer) if n else 0
        codes = buffer[:n]
        # one UTF-16 unit per character unless the page has characters beyond the BMP
        bulk = got == n + 1 and not any(0xD800 <= c <= 0xDFFF for c in codes)

        def right_edge(index: int) -> float:
            _box(handle, index, pl, pr, pb, pt)
            return r.value
        lines: list[Line] = []
        chars: list = []
        ref_y = ref_size = None
        last_x = prev_key = None
        size = bold = cy = right = 0
        for i in range(n):
            u = codes[i] if bulk else _unicode(handle, i)
            if u in (10, 13):
                _close(page_no, chars, lines, right_edge)
                chars, ref_y, last_x, prev_key = [], None, None, None
                continue
            if u in (0, 2, 0xFFFE, 0xFFFF) or (0xD800 <= u <= 0xDFFF):
                if u == 2 or u == 0xFFFE:  # pdfium's mark for a hyphen ending a line
                    u = 0x2D
                else:
                    continue
            ch = chr(u)
            if ch.isspace() or u == 0xA0:
                if chars:
                    last = chars[-1]
                    chars.append((" ", last[5], last[2], last[3], last[4], last[5], last[6]))
                prev_key = None
                continue
            _origin(handle, i, px, py)
            cx, y_now = x.value, y.value - height  # larger = higher on the page, as in PDF space
            if prev_key is None or y_now != cy or cx < right - size:
                # a word's first glyph, or one raised, lowered or set back: its font may differ
                # (the rest of a word on one baseline keeps its first glyph's font)
                key = _text_object(handle, i) or 0
                style = cache.get(key)
                if style is None:
                    style = cache[key] = fonts.of(textpage, key, i)
                size, bold = style
                prev_key = key
            cy = y_now
            right = cx + 0.5 * size  # about a glyph's width: the true right edge is asked at a line's end
            if ref_y is not None:
                big = max(size, ref_size)
                if abs(cy - ref_y) > 0.75 * big or (last_x is not None and cx < last_x - 2 * big):
                    _close(page_no, chars, lines, right_edge)
                    chars, ref_y = [], None
            if ref_y is None or (size > ref_size and abs(cy - ref_y) < 0.3 * size):
                ref_y, ref_size = cy, size
            last_x = right
            chars.append((ch, cx, cy, size, bold, right, i))
        _close(page_no, chars, lines, right_edge)
    finally:
        textpage.close()
    for line in lines:  # back to top-down coordinates
        line.baseline = -line.baseline
        line.top, line.bottom = line.baseline - line.size, line.baseline + line.size * 0.25
    return Page(page_no, width, height, _mended(lines), n)


def _lone_label(line: Line, other: Line) -> bool:
    """Is `line` only a superscript note number standing beside `other` (pdfium cut it off)?"""
    raise_ = other.baseline - line.baseline  # top-down: a raised label has a smaller baseline
    return (line.cells == 1 and _is_marker(line.text) and not line.markers and line.size <= other.size * _SUP_SIZE
            and 0 < raise_ <= other.size * 0.9)


def _mended(lines: list[Line]) -> list[Line]:
    """Join pieces of one line that pdfium cut apart (after a superscript, a font change)."""
    lines = _labels_attached(lines)
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and not line.text.strip(". ") and abs(prev.baseline - line.baseline) < 1.5:
            prev.x1 = max(prev.x1, line.x1)  # a dot of a leader pdfium set apart
            continue
        if (prev is not None and prev.cells == 1 and line.cells == 1 and abs(prev.baseline - line.baseline) < 1.5
                and abs(prev.size - line.size) < 0.6 and -1 <= line.x0 - prev.x1 < _GAP * line.size):
            k = len(prev.text) + 1
            prev.markers.extend((off + k, lab) for off, lab in line.markers)
            prev.emphasis.extend((a + k, b + k) for a, b in line.emphasis)
            if line.lead:
                prev.markers.append((len(prev.text), line.lead))
            prev.text = f"{prev.text} {line.text}" if line.text else prev.text
            prev.x1 = line.x1
            continue
        out.append(line)
    return _rows(out)


def _rows(lines: list[Line]) -> list[Line]:
    """Lines side by side on one baseline (pieces pdfium gave apart, left to right) are the cells of one row."""
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and abs(lines[j].baseline - lines[i].baseline) < 1.5 and lines[j].x0 > lines[j - 1].x1:
            j += 1
        if j - i > 1:
            for k in range(i, j):
                lines[k].cells, lines[k].cell = j - i, k - i
        i = j
    return lines


def _labels_attached(lines: list[Line]) -> list[Line]:
    """A superscript number pdfium set on a line of its own goes back to the line it marks: as the
    label opening the text to its right (a note's number) or as a marker after the text to its left."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        prev = out[-1] if out else None
        if nxt is not None and _lone_label(line, nxt) and -1 <= nxt.x0 - line.x1 < 2 * nxt.size and nxt.lead is None:
            nxt.lead = line.text
            i += 1
            continue
        if prev is not None and _lone_label(line, prev) and -1 <= line.x0 - prev.x1 < 2 * prev.size:
            prev.markers.append((len(prev.text), line.text))
            prev.x1 = max(prev.x1, line.x1)
            i += 1
            continue
        out.append(line)
        i += 1
    return out


def metadata(pdf) -> dict[str, str]:
    try:
        return {k: " ".join(str(v).split()) for k, v in pdf.get_metadata_dict().items() if v and str(v).strip()}
    except Exception:  # noqa: BLE001 - broken metadata is no reason to refuse the text
        return {}


def read_pages(pdf) -> list[Page]:
    """Lines of every page of an opened PdfDocument, within MAX_CHARS."""
    pages = []
    budget = MAX_CHARS
    for i in range(len(pdf)):
        page = pdf[i]
        try:
            got = _page_lines(i + 1, page, budget)
        finally:
            page.close()
        pages.append(got)
        budget -= got.chars
        if budget <= 0:
            break
    return pages


__all__ = ["Line", "MAX_CHARS", "MAX_PAGES", "Page", "metadata", "pdfium", "read_pages"]
