"""Config + cache -> (document metadata, warnings, Findings): the one runner of build/steps.STEPS.

Each per-document step runs for the documents whose entry the cache does not have, in worker
processes when there are several (`executor_for`), longest source first so that workers finish
together; each corpus step runs once, here. Results are placed by source order whatever the
order they arrive in, so the output is byte-identical for any --jobs. This process keeps the
steps' results and the documents' metadata, never parsed documents: what a step hands to the later
per-document steps travels as a handoff.Parcel in their jobs (a scratch file, removed with the
build). The cache only stores results for later builds: a build without one stores nothing.
"""
from __future__ import annotations

import os
from concurrent.futures import Executor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Sequence

from ..config import Config, SourceConfig
from ..model.document import Document
from ..model.findings import Findings
from .cache import Cache, digest, file_digest
from .handoff import Handoff, Parcel
from .export import StreamExport
from .keys import analysis_digest
from .progress import Silent
from . import steps
from .steps import Job, Step, source_digest, source_key, warm_up
from .workers import map_tasks


@dataclass(frozen=True, slots=True)
class Analysed:
    documents: tuple[Document, ...]
    """Metadata only (no blocks or footnotes), in source order."""
    warnings: tuple[str, ...]
    findings: Findings | None
    """None when analysed with keep=False (the findings went to the sink only)."""


def run_job(job: Job, cache: Cache | None = None, handoff: Handoff | None = None):
    """One per-document step for one document, with the build's `cache` and `handoff` when run in its
    own process (else its own, in a worker); (result, the parcel of its handed values or None, keys
    used, counts) for the build."""
    cache = Cache(job.cache_root) if cache is None else cache
    handoff = Handoff.joining(job.handoff_dir) if handoff is None else handoff
    step = next(s for s in steps.STEPS if s.name == job.step)
    inputs = dict(job.inputs)
    opened: dict[int, dict | None] = {}
    for name, parcel in job.handed.items():
        if parcel is not None and id(parcel) not in opened:  # one parcel holds all a step handed
            opened[id(parcel)] = parcel.open()
        values = opened.get(id(parcel)) if parcel is not None else None
        inputs[name] = values.get(name) if values is not None else None
    result = step.run(job, inputs)
    handed = {name: result.pop(name) for name in step.hands}
    parcel = handoff.pack(handed) if handed else None
    if cache.enabled and _unchanged(job.src, job.sha):  # never file results under bytes this build did not read
        cache.put(step.name, job.key, result)
    return result, parcel, cache.used, cache.stats


def _unchanged(src: SourceConfig, sha: str) -> bool:
    try:
        return file_digest(src.path) == sha
    except OSError:
        return False


def _size(src: SourceConfig) -> int:
    try:
        return os.stat(src.path).st_size
    except OSError:
        return 0


def _last_use(ordered: Sequence[Step]) -> dict[str, int]:
    """Per value, the index of the last step that needs it (values no step needs: -1)."""
    last: dict[str, int] = {}
    for i, step in enumerate(ordered):
        for name in step.needs:
            last[name] = i
    return last


def analyse(config: Config, cache: Cache, *, executor_for: Callable[[int], Executor | None] = lambda n: None,
            shas: Sequence[str] | None = None, progress=None, keep: bool = True,
            sink: StreamExport | None = None, scratch: Path | None = None) -> Analysed:
    """Run STEPS over every configured source, reusing cached results; `executor_for(n)` gives a
    process pool for n uncached jobs (or None to run them here). Each document's findings go to
    `sink` as they arrive; with `keep=False` they are then dropped (values a later step needs
    stay until it ran) and the result's findings is None: memory stays flat in N. The hand-off
    folder is made inside `scratch` (default: the system's temporary folder)."""
    handoff = Handoff(scratch)
    try:
        return _analyse(config, cache, handoff, executor_for, shas, progress, keep, sink)
    finally:
        handoff.close()


def _analyse(config: Config, cache: Cache, handoff: Handoff, executor_for, shas, progress, keep: bool,
             sink: StreamExport | None) -> Analysed:
    progress = progress or Silent()
    sources = config.sources
    n = len(sources)
    base = analysis_digest(config)
    shas = list(shas) if shas is not None else [source_digest(s) for s in sources]
    keys = [source_key(base, s, sha) for s, sha in zip(sources, shas)]  # each document's latest step key
    values: dict[str, list] = {}  # per-document values by name, in source order
    corpus: dict[str, object] = {}  # corpus-wide values
    handed: dict[str, list[Parcel | None]] = {}  # handed value -> each document's parcel holding it
    last = _last_use(steps.STEPS)
    tables = steps.tables()

    for index, step in enumerate(steps.STEPS):
        if step.per == "corpus":
            added = step.run(config, values)
            for name in step.returns:
                corpus[name] = added[name]
                if sink is not None and name in step.finds:
                    sink.add(n, name, added[name])
        else:
            # what the main process holds on to: the metadata, what a later step needs, and the
            # findings when asked to keep them (else they only pass through to the sink)
            retain = {name for name in step.returns
                      if name == "meta" or last.get(name, -1) > index or (keep and name in step.finds)}
            _run_per_document(step, config, cache, handoff, keys, shas, values, corpus, handed, executor_for,
                              progress, sink, retain)
        for name in [v for v in list(values) + list(corpus) + list(handed) if last.get(v, -1) <= index]:
            if name == "meta" or (keep and name in tables):
                continue
            values.pop(name, None)
            corpus.pop(name, None)
            handed.pop(name, None)

    findings = None
    if keep:
        findings = Findings.of({t: tuple(x for part in values[t] for x in part) if t in values else corpus.get(t, ())
                                for t in tables})
    metas = values["meta"]
    return Analysed(documents=tuple(metas), warnings=tuple(w for d in metas for w in d.warnings),
                    findings=findings)


def _run_per_document(step: Step, config: Config, cache: Cache, handoff: Handoff, keys: list[str],
                      shas: Sequence[str], values: dict[str, list], corpus: dict,
                      handed: dict[str, list[Parcel | None]], executor_for, progress, sink, retain: set[str]) -> None:
    sources = config.sources
    n = len(sources)
    root = str(cache.root) if cache.root is not None else None
    folder = handoff.where() if step.hands else None
    parcels: list[Parcel | None] = [None] * n
    for name in retain:
        values[name] = [()] * n

    def take(i: int, result: dict) -> None:
        for name in step.returns:
            if name in retain:
                values[name][i] = result[name]
            if sink is not None and name in step.finds:
                sink.add(i, name, result[name])

    progress.start(step.label, n)
    todo = []
    for i, src in enumerate(sources):
        inputs = {name: values[name][i] if name in values else corpus[name]
                  for name in step.needs if name not in handed}
        if step.view is not None:
            inputs = step.view(inputs, config)
        keys[i] = key = digest(step.name, keys[i], *step.key(inputs))
        hit = cache.get(step.name, key)
        if isinstance(hit, dict) and hit.keys() == set(step.returns) \
                and ("meta" not in hit or getattr(hit["meta"], "id", None) == src.id):
            take(i, hit)
            progress.advance()
        else:
            parcels_in = {name: handed[name][i] for name in step.needs if name in handed}
            todo.append(Job(step.name, i, src, shas[i], key, inputs, parcels_in, config.lexicons, config.questions,
                            root, folder))
    todo.sort(key=lambda job: -_size(job.src))  # longest first: workers finish together
    if todo:
        warm_up(config)
    executor = executor_for(len(todo))

    def done(job: Job, outcome) -> None:
        result, parcel, used, stats = outcome
        if executor is not None:
            cache.merge(used, stats)
        take(job.index, result)
        parcels[job.index] = parcel
        progress.advance(job.src.given)

    # in this process, the build's own cache (it counts what the job uses) and hand-off (it keeps
    # the first parcels in memory)
    map_tasks(run_job if executor is not None else partial(run_job, cache=cache, handoff=handoff), todo, executor,
              done)
    for name in step.hands:
        handed[name] = parcels
    progress.finish()


__all__ = ["Analysed", "analyse", "run_job"]
