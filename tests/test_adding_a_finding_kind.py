"""Adding a kind of finding is one analysis module plus one Step in build/steps.STEPS: its table then
reaches findings.json (after the tables of schema findings/1, in step order), its own CSV file and
Findings.table(name), from worker processes and from the cache alike, with no change to
model/findings.py. The toy kind here, a document's headings, stands for the new analysis module."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, fields
from pathlib import Path

import pytest

from analysis import config
from analysis.brief.confidence import sure, unsure
from analysis.build import run as pipeline
from analysis.build import steps
from analysis.build.steps import Step
from analysis.model.findings import FIELDS, Findings


# ---------------------------------------------------------------- the toy analysis module
@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of a source: a section's is sure, a subsection's less so."""

    id: str
    doc: str
    anchor: str
    text: str
    level: int
    confidence: str = "high"


def headings(doc) -> tuple[Heading, ...]:
    return tuple(Heading(id=f"{doc.id}-h{n}", doc=doc.id, anchor=b.anchor, text=b.text, level=b.level,
                         confidence="high" if b.level <= 2 else "medium")
                 for n, b in enumerate((b for b in doc.blocks if b.kind == "heading"), 1))


def find_headings(job, inputs) -> dict:
    return {"headings": headings(inputs["meta"])}  # the outline keeps every heading


# ---------------------------------------------------------------- the one registry line
HEADINGS = Step("headings", "document", needs=("meta",), finds=("headings",), run=find_headings,
                label="finding headings")


@pytest.fixture
def registered(monkeypatch):
    monkeypatch.setattr(steps, "STEPS", steps.STEPS + (HEADINGS,))


@pytest.fixture
def corpus(tmp_path) -> Path:
    (tmp_path / "a.md").write_text(
        "# Rivers\n\n## Ruritania and the river treaty\n\nThe river treaty was signed by Ruritania.\n\n"
        "### The second protocol\n\nThe protocol sets quotas.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Replies\n\n## Zembla's reply\n\nZembla did not sign the treaty.\n",
                                   encoding="utf-8")
    cfg = tmp_path / "report.toml"
    cfg.write_text('[report]\ntitle = "Rivers"\n[[sources]]\npath = "a.md"\n[[sources]]\npath = "b.md"\n'
                   '[output]\ndir = "out"\nformats = ["json"]\n', encoding="utf-8")
    return cfg


def build(cfg: Path, out: Path, *, formats=("json",), jobs=1, use_cache=True):
    return pipeline.run(config.load(cfg), formats, out, jobs=jobs, use_cache=use_cache)


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and ".cache" not in p.parts}


# ---------------------------------------------------------------- the specification
def test_a_new_table_goes_to_findings_json_after_the_findings_1_tables_and_to_its_own_csv(registered, corpus,
                                                                                         tmp_path):
    result = build(corpus, tmp_path / "out", formats=("json", "html"))
    data = json.loads((tmp_path / "out" / "findings.json").read_bytes())
    assert list(data) == ["schema", "documents", *FIELDS, "headings"]
    assert [(h["doc"], h["text"], h["level"]) for h in data["headings"]] == [
        ("d1", "Ruritania and the river treaty", 2), ("d1", "The second protocol", 3), ("d2", "Zembla's reply", 2)]

    rows = list(csv.reader(io.StringIO((tmp_path / "out" / "csv" / "headings.csv").read_text("utf-8-sig"))))
    assert rows[0] == [f.name for f in fields(Heading)]
    assert [r[3] for r in rows[1:]] == [h["text"] for h in data["headings"]]

    found = result.findings.table("headings")
    assert [h.id for h in found] == [h["id"] for h in data["headings"]] and all(isinstance(h, Heading) for h in found)
    assert "headings" not in {f.name for f in fields(Findings)}, "model/findings.py was not touched"


def test_a_new_table_is_the_same_from_worker_processes_and_from_the_cache(registered, corpus, tmp_path):
    build(corpus, tmp_path / "one", jobs=1, use_cache=False)
    build(corpus, tmp_path / "two", jobs=2, use_cache=False)
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")

    build(corpus, tmp_path / "again", jobs=2)
    with open(corpus.parent / "b.md", "a", encoding="utf-8") as fh:
        fh.write("\n## A later note\n\nNothing more.\n")
    build(corpus, tmp_path / "again", jobs=2)  # a.md from the cache, b.md read again
    build(corpus, tmp_path / "cold", use_cache=False)
    assert outputs(tmp_path / "again") == outputs(tmp_path / "cold")
    data = json.loads((tmp_path / "again" / "findings.json").read_bytes())
    assert [h["text"] for h in data["headings"]][-1] == "A later note"


def test_the_body_gets_a_new_tables_sure_findings_and_the_annex_the_rest():
    top = Heading("d1-h1", "d1", "d1-p1", "Ruritania and the river treaty", 2)
    lower = Heading("d1-h2", "d1", "d1-p3", "The second protocol", 3, confidence="medium")
    found = Findings.of({"headings": (top, lower)})
    assert sure(found).table("headings") == (top,)
    assert unsure(found) == [lower]


def test_new_tables_follow_the_findings_1_tables_in_the_order_of_their_steps(monkeypatch):
    first = Step("first", "corpus", needs=(), finds=("zeta",), run=lambda config, values: {"zeta": ()})
    second = Step("second", "corpus", needs=(), finds=("alpha",), run=lambda config, values: {"alpha": ()})
    monkeypatch.setattr(steps, "STEPS", (first,) + steps.STEPS + (second,))
    assert steps.tables() == (*FIELDS, "zeta", "alpha")
