"""Ctrl-C that is never lost.

Python turns SIGINT into a KeyboardInterrupt raised wherever the main thread happens to be.
When that is inside a weakref callback, a ``__del__`` or an at-fork handler (WeasyPrint and
multiprocessing run such code), Python prints "Exception ignored ..." with a traceback and
carries on: the build would finish as if nothing happened. So the command line installs a
handler that also records the Ctrl-C, a hook that silences the ignored copy, and the build
calls `check()` before it writes anything.
"""
from __future__ import annotations

import signal
import sys
import threading
from contextlib import contextmanager

_pressed = False


def _on_sigint(signum, frame):
    global _pressed
    _pressed = True
    raise KeyboardInterrupt


def _unraisable(hook):
    def quiet(info):
        if info.exc_type is not None and issubclass(info.exc_type, KeyboardInterrupt):
            return  # already recorded by _on_sigint; check() raises it where it can be handled
        hook(info)
    return quiet


def check() -> None:
    """Raise KeyboardInterrupt if a Ctrl-C came (even one that Python swallowed)."""
    if _pressed:
        raise KeyboardInterrupt


def pressed() -> bool:
    return _pressed


@contextmanager
def recorded():
    """Within the block, every SIGINT is recorded (see module doc). Main thread only."""
    global _pressed
    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        yield  # SIGINT ignored (a background job, nohup): it stays ignored, as Python leaves it
        return
    previous_handler = signal.signal(signal.SIGINT, _on_sigint)
    previous_hook = sys.unraisablehook
    sys.unraisablehook = _unraisable(previous_hook)
    _pressed = False
    try:
        yield
    finally:
        _pressed = False  # handled by now (the CLI's exit code); a later build in this process starts clean
        if previous_handler is not None:  # None: a handler not set from Python, cannot be restored
            signal.signal(signal.SIGINT, previous_handler)
        sys.unraisablehook = previous_hook
