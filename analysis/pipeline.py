"""The whole flow in a screenful: read, analyse, export, compose, render, write — each step cached.

    sources ─► incremental.analyse (per document, cached, in worker processes) ─► Findings
            ─► findings.json / csv (streamed) ─► compose (charts cached) ─► Brief ─► HTML | PDF | DOCX (cached)
            ─► output.Staging: every file staged, then renamed into place (atomic)

The cache (analysis/cache.py) lives in ``<out>/.cache``. A build whose inputs are all
unchanged (sources, report.toml, author Markdown, lexicons, templates, code, formats and
build date) takes its files from one ``build`` entry and imports nothing heavy; otherwise
only the documents, charts and formats whose inputs changed are recomputed. Output bytes
do not depend on the cache or on the number of worker processes.
"""
from __future__ import annotations

import datetime as _dt
import os
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

from . import cache as cache_mod
from . import output
from .collector import fewer_collections, freeze_inherited
from .interrupts import check as check_interrupt
from . import progress as progress_mod
from .config import Config
from .errors import ConfigError
from .model.document import Document
from .model.findings import Findings

Progress = Callable[[str], None]


@dataclass(frozen=True)
class RunResult:
    written: tuple[Path, ...]
    warnings: tuple[str, ...]
    load_findings: Callable[[], Findings] = field(repr=False, compare=False)
    stats: dict = field(default_factory=dict, compare=False)
    """Cache hits, misses and writes by kind (``read.hit``, ``render.miss`` ...) of this build."""

    @property
    def findings(self) -> Findings:
        return self.load_findings()


def _quiet(_: str) -> None:
    pass


def read_document(config: Config, index: int) -> Document:
    """Load and read the index-th configured source."""
    from .incremental import read_source

    return read_source(config.sources[index])


def analyse(documents: Sequence[Document], config: Config) -> Findings:
    """All analyses over the read documents, uncached (the reference the cached path equals)."""
    from .analyses import corpus

    return corpus.analyse(documents, config)


def author_content(config: Config) -> dict[str, str]:
    """Read the author's Markdown files named in [content]; section id -> text."""
    files = ([("summary", config.content.summary)] if config.content.summary else [])
    files += list(config.content.commentary)
    out = {}
    for section, path in files:
        try:
            out[section] = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: author content cannot be read ({exc})") from None
    return out


# ---------------------------------------------------------------- worker processes
def _worker_init() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    freeze_inherited()


_warming: threading.Thread | None = None


def _wait_for_warm_up() -> None:
    # Also before a fork: one while the warm-up thread imports would copy a held import lock.
    if _warming is not None and _warming.is_alive() and threading.current_thread() is not _warming:
        _warming.join()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_wait_for_warm_up)


def _warm_up(modules: Sequence[str]) -> None:
    """Import the renderers' heavy third-party modules (matplotlib, WeasyPrint: ~1.5 s) in a
    thread while this process only waits for the analysis workers; the build waits for it before
    composing. Errors surface later, where the modules are used."""
    global _warming

    def work() -> None:
        import importlib

        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - reported by the step that needs the module
                return

    _warming = threading.Thread(target=work, name="make-report-warm-up", daemon=True)
    _warming.start()


class _Pool:
    """At most one process pool per build, created on first need. `warm`: modules to import in
    a thread once every worker has been forked (see _warm_up)."""

    def __init__(self, jobs: int, warm: Sequence[str] = ()):
        self.jobs = jobs
        self.executor = None
        self.warm = tuple(warm)

    def get(self, tasks: int):
        if self.jobs < 2 or tasks < 2:
            return None  # one task runs faster here than through a worker
        if self.executor is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            ctx = multiprocessing.get_context("fork") if sys.platform == "linux" else None
            self.executor = ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx, initializer=_worker_init)
            if self.warm:
                return _WarmAfterForks(self.executor, self.warm)
        return self.executor

    def close(self, ok: bool) -> None:
        ex, self.executor = self.executor, None
        if ex is None:
            return
        if not ok:  # interrupted or failed: stop the workers now (one may be laying out a PDF)
            terminate = getattr(ex, "terminate_workers", None)  # Python 3.14
            if terminate is not None:
                terminate()
            else:
                for proc in list((getattr(ex, "_processes", None) or {}).values()):
                    proc.terminate()
        # Futures are not cancelled here: the executor fails the unfinished ones itself when
        # its workers are gone (cancelling them first makes Python 3.11 print a traceback).
        ex.shutdown(wait=True)


class _WarmAfterForks:
    """The executor, starting the warm-up once its last worker is forked (workers are forked
    one per submit until there are max_workers)."""

    def __init__(self, executor, modules: Sequence[str]):
        self.executor, self.modules, self.started = executor, modules, False

    def submit(self, fn, *args, **kwargs):
        future = self.executor.submit(fn, *args, **kwargs)
        if not self.started and len(getattr(self.executor, "_processes", None) or ()) >= self.executor._max_workers:
            self.started = True
            _warm_up(self.modules)
        return future


# ---------------------------------------------------------------- rendering
def _render_pdf(brief, attachments):
    from .render.pdf import render_pdf

    return render_pdf(brief, attachments=attachments)


def _render_docx(brief, reference_docx):
    from .render.docx import render_docx

    return render_docx(brief, reference_docx=reference_docx)


def _render_html(brief):
    from .render.html import render_html

    return render_html(brief, for_print=False).encode("utf-8")


def _render_aside(fmt: str, brief) -> bytes:
    """HTML or DOCX in a worker process while this one lays out the PDF."""
    return _render_html(brief) if fmt == "html" else _render_docx(brief, TEMPLATES / "reference.docx")


@contextmanager
def _chart_cache(cache: cache_mod.Cache):
    """Serve compose's chart drawings from the cache: a chart whose data, accent and id are
    unchanged is not redrawn (and matplotlib is not imported when none changed). Only the SVG
    is drawn here; the DOCX renderer, in a worker while this process lays out the PDF, draws
    the PNG again from the chart's `spec`."""
    import importlib

    from .charts import KINDS
    from .charts.style import Drawn, outputs

    mods = [importlib.import_module(f"{__package__}.charts.{kind}") for kind in KINDS]
    originals = {m: m.draw for m in mods}

    def wrap(mod, draw):
        def cached(*args, **kwargs):
            spec = (mod.__name__, args, tuple(sorted(kwargs.items())))
            key = cache_mod.digest("chart", cache_mod.code_version(), cache_mod.environment_digest(), *spec)
            hit = cache.get("chart", key)
            if isinstance(hit, Drawn):
                return hit
            with outputs("svg"):
                drawn = replace(draw(*args, **kwargs), spec=spec)
            cache.put("chart", key, drawn)
            return drawn
        return cached

    try:
        for m in mods:
            m.draw = wrap(m, originals[m])
        yield
    finally:
        for m, draw in originals.items():
            m.draw = draw


def _renders(config: Config, cache: cache_mod.Cache, pool: _Pool, report, formats: Sequence[str], meta, findings,
             findings_json: bytes | None, build_date: str, author: dict, logo: str) -> dict[str, bytes]:
    from .analyses.across import across
    from .brief import compose

    check_interrupt()
    # Before anything here imports them: matplotlib.use() looks into sys.modules without the
    # import lock and would find the warm-up's half-imported pyplot.
    _wait_for_warm_up()
    report.step("composing the brief")
    with _chart_cache(cache):
        brief = compose(config, meta, findings, across(meta, findings), build_date=build_date, author=author)
    base = cache_mod.digest("render", cache_mod.code_version(), cache_mod.environment_digest(),
                            cache_mod.templates_digest(TEMPLATES), logo, repr(brief))
    attach = {"findings.json": findings_json} if findings_json is not None else {}
    keys = {"html": cache_mod.digest(base, "html"),
            "pdf": cache_mod.digest(base, "pdf", sorted(attach), *[attach[k] for k in sorted(attach)]),
            "docx": cache_mod.digest(base, "docx")}
    out: dict[str, bytes] = {}
    for fmt in formats:
        hit = cache.get_bytes("render", keys[fmt])
        if hit is not None:
            out[fmt] = hit
    todo = [f for f in ("html", "pdf", "docx") if f in formats and f not in out]
    if todo:
        report.start("rendering " + ", ".join(f.upper() for f in todo), len(todo))
        render = {"html": lambda: _render_html(brief), "pdf": lambda: _render_pdf(brief, attach),
                  "docx": lambda: _render_docx(brief, TEMPLATES / "reference.docx")}
        aside = {}
        if "pdf" in todo and len(todo) > 1:  # the PDF (the slow one) here, the others meanwhile in a worker
            executor = pool.get(2)
            if executor is not None:
                aside = {f: executor.submit(_render_aside, f, brief) for f in todo if f != "pdf"}
        for fmt in todo:
            if fmt not in aside:
                out[fmt] = render[fmt]()
                report.advance(fmt)
        for fmt, future in aside.items():
            out[fmt] = future.result()
            report.advance(fmt)
        report.finish()
        for fmt in todo:
            cache.put_bytes("render", keys[fmt], out[fmt])
    return {f"brief.{fmt}": out[fmt] for fmt in ("html", "pdf", "docx") if fmt in out}


# ---------------------------------------------------------------- the build
def run(config: Config, formats: Sequence[str], out_dir: Path, progress=_quiet, *, jobs: int | None = None,
        use_cache: bool = True) -> RunResult:
    """Build `formats` of the brief into `out_dir`. `progress` is a progress reporter
    (analysis/progress.py) or a ``message -> None`` function; `jobs` the worker processes
    (default: up to 2); `use_cache=False` uses a throwaway cache instead of ``out_dir/.cache``."""
    from . import incremental

    report = progress_mod.adapt(progress)
    jobs = incremental.cpu_jobs() if jobs is None else max(1, int(jobs))
    cache = cache_mod.for_output(out_dir, use_cache)
    rendered = [f for f in formats if f != "json"]
    warm = (["matplotlib.pyplot"] if rendered else []) + (["weasyprint"] if "pdf" in rendered else [])
    pool = _Pool(jobs, warm)
    ok = False
    try:
        with fewer_collections():  # workers forked inside inherit it
            result = _build(config, formats, out_dir, report, cache, pool)
        ok = True
        return result
    finally:
        pool.close(ok)
        if ok:
            cache.sweep()
        cache.close()


def _build(config: Config, formats: Sequence[str], out_dir: Path, report, cache: cache_mod.Cache,
           pool: _Pool) -> RunResult:
    from . import incremental

    shas = [incremental.source_digest(src) for src in config.sources]
    rendered = [f for f in formats if f != "json"]
    build_date = config.report.date or _dt.date.today().isoformat()
    author = author_content(config) if rendered else {}
    logo = "none"
    if rendered and config.style.logo is not None:
        try:
            logo = cache_mod.file_digest(config.style.logo)
        except OSError:
            logo = "unreadable"
    build_key = cache_mod.digest(
        "build", cache_mod.code_version(), cache_mod.analysis_digest(config), config, shas, tuple(formats),
        (build_date, sorted(author.items()), logo, cache_mod.templates_digest(TEMPLATES),
         cache_mod.environment_digest()) if rendered else None)

    def load_findings() -> Findings:  # the fast path did not analyse: do it (from the cache) on demand
        return incremental.analyse(config, cache_mod.Cache(None if cache.ephemeral else cache.root),
                                   shas=shas).findings

    hit = cache.get("build", build_key)
    if isinstance(hit, dict) and isinstance(hit.get("files"), dict) and isinstance(hit.get("warnings"), tuple):
        with output.Staging(out_dir) as staging:
            if cache.copy_files(hit["files"], staging):
                check_interrupt()
                report.step(f"unchanged: writing {len(staging.names)} files to {out_dir}")
                written = staging.commit()
                return RunResult(written=tuple(written), warnings=hit["warnings"], load_findings=load_findings,
                                 stats=dict(cache.stats))

    report.step(f"analysing {len(config.sources)} documents")
    with output.Staging(out_dir) as staging:
        # findings.json and the CSV files stream from scratch files into the staging folder,
        # one document at a time: memory stays flat in the size of the corpus
        sink = incremental.StreamExport(staging.spool, csv=config.output.csv)
        analysed = incremental.analyse(config, cache, executor_for=pool.get, shas=shas, progress=report,
                                       keep=bool(rendered), sink=sink)
        meta, findings = list(analysed.documents), analysed.findings

        check_interrupt()
        report.step("exporting findings")
        sink.write(staging, meta)
        if rendered:
            attach = staging.read("findings.json") if config.output.embed_findings else None
            for name, data in _renders(config, cache, pool, report, rendered, meta, findings, attach,
                                       build_date, author, logo).items():
                staging.write(name, data)

        check_interrupt()  # a Ctrl-C Python swallowed during rendering still stops the build here
        report.step(f"writing {len(staging.names)} files to {out_dir}")
        names = list(staging.names)
        written = staging.commit()
    cache.put("build", build_key, {"files": cache.put_files(dict(zip(names, written))),
                                   "warnings": analysed.warnings})
    if findings is None:  # a json-only build kept no findings in memory: analyse again from the cache on demand
        return RunResult(written=tuple(written), warnings=analysed.warnings, load_findings=load_findings,
                         stats=dict(cache.stats))
    return RunResult(written=tuple(written), warnings=analysed.warnings, load_findings=lambda: findings,
                     stats=dict(cache.stats))


TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
if not TEMPLATES.is_dir():  # installed without the source tree: templates shipped beside the package
    TEMPLATES = Path(sys.prefix) / "share" / "make-report" / "templates"
