"""Shared fixtures: paths and a helper that writes a minimal project into a temp folder."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def project(tmp_path):
    """A tiny project: one plain-text source and a report.toml naming it; returns a writer."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "note.txt").write_text(
        "Ministers meet on trade\n\n12 March 2021\n\n"
        "The Foreign Minister of Utopia, Jane Roe, said that her country \"will defend the "
        "sovereignty of every state\". She added that 40 per cent of exports were at risk.\n",
        encoding="utf-8")

    def write(toml: str) -> Path:
        cfg = tmp_path / "report.toml"
        cfg.write_text(toml, encoding="utf-8")
        return cfg

    write('[report]\ntitle = "Test brief"\n\n[[sources]]\npath = "src/note.txt"\n\n'
          '[output]\ndir = "out"\nformats = ["json"]\n')
    return write
