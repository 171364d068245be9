"""A document and findings read from it -> the same findings, those read from words the source
itself flags as unsourced ("[citation needed]") marked so: basis ``source-marks-unsourced`` and
confidence at most medium, so the brief's body does not state them and the annex says why."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence, TypeVar

from ..model.document import Document

T = TypeVar("T")
RULE = "source-marks-unsourced"
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s")


def flag_unsourced(doc: Document, items: Sequence[T]) -> tuple[T, ...]:
    blocks = {b.anchor: b for b in doc.blocks if b.unsourced}
    if not blocks:
        return tuple(items)
    out = []
    for x in items:
        b = blocks.get(getattr(x, "anchor", None))
        where = _where(x, b.text) if b is not None else None
        if where is not None and any(_flags(b.text, where, mark) for mark in b.unsourced):
            x = replace(x, confidence="medium" if x.confidence == "high" else x.confidence,
                        basis=tuple(x.basis) + (RULE,))
        out.append(x)
    return tuple(out)


def _where(x, text: str) -> tuple[int, int] | None:
    span = getattr(x, "span", None)
    if span is not None:
        return span.start, span.end
    if isinstance(getattr(x, "start", None), int) and isinstance(getattr(x, "end", None), int):
        return x.start, x.end
    words = getattr(x, "quote", None) or getattr(x, "text", None)
    i = text.find(words) if words else -1
    return (i, i + len(words)) if i >= 0 else None


def _flags(text: str, where: tuple[int, int], mark: int) -> bool:
    """The tag at `mark` flags the sentence it closes: the finding starts before it, and no sentence
    ends between the finding and the tag."""
    start, end = where
    return start < mark and not _SENTENCE_END.search(text, min(end, mark), mark)


__all__ = ["RULE", "flag_unsourced"]
