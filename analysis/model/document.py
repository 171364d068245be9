"""The document model: what every reader produces and every analysis reads.

A reader turns one source file into one `Document`: metadata plus ordered blocks
and footnotes, each with a stable anchor (``d1-p12``, ``d1-n3``) so that every
finding can point back at the words it came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import pickled_by_fields

BLOCK_KINDS = ("heading", "paragraph", "row", "item")
NOTE_KINDS = ("note", "citation")
BLOCK_ROLES = ("heading", "paragraph", "speaker-turn", "table-row", "list-item", "quotation", "cover", "small-print")
"""What a block is in the document, whatever file it came from: analyses test roles, never genres.
A speaker turn's `context` is the speaker label; a table row's is its first (header) cell."""
GENRES = ("wikitext", "markdown", "plaintext", "html", "pdf", "docx", "odt")


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink inside a block's text."""

    start: int
    """Offset of the link label in the owning text."""
    end: int
    """End offset (exclusive) of the label."""
    target: str
    """Wiki page title (``Ban Ki-moon``) or URL the label points to."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class NoteRef:
    """Where a footnote marker stood in a block (the marker itself is removed)."""

    offset: int
    """Offset in the block text just after the words the note is attached to."""
    note: str
    """Anchor of the footnote (``d1-n3``)."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Block:
    """One unit of running text: a heading, a paragraph, a table row cell paragraph or a list item."""

    anchor: str
    """Stable id: ``<doc id>-p<n>``, n counting blocks from 1 in reading order."""
    kind: str
    """One of BLOCK_KINDS."""
    text: str
    """Plain text: markup, templates and footnote markers removed, whitespace folded."""
    level: int = 0
    """Heading level (1 = top); 0 for other kinds."""
    context: str | None = None
    """For a table row: the text of its first (header) cell, usually the actor."""
    section: str | None = None
    """Text of the nearest heading before this block."""
    links: tuple[Link, ...] = ()
    """Links whose labels lie in `text`."""
    notes: tuple[NoteRef, ...] = ()
    """Footnote markers that stood in the block."""
    emphasis: tuple[tuple[int, int], ...] = ()
    """Italic/emphasised spans (start, end) in `text`; converted PDFs set quotes in italics."""
    role: str = "paragraph"
    """One of BLOCK_ROLES, set by the reader."""
    page: int | None = None
    """Page of a paged source (PDF) the block starts on, from 1; None elsewhere."""
    unsourced: tuple[int, ...] = ()
    """Offsets just after words the source itself flags as unsourced (a wiki's "[citation needed]"):
    findings read from those words say so and are not stated in the brief's body."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote or a citation."""

    anchor: str
    """Stable id: ``<doc id>-n<n>``."""
    label: str
    """The marker as printed (``3``) or the ref name."""
    text: str
    """Plain text of the note."""
    kind: str = "note"
    """``note``: prose the author wrote (analysed like a paragraph); ``citation``: bibliographic only."""
    fields: tuple[tuple[str, str], ...] = ()
    """Citation fields (title, work, publisher, date, url, access-date, ...) in source order."""
    links: tuple[Link, ...] = ()

    page: int | None = None
    """The page (from 1) the note is printed on, for sources with pages (PDF); None otherwise."""

    def field(self, name: str) -> str | None:
        for key, value in self.fields:
            if key == name:
                return value
        return None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Document:
    """One source document, read and normalised."""

    id: str
    """Short id used in anchors and findings (``d1``)."""
    path: str
    """The source path as given in the report configuration."""
    genre: str
    """One of GENRES: the format the file was read as."""
    title: str | None = None
    date: str | None = None
    """Publication date, ISO cut to its precision (``2013-12``), or None."""
    publisher: str | None = None
    author: str | None = None
    symbol: str | None = None
    """Document symbol (``SC/1234``) for UN-style releases."""
    url: str | None = None
    """Where a saved web page came from (its canonical URL in the page's metadata)."""
    blocks: tuple[Block, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    warnings: tuple[str, ...] = ()
    """Problems met while reading that did not stop it (one line each)."""

    def passages(self) -> tuple[Block | Footnote, ...]:
        """Everything an analysis reads: non-heading blocks, then prose footnotes."""
        body = tuple(b for b in self.blocks if b.kind != "heading")
        return body + tuple(n for n in self.footnotes if n.kind == "note")

    def by_anchor(self) -> dict[str, Block | Footnote]:
        out: dict[str, Block | Footnote] = {b.anchor: b for b in self.blocks}
        out.update({n.anchor: n for n in self.footnotes})
        return out


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Source:
    """What a reader is given besides the text: where it came from and overrides."""

    id: str
    path: str
    title: str | None = None
    genre: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)
