"""Executive summary: the author's summary first when given, then the argument written from the sure
findings (argument.claims), 150-350 words, every sentence with one note citing what it rests on."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..analyses.across import Across
from ..model.brief import Block, Para, Span
from ..model.document import Document
from .argument import Claim, claims
from .commentary import commentary
from .numbering import Builder

MAX_WORDS = 350
PARAGRAPHS = (("division", 9, "disagreement", 2), ("tension", 2, "precedent", 3), ("threshold", 2, "silence", 1))
"""The summary's paragraphs: (kind, most sentences of it, kind, most sentences) in reading order."""


def words(text: str) -> int:
    return len(text.split())


def summary(b: Builder, documents: Sequence[Document], author: Mapping[str, str], across: Across) -> list[Block]:
    out: list[Block] = commentary(author, "summary")
    found = claims(b, across)
    budget = MAX_WORDS
    for kind_a, cap_a, kind_b, cap_b in PARAGRAPHS:
        chosen: list[Claim] = []
        for kind, cap in ((kind_a, cap_a), (kind_b, cap_b)):
            for c in found.get(kind, [])[:cap]:
                if words(c.sentence) <= budget:
                    chosen.append(c)
                    budget -= words(c.sentence)
        if chosen:
            parts = []
            for i, c in enumerate(chosen):
                sentence = c.sentence[:1].upper() + c.sentence[1:]  # "a Kazakh diplomat warns ..." opens one
                parts += [Span(("" if i == 0 else " ") + sentence), b.cite_all(c.places)]
            out.append(Para(tuple(parts), finding=chosen[0].finding))
    if len(out) == len(commentary(author, "summary")):
        out.append(Para((Span(f"The {len(documents)} sources yielded no finding the analysis is sure of; "
                              "the annex lists what it found with less confidence."),), kind="empty"))
    return out
