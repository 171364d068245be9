"""Property-based fuzzing (issue #8): every reader and the figure and date extractors take any
input and either return normally or raise the project's own error type, in bounded time.

Profiles (HYPOTHESIS_PROFILE): ``ci`` (the default: about 150 examples per target, run by
``make test``) and ``long`` (10,000 examples per target, run by hand:
``HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py``). The deadline is generous
so that a loaded two-core machine does not fail a healthy example; what it catches is
super-linear work (catastrophic regex backtracking, quadratic scans), for which some
examples repeat a fragment up to tens of thousands of characters. Independently of the
deadline, every call runs under a hard alarm (`bounded`) so a hang fails instead of
stalling the suite.
"""
from __future__ import annotations

import dataclasses
import importlib.util
import datetime as dt
import os
import signal
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.analyses import figures as figures_mod
from analysis.analyses import timeline
from analysis.analyses.dates import find_dates
from analysis.analyses.figures import find_figures
from analysis.errors import ReportError, SourceError
from analysis.model.document import Document, Source
from analysis.readers import READERS, TEXT_GENRES, detect_genre, read
from analysis.readers.common import problems
from analysis.readers.load import load_text

_COMMON = dict(deadline=dt.timedelta(seconds=20), print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])
settings.register_profile("ci", max_examples=150, **_COMMON)
settings.register_profile("long", max_examples=10_000, **_COMMON)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
FUZZ = settings.get_profile(PROFILE if PROFILE in ("ci", "long") else "ci")
"""The settings of every test here (applied per test, so other test files keep theirs)."""

HANG = 60
"""Seconds after which one call counts as hung (a hang detector, not a speed requirement)."""


@contextmanager
def bounded(seconds: int = HANG):
    """Fail with TimeoutError if the block runs longer than `seconds` (SIGALRM; main thread)."""
    def alarm(signum, frame):
        raise TimeoutError(f"no result after {seconds} s: a hang or catastrophic backtracking")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ---------------------------------------------------------------- strategies
WIKI = ["[[", "]]", "{{", "}}", "|", "=", "==", "== Heading ==", "<ref>", "</ref>", '<ref name="a"/>',
        "<ref name=a>", "''", "'''", "{|", "|}", "|-", "!", "<!--", "-->", "<nowiki>", "</nowiki>", "<br/>",
        "[http://example.org label]", "[javascript:alert(1) x]", "[[File:x.png|thumb|cap]]", "{{cite web|url=x}}",
        "{{#invoke:x}}", "<script>", "</script>", "&nbsp;", "&#123;", "__TOC__", "~~~~", "* ", "# ", ": ", "; ",
        "<div style=\"background:url(http://evil.example/x)\">", "</div>", "<sup>", "</sup>", "<math>", "</math>"]
MARKDOWN = ["# ", "## ", "*", "**", "_", "__", "`", "```", "> ", "- ", "+ ", "1. ", "[", "]", "(", ")", "![",
            "](", "[^1]", "[^1]: ", "^1^", "<sup>1</sup>", "|", "|---|", "---", "***", "\\", "<", ">", "&amp;",
            "<img src=\"file:///etc/passwd\">", "[x](javascript:alert(1))", "<style>@import url(x.css)</style>",
            "<!--", "-->", "    ", "\t", "©", "ISBN", "e-mail: a@b.org", "Tel. +41 22 917 1234", "Page 3"]
PLAIN = ["PRESS RELEASE", "SC/12345", "GA/67890", "Security Council", "said", "stated", "“", "”", '"', "'",
         "12 March 2021", "— ", "•", "* ", "-- ", "Mr. ", "Ms. ", "(", ")", ":", "The representative of Utopia",
         "\f", "For information media. Not an official record.", "***", "Meetings Coverage", "UN Photo"]
PROSE = ["The", "minister", "said", "that", "Utopia", "Jane Roe", "will", "defend", "sovereignty", "of", "a",
         "the", "and", "in", "on", ".", ",", ";", " ", "\n", "\n\n", "  ", "Ab", "é", "ſ", "K", "İ", "\u00a0",
         "\u200b", "\ufeff", "\u2028", "\x00", "\r\n", "{{ 7*7 }}", "{% raw %}", "${7*7}"]
NUMBERS = ["0", "1", "12", "2021", "1990s", "1,563,741", "1.563.741", "2.5", "½", "1/4", "3rd", "-", "–", "—",
           "%", "per cent", "percentage points", "$", "US$", "€", "£", "EUR", "USD", "million", "bn", "billion",
           "lakh", "crore", "between", "and", "to", "from", "more than", "less than", "up to", "about", "some",
           "over", "of", "out of", "in", "one", "twenty-five", "three hundred", "half", "a third", "two thirds",
           "km", "km²", "tonnes", "ha", "years", "months", "days", "ago", "last", "next", "today", "yesterday",
           "the following day", "March", "Mar.", "May", "12 March", "March 12", "2004-06-12", "12/06/2004",
           "mid-", "early", "late", "since", "until", "10:30", "a.m.", "p.m.", "o'clock", "+41 22 917 1234",
           "S/RES/2401", "A/74/251", "www.example.org", "https://example.org/a?b=1", "a@b.org", "doi:10.1/x",
           "ISBN 978-3-16-148410-0", "Article 12", "resolution 1244 (1999)", "turnout", "GDP", "budget",
           "threshold", "target", "was", "stood at", "would be a success", "(", ")", ".", ",", ":", ";", "/",
           "~", "<", ">", "≤", "≥", "+", "x", "×", "^", "#", "§", "№"]


def _soup(pieces: list[str], max_size: int = 80):
    """Fragments from `pieces` and arbitrary text, joined with or without spaces."""
    piece = st.sampled_from(pieces) | st.text(max_size=6)
    return st.tuples(st.lists(piece, max_size=max_size), st.sampled_from(["", " ", "\n"])).map(
        lambda t: t[1].join(t[0]))


def _scaled(base):
    """A text from `base`, sometimes repeated into a long one (up to ~60,000 characters), so that
    super-linear behaviour shows up as a missed deadline."""
    return st.one_of(
        base,
        st.tuples(base, st.integers(min_value=50, max_value=3000)).map(lambda t: (t[0] * t[1])[:60_000]),
        st.tuples(st.sampled_from(["a", "1", "1 ", "[", "{{", "'", "*", "<", "(", "-", ".", " ", "\n", "%", "$1",
                                   "[[a|", "{{a|", "<ref>", "1,", "0.", "per cent ", "March "]),
                  st.integers(min_value=1000, max_value=60_000)).map(lambda t: (t[0] * t[1])[:60_000]),
    )


ANY_TEXT = st.text(max_size=400)
READER_TEXT = {"wikitext": _scaled(_soup(WIKI + PROSE)), "markdown": _scaled(_soup(MARKDOWN + PROSE)),
               "plaintext": _scaled(_soup(PLAIN + PROSE + ["\n", "\n\n"]))}
NUMBER_TEXT = _scaled(_soup(NUMBERS + PROSE[:20], max_size=60))


def _check_document(doc: Document, text: str) -> None:
    assert isinstance(doc, Document)
    assert problems(doc) == [], problems(doc)[:3]
    for w in doc.warnings:
        assert isinstance(w, str) and "\n" not in w


# ---------------------------------------------------------------- readers
@pytest.mark.parametrize("genre", sorted(TEXT_GENRES))
@FUZZ
@given(data=st.data())
def test_reader_reads_anything(genre, data):
    text = data.draw(st.one_of(READER_TEXT[genre], ANY_TEXT), label="text")
    with bounded():
        doc = READERS[genre].read(text, Source(id="d1", path=f"fuzz.{genre}"))
    _check_document(doc, text)
    assert not any("could not be read" in w for w in doc.warnings), doc.warnings


HTML = ["<!DOCTYPE html>", "<html>", "<body>", "<article>", "</article>", "<p>", "</p>", "<h2>", "</h2>", "<table>",
        "<tr>", "<td>", "</td>", "<ul>", "<li>", "<sup>", "</sup>", '<a href="#n1">', '<a href="https://x.org">',
        "</a>", '<li id="n1">', '<ol class="references">', "<blockquote>", "<nav>", "</nav>", "<script>",
        "</script>", '<iframe src="https://evil.example">', '<img src="file:///etc/passwd">', "<!--", "-->",
        "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xD800;", "\u27e6", "\u27e7", "<?xml version='1.0'?>", "<meta charset=x>"]


@pytest.mark.skipif(importlib.util.find_spec("trafilatura") is None, reason="trafilatura not installed")
@FUZZ
@given(text=st.one_of(_scaled(_soup(HTML + PROSE)), ANY_TEXT))
def test_html_reader_reads_anything_or_names_the_file(text):
    with bounded():
        try:
            doc = READERS["html"].read(text, Source(id="d1", path="src/fuzz.html"))
        except SourceError as err:
            assert "src/fuzz.html" in err.line() and "\n" not in err.line()
            return
    assert problems(doc) == [], problems(doc)
    assert not any("\u27e6" in b.text for b in doc.blocks if "\u27e6" not in text)


@FUZZ
@given(text=st.one_of(*READER_TEXT.values(), ANY_TEXT), genre=st.sampled_from([None, *sorted(TEXT_GENRES)]))
def test_detection_and_registry_read_anything(text, genre):
    with bounded():
        assert detect_genre(text, "fuzz.txt") in TEXT_GENRES
        doc = read(text, Source(id="d1", path="fuzz.txt", genre=genre))
    _check_document(doc, text)


_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]


@st.composite
def _source_bytes(draw):
    kind = draw(st.sampled_from(["raw", "encoded", "encoded", "prefixed"]))
    if kind == "raw":
        return draw(st.binary(max_size=2000))
    text = draw(st.one_of(READER_TEXT["plaintext"], ANY_TEXT))
    data = text.encode(draw(st.sampled_from(_ENCODINGS)), errors="replace")
    if kind == "prefixed":
        data = draw(st.sampled_from([b"%PDF-1.7", b"PK\x03\x04", b"\x89PNG", b"\x00", b"\xff\xfe", b"\xfe\xff",
                                     b"\xef\xbb\xbf", b"\x1f\x8b", b" \n\t"])) + data
    return data


@FUZZ
@given(data=_source_bytes())
def test_load_text_reads_or_refuses_by_name(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("src") / "source.txt"
    path.write_bytes(data)
    try:
        with bounded():
            text, warnings = load_text(path, "sources/fuzz.txt", max_bytes=1_000_000)
    except SourceError as err:
        assert "sources/fuzz.txt" in err.line() and "\n" not in err.line()
        return
    assert text.strip() and "\x00" not in text and "\r" not in text
    assert all("sources/fuzz.txt" in w for w in warnings)


# ---------------------------------------------------------------- extractors
@FUZZ
@given(text=st.one_of(NUMBER_TEXT, ANY_TEXT))
def test_find_figures_any_text(text):
    with bounded():
        found = find_figures(text)
    last = -1
    for f in found:
        assert 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.text
        assert f.start >= last  # in order, not overlapping
        last = f.end
        assert f.unit in ("percent", "currency", "count", "fraction", "length", "mass", "area", "duration", "other")
        assert f.value is not None or (f.low is not None and f.high is not None)


@FUZZ
@given(text=st.one_of(NUMBER_TEXT, ANY_TEXT),
       ref=st.sampled_from([None, "2010", "2013-12", "2010-02-24", "2024-02-29", "garbage"]),
       year=st.sampled_from([None, 1, 1999, 2199, 9999]),
       previous=st.sampled_from([None, "2012-03-04", "2012-02-30", "x"]))
def test_find_dates_any_text(text, ref, year, previous):
    with bounded():
        found = find_dates(text, ref, year, previous_day=previous)
    for d in found:
        assert 0 <= d.start < d.end <= len(text) and text[d.start:d.end] == d.text
        assert d.precision in ("day", "month", "year")
        assert len(d.date) == {"day": 10, "month": 7, "year": 4}[d.precision]
        dt.date.fromisoformat(d.date if d.precision == "day" else d.date[:4] + "-01-01")
        assert d.end_date is None or len(d.end_date) == len(d.date)


@FUZZ
@given(text=NUMBER_TEXT, genre=st.sampled_from(sorted(TEXT_GENRES)),
       date=st.sampled_from([None, "2019", "2019-05-31", "not a date"]))
def test_document_figures_and_events(text, genre, date):
    """The document-level functions the pipeline calls, over a document a reader made."""
    with bounded():
        doc = READERS[genre].read(text, Source(id="d1", path="fuzz"))
        if date is not None:
            doc = dataclasses.replace(doc, date=date)
        figs = figures_mod.figures(doc)
        events = timeline.events(doc, lambda s: [])
    anchors = {p.anchor for p in doc.passages()}
    assert all(f.anchor in anchors and f.doc == "d1" for f in figs)
    assert all(e.anchor in anchors for e in events)
    assert len({f.id for f in figs}) == len(figs) and len({e.id for e in events}) == len(events)


TOML = ["[report]", "[[sources]]", "[style]", "[output]", "[content]", "[content.commentary]", "[[questions]]",
        "[[lexicons.actors]]", "[report", "[[sources]", "title", "path", "genre", "id", "formats", "dir", "accent",
        "page_size", "terms", "label", "summary", "date", "titel", "flavour", " = ", "=", '"', "'", '"""', "[", "]",
        "{", "}", ",", "1", "2024-05-31", "true", "#", "\n", "\n", " ", '"src/x.txt"', '"wikitext"', '"latex"',
        '["pdf", "odt"]', '"#1f4e79"', '"A3"', "\\", "\t", "\x00", "é", "\ufeff"]


@FUZZ
@given(text=st.one_of(_soup(TOML, max_size=60), st.text(max_size=300)))
def test_config_loads_or_names_the_problem(tmp_path_factory, text):
    """Any report.toml gives a Config or one ConfigError line naming the file (and its line or key)."""
    from analysis import config

    path = tmp_path_factory.mktemp("cfg") / "report.toml"
    path.write_text(text, encoding="utf-8")
    try:
        with bounded():
            cfg = config.load(path, check_files=False)
    except ReportError as err:
        assert err.exit_code == 3 and "report.toml" in err.line() and "\n" not in err.line()
        return
    assert cfg.report.title and cfg.sources


def test_the_profile_is_known():
    """A misspelt HYPOTHESIS_PROFILE would silently run the CI profile: say so."""
    assert PROFILE in ("ci", "long"), f"HYPOTHESIS_PROFILE={PROFILE!r}: use ci or long"
    assert issubclass(SourceError, ReportError)
