"""Results taken from the memos of recurring text read the same as computed afresh."""
from __future__ import annotations

from analysis.actors import Gazetteer
from analysis.analyses import precedents
from analysis.model.document import Source
from analysis.readers import markdown, wikitext
from analysis.readers.wikitext import render as wikitext_render

_WIKI = ("'''Topic''' is a place.<ref>{{cite web |title=A report |url=http://x.org |work=Daily}}</ref> "
         "More text.<ref>[http://y.org A ''bare'' title] here.</ref>\n\n"
         "Later.<ref>Body <references><ref name=\"n\">inner</ref></references></ref> "
         "And named.<ref name=\"n\" />\n")


def _read_wiki(text: str):
    return wikitext.read_wikitext(text, Source(id="w", path="w.txt", title=None, genre="wikitext"))


def test_wikitext_note_bodies_from_the_memo_read_as_fresh():
    wikitext_render.parse.clear()
    wikitext_render.NOTE_BODIES.clear()
    fresh = _read_wiki(_WIKI)
    again = _read_wiki(_WIKI)  # the same trees from _parse: note bodies from _NOTE_BODIES
    assert again == fresh
    assert len(fresh.footnotes) >= 3 and len(wikitext_render.NOTE_BODIES.items) >= 2


def test_a_note_body_holding_references_is_not_kept():
    """Rendering it defines notes in the document being read: that cannot come from a memo."""
    wikitext_render.parse.clear()
    wikitext_render.NOTE_BODIES.clear()
    _read_wiki(_WIKI)
    kept = [value[0].text for _, value in wikitext_render.NOTE_BODIES.items.values()]
    assert not any("Body" in text for text in kept)


def test_node_memo_keeps_the_most_recent():
    memo = wikitext_render.NodeMemo(2)
    nodes = [object() for _ in range(3)]
    for i, node in enumerate(nodes):
        memo.put(node, i)
    assert memo.get(nodes[0]) is None and memo.get(nodes[1]) == 1 and memo.get(nodes[2]) == 2


def test_markdown_inline_parsed_apart_reads_as_the_full_parse():
    """_parse runs the block rules alone and parses each inline text itself."""
    text = ("# Title\n\nA [link][r] and *em*, **strong**, `code`, ~~s~~, a note<sup>1</sup> and\\\nbreak.\n\n"
            "| a | b |\n|---|---|\n| A *x* | y<br>z |\n\n    indented paragraph\n\n[r]: http://x.org\n")
    env: dict = {}
    full = [t for t in markdown._MD.parse(text, env) if t.type == "inline"]
    apart = [t for t in markdown._MD_BLOCKS.parse(text, {}) if t.type == "inline"]
    assert [t.content for t in apart] == [t.content for t in full]
    for whole, block in zip(full, apart):
        assert markdown._MD.parseInline(block.content, env)[0].children == whole.children


def test_find_cases_from_the_sentence_memo_as_fresh():
    """The memo keeps what the sentence alone tells: another document's persons and history
    still have their say."""
    gaz = Gazetteer.default([("Ruritania", ("Ruritanian",), "state")])
    sentences = ["The Republic of Ruritania rejected comparisons with Borduria, as did the two regions.",
                 "Syldavia said the Association of Ruritanian Municipalities is like Jane Doe's plan.",
                 "Elsewhere, Freedonia and Elbonia were named."]
    history = [precedents.Case(0, 6, "Borduria", "region"), precedents.Case(0, 6, "Syldavia", "region")]
    asks = [(set(), []), ({"Jane Doe"}, history), ({"Syldavia"}, history[:1])]
    for sentence in sentences:
        precedents._SENTENCE_MEMOS.clear()
        fresh = []
        for persons, known in asks:
            precedents._SENTENCE_MEMOS.clear()
            fresh.append(precedents.find_cases(sentence, gaz, persons, known, {"Elsewhere"}))
        memoised = [precedents.find_cases(sentence, gaz, persons, known, {"Elsewhere"}) for persons, known in asks]
        assert memoised == fresh, sentence


def test_gazetteer_scan_memo_gives_what_a_fresh_gazetteer_finds():
    """The scan of a text is remembered by the text alone: asked again with another context, and
    after the widening steps changed the hits of an earlier answer in place ("the Government of",
    "the Foreign Ministry of"), it finds what a gazetteer that never saw the text finds."""
    from analysis.actors import Gazetteer
    from analysis.actors.lexicon import base_entries

    texts = ["The Government of Ruritania, France and the Council met.",
             "The Council said the Foreign Ministry of Germany agreed with the authorities of Chile.",
             "the Secretary-General welcomed it; see www.example.org/France for Norway's view"]
    contexts = [(), ("United Nations Security Council",), ("European Union",), ("Secretary-General of the United Nations",), ()]
    shared = Gazetteer([dict(e) for e in base_entries()])
    for text in texts:
        for context in contexts:
            fresh = Gazetteer([dict(e) for e in base_entries()])
            assert shared.find(text, context) == fresh.find(text, context), (text, context)
            shared._memo.clear()  # the answer memo aside: the next ask takes the scan from its own memo
