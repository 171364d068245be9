"""Lines of every page in, the same lines with running heads, page numbers and cover matter marked out."""
from __future__ import annotations

import re
from collections import Counter

from analysis.readers.common import any_date, norm

from .layout import Line, Page

_TOP, _BOTTOM = 0.085, 0.92  # the page's head and foot margins, as fractions of its height
_PAGE_NUMBER = re.compile(r"^(?:page\s+|p\.\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$|"
                          r"^[ivxlc]{1,7}$", re.I)
# print-job numbers and barcodes: digit runs with at most a language letter, no words
_JOB_NUMBER = re.compile(r"^\*?\d[\d*\-–/ ]{4,}\*?(?:\s*\([A-Z]\))?(?:\s+\d{4,})*\s*\*?$")
SYMBOL = re.compile(r"^[A-Z]{1,8}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+(?: \(\d{4}\))?$")
_TERMINAL = tuple(".!?;:")


def shape(text: str) -> str:
    """A line's words with every number as #: "Page 3 of 9" and "Page 4 of 9" are one running line."""
    return re.sub(r"\d+", "#", norm(text))


def _margin(line: Line, page: Page) -> bool:
    return line.baseline < page.height * _TOP or line.top > page.height * _BOTTOM


def is_symbol(text: str) -> bool:
    return bool(SYMBOL.match(text)) and any(c.isdigit() for c in text)


def mark_furniture(pages: list[Page]) -> None:
    """Running heads and feet (repeated in the margins of two or more pages), page numbers, job numbers."""
    seen: Counter = Counter()
    for page in pages:
        seen.update({shape(l.text) for l in page.lines if _margin(l, page)})
    repeated = len(pages) > 1
    for page in pages:
        for line in page.lines:
            if not _margin(line, page):
                if _PAGE_NUMBER.match(line.text) and line.cells == 1 and not line.markers:
                    # a bare number between paragraphs is a page number only on its own, far from text
                    line.role = "furniture" if line.baseline > page.height * 0.85 else line.role
                continue
            text = line.text
            if (_PAGE_NUMBER.match(text) or _JOB_NUMBER.match(text) or is_symbol(text)
                    or (len(text.split()) <= 4 and not text.endswith(_TERMINAL) and page.number > 1)
                    or (repeated and seen[shape(text)] >= 2 and len(text.split()) <= 15)):
                line.role = "furniture"


def heading_style(line: Line, body_size: float, bold_body: bool) -> bool:
    return line.size >= body_size * 1.12 or (line.bold and not bold_body and line.size >= body_size * 0.95)


def mark_cover(pages: list[Page], body_size: float, bold_body: bool) -> dict:
    """Letterhead, distribution and byline lines of the first page become cover matter; returns what
    they say: symbol, title (and its lines), date, author."""
    found: dict = {"symbol": None, "title": None, "date": None, "author": None, "title_lines": []}
    if not pages:
        return found
    first = pages[0]
    for line in first.lines:
        if line.baseline < first.height * 0.3 and is_symbol(line.text) and not found["symbol"]:
            found["symbol"] = line.text
    lines = sorted((l for l in first.lines if l.role == "body"), key=lambda l: (l.baseline, l.x0))
    title_at = next((i for i, l in enumerate(lines) if heading_style(l, body_size, bold_body)
                     and len(l.text.split()) >= 3 and l.cells == 1 and not l.text.endswith(".")), None)
    if title_at is None:
        return found
    title = lines[title_at]
    group = [title]
    for l in lines[title_at + 1:]:
        if abs(l.size - title.size) < 0.6 and l.bold == title.bold and l.baseline - group[-1].baseline < 1.6 * l.size:
            group.append(l)
        else:
            break
    found["title"] = " ".join(l.text for l in group)
    found["title_lines"] = group
    above = [l for l in lines[:title_at] if len(l.text.split()) <= 10]
    if len(above) == title_at:  # only short lines above the title: a letterhead, not running text
        for l in above:
            l.role = "cover"
            found["date"] = found["date"] or any_date(l.text)
    after = lines[title_at + len(group):]
    for l in after[:4]:  # a byline and a dateline under the title
        text = l.text
        by = re.match(r"^(?:by|authors?:|written by|prepared by)\s+(.+)$", text, re.I)
        if by and len(text.split()) <= 10:
            found["author"] = found["author"] or by.group(1).split(",")[0].strip(" .")
            l.role = "cover"
        elif any_date(text) and len(text.split()) <= 6 and not text.endswith(_TERMINAL[:3]):
            found["date"] = found["date"] or any_date(text)
            l.role = "cover"
        else:
            break
    return found
