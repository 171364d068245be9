"""Across the documents: principles by document, shared actors, recurring cases, same-measure figures."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from ..analyses.across import Across
from ..model.brief import Block, Cell, Heading, Inline, Para, Row, Span
from .caps import CAP_ACROSS_ROWS, CAP_DOC_KEYS, CAP_PANEL_ROWS, OTHERS
from .commentary import commentary
from .labels import capitalise, figure_value, plural
from .numbering import Builder


def across_docs(b: Builder, across: Across, author: Mapping[str, str]) -> list[Block]:
    """The cross-document tables; a part with nothing to show is one sentence in a closing note, not a heading."""
    blocks = tables(b, across, author)
    out: list[Block] = []
    empty: list[str] = []
    for i, blk in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(blk, Heading) and isinstance(nxt, Para) and nxt.kind == "empty":
            continue
        if isinstance(blk, Para) and blk.kind == "empty" and i and isinstance(blocks[i - 1], Heading):
            empty.append(blk.parts[0].text)
            continue
        out.append(blk)
    if empty:
        out.append(Para((Span(" ".join(empty)),), kind="note"))
    return out


def tables(b: Builder, across: Across, author: Mapping[str, str]) -> list[Block]:
    out: list[Block] = commentary(author, "across")
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
        # Shares, not counts: a long source invokes every principle more often than a short one.
        totals_doc: Counter = Counter()
        for (d, _), v in counts.items():
            totals_doc[d] += v
        drawn_counts = {k: round(100 * v / totals_doc[k[0]], 1) for k, v in counts.items() if totals_doc[k[0]]}
        label = {OTHERS: f"others · {plural(len(pooled), 'other document')}"}
        fref = b.peek_figure()
        out.append(Para((fref, Span(" compares the sources by the share of their principle-invoking statements "
                                    "that invoke each principle."),)))
        out.append(b.add_chart(
            "principles", [(p, b.principle(p)) for p in top[:5]], [(d, label.get(d) or b.keyed(d)) for d in series_],
            drawn_counts, accent=b.accent, share=True))
    else:
        out.append(Para((Span("No statement in the sources invokes a principle."),), kind="empty"))

    # Shared actors.
    out.append(Heading("across-actors", 2, "Actors in more than one document"))
    compared = [a for a in across.actors if a.agrees is not None]
    if across.actors and not compared:
        out.append(Para((Span(f"{plural(len(across.actors), 'actor')} appear in more than one source, but no "
                              "source records a stance of theirs on a question another source also records, so "
                              "none is compared."),), kind="empty"))
    elif across.actors:
        ref = b.peek_table()
        agree = sum(1 for a in across.actors if a.agrees is True)
        differ = sum(1 for a in across.actors if a.agrees is False)
        out.append(Para((ref, Span(f" lists the {plural(len(compared), 'actor')} whose stance on the same question "
                                   f"more than one source records; {agree} keep the same stance, {differ} do not."))))
        rows = []
        ranked = sorted(compared, key=lambda a: -len(a.docs))[:CAP_ACROSS_ROWS]
        for a in [a for a in compared if a in ranked]:
            stance_parts: list[Inline] = []
            for i, s in enumerate(a.stances[:6]):
                pos = b.positions.get(s.position)
                if i:
                    stance_parts.append(Span("; "))
                stance_parts.append(Span(f"{b.key(s.doc)}: {b.stance_label(s.question, s.stance)} "
                                         f"({b.question(s.question).rstrip('.')})"))
                if pos:
                    stance_parts.append(b.cite(pos.doc, pos.anchor))
            if not stance_parts:
                stance_parts = first_mentions(b, a.actor, a.docs)
            verdict = {True: "agree", False: "differ", None: "not compared"}[a.agrees]
            rows.append(Row((Cell((Span(a.actor),)), Cell((Span(b.keys_of(a.docs)),), style="key"),
                             Cell(tuple(stance_parts)), Cell((Span(verdict),), style=f"stance verdict-{verdict.split()[0]}")),
                            finding=(a.stances[0].position if a.stances else None) or f"actor:{a.actor}"))
        out.append(b.table("Actors present in more than one document",
                           [("Actor", 0.18), ("Sources", 0.12), ("Positions, source by source", 0.54),
                            ("Stances", 0.16)], rows, note=across_note(len(rows), len(compared), "actors")))
    else:
        out.append(Para((Span("No actor appears in more than one document."),), kind="empty"))

    # Recurring cases.
    out.append(Heading("across-cases", 2, "Cases that recur"))
    if across.cases:
        ref = b.peek_table()
        crossing = sum(1 for c in across.cases if c.crosses)
        out.append(Para((ref, Span(f" lists {plural(len(across.cases), 'case')} named in the precedent claims of "
                                   f"more than one document; {crossing} "
                                   f"{'is' if crossing == 1 else 'are'} argued about in one source and invoked "
                                   "as a precedent in another."))))
        rows = []
        ranked_cases = sorted(across.cases, key=lambda c: -len({m.doc for m in c.mentions}))[:CAP_ACROSS_ROWS]
        for c in [c for c in across.cases if c in ranked_cases]:
            # One note per cell: the claims named in it, each source's claimants once.
            names: dict[str, list[str]] = {"subject": [], "precedent": []}
            places: dict[str, list[tuple[str, str]]] = {"subject": [], "precedent": []}
            extra = Counter()
            for m in sorted(c.mentions, key=lambda m: m.role != "subject"):
                p = b.precedents.get(m.precedent)
                if len(names[m.role]) >= CAP_DOC_KEYS:
                    extra[m.role] += 1
                    continue
                who = (p.claimant or p.actor) if p else None
                entry = f"{b.key(m.doc)}" + (f" ({who})" if who else "")
                if entry not in names[m.role]:
                    names[m.role].append(entry)
                if p:
                    places[m.role].append((p.doc, p.anchor))
            cols: dict[str, list[Inline]] = {}
            for role in ("subject", "precedent"):
                text = "; ".join(names[role]) + (f"; and {extra[role]} more" if extra[role] else "")
                cols[role] = ([Span(text)] + ([b.cite_all(places[role])] if places[role] else [])) if text else []
            rows.append(Row((Cell((Span(c.case),)), Cell(tuple(cols["subject"]) or (Span("—"),)),
                             Cell(tuple(cols["precedent"]) or (Span("—"),)),
                             Cell((Span("yes" if c.crosses else "no"),))),
                            finding=c.mentions[0].precedent))
        out.append(b.table("Cases named in more than one document",
                           [("Case", 0.22), ("Argued about in", 0.32), ("Invoked as precedent in", 0.32),
                            ("Crosses over", 0.14)], rows, note=across_note(len(rows), len(across.cases), "cases")))
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
                rows.append(Row((Cell((Span(capitalise(m.measure)),)), Cell((Span(b.key(x.doc)),), style="key"),
                                 Cell((Span(x.subject or "—"),)),
                                 Cell((Span(x.text, "quote"), b.cite(x.doc, x.anchor)), style="quote"),
                                 Cell((Span(figure_value(x) or "—"),), style="num")), finding=x.id))
        out.append(b.table("Figures on the same measure in different documents",
                           [("Measure", 0.16), ("Src.", 0.08), ("Subject", 0.22), ("As written", 0.34),
                            ("Value", 0.2, "right")], rows,
                           note=across_note(len(rows), sum(len(m.figures) for m in across.measures), "figures")))
    else:
        out.append(Para((Span("No measure is given a figure in more than one document."),), kind="empty"))
    return out


def across_note(shown: int, total: int, what: str) -> str | None:
    if shown >= total:
        return None
    return (f"The {shown} {what} shared by the most documents, of {total}; every statement, position, figure "
            "and precedent claim is in findings.json and the CSV export.")


def first_mentions(b: Builder, actor: str, docs: Sequence[str]) -> list[Inline]:
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
