"""Precedent arguments: the network of cases and the claims quoted, grouped by relation (the rest to the annex)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from ..charts import network as network_chart
from ..model.brief import Block, Cell, Heading, Para, Quote, Row, Span
from ..model.findings import Precedent
from .caps import CAP_NETWORK_CASES, CAP_PRECEDENT_QUOTES
from .commentary import commentary
from .confidence import none_sure
from .labels import RELATION_TITLES, humanise, plural, slug
from .numbering import Builder


def precedents(b: Builder, author: Mapping[str, str], annex: list) -> list[Block]:
    f = b.findings
    out: list[Block] = commentary(author, "precedents")
    if not f.precedents:
        return out + [none_sure(b, ("precedents",), "No precedent claims were found in the sources.",
                                "precedent claim", "precedent claims")]
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
    tally = ", ".join(plural(counts[r], {"analogy": "analogy", "denial": "denial", "warning": "warning"}[r],
                              {"analogy": "analogies"}.get(r)) for r in RELATION_TITLES if counts[r])
    out.append(Para((Span(f"The sources make {plural(len(f.precedents), 'precedent claim')} ({tally}) about "
                          f"{plural(len(cases), 'case')}. "), ref,
                     Span(" maps them; each claim is quoted below, grouped by relation."))))
    chart = b.add_chart("network", drawn_cases, claims, accent=b.accent)
    rest: list[Precedent] = []
    for relation in (*RELATION_TITLES, *sorted(set(counts) - set(RELATION_TITLES))):
        ps = sorted((p for p in f.precedents if p.relation == relation),
                    key=lambda p: (b.doc_rank(p.doc), p.anchor))
        if not ps:
            continue
        out.append(Heading(f"precedents-{slug(relation)}", 2, RELATION_TITLES.get(relation, humanise(relation))))
        for p in ps[:CAP_PRECEDENT_QUOTES]:
            out.append(precedent_quote(b, p))
        if len(ps) > CAP_PRECEDENT_QUOTES:
            out.append(Para((Span(f"The first {CAP_PRECEDENT_QUOTES} of {len(ps)}; the rest are listed in the "
                                  "annex."),), kind="note"))
            rest.extend(ps[CAP_PRECEDENT_QUOTES:])
        if chart not in out:  # after the first group of quotes: text fills the page the section starts on
            out.append(chart)
    if chart not in out:
        out.append(chart)
    if rest:
        annex.append(("precedents", rest))
    return out


RELATION_LINKS = {"analogy": "likened to", "denial": "distinguished from", "warning": "may become like"}
"""How a precedent claim links its case to the precedent, in a sentence."""
PRECEDENT_COLUMNS = [("Claimant", 0.18), ("Claim", 0.26), ("In the source's words", 0.48), ("Src.", 0.08)]


def precedent_row(b: Builder, p: Precedent) -> Row:
    link = RELATION_LINKS.get(p.relation, p.relation)
    return Row((Cell((Span(p.claimant or p.actor or "Unattributed"),)),
                Cell((Span(f"{p.subject} {link} {p.precedent}"),)),
                Cell((Span(p.text, "quote"), b.cite(p.doc, p.anchor)), style="quote"),
                Cell((Span(b.key(p.doc)),), style="key")), finding=p.id)


def precedent_quote(b: Builder, p: Precedent) -> Quote:
    who = p.claimant or p.actor or "Unattributed"
    if p.actor and p.claimant and p.actor != p.claimant:
        who = f"{p.claimant} ({p.actor})"
    link = RELATION_LINKS.get(p.relation, p.relation)
    head = f"{who} — {p.subject} {link} {p.precedent}"
    return Quote(text=p.text, attribution=(Span(head[:1].upper() + head[1:]), b.cite(p.doc, p.anchor)),
                 finding=p.id, kind=p.relation)
