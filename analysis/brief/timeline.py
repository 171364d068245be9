"""Timeline: dated events on one axis and in a table, in the words of their sources."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from ..charts import timeline as timeline_chart
from ..model.brief import Block, Cell, Para, Row, Span
from ..model.findings import Event
from .caps import CAP_EVENTS, CAP_NUMBERED_EVENTS
from .commentary import commentary
from .labels import date_label, plural
from .numbering import Builder


def event_key(e: Event) -> tuple:
    return (e.date.split("-") + ["00", "00"])[:3], e.end_date or "", e.anchor, e.start


def timeline(b: Builder, author: Mapping[str, str], annex: list) -> list[Block]:
    f = b.findings
    out: list[Block] = commentary(author, "timeline")
    events = [e for e in f.events if re.match(r"^\d{4}", e.date or "")]
    if not events:
        return out + [Para((Span("No dated events were found in the sources."),), kind="empty")]
    events.sort(key=lambda e: (event_key(e), b.doc_rank(e.doc)))
    per_doc = Counter(e.doc for e in events)
    lanes = [d for d in b.order if d in per_doc]
    lanes += sorted(set(per_doc) - set(lanes))
    lanes, pooled = b.pool(lanes, per_doc)
    lane_of = {d: i for i, d in enumerate(lanes)}
    labels = [b.keyed(d) for d in lanes]
    if pooled:
        labels.append(f"others · {plural(len(pooled), 'other document')}")
    tl = [timeline_chart.TimelineEvent(lane=lane_of.get(e.doc, len(lanes)), number=i + 1, date=e.date,
                                       precision=e.precision, end_date=e.end_date) for i, e in enumerate(events)]
    fref, tref = b.peek_figure(), b.peek_table()
    first, last = events[0].date[:4], max(((e.end_date or e.date)[:4]) for e in events)
    out.append(Para((Span(f"The sources date {plural(len(events), 'event')} between {first} and {last}. "), fref,
                     Span(" places them on one time axis, a lane per document; "), tref,
                     Span(" gives each event in the words of its source."))))
    out.append(b.add_chart("timeline", lambda cid: timeline_chart.draw(
        labels, tl, accent=b.accent, chart_id=cid, numbered=len(tl) <= CAP_NUMBERED_EVENTS)))
    # One row per sentence: a sentence that dates several events is quoted once, with all its dates.
    groups: dict[tuple[str, str, str], list[tuple[int, Event]]] = {}
    for n, e in enumerate(events, 1):
        groups.setdefault((e.doc, e.anchor, e.text), []).append((n, e))
    rows = list(groups.values())
    shown, rest = rows[:CAP_EVENTS], rows[CAP_EVENTS:]
    note = (f"The first {CAP_EVENTS} of {len(rows)} dated sentences; the rest are listed in the annex."
            if rest else None)
    out.append(b.table("Dated events across the documents", EVENT_COLUMNS,
                       [event_row(b, group) for group in shown], note=note))
    out.append(b.legend(lanes))
    if rest:
        annex.append(("events", rest))
    return out


EVENT_COLUMNS = [("No.", 0.08, "right"), ("Date", 0.16), ("Event, in the source's words", 0.68), ("Src.", 0.08)]


def event_row(b: Builder, group: list[tuple[int, Event]]) -> Row:
    """One sentence with the events it dates: their numbers (as in the chart) and dates."""
    first = group[0][1]
    numbers = timeline_chart.number_ranges([n for n, _ in group])
    dates = "; ".join(dict.fromkeys(date_label(e.date, e.end_date) for _, e in group))
    # A list of numbers ("2–4, 6, 8") may wrap after its commas; a single one stays on one line.
    return Row((Cell((Span(numbers),), style="refs" if "," in numbers else "num"), Cell((Span(dates),), style="date"),
                Cell((Span(first.text, "quote"), b.cite(first.doc, first.anchor)), style="quote"),
                Cell((Span(b.key(first.doc)),), style="key")), finding=first.id)
