"""Annex: the source list and the findings the body had no room for."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath

from ..analyses.unsourced import RULE as UNSOURCED
from ..model.brief import Block, Cell, Heading, Para, Row, SourceEntry, SourceList, Span
from ..model.document import Document
from .caps import CAP_ANNEX_ROWS, CAP_DOC_KEYS
from .commentary import commentary
from .figures import FIGURE_COLUMNS, figure_row
from .labels import STANCE_ORDER, capitalise, date_label, figure_value
from .numbering import Builder
from .positions import matrix, position_row
from .precedents import PRECEDENT_COLUMNS, RELATION_LINKS, precedent_row
from .timeline import EVENT_COLUMNS, event_row


def source_entry(b: Builder, d: Document, brief: bool = False) -> SourceEntry:
    """`brief`: the fields a citation needs only (corpus scale: hundreds of entries)."""
    fields = []  # what a reader needs to find the source again; no internal ids or file paths
    for label, value in (("Author", d.author), ("Publisher", d.publisher),
                         ("Date", date_label(d.date) if d.date else None), ("Symbol", d.symbol),
                         ("URL", getattr(d, "url", None)), ("Revision", getattr(d, "revision", None))):
        if value and not (brief and label in ("Author", "URL", "Revision")):
            fields.append((label, " ".join(str(value).split())))
    title = " ".join((d.title or PurePath(d.path).name).split())
    return SourceEntry(doc=d.id, key=b.key(d.id), title=title, short_title=b.doc_short(d.id), fields=tuple(fields))


def annex(b: Builder, documents: Sequence[Document], author: Mapping[str, str], annex: list) -> list[Block]:
    out: list[Block] = commentary(author, "sources")
    out.append(Heading("sources-list", 2, "Sources"))
    out.append(Para((Span("Notes cite a source by its letter, then the heading a passage stands under in the "
                          "original and its paragraph (¶) counted from that heading, or the note as numbered in "
                          "the source."),), kind="note"))
    if len(documents) > CAP_DOC_KEYS * 3:  # corpus scale: one line per source, not a card (300 cards are 30 pages)
        rows = [Row((Cell((Span(b.key(d.id)),), style="key"), Cell((Span(b.doc_short(d.id)),)),
                     Cell((Span("; ".join(v for _, v in source_entry(b, d, brief=True).fields) or "—"),))))
                for d in documents]
        out.append(b.table("Sources by letter", [("Key", 0.08), ("Title", 0.6), ("Publisher, date, symbol", 0.32)],
                           rows, compact=True))
    else:
        out.append(SourceList(tuple(source_entry(b, d) for d in documents)))
    if not any(kind == "positions" for kind, _ in annex):
        out.extend(matrix(b))
    for kind, items in annex:
        total = len(items)
        if kind == "positions":
            items = every_question(b, items, CAP_ANNEX_ROWS)
        note = None
        if total > CAP_ANNEX_ROWS:  # corpus scale: the annex stays a readable length
            note = (f"{CAP_ANNEX_ROWS} of {total}; findings.json and the CSV export list them all.")
            items = items[:CAP_ANNEX_ROWS]
        if kind == "positions":
            out.append(Heading("sources-positions", 2, "Positions and the words that decide them"))
            out.append(b.table("Each position, with the words that decide it",
                               [("Actor", 0.18), ("Question", 0.2), ("Stance", 0.14), ("Deciding words", 0.48)],
                               [position_row(b, p, with_question=True) for p in items], note=note, compact=True))
            out.extend(matrix(b))  # after the flowing table: the chart does not leave the sources' page half empty
        elif kind == "figures":
            out.append(Heading("sources-figures", 2, "Figures as written"))
            out.append(b.table("Figures in the sources: those compared first, then by measure", FIGURE_COLUMNS,
                               [figure_row(b, x) for x in items], note=note, compact=True))
        elif kind == "precedents":
            out.append(Heading("sources-precedents", 2, "Further precedent claims"))
            out.append(b.table("Further precedent claims, not quoted in the body", PRECEDENT_COLUMNS,
                               [precedent_row(b, p) for p in items], note=note, compact=True))
        elif kind == "events":
            out.append(Heading("sources-events", 2, "Every dated sentence"))
            out.append(b.table("Dated sentences in the sources, in date order", EVENT_COLUMNS,
                               [event_row(b, group) for group in items], note=note, compact=True))
    out.extend(less_sure(b))
    return out


def every_question(b: Builder, positions: list, cap: int) -> list:
    """Up to `cap` positions taken in turn from each question (best evidenced first), so a capped table
    still shows every question; ordered by question, stance and actor."""
    queues: dict[str, list] = {}
    for p in sorted(positions, key=lambda p: (-len(p.evidence), p.actor.lower())):
        queues.setdefault(p.question, []).append(p)
    order = b.question_order(queues)
    chosen: list = []
    while len(chosen) < cap and any(queues.values()):
        for q in order:
            if queues[q] and len(chosen) < cap:
                chosen.append(queues[q].pop(0))
    return sorted(chosen, key=lambda p: (order.index(p.question), STANCE_ORDER.get(p.stance, 9), p.actor.lower()))


UNSURE_COLUMNS = [("Finding", 0.3), ("Confidence", 0.16), ("In the source's words", 0.54)]


def less_sure(b: Builder) -> list[Block]:
    """The findings below high confidence, marked: kept out of the body, shown here so none is lost."""
    items = b.unsure
    if not items:
        return []
    note = None
    if len(items) > CAP_ANNEX_ROWS:
        note = f"The first {CAP_ANNEX_ROWS} of {len(items)}; findings.json and the CSV export list them all."
    rows = [unsure_row(b, x) for x in items[:CAP_ANNEX_ROWS]]
    return [Heading("sources-unsure", 2, "Findings the analysis is less sure of"),
            Para((Span("The rules that found these fired on weaker evidence (an unnamed speaker, a resolved pronoun, "
                       "a guessed actor); the body and the key findings leave them out."),), kind="note"),
            b.table("Findings of medium or low confidence", UNSURE_COLUMNS, rows, note=note, compact=True)]


def unsure_row(b: Builder, x) -> Row:
    kind = type(x).__name__.lower()
    if kind == "position":
        what, words = f"{x.actor} {b.stance_label(x.question, x.stance)} ({b.question(x.question).rstrip('.')})", x.quote
    elif kind == "statement":
        what, words = f"{x.speaker or x.actor or 'Unattributed'}" + (f" ({x.actor})" if x.speaker and x.actor and
                                                                     x.actor != x.speaker else ""), x.text
    elif kind == "tension":
        what, words = f"{x.actor} and {b.principle(x.principle).lower()}", x.text
    elif kind == "precedent":
        what, words = f"{x.subject} {RELATION_LINKS.get(x.relation, x.relation)} {x.precedent}", x.text
    elif kind == "figure":
        what, words = f"{capitalise(x.measure or 'figure')}: {figure_value(x) or x.text}", x.sentence or x.text
    else:
        what, words = date_label(getattr(x, "date", "") or ""), x.text
    rules = getattr(x, "basis", ()) or ()
    basis = ", ".join(r for r in rules if r != UNSOURCED)
    flagged = "; the source marks these words as unsourced" if UNSOURCED in rules else ""
    return Row((Cell((Span(f"{capitalise(kind)}: {what}"),)),
                Cell((Span(x.confidence + (f" ({basis})" if basis else "") + flagged),), style="confidence"),
                Cell((Span(words, "quote"), b.cite(x.doc, x.anchor)), style="quote")), finding=x.id)
