"""Findings read from words the source flags as unsourced ("[citation needed]") say so and stay out
of the brief's body: basis source-marks-unsourced, confidence at most medium. Invented states."""
from __future__ import annotations

from analysis.analyses.unsourced import RULE, flag_unsourced
from analysis.model.findings import Event
from analysis.readers import read
from analysis.model.document import Source

WIKI = """'''Ruritania''' is a state in the north.

On 3 May 2031 Ruritania recognised Syldavia.{{citation needed|date=June 2031}} On 9 May 2031 Borduria protested.

On 1 June 2031 Syldavia opened an embassy.
"""


def _doc():
    return read(WIKI, Source(id="w", path="w.wiki", genre="wikitext"))


def _event(doc, words):
    b = next(b for b in doc.blocks if words in b.text)
    i = b.text.index(words)
    return Event(id="e", doc="w", anchor=b.anchor, date="2031", precision="year", text=b.text, start=i,
                 end=i + len(words))


def test_the_reader_keeps_where_the_source_flags_its_words():
    flagged = [b for b in _doc().blocks if b.unsourced]
    assert len(flagged) == 1 and flagged[0].text[:flagged[0].unsourced[0]].endswith("recognised Syldavia.")


def test_a_finding_from_the_flagged_sentence_is_marked_and_not_sure():
    doc = _doc()
    flagged, later, other = flag_unsourced(doc, [_event(doc, "3 May 2031"), _event(doc, "9 May 2031"),
                                                 _event(doc, "1 June 2031")])
    assert flagged.confidence == "medium" and RULE in flagged.basis
    assert later.confidence == "high" and RULE not in later.basis      # the next sentence is not flagged
    assert other.confidence == "high" and RULE not in other.basis      # nor another paragraph


def test_the_brief_keeps_a_flagged_finding_out_of_its_body_and_says_why_in_the_annex(tmp_path):
    from analysis.cli import main

    (tmp_path / "w.wiki").write_text(WIKI, encoding="utf-8")
    (tmp_path / "report.toml").write_text('[report]\ntitle = "t"\n[[sources]]\npath = "w.wiki"\n', encoding="utf-8")
    assert main(["--config", str(tmp_path / "report.toml"), "--out", str(tmp_path / "out"), "--format", "html",
                 "--quiet"]) == 0
    page = (tmp_path / "out" / "brief.html").read_text(encoding="utf-8")
    assert "the source marks these words as unsourced" in page
