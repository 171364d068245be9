"""Key findings: the short list at the front, each item citing the findings it states."""
from __future__ import annotations

from collections import defaultdict

from ..analyses.across import Across
from ..model.brief import Block, BulletList, Cite, Inline, ListItem, Para, Span
from ..model.findings import Position
from .caps import CAP_KEY_FINDINGS
from .figures import threshold_comparisons
from .labels import STANCE_WORDS, VERDICT_WORDS, join_list, plural
from .numbering import Builder


def key_findings(b: Builder, across: Across) -> list[Block]:
    f = b.findings
    items: list[ListItem] = []

    # 1. Each question: who supports, who opposes.
    by_q: dict[str, list[Position]] = defaultdict(list)
    for p in f.positions:
        by_q[p.question].append(p)
    q_order = [q.id for q in b.config.questions if q.id in by_q] + sorted(set(by_q) - {q.id for q in b.config.questions})
    for qid in q_order[:3]:
        ps = by_q[qid]
        sup = dedupe_actors([p for p in ps if p.stance == "support"])
        opp = dedupe_actors([p for p in ps if p.stance == "oppose"])
        if not sup and not opp:
            continue
        parts: list[Inline] = [Span(f"{b.question(qid).rstrip('.')}: ")]
        clauses = []
        if sup:
            clauses.append((f"{plural(len(sup), 'actor')} support" + ("s" if len(sup) == 1 else ""), sup))
        if opp:
            clauses.append((f"{plural(len(opp), 'actor')} oppose" + ("s" if len(opp) == 1 else ""), opp))
        for i, (head, ps_) in enumerate(clauses):
            if i:
                parts.append(Span(", while " if len(clauses) == 2 else " and "))
            names = [p.actor for p in ps_[:3]] + ([f"{len(ps_) - 3} more"] if len(ps_) > 3 else [])
            parts.append(Span(f"{head} ({join_list(names)})"))
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
    for comp in threshold_comparisons(b)[:2]:
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
                      f"{plural(count, 'statement')} in {plural(len(uses), 'document')}")]
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


def dedupe_actors(ps: list[Position]) -> list[Position]:
    seen, out = set(), []
    for p in sorted(ps, key=lambda p: (-len(p.evidence), p.actor)):
        if p.actor not in seen:
            seen.add(p.actor)
            out.append(p)
    return out
