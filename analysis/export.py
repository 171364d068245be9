"""Findings -> findings.json (schema findings/1, ../shared/eval/README.md) and one CSV per table."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Sequence

from .model.document import Document
from .model.findings import SCHEMA, Findings

TABLES = ("statements", "positions", "tensions", "precedents", "figures", "events", "comparisons")


def document_item(doc: Document) -> dict:
    """One documents[] entry of findings.json."""
    return {"id": doc.id, "path": doc.path, "title": doc.title, "genre": doc.genre,
            "date": doc.date, "publisher": doc.publisher, "author": doc.author,
            "symbol": doc.symbol, "warnings": list(doc.warnings)}


def finding_item(obj) -> dict:
    """One finding as its findings.json dict (tuples as lists, the span as start/end)."""
    data = asdict(obj)
    span = data.pop("span", None)
    if span is not None:
        data["start"], data["end"] = span["start"], span["end"]
    for key, value in data.items():
        if isinstance(value, tuple):
            data[key] = list(value)
    return data


def to_dict(documents: Sequence[Document], findings: Findings) -> dict:
    out: dict = {"schema": SCHEMA, "documents": [document_item(d) for d in documents]}
    for table in TABLES:
        out[table] = [finding_item(x) for x in getattr(findings, table)]
    return out


def to_json(documents: Sequence[Document], findings: Findings) -> bytes:
    return json.dumps(to_dict(documents, findings), ensure_ascii=False, indent=1).encode("utf-8")


def to_csv(findings: Findings) -> dict[str, bytes]:
    """One CSV per non-empty table; lists joined with '; ' so a spreadsheet shows one cell."""
    files = {}
    for table in TABLES:
        rows = [finding_item(x) for x in getattr(findings, table)]
        if not rows:
            continue
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()})
        files[f"csv/{table}.csv"] = ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8
    return files
