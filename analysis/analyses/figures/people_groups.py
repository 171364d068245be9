"""Groups of people in a figure's clause -> whether a count names one group of several.

A counted people noun joined by "and"/"or" to another group ("52,400 refugees and asylum-seekers",
"621 personnel and humanitarian actors") counts both; people named by sex or age after a breakdown of a
group of people has begun ("including 102 persons ... and 39 men") are that group's parts. Knowledge:
lexicons/measures.json (people_nouns, generic_people_nouns, demographic_nouns, paired_people_nouns) and
lexicons/numbers.json (number words, which start a count of their own).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..dates import lexicon
from .lexicon import figure_lexicon, is_plural, lemma


@dataclass(frozen=True, slots=True)
class _Groups:
    people: frozenset
    paired: frozenset
    numbers: frozenset


@lru_cache(maxsize=1)
def _groups() -> _Groups:
    ms, num = lexicon("measures"), lexicon("numbers")
    paired = frozenset(ms["paired_people_nouns"])
    return _Groups(frozenset(ms["people_nouns"]) | frozenset(ms["generic_people_nouns"])
                   | frozenset(ms["demographic_nouns"]) | paired, paired,
                   frozenset(num["units"]) | frozenset(num["tens"]) | frozenset(num["scales"]))


def paired_people_after(text: str, end: int, ce: int, measure: str | None) -> bool:
    """'52,400 refugees and asylum-seekers', '640 women and girls': after a counted people noun, another
    group of people joined to it, which the number counts too."""
    if not measure or not names_people(measure):
        return False
    m = _PEOPLE_PAIR.match(text, end, ce)
    return bool(m and _is_paired_people(m.group(1), m.group(2)))


_PEOPLE_PAIR = re.compile(r"\s{1,3}(?:and|or)\s{1,3}([a-z][a-z-]+)(?:\s{1,2}([a-z][a-z-]+))?(?![\w-])")
"""After a counted people noun, 'and'/'or' and another group of people ("refugees and asylum-seekers",
"women and girls", "men and young women"): the number counts both."""
_NOT_PAIR_MODIFIER = frozenset(("their", "its", "his", "her", "the", "a", "an", "other", "some", "many", "several", "all"))


_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee")
"""Endings of agent nouns ('farmer', 'actor', 'journalist', 'civilian', 'participant', 'student', 'trainee')."""
_NOT_AGENTS = frozenset(("water", "paper", "centre", "center", "number", "order", "letter", "border", "sector", "member-state",
                         "factor", "corridor", "tractor", "reactor", "generator", "monitor", "computer", "container",
                         "shelter", "event", "incident", "document", "instrument", "agreement", "settlement",
                         "department", "equipment", "plant", "grant", "component", "segment", "percent", "payment"))
"""Words with those endings that name no people."""


def names_people(measure: str) -> bool:
    """'refugee', 'registered refugee', 'local farmer', 'woman': a counted noun for people (a lexicon's
    people noun, or an agent noun in -er/-or/-ist/-ian/-ant/-ent/-ee)."""
    head = measure.split()[-1]
    return head in _groups().people \
        or head.endswith(_AGENT_ENDINGS) and head not in _NOT_AGENTS


def _is_paired_people(first: str, second: str | None) -> bool:
    """'asylum-seekers', 'asylum seekers', 'young girls': a plural group of people of the lexicon's."""
    lx = figure_lexicon()

    def named(modifier: str | None, noun: str) -> bool:
        if not is_plural(lx, noun) and noun not in lx.irregular:
            return False
        one = lemma(lx, noun)
        names = {one, noun.rsplit("-", 1)[0] + "-" + one} | ({modifier + " " + one} if modifier else set())
        return bool(names & _groups().paired) or one.endswith(_AGENT_ENDINGS) and one not in _NOT_AGENTS
    number_word = first in _groups().numbers
    return named(None, first) or (second is not None and first not in _NOT_PAIR_MODIFIER and not number_word
                                  and named(first, second))     # "two ministers and six directors": two counts


_BREAKDOWN_OPENED = re.compile(r"(?<![\w-])(?:including|comprising|among\s{1,2}(?:them|whom))\s{1,2}(?:(?:some|about|over|at\s{1,2}least)\s{1,2})?"
                               r"\d[\d,.]*(?:\s{1,2}(?:million|thousand))?((?:\s{1,2}[a-z][a-z-]*){1,4})", re.I)
"""A breakdown of a group by counts ("including 102 persons", "comprising 97 women")."""


def breakdown_opened(text: str, start: int, end: int) -> bool:
    """Earlier in the clause, a breakdown of a group of people begins: the later people named by sex or age
    are its parts too ("141 people had been released, including 102 persons (comprising 97 women ...) from X
    and 39 men from Y"); never a breakdown of things ("18 facilities, including 16 health centres")."""
    start = max(start, text.rfind(";", start, end) + 1)
    lx = figure_lexicon()
    for m in _BREAKDOWN_OPENED.finditer(text, start, end):
        for w in m.group(1).split():
            if is_plural(lx, w) or w in lx.irregular:
                if names_people(lemma(lx, w)):
                    return True
                break
    return False
