"""Positions versus principles: the actor x principle matrix, a table per question, the tensions."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from ..charts import matrix as matrix_chart
from ..model.brief import Block, Callout, Cell, Heading, Para, Row, Span
from ..model.findings import Position
from .caps import CAP_MATRIX_ACTORS, CAP_MATRIX_PRINCIPLES, CAP_POSITIONS, CAP_TENSIONS
from .commentary import commentary
from .labels import STANCE_ORDER, STANCE_WORDS, plural, slug
from .numbering import Builder


def positions(b: Builder, author: Mapping[str, str], annex: list) -> list[Block]:
    f = b.findings
    out: list[Block] = commentary(author, "positions")
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
        out.append(Heading(f"positions-{slug(qid)}", 2, b.question(qid)))
        counts = Counter(p.stance for p in ps)
        ranked = sorted(ps, key=lambda p: (-len(p.evidence), b.doc_rank(p.doc), p.actor))
        shown_ps = sorted(ranked[:CAP_POSITIONS], key=lambda p: (STANCE_ORDER.get(p.stance, 9), p.actor.lower(),
                                                                 b.doc_rank(p.doc)))
        overflow.extend(ranked[CAP_POSITIONS:])
        ref = b.peek_table()
        tally = ", ".join(f"{counts[s]} {STANCE_WORDS[s] if s in ('neutral', 'mixed') else s}"
                          for s in STANCE_ORDER if counts[s])
        out.append(Para((ref, Span(f" lists {plural(len(ps), 'position')} on this question ({tally}), each "
                                   "with the words that decide it."))))
        rows = [position_row(b, p) for p in shown_ps]
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


def position_row(b: Builder, p: Position, with_question: bool = False) -> Row:
    cells = [Cell((Span(p.actor),))]
    if with_question:
        cells.append(Cell((Span(b.question(p.question)),)))
    cells.append(Cell((Span(STANCE_WORDS.get(p.stance, p.stance)),), style=f"stance stance-{p.stance}"))
    if not with_question:
        cells.append(Cell((Span(", ".join(b.principle(x) for x in p.principles) or "—"),)))
    cells.append(Cell((Span(p.quote, "quote"), b.cite(p.doc, p.anchor)), style="quote"))
    return Row(tuple(cells), finding=p.id)
