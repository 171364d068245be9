"""The only code that writes under the output directory: all files of a build, atomically.

Files are first written under a temporary folder inside the output directory, then
renamed into place one by one once every output of the build exists. A failed or
interrupted build therefore leaves the previous complete outputs; no file is ever
seen half-written (a rename within one file system is atomic).
"""
from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Mapping

from .errors import OutputError

STAGING_PREFIX = ".staging-"


def _clean_stale(out: Path) -> None:
    # A build killed between staging and renaming leaves its staging folder behind.
    for stale in out.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)


@contextmanager
def _interrupt_after():
    """Hold a Ctrl-C (SIGINT) that arrives inside the block until its end, so the renames are
    never cut off midway (which would mix files of two builds); then raise it as usual."""
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is None:
        yield  # only the main thread may set handlers; None: a handler not set from Python
        return
    held: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if held:
            if callable(previous):
                previous(signal.SIGINT, None)  # Python's default raises KeyboardInterrupt here
            elif previous == signal.SIG_DFL:
                os.kill(os.getpid(), signal.SIGINT)


def write_all(out: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write `files` (relative name -> bytes) into `out` atomically; return the final paths."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        _clean_stale(out)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    written = []
    try:
        for name, data in files.items():
            rel = Path(name)
            if rel.is_absolute() or ".." in rel.parts:
                raise OutputError(f"refusing to write {name!r} outside {out}")
            tmp = staging / rel
            tmp.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for name in files:
            (out / name).parent.mkdir(parents=True, exist_ok=True)
        with _interrupt_after():
            for name in files:
                final = out / name
                os.replace(staging / name, final)
                written.append(final)
    except OSError as exc:
        raise OutputError(f"{out}: cannot write the outputs ({exc.strerror or exc})") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written
