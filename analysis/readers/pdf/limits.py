"""A PDF's bytes in, a SourceError out when its compressed streams would inflate beyond a bound
(a decompression bomb): pdfium inflates a page's streams whole, so this is checked before it may."""
from __future__ import annotations

import re
import zlib

from analysis.errors import SourceError

MAX_INFLATED = 300_000_000
"""Bytes all Flate streams of one PDF may inflate to (a 2,000-page report with its images stays far below)."""
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_STEP = 1 << 20


def check_inflation(data: bytes, shown: str, limit: int | None = None) -> None:
    """Inflate every Flate stream in pieces of a megabyte, counting, and stop at `limit` (MAX_INFLATED)."""
    limit = MAX_INFLATED if limit is None else limit
    total = 0
    for m in _STREAM.finditer(data):
        inflater = zlib.decompressobj()
        pending = data[m.end():m.end() + _STEP]
        pos = m.end() + len(pending)
        try:
            while pending and not inflater.eof:
                total += len(inflater.decompress(pending, _STEP))
                if total > limit:
                    raise SourceError(f"{shown} would inflate to more than {limit // 1_000_000} MB "
                                      "(a decompression bomb?); it was not read")
                pending = inflater.unconsumed_tail
                if not pending and not inflater.eof:
                    pending = data[pos:pos + _STEP]
                    pos += len(pending)
        except zlib.error:
            continue  # not Flate data (another filter, or plain): pdfium bounds those itself
