"""The same documents as Word files and web pages give the same findings as their text: the seeds, converted
here by pandoc (seed -> DOCX, seed -> standalone HTML), against the seeds read as they are."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from analysis.cli import main
from conftest import ROOT

PANDOC_FROM = {"wikitext": "mediawiki", "markdown": "markdown", "plaintext": "markdown"}
FLOORS = {"statements": 0.95, "positions": 0.9, "tensions": 0.9, "precedents": 0.9, "figures": 0.95, "events": 0.9}
"""F1 of the converted documents' findings against the text's (issue #16 asks >= 0.90 for every kind;
measured for DOCX and HTML alike: statements 0.987, events 0.964, the rest 1.0)."""


def _norm(text) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", (text or "").lower()).split())


KEYS = {"statements": lambda x: (x["speaker"], _norm(x["text"])[:200]),
        "positions": lambda x: (x["actor"], x["question"], x["stance"]),
        "tensions": lambda x: (x["actor"], x["principle"]),
        "precedents": lambda x: (x["subject"], x["precedent"], x["relation"]),
        "figures": lambda x: (_norm(x["text"]), x["measure"]),
        "events": lambda x: (x["date"], _norm(x["text"])[:200])}


def _keys(findings: dict, kind: str) -> set:
    paths = {d["id"]: d["path"] for d in findings["documents"]}
    return {(paths[x["doc"]], KEYS[kind](x)) for x in findings[kind]}


def _f1(a: set, b: set) -> float:
    return 1.0 if not a and not b else 2 * len(a & b) / (len(a) + len(b))


def _build(cfg, out) -> dict:
    assert main(["--config", str(cfg), "--out", str(out), "--format", "json", "--quiet", "--no-cache"]) == 0
    return json.loads((out / "findings.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def as_text(tmp_path_factory):
    return _build(ROOT / "report.toml", tmp_path_factory.mktemp("text"))


def _convert(source, genre: str, to: str) -> bytes:
    import pypandoc

    text = source.read_text(encoding="utf-8")
    if to == "docx":  # pandoc's Word writer drops raw <sup>: give it its own superscript syntax
        text = re.sub(r"<sup>([^<]{1,6})</sup>", r"^\1^", text)
    args = [pypandoc.get_pandoc_path(), "--sandbox", "-f", PANDOC_FROM[genre], "-t", to, "-o", "-"]
    return subprocess.run(args + (["-s"] if to == "html" else []), input=text.encode(), capture_output=True,
                          check=True).stdout


@pytest.mark.parametrize("to", ["docx", "html"])
def test_converted_seeds_give_the_findings_of_the_text(tmp_path, as_text, to):
    (tmp_path / "seeds").mkdir()
    genres = {d["path"]: d["genre"] for d in as_text["documents"]}
    for path, genre in genres.items():  # same names: the format is recognised from the contents
        (tmp_path / path).write_bytes(_convert(ROOT / path, genre, to))
    shutil.copy(ROOT / "report.toml", tmp_path / "report.toml")
    converted = _build(tmp_path / "report.toml", tmp_path / "out")
    assert {d["genre"] for d in converted["documents"]} == {to}
    scores = {kind: round(_f1(_keys(converted, kind), _keys(as_text, kind)), 3) for kind in KEYS}
    assert all(scores[k] >= FLOORS[k] for k in KEYS), scores
