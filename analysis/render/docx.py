"""Brief -> DOCX bytes through pandoc, from a pandoc JSON AST built here.

Source text never passes through a Markdown or HTML parser: every string from the
sources becomes `Str`/`Space` nodes, so nothing in it can turn into markup, raw OpenXML
or a field. Author Markdown is parsed by pandoc with raw HTML/TeX off and the result is
scrubbed of raw blocks, non-data images and non-http(s) links. pandoc runs with
--sandbox; charts travel as data: URIs inside the AST, so pandoc reads no file but the
reference document given on its command line. Citations are real Word footnotes;
figures and tables get Word SEQ-field numbering (docx+native_numbering); the contents are
written out as a list of links (a TOC field shows empty until Word updates it).
"""
from __future__ import annotations

import base64
import datetime as _dt
import io
import json
import os
import re
import subprocess
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ..charts.style import accent_ink, raster
from ..errors import RenderError
from ..model.brief import (AuthorText, Brief, BulletList, Callout, Cite, FigureRef, Heading, Inline, Link, Para,
                           Quote, Section, SourceList, Span, Table, XRef, nested_quotes)
from .html import safe_url

WRITER = "docx+native_numbering"
READER_AUTHOR = ("markdown-raw_html-raw_tex-raw_attribute-tex_math_dollars-tex_math_single_backslash"
                 "-tex_math_double_backslash-citations-implicit_figures")
TIMEOUT = 120
REF_ACCENT = "1F4E79"
REF_BODY_FONT = "DejaVu Serif"
REF_HEADING_FONT = "DejaVu Sans"
TITLE_MARK = "@@BRIEF-TITLE@@"
ORG_MARK = "@@BRIEF-ORGANISATION@@"
PAGE_SIZES = {"A4": (11906, 16838), "Letter": (12240, 15840)}
TEXT_WIDTH_IN = 6.5
"""The text width of the reference document's A4 page (6.54 in; Letter has 6.77): charts drawn 6.4 in
wide go in at their own size, so their 7 pt labels stay 7 pt."""
PAGE_BREAK = {"t": "RawBlock", "c": ["openxml", '<w:p><w:r><w:br w:type="page"/></w:r></w:p>']}
"""Our own fixed OpenXML (never source text): a page break before a section."""
NO_BREAK_BEFORE = ("key-findings", "positions", "precedents", "figures", "timeline")
"""Sections that run on from the one before (as in the PDF): breaks only before the summary and the annex."""


# ---------------------------------------------------------------- pandoc process
def pandoc_path() -> str:
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError) as exc:
        raise RenderError(f"pandoc is not available ({exc}); install pypandoc-binary") from None


def _run(args: list[str], data: bytes, env: dict[str, str] | None = None) -> bytes:
    try:
        proc = subprocess.run([pandoc_path(), *args], input=data, capture_output=True, timeout=TIMEOUT,
                              env=env, check=False)
    except subprocess.TimeoutExpired:
        raise RenderError(f"pandoc did not finish within {TIMEOUT} s") from None
    except OSError as exc:
        raise RenderError(f"pandoc could not be started ({exc.strerror})") from None
    if proc.returncode != 0:
        message = " ".join(proc.stderr.decode("utf-8", "replace").split())[:200] or f"exit code {proc.returncode}"
        raise RenderError(f"pandoc failed: {message}")
    return proc.stdout


@lru_cache(maxsize=1)
def api_version() -> list[int]:
    out = _run(["--sandbox", "-f", "markdown", "-t", "json"], b"")
    return json.loads(out)["pandoc-api-version"]


# ---------------------------------------------------------------- AST helpers
def _attr(ident: str = "", classes: list[str] | None = None, kv: list[list[str]] | None = None) -> list:
    return [ident, classes or [], kv or []]


def text(s: str) -> list[dict]:
    """Plain text as Str/Space nodes: nothing in `s` is interpreted."""
    out: list[dict] = []
    for i, word in enumerate(s.split(" ")):
        if i:
            out.append({"t": "Space"})
        if word:
            out.append({"t": "Str", "c": word})
    return out


def plain(s: str) -> dict:
    return {"t": "Plain", "c": text(s)}


def para(inl: list) -> dict:
    return {"t": "Para", "c": inl}


def div(blocks: list, style: str | None = None, ident: str = "") -> dict:
    kv = [["custom-style", style]] if style else []
    return {"t": "Div", "c": [_attr(ident, [], kv), blocks]}


def note(c: Cite) -> dict:
    return {"t": "Note", "c": [para(text(c.citation.text))]}


def inlines(parts: tuple[Inline, ...]) -> list[dict]:
    out: list[dict] = []
    for p in parts:
        if isinstance(p, Span):
            nodes = text(p.text)
            if p.style == "em":
                out.append({"t": "Emph", "c": nodes})
            elif p.style == "strong":
                out.append({"t": "Strong", "c": nodes})
            elif p.style == "quote":
                out.append({"t": "Quoted", "c": [{"t": "DoubleQuote"}, text(nested_quotes(p.text))]})
            else:
                out.extend(nodes)
        elif isinstance(p, Cite):
            out.append(note(p))
        elif isinstance(p, XRef):
            out.append({"t": "Link", "c": [_attr(), text(p.text), ["#" + p.target, ""]]})
        elif isinstance(p, Link):
            if safe_url(p.url):
                out.append({"t": "Link", "c": [_attr(), text(p.text), [p.url.strip(), ""]]})
            else:
                out.extend(text(p.text))
    return out


def _cell(blocks: list, align: str = "AlignDefault") -> list:
    return [_attr(), {"t": align}, 1, 1, blocks]


def table(t: Table) -> list[dict]:
    aligns = ["AlignRight" if c.align == "right" else "AlignLeft" for c in t.columns]
    total = sum(c.width for c in t.columns) or 1
    colspecs = [[{"t": a}, {"t": "ColWidth", "c": round(c.width / total, 4)}] for a, c in zip(aligns, t.columns)]
    head = [_attr(), [[_attr(), [_cell([plain(c.label)], a) for c, a in zip(t.columns, aligns)]]]]
    rows = []
    for row in t.rows:
        cells = []
        for cell, a in zip(row.cells, aligns):
            nodes = inlines(cell.parts)
            if cell.style == "quote":
                nodes = [{"t": "Emph", "c": nodes}]
            cells.append(_cell([{"t": "Plain", "c": nodes}], a))
        rows.append([_attr(), cells])
    body = [[_attr(), 0, [], rows]]
    caption = [None, [plain(t.caption)]]
    out = [{"t": "Table", "c": [_attr(t.id), caption, colspecs, head, body, [_attr(), []]]}]
    if t.note:
        out.append(div([para(text(t.note))], "Source Note"))
    return out


def figure(brief: Brief, ref: FigureRef) -> dict:
    chart = brief.chart(ref.chart)
    png = chart.png or (raster(chart.spec) if chart.spec else b"")  # the build drew only the SVG
    uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    width = min(chart.width, TEXT_WIDTH_IN)
    image = {"t": "Image", "c": [_attr("", [], [["width", f"{width:.2f}in"]]), text(chart.alt), [uri, chart.title]]}
    caption = [None, [{"t": "Plain", "c": [{"t": "Strong", "c": text(chart.title + ".")}, {"t": "Space"},
                                            *text(chart.caption)]}]]
    return {"t": "Figure", "c": [_attr(chart.id), caption, [{"t": "Plain", "c": [image]}]]}


# ---------------------------------------------------------------- author Markdown
def _scrub(node: Any) -> Any:
    """Drop raw blocks/inlines, keep only data: images (as their alt text otherwise) and http(s) links."""
    if isinstance(node, list):
        out = []
        for item in node:
            r = _scrub(item)
            if r is None:
                continue
            if isinstance(r, tuple):  # spliced replacement
                out.extend(r)
            else:
                out.append(r)
        return out
    if not isinstance(node, dict):
        return node
    kind = node.get("t")
    if kind in ("RawBlock", "RawInline"):
        return None
    if kind == "Image":
        return tuple(_scrub(node["c"][1]))
    if kind == "Link":
        target = node["c"][2][0]
        if not safe_url(target):
            return tuple(_scrub(node["c"][1]))
    if kind == "Header":
        level, attr, content = node["c"]
        return {"t": "Header", "c": [min(6, level + 2), ["", [], []], _scrub(content)]}
    if "c" in node:
        return {"t": kind, "c": _scrub(node["c"])}
    return node


def author_blocks(markdown: str) -> list[dict]:
    out = _run(["--sandbox", "-f", READER_AUTHOR, "-t", "json"], markdown.encode("utf-8"))
    return _scrub(json.loads(out)["blocks"])


# ---------------------------------------------------------------- the document
def blocks_for(brief: Brief, section: Section) -> list[dict]:
    out: list[dict] = []
    number = f"{section.number} " if section.number else ""
    out.append({"t": "Header", "c": [1, _attr(section.id), text(number + section.title)]})
    for b in section.blocks:
        if isinstance(b, Heading):
            out.append({"t": "Header", "c": [b.level, _attr(b.id), text(b.text)]})
        elif isinstance(b, Para):
            nodes = inlines(b.parts)
            if b.kind == "note":
                out.append(div([para(nodes)], "Source Note"))
            elif b.kind == "empty":
                out.append(para([{"t": "Emph", "c": nodes}]))
            else:
                out.append(para(nodes))
        elif isinstance(b, BulletList):
            items = [[{"t": "Para" if b.kind == "key" else "Plain", "c": inlines(i.parts)}] for i in b.items]
            out.append({"t": "BulletList", "c": items})
        elif isinstance(b, AuthorText):
            out.append(div(author_blocks(b.markdown), "Commentary"))
        elif isinstance(b, Quote):
            out.append({"t": "BlockQuote", "c": [para(text(b.text))]})
            out.append(div([para(inlines(b.attribution))], "Attribution"))
        elif isinstance(b, Callout):
            out.append(div([para([{"t": "Strong", "c": text("Tension: " + b.title)}]),
                            para([{"t": "Emph", "c": text(b.quote)}])], "Callout"))
            out.append(div([para(inlines(b.attribution))], "Attribution"))
        elif isinstance(b, Table):
            out.extend(table(b))
        elif isinstance(b, FigureRef):
            out.append(figure(brief, b))
        elif isinstance(b, SourceList):
            for e in b.entries:
                out.append(para([{"t": "Strong", "c": text(f"{e.key}  {e.title}")}]))
                lines: list[dict] = []
                fields = list(e.fields)  # notes cite by the letter: no "cited as" short title
                for i, (label, value) in enumerate(fields):
                    if i:
                        lines.append({"t": "LineBreak"})
                    lines.append({"t": "Strong", "c": text(label + ":")})
                    lines.append({"t": "Space"})
                    if safe_url(value):
                        lines.append({"t": "Link", "c": [_attr(), text(value), [value, ""]]})
                    else:
                        lines.extend(text(value))
                out.append(div([para(lines)], "Source Note"))
    return out


def _meta_str(s: str) -> dict:
    return {"t": "MetaInlines", "c": text(s)}


def long_date(iso: str) -> str:
    try:
        parts = [int(p) for p in iso.split("-")]
        if len(parts) == 3:
            return _dt.date(*parts).strftime("%-d %B %Y")
    except ValueError:
        pass
    return iso


def document_ast(brief: Brief) -> dict:
    m = brief.meta
    meta: dict[str, Any] = {
        "title": _meta_str(m.title),
        "date": _meta_str(long_date(m.date)),
        "lang": _meta_str("en-GB"),
        "toc-title": _meta_str("Contents"),
        "subject": _meta_str(m.subject),
        "description": _meta_str(m.subject),
    }
    if m.subtitle:
        meta["subtitle"] = _meta_str(m.subtitle)
    authors = list(m.authors) or ([m.organisation] if m.organisation else [])
    if authors:
        meta["author"] = {"t": "MetaList", "c": [_meta_str(a) for a in authors]}
    if m.keywords:
        meta["keywords"] = {"t": "MetaList", "c": [_meta_str(k) for k in m.keywords]}
    if m.organisation:
        meta["abstract-title"] = _meta_str("Prepared by")
        meta["abstract"] = {"t": "MetaBlocks", "c": [para(text(m.organisation))]}
    blocks: list[dict] = contents(brief)
    for section in brief.sections:
        if section.id not in NO_BREAK_BEFORE:
            blocks.append(PAGE_BREAK)
        blocks.extend(blocks_for(brief, section))
    blocks.append(div([para(text(f"Built {m.build_date} with make-report"
                                 + (f" for {m.organisation}" if m.organisation else "")
                                 + ". Findings cite their source document and paragraph in footnotes; "
                                   "quotations are the sources' exact words."))], "Colophon"))
    return {"pandoc-api-version": api_version(), "meta": meta, "blocks": blocks}


def contents(brief: Brief) -> list[dict]:
    """A contents list written out (links to the section bookmarks), not a Word TOC field: a field
    shows empty until Word updates it, and LibreOffice and viewers never do."""
    items = []
    for s in brief.sections:
        number = f"{s.number}  " if s.number else ""
        entry: list[dict] = [{"t": "Plain", "c": [{"t": "Link", "c": [_attr(), text(number + s.title), ["#" + s.id, ""]]}]}]
        subs = [b for b in s.blocks if isinstance(b, Heading) and b.level == 2] if s.id == "positions" else []
        if subs:
            entry.append({"t": "BulletList", "c": [[{"t": "Plain", "c": [
                {"t": "Link", "c": [_attr(), text(h.text), ["#" + h.id, ""]]}]}] for h in subs]})
        items.append(entry)
    return [PAGE_BREAK, div([para(text("Contents"))], "TOC Heading"), {"t": "BulletList", "c": items}]


def keep_rows_whole(doc: str) -> str:
    """Every table row kept on one page (w:cantSplit), header rows included."""
    doc = re.sub(r"<w:tr>(?!<w:trPr>)", "<w:tr><w:trPr><w:cantSplit/></w:trPr>", doc)
    return re.sub(r"<w:tr><w:trPr>(?!<w:cantSplit/>)", "<w:tr><w:trPr><w:cantSplit/>", doc)


# ---------------------------------------------------------------- post-processing
def _epoch(build_date: str) -> int:
    try:
        day = _dt.date.fromisoformat(build_date[:10])
    except ValueError:
        day = _dt.date(2000, 1, 1)
    return int(_dt.datetime(day.year, day.month, day.day, tzinfo=_dt.timezone.utc).timestamp())


def _attr_text(s: str) -> str:
    return escape(s, {'"': "&quot;"})


def finish(docx: bytes, brief: Brief) -> bytes:
    """Fill the running header/footer, apply the brief's accent, fonts and page size, and
    rewrite the zip with fixed timestamps so identical briefs give identical bytes."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    files = {info.filename: src.read(info.filename) for info in src.infolist()}
    accent = accent_ink(brief.style.accent if re.fullmatch(r"#[0-9A-Fa-f]{6}", brief.style.accent or "")
                        else "#1f4e79").lstrip("#").upper()
    body_font = re.sub(r"[^A-Za-z0-9 _-]", "", brief.style.body_font or "") or REF_BODY_FONT
    heading_font = re.sub(r"[^A-Za-z0-9 _-]", "", brief.style.heading_font or "") or REF_HEADING_FONT
    tint = "".join(f"{round(int(accent[i:i + 2], 16) + (255 - int(accent[i:i + 2], 16)) * 0.9):02X}"
                   for i in (0, 2, 4))
    for name in list(files):
        if name in ("word/styles.xml",) or re.fullmatch(r"word/(header|footer)\d+\.xml", name):
            xml = files[name].decode("utf-8")
            xml = xml.replace(REF_ACCENT, accent).replace("E8EDF3", tint)
            xml = xml.replace(f'"{REF_BODY_FONT}"', f'"{_attr_text(body_font)}"')
            xml = xml.replace(f'"{REF_HEADING_FONT}"', f'"{_attr_text(heading_font)}"')
            xml = xml.replace(TITLE_MARK, escape(brief.meta.title))
            xml = xml.replace(ORG_MARK, escape(brief.meta.organisation or ""))
            files[name] = xml.encode("utf-8")
    doc = files["word/document.xml"].decode("utf-8")
    w, h = PAGE_SIZES.get(brief.style.page_size, PAGE_SIZES["A4"])
    doc = re.sub(r"<w:pgSz\b[^>]*/>", f'<w:pgSz w:w="{w}" w:h="{h}"/>', doc)
    doc = doc.replace(REF_ACCENT, accent).replace("E8EDF3", tint)
    # pandoc puts the image source (here a whole data: URI) in pic:cNvPr/@descr; use the alt text
    # of the drawing (wp:docPr/@descr) there too.
    doc = re.sub(r'(<wp:docPr[^>]*?descr="([^"]*)".*?<pic:cNvPr[^>]*?descr=")data:[^"]*(")',
                 lambda m: m.group(1) + m.group(2) + m.group(3), doc, flags=re.S)
    files["word/document.xml"] = keep_rows_whole(doc).encode("utf-8")
    iso = f"{brief.meta.build_date[:10]}T00:00:00Z"
    core = files.get("docProps/core.xml", b"").decode("utf-8")
    core = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*", lambda m: m.group(1) + iso, core)
    files["docProps/core.xml"] = core.encode("utf-8")
    stamp = _dt.date.fromtimestamp(_epoch(brief.meta.build_date))
    when = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in files:
            info = zipfile.ZipInfo(name, when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, files[name])
    return out.getvalue()


def render_docx(brief: Brief, *, reference_docx: Path) -> bytes:
    """Build the DOCX with pandoc (sandboxed) on `reference_docx` (templates/reference.docx).
    Raises RenderError with a one-line message when pandoc fails."""
    ref = Path(reference_docx)
    if not ref.is_file():
        raise RenderError(f"reference document {ref} not found; run templates/build_reference_docx.py")
    ast = json.dumps(document_ast(brief), ensure_ascii=False).encode("utf-8")
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")}
    env["SOURCE_DATE_EPOCH"] = str(_epoch(brief.meta.build_date))
    data = _run(["--sandbox", "-f", "json", "-t", WRITER,
                 f"--reference-doc={ref.resolve()}", "-o", "-"], ast, env=env)
    try:
        return finish(data, brief)
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as exc:
        raise RenderError(f"pandoc produced an unreadable DOCX ({exc})") from None


def write(brief: Brief, options) -> bytes:
    """The registry's entry point (render/__init__.py), on the templates' reference.docx."""
    return render_docx(brief, reference_docx=Path(options.templates) / "reference.docx")
