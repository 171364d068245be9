"""Tasks in, results out as they complete: the build's worker processes (at most one pool per build).

Workers are forked (on Linux) from the build's process, so they start with its imported modules and
lexicons; they ignore Ctrl-C (the build's process handles it and stops them) and keep what they
inherited out of the garbage collector's reach (build/collector.py).
"""
from __future__ import annotations

import os
import sys
import threading
from concurrent.futures import FIRST_COMPLETED, Executor, wait
from typing import Callable, Sequence

from .collector import freeze_inherited


def cpu_jobs() -> int:
    """Worker processes by default: at most two (the target machine), at most the CPUs we may use."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    return max(1, min(2, n))


def _worker_init() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    freeze_inherited()


_warming: threading.Thread | None = None


def wait_for_warm_up() -> None:
    """Wait until the warm-up thread (see Pool) has imported its modules."""
    # Also before a fork: one while the warm-up thread imports would copy a held import lock.
    if _warming is not None and _warming.is_alive() and threading.current_thread() is not _warming:
        _warming.join()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=wait_for_warm_up)


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


class Pool:
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
                return _WarmAfterForks(self.executor, self.jobs, self.warm)
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
            # A worker stopped while sending its result leaves half a message in the result pipe, and
            # this process still holds the pipe's write end: the executor's reader would wait for the
            # rest for ever (a build hung so, once in a dozen interrupt tests). Closing our end turns
            # that wait into an end of file, which the executor treats as a broken pool.
            writer = getattr(getattr(ex, "_result_queue", None), "_writer", None)
            if writer is not None:
                writer.close()
        # Futures are not cancelled here: the executor fails the unfinished ones itself when
        # its workers are gone (cancelling them first makes Python 3.11 print a traceback).
        ex.shutdown(wait=True)


class _WarmAfterForks:
    """The executor, starting the warm-up once its last worker is forked (workers are forked
    one per submit until there are max_workers)."""

    def __init__(self, executor, workers: int, modules: Sequence[str]):
        self.executor, self.workers, self.modules, self.started = executor, workers, modules, False

    def submit(self, fn, *args, **kwargs):
        future = self.executor.submit(fn, *args, **kwargs)
        # the executor says how many workers it has forked only through this private attribute
        if not self.started and len(getattr(self.executor, "_processes", None) or ()) >= self.workers:
            self.started = True
            _warm_up(self.modules)
        return future


def map_tasks(fn: Callable, tasks: Sequence, executor: Executor | None, take: Callable[[object, object], None]) -> None:
    """Run `fn` over `tasks` (in the executor when given, else here), handing each task and its
    result to `take(task, result)` as the result arrives. On an error or Ctrl-C the build stops
    the workers (Pool.close); the futures are left as they are."""
    if executor is None:
        for task in tasks:
            take(task, fn(task))
        return
    pending = {executor.submit(fn, task): task for task in tasks}
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for fut in done:
            take(pending.pop(fut), fut.result())


__all__ = ["Pool", "cpu_jobs", "map_tasks", "wait_for_warm_up"]
