"""Statements + positions -> tensions: an actor whose position collides with a principle.

Stated: the text says so ("inconsistent with the principle it champions", "cannot have it
both ways", "contrary to the principle of"). The actor is the cue's own subject ("Utopia
cannot have it both ways", "Utopia's stance is inconsistent"), the one accused ("accused
Utopia of hypocrisy"), or, when the subject is generic ("a government", "it"), the subject
of the sentence before; failing these, the actor the surrounding sentences name most. The
principle is the one the actor is said to champion, else the one named nearby.
Derived: an actor whose act others condemn as a breach of a principle, while its own
statements uphold that principle. Acts that breach a principle by their nature (censorship,
atrocities, conduct said to undermine it): tension_acts.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from ..lexicons import Principle, absent, anchors, lowered, pattern
from ..model.document import Block, Document
from ..model.findings import Position, Statement, Tension
from .principles import invoked
from .tension_acts import acts, conduct
from .tension_parties import KINDS, actor_at, possessor, voice_at
from .text import sentences

_CHAMPION = re.compile(r"(?i)\b(?:champion\w*|defend\w*|support\w*|invok\w*|uph[eo]ld\w*|insist\w*|long\s+\w+ed|"
                       r"promot\w*|advocat\w*|stood\s+for|stands\s+for)\b")
_GENERIC = re.compile(r"(?i)^(?:\W*(?:yet|but|however|so|thus|still|and)\W+)?(?:a|the|this|that|its|their)?\s*"
                      r"(?:government|state|country|authorities|administration|stance|position|policy|"
                      r"decision|move|act|action|step|recognition|it|they|he|she)\b")


def _subject_actor(sent: str, cue: re.Match, gaz, exclude: str | None) -> str | None:
    """The actor the tension cue is said of, from the sentence itself."""
    accused = re.search(r"(?i)\baccus\w+\s+(?P<x>[\w' -]{2,60}?)\s+of\b", sent)
    if accused:
        found = actor_at(accused.group("x"), gaz, exclude)
        if found:
            return found
    before = sent[:cue.start()]
    # the clause the cue stands in: after a speech verb or an opening quotation mark
    before = re.split(r"(?i)\b(?:said|says|stated|argued|added|noted|warned|called)\b|[\"\u201c]", before)[-1]
    poss = re.search(r"(?P<x>[A-Z][\w' -]{1,60}?)['\u2019]s\s+(?:\w+\s+){0,2}?(?:stance|position|policy|decision|"
                     r"conduct|behaviour|behavior|record)\b[^.]*$", before)
    if poss:
        found = actor_at(poss.group("x"), gaz, exclude)
        if found:
            return found
    clause = re.split(r"[;:]|\b(?:that|who|which)\b", before)[-1]
    if _GENERIC.match(clause.strip()):
        return None
    return actor_at(clause, gaz, exclude)


def stated(doc: Document, principles: tuple[Principle, ...], gaz, stmts: Sequence[Statement]) -> list[Tension]:
    """Tensions the text states, read over the document's sentences in order (a charge and the
    principle it refers to may sit in neighbouring paragraphs)."""
    cue_pat = pattern("tension", "stated")
    needs = anchors("tension", "stated")  # a sentence without any of these words skips the regex
    flat = [(p, s) for p in doc.passages() for s in sentences(p.text)]
    out = []
    for i, (passage, sent) in enumerate(flat):
        cue = None if absent(needs, lowered(sent.text)) else cue_pat.search(sent.text)
        if not cue:
            continue
        window = [s for _, s in flat[max(0, i - 3):i + 3]]
        principle = _principle(window, principles, min(i, 3))
        if principle is None:
            continue
        speaker_actor = voice_at(stmts, passage.anchor, sent.start)
        actor, how = _subject_actor(sent.text, cue, gaz, speaker_actor), "cue-subject"
        if actor is None and _GENERIC.match(sent.text.strip()):
            # "A government that ...", "That stance ..."
            actor, how = _earlier_subject(flat, i, gaz, speaker_actor), "earlier-subject"
        if actor is None and isinstance(passage, Block) and passage.role == "table-row" and passage.context:
            found = gaz.find(passage.context)
            actor, how = (found[0].name if found else None), "row-actor"
        if actor is None:
            if principle not in invoked(sent.text[cue.end():cue.end() + _OBJECT_REACH], principles)[0]:
                continue  # "incompatible with our national position": nothing ties a party nearby to a principle
            actor, how = _most_named([s for _, s in flat[max(0, i - 3):i + 1]], gaz, speaker_actor,
                                     principles), "most-named-nearby"
        if actor and _owns_principle(sent.text, actor, principle, principles, gaz):
            continue  # "inconsistent with Utopia's sovereignty": Utopia defends the principle, it breaches nothing
        if actor:
            out.append(Tension(id="", doc=doc.id, actor=actor, principle=principle, text=sent.text,
                               anchor=passage.anchor, confidence=_STATED_CONFIDENCE[how], basis=("stated", how)))
    return out


_OBJECT_REACH = 100
"""How far after a tension cue its object may name the principle ("contrary to the principle of ...")."""

_STATED_CONFIDENCE = {"cue-subject": "high", "row-actor": "high", "earlier-subject": "medium",
                      "most-named-nearby": "low"}
"""How sure a stated tension's actor is, by the rule that found it: the cue's own subject or the
table row it sits in, the subject of an earlier sentence, or merely the actor named most nearby."""


_ACCUSED = re.compile(r"(?P<x>[A-Z][\w.'\u2019 -]{1,50}?)['\u2019]s\s+(?:[a-z-]+,?\s+){0,4}?"
                      r"(?:violations?|breach(?:es)?|infringements?|disregard|flouting)\s+of\b")
_ACCUSED_VERB = re.compile(r"(?P<x>[A-Z][\w.'\u2019 -]{1,50}?)\s+(?:has\s+|have\s+|had\s+)?(?:(?:also|repeatedly|"
                           r"clearly|flagrantly|continuously|again|systematically|deliberately)\s+)?"
                           r"(?:violated|violates|breached|breaches|flouted|flouts|infringed|infringes)\b")
"""The verb form of the charge: "Utopia has violated its legal obligations"."""
_REACH = 160
_CHARGE_WORDS = ("violat", "breach", "infring", "disregard", "flout")
"""Every match of _ACCUSED or _ACCUSED_VERB holds one of these as written (both patterns are
case-sensitive): a sentence without any cannot match and skips the two regexes."""


def _may_accuse(text: str) -> bool:
    return any(map(text.__contains__, _CHARGE_WORDS))


def accused(doc: Document, principles: tuple[Principle, ...], gaz, stmts: Sequence[Statement]) -> list[Tension]:
    """An actor the text accuses of breaching a principle in so many words ("Utopia's continuing
    violations of human rights"): its conduct collides with the principle. Not the speaker's own
    actor (a self-accusation is rare, a misattribution likely); medium, as the charge is one party's."""
    out = []
    for passage in doc.passages():
        for sent in sentences(passage.text):
            if not _may_accuse(sent.text):
                continue
            for m in [*_ACCUSED.finditer(sent.text), *_ACCUSED_VERB.finditer(sent.text)]:
                actor = possessor(m.group("x"), gaz, voice_at(stmts, passage.anchor, sent.start, needing="speaker"))
                if actor is None:
                    continue
                tail = sent.text[m.end():m.end() + _REACH]
                found, _ = invoked(tail, principles)
                for pid in found:
                    out.append(Tension(id="", doc=doc.id, actor=actor, principle=pid, text=sent.text,
                                       anchor=passage.anchor, confidence="medium",
                                       basis=("stated", "accused-of-breach")))
    return out


_REFERRED_CHARGE = re.compile(
    r"(?i)^\W*(?:such|these|those|this|the\s+said)\s+(?:[a-z-]+\s+){0,2}?(?:acts?|actions?|attacks?|incursions?|"
    r"conduct|behaviou?r|moves?|provocations?|measures?|operations?)\b[^.;]{0,80}?\b(?:violat\w*|breach\w*|"
    r"infring\w*|constitut\w+\s+(?:an?\s+)?(?:[a-z]+\s+){0,2}?(?:violation|breach))")


def referred(doc: Document, principles: tuple[Principle, ...], gaz, stmts: Sequence[Statement]) -> list[Tension]:
    """"Such acts ... violate Ruritania's territorial integrity": the charge is against whoever
    did them: the party named as their agent ("by X") in the sentence, else the first party the
    sentence before names that is not the speaker's own (medium), else the party the text last
    charged with an act (low); never the party whose principle it is."""
    out = []
    flat = [(p, s) for p in doc.passages() for s in sentences(p.text)]
    last_charged = None
    for i, (passage, sent) in enumerate(flat):
        m = _REFERRED_CHARGE.match(sent.text)
        agent = None if _no_agent(sent.text) else _AGENT.search(sent.text[:m.end()] if m else sent.text)
        accused_here = _ACCUSED.search(sent.text) if _may_accuse(sent.text) else None
        if not (m or agent or accused_here):
            continue  # no charge and no party named as doing anything: last_charged stands
        speaker = voice_at(stmts, passage.anchor, sent.start)
        named = actor_at(agent.group("x"), gaz, speaker) if agent else None
        if named is None and accused_here:
            named = possessor(accused_here.group("x"), gaz, speaker)
        if not m:
            last_charged = named or last_charged
            continue
        actor, how = named, "accused-by-reference"
        if actor is None and i:
            actor = actor_at(flat[i - 1][1].text, gaz, speaker)
        if actor is None:
            actor, how = last_charged, "accused-earlier"
        if actor is None:
            continue
        last_charged = actor
        found, _ = invoked(sent.text[m.end() - 12:], principles)
        owned = [pid for pid in found if _owned_by_other(sent.text, pid, principles, gaz, actor)]
        if any(_owns_principle(sent.text, actor, pid, principles, gaz) for pid in found):
            continue  # the party whose integrity is breached is the victim of the acts, not their author
        for pid in owned + [p for p in found if p not in owned]:
            out.append(Tension(id="", doc=doc.id, actor=actor, principle=pid, text=sent.text, anchor=passage.anchor,
                               confidence="medium" if how == "accused-by-reference" else "low",
                               basis=("stated", how)))
    return out


_AGENT = re.compile(r"(?i)\b(?:acts?|actions?|attacks?|aggression|incursions?|hostilities|provocations?|conduct)"
                    r"\s+(?:[a-z-]+\s+){0,2}?by\s+(?:the\s+)?(?P<x>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3})")
_AGENT_NOUNS = ("act", "attack", "aggression", "incursion", "hostilities", "provocation", "conduct")
"""Every match of _AGENT holds one of these and "by", lower-cased: without them it cannot match."""


def _no_agent(text: str) -> bool:
    low = lowered(text)
    return absent(_AGENT_NOUNS, low) or absent(("by",), low)


def _owned_by_other(text: str, pid: str, principles, gaz, actor: str) -> bool:
    """The principle's words are a party's own other than `actor` ("Ruritania's territorial
    integrity"): the principle the charge is about, named first."""
    p = next((x for x in principles if x.id == pid), None)
    if p is None:
        return False
    for hit in p.pattern.finditer(text):
        before = text[max(0, hit.start() - 50):hit.start()]
        owner = [x for x in gaz.find(before) if before[x.end:].strip(" '\u2019s") == ""]
        if owner and (gaz.speaks_for(owner[-1].name) or owner[-1].name) != actor:
            return True
    return False


def _owns_principle(text: str, actor: str, pid: str, principles: tuple[Principle, ...], gaz) -> bool:
    """The principle's words in `text` are the actor's own ("Utopia's sovereignty", "United
    States sovereignty"): the actor is the one it protects."""
    p = next((x for x in principles if x.id == pid), None)
    if p is None:
        return False
    for hit in p.pattern.finditer(text):
        before = text[max(0, hit.start() - 50):hit.start()]
        owner = [x for x in gaz.find(before) if before[x.end:].strip(" '\u2019s") == ""]
        if owner and (gaz.speaks_for(owner[-1].name) or owner[-1].name) == actor:
            return True
    return False


def _earlier_subject(flat, i: int, gaz, exclude: str | None) -> str | None:
    """For "A government that ... is inconsistent": the nearest earlier sentence whose subject is an actor."""
    for _, s in reversed(flat[max(0, i - 4):i]):
        head = re.split(r"[,;:]", s.text)[0]
        if _GENERIC.match(head.strip()):
            continue
        found = actor_at(head, gaz, exclude)
        if found:
            return found
    return None


def _principle(window, principles, cue_at: int) -> str | None:
    """The principle the actor is said to champion in the window, else the first one named."""
    first = None
    # the cue's own sentence, then those before it ("this principle"), then those after
    order = sorted(range(len(window)), key=lambda j: (j > cue_at, -j if j <= cue_at else j))
    for s in (window[j] for j in order):
        found, violated = invoked(s.text, principles)
        for pid in found:
            p = next(x for x in principles if x.id == pid)
            hit = p.pattern.search(s.text)
            if hit and _CHAMPION.search(s.text[max(0, hit.start() - 60):hit.start()]):
                return pid
        if found and first is None:
            first = found[0]
    return first


def _most_named(window, gaz, exclude: str | None, principles: tuple[Principle, ...] = ()) -> str | None:
    """The party the window names most (the last sentence counting more), not counting a name
    inside a principle's own name ("the Charter of the United Nations")."""
    counts: Counter = Counter()
    for j, s in enumerate(window):
        inside = [(h.start(), h.end()) for p in principles for h in p.pattern.finditer(s.text)]
        for m in gaz.find(s.text):
            if any(a <= m.start and m.end <= b for a, b in inside):
                continue
            if m.name != exclude and (m.kind or gaz.entry(m.name).get("kind")) in KINDS:
                counts[m.name] += 1 + (j == len(window) - 1) * 0.5
    return counts.most_common(1)[0][0] if counts else None


def derived(stmts: Sequence[Statement], positions: Sequence[Position], against: dict,
            proponents: set[str], gaz) -> list[Tension]:
    """A state whose act others call a breach of principle P, while it upholds P itself."""
    accused = {(q, p) for q, (ps, _) in against.items() for p in ps}
    out = []
    for pos in positions:
        if pos.stance != "support" or pos.actor not in proponents or not gaz.is_state(pos.actor):
            continue
        for st in stmts:
            if st.actor != pos.actor or st.question != pos.question:
                continue
            for p in st.principles:
                if p not in st.violated and (pos.question, p) in accused:
                    # an inference from two findings, each of which may be wrong: never high
                    out.append(Tension(id="", doc=st.doc, actor=pos.actor, principle=p, text=st.key or st.text,
                                       anchor=st.anchor, confidence="medium",
                                       basis=("derived", "proponent-upholds-accused-principle")))
    return out


def tensions(doc: Document, stmts: Sequence[Statement], positions: Sequence[Position],
             principles: tuple[Principle, ...], gaz, against: dict | None = None,
             proponents: set[str] = frozenset()) -> tuple[Tension, ...]:
    """Stated and derived tensions; one per actor and principle, and one per actor in a passage
    (a quotation that makes one charge in several sentences is one tension)."""
    seen, out = set(), []
    found = (stated(doc, principles, gaz, stmts) + derived(stmts, positions, against or {}, set(proponents), gaz)
             + accused(doc, principles, gaz, stmts) + referred(doc, principles, gaz, stmts)
             + acts(doc, principles, gaz, stmts) + conduct(doc, principles, gaz, stmts))
    for t in found:
        if (t.actor, t.principle) in seen or (t.actor, t.anchor) in seen:
            continue
        seen.add((t.actor, t.principle))
        seen.add((t.actor, t.anchor))
        out.append(Tension(id=f"{doc.id}-t{len(out) + 1}", doc=t.doc, actor=t.actor, principle=t.principle,
                           text=t.text, anchor=t.anchor, confidence=t.confidence, basis=t.basis))
    return tuple(out)
