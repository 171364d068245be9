"""The analysis as an ordered list of steps, each declaring what it needs and what it adds.

`STEPS` is the one statement of the analysis; build/analyse.py runs it (per document in worker
processes, with the cache) and nothing else orders these functions:

  read (per document): the source -> its metadata, main topic, proponents, the statements that
      accuse a violation, figures, events; it hands the parsed document and its raw statements
      to the later per-document steps of the same build
  sides (corpus): which principles each question's act is said to violate, learnt from every
      document's accusing statements (cheap, always run)
  stances (per document): stance.assign with the sides a document can see (those of the
      configured questions and its main topic), positions, tensions, precedents; a source edit
      that does not move the sides of a question leaves every other document's stances cached
  comparisons (corpus): figures compared across documents (cheap, always run)

A per-document step's cache key is the key of the document's previous step (the first: the
source's bytes, its [[sources]] entry and `analysis_digest`) with its own `key` parts, so an
entry is reused exactly when everything it was computed from is unchanged.

The steps' `finds` are also the one list of the kinds of finding: `tables()` places them in
findings.json and the CSV files, and build/analyse.py gathers them into model/findings.Findings.
A new kind of finding is therefore a new analysis module plus one more Step in STEPS.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Mapping

from ..config import Config, LexiconExtensions, Question, SourceConfig
from ..analyses.unsourced import flag_unsourced
from ..errors import SourceError
from ..model.document import Document, Source
from ..model.findings import FIELDS


@dataclass(frozen=True)
class Step:
    name: str
    """Also the cache kind of its per-document results."""
    per: str
    """"document": run once per source (in worker processes, cached); "corpus": once, over all."""
    needs: tuple[str, ...]
    """Values the step reads: added by earlier steps (per document or corpus-wide) or handed."""
    run: Callable
    """document: (Job, inputs) -> dict; corpus: (Config, values) -> dict, values[name] a per-document list."""
    adds: tuple[str, ...] = ()
    """Values the step returns for later steps (or, "meta", the document's metadata)."""
    finds: tuple[str, ...] = ()
    """Tables of findings the step returns besides `adds`, each a tuple of frozen dataclasses: each
    goes to findings.json and csv/<table>.csv as it arrives (in the place `tables` gives it), and into
    Findings (its field, or Findings.other for a table without one)."""
    label: str = ""
    """What the progress reporter shows while a per-document step runs."""
    hands: tuple[str, ...] = ()
    """Values handed to later per-document steps of the same build (as a handoff.Parcel: the main
    process never holds the parsed documents), neither kept as results nor cached."""
    view: Callable[[Mapping, Config], dict] | None = None
    """Narrows a document's inputs to what the step can see (so the cache key depends on no more)."""
    key: Callable[[Mapping], tuple] = field(default=lambda inputs: ())
    """Parts of a document's inputs that enter its cache key besides the previous step's key."""

    @property
    def returns(self) -> tuple[str, ...]:
        """The keys of the dict `run` returns."""
        return self.adds + self.finds


@dataclass(frozen=True, slots=True)
class Job:
    """One document's run of one per-document step, as sent to a worker process."""

    step: str
    index: int
    src: SourceConfig
    sha: str
    """Digest of the source's bytes this build keys the document by."""
    key: str
    inputs: dict
    handed: dict
    """Handed value name -> the handoff.Parcel holding it (None: the step that hands it was cached)."""
    lexicons: LexiconExtensions
    questions: tuple[Question, ...]
    cache_root: str | None
    """The build cache's folder, where the result is stored for later builds; None: no cache."""
    handoff_dir: str | None
    """The build's hand-off folder (handoff.Handoff), for a step that hands values on."""


# ---------------------------------------------------------------- shared per-process context
@dataclass(frozen=True)
class Context:
    gaz: object
    principles: tuple
    tops: list


@lru_cache(maxsize=4)
def context(lexicons: LexiconExtensions, questions: tuple[Question, ...]) -> Context:
    """The gazetteer, principles and question topics, built once per process."""
    from ..actors import Gazetteer
    from ..analyses import stance
    from ..lexicons import principles as load_principles

    return Context(gaz=Gazetteer.default(lexicons.actors), principles=load_principles(lexicons.principles),
                   tops=stance.topics(questions))


def read_source(src: SourceConfig) -> Document:
    """Load and read one configured source."""
    from ..readers import read_file

    return read_file(src.path, Source(id=src.id, path=src.given, title=src.title, genre=src.genre))


def source_digest(src: SourceConfig) -> str:
    """Digest of the source's bytes; when it cannot be read, the reader's own error (SourceError)."""
    from .cache import file_digest

    try:
        return file_digest(src.path)
    except OSError:
        from ..readers.load import load_bytes

        load_bytes(src.path, src.given)  # raises the SourceError naming the file
        raise SourceError(f"{src.given} cannot be read") from None


def source_key(base: str, src: SourceConfig, sha: str) -> str:
    """What the first per-document step's key starts from: the analysis, the [[sources]] entry, the bytes."""
    from .cache import digest

    return digest("source", base, src.given, src.id, src.title, src.genre, sha)


def warm_up(config: Config) -> None:
    """Import the analyses and build the context here, before worker processes are forked from
    this one: they start with both (and share the gazetteer's pages) instead of building each."""
    from ..analyses import compare, figures, precedents, stance, statements, tensions, timeline  # noqa: F401

    context(config.lexicons, config.questions)


def outline(doc: Document) -> Document:
    """The document as metadata plus its outline: the headings, the first block of each page (without
    text) and the notes' labels. The brief names a cited passage by heading, paragraph and page, which
    these give from the anchors' block numbers; the text stays out of what the main process keeps."""
    blocks, page = [], None
    for b in doc.blocks:
        p = b.page
        if b.kind == "heading":
            blocks.append(replace(b, links=(), notes=(), emphasis=()))
        elif p is not None and p != page:
            blocks.append(replace(b, text="", context=None, links=(), notes=(), emphasis=()))
        page = p if p is not None else page
    notes = tuple(replace(n, text="", fields=(), links=()) for n in doc.footnotes)
    return replace(doc, blocks=tuple(blocks), footnotes=notes)


# ---------------------------------------------------------------- the steps
def read(job: Job, inputs: Mapping) -> dict:
    from ..analyses import figures as figures_mod
    from ..analyses import stance, timeline
    from ..analyses.statements import statements

    ctx = context(job.lexicons, job.questions)
    doc = read_source(job.src)
    raw = statements(doc, ctx.gaz, ctx.principles)
    # Only the question of an accusing statement matters to principle_sides (not its stance).
    first, main = stance.questions([s for s in raw if s.violated], doc, ctx.tops)
    props = stance.proponents(raw, main, ctx.gaz) | stance.title_proponent(doc, ctx.gaz)

    def find_actors(text: str) -> list[str]:
        return list(dict.fromkeys(m.name for m in ctx.gaz.find(text)))

    return {"meta": outline(doc), "main": main, "props": frozenset(props),
            "accusing": tuple(first), "figures": flag_unsourced(doc, figures_mod.figures(doc)),
            "events": flag_unsourced(doc, timeline.events(doc, find_actors)), "document": doc,
            "raw_statements": raw}


def sides(config: Config, values: Mapping[str, list]) -> dict:
    from ..analyses import stance

    ctx = context(config.lexicons, config.questions)
    topics = list(dict.fromkeys(list(ctx.tops) + list(values["main"])))  # duplicates change nothing
    props = {meta.id: set(p) for meta, p in zip(values["meta"], values["props"])}
    accusing = [st for a in values["accusing"] for st in a]
    return {"sides": stance.principle_sides(accusing, topics, ctx.gaz, props)}


def sides_seen(inputs: Mapping, config: Config) -> dict:
    """The sides a document's stances can see: those of the configured questions and its main topic."""
    everything = inputs["sides"]
    ids = [q.id for q in config.questions] + [inputs["main"].id]
    return {**inputs, "sides": {tid: everything[tid] for tid in dict.fromkeys(ids) if tid in everything}}


def sides_key(inputs: Mapping) -> tuple:
    return (tuple(sorted((tid, tuple(sorted(a)), tuple(sorted(f))) for tid, (a, f) in inputs["sides"].items())),)


def stances(job: Job, inputs: Mapping) -> dict:
    from ..analyses import stance
    from ..analyses.precedents import precedents
    from ..analyses.statements import statements
    from ..analyses.tensions import tensions

    ctx = context(job.lexicons, job.questions)
    doc, raw = inputs["document"], inputs["raw_statements"]
    if isinstance(doc, Document) and doc.id == job.src.id and raw is not None:
        known = (inputs["main"], inputs["props"])  # the read step found them in these very statements
    else:  # the read step was cached (or its parcel is unreadable): read again
        doc = read_source(job.src)
        raw = statements(doc, ctx.gaz, ctx.principles)
        known = None
    sides_ = inputs["sides"]
    stmts, _, props, targets = stance.assign(raw, doc, ctx.tops, sides_, ctx.gaz, ctx.principles, known)
    stmts = flag_unsourced(doc, stmts)  # before positions: a position decided by them is not sure either
    pos = stance.positions(stmts, doc.id, props, targets, ctx.gaz)
    return {"statements": stmts, "positions": tuple(pos),
            "tensions": flag_unsourced(doc, tensions(doc, stmts, pos, ctx.principles, ctx.gaz, sides_, set(props))),
            "precedents": flag_unsourced(doc, precedents(doc, stmts, ctx.gaz))}


def comparisons(config: Config, values: Mapping[str, list]) -> dict:
    from ..analyses.compare import compare

    return {"comparisons": compare(tuple(f for fs in values["figures"] for f in fs))}


STEPS: tuple[Step, ...] = (
    Step("read", "document", needs=(), adds=("meta", "main", "props", "accusing"), finds=("figures", "events"),
         hands=("document", "raw_statements"), run=read, label="reading and extracting"),
    Step("sides", "corpus", needs=("meta", "main", "props", "accusing"), adds=("sides",), run=sides),
    Step("stances", "document", needs=("main", "props", "sides", "document", "raw_statements"),
         finds=("statements", "positions", "tensions", "precedents"),
         run=stances, label="stances, positions and tensions", view=sides_seen, key=sides_key),
    Step("comparisons", "corpus", needs=("figures",), finds=("comparisons",), run=comparisons),
)
"""The analysis, in order. A new kind of finding is one more step here (its `run` calling the new
analysis module), whose `finds` names its table: nothing else needs to change for the table to reach
findings.json, its CSV file and Findings.table(name)."""


def tables() -> tuple[str, ...]:
    """The tables of findings a build writes, in findings.json order, one CSV file each: the tables
    of schema findings/1 (model/findings.FIELDS) in their fixed order, then every other table the
    steps find, in the order of STEPS."""
    found = [name for step in STEPS for name in step.finds]
    return FIELDS + tuple(name for name in found if name not in FIELDS)


__all__ = ["Job", "STEPS", "Step", "context", "read_source", "source_digest", "source_key", "tables", "warm_up"]
