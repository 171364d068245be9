"""Keys and values in, values out: the content-addressed build cache (keys: build/keys.py, steps.py).

The cache lives inside the output folder (``out/.cache/``), so deleting ``out/`` always
gives a cold build. An entry is named by the sha256 of everything it was computed from
(source bytes, its ``[[sources]]`` entry, questions, lexicons, the code version, and for
renders the brief, templates and installed libraries); it is never updated in place, only
written whole under a temporary name and renamed (``os.replace``). Each entry carries a
checksum of its payload: a truncated, corrupt or unreadable entry is a miss, never an error.
Payloads are pickles: this is a local cache of the user's own build, like ``__pycache__``.

After a build, `Cache.sweep` deletes the entries of each kind the build used that neither
this build nor the one before it needed, so an edit loop does not grow the folder forever.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

CACHE_DIR = ".cache"
"""Folder of the cache inside the output folder."""
FORMAT = 1
"""Bump when the entry layout changes: every key changes with it."""
_MAGIC = b"MRC1"
_MANIFEST = "used.json"
_CHUNK = 1 << 20
RETIRED = ("handoff",)
"""Kinds no build writes any more (``handoff`` held every parsed document): `sweep` removes them."""


# ---------------------------------------------------------------- digests
def digest(*parts: Any) -> str:
    """sha256 (hex) of `parts`: bytes as they are, str as UTF-8, anything else by repr()."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, (bytes, bytearray, memoryview)):
            data = bytes(part)
            tag = b"b"
        elif isinstance(part, str):
            data = part.encode("utf-8", "surrogatepass")
            tag = b"s"
        else:
            data = repr(part).encode("utf-8", "surrogatepass")
            tag = b"r"
        h.update(tag + len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


# ---------------------------------------------------------------- the cache
class Cache:
    """Entries of several kinds (a step's name such as ``read`` or ``stances``, ``chart``, ``render``,
    ``build``, ``blob``) under `root`. A `Cache(None)` is disabled (--no-cache): every lookup misses,
    nothing is written.

    ``stats`` counts hits, misses and writes per kind in this process (tests read it)."""

    def __init__(self, root: Path | str | None):
        self.root = Path(root) if root is not None else None
        self.stats: Counter = Counter()
        self.used: dict[str, set[str]] = {}

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def path(self, kind: str, key: str) -> Path:
        assert self.root is not None
        return self.root / kind / key[:2] / key

    def _use(self, kind: str, key: str) -> None:
        self.used.setdefault(kind, set()).add(key)

    # --- raw bytes
    def get_bytes(self, kind: str, key: str) -> bytes | None:
        if self.root is None:
            return None
        self._use(kind, key)
        try:
            with open(self.path(kind, key), "rb") as fh:
                head, check = fh.read(4), fh.read(32)
                payload = fh.read()  # read apart from the header: no second copy of a large payload
        except OSError:
            self.stats[f"{kind}.miss"] += 1
            return None
        if head != _MAGIC or hashlib.sha256(payload).digest() != check:
            self.stats[f"{kind}.bad"] += 1
            self.stats[f"{kind}.miss"] += 1
            try:
                os.unlink(self.path(kind, key))  # so that the next put writes it again
            except OSError:
                pass
            return None
        self.stats[f"{kind}.hit"] += 1
        return payload

    def put_bytes(self, kind: str, key: str, payload: bytes, *, sha256: bytes | None = None) -> None:
        """Store `payload`; `sha256` is its digest when the caller has it already."""
        if self.root is None:
            return
        self._use(kind, key)
        if self._write_entry(kind, key, sha256 or hashlib.sha256(payload).digest(), payload):
            self.stats[f"{kind}.put"] += 1

    def _write_entry(self, kind: str, key: str, sha256: bytes, payload: bytes | Path) -> bool:
        """Write an entry whole under a temporary name and rename it; `payload` is bytes or a
        file to copy. False when the cache cannot be written (it is then only slower)."""
        final = self.path(kind, key)
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=final.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(_MAGIC + sha256)
                    if isinstance(payload, Path):
                        with open(payload, "rb") as src:
                            shutil.copyfileobj(src, fh, _CHUNK)
                    else:
                        fh.write(payload)
                os.replace(tmp, final)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
        except OSError:
            self.stats[f"{kind}.unwritable"] += 1
            return False
        return True

    def _has(self, kind: str, key: str) -> bool:
        return self.path(kind, key).is_file()

    # --- Python objects
    def get(self, kind: str, key: str, default: Any = None) -> Any:
        payload = self.get_bytes(kind, key)
        if payload is None:
            return default
        try:
            return pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a stale or foreign entry is a miss
            self.stats[f"{kind}.hit"] -= 1
            self.stats[f"{kind}.bad"] += 1
            self.stats[f"{kind}.miss"] += 1
            return default

    def put(self, kind: str, key: str, value: Any) -> None:
        if self.root is None:
            return
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - an unpicklable value is simply not cached
            self.stats[f"{kind}.unpicklable"] += 1
            return
        self.put_bytes(kind, key, payload)

    # --- whole files, stored once by content
    def put_files(self, files: dict[str, Path]) -> dict[str, str]:
        """Store each file (name -> its path) as a ``blob`` named by the sha256 of its bytes,
        copied in chunks (a corpus's findings.json is hundreds of MB); name -> blob key."""
        names = {}
        for name, path in files.items():
            with open(path, "rb") as fh:
                sha = hashlib.file_digest(fh, "sha256")
            names[name] = key = sha.hexdigest()
            if self.root is None:
                continue
            self._use("blob", key)
            if not self._has("blob", key) and self._write_entry("blob", key, sha.digest(), path):
                self.stats["blob.put"] += 1
        return names

    def copy_files(self, names: dict[str, str], staging) -> bool:
        """Copy the blobs `put_files` stored into output.Staging `staging` under their names;
        False when any is missing or bad (then some may have been staged: discard it)."""
        if self.root is None:
            return False
        for name, key in names.items():
            self._use("blob", key)
            try:
                with open(self.path("blob", key), "rb") as src, staging.open(name) as dst:
                    head, check = src.read(4), src.read(32)
                    sha = hashlib.sha256()
                    while chunk := src.read(_CHUNK):
                        sha.update(chunk)
                        dst.write(chunk)
            except OSError:
                self.stats["blob.miss"] += 1
                return False
            if head != _MAGIC or sha.digest() != check:
                self.stats["blob.bad"] += 1
                self.stats["blob.miss"] += 1
                try:
                    os.unlink(self.path("blob", key))  # so that the next put writes it again
                except OSError:
                    pass
                return False
            self.stats["blob.hit"] += 1
        return True

    def count(self, kind: str, what: str = "hit") -> int:
        return self.stats[f"{kind}.{what}"]

    # --- housekeeping
    def merge(self, used: dict[str, Iterable[str]], stats: Counter | None = None) -> None:
        """Take in the keys (and counts) a worker process used."""
        for kind, keys in used.items():
            self.used.setdefault(kind, set()).update(keys)
        if stats:
            self.stats.update(stats)

    def sweep(self) -> None:
        """Delete entries of the kinds this build used that this build and the previous one
        did not need, and the RETIRED kinds. Best effort: errors are ignored."""
        if self.root is None or not self.used:
            return
        for kind in RETIRED:
            shutil.rmtree(self.root / kind, ignore_errors=True)
        manifest = self.root / _MANIFEST
        try:
            previous = json.loads(manifest.read_text(encoding="utf-8"))
            if not isinstance(previous, dict):
                previous = {}
        except (OSError, ValueError):
            previous = {}
        record = {k: v for k, v in previous.items() if isinstance(v, list)}
        for kind, keys in self.used.items():
            keep = keys | set(record.get(kind, ()))
            folder = self.root / kind
            try:
                shards = list(os.scandir(folder))
            except OSError:
                shards = []
            for shard in shards:
                if not shard.is_dir():
                    continue
                try:
                    for entry in os.scandir(shard.path):
                        if entry.name not in keep:
                            try:
                                os.unlink(entry.path)
                            except OSError:
                                pass
                except OSError:
                    continue
            record[kind] = sorted(keys)
        try:
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.root)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(record, fh)
            os.replace(tmp, manifest)
        except OSError:
            pass


def for_output(out_dir: Path, enabled: bool = True) -> Cache:
    """The cache of builds into `out_dir` (``out_dir/.cache``), or a disabled one."""
    return Cache(Path(out_dir) / CACHE_DIR if enabled else None)
