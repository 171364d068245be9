"""Statements of named people without an actor -> the actor the rest of the document gives them.

The institution the text ties the person to further on ("..., said Mr. Doe, a fellow at the X
Centre"; less sure, it is far away); the one state the text gives the person's bare office
("President Doe" and "the Utopian president"); else the person, speaking for himself, surely
only when quoted and holding no state office the text names.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..actors import Gazetteer
from ..lexicons import data
from ..model.document import Document
from ..model.findings import Statement
from .attribution import People


def with_actors(found: tuple[Statement, ...], doc: Document, people: People, gaz: Gazetteer) -> tuple[Statement, ...]:
    """`found` with an actor for each named person's statement the text allows one (see affiliated)."""
    names = [st.speaker for st in found if st.person and st.speaker and not st.actor]
    names += [m.group(1) for st in found if not st.person and not st.actor and (m := _ADMINISTRATION.match(st.speaker or ""))]
    holders = _office_holders(doc, names, gaz)
    tied = _tied_to_a_body(doc, names)
    press = _press_people(doc, names)
    return tuple(administration(st, people, holders) or affiliated(st, people, holders, tied, press) for st in found)


def _press_people(doc: Document, names: list[str]) -> frozenset[str]:
    """The names some passage gives a press role right before ("co-host Jane Doe", "the reporter
    Jane Doe"): an interviewer or a reporter, who speaks for no side of the story."""
    surnames = {n.split()[-1]: n for n in set(names)}
    if not surnames:
        return frozenset()
    roles = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in data("titles")["press"])
    pat = re.compile(r"(?i:\b(?:" + roles + r")s?)\s+(?:[A-Z][\w.'\u2019-]*\s+){0,3}?(" + "|".join(map(re.escape, surnames)) + r")\b")
    out = set()
    for p in doc.passages():
        for m in pat.finditer(p.text):
            out.add(surnames[m.group(1)])
    return frozenset(out)


def _tied_to_a_body(doc: Document, names: list[str]) -> frozenset[str]:
    """The names some passage ties to a body by name ("Jane Doe, a member of the X's board", "the
    leader of Y, Jane Doe"): a later "Doe said" speaks for that body, not for herself alone."""
    texts = [p.text for p in doc.passages()]
    return frozenset(n for n in set(names) if any(n in t and _body_named(n, t) for t in texts))


_ADMINISTRATION = re.compile(r"(?:[Tt]he\s+)?([A-Z][\w'\u2019-]+)\s+administration\b")


def administration(st: Statement, people: People, office_holders: dict[str, str | None]) -> Statement | None:
    """"Doe administration officials said ...": the administration's words, the state's when the text
    gives Doe's office one state ("President Doe", "the Utopian president"); None for other statements
    and when Doe is no person the text names ("Tax administration officials")."""
    m = _ADMINISTRATION.match(st.speaker or "") if not st.person and not st.actor else None
    if m is None or (m.group(1) not in office_holders and not people.lookup(m.group(1))):
        return None
    actor = office_holders.get(m.group(1)) or f"{m.group(1)} administration"
    return replace(st, actor=actor, confidence="medium", basis=st.basis + ("leader-administration",))


_SAID_RULES = frozenset({"quote+named-speaker", "speech-verb-subject", "reporting-frame", "pronoun-resolved",
                         "quote-continuation", "quote-next-paragraph", "quote-resumed"})
"""Rules that give a person words they said (not a deed narrated: "opposed the talks")."""
_QUOTED_RULES = frozenset({"quote+named-speaker", "quote-continuation"})


def affiliated(st: Statement, people: People, office_holders: dict[str, str | None],
               tied: frozenset[str] = frozenset(), press: frozenset[str] = frozenset()) -> Statement:
    """A named person's statement without an actor: the affiliation the text gives the person
    further on ("..., said Mr. Doe, a fellow at the X Centre"; less sure, it is far away), else the
    person, speaking for himself, when the words are surely his; less sure when the text gives
    the person a state's office without the state ("President Doe"): the state may be meant."""
    if st.actor or not st.person or not st.speaker or "presiding-officer" in st.basis:
        return st
    known = people.lookup(st.speaker)
    if known and known[1]:
        return replace(st, actor=known[1], confidence="medium", basis=st.basis + ("affiliation-elsewhere",))
    if st.basis and st.basis[0] in _SAID_RULES:
        surname = st.speaker.split()[-1]
        if office_holders.get(surname):
            # "Prime Minister Doe" and, elsewhere, "an Estonian prime minister" (one state only)
            return replace(st, actor=office_holders[surname], confidence="medium",
                           basis=st.basis + ("office-state-elsewhere",))
        if surname in office_holders:
            return replace(st, actor=st.speaker, confidence="medium",
                           basis=st.basis + ("person-as-actor", "office-without-state"))
        if st.basis[0] not in _QUOTED_RULES:
            # a subject parsed out of reported speech is a name less surely than a name given a
            # quotation (a hand-read corpus sample: places and groups taken for people, "led by X")
            return replace(st, actor=st.speaker, confidence="medium", basis=st.basis + ("person-as-actor",))
        if st.speaker in press or _press_apposition(st.speaker).search(st.text):
            # "..., said X, a political reporter at the Y": a journalist's reading of the story, no side's
            return replace(st, actor=st.speaker, confidence="medium", basis=st.basis + ("person-as-actor", "journalist"))
        if st.speaker in tied or _body_named(st.speaker, st.text):
            # "The leader of X, Jane Doe", "Jane Doe of the Y" (here or anywhere in the text): she speaks
            # for a party, a paper, a university the rules could not take for the actor; not for herself
            return replace(st, actor=st.speaker, confidence="medium",
                           basis=st.basis + ("person-as-actor", "affiliation-named"))
        return replace(st, actor=st.speaker, basis=st.basis + ("person-as-actor",))
    return st


_CAP = r"[A-Z][\w'\u2019&.-]*"
_BODY_BEFORE = re.compile(r"\b(?:of|at|for|with|from)\s+(?:the\s+)?" + _CAP + r"(?:\s+(?:" + _CAP + r"|of|and|for|the))*"
                          r"\s*,?\s*(?:(?:the|a|an|[a-z]+)\s+){0,2}$")
_BODY_AFTER = re.compile(r"(?:\s+of\s+(?:the\s+)?|,\s+(?:(?:an?|the)\s+)?[^,.;\u201c\"]{0,50}?\b(?:at|of|for|with|from)\s+"
                         r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,3})" + _CAP)
_BODY_BEFORE_ROLE = re.compile(r",\s+(?:an?|the)\s+(?:[a-z][\w-]*\s+)?" + _CAP + r"(?:\s+" + _CAP + r")*\s+[a-z]{3,}")
"""", a Westbrook economist": a body named as the modifier of the person's role."""


@lru_cache(maxsize=1)
def _party_member() -> re.Pattern:
    """", a Kent Democrat", "the Tory MP": a party's member named by the party's noun."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in data("titles")["party_members"])
    return re.compile(r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:" + words + r")s?\b")


def _body_named(name: str, text: str) -> bool:
    """The text ties the named person to a body by name: "<post> of X, <name>" right before the name,
    or "<name> of the X", "<name>, a fellow at the X", "<name>, a X economist", "<name>, a Kent
    Democrat" right after it."""
    i = text.find(name)
    if i < 0:
        return False
    before = re.split(r"[.;:!?\u201d\"]\s", text[max(0, i - 80):i])[-1]
    end = i + len(name)
    return bool(_BODY_BEFORE.search(before) or _BODY_AFTER.match(text, end) or _BODY_BEFORE_ROLE.match(text, end)
                or _party_member().match(text, end))


def _press_apposition(name: str) -> re.Pattern:
    """`name` followed by an apposition naming a journalist ("X, a correspondent for the Y")."""
    roles = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in data("titles")["press"])
    return re.compile(re.escape(name) + r",\s+(?:an?|the|a\s+senior|[A-Z][\w'\u2019-]*['\u2019]s)\s+(?:[\w-]+\s+){0,3}?"
                      r"(?:" + roles + r")s?\b")


@lru_cache(maxsize=1)
def _office() -> re.Pattern:
    posts = data("titles")["state_posts"] + data("titles").get("head_posts", [])
    return re.compile(r"(?i)(?<![\w-])(?:" + "|".join(re.escape(p).replace(r"\ ", r"[\s-]+") for p in posts) + r")s?(?![\w-])")


_NAME_WORD = re.compile(r"[A-Z][\w'\u2019-]+")


def _office_holders(doc: Document, names: list[str], gaz: Gazetteer) -> dict[str, str | None]:
    """The surnames of `names` that some passage gives a state's office, in the clause before the
    name ("the acting Minister for Foreign Affairs, Jane Doe", "President Doe") or in an apposition
    right after it ("Doe, the prime minister,"), each with the state the text gives that office
    without a name ("an Estonian prime minister who ..."), when it gives it one state only."""
    surnames = {n.split()[-1] for n in names}
    out: dict[str, str | None] = {}
    offices: dict[str, str] = {}
    for p in doc.passages():
        for m in _NAME_WORD.finditer(p.text):
            if m.group() not in surnames or m.group() in out:
                continue
            before = re.split(r"[.;:!?]\s", p.text[max(0, m.start() - 90):m.start()])[-1]
            after = re.match(r",\s+([^,.;]{0,60})", p.text[m.end():])
            office = list(_office().finditer(before))
            office = office or (list(_office().finditer(after.group(1))) if after else [])
            if office:
                out[m.group()] = None
                offices[m.group()] = office[-1].group().lower().rstrip("s")
    for surname, office in offices.items():
        states = _unnamed_office_states(doc, office, gaz)
        out[surname] = states[0] if len(states) == 1 else None
    return out


def _unnamed_office_states(doc: Document, office: str, gaz: Gazetteer) -> list[str]:
    """The states the text names before `office` when no name follows it ("an Estonian prime
    minister who", "the U.S. president", "Estonia's prime minister"); "Estonian Prime Minister
    Jane Doe" is Jane Doe's own title, no office left unnamed."""
    pat = re.compile(r"(?i)(?<![\w-])" + re.escape(office).replace(r"\ ", r"[\s-]+") + r"s?(?![\w-])")
    states: list[str] = []
    for p in doc.passages():
        for m in pat.finditer(p.text):
            if re.match(r",?\s+(?:[A-Z][\w.'\u2019-]*\s+)*[A-Z][a-z]", p.text[m.end():m.end() + 40]) \
                    and not re.match(r"\s+(?:of|for)\b", p.text[m.end():]):
                continue  # a name follows ("Latvia's president, Janis Ozols"): that person's own title
            head = p.text[max(0, m.start() - 40):m.start()]
            found = gaz.find(head)
            if not found or head[found[-1].end:].strip() not in ("", "'s", "\u2019s") or \
                    found[-1].via not in ("adjective", "demonym", "acronym", "name", "alias"):
                continue
            state = gaz.speaks_for(found[-1].name) or found[-1].name
            if gaz.is_state(state) and state not in states:
                states.append(state)
    return states
