"""A PDF's bytes and its `Source` in, a `Document` out: text layer by page, page furniture and cover
matter left out, footnotes linked to their markers, every block and note keeping its page."""
from __future__ import annotations

import dataclasses
import re
from collections import Counter

from analysis.errors import SourceError
from analysis.model.document import Document, Source
from analysis.readers.common import DocBuilder, Inline, any_date
from analysis.readers.plaintext import speaker

from . import layout
from .blocks import Raw, append, build, vocabulary
from .furniture import heading_style, mark_cover, mark_furniture
from .layout import MAX_PAGES, Page, pdfium
from .limits import check_inflation
from .notes import mark_notes, note_kind, resolver

MAX_BYTES = 100_000_000
"""The largest PDF read, in bytes."""
_MIN_TEXT = 20  # fewer letters than this per page on average: no usable text layer


def _open(data: bytes, shown: str):
    if len(data) > MAX_BYTES:
        raise SourceError(f"{shown} is {len(data) / 1e6:.0f} MB; the limit for a PDF is {MAX_BYTES / 1e6:.0f} MB")
    if not data.lstrip()[:1024].count(b"%PDF"):
        raise SourceError(f"{shown} is not a PDF (no %PDF header)")
    check_inflation(data, shown)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == 4:  # FPDF_ERR_PASSWORD
            raise SourceError(f"{shown} is encrypted (password-protected); save an unprotected copy first") from None
        if exc.err_code == 6:  # FPDF_ERR_SECURITY
            raise SourceError(f"{shown} uses an unsupported encryption; save an unprotected copy first") from None
        raise SourceError(f"{shown} is damaged or truncated and cannot be read as a PDF") from None
    except Exception:  # noqa: BLE001 - whatever the library says, the user gets one line
        raise SourceError(f"{shown} is damaged or truncated and cannot be read as a PDF") from None
    return pdf


def _pages(data: bytes, shown: str) -> tuple[list[Page], dict[str, str]]:
    pdf = _open(data, shown)
    try:
        count = len(pdf)
        if count == 0:
            raise SourceError(f"{shown} has no pages")
        if count > MAX_PAGES:
            raise SourceError(f"{shown} has {count:,} pages; the limit is {MAX_PAGES:,}")
        return layout.read_pages(pdf), layout.metadata(pdf)
    except SourceError:
        raise
    except Exception:  # noqa: BLE001
        raise SourceError(f"{shown} is damaged and its pages cannot be read") from None
    finally:
        pdf.close()


def _body_size(pages: list[Page]) -> tuple[float, bool]:
    """The size of most of the text, and whether most of it is bold."""
    sizes: Counter = Counter()
    bold = plain = 0
    for page in pages:
        for line in page.lines:
            if line.role == "body":
                sizes[line.size] += len(line.text)
                bold += len(line.text) if line.bold else 0
                plain += 0 if line.bold else len(line.text)
    return (sizes.most_common(1)[0][0] if sizes else 10.0), bold > plain


def _levels(pages: list[Page], body_size: float, bold_body: bool):
    """Heading style of a line -> level: larger sizes first, bold before plain, at most four levels."""
    styles = sorted({(l.size, l.bold) for p in pages for l in p.lines
                     if l.role == "body" and heading_style(l, body_size, bold_body)}, reverse=True)
    rank = {s: min(i + 1, 4) for i, s in enumerate(styles)}
    widths = {p.number: p.width for p in pages}  # a bold line set right (a signature) is no heading

    def level(line) -> int:
        if not heading_style(line, body_size, bold_body) or len(line.text.split()) > 25 or line.x0 > widths[line.page] / 2:
            return 0
        if line.text.endswith(".") and len(line.text.split()) > 12:
            return 0  # a bold sentence is a paragraph
        return rank.get((line.size, line.bold), 0)

    return level


def _info_date(value: str | None) -> str | None:
    m = re.match(r"^D:(\d{4})(\d{2})?(\d{2})?", value or "")
    if not m:
        return None
    y, mo, d = m.groups()
    if not mo or not 1 <= int(mo) <= 12:
        return y
    return f"{y}-{mo}" + (f"-{d}" if d and 1 <= int(d) <= 31 else "")


def _info_title(value: str | None) -> str | None:
    """A document-information title worth showing: not a file name or a word processor's placeholder."""
    if not value or len(value.split()) < 2 or re.search(r"\.(?:docx?|pdf|indd|rtf|odt)$|^microsoft word", value, re.I):
        return None
    return value


def _info_author(value: str | None) -> str | None:
    """A document-information author that reads as a name (two words or more), not a user id."""
    if not value or len(re.findall(r"[^\W\d_]{2,}", value)) < 2 or re.search(r"\d", value):
        return None
    return value


_SMALL_PRINT = 0.88


def read_pdf(data: bytes, source: Source) -> Document:
    """Read a PDF's text layer; SourceError (one line naming the file) when it has none or cannot be opened."""
    shown = source.path
    pages, info = _pages(data, shown)
    letters = sum(sum(c.isalnum() for c in l.text) for p in pages for l in p.lines)
    if letters < _MIN_TEXT * len(pages) and letters < 200:
        raise SourceError(f"{shown} has no text layer (a scanned PDF?); run OCR on it first (e.g. ocrmypdf) "
                          "or give its text as a .txt file")
    try:
        return _document(pages, info, source)
    except Exception as exc:  # noqa: BLE001 - a layout we did not foresee is a warning, not a traceback
        return Document(id=source.id, path=source.path, genre="pdf", title=source.title,
                        warnings=(f"{shown}: could not be laid out as text ({type(exc).__name__}: {exc})",))


def _document(pages: list[Page], info: dict[str, str], source: Source) -> Document:
    mark_furniture(pages)
    body_size, bold_body = _body_size(pages)
    cover = mark_cover(pages, body_size, bold_body)
    notes = mark_notes(pages, body_size)
    keys = resolver(notes)
    words = vocabulary(pages)
    blocks = build(pages, body_size, _levels(pages, body_size, bold_body), keys, words)

    doc = DocBuilder(source, "pdf")
    placed: list[tuple[str, int]] = []  # (text, page) of every block added, in order
    _speaker_turns(blocks)
    for b in blocks:
        size = len(b.text)
        emphasis = tuple((a, min(e, size)) for a, e in b.emphasis if a < min(e, size))
        inline = Inline(b.text, notes=tuple(b.notes), emphasis=emphasis)
        turn = b.kind == "paragraph" and b.context
        # print well below the body's (a boxed notice on corrections, a table's labels) is nobody's words
        small = b.kind == "paragraph" and b.last is not None and b.last.size < body_size * _SMALL_PRINT
        role = "small-print" if small else "speaker-turn" if turn else None
        doc.add(b.kind, inline, level=b.level, context=None if small else b.context, role=role)
        placed.append((b.text, b.page))
    note_pages: dict[tuple[str, str], list[int]] = {}
    for note in notes:
        raw = Raw("note", note.page)
        for line in note.lines:
            append(raw, line, keys, words)
        if raw.text:
            doc.define_note(note.key, note.label, Inline(raw.text), kind=note_kind(raw.text))
            note_pages.setdefault((note.label, " ".join(raw.text.split())), []).append(note.page)
    symbol = cover["symbol"]
    # a document with a symbol is issued by an organisation: its file's author is whoever typed it
    author = cover["author"] or (None if symbol else _info_author(info.get("Author")))
    date = cover["date"] or any_date(cover["title"] or "") or _info_date(info.get("CreationDate"))
    title = cover["title"] or _info_title(info.get("Title"))
    document = doc.finish(title=title, author=author, date=date, symbol=symbol)
    return _with_pages(document, placed, note_pages)


def _speaker_turns(blocks) -> None:
    """A meeting record or press release (four speakers or more named in capitals, as the plain-text
    reader finds them): each paragraph's context is the speaker whose turn it is in."""
    named = {id(b): speaker(b.text) for b in blocks if b.kind == "paragraph"}
    if len({s for s in named.values() if s}) < 4:
        return
    context = None
    for b in blocks:
        if b.kind == "heading":
            context = None
        elif b.kind == "paragraph":
            context = named.get(id(b)) or context
            b.context = context


def _with_pages(document: Document, placed: list[tuple[str, int]], note_pages) -> Document:
    """Give each finished block the page of the text it came from (a long block cut in parts keeps it)."""
    out = []
    it = iter(placed)
    remaining, page = "", None
    for block in document.blocks:
        if not remaining:
            text, page = next(it, ("", None))
            remaining = " ".join(text.split())
            while remaining and not remaining.startswith(block.text[:20]):
                text, page = next(it, ("", None))
                remaining = " ".join(text.split())
        remaining = remaining[len(block.text):].lstrip()
        out.append(dataclasses.replace(block, page=page))
    footnotes = []
    for note in document.footnotes:
        found = note_pages.get((note.label, note.text)) or [None]
        footnotes.append(dataclasses.replace(note, page=found.pop(0) if len(found) > 1 else found[0]))
    return dataclasses.replace(document, blocks=tuple(out), footnotes=tuple(footnotes))


__all__ = ["MAX_BYTES", "MAX_PAGES", "read_pdf"]
