"""Quotations are set with balanced marks, never doubled (issue #15)."""
from __future__ import annotations

import pytest

from analysis.model.quotes import balanced


@pytest.mark.parametrize("text, want", [
    ("\u201cWe will defend our waters.\u201d", "We will defend our waters."),
    ('"We will defend our waters."', "We will defend our waters."),
    ("The border is closed,\u201d the minister said.", "The border is closed, the minister said."),
    ("\u201cThat has nothing to do with the talks, but the authority could collapse.",
     "That has nothing to do with the talks, but the authority could collapse."),
    ("He called it \u201ca grave error\u201d and left.", "He called it \u2018a grave error\u2019 and left."),
    ("She said \u201c\u201cno\u201d\u201d twice.", "She said \u2018no\u2019 twice."),
    ("No quotation marks at all.", "No quotation marks at all."),
    ("\u201cWe are ready,\u201d she said. \u201cWe always were.\u201d",
     "\u2018We are ready,\u2019 she said. \u2018We always were.\u2019"),
])
def test_balanced(text, want):
    assert balanced(text) == want


def test_balanced_text_has_no_double_marks_left():
    for text in ("a \u201cb", "a b\u201d c", '"a" b "c', "\u201c\u201c"):
        out = balanced(text)
        assert "\u201c" not in out and "\u201d" not in out and '"' not in out


def test_a_block_quotation_keeps_its_own_marks_and_drops_only_unmatched_ones():
    assert balanced("\u201cWe are ready,\u201d she said.", wrapped=False) == "\u201cWe are ready,\u201d she said."
    assert balanced("the talks are over.\u201d", wrapped=False) == "the talks are over."
