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
from functools import lru_cache

from ..actors import STATE_KINDS, Gazetteer
from ..lexicons import data
from .person_names import (FUNCTION_CAPS, MONTH_NAMES, STOP_CAPS, in_organisation_name, is_title, not_name_words,
                           org_heads, person_names, title_patterns)

# compiled once: these run in hot loops, where re's own cache lookup per call was measurable
_WORD_TOKEN = re.compile(r"[\w'\u2019-]+")
_PRONOUN_ONLY = re.compile(r"(?i)he|she|they|it|we|i|you")
_NOBODY = re.compile(r"(?i)(?:no|none\s+of|neither|not\s+a\s+single)\b")
_PLURAL_AFTER = re.compile(r"\s+([a-z]+s)\b")
_NOT_A_PLURAL = re.compile(r"(?:was|has|is|does|says|as|its|his|this|thus|us)")
_CAPITAL_WORD = re.compile(r"[A-Z][\w'\u2019-]+")
_POSSESSIVE_END = re.compile(r"['\u2019]s$")
_NAME_BEFORE = re.compile(r"(?:^|\s)(?:[A-Z]{2,}|[A-Z][a-z]+)\s+$")
_OPEN_PAREN_END = re.compile(r"\(\s*$")


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    """The person (``Jane Doe``) or a descriptor (``a former diplomat``)."""
    actor: str | None
    """Canonical state or organisation, or None when the text does not say."""
    person: bool = False
    """True when `name` is a person's name (not a descriptor or an actor)."""
    via: str = ""
    """The rule that tied the actor to the speaker (a basis name: ``gazetteer-actor``,
    ``nationality-adjective``, ``apposition-actor``, ``person-met-earlier``, ...), "" when none did."""

    kind: str = ""
    """For an actor the gazetteer lacks, what the text says it is (``party``, ``institute``...)."""

    def key(self) -> tuple:
        return (self.name or "", self.actor or "")


@dataclass
class People:
    """Persons met in one document: any single word of their name -> (full name, actor)."""

    full: dict[str, str | None] = field(default_factory=dict)
    by_word: dict[str, str] = field(default_factory=dict)
    context: tuple[str, ...] = ()
    """Actors the document names most, for resolving "the Secretary-General", "the Council"."""

    def add(self, name: str, actor: str | None) -> None:
        if name not in self.full or (actor and not self.full[name]):
            self.full[name] = actor
        for word in _WORD_TOKEN.findall(name)[1:] or [name]:
            if len(word) > 2 and word[0].isupper():
                self.by_word.setdefault(word, name)

    def lookup(self, text: str) -> tuple[str, str | None] | None:
        text = text.strip()
        if text in self.full:
            return text, self.full[text]
        words = _WORD_TOKEN.findall(text)
        if len(words) >= 2:  # "Abu Salem": a known name holding all these words, not any one of them
            for name in self.full:
                have = _WORD_TOKEN.findall(name)
                if all(w in have for w in words):
                    return name, self.full[name]
            return None
        for word in reversed(words):
            if word in self.by_word:
                name = self.by_word[word]
                return name, self.full[name]
        return None




@lru_cache(maxsize=1)
def _state_posts() -> frozenset[str]:
    return frozenset(w.lower() for w in data("titles").get("state_posts", []))


_NAMED_FOR_BEFORE = re.compile(r"([A-Z][\w'\u2019-]+)\s+for\s+(?:the\s+)?$")
_NAMED_FOR = re.compile(r"(?P<org>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)*\s+for\s+(?:the\s+)?[A-Z][\w'\u2019-]+"
                        r"(?:\s+[A-Z][\w'\u2019-]+)*)")
_STATE_WORDS = frozenset({"Government", "Ministry", "Embassy", "Mission", "Delegation", "Presidency", "Army", "Forces",
                          "Navy", "Police", "Parliament", "Armed", "Defence", "Defense", "Foreign", "State", "National",
                          "Federal", "Security", "Border", "Air", "Cabinet", "Interior", "Justice", "Finance", "Prime",
                          "Permanent", "Representative", "Ambassador", "Administration", "Authorities", "Military",
                          "Officials", "Office", "Department", "Council", "Senate", "Congress", "Assembly", "Duma"})
_GOVERNABLE_KINDS = frozenset({"state", "de-facto-state", "historical", "sub-state"})
_CAPITALS_AFTER = re.compile(r"(?:\s+[A-Z][\w'\u2019-]*){1,4}")


def _names_an_organisation(phrase: str, end: int) -> bool:
    """Capitalised words after a state's name end in an organisation's kind word that is not one of
    the state's own bodies ("Afghanistan Freedom Front", not "Afghanistan Armed Forces")."""
    m = _CAPITALS_AFTER.match(phrase, end)
    if m is None:
        return False
    words = m.group().split()
    return words[-1] in org_heads() and not any(w in _STATE_WORDS for w in words)


_NEXT_CAPITAL = re.compile(r"\s+([A-Z][\w'\u2019-]*)")


def _in_proper_name(phrase: str, end: int, gaz: Gazetteer) -> bool:
    """The adjective ending at `end` opens a capitalised name that is no title ("Turkish Friendship
    Hospital", "Indonesian Hospital"), unlike "Turkish Foreign Minister", "German Ambassador Jane"."""
    m = _NEXT_CAPITAL.match(phrase, end)
    if m is None:
        return False
    titles, anon = title_patterns()
    rest = phrase[m.start(1):]
    if titles.match(rest) or anon.match(rest) or is_title(m.group(1)) or m.group(1) in STOP_CAPS:
        return False
    if gaz.find(m.group(1)) or m.group(1) in _STATE_WORDS:
        return False  # "the Ukrainian Armed Forces", "the French Government": the state's own bodies
    return m.group(1) in org_heads() or m.group(1) not in not_name_words()
_COORDINATION = re.compile(r",?\s+(?:and|as\s+well\s+as|together\s+with|along\s+with)\s+")
_COURT_OF = re.compile(r"\b(?:Court|Tribunal)\s+of\s+(?:the\s+)?$")
_SHARE_OF = re.compile(r"(?i)(?:%|\bper\s*cent|\bpercent|\bmany|\bmost|\bsome|\bfew|\bthousands|\bmillions|\bhundreds|"
                       r"\bmajority|\bminority|\bhalf|\bthird|\bquarter|\bnumber|\bordinary|\bdozens|\d)\s+(?:of\s+(?:the\s+)?)?$")
_FORMER = re.compile(r"(?i)\b(?:former|ex-|retired|onetime|one-time|erstwhile)\s*(?:[\w.-]+\s+){0,1}$")
_LOCATIVE = re.compile(r"(?i)\b(?:in|to|at|into|near|from|on|across|over|towards?|against)\s+(?:the\s+)?$")


_JUST_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)")


def _coordinated_sides(phrase: str, mentions, gaz: Gazetteer) -> str | None:
    """'French and UK foreign ministers', 'Ruritanian, Syldavian and Bordurian diplomats': states named
    side by side before one office speak together ("France and United Kingdom"); None otherwise."""
    sides = [m for m in mentions if gaz.is_state(m.name) and m.via in ("adjective", "acronym", "name", "alias")]
    run = sides[:1]
    for m in sides[1:]:
        if not _JUST_AND.fullmatch(phrase[run[-1].end:m.start]):
            break
        run.append(m)
    if len(run) < 2 or not re.match(r"\s+[a-z]", phrase[run[-1].end:]) \
            or any(m.via not in ("adjective", "acronym", "alias") for m in run) \
            or all(m.via == "acronym" for m in run) or _LOCATIVE.search(phrase[:run[0].start]):
        return None  # only nationality words before a lower-case office ("French and UK foreign ministers")
    names = list(dict.fromkeys(gaz.speaks_for(m.name) or m.name for m in run))
    return " and ".join(names) if len(names) > 1 else None


_COMPLEMENT = re.compile(r"\s(?:on|of|for|to|against|between|concerning|relating)\s")
_REFERENCE_TAIL = re.compile(r"(?:\s+(?:No\.?\s*)?[\d(][\w()/.-]*)+$")


def _instrument(phrase: str) -> bool:
    """The phrase names a text (a declaration, charter, resolution), not a speaker: its head noun,
    before any complement ("on the Rights of ...", "of the Union") or number, is an instrument's."""
    head = _REFERENCE_TAIL.sub("", _COMPLEMENT.split(" " + phrase, maxsplit=1)[0]).split()
    return bool(head) and head[-1].lower().strip(".,;:'\u2019") in _instrument_heads()


@lru_cache(maxsize=1)
def _instrument_heads() -> frozenset[str]:
    return frozenset(data("cues")["instrument_heads"])


@lru_cache(maxsize=1)
def _press_medium() -> re.Pattern:
    """A publication named after its kind: "the online publication X", "the newspaper X Post"."""
    media = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(data("titles")["press_media"], key=len, reverse=True))
    cap = r"[A-Z][\w'\u2019.&-]*"
    return re.compile(r"(?:the\s+|an?\s+)?(?:[a-z][\w-]*\s+){0,2}?(?:" + media + r")\s+(?P<name>(?:the\s+)?" + cap
                      + r"(?:\s+" + cap + r"){0,4})$")


def resolve_phrase(phrase: str, gaz: Gazetteer, people: People, links=()) -> Speaker | None:
    """The speaker a subject noun phrase names, or None when it names nobody."""
    phrase = phrase.strip(" ,;:")
    if not phrase or _PRONOUN_ONLY.fullmatch(phrase):
        return None
    if _NOBODY.match(phrase):
        return None  # "no member state has recognised": nobody speaks
    if _instrument(phrase):
        return None  # "the United Nations Declaration on ... calls for": a text quoted, not its authors speaking
    press = _press_medium().match(phrase)
    if press:
        # "the online publication Utopia Today": a publication reports; the state in its name does not speak
        name = press.group("name")
        return Speaker(name=name, actor=name, person=False, via="press-report", kind="press")
    mentions = list(gaz.find(phrase, people.context))
    extra = [m for target in links for m in gaz.find(target)]
    actor, via = _affiliation(phrase, mentions, gaz, extra)
    joint = _coordinated_sides(phrase, mentions, gaz)
    if actor and joint:
        actor, via = joint, "coordinated-sides"  # "French and British ministers": both, said once
    if _PRESIDING.search(phrase) or any(_PRESIDING.search(t) for t in links):
        # the chair of a deliberative body acts in a personal capacity: neither the body nor the
        # chair's home state speaks through a "President of the Assembly sided with ..."
        actor, via = None, "presiding-officer"
    if actor and via == "nationality-adjective" and _unofficial_after(phrase, mentions, actor, gaz):
        actor, via = None, ""  # "a leading American academic": a nationality, not an office
    kind = ""
    if actor is None and via != "presiding-officer":
        actor = apposition_actor(phrase, gaz)
        via = "apposition-actor" if actor else ""
        kind = actor_kind(phrase, actor) if actor and actor not in gaz else ""
    names = person_names(phrase, gaz)
    if names:
        coordinated = len(names) > 1 and _COORDINATION.search(phrase, names[0][1], names[1][0])
        k = 0 if coordinated or not _apposition_last(phrase, names) else len(names) - 1
        s, e, name = names[k]
        if len(names) > 1:
            # two people in one phrase: the actor is the one named by this person's own title
            lo = names[k - 1][1] if k > 0 else 0
            hi = names[k + 1][0] if k + 1 < len(names) else len(phrase)
            if coordinated and k == 0:
                hi = _COORDINATION.search(phrase, names[0][1], names[1][0]).start()
            own, own_via = _affiliation(phrase[lo:hi], gaz.find(phrase[lo:hi], people.context), gaz, extra)
            if own:
                actor, via = own, own_via
            joint = _coordinated_person(phrase, names, own, gaz, people) if coordinated and k == 0 else None
            if joint is not None:
                return joint
        known = people.lookup(name)
        if known and len(name.split()) < len(known[0].split()):
            name = known[0]
        if actor is None and known and known[1] and via != "presiding-officer":
            actor, via = known[1], "person-met-earlier"
        return Speaker(name=name, actor=actor, person=True, via=via, kind=kind)
    lone = _titled_surname(phrase, gaz) if not _single_known(phrase, people) else None
    if lone:  # "President Varga", "Foreign Minister Lind": a title before a lone surname
        known = people.lookup(lone) or next(((n, a) for n, a in people.full.items() if lone in n.split()), None)
        if not actor and known and known[1]:
            actor, via = known[1], "person-met-earlier"
        return Speaker(name=known[0] if known else lone, actor=actor, person=True, via=via, kind=kind)
    known = _single_known(phrase, people)
    if known:
        if not actor and known[1]:
            actor, via = known[1], "person-met-earlier"
        return Speaker(name=known[0], actor=actor, person=True, via=via, kind=kind)
    if actor is None:
        org = _org_subject(phrase)
        if org:  # "The Lowland Parliament declared", "a ruling by the Constitutional Court of X"
            return Speaker(name=None, actor=org, person=False, via="text-actor", kind=actor_kind(phrase, org))
    desc = descriptor(phrase)
    if desc and actor and all(m.via == "adjective" for m in mentions) and not extra and _unofficial_head(desc):
        actor = None  # "Western and some Russian sources" say where sources are, not who speaks
    if actor:
        return Speaker(name=desc or _mention_name(mentions), actor=actor, person=False, via=via, kind=kind)
    if desc:
        return Speaker(name=desc, actor=None, person=False)
    return None


def _coordinated_person(phrase: str, names, first_actor: str | None, gaz: Gazetteer, people: People) -> Speaker | None:
    """'X's ambassador A, as well as Y's ambassador B, have both warned': two people of two sides
    coordinated as one subject speak together ("A and B" for "X and Y", medium like a joint letter's
    list), not the first one alone; None when the second names no side of its own or the same one."""
    if not first_actor:
        return None
    lo = _COORDINATION.search(phrase, names[0][1], names[1][0]).end()
    hi = names[2][0] if len(names) > 2 else len(phrase)
    other, _ = _affiliation(phrase[lo:hi], gaz.find(phrase[lo:hi], people.context), gaz)
    if not other or other == first_actor:
        return None
    return Speaker(name=f"{names[0][2]} and {names[1][2]}", actor=f"{first_actor} and {other}", person=False,
                   via="coordinated-sides")


_UNOFFICIAL = None


def _unofficial_after(phrase: str, mentions, actor: str, gaz: Gazetteer) -> bool:
    """The nationality adjective that gave `actor` describes a non-official noun ("American
    academic voices", "a Utopian journalist"), not an office."""
    global _UNOFFICIAL
    if _UNOFFICIAL is None:
        _UNOFFICIAL = re.compile(r"(?:[\w-]+\s+){0,2}?(?:" + "|".join(
            re.escape(w) for w in data("titles").get("unofficial", [])) + r")s?\b", re.IGNORECASE)
    for m in mentions:
        if (gaz.speaks_for(m.name) or m.name) == actor and m.via in ("adjective", "demonym"):
            if _UNOFFICIAL.match(phrase[m.end:].lstrip()):
                return True
    return False


_ORG_HEAD = None
_PRESIDING = re.compile(r"\b(?:President|Vice-President|Chair(?:man|person|woman)?|Speaker)\s+of\s+the\s+"
                        r"(?:[A-Z][\w.-]*\s+){0,3}?(?:General\s+Assembly|Security\s+Council|Human\s+Rights\s+Council|"
                        r"Parliamentary\s+Assembly|Parliament|Assembly|Senate|Congress|Chamber|House)\b")
_LONE = re.compile(r"\s+([A-Z][a-z\u00c0-\u024f][\w'\u2019-]+)(?![\w'\u2019-]*\s+[A-Z])")


def _titled_surname(phrase: str, gaz: Gazetteer) -> str | None:
    titles, _ = title_patterns()
    for t in titles.finditer(phrase):
        m = _LONE.match(phrase, t.end())
        if m and m.group(1) not in STOP_CAPS and m.group(1) not in MONTH_NAMES and not is_title(m.group(1)) \
                and not gaz.find(m.group(1)) and m.group(1) not in org_heads():
            return m.group(1)
    return None


_STATE_BODIES = frozenset({"Ministry", "Department", "Government", "Office", "Bureau", "Authority", "Agency",
                           "Senate", "Parliament", "Assembly", "Congress", "Board", "Programme", "Program"})
_SOURCE_HEADS = frozenset({"source", "insider", "observer", "media", "press", "circle"})


def unofficial_words(desc: str) -> bool:
    """Some word of the description names people who hold no office ("analysts", "journalists")."""
    words = {w.lower() for w in data("titles").get("unofficial", [])}
    return any(w.lower().rstrip("s") in words or w.lower() in words for w in re.findall(r"[A-Za-z]+", desc))


def _unofficial_head(desc: str) -> bool:
    """A descriptor whose head names no office ("sources", "analysts"), unlike "officials", "diplomats"."""
    head = desc.split()[-1].lower().rstrip("s")
    return head in _SOURCE_HEADS or head in {w.lower() for w in data("titles").get("unofficial", [])}


def apposition_actor(phrase: str, gaz: Gazetteer) -> str | None:
    """An organisation the gazetteer lacks, tied to the speaker by a title or a descriptor in
    apposition: "Jane Doe, a senior fellow at the Institute for X", "the leader of the Y, a
    sovereignist party", "a spokeswoman for the Z Foundation". The name as written."""
    global _ORG_HEAD
    if _ORG_HEAD is None:
        heads = "|".join(re.escape(h) for h in data("titles").get("organisation_heads", []))
        cap = r"[A-Z][\w'\u2019.&-]*"
        _ORG_HEAD = re.compile(
            r"\b(?:at|of|for|with|from|in)\s+(?:the\s+)?(?P<org>(?:" + cap + r"\s+(?:(?:of|for|on|and|the|de)\s+)*)*?"
            r"(?:" + heads + r")(?:\s+(?:of|for|on)(?:\s+the)?(?:\s+" + cap + r"){1,4}(?:\s+(?:and|&)(?:\s+" + cap + r"){1,3})?)?)(?![\w-])"
            r"|\b(?:at|of|for|with|from)\s+(?:the\s+)?(?P<named>" + cap + r"(?:\s+" + cap + r"){0,4}),\s+(?:a|an|the)\s+"
            r"(?:[\w-]+\s+){0,3}?(?:" + heads.lower() + r")\b")
    titles, anon = title_patterns()
    m = None
    for first in list(titles.finditer(phrase)) + list(anon.finditer(phrase)):
        m = _ORG_HEAD.search(phrase, first.end())
        if m is not None and m.start() - first.end() <= 30:
            break  # the organisation stands right after the speaker's title: "a fellow at the X"
        m = None
        f = _NAMED_FOR.search(phrase, first.end())
        if f is not None and f.start() - first.end() <= 40 and not is_title(f.group("org").split()[0]):
            found = gaz.find(f.group("org"))
            if found and found[0].start == 0:
                continue  # "Ministry for X" and the like: a body the gazetteer knows
            named_for = f.group("org").split(" for ", 1)[-1]
            if not any(x.kind in _GOVERNABLE_KINDS for x in gaz.find(named_for)):
                continue  # "The Case for Empire": a title, not a party named after a state
            return f.group("org")  # "lawmakers from the populist Alternative for Norway"
    if m is None:
        return None
    name = (m.group("org") or m.group("named")).strip()
    if name.split()[0] in _STATE_BODIES:
        return None  # "a spokesman for the Ministry of Foreign Affairs": of which state, the phrase does not say
    if len(name.split()) < 2 and not m.group("named"):
        return None  # "of the Ministry": which one, the text does not say here
    found = gaz.find(name)
    if found and found[0].via not in ("adjective", "demonym"):
        return gaz.speaks_for(found[0].name) or found[0].name
    return name  # "the Utopian Hospital", "the Utopian Refugee Council": an institution, not the state


_ORG_SUBJECT = None


def _org_subject(phrase: str) -> str | None:
    """A phrase that is the name of an organisation the gazetteer lacks, with the kind word in it
    ("the Lowland Parliament", "the Southern Liberation Movement", "the Constitutional Court of X")."""
    global _ORG_SUBJECT
    if _ORG_SUBJECT is None:
        heads = "|".join(re.escape(h) for h in data("titles").get("organisation_heads", []))
        cap = r"[A-Z][\w'\u2019&-]*"
        _ORG_SUBJECT = re.compile(r"^(?:[Tt]he\s+)?(?P<org>(?:" + cap + r"\s+){0,5}(?:" + heads + r")"
                                  r"(?:\s+(?:of|for|on)(?:\s+the)?(?:\s+" + cap + r"){1,4})?)\s*$")
    m = _ORG_SUBJECT.match(phrase.strip(" ,;:"))
    first = m.group("org").split()[0] if m else ""
    if m is None or len(m.group("org").split()) < 2 or first in _STATE_BODIES or first in STOP_CAPS \
            or first in FUNCTION_CAPS:
        return None  # "His Office", "The Ministry": whose, the phrase does not say
    return m.group("org")


def actor_kind(phrase: str, name: str) -> str:
    """What an actor named only in the text is: the noun its apposition gives ("the X, a
    sovereignist party" -> party), else the kind word in its name ("Institute", "Parliament"),
    "party" for "Alternative for <State>"; "" when the text does not say."""
    heads = data("titles").get("organisation_heads", [])
    m = re.search(re.escape(name) + r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(" +
                  "|".join(re.escape(h.lower()) for h in heads) + r")\b", phrase)
    if m:
        return m.group(1)
    for word in reversed(name.split()):  # "Institute for Northern Studies" -> institute
        if word in heads:
            return word.lower()
    return "party" if _NAMED_FOR.fullmatch(name) else ""


def _mention_name(mentions) -> str | None:
    """A ministry, government or organ named as the speaker ("Russian Ministry of Foreign Affairs")."""
    for m in mentions:
        if m.via in ("ministry", "government", "organ"):
            return m.text
        if m.via == "alias" and m.kind in STATE_KINDS and m.text.split()[-1] in org_heads():
            return m.text  # "The Palestinian Authority", "the Federal Council": the body that spoke
    return None


_MODIFIER = re.compile(r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther|"
                       r"[A-Z][\w'\u2019.-]*|[a-z]+(?:al|ic|ive|an|ese|ish|ior|ed|ion)|[a-z]+-[a-z]+|foreign|defen[cs]e|"
                       r"interior|finance|prime|deputy|chief|head|former|senior|local|well|rights|aid|relief|civil|"
                       r"society|opposition|trade|business|army|military|police|health|medical|legal|"
                       r"placed|well-placed|high-ranking|top|anonymous|unnamed|informed|close|independent)")


def descriptor(phrase: str) -> str | None:
    """An anonymous-source noun phrase ("a former EU diplomat", "member states"), or None."""
    _, anon = title_patterns()
    m = None
    for m in anon.finditer(phrase):
        pass
    if m is None:
        return None
    head_end = m.end()
    plural = _PLURAL_AFTER.match(phrase[head_end:])
    if plural and not _NOT_A_PLURAL.fullmatch(plural.group(1)):
        head_end += plural.end()  # "member states", "opposition leaders"
    keep = []
    words = phrase[:m.start()].split()[-7:]
    while words:
        w = words.pop()
        if w in ("and", "or") and words and (anon.fullmatch(words[-1]) or (
                words[-1][:1].isupper() and keep and keep[0][:1].isupper())):  # "French and UK foreign ministers"
            keep.insert(0, w)  # "analysts and opposition leaders"
            continue
        if not _MODIFIER.fullmatch(w) and not anon.fullmatch(w):
            break
        keep.insert(0, w)
        if w.lower() in ("a", "an", "the"):
            break
    text = " ".join(keep + [phrase[m.start():head_end].strip()])
    if keep and in_organisation_name(phrase, m.start() - len(" ".join(keep)) - 1):
        return None  # "the Committee to Protect Journalists": an organisation's name, no journalists speaking
    return text.strip() or None


def _single_known(phrase: str, people: People):
    for word in reversed(_CAPITAL_WORD.findall(phrase)):
        word = _POSSESSIVE_END.sub("", word)
        if word in people.by_word:
            name = people.by_word[word]
            return name, people.full[name]
    return None


def _apposition_last(phrase: str, names) -> bool:
    # "Foreign Secretary of X, Jane Doe" -> the name in apposition after the comma is the person;
    # "JANE DOE, Director of Y Affairs" -> the name that opens the phrase is
    if not phrase[: names[0][0]].strip(" ,"):
        return False
    return "," in phrase[: names[-1][0]]


_VIA_BASIS = {"adjective": "nationality-adjective", "demonym": "nationality-adjective",
              "capital": "capital-metonym", "metonym": "capital-metonym"}


_POST_FOR = re.compile(r"\s+(?:[\w-]+\s+){1,4}?(?:for|of)\s+(?:the\s+)?")


def _post_in_organisation(phrase: str, m, mentions, gaz: Gazetteer) -> tuple[str, str] | None:
    """(organisation, rule) when a state is named before a post that an organisation named right
    after holds ("the Utopia country director for the X Watch", "a Utopian member of the Red Cross")."""
    post = _POST_FOR.match(phrase, m.end)
    if post is None or any(w[:1].isupper() and not is_title(w) for w in phrase[m.end:post.end()].split()[:-1]
                           if w.lower() not in ("for", "of", "the")):
        return None
    if any(w.lower() in _state_posts() for w in phrase[m.end:post.end()].split()):
        return None  # "the Utopian Ambassador for UN Reform", "Utopia's envoy to the Union": the state's own
    for o in mentions:
        if o.kind in ("organisation", "organ") and o.start == post.end():
            return gaz.speaks_for(o.name) or o.name, "gazetteer-actor"
    org = apposition_actor(phrase, gaz)  # one the gazetteer lacks: "for the X Watch", "for X, a rights group"
    return (org, "apposition-actor") if org and phrase.startswith(org, post.end()) else None


def _affiliation(phrase: str, mentions, gaz: Gazetteer, link_mentions=()) -> tuple[str | None, str]:
    """The actor a phrase ties its speaker to, and the rule: the first one named, unless it only says where."""
    ranked = []
    for i, m in enumerate(mentions):
        if m.kind == "organ" and _NAME_BEFORE.search(phrase[max(0, m.start - 20):m.start]):
            prev = phrase[max(0, m.start - 20):m.start].split()[-1]
            if prev not in STOP_CAPS and not gaz.canonical(prev):
                continue  # "the XYZ General Assembly": an organ of an organisation the gazetteer does not know
        name = gaz.speaks_for(m.name) or m.name
        score = 10 - i
        if _LOCATIVE.search(phrase[max(0, m.start - 12):m.start]) and m.kind not in ("organisation", "organ"):
            continue  # "in Moscow", "Ambassador to X": where, not on whose behalf
        if _COURT_OF.search(phrase[max(0, m.start - 30):m.start]):
            continue  # "the Constitutional Court of X": a court speaks as itself, not as the state
        if _FORMER.search(phrase[max(0, m.start - 30):m.start]):
            continue  # "a former Utopian ambassador": no longer speaks for Utopia
        if m.via == "demonym" and _SHARE_OF.search(phrase[max(0, m.start - 40):m.start]):
            continue  # "57% of Utopians say", "many Utopians": people of the country, not its state
        if m.via in ("adjective", "demonym") and _in_proper_name(phrase, m.end, gaz):
            continue  # "the Turkish Friendship Hospital": part of a name, not the speaker's state
        if m.via in ("name", "alias") and m.kind in _GOVERNABLE_KINDS and _names_an_organisation(phrase, m.end):
            continue  # "the Afghanistan Freedom Front": a movement named after the state
        named_for = _NAMED_FOR_BEFORE.search(phrase[max(0, m.start - 40):m.start])
        if named_for and not is_title(named_for.group(1)) and named_for.group(1) not in STOP_CAPS:
            continue  # "Alternative for Norway": a party named after the state, not the state
        employer = _post_in_organisation(phrase, m, mentions, gaz) if m.kind not in ("organisation", "organ") else None
        if employer:
            # "Utopia country director for the X Watch": the post's country, not its employer
            ranked.append((30, employer[0], employer[1]))
            continue
        if phrase.startswith("-based", m.end):
            continue  # "a Utopia City-based rights group": where, not for whom
        if m.via == "capital":
            score -= 8
        if _OPEN_PAREN_END.search(phrase[:m.start]):
            score += 5  # "Jane Doe (Utopia)"
        ranked.append((score, name, _VIA_BASIS.get(m.via, "gazetteer-actor")))
    for m in link_mentions:  # a link to "Secretary General of X" names the organisation outright
        if m.kind in ("organ", "organisation"):
            ranked.append((20, gaz.speaks_for(m.name) or m.name, "linked-actor"))
    if not ranked:
        return None, ""
    ranked.sort(key=lambda x: -x[0])
    return ranked[0][1], ranked[0][2]


_SERVICE_HEADS = frozenset({"Department", "Office", "Division", "Bureau", "Unit", "Section", "Secretariat"})
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|H\.\s?E)\.?\s+")
_TURN = re.compile(r"^(?P<name>[^()]+?)\s*\(\s*(?P<aff>[^()]+?)\s*\)\s*$")


def from_turn(context: str, gaz: Gazetteer, people: People) -> Speaker | None:
    """A press-release speaker turn label ("Jane Doe (Utopia)", "Title Jane Doe, Agency") -> Speaker."""
    m = _TURN.match(context)
    if m:
        name = _HONORIFIC.sub("", " ".join(m.group("name").split()))  # "Mr. Varga (Chile)" -> Varga
        found = gaz.find(m.group("aff"))
        if found and found[0].start > 0 and m.group("aff").split()[0] in _SERVICE_HEADS:
            found = []  # "(Department for General Assembly Affairs)": a secretariat unit, not the organ it serves
        actor = (gaz.speaks_for(found[0].name) or found[0].name) if found else None
        names = person_names(name, gaz)
        if names:
            name = names[-1][2] if len(names[-1][2].split()) >= 2 else name
        people.add(name, actor)
        return Speaker(name=name, actor=actor, person=True, via="speaker-turn-label" if actor else "")
    sp = resolve_phrase(context, gaz, people)
    if sp and sp.person:
        people.add(sp.name, sp.actor)
    return sp
