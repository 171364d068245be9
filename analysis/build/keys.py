"""What a cached result depends on: digests of the code, the lexicons, the templates and the libraries.

The per-document analysis depends on the code its steps run: the modules build/steps.py and its
runner import, followed through their imports (read from the source, not by importing). Editing
a module only the outputs use (compose, a renderer, a chart) keeps every document's entries; no
file name is written down here, so moving a file cannot silently change what invalidates what.
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

from .cache import FORMAT, digest, file_digest

PACKAGE = __name__.split(".")[0]
PACKAGE_DIR = Path(__file__).resolve().parents[len(__name__.split(".")) - 2]
"""The package's folder (this module lies in a subpackage of it)."""
ANALYSIS_ROOTS = (f"{__package__}.steps", f"{__package__}.analyse")
"""The modules the per-document analysis starts from: the steps and their runner."""


def _files(root: Path, pattern: str) -> list[Path]:
    return sorted(p for p in root.rglob(pattern) if "__pycache__" not in p.parts and p.is_file())


def files_digest(root: Path, files) -> str:
    """Digest of `files` (under `root`) by their relative paths and contents."""
    h = hashlib.sha256()
    for path in files:
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(file_digest(path).encode() + b"\n")
    return h.hexdigest()


# ---------------------------------------------------------------- the modules a module imports
# Not anchored at line starts (a literal first is much faster to find); an import-like phrase in
# a docstring can only add a file, never leave one out.
_FROM = re.compile(r"from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)")
_IMPORT = re.compile(r"import[ \t]+([\w., \t]+)")


@lru_cache(maxsize=1)
def _python_files() -> tuple[Path, ...]:
    return tuple(_files(PACKAGE_DIR, "*.py"))


@lru_cache(maxsize=1)
def _modules() -> dict[str, Path]:
    out = {}
    for path in _python_files():
        parts = path.relative_to(PACKAGE_DIR).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join((PACKAGE, *parts))] = path
    return out


def module_file(name: str) -> Path | None:
    """The source file of the package's module `name` (a package's __init__.py), or None."""
    return _modules().get(name)


def _imported(name: str, path: Path) -> set[str]:
    """The package's modules that module `name` (at `path`) imports anywhere in its text."""
    text = path.read_text(encoding="utf-8")
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for dots, module, names in _FROM.findall(text):
        if dots:
            up = package.split(".")
            base = ".".join(up[:len(up) - (len(dots) - 1)] + ([module] if module else []))
        else:
            base = module
        if base.split(".")[0] != PACKAGE:
            continue
        found.add(base)
        for item in names.strip("()").split(","):
            item = item.split(" as ")[0].strip()
            if item.isidentifier():
                found.add(f"{base}.{item}")  # `from . import stance` imports a module
    for names in _IMPORT.findall(text):
        for item in names.split(","):
            item = item.split(" as ")[0].strip()
            if item.split(".")[0] == PACKAGE:
                found.add(item)
    out = set()
    for module in found:  # importing a.b.c runs a/__init__ and a/b/__init__ too
        parts = module.split(".")
        out.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return out


def import_closure(roots) -> list[Path]:
    """The source files of `roots` and of every module of the package they import, transitively."""
    seen: dict[str, Path] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = module_file(name)
        if path is None:
            continue  # a name imported from a module, not a module
        seen[name] = path
        todo.extend(_imported(name, path) - seen.keys())
    return sorted(set(seen.values()))


# ---------------------------------------------------------------- the digests
@lru_cache(maxsize=1)
def code_version() -> str:
    """Digest of all the package's Python files, the Python version and the cache format."""
    return digest("code", FORMAT, sys.version, files_digest(PACKAGE_DIR, _python_files()))


@lru_cache(maxsize=1)
def analysis_code_version() -> str:
    """Digest of the Python files the per-document analysis runs (the import closure of its steps)."""
    return digest("analysis-code", FORMAT, sys.version, files_digest(PACKAGE_DIR, import_closure(ANALYSIS_ROOTS)))


@lru_cache(maxsize=1)
def lexicon_files_digest() -> str:
    """Digest of the shipped lexicon data (the files of the lexicons package other than code)."""
    folder = module_file(f"{PACKAGE}.lexicons").parent
    return files_digest(folder, [p for p in _files(folder, "*") if p.suffix != ".py"])


def analysis_digest(config) -> str:
    """What every document's analysis depends on besides its own source: code, lexicons
    (shipped and report.toml [lexicons]) and the questions."""
    return digest("analysis", analysis_code_version(), environment_digest(), lexicon_files_digest(),
                  config.lexicons, config.questions)


@lru_cache(maxsize=None)
def templates_digest(root: Path) -> str:
    return files_digest(Path(root), _files(Path(root), "*")) if Path(root).is_dir() else "none"


@lru_cache(maxsize=1)
def environment_digest() -> str:
    """The installed distributions (names and versions from the *.dist-info folders): a new
    WeasyPrint, matplotlib or pandoc changes every rendered output."""
    names = []
    for entry in sys.path:
        try:
            names.extend(n for n in os.listdir(entry or ".") if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    return digest("env", sys.version, sorted(set(names)))


__all__ = ["analysis_code_version", "analysis_digest", "code_version", "environment_digest", "files_digest",
           "import_closure", "lexicon_files_digest", "module_file", "templates_digest"]
