"""--executor dask: the per-document analysis on a Dask cluster gives byte-identical outputs to the
local executor, survives a worker killed mid-run, and refuses an unreachable scheduler in one line."""
from __future__ import annotations

import importlib.util
import os
import signal
import sys

import pytest

from analysis import config as config_mod
from analysis.build import cluster
from analysis.build import run as pipeline
from analysis.cli import main
from analysis.errors import EXIT_CLUSTER
from analysis.build.progress import Silent
from conftest import ROOT

pytestmark = pytest.mark.skipif(importlib.util.find_spec("distributed") is None,
                                reason="the cluster extra (distributed) is not installed")


def _generated(n: int, tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate_corpus
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return generate_corpus.generate(n, tmp_path / f"corpus{n}")


@pytest.fixture(scope="module")
def local_cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as lc, Client(lc, set_as_default=False) as client:
        yield lc, client


def _build(cfg_path, out, *extra) -> bytes:
    assert main(["--config", str(cfg_path), "--out", str(out), "--format", "json", "--quiet", "--no-cache",
                 *extra]) == 0
    return (out / "findings.json").read_bytes()


def test_seeds_on_a_cluster_equal_the_local_build(tmp_path, local_cluster):
    lc, _ = local_cluster
    local = _build(ROOT / "report.toml", tmp_path / "local")
    assert _build(ROOT / "report.toml", tmp_path / "dask", "--executor", "dask",
                  "--scheduler", lc.scheduler_address) == local


def test_a_generated_corpus_on_a_cluster_equals_the_local_build_csv_included(tmp_path, local_cluster):
    lc, _ = local_cluster
    cfg = _generated(30, tmp_path)
    local = _build(cfg, tmp_path / "local")
    assert _build(cfg, tmp_path / "dask", "--executor", "dask", "--scheduler", lc.scheduler_address) == local
    for table in sorted((tmp_path / "local" / "csv").iterdir()):
        assert (tmp_path / "dask" / "csv" / table.name).read_bytes() == table.read_bytes()


def test_a_build_without_scheduler_starts_its_own_local_cluster(tmp_path):
    local = _build(ROOT / "report.toml", tmp_path / "local")
    assert _build(ROOT / "report.toml", tmp_path / "dask", "--executor", "dask", "--jobs", "2") == local


def test_documents_of_a_worker_killed_mid_run_are_computed_elsewhere(tmp_path, local_cluster):
    lc, client = local_cluster
    cfg = _generated(30, tmp_path)
    local = _build(cfg, tmp_path / "local")
    pids = sorted(client.run(os.getpid).values())

    class KillOnce(Silent):
        done = 0

        def advance(self, note=None):
            self.done += 1
            if self.done == 3:  # documents still queued and running on both workers
                os.kill(pids[0], signal.SIGKILL)

    conf = config_mod.load(cfg)
    progress = KillOnce()
    pipeline.run(conf, ["json"], tmp_path / "dask", progress=progress, use_cache=False, executor="dask",
                 scheduler=lc.scheduler_address)
    assert (tmp_path / "dask" / "findings.json").read_bytes() == local
    assert progress.done >= 3
    client.wait_for_workers(2, timeout=30)  # the nanny restarts the killed one
    assert pids[0] not in client.run(os.getpid).values()


def test_an_unreachable_scheduler_is_one_line_and_its_own_exit_code(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    code = main(["--config", str(ROOT / "report.toml"), "--out", str(tmp_path / "out"), "--format", "json",
                 "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err.strip()
    assert code == EXIT_CLUSTER
    assert len(err.splitlines()) == 1 and "tcp://127.0.0.1:9" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_the_executor_can_be_chosen_in_report_toml(tmp_path):
    cfg = tmp_path / "report.toml"
    base = (ROOT / "report.toml").read_text(encoding="utf-8").replace("seeds/", str(ROOT / "seeds") + "/")
    cfg.write_text(base + '\n[build]\nexecutor = "dask"\nscheduler = "tcp://127.0.0.1:8786"\n', encoding="utf-8")
    conf = config_mod.load(cfg)
    assert (conf.build.executor, conf.build.scheduler) == ("dask", "tcp://127.0.0.1:8786")
    cfg.write_text(base + '\n[build]\nexecutor = "spark"\n', encoding="utf-8")
    with pytest.raises(config_mod.ConfigError, match="build.executor"):
        config_mod.load(cfg)
