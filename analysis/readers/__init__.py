"""A source file (or text) and its `Source` in, a `Document` out: the literal reader registry, sniffing and
genre detection.

Adding a format is one module exposing ``read_x(text_or_bytes, source) -> Document`` plus one line in READERS.
Readers of binary formats take the file's bytes; text readers take the text load.decode_text made of them.
"""
from __future__ import annotations

import dataclasses
import importlib
import io
import pathlib
import re
import zipfile
from dataclasses import dataclass
from typing import Callable

from analysis.errors import SourceError
from analysis.model.document import Document, Source
from analysis.readers.load import binary_kind, decode_text, load_bytes, too_large
from analysis.readers.markdown import read_markdown
from analysis.readers.plaintext import read_plaintext
from analysis.readers.wikitext import read_wikitext

TEXT_LIMIT = 20_000_000
"""Largest text source, in bytes: text analysis time grows with it."""
BINARY_LIMIT = 200_000_000
"""Largest PDF/DOCX/ODT: most of such a file is images and fonts, which are not read."""


@dataclass(frozen=True, slots=True)
class Reader:
    """One input format: what its reader takes, the file names it goes by and how to recognise its bytes."""

    name: str
    """The genre a user may set in report.toml and the Document's genre."""
    takes: str
    """``text`` (decoded by load.decode_text) or ``bytes`` (the file as it is)."""
    extensions: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    """True when the bytes are surely this format, whatever the file is called."""
    read: Callable[..., Document]
    label: str = ""
    """How errors name the format (``a PDF``)."""
    magic: bytes = b""
    """How a file of this format starts, damaged or not: a damaged file named for the format and starting
    so goes to its reader, which names the damage."""


def _never(data: bytes) -> bool:
    return False


def _head(data: bytes, n: int = 2048) -> bytes:
    return data[:n].lstrip(b"\xef\xbb\xbf \t\r\n")


def _is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


def _zip_names(data: bytes) -> set[str]:
    if not data.startswith(b"PK\x03\x04"):
        return set()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return set()


def _is_docx(data: bytes) -> bool:
    return "word/document.xml" in _zip_names(data)


def _is_odt(data: bytes) -> bool:
    names = _zip_names(data)
    return "content.xml" in names and "mimetype" in names and b"opendocument.text" in data[:200]


_COMMENT_OR_DECL = re.compile(rb"\s*(?:<!--.*?-->|<\?xml[^>]*\?>)", re.S)


def _is_html(data: bytes) -> bool:
    """A page saved from a browser: after an XML declaration or comments (``saved from url``), a doctype or <html>."""
    head = _head(data, 4096)
    while True:
        m = _COMMENT_OR_DECL.match(head)
        if not m or not m.end():
            break
        head = head[m.end():]
    head = head.lstrip().lower()
    return head.startswith(b"<!doctype html") or head.startswith(b"<html")


def _lazy(module: str, function: str, what: str) -> Callable[..., Document]:
    """A reader imported when first used: its libraries load only for documents that need them, and a
    checkout without the module says the format cannot be read here."""

    def read(data, source: Source) -> Document:
        try:
            reader = getattr(importlib.import_module(f"analysis.readers.{module}"), function)
        except ImportError as exc:
            raise SourceError(f"{source.path} is {what}, but reading {what[2:]}s is unavailable here "
                              f"({exc.name or exc})") from None
        return reader(data, source)

    return read


READERS: dict[str, Reader] = {
    "pdf": Reader("pdf", "bytes", (".pdf",), _is_pdf, _lazy("pdf", "read_pdf", "a PDF"), "a PDF", b"%PDF"),
    "docx": Reader("docx", "bytes", (".docx",), _is_docx, _lazy("office", "read_docx", "a DOCX"), "a DOCX",
                   b"PK\x03\x04"),
    "odt": Reader("odt", "bytes", (".odt",), _is_odt, _lazy("office", "read_odt", "an ODT"), "an ODT",
                  b"PK\x03\x04"),
    "html": Reader("html", "text", (".html", ".htm", ".xhtml"), _is_html, _lazy("html", "read_html", "an HTML"),
                   "an HTML page"),
    "wikitext": Reader("wikitext", "text", (".wiki", ".wikitext", ".mediawiki"), _never, read_wikitext),
    "markdown": Reader("markdown", "text", (".md", ".markdown"), _never, read_markdown),
    "plaintext": Reader("plaintext", "text", (".txt", ".text"), _never, read_plaintext),
}
"""In sniffing order: formats recognised by their bytes first; the three text formats by detect_genre."""
TEXT_GENRES = ("wikitext", "markdown", "plaintext")
"""The text formats detect_genre chooses between, from markup counts."""

_EXTENSIONS = {ext: name for name in TEXT_GENRES for ext in READERS[name].extensions}
# Line-local ([ \t] where a line's own spaces are meant: a \s* after ^ runs across blank lines) and
# unambiguous (no two space runs side by side that could share the same spaces): detection took
# time cubic in the number of empty lines, and quadratic in the length of a line of spaces.
_WIKI_SIGNS = re.compile(r"\[\[|\{\{|<ref\b|^\{\||^==[^=\n].*==[ \t]*$", re.M | re.I)
_MD_SIGNS = re.compile(r"^#{1,6}[ \t]+\S|<sup>|\*\*[^*\n]+\*\*|\]\(|^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|",
                       re.M | re.I)


def detect_genre(text: str, path: str) -> str:
    """Guess the text genre from markup counts; the file extension only breaks ties."""
    sample = text[:200_000]
    if "Difference between revisions" in sample[:5000]:
        return "wikitext"
    wiki = len(_WIKI_SIGNS.findall(sample))
    md = len(_MD_SIGNS.findall(sample))
    by_extension = next((g for ext, g in _EXTENSIONS.items() if path.lower().endswith(ext)), None)
    undecided = wiki == md or max(wiki, md) < 2
    if undecided:
        return by_extension or "plaintext"
    return "wikitext" if wiki > md else "markdown"


def read(text: str, source: Source) -> Document:
    """Read `text` with the text reader for source.genre, or the detected genre when none (or an unknown one) is set."""
    genre = source.genre if source.genre in TEXT_GENRES else detect_genre(text, source.path)
    document = READERS[genre].read(text, source)
    if source.genre and source.genre not in READERS:
        note = f"{source.path}: unknown genre {source.genre!r}; read as {genre}"
        document = dataclasses.replace(document, warnings=(note, *document.warnings))
    return document


def choose(data: bytes, source: Source) -> Reader | None:
    """The reader for these bytes: the configured genre, else the first whose sniffing recognises them,
    else (a damaged file) the binary format its extension names; None means text, genre by detect_genre."""
    if source.genre in READERS:
        return READERS[source.genre]
    for reader in READERS.values():
        if reader.sniff(data):
            return reader
    suffix = pathlib.PurePath(source.path).suffix.lower()
    by_extension = next((r for r in READERS.values() if suffix in r.extensions and r.name not in TEXT_GENRES), None)
    if by_extension is None:
        return None
    if by_extension.takes == "bytes":
        return by_extension if data.lstrip()[:8].startswith(by_extension.magic) else None
    return by_extension if binary_kind(data) is None else None
    return None


def read_file(path: pathlib.Path, source: Source) -> Document:
    """Load the file at `path` and read it with the reader `choose` picks; SourceError (naming source.path)
    when it cannot be used. Warnings from decoding come first in the Document's warnings."""
    shown = source.path
    data = load_bytes(path, shown, BINARY_LIMIT)
    reader = choose(data, source)
    if reader is not None and reader.takes == "bytes":
        return _guarded(reader, data, source)
    if len(data) > TEXT_LIMIT:
        raise too_large(shown, len(data), TEXT_LIMIT)
    text, warnings = decode_text(data, shown)
    document = _guarded(reader, text, source) if reader is not None else read(text, source)
    if warnings:
        document = dataclasses.replace(document, warnings=tuple(warnings) + document.warnings)
    return document


def _guarded(reader: Reader, data, source: Source) -> Document:
    """A reader's own errors as one line naming the file: a damaged file is the user's problem, not a crash."""
    try:
        return reader.read(data, source)
    except SourceError:
        raise
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - libraries fail on damaged files in many ways
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise SourceError(f"{source.path} could not be read as {reader.label or reader.name} ({detail})") from None


__all__ = ["BINARY_LIMIT", "READERS", "Reader", "TEXT_GENRES", "TEXT_LIMIT", "choose", "detect_genre", "read",
           "read_file", "read_markdown", "read_plaintext", "read_wikitext"]
