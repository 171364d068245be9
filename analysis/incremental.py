"""Config + cache -> (document metadata, warnings, Findings): the analysis of analyses/corpus.py,
split so that each document's part is cached and can run in a worker process.

corpus.analyse reads every document, finds its statements, learns from the whole corpus
which principles each question's act is said to violate (the "sides"), then gives every
statement its stance and derives positions, tensions and precedents. The same steps here:

  stage A, per document, keyed by its source bytes, its [[sources]] entry, the questions,
  the lexicons and the code: read -> Document, raw statements, main topic, proponents, the
  question of each statement that accuses a violation (all the sides need), figures, events.
  The Document and raw statements are cached too (kind ``doc``) for stage B. A throwaway
  cache (--no-cache) keeps only these: no later build reads the stages' results.

  cross-document: stance.principle_sides over the accusing statements (cheap, always run).

  stage B, per document, keyed by its stage A key and the sides of the questions it can take
  (the configured ones and its main topic): stance.assign with the sides (and stage A's
  main topic and proponents), positions, tensions, precedents. A source edit that does not
  move the sides of a question leaves every other document's stage B cached.

  cross-document: compare(figures) (cheap, always run).

Results are ordered by source order whatever the number of workers, so the output is
byte-identical for any --jobs. The main process keeps findings and metadata, never
parsed documents.
"""
from __future__ import annotations

import os
from concurrent.futures import FIRST_COMPLETED, Executor, wait
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import BinaryIO, Callable, Sequence

from .cache import Cache, analysis_digest, digest
from .config import Config, LexiconExtensions, Question, SourceConfig
from .errors import SourceError
from .model.document import Document, Source
from .model.findings import Event, Figure, Findings, Position, Precedent, Statement, Tension
from .progress import Silent

Advance = Callable[[str], None]


# ---------------------------------------------------------------- what travels between stages
@dataclass(frozen=True, slots=True)
class ReadResult:
    """Stage A of one document: everything later steps need except the parsed text."""

    meta: Document
    """The Document as metadata and outline (incremental.outline: no passage text), with reading warnings."""
    main: object
    """stance.Topic the document is mainly about."""
    props: frozenset[str]
    """Actors whose act on the main topic others condemn (stance.proponents + title_proponent)."""
    accusing: tuple[Statement, ...]
    """Statements naming a violated principle, with their question: the input of principle_sides."""
    figures: tuple[Figure, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class StanceResult:
    """Stage B of one document."""

    statements: tuple[Statement, ...]
    positions: tuple[Position, ...]
    tensions: tuple[Tension, ...]
    precedents: tuple[Precedent, ...]


@dataclass(frozen=True, slots=True)
class Analysed:
    documents: tuple[Document, ...]
    """Metadata only (no blocks or footnotes), in source order."""
    warnings: tuple[str, ...]
    findings: Findings | None
    """None when analysed with keep=False (the findings went to the sink only)."""


# ---------------------------------------------------------------- shared per-process context
@dataclass(frozen=True)
class _Context:
    gaz: object
    principles: tuple
    tops: list


@lru_cache(maxsize=4)
def _context(lexicons: LexiconExtensions, questions: tuple[Question, ...]) -> _Context:
    from .actors import Gazetteer
    from .analyses import stance
    from .lexicons import principles as load_principles

    return _Context(gaz=Gazetteer.default(lexicons.actors), principles=load_principles(lexicons.principles),
                    tops=stance.topics(questions))


def read_source(src: SourceConfig) -> Document:
    """Load and read one configured source (as pipeline.read_document)."""
    from .readers import read
    from .readers.load import load_text

    text, warnings = load_text(src.path, src.given)
    doc = read(text, Source(id=src.id, path=src.given, title=src.title, genre=src.genre))
    if warnings:
        doc = replace(doc, warnings=tuple(warnings) + doc.warnings)
    return doc


def source_digest(src: SourceConfig) -> str:
    """Digest of the source's bytes; when it cannot be read, the reader's own error (SourceError)."""
    from .cache import file_digest

    try:
        return file_digest(src.path)
    except OSError:
        from .readers.load import load_text

        load_text(src.path, src.given)  # raises the SourceError naming the file
        raise SourceError(f"{src.given} cannot be read") from None


def key_a(base: str, src: SourceConfig, source_sha: str) -> str:
    return digest("read", base, src.given, src.id, src.title, src.genre, source_sha)


def _relevant_sides(sides: dict, main_id: str, questions: Sequence[Question]) -> dict:
    """The sides stage B of a document can see: those of the configured questions and its main topic."""
    ids = [q.id for q in questions] + [main_id]
    return {tid: sides[tid] for tid in dict.fromkeys(ids) if tid in sides}


def _sides_repr(sides: dict) -> tuple:
    return tuple(sorted((tid, tuple(sorted(a)), tuple(sorted(f))) for tid, (a, f) in sides.items()))


# ---------------------------------------------------------------- the two stages (run in workers)
@dataclass(frozen=True, slots=True)
class _TaskA:
    index: int
    src: SourceConfig
    key: str
    sha: str
    lexicons: LexiconExtensions
    questions: tuple[Question, ...]
    cache_root: str | None
    keep_results: bool
    """Store the result for later builds (not in a throwaway cache, which no later build reads)."""


@dataclass(frozen=True, slots=True)
class _TaskB:
    index: int
    src: SourceConfig
    key_a: str
    key: str
    sides: dict
    lexicons: LexiconExtensions
    questions: tuple[Question, ...]
    cache_root: str | None
    keep_results: bool
    main: object
    """stance.Topic stage A found the document mainly about (ReadResult.main)."""
    props: frozenset[str]
    """The proponents stage A found (ReadResult.props)."""


# The analysis modules are imported here, so a worker forked from a process that has used
# them starts warm.
def _extract(task: _TaskA, cache: Cache) -> ReadResult:
    from .analyses import figures as figures_mod
    from .analyses import stance, timeline
    from .analyses.statements import statements

    ctx = _context(task.lexicons, task.questions)
    doc = read_source(task.src)
    raw = statements(doc, ctx.gaz, ctx.principles)
    # Only the question of an accusing statement matters to principle_sides (not its stance).
    first, main = stance.questions([s for s in raw if s.violated], doc, ctx.tops)
    props = stance.proponents(raw, main, ctx.gaz) | stance.title_proponent(doc, ctx.gaz)

    def find_actors(text: str) -> list[str]:
        return list(dict.fromkeys(m.name for m in ctx.gaz.find(text)))

    result = ReadResult(meta=outline(doc), main=main, props=frozenset(props),
                        accusing=tuple(first), figures=tuple(figures_mod.figures(doc)),
                        events=tuple(timeline.events(doc, find_actors)))
    if cache.enabled and _unchanged(task.src, task.sha):  # never file results under bytes we did not read
        cache.put("doc", task.key, (doc, raw))  # stage B reads it back, in this build too
        if task.keep_results:
            cache.put("read", task.key, result)
    return result


def outline(doc: Document) -> Document:
    """The document as metadata plus its outline: the headings, the first block of each page (without
    text) and the notes' labels. The brief names a cited passage by heading, paragraph and page, which
    these give from the anchors' block numbers; the text stays out of what the main process keeps."""
    blocks, page = [], None
    for b in doc.blocks:
        p = getattr(b, "page", None)
        if b.kind == "heading":
            blocks.append(replace(b, links=(), notes=(), emphasis=()))
        elif p is not None and p != page:
            blocks.append(replace(b, text="", context=None, links=(), notes=(), emphasis=()))
        page = p if p is not None else page
    notes = tuple(replace(n, text="", fields=(), links=()) for n in doc.footnotes)
    return replace(doc, blocks=tuple(blocks), footnotes=notes)


def _unchanged(src: SourceConfig, sha: str) -> bool:
    from .cache import file_digest

    try:
        return file_digest(src.path) == sha
    except OSError:
        return False


def _stances(task: _TaskB, cache: Cache) -> StanceResult:
    from .analyses import stance
    from .analyses.precedents import precedents
    from .analyses.statements import statements
    from .analyses.tensions import tensions

    ctx = _context(task.lexicons, task.questions)
    stored = cache.get("doc", task.key_a)
    if (isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], Document)
            and stored[0].id == task.src.id):
        doc, raw = stored
        known = (task.main, task.props)  # stage A found them in these very statements
    else:  # the entry went missing or bad: read again (the source may have changed since)
        doc = read_source(task.src)
        raw = statements(doc, ctx.gaz, ctx.principles)
        known = None
    stmts, _, props, targets = stance.assign(raw, doc, ctx.tops, task.sides, ctx.gaz, ctx.principles, known)
    pos = stance.positions(stmts, doc.id, props, targets)
    result = StanceResult(statements=tuple(stmts), positions=tuple(pos),
                          tensions=tuple(tensions(doc, stmts, pos, ctx.principles, ctx.gaz, task.sides, set(props))),
                          precedents=tuple(precedents(doc, stmts, ctx.gaz)))
    if task.keep_results:
        cache.put("stances", task.key, result)
    return result


def _warm() -> None:
    """Import the analyses here, before worker processes are forked from this one."""
    from .analyses import figures, precedents, statements, tensions, timeline  # noqa: F401


def _worker_cache(root: str | None) -> Cache:
    return Cache(root)


def _run_a(task: _TaskA, cache: Cache | None = None):
    """Stage A of one task, with `cache` when run in the build's own process (else one of its own)."""
    cache = _worker_cache(task.cache_root) if cache is None else cache
    result = _extract(task, cache)
    return task.index, result, cache.used, cache.stats


def _run_b(task: _TaskB, cache: Cache | None = None):
    cache = _worker_cache(task.cache_root) if cache is None else cache
    result = _stances(task, cache)
    return task.index, result, cache.used, cache.stats


def _map(fn, tasks: list, cache: Cache, executor: Executor | None, take: Callable[[int, object], None],
         advance: Advance) -> None:
    """Run `fn` over `tasks` (in the executor when given, else here), handing each result to
    `take(index, result)` as it arrives."""
    if executor is None:
        for task in tasks:
            # the build's cache itself (it counts what the task uses): a throwaway cache keeps
            # what this process writes in memory, and stage B reads stage A's documents from it
            index, result, _, _ = fn(task, cache)
            take(index, result)
            advance(task.src.given)
        return
    pending = {executor.submit(fn, task): task for task in tasks}
    while pending:  # on an error or Ctrl-C the pipeline terminates the workers (futures left as they are)
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for fut in done:
            task = pending.pop(fut)
            index, result, used, stats = fut.result()
            cache.merge(used, stats)
            take(index, result)
            advance(task.src.given)


def _size(src: SourceConfig) -> int:
    try:
        return os.stat(src.path).st_size
    except OSError:
        return 0


# ---------------------------------------------------------------- streamed export
class StreamExport:
    """findings.json and csv/*.csv, byte for byte what export.to_json / export.to_csv give,
    built one document's items at a time and streamed to disk: each document's serialised
    items go to a scratch file per table (`spool`, e.g. output.Staging.spool) as they arrive,
    in any order, and `write` copies them into the output files in source order. Memory holds
    only where each part lies, so it stays flat however large the corpus."""

    def __init__(self, spool: Callable[[], BinaryIO], csv: bool = True):
        from . import export

        self.tables = export.TABLES
        self.csv = csv
        self._spool = spool
        self._files: dict[tuple[str, str], BinaryIO] = {}
        self._parts: dict[tuple[str, str], dict[int, tuple[int, int]]] = {}
        self.headers: dict[str, list[str]] = {}

    def _put(self, kind: str, table: str, index: int, data: bytes) -> None:
        fh = self._files.get((kind, table))
        if fh is None:
            fh = self._files[kind, table] = self._spool()
        offset = fh.seek(0, 2)
        fh.write(data)
        self._parts.setdefault((kind, table), {})[index] = (offset, len(data))

    def add(self, index: int, table: str, items: Sequence) -> None:
        import io

        from .export import csv_rows, finding_item, item_json

        if not items:
            return
        rows = [finding_item(x) for x in items]
        self._put("json", table, index, ",\n".join("  " + item_json(r, "  ") for r in rows).encode("utf-8"))
        if self.csv:
            fields = self.headers.setdefault(table, list(rows[0]))
            buf = io.StringIO()
            csv_rows(buf, fields, rows)
            self._put("csv", table, index, buf.getvalue().encode("utf-8"))

    def _copy_parts(self, kind: str, table: str, out: BinaryIO, sep: bytes = b"") -> None:
        """The parts of one table, in source order, from their scratch file into `out`."""
        fh = self._files.get((kind, table))
        for n, (offset, length) in enumerate(v for _, v in sorted(self._parts.get((kind, table), {}).items())):
            if n and sep:
                out.write(sep)
            fh.seek(offset)
            while length > 0:
                chunk = fh.read(min(length, 1 << 20))
                if not chunk:
                    raise OSError("a scratch file of the export is shorter than written")
                out.write(chunk)
                length -= len(chunk)

    def write_json(self, out: BinaryIO, documents: Sequence[Document]) -> None:
        """findings.json into `out`."""
        import json

        from .export import document_item
        from .model.findings import SCHEMA

        out.write(b'{\n "schema": ' + json.dumps(SCHEMA, ensure_ascii=False).encode("utf-8"))
        docs = [("  " + json.dumps(document_item(d), ensure_ascii=False, indent=1).replace("\n", "\n  "))
                for d in documents]
        out.write(b',\n "documents": ' + (("[\n" + ",\n".join(docs) + "\n ]") if docs else "[]").encode("utf-8"))
        for table in self.tables:
            out.write(f',\n "{table}": '.encode("utf-8"))
            if not self._parts.get(("json", table)):
                out.write(b"[]")
                continue
            out.write(b"[\n")
            self._copy_parts("json", table, out, b",\n")
            out.write(b"\n ]")
        out.write(b"\n}")

    def csv_tables(self) -> list[str]:
        """The tables that have a CSV file: the non-empty ones (none without csv)."""
        return [t for t in self.tables if self._parts.get(("csv", t))]

    def write_csv(self, table: str, out: BinaryIO) -> None:
        """csv/<table>.csv into `out`: a BOM (Excel then reads UTF-8), the header, the rows."""
        import csv
        import io

        head = io.StringIO()
        csv.DictWriter(head, fieldnames=self.headers[table]).writeheader()
        out.write(("\ufeff" + head.getvalue()).encode("utf-8"))
        self._copy_parts("csv", table, out)

    def write(self, staging, documents: Sequence[Document]) -> None:
        """findings.json and csv/<table>.csv into output.Staging `staging`; closes the scratch files."""
        try:
            with staging.open("findings.json") as out:
                self.write_json(out, documents)
            for table in self.csv_tables():
                with staging.open(f"csv/{table}.csv") as out:
                    self.write_csv(table, out)
        finally:
            self.close()

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()
        self._files.clear()


# ---------------------------------------------------------------- the whole analysis
def analyse(config: Config, cache: Cache, *, executor_for: Callable[[int], Executor | None] = lambda n: None,
            shas: Sequence[str] | None = None, progress=None, keep: bool = True,
            sink: StreamExport | None = None) -> Analysed:
    """Analyse every configured source, reusing cached stages; `executor_for(n)` gives a
    process pool for n uncached tasks (or None to run them here). Each document's findings
    go to `sink` as they arrive; with `keep=False` they are then dropped (only figures stay,
    for the comparisons) and the result's findings is None: memory stays flat in N."""
    from .analyses import stance
    from .analyses.compare import compare

    progress = progress or Silent()
    sources = config.sources
    n = len(sources)
    base = analysis_digest(config)
    shas = list(shas) if shas is not None else [source_digest(s) for s in sources]
    keys = [key_a(base, s, sha) for s, sha in zip(sources, shas)]
    root = str(cache.root) if cache.root is not None else None
    keep_results = not cache.ephemeral
    ctx = _context(config.lexicons, config.questions)
    metas: list = [None] * n
    mains: list = [None] * n
    accusing: list = [()] * n
    props: dict[str, set] = {}
    figures: list = [()] * n
    kept: dict[str, list] = {t: [()] * n for t in ("statements", "positions", "tensions", "precedents", "events")}

    def take_a(i: int, r: ReadResult) -> None:
        metas[i], mains[i], accusing[i], figures[i] = r.meta, r.main, r.accusing, r.figures
        props[r.meta.id] = set(r.props)
        if keep:
            kept["events"][i] = r.events
        if sink is not None:
            sink.add(i, "figures", r.figures)
            sink.add(i, "events", r.events)

    def take_b(i: int, r: StanceResult) -> None:
        for table in ("statements", "positions", "tensions", "precedents"):
            if keep:
                kept[table][i] = getattr(r, table)
            if sink is not None:
                sink.add(i, table, getattr(r, table))

    # stage A
    progress.start("reading and extracting", n)
    todo = []
    for i, (src, key) in enumerate(zip(sources, keys)):
        hit = cache.get("read", key)
        if isinstance(hit, ReadResult) and hit.meta.id == src.id:
            take_a(i, hit)
            cache.keep("doc", key)
            progress.advance()
        else:
            todo.append(_TaskA(i, src, key, shas[i], config.lexicons, config.questions, root, keep_results))
    todo.sort(key=lambda t: -_size(t.src))  # longest first: workers finish together
    if todo:
        _warm()
    _map(_run_a, todo, cache, executor_for(len(todo)), take_a, progress.advance)
    progress.finish()

    # cross-document: which principles each question's act is said to violate
    topics = list(dict.fromkeys(list(ctx.tops) + mains))  # duplicates change nothing
    sides = stance.principle_sides([st for a in accusing for st in a], topics, ctx.gaz, props)
    accusing = []

    # stage B
    progress.start("stances, positions and tensions", n)
    todo_b = []
    for i, (src, key) in enumerate(zip(sources, keys)):
        relevant = _relevant_sides(sides, mains[i].id, config.questions)
        kb = digest("stances", key, _sides_repr(relevant))
        hit = cache.get("stances", kb)
        if isinstance(hit, StanceResult):
            take_b(i, hit)
            progress.advance()
        else:
            todo_b.append(_TaskB(i, src, key, kb, relevant, config.lexicons, config.questions, root, keep_results,
                                 mains[i], frozenset(props[metas[i].id])))
    todo_b.sort(key=lambda t: -_size(t.src))
    _map(_run_b, todo_b, cache, executor_for(len(todo_b)), take_b, progress.advance)
    progress.finish()

    all_figures = tuple(f for fs in figures for f in fs)
    comparisons = compare(all_figures)
    if sink is not None:
        sink.add(n, "comparisons", comparisons)
    findings = None
    if keep:
        findings = Findings(**{t: tuple(x for part in kept[t] for x in part) for t in kept},
                            figures=all_figures, comparisons=comparisons)
    warnings = tuple(w for d in metas for w in d.warnings)
    return Analysed(documents=tuple(metas), warnings=warnings, findings=findings)


def cpu_jobs() -> int:
    """Worker processes by default: at most two (the target machine), at most the CPUs we may use."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    return max(1, min(2, n))


__all__ = ["Analysed", "ReadResult", "StanceResult", "analyse", "cpu_jobs", "read_source", "source_digest"]
