"""Findings: what the analyses extract. Serialised as findings.json (schema findings/1).

Every finding carries the anchor of the passage it came from and, where it quotes,
the exact span, so the brief can cite it and a reader can re-check it.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Mapping

from . import pickled_by_fields

SCHEMA = "findings/1"
STANCES = ("support", "oppose", "neutral", "mixed")
RELATIONS = ("analogy", "denial", "warning")
CONFIDENCE = ("high", "medium", "low")
"""How sure the rules that fired are: the brief's body and key findings use only ``high``;
``medium`` and ``low`` findings go to the annex and the exports, marked."""
UNITS = ("percent", "currency", "count", "fraction", "length", "mass", "area", "duration", "other")


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Exact characters of a passage: ``passage.text[start:end] == quote``."""

    anchor: str
    start: int
    end: int
    quote: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Statement:
    """Who said what: a direct quote or reported speech."""

    id: str
    doc: str
    anchor: str
    speaker: str | None
    """The person, where one is named (``Jane Doe``), or a descriptor (``a former diplomat``)."""
    actor: str | None
    """The state or organisation on whose behalf the words were said (canonical gazetteer name)."""
    kind: str
    """``direct`` or ``reported``."""
    text: str
    """The quoted or reported words, exactly as in the source."""
    span: SourceSpan
    principles: tuple[str, ...] = ()
    """Principle ids the statement invokes (upheld or violated)."""
    violated: tuple[str, ...] = ()
    """Subset of `principles` that the statement accuses someone of violating."""
    question: str | None = None
    stance: str | None = None
    key: str = ""
    """The statement's most telling sentence (exact words): what a brief quotes when space is short."""
    person: bool = False
    """True when `speaker` is a person's name (not a descriptor such as "a senior diplomat")."""
    confidence: str = "high"
    """One of CONFIDENCE."""
    basis: tuple[str, ...] = ()
    """The rules that fired, most decisive first (``quote+named-speaker``, ``gazetteer-actor``, ...)."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Position:
    """An actor's stance on a configured question, with the statements as evidence."""

    id: str
    doc: str
    actor: str
    question: str
    stance: str
    principles: tuple[str, ...]
    evidence: tuple[str, ...]
    """Statement ids, deciding statement first."""
    anchor: str
    """Anchor of the deciding evidence."""
    quote: str
    """The deciding words."""
    confidence: str = "high"
    """One of CONFIDENCE."""
    basis: tuple[str, ...] = ()
    """The rules that fired, most decisive first (``quote+named-speaker``, ``gazetteer-actor``, ...)."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Tension:
    """An actor whose position collides with a principle."""

    id: str
    doc: str
    actor: str
    principle: str
    text: str
    anchor: str
    confidence: str = "high"
    """One of CONFIDENCE."""
    basis: tuple[str, ...] = ("stated",)
    """The rules that fired: first ``stated`` (the text says so) or ``derived`` (from positions and
    accusations)."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Precedent:
    """A claim that one case is, is not, or may become like another."""

    id: str
    doc: str
    anchor: str
    claimant: str | None
    actor: str | None
    subject: str
    precedent: str
    relation: str
    text: str
    confidence: str = "high"
    """One of CONFIDENCE."""
    basis: tuple[str, ...] = ()
    """The rules that fired, most decisive first (``quote+named-speaker``, ``gazetteer-actor``, ...)."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Figure:
    """A number with what it measures."""

    id: str
    doc: str
    anchor: str
    text: str
    """The words of the figure as written (``between 15-20 per cent``)."""
    value: float | None
    low: float | None
    high: float | None
    of: float | None
    unit: str
    unit_name: str | None
    measure: str | None
    subject: str | None
    approximate: bool
    bound: str | None
    """``min``, ``max`` or None."""
    start: int
    end: int
    sentence: str = ""
    role: str | None = None
    """``threshold`` when the figure is a target or level called a success, else None."""
    confidence: str = "high"
    """One of CONFIDENCE."""
    basis: tuple[str, ...] = ()
    """The rules that fired, most decisive first (``quote+named-speaker``, ``gazetteer-actor``, ...)."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    """Something dated."""

    id: str
    doc: str
    anchor: str
    date: str
    """ISO cut to precision: ``2008``, ``2008-08``, ``2008-08-26``."""
    precision: str
    """``year``, ``month`` or ``day``."""
    text: str
    """The sentence the date stands in."""
    start: int
    end: int
    actors: tuple[str, ...] = ()
    end_date: str | None = None
    """For a range: the last date."""
    confidence: str = "high"
    """One of CONFIDENCE."""
    basis: tuple[str, ...] = ()
    """The rules that fired, most decisive first (``quote+named-speaker``, ``gazetteer-actor``, ...)."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Comparison:
    """A figure set against a threshold, or like measures across documents."""

    id: str
    measure: str
    kind: str
    """``threshold`` or ``across``."""
    verdict: str | None
    """For threshold comparisons: ``cleared``, ``fell short``, ``straddles``."""
    figures: tuple[str, ...]
    """Figure ids, the compared figure first."""
    text: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Findings:
    """Everything the analyses found in the corpus, table by table: a typed field for each table of
    schema findings/1, and `other` for any further table a step finds (build/steps.STEPS)."""

    statements: tuple[Statement, ...] = ()
    positions: tuple[Position, ...] = ()
    tensions: tuple[Tension, ...] = ()
    precedents: tuple[Precedent, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    other: tuple[tuple[str, tuple], ...] = ()
    """The tables that have no field above, as (name, findings) in findings.json order: a new kind of
    finding lands here without a change to this class (it earns a field once the brief reads it)."""

    def table(self, name: str) -> tuple:
        """The findings of one table, by name (none when no step found it)."""
        if name in FIELDS:
            return getattr(self, name)
        return dict(self.other).get(name, ())

    def tables(self) -> dict[str, tuple]:
        """Every table by name, in findings.json order."""
        return {**{name: getattr(self, name) for name in FIELDS}, **dict(self.other)}

    @classmethod
    def of(cls, tables: Mapping[str, tuple]) -> Findings:
        """Findings from tables by name: each field's own, the others into `other` in the given order."""
        return cls(**{name: items for name, items in tables.items() if name in FIELDS},
                   other=tuple((name, items) for name, items in tables.items() if name not in FIELDS))


FIELDS = tuple(f.name for f in fields(Findings) if f.name != "other")
"""The tables of schema findings/1, in findings.json order: always there, empty or not. The tables a
build writes are these and then the other tables its steps find (build/steps.tables)."""
