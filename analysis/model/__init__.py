"""Frozen data types shared by every stage: documents, findings, the brief."""
from __future__ import annotations

from dataclasses import fields
from operator import attrgetter


def pickled_by_fields(cls):
    """Class decorator for a frozen dataclass with slots: pickle (and copy) it as
    ``cls(*field values)``. The dataclass default pickles a slotted class field by field in
    Python, and the build cache pickles every document's thousands of blocks and statements."""
    get = attrgetter(*[f.name for f in fields(cls)])
    if len(fields(cls)) == 1:
        def __reduce__(self):
            return type(self), (get(self),)
    else:
        def __reduce__(self):
            return type(self), get(self)
    cls.__reduce__ = __reduce__
    return cls
