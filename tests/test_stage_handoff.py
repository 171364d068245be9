"""The read step hands the stances step what it found (build/steps.py): the stances are what the
stances step finds by itself; the hand-off travels with the jobs (build/handoff.py), so a build
without a cache reads each source once and stores nothing."""
from __future__ import annotations

import pickle
import shutil

import pytest

from analysis.build import steps
from analysis.build.analyse import analyse
from analysis.build.handoff import Handoff, Parcel
from analysis.build.steps import context, read_source
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


def test_without_a_cache_each_source_is_read_once_and_nothing_is_stored(corpus, monkeypatch, tmp_path):
    config, _, _ = corpus
    reads = []

    def counted(src):
        reads.append(src.id)
        return read_source(src)

    monkeypatch.setattr(steps, "read_source", counted)
    off = Cache(None)
    analysed = analyse(config, off, scratch=tmp_path)
    assert sorted(reads) == sorted(src.id for src in config.sources), "the stances step read no source again"
    assert not any(k.endswith(".put") for k in off.stats), off.stats
    assert not list(tmp_path.iterdir()), "the hand-off folder is gone with the build"
    assert analysed.findings == analyse(config, Cache(None)).findings


def test_a_parcel_in_a_file_or_in_memory_opens_to_the_values_handed(tmp_path):
    values = {"document": ("any", "value"), "raw_statements": [1, 2]}
    in_memory, on_disk = Handoff(tmp_path), Handoff(tmp_path, hold=0)
    assert in_memory.pack(values).data is not None and in_memory.pack(values).open() == values
    parcel = on_disk.pack(values)
    assert parcel.data is None and parcel.open() == values
    on_disk.close()
    assert parcel.open() is None, "a parcel whose folder is gone opens as None: the step reads again"
    assert Parcel().open() is None
    elsewhere = Handoff.joining(str(tmp_path / "not-here")).pack(values)
    assert elsewhere.open() is None, "a worker that cannot write the folder hands nothing: the step reads again"


def test_a_cached_read_step_with_stances_to_redo_reads_the_source_again(corpus, tmp_path):
    """What the read step hands on is not cached: when its result is (and the stances are not, say
    the sides moved), the stances step reads the source itself, and finds the same."""
    config, _, _ = corpus
    first = analyse(config, Cache(tmp_path))
    shutil.rmtree(tmp_path / "stances")
    again = Cache(tmp_path)
    second = analyse(config, again)
    n = len(config.sources)
    assert again.count("read") == n and again.count("stances", "miss") == n
    assert second.findings == first.findings
