"""Build events in, feedback on stderr out: a one-line progress bar, timed log lines, or nothing.

The pipeline reports three kinds of event: a step (``step("composing the brief")``), the
start of a counted stage (``start("reading and extracting", 300)``) with one ``advance()``
per item, and its ``finish()``. Three reporters:

- `Bar`: one line redrawn in place (``\\r``), only on a terminal, only once the build has
  run for `delay` seconds (short builds print nothing), at most ~10 redraws a second;
  cleared by `close()` so that messages that follow start on a clean line;
- `Lines`: ``--verbose``: every step and stage with the time since the start;
- `Silent`: ``--quiet`` or stderr not a terminal.

`adapt(callable)` turns a plain ``message -> None`` function (the older pipeline interface)
into a reporter that passes steps and stage starts through.
"""
from __future__ import annotations

import shutil
import sys
import time
from typing import Callable, TextIO


class Silent:
    def step(self, message: str) -> None:
        pass

    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, note: str | None = None) -> None:
        pass

    def finish(self) -> None:
        pass

    def close(self) -> None:
        pass


class Lines(Silent):
    """``[  1.23s] message`` for every step and stage (the --verbose log)."""

    def __init__(self, stream: TextIO | None = None, started: float | None = None):
        self.stream = stream or sys.stderr
        self.started = time.perf_counter() if started is None else started
        self.label: str | None = None
        self.total = self.done = 0
        self.stage_started = 0.0

    def _say(self, message: str) -> None:
        print(f"[{time.perf_counter() - self.started:6.2f}s] {message}", file=self.stream, flush=True)

    def step(self, message: str) -> None:
        self._say(message)

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, total, 0
        self.stage_started = time.perf_counter()
        self._say(f"{label}: {total}")

    def advance(self, note: str | None = None) -> None:
        self.done += 1

    def finish(self) -> None:
        if self.label is not None:
            self._say(f"{self.label}: done {self.done}/{self.total} in "
                      f"{time.perf_counter() - self.stage_started:.2f}s")
        self.label = None


class Bar(Silent):
    """``make-report: reading and extracting [#######.......]  120/300  0:12``."""

    def __init__(self, stream: TextIO | None = None, started: float | None = None, delay: float = 1.0,
                 interval: float = 0.1):
        self.stream = stream or sys.stderr
        self.started = time.perf_counter() if started is None else started
        self.delay, self.interval = delay, interval
        self.label = ""
        self.total = self.done = 0
        self.last_draw = 0.0
        self.shown = False

    def _width(self) -> int:
        return max(40, min(100, shutil.get_terminal_size((80, 24)).columns - 1))

    def _draw(self, force: bool = False) -> None:
        now = time.perf_counter()
        if now - self.started < self.delay:
            return
        if not force and now - self.last_draw < self.interval:
            return
        self.last_draw = now
        elapsed = int(now - self.started)
        clock = f"{elapsed // 60}:{elapsed % 60:02d}"
        head = f"make-report: {self.label}"
        if self.total:
            count = f" {self.done}/{self.total} {clock}"
            room = self._width() - len(head) - len(count) - 3
            if room >= 10:
                filled = room * self.done // max(1, self.total)
                line = f"{head} [{'#' * filled}{'.' * (room - filled)}]{count}"
            else:
                line = head + count
        else:
            line = f"{head} {clock}"
        line = line[: self._width()]
        self.stream.write("\r" + line.ljust(self._width()))
        self.stream.flush()
        self.shown = True

    def step(self, message: str) -> None:
        self.label, self.total, self.done = message, 0, 0
        self._draw(force=True)

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, total, 0
        self._draw(force=True)

    def advance(self, note: str | None = None) -> None:
        self.done += 1
        self._draw(force=self.done == self.total)

    def finish(self) -> None:
        self._draw(force=True)

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * self._width() + "\r")
            self.stream.flush()
            self.shown = False


class _Adapter(Silent):
    def __init__(self, say: Callable[[str], None]):
        self.say = say

    def step(self, message: str) -> None:
        self.say(message)

    def start(self, label: str, total: int) -> None:
        self.say(f"{label} ({total})")


def adapt(progress) -> Silent:
    """A reporter from a reporter, a ``message -> None`` callable, or None."""
    if progress is None:
        return Silent()
    if all(hasattr(progress, name) for name in ("step", "start", "advance", "finish")):
        return progress
    return _Adapter(progress)


def for_cli(*, verbose: bool, quiet: bool, started: float | None = None, stream: TextIO | None = None) -> Silent:
    """The reporter the command line uses: Lines with --verbose, a Bar on a terminal, else Silent."""
    stream = stream or sys.stderr
    if verbose:
        return Lines(stream, started)
    if quiet:
        return Silent()
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return Bar(stream, started) if tty else Silent()
