"""The command line: exit codes, one-line errors naming the file/key, no traceback, nothing half-written."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from analysis.cli import main
from conftest import ROOT


def run_cli(args, capsys):
    code = main(args)
    err = capsys.readouterr().err
    return code, err


def test_json_run_writes_findings(project, capsys):
    cfg = project('[report]\ntitle = "T"\n[[sources]]\npath = "src/note.txt"\n[output]\nformats = ["json"]\n')
    code, err = run_cli(["--config", str(cfg)], capsys)
    assert code == 0, err
    data = json.loads((cfg.parent / "out" / "findings.json").read_text(encoding="utf-8"))
    assert data["schema"] == "findings/1"
    assert data["documents"][0]["path"] == "src/note.txt"
    assert any("sovereignty" in s["principles"] for s in data["statements"])
    assert any(f["unit"] == "percent" and f["value"] == 40 for f in data["figures"])
    assert (cfg.parent / "out" / "csv" / "statements.csv").is_file()


@pytest.mark.parametrize("setup, code, words", [
    (lambda p, t: p('[report]\ntitle = "T"\n[[sources]]\npath = "src/missing.txt"\n'), 4, "src/missing.txt"),
    (lambda p, t: p('[report]\ntitle = "T"\n[[sources]]\npath = "src/note.txt"\nflavour = "x"\n'), 3, "sources[0].flavour"),
    (lambda p, t: p('[report]\ntitle = "T"\n[[sources]\n'), 3, "line 3"),
    (lambda p, t: (t / "src" / "empty.txt").write_text("  \n") and
     p('[report]\ntitle = "T"\n[[sources]]\npath = "src/empty.txt"\n'), 4, "src/empty.txt"),
    (lambda p, t: (t / "src" / "bin.txt").write_bytes(b"%PDF-1.7\x00\x01\x02binary") and
     p('[report]\ntitle = "T"\n[[sources]]\npath = "src/bin.txt"\n'), 4, "src/bin.txt"),
])
def test_bad_input_is_one_line_and_exit_code(project, tmp_path, capsys, setup, code, words):
    cfg = setup(project, tmp_path)
    got, err = run_cli(["--config", str(cfg), "--format", "json"], capsys)
    assert got == code
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and words in lines[0], err
    assert "Traceback" not in err
    assert not (tmp_path / "out" / "findings.json").exists()


def test_missing_config_and_bad_format(tmp_path, capsys):
    code, err = run_cli(["--config", str(tmp_path / "nope.toml")], capsys)
    assert code == 3 and "nope.toml" in err
    code, err = run_cli(["--config", str(ROOT / "report.toml"), "--format", "odt"], capsys)
    assert code == 2 and "odt" in err and len(err.strip().splitlines()) == 1
    code, err = run_cli(["--bogus"], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_failed_run_keeps_previous_outputs(project, tmp_path, capsys):
    cfg = project('[report]\ntitle = "T"\n[[sources]]\npath = "src/note.txt"\n[output]\nformats = ["json"]\n')
    assert main(["--config", str(cfg)]) == 0
    before = (tmp_path / "out" / "findings.json").read_bytes()
    (tmp_path / "src" / "note.txt").unlink()
    assert main(["--config", str(cfg)]) == 4
    assert (tmp_path / "out" / "findings.json").read_bytes() == before


def test_console_script_help_is_fast_path():
    out = subprocess.run([sys.executable, "-m", "analysis.cli", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and "exit codes" in out.stdout
