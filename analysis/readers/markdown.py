"""Markdown converted from PDF policy papers in, a `Document` with cover metadata, blocks and notes out."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from analysis.text.memo import TextMemo
from analysis.model.document import Document, Source
from analysis.readers.common import DocBuilder, Inline, InlineBuilder, any_date, never_raise, norm, plain


def _markdown_it() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


_MD = _markdown_it()
# The same parser without the inline pass: _parse parses a block's inline text itself, and only
# when the rendering is not in _RENDERED (most of a corpus's paragraphs recur), with
# _MD.parseInline, which gives the tokens the inline pass would (same rules, same env).
_MD_BLOCKS = _markdown_it().disable(["inline", "text_join"])

_SUP_OPEN = re.compile(r"^<sup\b[^>]*>$", re.I)
_SUP_CLOSE = re.compile(r"^</sup\s*>$", re.I)
_MARKERS = re.compile(r"^\[?\d{1,3}(?:\s*,\s*\d{1,3})*\]?$")
_UNIT_END = re.compile(r"\b(?:m|km|cm|mm|ft|mi|sq)$")  # km<sup>2</sup> is a unit, not note 2
_INLINE_NOTE = re.compile(r"\[\^(\w{1,10})\](?!:)|\^([^^\s]{1,12})\^")
_LEFT_ESCAPES = re.compile(r"\\([\\_*\[\]()#`>~|{}.!+-])")  # converters sometimes escape twice

_TERMINAL = tuple('.!?:;"”’)]…')
_BODY_HEADINGS = re.compile(r"^(?:\d+\.?\s*)?(?:introduction|executive summary|summary|background|"
                            r"overview|abstract|key findings|context|preface|foreword)\b", re.I)
_COVER_SIGNS = re.compile(r"©|copyright|all rights reserved|\bisbn\b|\bissn\b|e-?mail|\btel\b|fax|"
                          r"web-?site|www\.|\bauthors?\b|published by|intentionally left blank|"
                          r"policy (?:note|paper|brief|report)|working paper|^by\s", re.I)
_AUTHOR_LABEL = re.compile(r"^(?:authors?|by|written by|prepared by)\s*:?\s*$", re.I)
_AUTHOR_INLINE = re.compile(r"^(?:(?:authors?|written by|prepared by)\s*:|by\s+(?=[A-Z]))\s*(.+)$", re.I)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|^copyright\b)\s*(?:©\s*)?(?:\d{4}[,.]?\s*)?(.+)", re.I)
_BLANK_PAGE = re.compile(r"this page (?:is |has been )?(?:intentionally|deliberately) left blank", re.I)
_SEPARATOR = re.compile(r"^[\s*•·\-–—_=~.]+$")
_PAGE_NUMBER = re.compile(r"^(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.I)
_CONTACT_STRONG = re.compile(r"^(?:e-?mail|tel|phone|fax|mob|mobile|web-?site|website|www\.)\b|"
                             r"[\w.+-]+@[\w-]+\.[\w.]+", re.I)
_CONTACT_WEAK = re.compile(r"^(?:https?://|p\.?\s?o\.?\s?box\b)|\+\d[\d\s()/-]{6,}|"
                           r"\b(?:str|street|road|ave|avenue)\b\.?.*\d|^\S.*\d{3,}.*,\s*\w+$", re.I)
_SMALL_WORDS = frozenset("a an and as at but by for in of on or the to with".split())


@dataclass
class _Raw:
    """A Markdown block before it is judged: its rendered text and where it came from."""

    kind: str  # heading, paragraph, item, row, hr
    inline: Inline
    lines: tuple[str, ...] = ()
    level: int = 0
    context: str | None = None
    note_label: str | None = None  # set when the paragraph defines a footnote

    @property
    def text(self) -> str:
        return self.inline.text


# ---------------------------------------------------------------- inline rendering

class _Render:
    """Inline tokens -> text with spans, its source lines, and the footnote label a paragraph defines."""

    def __init__(self) -> None:
        self.b = InlineBuilder()
        self.lines: list[str] = [""]
        self.spans: list = []
        self.label: str | None = None
        self.started = False  # has any text been seen yet?

    def run(self, children) -> tuple[Inline, tuple[str, ...], str | None]:
        i = 0
        while i < len(children):
            tok = children[i]
            if tok.type == "html_inline" and _SUP_OPEN.match(tok.content.strip()):
                j = i + 1
                while j < len(children) and not (children[j].type == "html_inline"
                                                 and _SUP_CLOSE.match(children[j].content.strip())):
                    j += 1
                self._superscript("".join(t.content for t in children[i + 1:j]
                                          if t.type in ("text", "code_inline")))
                i = j + 1
                continue
            self._token(tok)
            i += 1
        lines = tuple(plain(l) for l in self.lines if l.strip())
        return self.b.build(), lines, self.label

    def _superscript(self, sup: str) -> None:
        """Note numbers become markers (or the label of a definition); ordinals and the rest stay text."""
        sup = sup.strip()
        if _MARKERS.match(sup) and not (sup in ("2", "3") and _UNIT_END.search(self.lines[-1])):
            numbers = re.findall(r"\d+", sup)
            if not self.started and self.label is None:
                self.label = numbers[0]  # a paragraph opening with its number defines that note
            else:
                for n in numbers:
                    self.b.note(f"fn:{n}")
        else:
            self.b.text(sup)
            self.lines[-1] += sup
        self.started = True

    def _token(self, tok) -> None:
        kind = tok.type
        if kind in ("text", "code_inline"):
            self._text(_LEFT_ESCAPES.sub(r"\1", tok.content))
        elif kind in ("softbreak", "hardbreak") or (kind == "html_inline" and re.match(r"<br\b", tok.content, re.I)):
            self.b.text(" ")
            self.lines.append("")
        elif kind == "em_open":
            self.spans.append(self.b.open("em"))
        elif kind == "link_open":
            self.spans.append(self.b.open("link", tok.attrs.get("href", "")))
        elif kind in ("em_close", "link_close") and self.spans:
            self.b.close(self.spans.pop())
        elif kind == "image":
            self.b.removed()

    def _text(self, content: str) -> None:
        if not self.started and content.strip():
            defined = re.match(r"^\s*\[\^(\w{1,10})\]:\s*", content)
            if defined:
                self.label, content = defined.group(1), content[defined.end():]
        pos = 0
        for m in _INLINE_NOTE.finditer(content):
            self._plain_text(content[pos:m.start()])
            if m.group(1):
                self.b.note(f"fn:{m.group(1)}")  # [^1]
            else:
                self._superscript(m.group(2))  # ^1^ (Pandoc's superscript)
            pos = m.end()
        self._plain_text(content[pos:])

    def _plain_text(self, content: str) -> None:
        self.b.text(content)
        self.lines[-1] += content
        self.started = self.started or bool(content.strip())


def _parse(text: str) -> list[_Raw]:
    """Markdown -> rendered blocks in reading order (tables as rows with their first cell as context)."""
    text = re.sub(r"(?m)^(?=[ \t]{0,3}-{3,}[ \t]*$)", "\n", text)  # `---` is a rule, never a setext underline
    env: dict = {}
    tokens = _MD_BLOCKS.parse(text, env)
    memo = not env  # no link reference definitions: an inline text renders the same anywhere
    out: list[_Raw] = []
    in_item = 0
    row: list[Inline] = []
    in_head = False
    for i, tok in enumerate(tokens):
        t = tok.type
        if t == "list_item_open":
            in_item += 1
        elif t == "list_item_close":
            in_item -= 1
        elif t == "thead_open":
            in_head = True
        elif t == "thead_close":
            in_head = False
        elif t == "tr_open":
            row = []
        elif t == "tr_close" and not in_head:
            out.extend(_row_blocks(row))
        elif t == "hr":
            out.append(_Raw("hr", Inline("")))
        elif t in ("code_block", "fence", "html_block"):
            # Converters indent paragraphs or wrap them in HTML: read them as running text.
            inline, lines, label = _render_inline(tok.content)
            out.append(_Raw("paragraph", inline, lines, note_label=label))
        elif t == "inline":
            inline, lines, label = _RENDERED(tok.content) if memo else _render_inline(tok.content, env)
            opener = tokens[i - 1].type if i else ""
            if opener == "heading_open":
                out.append(_Raw("heading", inline, lines, level=int(tokens[i - 1].tag[1:])))
            elif opener in ("th_open", "td_open"):
                row.append(inline)
            else:
                out.append(_Raw("item" if in_item else "paragraph", inline, lines, note_label=label))
    return out


def _render_inline(content: str, env: dict | None = None) -> tuple[Inline, tuple[str, ...], str | None]:
    """Inline Markdown `content` (with the document's link reference definitions in `env`) rendered."""
    return _Render().run(_MD.parseInline(content, env)[0].children or [])


_RENDERED = TextMemo(_render_inline, 300_000)
"""_render_inline of a text, when the document has no link reference definitions (then the
tokens follow from the text alone): a recurring paragraph is parsed and rendered once."""


def _row_blocks(cells: list[Inline]) -> list[_Raw]:
    if len(cells) < 2:
        return [_Raw("paragraph", c) for c in cells]
    context = cells[0].text or None
    return [_Raw("row" if context else "paragraph", c, context=context) for c in cells[1:]]


# ---------------------------------------------------------------- cover matter

def _repeats(a: str, b: str) -> bool:
    """Does heading text `a` repeat title `b` (allowing a converter's extra or missing words)?"""
    a, b = norm(a), norm(b)
    if not a or not b or min(len(a), len(b)) < 8:
        return a == b and bool(a)
    if a.startswith(b) or b.startswith(a):
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / len(wa | wb) >= 0.8


def _title_index(blocks: list[_Raw]) -> int | None:
    headings = [i for i, r in enumerate(blocks) if r.kind == "heading" and r.text]
    top = [i for i in headings if blocks[i].level == 1]
    return (top or headings or [None])[0]


def _body_start(blocks: list[_Raw], title_at: int | None) -> int:
    """Index of the first body block: after the heading that repeats the title, or at a clear body heading."""
    if title_at is None:
        return 0
    title = blocks[title_at].text
    for j in range(title_at + 1, len(blocks)):
        if blocks[j].kind == "heading" and _repeats(blocks[j].text, title):
            return j + 1
    for j in range(title_at + 1, len(blocks)):
        if blocks[j].kind == "heading" and _BODY_HEADINGS.match(blocks[j].text):
            return j if _looks_like_cover(blocks[:j]) else title_at + 1
    return title_at + 1


def _byline_end(blocks: list[_Raw], start: int) -> int:
    """Skip author and date lines standing right after the title (``By Jane Roe``, ``March 2021``)."""
    while start < len(blocks) and blocks[start].kind == "paragraph":
        text = blocks[start].text
        if _AUTHOR_LABEL.match(text):
            start += 2
        elif _AUTHOR_INLINE.match(text) and len(text.split()) <= 10:
            start += 1
        elif any_date(text) and len(text.split()) <= 5:
            start += 1
        else:
            break
    return min(start, len(blocks))


def _looks_like_cover(blocks: list[_Raw]) -> bool:
    """Front matter signs (copyright, author, contact lines) in short blocks, not in running prose."""
    return any(_COVER_SIGNS.search(r.text) and (len(r.text.split()) <= 30 or "©" in r.text
                                                 or "rights reserved" in r.text.lower())
               for r in blocks)


def _author(cover: list[_Raw]) -> str | None:
    for i, r in enumerate(cover):
        if _AUTHOR_LABEL.match(r.text) and i + 1 < len(cover):
            name = cover[i + 1].text
        else:
            m = _AUTHOR_INLINE.match(r.text)
            if not m:
                continue
            name = m.group(1)
        name = name.split(",")[0].strip(" .;:")
        if name and len(name.split()) <= 8:
            return name
    return None


def _title_case(s: str) -> str:
    words = s.lower().split()
    return " ".join(w if (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _publisher(cover: list[_Raw]) -> str | None:
    for r in cover:
        m = _COPYRIGHT.search(r.text)
        if m:
            org = re.split(r",|\.\s|\.$|\s\d{4}\b", m.group(1))[0].strip(" .")
            if org and any(c.isalpha() for c in org):
                return org
    for r in cover[:3]:
        letters = [c for c in r.text if c.isalpha()]
        if r.kind == "paragraph" and len(r.text.split()) >= 2 and letters and all(c.isupper() for c in letters):
            return _title_case(r.text)
    return None


# ---------------------------------------------------------------- body

def _is_contact(r: _Raw) -> bool:
    """An address block: e-mail/telephone/web lines, perhaps with street and town lines."""
    lines = r.lines or (r.text,)
    if len(lines) == 1:
        return len(lines[0]) < 120 and bool(_CONTACT_STRONG.match(lines[0]))
    # Short blocks only: the patterns below take time quadratic in a line's length.
    if len(r.text) >= 600 or max(len(l) for l in lines) >= 600:
        return False
    strong = sum(bool(_CONTACT_STRONG.search(l)) for l in lines)
    weak = sum(bool(_CONTACT_WEAK.search(l)) for l in lines)
    return strong >= 1 and (strong + weak) * 2 >= len(lines)


def _is_debris(r: _Raw, title: str | None, running: set[str]) -> bool:
    text = r.text
    if _BLANK_PAGE.search(text) or _SEPARATOR.match(text) or _PAGE_NUMBER.match(text):
        return True
    if r.kind == "paragraph" and (_is_contact(r) or norm(text) in running):
        return True
    slack = 40 if r.kind == "heading" else 15
    return bool(title) and r.kind in ("heading", "paragraph") and len(text) <= len(title) + slack \
        and _repeats(text, title)


def _running_lines(blocks: list[_Raw], start: int) -> set[str]:
    """Short paragraph lines repeated on pages (running titles), judged by repetition alone."""
    keys = [norm(r.text) for r in blocks]
    counts: dict[str, int] = {}
    for r, key in zip(blocks, keys):
        if r.kind == "paragraph" and len(r.text.split()) <= 12:
            counts[key] = counts.get(key, 0) + 1
    cover = set(keys[:start])
    body = {key for r, key in zip(blocks[start:], keys[start:]) if r.kind == "paragraph"}
    return {k for k, n in counts.items() if k and (n >= 3 or (k in cover and k in body and len(k.split()) <= 8))}


class _NoteKeys:
    """Numbering may restart (per chapter): a marker points at the next definition of its number."""

    def __init__(self) -> None:
        self.defined: dict[str, int] = {}

    def marker(self, key: str) -> str:
        label = key[3:]
        return f"{key}#{self.defined.get(label, 0) + 1}"

    def definition(self, label: str) -> str:
        self.defined[label] = self.defined.get(label, 0) + 1
        return f"fn:{label}#{self.defined[label]}"

    def relabel(self, inline: Inline) -> Inline:
        if not inline.notes:
            return inline
        return dataclasses.replace(inline, notes=tuple((off, self.marker(key)) for off, key in inline.notes))


def _body(blocks: list[_Raw], start: int, title: str | None, doc: DocBuilder) -> list[_Raw]:
    """Drop debris, turn note paragraphs into footnotes, and mend paragraphs cut by a page break."""
    running = _running_lines(blocks, start)
    keys = _NoteKeys()
    kept: list[_Raw] = []
    page_break = False
    for r in blocks[start:]:
        if r.kind == "hr":
            page_break = True
            continue
        if r.note_label is not None:
            doc.define_note(keys.definition(r.note_label), r.note_label, r.inline, kind="note")
            page_break = True
            continue
        if not r.text or _is_debris(r, title, running):
            page_break = page_break or _PAGE_NUMBER.match(r.text or "") is not None
            continue
        r.inline = keys.relabel(r.inline)
        prev = kept[-1] if kept else None
        if (prev and prev.kind == r.kind == "paragraph" and not prev.text.endswith(_TERMINAL)
                and (page_break or r.text[:1].islower())):
            prev.inline = prev.inline.join(r.inline)  # a paragraph the page break cut in two
        else:
            kept.append(r)
        page_break = False
    return kept


def _dateline(blocks, title_at) -> str | None:
    """A short "Place, Month YYYY" line just after the title, when the cover had no date."""
    after = blocks[(title_at or 0) + 1:(title_at or 0) + 5]
    for r in after:
        if r.kind == "heading":
            break
        if len(r.text.split()) <= 6 and any_date(r.text):
            return any_date(r.text)
    return None


@never_raise("markdown")
def read_markdown(text: str, source: Source) -> Document:
    """Read Markdown converted from a PDF policy paper."""
    doc = DocBuilder(source, "markdown")
    blocks = _parse(text)
    title_at = _title_index(blocks)
    start = _byline_end(blocks, _body_start(blocks, title_at))
    cover = blocks[:start]
    title = blocks[title_at].text if title_at is not None else None
    meta = {
        "title": title,
        "author": _author(cover),
        "date": next((d for d in (any_date(r.text) for r in cover) if d), None) or _dateline(blocks, title_at),
        "publisher": _publisher(cover),
    }
    for r in _body(blocks, start, title, doc):
        doc.add(r.kind, r.inline, level=r.level, context=r.context)
    return doc.finish(**meta)
