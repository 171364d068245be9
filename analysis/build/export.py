"""Findings -> findings.json (schema findings/1, ../shared/eval/README.md) and one CSV per table, streamed."""
from __future__ import annotations

import copy
import csv
import io
import json
from dataclasses import fields, is_dataclass
from json.encoder import encode_basestring
from typing import BinaryIO, Callable, Sequence

from ..model.document import Document
from ..model.findings import SCHEMA


def document_item(doc: Document) -> dict:
    """One documents[] entry of findings.json."""
    return {"id": doc.id, "path": doc.path, "title": doc.title, "genre": doc.genre,
            "date": doc.date, "publisher": doc.publisher, "author": doc.author,
            "symbol": doc.symbol, "warnings": list(doc.warnings)}


def finding_item(obj) -> dict:
    """One finding as its findings.json dict (tuples as lists, the span as start/end)."""
    fast = _ITEM_MAKERS.get(type(obj))
    if fast is None:
        fast = _ITEM_MAKERS[type(obj)] = _item_maker(type(obj))
    return fast(obj)


def plain_finding_item(obj) -> dict:
    """finding_item's general path (any object `_asdict` takes): the reference its per-class makers equal."""
    data = _asdict(obj)
    span = data.pop("span", None)
    if span is not None:
        data["start"], data["end"] = span["start"], span["end"]
    for key, value in data.items():
        if isinstance(value, tuple):
            data[key] = list(value)
    return data


_ITEM_MAKERS: dict[type, object] = {}


def _top(value):
    """A top-level field's value as plain_finding_item gives it: a tuple (of any class) as a list."""
    cls = type(value)
    if cls in _ATOMS:
        return value
    if isinstance(value, tuple):
        return list(map(_plain, value))
    return _plain(value)


def _item_maker(cls: type):
    """A function equal to plain_finding_item for instances of the dataclass `cls`, made of one dict
    display over its fields (the export turns thousands of findings into dicts). The general
    path for other objects, and for a span that is not a SourceSpan."""
    from ..model.findings import SourceSpan

    if not is_dataclass(cls):
        return plain_finding_item
    names = tuple(f.name for f in fields(cls))
    if not all(n.isidentifier() and not n.startswith("_") for n in names) \
            or ("span" in names and ("start" in names or "end" in names)):
        return plain_finding_item
    items = []
    for n in names:
        if n != "span":
            items.append(f"{n!r}: (v if type(v := obj.{n}) is str or v is None else _top(v))")
    body = "{" + ", ".join(items)
    if "span" in names:
        # start and end last, as plain_finding_item adds them; a span that is None adds neither
        src = (f"def make(obj):\n"
               f"    sp = obj.span\n"
               f"    if sp is None:\n"
               f"        return {body}}}\n"
               f"    if type(sp) is not SourceSpan:\n"
               f"        return plain_finding_item(obj)\n"
               f"    return {body}, 'start': _plain(sp.start), 'end': _plain(sp.end)}}\n")
    else:
        src = f"def make(obj):\n    return {body}}}\n"
    env = {"_top": _top, "_plain": _plain, "plain_finding_item": plain_finding_item, "SourceSpan": SourceSpan}
    exec(src, env)
    return env["make"]


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_ATOMS = frozenset((str, int, float, bool, type(None)))


def _asdict(obj) -> dict:
    """dataclasses.asdict(obj), without its generic walk and deep copies (which made the export
    a tenth of a json build): the fields in order, values as `_plain` gives them."""
    cls = type(obj)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(obj))
    return {name: _plain(getattr(obj, name)) for name in names}


def _plain(value):
    """A field's value as asdict gives it: str, numbers and None as they are, containers and
    dataclasses converted inside, anything else deep-copied."""
    cls = type(value)
    if cls in _ATOMS:
        return value
    if cls is tuple or cls is list:
        return cls(_plain(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return _asdict(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple, as asdict rebuilds one
        return cls(*[_plain(v) for v in value])
    if isinstance(value, (list, tuple)):
        return cls(_plain(v) for v in value)
    if isinstance(value, dict):
        return cls((_plain(k), _plain(v)) for k, v in value.items())
    return copy.deepcopy(value)


def item_json(row: dict, indent: str = "") -> str:
    """``json.dumps(row, ensure_ascii=False, indent=1)`` with `indent` after every newline,
    written directly: json's indented encoder is pure Python, and a corpus has thousands of rows."""
    if not row:
        return json.dumps(row, ensure_ascii=False, indent=1).replace("\n", "\n" + indent)
    nl = "\n" + indent + " "
    keys = _KEY_JSON
    parts = []
    for k, v in row.items():
        kj = keys.get(k)
        if kj is None:
            if type(k) is not str:
                return json.dumps(row, ensure_ascii=False, indent=1).replace("\n", "\n" + indent)
            kj = keys[k] = encode_basestring(k) + ": "
        if type(v) is str:
            parts.append(kj + encode_basestring(v))
        elif v is None:
            parts.append(kj + "null")
        else:
            parts.append(kj + _value_json(v, nl))
    return "{" + nl + ("," + nl).join(parts) + "\n" + indent + "}"


_KEY_JSON: dict[str, str] = {}
"""A key's JSON and the ': ' after it, by key (str keys only)."""


_INFINITIES = (float("inf"), float("-inf"))


def _value_json(value, nl: str) -> str:
    """One value of `item_json`, its nested lines starting with `nl`."""
    cls = type(value)
    if cls is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if cls is bool:
        return "true" if value else "false"
    if cls is int:
        return int.__repr__(value)
    if cls is float and value == value and value not in _INFINITIES:
        return float.__repr__(value)
    if cls is list or cls is tuple:
        if not value:
            return "[]"
        inner = nl + " "
        return "[" + inner + ("," + inner).join(_value_json(v, inner) for v in value) + nl + "]"
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", nl)


def csv_rows(buf: io.StringIO, fields: list[str], rows: Sequence[dict]) -> None:
    """Write `rows` as csv.DictWriter(buf, fields, extrasaction="ignore").writerow would, lists
    joined with '; ', without building a dict per row."""
    writer = csv.writer(buf)
    for row in rows:
        writer.writerow(["; ".join(map(str, v)) if isinstance(v, list) else v
                         for v in (row.get(k, "") for k in fields)])


# ---------------------------------------------------------------- streamed export
class StreamExport:
    """findings.json and csv/<table>.csv, the only writer of them, built one document's items
    at a time and streamed to disk: each document's serialised items go to a scratch file per table
    (`spool`, e.g. output.Staging.spool) as they arrive, in any order, and `write` copies them into
    the output files in source order and `tables` order (build/steps.tables: the tables the steps
    find). Memory holds only where each part lies, so it stays flat however large the corpus."""

    def __init__(self, spool: Callable[[], BinaryIO], tables: Sequence[str], csv: bool = True):
        self.tables = tuple(tables)
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
