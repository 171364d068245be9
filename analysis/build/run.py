"""The whole flow in a screenful: read, analyse, export, compose, render, write — each step cached.

    sources ─► analyse.analyse: steps.STEPS (per document, cached, in worker processes) ─► Findings
            ─► findings.json / csv (streamed) ─► compose (charts cached) ─► Brief ─► HTML | PDF | DOCX (cached)
            ─► output.Staging: every file staged, then renamed into place (atomic)

The cache (build/cache.py) lives in ``<out>/.cache``. A build whose inputs are all
unchanged (sources, report.toml, author Markdown, lexicons, templates, code, formats and
build date) takes its files from one ``build`` entry and imports nothing heavy; otherwise
only the documents, charts and formats whose inputs changed are recomputed. Output bytes
do not depend on the cache or on the number of worker processes.
"""
from __future__ import annotations

import datetime as _dt
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

from . import cache as cache_mod
from . import keys
from . import output
from .analyse import analyse
from .collector import fewer_collections
from .export import StreamExport
from .interrupts import check as check_interrupt
from . import progress as progress_mod
from ..config import Build, Config
from ..errors import ConfigError
from ..model.document import Document
from ..model.findings import Findings
from ..render import WRITERS, RenderOptions
from . import steps
from .steps import read_source, source_digest
from .workers import Pool, cpu_jobs, wait_for_warm_up

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
    return read_source(config.sources[index])


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


# ---------------------------------------------------------------- rendering
def _render_aside(fmt: str, brief, options) -> bytes:
    """One format in a worker process while this one lays out the slow one."""
    from ..render import WRITERS

    return WRITERS[fmt].write(brief, options)


def _chart_store(cache: cache_mod.Cache):
    """compose's chart drawings served from the cache (charts.drawn_through): a chart whose data,
    accent and id are unchanged is not redrawn (and matplotlib is not imported when none changed)."""
    from ..charts import Drawn

    def store(spec: tuple, make) -> Drawn:
        key = cache_mod.digest("chart", keys.code_version(), keys.environment_digest(), *spec)
        hit = cache.get("chart", key)
        if isinstance(hit, Drawn):
            return hit
        drawn = make()
        cache.put("chart", key, drawn)
        return drawn
    return store


def _renders(config: Config, cache: cache_mod.Cache, pool: Pool, report, formats: Sequence[str], meta, findings,
             findings_json: bytes | None, build_date: str, author: dict, logo: str) -> dict[str, bytes]:
    from ..analyses.across import across
    from ..brief import compose
    from ..charts import drawn_through

    check_interrupt()
    # Before anything here imports them: matplotlib.use() looks into sys.modules without the
    # import lock and would find the warm-up's half-imported pyplot.
    wait_for_warm_up()
    report.step("composing the brief")
    with drawn_through(_chart_store(cache)):
        brief = compose(config, meta, findings, across(meta, findings), build_date=build_date, author=author)
    base = cache_mod.digest("render", keys.code_version(), keys.environment_digest(),
                            keys.templates_digest(TEMPLATES), logo, repr(brief))
    attach = {"findings.json": findings_json} if findings_json is not None else {}
    options = RenderOptions(templates=TEMPLATES, attachments=attach)
    by_format = {name: cache_mod.digest(base, name, *((sorted(attach), *[attach[k] for k in sorted(attach)])
                                                      if w.attachments else ()))
                 for name, w in WRITERS.items()}
    out: dict[str, bytes] = {}
    for fmt in formats:
        hit = cache.get_bytes("render", by_format[fmt])
        if hit is not None:
            out[fmt] = hit
    todo = [f for f in WRITERS if f in formats and f not in out]
    if todo:
        report.start("rendering " + ", ".join(f.upper() for f in todo), len(todo))
        aside = {}
        if any(WRITERS[f].slow for f in todo) and len(todo) > 1:  # the slow one here, the others in a worker
            executor = pool.get(2)
            if executor is not None:
                aside = {f: executor.submit(_render_aside, f, brief, options) for f in todo if not WRITERS[f].slow}
        for fmt in todo:
            if fmt not in aside:
                out[fmt] = WRITERS[fmt].write(brief, options)
                report.advance(fmt)
        for fmt, future in aside.items():
            out[fmt] = future.result()
            report.advance(fmt)
        report.finish()
        for fmt in todo:
            cache.put_bytes("render", by_format[fmt], out[fmt])
    return {f"brief.{fmt}": out[fmt] for fmt in WRITERS if fmt in out}


# ---------------------------------------------------------------- the build
def run(config: Config, formats: Sequence[str], out_dir: Path, progress=_quiet, *, jobs: int | None = None,
        use_cache: bool = True, executor: str | None = None, scheduler: str | None = None) -> RunResult:
    """Build `formats` of the brief into `out_dir`. `progress` is a progress reporter
    (analysis/progress.py) or a ``message -> None`` function; `jobs` the worker processes
    (default: up to 2); `use_cache=False` neither reads nor writes ``out_dir/.cache``;
    `executor` ``local`` or ``dask`` and `scheduler` a Dask scheduler's address override the
    config's [build] table."""
    report = progress_mod.adapt(progress)
    jobs = cpu_jobs() if jobs is None else max(1, int(jobs))
    analysis_pool = None
    if (executor or config.build.executor) == "dask":
        from .cluster import DaskPool

        analysis_pool = DaskPool(scheduler or config.build.scheduler, workers=jobs)
        analysis_pool.check()  # an unreachable scheduler fails before anything is written
    cache = cache_mod.for_output(out_dir, use_cache)
    rendered = [f for f in formats if f != "json"]
    warm = (["matplotlib.pyplot"] if rendered else []) + (["weasyprint"] if "pdf" in rendered else [])
    pool = Pool(jobs, warm)
    analysis_pool = analysis_pool or pool
    ok = False
    try:
        with fewer_collections():  # workers forked inside inherit it
            result = _build(config, formats, out_dir, report, cache, pool, analysis_pool)
        ok = True
        return result
    finally:
        if analysis_pool is not pool:
            analysis_pool.close(ok)
        pool.close(ok)
        if ok:
            cache.sweep()


def _build(config: Config, formats: Sequence[str], out_dir: Path, report, cache: cache_mod.Cache,
           pool: Pool, analysis_pool) -> RunResult:
    shas = [source_digest(src) for src in config.sources]
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
        # where the analysis runs changes no output: a build moved to a cluster still hits
        "build", keys.code_version(), keys.analysis_digest(config), replace(config, build=Build()), shas,
        tuple(formats),
        (build_date, sorted(author.items()), logo, keys.templates_digest(TEMPLATES),
         keys.environment_digest()) if rendered else None)

    def load_findings() -> Findings:  # the fast path did not analyse: do it (from the cache) on demand
        return analyse(config, cache_mod.Cache(cache.root), shas=shas).findings

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
        sink = StreamExport(staging.spool, steps.tables(), csv=config.output.csv)
        analysed = analyse(config, cache, executor_for=analysis_pool.get, shas=shas, progress=report,
                           keep=bool(rendered), sink=sink, scratch=staging.root)
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


TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
if not TEMPLATES.is_dir():  # installed without the source tree: templates shipped beside the package
    TEMPLATES = Path(sys.prefix) / "share" / "make-report" / "templates"
