"""The export's fast paths write exactly what the plain serialisation writes: the per-class item
makers equal the general path, item_json equals json.dumps, csv_rows equals csv.DictWriter."""
from __future__ import annotations

import json
import random
from dataclasses import dataclass

from analysis.build import export
from analysis_helpers import odd_findings
from analysis.model.findings import SourceSpan


def test_finding_item_matches_the_general_path():
    for obj in odd_findings():
        fast = export.finding_item(obj)
        plain = export.plain_finding_item(obj)
        assert fast == plain and list(fast) == list(plain)
        assert [type(v) for v in fast.values()] == [type(v) for v in plain.values()]


@dataclass(frozen=True)
class _Odd:
    span: object
    start: int = 0


def test_finding_item_odd_classes_take_the_general_path():
    obj = _Odd(span=SourceSpan("a", 1, 2, "q"), start=5)
    assert export.finding_item(obj) == export.plain_finding_item(obj)


def test_item_json_matches_json_dumps():
    rows = [export.finding_item(x) for x in odd_findings()]
    rows.append({"a": [1, [2, "x"], None, True, 1.5], "b": {"c": 1}, "d": [], "e": float("nan")})
    rows.append({})
    for row in rows:
        for indent in ("", "  "):
            assert export.item_json(row, indent) == json.dumps(row, ensure_ascii=False, indent=1).replace(
                "\n", "\n" + indent)


class _Str(str):
    def __str__(self) -> str:
        return "other"


def test_csv_rows_match_the_csv_writer():
    import csv
    import io

    rnd = random.Random(5)
    pieces = ["a", "b c", ",", '"', "\n", "\r", "\r\n", " ", "'", ";", "\u00e9", "\t", "x\x00y"]
    values = [None, "", 0, 1.5, float("nan"), 10 ** 20, True, -0.0, _Str("s,"), 1e-7]

    def value():
        r = rnd.random()
        if r < 0.3:
            return rnd.choice(values)
        if r < 0.45:
            return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 3))) for _ in range(rnd.randint(0, 3))]
        return "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))

    for n in range(300):
        fields = [f"f{i}" for i in range(rnd.randint(1, 4))]
        rows = [{k: value() for k in fields if rnd.random() < 0.9} for _ in range(rnd.randint(1, 5))]
        want = io.StringIO()
        writer = csv.DictWriter(want, fieldnames=fields, extrasaction="ignore")
        for row in rows:
            writer.writerow({k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()})
        got = io.StringIO()
        export.csv_rows(got, fields, rows)
        assert got.getvalue() == want.getvalue(), rows
