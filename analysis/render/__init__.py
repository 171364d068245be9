"""Renderers: Brief -> bytes, behind one registry (WRITERS: format name -> Writer).

A new output format is one module here with a ``write(brief, options) -> bytes`` function and
one line in WRITERS; the build renders every configured format through it, caches each result
by the brief and the options it reads, and lays out the slow one while the others render in a
worker process.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a writer may read besides the brief."""

    templates: Path
    """The templates folder (``reference.docx`` lives there)."""
    attachments: Mapping[str, bytes] = field(default_factory=dict)
    """Files to embed (``findings.json`` in the PDF/A-3b)."""


@dataclass(frozen=True, slots=True)
class Writer:
    name: str
    """The format's name in --format and [output] formats, and the brief's file extension."""
    module: str
    """The module of this package holding ``write``; imported on first use (WeasyPrint, pandoc)."""
    slow: bool = False
    """Laid out in the build's own process while the other formats render in a worker."""
    attachments: bool = False
    """Whether the output embeds RenderOptions.attachments (so they are part of its cache key)."""

    def write(self, brief, options: RenderOptions) -> bytes:
        return importlib.import_module(f"{__name__}.{self.module}").write(brief, options)


WRITERS: dict[str, Writer] = {
    "html": Writer("html", "html"),
    "pdf": Writer("pdf", "pdf", slow=True, attachments=True),
    "docx": Writer("docx", "docx"),
}
"""In the order the brief's files are listed."""

__all__ = ["RenderOptions", "WRITERS", "Writer"]
