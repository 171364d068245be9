"""Document -> its letter parts: who writes each letter (the state or organisation it speaks
for, the signatory) and where its heading and formulas are; empty when the document is no letter.
An adopted resolution ("The Security Council, Recalling ...") is one part: the organ's words;
so is an address ("Address by H.E. Jane Doe, President of Utopia, at the General Debate"): the
speaker's, for her state, throughout.

A letter from a state's representative ("Letter dated ... from the Permanent Representative
of X ... addressed to the President of the Security Council", "I have the honour to ...",
"(Signed) Jane Doe, Permanent Representative of X") speaks for that state throughout: every
sentence of its body is the state's statement unless it reports someone else's words. An
annex with its own heading ("Letter dated ... from the Minister for Foreign Affairs of X")
starts a new part with its own writer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..actors import STATE_KINDS, Gazetteer
from ..lexicons import pattern
from .attribution import is_title, title_patterns

_DATE = r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2},?)\s+\d{4}"
_ORGAN = r"(?:Council|Assembly|Committee|Commission|Conference|Court|Board|Secretary-General|Nations)"
_ADDRESSEE = (r"(?:the\s+|all\s+)?(?:President|Chair(?:man|person)?|Secretary-General|[Mm]embers?)\b"
              r"(?:\s+of\s+the(?:\s+[A-Z][\w'\u2019-]*){0,3}?\s+" + _ORGAN + r")?")
HEADING = re.compile(
    r"(?:Annex\s+(?:[IVX]+\s+)?to\s+the\s+(?:identical\s+)?letters?\s+dated\s+" + _DATE + r"\s+from\s+.{3,300}?"
    r"\s+addressed\s+to\s+" + _ADDRESSEE + r"(?:\s+and\s+" + _ADDRESSEE + r")?\s*)?"
    r"(?:Identical\s+l|L)etters?\s+dated\s+" + _DATE + r"\s+from\s+(?P<sender>.{3,300}?)"
    r"\s+addressed\s+to\s+" + _ADDRESSEE + r"(?:(?:\s*,\s*|\s+and\s+)" + _ADDRESSEE + r"){0,3}", re.DOTALL)
"""A UN-style letter heading, an annex heading before it included; `sender` is who writes."""
_ANNEX_ONLY = re.compile(r"Annex\s+(?:[IVX]+\s+)?to\s+the\s+(?:identical\s+)?letters?\s+dated\s+" + _DATE +
                         r"\s+from\s+(?P<sender>.{3,300}?)\s+addressed\s+to\s+" + _ADDRESSEE +
                         r"(?:\s+and\s+" + _ADDRESSEE + r")?", re.DOTALL)
_HONOUR = re.compile(r"\b(?:I|We)\s+have\s+the\s+honou?r\s+to\b")
_SIGNED = re.compile(r"\(Signed\)\s+")
_OF_NAME = re.compile(r"(?:Representatives?|Missions?|Minister[\w\s]{0,40}?|Ambassador|Government|Chargés?\s+d\S+"
                      r"(?:\s+a\.\s?i\.)?)\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w'\u2019-]+(?:\s+(?:of\s+)?[A-Z][\w'\u2019-]+)*)")
_SENDER_BEFORE = re.compile(r"(?:\bof|,|\band)\s+(?:the\s+)?$")
_TO_BEFORE = re.compile(r"(?i)\bto\s+(?:the\s+)?$")
_NUMBERING = re.compile(r"^\s*(?:\d{1,3}\.|\([a-z0-9]{1,3}\)|[a-z]\)|[\u2022\u2013-])\s*$")


@dataclass(frozen=True, slots=True)
class LetterPart:
    """One letter of a document (a covering letter, an annex letter), from its heading on."""

    passage: int
    """Index in ``doc.passages()`` of the passage the part begins in."""
    start: int
    """Offset of the heading (or of the first sentence when there is none) in that passage."""
    body: int
    """Offset just past the heading: the letter's own words start here."""
    actor: str | None
    """The state or organisation the letter speaks for."""
    speaker: str | None
    """The signatory (or signatories), where the part is signed."""
    joint: bool = False
    """Several senders and no group the gazetteer knows: the actor names them all ("A, B and C")."""
    kind: str = "letter"
    """``letter``, ``speech`` (an address: the speaker's throughout, but for the words it reports),
    or ``resolution`` (every paragraph is the adopting organ's, none reports another)."""


def _senders(sender: str, gaz: Gazetteer) -> list[str]:
    """The states a heading's sender phrase names, in order ("to the United Nations" says where
    the sender sits, not for whom it writes); a state the gazetteer lacks, named after a
    representative's title, as written."""
    found = []
    for m in gaz.find(sender):
        if _TO_BEFORE.search(sender[max(0, m.start - 12):m.start]):
            continue
        if m.kind in STATE_KINDS and m.via != "adjective" and \
                not _SENDER_BEFORE.search(sender[max(0, m.start - 12):m.start]):
            continue  # "the Panel of Experts on the Sudan": what the sender works on, not whom it speaks for
        name = gaz.speaks_for(m.name) or m.name
        if name not in found:
            found.append(name)
    states = [n for n in found if gaz.entry(n).get("kind") in STATE_KINDS]
    if states or any(True for _ in gaz.find(sender)):
        # a panel, a committee or an organ transmitting a report is no state's voice
        return states
    m = _OF_NAME.search(sender)  # a state the gazetteer lacks, named as written
    return [m.group("name")] if m else []


def _group(states: list[str], gaz: Gazetteer, text: str) -> str | None:
    """The group the gazetteer knows whose members are exactly these states, when the text names it."""
    want = set(states)
    for m in gaz.find(text):
        members = gaz.entry(m.name).get("members") or ()
        if members and set(members) == want:
            return m.name
    return None


def _signatory(text: str, at: int) -> str | None:
    """The name after "(Signed)": capitalised words up to the first title."""
    titles, _ = title_patterns()
    words = []
    for m in re.finditer(r"\S+", text[at:at + 120]):
        w = m.group()
        rest = text[at + m.start():]
        if not w[:1].isupper() or is_title(w.strip(",")) or titles.match(rest) or w.startswith("(") \
                or w.strip(",") in _modifiers():
            break
        words.append(w.strip(","))
        if w.endswith(","):
            break
    return " ".join(words) if len(words) >= 2 else None


def _modifiers() -> frozenset[str]:
    from ..lexicons import data
    return frozenset(data("titles").get("role_modifiers", []))


def _join(names: list[str]) -> str | None:
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_RESOLUTION = re.compile(r"\b[Tt]he\s+(?P<organ>(?:[A-Z][\w-]+\s+){0,4}(?:Council|Assembly|Committee|Commission|"
                         r"Conference|Board)),\s+(?:[A-Z][a-z]+ing|Having|Deeply|Gravely|Concerned|Alarmed|Guided|"
                         r"Mindful|Determined|Convinced|Aware)\b")
_DRAFT = re.compile(r"(?i)\bdraft\s+resolution\b|\bamendments?\s+to\b")


_ADOPTED = re.compile(r"\bAdopted\s+by\s+the\b|/RES/")


def resolution_part(passages, gaz: Gazetteer, title: str | None = None) -> LetterPart | None:
    """An adopted resolution: "Adopted by the Security Council ... The Security Council,
    Recalling ..." near the start; a draft, an amendment or a text not said to be adopted is none."""
    texts = [p.text for p in passages[:6]]
    for i, text in enumerate(texts):
        # "The Security Council," may stand on a line of its own, its first participle on the next
        joined = text + " " + texts[i + 1] if i + 1 < len(texts) and text.rstrip().endswith(",") else text
        m = _RESOLUTION.search(joined)
        if m is None or m.start() >= len(text):
            continue
        if any(_DRAFT.search(t) for t in texts[:i + 1]) or \
                not any(_ADOPTED.search(t) for t in texts[:i + 1] + [title or ""]):
            return None  # a draft or an amendment: the sponsor's proposal, not the organ's words
        found = gaz.find(m.group("organ"))
        if not found:
            return None
        actor = gaz.speaks_for(found[-1].name) or found[-1].name
        return LetterPart(i, m.start(), m.start(), actor, None, kind="resolution")
    return None


_SPEECH = re.compile(r"^\W*(?:Address|Statement|Speech|Remarks|Intervention)\s+(?:delivered\s+|made\s+|given\s+)?by\s+"
                     r"(?P<who>.{3,250}?)(?:,?\s+(?:at|to|during|before|in|on\s+the\s+occasion\s+of)\s+(?:the\s+)?"
                     r"[\u201c\"]?[A-Z0-9]|\s*$)", re.DOTALL)


def speech_part(title: str | None, gaz: Gazetteer, people) -> LetterPart | None:
    """An address whose heading names a person and the state or organisation she speaks for."""
    m = _SPEECH.match(title or "")
    if m is None:
        return None
    from .attribution import resolve_phrase
    who = re.sub(r"\b(?:H\.\s?E\.|(?:His|Her)\s+Excellency)\s*(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?", "", m.group("who"))
    sp = resolve_phrase(who, gaz, people)
    if sp is None or not sp.person or not sp.actor:
        return None  # "Statement by the Chilean President angers Lima": a headline, not an address
    return LetterPart(0, 0, 0, sp.actor, sp.name, kind="speech")


def letter_parts(passages, gaz: Gazetteer, title: str | None = None, people=None) -> tuple[LetterPart, ...]:
    """The letters a document holds, in reading order; () when it is not a letter."""
    resolution = resolution_part(passages, gaz, title)
    if resolution is not None:
        return (resolution,)
    if people is not None:
        speech = speech_part(title, gaz, people)
        if speech is not None:
            return (speech,)
    texts = [p.text for p in passages]
    heads: list[tuple[int, int, int, list[str]]] = []
    for i, text in enumerate(texts):
        for m in HEADING.finditer(text):
            heads.append((i, m.start(), m.end(), _senders(m.group("sender"), gaz)))
        if not any(h[0] == i for h in heads):
            for m in _ANNEX_ONLY.finditer(text):
                heads.append((i, m.start(), m.end(), _senders(m.group("sender"), gaz)))
    if not heads:
        # no heading in the body: a title that is one, or "I have the honour" with a signature
        early = [i for i, t in enumerate(texts[:12]) if _HONOUR.search(t)
                 and sum(1 for u in texts[:i] if len(u.split()) >= 12) <= 2]
        if title and HEADING.search(title):
            senders = _senders(HEADING.search(title).group("sender"), gaz)
            heads.append((0, 0, 0, senders))
        elif early and any(_SIGNED.search(t) for t in texts):
            heads.append((early[0], 0, 0, []))
        else:
            return ()
    elif sum(1 for t in texts[:heads[0][0]] if len(t.split()) >= 12) > 2:
        return ()  # a letter quoted late in a report or article does not make the document a letter
    parts = []
    last_actor: list[str] = []
    for k, (i, s, e, senders) in enumerate(heads):
        nxt = heads[k + 1] if k + 1 < len(heads) else (len(texts), 0, 0, [])
        signed = []
        for j in range(i, min(nxt[0] + 1, len(texts))):
            lo = e if j == i else 0
            hi = nxt[1] if j == nxt[0] else len(texts[j])
            for sm in _SIGNED.finditer(texts[j], lo, hi):
                name = _signatory(texts[j], sm.end())
                if name:
                    signed.append(name)
                    if not senders:  # "(Signed) Jane Doe, Permanent Representative of X"
                        senders = _senders(texts[j][sm.end():sm.end() + 200], gaz)
        senders = senders or last_actor
        last_actor = senders
        actor, joint = (senders[0] if senders else None), False
        if len(senders) > 1:
            group = _group(senders, gaz, " ".join(texts[i:nxt[0] + 1]))
            actor, joint = (group, False) if group else (_join(senders), True)  # all of them, as one voice
        parts.append(LetterPart(i, s, e, actor, _join(signed), joint))
    return tuple(parts)


def part_at(parts: tuple[LetterPart, ...], passage: int, pos: int) -> LetterPart | None:
    """The letter part a position belongs to (the last to begin at or before it)."""
    found = None
    for part in parts:
        if (part.passage, part.start) <= (passage, pos):
            found = part
    return found


def in_heading(parts: tuple[LetterPart, ...], passage: int, start: int, end: int) -> int | None:
    """The end of the heading the span start..end overlaps, or None."""
    for part in parts:
        if part.passage == passage and start < part.body and end > part.start:
            return part.body
    return None


_URL = re.compile(r"(?:https?://|www\.)\S+")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{2,}")
_ENDS_SENTENCE = re.compile(r"[.!?:;\u201d\"'\u2019)]\s*$")


def is_signature(passage: str) -> bool:
    """A passage opening with "(Signed)": the signatory's name, title and mission, no words of the letter."""
    return _SIGNED.match(passage.lstrip()) is not None


def is_formula(sentence: str, whole: bool = False) -> bool:
    """A letter's own machinery (transmission, circulation, signature, numbering), its page
    furniture ("2/5", "25-04853", "*2504853*") or, when it is the `whole` passage, a caption or
    heading without a sentence's end (a sentence cut by a page break keeps its words)."""
    words = _WORD.findall(_URL.sub(" ", sentence))
    if len(words) < 3 or (_URL.search(sentence) and len(words) < 6):
        return True  # page furniture, or a citation line ("Available at https://...")
    if whole and not _ENDS_SENTENCE.search(sentence) and len(words) < 15:
        return True  # a passage of its own without a sentence's end: a caption or a heading
    return bool(_NUMBERING.match(sentence) or pattern("letter_formula").search(sentence))
