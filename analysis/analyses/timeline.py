"""Document -> events: every dated statement in the analysable passages, in reading order.

Each date found by dates.find_dates in a passage becomes an `Event` whose text is the
sentence the date stands in. A day or month without a year takes the year of the
nearest preceding date that states one (or of an opening "In 2008,"): within its
passage always, and across passages when the document has no date of its own. A dated
document (a press release, a policy note) is its own context across passages: writers
of such texts name the year when it is not the current one, so a yearless date there
takes the year of the document's date, which is also the reference for "today", "last
April", "last year". "The following day" may refer to the last day named in an earlier
passage. Citation footnotes
never reach here (Document.passages() leaves them out), so access and archive dates
of sources do not enter the timeline; nor does the publication date line, which is
metadata, not a block.
"""
from __future__ import annotations

from typing import Callable

from ..model.document import Document
from ..model.findings import Event
from .dates import find_dates, lexicon, sentence_span


def events(doc: Document, find_actors: Callable[[str], list[str]] | None = None) -> tuple[Event, ...]:
    """Dated events of `doc`, ids ``<doc id>-e<n>``; identical (date, anchor, sentence) only once.

    `find_actors(sentence)` names the actors of each event when given.
    """
    out: list[Event] = []
    seen: set[tuple[str, str, str]] = set()
    context_year: int | None = None
    previous_day: str | None = None
    for passage in doc.passages():
        text = passage.text
        matches = find_dates(text, reference_date=doc.date, default_year=None if doc.date else context_year,
                             previous_day=previous_day)
        for m in matches:
            s0, s1 = sentence_span(text, m.start)
            sentence = text[s0:s1]
            key = (m.date, passage.anchor, sentence)
            if key in seen:
                continue
            seen.add(key)
            actors = tuple(dict.fromkeys(find_actors(sentence))) if find_actors else ()
            out.append(Event(id=f"{doc.id}-e{len(out) + 1}", doc=doc.id, anchor=passage.anchor, date=m.date,
                             precision=m.precision, text=sentence, start=m.start, end=m.end, actors=actors,
                             end_date=m.end_date))
        context_year = _carried_year(text, matches, context_year)
        days = [m for m in matches if m.precision == "day"]
        if days:
            previous_day = days[-1].end_date or days[-1].date
    return tuple(out)


def _carried_year(text: str, matches, current: int | None) -> int | None:
    """The year context after a passage: that of its last date stating a year with a month or
    day, or of an opening "In 2008," (what find_dates itself uses inside the passage)."""
    year = current
    for m in matches:
        if m.year_stated and m.precision in ("day", "month"):
            year = int(m.date[:4])
        elif m.year_stated and m.precision == "year" and m.end_date is None:
            before = text[max(0, m.start - 8):m.start].lower().split()
            after = text[m.end:m.end + 2]
            if before and before[-1] in lexicon("dates")["year_context_openers"] and after.startswith(","):
                year = int(m.date[:4])
    return year
