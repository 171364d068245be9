"""The hand audit in tests/audit/: its verdict files are well-formed, the precision script reads them,
and the sampler draws the same stratified sample for the same seed. Not a threshold test."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

AUDIT = Path(__file__).resolve().parent / "audit"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"audit_{name}", AUDIT / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


precision = _module("precision")
sample = _module("sample")


def test_every_stored_verdict_file_is_well_formed():
    files = sorted(AUDIT.glob("*.jsonl"))
    assert files, "no verdict files in tests/audit/"
    for path in files:
        assert precision.problems(path) == [], path.name


def test_the_precision_script_prints_a_row_per_brief_over_the_stored_files(capsys):
    assert precision.main(["--classes"]) == 0
    out = capsys.readouterr().out
    briefs = {json.loads(line)["brief"] for p in AUDIT.glob("*.jsonl")
              for line in p.read_text(encoding="utf-8").splitlines() if line.strip()}
    for brief in briefs:
        assert f"\n{brief} " in "\n" + out
    assert "precision" in out


def test_a_malformed_verdict_line_is_named(tmp_path):
    bad = tmp_path / "x.jsonl"
    long_quote = " ".join(["word"] * 20)
    bad.write_text(
        json.dumps({"brief": "b", "id": "d1-s1", "kind": "statements", "summary": f'"{long_quote}"',
                    "verdict": "maybe", "reason": "x"}) + "\n" + "{not json\n", encoding="utf-8")
    found = precision.problems(bad)
    assert any("verdict 'maybe'" in p for p in found)
    assert any("summary quotes 20 words" in p for p in found)
    assert any("not JSON" in p for p in found)


def _findings():
    def items(prefix, n, **extra):
        return [{"id": f"d1-{prefix}{i}", "confidence": "high" if i % 2 else "medium", **extra}
                for i in range(1, n + 1)]
    return {"statements": items("s", 40), "positions": items("pos", 3), "tensions": [],
            "precedents": items("c", 2), "figures": items("f", 30), "events": items("e", 25)}


def test_the_sample_is_stratified_by_kind_and_repeatable_for_a_seed():
    drawn = sample.draw(_findings(), 30, seed=7)
    again = sample.draw(_findings(), 30, seed=7)
    assert [f["id"] for _, f in drawn] == [f["id"] for _, f in again]
    counts = {k: sum(1 for kind, _ in drawn if kind == k) for k in sample.KINDS}
    assert sum(counts.values()) == 30
    assert counts["positions"] == 3 and counts["precedents"] == 2 and counts["tensions"] == 0
    assert min(counts["statements"], counts["figures"], counts["events"]) >= 8


def test_the_high_only_sample_holds_only_high_confidence_findings():
    drawn = sample.draw(_findings(), 20, seed=1, high_only=True)
    assert drawn and all(f["confidence"] == "high" for _, f in drawn)


def test_a_verdict_summary_quotes_few_words():
    f = {"text": " ".join(["w"] * 50), "date": "2020-01-01"}
    quoted = sample.summary("events", f).split('"')[1]
    assert len(quoted.split()) <= precision.MAX_QUOTE_WORDS


def test_findings_already_judged_are_not_drawn_again():
    first = sample.draw(_findings(), 20, seed=3)
    judged = frozenset(f["id"] for _, f in first)
    second = sample.draw(_findings(), 20, seed=3, exclude=judged)
    assert second and judged.isdisjoint(f["id"] for _, f in second)


def test_the_high_only_weighting_counts_only_high_confidence_findings(tmp_path):
    findings = tmp_path / "findings.json"
    findings.write_text(json.dumps(_findings()), encoding="utf-8")
    rows = [{"brief": "b", "kind": "statements", "verdict": "right"},
            {"brief": "b", "kind": "figures", "verdict": "wrong"}]
    # 20 of 40 statements and 15 of 30 figures are high: 20 right of 35
    assert "0.57 over 35 high-confidence findings" in precision.weighted(rows, "b", str(findings), high_only=True)
    assert "0.57 over 70 findings" in precision.weighted(rows, "b", str(findings))


def test_a_finding_judged_under_another_id_is_recognised_by_its_summary():
    findings = {"positions": [{"id": "d1-pos1", "actor": "Ruritania", "stance": "oppose", "question": "q",
                               "evidence": ["d1-s9"]},
                              {"id": "d1-pos2", "actor": "Borduria", "stance": "support", "question": "q",
                               "evidence": ["d1-s4"]}]}
    # judged earlier: Ruritania's position when it was d1-pos2, with other evidence ids
    judged = frozenset({sample.same_finding_key("Ruritania oppose on q (evidence d1-s3)")})
    drawn = sample.draw(findings, 5, seed=1, kinds=("positions",), exclude_summaries=judged)
    assert [f["id"] for _, f in drawn] == ["d1-pos2"]
