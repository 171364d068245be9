"""Charts in one house style: plain data in, `Drawn` (SVG text, PNG bytes, caption, alt) out.

One module per chart kind; the registry below is the list compose draws from.
matplotlib is imported lazily (Agg backend) inside each drawing function.
"""
from __future__ import annotations

from .style import Drawn

KINDS = ("matrix", "figures", "timeline", "network", "principles")
"""Chart kinds, each a module of this package with a ``draw(...) -> Drawn`` function."""

__all__ = ["Drawn", "KINDS"]
