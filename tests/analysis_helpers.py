"""Build Documents by hand for analysis tests, independent of the readers."""
from __future__ import annotations

import random

import json
from pathlib import Path

from analysis.model.document import Block, Document
from analysis.readers.common import default_role


def make_doc(passages, genre="wikitext", doc_id="t1", title="Test document", date=None) -> Document:
    blocks = []
    for i, p in enumerate(passages, 1):
        kind, context = p.get("kind", "paragraph"), p.get("context")
        # as the readers do: a plain-text paragraph under a speaker label is a speaker turn
        role = p.get("role") or ("speaker-turn" if genre == "plaintext" and context else default_role(kind, context))
        blocks.append(Block(anchor=f"{doc_id}-p{i}", kind=kind, text=p["text"], context=context, role=role))
    return Document(id=doc_id, path=f"{doc_id}.txt", genre=genre, title=title, date=date, blocks=tuple(blocks))


def load_fixture_cases(path: Path) -> list[tuple[str, dict, list[dict], int]]:
    """(text, args, expected items, line number) per case of an extractor fixture file: cases
    are separated by blank lines; ``# ...`` is a comment, ``@key=value ...`` sets arguments
    (``default_year`` an int), ``=> {json}`` one expected item and ``=> none`` none."""
    cases = []
    text_lines: list[str] = []
    expect: list[dict] = []
    args: dict = {}
    start = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n") + [""], 1):
        if line.startswith("#"):
            continue
        if not line.strip():
            if text_lines:
                cases.append((" ".join(text_lines), args, expect, start))
            text_lines, expect, args = [], [], {}
            continue
        if line.startswith("@"):
            for part in line[1:].split():
                key, _, value = part.partition("=")
                args[key] = int(value) if key == "default_year" else value
            continue
        if line.startswith("=>"):
            body = line[2:].strip()
            if body != "none":
                expect.append(json.loads(body))
            continue
        if not text_lines:
            start = n
        text_lines.append(line)
    return cases


# ---------------------------------------------------------------- random text for the fast-path tests
ODD_SEPARATORS = ["\u0130", "\u0131", "\u017f", "\u212a", "\u2019", "-", "_", "'", " ", "  ", "\n", ".", ",", "s", "I"]
"""Glue between random words: characters whose lower() changes length or meaning (I with dot,
dotless i, long s, Kelvin sign), a curly apostrophe, hyphens, spaces and stray letters."""


def odd_texts(words: list[str], n: int = 300, seed: int = 7, glue: list[str] = ODD_SEPARATORS,
              clipped: bool = False) -> list[str]:
    """Random texts of `words` in odd cases (and, when `clipped`, shortened or with an s added),
    glued by `glue`: inputs on which a fast path must give exactly what the plain code gives."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.randint(1, 25)):
            w = rnd.choice(words)
            forms = [w, w.upper(), w.title(), w.lower()] + ([w[:-1], w + "s"] if clipped else [])
            parts.append(rnd.choice(forms) + rnd.choice(glue))
        out.append("".join(parts))
    return out


def cue_lists() -> list[list[str]]:
    """Every list of cue strings in cues.json, however deeply nested."""
    from analysis.lexicons import cues

    found = []

    def walk(node):
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            if node and all(isinstance(x, str) for x in node):
                found.append(node)
            else:
                for v in node:
                    walk(v)

    walk(cues())
    return found


def odd_findings():
    """One finding of each of four kinds with awkward values (quotes, newlines, infinity, non-ASCII)."""
    from analysis.model.findings import Event, Figure, Precedent, SourceSpan, Statement


    span = SourceSpan("p1", 3, 9, "quoted")
    return [
        Statement(id="d-s1", doc="d", anchor="p1", speaker="Jane \"J\" Doe", actor=None, kind="direct",
                  text="He said, \u201cno\u201d.\nThen", span=span, principles=("a", "b"), violated=(),
                  question=None, stance="oppose", key="k", person=True),
        Figure(id="d-f1", doc="d", anchor="p2", text="3.5 %", value=3.5, low=None, high=float("inf"), of=2.0,
               unit="percent", unit_name=None, measure=None, subject="x,y", approximate=False, bound=None,
               start=0, end=5, sentence="s", role=None),
        Event(id="d-e1", doc="d", anchor="p3", date="2008", precision="year", text="t", start=1, end=2,
              actors=("A", "B"), end_date=None),
        Precedent(id="d-c1", doc="d", anchor="p4", claimant=None, actor="X", subject="s", precedent="p",
                  relation="analogy", text="\u00e9\u2019"),
    ]
