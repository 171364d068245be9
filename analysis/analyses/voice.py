"""Document -> the voice its own "we" speaks in: a press release's organisation, or None.

An organisation's own release says "we" and "our case" outside any quotation; its publisher,
or the organisation named as the subject of its opening sentences ("Today the X Foundation
has ..."), is who speaks. A news article that only quotes others' "we" has no voice.
"""
from __future__ import annotations

import re

from ..actors import Gazetteer
from ..model.document import Document
from .attribution import Speaker
from .speech import Segment, segments
from .text import quotations

_WE_SUBJECT = re.compile(r"^\W*(?:(?:today|now|meanwhile|in the meantime|however|also|earlier today|as always)\W+|"
                         r"(?:with|after|following|since|in|on|at|from|by|under|through|despite|until)\s+[^,;:.\u201c\"]{1,60},\s+)?"
                         r"(?:we|our\s+[\w-]+(?:\s+[\w-]+)?)\b", re.IGNORECASE)
"""The writer's own "we" / "our X" opening the sentence, after at most an adverb or one opening
phrase ("With the ruling today, our editors ...")."""


_WE = re.compile(r"\W*(?:[A-Z]\w+(?:\s+\w+){0,2},\s+)?[Ww]e\b")


_VOICE = re.compile(r"(?:^|[.!?]\s+)(?:[A-Z][\w,]*\s+){0,6}?(?:the\s+)?(?P<org>(?:[A-Z][\w'\u2019&-]+\s+){1,5})"
                    r"(?:has|have|is|welcomes|welcomed|announced|announces|said|says|today)\b")


def first_person_subject(text: str, seg: Segment) -> bool:
    """The segment's subject is the writer's own "we" / "our X", outside any quotation."""
    return bool(_WE_SUBJECT.match(text[seg.start:seg.end])) and not seg.quotes


def own_voice(doc: Document, gaz: Gazetteer) -> Speaker | None:
    """The organisation a press release speaks as ("we", "our case"): its publisher, else the
    organisation named as the subject of its opening sentences; None when the text never says "we"."""
    blocks = [b for b in doc.blocks if b.kind == "paragraph"][:4]
    if not any(first_person_subject(b.text, sg) and _WE.match(b.text, sg.start) for b in blocks
               for sg in segments(b.text, quotations(b.text, b.emphasis))):
        return None  # no "we" of its own outside quotations: a report about others
    if doc.publisher:
        found = gaz.find(doc.publisher)
        actor = (gaz.speaks_for(found[0].name) or found[0].name) if found else doc.publisher
        return Speaker(name=None, actor=actor, via="publisher")
    heads = set(data_heads())
    for b in blocks:
        for m in _VOICE.finditer(b.text):
            words = m.group("org").split()
            if words and words[-1] in heads:
                return Speaker(name=None, actor=" ".join(words), via="publisher")
    return None


def data_heads() -> list[str]:
    """Organisation name endings ("Foundation", "Institute"), without the state bodies."""
    from ..lexicons import data
    return [h for h in data("titles").get("organisation_heads", []) if h not in ("Government", "Ministry", "Office")]
