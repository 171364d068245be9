"""Charts in one house style: plain data in, `Drawn` (SVG text, PNG bytes, caption, alt) out.

One module per chart kind, each with a ``draw(...) -> Drawn`` function; `KINDS` lists them and
`draw(kind, ...)` is how the brief draws one. A build serves drawings from its cache by running
compose inside `drawn_through(store)`: the registry asks the store, nothing patches a module.
matplotlib is imported lazily (Agg backend) inside each drawing function.
"""
from __future__ import annotations

import importlib
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from typing import Callable, Iterator

from .style import Drawn, outputs

KINDS = ("matrix", "figures", "timeline", "network", "principles")
"""Chart kinds, each a module of this package with a ``draw(...) -> Drawn`` function."""

Store = Callable[[tuple, Callable[[], Drawn]], Drawn]
"""``(spec, make) -> Drawn``: the drawing `spec` names (Drawn.spec), from a store or from ``make()``."""

_STORE: ContextVar[Store | None] = ContextVar("chart_store", default=None)


def draw(kind: str, *args, **kwargs) -> Drawn:
    """Chart `kind` drawn from `args` and `kwargs` (its module's ``draw``); within `drawn_through`,
    taken from the store when it has the drawing, else drawn as SVG only with its `spec`
    recorded (the DOCX renderer draws the PNG from it when it needs one: style.raster)."""
    module = importlib.import_module(f"{__name__}.{kind}")
    store = _STORE.get()
    if store is None:
        return module.draw(*args, **kwargs)
    spec = (module.__name__, args, tuple(sorted(kwargs.items())))

    def make() -> Drawn:
        with outputs("svg"):
            return replace(module.draw(*args, **kwargs), spec=spec)

    return store(spec, make)


@contextmanager
def drawn_through(store: Store) -> Iterator[None]:
    """Within the block, `draw` goes through `store`."""
    token = _STORE.set(store)
    try:
        yield
    finally:
        _STORE.reset(token)


__all__ = ["Drawn", "KINDS", "Store", "draw", "drawn_through"]
