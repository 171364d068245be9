"""PDF reader: text layer to blocks (headings, paragraphs across line and page breaks, notes, rows,
two columns, running heads left out, pages kept), cover metadata, and one-line refusals.

The PDFs are made here with WeasyPrint from invented text, so every expectation is known."""
from __future__ import annotations

import hashlib
import html
import re

import pytest
import weasyprint

from analysis.errors import SourceError
from analysis.model.document import Source
from analysis.readers.common import problems
from analysis.readers.pdf import read_pdf

FILLER = ("The council of Ruritania met in the old chamber and weighed the proposals before it with care, "
          "as its members had promised the voters of every province. ")

NOTE_HTML = f"""<html><head><title>Ruritania and the Northern Canal</title>
<style>
@page {{ size: A4; margin: 2.5cm 2cm; @top-center {{ content: "Ruritania Policy Note"; font-size: 8pt }}
        @bottom-center {{ content: counter(page); font-size: 8pt }} }}
body {{ font-family: serif; font-size: 11pt; line-height: 1.35 }}
h1 {{ font-size: 22pt }} h2 {{ font-size: 15pt }}
.fn {{ float: footnote; font-size: 8pt }}
.cols {{ column-count: 2; column-gap: 1cm; break-before: page }}
.narrow {{ width: 4.25cm; hyphens: manual }}
td {{ padding: 3pt 14pt }}
</style></head><body>
<h1>Ruritania and the Northern Canal</h1>
<p>By Jana Novak</p>
<p>March 2031</p>
<h2>Background</h2>
<p>The Northern Canal links the two rivers of Ruritania.<span class=fn>Survey of the Waterways Board,
 the second volume.</span> {FILLER * 3}</p>
<p>Opening words of the long paragraph. {FILLER * 16}The closing words of the long paragraph.</p>
<h2>Positions of the parties</h2>
<p>Borduria said that the canal must stay open to all shipping.<span class=fn>Statement of the Bordurian
 foreign ministry, 2 March 2031.</span> {FILLER * 2}</p>
<p class=narrow>The minister called the plan an extra&shy;ordinary step for the whole region of the north.</p>
<table><tr><td>Borduria</td><td>Supports reopening the canal</td></tr>
<tr><td>Syldavia</td><td>Opposes the new toll</td></tr></table>
<div class=cols><p>Left column opens here. {FILLER * 5} Left column ends here.</p>
<p>Right column opens here. {FILLER * 5} Right column ends here.</p></div>
</body></html>"""

LETTER_HTML = """<html><head><style>
@page { size: A4; margin: 2cm 2.5cm }
body { font-family: serif; font-size: 11pt }
.row { display: flex; justify-content: space-between }
.big { font-size: 20pt; font-weight: bold }
.right { margin-left: 60% }
h1 { font-size: 13pt; margin-top: 3cm }
</style></head><body>
<div class=row><span>Federated Assemblies</span><span>R/2031/77</span></div>
<div class=row><span class=big>Grand Council</span><span>Distr.: General</span></div>
<div class=right>4 March 2031</div>
<div class=right>Original: English</div>
<h1>Letter dated 3 March 2031 from the Envoy of Ruritania addressed to the President of the Grand Council</h1>
<p>I have the honour to transmit a statement of the Government of Ruritania on the Northern Canal.</p>
<p>It would be appreciated if the present letter could be circulated as a document of the Grand Council.</p>
</body></html>"""


def pdf_of(markup: str) -> bytes:
    return weasyprint.HTML(string=markup).write_pdf()


def read(data: bytes, name: str = "sources/note.pdf"):
    document = read_pdf(data, Source(id="p1", path=name))
    assert problems(document) == []
    return document


@pytest.fixture(scope="module")
def note():
    return read(pdf_of(NOTE_HTML))


def block(document, start: str):
    return next(b for b in document.blocks if b.text.startswith(start))


def test_title_author_and_date_come_from_the_cover(note):
    assert note.genre == "pdf"
    assert note.title == "Ruritania and the Northern Canal"
    assert note.author == "Jana Novak"
    assert note.date == "2031-03"
    assert not any(b.text in ("By Jana Novak", "March 2031") for b in note.blocks)


def test_headings_from_font_size_and_weight(note):
    headings = [(b.text, b.level) for b in note.blocks if b.kind == "heading"]
    assert headings == [("Ruritania and the Northern Canal", 1), ("Background", 2), ("Positions of the parties", 2)]
    assert block(note, "Borduria said").section == "Positions of the parties"


def test_a_paragraph_cut_by_a_page_break_is_one_block_citing_its_first_page(note):
    long = block(note, "Opening words of the long paragraph.")
    assert long.text.endswith("The closing words of the long paragraph.")
    assert long.page == 1
    assert block(note, "Borduria said").page == 2
    assert all(b.page for b in note.blocks)


def test_running_heads_and_page_numbers_are_left_out(note):
    assert not any("Ruritania Policy Note" in b.text for b in note.blocks)
    assert not any(re.fullmatch(r"\d+", b.text) for b in note.blocks)


def test_note_markers_link_to_the_note_text_at_the_page_foot(note):
    first = block(note, "The Northern Canal links")
    assert [n.offset for n in first.notes] == [len("The Northern Canal links the two rivers of Ruritania.")]
    notes = {n.anchor: n for n in note.footnotes}
    survey = notes[first.notes[0].note]
    assert survey.text == "Survey of the Waterways Board, the second volume."
    assert (survey.label, survey.page, survey.kind) == ("1", 1, "note")
    statement = notes[block(note, "Borduria said").notes[0].note]
    assert statement.text == "Statement of the Bordurian foreign ministry, 2 March 2031."
    assert statement.page == 2
    assert not any(b.text.startswith(("Survey of", "Statement of")) for b in note.blocks)


def test_a_word_hyphenated_at_a_line_end_is_mended(note):
    assert block(note, "The minister called").text == \
        "The minister called the plan an extraordinary step for the whole region of the north."


def test_table_rows_carry_their_first_cell_as_context(note):
    rows = [(b.context, b.text) for b in note.blocks if b.kind == "row"]
    assert rows == [("Borduria", "Supports reopening the canal"), ("Syldavia", "Opposes the new toll")]


def test_a_two_column_page_is_read_left_column_then_right(note):
    left, right = block(note, "Left column opens here."), block(note, "Right column opens here.")
    assert left.text.endswith("Left column ends here.") and right.text.endswith("Right column ends here.")
    assert note.blocks.index(left) + 1 == note.blocks.index(right)


def test_compound_hyphens_at_a_line_end_are_kept():
    markup = ("<html><body style='font-size: 11pt'><p style='width: 3.4cm'>Ruritania defends the "
              "self-determination of the river provinces and the non-interference of its neighbours.</p>"
              "</body></html>")
    text = read(pdf_of(markup)).blocks[0].text
    assert "self-determination" in text and "non-interference" in text


def test_a_letter_gives_its_symbol_and_leaves_letterhead_and_distribution_lines_out():
    letter = read(pdf_of(LETTER_HTML))
    assert letter.symbol == "R/2031/77"
    assert letter.title.startswith("Letter dated 3 March 2031 from the Envoy of Ruritania")
    assert letter.date == "2031-03-04"
    texts = [b.text for b in letter.blocks]
    for cover in ("Federated Assemblies", "Grand Council", "Distr.: General", "Original: English", "4 March 2031"):
        assert not any(t.startswith(cover) for t in texts), cover
    assert texts[-2].startswith("I have the honour")


# ---------------------------------------------------------------- refusals

def test_a_pdf_without_a_text_layer_is_refused_with_what_to_do():
    drawing = ("<html><body><svg width='300' height='200'><rect width='300' height='200' fill='#555'/>"
               "<circle cx='150' cy='100' r='60' fill='#eee'/></svg></body></html>")
    with pytest.raises(SourceError, match=r"sources/scan\.pdf has no text layer.*OCR"):
        read_pdf(pdf_of(drawing), Source(id="p1", path="sources/scan.pdf"))


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user: bytes = b"secret", owner: bytes = b"owner") -> bytes:
    """A one-page PDF under the standard security handler (RC4, 40 bits) with a user password."""
    def pad(pw):
        return (pw + _PAD)[:32]
    file_id = hashlib.md5(b"ruritania").digest()
    o = _rc4(hashlib.md5(pad(owner)).digest()[:5], pad(user))
    key = hashlib.md5(pad(user) + o + (-4).to_bytes(4, "little", signed=True) + file_id).digest()[:5]
    u = _rc4(key, _PAD)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] >>",
               b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (o.hex().encode(), u.hex().encode())]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    ident = file_id.hex().encode()
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, ident, ident, xref)
    return bytes(out)


def test_an_encrypted_pdf_is_refused_in_one_line():
    with pytest.raises(SourceError, match=r"sources/locked\.pdf is encrypted") as caught:
        read_pdf(encrypted_pdf(), Source(id="p1", path="sources/locked.pdf"))
    assert "\n" not in caught.value.line()


def test_garbage_behind_a_pdf_header_is_refused():
    with pytest.raises(SourceError, match=r"sources/bad\.pdf is damaged or truncated"):
        read_pdf(b"%PDF-1.7\n" + bytes(range(256)) * 40, Source(id="p1", path="sources/bad.pdf"))


@pytest.mark.parametrize("keep", [0.1, 0.3, 0.6, 0.9])
def test_a_truncated_pdf_is_read_in_part_or_refused_never_a_traceback(keep):
    data = pdf_of(NOTE_HTML)
    try:
        document = read_pdf(data[:int(len(data) * keep)], Source(id="p1", path="sources/cut.pdf"))
    except SourceError as exc:
        assert "sources/cut.pdf" in str(exc)
    else:
        assert problems(document) == []


def test_too_many_pages_are_refused(monkeypatch):
    import analysis.readers.pdf as reader
    monkeypatch.setattr(reader, "MAX_PAGES", 2)
    with pytest.raises(SourceError, match=r"sources/note\.pdf has 3 pages; the limit is 2"):
        read_pdf(pdf_of(NOTE_HTML), Source(id="p1", path="sources/note.pdf"))


def minimal_pdf(content: bytes, catalog_extra: bytes = b"", compress: bool = False) -> bytes:
    """A one-page PDF whose page draws `content` (Helvetica as /F1), with extra catalog entries."""
    import zlib
    stream = zlib.compress(content) if compress else content
    objects = [b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(stream), b"/Filter /FlateDecode " if compress else b"",
                                                             stream),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


TEXT = b"BT /F1 12 Tf 72 700 Td (The envoy of Ruritania said the canal must stay open to every ship.) Tj ET"


def test_javascript_and_launch_actions_are_never_run_only_the_text_is_read():
    hostile = (b"/OpenAction << /S /JavaScript /JS (app.launchURL\\(\"http://example.invalid/\"\\);) >> "
               b"/AA << /WC << /S /Launch /F (calc.exe) >> >>")
    document = read(minimal_pdf(TEXT, hostile), "sources/hostile.pdf")
    assert [b.text for b in document.blocks] == ["The envoy of Ruritania said the canal must stay open to every ship."]


def test_a_decompression_bomb_is_refused_before_it_is_inflated(monkeypatch):
    import analysis.readers.pdf.limits as limits
    monkeypatch.setattr(limits, "MAX_INFLATED", 2_000_000)
    bomb = minimal_pdf(TEXT + b" " * 8_000_000, compress=True)
    assert len(bomb) < 100_000
    with pytest.raises(SourceError, match=r"sources/bomb\.pdf would inflate to more than 2 MB"):
        read_pdf(bomb, Source(id="p1", path="sources/bomb.pdf"))
    assert read(minimal_pdf(TEXT + b" " * 1_000_000, compress=True)).blocks  # under the bound: read


# ---------------------------------------------------------------- the criterion on the seeds

def seed_html(doc) -> str:
    """A Document read from a seed, set as a printed report: title, byline, date, headings, paragraphs,
    footnotes at the page foot, rows as a two-column table, emphasis in italics."""
    notes = {n.anchor: n for n in doc.footnotes}
    out = [f"<h1>{html.escape(doc.title or doc.id)}</h1>"]
    if doc.author:
        out.append(f"<p>By {html.escape(doc.author)}</p>")
    if doc.date:
        months = ("January February March April May June July August September October November "
                  "December").split()
        parts = doc.date.split("-")
        out.append("<p>" + " ".join(([str(int(parts[2]))] if len(parts) > 2 else [])
                                    + ([months[int(parts[1]) - 1]] if len(parts) > 1 else []) + [parts[0]]) + "</p>")
    rows: list[tuple[str, str]] = []

    def flush():
        if rows:
            out.append("<table>" + "".join(f"<tr><td>{html.escape(c)}</td><td>{t}</td></tr>" for c, t in rows)
                       + "</table>")
            rows.clear()

    for b in doc.blocks:
        cuts = sorted([(n.offset, 1, f'<span class=fn>{html.escape(notes[n.note].text)}</span>')
                       for n in b.notes if n.note in notes]
                      + [(s, 0, "<em>") for s, _ in b.emphasis] + [(e, 0, "</em>") for _, e in b.emphasis])
        parts, pos = [], 0
        for off, _, tag in cuts:
            parts.append(html.escape(b.text[pos:off]))
            parts.append(tag)
            pos = off
        body = "".join(parts) + html.escape(b.text[pos:])
        if b.kind == "row" and b.context:
            rows.append((b.context, body))
            continue
        flush()
        level = min(b.level + 1, 4)
        out.append(f"<h{level}>{body}</h{level}>" if b.kind == "heading" else f"<p>{body}</p>")
    flush()
    return ("<html><head><style>@page { size: A4; margin: 2.5cm 2cm; @bottom-center { content: counter(page) } }"
            " body { font-family: serif; font-size: 11pt } .fn { float: footnote; font-size: 8pt }"
            " h1 { font-size: 20pt } h2 { font-size: 15pt } h3 { font-size: 13pt }"
            " td { padding: 2pt 14pt; vertical-align: top }</style></head><body>" + "\n".join(out) + "</body></html>")


def _norm(s) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", (s or "").lower()).split())


KEYS = {
    "statements": lambda x: (x["doc"], _norm(x.get("actor")), _norm(x["text"])),
    "positions": lambda x: (x["doc"], _norm(x["actor"]), x["question"], x["stance"]),
    "tensions": lambda x: (x["doc"], _norm(x["actor"]), x["principle"]),
    "precedents": lambda x: (x["doc"], _norm(x.get("claimant")), _norm(x["subject"]), _norm(x["precedent"]),
                             x["relation"]),
    "figures": lambda x: (x["doc"], _norm(x["text"]), x.get("value"), x.get("low"), x.get("high"), x["unit"],
                          _norm(x.get("measure"))),
    "events": lambda x: (x["doc"], x["date"], _norm(x["text"])),
}
"""What must agree, per category (anchors differ: a PDF numbers its blocks in its own way)."""


def test_the_seeds_as_pdfs_give_the_findings_of_the_seeds_read_as_text(tmp_path):
    import json

    from analysis import config
    from analysis.build.run import read_document
    from analysis.cli import main
    from conftest import ROOT

    cfg = config.load(ROOT / "report.toml")
    toml = (ROOT / "report.toml").read_text(encoding="utf-8")
    for i, src in enumerate(cfg.sources):
        doc = read_document(cfg, i)
        (tmp_path / f"{doc.id}.pdf").write_bytes(pdf_of(seed_html(doc)))
        toml = toml.replace(f'path = "{src.given}"', f'path = "{doc.id}.pdf"')
    (tmp_path / "report.toml").write_text(toml, encoding="utf-8")
    for cfg_path, out in ((ROOT / "report.toml", "text"), (tmp_path / "report.toml", "pdf")):
        assert main(["--config", str(cfg_path), "--out", str(tmp_path / out), "--format", "json", "--quiet",
                     "--no-cache"]) == 0
    expected = json.loads((tmp_path / "text" / "findings.json").read_text(encoding="utf-8"))
    found = json.loads((tmp_path / "pdf" / "findings.json").read_text(encoding="utf-8"))
    scores = {}
    for kind, key in KEYS.items():
        want, got = {key(x) for x in expected[kind]}, {key(x) for x in found[kind]}
        hit = len(want & got)
        precision, recall = hit / len(got) if got else 1.0, hit / len(want) if want else 1.0
        scores[kind] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert all(f1 >= 0.90 for f1 in scores.values()), scores


NOTICE_HTML = f"""<html><head><style>
@page {{ size: A4; margin: 2.5cm 2cm 7cm 2cm }}
body {{ font-family: serif; font-size: 11pt; line-height: 1.35 }}
.notice {{ position: absolute; top: 20.5cm; left: 0; width: 9cm; font-size: 8pt; border: 1px solid black; padding: 4pt }}
</style></head><body>
<p style="break-after: page">Mr. Varga (Ruritania): Opening words of the delegate. {FILLER * 8}and the river towns
 of the north have seen their</p>
<div class=notice>This record holds the speeches delivered in the chamber. Corrections should be sent to the
 records office within a month of the meeting.</div>
<p>harvests fail three years running, which is why the delegation asks for help.</p>
<p>Mr. Berg (Syldavia): Syldavia agrees with the delegate.</p>
</body></html>"""


def test_a_sentence_cut_by_a_page_break_goes_on_past_a_notice_in_smaller_print():
    document = read(pdf_of(NOTICE_HTML))
    opening = block(document, "Mr. Varga (Ruritania)")
    assert opening.text.endswith("have seen their harvests fail three years running, which is why the delegation "
                                 "asks for help.")
    assert not any(b.text.startswith("harvests") for b in document.blocks)
    assert block(document, "Mr. Berg (Syldavia)").text == "Mr. Berg (Syldavia): Syldavia agrees with the delegate."
    assert any(b.text.startswith("This record holds the speeches") for b in document.blocks)


def test_a_notice_in_smaller_print_is_marked_small_print_and_joins_no_speaker_turn():
    document = read(pdf_of(NOTICE_HTML))
    notice = block(document, "This record holds the speeches")
    assert notice.role == "small-print" and notice.context is None
    assert block(document, "Mr. Berg (Syldavia)").role != "small-print"


def test_a_notice_in_smaller_print_gives_no_statement_to_the_speaker_around_it():
    from analysis.actors import Gazetteer
    from analysis.analyses.statements import statements
    from analysis.lexicons import principles
    found = statements(read(pdf_of(NOTICE_HTML)), Gazetteer.default(), principles())
    assert not any("Corrections should be sent" in s.text for s in found)
    assert any("Syldavia agrees" in s.text for s in found)
