"""Key findings: the claims of the argument that matter most (argument.rank: actors involved, sources
agreeing, contradiction), one line each with one note."""
from __future__ import annotations

from ..analyses.across import Across
from ..model.brief import Block, BulletList, ListItem, Para, Span
from .argument import claims, rank
from .caps import CAP_KEY_FINDINGS
from .numbering import Builder


def key_findings(b: Builder, across: Across) -> list[Block]:
    ranked = [c for c in rank(claims(b, across)) if c.bullet][:CAP_KEY_FINDINGS]
    if not ranked:
        return [Para((Span("The sources yielded no findings to summarise."),), kind="empty")]
    return [BulletList(tuple(ListItem((Span(c.bullet[:1].upper() + c.bullet[1:]), b.cite_all(c.places)),
                                      finding=c.finding) for c in ranked),
                       kind="key")]
