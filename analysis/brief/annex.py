"""Annex: the source list and the findings the body had no room for."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath

from ..model.brief import Block, Heading, Para, SourceEntry, SourceList, Span
from ..model.document import Document
from .caps import CAP_ANNEX_ROWS, CAP_DOC_KEYS
from .commentary import commentary
from .figures import FIGURE_COLUMNS, figure_row
from .labels import STANCE_ORDER, date_label
from .numbering import Builder
from .positions import position_row
from .precedents import PRECEDENT_COLUMNS, precedent_row
from .timeline import EVENT_COLUMNS, event_row


def source_entry(b: Builder, d: Document, brief: bool = False) -> SourceEntry:
    """`brief`: the fields a citation needs only (corpus scale: hundreds of entries)."""
    fields = [("Key", b.key(d.id))] + ([] if brief else [("Reference", d.id)])
    for label, value in (("Author", d.author), ("Publisher", d.publisher),
                         ("Date", date_label(d.date) if d.date else None), ("Symbol", d.symbol),
                         ("Format", None if brief else d.genre), ("File", d.path)):
        if value:
            fields.append((label, " ".join(str(value).split())))
    title = " ".join((d.title or PurePath(d.path).name).split())
    return SourceEntry(doc=d.id, key=b.key(d.id), title=title, short_title=b.doc_short(d.id), fields=tuple(fields))


def annex(b: Builder, documents: Sequence[Document], author: Mapping[str, str], annex: list) -> list[Block]:
    out: list[Block] = commentary(author, "sources")
    out.append(Heading("sources-list", 2, "Sources"))
    out.append(Para((Span("Citations give the short title and the paragraph (¶) or note of the source; "
                          "paragraphs are counted from the start of each document."),), kind="note"))
    out.append(SourceList(tuple(source_entry(b, d, brief=len(documents) > CAP_DOC_KEYS * 3) for d in documents)))
    for kind, items in annex:
        note = None
        if len(items) > CAP_ANNEX_ROWS:  # corpus scale: the annex stays a readable length
            note = (f"The first {CAP_ANNEX_ROWS} of {len(items)}; findings.json and the CSV export "
                    "list them all.")
            items = items[:CAP_ANNEX_ROWS]
        if kind == "positions":
            out.append(Heading("sources-positions", 2, "Further positions"))
            items = sorted(items, key=lambda p: (p.question, STANCE_ORDER.get(p.stance, 9), p.actor.lower()))
            out.append(b.table("Further positions, not shown in the body",
                               [("Actor", 0.2), ("Question", 0.22), ("Stance", 0.1), ("Deciding words", 0.48)],
                               [position_row(b, p, with_question=True) for p in items], note=note, compact=True))
        elif kind == "figures":
            out.append(Heading("sources-figures", 2, "Further figures"))
            out.append(b.table("Further figures, not shown in the body", FIGURE_COLUMNS,
                               [figure_row(b, x) for x in items], note=note, compact=True))
        elif kind == "precedents":
            out.append(Heading("sources-precedents", 2, "Further precedent claims"))
            out.append(b.table("Further precedent claims, not quoted in the body", PRECEDENT_COLUMNS,
                               [precedent_row(b, p) for p in items], note=note, compact=True))
        elif kind == "events":
            out.append(Heading("sources-events", 2, "Further events"))
            out.append(b.table("Further dated events, not shown in the body", EVENT_COLUMNS,
                               [event_row(b, group) for group in items], note=note, compact=True))
    return out
