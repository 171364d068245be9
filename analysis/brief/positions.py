"""Positions and who said what: per question who stands where and the most telling quotations, the tensions;
also the actor x principle matrix and the annex's position rows."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from ..charts import matrix as matrix_chart
from ..model.brief import Block, Callout, Cell, Heading, Para, Quote, Row, Span
from ..model.findings import Position, Statement
from .caps import CAP_ANNEX_ROWS, CAP_MATRIX_ACTORS, CAP_MATRIX_PRINCIPLES, CAP_QUOTES, CAP_STANCE_NAMES, CAP_TENSIONS
from .argument import speaker_of
from .commentary import commentary
from .confidence import none_sure
from .labels import STANCE_ORDER, join_list, plural, slug
from .numbering import Builder


def positions(b: Builder, author: Mapping[str, str], annex: list) -> list[Block]:
    f = b.findings
    out: list[Block] = commentary(author, "positions")
    if not f.positions and not f.statements and not f.tensions:
        return out + [none_sure(b, ("positions", "statements", "tensions"),
                                "No statements or positions were found in the sources.", "statement or position",
                                "statements and positions")]

    by_q: dict[str, list[Position]] = defaultdict(list)
    for p in f.positions:
        by_q[p.question].append(p)
    said: dict[str, list[Statement]] = defaultdict(list)
    for s in f.statements:
        if s.question:
            said[s.question].append(s)
    for qid in b.question_order(set(by_q) | set(said)):
        ps = by_q.get(qid, [])
        out.append(Heading(f"positions-{slug(qid)}", 2, b.question(qid)))
        if ps:
            ref = b.peek_table()
            # The annex table is capped: say "quotes each" only when it does.
            where = ("the annex quotes each" if len(f.positions) <= CAP_ANNEX_ROWS else
                     "findings.json quotes each; the annex, the best evidenced")
            out.append(Para((ref, Span(f" groups by stance the {plural(len({p.actor for p in ps}), 'actor')} whose "
                                       f"position the sources record ({where})."),), kind="lead"))
            out.append(b.table(f"Who stands where: {b.question(qid).rstrip('.')}",
                               [("Stance", 0.16), ("Actors", 0.84)], stance_rows(b, ps)))
        quotes = telling(said.get(qid, []))
        if quotes:
            out.append(Heading(f"positions-{slug(qid)}-said", 3, "Who said what"))
            out.extend(said_quote(b, s) for s in quotes)
    if f.positions:
        annex.append(("positions", list(f.positions)))

    if f.tensions:
        out.append(Heading("positions-tensions", 2, "Tensions between positions and principles"))
        upheld = {(s.actor, pr) for s in f.statements if s.actor for pr in s.principles if pr not in s.violated}
        ordered = sorted(f.tensions, key=lambda t: (b.doc_rank(t.doc), t.actor, t.principle))
        for t in ordered[:CAP_TENSIONS]:
            basis = "as the source states it" if t.basis[0] == "stated" else "derived from positions and accusations"
            # Words a named speaker says in the source are theirs, not the source's.
            speaker = speaker_of(b, t.doc, t.anchor, t.text) if t.basis[0] == "stated" else None
            who = (f"{speaker}, quoted in source {b.key(t.doc)}" if speaker else f"Source {b.key(t.doc)}, {basis}")
            attribution = (Span(who), b.cite(t.doc, t.anchor))
            own = " — a principle it invokes itself" if (t.actor, t.principle) in upheld else ""
            out.append(Callout(title=f"{t.actor} and {b.principle(t.principle).lower()}{own}", quote=t.text,
                               attribution=attribution, finding=t.id, basis=t.basis[0]))
        if len(ordered) > CAP_TENSIONS:
            out.append(Para((Span(f"The first {CAP_TENSIONS} of {len(ordered)} tensions; findings.json lists "
                                  "them all."),), kind="note"))
    return out


def matrix(b: Builder) -> list[Block]:
    """The actor x principle chart (reference material: the annex shows it)."""
    f = b.findings
    out: list[Block] = []
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
        out.append(Heading("sources-actors-principles", 2, "Actors and the principles they invoke"))
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
                              "the actor itself stands in tension with a principle.")), kind="lead"))
        out.append(b.add_chart("matrix", mcells, [(p, b.principle(p)) for p in principles], actors,
                               accent=b.accent))
    return out


def stance_rows(b: Builder, ps: list[Position]) -> list[Row]:
    """One row per stance: its actors (most evidence first), one note citing each deciding passage."""
    rows = []
    for stance in sorted({p.stance for p in ps}, key=lambda s: STANCE_ORDER.get(s, 9)):
        mine = sorted((p for p in ps if p.stance == stance), key=lambda p: (-len(p.evidence), p.actor))
        actors = list(dict.fromkeys(p.actor for p in mine))
        named = actors[:CAP_STANCE_NAMES]
        text = join_list(named) if len(actors) == len(named) else \
            ", ".join(named) + f" and {len(actors) - len(named)} others"
        first = [next(p for p in mine if p.actor == a) for a in named]
        rows.append(Row((Cell((Span(b.stance_label(mine[0].question, stance)),), style=f"stance stance-{stance}"),
                         Cell((Span(text), b.cite_all([(p.doc, p.anchor) for p in first])))),
                        finding=mine[0].id))
    return rows


def telling(statements: list[Statement]) -> list[Statement]:
    """The most telling statements on a question, CAP_QUOTES at most, one per actor: a named person
    speaking for a state or organisation, taking a stance, invoking a principle, in a quotable length;
    each stance heard before any is heard twice."""
    def score(s: Statement) -> tuple:
        words = len((s.key or s.text).split())
        return (-(2 * s.person + 2 * (s.stance is not None) + bool(s.principles) + (s.kind == "direct")
                  + (10 <= words <= 45)), s.id)
    ranked = sorted((s for s in statements if s.actor and (s.speaker or s.actor)), key=score)
    out: list[Statement] = []
    actors: set[str] = set()
    for rnd in range(2):
        stances = {x.stance for x in out}
        for s in ranked:
            if len(out) == CAP_QUOTES:
                return out
            if s.actor in actors or (rnd == 0 and s.stance in stances):
                continue
            out.append(s)
            actors.add(s.actor)
            stances.add(s.stance)
    return out


def said_quote(b: Builder, s: Statement) -> Quote:
    who = s.speaker if s.speaker and s.person else None
    head = f"{who}, {s.actor}" if who and who != s.actor else (s.actor or s.speaker or "")
    if s.speaker and not s.person and s.speaker != s.actor:
        head = f"{s.actor} ({s.speaker})"
    bits = [b.stance_label(s.question, s.stance)] if s.stance else []
    if s.principles:
        bits.append("invokes " + join_list([b.principle(p).lower() for p in s.principles if p not in s.violated])
                    if any(p not in s.violated for p in s.principles) else "")
        if s.violated:
            bits.append("accuses others of violating " + join_list([b.principle(p).lower() for p in s.violated]))
    bits = [x for x in bits if x]
    text = head + (" — " + "; ".join(bits) if bits else "")
    return Quote(text=s.key or s.text, attribution=(Span(text), b.cite(s.doc, s.anchor)), finding=s.id, kind="said")


def position_row(b: Builder, p: Position, with_question: bool = False) -> Row:
    cells = [Cell((Span(p.actor),))]
    if with_question:
        cells.append(Cell((Span(b.question(p.question)),)))
    cells.append(Cell((Span(b.stance_label(p.question, p.stance)),), style=f"stance stance-{p.stance}"))
    if not with_question:
        cells.append(Cell((Span(", ".join(b.principle(x) for x in p.principles) or "—"),)))
    cells.append(Cell((Span(p.quote, "quote"), b.cite(p.doc, p.anchor)), style="quote"))
    return Row(tuple(cells), finding=p.id)
