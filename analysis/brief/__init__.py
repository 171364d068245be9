"""The brief: findings arranged for reading, one module per section (compose.py lists them in order),
with numbering (footnotes, tables, figures), labels (how things are named) and citations kept apart."""
from .compose import compose
from .citations import walk_cites

__all__ = ["compose", "walk_cites"]
