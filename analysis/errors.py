"""The closed set of user-facing errors: each has a code, a one-line message and an exit code.

Everything the user can get wrong ends up here; the CLI prints ``make-report: error
[E0xx]: message`` and exits with the error's code. No traceback reaches the user.
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_CONFIG = 3
EXIT_SOURCE = 4
EXIT_RENDER = 5
EXIT_OUTPUT = 6
EXIT_CLUSTER = 7
EXIT_INTERRUPTED = 130

EXIT_CODES = {
    EXIT_OK: "success",
    EXIT_INTERNAL: "internal error (a bug: please report it with the command you ran)",
    EXIT_USAGE: "bad command-line arguments",
    EXIT_CONFIG: "report.toml is missing, malformed or invalid",
    EXIT_SOURCE: "a source document is missing, unreadable, empty, binary or too large",
    EXIT_RENDER: "a renderer (WeasyPrint, pandoc, matplotlib) failed",
    EXIT_OUTPUT: "the output directory could not be written",
    EXIT_CLUSTER: "the Dask scheduler cannot be reached, or the cluster extra is not installed",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C); previous outputs left in place",
}


class ReportError(Exception):
    """Base of every error the user may see. `str()` is the one-line message."""

    code = "E000"
    exit_code = EXIT_INTERNAL

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        self.message = " ".join(str(message).split())
        self.hint = hint

    def line(self) -> str:
        text = f"error [{self.code}]: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class UsageError(ReportError):
    code = "E001"
    exit_code = EXIT_USAGE


class ConfigError(ReportError):
    """report.toml cannot be read or does not validate; the message names the file, key or line."""

    code = "E010"
    exit_code = EXIT_CONFIG


class SourceError(ReportError):
    """A source cannot be used; the message names the file."""

    code = "E020"
    exit_code = EXIT_SOURCE


class RenderError(ReportError):
    code = "E030"
    exit_code = EXIT_RENDER


class OutputError(ReportError):
    code = "E040"
    exit_code = EXIT_OUTPUT


class ClusterError(ReportError):
    """--executor dask: the scheduler cannot be reached, or distributed is not installed."""

    code = "E050"
    exit_code = EXIT_CLUSTER


class Interrupted(ReportError):
    code = "E099"
    exit_code = EXIT_INTERRUPTED
