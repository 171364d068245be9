"""Document + statements -> tensions read from acts that breach a principle by their nature (a
government that blocks the press, jails journalists or commits atrocities; conduct said to undermine
a principle), each given to the party the text names as doing it."""
from __future__ import annotations

import re
from typing import Sequence

from ..lexicons import Principle, absent, anchors, any_anchors, lowered, pattern
from ..model.document import Document
from ..model.findings import Statement, Tension
from .attribution import is_title
from .principles import invoked
from .tension_parties import actor_at, possessor, voice_at
from .text import sentences


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
    return actor_at(head, gaz, exclude)


_BEFORE_OBJECT = re.compile(r"(?:the|a|an|its|their|some|several|many|dozens|hundreds|thousands|scores|\d[\d,]*|"
                            r"[A-Za-z][\w-]*[^s\W])$")
"""A word that may stand before an act's object: a determiner, a number, an adjective ("independent",
"three"); not a plural noun ("the suspected killers of journalists" is another object)."""
_QUANTITY_OF = re.compile(r"(?i)(?:dozens|hundreds|thousands|scores)\s+of$")
_PREPOSITION = re.compile(r"(?i)(?:on|to|for|from|about|in|with|against|over|of|at|by|into)$")


def _object_follows(sent: str, end: int, path: tuple[str, str]) -> bool:
    """A word of the cue list `path` is the object right after `end`: "jailed three opposition
    leaders", "blocked access to independent news websites"; not a possessor ("journalists' ")."""
    tail = re.split(r"[,;:.]", sent[end:end + _OBJECT_REACH])[0]
    lead = re.match(r"\s+access\s+to", tail)
    if lead:
        tail = tail[lead.end():]
    starts = [m.start() for m in re.finditer(r"\S+", tail)]
    for k, at in enumerate(starts[:4]):
        word = tail[starts[k - 1]:at].strip() if k else ""
        if word and _PREPOSITION.fullmatch(word) and not _QUANTITY_OF.search(tail[:at].strip()):
            return False  # "the bill on press freedom", "the leader of the protesters": another object
        if word and not _PREPOSITION.fullmatch(word) and not _BEFORE_OBJECT.match(word):
            return False
        obj = pattern(*path).match(tail, at)
        if obj and not re.match(r"['\u2019]", tail[obj.end():]):
            return True
    return False


_ACT_VERBS = ((("tension", "censor_verbs"), ("tension", "censored_objects")),
              (("tension", "persecute_verbs"), ("tension", "persecuted_groups")))
_ACT_NOUNS = (("tension", "crackdown_nouns"), ("tension", "censorship_nouns"))
"""The cue lists of repressive acts (a verb with its objects; a noun): _repressed finds nothing
in a sentence that holds none of their anchors."""


_ACT_PATHS = (*(verbs for verbs, _ in _ACT_VERBS), *_ACT_NOUNS)


def _may_repress(low: str | None) -> bool:
    return not absent(any_anchors(*_ACT_PATHS), low)  # one test for the four lists


def _repressed(sent: str, gaz, exclude: str | None, context: str) -> str | None:
    """The actor the sentence says blocks or censors information, jails journalists or cracks
    down on protesters; None when it names no such act or no author of it. `context`: the
    sentence before, for what a bare "block imposed by X" blocked."""
    low = lowered(sent)
    for path, objects in _ACT_VERBS:
        if absent(anchors(*path), low):
            continue
        for m in pattern(*path).finditer(sent):
            if _object_follows(sent, m.end(), objects):
                actor = _doer(sent, m.start(), gaz, exclude)
                if actor:
                    return actor
    for path in _ACT_NOUNS:
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
                blocked_info = bool(pattern("tension", "censored_objects").search(context + " " + sent)
                                    or pattern("tension", "censored_access").search(context + " " + sent))
                if not (imposed and blocked_info) and not (
                        target and _object_follows(sent, m.end() + target.end() - 1, ("tension", "censored_objects"))):
                    continue
                if imposed:
                    actor = actor_at(imposed.group("x"), gaz, exclude)
                    if actor:
                        return actor
            by = _AGENT_BY.match(sent[m.end():])
            if by:  # "a crackdown by the Bordurian police on journalists"
                actor = actor_at(by.group("x"), gaz, exclude)
                if actor:
                    return actor
            poss = _POSSESSOR.search(sent[:m.start()])
            if poss:  # "Ruritania's ban on news websites"
                actor = possessor(poss.group("x"), gaz, exclude)
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
        low = lowered(sent.text)
        repressed = "human-rights" in ids and _may_repress(low)
        committed = not absent(("commit", "perpetrat"), low)
        if not (repressed or committed):
            continue  # no act named: the statements need not be looked up
        own = voice_at(stmts, passage.anchor, sent.start, needing="person")  # their own side, whom they do not accuse
        if repressed:
            actor = _repressed(sent.text, gaz, own, flat[i - 1][1].text if i else "")
            if actor:
                out.append(Tension(id="", doc=doc.id, actor=actor, principle="human-rights", text=sent.text,
                                   anchor=passage.anchor, confidence="medium", basis=("stated", "repressive-act")))
        if not committed:
            continue
        for m in _COMMITTED.finditer(sent.text):
            if _NEGATED.search(sent.text[max(0, m.start() - 16):m.start()]):
                continue  # "has never committed atrocities"
            agent = _AGENT_BY.match(sent.text[m.end():])
            if agent:  # "abuses committed by the Ruritanian army": the breach words come before
                _, violated = invoked(sent.text[max(0, m.start() - 60):m.start()], principles)
                actor = actor_at(agent.group("x"), gaz, own) if violated else None
            else:
                _, violated = invoked(sent.text[m.end():m.end() + 80], principles)
                actor = _doer(sent.text, m.start(), gaz, own) if violated else None
            for pid in violated if actor else ():
                out.append(Tension(id="", doc=doc.id, actor=actor, principle=pid, text=sent.text,
                                   anchor=passage.anchor, confidence="medium", basis=("stated", "committed-breach")))
    return out


_NEGATED = re.compile(r"(?i)\b(?:not|never|no\s+longer|hardly)\s+(?:\w+\s+)?$|n['\u2019]t\s+(?:\w+\s+)?$")
_ANAPHOR_SUBJECT = re.compile(r"(?i)^(?:it|this|that|such\s+[a-z]+|this\s+[a-z]+|these\s+[a-z]+)$")
_PARTY = re.compile(r"(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+(?:party|movement|alliance|coalition|bloc)\b")
_BACK = 4
"""How many sentences before an "it undermines ..." its conduct and the conduct's author may be named."""


def _author(phrase: str, gaz, exclude: str | None) -> str | None:
    """The party a phrase names: an actor the gazetteer knows, else a party the text names
    ("Prime Minister K's Harmony party" -> Harmony)."""
    actor = actor_at(phrase, gaz, exclude)
    if actor:
        return actor
    party = _PARTY.search(phrase)
    if party and not is_title(party.group("name").split()[0]):
        return party.group("name")
    return None


def _conduct_author(text: str, noun: re.Match, gaz, exclude: str | None) -> str | None:
    """The author of the conduct noun at `noun`: "X's [campaign] rhetoric", "rhetoric from/by/of X"."""
    poss = _POSSESSOR.search(text[:noun.start()])
    if poss:
        author = possessor(poss.group("x"), gaz, exclude) or _author(poss.group("x") + " " + text[poss.end():noun.start()], gaz, exclude)
        if author:
            return author
    by = re.match(r"\s+(?:from|by|of)\s+(?P<x>(?:the\s+)?[^,;:.\u201c\u201d\"]{2,60})", text[noun.end():])
    if by:
        return _author(by.group("x"), gaz, exclude)
    return None


def conduct(doc: Document, principles: tuple[Principle, ...], gaz, stmts: Sequence[Statement]) -> list[Tension]:
    """A party's conduct said to undermine a principle: "Ruritania's rhetoric undermines democratic
    values" (medium), or "It undermines the democratic ideals ...", the "it" being conduct named
    just before ("rhetoric that seeks to marginalize ...") whose author the text gave a little
    earlier ("rhetoric from X's Y party"): low, as the author is two steps away."""
    verbs = pattern("tension", "undermine_verbs")
    nouns = pattern("tension", "conduct_nouns")
    flat = [(p, s) for p in doc.passages() for s in sentences(p.text)]
    out = []
    for i, (passage, sent) in enumerate(flat):
        if absent(anchors("tension", "undermine_verbs"), lowered(sent.text)):
            continue
        own = voice_at(stmts, passage.anchor, sent.start, needing="person")  # their own side, whom they do not accuse
        for v in verbs.finditer(sent.text):
            if _NEGATED.search(sent.text[max(0, v.start() - 16):v.start()]) or re.match(r"\s+by\b", sent.text[v.end():]):
                continue  # "does not undermine", "was threatened by ...": no charge against the subject
            tail = re.split(r"[.;]", sent.text[v.end():v.end() + 80])[0]
            found, _ = invoked(tail, principles)
            if not found:
                continue
            subject = _CLAUSE_OPEN.split(sent.text[:v.start()])[-1].strip()
            subject = re.sub(r"(?i)\s+(?:has|have|had|also|only|further|seriously|directly)$", "", subject)
            author, how = None, "conduct-undermines"
            if _ANAPHOR_SUBJECT.match(subject):
                # the conduct named last in the sentences before, and where its author is named
                earlier = [s.text for _, s in flat[max(0, i - _BACK):i]]
                named = [m for m in nouns.finditer(earlier[-1])] if earlier else []
                if named:
                    author = _conduct_author(earlier[-1], named[-1], gaz, own)
                    new = re.search(r"(?i)\b(?:a|an|new|another)\s+(?:[\w-]+\s+)?$",
                                    earlier[-1][:named[-1].start()])
                    word = named[-1].group().lower()
                    # "rhetoric that seeks to ...": the same conduct, whose author an earlier sentence named;
                    # not after "a new policy", a conduct first named here
                    for text in () if author or new else reversed(earlier[:-1]):
                        for m in nouns.finditer(text):
                            if m.group().lower() == word:
                                author = _conduct_author(text, m, gaz, own) or author
                        if author:
                            break
                level = "low"
            else:
                for m in nouns.finditer(subject):
                    author = _conduct_author(subject, m, gaz, own)
                    if author:
                        break
                level = "medium"
            if not author or author == own:
                continue
            for pid in found:
                out.append(Tension(id="", doc=doc.id, actor=author, principle=pid, text=sent.text,
                                   anchor=passage.anchor, confidence=level,
                                   basis=("stated", how) + (("anaphor-resolved",) if level == "low" else ())))
    return out
