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

from ..errors import OutputError

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


class Staging:
    """The files of one build, written under a temporary folder inside `out` and renamed into
    place by `commit` once all exist. Used as a context manager: leaving the block without a
    commit (an error, Ctrl-C) removes the folder, so the previous outputs stay as they were.

    Large outputs (findings.json of a corpus) are streamed into their file (`open`), and
    `spool` gives anonymous scratch files on the same disk, so no output has to be held in
    memory whole."""

    def __init__(self, out: Path):
        self.out = Path(out)
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            _clean_stale(self.out)
            self.root = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.out))
        except OSError as exc:
            raise OutputError(f"{self.out}: cannot create the output folder ({exc.strerror})") from None
        self.names: list[str] = []

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, *exc) -> None:
        self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def path(self, name: str) -> Path:
        """Where output `name` (a relative path such as ``csv/figures.csv``) is staged; registers it."""
        rel = Path(name)
        if rel.is_absolute() or ".." in rel.parts or not rel.parts:
            raise OutputError(f"refusing to write {name!r} outside {self.out}")
        staged = self.root / rel
        try:
            staged.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{self.out}: cannot write the outputs ({exc.strerror or exc})") from None
        if name not in self.names:
            self.names.append(name)
        return staged

    @contextmanager
    def open(self, name: str):
        """A binary file to write output `name` into."""
        try:
            with open(self.path(name), "wb") as fh:
                yield fh
        except OSError as exc:
            raise OutputError(f"{self.out}: cannot write the outputs ({exc.strerror or exc})") from None

    def write(self, name: str, data: bytes) -> None:
        with self.open(name) as fh:
            fh.write(data)

    def read(self, name: str) -> bytes:
        return (self.root / name).read_bytes()

    def spool(self):
        """An anonymous binary scratch file (read and write) beside the outputs, gone when closed."""
        try:
            return tempfile.TemporaryFile(dir=self.root)
        except OSError as exc:
            raise OutputError(f"{self.out}: cannot write the outputs ({exc.strerror or exc})") from None

    def commit(self) -> list[Path]:
        """Sync every staged file to disk, then rename them all into `out`; the final paths."""
        written = []
        try:
            for name in self.names:
                with open(self.root / name, "rb") as fh:
                    os.fsync(fh.fileno())
            for name in self.names:
                (self.out / name).parent.mkdir(parents=True, exist_ok=True)
            with _interrupt_after():
                for name in self.names:
                    final = self.out / name
                    os.replace(self.root / name, final)
                    written.append(final)
        except OSError as exc:
            raise OutputError(f"{self.out}: cannot write the outputs ({exc.strerror or exc})") from None
        finally:
            self.discard()
        return written


def write_all(out: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write `files` (relative name -> bytes) into `out` atomically; return the final paths."""
    with Staging(out) as staging:
        try:
            for name, data in files.items():
                staging.write(name, data)
        except OSError as exc:
            raise OutputError(f"{out}: cannot write the outputs ({exc.strerror or exc})") from None
        return staging.commit()
