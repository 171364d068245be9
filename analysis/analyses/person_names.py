"""Capitalised words -> the person names among them, and the word lists that tell a name from a title,
an organisation's name, a month or a headline ("Secretary General Jane Doe" -> "Jane Doe"; "the
Sovereignty Front", "Earlier Saturday" -> no name). Titles and anonymous-source heads come from
lexicons/titles.json, the words that end no name from lexicons/cues.json.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..actors import Gazetteer
from ..lexicons import data
from ..text.patterns import grouped_alternation
from .text import NAME_RUN

_DIGIT = re.compile(r"\d")
_NEXT_SMALL_WORD = re.compile(r"\s+([a-z][\w-]+)")
_PLURAL_NOUN = re.compile(r"[a-z]{3,}(?<!s)s")
_ORG_LINK_BEFORE = re.compile(r"([A-Z][\w'\u2019-]*)\s+(?:to|for|on|against)\s+(?:the\s+)?$")
_JOINED_NAME = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+){0,3}([A-Z][\w'\u2019-]*)")


_TITLES = None
_ANON = None


def _title_patterns():
    global _TITLES, _ANON
    if _TITLES is None:
        titles = data("titles")
        roles = sorted({r.lower() for r in titles.get("roles", [])}, key=len, reverse=True)
        anon = sorted({a.lower() for a in titles.get("anonymous", [])}, key=len, reverse=True)
        # alternatives grouped by first letter (text/patterns.alternation): the same matches, faster
        _TITLES = re.compile(r"(?<![\w-])" + grouped_alternation([re.escape(r).replace(r"\ ", r"[\s-]+").replace("'", "['\u2019]")
                                                                 for r in roles])
                             + r"(?:s|es)?(?![\w-])", re.IGNORECASE)
        _ANON = re.compile(r"(?<![\w-])" + grouped_alternation([re.escape(a).replace(r"\ ", r"\s+") for a in anon])
                           + r"(?:s)?(?![\w-])", re.IGNORECASE)
    return _TITLES, _ANON


def title_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(titles, anonymous-source heads), compiled once from lexicons/titles.json."""
    return _title_patterns()


@lru_cache(maxsize=16384)
def is_title(word: str) -> bool:
    """The whole of `word` is a title (`_title_patterns()[0].fullmatch`). Cached: names are
    trimmed of titles word by word, the same capitalised words over and over."""
    return _title_patterns()[0].fullmatch(word) is not None


STOP_CAPS = {"The", "A", "An", "In", "On", "At", "For", "With", "By", "From", "To", "Of", "And", "But", "As", "He",
              "She", "They", "It", "His", "Her", "Their", "Its", "This", "That", "These", "Those", "Mr", "Mrs",
              "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Former", "Then", "Acting", "Deputy", "Head", "Also", "While",
              "When", "However", "Thus", "Later", "After", "Before", "During", "Following", "According",
              "Speaking", "Opening", "Taking", "Similarly", "Moreover", "Indeed", "Furthermore", "Meanwhile",
              "Minister", "Ministers", "Foreign", "Secretary", "General", "President", "Prime", "Ambassador",
              "Chairman", "Chair", "State", "Under", "Western", "Several", "Many", "Some", "Most", "All"}
FUNCTION_CAPS = {"The", "Do", "Does", "Did", "With", "Their", "That", "You", "Your", "Should", "Also", "Is", "Its", "What",
             "Says", "Say", "He", "She", "Could", "Would", "Have", "Has", "Had", "Knew", "Are", "Was", "Were", "Will",
             "Can", "Why", "How", "Who", "When", "Where", "Our", "My", "We", "They", "It", "This", "These", "To",
             "In", "On", "At", "For", "From", "Into", "Over", "After", "Not", "Be", "Been", "Up", "Out", "Off",
             "About", "Than", "Then", "Or", "If", "As", "By", "One", "Two", "Three", "Four", "Five", "Six", "Seven",
             "Eight", "Nine", "Ten"}
MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"}


_NOT_NAME: set[str] | None = None
_ORG_HEADS: frozenset[str] | None = None


def org_heads() -> frozenset[str]:
    global _ORG_HEADS
    if _ORG_HEADS is None:
        _ORG_HEADS = frozenset(data("titles").get("organisation_heads", []))
    return _ORG_HEADS


def not_name_words() -> set[str]:
    global _NOT_NAME
    if _NOT_NAME is None:
        from ..lexicons import cues
        _NOT_NAME = set(cues()["not_name_words"])
    return _NOT_NAME


def person_names(text: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """Capitalised runs that look like a person's name: two or more words, none an actor or a title."""
    return list(_person_names(text, gaz))


@lru_cache(maxsize=8192)
def _person_names(text: str, gaz: Gazetteer) -> tuple[tuple[int, int, str], ...]:
    """person_names, cached: statements asks about a passage, then again about phrases cut from
    it (a segment's lead, a frame's words) and other documents' identical passages."""
    titles, _ = _title_patterns()
    # only runs of two words or more can hold a name (capitalised_runs, without a Span for
    # each single capitalised word); a text without any needs no actor scan
    runs = [(m.start(), words) for m in NAME_RUN.finditer(text) if len(words := m.group().split()) >= 2]
    if not runs:
        return ()
    actor_spans = [(m.start, m.end) for m in gaz.find(text)]
    # the mentions are in order and do not overlap, so the one that may hold a position is the
    # last to start at or before it, and those a span may overlap start from the first to end after it
    starts = [s for s, _ in actor_spans]
    ends = [e for _, e in actor_spans]
    ordered = all(ends[i] <= starts[i + 1] for i in range(len(starts) - 1))

    def inside(pos: int) -> bool:
        if not ordered:
            return any(s <= pos < e for s, e in actor_spans)
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[i]

    def overlaps(lo: int, hi: int) -> bool:
        if not ordered:
            return any(s < hi and lo < e for s, e in actor_spans)
        i = bisect_right(ends, lo)
        return i < len(starts) and starts[i] < hi

    not_name = not_name_words()
    out = []
    for start, words in runs:  # trimming only drops words, and a name needs two (checked below)
        # trim leading title/stop words ("Secretary General Jane Doe" -> "Jane Doe")
        while words and (words[0].rstrip(".,") in STOP_CAPS or is_title(words[0])
                         or words[0] in MONTH_NAMES or inside(start)):
            start = text.index(words[0], start) + len(words[0])
            while start < len(text) and text[start].isspace():  # as lstrip(), without copying the rest
                start += 1
            words = words[1:]
        while words and words[-1] in STOP_CAPS:
            words = words[:-1]
        if words and words[-1].endswith(("'s", "\u2019s")):
            words[-1] = words[-1][:-2]
        if not words or any(w in not_name or w in MONTH_NAMES or w in FUNCTION_CAPS for w in words):
            continue  # "Things The Rich Do ...": a headline in title case; "Earlier Saturday": a time
        name = " ".join(words)
        end = start + len(name)
        if text[start:end] != name or _DIGIT.search(name):
            continue
        if overlaps(start, end):
            continue
        if titles.search(name) or len(words) < 2:
            continue
        follower = _NEXT_SMALL_WORD.match(text[end:end + 30])
        if follower and (titles.fullmatch(follower.group(1)) or _title_patterns()[1].fullmatch(follower.group(1))
                         or _PLURAL_NOUN.fullmatch(follower.group(1))):
            continue  # "a Utopian Serb politician", "Utopian Serb parties": the capitals describe a noun
        if any(gaz.canonical(w) for w in words):
            continue  # a place or a people is not a person's name
        if words[-1] in org_heads():
            continue  # "the Sovereignty Front", "Harvard University": an organisation's name
        if words[-1] in _reference_works():
            continue  # "The Grove Dictionary of ...": a book cited, nobody speaking
        joined = _JOINED_NAME.match(text, end)
        if joined and joined.group(1) in org_heads():
            continue  # "the Lake Travel and Fishing Council": the first words of an organisation's name
        if name.isupper() and len(name) < 6:
            continue
        if in_organisation_name(text, start):
            continue  # "the Committee to Protect Reporters": the rest of an organisation's name
        out.append((start, end, name))
    return tuple(out)


@lru_cache(maxsize=1)
def _reference_works() -> frozenset[str]:
    return frozenset(data("cues").get("reference_works", []))


def in_organisation_name(text: str, start: int) -> bool:
    """The capitalised words at `start` go on an organisation's name after its kind word and a
    preposition ("the Committee to Protect Reporters", "the Council for Free Rivers"): no person."""
    linked = _ORG_LINK_BEFORE.search(text, max(0, start - 40), start)
    return bool(linked and linked.group(1) in org_heads())
