"""Whether a surface the trie matched names the actor, from the words around it (rule 4 of the
package's docstring): person's names, ALL-CAPS runs, event names, adjectives of language or origin,
locale codes, longer proper names, URLs."""
from __future__ import annotations

import re

from .surfaces import ACRO, ADJ, BARE, CAPS_RISK, NAME_RISK, PLACE, TOKEN, TOKEN_AFTER, Surface

URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)

# Words that may stand before a person-name-like state name without making it a person's
# name ("In Jordan", "President of Georgia" is handled by "of" being lower case).
_ALLOW_BEFORE_RISKY = frozenset("""
the a an in on at for from to of and or but nor as by with without within into onto upon via
both neither either between among against towards toward like unlike while whereas whether
if when where since until after before during despite including excluding except than
also even only then thus hence however meanwhile moreover furthermore indeed yet still
today yesterday tomorrow now here there
neighbouring neighboring northern southern eastern western central north south east west
king queen prince princess emir sultan crown kingdom republic state states government
president minister prime foreign ambassador envoy embassy delegation mission representative
secretary chairman chair spokesman spokesperson spokeswoman people nation nations
affairs ministry ministries office government council committee commission assembly parliament
agency embassy relations cooperation integration trade development security defence defense
""".split())

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "st"})
# A capital or metonym followed by one of these names an event, a place or a document.
_EVENT_AFTER = frozenset("""
agreement agreements accord accords treaty treaties statute convention conventions declaration
conference summit protocol charter principles process format group club round talks act final
criteria document plan initiative consensus communique communiqué memorandum compact pact
framework regulation plus processes university airport city mayor municipality stock wall metro spring
marathon zoo district region oblast province street
""".split())
# ... and so does "<one of these> of <capital>" ("Treaty of Lisbon", "Mayor of Belgrade").
_EVENT_BEFORE_OF = frozenset("""
treaty convention congress declaration battle siege university summit conference agreement
accord protocol statute charter mayor city municipality port peace liberation fall process
outskirts centre center suburbs streets people residents citizens
""".split())
_ADJ_AFTER_HYPHEN = frozenset({"speaking", "speaker", "speakers", "language", "born", "origin", "style",
                               "majority", "dominated", "populated", "inhabited", "minority"})
_ADJ_AFTER = frozenset({"language", "speakers", "speaking"})


def _longer_name(tn: str, nxt, nxt2, joins: tuple[str, ...]) -> bool:
    """The two tokens after a surface (`nxt`, `nxt2`: (start, end, text) or None) go on with a proper
    name: one of `joins`, then a capitalised word, or "the" and a capitalised word."""
    if not (nxt and nxt2 and nxt[2].lower() in joins):
        return False
    if nxt2[2][:1].isupper():
        return True
    if nxt2[2].lower() == "the":
        third = TOKEN_AFTER.match(tn, nxt2[1])
        return bool(third and third.group(1)[:1].isupper())
    return False


_THE_BEFORE = re.compile(r"(?:\b[Tt]he|[A-Z][\w-]*)\s+$")
"""Before the first word of "Peace and Security Council": "the" or another capitalised word of the name."""


def names_actor(tn: str, start: int, end: int, s: Surface, title_words: frozenset[str], acronyms: set[str]) -> bool:
    """False when the words around ``tn[start:end]`` show that surface `s` does not name its actor;
    `title_words` are lexicon.title_words(), `acronyms` every acronym of the gazetteer."""
    flags = s.flags
    if not (flags & (NAME_RISK | CAPS_RISK | PLACE | ADJ | ACRO | BARE) or s.cands):
        return True
    prev = prev2 = None  # the last two tokens of the 60 characters before
    for m in TOKEN.finditer(tn, max(0, start - 60), start):
        prev2, prev = prev, m
    before = [(x.start(), x.end(), x.group()) for x in (prev2, prev) if x is not None]
    after = []
    pos = end
    for _ in range(2):
        nm = TOKEN_AFTER.match(tn, pos)
        if nm is None:
            break
        after.append((nm.start(1), nm.end(1), nm.group(1)))
        pos = nm.end(1)
    prev = before[-1] if before else None
    prev2 = before[-2] if len(before) > 1 else None
    nxt = after[0] if after else None
    nxt2 = after[1] if len(after) > 1 else None
    if flags & BARE and not s.cands and _longer_name(tn, nxt, nxt2, ("of", "for")):
        return False  # "Security Council of Ruritania": a bare organ name inside a longer name
    if flags & BARE and prev is not None and prev2 is not None and prev[2] == "and" \
            and prev2[2][:1].isupper() and prev2[2].isalpha() and _THE_BEFORE.search(tn, max(0, prev2[0] - 30), prev2[0]):
        return False  # "the Peace and Security Council": a bare organ name ending a longer name
    if s.cands:
        # "the Commission on Narcotic Drugs": a longer proper name we do not know
        return not _longer_name(tn, nxt, nxt2, ("of", "for", "on"))
    if flags & NAME_RISK and prev is not None:
        w = prev[2]
        if w == "." and prev2 is not None and prev2[2].lower() in _HONORIFICS:
            return False  # "Mrs. Georgia Brown", "Dr. Chad Rivers"
        if w[:1].isupper() and w.isalpha() and not w.isupper() and w.lower() not in _ALLOW_BEFORE_RISKY \
                and "\n" not in tn[prev[1]:start]:
            # "Michael Jordan", "President George Washington"; but not "Ministry of Foreign
            # Affairs Georgia", where the capitalised run is an institution's name
            w2 = prev2[2] if prev2 is not None and "\n" not in tn[prev2[1]:prev[0]] else ""
            if not (w2[:1].isupper() and w2.isalpha() and w2.lower() not in title_words):
                return False
    if flags & ACRO and prev is not None and prev2 is not None and prev[2] == "-" and prev[1] == start \
            and prev2[1] == prev[0] and len(prev2[2]) == 2 and prev2[2].isalpha() and prev2[2].islower():
        return False  # a locale code: "en-AU", "en-US"
    if flags & CAPS_RISK:
        for t in (prev, nxt):
            if t is not None:
                w = t[2]
                if len(w) >= 2 and w.isalpha() and w.isupper() and w not in acronyms:
                    return False
    if flags & PLACE:
        if nxt is not None and nxt[2].lower() in _EVENT_AFTER and nxt[2][:1].isalpha():
            return False
        if prev is not None and prev2 is not None and prev[2].lower() == "of" \
                and prev2[2].lower() in _EVENT_BEFORE_OF:
            return False
    if flags & ADJ:
        if prev is not None and prev[2].lower() == "ethnic":
            return False
        if nxt is not None:
            w = nxt[2].lower()
            if w == "-" and nxt[0] == end and nxt2 is not None and nxt2[2].lower() in _ADJ_AFTER_HYPHEN:
                return False
            if w in _ADJ_AFTER:
                return False
    return True


def outside_urls(tn: str, hits: list[list]) -> list[list]:
    """`hits` (items starting with their offset) without those inside a URL or an e-mail address."""
    if "://" in tn or "www." in tn or "@" in tn:
        urls = [(m.start(), m.end()) for m in URL.finditer(tn)]
        if urls:
            hits = [h for h in hits if not any(s <= h[0] < e for s, e in urls)]
    return hits


__all__ = ["URL", "names_actor", "outside_urls"]
