"""Document -> events: the dated sentences that report something happening on their date, in reading order.

Each date found by dates.find_dates in a passage is judged by event_cues.judge with the sentence
it stands in: kept as an `Event` (text: that sentence; confidence and basis: the rules that fired)
when the sentence reports a happening on that date, dropped when it merely mentions the date (a
citation, a headline, "today's topic", an analogy, a name's year). A day or month without a year
takes the year of the nearest preceding date that states one (or of an opening "In 2008,"):
within its passage always, and across passages when the document has no date of its own; "as of"
dates and the dates of names ("the Treaty of X of 1 May 1885") set no year context. A dated
document (a press release, a policy note) is its own context across passages: a yearless date
there takes the year of the document's date, moved back a year when the sentence tells of the
past and the month comes after the document's ("paid in December", in a note of May), forward
when it tells of the future and the month is already past. "The following day" may refer to the
last day named in an earlier passage. A press release's headline reports what happened on its
date; the sentences of a dated document that say "today" or "this morning" tell of its own
meeting, kept once (as the headline, or the first of them), and a letter's heading ("Letter dated 12 August 2025 from ...") the letter's sending. The
same event reported twice in a document (same date, and mostly the same words or, for a day, the
same occasion noun: "elections", "attack") is kept once.
Citation footnotes never reach here (Document.passages() leaves them out); nor does the
publication date line, which is metadata, not a block.
"""
from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left
from typing import Callable

from ..model.document import Document, Footnote
from ..model.findings import Event
from . import event_cues
from .dates import DateMatch, find_dates, lexicon, opens_sentence_with_year, sentence_span

_QUOTE = re.compile(r"\u201c[^\u201c\u201d]{0,3000}\u201d|\"[^\"\n]{0,3000}\"")
_RELEASE_SYMBOL = re.compile(r"^[A-Z]{2,6}(?:/[A-Z]{2,6})?/\d{1,6}$")
"""A press release's symbol (``SC/9867``, ``SG/SM/1234``): no year in it, unlike a document's."""
_CONTENT = re.compile(r"[a-z][a-z'-]{2,}")
_SAME_EVENT = 0.6
"""Share of the shorter text's content words two reports of one date must share to be one event."""


RUN_ON = 2000
"""Characters beyond which a "sentence" is a run-on passage (no full stop, a flattened list):
each date in it is judged on the words around it, or every date would re-read the whole run."""


def judged_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding the date at `start`..`end`; in a run-on passage, the RUN_ON/2
    characters either side of the date, cut at spaces."""
    s0, s1 = sentence_span(text, start)
    if s1 - s0 <= RUN_ON:
        return s0, s1
    lo, hi = max(s0, start - RUN_ON // 2), min(s1, end + RUN_ON // 2)
    if lo > s0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < s1:
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    return lo, hi


def events(doc: Document, find_actors: Callable[[str], list[str]] | None = None) -> tuple[Event, ...]:
    """Dated events of `doc`, ids ``<doc id>-e<n>``; one event reported twice only once.

    `find_actors(sentence)` names the actors of each event when given.
    """
    out: list[Event] = []
    seen: set[tuple[str, str, str]] = set()
    kept_words: dict[str, list[tuple[set[str], frozenset]]] = {}
    context_year: int | None = None
    previous_day: str | None = None

    def add(date: str, precision: str, end_date: str | None, anchor: str, sentence: str, start: int, end: int,
            verdict: event_cues.Verdict) -> None:
        key = (date, anchor, sentence)
        if key in seen:
            return
        seen.add(key)
        words = set(_CONTENT.findall(sentence.lower()))
        nouns = event_cues.occasion_nouns(sentence) if precision == "day" else frozenset()
        for other, other_nouns in kept_words.get(date, []):
            if words and other and len(words & other) >= _SAME_EVENT * min(len(words), len(other)):
                return
            if nouns & other_nouns:
                return  # "the second round of elections on 1 December" told again in other words
        kept_words.setdefault(date, []).append((words, nouns))
        actors = tuple(dict.fromkeys(find_actors(sentence))) if find_actors else ()
        out.append(Event(id=f"{doc.id}-e{len(out) + 1}", doc=doc.id, anchor=anchor, date=date,
                         precision=precision, text=sentence, start=start, end=end, actors=actors,
                         end_date=end_date, confidence=verdict.confidence, basis=verdict.basis))

    headline = _headline_event(doc)
    if headline is not None:
        add(*headline)
    today_told = headline is not None
    for heading in _dated_headings(doc):
        add(*heading)
    for passage in doc.passages():
        text = passage.text
        in_footnote = isinstance(passage, Footnote)
        matches = find_dates(text, reference_date=doc.date, default_year=None if doc.date else context_year,
                             previous_day=previous_day)
        quotes = None
        starts = [x.start for x in matches]
        ordered = all(a <= b for a, b in zip(starts, starts[1:]))
        for m in matches:
            own_day = _own_day(m, doc.date)
            if own_day and today_told:
                # a dated record tells of one day's meeting: what happened "today" or "this
                # morning" is that meeting, which its headline or first "today" already gives
                continue
            s0, s1 = judged_span(text, m.start, m.end)
            sentence = text[s0:s1]
            m = _by_tense(m, sentence, m.start - s0, doc.date)
            # the other dates of the sentence: found by bisection, as a passage without a full stop
            # can hold thousands of dates (every one against every other was quadratic)
            near = matches[bisect_left(starts, s0):bisect_left(starts, s1)] if ordered else matches
            others = tuple(o for o in near if o is not m and s0 <= o.start < s1)
            if quotes is None:
                quotes = [q.span() for q in _QUOTE.finditer(text)]
            in_quote = any(qs < m.start < qe for qs, qe in quotes)
            verdict = event_cues.judge(sentence, m.start - s0, m.end - s0, m, in_footnote=in_footnote,
                                       others=others, in_quote=in_quote)
            if verdict.keep and verdict.confidence == "high" and doc.date and m.date > doc.date[:len(m.date)] \
                    and event_cues.tense(sentence) == "past":
                # "seminars were held on 11 December 2031" in a report of May 2031: the year as written is implausible
                verdict = event_cues.Verdict(True, "medium", verdict.basis + ("after-document-date",))
            if verdict.keep:
                add(m.date, m.precision, m.end_date, passage.anchor, sentence, m.start, m.end, verdict)
                today_told = today_told or own_day
        context_year = _carried_year(text, matches, context_year)
        days = [m for m in matches if m.precision == "day"]
        if days:
            previous_day = days[-1].end_date or days[-1].date
    return tuple(out)


def _own_day(m: DateMatch, reference: str | None) -> bool:
    """True for "today", "this morning" ... naming the document's own date."""
    if not (m.relative and reference and m.date == reference):
        return False
    words = " ".join(m.text.lower().split())
    lx = lexicon("dates")
    return lx["relative_days"].get(words) == 0 or lx["relative_day_phrases"].get(words) == 0


def _headline_event(doc: Document):
    """(date, precision, end_date, anchor, text, start, end, verdict) for a press release whose
    headline has a verb of happening ("Council Adopts Statement"), dated to the day; else None."""
    if not (doc.title and doc.date and len(doc.date) == 10 and doc.symbol and _RELEASE_SYMBOL.match(doc.symbol)):
        return None
    title = " ".join(doc.title.split())
    if event_cues.verb_evidence(title, headline=True) is None:
        return None
    anchor = next((b.anchor for b in doc.blocks if b.kind == "heading" and b.text.strip()
                   and b.text.strip() in title), None) or (doc.blocks[0].anchor if doc.blocks else f"{doc.id}-p1")
    verdict = event_cues.Verdict(True, "medium", ("headline-of-dated-release", "year-from-document-date"))
    return doc.date, "day", None, anchor, title, 0, 0, verdict


def _dated_headings(doc: Document):
    """(date, precision, end_date, anchor, text, start, end, verdict) for each heading that opens with
    a dated document of the source's own ("Letter dated 12 August 2025 from ..."): the letter was sent
    on that date. Other headings are titles, not events."""
    nouns = lexicon("events")["dated_heading_nouns"]
    opener = re.compile(r"^\s{0,3}(?:%s)\s{1,3}dated\s{1,3}$" % "|".join(
        r"\s{1,3}".join(map(re.escape, n.split())) for n in sorted(nouns, key=len, reverse=True)), re.I)
    for block in doc.blocks:
        if block.kind != "heading":
            continue
        found = find_dates(block.text, reference_date=doc.date)
        if found and found[0].year_stated and found[0].precision == "day" and opener.match(block.text[:found[0].start]):
            m = found[0]
            verdict = event_cues.Verdict(True, "medium", ("dated-letter-heading", "stated-date"))
            yield m.date, m.precision, None, block.anchor, block.text, m.start, m.end, verdict


def _by_tense(m: DateMatch, sentence: str, start: int, reference: str | None) -> DateMatch:
    """A yearless month or day resolved against the document's date, moved to the previous year
    when its clause tells of the past and it falls after the document's date, to the next when
    the clause tells of the future and it falls before."""
    if not (reference and m.relative and not m.year_stated and m.precision in ("day", "month")):
        return m
    words = m.text.lower().split()
    if words and words[-1] in lexicon("dates")["weekdays"] and words[0] not in ("last", "next", "this"):
        return _weekday_by_tense(m, sentence, start, reference)
    if not words or words[0] in lexicon("dates")["relative_month_words"] or not event_cues.month_named(m.text):
        return m
    ref = reference.split("-")
    if len(ref) < 2:
        return m
    rm, rd = int(ref[1]), int(ref[2]) if len(ref) > 2 else None
    mo = int(m.date[5:7])
    d = int(m.date[8:10]) if m.precision == "day" else None
    a, b = event_cues.clause_bounds(sentence, start, start + len(m.text))
    t = event_cues.tense(sentence[a:b], start - a)
    later = (mo, d or 0) > (rm, rd or 0) if rd is not None and d is not None else mo > rm
    earlier = (mo, d or 0) < (rm, rd or 0) if rd is not None and d is not None else mo < rm
    shift = -1 if (t == "past" and later) else 1 if (t == "future" and earlier) else 0
    if not shift:
        return m
    if m.precision == "day" and mo == 2 and d == 29:
        return m  # the 29th of February exists in few years: keep the resolved one

    def moved(iso: str | None) -> str | None:
        return f"{int(iso[:4]) + shift:04d}{iso[4:]}" if iso else None

    return DateMatch(start=m.start, end=m.end, text=m.text, date=moved(m.date), precision=m.precision,
                     end_date=moved(m.end_date), relative=True, year_stated=False, context=m.context)


def _weekday_by_tense(m: DateMatch, sentence: str, start: int, reference: str) -> DateMatch:
    """A bare weekday is the last such day on or before the document's date, unless its clause
    tells of the future ("will meet on Friday"): then the next one."""
    if len(reference) != 10 or m.date >= reference:
        return m
    a, b = event_cues.clause_bounds(sentence, start, start + len(m.text))
    # what follows "that" is the content of a vow or a report: "his vow on Monday that there would be"
    that = re.search(r"(?<![\w-])that(?![\w-])", sentence[start + len(m.text):b])
    clause = sentence[a:start + len(m.text) + that.start()] if that else sentence[a:b]
    if event_cues.verb_evidence(clause) != "future-verb":
        return m
    day = _dt.date.fromisoformat(m.date) + _dt.timedelta(days=7)
    return DateMatch(start=m.start, end=m.end, text=m.text, date=day.isoformat(), precision=m.precision,
                     relative=True, year_stated=False, context=m.context)


def _carried_year(text: str, matches, current: int | None) -> int | None:
    """The year context after a passage: that of its last date stating a year with a month or
    day, or of an opening "In 2008," (what find_dates itself uses inside the passage); "as of"
    dates and the dates of names do not set it."""
    year = current
    for m in matches:
        if not m.context:
            continue
        if m.year_stated and m.precision in ("day", "month"):
            year = int(m.date[:4])
        elif m.year_stated and m.precision == "year" and m.end_date is None:
            if opens_sentence_with_year(text, m.start, m.end):
                year = int(m.date[:4])
    return year
