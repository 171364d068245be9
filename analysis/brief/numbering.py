"""The Builder: numbers footnotes, figures and tables in the order the content is created, and names
documents (letters, short titles) consistently for every section."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import PurePath

from .. import charts
from ..charts.style import Drawn
from ..config import Config
from ..model.brief import Chart, Citation, Cite, Place, Column, FigureRef, Para, Row, Span, Table, XRef
from ..model.document import Document
from ..model.findings import Findings
from .confidence import sure, unsure
from .caps import CAP_DOC_KEYS, CAP_NOTE_PLACES, CAP_SERIES
from .citations import Outline, anchor_label, anchor_order, locate, outline
from .labels import RECORDED_AS, STANCE_VERBS, STANCE_WORDS, humanise, letter, plural, short_title


class Builder:
    """Numbers footnotes, figures and tables in the order the content is created."""

    def __init__(self, config: Config, documents: Sequence[Document], findings: Findings):
        self.config = config
        self.accent = config.style.accent
        self.docs = {d.id: d for d in documents}
        self.order = [d.id for d in documents]
        self.short: dict[str, str] = {}
        seen: Counter = Counter(short_title(d) for d in documents)
        for i, d in enumerate(documents):  # same short titles told apart by the letter, never the internal id
            s = short_title(d)
            self.short[d.id] = f"{s} ({letter(i)})" if seen[s] > 1 else s
        self.keys = {d.id: letter(i) for i, d in enumerate(documents)}
        self.citations: list[Citation] = []
        self.charts: list[Chart] = []
        self.tables = 0
        self.all_findings = findings
        self.findings = sure(findings)
        """Only the high-confidence findings: the body and key findings use nothing else."""
        self.unsure = unsure(findings)
        self.outlines: dict[str, Outline | None] = {}
        self.statements = {s.id: s for s in findings.statements}
        self.figures = {f.id: f for f in findings.figures}
        self.precedents = {p.id: p for p in findings.precedents}
        self.positions = {p.id: p for p in findings.positions}
        self.principle_labels = {pid: label for pid, label, _ in config.lexicons.principles}
        self.question_labels = {q.id: q.label for q in config.questions}
        self.question_kinds = {q.id: q for q in config.questions}

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
        # None (events of no question) last: it sorts with no id
        return [q for q in configured if q in present] + sorted(set(present) - set(configured),
                                                                key=lambda q: (q is None, q or ""))

    def principle(self, pid: str) -> str:
        return self.principle_labels.get(pid) or humanise(pid)

    def question(self, qid: str) -> str:
        """The configured label; for a topic the analysis found without a configured question
        (``d1-topic``), the source it is the subject of: never an id."""
        if qid in self.question_labels:
            return self.question_labels[qid]
        doc = qid[:-len("-topic")] if qid.endswith("-topic") else None
        if doc in self.docs:
            return f"The subject of source {self.key(doc)}: {self.doc_short(doc)}"
        return humanise(qid)

    def stance_label(self, qid: str | None, stance: str) -> str:
        """A stance as a table or attribution shows it: ``supports`` on a policy, the scale's word
        (``not credible``) on an assessment."""
        q = self.question_kinds.get(qid or "")
        if q and q.kind == "assessment" and len(q.scale) == 2:
            return {"support": q.scale[0], "oppose": q.scale[1], "mixed": "mixed view",
                    "neutral": "no judgement"}.get(stance, stance)
        return STANCE_WORDS.get(stance, stance)

    def stance_verb(self, qid: str | None, stance: str, count: int) -> str:
        """A stance after its actors in a sentence: ``oppose it`` / ``judge it not credible``."""
        q = self.question_kinds.get(qid or "")
        if q and q.kind == "assessment" and len(q.scale) == 2:
            one, many = {"support": (f"judges it {q.scale[0]}", f"judge it {q.scale[0]}"),
                         "oppose": (f"judges it {q.scale[1]}", f"judge it {q.scale[1]}"),
                         "mixed": ("takes a mixed view", "take mixed views"),
                         "neutral": ("gives no judgement", "give no judgement")}.get(stance, (stance, stance))
        else:
            one, many = STANCE_VERBS.get(stance, (stance, stance))
        return one if count == 1 else many

    def recorded_as(self, qid: str | None, stance: str) -> str:
        """``supporting it`` / ``judging it credible``: how a source records an actor's stance."""
        q = self.question_kinds.get(qid or "")
        if q and q.kind == "assessment" and len(q.scale) == 2 and stance in ("support", "oppose"):
            return f"judging it {q.scale[0] if stance == 'support' else q.scale[1]}"
        return RECORDED_AS.get(stance, stance)

    # --- numbering
    def where(self, doc: str, anchor: str) -> tuple[str | None, str]:
        """(heading, spot) of the passage in the original (citations.locations), else its anchor's label."""
        if doc not in self.outlines:
            d = self.docs.get(doc)
            self.outlines[doc] = outline(d) if d is not None else None
        o = self.outlines[doc]
        return locate(o, anchor) if o is not None else (None, anchor_label(anchor))

    def place(self, doc: str, anchor: str) -> Place:
        heading, spot = self.where(doc, anchor)
        label = f"“{heading}”, {spot}" if heading else spot
        return Place(doc=doc, key=self.key(doc), anchor=anchor, label=label, heading=heading, spot=spot)

    def cite(self, doc: str, anchor: str) -> Cite:
        return self.cite_all([(doc, anchor)])

    def cite_all(self, where: Sequence[tuple[str, str]]) -> Cite:
        """One note for every (doc, anchor) a sentence rests on, in source order, each place once."""
        places = list(dict.fromkeys(where))
        more = max(0, len(places) - CAP_NOTE_PLACES)
        places = places[:CAP_NOTE_PLACES]  # the first (most telling) places; a note stays short
        places.sort(key=lambda p: (self.doc_rank(p[0]), anchor_order(p[1])))
        first = places[0]
        d = self.docs.get(first[0])
        title = " ".join((d.title or PurePath(d.path).name).split()) if d else first[0]
        ps = tuple(self.place(doc, anchor) for doc, anchor in places)
        c = Citation(number=len(self.citations) + 1, doc=first[0], doc_title=title, short_title=self.key(first[0]),
                     anchor=first[1], label=ps[0].label, places=ps, more=more)
        self.citations.append(c)
        return Cite(c)

    def next_table(self) -> tuple[str, int]:
        self.tables += 1
        return f"tab-{self.tables}", self.tables

    def peek_table(self) -> XRef:
        return XRef("table", self.tables + 1, f"tab-{self.tables + 1}")

    def peek_figure(self) -> XRef:
        return XRef("figure", len(self.charts) + 1, f"fig-{len(self.charts) + 1}")

    def add_chart(self, kind: str, *args, **kwargs) -> FigureRef:
        """The next figure: chart `kind` drawn from `args` and `kwargs` (charts.draw) with its figure id."""
        number = len(self.charts) + 1
        chart_id = f"fig-{number}"
        drawn: Drawn = charts.draw(kind, *args, chart_id=chart_id, **kwargs)
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
