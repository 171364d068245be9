"""PDF renderer (WeasyPrint): PDF/A-3b with the attachment, tags, fonts, metadata, page size,
footnotes, contents page numbers, and the URL fetcher that loads nothing but templates/.

Rendering is slow (a few seconds), so the module lays out two briefs in all: one full PDF
(hostile text, US Letter, attachment) and one layout of the plain fixture.
"""
from __future__ import annotations

import re
import sys
import zlib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "brief"))
import brief_corpus as fx  # noqa: E402

from analysis.analyses.across import across  # noqa: E402
from analysis.brief import compose  # noqa: E402
from analysis.errors import RenderError  # noqa: E402
from analysis.render import pdf as pdf_mod  # noqa: E402
from analysis.render.html import TEMPLATES, render_html  # noqa: E402

FINDINGS_JSON = b'{"schema": "findings/1", "statements": []}'


def inflate_all(pdf: bytes) -> bytes:
    """The PDF with every Flate stream inflated next to it, for searching objects and metadata."""
    out = [pdf]
    for m in re.finditer(rb"stream\r?\n", pdf):
        start = m.end()
        end = pdf.find(b"endstream", start)
        try:
            out.append(zlib.decompressobj().decompress(pdf[start:end]))
        except zlib.error:
            pass
    return b"\n".join(out)


@pytest.fixture(scope="module")
def hostile_pdf():
    cfg, docs, found, author = fx.hostile_corpus()
    cfg = fx.config(style={"page_size": "Letter"}, report={"title": cfg.report.title,
                                                            "organisation": cfg.report.organisation})
    brief = compose(cfg, docs, found, across(docs, found), build_date=fx.BUILD_DATE, author=author)
    seen: list[str] = []
    original = pdf_mod.make_fetcher
    pdf_mod.make_fetcher = lambda logo=None, **kw: original(logo, record=seen)
    try:
        data = pdf_mod.render_pdf(brief, attachments={"findings.json": FINDINGS_JSON})
    finally:
        pdf_mod.make_fetcher = original
    return data, inflate_all(data), seen


def test_pdf_a3b_with_findings_attached(hostile_pdf):
    data, text, _ = hostile_pdf
    assert data.startswith(b"%PDF-1.7")
    assert re.search(rb'pdfaid:part="3"', text) and re.search(rb'pdfaid:conformance="B"', text)
    assert b"/EmbeddedFile" in text and b"(findings.json)" in text
    assert FINDINGS_JSON in text
    assert b"/AFRelationship /Data" in text and b"/AF " in text
    assert b"/OutputIntents" in text


def test_tagged_fonts_embedded_and_metadata(hostile_pdf):
    _, text, _ = hostile_pdf
    assert b"/StructTreeRoot" in text and b"/MarkInfo" in text
    assert b"/Alt" in text  # chart images carry their alt text into the tags
    descriptors = text.count(b"/Type /FontDescriptor")
    assert descriptors and text.count(b"/FontFile2") >= descriptors
    assert b"Brief &lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in text  # XMP title, escaped, unevaluated
    assert b"<xmp:CreateDate>2024-06-30</xmp:CreateDate>" in text
    assert b"<pdf:Keywords>recognition, elections, thresholds</pdf:Keywords>" in text


def test_letter_pages(hostile_pdf):
    _, text, _ = hostile_pdf
    boxes = re.findall(rb"/MediaBox \[([^\]]+)\]", text)
    assert boxes and all([float(v) for v in b.split()] == [0, 0, 612, 792] for b in boxes)


def test_fetcher_saw_nothing_outside_templates_and_data(hostile_pdf):
    _, _, seen = hostile_pdf
    root = TEMPLATES.resolve().as_uri()
    assert seen, "the chart images are fetched as data: URIs"
    for url in seen:
        assert url.startswith("data:") or url.startswith(root + "/"), url


def test_fetcher_refuses_everything_else(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    fetcher = pdf_mod.make_fetcher(str(logo))
    for url in ("file:///etc/passwd", "http://example.org/x.css", "https://example.org/a.png",
                f"{TEMPLATES.as_uri()}/../../../etc/passwd", "ftp://example.org/x", "javascript:alert(1)",
                (tmp_path / "other.png").as_uri()):
        with pytest.raises(ValueError):
            fetcher(url)
    assert fetcher("data:text/plain,ok").read() == b"ok"
    assert fetcher(logo.as_uri()).read().startswith(b"\x89PNG")
    css = TEMPLATES / "common.css.j2"
    assert fetcher(css.as_uri()).read() == css.read_bytes()


def test_weasyprint_errors_become_render_errors(monkeypatch):
    import weasyprint

    def boom(*a, **k):
        raise ValueError("bad\nthing")

    monkeypatch.setattr(weasyprint, "HTML", boom)
    found = fx.findings()
    brief = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE)
    with pytest.raises(RenderError) as err:
        pdf_mod.render_pdf(brief, attachments={})
    assert "\n" not in str(err.value) and "PDF rendering failed" in str(err.value)


# ---------------------------------------------------------------- layout of the plain fixture
@pytest.fixture(scope="module")
def layout():
    import weasyprint

    found = fx.findings()
    brief = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE,
                    author=fx.AUTHOR)
    html = render_html(brief, for_print=True)
    doc = weasyprint.HTML(string=html, base_url=TEMPLATES.as_uri() + "/",
                          url_fetcher=pdf_mod.make_fetcher()).render()
    return brief, doc


def _texts(box) -> list[str]:
    out = []
    for child in getattr(box, "children", ()):
        if hasattr(child, "text") and isinstance(child.text, str):
            out.append(child.text)
        out.extend(_texts(child))
    return out


def _footnote_texts(page) -> list[str]:
    areas = [c for c in page._page_box.children if type(c).__name__ == "FootnoteAreaBox"]
    return [" ".join(" ".join(_texts(fn)).split()) for area in areas for fn in area.children]


def test_footnotes_land_at_the_foot_of_pages(layout):
    brief, doc = layout
    # Notes run on (footnote-display: inline): a page's notes read as one paragraph, each with its number.
    notes = " ".join(t for page in doc.pages for t in _footnote_texts(page))
    # WeasyPrint#2502: with border-top + padding/margin-top on @footnote every note is lost.
    at = 0
    for c in brief.citations:
        at = notes.index(f"{c.number}. {c.text}", at)


def test_cover_contents_and_page_numbers(layout):
    brief, doc = layout
    assert len(doc.pages) >= 8
    page_size = (doc.pages[0].width, doc.pages[0].height)
    assert tuple(round(v) for v in page_size) == (794, 1123)  # A4 in CSS px
    toc = " ".join(" ".join(_texts(doc.pages[0]._page_box)).split())  # the contents share the cover page
    assert "Contents" in toc and "Key findings" in toc
    assert re.search(r"Positions and who said what[ .]+\d+", toc)
    first_body = " ".join(" ".join(_texts(doc.pages[1]._page_box)).split())
    assert "Executive summary" in first_body and f"Page 2 of {len(doc.pages)}" in first_body
    cover = " ".join(" ".join(_texts(doc.pages[0]._page_box)).split())
    assert "Page 1" not in cover and brief.meta.title in cover


# ---------------------------------------------------------------- line breaking
def _first_lines(html: str) -> list[str]:
    import weasyprint

    doc = weasyprint.HTML(string=html).render()
    out: list[str] = []

    def walk(box):
        lines = [c for c in getattr(box, "children", ()) if type(c).__name__ == "LineBox"]
        if lines:
            out.append(" ".join(_texts(lines[0])).strip())
            return
        for c in getattr(box, "children", ()):
            walk(c)
    for page in doc.pages:
        walk(page._page_box.children[0])  # the page area, not its header and footer
    return out


def test_a_paragraph_does_not_break_after_its_first_word_before_a_link():
    """WeasyPrint measures a run of text with the space that ends it; when the words alone just fit
    the line and an element (a figure reference, a quotation) follows, it broke the line after the
    first word ("The / sources make ..."). The macro puts that space in an element of its own."""
    from analysis.model.brief import Span, XRef
    from analysis.render.html import css, environment

    brief = compose(fx.config(), fx.DOCUMENTS, fx.findings(), across(fx.DOCUMENTS, fx.findings()),
                    build_date=fx.BUILD_DATE)
    macros = environment().get_template("macros.html.j2").make_module({"for_print": True, "brief": brief})
    parts = (Span("The observers counted 4 polling stations (2 urban, 1 rural, 1 mobile) in 3 districts. "),
             XRef(kind="figure", number=2, target="fig-2"),
             Span(" shows them; each district is described below, in the order of the count."))
    paragraph = str(macros.inlines(parts))
    assert "districts. <a" not in paragraph
    # Widths around the one where the first sentence just fits: the break comes after it, never after "The".
    page = "<html lang='en'><head><style>{css}</style></head><body class='print'>{ps}</body></html>".format(
        css=css(brief, for_print=True).replace("float: footnote", "display: none"),
        ps="".join(f"<p style='width: {w}px; margin: 0; break-inside: avoid'>{paragraph}</p>" for w in range(540, 640, 2)))
    firsts = _first_lines(page)
    assert len(firsts) == 50
    assert all(len(first.split()) > 3 for first in firsts), [f for f in firsts if len(f.split()) <= 3]


def test_a_paragraph_right_before_a_table_keeps_with_it_and_a_table_note_with_its_table():
    """Table 9's lead-in ended one page and the table began the next; "12 of 19; ..." began a page
    under nothing. The lead-in is marked and print.css keeps it, and the note, with the table."""
    found = fx.findings()
    brief = compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE,
                    author=fx.AUTHOR)
    html = render_html(brief, for_print=True)
    before = re.findall(r"<(p|h\d|figure|div|ul|blockquote|aside)\b([^>]*)>(?:(?!<(?:p|h\d|figure|div|ul|blockquote|aside|table)\b).)*?</\1>\s*<table", html, re.S)
    paragraphs = [attrs for tag, attrs in before if tag == "p"]
    assert paragraphs and all(re.search(r'class="[^"]*\blead\b', attrs) for attrs in paragraphs)
    css = css_of(brief)
    assert re.search(r"p\.lead\s*\{\s*break-after:\s*avoid", css)
    assert re.search(r"p\.table-note\s*\{\s*break-before:\s*avoid", css)


def css_of(brief) -> str:
    from analysis.render.html import css
    return css(brief, for_print=True)
