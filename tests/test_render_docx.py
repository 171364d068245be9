"""DOCX renderer (pandoc): golden STRUCTURE of word/document.xml, footnotes, SEQ fields, alt text,
house styles, determinism and hostile text.

Set UPDATE_GOLDEN=1 to rewrite tests/golden/brief_docx.json after an intended change.
"""
from __future__ import annotations

import json
import os
import re
import sys
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "brief"))
import brief_corpus as fx  # noqa: E402

from analysis.analyses.across import across  # noqa: E402
from analysis.brief import compose  # noqa: E402
from analysis.render.docx import render_docx  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "templates" / "reference.docx"
GOLDEN = Path(__file__).parent / "golden" / "brief_docx.json"


def build(config=None, docs=fx.DOCUMENTS, found=None, author=fx.AUTHOR):
    found = found or fx.findings()
    return compose(config or fx.config(), docs, found, across(docs, found), build_date=fx.BUILD_DATE,
                   author=author)


@pytest.fixture(scope="module")
def brief():
    return build()


@pytest.fixture(scope="module")
def docx(brief):
    return render_docx(brief, reference_docx=REFERENCE)


@pytest.fixture(scope="module")
def parts(docx):
    z = zipfile.ZipFile(BytesIO(docx))
    return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}


def texts(xml: str) -> str:
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def structure(document_xml: str) -> dict:
    styles = re.findall(r'<w:pStyle w:val="([^"]+)"', document_xml)
    paras = re.findall(r"<w:p>(.*?)</w:p>|<w:p [^>]*>(.*?)</w:p>", document_xml, re.S)
    headings = []
    for a, b in paras:
        body = a or b
        m = re.search(r'<w:pStyle w:val="(Heading[1-3])"', body)
        if m:
            headings.append(f"{m.group(1)} {texts(body)}")
    captions = []
    for a, b in paras:
        body = a or b
        if re.search(r'<w:pStyle w:val="(TableCaption|ImageCaption)"', body):
            captions.append(texts(body)[:50])
    return {"styles": sorted(set(styles)), "headings": headings, "captions": captions,
            "seq": re.findall(r"SEQ (\w+)", document_xml), "tables": document_xml.count("<w:tbl>"),
            "images": document_xml.count("<wp:docPr ")}


def test_golden_structure(parts):
    got = structure(parts["word/document.xml"])
    if os.environ.get("UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n")
    assert got == json.loads(GOLDEN.read_text())


def test_house_styles_used(parts):
    used = set(structure(parts["word/document.xml"])["styles"])
    assert {"Title", "Subtitle", "Author", "Date", "Heading1", "Heading2", "TableCaption", "ImageCaption",
            "BlockText", "Commentary", "Callout", "TOCHeading"} <= used
    styles = parts["word/styles.xml"]
    for sid in ("TableCaption", "ImageCaption"):
        assert re.search(r'w:styleId="%s".*?<w:basedOn w:val="Caption"\s*/>' % sid, styles, re.S)
    assert re.search(r'w:styleId="Heading1".*?<w:color w:val="1F4E79"\s*/>', styles, re.S)
    assert 'w:ascii="DejaVu Serif"' in styles and 'w:ascii="DejaVu Sans"' in styles


def test_native_numbering_seq_fields(parts, brief):
    seq = structure(parts["word/document.xml"])["seq"]
    assert seq.count("Figure") == len(brief.charts)
    assert seq.count("Table") == len(brief.tables())


def test_contents_written_out_not_a_field(parts, brief):
    """LibreOffice and viewers show a TOC field empty until Word updates it: the contents are a list of links."""
    doc = parts["word/document.xml"]
    assert "TOC \\o" not in doc and 'w:instrText xml:space="preserve"> TOC' not in doc
    for s in brief.sections:
        assert re.search(r'<w:hyperlink w:anchor="%s"' % s.id, doc), s.id


def test_table_rows_do_not_split_across_pages(parts):
    doc = parts["word/document.xml"]
    rows = re.findall(r"<w:tr>(.*?)</w:tr>", doc, re.S)
    assert rows and all("<w:cantSplit/>" in r for r in rows)


def test_footnotes_are_word_footnotes(parts, brief):
    doc, notes = parts["word/document.xml"], parts["word/footnotes.xml"]
    assert doc.count("<w:footnoteReference ") == len(brief.citations)
    bodies = re.findall(r'<w:footnote w:id="\d+">(.*?)</w:footnote>', notes, re.S)
    assert [texts(b).strip() for b in bodies] == [c.text for c in brief.citations]


def test_every_image_has_alt_text(parts, brief):
    doc = parts["word/document.xml"]
    descr = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', doc)
    assert len(descr) == len(brief.charts)
    for d, chart in zip(descr, brief.charts):
        assert d and not d.startswith("data:")
        assert d.replace("&amp;", "&").replace("&quot;", '"')[:40] == chart.alt[:40]
    assert "data:image" not in doc


def test_core_properties_and_running_header(parts):
    core = parts["docProps/core.xml"]
    assert "<dc:title>Vellmar, Karsk and the Coastal Routes</dc:title>" in core
    assert "A. Analyst; B. Reviewer" in core and "recognition, elections, thresholds" in core
    assert f"{fx.BUILD_DATE}T00:00:00Z" in core
    assert "Vellmar, Karsk and the Coastal Routes" in texts(parts["word/header1.xml"])
    footer = parts["word/footer1.xml"]
    assert "Institute for Imaginary Affairs" in texts(footer)
    assert "PAGE" in footer and "NUMPAGES" in footer


def test_page_size_and_accent_follow_the_config():
    b = build(config=fx.config(style={"page_size": "Letter", "accent": "#0b6e4f"}))
    z = zipfile.ZipFile(BytesIO(render_docx(b, reference_docx=REFERENCE)))
    assert '<w:pgSz w:w="12240" w:h="15840"/>' in z.read("word/document.xml").decode()
    styles = z.read("word/styles.xml").decode()
    assert "0B6E4F" in styles and "1F4E79" not in styles


def test_deterministic_bytes(brief, docx):
    assert render_docx(brief, reference_docx=REFERENCE) == docx


def test_reference_docx_is_built_by_the_committed_script(tmp_path):
    sys.path.insert(0, str(ROOT / "templates"))
    import build_reference_docx

    assert build_reference_docx.build(tmp_path / "ref.docx") == REFERENCE.read_bytes()


# ---------------------------------------------------------------- security (issue #8)
def test_hostile_text_stays_literal():
    cfg, docs, found, author = fx.hostile_corpus()
    data = render_docx(build(cfg, docs, found, author), reference_docx=REFERENCE)
    z = zipfile.ZipFile(BytesIO(data))
    doc = z.read("word/document.xml").decode()
    notes = z.read("word/footnotes.xml").decode()
    rels = z.read("word/_rels/document.xml.rels").decode()
    words = texts(doc).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", '"')
    for s in fx.HOSTILE:
        assert s in words, s
    assert "<script" not in doc and "<w:t>RAW-OPENXML</w:t>" not in doc.replace(' xml:space="preserve"', "")
    assert "RAW-HTML-BLOCK" in words  # raw HTML in author text is kept as text
    assert "{{ 7*7 }}" in words and "49" not in texts(z.read("word/header1.xml").decode())
    targets = re.findall(r'Target="([^"]+)"[^>]*TargetMode="External"', rels)
    assert targets == ["https://example.org/a"]
    assert not [n for n in z.namelist() if n.startswith("word/media/")
                and z.getinfo(n).file_size < 1000]  # no file pulled in from the disk
    assert len([n for n in z.namelist() if n.startswith("word/media/")]) == 5  # the five charts only
    assert "instrText" not in doc.split("</w:sdt>")[-1]  # no field made from source text after the TOC
    assert "Evil" in texts(notes) or "Evil" in words
