"""The read step hands the stances step what it found (build/steps.py): the stances are what the
stances step finds by itself, and a throwaway cache keeps only that hand-off."""
from __future__ import annotations

import pickle

import pytest

from analysis.build.analyse import analyse
from analysis.build.steps import HANDOFF, context, read_source
from analysis.analyses import stance
from analysis.analyses.statements import statements
from analysis.build.cache import Cache
from analysis.config import load
from conftest import ROOT


@pytest.fixture(scope="module")
def corpus():
    """(config, its steps.Context, [(doc, raw statements)]) of the held-out corpus."""
    config = load(ROOT / "tests" / "heldout" / "report.toml")
    ctx = context(config.lexicons, config.questions)
    docs = [read_source(src) for src in config.sources]
    return config, ctx, [(doc, statements(doc, ctx.gaz, ctx.principles)) for doc in docs]


def test_the_questions_read_finds_are_those_assign_gives(corpus):
    _, ctx, docs = corpus
    for doc, raw in docs:
        judged, main, _, _ = stance.assign(raw, doc, ctx.tops, {}, ctx.gaz, ctx.principles)
        asked, asked_main = stance.questions(raw, doc, ctx.tops)
        assert asked_main == main
        assert [s.question for s in asked] == [s.question for s in judged]
        assert [s.text for s in asked] == [s.text for s in raw]


def test_assign_with_the_handed_main_topic_and_proponents_is_assign_alone(corpus):
    _, ctx, docs = corpus
    sides = stance.principle_sides([s for doc, raw in docs for s in stance.questions(raw, doc, ctx.tops)[0]
                                    if s.violated], ctx.tops, ctx.gaz)
    for doc, raw in docs:
        stmts, main, props, tgts = stance.assign(raw, doc, ctx.tops, sides, ctx.gaz, ctx.principles)
        # as a worker or a cached stage A hands them over: copies, not the configured Topic itself
        known = pickle.loads(pickle.dumps((main, frozenset(props))))
        again, main2, props2, tgts2 = stance.assign(raw, doc, ctx.tops, sides, ctx.gaz, ctx.principles, known)
        assert again == stmts and main2 == main and set(props2) == set(props) and tgts2 == tgts


def test_a_throwaway_cache_keeps_only_the_handoff(corpus):
    config, _, _ = corpus
    throwaway = Cache.temporary()
    try:
        analyse(config, throwaway)
        assert throwaway.count(HANDOFF, "put") == len(config.sources)
        assert not throwaway.count("read", "put") and not throwaway.count("stances", "put")
    finally:
        throwaway.close()
