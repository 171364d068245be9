"""A Word (DOCX) or OpenDocument (ODT) file's bytes and its `Source` in, a `Document` out, through pandoc.

pandoc (shipped by pypandoc-binary) turns the file into its JSON syntax tree, walked here into
blocks: headings, paragraphs, list items, quotations (role quotation), table rows led by their
first cell, and footnotes as notes. Tracked changes are accepted (deleted text is left out) and
comments are dropped. Before pandoc sees the file, the archive is checked: a ZIP whose parts
inflate beyond a bound (a zip bomb) or whose XML declares a DOCTYPE or entities (external
entities could name other files) is refused. pandoc runs with --sandbox (it reads no file and
opens no connection), a heap limit and a time limit.
"""
from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile

from analysis.errors import SourceError
from analysis.model.document import Document, Source
from analysis.readers.common import DocBuilder, Inline, InlineBuilder, any_date, link_target, note_kind
from analysis.readers.plaintext import SpeakerTurns

MAX_INFLATED = 300_000_000
"""Bytes all parts of the archive may inflate to: real documents are far below, a zip bomb far above."""
MAX_RATIO = 200
"""Largest compression ratio of one sizeable part (text XML compresses about 10:1)."""
MAX_PARTS = 20_000
TIMEOUT = 120
HEAP = "1024m"
_DECLARATION = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)


def _check_archive(data: bytes, shown: str, what: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise SourceError(f"{shown} is not a readable {what} (a damaged or truncated ZIP archive)") from None
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            raise SourceError(f"{shown} holds {len(parts):,} parts; a {what} this size is not a document")
        total = 0
        for part in parts:
            total += part.file_size
            if part.file_size > 1_000_000 and part.file_size > MAX_RATIO * max(part.compress_size, 1):
                raise SourceError(f"{shown} inflates {part.filename} {part.file_size // max(part.compress_size, 1)}-fold "
                                  f"(a zip bomb?); it was not read")
        if total > MAX_INFLATED:
            raise SourceError(f"{shown} would inflate to {total / 1e6:.0f} MB (a zip bomb?); it was not read")
        for part in parts:
            if not part.filename.lower().endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(part) as handle:
                    head = handle.read(65_536)  # the prolog, where a DOCTYPE must stand
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
                raise SourceError(f"{shown} is not a readable {what} ({part.filename}: {exc})") from None
            if _DECLARATION.search(head):  # text can hold "<!DOCTYPE" only escaped: this is markup
                raise SourceError(f"{shown} declares XML entities or a DOCTYPE in {part.filename} "
                                  "(they can point at other files); it was not read")


def _pandoc(data: bytes, shown: str, reader: str) -> dict:
    import pypandoc

    args = [pypandoc.get_pandoc_path(), "+RTS", f"-M{HEAP}", "-RTS", "--sandbox", "-f", reader,
            "-t", "json", "--track-changes=accept"]
    try:
        proc = subprocess.run(args, input=data, capture_output=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise SourceError(f"{shown} took more than {TIMEOUT} s to convert; it was not read") from None
    except OSError as exc:
        raise SourceError(f"{shown} cannot be read: pandoc could not be started ({exc.strerror})") from None
    if proc.returncode != 0:
        message = " ".join(proc.stderr.decode("utf-8", "replace").split())[:160] or f"exit code {proc.returncode}"
        raise SourceError(f"{shown} could not be read by pandoc ({message})")
    return json.loads(proc.stdout)


# ---------------------------------------------------------------- the syntax tree -> blocks
_MARKER = re.compile(r"^\[?(\d{1,3}|[*\u2020\u2021])\]?$")
_QUOTES = {"DoubleQuote": ("\u201c", "\u201d"), "SingleQuote": ("\u2018", "\u2019")}


class _Walk:
    def __init__(self, doc: DocBuilder):
        self.doc = doc
        self.notes = 0
        self.turns = SpeakerTurns()

    def inline(self, inlines: list) -> Inline:
        b = InlineBuilder()
        self._inlines(inlines, b)
        return b.build()

    def _inlines(self, inlines: list, b: InlineBuilder) -> None:
        for node in inlines:
            t, c = node.get("t"), node.get("c")
            if t == "Str":
                b.text(c)
            elif t in ("Space", "SoftBreak", "LineBreak"):
                b.text(" ")
            elif t in ("Emph", "Strong", "Underline"):
                span = b.open("emphasis")
                self._inlines(c, b)
                b.close(span)
            elif t == "Superscript" and _MARKER.match(self.inline(c).text):
                b.removed()  # a note number typed as a superscript, not a footnote: it is not a word of the text
            elif t in ("SmallCaps", "Strikeout", "Superscript", "Subscript"):
                self._inlines(c, b)
            elif t == "Span":
                self._inlines(c[1], b)
            elif t == "Cite":
                self._inlines(c[1], b)
            elif t == "Quoted":
                left, right = _QUOTES.get(c[0]["t"], ("\u201c", "\u201d"))
                b.text(left)
                self._inlines(c[1], b)
                b.text(right)
            elif t == "Link":
                target = link_target(c[2][0])
                span = b.open("link", target) if target else None
                self._inlines(c[1], b)
                if span is not None:
                    b.close(span)
            elif t in ("Code", "Math"):
                b.text(c[-1])
            elif t == "Note":
                self.notes += 1
                key = f"docx:{self.notes}"
                body = self._flat(c)
                self.doc.define_note(key, str(self.notes), body, kind=note_kind(body))
                b.note(key)
            else:  # Image, RawInline: nothing a reader sees as text of the document
                b.removed()

    def _flat(self, blocks: list) -> Inline:
        """Blocks (a note, a list item, a table cell) as one run of text."""
        out = Inline("")
        for block in blocks:
            t, c = block.get("t"), block.get("c")
            if t in ("Para", "Plain", "Header"):
                out = out.join(self.inline(c if t != "Header" else c[2]))
            elif t in ("BulletList", "OrderedList"):
                for item in (c if t == "BulletList" else c[1]):
                    out = out.join(self._flat(item))
            elif t in ("BlockQuote", "Div"):
                out = out.join(self._flat(c if t == "BlockQuote" else c[1]))
            elif t == "LineBlock":
                for line in c:
                    out = out.join(self.inline(line))
        return out

    def blocks(self, blocks: list, role: str | None = None) -> None:
        for block in blocks:
            t, c = block.get("t"), block.get("c")
            if t == "Header":
                self.doc.add("heading", self.inline(c[2]), level=c[0])
                self.turns.heading()
            elif t in ("Para", "Plain"):
                self.paragraph("paragraph", self.inline(c), role)
            elif t == "LineBlock":
                for line in c:
                    self.paragraph("paragraph", self.inline(line), role)
            elif t in ("BulletList", "OrderedList"):
                for item in (c if t == "BulletList" else c[1]):
                    nested = [b for b in item if b.get("t") in ("BulletList", "OrderedList")]
                    self.paragraph("item", self._flat([b for b in item if b not in nested]), role)
                    self.blocks(nested, role)
            elif t == "BlockQuote":
                self.blocks(c, "quotation")
            elif t == "Div":
                self.blocks(c[1], role)
            elif t == "DefinitionList":
                for term, definitions in c:
                    self.doc.add("paragraph", self.inline(term), role=role)
                    for definition in definitions:
                        self.blocks(definition, role)
            elif t == "Table":
                self.table(c)
            elif t == "Figure":
                self.blocks(c[2], role)

    def paragraph(self, kind: str, inline: Inline, role: str | None) -> None:
        turn = self.turns.paragraph(inline.text) if role is None and inline.text else None
        self.doc.add(kind, inline, role="speaker-turn" if turn else role, context=turn)

    def table(self, c: list) -> None:
        head, bodies, foot = c[3], c[4], c[5]
        rows = list(head[1])
        for body in bodies:
            rows += body[2] + body[3]
        rows += foot[1]
        for row in rows:
            cells = [self._flat(cell[4]) for cell in row[1]]
            if len(cells) < 2:
                for cell in cells:
                    self.doc.add("paragraph", cell)
                continue
            context = cells[0].text or None
            for cell in cells[1:]:
                self.doc.add("row" if context else "paragraph", cell, context=context)


def _meta_text(value) -> str | None:
    if not value:
        return None
    t, c = value.get("t"), value.get("c")
    if t == "MetaInlines":
        return _Walk(DocBuilder(Source(id="m", path="m"), "docx")).inline(c).text or None
    if t == "MetaString":
        return c.strip() or None
    if t == "MetaList":
        names = [_meta_text(v) for v in c]
        return "; ".join(n for n in names if n) or None
    if t == "MetaBlocks":
        return _Walk(DocBuilder(Source(id="m", path="m"), "docx"))._flat(c).text or None
    return None


def _date(text: str | None) -> str | None:
    if not text:
        return None
    m = re.match(r"(\d{4})(-\d\d)?(-\d\d)?", text)
    return m.group(0) if m else any_date(text)


def _read(data: bytes, source: Source, genre: str, what: str) -> Document:
    _check_archive(data, source.path, what)
    tree = _pandoc(data, source.path, genre)
    doc = DocBuilder(source, genre)
    _Walk(doc).blocks(tree.get("blocks", []))
    meta = tree.get("meta", {})
    found = {key: _meta_text(meta.get(key)) for key in ("title", "author", "date")}
    if genre == "odt":  # pandoc leaves an ODT's meta.xml unread
        found.update({key: found[key] or value for key, value in _odt_meta(data).items()})
    return doc.finish(cover=True, title=found["title"], author=found["author"], date=_date(found["date"]))


_ODT_FIELDS = {"title": rb"<dc:title>([^<]{1,500})</dc:title>",
               "author": rb"<(?:dc:creator|meta:initial-creator)>([^<]{1,200})</"}
"""No date: meta.xml keeps when the file was made and saved, not when the document was issued."""


def _odt_meta(data: bytes) -> dict[str, str | None]:
    """Title and author from an ODT's meta.xml (already checked by _check_archive)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("meta.xml") as handle:
            xml = handle.read(200_000)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, RuntimeError):
        return {key: None for key in _ODT_FIELDS}
    out = {}
    for key, pattern in _ODT_FIELDS.items():
        m = re.search(pattern, xml)
        out[key] = " ".join(m.group(1).decode("utf-8", "replace").split()) or None if m else None
    return out


def read_docx(data: bytes, source: Source) -> Document:
    """Read a Word document (DOCX)."""
    return _read(data, source, "docx", "DOCX document")


def read_odt(data: bytes, source: Source) -> Document:
    """Read an OpenDocument text (ODT)."""
    return _read(data, source, "odt", "ODT document")
