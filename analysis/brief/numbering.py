"""The Builder: numbers footnotes, figures and tables in the order the content is created, and names
documents (letters, short titles) consistently for every section."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import PurePath

from ..charts.style import Drawn
from ..config import Config
from ..model.brief import Chart, Citation, Cite, Place, Column, FigureRef, Para, Row, Span, Table, XRef
from ..model.document import Document
from ..model.findings import Findings
from .confidence import sure, unsure
from .caps import CAP_DOC_KEYS, CAP_SERIES
from .citations import anchor_label, anchor_order, locations
from .labels import humanise, letter, plural, short_title


class Builder:
    """Numbers footnotes, figures and tables in the order the content is created."""

    def __init__(self, config: Config, documents: Sequence[Document], findings: Findings):
        self.config = config
        self.accent = config.style.accent
        self.docs = {d.id: d for d in documents}
        self.order = [d.id for d in documents]
        self.short: dict[str, str] = {}
        seen: Counter = Counter(short_title(d) for d in documents)
        for d in documents:
            s = short_title(d)
            self.short[d.id] = f"{s} ({d.id})" if seen[s] > 1 else s
        self.keys = {d.id: letter(i) for i, d in enumerate(documents)}
        self.citations: list[Citation] = []
        self.charts: list[Chart] = []
        self.tables = 0
        self.all_findings = findings
        self.findings = sure(findings)
        """Only the high-confidence findings: the body and key findings use nothing else."""
        self.unsure = unsure(findings)
        self.located: dict[str, dict[str, tuple[str | None, str]]] = {}
        self.statements = {s.id: s for s in findings.statements}
        self.figures = {f.id: f for f in findings.figures}
        self.precedents = {p.id: p for p in findings.precedents}
        self.positions = {p.id: p for p in findings.positions}
        self.principle_labels = {pid: label for pid, label, _ in config.lexicons.principles}
        self.question_labels = {q.id: q.label for q in config.questions}

    # --- naming
    def doc_short(self, doc: str) -> str:
        return self.short.get(doc, doc)

    def key(self, doc: str) -> str:
        """The document's letter (``A``) used in tables and charts."""
        return self.keys.get(doc, doc)

    def keyed(self, doc: str) -> str:
        """``A · Council debates the status of Vellmar``: a chart's label for a document."""
        return f"{self.key(doc)} · {self.doc_short(doc)}"

    def legend(self, docs: Sequence[str] | None = None, others: int = 0) -> Para:
        docs = [d for d in (docs or self.order)]
        if len(docs) > CAP_DOC_KEYS * 2 and not others:  # keys are spelt out once, in the annex's source list
            return Para((Span(f"Sources: {len(docs)} documents, keyed as in the annex's source list."),), kind="note")
        text = "Sources: " + "; ".join(f"{self.key(d)} = {self.doc_short(d)}" for d in docs)
        if others:
            text += f"; others = {plural(others, 'other document')}"
        return Para((Span(text + "."),), kind="note")

    def doc_rank(self, doc: str) -> int:
        return self.order.index(doc) if doc in self.order else len(self.order)

    def pool(self, docs: Sequence[str], weight: Mapping[str, int]) -> tuple[list[str], list[str]]:
        """(documents shown on their own, in order; documents pooled as "others"): see CAP_SERIES."""
        if len(docs) <= CAP_SERIES:
            return list(docs), []
        top = set(sorted(docs, key=lambda d: (-weight.get(d, 0), self.doc_rank(d)))[:CAP_SERIES - 1])
        return [d for d in docs if d in top], [d for d in docs if d not in top]

    def keys_of(self, docs: Sequence[str]) -> str:
        """``A, B, C`` — or the first CAP_DOC_KEYS and "and N more"."""
        keys = [self.key(d) for d in docs]
        if len(keys) <= CAP_DOC_KEYS:
            return ", ".join(keys)
        return ", ".join(keys[:CAP_DOC_KEYS]) + f" and {len(keys) - CAP_DOC_KEYS} more"

    def question_order(self, present) -> list[str]:
        """Question ids in `present`: the configured ones in their order, then the rest by id."""
        configured = [q.id for q in self.config.questions]
        return [q for q in configured if q in present] + sorted(set(present) - set(configured))

    def principle(self, pid: str) -> str:
        return self.principle_labels.get(pid) or humanise(pid)

    def question(self, qid: str) -> str:
        if qid not in self.question_labels and qid.endswith("-topic"):
            return self.doc_short(qid[:-len("-topic")])  # a document's own question: its title's words, not "D1 topic"
        return self.question_labels.get(qid) or humanise(qid)

    # --- numbering
    def where(self, doc: str, anchor: str) -> tuple[str | None, str]:
        """(heading, spot) of the passage in the original (citations.locations), else its anchor's label."""
        if doc not in self.located:
            d = self.docs.get(doc)
            self.located[doc] = locations(d) if d is not None else {}
        return self.located[doc].get(anchor) or (None, anchor_label(anchor))

    def place(self, doc: str, anchor: str) -> Place:
        heading, spot = self.where(doc, anchor)
        label = f"“{heading}”, {spot}" if heading else spot
        return Place(doc=doc, key=self.key(doc), anchor=anchor, label=label, heading=heading, spot=spot)

    def cite(self, doc: str, anchor: str) -> Cite:
        return self.cite_all([(doc, anchor)])

    def cite_all(self, where: Sequence[tuple[str, str]]) -> Cite:
        """One note for every (doc, anchor) a sentence rests on, in source order, each place once."""
        places = list(dict.fromkeys(where))
        places.sort(key=lambda p: (self.doc_rank(p[0]), anchor_order(p[1])))
        first = places[0]
        d = self.docs.get(first[0])
        title = " ".join((d.title or PurePath(d.path).name).split()) if d else first[0]
        ps = tuple(self.place(doc, anchor) for doc, anchor in places)
        c = Citation(number=len(self.citations) + 1, doc=first[0], doc_title=title, short_title=self.key(first[0]),
                     anchor=first[1], label=ps[0].label, places=ps)
        self.citations.append(c)
        return Cite(c)

    def next_table(self) -> tuple[str, int]:
        self.tables += 1
        return f"tab-{self.tables}", self.tables

    def peek_table(self) -> XRef:
        return XRef("table", self.tables + 1, f"tab-{self.tables + 1}")

    def peek_figure(self) -> XRef:
        return XRef("figure", len(self.charts) + 1, f"fig-{len(self.charts) + 1}")

    def add_chart(self, kind: str, draw) -> FigureRef:
        number = len(self.charts) + 1
        chart_id = f"fig-{number}"
        drawn: Drawn = draw(chart_id)
        self.charts.append(Chart(id=chart_id, number=number, kind=kind, title=drawn.title, caption=drawn.caption,
                                 alt=drawn.alt, svg=drawn.svg, png=drawn.png, width=drawn.width,
                                 height=drawn.height, spec=drawn.spec))
        return FigureRef(chart_id)

    def table(self, caption: str, columns: Sequence[tuple[str, float] | tuple[str, float, str]],
              rows: Sequence[Row], note: str | None = None, compact: bool = False) -> Table:
        tid, number = self.next_table()
        cols = tuple(Column(c[0], c[1], c[2] if len(c) > 2 else "left") for c in columns)
        return Table(id=tid, number=number, caption=caption, columns=cols, rows=tuple(rows), note=note,
                     compact=compact)
