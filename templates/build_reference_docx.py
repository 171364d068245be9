"""Build templates/reference.docx: pandoc's default reference document with the house styles.

    python templates/build_reference_docx.py            # rewrites templates/reference.docx

Starts from ``pandoc --print-default-data-file reference.docx`` and rewrites, with zipfile
and plain XML, the styles the brief uses (body, headings, title block, captions, tables,
footnotes, quotations, commentary and call-outs), and adds a running header (the
brief's title) and a footer (organisation, page X of Y): render/docx.py fills in the
placeholders TITLE_MARK and ORG_MARK.
The accent colour and the fonts set here are the defaults: render/docx.py swaps in the
brief's own (ACCENT, BODY_FONT and HEADING_FONT below are the values it looks for).
Output is deterministic (fixed zip timestamps), so the committed file only changes when
this script does.
"""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "reference.docx"
ACCENT = "1F4E79"
BODY_FONT = "DejaVu Serif"
HEADING_FONT = "DejaVu Sans"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)
TITLE_MARK = "@@BRIEF-TITLE@@"
"""Placeholder in header1.xml that render/docx.py replaces with the brief's title."""
ORG_MARK = "@@BRIEF-ORGANISATION@@"
"""Placeholder in footer1.xml for the organisation."""
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def pandoc_binary() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def default_reference() -> bytes:
    return subprocess.run([pandoc_binary(), "--print-default-data-file", "reference.docx"], check=True,
                          capture_output=True, timeout=60).stdout


def fonts(name: str) -> str:
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'


def rpr(font: str | None = None, size: float | None = None, colour: str | None = None, bold: bool = False,
        italic: bool = False, caps: bool = False, spacing: int | None = None) -> str:
    out = []
    if font:
        out.append(fonts(font))
    if bold:
        out.append("<w:b/><w:bCs/>")
    if italic:
        out.append("<w:i/><w:iCs/>")
    if caps:
        out.append("<w:caps/>")
    if colour:
        out.append(f'<w:color w:val="{colour}"/>')
    if spacing is not None:
        out.append(f'<w:spacing w:val="{spacing}"/>')
    if size:
        hp = round(size * 2)
        out.append(f'<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>')
    return f"<w:rPr>{''.join(out)}</w:rPr>" if out else ""


def para_style(sid: str, name: str, *, based: str | None = "Normal", nxt: str | None = None, ppr: str = "",
               rpr_xml: str = "", custom: bool = True, outline: int | None = None, q: bool = True) -> str:
    flag = ' w:customStyle="1"' if custom else ""
    parts = [f'<w:style w:type="paragraph"{flag} w:styleId="{sid}">',
             f'<w:name w:val="{name}"/>']
    if based:
        parts.append(f'<w:basedOn w:val="{based}"/>')
    if nxt:
        parts.append(f'<w:next w:val="{nxt}"/>')
    if q:
        parts.append("<w:qFormat/>")
    if outline is not None:
        ppr += f'<w:outlineLvl w:val="{outline}"/>'
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    parts.append(rpr_xml)
    parts.append("</w:style>")
    return "".join(parts)


def spacing(before: int = 0, after: int = 0, line: int | None = None) -> str:
    extra = f' w:line="{line}" w:lineRule="auto"' if line else ""
    return f'<w:spacing w:before="{before}" w:after="{after}"{extra}/>'


def house_styles() -> dict[str, str]:
    """styleId -> complete <w:style> element."""
    a = ACCENT
    rule = f'<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="{a}"/></w:pBdr>'
    styles = {
        "Normal": para_style("Normal", "Normal", based=None, custom=False,
                             rpr_xml=rpr(BODY_FONT, 10.5, "1A1A1A")).replace(
            '<w:style w:type="paragraph" w:styleId="Normal">',
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'),
        "BodyText": para_style("BodyText", "Body Text", custom=False, ppr=spacing(0, 140, 264)),
        "FirstParagraph": para_style("FirstParagraph", "First Paragraph", based="BodyText", nxt="BodyText"),
        "Compact": para_style("Compact", "Compact", based="BodyText", ppr=spacing(20, 20, 240),
                              rpr_xml=rpr(size=9)),
        "Title": para_style("Title", "Title", custom=False, nxt="Subtitle",
                            ppr=spacing(2600, 200, 240) + '<w:contextualSpacing/>',
                            rpr_xml=rpr(HEADING_FONT, 28, a, bold=True)),
        "Subtitle": para_style("Subtitle", "Subtitle", based="Title", custom=False, nxt="Author",
                               ppr=spacing(0, 480, 264), rpr_xml=rpr(HEADING_FONT, 14, "333333")
                               .replace("<w:rPr>", "<w:rPr><w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>")),
        "Author": para_style("Author", "Author", nxt="Date",
                             ppr=f'<w:pBdr><w:top w:val="single" w:sz="12" w:space="8" w:color="{a}"/></w:pBdr>'
                                 + spacing(0, 40), rpr_xml=rpr(HEADING_FONT, 10, "333333")),
        "Date": para_style("Date", "Date", nxt="Abstract", ppr=spacing(0, 40), rpr_xml=rpr(HEADING_FONT, 10, "333333")),
        "AbstractTitle": para_style("AbstractTitle", "Abstract Title", nxt="Abstract", ppr=spacing(360, 40),
                                    rpr_xml=rpr(HEADING_FONT, 8, a, caps=True, spacing=20)),
        "Abstract": para_style("Abstract", "Abstract", nxt="BodyText", ppr=spacing(0, 80),
                               rpr_xml=rpr(HEADING_FONT, 11, a, caps=True, spacing=16)),
        "Heading1": para_style("Heading1", "heading 1", custom=False, nxt="FirstParagraph", outline=0,
                               ppr="<w:keepNext/><w:keepLines/>" + spacing(480, 200) +
                                   f'<w:pBdr><w:bottom w:val="single" w:sz="10" w:space="4" w:color="{a}"/></w:pBdr>',
                               rpr_xml=rpr(HEADING_FONT, 18, a, bold=True)),
        "Heading2": para_style("Heading2", "heading 2", custom=False, nxt="FirstParagraph", outline=1,
                               ppr="<w:keepNext/><w:keepLines/>" + spacing(320, 120),
                               rpr_xml=rpr(HEADING_FONT, 12.5, a, bold=True)),
        "Heading3": para_style("Heading3", "heading 3", custom=False, nxt="FirstParagraph", outline=2,
                               ppr="<w:keepNext/><w:keepLines/>" + spacing(240, 80),
                               rpr_xml=rpr(HEADING_FONT, 10.5, a, bold=True)),
        "BlockText": para_style("BlockText", "Block Text", based="BodyText", nxt="BodyText", custom=False,
                                ppr=rule.replace(a, "999999") + spacing(80, 80) +
                                    '<w:ind w:left="400" w:right="240"/>',
                                rpr_xml=rpr(italic=True)),
        "FootnoteText": para_style("FootnoteText", "footnote text", custom=False, nxt="FootnoteText",
                                   ppr=spacing(0, 20, 228), rpr_xml=rpr(HEADING_FONT, 7.5, "333333")),
        "Caption": para_style("Caption", "caption", custom=False, nxt="BodyText", ppr=spacing(60, 200, 240),
                              rpr_xml=rpr(HEADING_FONT, 8.5, "333333")),
        "TableCaption": para_style("TableCaption", "Table Caption", based="Caption",
                                   ppr="<w:keepNext/>" + spacing(200, 60, 240), rpr_xml=rpr(bold=True, colour="222222")),
        "ImageCaption": para_style("ImageCaption", "Image Caption", based="Caption"),
        "Figure": para_style("Figure", "Figure", ppr='<w:keepNext/><w:jc w:val="center"/>' + spacing(120, 0)),
        "CaptionedFigure": para_style("CaptionedFigure", "Captioned Figure", based="Figure",
                                      ppr='<w:keepNext/><w:jc w:val="center"/>'),
        "TOCHeading": para_style("TOCHeading", "TOC Heading", based="Heading1", custom=False, nxt="BodyText",
                                 ppr='<w:pageBreakBefore/>' + spacing(0, 200) + '<w:pBdr/>',
                                 outline=9, rpr_xml=rpr(HEADING_FONT, 16, a, bold=True)),
        # custom paragraph styles the brief uses through pandoc's custom-style divs
        "Commentary": para_style("Commentary", "Commentary", based="BodyText",
                                 ppr=rule + '<w:ind w:left="240"/>' + spacing(0, 120, 264)),
        "Callout": para_style("Callout", "Callout", based="BodyText",
                              ppr=f'<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="{a}"/>'
                                  f'<w:left w:val="single" w:sz="24" w:space="6" w:color="{a}"/>'
                                  f'<w:bottom w:val="single" w:sz="4" w:space="4" w:color="{a}"/>'
                                  f'<w:right w:val="single" w:sz="4" w:space="4" w:color="{a}"/></w:pBdr>'
                                  '<w:shd w:val="clear" w:color="auto" w:fill="E8EDF3"/>'
                                  '<w:ind w:left="200" w:right="120"/>' + spacing(0, 0, 252),
                              rpr_xml=rpr(size=9.5)),
        "KeyFinding": para_style("KeyFinding", "Key Finding", based="BodyText",
                                 ppr='<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="D6D6D6"/></w:pBdr>'
                                     + spacing(0, 120, 264), rpr_xml=rpr(size=11)),
        "Attribution": para_style("Attribution", "Attribution", based="BodyText",
                                  ppr='<w:ind w:left="400"/>' + spacing(0, 200),
                                  rpr_xml=rpr(HEADING_FONT, 8, "444444")),
        "SourceNote": para_style("SourceNote", "Source Note", based="BodyText", ppr=spacing(0, 200, 240),
                                 rpr_xml=rpr(HEADING_FONT, 8, "444444")),
        "Colophon": para_style("Colophon", "Colophon", based="BodyText", ppr=spacing(400, 0, 240),
                               rpr_xml=rpr(HEADING_FONT, 7.5, "666666")),
    }
    styles["Hyperlink"] = (f'<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
                           f'<w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="{a}"/></w:rPr></w:style>')
    styles["FootnoteReference"] = ('<w:style w:type="character" w:styleId="FootnoteReference">'
                                   '<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
                                   f'<w:rPr><w:color w:val="{a}"/><w:vertAlign w:val="superscript"/></w:rPr></w:style>')
    styles["Table"] = (
        '<w:style w:type="table" w:default="1" w:styleId="Table"><w:name w:val="Table"/>'
        '<w:basedOn w:val="TableNormal"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'{rpr(size=8.8)}'
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        f'<w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="{a}"/>'
        f'<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{a}"/>'
        '<w:insideH w:val="single" w:sz="3" w:space="0" w:color="C8C8C8"/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="50" w:type="dxa"/><w:left w:w="90" w:type="dxa"/>'
        '<w:bottom w:w="50" w:type="dxa"/><w:right w:w="90" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr>' + fonts(HEADING_FONT) + '<w:b/><w:bCs/><w:sz w:val="16"/>'
        '<w:szCs w:val="16"/></w:rPr><w:tcPr>'
        f'<w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="{a}"/></w:tcBorders>'
        '<w:shd w:val="clear" w:color="auto" w:fill="E8EDF3"/><w:vAlign w:val="bottom"/></w:tcPr></w:tblStylePr>'
        '</w:style>')
    return styles


def patch_styles(xml: str) -> str:
    xml = re.sub(r"<w:rPrDefault>.*?</w:rPrDefault>",
                 "<w:rPrDefault><w:rPr>" + fonts(BODY_FONT) + '<w:sz w:val="21"/><w:szCs w:val="21"/>'
                 '<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>', xml, flags=re.S)
    xml = re.sub(r"<w:pPrDefault>.*?</w:pPrDefault>",
                 '<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault>', xml, flags=re.S)
    for sid, new in house_styles().items():
        pattern = re.compile(r'<w:style [^>]*w:styleId="%s"[^>]*>.*?</w:style>' % re.escape(sid), re.S)
        if pattern.search(xml):
            xml = pattern.sub(lambda _m: new, xml, count=1)
        else:
            xml = xml.replace("</w:styles>", new + "</w:styles>")
    return xml


def field(instr: str, placeholder: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>{placeholder}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _hf(tag: str, body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{tag} xmlns:w="{W}" xmlns:r="{R}">'
            f"{body}</w:{tag}>")


def header_xml() -> str:
    run = rpr(HEADING_FONT, 7.5, "555555")
    para = ('<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="2" w:space="4" w:color="BBBBBB"/></w:pBdr>'
            f'<w:spacing w:after="0"/>{run}</w:pPr>'
            + f"<w:r>{run}<w:t xml:space=\"preserve\">{TITLE_MARK}</w:t></w:r></w:p>")
    return _hf("hdr", para)


def footer_xml() -> str:
    run = rpr(HEADING_FONT, 7.5, "555555")
    tab = '<w:tabs><w:tab w:val="right" w:pos="9026"/></w:tabs>'
    body = (f'<w:p><w:pPr>{tab}<w:spacing w:after="0"/>{run}</w:pPr>'
            + f"<w:r>{run}<w:t xml:space=\"preserve\">{ORG_MARK}</w:t></w:r>"
            + f"<w:r>{run}<w:tab/><w:t xml:space=\"preserve\">Page </w:t></w:r>"
            + field("PAGE", "1").replace("<w:r>", f"<w:r>{run}")
            + f"<w:r>{run}<w:t xml:space=\"preserve\"> of </w:t></w:r>"
            + field("NUMPAGES", "1").replace("<w:r>", f"<w:r>{run}") + "</w:p>")
    return _hf("ftr", body)


SECT_PR = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeaderBrief"/>'
           '<w:footerReference w:type="default" r:id="rIdFooterBrief"/>'
           '<w:footnotePr><w:numRestart w:val="continuous"/></w:footnotePr>'
           '<w:pgSz w:w="11906" w:h="16838"/>'
           '<w:pgMar w:top="1361" w:right="1247" w:bottom="1247" w:left="1247" w:header="680" w:footer="567" w:gutter="0"/>'
           '<w:titlePg/></w:sectPr>')


def build(out: Path = OUT) -> bytes:
    src = zipfile.ZipFile(__import__("io").BytesIO(default_reference()))
    files = {name: src.read(name) for name in src.namelist()}
    files["word/styles.xml"] = patch_styles(files["word/styles.xml"].decode("utf-8")).encode("utf-8")
    doc = files["word/document.xml"].decode("utf-8")
    doc = re.sub(r"<w:sectPr>.*?</w:sectPr>", SECT_PR, doc, flags=re.S)
    if 'xmlns:r=' not in doc[:2000]:
        doc = doc.replace("<w:document ", f'<w:document xmlns:r="{R}" ', 1)
    files["word/document.xml"] = doc.encode("utf-8")
    files["word/header1.xml"] = header_xml().encode("utf-8")
    files["word/footer1.xml"] = footer_xml().encode("utf-8")
    rels = files["word/_rels/document.xml.rels"].decode("utf-8")
    rels = rels.replace("</Relationships>",
                        f'<Relationship Type="{R}/header" Id="rIdHeaderBrief" Target="header1.xml"/>'
                        f'<Relationship Type="{R}/footer" Id="rIdFooterBrief" Target="footer1.xml"/></Relationships>')
    files["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    types = files["[Content_Types].xml"].decode("utf-8")
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    types = types.replace("</Types>", f'<Override PartName="/word/header1.xml" ContentType="{ct}.header+xml"/>'
                                      f'<Override PartName="/word/footer1.xml" ContentType="{ct}.footer+xml"/></Types>')
    files["[Content_Types].xml"] = types.encode("utf-8")
    settings = files["word/settings.xml"].decode("utf-8")
    if "<w:updateFields" not in settings:  # ask Word to fill the contents, SEQ and page fields on open
        settings = re.sub(r"(<w:settings[^>]*>)", r'\1<w:updateFields w:val="true"/>', settings, count=1)
    files["word/settings.xml"] = settings.encode("utf-8")

    buf = __import__("io").BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        order = ["[Content_Types].xml"] + sorted(n for n in files if n != "[Content_Types].xml")
        for name in order:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, files[name])
    data = buf.getvalue()
    out.write_bytes(data)
    return data


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    build(target)
    print(f"wrote {target}")
