"""Shared reader parts: inline text with exact offsets in, `Document` blocks and footnotes out."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from analysis.text.memo import TextMemo
from analysis.model.document import Block, Document, Footnote, Link, NoteRef, Source

# Punctuation that should hug the word before it when the space was left by removed markup.
_HUGGING = tuple(".,;:!?)]”’")


@dataclass(frozen=True, slots=True)
class Inline:
    """Plain text of one block plus spans into it; notes are footnote keys, resolved by DocBuilder."""

    text: str
    links: tuple[Link, ...] = ()
    notes: tuple[tuple[int, str], ...] = ()
    emphasis: tuple[tuple[int, int], ...] = ()
    unsourced: tuple[int, ...] = ()
    """Offsets just after words the source itself flags as unsourced ("[citation needed]")."""

    def join(self, other: "Inline") -> "Inline":
        """This text, a space, then `other`, its spans shifted to match."""
        if not self.text or not other.text:
            return other if not self.text else self
        k = len(self.text) + 1
        return Inline(
            f"{self.text} {other.text}",
            self.links + tuple(Link(l.start + k, l.end + k, l.target) for l in other.links),
            self.notes + tuple((off + k, key) for off, key in other.notes),
            self.emphasis + tuple((a + k, b + k) for a, b in other.emphasis),
            self.unsourced + tuple(off + k for off in other.unsourced),
        )


class _Span:
    __slots__ = ("kind", "payload", "start")

    def __init__(self, kind: str, payload: str):
        self.kind, self.payload, self.start = kind, payload, None


class InlineBuilder:
    """Accumulates text while folding whitespace; spans and note offsets stay exact in the folded text."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self._space = False  # a folded space is owed before the next word
        self._removed = False  # markup was dropped since the last word
        self._pending: list[_Span] = []  # opened spans waiting for their first character
        self._open: list[_Span] = []
        self._links: list[Link] = []
        self._em: list[tuple[int, int]] = []
        self._notes: list[tuple[int, str]] = []
        self._unsourced: list[int] = []

    def text(self, s: str) -> None:
        # Word by word this is: a whitespace run owes a space (once there is text), a word pays
        # it (unless it hugs the word before removed markup) and starts the pending spans. Only
        # the first word can meet markup, so the rest are emitted at once, one space apart.
        # (str.split() and the regex \s agree on what whitespace is.)
        words = s.split()
        if not words:
            if s:
                self._space = self._len > 0
            return
        if s[0].isspace():
            self._space = self._len > 0
        if self._space and not (self._removed and words[0].startswith(_HUGGING)):
            self._emit(" ")
        self._space = self._removed = False
        for span in self._pending:
            span.start = self._len
        self._pending.clear()
        self._emit(words[0] if len(words) == 1 else " ".join(words))
        if s[-1].isspace():
            self._space = True  # owed after the words just emitted

    def _emit(self, s: str) -> None:
        self._parts.append(s)
        self._len += len(s)

    def removed(self) -> None:
        """Note that markup vanished here (so `word {{x}}.` folds to `word.`)."""
        self._removed = True

    def open(self, kind: str, payload: str = "") -> _Span:
        span = _Span(kind, payload)
        self._pending.append(span)
        self._open.append(span)
        return span

    def close(self, span: _Span) -> None:
        if span in self._pending:
            self._pending.remove(span)
        if span in self._open:
            self._open.remove(span)
        if span.start is None or span.start >= self._len:
            return
        if span.kind == "link":
            self._links.append(Link(span.start, self._len, span.payload))
        else:
            self._em.append((span.start, self._len))

    def note(self, key: str) -> None:
        self._notes.append((self._len, key))
        self.removed()

    def unsourced(self) -> None:
        """The source flags the words before here as unsourced ("[citation needed]")."""
        self._unsourced.append(self._len)
        self.removed()

    def split(self) -> "InlineBuilder":
        """End this block here and continue open spans in a fresh builder."""
        carried = list(self._open)
        for span in carried:
            self.close(span)
        fresh = InlineBuilder()
        for span in carried:
            fresh.open(span.kind, span.payload)
        return fresh

    def build(self) -> Inline:
        for span in list(self._open):
            self.close(span)
        return Inline(
            "".join(self._parts),
            tuple(sorted(self._links, key=lambda l: l.start)),
            tuple(self._notes),
            tuple(sorted(self._em)),
            tuple(self._unsourced),
        )


_WIKI_URL = re.compile(r"^https?://[a-z\-]{2,12}\.(?:m\.)?wikipedia\.org/wiki/([^?#]+)", re.I)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def link_target(href: str | None) -> str | None:
    """What a link in a web page or Word file points to, as the analyses use it: an encyclopaedia
    article's title (``Ban Ki-moon``) for a link to one, the URL for other web links, the page name
    for a relative link (a wiki converted to Word); None for anything else (javascript:, file:, mailto:)."""
    from urllib.parse import unquote

    href = (href or "").strip()
    wiki = _WIKI_URL.match(href)
    if wiki:
        return unquote(wiki.group(1)).replace("_", " ").strip() or None
    if href.lower().startswith(("http://", "https://")):
        return href
    if not href or _SCHEME.match(href) or href.startswith(("#", "/", ".")):
        return None
    name = unquote(href.split("#", 1)[0]).replace("_", " ").strip()
    return name or None


_CITATION_CUES = re.compile(r"\b(retrieved|accessed|archived|isbn|doi|issn|pp?\.\s?\d|vol\.|ibid|op\. cit)\b"
                            r"|https?://|www\.", re.I)


def note_kind(note: Inline) -> str:
    """``citation`` for a note that only names a source (a link, "accessed ...", ISBN, pages), else ``note``."""
    return "citation" if note.links and len(note.text.split()) <= 40 or _CITATION_CUES.search(note.text) \
        else "note"


def plain(s: str) -> str:
    """Whitespace-folded text."""
    return " ".join(s.split())


MAX_BLOCK = 20_000
"""The longest text of one block, in characters (real paragraphs stay under 2,000). A longer
paragraph is a PDF converted without line breaks or a page dumped on one line: it is cut at
sentence ends into blocks of at most this size. Every analysis works passage by passage, so
this bounds the work any of them does on one passage, whatever the file holds."""
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*(?= )")


def _cuts(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of pieces of the folded `text`, none longer than `limit`, cut after the last
    sentence end that leaves a piece at least half full, else at the last space, else anywhere."""
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit + 1]
        end = None
        for m in _SENTENCE_END.finditer(window, limit // 2):
            end = m.end()
        if end is None:
            space = window.rfind(" ", limit // 2)
            end = space if space > 0 else limit
        pieces.append((start, start + end))
        start += end + (text[start + end:start + end + 1] == " ")
    pieces.append((start, len(text)))
    return pieces


def _piece(inline: Inline, start: int, end: int, next_start: int) -> Inline:
    """The part [start, end) of `inline`, spans clipped to it; notes up to `next_start` stay here."""
    links = tuple(Link(max(l.start, start) - start, min(l.end, end) - start, l.target) for l in inline.links
                  if l.start < end and l.end > start)
    emphasis = tuple((max(a, start) - start, min(b, end) - start) for a, b in inline.emphasis if a < end and b > start)
    notes = tuple((min(off, end) - start, key) for off, key in inline.notes if start <= off < next_start)
    flags = tuple(min(off, end) - start for off in inline.unsourced if start <= off < next_start)
    return Inline(inline.text[start:end], links, notes, emphasis, flags)


_PUNCTUATION = re.compile(r"[^\w\s]")


def norm(s: str) -> str:
    """Lower-case words without punctuation, for comparing lines that repeat."""
    return _NORMS(s)


_NORMS = TextMemo(lambda s: " ".join(_PUNCTUATION.sub(" ", s.lower()).split()), 300_000)
"""norm of recent texts: a reader asks about a block more than once, and a corpus repeats blocks."""


_KIND_ROLES = {"heading": "heading", "item": "list-item", "row": "table-row", "paragraph": "paragraph"}


def default_role(kind: str, context: str | None) -> str:
    """The role a block of `kind` has when its reader says no more (a row without a header cell is a paragraph)."""
    if kind == "row" and not context:
        return "paragraph"
    return _KIND_ROLES.get(kind, "paragraph")


@dataclass
class _NoteDraft:
    label: str = ""
    text: str = ""
    kind: str = "note"
    fields: tuple[tuple[str, str], ...] = ()
    links: tuple[Link, ...] = ()
    defined: bool = False


@dataclass
class DocBuilder:
    """Collects blocks and footnotes in reading order and numbers their anchors at the end."""

    source: Source
    genre: str
    warnings: list[str] = field(default_factory=list)
    section: str | None = None
    _blocks: list[tuple] = field(default_factory=list)
    _notes: dict[str, _NoteDraft] = field(default_factory=dict)
    _order: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        if message not in self.warnings and len(self.warnings) < 50:
            self.warnings.append(message)

    def add(self, kind: str, inline: Inline, *, level: int = 0, context: str | None = None,
            role: str | None = None, page: int | None = None) -> None:
        """Add a block unless its text is empty; a heading becomes the section of what follows.
        The role defaults to what the kind says (a row with a header cell is a table row)."""
        if not inline.text:
            return
        role = role or default_role(kind, context)
        section = self.section
        if kind == "heading":
            self.section = inline.text
        for _, key in inline.notes:
            self._touch(key)
        if kind != "heading" and len(inline.text) > MAX_BLOCK:
            pieces = _cuts(inline.text, MAX_BLOCK)
            self.warn(f"{self.source.path}: paragraphs longer than {MAX_BLOCK:,} characters were cut into "
                      "parts at sentence ends (a conversion without line breaks?)")
            for i, (start, end) in enumerate(pieces):
                following = pieces[i + 1][0] if i + 1 < len(pieces) else len(inline.text) + 1
                self._blocks.append((kind, _piece(inline, start, end, following), level, context, section,
                                     role, page))
            return
        self._blocks.append((kind, inline, level, context, section, role, page))

    def _touch(self, key: str) -> _NoteDraft:
        draft = self._notes.get(key)
        if draft is None:
            draft = self._notes[key] = _NoteDraft()
            self._order.append(key)
        return draft

    def has_note(self, key: str) -> bool:
        return key in self._notes and self._notes[key].defined

    def define_note(self, key: str, label: str, inline: Inline, *, kind: str = "note",
                    fields: tuple[tuple[str, str], ...] = ()) -> None:
        draft = self._touch(key)
        if draft.defined:
            self.warn(f"{self.source.path}: footnote {label} is defined twice; the first definition is kept")
            return
        draft.label, draft.text, draft.kind = label, inline.text, kind
        draft.fields, draft.links, draft.defined = fields, inline.links, True

    def add_table_row(self, cells: list[Inline]) -> None:
        """A table row: its first cell is the header (usually the actor) of each other cell; a row of
        one cell, or one whose first cell is empty, is paragraphs."""
        if len(cells) < 2:
            for cell in cells:
                self.add("paragraph", cell)
            return
        context = cells[0].text or None
        for cell in cells[1:]:
            self.add("row" if context else "paragraph", cell, context=context)

    def finish(self, *, cover: bool = False, **meta) -> Document:
        """The Document; `cover`: fill a title or date the file's metadata lacks from the top of the
        text (formats whose metadata is often empty: web pages, Word files)."""
        sid = self.source.id
        anchors: dict[str, str] = {}
        footnotes = []
        for key in self._order:
            draft = self._notes[key]
            if not draft.defined:
                continue
            n = len(footnotes) + 1
            anchor = anchors[key] = f"{sid}-n{n}"
            footnotes.append(Footnote(anchor, draft.label or str(n), draft.text, draft.kind,
                                      draft.fields, draft.links))
        missing = len(self._order) - len(footnotes)
        if missing:
            self.warn(f"{self.source.path}: {missing} footnote marker(s) without a definition were dropped")
        blocks = []
        for n, (kind, inline, level, context, section, role, page) in enumerate(self._blocks, 1):
            notes = tuple(NoteRef(off, anchors[key]) for off, key in inline.notes if key in anchors)
            blocks.append(Block(f"{sid}-p{n}", kind, inline.text, level, context, section,
                                inline.links, notes, inline.emphasis, role, page, inline.unsourced))
        if not blocks:
            self.warn(f"{self.source.path}: no readable text was found")
        if cover and blocks:
            if not any(c.isalpha() for c in meta.get("title") or ""):
                meta["title"] = None  # "-", pandoc's stand-in for a missing title
            meta = {**meta, **cover_metadata(blocks), **{k: v for k, v in meta.items() if v}}
        if self.source.title:
            meta["title"] = self.source.title
        return Document(id=sid, path=self.source.path, genre=self.genre, blocks=tuple(blocks),
                        footnotes=tuple(footnotes), warnings=tuple(self.warnings), **meta)


def problems(document: Document) -> list[str]:
    """Broken promises of a Document: anchors out of order, spans outside their text, dangling notes."""
    found = []
    notes = {n.anchor for n in document.footnotes}
    for n, block in enumerate(document.blocks, 1):
        where = block.anchor
        if block.anchor != f"{document.id}-p{n}":
            found.append(f"{where}: expected anchor {document.id}-p{n}")
        if block.text != plain(block.text) or not block.text:
            found.append(f"{where}: text is empty or not whitespace-folded")
        size = len(block.text)
        for link in block.links:
            if not 0 <= link.start < link.end <= size:
                found.append(f"{where}: link {link} outside the text")
        for start, end in block.emphasis:
            if not 0 <= start < end <= size:
                found.append(f"{where}: emphasis {(start, end)} outside the text")
        for ref in block.notes:
            if not 0 <= ref.offset <= size or ref.note not in notes:
                found.append(f"{where}: bad note reference {ref}")
    for n, note in enumerate(document.footnotes, 1):
        if note.anchor != f"{document.id}-n{n}":
            found.append(f"{note.anchor}: expected anchor {document.id}-n{n}")
    return found


def never_raise(genre: str):
    """Readers must not crash on odd input: an unexpected error becomes a warning on an empty Document."""

    def wrap(reader):
        @functools.wraps(reader)
        def guarded(text: str, source: Source) -> Document:
            try:
                return reader(text, source)
            except Exception as exc:  # noqa: BLE001 - the promise is "never crash", RecursionError included
                return Document(id=source.id, path=source.path, genre=genre, title=source.title,
                                warnings=(f"{source.path}: could not be read as {genre} "
                                          f"({type(exc).__name__}: {exc})",))
        return guarded

    return wrap


# ---------------------------------------------------------------- dates

MONTHS = {name: i for i, names in enumerate((
    (), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"))) for name in names}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{4}})\b", re.I)


def _iso(year: str, month: int, day: int | None = None) -> str | None:
    y = int(year)
    if not (1800 <= y <= 2200 and 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    return f"{y:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def full_date(text: str) -> str | None:
    """The first day-precise date in `text` as ISO (``24 February 2010``, ``February 24, 2010``)."""
    found = []
    for m in _DAY_MONTH_YEAR.finditer(text):
        found.append((m.start(), _iso(m.group(3), MONTHS[m.group(2).lower()], int(m.group(1)))))
    for m in _MONTH_DAY_YEAR.finditer(text):
        found.append((m.start(), _iso(m.group(3), MONTHS[m.group(1).lower()], int(m.group(2)))))
    for m in _ISO.finditer(text):
        found.append((m.start(), _iso(m.group(1), int(m.group(2)), int(m.group(3)))))
    found = sorted(f for f in found if f[1])
    return found[0][1] if found else None


def any_date(text: str) -> str | None:
    """A full date if there is one, else the first ``Month YYYY`` as ``YYYY-MM``."""
    date = full_date(text)
    if date:
        return date
    for m in _MONTH_YEAR.finditer(text):
        iso = _iso(m.group(2), MONTHS[m.group(1).lower()])
        if iso:
            return iso
    return None


COVER_BLOCKS = 6
"""How many blocks at the top of a document count as its cover, when its metadata is silent."""


def cover_metadata(blocks) -> dict:
    """Title and date from the top of a document whose file carried none (a Word file without
    properties, a page without metadata): the first heading; the first date standing in a short line
    or opening one (a dateline, "Number 05 - December 2013", "24 February 2010 Security Council")."""
    top = [b for b in blocks[:COVER_BLOCKS] if b.text.strip()]
    out: dict = {}
    heading = next((b.text for b in top if b.kind == "heading"), None)
    if heading:
        out["title"] = " ".join(heading.split())
    for b in top:
        date = any_date(b.text) if len(b.text.split()) <= 15 else full_date(b.text[:24])
        if date:
            out["date"] = date
            break
    return out
