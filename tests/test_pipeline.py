"""The cached, parallel build: the same bytes whatever the cache holds and however many workers; a rebuild redoes only what changed; heavy libraries
are imported only when something has to be drawn or laid out. No timings are asserted."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from analysis import config
from analysis.build import export, output, progress
from analysis.build import run as pipeline
from analysis.build import analyse as analysis_runner
from analysis.build.analyse import analyse
from analysis.build.cache import Cache
from analysis.build.steps import outline, tables
from analysis.cli import main
from conftest import ROOT

NOTE = ("Ministers meet on {topic}\n\n12 March 2021\n\n"
        "The Foreign Minister of Utopia, Jane Roe, said that her country \"will defend the "
        "sovereignty of every state\". She added that {n} per cent of exports were at risk.\n\n"
        "The representative of France said that France \"firmly supports the territorial integrity\" "
        "of its neighbours and condemned the recognition of the breakaway region.\n")


@pytest.fixture
def corpus(tmp_path):
    """Three small plain-text sources and a json-only report.toml naming them."""
    src = tmp_path / "src"
    src.mkdir()
    for i, topic in enumerate(("trade", "borders", "fisheries")):
        (src / f"n{i}.txt").write_text(NOTE.format(topic=topic, n=40 + i), encoding="utf-8")
    cfg = tmp_path / "report.toml"
    cfg.write_text('[report]\ntitle = "T"\ndate = 2024-05-31\n'
                   + "".join(f'[[sources]]\npath = "src/n{i}.txt"\n' for i in range(3))
                   + '[[questions]]\nid = "recognition"\nlabel = "Recognition"\nterms = ["recogni", "territorial"]\n'
                   + '[output]\ndir = "out"\nformats = ["json"]\n', encoding="utf-8")
    return cfg


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """A copy of the sample project (report.toml + seeds/) that tests may edit."""
    root = tmp_path_factory.mktemp("seeds")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    for f in (root / "seeds").iterdir():
        f.chmod(0o644)
    shutil.copyfile(ROOT / "report.toml", root / "report.toml")
    return root / "report.toml"


def build(cfg: Path, *, formats=("json",), jobs=1, use_cache=True, out: Path | None = None):
    c = config.load(cfg)
    return pipeline.run(c, formats, out or c.output.dir, jobs=jobs, use_cache=use_cache)


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and ".cache" not in p.parts}


# ---------------------------------------------------------------- the analysis and its export
def test_cached_analysis_equals_the_cold_one_and_the_export_holds_every_item(seeds, tmp_path):
    """The steps from the cache give what they gave cold; findings.json and the CSV files hold
    exactly the documents' metadata and the findings' items (their bytes are pinned in golden/)."""
    cfg = config.load(seeds)
    meta = [outline(pipeline.read_document(cfg, i)) for i in range(len(cfg.sources))]

    with output.Staging(tmp_path / "out") as staging:
        sink = export.StreamExport(staging.spool, tables())
        cold = analyse(cfg, Cache(tmp_path / "c"), sink=sink)
        assert list(cold.documents) == meta
        sink.write(staging, cold.documents)
        data = json.loads(staging.read("findings.json"))
        assert data["documents"] == [export.document_item(d) for d in meta]
        for table in tables():
            assert data[table] == json.loads(json.dumps([export.finding_item(x) for x in cold.findings.table(table)]))
        written = [t for t in tables() if cold.findings.table(t)]
        assert sorted(staging.names) == sorted(["findings.json", *(f"csv/{t}.csv" for t in written)])
        for table in written:
            rows = list(csv.DictReader(io.StringIO(staging.read(f"csv/{table}.csv").decode("utf-8-sig"))))
            assert len(rows) == len(cold.findings.table(table))

    again = analyse(cfg, Cache(tmp_path / "c"))  # all from the cache
    assert again.findings == cold.findings and again.documents == cold.documents


def test_jobs_do_not_change_the_bytes(seeds, tmp_path):
    one = build(seeds, jobs=1, use_cache=False, out=tmp_path / "one")
    two = build(seeds, jobs=2, use_cache=False, out=tmp_path / "two")
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    assert one.warnings == two.warnings
    assert not (tmp_path / "one" / ".cache").exists(), "--no-cache leaves no cache behind"


def test_empty_tables_and_no_csv(tmp_path):
    (tmp_path / "a.txt").write_text("A quiet note\n\nNothing was said here at all.\n", encoding="utf-8")
    cfg = tmp_path / "report.toml"
    cfg.write_text('[report]\ntitle = "T"\n[[sources]]\npath = "a.txt"\n[output]\ncsv = false\n'
                   'formats = ["json"]\n', encoding="utf-8")
    build(cfg)
    data = json.loads((tmp_path / "out" / "findings.json").read_bytes())
    assert [d["path"] for d in data["documents"]] == ["a.txt"]
    assert all(data[table] == [] for table in tables())
    assert not (tmp_path / "out" / "csv").exists()


# ---------------------------------------------------------------- what a rebuild redoes
def test_no_change_rebuild_takes_the_build_entry(corpus):
    first = build(corpus)
    before = outputs(corpus.parent / "out")
    second = build(corpus)
    assert second.stats.get("build.hit") == 1
    assert not any(k.startswith(("read.", "stances.")) for k in second.stats), second.stats
    assert outputs(corpus.parent / "out") == before
    assert second.warnings == first.warnings
    assert second.findings == first.findings  # analysed on demand, from the cache


def test_warm_rebuild_reuses_every_document(corpus, monkeypatch):
    build(corpus)
    before = outputs(corpus.parent / "out")
    shutil.rmtree(corpus.parent / "out" / ".cache" / "build")  # force the per-document path

    def boom(*_a, **_k):
        raise AssertionError("a cached document was analysed again")

    monkeypatch.setattr(analysis_runner, "run_job", boom)
    result = build(corpus)
    assert result.stats["read.hit"] == 3 and result.stats["stances.hit"] == 3
    assert result.stats.get("read.miss", 0) == 0 and result.stats.get("stances.miss", 0) == 0
    assert outputs(corpus.parent / "out") == before


def test_a_changed_source_invalidates_only_its_entry(corpus, tmp_path):
    build(corpus)
    note = corpus.parent / "src" / "n1.txt"
    note.write_text(note.read_text(encoding="utf-8") + "\nJane Roe said she \"regrets nothing\".\n",
                    encoding="utf-8")
    result = build(corpus)
    assert result.stats["read.miss"] == 1 and result.stats["read.hit"] == 2
    assert result.stats["stances.hit"] >= 2  # the sides did not move: other documents keep stage B
    fresh = build(corpus, use_cache=False, out=tmp_path / "fresh")
    assert outputs(corpus.parent / "out") == outputs(tmp_path / "fresh")
    assert fresh.findings == result.findings


def test_changed_questions_invalidate_every_document(corpus):
    build(corpus)
    text = corpus.read_text(encoding="utf-8").replace('"territorial"]', '"territorial", "sovereign"]')
    corpus.write_text(text, encoding="utf-8")
    result = build(corpus)
    assert result.stats["read.miss"] == 3


def test_corrupt_cache_entries_are_ignored(corpus):
    build(corpus)
    before = outputs(corpus.parent / "out")
    for path in (corpus.parent / "out" / ".cache").rglob("*"):
        if path.is_file() and path.name != "used.json":
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 2])  # every entry truncated
    result = build(corpus)
    assert result.stats.get("build.bad") == 1 and result.stats["read.miss"] == 3
    assert outputs(corpus.parent / "out") == before


def test_missing_source_is_still_an_error_with_a_warm_cache(corpus, capsys):
    assert main(["--config", str(corpus), "--quiet"]) == 0
    (corpus.parent / "src" / "n2.txt").unlink()
    assert main(["--config", str(corpus), "--quiet"]) == 4
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "src/n2.txt" in err[0]


def test_renders_and_charts_are_reused(seeds, monkeypatch):
    """A rebuild with the same brief renders nothing and draws no chart; new commentary
    re-renders the page but redraws no chart."""
    out = seeds.parent / "out-html"
    build(seeds, formats=("html",), out=out)
    page = (out / "brief.html").read_bytes()
    shutil.rmtree(out / ".cache" / "build")

    def boom(*_a, **_k):
        raise AssertionError("drawn or rendered again")

    from analysis.charts import KINDS
    for kind in KINDS:
        monkeypatch.setattr(f"analysis.charts.{kind}.draw", boom)
    monkeypatch.setattr("analysis.render.html.write", boom)
    again = build(seeds, formats=("html",), out=out)
    assert again.stats["render.hit"] == 1 and again.stats["chart.hit"] >= 1
    assert (out / "brief.html").read_bytes() == page

    monkeypatch.undo()
    for kind in KINDS:
        monkeypatch.setattr(f"analysis.charts.{kind}.draw", boom)
    notes = seeds.parent / "notes.md"
    notes.write_text("Our own **reading** of the sources.\n", encoding="utf-8")
    cfg = config.load(seeds)
    cfg = replace(cfg, content=replace(cfg.content, summary=notes))
    changed = pipeline.run(cfg, ("html",), out, jobs=1)
    assert changed.stats["render.miss"] == 1
    assert b"Our own <strong>reading</strong>" in (out / "brief.html").read_bytes()


# ---------------------------------------------------------------- imports and progress
def _modules_after(code: str, cwd: Path = ROOT) -> set[str]:
    probe = code + "\nimport sys\nprint('MODULES:', *sorted(m for m in ('weasyprint', 'matplotlib', 'pypandoc', " \
                   "'jinja2') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=cwd, timeout=300)
    assert out.returncode == 0, out.stderr
    return set(out.stdout.strip().splitlines()[-1].split()[1:])


def test_help_and_json_runs_import_no_renderer(corpus):
    assert _modules_after("import analysis.cli") == set()
    assert _modules_after("from analysis.cli import main\nassert main(['--help']) == 0") == set()
    run = f"from analysis.cli import main\nassert main(['--config', {str(corpus)!r}, '--quiet']) == 0"
    assert _modules_after(run) == set()  # cold json-only build
    assert _modules_after(run) == set()  # warm


def test_unchanged_brief_imports_no_renderer(seeds):
    out = seeds.parent / "out-imports"
    run = (f"from analysis.cli import main\nassert main(['--config', {str(seeds)!r}, '--out', {str(out)!r}, "
           "'--format', 'html,json', '--quiet']) == 0")
    assert "matplotlib" in _modules_after(run)  # cold: the charts are drawn
    assert _modules_after(run) == set()  # nothing changed: nothing drawn, laid out or converted


class _Tty:
    def __init__(self, tty: bool):
        self.text, self.tty = [], tty

    def write(self, s):
        self.text.append(s)

    def flush(self):
        pass

    def isatty(self):
        return self.tty


def test_progress_reporters():
    assert isinstance(progress.for_cli(verbose=False, quiet=False, stream=_Tty(False)), progress.Silent)
    assert type(progress.for_cli(verbose=False, quiet=True, stream=_Tty(True))) is progress.Silent
    assert isinstance(progress.for_cli(verbose=True, quiet=False, stream=_Tty(False)), progress.Lines)
    stream = _Tty(True)
    bar = progress.for_cli(verbose=False, quiet=False, stream=stream)
    assert isinstance(bar, progress.Bar)
    bar.start("reading", 4)
    assert stream.text == [], "nothing is drawn in the first second"
    bar.delay = 0
    for _ in range(4):
        bar.advance()
    assert any("4/4" in t and t.startswith("\r") for t in stream.text)
    bar.close()
    assert stream.text[-1].startswith("\r") and stream.text[-1].strip() == ""
    said = []
    adapted = progress.adapt(said.append)
    adapted.step("composing")
    adapted.start("reading", 3)
    adapted.advance()
    assert said == ["composing", "reading (3)"]


def test_bad_jobs_is_a_usage_error(corpus, capsys):
    assert main(["--config", str(corpus), "--jobs", "0"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--jobs" in err[0]


def test_every_format_of_the_writer_registry_can_be_configured_and_renders_through_it():
    """A new output format is one module and one line in render.WRITERS: the formats a user may
    ask for are the registry's, plus the findings export."""
    from analysis.config import FORMATS
    from analysis.render import WRITERS

    assert set(FORMATS) == {*WRITERS, "json"}
    assert [w for w in WRITERS.values() if w.slow] == [WRITERS["pdf"]]
