"""Executive summary: the author's summary when given, else what the analysis found."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model.brief import Block, Para, Span
from ..model.document import Document
from .commentary import commentary
from .labels import plural
from .numbering import Builder


def summary(b: Builder, documents: Sequence[Document], author: Mapping[str, str]) -> list[Block]:
    written = commentary(author, "summary")
    if written:
        return written
    f = b.findings
    actors = {s.actor for s in f.statements if s.actor} | {p.actor for p in f.positions}
    questions = {p.question for p in f.positions}
    text = (f"This brief compares {plural(len(documents), 'source document')}. The analysis found "
            f"{plural(len(f.statements), 'statement')} by {plural(len(actors), 'actor')}, "
            f"{plural(len(f.positions), 'position')} on {plural(len(questions), 'question')}, "
            f"{plural(len(f.tensions), 'tension')} between positions and principles, "
            f"{plural(len(f.precedents), 'precedent claim')}, {plural(len(f.figures), 'figure')} and "
            f"{plural(len(f.events), 'dated event')}. Every item below is quoted as the source words it "
            f"and cites the document and paragraph it comes from; the annex lists the sources.")
    return [Para((Span(text),))]
