"""Wikitext lines in, blocks out: headings, paragraphs, lists, tables and back matter."""
from __future__ import annotations

import re


from analysis.readers.common import DocBuilder
from analysis.readers.wikitext.chrome import HEADING
from analysis.readers.wikitext.render import Renderer


# ---------------------------------------------------------------- block structure

_TEMPLATE_PARAM = re.compile(r"^\|\s*[A-Za-z_][\w ]*?\s*=\s*(?![\"'])")
_ATTRS = re.compile(r"""^\s*(?:[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s|"']+)\s*)+$""")
_BACK_MATTER = re.compile(r"^(?:references|notes|footnotes|citations|sources|bibliography|"
                          r"external links|further reading|notes and references)$", re.I)
_DEPTH_TOKENS = re.compile(r"\{\{|\}\}|\[\[|\]\]|<ref\b[^>]*?/\s*>|<ref\b[^>]*>|</ref\s*>|\|\||!!|\|", re.I)


def _split_top(s: str, seps: tuple[str, ...]) -> list[str]:
    """Split at `seps` where they stand outside templates, links and refs."""
    depth, parts, start = 0, [], 0
    for m in _DEPTH_TOKENS.finditer(s):
        tok = m.group().lower()
        if tok in ("{{", "[["):
            depth += 1
        elif tok in ("}}", "]]"):
            depth = max(0, depth - 1)
        elif tok.startswith("<ref") and not tok.endswith("/>"):
            depth += 1
        elif tok.startswith("</ref"):
            depth = max(0, depth - 1)
        elif depth == 0 and tok in seps:
            parts.append(s[start:m.start()])
            start = m.end()
    parts.append(s[start:])
    return parts


def _is_template_param(line: str) -> bool:
    """`| name = value` left over from a template whose opening the capture missed."""
    return bool(_TEMPLATE_PARAM.match(line)) and len(_split_top(line[1:], ("|",))) == 1


def _cell_content(cell: str) -> tuple[str, str]:
    """Split a cell into its `attributes |` prefix (maybe empty) and its content."""
    parts = _split_top(cell, ("|",))
    if len(parts) > 1 and _ATTRS.match(parts[0]):
        return parts[0], "|".join(parts[1:])
    return "", cell


_ROWSPAN = re.compile(r"rowspan\s*=\s*[\"']?(\d+)", re.I)
# An item led by the actor it is about: "{{flag|X}}: ...", "[[X]] – ...", "'''X''': ...".
_LEAD_LABEL = re.compile(r"^\s*(?:(?:\{\{flag(?:icon|deco)[^{}]*\}\}|\[\[(?:File|Image):[^\]]*\]\])\s*)*"
                         r"(\{\{[^{}]+\}\}|\[\[[^\[\]]+\]\]|'''[^']+''')\s*[:–—-]\s", re.I)
_MAX_CONTEXT = 120  # a longer first cell is content, not a label


class _Cell:
    __slots__ = ("header", "lines", "attrs")

    def __init__(self, header: bool, attrs: str, content: str):
        self.header, self.attrs, self.lines = header, attrs, [content]


class Segmenter:
    """Walks logical lines: headings, paragraphs, list items and table rows become blocks."""

    def __init__(self, doc: DocBuilder):
        self.doc = doc
        self.render = Renderer(doc)
        self.para: list[str] = []
        self.table = 0  # nesting depth of the table we are in
        self.row: list[_Cell] = []
        self.span: tuple[str | None, int] = (None, 0)  # a rowspan context and the rows it still covers
        self.term: str | None = None  # the last "; term" of a definition list
        self.skip_section = False
        self.first_heading: str | None = None

    def run(self, lines: list[str]) -> None:
        for line in lines:
            s = line.strip()
            if self.table:
                self._table_line(s)
                continue
            if not s.startswith(":"):
                self.term = None
            if not s:
                self._flush_para()
            elif HEADING.match(s):
                self._flush_para()
                self._heading(s)
            elif s.startswith("{|"):
                self._flush_para()
                self.table, self.span = 1, (None, 0)
            elif s.startswith("|}"):
                self._flush_para()  # the end of a table whose start the capture missed
            elif s.startswith(("|-", "||")) or (s.startswith("|") and not _is_template_param(s)) \
                    or (s.startswith("!") and "!!" in s):
                self._flush_para()
                self.table = 1  # a table fragment without its opening
                self._table_line(s)
            elif s.startswith("|") or s.startswith("}}"):
                continue  # parameter lines of a template whose start the capture missed
            elif s[0] in "*#;:":
                self._flush_para()
                self._list_line(s)
            else:
                self.para.append(s)
        if self.table:
            self.doc.warn(f"{self.doc.source.path}: a table is not closed with |}}")
            self._flush_row()
        self._flush_para()

    def _list_line(self, s: str) -> None:
        """`*`/`#` items (context from a leading actor label), `; term` and its `: definitions`."""
        body = s.lstrip("*#:; ")
        if s[0] == ";":
            term, _, rest = body.partition(":")
            self.term = self.render.inline(term).text or None
            if rest.strip():
                self._add("paragraph", rest, self.term)
        elif s[0] == ":":
            self._add("paragraph", body, self.term)
        else:
            label = _LEAD_LABEL.match(body)
            context = (self.render.inline(label.group(1)).text or None) if label else None
            self._add("item", body, context)

    def _heading(self, s: str) -> None:
        m = HEADING.match(s)
        inline = self.render.inline(m.group(2))
        if self.first_heading is None and inline.text:
            self.first_heading = inline.text
        self.skip_section = bool(_BACK_MATTER.match(inline.text))
        self.doc.add("heading", inline, level=len(m.group(1)))

    def _add(self, kind: str, wikitext: str, context: str | None = None, split_br: bool = False) -> None:
        if self.skip_section:
            return
        for inline in self.render.paragraphs(wikitext, split_br=split_br):
            self.doc.add(kind, inline, context=context)

    def _flush_para(self) -> None:
        if self.para:
            self._add("paragraph", "\n".join(self.para))
            self.para = []

    def _table_line(self, s: str) -> None:
        if s.startswith("{|"):
            self.table += 1
        elif s.startswith("|}"):
            self.table -= 1
            if self.table <= 0:
                self._flush_row()
                self.table = 0
        elif s.startswith("|+"):
            return  # caption
        elif s.startswith("|-"):
            self._flush_row()
        elif s.startswith("!"):
            self.row += [_Cell(True, *_cell_content(c)) for c in _split_top(s[1:], ("!!", "||"))]
        elif s.startswith("|"):
            self.row += [_Cell(False, *_cell_content(c)) for c in _split_top(s[1:], ("||",))]
        elif self.row:
            self.row[-1].lines.append(s)
        elif s:
            self._add("paragraph", s)  # text before any cell: the capture began inside one

    def _flush_row(self) -> None:
        cells, self.row = self.row, []
        if not cells or all(c.header for c in cells):
            return  # header rows name the columns; they are not content
        context, left = self.span
        if left > 0:  # the first cell of an earlier row spans this one too
            self.span = (context, left - 1)
        else:
            if len(cells) > 2 and re.fullmatch(r"[\d.\s]*", "".join(cells[0].lines)):
                cells = cells[1:]  # a numbering column: the actor is in the next cell
            context = self._context(cells[0]) if len(cells) > 1 else None
            if context is None:
                for cell in cells:
                    self._cell(cell.lines, None)
                return
            span = _ROWSPAN.search(cells[0].attrs)
            self.span = (context, int(span.group(1)) - 1) if span else (None, 0)
            cells = cells[1:]
        for cell in cells:
            self._cell(cell.lines, context)

    def _context(self, cell: _Cell) -> str | None:
        text = self.render.inline("\n".join(cell.lines)).text
        return text if text and len(text) <= _MAX_CONTEXT else None

    def _cell(self, lines: list[str], context: str | None) -> None:
        """A cell's paragraphs (blank lines, list items, <br>) each become a block."""
        kind = "row" if context else "paragraph"
        chunk: list[str] = []
        for line in [*lines, ""]:
            if not line.strip() or line.lstrip().startswith(("*", "#")):
                if chunk:
                    self._add(kind, "\n".join(chunk), context, split_br=True)
                chunk = [line.lstrip("*#: ")] if line.strip() else []
            else:
                chunk.append(line)
