"""One full build of the sample brief: every format written, every kind of finding present,
accuracy on the seed reference above a floor (a regression guard, not the target)."""
from __future__ import annotations

import importlib.util
import json
import zipfile

import pytest

from analysis.cli import main
from conftest import ROOT

SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    code = main(["--config", str(ROOT / "report.toml"), "--out", str(out), "--quiet"])
    assert code == 0
    return out


def test_every_output_is_written(build):
    for name in ("brief.pdf", "brief.docx", "brief.html", "findings.json"):
        assert (build / name).stat().st_size > 1000, name
    assert (build / "brief.pdf").read_bytes().startswith(b"%PDF-")
    assert zipfile.is_zipfile(build / "brief.docx")
    assert not list(build.glob(".staging-*"))


def test_findings_has_all_six_kinds(build):
    data = json.loads((build / "findings.json").read_text(encoding="utf-8"))
    assert data["schema"] == "findings/1"
    assert [d["path"] for d in data["documents"]] == [
        "seeds/000_d2cf007238da52ac.txt", "seeds/001_2fa4648feb23f874.txt", "seeds/002_6c1949a6ac3fd421.txt"]
    for kind in ("statements", "positions", "tensions", "precedents", "figures", "events"):
        assert data[kind], kind


def test_quotes_are_the_sources_exact_words(build):
    """Every statement's text is found verbatim in its passage as the reader produced it."""
    from analysis import config
    from analysis.build import run as pipeline
    cfg = config.load(ROOT / "report.toml")
    passages = {}
    for i in range(len(cfg.sources)):
        doc = pipeline.read_document(cfg, i)
        passages.update({p.anchor: p.text for p in doc.passages()})
    data = json.loads((build / "findings.json").read_text(encoding="utf-8"))
    for st in data["statements"]:
        assert passages[st["anchor"]][st["start"]:st["end"]] == st["text"]


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval is not beside the checkout")
def test_seed_accuracy_floor(build):
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    findings = json.loads((build / "findings.json").read_text(encoding="utf-8"))
    gold = json.loads((SCORER.parent / "gold" / "seeds.json").read_text(encoding="utf-8"))
    report = score.score(findings, gold)
    assert report["overall"]["macro_f1"] >= 0.85, report["overall"]


def test_seed_brief_is_eight_pages_of_body_and_fourteen_in_all(build):
    """Issue 17's length: cover to annex at most 8 pages, the whole PDF at most 14."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(build / "brief.pdf"))
    try:
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()
    assert len(pages) <= 14
    annex = next(i for i, text in enumerate(pages) if i > 0 and "Annex: sources and further findings\n" in
                 text.replace("\r", "") and "Sources" in text)
    assert annex <= 8  # pages 1..annex are the body (0-based index of the annex's first page)
