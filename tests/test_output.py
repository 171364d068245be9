"""Outputs are written atomically: a failed build leaves the previous complete files."""
from __future__ import annotations

import pytest

from analysis.build import output
from analysis.errors import OutputError


def test_write_all_replaces_files(tmp_path):
    output.write_all(tmp_path, {"a.txt": b"one", "csv/b.csv": b"x"})
    output.write_all(tmp_path, {"a.txt": b"two"})
    assert (tmp_path / "a.txt").read_bytes() == b"two"
    assert (tmp_path / "csv" / "b.csv").read_bytes() == b"x"
    assert not list(tmp_path.glob(output.STAGING_PREFIX + "*"))


def test_refuses_paths_outside(tmp_path):
    with pytest.raises(OutputError):
        output.write_all(tmp_path / "out", {"../escape.txt": b"no"})
    assert not (tmp_path / "escape.txt").exists()


def test_failure_midway_keeps_previous(tmp_path, monkeypatch):
    output.write_all(tmp_path, {"brief.pdf": b"old-pdf", "brief.docx": b"old-docx"})

    class Boom(dict):
        def items(self):
            yield "brief.pdf", b"new-pdf"
            raise OSError(28, "No space left on device")

    with pytest.raises(OutputError):
        output.write_all(tmp_path, Boom(x=1))
    assert (tmp_path / "brief.pdf").read_bytes() == b"old-pdf"
    assert (tmp_path / "brief.docx").read_bytes() == b"old-docx"


def test_stale_staging_is_cleaned(tmp_path):
    (tmp_path / (output.STAGING_PREFIX + "dead")).mkdir()
    output.write_all(tmp_path, {"a": b"1"})
    assert not list(tmp_path.glob(output.STAGING_PREFIX + "*"))
