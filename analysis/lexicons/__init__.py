"""Lexicon data (JSON beside this file) -> cached, compiled lookups. User additions come from report.toml."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..text.patterns import grouped_alternation

HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data(name: str) -> dict:
    """The parsed JSON lexicon `name` (without .json)."""
    with open(HERE / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


def cue_pattern(cues) -> re.Pattern:
    """One regex for a list of cue phrases: whole words, case-insensitive, '*' = any word ending."""
    return re.compile(cue_source(cues), re.IGNORECASE)


def cue_source(cues, grouped: bool = True) -> str:
    """The source of cue_pattern(cues), to be compiled with re.IGNORECASE. `grouped`: the
    phrases are grouped by first letter (text/patterns.alternation), the same matches several times
    faster, as the engine skips a group on its first letter; pass False for a source that is
    to be compiled without re.IGNORECASE (a grouped source is case-insensitive in its first letters)."""
    parts = []
    for cue in sorted(set(cues), key=len, reverse=True):
        cue = cue.strip().lower()
        if not cue:
            continue
        body = re.escape(cue).replace(r"\ ", r"\s+").replace("'", "['\u2019]").replace(r"\*", r"\w*")
        open_end = cue.endswith(("*", "-"))  # a stem or a prefix runs on into the next letters
        parts.append(body if open_end else body + r"(?![\w-])")
    return r"(?<![\w-])" + (grouped_alternation(parts) if grouped else "(?:" + "|".join(parts) + ")")


# Characters that re.IGNORECASE matches to an ASCII letter although str.lower() does not give
# that letter (dotted and dotless i, long s). A text holding one gets no substring pre-check.
_CASE_ODD = ("\u0130", "\u0131", "\u017f")
_COMMON = frozenset(("the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "as", "is",
                     "its", "their", "this", "that", "not", "no"))
"""Words too common to be a good anchor: another word of the cue is taken when it has one."""


def cue_anchors(cues) -> tuple[str, ...] | None:
    """Lower-case literals such that every match of cue_pattern(cues) contains one of them: each
    cue's longest run of letters between spaces, apostrophes and wildcards (all of which the
    pattern loosens), a common word only when there is no other. None when a cue has no plain
    ASCII anchor."""
    out = set()
    for cue in cues:
        cue = cue.strip().lower()
        if not cue:
            continue
        anchor = max(re.split(r"[\s'*]+", cue), key=lambda w: (w not in _COMMON, len(w)))
        if not anchor or not anchor.isascii():
            return None
        out.add(anchor)
    if not out:
        return None  # no cues: the pattern matches the empty string
    # an anchor holding another ("repeated", "repeat") is found only where that one is: leave it out
    return tuple(sorted(a for a in out if not any(b != a and b in a for b in out)))


class Anchors(tuple):
    """cue_anchors(cues) (the same tuple, usable wherever that is), which also knows which
    literals a match of cue_pattern(cues) holds as a whole word (`words`) and which only as a
    part of one (`stems`): `absent` tests the words against the set of the text's words
    instead of searching the text for each. Made by word_anchors, for cue_pattern only."""

    words: frozenset
    stems: tuple


_WORD_ANCHOR = re.compile(r"[a-z0-9_]+")


def word_anchors(cues) -> Anchors | None:
    """cue_anchors(cues) as an Anchors, for a pattern made by cue_pattern(cues). A cue's anchor
    is a whole word when it is made of word characters only and stands in the cue between
    spaces, apostrophes or the cue's ends: the pattern then puts \\s+, ['\u2019] or its
    (?<![\\w-]) and (?![\\w-]) around it, so every match holds it with no word character on
    either side; and lower() keeps a character that is not a word character one (and keeps
    offsets in a text lowered() does not refuse), so the lowered text's runs of word
    characters include it. An anchor before or after a '*' (any word ending) is a stem."""
    plain = cue_anchors(cues)
    if plain is None:
        return None
    words, stems = set(), set()
    for cue in cues:
        cue = cue.strip().lower()
        if not cue:
            continue
        parts = re.split(r"([\s'*]+)", cue)  # words at even places, the separators between at odd
        tokens = parts[0::2]
        anchor = max(tokens, key=lambda w: (w not in _COMMON, len(w)))
        whole = False
        if _WORD_ANCHOR.fullmatch(anchor):
            for i in range(0, len(parts), 2):
                if parts[i] != anchor:
                    continue
                before = parts[i - 1] if i else ""
                after = parts[i + 1] if i + 1 < len(parts) else ""
                if "*" not in before and "*" not in after:
                    whole = True
                    break
        (words if whole else stems).add(anchor)
    out = Anchors(plain)
    out.stems = tuple(sorted(a for a in stems if not any(b != a and b in a for b in stems)))
    out.words = frozenset(w for w in words if not any(b in w for b in out.stems))
    return out


_WORD_RUN = re.compile(r"\w+")
_WORDS_MAX = 2000
"""Texts up to this long get a word set for `absent` (a sentence, a statement); a longer one is
searched for each anchor, as building its word set would cost more."""


@lru_cache(maxsize=4096)
def _words(low: str) -> frozenset:
    """The runs of word characters of a lowered() text. Cached: each analysis tests its own
    anchors against the same sentence."""
    return frozenset(_WORD_RUN.findall(low))


@lru_cache(maxsize=1024)
def lowered(text: str) -> str | None:
    """text.lower() for the substring pre-checks of `absent`; None when the text holds a
    character that would make them unsafe (then no pattern is skipped). Cached: a sentence
    is pre-checked by several analyses."""
    if not text.isascii() and any(map(text.__contains__, _CASE_ODD)):
        return None
    return text.lower()


def absent(anchors: tuple[str, ...] | None, low: str | None) -> bool:
    """True when no match of a case-insensitive pattern whose every match holds one of
    `anchors` (cue_anchors) can be in the text whose `lowered()` is `low`: a plain substring
    test that lets a caller skip the regex."""
    if anchors is None or low is None:
        return False
    if type(anchors) is Anchors and len(low) <= _WORDS_MAX:
        return anchors.words.isdisjoint(_words(low)) and not any(map(low.__contains__, anchors.stems))
    return not any(map(low.__contains__, anchors))


def cue_heads(cues) -> tuple[str, ...] | None:
    """Lower-case literals such that every match of cue_pattern(cues) starts with one of them:
    each cue's text up to its first space, apostrophe or wildcard (a head that starts with
    another is left out). None when a cue has no plain ASCII head."""
    out = set()
    for cue in cues:
        cue = cue.strip().lower()
        if not cue:
            continue
        head = re.split(r"[ '*]", cue, maxsplit=1)[0]
        if not head or not head.isascii():
            return None
        out.add(head)
    if not out:
        return None
    return tuple(sorted(h for h in out if not any(o != h and h.startswith(o) for o in out)))


def find_from_heads(rx: re.Pattern, text: str, heads: tuple[str, ...] | None, first: bool = False) -> list[re.Match]:
    """The matches of `rx.finditer(text)` (only the first when `first`: `rx.search`), for a
    case-insensitive pattern whose every match is non-empty and starts with one of `heads`
    (cue_heads). Only the places where the lower-cased text holds a head are tried: the
    earliest of them, from where the last match ended, at which the pattern matches is where
    the engine's own scan would find the next match (lowered() keeps offsets, and a
    lookbehind sees the text before the place tried). Far cheaper than the engine's scan of
    every position on a long text."""
    low = lowered(text) if heads is not None else None
    if low is None:
        if first:
            m = rx.search(text)
            return [m] if m else []
        return list(rx.finditer(text))
    places = set()
    for head in heads:
        i = low.find(head)
        while i >= 0:
            places.add(i)
            i = low.find(head, i + 1)
    out = []
    pos = 0
    for i in sorted(places):
        if i < pos:
            continue
        m = rx.match(text, i)
        if m:
            out.append(m)
            if first:
                break
            pos = m.end()
    return out


@lru_cache(maxsize=None)
def any_anchors(*paths: tuple[str, ...]) -> tuple[str, ...] | None:
    """Anchors such that `absent` with them is true only where it is true with anchors(*path) of
    every path: one test that lets a caller trying several cue lists skip them all at once."""
    out = None
    for path in paths:
        a = anchors(*path)
        if a is None:
            return None
        out = a if out is None else _both(out, a)
    return out


@lru_cache(maxsize=None)
def heads(*path: str) -> tuple[str, ...] | None:
    """cue_heads() of the cue list at cues.json[path[0]][path[1]]..., as pattern(*path) compiles it."""
    return cue_heads(_cue_list(path))


@lru_cache(maxsize=None)
def anchors(*path: str) -> tuple[str, ...] | None:
    """cue_anchors() of the cue list at cues.json[path[0]][path[1]]..., as pattern(*path) compiles it."""
    return word_anchors(_cue_list(path))


@dataclass(frozen=True, slots=True)
class Principle:
    id: str
    label: str
    pattern: re.Pattern
    """Words that name the principle."""
    violation: re.Pattern | None = None
    """Words that name its breach ("annexation" for territorial integrity)."""
    anchors: tuple[str, ...] | None = None
    """cue_anchors() of the cues and violation cues together: a text without any cannot invoke it."""
    heads: tuple[str, ...] | None = None
    """cue_heads() of the cues (for find_from_heads with `pattern`)."""
    violation_heads: tuple[str, ...] | None = None
    """cue_heads() of the violation cues (for find_from_heads with `violation`)."""

    def __hash__(self) -> int:
        # equal principles have equal ids and labels; hashing the compiled patterns (the
        # default) hashes their whole code, and principles.invoked is cached by its arguments
        return hash((self.id, self.label))


def _both(a: tuple[str, ...] | None, b: tuple[str, ...] | None) -> tuple[str, ...] | None:
    if a is None or b is None:
        return None
    both = set(a) | set(b)
    plain = tuple(sorted(x for x in both if not any(y != x and y in x for y in both)))
    if not (type(a) is Anchors and (type(b) is Anchors or b == ())):
        return plain
    out = Anchors(plain)  # the words and stems of both, as word_anchors gives them
    stems = set(a.stems) | set(getattr(b, "stems", ()))
    out.stems = tuple(sorted(x for x in stems if not any(y != x and y in x for y in stems)))
    out.words = frozenset(w for w in a.words | getattr(b, "words", frozenset()) if not any(y in w for y in out.stems))
    return out


@lru_cache(maxsize=8)
def principles(extra: tuple[tuple[str, str, tuple[str, ...]], ...] = ()) -> tuple[Principle, ...]:
    """Base principles plus report.toml additions (a known id gains cues, a new id is added)."""
    table: dict[str, tuple[str, list[str], list[str]]] = {}
    for p in data("principles")["principles"]:
        table[p["id"]] = (p["label"], list(p["cues"]), list(p.get("violation_cues", [])))
    for pid, label, cues in extra:
        old_label, old_cues, old_viol = table.get(pid, (label, [], []))
        table[pid] = (old_label if pid in table else label, old_cues + list(cues), old_viol)
    return tuple(Principle(pid, label, cue_pattern(cues), cue_pattern(viol) if viol else None,
                           _both(word_anchors(cues), word_anchors(viol) if viol else ()),
                           cue_heads(cues), cue_heads(viol) if viol else None)
                 for pid, (label, cues, viol) in table.items() if cues or viol)


@lru_cache(maxsize=None)
def cues() -> dict:
    return data("cues")


def _cue_list(path: tuple[str, ...]) -> list[str]:
    """The cue list at cues.json[path[0]][path[1]]..."""
    node = cues()
    for key in path:
        node = node[key]
    return node


@lru_cache(maxsize=None)
def pattern(*path: str) -> re.Pattern:
    """Compiled pattern for the cue list at cues.json[path[0]][path[1]]..."""
    return cue_pattern(_cue_list(path))
