"""Who said what: attribution patterns on fixture texts written for these tests."""
from __future__ import annotations

import json

import pytest

from analysis.actors import Gazetteer
from analysis.analyses.statements import statements
from analysis.lexicons import principles
from analysis_helpers import make_doc
from conftest import FIXTURES

CASES = json.loads((FIXTURES / "statements" / "cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_attribution(case, gaz):
    doc = make_doc(case["passages"], genre=case["genre"])
    found = statements(doc, gaz, principles())
    for exp in case["expect"]:
        hits = [s for s in found if exp["cue"] in s.text]
        assert hits, f"no statement holds {exp['cue']!r}; got {[(s.speaker, s.actor, s.text) for s in found]}"
        st = hits[0]
        if "speaker" in exp:
            assert st.speaker == exp["speaker"]
        if "actor" in exp:
            assert st.actor == exp["actor"]
        # every statement's text is the passage's exact words
        block = next(b for b in doc.blocks if b.anchor == st.anchor)
        assert block.text[st.span.start:st.span.end] == st.text
    for cue in case.get("absent", []):
        assert not [s for s in found if cue in s.text]


def test_principles_on_statements(gaz):
    doc = make_doc([{"text": "The Estonian Prime Minister Liis Kask said \"the annexation violates the "
                             "territorial integrity of a sovereign state and international law\"."}])
    (st,) = statements(doc, gaz, principles())
    assert set(st.principles) >= {"territorial-integrity", "sovereignty", "international-law"}
    assert "territorial-integrity" in st.violated
    assert "sovereignty" not in st.violated or "territorial-integrity" in st.violated


def test_principle_only_in_citation_is_not_a_statement_principle(gaz):
    from analysis.model.document import Block, Document, Footnote
    doc = Document(id="t1", path="t", genre="wikitext", blocks=(
        Block(anchor="t1-p1", kind="paragraph", text="The Chilean delegate Ana Ruiz said \"we will vote yes\"."),),
        footnotes=(Footnote(anchor="t1-n1", label="1", kind="citation",
                            text="Chile backs sovereignty and territorial integrity, news agency, 2009"),))
    (st,) = statements(doc, gaz, principles())
    assert st.principles == ()
