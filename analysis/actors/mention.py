"""What the gazetteer finds: `Mention` (an actor named in a text) and the kinds of its entries."""
from __future__ import annotations

from dataclasses import dataclass

STATE_KINDS = frozenset({"state", "de-facto-state", "historical"})
"""Kinds for which :meth:`Gazetteer.is_state` is true."""
GOVERNABLE = STATE_KINDS | {"sub-state"}
"""Kinds that have a government, ministries and embassies (rule 7 of the package's docstring)."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One actor named in a text: ``text[start:end]`` resolved to a gazetteer entry."""

    start: int
    """Offset of the first character in the text given to :meth:`Gazetteer.find`."""
    end: int
    """Offset one past the last character."""
    text: str
    """The words as written (``"Swedish"``, ``"Government of Serbia"``)."""
    name: str
    """Canonical actor name (``"Sweden"``); for an organ, the organ's own canonical name."""
    kind: str
    """Kind of the entry: state, de-facto-state, sub-state, historical, organisation, organ."""
    via: str
    """How it was named: name, alias, acronym, adjective, demonym, capital, metonym, organ,
    government, ministry, or context (a weak alias resolved by the document context)."""


__all__ = ["GOVERNABLE", "Mention", "STATE_KINDS"]
