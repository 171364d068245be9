"""Garbage-collector settings for a build.

A build makes millions of small, short-lived objects (WeasyPrint's layout boxes, the
analyses' matches) while holding a large, long-lived heap (lexicons, gazetteers, the brief).
With Python's default first-generation threshold (700) the cyclic collector keeps walking
that heap: measured, a sixth of the PDF's CPU time and a few per cent of the analysis's.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager

FIRST_GENERATION = 10_000


def collect_less(first_generation: int = FIRST_GENERATION) -> tuple[int, int, int]:
    """Raise the first-generation threshold (never lower it); return the thresholds before."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], first_generation), *old[1:])
    return old


@contextmanager
def fewer_collections(first_generation: int = FIRST_GENERATION):
    """Run the collector less often within the block (cycles are still freed); worker
    processes forked inside it inherit the setting."""
    old = collect_less(first_generation)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def freeze_inherited() -> None:
    """In a forked worker: move everything inherited from the parent (modules, lexicons) out of
    the collector's reach, so its passes skip them and do not write to (and so copy) the
    parent's pages."""
    gc.freeze()
