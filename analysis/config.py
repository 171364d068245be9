"""report.toml -> one frozen, validated `Config`. Unknown keys and wrong types are refused by name."""
from __future__ import annotations

import datetime as _dt
import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError, SourceError
from .model.document import GENRES

FORMATS = ("pdf", "docx", "html", "json")
"""The brief's formats (render.WRITERS; a test keeps the two lists equal) and the findings export."""
PAGE_SIZES = ("A4", "Letter")
SECTIONS = ("summary", "positions", "figures", "precedents", "timeline", "across", "sources")


@dataclass(frozen=True, slots=True)
class ReportMeta:
    title: str
    subtitle: str | None
    organisation: str | None
    authors: tuple[str, ...]
    date: str | None
    """ISO date of the brief; None means the build date."""
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SourceConfig:
    path: Path
    """Absolute path of the file."""
    given: str
    """The path as written in report.toml (reported in findings.json)."""
    id: str
    title: str | None
    genre: str | None


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    label: str
    terms: tuple[str, ...]
    """Lower-case stems or phrases; a passage mentioning one is about the question."""
    principles_against: tuple[str, ...] = ()
    """Principle ids that weigh against the act in question (upholding them opposes it)."""
    principles_for: tuple[str, ...] = ()
    kind: str = "policy"
    """``policy`` (actors support or oppose it) or ``assessment`` (actors judge it by `scale`)."""
    scale: tuple[str, ...] = ()
    """For an assessment: the words of its two ends, the judgement a supporter makes first
    (``("credible", "not credible")``); the brief uses them instead of support / oppose."""


QUESTION_KINDS = ("policy", "assessment")


@dataclass(frozen=True, slots=True)
class Style:
    page_size: str
    accent: str
    logo: Path | None
    body_font: str
    heading_font: str


@dataclass(frozen=True, slots=True)
class Output:
    dir: Path
    formats: tuple[str, ...]
    embed_findings: bool
    """Attach findings.json to the PDF (PDF/A-3b)."""
    csv: bool


EXECUTORS = ("local", "dask")


@dataclass(frozen=True, slots=True)
class Build:
    """Where the per-document analysis runs."""

    executor: str = "local"
    """``local`` (worker processes on this machine) or ``dask`` (a Dask cluster)."""
    scheduler: str | None = None
    """With ``dask``: a running scheduler's address (``tcp://host:8786``); None starts a local cluster."""


@dataclass(frozen=True, slots=True)
class Content:
    summary: Path | None
    """Markdown executive summary written by the author."""
    commentary: tuple[tuple[str, Path], ...]
    """(section id, Markdown file) pairs woven into the named sections."""


@dataclass(frozen=True, slots=True)
class LexiconExtensions:
    actors: tuple[tuple[str, tuple[str, ...], str], ...]
    """(canonical name, aliases, kind) added to the gazetteer."""
    principles: tuple[tuple[str, str, tuple[str, ...]], ...]
    """(principle id, label, cue phrases) added to or extending the principle lexicon."""


@dataclass(frozen=True, slots=True)
class Config:
    path: Path
    """The report.toml that was read."""
    root: Path
    """Folder of report.toml: relative paths start here."""
    report: ReportMeta
    sources: tuple[SourceConfig, ...]
    questions: tuple[Question, ...]
    style: Style
    output: Output
    content: Content
    lexicons: LexiconExtensions
    build: Build = Build()
    warnings: tuple[str, ...] = ()
    """Problems with the configuration that did not stop it (a source listed twice, ...)."""


# ---------------------------------------------------------------- validation helpers
class _Table:
    """A TOML table being validated: every key read is recorded, the rest are unknown."""

    def __init__(self, data: Any, where: str, cfg: Path):
        if not isinstance(data, dict):
            raise ConfigError(f"{cfg.name}: [{where}] must be a table")
        self.data, self.where, self.cfg, self.seen = data, where, cfg, set()

    def _name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def get(self, key: str, kind: type | tuple, default: Any = None, required: bool = False) -> Any:
        self.seen.add(key)
        if key not in self.data:
            if required:
                close = difflib.get_close_matches(key, [str(k) for k in self.data], n=1)
                if close:
                    raise ConfigError(f"{self.cfg.name}: unknown key '{self._name(close[0])}' "
                                      f"(did you mean '{key}'?)")
                raise ConfigError(f"{self.cfg.name}: missing required key '{self._name(key)}'")
            return default
        value = self.data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            value = None  # bool is an int in Python: refuse it where a number is wanted
        if value is None or not isinstance(value, kinds):
            names = " or ".join(k.__name__.replace("str", "string").replace("list", "array")
                                .replace("dict", "table").replace("bool", "boolean") for k in kinds)
            raise ConfigError(f"{self.cfg.name}: key '{self._name(key)}' must be a {names}, "
                              f"not {type(self.data[key]).__name__}")
        return value

    def text(self, key: str, default: str | None = None, required: bool = False) -> str | None:
        value = self.get(key, str, default, required)
        if value is not None and required and not value.strip():
            raise ConfigError(f"{self.cfg.name}: key '{self._name(key)}' must not be empty")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        items = self.get(key, list, [])
        for i, item in enumerate(items):
            if not isinstance(item, str):
                raise ConfigError(f"{self.cfg.name}: '{self._name(key)}[{i}]' must be a string")
        return tuple(items)

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.seen)
        if unknown:
            raise ConfigError(f"{self.cfg.name}: unknown key '{self._name(unknown[0])}'",
                              hint="check the spelling against the README's report.toml reference")


def _rel(root: Path, value: str, key: str, cfg: Path, must_exist: bool) -> Path:
    path = (root / value).resolve() if not Path(value).is_absolute() else Path(value)
    if must_exist and not path.is_file():
        raise ConfigError(f"{cfg.name}: '{key}' names {value}, which does not exist")
    return path


def _iso_date(value: Any, key: str, cfg: Path) -> str | None:
    if value is None:
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return value
    raise ConfigError(f"{cfg.name}: key '{key}' must be a date like 2024-05-31")


_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,39}")


def parse(data: dict, cfg: Path, *, check_files: bool = True) -> Config:
    """Validate the parsed TOML of `cfg` into a Config."""
    root = cfg.parent.resolve()
    top = _Table(data, "", cfg)

    rep = _Table(top.get("report", dict, {}), "report", cfg)
    report = ReportMeta(
        title=rep.text("title", required=True),
        subtitle=rep.text("subtitle"),
        organisation=rep.text("organisation"),
        authors=rep.texts("authors"),
        date=_iso_date(rep.get("date", (str, _dt.date, _dt.datetime)), "report.date", cfg),
        keywords=rep.texts("keywords"),
    )
    rep.done()

    raw_sources = top.get("sources", list, [])
    if not raw_sources:
        raise ConfigError(f"{cfg.name}: no [[sources]]: list at least one source document")
    sources, warnings = _sources(raw_sources, root, cfg, check_files)

    questions, qids = [], set()
    for i, raw in enumerate(top.get("questions", list, [])):
        t = _Table(raw, f"questions[{i}]", cfg)
        qid = t.text("id", required=True)
        if not _ID.fullmatch(qid) or qid in qids:
            raise ConfigError(f"{cfg.name}: 'questions[{i}].id' must be a new short id (got {qid!r})")
        qids.add(qid)
        terms = tuple(s.lower().strip() for s in t.texts("terms") if s.strip())
        if not terms:
            raise ConfigError(f"{cfg.name}: 'questions[{i}].terms' must list at least one term")
        kind = t.text("kind", "policy")
        if kind not in QUESTION_KINDS:
            raise ConfigError(f"{cfg.name}: 'questions[{i}].kind' is {kind!r}; use policy or assessment")
        scale = tuple(s.strip() for s in t.texts("scale") if s.strip())
        if kind == "assessment" and len(scale) != 2:
            raise ConfigError(f"{cfg.name}: 'questions[{i}].scale' must give the assessment's two words "
                              "(e.g. [\"credible\", \"not credible\"])")
        questions.append(Question(id=qid, label=t.text("label", required=True), terms=terms,
                                  principles_against=t.texts("principles_against"),
                                  principles_for=t.texts("principles_for"), kind=kind, scale=scale))
        t.done()

    st = _Table(top.get("style", dict, {}), "style", cfg)
    page = st.text("page_size", "A4")
    if page not in PAGE_SIZES:
        raise ConfigError(f"{cfg.name}: 'style.page_size' is {page!r}; use A4 or Letter")
    accent = st.text("accent", "#1f4e79")
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", accent):
        raise ConfigError(f"{cfg.name}: 'style.accent' must be a colour like #1f4e79")
    logo = st.text("logo")
    style = Style(page_size=page, accent=accent,
                  logo=_rel(root, logo, "style.logo", cfg, check_files) if logo else None,
                  body_font=st.text("body_font", "DejaVu Serif"),
                  heading_font=st.text("heading_font", "DejaVu Sans"))
    st.done()

    out = _Table(top.get("output", dict, {}), "output", cfg)
    formats = out.texts("formats") or FORMATS
    for f in formats:
        if f not in FORMATS:
            raise ConfigError(f"{cfg.name}: 'output.formats' has {f!r}; use {', '.join(FORMATS)}")
    output = Output(dir=_rel(root, out.text("dir", "out"), "output.dir", cfg, False),
                    formats=tuple(dict.fromkeys(formats)),
                    embed_findings=out.get("embed_findings", bool, True),
                    csv=out.get("csv", bool, True))
    out.done()

    ct = _Table(top.get("content", dict, {}), "content", cfg)
    summary = ct.text("summary")
    commentary = []
    com = _Table(ct.get("commentary", dict, {}), "content.commentary", cfg)
    for key in list(com.data):
        if key not in SECTIONS:
            raise ConfigError(f"{cfg.name}: 'content.commentary.{key}' is not a section; "
                              f"use one of {', '.join(SECTIONS)}")
        commentary.append((key, _rel(root, com.text(key, required=True), f"content.commentary.{key}",
                                     cfg, check_files)))
    com.done()
    content = Content(summary=_rel(root, summary, "content.summary", cfg, check_files) if summary else None,
                      commentary=tuple(commentary))
    ct.done()

    lx = _Table(top.get("lexicons", dict, {}), "lexicons", cfg)
    actors = []
    for i, raw in enumerate(lx.get("actors", list, [])):
        t = _Table(raw, f"lexicons.actors[{i}]", cfg)
        actors.append((t.text("name", required=True), t.texts("aliases"), t.text("kind", "organisation")))
        t.done()
    principles = []
    for i, raw in enumerate(lx.get("principles", list, [])):
        t = _Table(raw, f"lexicons.principles[{i}]", cfg)
        pid = t.text("id", required=True)
        principles.append((pid, t.text("label", pid), t.texts("cues")))
        t.done()
    lexicons = LexiconExtensions(actors=tuple(actors), principles=tuple(principles))
    lx.done()

    bt = _Table(top.get("build", dict, {}), "build", cfg)
    executor = bt.text("executor", "local")
    if executor not in EXECUTORS:
        raise ConfigError(f"{cfg.name}: 'build.executor' has {executor!r}; use {', '.join(EXECUTORS)}")
    build = Build(executor=executor, scheduler=bt.text("scheduler"))
    bt.done()

    top.done()
    return Config(path=cfg, root=root, report=report, sources=tuple(sources), questions=tuple(questions),
                  style=style, output=output, content=content, lexicons=lexicons, build=build,
                  warnings=tuple(warnings))


# ---------------------------------------------------------------- [[sources]]: files, folders, patterns
def _sources(raw_sources: list, root: Path, cfg: Path, check_files: bool) -> tuple[list[SourceConfig], list[str]]:
    """Each [[sources]] table names one file (`path`), a folder (`path`, every readable file under it) or a
    pattern (`glob`); folders and patterns expand in sorted order, each file with its own id (``d<n>``
    counting files, or ``<id>-<n>`` under a table's own id). A file also named on its own elsewhere takes
    that table's settings; a file matched twice, or with the same bytes as another, is read once."""
    tables = []
    for i, raw in enumerate(raw_sources):
        t = _Table(raw, f"sources[{i}]", cfg)
        pattern = t.text("glob")
        given = t.text("path", required=pattern is None)
        if pattern is not None and given is not None:
            raise ConfigError(f"{cfg.name}: 'sources[{i}].glob' and a path in the same table: use one of them")
        sid = t.text("id")
        if sid is not None and not _ID.fullmatch(sid):
            raise ConfigError(f"{cfg.name}: 'sources[{i}].id' must be letters, digits, - or _ (got {sid!r})")
        genre = t.text("genre")
        if genre is not None and genre not in GENRES:
            raise ConfigError(f"{cfg.name}: 'sources[{i}].genre' is {genre!r} for {given or pattern}; "
                              f"use one of {', '.join(GENRES)}")
        title = t.text("title")
        t.done()
        path = _rel(root, given, f"sources[{i}].path", cfg, False) if given is not None else None
        files = None
        if pattern is not None:
            files = _glob(root, pattern)
            if not files and check_files:
                raise ConfigError(f"{cfg.name}: 'sources[{i}].glob' {pattern!r} matches no file")
        elif path.is_dir():
            files = _folder(path)
            if not files:
                raise SourceError(f"{given} is a folder with no file of a format read "
                                  f"({', '.join(sorted(_known_extensions()))})")
        if files is not None and title is not None:
            raise ConfigError(f"{cfg.name}: 'sources[{i}].title' names one document, but {given or pattern} "
                              "is several files; give the title in a [[sources]] table of its own")
        tables.append((i, given, path, files, sid, genre, title))

    named = {path for _, _, path, files, *_ in tables if files is None}
    sources, ids, seen = [], set(), set()
    for i, given, path, files, sid, genre, title in tables:
        if files is None:
            entries = [(path, given, sid or f"d{len(sources) + 1}")]
        else:
            chosen = [f for f in files if f not in named and f not in seen]
            entries = [(f, _shown(f, root), f"{sid}-{k}" if sid else f"d{len(sources) + k}")
                       for k, f in enumerate(chosen, 1)]
        for file, shown, fid in entries:
            if fid in ids:
                raise ConfigError(f"{cfg.name}: 'sources[{i}].id' repeats the id {fid!r}")
            ids.add(fid)
            seen.add(file)
            sources.append(SourceConfig(path=file, given=shown, id=fid, title=title, genre=genre))
    return _distinct(sources) if check_files else (sources, [])


def _shown(path: Path, root: Path) -> str:
    """A file found by a folder or pattern as a user would write it: relative to report.toml when inside."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _glob(root: Path, pattern: str) -> list[Path]:
    base = Path(pattern).anchor
    found = Path(base).glob(pattern[len(base):]) if base else root.glob(pattern)
    return sorted((p.resolve() for p in found if p.is_file() and not _hidden(p)), key=lambda p: p.as_posix())


def _known_extensions() -> set[str]:
    from .readers import READERS

    return {ext for reader in READERS.values() for ext in reader.extensions}


def _folder(folder: Path) -> list[Path]:
    known = _known_extensions()
    return sorted((p.resolve() for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in known
                   and not _hidden(p.relative_to(folder))), key=lambda p: p.as_posix())


def _hidden(path: Path) -> bool:
    return any(part.startswith(".") for part in path.parts if part not in (".", ".."))


def _distinct(sources: list[SourceConfig]) -> tuple[list[SourceConfig], list[str]]:
    """Sources without repeats of the same bytes (the first is kept), and a warning for each repeat."""
    import hashlib

    kept, warnings, first = [], [], {}
    for src in sources:
        try:
            with open(src.path, "rb") as handle:
                key = (src.path.stat().st_size, hashlib.file_digest(handle, "sha256").hexdigest())
        except OSError:
            kept.append(src)  # reading it will say what is wrong, naming the file
            continue
        if key in first:
            warnings.append(f"{src.given} has the same bytes as {first[key].given}; it is read once, "
                            f"as {first[key].id}")
            continue
        first[key] = src
        kept.append(src)
    return kept, warnings


# ---------------------------------------------------------------- where in the file
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]#]+?)\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(r"^\s*([A-Za-z0-9_\-\"'. ]+?)\s*=")
_KEY_NAMED = re.compile(r"'([A-Za-z0-9_\-]+(?:\[\d+\])?(?:\.[A-Za-z0-9_\-]+(?:\[\d+\])?)*)(?:\[\d+\])?'")


def _plain_key(raw: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in raw.split("."))


def _tables(lines: list[str]):
    """(line number, table path like 'sources[1]', key or None) for each header and assignment."""
    counts: dict[str, int] = {}
    table = ""
    for n, line in enumerate(lines, 1):
        head = _HEADER.match(line)
        if head:
            name = _plain_key(head.group(2))
            if head.group(1) == "[[":
                counts[name] = counts.get(name, -1) + 1
                name = f"{name}[{counts[name]}]"
            table = name
            yield n, table, None
            continue
        assign = _ASSIGN.match(line)
        if assign:
            yield n, table, _plain_key(assign.group(1))


def _line_of(text: str, dotted: str) -> int | None:
    """The line of report.toml where the key named like 'sources[0].genre' (or its table) is set."""
    lines = text.splitlines()
    best = None
    for n, table, key in _tables(lines):
        name = f"{table}.{key}" if table and key else (key or table)
        if name == dotted:
            return n
        if key is None and dotted.startswith(table + ".") and table:
            best = n  # the table holds the key, but the key itself is missing
    return best


def _with_line(exc: ConfigError, cfg: Path, text: str) -> ConfigError:
    """The same error, with the line of the key it names ("report.toml, line 7: ...")."""
    m = _KEY_NAMED.search(exc.message)
    prefix = f"{cfg.name}: "
    if not m or not exc.message.startswith(prefix):
        return exc
    n = _line_of(text, m.group(1))
    if n is None:
        return exc
    return ConfigError(f"{cfg.name}, line {n}: {exc.message[len(prefix):]}", hint=exc.hint)


def _syntax_error(cfg: Path, text: str, exc: tomllib.TOMLDecodeError) -> ConfigError:
    """A TOML syntax error naming the line, and the key or table written on it."""
    message = str(exc)
    m = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if not m:
        return ConfigError(f"{cfg}: invalid TOML: {message}")
    n = int(m.group(1))
    what = message[:m.start()].strip()
    lines = text.splitlines()
    line = lines[n - 1] if 0 < n <= len(lines) else ""
    key = None
    for ln, table, k in _tables(lines[:n]):
        if ln == n:
            key = f"{table}.{k}" if table and k else (k or table)
    shown = " ".join(line.split())
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    where = f"key '{key}'" if key else (f"'{shown}'" if shown else "an empty line")
    return ConfigError(f"{cfg}: invalid TOML at line {n}, column {m.group(2)} ({where}): {what}")


def load(path: str | Path, *, check_files: bool = True) -> Config:
    """Read and validate report.toml. Raises ConfigError naming the file, line or key."""
    cfg = Path(path)
    try:
        raw = cfg.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{cfg}: configuration file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{cfg}: is a folder, not a report.toml file") from None
    except OSError as exc:
        raise ConfigError(f"{cfg}: cannot be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{cfg}: is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(cfg, text, exc) from None
    try:
        return parse(data, cfg.resolve(), check_files=check_files)
    except ConfigError as exc:
        raise _with_line(exc, cfg, text) from None
