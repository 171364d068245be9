"""A Dask cluster as the executor of the per-document analysis (`make-report --executor dask`).

The build hands `DaskPool.get` to the analysis where it would hand the local process pool: each
uncached document becomes one Dask task, results come back as they complete (the exporter
streams them to disk), and everything after the per-document steps (the cross-document steps,
composing, rendering) stays in this process. `distributed` is imported only here, only when
chosen (`pip install -e '.[cluster]'`).

Workers need this package (same version) and its dependencies installed, and read the sources
by the paths in report.toml: on a cluster of several machines, put the project on a file system
they share. The build cache folder works the same way; a worker that cannot see it recomputes.
"""
from __future__ import annotations

import importlib
import logging
from concurrent.futures import Executor

from ..errors import ClusterError
from .collector import collect_less

RETRIES = 2
"""Times a task is tried again after it raised (a worker that dies has its tasks rescheduled by
the scheduler anyway, up to distributed's own `allowed-failures`)."""
CONNECT_TIMEOUT = "10s"
WARM = ("analysis.analyses.statements", "analysis.analyses.stance", "analysis.analyses.figures",
        "analysis.analyses.timeline", "analysis.analyses.precedents", "analysis.analyses.tensions",
        "analysis.readers")
"""Imported by every worker when it joins, before its first task (as the local executor's forked
workers inherit them)."""


def prepare_worker() -> None:
    """On a worker: the build's collector setting (see collector.py) and the analyses imported."""
    collect_less()
    for name in WARM:
        importlib.import_module(name)


class DaskPool:
    """A Dask client, connected on first need: to `scheduler` when given, else to a LocalCluster of
    `workers` single-threaded worker processes on the loopback interface."""

    def __init__(self, scheduler: str | None = None, workers: int = 2):
        self.scheduler = scheduler
        self.workers = max(1, workers)
        self.client = None
        self.cluster = None
        self.executor: Executor | None = None

    def get(self, tasks: int) -> Executor | None:
        if tasks < 1:
            return None
        if self.executor is None:
            self.executor = self._connect().get_executor(retries=RETRIES, pure=False)
        return self.executor

    def check(self) -> None:
        """Connect now when a scheduler is named (cheap, and a wrong address should fail before the
        build writes anything); a local cluster is started only when a task needs it."""
        if self.scheduler and self.client is None:
            self._connect()

    def _connect(self):
        if self.client is not None:
            return self.client
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ClusterError("--executor dask needs the cluster extra: pip install -e '.[cluster]'") from None
        import dask

        quiet = {"distributed.admin.system-monitor.gil.enabled": False, "logging.distributed": "error"}
        dask.config.set(quiet)
        for name in ("distributed", "tornado"):
            logging.getLogger(name).setLevel(logging.ERROR)
        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
            except (OSError, TimeoutError, ValueError) as exc:
                raise ClusterError(f"cannot reach the Dask scheduler at {self.scheduler}: "
                                   f"{' '.join(str(exc).split())[:160]}",
                                   hint="start one with `dask scheduler`, or leave out --scheduler "
                                        "to run a local cluster") from None
        else:
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                        host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                        silence_logs=logging.ERROR)
            self.client = Client(self.cluster, set_as_default=False)
        self.client.register_worker_callbacks(prepare_worker)
        return self.client

    def close(self, ok: bool) -> None:
        """Disconnect; when the build failed or was interrupted, cancel what the cluster still runs."""
        executor, client, cluster = self.executor, self.client, self.cluster
        self.executor = self.client = self.cluster = None
        if executor is not None:
            executor.shutdown(wait=ok)  # wait=False cancels the unfinished tasks
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


__all__ = ["DaskPool", "RETRIES"]
