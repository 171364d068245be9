"""Reading saved web pages: the article only (no navigation, teasers, related coverage, banners, scripts),
with its headings, tables, numbered notes and metadata; nothing the page references is fetched."""
from __future__ import annotations

import pathlib
import re
import socket

import lxml.html
import pytest

from analysis.model.document import Source
from analysis.readers import choose, read_file
from analysis.readers.common import problems
from conftest import FIXTURES, ROOT

HTML = FIXTURES / "readers" / "html"
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT / "absent")
"""../shared beside the checkout (or beside the folder of worktrees)."""
PAGES = sorted((SHARED / "eval" / "dev" / "docs").glob("*.html")) + sorted((SHARED / "corpus" / "docs").glob("web_*.html"))
TEASER = re.compile(r"related|teaser|promo|recommend|most-?popular|trending|more-?stories|outbrain|taboola", re.I)


def read(path: pathlib.Path):
    return read_file(path, Source(id="d1", path=f"src/{path.name}"))


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the reader opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_a_saved_page_is_recognised_by_its_markup_whatever_its_name(tmp_path):
    data = (HTML / "news_page.html").read_bytes()
    assert choose(data, Source(id="d1", path="page.txt")).name == "html"
    renamed = tmp_path / "page.txt"
    renamed.write_bytes(data)
    assert read(renamed).genre == "html"


def test_news_page_keeps_the_article_and_drops_navigation_and_teasers(no_network):
    doc = read(HTML / "news_page.html")
    text = "\n".join(b.text for b in doc.blocks)
    assert problems(doc) == []
    assert "will reopen the border talks with Borduria" in text
    assert "welcomes any serious proposal" in text
    assert [b.text for b in doc.blocks if b.role == "heading"] == ["Ruritania reopens border talks", "A long dispute"]
    for furniture in ("World news", "cookies", "Related coverage", "farmers fear new tariffs", "Privacy policy",
                      "Copyright", "Read more", "Continue reading", "INJECTED-BY-SCRIPT", "tracker"):
        assert furniture not in text, furniture


def test_news_page_metadata_comes_from_the_page():
    doc = read(HTML / "news_page.html")
    assert doc.title == "Ruritania reopens border talks"  # the site's name cut from the <title>
    assert doc.publisher == "Example News" and doc.author == "Anna Holm"
    assert doc.date == "2021-04-12" and doc.url == "https://news.example.org/ruritania-border-talks"


def test_tables_become_rows_led_by_their_first_cell():
    doc = read(HTML / "news_page.html")
    rows = [(b.context, b.text) for b in doc.blocks if b.role == "table-row"]
    assert ("Zenda bridge", "closed since August") in rows and ("Hentzau pass", "open to freight only") in rows


def test_numbered_references_become_notes_linked_from_their_markers(no_network):
    doc = read(HTML / "encyclopaedia.html")
    assert problems(doc) == []
    first = next(b for b in doc.blocks if b.text.startswith("Ruritania is a landlocked"))
    assert "[1]" not in first.text and "[2]" not in first.text
    notes = {n.anchor: n for n in doc.footnotes}
    assert [notes[r.note].label for r in first.notes] == ["1", "2"]
    assert first.text[:first.notes[0].offset].endswith("central Europe.")
    assert notes[first.notes[0].note].kind == "citation"  # a <cite>: bibliographic only
    assert notes[first.notes[1].note].text == "Census office of Ruritania, 2001 estimate."
    assert not any("^" in n.text or "References" == b.text for n in doc.footnotes for b in doc.blocks)
    assert doc.publisher == "Freepedia"
    assert doc.date is None  # a year in the text is not the page's date


def test_scripts_iframes_and_remote_images_are_neither_read_nor_fetched(no_network, tmp_path):
    page = ('<!DOCTYPE html><html><head><script>var x = "SCRIPT-TEXT";</script>'
            '<style>p { background: url(https://evil.example/bg.png) }</style></head><body><article>'
            '<p>The Minister of Ruritania said that the talks would resume in May, after eight months of silence '
            'between the two capitals over the river boundary.</p>'
            '<iframe src="https://evil.example/frame">IFRAME-TEXT</iframe><img src="file:///etc/passwd">'
            '<object data="https://evil.example/x.swf">OBJECT-TEXT</object>'
            '<p>Officials said that 14 crossings were closed and that the envoy would travel to Strelsau.</p>'
            '</article></body></html>')
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    text = " ".join(b.text for b in read(path).blocks)
    assert "talks would resume in May" in text
    for hidden in ("SCRIPT-TEXT", "IFRAME-TEXT", "OBJECT-TEXT", "evil.example", "passwd"):
        assert hidden not in text


def _navigation_links(page) -> set[str]:
    found = set()
    holders = page.xpath("//nav|//footer|//header|//aside|//*[@role='navigation']")
    holders += [e for e in page.xpath("//*[@class]") if TEASER.search(e.get("class", ""))]
    for holder in holders:
        for a in holder.xpath(".//a"):
            label = " ".join(a.text_content().split())
            if len(label.split()) >= 4:
                found.add(label)
    return found


@pytest.mark.skipif(not PAGES, reason="../shared (real saved pages) is not available")
@pytest.mark.parametrize("path", PAGES, ids=[p.name[:40] for p in PAGES])
def test_real_pages_yield_their_article_and_none_of_their_navigation(path, no_network):
    """Generic checks read from the page at test time: its longest paragraph is in the document, and no
    link of its navigation, header, footer, sidebars or teaser/related boxes stands as a block."""
    page = lxml.html.document_fromstring(path.read_bytes())
    for element in page.xpath("//script|//style|//noscript"):
        element.drop_tree()
    doc = read(path)
    assert problems(doc) == []
    body = "\n".join(b.text for b in doc.blocks)
    paragraphs = sorted((" ".join(p.text_content().split()) for p in page.xpath("//p")), key=len)
    assert paragraphs[-1][:80] in body
    assert doc.title and doc.date
    blocks = {b.text for b in doc.blocks} - {doc.title}
    leaks = sorted(blocks & _navigation_links(page))
    assert leaks == []


def test_a_press_release_page_keeps_its_speaker_turns_but_a_dateline_opens_none(tmp_path):
    page = ("<!DOCTYPE html><html><head><title>Council debates border</title></head><body><article>"
            "<h1>Council debates border</h1>"
            "<p>STRELSAU, RURITANIA \u2014 The Council met on Tuesday to discuss the closed border crossings "
            "between the two states.</p>"
            "<p>RUDOLF ELPHBERG (Ruritania) said that the talks on the river boundary must resume before the "
            "summer, and that his delegation was ready.</p>"
            "<p>He added that fourteen crossings had been closed since August.</p>"
            "<h2>Other speakers</h2>"
            "<p>The meeting continued in the afternoon with a long exchange on the customs union.</p>"
            "</article></body></html>")
    path = tmp_path / "release.html"
    path.write_text(page, encoding="utf-8")
    blocks = read(path).blocks
    turns = {b.text[:20]: (b.role, b.context) for b in blocks if b.kind != "heading"}
    assert turns["STRELSAU, RURITANIA "] == ("paragraph", None)
    assert turns["RUDOLF ELPHBERG (Rur"] == ("speaker-turn", "Rudolf Elphberg (Ruritania)")
    assert turns["He added that fourte"] == ("speaker-turn", "Rudolf Elphberg (Ruritania)")
    assert turns["The meeting continue"] == ("paragraph", None)  # a heading ends the turn


def test_a_byline_glued_to_a_teasers_first_word_opens_no_speaker_turn_and_ends_the_one_before(tmp_path):
    """A sidebar of other columns ("MIRA VOSKAN IT'S time we ...": the columnist's name in capitals
    glued to the column's first word) is page furniture: the name ends in a common word, so it is no
    speaker's label, and the paragraph does not run on in the turn before it."""
    page = ("<!DOCTYPE html><html><head><title>Council debates border</title></head><body><article>"
            "<h1>Council debates border</h1>"
            "<p>RUDOLF ELPHBERG (Ruritania) said that the talks on the river boundary must resume before the "
            "summer, and that his delegation was ready.</p>"
            "<p>MIRA VOSKAN IT\u2019S time we stopped pretending the ferry will ever run on schedule, and "
            "said so loudly.</p>"
            "<p>PAVEL ORLIK THE trouble with the new bridge is that nobody asked the fishermen what they "
            "needed.</p>"
            "</article></body></html>")
    path = tmp_path / "release.html"
    path.write_text(page, encoding="utf-8")
    turns = {b.text[:20]: (b.role, b.context) for b in read(path).blocks if b.kind != "heading"}
    assert turns["RUDOLF ELPHBERG (Rur"] == ("speaker-turn", "Rudolf Elphberg (Ruritania)")
    assert turns["MIRA VOSKAN IT\u2019S tim"] == ("paragraph", None)
    assert turns["PAVEL ORLIK THE trou"] == ("paragraph", None)


def test_a_line_in_capitals_alone_opens_no_speaker_turn(tmp_path):
    """A cover line in capitals (an institute's name above a policy note) is not a speaker: a turn is
    opened by a name in capitals followed by what was said."""
    page = ("<!DOCTYPE html><html><head><title>Border policy</title></head><body><article>"
            "<p>INSTITUTE FOR RIVER STUDIES</p>"
            "<p>Policy note on the closed border crossings between Ruritania and Freedonia, and what the two "
            "governments could still agree before the summer.</p>"
            "<p>The crossings have been closed since August, and fourteen villages are cut off.</p>"
            "</article></body></html>")
    path = tmp_path / "note.html"
    path.write_text(page, encoding="utf-8")
    assert {(b.role, b.context) for b in read(path).blocks if b.kind != "heading"} == {("paragraph", None)}
