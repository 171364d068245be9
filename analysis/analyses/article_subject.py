"""Document -> the state an article is about; a sentence whose subject is "it" -> whether "it" is that state.

An encyclopaedia article on a country's foreign relations says "In 1993, it established relations
with ..." of the country itself. "It" is read as the country only where the antecedent is sure:
the article is about that state (its title says so, or the state is named far more than any other),
and every sentence before it in the paragraph has that state, or an "it" already read as the
state, as its subject ("Estonia signed a treaty. It entered into force" breaks the chain at once:
"it" after a sentence whose subject is the state is the state, so the chain needs the whole run).
"""
from __future__ import annotations

import re

from ..actors import Gazetteer
from ..model.document import Document

_TITLE = re.compile(r"(?i)\b(?:foreign|international|external|diplomatic)\s+(?:relations|policy|affairs)\s+of\s+"
                    r"(?:the\s+)?(?P<x>.+)$|^(?P<y>.+?)['\u2019]s?\s+(?:foreign|international|external)\s+"
                    r"(?:relations|policy)\b")
_LEAD = re.compile(r"\s*(?:(?:[Ii]n|[Ss]ince|[Ff]rom|[Aa]fter|[Bb]y|[Dd]uring|[Uu]ntil|[Ff]ollowing|[Bb]etween|[Bb]efore|"
                   r"[Aa]t|[Oo]n|[Mm]ore\s+recently|[Rr]ecently|[Tt]oday|[Ll]ater|[Hh]owever|[Mm]eanwhile|[Tt]hen)\b"
                   r"[^,.;:]{0,60},\s*)*")
_IT = re.compile(r"(?:[Ii]t|[Tt]he\s+country)\s+(?:also\s+|later\s+|then\s+|has\s+since\s+|has\s+also\s+)?")
_DOMINANT_RATIO = 4
_DOMINANT_MIN = 15


def subject_state(doc: Document, gaz: Gazetteer) -> str | None:
    """The state the document is about: named in a foreign-relations title, or named far more often
    than any other state (four times the next one, and often): a news story names its other side
    more often than that."""
    m = _TITLE.search(doc.title or "")
    if m:
        found = [x for x in gaz.find(m.group("x") or m.group("y")) if gaz.is_state(x.name)]
        if len(found) == 1:
            return gaz.speaks_for(found[0].name) or found[0].name
    counts: dict[str, int] = {}
    for p in doc.passages():
        for x in gaz.find(p.text):
            if gaz.is_state(x.name):
                name = gaz.speaks_for(x.name) or x.name
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= _DOMINANT_MIN and n >= _DOMINANT_RATIO * second else None


def _subject_kind(sentence: str, state: str, gaz: Gazetteer) -> str:
    """"state" when the sentence opens (after adverbials) with the state's name alone, "it" when
    with "it", "" otherwise ("Estonia and Finland signed", "Latvia borders ...")."""
    rest = sentence[_LEAD.match(sentence).end():]
    if _IT.match(rest):
        return "it"
    found = gaz.find(rest)
    if found and found[0].start == 0 and (gaz.speaks_for(found[0].name) or found[0].name) == state \
            and found[0].via in ("name", "alias") and not re.match(r"\s*(?:,|and\b|or\b|['\u2019]s\b)", rest[found[0].end:]):
        return "state"
    return ""


def it_is_subject_state(text: str, start: int, verb_start: int, state: str, gaz: Gazetteer,
                        sentence_starts: list[int]) -> bool:
    """The words from `start` to the verb are adverbials and "it", and the sentences of the paragraph
    before it (beginning at `sentence_starts`) each have the state, or "it" after it, as subject."""
    head = text[start:verb_start]
    lead = _LEAD.match(head).end()
    if not _IT.fullmatch(head[lead:]):
        return False
    before = [s for s in sentence_starts if s < start]
    if not before:
        return False
    kinds = [_subject_kind(text[a:b], state, gaz) for a, b in zip(before, before[1:] + [start])]
    return kinds[0] == "state" and all(k in ("state", "it") for k in kinds)
