"""Time make-report builds: cold, warm (no change), one source changed, json-only; for the
sample brief and generated corpora of 30, 300 and 3000 documents.

    python bench/run.py                        # seeds, 30 (all scenarios), 300, 3000 (json) x5
    python bench/run.py --quick                # seeds (all), 30 (json), 3 runs each: ~2 minutes
    python bench/run.py --sizes 300,3000 --scenarios json --repeat 5
    python bench/run.py --sizes seeds --scenarios cold,warm,one --jobs 1

Scenarios (each run is a fresh `python -m analysis.cli ... --quiet` process):

    cold   all formats of the config, output folder (and so its cache) deleted first
    warm   all formats again, nothing changed
    one    all formats after one source changed (a new sentence appended to the first
           document, different at every run, so it is always a real change)
    json   --format json with the output folder deleted first: the analysis alone
    dask   as json, with --executor dask: a 2-worker Dask LocalCluster started by the build
           (needs the cluster extra), so the two executors are compared in one run

Each scenario runs --repeat times (default 5); the table shows the median, min and max
seconds, the median CPU seconds of the build's processes (user + system, workers included),
MB/s (source bytes / median seconds), MB/s per worker, MB per CPU second (the per-core
speed, which other load on the machine disturbs far less than wall time), and the peak memory:
"max proc" is the largest resident set of any one process of the build (from wait4),
"tree" the largest sum over the build's processes of their proportional set sizes (shared
pages counted once; sampled from /proc every 0.1 s).
The seed brief runs on a copy of seeds/ and report.toml in bench/out/seeds/; corpora are
generated on demand (bench/generate_corpus.py) into bench/corpus/<N>/. Results are also
written to bench/out/results-<time>.json.

Builds run with a bytecode cache in bench/out/pycache (PYTHONPYCACHEPREFIX), as an
installed make-report has: a process started with PYTHONDONTWRITEBYTECODE would
recompile the package on every run and time that instead.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

import generate_corpus  # noqa: E402

SCENARIOS = ("cold", "warm", "one", "json", "dask")
BRIEF_SCENARIOS = ("cold", "warm", "one", "json")
DEFAULT_PLAN = {"seeds": BRIEF_SCENARIOS, "30": BRIEF_SCENARIOS, "300": ("json",), "3000": ("json", "dask")}
"""Scenarios per size by default: the brief scenarios for the sample and 30 documents, the
analysis alone for the corpora (a 300-document brief, with its aggregate tables, takes
one to two minutes: ask for it with --scenarios)."""
QUICK_PLAN = {"seeds": BRIEF_SCENARIOS, "30": ("json",)}


# ---------------------------------------------------------------- the machine
def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return {"cpus": cores, "cpu": cpu, "ram_gb": round(ram / 2**30, 1), "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}"}


# ---------------------------------------------------------------- one timed build
def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            out.extend(int(x) for x in text.split())
    except OSError:
        pass
    return out


def _memory(pid: int) -> int:
    """Proportional set size (shared pages split between the processes sharing them), else RSS."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _tree_memory(pid: int) -> int:
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        total += _memory(p)
        todo.extend(_children(p))
    return total


def build(config: Path, extra: list[str], env: dict) -> dict:
    """Run one build; seconds, exit code, peak memory of one process and of the process tree."""
    cmd = [sys.executable, "-m", "analysis.cli", "--config", str(config), "--quiet", *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.1):
            peak[0] = max(peak[0], _tree_memory(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}): {' '.join(cmd)}\n{err.decode(errors='replace')}")
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "max_proc_mb": usage.ru_maxrss / 1024,
            "tree_mb": peak[0] / 2**20}


# ---------------------------------------------------------------- projects
def seeds_project() -> Path:
    """A writable copy of the sample brief (report.toml + seeds/) under bench/out/seeds/."""
    dest = OUT / "seeds"
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "seeds").mkdir(parents=True)
    for f in (ROOT / "seeds").iterdir():
        (dest / "seeds" / f.name).write_bytes(f.read_bytes())
    shutil.copyfile(ROOT / "report.toml", dest / "report.toml")
    return dest / "report.toml"


def corpus_project(n: int, seed: int) -> Path:
    folder = generate_corpus.CORPUS / str(n)
    cfg = folder / "report.toml"
    stamp = folder / ".generated"
    want = f"{n}:{seed}:{hashlib.sha256(Path(generate_corpus.__file__).read_bytes()).hexdigest()}"
    if not (cfg.is_file() and stamp.is_file() and stamp.read_text() == want):
        print(f"generating {n} documents ...", file=sys.stderr, flush=True)
        generate_corpus.generate(n, folder, seed)
        stamp.write_text(want)
    return cfg


def sources_of(cfg: Path) -> list[Path]:
    import tomllib

    data = tomllib.loads(cfg.read_text(encoding="utf-8"))
    return [(cfg.parent / s["path"]).resolve() for s in data["sources"]]


# ---------------------------------------------------------------- scenarios
def run_size(label: str, cfg: Path, scenarios, repeat: int, jobs: list[str], env: dict) -> list[dict]:
    out_dir = cfg.parent / "out"
    sources = sources_of(cfg)
    size = sum(p.stat().st_size for p in sources)
    first = sources[0]
    original = first.read_bytes()
    rows = []

    def measure(name: str, prepare, extra: list[str]) -> None:
        runs = []
        for r in range(repeat):
            prepare(r)
            runs.append(build(cfg, extra + jobs, env))
            print(f"  {label:>6} {name:<5} run {r + 1}/{repeat}: {runs[-1]['seconds']:.2f}s", file=sys.stderr,
                  flush=True)
        secs = [x["seconds"] for x in runs]
        med = statistics.median(secs)
        cpu = statistics.median(x["cpu"] for x in runs)
        rows.append({"size": label, "documents": len(sources), "source_mb": size / 1e6, "scenario": name,
                     "runs": secs, "median": med, "min": min(secs), "max": max(secs), "cpu": cpu,
                     "mb_s": size / 1e6 / med, "mb_cpu_s": size / 1e6 / cpu if cpu else 0.0,
                     "max_proc_mb": max(x["max_proc_mb"] for x in runs),
                     "tree_mb": max(x["tree_mb"] for x in runs)})

    def cold(_r: int) -> None:
        shutil.rmtree(out_dir, ignore_errors=True)

    def nothing(_r: int) -> None:
        pass

    def change(r: int) -> None:
        text = original.decode("utf-8")
        first.write_text(text.rstrip("\n") + f"\n\nThe Government of Peru said on 3 May 2021 that "
                         f"{r + 11} per cent of the budget \"must support the territorial integrity\" "
                         f"of the region.\n", encoding="utf-8")

    try:
        if "cold" in scenarios:
            measure("cold", cold, [])
        if "warm" in scenarios:
            if not (out_dir / ".cache").is_dir():
                build(cfg, jobs, env)
            measure("warm", nothing, [])
        if "one" in scenarios:
            if not (out_dir / ".cache").is_dir():
                build(cfg, jobs, env)
            measure("one", change, [])
        if "json" in scenarios:
            measure("json", cold, ["--format", "json"])
        if "dask" in scenarios:
            measure("dask", cold, ["--format", "json", "--executor", "dask"])
    finally:
        first.write_bytes(original)
    return rows


def table(rows: list[dict], jobs: int) -> str:
    head = (f"{'size':>6} {'docs':>5} {'MB':>6}  {'scenario':<8} {'median s':>8} {'min':>7} {'max':>7} "
            f"{'cpu s':>7} {'MB/s':>6} {'MB/s/wk':>7} {'MB/cpu-s':>8} {'max proc':>9} {'tree':>7}  vs cold")
    lines = [head, "-" * len(head)]
    cold = {r["size"]: r["median"] for r in rows if r["scenario"] == "cold"}
    for r in rows:
        ratio = ""
        if r["scenario"] in ("warm", "one") and r["size"] in cold:
            ratio = f"{100 * r['median'] / cold[r['size']]:.0f}%"
        lines.append(f"{r['size']:>6} {r['documents']:>5} {r['source_mb']:>6.1f}  {r['scenario']:<8} "
                     f"{r['median']:>8.2f} {r['min']:>7.2f} {r['max']:>7.2f} {r['cpu']:>7.1f} {r['mb_s']:>6.2f} "
                     f"{r['mb_s'] / jobs:>7.2f} {r['mb_cpu_s']:>8.3f} {r['max_proc_mb']:>7.0f}MB "
                     f"{r['tree_mb']:>5.0f}MB  {ratio}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", help="comma-separated: seeds and/or document counts (default seeds,30,300,3000)")
    ap.add_argument("--scenarios", help=f"comma-separated among {','.join(SCENARIOS)} (default: all for "
                                        "seeds and 30, json for 300 and 3000)")
    ap.add_argument("--repeat", type=int, help="runs per scenario (default 5; 3 with --quick)")
    ap.add_argument("--quick", action="store_true", help="seeds (all scenarios) and 30 documents (json), 3 runs")
    ap.add_argument("--jobs", type=int, help="pass --jobs N to make-report (default: its own, up to 2)")
    ap.add_argument("--seed", type=int, default=1, help="corpus variation seed")
    args = ap.parse_args(argv)

    plan = QUICK_PLAN if args.quick else DEFAULT_PLAN
    sizes = args.sizes.split(",") if args.sizes else list(plan)
    repeat = args.repeat or (3 if args.quick else 5)
    jobs_flag = ["--jobs", str(args.jobs)] if args.jobs else []
    info = machine()
    workers = args.jobs or min(2, info["cpus"])

    OUT.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    subprocess.run([sys.executable, "-m", "analysis.cli", "--help"], cwd=ROOT, env=env, capture_output=True)
    subprocess.run([sys.executable, "-c", "import analysis.build.run, analysis.build.steps, analysis.brief, "
                    "analysis.render.pdf, analysis.render.docx, analysis.build.analyse"], cwd=ROOT, env=env,
                   capture_output=True)

    print(f"machine: {info['cpus']} CPUs ({info['cpu']}), {info['ram_gb']} GB RAM, Python {info['python']}, "
          f"{info['system']}; make-report workers: {workers}; {repeat} runs per scenario", flush=True)
    started = time.perf_counter()
    rows: list[dict] = []
    for size in sizes:
        size = size.strip()
        cfg = seeds_project() if size == "seeds" else corpus_project(int(size), args.seed)
        scen = args.scenarios.split(",") if args.scenarios else plan.get(size, DEFAULT_PLAN.get(size, SCENARIOS))
        bad = [s for s in scen if s not in SCENARIOS]
        if bad:
            ap.error(f"unknown scenario {bad[0]}")
        rows.extend(run_size(size, cfg, scen, repeat, jobs_flag, env))
    total = time.perf_counter() - started
    print(table(rows, workers))
    print(f"bench time: {total / 60:.1f} min")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (OUT / f"results-{stamp}.json").write_text(json.dumps({"machine": info, "workers": workers,
                                                           "repeat": repeat, "rows": rows,
                                                           "bench_seconds": total}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
