"""The brief: findings arranged for reading. Built by analysis/brief, read only by the renderers.

Everything a template may see is here, already ordered, numbered and cited: the
renderers add typography, never content. Text in these types is plain text (never
markup), except `AuthorText.markdown`, which the renderers convert with raw HTML and
raw TeX switched off.
"""
from __future__ import annotations

from dataclasses import dataclass

from .quotes import balanced

SCHEMA_VERSION = "brief/1"
SECTION_IDS = ("summary", "key-findings", "positions", "precedents", "figures", "timeline", "sources")
"""Body sections in reading order (the cover and the contents come before them)."""


# ---------------------------------------------------------------- citations and inline text
@dataclass(frozen=True, slots=True)
class Place:
    """One passage a note points at: the source's letter and where the passage stands in it."""

    doc: str
    key: str
    """The source's letter (``A``), the one label used for it everywhere."""
    anchor: str
    """The passage: ``d1-p12`` (block 12) or ``d1-n3`` (note 3)."""
    label: str
    """Where to find it in the original: ``“Reactions”, ¶3`` (paragraph 3 under that heading), ``p. 4, ¶2``,
    ``note 3``."""
    heading: str | None = None
    """The heading the passage stands under, if any (``Reactions``)."""
    spot: str = ""
    """The place under that heading: ``¶3``, ``p. 4, ¶3``, ``note 3`` (`label` without the heading)."""


@dataclass(frozen=True, slots=True)
class Citation:
    """One footnote: the passages a sentence, item or row rests on (one note, several places)."""

    number: int
    """Footnote number, 1.. in reading order; one per note (as Word and CSS number them)."""
    doc: str
    """Document id of the first place (``d1``)."""
    doc_title: str
    """The first place's document title (or its file name when it has none)."""
    short_title: str
    """The first place's source letter (``A``)."""
    anchor: str
    """The first place's passage (``d1-p12``)."""
    label: str
    """The first place's location (``“Reactions”, ¶3``)."""
    places: tuple[Place, ...] = ()
    """Every place the note cites, in order (the first is the one above)."""
    more: int = 0
    """Further places not listed (corpus scale: a note stays a line or two; findings.json has them all)."""

    @property
    def text(self) -> str:
        """The footnote's text: ``A, “Reactions”, ¶3; B, ¶2.`` (places in one source share its letter)."""
        places = self.places or (Place(self.doc, self.short_title, self.anchor, self.label),)
        groups: dict[str, dict[str | None, list[str]]] = {}
        for p in places:
            spots = groups.setdefault(p.key, {}).setdefault(p.heading, [])
            spot = p.spot or p.label
            if spot not in spots:
                spots.append(spot)
        return "; ".join(f"{key}, " + "; ".join((f"“{h}”, " if h else "") + ", ".join(spots)
                                                for h, spots in by_heading.items())
                         for key, by_heading in groups.items()) + \
            (f"; and {self.more} more in findings.json." if self.more else ".")


@dataclass(frozen=True, slots=True)
class Span:
    """Plain running text."""

    text: str
    style: str = "plain"
    """``plain``, ``em``, ``strong`` or ``quote`` (set in quotation marks)."""

    def __post_init__(self) -> None:
        if self.style == "quote":  # the setting adds the marks: never doubled, never left open
            object.__setattr__(self, "text", balanced(self.text))


@dataclass(frozen=True, slots=True)
class Cite:
    """A footnote call."""

    citation: Citation


@dataclass(frozen=True, slots=True)
class XRef:
    """An in-text cross-reference to a numbered figure or table (``Figure 2``)."""

    kind: str
    """``figure`` or ``table``."""
    number: int
    target: str
    """Id of the figure or table (``fig-2``, ``tab-3``)."""

    @property
    def text(self) -> str:
        return f"{'Figure' if self.kind == 'figure' else 'Table'} {self.number}"


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink; `url` is always http(s) (compose drops every other scheme)."""

    text: str
    url: str


Inline = Span | Cite | XRef | Link
Inlines = tuple[Inline, ...]


# ---------------------------------------------------------------- blocks
@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading inside a section (level 2 or 3)."""

    id: str
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph of generated prose."""

    parts: Inlines
    finding: str | None = None
    """Id of the finding the paragraph reports, if it reports one (it then carries a Cite)."""
    kind: str = "body"
    """``body``, ``lead`` (introduces the table after it: kept on its page), ``note`` (small print under a
    table or chart) or ``empty`` (nothing found)."""


@dataclass(frozen=True, slots=True)
class ListItem:
    parts: Inlines
    finding: str | None = None


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[ListItem, ...]
    kind: str = "bullets"
    """``bullets`` or ``key`` (the key findings, set larger)."""


@dataclass(frozen=True, slots=True)
class AuthorText:
    """Commentary the author wrote in Markdown (untrusted: rendered with raw HTML/TeX off)."""

    markdown: str
    origin: str
    """Section id the commentary was written for."""


@dataclass(frozen=True, slots=True)
class Quote:
    """A finding's exact words set as a block quotation, with who said them."""

    text: str
    attribution: Inlines
    finding: str
    """Id of the finding quoted."""
    kind: str = "quote"
    """``quote``, or the precedent relation (``analogy``, ``denial``, ``warning``)."""

    def __post_init__(self) -> None:  # a block quotation adds no marks: only unmatched ones go
        object.__setattr__(self, "text", balanced(self.text, wrapped=False))


@dataclass(frozen=True, slots=True)
class Callout:
    """A boxed note that stands out: a tension between an actor and a principle."""

    title: str
    quote: str
    """The evidence sentence, exactly as in the source."""
    attribution: Inlines
    finding: str
    kind: str = "tension"
    basis: str = "stated"


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    width: float
    """Share of the table width (columns of a table add up to 1)."""
    align: str = "left"
    """``left`` or ``right``."""


@dataclass(frozen=True, slots=True)
class Cell:
    parts: Inlines
    style: str = "plain"
    """``plain``, ``quote`` (the exact words of a finding), ``num`` or ``stance``."""


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    finding: str | None = None
    """Id of the finding the row reports; such rows carry a Cite."""


@dataclass(frozen=True, slots=True)
class Table:
    """A numbered table with a caption; long tables repeat their header on each page."""

    id: str
    """``tab-3``."""
    number: int
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    note: str | None = None
    """Small print under the table (what was left out, how to read it)."""
    compact: bool = False
    """Smaller type, for annex tables."""


@dataclass(frozen=True, slots=True)
class FigureRef:
    """Where a chart stands in the text."""

    chart: str
    """Id of a Chart in Brief.charts."""


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One source document with its metadata, for the sources annex."""

    doc: str
    key: str
    """The letter tables and charts use for the document (``A``, ``B``, ...)."""
    title: str
    short_title: str
    fields: tuple[tuple[str, str], ...]
    """(label, value) pairs present for the document: Author, Publisher, Date, Symbol, ..."""


@dataclass(frozen=True, slots=True)
class SourceList:
    entries: tuple[SourceEntry, ...]


Block = Heading | Para | BulletList | AuthorText | Quote | Callout | Table | FigureRef | SourceList


# ---------------------------------------------------------------- top level
@dataclass(frozen=True, slots=True)
class Section:
    id: str
    """One of SECTION_IDS; also the HTML id and the DOCX bookmark."""
    number: int | None
    """Section number as printed (None for unnumbered front matter such as key findings)."""
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """A numbered figure: a chart drawn in the house style, as vector and as raster."""

    id: str
    """``fig-2``."""
    number: int
    kind: str
    """Chart module that drew it: ``matrix``, ``figures``, ``timeline``, ``network``, ``principles``."""
    title: str
    caption: str
    alt: str
    """Text alternative: what the chart shows, for screen readers and the DOCX/PDF alt text."""
    svg: str
    """SVG document text (vector, for HTML and PDF); ids are prefixed with `id`."""
    png: bytes
    """PNG at print resolution (for DOCX); empty when only the SVG was drawn (then see `spec`)."""
    width: float
    """Drawing width in inches (the renderers scale it to the text width)."""
    height: float
    spec: tuple | None = None
    """How to draw the chart again (charts.style.raster) when `png` is empty."""


@dataclass(frozen=True, slots=True)
class Style:
    page_size: str
    """``A4`` or ``Letter``."""
    accent: str
    """``#rrggbb``."""
    body_font: str
    heading_font: str
    logo: str | None
    """Absolute path of the logo file; the renderers read it, compose never does."""


@dataclass(frozen=True, slots=True)
class Meta:
    title: str
    subtitle: str | None
    organisation: str | None
    authors: tuple[str, ...]
    date: str
    """ISO date printed on the cover (the configured date or the build date)."""
    build_date: str
    keywords: tuple[str, ...]
    subject: str
    """One line for the PDF/DOCX subject field."""
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class Brief:
    """All a renderer may see."""

    schema_version: str
    meta: Meta
    style: Style
    sections: tuple[Section, ...]
    charts: tuple[Chart, ...]
    citations: tuple[Citation, ...]
    """Every footnote in reading order; `number` is its index + 1."""
    sources: tuple[SourceEntry, ...]

    def chart(self, chart_id: str) -> Chart:
        for chart in self.charts:
            if chart.id == chart_id:
                return chart
        raise KeyError(chart_id)

    def tables(self) -> tuple[Table, ...]:
        return tuple(b for s in self.sections for b in s.blocks if isinstance(b, Table))


# ---------------------------------------------------------------- typography shared by compose and renderers
_OPENS = " \t\n([{—–-/"


def nested_quotes(text: str) -> str:
    """Typography for words set inside our own double quotation marks: the quotation marks inside
    them become single ones (‘ ’), and a pair enclosing all of the words is dropped (we add ours), so
    a quotation never reads with doubled marks (“…"…"…” or ““…””)."""
    t = text.strip()
    if len(t) > 1 and t[0] in "\"“" and t[-1] in "\"”" and sum(t.count(c) for c in "\"“”") == 2:
        t = t[1:-1]
    out = []
    for i, ch in enumerate(t):
        if ch == "“":
            out.append("‘")
        elif ch == "”":
            out.append("’")
        elif ch == '"':
            out.append("‘" if i == 0 or t[i - 1] in _OPENS else "’")
        else:
            out.append(ch)
    return "".join(out)
