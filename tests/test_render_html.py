"""HTML renderer: golden STRUCTURE (not bytes), citations, self-containment and escaping.

Set UPDATE_GOLDEN=1 to rewrite tests/golden/brief_html.json after an intended change.
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "brief"))
import brief_corpus as fx  # noqa: E402
from html_tree import parse  # noqa: E402

from analysis.analyses.across import across  # noqa: E402
from analysis.brief import compose  # noqa: E402
from analysis.model.brief import SECTION_IDS  # noqa: E402
from analysis.render.html import markdown_html, render_html, safe_url  # noqa: E402

GOLDEN = Path(__file__).parent / "golden" / "brief_html.json"


@pytest.fixture(scope="module")
def brief():
    found = fx.findings()
    return compose(fx.config(), fx.DOCUMENTS, found, across(fx.DOCUMENTS, found), build_date=fx.BUILD_DATE,
                   author=fx.AUTHOR)


@pytest.fixture(scope="module")
def screen(brief):
    return render_html(brief, for_print=False)


@pytest.fixture(scope="module")
def printed(brief):
    return render_html(brief, for_print=True)


def structure(html: str) -> dict:
    root = parse(html)
    main = next(root.iter("main"))
    sections = []
    for s in main.iter("section"):
        sections.append({"id": s.attrs["id"],
                         "headings": [f"{h.tag}#{h.attrs.get('id', '')} {' '.join(h.text().split())}"
                                      for h in s.iter() if h.tag in ("h1", "h2", "h3") and h.parent is s],
                         "tables": [t.attrs["id"] for t in s.iter("table")],
                         "figures": [f.attrs["id"] for f in s.iter("figure")],
                         "findings": len(list(s.iter(cls="finding")))})
    return {
        "order": [n.attrs["id"] for n in root.iter("section") if n.parent.tag in ("body", "main")],
        "sections": sections,
        "table_captions": [" ".join(c.text().split()) for c in root.iter("caption")],
        "figure_captions": [" ".join(c.text().split())[:60] for c in root.iter("figcaption")],
        "toc": [" ".join(a.text().split()) for a in next(root.iter("nav")).iter("a")],
    }


def test_golden_structure(screen):
    got = structure(screen)
    if os.environ.get("UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n")
    assert got == json.loads(GOLDEN.read_text())


def test_sections_and_numbering(screen, brief):
    s = structure(screen)
    assert s["order"] == ["cover", *SECTION_IDS, "notes"]
    tables = [t for sec in s["sections"] for t in sec["tables"]]
    assert tables == [f"tab-{i}" for i in range(1, len(tables) + 1)]
    assert [c.split(".")[0] for c in s["table_captions"]] == [f"Table {i}" for i in range(1, len(tables) + 1)]
    figs = [f for sec in s["sections"] for f in sec["figures"]]
    assert figs == [f"fig-{i}" for i in range(1, len(brief.charts) + 1)]
    assert [c.split(".")[0] for c in s["figure_captions"]] == [f"Figure {i}" for i in range(1, len(figs) + 1)]


def test_cross_references_point_at_numbered_items(screen):
    root = parse(screen)
    ids = {n.attrs["id"] for n in root.iter() if "id" in n.attrs}
    xrefs = list(root.iter("a", cls="xref"))
    assert xrefs
    for a in xrefs:
        target = a.attrs["href"][1:]
        assert target in ids
        kind, number = a.text().split()
        assert target == f"{'fig' if kind == 'Figure' else 'tab'}-{number}"


def test_every_finding_has_a_footnote_screen(screen, brief):
    root = parse(screen)
    notes = {li.attrs["id"]: li for li in next(root.iter("section", cls="notes")).iter("li")}
    assert len(notes) == len(brief.citations)
    findings = list(root.iter(cls="finding"))
    assert len(findings) > 50
    for node in findings:
        refs = list(node.iter("sup", cls="fnref"))
        assert refs, node.text()[:80]
        for sup in refs:
            a = next(sup.iter("a"))
            assert a.attrs["href"][1:] in notes
    numbers = [int(n.text()) for n in root.iter("sup", cls="fnref")]
    assert numbers == list(range(1, len(brief.citations) + 1))


def test_every_finding_has_a_footnote_print(printed, brief):
    root = parse(printed)
    for node in root.iter(cls="finding"):
        assert list(node.iter("span", cls="footnote")), node.text()[:80]
    notes = [n.text() for n in root.iter("span", cls="footnote")]
    assert notes == [c.text for c in brief.citations]
    assert re.search(r"\.footnote \{\s*float: footnote;", printed)


def test_self_contained(screen):
    root = parse(screen)
    assert not list(root.iter("link")) and not list(root.iter("script"))
    for node in root.iter():
        for attr in ("src", "href"):
            value = node.attrs.get(attr)
            if value is not None and node.tag != "a":
                assert value.startswith("data:"), value
            if node.tag == "a" and value:
                assert value.startswith("#") or safe_url(value), value
    assert len(list(root.iter("svg"))) == 5


def test_print_html_uses_svg_images_with_alt(printed, brief):
    root = parse(printed)
    imgs = list(root.iter("img"))
    assert len(imgs) == len(brief.charts)
    for img, chart in zip(imgs, brief.charts):
        assert img.attrs["src"].startswith("data:image/svg+xml;base64,")
        assert img.attrs["alt"] == chart.alt


def test_metadata(printed):
    root = parse(printed)
    meta = {m.attrs.get("name"): m.attrs.get("content") for m in root.iter("meta") if m.attrs.get("name")}
    assert meta["author"] == "A. Analyst, B. Reviewer"
    assert meta["description"] == "A comparative brief on three invented sources"
    assert meta["keywords"] == "recognition, elections, thresholds"
    assert meta["dcterms.created"] == fx.BUILD_DATE
    assert next(root.iter("title")).text() == "Vellmar, Karsk and the Coastal Routes"


def test_author_markdown_renders_with_raw_html_off():
    html = markdown_html("**bold** <b>raw</b> [x](javascript:alert(1)) [y](https://example.org) ![i](file:///x)\n"
                         "\n# Heading")
    assert "<strong>bold</strong>" in html
    assert "&lt;b&gt;raw&lt;/b&gt;" in html
    assert 'href="javascript' not in html and "<img" not in html
    assert '<a href="https://example.org">y</a>' in html
    assert "<h3>Heading</h3>" in html


# ---------------------------------------------------------------- security (issue #8)
@pytest.fixture(scope="module")
def hostile_html():
    cfg, docs, found, author = fx.hostile_corpus()
    b = compose(cfg, docs, found, across(docs, found), build_date=fx.BUILD_DATE, author=author)
    return render_html(b, for_print=False), render_html(b, for_print=True)


@pytest.mark.parametrize("which", [0, 1])
def test_hostile_text_stays_literal(hostile_html, which):
    html = hostile_html[which]
    root = parse(html)
    assert not list(root.iter("script")) and not list(root.iter("iframe"))
    imgs = [n for n in root.iter("img")]
    assert all(n.attrs["src"].startswith("data:") for n in imgs)
    assert "49" not in next(root.iter("title")).text()  # {{ 7*7 }} never evaluated
    body_text = root.text()
    for s in fx.HOSTILE:
        assert s in body_text, s
    assert "{{ 7*7 }}" in body_text and "\\input{/etc/passwd}" in body_text
    for a in root.iter("a"):
        href = a.attrs.get("href", "")
        assert href.startswith("#") or safe_url(href), href
    assert "RAW-HTML-BLOCK" in body_text and "<div>RAW-HTML-BLOCK</div>" in body_text
    assert "file:///etc/passwd" not in " ".join(n.attrs.get("src", "") + n.attrs.get("href", "")
                                                for n in root.iter())


def test_no_doubled_quotation_marks(screen):
    """Words set in our quotation marks keep the source's own marks as single ones: never “"…"” or ““…””."""
    import re as _re

    quoted = _re.findall(r'<q class="quote">(.*?)</q>', screen, _re.S)
    assert quoted
    for q in quoted:
        assert '"' not in q and "“" not in q and "”" not in q and "&#34;" not in q, q


def test_screen_annex_is_collapsible_print_annex_is_not(screen, printed):
    annex = screen[screen.index('<section id="sources"'):]
    assert annex.index("<details") < annex.index('id="sources-list"') < annex.index("</details>")
    assert "<details" not in printed
