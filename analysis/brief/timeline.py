"""Timeline: per question the happenings dated where its events cluster, once each, on one axis and listed
in the words of their sources; every other dated sentence goes to the annex."""
from __future__ import annotations

import re
from collections.abc import Mapping

from ..charts import timeline as timeline_chart
from ..model.brief import Block, BulletList, Cell, Heading, ListItem, Para, Row, Span
from ..model.findings import Event
from .caps import CAP_ANNEX_ROWS, CAP_EVENTS_PER_QUESTION, CAP_NUMBERED_EVENTS
from .commentary import commentary
from .labels import date_label, plural, slug
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
    by_q = by_question(b, once_each(events))
    chosen = {q: cluster(es)[:CAP_EVENTS_PER_QUESTION] for q, es in by_q.items()}
    chosen = {q: sorted(es, key=lambda e: (event_key(e), b.doc_rank(e.doc))) for q, es in chosen.items() if es}
    order = [q for q in b.question_order(chosen) if q in chosen] if chosen else []
    lanes = [b.question(q).rstrip(".") if q else "Other events" for q in order]
    numbered: list[tuple[int, str | None, Event]] = []
    for q in order:
        for e in chosen[q]:
            numbered.append((len(numbered) + 1, q, e))
    tl = [timeline_chart.TimelineEvent(lane=order.index(q), number=n, date=e.date, precision=e.precision,
                                       end_date=e.end_date) for n, q, e in numbered]
    fref = b.peek_figure()
    # The annex lists the dated sentences not shown here (each once, with all its dates): say how many.
    shown_ids = {e.id for _, _, e in numbered}
    rest_count = len({(e.doc, e.anchor, e.text) for e in events if e.id not in shown_ids})
    annex_note = ("" if not rest_count else
                  f" The annex lists the other {plural(rest_count, 'dated sentence')}." if rest_count <= CAP_ANNEX_ROWS
                  else f" The annex lists the first {CAP_ANNEX_ROWS} of the other {rest_count} dated sentences, "
                       "findings.json every one.")
    out.append(Para((Span("For each question, the happenings dated to the day where its events cluster, once each, "
                          "in the source's words; "), fref,
                     Span(" sets them on one axis, cut where the events pause for long." + annex_note))))
    out.append(b.add_chart("timeline", lanes, tl, accent=b.accent, numbered=len(tl) <= CAP_NUMBERED_EVENTS,
                           lane_kind="question"))
    for q, lane in zip(order, lanes):
        out.append(Heading(f"timeline-{slug(q or 'other')}", 3, lane))
        items = [ListItem((Span(f"{n}. {date_label(e.date, e.end_date)}: "), Span(e.text, "quote"),
                           b.cite(e.doc, e.anchor)), finding=e.id) for n, q_, e in numbered if q_ == q]
        out.append(BulletList(tuple(items), kind="events"))
    # The annex: the other dated sentences where the questions' events cluster first (the stretch that
    # matters), then the rest, each sentence once with all its dates; numbered as in the chart where shown.
    shown = {e.id: n for n, _, e in numbered}
    near = {e.id for es in by_q.values() for e in cluster_window(es)}
    rest = sorted(events, key=lambda e: (e.id not in near, event_key(e), b.doc_rank(e.doc)))
    groups: dict[tuple[str, str, str], list[tuple[int | None, Event]]] = {}
    for e in rest:
        if e.id not in shown:
            groups.setdefault((e.doc, e.anchor, e.text), []).append((None, e))
    annex.append(("events", list(groups.values())))
    return out


def once_each(events: list[Event]) -> list[Event]:
    """A happening once: the same date and words (a sentence repeated in a source or across sources)
    count once, and a sentence dating several things stands for its first date."""
    seen: set = set()
    out = []
    for e in events:
        words = " ".join(e.text.lower().split())
        for key in ((e.date, e.end_date, words), ("sentence", e.doc, e.anchor, words)):
            if key in seen:
                break
        else:
            seen.update({(e.date, e.end_date, words), ("sentence", e.doc, e.anchor, words)})
            out.append(e)
    return out


def by_question(b: Builder, events: list[Event]) -> dict[str | None, list[Event]]:
    """A question's events: those whose sentence names one of its terms, else those of a document whose
    positions are all on that question; the rest are "other events"."""
    doc_q: dict[str, set[str]] = {}
    for p in b.findings.positions:
        doc_q.setdefault(p.doc, set()).add(p.question)
    out: dict[str | None, list[Event]] = {}
    for e in events:
        text = e.text.lower()
        q = next((q.id for q in b.config.questions if any(term in text for term in q.terms)), None)
        if q is None and len(doc_q.get(e.doc, ())) == 1:
            q = next(iter(doc_q[e.doc]))
        out.setdefault(q, []).append(e)
    return out


def cluster_window(events: list[Event], years: int = 5) -> list[Event]:
    """The events inside the `years`-year window holding most of them (the latest such window): the
    stretch a reader needs, not the conventions decades earlier."""
    if not events:
        return []
    starts = sorted({int(e.date[:4]) for e in events})
    best = max(starts, key=lambda y: (sum(1 for e in events if y <= int(e.date[:4]) < y + years), y))
    return [e for e in events if best <= int(e.date[:4]) < best + years]


def cluster(events: list[Event]) -> list[Event]:
    """The happenings of the cluster a brief shows: precisely dated first, one per date."""
    inside = cluster_window(events)
    rank = {"day": 0, "month": 1, "year": 2}
    # Running text before notes (a note's date is often a citation's), precise dates and short sentences first;
    # one sentence per date (a day's meeting described five ways is one happening).
    ranked = sorted(inside, key=lambda e: ("-n" in e.anchor, rank.get(e.precision, 3), len(e.text.split()) > 40,
                                           event_key(e)))
    # Dated to the day when the question has such events: a month or year alone is often inferred from
    # context ("in December") and is left to the annex.
    if any(e.precision == "day" for e in ranked):
        ranked = [e for e in ranked if e.precision == "day"]
    dates: set = set()
    out = []
    for e in ranked:
        if (e.date, e.end_date) not in dates:
            dates.add((e.date, e.end_date))
            out.append(e)
    return out


EVENT_COLUMNS = [("Date", 0.17), ("Event, in the source's words", 0.75), ("Src.", 0.08)]


def event_row(b: Builder, group: list[tuple[int | None, Event]]) -> Row:
    """One sentence with every date it gives (a sentence dating several things is quoted once)."""
    first = group[0][1]
    dates = "; ".join(dict.fromkeys(date_label(e.date, e.end_date) for _, e in group))
    return Row((Cell((Span(dates),), style="date"),
                Cell((Span(first.text, "quote"), b.cite(first.doc, first.anchor)), style="quote"),
                Cell((Span(b.key(first.doc)),), style="key")), finding=first.id)
