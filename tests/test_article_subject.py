"""The state an article is about (issue #15): named in a foreign-relations title, or named far more
than any other state; a news story that names its other side often has none."""
from __future__ import annotations

from analysis.actors import Gazetteer
from analysis.analyses.article_subject import subject_state
from analysis_helpers import make_doc

GAZ = Gazetteer.default()


def _doc(title, passages):
    return make_doc([{"text": t} for t in passages], genre="wikitext", title=title)


def test_a_foreign_relations_title_names_the_article_state():
    assert subject_state(_doc("Foreign relations of Estonia", ["Latvia borders it."]), GAZ) == "Estonia"


def test_a_state_named_four_times_more_than_any_other_is_the_article_state():
    doc = _doc("Northern Europe", ["Estonia signed a new accord."] * 16 + ["Latvia signed it too."] * 3)
    assert subject_state(doc, GAZ) == "Estonia"


def test_two_states_named_often_give_no_article_state():
    doc = _doc("Talks on the river", ["Estonia met Latvia on Monday."] * 16)
    assert subject_state(doc, GAZ) is None


def test_a_state_named_a_few_times_gives_no_article_state():
    assert subject_state(_doc("Talks on the river", ["Estonia signed the accord."] * 5), GAZ) is None
