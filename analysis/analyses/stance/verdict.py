"""cue_scores' weights -> one stance for a statement (`verdict`), and the sentence that carries it
(`key_sentence`): what a brief quotes when space is short."""
from __future__ import annotations

from ...model.findings import Statement
from ..text import sentences
from .cues import INDIRECT

MIXED_RATIO = 0.34
"""Both sides count as mixed when the weaker has at least this share of the stronger."""


def verdict(scores: dict[str, float]) -> str | None:
    s, o, n = scores["support"], scores["oppose"], scores["neutral"]
    if s == o == n == 0:
        return None
    if s and o and min(s, o) / max(s, o) >= MIXED_RATIO and min(s, o) >= 1:
        return "mixed"
    if n >= max(s, o) and n > 0:
        return "neutral"
    return "support" if s > o else "oppose" if o > s else ("neutral" if n else "mixed")


def _direct_first(scores: dict[str, float], stance: str) -> float:
    return scores[stance] - 0.9 * scores.get(INDIRECT.get(stance, ""), 0.0)


def key_sentence(st: Statement, stance: str | None, score) -> str:
    """The sentence that carries the statement's stance, else its first quotation, else its first."""
    sents = [x.text for x in sentences(st.text)]
    if len(sents) <= 1:
        return st.text
    if stance in ("support", "oppose", "neutral"):
        # each sentence scored once; a sentence with a stance word on the act before one that only
        # condemns a bad thing ("illegal drug trafficking threatens ...")
        weights = [_direct_first(score(t), stance) for t in sents]
        i = max(range(len(sents)), key=weights.__getitem__)  # the first of equals, as max() gives
        if weights[i] > 0:
            return sents[i]
    for t in sents:
        if "\u201c" in t or '"' in t:
            return t
    return sents[0]

