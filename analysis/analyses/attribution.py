"""Who is speaking: a noun phrase, a speaker-turn label or a pronoun -> Speaker (person, actor).

Rules a reader can audit, in order of strength: a role tied to an organisation or organ
("Secretary General of X", a link to such a page), a state adjective or "of <State>" with a
title ("the Swedish Foreign Secretary", "the representative of France"), a parenthesised
affiliation ("Jane Doe (Utopia)"), a person already met in the document, an actor named
as the subject ("The EU leaders").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..actors import Gazetteer
from ..lexicons import data
from .text import capitalised_runs


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    """The person (``Jane Doe``) or a descriptor (``a former diplomat``)."""
    actor: str | None
    """Canonical state or organisation, or None when the text does not say."""
    person: bool = False
    """True when `name` is a person's name (not a descriptor or an actor)."""

    def key(self) -> tuple:
        return (self.name or "", self.actor or "")


@dataclass
class People:
    """Persons met in one document: any single word of their name -> (full name, actor)."""

    full: dict[str, str | None] = field(default_factory=dict)
    by_word: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, actor: str | None) -> None:
        if name not in self.full or (actor and not self.full[name]):
            self.full[name] = actor
        for word in re.findall(r"[\w'\u2019-]+", name)[1:] or [name]:
            if len(word) > 2 and word[0].isupper():
                self.by_word.setdefault(word, name)

    def lookup(self, text: str) -> tuple[str, str | None] | None:
        text = text.strip()
        if text in self.full:
            return text, self.full[text]
        words = re.findall(r"[\w'\u2019-]+", text)
        for word in reversed(words):
            if word in self.by_word:
                name = self.by_word[word]
                return name, self.full[name]
        return None


_TITLES = None
_ANON = None


def _title_patterns():
    global _TITLES, _ANON
    if _TITLES is None:
        titles = data("titles")
        roles = sorted({r.lower() for r in titles.get("roles", [])}, key=len, reverse=True)
        anon = sorted({a.lower() for a in titles.get("anonymous", [])}, key=len, reverse=True)
        _TITLES = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(r).replace(r"\ ", r"[\s-]+") for r in roles)
                             + r")(?:s|es)?(?![\w-])", re.IGNORECASE)
        _ANON = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in anon)
                           + r")(?:s)?(?![\w-])", re.IGNORECASE)
    return _TITLES, _ANON


_STOP_CAPS = {"The", "A", "An", "In", "On", "At", "For", "With", "By", "From", "To", "Of", "And", "But", "As", "He",
              "She", "They", "It", "His", "Her", "Their", "Its", "This", "That", "These", "Those", "Mr", "Mrs",
              "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Former", "Then", "Acting", "Deputy", "Head", "Also", "While",
              "When", "However", "Thus", "Later", "After", "Before", "During", "Following", "According",
              "Speaking", "Opening", "Taking", "Similarly", "Moreover", "Indeed", "Furthermore", "Meanwhile",
              "Minister", "Ministers", "Foreign", "Secretary", "General", "President", "Prime", "Ambassador",
              "Chairman", "Chair", "State", "Under", "Western", "Several", "Many", "Some", "Most", "All"}
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"}


def person_names(text: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """Capitalised runs that look like a person's name: two or more words, none an actor or a title."""
    titles, _ = _title_patterns()
    actor_spans = [(m.start, m.end) for m in gaz.find(text)]
    out = []
    for run in capitalised_runs(text):
        words = run.text.split()
        # trim leading title/stop words ("Secretary General Jane Doe" -> "Jane Doe")
        start = run.start
        while words and (words[0].rstrip(".,") in _STOP_CAPS or titles.fullmatch(words[0])
                         or any(s <= start < e for s, e in actor_spans)):
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            words = words[1:]
        while words and (words[-1] in _STOP_CAPS or words[-1].endswith(("'s", "\u2019s"))):
            if words[-1].endswith(("'s", "\u2019s")) and len(words) > 1:
                words[-1] = words[-1][:-2]
                break
            words = words[:-1]
        if len(words) < 2 and not (words and re.fullmatch(r"[A-Z][a-z\u00C0-\u024F]+(?:-[A-Z][a-z]+)?", words[0])):
            continue
        name = " ".join(words)
        if not name or any(w in _MONTHS for w in words) or re.search(r"\d", name):
            continue
        end = start + len(name)
        if text[start:end] != name:
            continue
        if any(s <= start and end <= e for s, e in actor_spans):
            continue
        if titles.search(name) and len(words) < 3:
            continue
        if len(words) == 1 and not _looks_surname(words[0]):
            continue
        out.append((start, end, name))
    return out


def _looks_surname(word: str) -> bool:
    # A lone capitalised word is a name only when it is not a common English word at sentence start;
    # callers use single words only after checking People memory, so this stays strict.
    return len(word) > 3 and word[1:].islower()


_OF_ACTOR = re.compile(r"\b(?:of|for|from|to)\s+(?:the\s+)?$", re.IGNORECASE)


def resolve_phrase(phrase: str, gaz: Gazetteer, people: People, links=()) -> Speaker | None:
    """The speaker a subject noun phrase names, or None when it names nobody."""
    phrase = phrase.strip(" ,;:")
    if not phrase:
        return None
    titles, anon = _title_patterns()
    pron = re.fullmatch(r"(?:he|she|they|it)", phrase.strip(), re.IGNORECASE)
    if pron:
        return None
    names = person_names(phrase, gaz)
    mentions = gaz.find(phrase)
    for target in links:
        mentions += [m for m in gaz.find(target)]
    actor = _affiliation(phrase, mentions, gaz)
    if names:
        s, e, name = names[-1] if _apposition_last(phrase, names) else names[0]
        known = people.lookup(name)
        if known and len(name.split()) < len(known[0].split()):
            name = known[0]
        if actor is None and known:
            actor = known[1]
        return Speaker(name=name, actor=actor, person=True)
    known = _single_known(phrase, people)
    if known:
        return Speaker(name=known[0], actor=actor or known[1], person=True)
    if actor:
        desc = _descriptor(phrase, anon, titles)
        return Speaker(name=desc, actor=actor, person=False)
    desc = _descriptor(phrase, anon, titles)
    if desc and anon.search(phrase):
        return Speaker(name=desc, actor=None, person=False)
    return None


def _single_known(phrase: str, people: People):
    for word in reversed(re.findall(r"[A-Z][\w'\u2019-]+", phrase)):
        word = re.sub(r"['\u2019]s$", "", word)
        if word in people.by_word:
            name = people.by_word[word]
            return name, people.full[name]
    return None


def _apposition_last(phrase: str, names) -> bool:
    # "Foreign Secretary of X, Jane Doe" -> the name in apposition after the comma is the person
    return "," in phrase[: names[-1][0]]


def _descriptor(phrase: str, anon, titles) -> str | None:
    text = " ".join(phrase.split())
    text = re.sub(r"^(?:the|a|an)\s+", lambda m: m.group(), text, flags=re.IGNORECASE)
    words = text.split()
    if len(words) > 12:
        text = " ".join(words[:12])
    return text or None


def _affiliation(phrase: str, mentions, gaz: Gazetteer) -> str | None:
    """The actor a phrase ties its speaker to, strongest evidence first."""
    if not mentions:
        return None
    titles, _ = _title_patterns()
    scored = []
    for i, m in enumerate(mentions):
        kind = gaz.entry(m.name).get("kind") if gaz.entry(m.name) else m.kind
        name = m.name
        if kind == "organ":
            ent = gaz.entry(name) or {}
            if ent.get("speaks_for_parent") and ent.get("parent"):
                name = ent["parent"]
        before = phrase[max(0, m.start - 40):m.start] if m.start <= len(phrase) else ""
        score = 1
        if kind in ("organ",):
            score = 6
        elif kind in ("organisation",):
            score = 4
        elif m.via in ("adjective", "government", "ministry"):
            score = 3
        if m.start <= len(phrase) and titles.search(before[-30:] or "") and _OF_ACTOR.search(before):
            score += 3  # "Secretary General of X", "representative of X"
        if m.start <= len(phrase) and re.search(r"\(\s*$", phrase[:m.start]):
            score += 2  # "Jane Doe (Utopia)"
        if m.via == "capital":
            score -= 1
        scored.append((score, -i, name))
    scored.sort(reverse=True)
    return scored[0][2]


_TURN = re.compile(r"^(?P<name>[^()]+?)\s*\(\s*(?P<aff>[^()]+?)\s*\)\s*$")


def from_turn(context: str, gaz: Gazetteer, people: People) -> Speaker | None:
    """A press-release speaker turn label ("Jane Doe (Utopia)", "Title Jane Doe, Agency") -> Speaker."""
    m = _TURN.match(context)
    if m:
        name = " ".join(m.group("name").split())
        found = gaz.find(m.group("aff"))
        actor = found[0].name if found else None
        if actor:
            ent = gaz.entry(actor) or {}
            if ent.get("speaks_for_parent") and ent.get("parent"):
                actor = ent["parent"]
        names = person_names(name, gaz)
        if names:
            name = names[-1][2] if len(names[-1][2].split()) >= 2 else name
        people.add(name, actor)
        return Speaker(name=name, actor=actor, person=True)
    sp = resolve_phrase(context, gaz, people)
    if sp and sp.person:
        people.add(sp.name, sp.actor)
    return sp
