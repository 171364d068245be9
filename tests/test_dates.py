"""Date extraction: fixture cases (tests/fixtures/dates/*.txt), masking and sentences, robustness."""
from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.analyses.dates import (DateMatch, MASK, date_spans, find_dates, mask_non_prose, sentence_span,
                                     sentence_spans)

from analysis_helpers import load_fixture_cases

FIXTURES = Path(__file__).parent / "fixtures" / "dates"


CASES = [(p.name, line, text, args, exp) for p in sorted(FIXTURES.glob("*.txt"))
         for text, args, exp, line in load_fixture_cases(p)]


def test_fixture_files_have_cases():
    assert len(CASES) >= 35
    assert {c[0] for c in CASES} >= {"absolute.txt", "ranges.txt", "yearless.txt", "relative.txt", "negatives.txt"}


@pytest.mark.parametrize("name,line,text,args,expected", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_fixture(name, line, text, args, expected):
    found = find_dates(text, reference_date=args.get("reference"), default_year=args.get("default_year"),
                       previous_day=args.get("previous_day"))
    shown = [(d.text, d.date, d.precision, d.end_date, d.relative) for d in found]
    assert len(found) == len(expected), f"{name}:{line}: expected {len(expected)} dates, got {shown}"
    for d, want in zip(found, expected):
        for key, value in want.items():
            assert getattr(d, key) == value, f"{name}:{line}: {key} = {getattr(d, key)!r}, want {value!r} in {shown}"
        assert text[d.start:d.end] == d.text
        assert isinstance(d, DateMatch)


def test_mask_keeps_offsets_and_hides_non_prose():
    text = "See https://x.org/a/2014/5 or call +44 20 7946 0958 at 10:15 a.m.; S/2019/123 and GA/12345."
    masked = mask_non_prose(text)
    assert len(masked) == len(text)
    for hidden in ("https://x.org/a/2014/5", "+44 20 7946 0958", "10:15 a.m.", "S/2019/123", "GA/12345"):
        i = text.index(hidden)
        assert set(masked[i:i + len(hidden)]) == {MASK}, hidden
    assert masked.startswith("See ") and masked.endswith(".")


def test_date_spans_cover_unresolvable_dates():
    text = "On 5 August and in the 1990s, but not 2000 soldiers."
    spans = [text[s:e] for s, e in date_spans(text)]
    assert "5 August" in spans and any("1990s" in s for s in spans)
    assert not any("2000" in s for s in spans)


def test_sentences():
    text = "Mr. Smith arrived on 3 May. He left on 4 May. “It went well,” he said. Talks end in U.S. time."
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Mr. Smith arrived on 3 May.", "He left on 4 May.",
                                              "“It went well,” he said.", "Talks end in U.S. time."]
    assert text[slice(*sentence_span(text, text.index("4 May")))] == "He left on 4 May."


@settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from([None, "2010", "2013-12", "2010-02-24"]),
       st.sampled_from([None, 1999, 2012]))
def test_never_raises_on_arbitrary_text(text, ref, year):
    for d in find_dates(text, ref, year):
        assert text[d.start:d.end] == d.text
        assert len(d.date) in (4, 7, 10)


_PIECES = ["12", "3", "2010", "2009", "-", "–", "/", ".", ",", " ", "March", "May", "may", "Oct.", "last", "in",
           "on", "the", "following day", "today", "year", "ago", "years", "from", "to", "between", "and", "th",
           "st", "1990s", "mid-", "AK-", "(", ")", ":", "a.m."]


@settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=50).map(" ".join), st.sampled_from([None, "2013-12", "2010-02-24"]))
def test_never_raises_on_date_soup(text, ref):
    for d in find_dates(text, ref):
        assert text[d.start:d.end] == d.text
        if d.end_date:
            assert d.end_date >= d.date


def test_long_line_is_linear():
    rnd = random.Random(3)
    big = "".join(rnd.choice("0123456789,.-/ :") for _ in range(1_000_000))
    t0 = time.perf_counter()
    find_dates(big, "2010-01-01")
    assert time.perf_counter() - t0 < 120
