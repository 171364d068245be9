"""The actor lexicon's data: lexicons/actors.json entries (plus report.toml additions) and titles.json."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"

LIST_FIELDS = ("aliases", "acronyms", "adjectives", "demonyms", "ethnonyms", "capitals", "metonyms",
               "context_aliases", "exclusions", "name_risk", "caps_risk")
"""The list-valued fields of an entry (a report.toml addition starts with all of them empty)."""


@lru_cache(maxsize=1)
def base_entries() -> tuple[dict, ...]:
    with open(LEXICONS / "actors.json", encoding="utf-8") as fh:
        return tuple(json.load(fh))


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Words that stand right before a person's name: the last word of a title or an
    honorific, lower case ("president", "secretary", "mr")."""
    t = titles()
    words = set()
    for phrase in list(t.get("roles", ())) + list(t.get("honorifics", ())):
        ws = re.findall(r"\w+", phrase)
        if ws:
            words.add(ws[-1].lower())
    return frozenset(words)


@lru_cache(maxsize=1)
def titles() -> dict:
    """lexicons/titles.json: ``roles`` (titles that introduce or follow a person's name),
    ``anonymous`` (heads of anonymous-source descriptors) and their modifiers."""
    with open(LEXICONS / "titles.json", encoding="utf-8") as fh:
        return json.load(fh)


def is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return " " not in s and len(letters) >= 2 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 2) \
        and not s[1:].islower()


def merge_extra(entries: list[dict], extra: Iterable[tuple[str, tuple[str, ...], str]]) -> list[dict]:
    """report.toml additions: a known name gains aliases; a new name becomes an entry."""
    by_name = {e["name"]: e for e in entries}
    folded = {}
    for e in entries:
        for f in ("aliases", "acronyms"):
            for s in e[f]:
                folded.setdefault(s, e["name"])
    for name, aliases, kind in extra:
        name = name.strip()
        if not name:
            continue
        target = by_name.get(name) or by_name.get(folded.get(name, ""))
        if target is None:
            target = {k: [] for k in LIST_FIELDS}
            target.update(name=name, kind=kind or "organisation", status=None, iso3=None, parent=None,
                          speaks_for_parent=False)
            entries.append(target)
            by_name[name] = target
        else:
            # a known actor gains aliases: move it to the end, so its new surfaces win
            entries.remove(target)
            target = by_name[target["name"]] = dict(target, aliases=list(target["aliases"]),
                                                    acronyms=list(target["acronyms"]))
            entries.append(target)
        for a in aliases:
            a = a.strip()
            if a and a != target["name"]:
                (target["acronyms"] if is_acronym(a) else target["aliases"]).append(a)
    return entries


__all__ = ["LEXICONS", "LIST_FIELDS", "base_entries", "is_acronym", "merge_extra", "title_words", "titles"]
