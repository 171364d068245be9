"""Config + documents + findings + across (+ author Markdown) -> Brief: the report's content,
ordered, numbered and cited. Pure: no I/O (author files are read by the pipeline); charts
are drawn here because they are part of the content and deterministic.

Every finding item placed in the brief carries a Cite to its document and paragraph;
footnotes, figures and tables are numbered in reading order, so the HTML, PDF and
DOCX all agree with the numbers used in cross-references.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import PurePath

from .analyses.across import Across
from .analyses.compare import comparable
from .charts import figures as fig_chart
from .charts import matrix as matrix_chart
from .charts import network as network_chart
from .charts import principles as principles_chart
from .charts import timeline as timeline_chart
from .charts.style import Drawn
from .config import Config
from .model.brief import (SCHEMA_VERSION, AuthorText, Block, Brief, BulletList, Callout, Cell, Chart,
                          Citation, Cite, Column, FigureRef, Heading, Inline, ListItem, Meta, Para, Quote,
                          Row, Section, SourceEntry, SourceList, Span, Style, Table, XRef)
from .model.document import Document
from .model.findings import Event, Figure, Findings, Position, Precedent, Statement

CAP_POSITIONS = 12
"""Positions per question shown in the body; the rest go to the annex."""
CAP_FIGURES = 25
CAP_EVENTS = 30
CAP_KEY_FINDINGS = 7
CAP_MATRIX_ACTORS = 14
CAP_MATRIX_PRINCIPLES = 8
CAP_PANELS = 5
CAP_PANEL_ROWS = 8
CAP_SERIES = 6
"""Documents a chart shows as their own bar series or timeline lane. Beyond it, the documents with
the most findings keep theirs and the rest are pooled as "N other documents" (a legend of 300
documents reads as nothing); the findings export keeps every document apart."""
CAP_NUMBERED_EVENTS = 60
"""Above this many dated events the timeline chart no longer numbers its marks (the numbers would
pile up); the tables still list the events."""
CAP_ANNEX_ROWS = 150
"""Rows per annex table; the rest are in findings.json and the CSV export, as a note says."""
CAP_DOC_KEYS = 10
CAP_NETWORK_CASES = 10
CAP_TENSIONS = 12
CAP_THRESHOLD_ITEMS = 20
CAP_ACROSS_ROWS = 40
"""Rows of a cross-document table (actors, cases, measures shared by several documents); at corpus
scale those shared by the most documents are shown."""
CAP_PRECEDENT_QUOTES = 12
"""Precedent claims quoted in full per relation; the rest go to an annex table."""
"""Document keys listed in one table cell ("A, B, C ... and 40 more")."""
OTHERS = "\x00others"
"""The pseudo-document of pooled documents in charts and tables (cannot clash with a document id)."""

STANCE_WORDS = {"support": "supports", "oppose": "opposes", "neutral": "neutral", "mixed": "mixed"}
STANCE_ORDER = {"support": 0, "oppose": 1, "mixed": 2, "neutral": 3}
RELATION_TITLES = {"analogy": "Analogies: one case is like another",
                   "denial": "Denials: one case is not like another",
                   "warning": "Warnings: one case may become like another"}
VERDICT_WORDS = {"cleared": "cleared", "fell short": "fell short of", "straddles": "straddles"}
UNIT_LABELS = {"percent": "per cent", "currency": "", "count": "number", "fraction": "fraction",
               "length": "", "mass": "", "area": "", "duration": "", "other": ""}
_PREFIXES = ("self", "non", "co", "anti", "pre", "post", "inter", "intra")
_ANCHOR = re.compile(r"^(?P<doc>.+)-(?P<kind>[pn])(?P<num>\d+)$")


# ---------------------------------------------------------------- small helpers
def _letter(i: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


def humanise(ident: str) -> str:
    """``territorial-integrity`` -> ``Territorial integrity``; ``self-determination`` keeps its hyphen."""
    words = re.split(r"[-_\s]+", ident.strip())
    out = []
    for i, w in enumerate(words):
        if i + 1 < len(words) and w.lower() in _PREFIXES:
            words[i + 1] = f"{w}-{words[i + 1]}"
            continue
        out.append(w)
    text = " ".join(out)
    return text[:1].upper() + text[1:] if text else ident


def anchor_label(anchor: str) -> str:
    """``d1-p12`` -> ``¶12``; ``d1-n3`` -> ``note 3``."""
    m = _ANCHOR.match(anchor)
    if not m:
        return anchor
    return f"¶{m['num']}" if m["kind"] == "p" else f"note {m['num']}"


def short_title(doc: Document, limit: int = 44) -> str:
    title = " ".join((doc.title or PurePath(doc.path).stem or doc.id).split())
    if len(title) > limit:
        for sep in (": ", " – ", " — ", " - ", " | "):
            head = title.split(sep)[0]
            if 12 <= len(head) <= limit:
                return head
        cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ")
        return (cut or title[:limit]) + "…"
    return title


def fmt_num(v: float) -> str:
    if float(v).is_integer():
        return f"{int(v):,}"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def figure_value(f: Figure) -> str:
    """A figure's normalised value: ``15–20 %``, ``≥ 50 %``, ``USD 3,200,000``."""
    name = f.unit_name or ""
    if f.unit == "percent":
        pre, post = "", " %"
    elif f.unit == "currency":
        pre, post = (f"{name} " if name else ""), ""
    else:
        pre, post = "", (f" {name}" if name else "")
    if f.low is not None and f.high is not None:
        body = f"{fmt_num(f.low)}–{fmt_num(f.high)}"
    elif f.value is not None:
        body = fmt_num(f.value)
    else:
        return ""
    sign = {"min": "≥ ", "max": "≤ "}.get(f.bound or "", "")
    if f.approximate and not sign:
        sign = "≈ "
    text = f"{sign}{pre}{body}{post}"
    if f.of is not None:
        text += f" of {fmt_num(f.of)}"
    return text


def date_label(date: str, end: str | None = None) -> str:
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

    def one(d: str) -> str:
        parts = d.split("-")
        try:
            if len(parts) >= 3:
                return f"{int(parts[2])}\u00a0{months[int(parts[1]) - 1]}\u00a0{parts[0]}"
            if len(parts) == 2:
                return f"{months[int(parts[1]) - 1]}\u00a0{parts[0]}"
        except (ValueError, IndexError):
            return d
        return parts[0]

    return one(date) + (f" – {one(end)}" if end and end != date else "")


def _list(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _measure_key(measure: str | None) -> str:
    return " ".join((measure or "").lower().replace("-", " ").split())


# ---------------------------------------------------------------- the builder
class _Builder:
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
        self.keys = {d.id: _letter(i) for i, d in enumerate(documents)}
        self.citations: list[Citation] = []
        self.charts: list[Chart] = []
        self.tables = 0
        self.findings = findings
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
            text += f"; others = {_plural(others, 'other document')}"
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

    def principle(self, pid: str) -> str:
        return self.principle_labels.get(pid) or humanise(pid)

    def question(self, qid: str) -> str:
        return self.question_labels.get(qid) or humanise(qid)

    # --- numbering
    def cite(self, doc: str, anchor: str) -> Cite:
        d = self.docs.get(doc)
        title = " ".join((d.title or PurePath(d.path).name).split()) if d else doc
        c = Citation(number=len(self.citations) + 1, doc=doc, doc_title=title, short_title=self.doc_short(doc),
                     anchor=anchor, label=anchor_label(anchor))
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


# ---------------------------------------------------------------- compose
def compose(config: Config, documents: Sequence[Document], findings: Findings, across: Across, *,
            build_date: str, author: Mapping[str, str] | None = None) -> Brief:
    """Build the brief. `author` maps a section id (``summary``, ``positions``, ...) to the
    author's Markdown for it; `build_date` (ISO) is the only date the output may carry."""
    author = dict(author or {})
    b = _Builder(config, documents, findings)
    annex: list[tuple[str, list]] = []

    sections = [
        Section("key-findings", None, "Key findings", tuple(_key_findings(b, across))),
        Section("summary", 1, "Executive summary", tuple(_summary(b, documents, author))),
        Section("positions", 2, "Positions versus principles", tuple(_positions(b, author, annex))),
        Section("figures", 3, "Figures", tuple(_figures(b, author, annex))),
        Section("precedents", 4, "Precedent claims", tuple(_precedents(b, author, annex))),
        Section("timeline", 5, "Timeline", tuple(_timeline(b, author, annex))),
        Section("across", 6, "Across the documents", tuple(_across(b, across, author))),
    ]
    sections.append(Section("sources", None, "Annex: sources and further findings",
                            tuple(_annex(b, documents, author, annex))))

    rep = config.report
    n = len(documents)
    meta = Meta(title=rep.title, subtitle=rep.subtitle, organisation=rep.organisation, authors=rep.authors,
                date=rep.date or build_date, build_date=build_date, keywords=rep.keywords,
                subject=rep.subtitle or f"Comparative policy analysis of {_plural(n, 'source document')}")
    st = config.style
    style = Style(page_size=st.page_size, accent=st.accent, body_font=st.body_font,
                  heading_font=st.heading_font, logo=str(st.logo) if st.logo else None)
    sources = tuple(_source_entry(b, d) for d in documents)
    cited = [c.citation for c in walk_cites(sections)]
    if cited != b.citations:  # a footnote created but not placed (or placed twice) is a bug
        raise AssertionError("compose: citations out of step with the text")
    return Brief(schema_version=SCHEMA_VERSION, meta=meta, style=style, sections=tuple(sections),
                 charts=tuple(b.charts), citations=tuple(b.citations), sources=sources)


def walk_cites(sections: Sequence[Section]) -> list[Cite]:
    """Every Cite in reading order (the order footnotes are numbered in every format)."""
    out: list[Cite] = []

    def parts(ps: Sequence[Inline]) -> None:
        out.extend(p for p in ps if isinstance(p, Cite))

    for s in sections:
        for blk in s.blocks:
            if isinstance(blk, Para):
                parts(blk.parts)
            elif isinstance(blk, BulletList):
                for it in blk.items:
                    parts(it.parts)
            elif isinstance(blk, (Quote, Callout)):
                parts(blk.attribution)
            elif isinstance(blk, Table):
                for row in blk.rows:
                    for cell in row.cells:
                        parts(cell.parts)
    return out


def _commentary(author: Mapping[str, str], sid: str) -> list[Block]:
    text = author.get(sid)
    return [AuthorText(markdown=text, origin=sid)] if text and text.strip() else []


# ---------------------------------------------------------------- key findings
def _key_findings(b: _Builder, across: Across) -> list[Block]:
    f = b.findings
    items: list[ListItem] = []

    # 1. Each question: who supports, who opposes.
    by_q: dict[str, list[Position]] = defaultdict(list)
    for p in f.positions:
        by_q[p.question].append(p)
    q_order = [q.id for q in b.config.questions if q.id in by_q] + sorted(set(by_q) - {q.id for q in b.config.questions})
    for qid in q_order[:3]:
        ps = by_q[qid]
        sup = _dedupe_actors([p for p in ps if p.stance == "support"])
        opp = _dedupe_actors([p for p in ps if p.stance == "oppose"])
        if not sup and not opp:
            continue
        parts: list[Inline] = [Span(f"{b.question(qid).rstrip('.')}: ")]
        clauses = []
        if sup:
            clauses.append((f"{_plural(len(sup), 'actor')} support" + ("s" if len(sup) == 1 else ""), sup))
        if opp:
            clauses.append((f"{_plural(len(opp), 'actor')} oppose" + ("s" if len(opp) == 1 else ""), opp))
        for i, (head, ps_) in enumerate(clauses):
            if i:
                parts.append(Span(", while " if len(clauses) == 2 else " and "))
            names = [p.actor for p in ps_[:3]] + ([f"{len(ps_) - 3} more"] if len(ps_) > 3 else [])
            parts.append(Span(f"{head} ({_list(names)})"))
            parts.append(b.cite(ps_[0].doc, ps_[0].anchor))
        mixed = len({p.actor for p in ps if p.stance == "mixed"})
        parts.append(Span(f"; {mixed} {'takes a mixed position' if mixed == 1 else 'take mixed positions'}."
                          if mixed else "."))
        items.append(ListItem(tuple(parts), finding=(sup or opp)[0].id))

    # 2. Tensions: an actor accused of violating a principle it upholds.
    upheld = {(s.actor, pr) for s in f.statements if s.actor for pr in s.principles if pr not in s.violated}
    tensions = sorted(f.tensions, key=lambda t: ((t.actor, t.principle) not in upheld, t.basis[0] != "stated",
                                                 b.doc_rank(t.doc)))
    for t in tensions[:2]:
        if (t.actor, t.principle) in upheld:
            text = f"{t.actor} invokes {b.principle(t.principle).lower()} yet stands in tension with it in "
        else:
            text = f"{t.actor}'s position collides with {b.principle(t.principle).lower()} in "
        items.append(ListItem((Span(text), Span(b.doc_short(t.doc), "em"), b.cite(t.doc, t.anchor), Span(".")),
                              finding=t.id))

    # 3. Threshold comparisons.
    for comp in _threshold_comparisons(b)[:2]:
        fig, thr, verdict = comp
        parts = [Span(f"{(fig.measure or 'The figure').capitalize()}: "), Span(fig.text, "quote"),
                 b.cite(fig.doc, fig.anchor),
                 Span(f" {VERDICT_WORDS.get(verdict, verdict)} the threshold of "), Span(thr.text, "quote"),
                 b.cite(thr.doc, thr.anchor), Span(".")]
        items.append(ListItem(tuple(parts), finding=fig.id))

    # 4. A case argued about in one source and invoked as precedent in another.
    for case in [c for c in across.cases if c.crosses][:1]:
        subj = next(m for m in case.mentions if m.role == "subject")
        prec = next(m for m in case.mentions if m.role == "precedent" and m.doc != subj.doc)
        ps, pp = b.precedents.get(subj.precedent), b.precedents.get(prec.precedent)
        if ps and pp:
            items.append(ListItem((Span(f"{case.case} is the case argued about in "),
                                   Span(b.doc_short(subj.doc), "em"), b.cite(ps.doc, ps.anchor),
                                   Span(" and the precedent invoked in "), Span(b.doc_short(prec.doc), "em"),
                                   b.cite(pp.doc, pp.anchor), Span(".")), finding=ps.id))

    # 5. An actor whose positions differ between sources.
    for actor in [a for a in across.actors if a.agrees is False][:1]:
        qid = next(q for q, v in actor.agreement if v == "differ")
        mine = [s for s in actor.stances if s.question == qid]
        parts = [Span(f"{actor.actor} takes different positions across the sources on "
                      f"“{b.question(qid).rstrip('.')}”: ")]
        for i, s in enumerate(mine[:3]):
            pos = b.positions.get(s.position)
            if i:
                parts.append(Span(", "))
            parts.append(Span(f"{STANCE_WORDS.get(s.stance, s.stance)} in "))
            parts.append(Span(b.doc_short(s.doc), "em"))
            if pos:
                parts.append(b.cite(pos.doc, pos.anchor))
        parts.append(Span("."))
        items.append(ListItem(tuple(parts), finding=mine[0].position))

    # 6. The principle invoked most often.
    totals = across.principle_totals()
    if totals:
        pid, count = totals[0]
        uses = [u for u in across.principles if u.principle == pid]
        parts = [Span(f"{b.principle(pid)} is the principle invoked most often: "
                      f"{_plural(count, 'statement')} in {_plural(len(uses), 'document')}")]
        for u in uses[:3]:
            st = b.statements.get(u.statements[0])
            if st:
                parts.append(b.cite(st.doc, st.anchor))
        parts.append(Span("."))
        items.append(ListItem(tuple(parts), finding=uses[0].statements[0]))

    if not items:
        return [Para((Span("The sources yielded no findings to summarise."),), kind="empty")]
    dropped = [p.citation.number for item in items[CAP_KEY_FINDINGS:] for p in item.parts if isinstance(p, Cite)]
    if dropped:  # the cut items were built last: their footnotes are the tail of the list
        del b.citations[min(dropped) - 1:]
    return [BulletList(tuple(items[:CAP_KEY_FINDINGS]), kind="key")]


def _dedupe_actors(ps: list[Position]) -> list[Position]:
    seen, out = set(), []
    for p in sorted(ps, key=lambda p: (-len(p.evidence), p.actor)):
        if p.actor not in seen:
            seen.add(p.actor)
            out.append(p)
    return out


def _threshold_comparisons(b: _Builder) -> list[tuple[Figure, Figure, str]]:
    """(figure, threshold, verdict) from the analyses' comparisons, else derived per document."""
    out = []
    for comp in b.findings.comparisons:
        if comp.kind != "threshold" or len(comp.figures) < 2:
            continue
        fig, thr = b.figures.get(comp.figures[0]), b.figures.get(comp.figures[1])
        if fig and thr:
            out.append((fig, thr, comp.verdict or _verdict(fig, thr) or "compared with"))
    if out or b.findings.comparisons:
        return out
    for thr in b.findings.figures:
        if thr.role != "threshold" or thr.value is None:
            continue
        for fig in b.findings.figures:
            if (fig.id == thr.id or fig.role == "threshold" or fig.doc != thr.doc or fig.unit != thr.unit
                    or _measure_key(fig.measure) != _measure_key(thr.measure)):
                continue
            verdict = _verdict(fig, thr)
            if verdict:
                out.append((fig, thr, verdict))
    return out


def _verdict(fig: Figure, thr: Figure) -> str | None:
    t = thr.value if thr.value is not None else thr.low
    if t is None:
        return None
    if fig.low is not None and fig.high is not None:
        return "cleared" if fig.low >= t else "fell short" if fig.high < t else "straddles"
    if fig.value is not None:
        return "cleared" if fig.value >= t else "fell short"
    return None


# ---------------------------------------------------------------- executive summary
def _summary(b: _Builder, documents: Sequence[Document], author: Mapping[str, str]) -> list[Block]:
    written = _commentary(author, "summary")
    if written:
        return written
    f = b.findings
    actors = {s.actor for s in f.statements if s.actor} | {p.actor for p in f.positions}
    questions = {p.question for p in f.positions}
    text = (f"This brief compares {_plural(len(documents), 'source document')}. The analysis found "
            f"{_plural(len(f.statements), 'statement')} by {_plural(len(actors), 'actor')}, "
            f"{_plural(len(f.positions), 'position')} on {_plural(len(questions), 'question')}, "
            f"{_plural(len(f.tensions), 'tension')} between positions and principles, "
            f"{_plural(len(f.precedents), 'precedent claim')}, {_plural(len(f.figures), 'figure')} and "
            f"{_plural(len(f.events), 'dated event')}. Every item below is quoted as the source words it "
            f"and cites the document and paragraph it comes from; the annex lists the sources.")
    return [Para((Span(text),))]


# ---------------------------------------------------------------- positions versus principles
def _positions(b: _Builder, author: Mapping[str, str], annex: list) -> list[Block]:
    f = b.findings
    out: list[Block] = _commentary(author, "positions")
    if not f.positions and not f.statements and not f.tensions:
        return out + [Para((Span("No statements or positions were found in the sources."),), kind="empty")]

    # Matrix data: statements by actor and principle, and tensions.
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for s in f.statements:
        if not s.actor:
            continue
        for pr in dict.fromkeys(s.principles):
            cells[(s.actor, pr)][1 if pr in s.violated else 0] += 1
    for t in f.tensions:
        cells[(t.actor, t.principle)][2] = 1
    n_actors = len({a for a, _ in cells})
    if cells:
        weight_a: Counter = Counter()
        weight_p: Counter = Counter()
        for (a, p), (u, v, t) in cells.items():
            weight_a[a] += u + v + 2 * t
            weight_p[p] += u + v + 2 * t
        actors = [a for a, _ in sorted(weight_a.items(), key=lambda kv: (-kv[1], kv[0]))][:CAP_MATRIX_ACTORS]
        principles = [p for p, _ in sorted(weight_p.items(), key=lambda kv: (-kv[1], kv[0]))][:CAP_MATRIX_PRINCIPLES]
        mcells = [matrix_chart.MatrixCell(actor=a, principle=p, upheld=u, accuses=v, tension=bool(t))
                  for (a, p), (u, v, t) in sorted(cells.items()) if a in actors and p in principles]
        ref = b.peek_figure()
        shown = (f" (the {len(actors)} most active of {n_actors})" if n_actors > len(actors) else "")
        out.append(Para((ref,
                         Span(f" sets the actors{shown} against the principles they invoke: which "
                              "principles each upholds, which it accuses others of violating, and where "
                              "the actor itself stands in tension with a principle."))))
        out.append(b.add_chart("matrix", lambda cid: matrix_chart.draw(
            mcells, [(p, b.principle(p)) for p in principles], actors, accent=b.accent, chart_id=cid)))

    by_q: dict[str, list[Position]] = defaultdict(list)
    for p in f.positions:
        by_q[p.question].append(p)
    q_order = [q.id for q in b.config.questions if q.id in by_q] + sorted(set(by_q) - {q.id for q in b.config.questions})
    overflow: list[Position] = []
    for qid in q_order:
        ps = by_q[qid]
        out.append(Heading(f"positions-{_slug(qid)}", 2, b.question(qid)))
        counts = Counter(p.stance for p in ps)
        ranked = sorted(ps, key=lambda p: (-len(p.evidence), b.doc_rank(p.doc), p.actor))
        shown_ps = sorted(ranked[:CAP_POSITIONS], key=lambda p: (STANCE_ORDER.get(p.stance, 9), p.actor.lower(),
                                                                 b.doc_rank(p.doc)))
        overflow.extend(ranked[CAP_POSITIONS:])
        ref = b.peek_table()
        tally = ", ".join(f"{counts[s]} {STANCE_WORDS[s] if s in ('neutral', 'mixed') else s}"
                          for s in STANCE_ORDER if counts[s])
        out.append(Para((ref, Span(f" lists {_plural(len(ps), 'position')} on this question ({tally}), each "
                                   "with the words that decide it."))))
        rows = [_position_row(b, p) for p in shown_ps]
        note = None
        if len(ps) > CAP_POSITIONS:
            note = (f"The {CAP_POSITIONS} best-evidenced of {len(ps)} positions; the other "
                    f"{len(ps) - CAP_POSITIONS} are listed in the annex.")
        out.append(b.table(f"Positions: {b.question(qid).rstrip('.')}",
                           [("Actor", 0.16), ("Stance", 0.11), ("Principles", 0.23), ("Deciding words", 0.5)],
                           rows, note=note))
    if overflow:
        annex.append(("positions", overflow))

    if f.tensions:
        out.append(Heading("positions-tensions", 2, "Tensions between positions and principles"))
        upheld = {(s.actor, pr) for s in f.statements if s.actor for pr in s.principles if pr not in s.violated}
        ordered = sorted(f.tensions, key=lambda t: (b.doc_rank(t.doc), t.actor, t.principle))
        for t in ordered[:CAP_TENSIONS]:
            basis = "as the source states it" if t.basis[0] == "stated" else "derived from positions and accusations"
            attribution = (Span(f"Source {b.key(t.doc)}, {basis}"), b.cite(t.doc, t.anchor))
            own = " — a principle it invokes itself" if (t.actor, t.principle) in upheld else ""
            out.append(Callout(title=f"{t.actor} and {b.principle(t.principle).lower()}{own}", quote=t.text,
                               attribution=attribution, finding=t.id, basis=t.basis[0]))
        if len(ordered) > CAP_TENSIONS:
            out.append(Para((Span(f"The first {CAP_TENSIONS} of {len(ordered)} tensions; findings.json lists "
                                  "them all."),), kind="note"))
    return out


def _position_row(b: _Builder, p: Position, with_question: bool = False) -> Row:
    cells = [Cell((Span(p.actor),))]
    if with_question:
        cells.append(Cell((Span(b.question(p.question)),)))
    cells.append(Cell((Span(STANCE_WORDS.get(p.stance, p.stance)),), style=f"stance stance-{p.stance}"))
    if not with_question:
        cells.append(Cell((Span(", ".join(b.principle(x) for x in p.principles) or "—"),)))
    cells.append(Cell((Span(p.quote, "quote"), b.cite(p.doc, p.anchor)), style="quote"))
    return Row(tuple(cells), finding=p.id)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


# ---------------------------------------------------------------- figures
def _figures(b: _Builder, author: Mapping[str, str], annex: list) -> list[Block]:
    f = b.findings
    out: list[Block] = _commentary(author, "figures")
    if not f.figures:
        return out + [Para((Span("No figures were found in the sources."),), kind="empty")]

    panels = _panels(b)
    if panels:
        ref = b.peek_figure()
        out.append(Para((ref, Span(" draws the figures measure by measure, with the thresholds the sources "
                                   "set; the table after it gives each figure as written."))))
        out.append(b.add_chart("figures", lambda cid: fig_chart.draw(panels, accent=b.accent, chart_id=cid)))

    ordered = sorted(f.figures, key=lambda x: (x.measure is None, _measure_key(x.measure), b.doc_rank(x.doc),
                                               x.anchor, x.start))
    shown, rest = ordered[:CAP_FIGURES], ordered[CAP_FIGURES:]
    note = (f"The first {CAP_FIGURES} of {len(ordered)} figures; the rest are listed in the annex."
            if rest else None)
    out.append(b.table("Figures in the sources", _FIGURE_COLUMNS, [_figure_row(b, x) for x in shown], note=note))
    if rest:
        annex.append(("figures", rest))

    comps = _threshold_comparisons(b)
    if comps:
        out.append(Heading("figures-thresholds", 2, "Against the thresholds"))
        items = []
        for fig, thr, verdict in comps[:CAP_THRESHOLD_ITEMS]:
            what = (fig.measure or "figure").lower()
            subject = f" ({fig.subject})" if fig.subject else ""
            items.append(ListItem((Span(f"The {what}{subject} of "), Span(fig.text, "quote"),
                                   b.cite(fig.doc, fig.anchor),
                                   Span(f" {VERDICT_WORDS.get(verdict, verdict)} the threshold of "),
                                   Span(thr.text, "quote"), b.cite(thr.doc, thr.anchor), Span(".")),
                                  finding=fig.id))
        out.append(BulletList(tuple(items)))
        if len(comps) > CAP_THRESHOLD_ITEMS:
            out.append(Para((Span(f"The first {CAP_THRESHOLD_ITEMS} of {len(comps)} comparisons; findings.json "
                                  "lists them all."),), kind="note"))
    return out


_FIGURE_COLUMNS = [("Measure", 0.17), ("Subject", 0.2), ("As written", 0.38), ("Value", 0.25, "right")]


def _figure_row(b: _Builder, x: Figure) -> Row:
    role = " (threshold)" if x.role == "threshold" else ""
    return Row((Cell((Span(_cap(x.measure or "—") + role),)),
                Cell((Span(x.subject or "—"),)),
                Cell((Span(x.text, "quote"), b.cite(x.doc, x.anchor)), style="quote"),
                Cell((Span(figure_value(x) or "—"),), style="num")), finding=x.id)


def _panels(b: _Builder) -> list[fig_chart.Panel]:
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for x in b.findings.figures:
        if comparable(x) and (x.value is not None or (x.low is not None and x.high is not None)):
            # one axis per unit as written: USD beside EUR, or percentage points beside per cent, misleads
            groups[(_measure_key(x.measure), x.unit, x.unit_name if x.unit not in ("count", "fraction") else None)].append(x)
    ranked = sorted(groups.items(), key=lambda kv: (not any(x.role == "threshold" for x in kv[1]),
                                                    not any(x.low is not None for x in kv[1]),
                                                    -len(kv[1]), kv[0]))
    panels = []
    for (_, unit, _), xs in ranked:
        if len(panels) == CAP_PANELS:
            break
        xs.sort(key=lambda x: (b.doc_rank(x.doc), x.anchor, x.start))
        values = [x for x in xs if x.role != "threshold" or x.value is None]
        thresholds = [x for x in xs if x.role == "threshold" and x.value is not None]
        if not values or (len(values) < 2 and not thresholds and values[0].low is None):
            continue  # a lone value reads better in the table than in a chart
        docs = {x.doc for x in xs}
        single = len(docs) == 1
        rows = []
        for x in values[:CAP_PANEL_ROWS]:
            label = x.subject or x.measure or ""
            if not single:
                label = f"{label} ({b.key(x.doc)})"
            rows.append(fig_chart.FigureRow(label=label, value=x.value, low=x.low, high=x.high, bound=x.bound,
                                            approximate=x.approximate))
        unit_label = UNIT_LABELS.get(unit, "") or (xs[0].unit_name or "")
        if unit == "currency" and xs[0].unit_name:
            unit_label = xs[0].unit_name
        measure = xs[0].measure or ""
        panels.append(fig_chart.Panel(measure=measure[:1].upper() + measure[1:], unit=unit_label,
                                      rows=tuple(rows),
                                      thresholds=tuple(fig_chart.Threshold(label=t.subject or "threshold",
                                                                           value=t.value)
                                                       for t in thresholds[:3]),
                                      source=b.keyed(next(iter(docs))) if single else None))
    return panels


# ---------------------------------------------------------------- precedents
def _precedents(b: _Builder, author: Mapping[str, str], annex: list) -> list[Block]:
    f = b.findings
    out: list[Block] = _commentary(author, "precedents")
    if not f.precedents:
        return out + [Para((Span("No precedent claims were found in the sources."),), kind="empty")]
    cases: list[str] = []
    weight: Counter = Counter()
    for p in f.precedents:
        for c in (p.subject, p.precedent):
            if c and c not in cases:
                cases.append(c)
            weight[c] += 1
    # The network shows the CAP_NETWORK_CASES most-argued cases, one arrow per pair and relation
    # labelled with its claimant (or "first +N"), so it stays legible at corpus scale.
    drawn_cases = sorted(cases, key=lambda c: (-weight[c], cases.index(c)))[:CAP_NETWORK_CASES]
    drawn_cases = [c for c in cases if c in drawn_cases]
    arrows: dict[tuple, list[str]] = {}
    for p in f.precedents:
        if p.subject in drawn_cases and p.precedent in drawn_cases:
            who = arrows.setdefault((p.subject, p.precedent, p.relation), [])
            name = p.claimant or p.actor
            if name and name not in who:
                who.append(name)
    claims = [network_chart.Claim(subject=s_, precedent=p_, relation=r_,
                                  claimant=(who[0] if len(who) == 1 else f"{who[0]} +{len(who) - 1}") if who else None)
              for (s_, p_, r_), who in arrows.items()]
    ref = b.peek_figure()
    counts = Counter(p.relation for p in f.precedents)
    tally = ", ".join(_plural(counts[r], {"analogy": "analogy", "denial": "denial", "warning": "warning"}[r],
                              {"analogy": "analogies"}.get(r)) for r in RELATION_TITLES if counts[r])
    out.append(Para((Span(f"The sources make {_plural(len(f.precedents), 'precedent claim')} ({tally}) about "
                          f"{_plural(len(cases), 'case')}. "), ref,
                     Span(" maps them; each claim is quoted below, grouped by relation."))))
    out.append(b.add_chart("network", lambda cid: network_chart.draw(drawn_cases, claims, accent=b.accent,
                                                                      chart_id=cid)))
    rest: list[Precedent] = []
    for relation in (*RELATION_TITLES, *sorted(set(counts) - set(RELATION_TITLES))):
        ps = sorted((p for p in f.precedents if p.relation == relation),
                    key=lambda p: (b.doc_rank(p.doc), p.anchor))
        if not ps:
            continue
        out.append(Heading(f"precedents-{_slug(relation)}", 2, RELATION_TITLES.get(relation, humanise(relation))))
        for p in ps[:CAP_PRECEDENT_QUOTES]:
            out.append(_precedent_quote(b, p))
        if len(ps) > CAP_PRECEDENT_QUOTES:
            out.append(Para((Span(f"The first {CAP_PRECEDENT_QUOTES} of {len(ps)}; the rest are listed in the "
                                  "annex."),), kind="note"))
            rest.extend(ps[CAP_PRECEDENT_QUOTES:])
    if rest:
        annex.append(("precedents", rest))
    return out


RELATION_LINKS = {"analogy": "likened to", "denial": "distinguished from", "warning": "may become like"}
"""How a precedent claim links its case to the precedent, in a sentence."""
_PRECEDENT_COLUMNS = [("Claimant", 0.18), ("Claim", 0.26), ("In the source's words", 0.48), ("Src.", 0.08)]


def _precedent_row(b: _Builder, p: Precedent) -> Row:
    link = RELATION_LINKS.get(p.relation, p.relation)
    return Row((Cell((Span(p.claimant or p.actor or "Unattributed"),)),
                Cell((Span(f"{p.subject} {link} {p.precedent}"),)),
                Cell((Span(p.text, "quote"), b.cite(p.doc, p.anchor)), style="quote"),
                Cell((Span(b.key(p.doc)),), style="key")), finding=p.id)


def _precedent_quote(b: _Builder, p: Precedent) -> Quote:
    who = p.claimant or p.actor or "Unattributed"
    if p.actor and p.claimant and p.actor != p.claimant:
        who = f"{p.claimant} ({p.actor})"
    link = RELATION_LINKS.get(p.relation, p.relation)
    return Quote(text=p.text, attribution=(Span(f"{who} — {p.subject} {link} {p.precedent} "
                                                f"(source {b.key(p.doc)})"), b.cite(p.doc, p.anchor)),
                 finding=p.id, kind=p.relation)


# ---------------------------------------------------------------- timeline
def _event_key(e: Event) -> tuple:
    return (e.date.split("-") + ["00", "00"])[:3], e.end_date or "", e.anchor, e.start


def _timeline(b: _Builder, author: Mapping[str, str], annex: list) -> list[Block]:
    f = b.findings
    out: list[Block] = _commentary(author, "timeline")
    events = [e for e in f.events if re.match(r"^\d{4}", e.date or "")]
    if not events:
        return out + [Para((Span("No dated events were found in the sources."),), kind="empty")]
    events.sort(key=lambda e: (_event_key(e), b.doc_rank(e.doc)))
    per_doc = Counter(e.doc for e in events)
    lanes = [d for d in b.order if d in per_doc]
    lanes += sorted(set(per_doc) - set(lanes))
    lanes, pooled = b.pool(lanes, per_doc)
    lane_of = {d: i for i, d in enumerate(lanes)}
    labels = [b.keyed(d) for d in lanes]
    if pooled:
        labels.append(f"others · {_plural(len(pooled), 'other document')}")
    tl = [timeline_chart.TimelineEvent(lane=lane_of.get(e.doc, len(lanes)), number=i + 1, date=e.date,
                                       precision=e.precision, end_date=e.end_date) for i, e in enumerate(events)]
    fref, tref = b.peek_figure(), b.peek_table()
    first, last = events[0].date[:4], max(((e.end_date or e.date)[:4]) for e in events)
    out.append(Para((Span(f"The sources date {_plural(len(events), 'event')} between {first} and {last}. "), fref,
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
    out.append(b.table("Dated events across the documents", _EVENT_COLUMNS,
                       [_event_row(b, group) for group in shown], note=note))
    out.append(b.legend(lanes))
    if rest:
        annex.append(("events", rest))
    return out


_EVENT_COLUMNS = [("No.", 0.08, "right"), ("Date", 0.16), ("Event, in the source's words", 0.68), ("Src.", 0.08)]


def _event_row(b: _Builder, group: list[tuple[int, Event]]) -> Row:
    """One sentence with the events it dates: their numbers (as in the chart) and dates."""
    first = group[0][1]
    numbers = timeline_chart.number_ranges([n for n, _ in group])
    dates = "; ".join(dict.fromkeys(date_label(e.date, e.end_date) for _, e in group))
    # A list of numbers ("2–4, 6, 8") may wrap after its commas; a single one stays on one line.
    return Row((Cell((Span(numbers),), style="refs" if "," in numbers else "num"), Cell((Span(dates),), style="date"),
                Cell((Span(first.text, "quote"), b.cite(first.doc, first.anchor)), style="quote"),
                Cell((Span(b.key(first.doc)),), style="key")), finding=first.id)


# ---------------------------------------------------------------- across the documents
def _across(b: _Builder, across: Across, author: Mapping[str, str]) -> list[Block]:
    out: list[Block] = _commentary(author, "across")
    docs = [d for d in across.docs if d in b.docs] or list(across.docs)

    # Principles by document.
    out.append(Heading("across-principles", 2, "Principles by document"))
    totals = across.principle_totals()
    if totals:
        top = [p for p, _ in totals[:10]]
        counts: Counter = Counter()
        per_doc: Counter = Counter()
        for u in across.principles:
            counts[(u.doc, u.principle)] += u.count
            per_doc[u.doc] += u.count
        shown, pooled = b.pool(docs, per_doc)
        series_ = list(shown)
        if pooled:
            for u in across.principles:
                if u.doc in pooled:
                    counts[(OTHERS, u.principle)] += u.count
            series_.append(OTHERS)
        # The chart pools the other documents as their mean, on the scale of one document (a sum
        # over hundreds would dwarf every bar); the table gives their sum.
        drawn_counts = {k: (round(v / len(pooled), 1) if k[0] == OTHERS else v) for k, v in counts.items()}
        label = {OTHERS: f"others · mean of {_plural(len(pooled), 'other document')}"}
        fref, tref = b.peek_figure(), b.peek_table()
        out.append(Para((fref, Span(" and "), tref, Span(" count the statements in each document that invoke "
                                                         "each principle."))))
        out.append(b.add_chart("principles", lambda cid: principles_chart.draw(
            [(p, b.principle(p)) for p in top], [(d, label.get(d) or b.keyed(d)) for d in series_], drawn_counts,
            accent=b.accent, chart_id=cid)))
        width = 0.62 / max(len(series_) + 1, 1)
        rows = []
        for pid, total in totals:
            rows.append(Row(tuple([Cell((Span(b.principle(pid)),))] +
                                  [Cell((Span(str(counts.get((d, pid), 0) or "–")),), style="num") for d in series_] +
                                  [Cell((Span(str(total)),), style="num")])))
        out.append(b.table("Statements invoking each principle, by document",
                           [("Principle", 0.38)] + [("others" if d == OTHERS else b.key(d), width, "right")
                                                    for d in series_] +
                           [("All", width, "right")], rows))
        out.append(b.legend(shown, others=len(pooled)))
    else:
        out.append(Para((Span("No statement in the sources invokes a principle."),), kind="empty"))

    # Shared actors.
    out.append(Heading("across-actors", 2, "Actors in more than one document"))
    if across.actors:
        ref = b.peek_table()
        agree = sum(1 for a in across.actors if a.agrees is True)
        differ = sum(1 for a in across.actors if a.agrees is False)
        out.append(Para((ref, Span(f" lists {_plural(len(across.actors), 'actor')} found in more than one source; "
                                   f"{agree} keep the same stance wherever compared, {differ} do not."))))
        rows = []
        ranked = sorted(across.actors, key=lambda a: -len(a.docs))[:CAP_ACROSS_ROWS]
        for a in [a for a in across.actors if a in ranked]:
            stance_parts: list[Inline] = []
            for i, s in enumerate(a.stances[:6]):
                pos = b.positions.get(s.position)
                if i:
                    stance_parts.append(Span("; "))
                stance_parts.append(Span(f"{b.key(s.doc)}: {STANCE_WORDS.get(s.stance, s.stance)} "
                                         f"({b.question(s.question).rstrip('.')})"))
                if pos:
                    stance_parts.append(b.cite(pos.doc, pos.anchor))
            if not stance_parts:
                stance_parts = _first_mentions(b, a.actor, a.docs)
            verdict = {True: "agree", False: "differ", None: "not compared"}[a.agrees]
            rows.append(Row((Cell((Span(a.actor),)), Cell((Span(b.keys_of(a.docs)),), style="key"),
                             Cell(tuple(stance_parts)), Cell((Span(verdict),), style=f"stance verdict-{verdict.split()[0]}")),
                            finding=(a.stances[0].position if a.stances else None) or f"actor:{a.actor}"))
        out.append(b.table("Actors present in more than one document",
                           [("Actor", 0.18), ("Sources", 0.12), ("Positions, source by source", 0.54),
                            ("Stances", 0.16)], rows, note=_across_note(len(rows), len(across.actors), "actors")))
        out.append(b.legend(docs))
    else:
        out.append(Para((Span("No actor appears in more than one document."),), kind="empty"))

    # Recurring cases.
    out.append(Heading("across-cases", 2, "Cases that recur"))
    if across.cases:
        ref = b.peek_table()
        crossing = sum(1 for c in across.cases if c.crosses)
        out.append(Para((ref, Span(f" lists {_plural(len(across.cases), 'case')} named in the precedent claims of "
                                   f"more than one document; {crossing} "
                                   f"{'is' if crossing == 1 else 'are'} argued about in one source and invoked "
                                   "as a precedent in another."))))
        rows = []
        ranked_cases = sorted(across.cases, key=lambda c: -len({m.doc for m in c.mentions}))[:CAP_ACROSS_ROWS]
        for c in [c for c in across.cases if c in ranked_cases]:
            cols: dict[str, list[Inline]] = {"subject": [], "precedent": []}
            extra = Counter()
            for m in sorted(c.mentions, key=lambda m: m.role != "subject"):  # cite in column order
                p = b.precedents.get(m.precedent)
                bucket = cols[m.role]
                if sum(isinstance(x, Cite) for x in bucket) >= CAP_DOC_KEYS:
                    extra[m.role] += 1
                    continue
                if bucket:
                    bucket.append(Span("; "))
                who = (p.claimant or p.actor) if p else None
                bucket.append(Span(f"{b.key(m.doc)}" + (f" ({who})" if who else "")))
                if p:
                    bucket.append(b.cite(p.doc, p.anchor))
            for role, n in extra.items():
                cols[role].append(Span(f"; and {n} more"))
            rows.append(Row((Cell((Span(c.case),)), Cell(tuple(cols["subject"]) or (Span("—"),)),
                             Cell(tuple(cols["precedent"]) or (Span("—"),)),
                             Cell((Span("yes" if c.crosses else "no"),))),
                            finding=c.mentions[0].precedent))
        out.append(b.table("Cases named in more than one document",
                           [("Case", 0.22), ("Argued about in", 0.32), ("Invoked as precedent in", 0.32),
                            ("Crosses over", 0.14)], rows, note=_across_note(len(rows), len(across.cases), "cases")))
        out.append(b.legend(docs))
    else:
        out.append(Para((Span("No case is named in the precedent claims of more than one document."),),
                        kind="empty"))

    # Same-measure figures.
    out.append(Heading("across-measures", 2, "The same measure in different documents"))
    if across.measures:
        ref = b.peek_table()
        out.append(Para((ref, Span(" sets side by side the figures different sources give for the same measure."),)))
        rows = []
        for m in sorted(across.measures, key=lambda m: -len({b.figures[f].doc for f in m.figures if f in b.figures})):
            if len(rows) >= CAP_ACROSS_ROWS:
                break
            for fid in m.figures[:CAP_PANEL_ROWS]:
                x = b.figures.get(fid)
                if x is None:
                    continue
                rows.append(Row((Cell((Span(_cap(m.measure)),)), Cell((Span(b.key(x.doc)),), style="key"),
                                 Cell((Span(x.subject or "—"),)),
                                 Cell((Span(x.text, "quote"), b.cite(x.doc, x.anchor)), style="quote"),
                                 Cell((Span(figure_value(x) or "—"),), style="num")), finding=x.id))
        out.append(b.table("Figures on the same measure in different documents",
                           [("Measure", 0.16), ("Src.", 0.08), ("Subject", 0.22), ("As written", 0.34),
                            ("Value", 0.2, "right")], rows,
                           note=_across_note(len(rows), sum(len(m.figures) for m in across.measures), "figures")))
        out.append(b.legend(docs))
    else:
        out.append(Para((Span("No measure is given a figure in more than one document."),), kind="empty"))
    return out


def _across_note(shown: int, total: int, what: str) -> str | None:
    if shown >= total:
        return None
    return (f"The {shown} {what} shared by the most documents, of {total}; every statement, position, figure "
            "and precedent claim is in findings.json and the CSV export.")


def _first_mentions(b: _Builder, actor: str, docs: Sequence[str]) -> list[Inline]:
    parts: list[Inline] = []
    f = b.findings
    for d in docs:
        item = next((x for x in (*f.statements, *f.tensions, *f.precedents) if x.doc == d and x.actor == actor), None)
        if item is None:
            continue
        if parts:
            parts.append(Span("; "))
        parts.append(Span(f"{b.key(d)}: mentioned"))
        parts.append(b.cite(item.doc, item.anchor))
    return parts or [Span("—")]


# ---------------------------------------------------------------- annex
def _source_entry(b: _Builder, d: Document, brief: bool = False) -> SourceEntry:
    """`brief`: the fields a citation needs only (corpus scale: hundreds of entries)."""
    fields = [("Key", b.key(d.id))] + ([] if brief else [("Reference", d.id)])
    for label, value in (("Author", d.author), ("Publisher", d.publisher),
                         ("Date", date_label(d.date) if d.date else None), ("Symbol", d.symbol),
                         ("Format", None if brief else d.genre), ("File", d.path)):
        if value:
            fields.append((label, " ".join(str(value).split())))
    title = " ".join((d.title or PurePath(d.path).name).split())
    return SourceEntry(doc=d.id, key=b.key(d.id), title=title, short_title=b.doc_short(d.id), fields=tuple(fields))


def _annex(b: _Builder, documents: Sequence[Document], author: Mapping[str, str], annex: list) -> list[Block]:
    out: list[Block] = _commentary(author, "sources")
    out.append(Heading("sources-list", 2, "Sources"))
    out.append(Para((Span("Citations give the short title and the paragraph (¶) or note of the source; "
                          "paragraphs are counted from the start of each document."),), kind="note"))
    out.append(SourceList(tuple(_source_entry(b, d, brief=len(documents) > CAP_DOC_KEYS * 3) for d in documents)))
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
                               [_position_row(b, p, with_question=True) for p in items], note=note, compact=True))
        elif kind == "figures":
            out.append(Heading("sources-figures", 2, "Further figures"))
            out.append(b.table("Further figures, not shown in the body", _FIGURE_COLUMNS,
                               [_figure_row(b, x) for x in items], note=note, compact=True))
        elif kind == "precedents":
            out.append(Heading("sources-precedents", 2, "Further precedent claims"))
            out.append(b.table("Further precedent claims, not quoted in the body", _PRECEDENT_COLUMNS,
                               [_precedent_row(b, p) for p in items], note=note, compact=True))
        elif kind == "events":
            out.append(Heading("sources-events", 2, "Further events"))
            out.append(b.table("Further dated events, not shown in the body", _EVENT_COLUMNS,
                               [_event_row(b, group) for group in items], note=note, compact=True))
    return out
