"""Statements + positions -> tensions: an actor whose position collides with a principle.

Stated: the text says so ("inconsistent with the principle it champions", "cannot have it
both ways", "contrary to the principle of"). The actor is the cue's own subject ("Utopia
cannot have it both ways", "Utopia's stance is inconsistent"), the one accused ("accused
Utopia of hypocrisy"), or, when the subject is generic ("a government", "it"), the subject
of the sentence before; failing these, the actor the surrounding sentences name most. The
principle is the one the actor is said to champion, else the one named nearby.
Derived: an actor whose act others condemn as a breach of a principle, while its own
statements uphold that principle.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from ..lexicons import Principle, absent, anchors, lowered, pattern
from ..model.document import Block, Document
from ..model.findings import Position, Statement, Tension
from .principles import invoked
from .text import sentences

_KINDS = ("state", "organisation", "de-facto-state", "organ", "sub-state")
_CHAMPION = re.compile(r"(?i)\b(?:champion\w*|defend\w*|support\w*|invok\w*|uph[eo]ld\w*|insist\w*|long\s+\w+ed|"
                       r"promot\w*|advocat\w*|stood\s+for|stands\s+for)\b")
_GENERIC = re.compile(r"(?i)^(?:\W*(?:yet|but|however|so|thus|still|and)\W+)?(?:a|the|this|that|its|their)?\s*"
                      r"(?:government|state|country|authorities|administration|stance|position|policy|"
                      r"decision|move|act|action|step|recognition|it|they|he|she)\b")


_OBJECT_PREP = re.compile(r"(?i)\b(?:against|to|from|with|over|on|for|towards?|by|in|into|within|inside|across|"
                          r"along|near)\s+(?:the\s+)?$")


def _actor_at(text: str, gaz, exclude: str | None) -> str | None:
    """The first actor a phrase names as its subject (not one it names after "against", "with")."""
    for m in gaz.find(text):
        if m.name == exclude or (m.kind or gaz.entry(m.name).get("kind")) not in _KINDS:
            continue
        if _OBJECT_PREP.search(text[max(0, m.start - 14):m.start]):
            continue
        return gaz.speaks_for(m.name) or m.name
    return None


def _subject_actor(sent: str, cue: re.Match, gaz, exclude: str | None) -> str | None:
    """The actor the tension cue is said of, from the sentence itself."""
    accused = re.search(r"(?i)\baccus\w+\s+(?P<x>[\w' -]{2,60}?)\s+of\b", sent)
    if accused:
        found = _actor_at(accused.group("x"), gaz, exclude)
        if found:
            return found
    before = sent[:cue.start()]
    # the clause the cue stands in: after a speech verb or an opening quotation mark
    before = re.split(r"(?i)\b(?:said|says|stated|argued|added|noted|warned|called)\b|[\"\u201c]", before)[-1]
    poss = re.search(r"(?P<x>[A-Z][\w' -]{1,60}?)['\u2019]s\s+(?:\w+\s+){0,2}?(?:stance|position|policy|decision|"
                     r"conduct|behaviour|behavior|record)\b[^.]*$", before)
    if poss:
        found = _actor_at(poss.group("x"), gaz, exclude)
        if found:
            return found
    clause = re.split(r"[;:]|\b(?:that|who|which)\b", before)[-1]
    if _GENERIC.match(clause.strip()):
        return None
    return _actor_at(clause, gaz, exclude)


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
        speaker_actor = _speaker_at(stmts, passage.anchor, sent.start)
        actor, how = _subject_actor(sent.text, cue, gaz, speaker_actor), "cue-subject"
        if actor is None and _GENERIC.match(sent.text.strip()):
            # "A government that ...", "That stance ..."
            actor, how = _earlier_subject(flat, i, gaz, speaker_actor), "earlier-subject"
        if actor is None and isinstance(passage, Block) and passage.role == "table-row" and passage.context:
            found = gaz.find(passage.context)
            actor, how = (found[0].name if found else None), "row-actor"
        if actor is None:
            actor, how = _most_named([s for _, s in flat[max(0, i - 3):i + 1]], gaz, speaker_actor), "most-named-nearby"
        if actor and _owns_principle(sent.text, actor, principle, principles, gaz):
            continue  # "inconsistent with Utopia's sovereignty": Utopia defends the principle, it breaches nothing
        if actor:
            out.append(Tension(id="", doc=doc.id, actor=actor, principle=principle, text=sent.text,
                               anchor=passage.anchor, confidence=_STATED_CONFIDENCE[how], basis=("stated", how)))
    return out


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


def accused(doc: Document, principles: tuple[Principle, ...], gaz, stmts: Sequence[Statement]) -> list[Tension]:
    """An actor the text accuses of breaching a principle in so many words ("Utopia's continuing
    violations of human rights"): its conduct collides with the principle. Not the speaker's own
    actor (a self-accusation is rare, a misattribution likely); medium, as the charge is one party's."""
    out = []
    for passage in doc.passages():
        for sent in sentences(passage.text):
            for m in [*_ACCUSED.finditer(sent.text), *_ACCUSED_VERB.finditer(sent.text)]:
                actor = _possessor(m.group("x"), gaz, _voiced_by(stmts, passage.anchor, sent.start))
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
        speaker = _speaker_at(stmts, passage.anchor, sent.start)
        m = _REFERRED_CHARGE.match(sent.text)
        agent = _AGENT.search(sent.text[:m.end()] if m else sent.text)
        named = _actor_at(agent.group("x"), gaz, speaker) if agent else None
        accused_here = _ACCUSED.search(sent.text)
        if named is None and accused_here:
            named = _possessor(accused_here.group("x"), gaz, speaker)
        if not m:
            last_charged = named or last_charged
            continue
        actor, how = named, "accused-by-reference"
        if actor is None and i:
            actor = _actor_at(flat[i - 1][1].text, gaz, speaker)
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


def _possessor(text: str, gaz, exclude: str | None) -> str | None:
    """The actor named right before the possessive "'s" that ends `text`."""
    last = [x for x in gaz.find(text) if x.end == len(text.rstrip())]
    if not last or last[0].name == exclude or (last[0].kind or gaz.entry(last[0].name).get("kind")) not in _KINDS:
        return None
    return gaz.speaks_for(last[0].name) or last[0].name


def _voiced_by(stmts: Sequence[Statement], anchor: str, pos: int) -> str | None:
    """The actor of a named speaker's statement at a position; None for unvoiced narration (whose
    actor may be merely the party it is about)."""
    for st in stmts:
        if st.anchor == anchor and st.span.start <= pos < st.span.end and st.speaker:
            return st.actor
    return None


def _speaker_at(stmts: Sequence[Statement], anchor: str, pos: int) -> str | None:
    """The actor speaking at a position (whose charge it is, so not its target)."""
    for st in stmts:
        if st.anchor == anchor and st.span.start <= pos < st.span.end:
            return st.actor
    return None


def _earlier_subject(flat, i: int, gaz, exclude: str | None) -> str | None:
    """For "A government that ... is inconsistent": the nearest earlier sentence whose subject is an actor."""
    for _, s in reversed(flat[max(0, i - 4):i]):
        head = re.split(r"[,;:]", s.text)[0]
        if _GENERIC.match(head.strip()):
            continue
        found = _actor_at(head, gaz, exclude)
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


def _most_named(window, gaz, exclude: str | None) -> str | None:
    counts: Counter = Counter()
    for j, s in enumerate(window):
        for m in gaz.find(s.text):
            if m.name != exclude and (m.kind or gaz.entry(m.name).get("kind")) in _KINDS:
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


_CLAUSE_OPEN = re.compile(r"(?i)[,;:\u201c\u201d\"]|\b(?:that|which|who|said|says|stated|found|reported|told)\b")
_COMMITTED = re.compile(r"(?i)\b(?:(?:has|have|had)\s+)?(?:(?:continued|continues|continue)\s+to\s+)?"
                        r"(?:commit(?:s|ted|ting)?|perpetrat(?:e|es|ed|ing))\b(?!\s+(?:to|itself|themselves)\b)")
_CRACKDOWN_VERB = re.compile(r"(?i)\b(?:launched|began|begun|ordered|carried\s+out|led|stepped\s+up|intensified|"
                             r"waged)\s+(?:a|an|its|their|the)?\s*(?:[\w-]+\s+)?$")
_IMPOSED_BY = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:imposed|ordered|enforced)\s+by\s+(?P<x>(?:the\s+)?"
                         r"(?:[A-Z][\w'\u2019.-]*\s*){1,4}(?:government|authorities|regime|administration|police|"
                         r"military|army|courts?)?)")
_AGENT_BY = re.compile(r"\s+by\s+(?P<x>(?:the\s+)?(?:[A-Z][\w'\u2019.-]*\s*){1,4}(?:government|authorities|regime|"
                       r"administration|police|military|army|forces|security\s+services)?)")
_POSSESSOR = re.compile(r"(?P<x>[A-Z][\w.'\u2019 -]{1,40}?)['\u2019]s\s+(?:[\w-]+\s+){0,3}?$")
_OBJECT_REACH = 45


def _doer(sent: str, verb_start: int, gaz, exclude: str | None) -> str | None:
    """The actor named as the subject of the verb at `verb_start`: among the few words of its
    clause before it ("Before the vote, Ruritania blocked"; "said that Ruritania's government
    continued to commit"), not after "against", "on", "in"."""
    head = _CLAUSE_OPEN.split(sent[:verb_start])[-1]
    if not head.strip() or len(head.split()) > 8:
        return None
    return _actor_at(head, gaz, exclude)


def _object_follows(sent: str, end: int, path: tuple[str, str]) -> bool:
    """A word of the cue list `path` within a few words after `end`, in the same clause."""
    tail = re.split(r"[,;:.]", sent[end:end + _OBJECT_REACH])[0]
    return bool(pattern(*path).search(tail))


def _repressed(sent: str, gaz, exclude: str | None, context: str) -> str | None:
    """The actor the sentence says blocks or censors information, jails journalists or cracks
    down on protesters; None when it names no such act or no author of it. `context`: the
    sentence before, for what a bare "block imposed by X" blocked."""
    low = lowered(sent)
    for path, objects in ((("tension", "censor_verbs"), ("tension", "censored_objects")),
                          (("tension", "persecute_verbs"), ("tension", "persecuted_groups"))):
        if absent(anchors(*path), low):
            continue
        for m in pattern(*path).finditer(sent):
            if _object_follows(sent, m.end(), objects):
                actor = _doer(sent, m.start(), gaz, exclude)
                if actor:
                    return actor
    for path in (("tension", "crackdown_nouns"), ("tension", "censorship_nouns")):
        if absent(anchors(*path), low):
            continue
        for m in pattern(*path).finditer(sent):
            if path[1] == "crackdown_nouns":
                target = re.match(r"\s+(?:on|against)\s+", sent[m.end():])
                if not target or not (_object_follows(sent, m.end() + target.end() - 1, ("tension", "persecuted_groups"))
                                      or _object_follows(sent, m.end() + target.end() - 1,
                                                         ("tension", "censored_objects"))):
                    continue
            else:
                imposed = _IMPOSED_BY.match(sent[m.end():])
                target = re.match(r"\s+(?:on|of)\s+", sent[m.end():])
                blocked_info = bool(pattern("tension", "censored_objects").search(context + " " + sent))
                if not (imposed and blocked_info) and not (
                        target and _object_follows(sent, m.end() + target.end() - 1, ("tension", "censored_objects"))):
                    continue
                if imposed:
                    actor = _actor_at(imposed.group("x"), gaz, exclude)
                    if actor:
                        return actor
            by = _AGENT_BY.match(sent[m.end():])
            if by:  # "a crackdown by the Bordurian police on journalists"
                actor = _actor_at(by.group("x"), gaz, exclude)
                if actor:
                    return actor
            poss = _POSSESSOR.search(sent[:m.start()])
            if poss:  # "Ruritania's ban on news websites"
                actor = _possessor(poss.group("x"), gaz, exclude)
                if actor:
                    return actor
            verb = _CRACKDOWN_VERB.search(sent[:m.start()])
            if verb:  # "the Bordurian police launched a crackdown on ..."
                actor = _doer(sent, verb.start(), gaz, exclude)
                if actor:
                    return actor
    return None


def acts(doc: Document, principles: tuple[Principle, ...], gaz, stmts: Sequence[Statement]) -> list[Tension]:
    """Tensions read from acts that breach a principle by their nature: a party that blocks or
    censors the press, jails journalists or cracks down on protesters (human rights), or is said
    to commit abuses or atrocities (the principle the breach words name). Medium: the act is
    reported, the collision with the principle is the analysis's reading of it. Not the
    speaker's own side (a self-accusation is rare, a misattribution likely)."""
    ids = {p.id for p in principles}
    out = []
    flat = [(p, s) for p in doc.passages() for s in sentences(p.text)]
    for i, (passage, sent) in enumerate(flat):
        # a person's words (a misread narration has a state or a group of people as its "speaker")
        own = next((st.actor for st in stmts if st.anchor == passage.anchor and st.person
                    and st.span.start <= sent.start < st.span.end), None)
        if "human-rights" in ids:
            actor = _repressed(sent.text, gaz, own, flat[i - 1][1].text if i else "")
            if actor:
                out.append(Tension(id="", doc=doc.id, actor=actor, principle="human-rights", text=sent.text,
                                   anchor=passage.anchor, confidence="medium", basis=("stated", "repressive-act")))
        if absent(("commit", "perpetrat"), lowered(sent.text)):
            continue
        for m in _COMMITTED.finditer(sent.text):
            _, violated = invoked(sent.text[m.end():m.end() + 80], principles)
            actor = _doer(sent.text, m.start(), gaz, own) if violated else None
            for pid in violated if actor else ():
                out.append(Tension(id="", doc=doc.id, actor=actor, principle=pid, text=sent.text,
                                   anchor=passage.anchor, confidence="medium", basis=("stated", "committed-breach")))
    return out


def tensions(doc: Document, stmts: Sequence[Statement], positions: Sequence[Position],
             principles: tuple[Principle, ...], gaz, against: dict | None = None,
             proponents: set[str] = frozenset()) -> tuple[Tension, ...]:
    """Stated and derived tensions; one per actor and principle, and one per actor in a passage
    (a quotation that makes one charge in several sentences is one tension)."""
    seen, out = set(), []
    found = (stated(doc, principles, gaz, stmts) + derived(stmts, positions, against or {}, set(proponents), gaz)
             + accused(doc, principles, gaz, stmts) + referred(doc, principles, gaz, stmts)
             + acts(doc, principles, gaz, stmts))
    for t in found:
        if (t.actor, t.principle) in seen or (t.actor, t.anchor) in seen:
            continue
        seen.add((t.actor, t.principle))
        seen.add((t.actor, t.anchor))
        out.append(Tension(id=f"{doc.id}-t{len(out) + 1}", doc=t.doc, actor=t.actor, principle=t.principle,
                           text=t.text, anchor=t.anchor, confidence=t.confidence, basis=t.basis))
    return tuple(out)
