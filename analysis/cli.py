"""make-report: arguments -> config -> build.run -> exit code. The one place errors meet the user."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import __version__
from .config import FORMATS
from .errors import EXIT_CODES, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, ReportError, UsageError

EPILOG = "exit codes:\n" + "\n".join(f"  {code:>3}  {text}" for code, text in EXIT_CODES.items())


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse prints usage + exits 2; we want one line
        raise UsageError(message, hint="see make-report --help")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="make-report", formatter_class=argparse.RawDescriptionHelpFormatter,
                description="Build a comparative policy brief (PDF, DOCX, HTML) and findings.json "
                            "from the sources listed in report.toml.", epilog=EPILOG)
    p.add_argument("--config", default="report.toml", help="the brief's configuration (default: report.toml)")
    p.add_argument("--out", help="output folder (default: [output] dir of the config, usually out/)")
    p.add_argument("--format", help=f"comma-separated formats among {','.join(FORMATS)} "
                                    "(default: [output] formats); json alone skips rendering")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    g.add_argument("--verbose", "-v", action="store_true", help="print every step with timings")
    p.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                   help="worker processes for analysis and rendering (default: up to 2; 1: all in this process)")
    p.add_argument("--executor", choices=("local", "dask"),
                   help="where the per-document analysis runs: local worker processes, or a Dask cluster "
                        "(default: [build] executor, else local)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --executor dask: a running Dask scheduler (tcp://host:8786); "
                        "without it a local cluster is started")
    p.add_argument("--no-cache", action="store_true",
                   help="ignore and leave alone the build cache in OUT/.cache (a cold build)")
    p.add_argument("--version", action="version", version=f"make-report {__version__}")
    return p


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return n


def _formats(value: str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    if value is None:
        return default
    items = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    bad = [v for v in items if v not in FORMATS]
    if bad or not items:
        raise UsageError(f"--format: unknown format {bad[0] if bad else value!r}; use {','.join(FORMATS)}")
    return items


_INTERRUPTED = "make-report: interrupted; previous outputs left in place"


def main(argv: list[str] | None = None) -> int:
    from .build.interrupts import recorded

    said = []
    try:
        with recorded():
            return _main(argv, said)
    except KeyboardInterrupt:
        # a Ctrl-C that Python delivers while the first one is being handled (seen rarely when the
        # signal reaches the whole process group as workers are stopped): the same exit, said once
        if not said:
            print(_INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED


def _main(argv: list[str] | None, said: list[str]) -> int:
    start = time.perf_counter()
    quiet = verbose = False

    try:
        args = _parser().parse_args(argv)
        quiet, verbose = args.quiet, args.verbose
        from . import config as config_mod
        from .build import run as build
        from .build import progress

        reporter = progress.for_cli(verbose=verbose, quiet=quiet, started=start)
        cfg = config_mod.load(args.config)
        formats = _formats(args.format, cfg.output.formats)
        out_dir = Path(args.out).resolve() if args.out else cfg.output.dir
        try:
            result = build.run(cfg, formats, out_dir, progress=reporter, jobs=args.jobs,
                               use_cache=not args.no_cache, executor=args.executor, scheduler=args.scheduler)
        finally:
            reporter.close()  # the progress bar's line is cleared before anything else is printed
        if verbose:
            stats = ", ".join(f"{k} {v}" for k, v in sorted(result.stats.items()) if v)
            print(f"[{time.perf_counter() - start:6.2f}s] cache: {stats or 'not used'}", file=sys.stderr)
        if not quiet:
            for w in cfg.warnings + result.warnings:
                print(f"make-report: warning: {w}", file=sys.stderr)
            names = ", ".join(p.name for p in result.written if p.parent == out_dir)
            print(f"make-report: wrote {names} to {out_dir} in {time.perf_counter() - start:.1f}s",
                  file=sys.stderr)
        return EXIT_OK
    except ReportError as exc:
        print(f"make-report: {exc.line()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(_INTERRUPTED, file=sys.stderr)
        said.append(_INTERRUPTED)
        return EXIT_INTERRUPTED
    except SystemExit as exc:  # --help / --version
        return int(exc.code or 0)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, no traceback
        if verbose:
            import traceback

            traceback.print_exc()
        print(f"make-report: internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:300]} "
              "(please report it; run with --verbose for details)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
