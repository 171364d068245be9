"""Accuracy on the held-out corpus (six documents written without sight of the code, with their
own reference annotation): floors a little under today's scores under the scorer's strict
(version 2) rules, so a change that generalises worse fails here even when the sample documents
still pass. Raise them as the analysis improves."""
from __future__ import annotations

import importlib.util
import json

import pytest

from analysis.cli import main
from conftest import ROOT

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
HELDOUT = ROOT / "tests" / "heldout"
FLOORS = {"statements": 0.97, "positions": 0.82, "tensions": 0.95, "precedents": 0.90, "figures": 0.96,
          "events": 0.79}


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval is not beside the checkout")
def test_heldout_accuracy_floors(tmp_path):
    assert main(["--config", str(HELDOUT / "report.toml"), "--out", str(tmp_path), "--format", "json",
                 "--quiet"]) == 0
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    findings = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    gold = json.loads((HELDOUT / "gold.json").read_text(encoding="utf-8"))
    overall = score.score(findings, gold)["overall"]
    low = {k: overall[k]["f1"] for k, floor in FLOORS.items() if overall[k]["f1"] < floor}
    assert not low, f"below the floor: {low}"
