"""Wikitext reader: diff captures, clean articles, tables of positions, footnotes and malformed markup."""
from __future__ import annotations

import pathlib

import pytest

from analysis.model.document import Source
from analysis.readers import read, read_wikitext
from analysis.readers.common import problems

ROOT = pathlib.Path(__file__).parent
FIXTURES = ROOT / "fixtures" / "readers" / "wikitext"


def load(name: str, **source):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    document = read_wikitext(text, Source(id="w1", path=f"sources/{name}", **source))
    assert problems(document) == []
    return document


def texts(document, kind=None):
    return [b.text for b in document.blocks if kind is None or b.kind == kind]


# ---------------------------------------------------------------- diff capture with a positions table

@pytest.fixture(scope="module")
def diff():
    return load("diff_positions.txt")


def test_diff_chrome_gives_title_and_is_not_text(diff):
    assert diff.title == "Recognition of Freedonia"
    assert diff.genre == "wikitext" and diff.path == "sources/diff_positions.txt"
    joined = " ".join(texts(diff))
    for chrome in ("go:", "Difference between revisions", "Content deleted", "copyedit", "Line 112", "Line 180"):
        assert chrome not in joined
    assert diff.warnings == ()


def test_fragment_before_the_table_end_is_a_plain_paragraph(diff):
    first = diff.blocks[0]
    assert first.anchor == "w1-p1" and first.kind == "paragraph" and first.context is None
    assert first.text.startswith("On 3 May 2021 Sylvanian Foreign Minister Amara Voss met her")
    assert [first.text[l.start:l.end] for l in first.links] == ["Amara Voss", "Teodor Blanc", "Fredville"]
    assert [first.text[:n.offset][-11:] for n in first.notes] == [" Fredville.", "Ruritania\"."]


def test_heading_sets_section(diff):
    heading = diff.blocks[1]
    assert (heading.kind, heading.level, heading.text) == ("heading", 2, "Positions taken by international organisations")
    assert all(b.section == heading.text for b in diff.blocks[2:])


def test_maintenance_templates_vanish_and_links_keep_labels(diff):
    para = diff.blocks[2]
    assert para.text == "Under international law, international organisations cannot recognise states themselves."
    (link,) = para.links
    assert para.text[link.start:link.end] == "international organisation"
    assert link.target == "international organisation"


def test_table_rows_carry_the_first_cell_as_context(diff):
    rows = [(b.context, b.text) for b in diff.blocks if b.kind == "row"]
    assert rows == [
        ("United Nations", 'In June 2021, UN Secretary-General Ilse Marrow said that "recognition is a matter for states".'),
        ("United Nations", "A spokesperson added that the status quo should hold."),
        ("Organisation of Northern States", "The ONS supported Freedonia."),
        ("Organisation of Northern States", "The ONS (NSO) did not recognise Freedonia as an independent state."),
        ("Council of the Isles", 'Chair Jeanne Dupré said the decision "violates the principle of sovereignty" | unacceptable.'),
        ("European Union", 'The EU "strongly condemned" the move.'),
        ("United Kingdom", "The UK said it would not recognise Freedonia."),
        ("Organisation for Northern Co-operation (ONC)", 'ONC Chair Ola Berg said "this violates fundamental principles".'),
    ]
    assert not any("Organisation !! Position" in t or t == "Position" for t in texts(diff))


def test_doubled_diff_line_is_read_once(diff):
    assert diff.blocks[-1].text == "The Freedonia dispute remains unresolved."
    assert diff.blocks[-1].context is None


def test_link_and_emphasis_offsets_are_exact(diff):
    un = diff.blocks[3]
    labels = {un.text[l.start:l.end]: l.target for l in un.links}
    assert labels == {"UN Secretary-General": "Secretary-General of the United Nations", "Ilse Marrow": "Ilse Marrow"}
    spokes = diff.blocks[4]
    assert [spokes.text[a:b] for a, b in spokes.emphasis] == ["status quo"]
    isles = diff.blocks[7]
    assert [isles.text[a:b] for a, b in isles.emphasis] == ["unacceptable"]


def test_citations_carry_cite_fields(diff):
    first = diff.footnotes[0]
    assert first.anchor == "w1-n1" and first.kind == "citation"
    assert first.field("title") == "Ministers meet in Fredville"
    assert first.field("work") == "Sylvania Daily"
    assert first.field("url") == "https://news.example.org/a1"
    assert first.field("date") == "2021-05-03" and first.field("access-date") == "2022-01-10"
    assert "Ministers meet in Fredville" in first.text
    wire = next(n for n in diff.footnotes if n.field("title") == "Allies split")
    assert wire.field("publisher") == "Example Wire"  # the wikilink in the field is reduced to its text
    assert diff.footnotes[1].label == "voss21" and diff.footnotes[1].field("website").startswith("Ministry")


def test_bare_ref_gives_title_and_url(diff):
    un1 = next(n for n in diff.footnotes if n.label == "un1")
    assert un1.field("title") == "Marrow on Freedonia"
    assert un1.field("url") == "http://un.example.org/pr1"
    assert "Daily Planet" in un1.text and "2 June 2021" in un1.text
    assert "archive" not in un1.text


def test_named_refs_share_one_footnote(diff):
    un_rows = [b for b in diff.blocks if b.context == "United Nations"]
    assert un_rows[0].notes[0].note == un_rows[1].notes[0].note
    eu = next(b for b in diff.blocks if b.context == "European Union")
    uk = next(b for b in diff.blocks if b.context == "United Kingdom")
    assert eu.notes[0].note == uk.notes[0].note
    assert len(diff.footnotes) == 5
    assert len({n.anchor for n in diff.footnotes}) == 5


def test_anchors_are_stable_across_reads(diff):
    again = load("diff_positions.txt")
    assert again == diff


# ---------------------------------------------------------------- clean article

@pytest.fixture(scope="module")
def article():
    return load("article_named_refs.wiki", title="Northern Lakes dispute")


def test_article_title_from_source(article):
    assert article.title == "Northern Lakes dispute"
    assert load("article_named_refs.wiki").title == "History"  # no chrome, no override: the first heading


def test_article_blocks(article):
    kinds = [(b.kind, b.level, b.text) for b in article.blocks]
    assert kinds[0] == ("paragraph", 0, "The Northern Lakes dispute is a territorial dispute between Utopia and "
                                        "Ruritania over the 120 km2 lake district.")
    assert ("heading", 3, "Talks") in kinds
    items = [t for k, _, t in kinds if k == "item"]
    assert items == ["Utopia proposed a referendum.", "Ruritania rejected the proposal.", "Lake Example"]
    assert "Talks resumed as of May 2019 with mediation." in texts(article)
    assert not any("Infobox" in t or "Short description" in t or "Category" in t for t in texts(article))
    assert not any("Further source" in t for t in texts(article))  # reference lists are not body text


def test_article_named_ref_defined_after_use(article):
    item = next(b for b in article.blocks if b.text == "Utopia proposed a referendum.")
    reaction = next(b for b in article.blocks if b.text.startswith("Foreign minister"))
    assert item.notes[0].note == reaction.notes[0].note
    note = article.by_anchor()[item.notes[0].note]
    assert note.label == "later" and note.field("newspaper") == "Example Post"
    assert [reaction.text[a:b] for a, b in reaction.emphasis] == ["Lena Ortiz"]


def test_article_ref_reuse_and_explanatory_note(article):
    first, history = article.blocks[0], article.blocks[2]
    assert first.notes[0].note == history.notes[0].note == "w1-n1"
    atlas = article.footnotes[0]
    assert atlas.label == "atlas" and atlas.field("last") == "Hale" and "Atlas of Lakes" in atlas.text
    efn = article.by_anchor()[history.notes[1].note]
    assert efn.kind == "note" and efn.text == "The commission met only twice."
    assert history.text[:history.notes[1].offset].endswith("joint commission.")


# ---------------------------------------------------------------- malformed input

def test_unclosed_templates_and_links_do_not_swallow_text():
    doc = load("unclosed_templates.wiki")
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["Background", "Outcome"]
    assert "The members disagreed about sovereignty of the lakes." in doc.blocks[1].text
    assert any("Final sentence here." in t for t in texts(doc))
    assert not any("{{" in t or "}}" in t or "[[" in t or "<ref" in t for t in texts(doc))
    assert any("unclosed template" in w for w in doc.warnings)


def test_an_infobox_whose_parameter_groups_are_split_by_a_blank_line_is_one_template():
    """Infoboxes separate their groups of parameters with blank lines and put several on one line
    (`| latd=48 |latm=10`): the template still ends at its own `}}`, and the article after it is prose."""
    doc = read_wikitext((FIXTURES / "infobox_groups.wiki").read_text(encoding="utf-8"), Source("w3", "box.wiki"))
    assert [(b.kind, b.text) for b in doc.blocks if b.kind != "note"][:3] == [
        ("paragraph", "Ruritania is a landlocked country in central Europe."),
        ("heading", "Politics"),
        ("paragraph", "The constitution was adopted on 3 May 2029. The parliament has 120 seats."),
    ]
    assert not any(b.kind == "row" or "=" in b.text or "GDP" in b.text for b in doc.blocks)
    # a template left open before a blank line and prose is still dropped alone, not the prose with it
    assert doc.blocks[-1].text == "The assembly met again in June."


def test_deeply_nested_templates_are_dropped_with_a_warning():
    doc = load("deep_templates.wiki")
    assert texts(doc) == ["Before the templates.", "After the templates."]
    assert any("nested deeper" in w for w in doc.warnings)


def test_unterminated_table_still_gives_rows():
    doc = load("unterminated_table.wiki")
    assert [(b.context, b.text) for b in doc.blocks if b.kind == "row"] == [
        ("Utopia", "Utopia supports the plan."), ("Ruritania", "Ruritania opposes the plan.")]
    assert any("not closed" in w for w in doc.warnings)


def test_only_chrome_gives_title_and_no_blocks():
    doc = load("only_chrome.txt")
    assert doc.title == "Lakes dispute" and doc.blocks == ()
    assert any("no readable text" in w for w in doc.warnings)


def test_table_fragment_without_row_header():
    text = "| Cell text whose row header was cut off.\n|-\n|{{flag|Utopia}} || Utopia agrees.\n|}\nAfter the table."
    doc = read_wikitext(text, Source("w2", "frag.wiki"))
    assert [(b.kind, b.context, b.text) for b in doc.blocks] == [
        ("paragraph", None, "Cell text whose row header was cut off."),
        ("row", "Utopia", "Utopia agrees."),
        ("paragraph", None, "After the table."),
    ]


def test_tab_separated_diff_columns():
    text = ("Lakes: Difference between revisions\n\nLine 5:\tLine 5:\n"
            "\tThe old and new texts agree.\t\tThe old and new texts agree.\n"
            "−\tRemoved sentence.\t+\tAdded sentence.\n")
    doc = read_wikitext(text, Source("w3", "tabs.txt"))
    assert texts(doc) == ["The old and new texts agree. Added sentence."]


@pytest.mark.parametrize("text", [
    "", "{{", "}}", "[[", "<ref>", "{|", "|}", "{{{{{{}}", "<ref name=x/>", "'''''", "{|\n|-\n!", "== ==",
    "{{flag}} {{lang}} {{cite news}} {{convert|1}} {{as of}}", "[[File:x.png|thumb|[[a]] {{b|c}}]]",
    "&#99999999; &bogus; <br/><br/>", "|" * 500, "\x00\x01", "<references><ref>x</ref></references>",
])
def test_garbage_never_raises(text):
    doc = read_wikitext(text, Source("g", "g.wiki"))
    assert problems(doc) == []


def test_country_code_and_flag_templates():
    text = "{|\n|-\n|{{USA}} || A.\n|-\n|{{flag|FRA}} || B.\n|-\n|{{UN}} || C.\n|-\n|{{flagicon|DEU}} Germany || D.\n|}"
    doc = read_wikitext(text, Source("w4", "codes.wiki"))
    assert [b.context for b in doc.blocks] == ["United States", "France", "United Nations", "Germany"]


def test_dispatch_detects_wikitext():
    text = (FIXTURES / "diff_positions.txt").read_text(encoding="utf-8")
    assert read(text, Source("w1", "anything.md")).genre == "wikitext"


def test_smoke_seed_000():
    seed = next((ROOT.parent / "seeds").glob("000_*.txt"))
    doc = read(seed.read_text(encoding="utf-8"), Source("d1", str(seed)))
    assert doc.genre == "wikitext"
    assert doc.title == "International recognition of Abkhazia and South Ossetia"
    assert doc.date is None
    assert problems(doc) == []


def test_reaction_lists_and_tables_name_their_actor():
    doc = load("reactions_list.wiki")
    got = [(b.kind, b.context, b.text) for b in doc.blocks if b.kind != "heading"]
    assert got == [
        ("item", "Utopia", 'Utopia: The foreign ministry said it "regrets" the referendum.'),
        ("item", "Ruritania", "Ruritania – President Karl Ost welcomed the result."),
        ("item", "Freedonia", "Freedonia: The government made no comment."),
        ("item", None, "Several other states issued statements."),
        ("paragraph", "Sylvania", "The ministry condemned the decision as a breach of pacta sunt servanda."),
        ("paragraph", "Sylvania", "It called for talks."),
        ("row", "United Nations", "3 April 2020"),  # the numbering column is skipped
        ("row", "United Nations", "The Secretary-General urged calm."),
        ("row", "Lake Basin Authority", "Expressed concern about water levels."),
        ("row", "Lake Basin Authority", "Later offered technical help."),  # rowspan carries the actor
        ("paragraph", None, "This first cell is very long and is plainly a sentence of content rather than "
                            "the name of an actor, so it is kept as text."),
        ("paragraph", None, "A second cell."),
    ]
    assert doc.blocks[2].notes[0].note == doc.blocks[7].notes[0].note == "w1-n1"


def test_lone_diff_markers_keep_the_new_text():
    text = ("Lakes: Difference between revisions\nLine 4:\nKept line.\n−\nOld version of the sentence.\n"
            "+\nNew version of the sentence.\n")
    assert texts(read_wikitext(text, Source("w5", "d.txt"))) == ["Kept line. New version of the sentence."]
