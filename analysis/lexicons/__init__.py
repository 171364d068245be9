"""Lexicon data (JSON beside this file) -> cached, compiled lookups. User additions come from report.toml."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data(name: str) -> dict:
    """The parsed JSON lexicon `name` (without .json)."""
    with open(HERE / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


def cue_pattern(cues) -> re.Pattern:
    """One regex for a list of cue phrases: whole words, case-insensitive, '*' = any word ending."""
    parts = []
    for cue in sorted(set(cues), key=len, reverse=True):
        cue = cue.strip().lower()
        if not cue:
            continue
        body = re.escape(cue).replace(r"\ ", r"\s+").replace("'", "['\u2019]").replace(r"\*", r"\w*")
        open_end = cue.endswith(("*", "-"))  # a stem or a prefix runs on into the next letters
        parts.append(body if open_end else body + r"(?![\w-])")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + ")", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Principle:
    id: str
    label: str
    pattern: re.Pattern
    """Words that name the principle."""
    violation: re.Pattern | None = None
    """Words that name its breach ("annexation" for territorial integrity)."""


@lru_cache(maxsize=8)
def principles(extra: tuple[tuple[str, str, tuple[str, ...]], ...] = ()) -> tuple[Principle, ...]:
    """Base principles plus report.toml additions (a known id gains cues, a new id is added)."""
    table: dict[str, tuple[str, list[str], list[str]]] = {}
    for p in data("principles")["principles"]:
        table[p["id"]] = (p["label"], list(p["cues"]), list(p.get("violation_cues", [])))
    for pid, label, cues in extra:
        old_label, old_cues, old_viol = table.get(pid, (label, [], []))
        table[pid] = (old_label if pid in table else label, old_cues + list(cues), old_viol)
    return tuple(Principle(pid, label, cue_pattern(cues), cue_pattern(viol) if viol else None)
                 for pid, (label, cues, viol) in table.items() if cues or viol)


@lru_cache(maxsize=None)
def cues() -> dict:
    return data("cues")


@lru_cache(maxsize=None)
def pattern(*path: str) -> re.Pattern:
    """Compiled pattern for the cue list at cues.json[path[0]][path[1]]..."""
    node = cues()
    for key in path:
        node = node[key]
    return cue_pattern(node)
