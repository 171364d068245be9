"""The build cache: content-addressed entries, atomic writes, bad entries are misses, sweeping."""
from __future__ import annotations

import os

import pytest

from analysis.build import output
from analysis.build.cache import Cache, digest, for_output
from analysis.build.keys import code_version


def test_digest_is_stable_and_typed():
    assert digest("a", 1, b"x") == digest("a", 1, b"x")
    assert digest("1") != digest(1)
    assert digest(b"x") != digest("x")
    assert digest("ab", "c") != digest("a", "bc")  # parts are length-prefixed
    assert len(code_version()) == 64 and code_version() == code_version()


def test_round_trip_and_counts(tmp_path):
    cache = Cache(tmp_path / "c")
    assert cache.get("read", "k" * 64) is None
    cache.put("read", "k" * 64, {"x": (1, 2)})
    assert cache.get("read", "k" * 64) == {"x": (1, 2)}
    cache.put_bytes("render", "r" * 64, b"%PDF-")
    assert cache.get_bytes("render", "r" * 64) == b"%PDF-"
    assert cache.count("read", "miss") == 1 and cache.count("read", "hit") == 1
    assert not list((tmp_path / "c").rglob(".tmp-*")), "temporary files are renamed into place"


@pytest.mark.parametrize("damage", [
    lambda b: b[:-3],                      # truncated
    lambda b: b[:40] + bytes([b[40] ^ 1]) + b[41:],  # one bit flipped in the payload
    lambda b: b"garbage",                  # not an entry at all
    lambda b: b"",                         # empty
])
def test_corrupt_entry_is_a_miss(tmp_path, damage):
    cache = Cache(tmp_path)
    cache.put("read", "a" * 64, list(range(100)))
    path = cache.path("read", "a" * 64)
    path.write_bytes(damage(path.read_bytes()))
    fresh = Cache(tmp_path)
    assert fresh.get("read", "a" * 64, "missing") == "missing"
    assert fresh.count("read", "miss") == 1 and fresh.count("read", "hit") == 0


def test_unreadable_entry_is_a_miss(tmp_path):
    cache = Cache(tmp_path)
    cache.path("read", "b" * 64).mkdir(parents=True)  # a folder where the file should be
    assert cache.get("read", "b" * 64) is None


def test_unpicklable_payload_with_good_checksum_is_a_miss(tmp_path):
    cache = Cache(tmp_path)
    cache.put_bytes("read", "c" * 64, b"not a pickle")
    assert cache.get("read", "c" * 64, "missing") == "missing"


def test_unwritable_cache_is_only_slower(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = Cache(blocker)  # a file, not a folder: nothing can be written under it
    cache.put("read", "d" * 64, 1)
    assert cache.get("read", "d" * 64) is None
    assert cache.count("read", "unwritable") == 1


def test_a_disabled_cache_stores_nothing():
    off = Cache(None)
    off.put("read", "e" * 64, 1)
    assert off.get("read", "e" * 64) is None and not off.enabled


def test_for_output(tmp_path):
    assert for_output(tmp_path).root == tmp_path / ".cache"
    off = for_output(tmp_path, enabled=False)
    assert not off.enabled and off.root is None


def test_sweep_keeps_this_and_the_previous_build(tmp_path):
    keys = [c * 64 for c in "0123"]

    def build(used, other_kind_too=False):
        cache = Cache(tmp_path)
        for k in used:
            if cache.get("read", k) is None:
                cache.put("read", k, k)
        if other_kind_too:
            cache.put("render", "f" * 64, b"x")
        cache.sweep()

    build(keys[:2], other_kind_too=True)       # build 1 uses 0, 1
    build(keys[2:3])                           # build 2 uses 2: 0 and 1 stay (previous build)
    assert all(Cache(tmp_path).path("read", k).exists() for k in keys[:3])
    build(keys[3:])                            # build 3 uses 3: 0 and 1 go, 2 stays
    alive = {k for k in keys if os.path.exists(Cache(tmp_path).path("read", k))}
    assert alive == {keys[2], keys[3]}
    assert Cache(tmp_path).path("render", "f" * 64).exists(), "kinds a build did not use are left alone"


def test_sweep_removes_the_retired_handoff_kind(tmp_path):
    """An older build kept every parsed document under kind 'handoff'; no build reads them now."""
    old = tmp_path / "handoff" / "ab"
    old.mkdir(parents=True)
    (old / ("ab" + "0" * 62)).write_bytes(b"a parsed document")
    cache = Cache(tmp_path)
    cache.put("read", "1" * 64, 1)
    cache.sweep()
    assert not (tmp_path / "handoff").exists() and cache.get("read", "1" * 64) == 1


def test_files_are_stored_once_by_content(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    files = {"a.json": b"{}", "b.json": b"{}", "c.csv": b"x,y"}
    for name, data in files.items():
        (src / name).write_bytes(data)
    paths = {name: src / name for name in files}

    def staged(names):
        with output.Staging(tmp_path / "out") as staging:
            if not Cache(tmp_path / "c").copy_files(names, staging):
                return None
            return {name: staging.read(name) for name in names}

    cache = Cache(tmp_path / "c")
    names = cache.put_files(paths)
    assert names["a.json"] == names["b.json"] != names["c.csv"]
    assert cache.stats["blob.put"] == 2
    assert staged(names) == files
    blob = cache.path("blob", names["c.csv"])
    blob.write_bytes(blob.read_bytes()[:-1])
    assert staged(names) is None
    assert not blob.exists(), "a bad entry is removed, so the next build writes it again"
    cache.put_files({"c.csv": paths["c.csv"]})
    assert staged(names) == files
    off = Cache(None)
    assert off.put_files(paths) == names and not off.stats["blob.put"], \
        "a disabled cache names the files but stores none"