"""The whole flow in a screenful: read, analyse, export, compose, render, write."""
from __future__ import annotations

import datetime as _dt
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence

from . import export, output
from .config import Config
from .errors import ConfigError
from .model.document import Document, Source
from .model.findings import Findings

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class RunResult:
    written: tuple[Path, ...]
    warnings: tuple[str, ...]
    findings: Findings


def _quiet(_: str) -> None:
    pass


def read_document(config: Config, index: int) -> Document:
    """Load and read the index-th configured source."""
    from .readers import read
    from .readers.load import load_text

    src = config.sources[index]
    text, warnings = load_text(src.path, src.given)
    doc = read(text, Source(id=src.id, path=src.given, title=src.title, genre=src.genre))
    if warnings:
        doc = replace(doc, warnings=tuple(warnings) + doc.warnings)
    return doc


def analyse(documents: Sequence[Document], config: Config) -> Findings:
    """All analyses over the read documents: per-document extraction, then cross-document steps."""
    from .analyses import corpus

    return corpus.analyse(documents, config)


def author_content(config: Config) -> dict[str, str]:
    """Read the author's Markdown files named in [content]; section id -> text."""
    files = ([("summary", config.content.summary)] if config.content.summary else [])
    files += list(config.content.commentary)
    out = {}
    for section, path in files:
        try:
            out[section] = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: author content cannot be read ({exc})") from None
    return out


def run(config: Config, formats: Sequence[str], out_dir: Path, progress: Progress = _quiet) -> RunResult:
    documents = []
    for i, src in enumerate(config.sources):
        progress(f"reading {src.given}")
        documents.append(read_document(config, i))
    progress("analysing")
    findings = analyse(documents, config)
    meta = [replace(d, blocks=(), footnotes=()) for d in documents]  # keep findings, not parsed text
    warnings = tuple(w for d in documents for w in d.warnings)
    del documents

    files: dict[str, bytes] = {}
    findings_json = export.to_json(meta, findings)
    files["findings.json"] = findings_json
    if config.output.csv:
        files.update(export.to_csv(findings))

    rendered = [f for f in formats if f != "json"]
    if rendered:
        from .analyses.across import across
        from .compose import compose

        progress("composing the brief")
        build_date = config.report.date or _dt.date.today().isoformat()
        brief = compose(config, meta, findings, across(meta, findings), build_date=build_date,
                        author=author_content(config))
        if "html" in rendered:
            from .render.html import render_html

            progress("rendering HTML")
            files["brief.html"] = render_html(brief, for_print=False).encode("utf-8")
        if "pdf" in rendered:
            from .render.pdf import render_pdf

            progress("rendering PDF")
            attach = {"findings.json": findings_json} if config.output.embed_findings else {}
            files["brief.pdf"] = render_pdf(brief, attachments=attach)
        if "docx" in rendered:
            from .render.docx import render_docx

            progress("rendering DOCX")
            files["brief.docx"] = render_docx(brief, reference_docx=TEMPLATES / "reference.docx")
    progress(f"writing {len(files)} files to {out_dir}")
    written = output.write_all(out_dir, files)
    return RunResult(written=tuple(written), warnings=warnings, findings=findings)


TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
if not TEMPLATES.is_dir():  # installed without the source tree: templates shipped beside the package
    TEMPLATES = Path(sys.prefix) / "share" / "make-report" / "templates"
