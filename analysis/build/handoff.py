"""Values one per-document step hands to a later one of the same build (steps.Step.hands) -> a `Parcel`,
which the runner passes to the receiving step's job as data -> the values again. Never kept past the build.

What a step hands on is the parsed document, large and of no use to the build's own process: so a
parcel is a scratch file in the build's hand-off folder (on the output's disk), written by the worker
process that made it; the parcels this process makes stay in memory up to HOLD bytes. A parcel that
cannot be written (a cluster worker that does not share the output's disk) is empty, and one that
cannot be read back opens as None: the receiving step then reads the source again, and no parsed
document ever travels through the build's own process.
"""
from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

HOLD = 8 << 20
"""Bytes of parcels the build's own process keeps in memory rather than in its folder."""


@dataclass(frozen=True, slots=True)
class Parcel:
    """One document's handed values: pickled in `data`, or in the scratch file `path`."""

    data: bytes | None = None
    path: str | None = None

    def open(self) -> dict | None:
        """The handed values by name; None when they cannot be read (gone, cut short, never written)."""
        data = self.data
        if data is None:
            if self.path is None:
                return None
            try:
                with open(self.path, "rb") as fh:
                    data = fh.read()
            except OSError:
                return None
        try:
            values = pickle.loads(data)
        except Exception:  # noqa: BLE001 - a bad parcel is one the step recomputes
            return None
        return values if isinstance(values, dict) else None


class Handoff:
    """The hand-off folder of one build, made on first need inside `parent` (default: the system's
    temporary folder) and removed by `close`; a worker process joins it by name (`joining`)."""

    def __init__(self, parent: Path | str | None = None, *, hold: int = HOLD):
        self.parent = parent
        self.folder: str | None = None
        self.hold = hold
        self.held = 0
        self._owner = True

    @classmethod
    def joining(cls, folder: str | None) -> "Handoff":
        """A worker's view of the build's folder: it writes its parcels there, keeps none in memory."""
        joined = cls(hold=0)
        joined.folder, joined._owner = folder, False
        return joined

    def where(self) -> str | None:
        """The folder (made now if need be); None when it cannot be made."""
        if self.folder is None and self._owner:
            try:
                self.folder = tempfile.mkdtemp(prefix="handoff-", dir=self.parent)
            except OSError:
                return None
        return self.folder

    def pack(self, values: dict) -> Parcel:
        try:
            data = pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - an unpicklable value is recomputed by the receiving step
            return Parcel()
        if self.held + len(data) <= self.hold:
            self.held += len(data)
            return Parcel(data=data)
        folder = self.where()
        if folder is None:
            return Parcel()
        try:
            fd, path = tempfile.mkstemp(prefix="parcel-", dir=folder)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        except OSError:
            return Parcel()  # the folder cannot be written here
        return Parcel(path=path)

    def close(self) -> None:
        if self._owner and self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


__all__ = ["HOLD", "Handoff", "Parcel"]
