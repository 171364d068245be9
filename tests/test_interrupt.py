"""Interrupted builds (issue #8): killing make-report at any point leaves every output in out/
either the previous complete file or the new complete one, never a truncated PDF or DOCX.

A complete build of the sample project is made first. Then builds with a changed title are
started in their own process group (like a terminal's foreground job) and sent SIGINT (Ctrl-C)
or SIGKILL when their --verbose log reaches a given step, or after a delay. After each,
brief.pdf, brief.docx, brief.html and findings.json must each be byte for byte the previous
file or a complete new one; a SIGINT must end with exit code 130 and one line. Staging
folders a SIGKILL leaves behind are cleaned by the next build. The timeouts only detect hangs.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from analysis.errors import EXIT_INTERRUPTED
from conftest import ROOT

OUTPUTS = ("brief.pdf", "brief.docx", "brief.html", "findings.json")
HANG = 600
"""Seconds after which a build counts as hung (a full build takes 10-40 s)."""
INTERRUPTED = "make-report: interrupted; previous outputs left in place"


def _pdf_complete(data: bytes) -> bool:
    m = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data)
    if not (data.startswith(b"%PDF-") and m):
        return False
    offset = int(m.group(1))
    if not (data[offset:offset + 4] == b"xref" or re.match(rb"\d+ \d+ obj", data[offset:offset + 20])):
        return False
    if shutil.which("pdfinfo"):
        return subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, timeout=60).returncode == 0
    return True


def _docx_complete(data: bytes, path: Path) -> bool:
    try:
        z = zipfile.ZipFile(path)
        return z.testzip() is None and "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


def complete(path: Path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return _pdf_complete(data)
    if path.suffix == ".docx":
        return _docx_complete(data, path)
    if path.suffix == ".html":
        return data.rstrip().endswith(b"</html>")
    try:
        return isinstance(json.loads(data), dict)
    except ValueError:
        return False


def _set_title(cfg: Path, title: str) -> None:
    text = cfg.read_text(encoding="utf-8")
    cfg.write_text(re.sub(r'(?m)^title = ".*"$', f'title = "{title}"', text, count=1), encoding="utf-8")


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}


def _build(cfg: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis.cli", "--config", str(cfg), "--no-cache", *extra],
                          cwd=cfg.parent, env=_env(), capture_output=True, text=True, timeout=HANG,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("interrupt")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copy(ROOT / "report.toml", root / "report.toml")
    cfg = root / "report.toml"
    _set_title(cfg, "Build zero")
    first = _build(cfg, "--quiet")
    assert first.returncode == 0, first.stderr
    out = root / "out"
    assert all(complete(out / name) for name in OUTPUTS)
    return cfg


def _ctrl_c_not_ignored() -> None:
    # A test run started in the background (nohup, `cmd &`) ignores SIGINT, and children inherit
    # that: the build under test must get the terminal's default.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def default_ctrl_c():
    """Python's own SIGINT handler in this process for the test, whatever the runner set."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def _interrupt(cfg: Path, sig: int, after_line: str | None, delay: float) -> tuple[int, str]:
    """Start a build, send `sig` to its process group `delay` seconds after its log shows a line
    containing `after_line` (or after its start); return its exit code and its stderr."""
    proc = subprocess.Popen([sys.executable, "-m", "analysis.cli", "--config", str(cfg), "--no-cache", "--verbose"],
                            cwd=cfg.parent, env=_env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=_ctrl_c_not_ignored)
    log: list[str] = []
    try:
        started = time.monotonic()
        if after_line is not None:
            for line in proc.stderr:
                log.append(line)
                if after_line in line or time.monotonic() - started > HANG:
                    break
        time.sleep(delay)
        if proc.poll() is None:
            os.killpg(proc.pid, sig)
        _, rest = proc.communicate(timeout=HANG)
        log.append(rest)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return proc.returncode, "".join(log)


SCENARIOS = [
    # While the worker processes are being forked: a Ctrl-C landing in Python's at-fork handlers,
    # like one in WeasyPrint's weakref callbacks, is one Python would print and swallow.
    (signal.SIGINT, "analysing", 0.2),
    (signal.SIGINT, "stances, positions", 0.1),
    (signal.SIGINT, "rendering", 1.0),
    (signal.SIGKILL, "rendering", 2.5),
    (signal.SIGKILL, "writing", 0.0),
    (signal.SIGINT, "writing", 0.0),
    (signal.SIGKILL, None, 6.0),
]


@pytest.mark.parametrize("n, sig, after_line, delay", [(i + 1, *s) for i, s in enumerate(SCENARIOS)],
                         ids=[f"{signal.Signals(s).name}-{a or 'start'}+{d}s" for s, a, d in SCENARIOS])
def test_interrupted_build_leaves_old_or_new_complete_outputs(project, n, sig, after_line, delay):
    cfg = project
    out = cfg.parent / "out"
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    _set_title(cfg, f"Build {n}")
    code, err = _interrupt(cfg, sig, after_line, delay)
    assert "Traceback" not in err, err[-2000:]
    for name in OUTPUTS:
        path = out / name
        assert path.is_file(), name  # the previous file is never removed first
        assert path.read_bytes() == before[name] or complete(path), f"{name} is neither the old nor a complete file"
    if sig == signal.SIGINT:
        messages = [ln for ln in err.splitlines() if ln.startswith("make-report:")]
        if code == 0:  # the build had already finished when the signal came
            assert messages and messages[-1].startswith("make-report: wrote "), err[-2000:]
        else:
            assert code == EXIT_INTERRUPTED == 130, err[-2000:]
            assert messages == [INTERRUPTED], err[-2000:]
            # Ctrl-C is held while the staged files are renamed into place: all old or all new
            kept = [(out / name).read_bytes() == before[name] for name in ("brief.pdf", "brief.docx", "brief.html")]
            assert all(kept) or not any(kept), kept
    else:
        assert code in (0, -signal.SIGKILL), (code, err[-2000:])


def test_next_build_completes_and_cleans_staging(project):
    cfg = project
    out = cfg.parent / "out"
    stale = out / ".staging-left-by-a-killed-build"
    stale.mkdir(exist_ok=True)
    (stale / "brief.pdf").write_bytes(b"%PDF-1.7 truncated")
    _set_title(cfg, "Build final")
    done = _build(cfg, "--quiet")
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert all(complete(out / name) for name in OUTPUTS)
    assert b"Build final" in (out / "brief.html").read_bytes()
    assert not list(out.glob(".staging-*"))


def test_ctrl_c_during_the_renames_is_held_until_they_are_done(tmp_path, monkeypatch, default_ctrl_c):
    """The last step renames the staged files into place one by one: a Ctrl-C in the middle
    would leave files of two builds side by side, so it is held until the last rename."""
    from analysis.build import output

    out = tmp_path / "out"
    output.write_all(out, {"a.txt": b"old a", "b.txt": b"old b", "c.txt": b"old c"})
    real_replace = os.replace
    calls = []

    def replace_then_ctrl_c(src, dst):
        real_replace(src, dst)
        calls.append(dst)
        if len(calls) == 1:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C after the first file is in place

    monkeypatch.setattr(output.os, "replace", replace_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        output.write_all(out, {"a.txt": b"new a", "b.txt": b"new b", "c.txt": b"new c"})
    assert [(out / n).read_bytes() for n in ("a.txt", "b.txt", "c.txt")] == [b"new a", b"new b", b"new c"]
    assert not list(out.glob(".staging-*"))
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_ctrl_c_python_swallows_still_stops_the_build(tmp_path, monkeypatch, capsys, default_ctrl_c):
    """A Ctrl-C that lands in a weakref callback (WeasyPrint runs many while laying out) is
    printed by Python as "Exception ignored" and swallowed. The build must still stop with 130,
    one line, no traceback, and the previous outputs in place. Deterministic: the callback
    raises the signal itself."""
    import weakref

    from analysis import cli
    from analysis.render import html as html_render

    (tmp_path / "note.txt").write_text("Talks\n\nThe minister of Utopia said that \"talks go on\".\n",
                                       encoding="utf-8")
    cfg = tmp_path / "report.toml"
    cfg.write_text('[report]\ntitle = "First"\n\n[[sources]]\npath = "note.txt"\n\n'
                   '[output]\ndir = "out"\nformats = ["json", "html"]\n', encoding="utf-8")
    assert cli.main(["--config", str(cfg), "--quiet", "--jobs", "1", "--no-cache"]) == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}

    real = html_render.render_html

    def render_with_a_swallowed_ctrl_c(brief, **options):
        class Box:
            pass

        box = Box()
        ref = weakref.ref(box, lambda _: signal.raise_signal(signal.SIGINT))
        del box  # the callback runs here; Python ignores the KeyboardInterrupt raised in it
        assert ref() is None
        return real(brief, **options)

    monkeypatch.setattr(html_render, "render_html", render_with_a_swallowed_ctrl_c)
    _set_title(cfg, "Second")
    capsys.readouterr()
    code = cli.main(["--config", str(cfg), "--quiet", "--jobs", "1", "--no-cache"])
    err = capsys.readouterr().err
    assert code == EXIT_INTERRUPTED
    assert err.splitlines() == [INTERRUPTED]
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()} == before
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_handled_ctrl_c_does_not_stop_the_next_build_in_the_same_process(tmp_path, default_ctrl_c):
    """The recorded Ctrl-C belongs to the build it stopped: a program that calls make-report's
    main() again, or the pipeline directly, is not interrupted by it."""
    from analysis.build import interrupts

    with interrupts.recorded():
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
        assert interrupts.pressed()
    assert not interrupts.pressed()
    interrupts.check()  # does not raise
