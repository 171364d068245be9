"""Markdown reader: cover matter, page debris, footnote markers and definitions, exact offsets."""
from __future__ import annotations

import pathlib

import pytest

from analysis.model.document import Source
from analysis.readers import read, read_markdown
from analysis.readers.common import problems

ROOT = pathlib.Path(__file__).parent
FIXTURES = ROOT / "fixtures" / "readers" / "markdown"


def load(name: str, **source):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    document = read_markdown(text, Source(id="m1", path=f"sources/{name}", **source))
    assert problems(document) == []
    return document


@pytest.fixture(scope="module")
def note():
    return load("policy_note.md")


def test_cover_metadata(note):
    assert note.genre == "markdown"
    assert note.title == "Water and Power: The Lake Commission at a crossroads"
    assert note.author == "Jane Roe"
    assert note.date == "2021-03"
    assert note.publisher == "Institute for Northern Policy and Law Research"
    assert note.warnings == ()


def test_cover_gives_no_blocks(note):
    assert note.blocks[0].kind == "heading" and note.blocks[0].text == "Introduction"
    joined = " ".join(b.text for b in note.blocks)
    for cover in ("BRIEFING PAPER", "Senior Fellow", "All rights reserved", "E-mail", "ABOUT", "intentionally"):
        assert cover not in joined


def test_page_debris_is_removed(note):
    joined = [b.text for b in note.blocks]
    assert "* * *" not in joined and "3" not in joined and "4" not in joined
    assert "Briefing Paper 07/2021" not in joined  # running head repeated from the cover
    assert not any(t.startswith("Water and Power") for t in joined)  # running title


def test_paragraph_cut_by_page_break_is_mended(note):
    para = next(b for b in note.blocks if b.text.startswith("A second point"))
    assert para.text == ("A second point concerns funding. The donors withdrew in 2019, leaving the commission "
                         "without staff for the monitoring of the northern basin. Monitoring resumed only in 2021.")
    (ref,) = para.notes
    assert para.text[:ref.offset].endswith("the northern basin.")


def test_markers_become_note_refs_and_ordinals_plain(note):
    intro = note.blocks[1]
    assert intro.text == ("The Lake Commission was created by the 2015 agreement signed on 4th May in Lakeside, "
                          "and it was meant to share water between the two states. Its budget was cut by 20 per cent.")
    assert [intro.text[:r.offset][-9:] for r in intro.notes] == [" Lakeside", "per cent."]
    assert [r.note for r in intro.notes] == ["m1-n1", "m1-n2"]
    assert "<sup>" not in " ".join(b.text for b in note.blocks)


def test_footnote_definitions_are_notes_not_blocks(note):
    assert [(n.anchor, n.label, n.kind) for n in note.footnotes] == [
        (f"m1-n{i}", str(i), "note") for i in range(1, 6)]
    assert note.footnotes[2].text == "Former mediator, personal communication, February 2nd, 2021."
    assert note.footnotes[0].text.endswith("available at: http://water.example.org/js_2015")
    assert not any(b.text.startswith(("Joint Statement", "The basin covers")) for b in note.blocks)
    referenced = {r.note for b in note.blocks for r in b.notes}
    assert referenced == {n.anchor for n in note.footnotes}


def test_italics_are_emphasis_and_escapes_are_undone(note):
    quote = note.blocks[2]
    ((start, end),) = quote.emphasis
    assert quote.text[start:end] == '"Without the Commission, there is no peace on the lakes"'
    assert "commission_s rules were never published* in full." in quote.text


def test_items_headings_and_links(note):
    assert [b.text for b in note.blocks if b.kind == "item"] == ["Restore the budget", "Publish the rules"]
    rec = next(b for b in note.blocks if b.kind == "heading" and b.text == "Recommendations")
    assert rec.level == 2
    last = note.blocks[-1]
    assert last.section == "Recommendations"
    (link,) = last.links
    assert last.text[link.start:link.end] == "the agreement" and link.target == "http://agreements.example.org/lakes"
    assert "21st session" in last.text


def test_anchors_are_stable(note):
    assert load("policy_note.md") == note


def test_simple_note_without_cover():
    doc = load("simple_note.md")
    assert (doc.title, doc.author, doc.date) == ("Notes on the Harbour Agreement", "Sam Example", "2018-06-14")
    assert doc.blocks[0].text == "The agreement was signed on 12 June 2018 by both harbour authorities."
    rows = [(b.kind, b.context, b.text) for b in doc.blocks if b.context]
    assert rows == [("row", "Utopia", "Supports the joint harbour board."),
                    ("row", "Ruritania", "Opposes any fee increase.")]
    utopia = doc.blocks[2]
    assert [utopia.text[a:b] for a, b in utopia.emphasis] == ["joint"]
    assert [b.text for b in doc.blocks if b.kind == "item"] == ["First numbered point.", "Second point with code text."]
    assert doc.blocks[3].notes[0].note == "m1-n2"
    assert [n.text for n in doc.footnotes] == ["Harbour Gazette, 13 June 2018.", "Statement of the Ruritanian port office."]


def test_source_title_overrides():
    assert load("simple_note.md", title="Harbour notes").title == "Harbour notes"


def test_setext_underline_is_a_rule_not_a_heading():
    doc = read_markdown("Body text without a full stop\n---\n<sup>1</sup> A note.\n", Source("m2", "x.md"))
    assert [(b.kind, b.text) for b in doc.blocks] == [("paragraph", "Body text without a full stop")]
    assert doc.footnotes[0].text == "A note."


@pytest.mark.parametrize("text", ["", "#", "<sup>", "<sup>1</sup>", "| a |\n|---|", "***\n---\n___", "\\",
                                  "# T\n\n## Introduction\n\n<sup>x</sup>" * 50, "[^1] x\n\n[^1]: y"])
def test_garbage_never_raises(text):
    assert problems(read_markdown(text, Source("g", "g.md"))) == []


def test_dispatch_detects_markdown():
    text = (FIXTURES / "policy_note.md").read_text(encoding="utf-8")
    assert read(text, Source("m1", "note.txt")).genre == "markdown"


def test_smoke_seed_001():
    seed = next((ROOT.parent / "seeds").glob("001_*.txt"))
    doc = read(seed.read_text(encoding="utf-8"), Source("d2", str(seed)))
    assert doc.genre == "markdown"
    assert doc.title.startswith("Association of Serbian Municipalities")
    assert doc.date == "2013-12"
    assert problems(doc) == []


def test_pandoc_superscripts_restarted_numbering_and_units():
    text = ("# Title\n\n## Part one\n\nAn area of 5 km<sup>2</sup> on the 4^th^ day.^1^\n\n---\n\n"
            "^1^ First part note.\n\n## Part two\n\nNumbering starts again.<sup>1</sup>\n\n"
            "<sup>1</sup> Second part note.\n")
    doc = read_markdown(text, Source("m3", "parts.md"))
    one, two = (b for b in doc.blocks if b.kind == "paragraph")
    assert one.text == "An area of 5 km2 on the 4th day."
    assert [(r.offset, r.note) for r in one.notes] == [(len(one.text), "m3-n1")]
    assert [r.note for r in two.notes] == ["m3-n2"]
    assert [(n.label, n.text) for n in doc.footnotes] == [("1", "First part note."), ("1", "Second part note.")]


def test_dateline_after_the_title_gives_the_date():
    text = ("INSTITUTE OF SOMETHING\n\n# **A Title About Rivers**\n\n*Ana Lopes*\n\nLisbon, March 2024\n\n"
            "Institute · Rua Augusta 1 · Lisbon\n\n---\n\n## 1. First\n\nThe body begins here.\n")
    doc = read_markdown(text, Source("t1", "note.md"))
    assert doc.date == "2024-03"
