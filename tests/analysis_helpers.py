"""Build Documents by hand for analysis tests, independent of the readers."""
from __future__ import annotations

import json
from pathlib import Path

from analysis.model.document import Block, Document


def make_doc(passages, genre="wikitext", doc_id="t1", title="Test document", date=None) -> Document:
    blocks = []
    for i, p in enumerate(passages, 1):
        blocks.append(Block(anchor=f"{doc_id}-p{i}", kind=p.get("kind", "paragraph"), text=p["text"],
                            context=p.get("context")))
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
