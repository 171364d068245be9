"""Verdict files (tests/audit/*.jsonl, one hand-judged finding a line) in, precision per kind and per
brief out (right / misleading / wrong; precision = right / all), and the error classes per kind.

    python tests/audit/precision.py                      # every verdict file in tests/audit/
    python tests/audit/precision.py tests/audit/seeds-2026-12-07.jsonl --classes
    python tests/audit/precision.py --high-only          # only findings that were confidence "high"
    python tests/audit/precision.py --reasons            # every misleading/wrong verdict, grouped by class
    python tests/audit/precision.py --weight seeds=OUT/findings.json   # + precision weighted by kind sizes

A verdict line: {"brief", "id", "kind", "confidence", "commit", "summary", "verdict", "reason"}; the
reason starts with its error class ("wrong actor: counterpart ..."), the words before the first colon.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ("statements", "positions", "tensions", "precedents", "figures", "events")
VERDICTS = ("right", "misleading", "wrong")
FIELDS = ("brief", "id", "kind", "summary", "verdict", "reason")
MAX_QUOTE_WORDS = 12
"""Corpus texts are copyrighted: a summary quotes at most this many words of a source."""


def problems(path: Path) -> list[str]:
    """Why a verdict file is not well-formed (empty when it is)."""
    out, seen = [], set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(f"{where}: not JSON ({exc.msg})")
            continue
        missing = [k for k in FIELDS if not isinstance(row.get(k), str) or not row[k].strip()]
        if missing:
            out.append(f"{where}: missing or empty {', '.join(missing)}")
            continue
        if row["kind"] not in KINDS:
            out.append(f"{where}: kind {row['kind']!r} is not one of {KINDS}")
        if row["verdict"] not in VERDICTS:
            out.append(f"{where}: verdict {row['verdict']!r} is not one of {VERDICTS}")
        if (row["brief"], row["id"]) in seen:
            out.append(f"{where}: {row['id']} judged twice")
        seen.add((row["brief"], row["id"]))
        for quote in re.findall(r'"([^"]*)"', row["summary"]):
            if len(quote.split()) > MAX_QUOTE_WORDS:
                out.append(f"{where}: summary quotes {len(quote.split())} words (at most {MAX_QUOTE_WORDS})")
        if "\n" in row["reason"] or len(row["reason"]) > 240:
            out.append(f"{where}: reason is not one short line")
    return out


def load(paths: list[Path], high_only: bool = False) -> list[dict]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if not high_only or row.get("confidence", "high") == "high":
                    rows.append(row)
    return rows


def error_class(reason: str) -> str:
    return reason.split(":", 1)[0].strip().lower()


def table(rows: list[dict]) -> str:
    """Precision per brief and kind, and all briefs together."""
    cells = defaultdict(Counter)
    for r in rows:
        for brief in (r["brief"], "ALL"):
            for kind in (r["kind"], "all kinds"):
                cells[(brief, kind)][r["verdict"]] += 1
    briefs = sorted({r["brief"] for r in rows}) + ["ALL"]
    lines = [f"{'brief':<10} {'kind':<11} {'n':>4} {'right':>6} {'mislead':>8} {'wrong':>6} {'precision':>10}"]
    for brief in briefs:
        for kind in (*KINDS, "all kinds"):
            c = cells.get((brief, kind))
            if not c:
                continue
            n = sum(c.values())
            lines.append(f"{brief:<10} {kind:<11} {n:>4} {c['right']:>6} {c['misleading']:>8} {c['wrong']:>6} "
                         f"{c['right'] / n:>10.2f}")
        lines.append("")
    return "\n".join(lines)


def classes(rows: list[dict]) -> str:
    """Error classes (misleading and wrong) counted per kind, most frequent first."""
    per = defaultdict(Counter)
    for r in rows:
        if r["verdict"] != "right":
            per[r["kind"]][(error_class(r["reason"]), r["verdict"])] += 1
    lines = []
    for kind in KINDS:
        for (cls, verdict), n in sorted(per[kind].items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"{kind:<11} {n:>3}  {verdict:<10} {cls}")
    return "\n".join(lines)


def reasons(rows: list[dict]) -> str:
    """Every misleading or wrong verdict, grouped by kind and error class: the work list for fixers."""
    lines = []
    for kind in KINDS:
        picked = sorted((r for r in rows if r["kind"] == kind and r["verdict"] != "right"),
                        key=lambda r: (error_class(r["reason"]), r["brief"], r["id"]))
        for r in picked:
            lines.append(f"{kind:<11} {error_class(r['reason']):<28} {r['brief']:<7} {r['id']:<10} "
                         f"{r['verdict']:<10} {r['reason'].split(':', 1)[-1].strip()}")
    return "\n".join(lines)


def weighted(rows: list[dict], brief: str, findings_path: str, high_only: bool = False) -> str:
    """The stratified sample re-weighted by how many findings of each kind the brief has: an estimate of
    the precision of the brief as a whole (the per-kind shares of the sample are equal by design). With
    high_only, the kinds are weighed by their high-confidence findings, the ones the brief's body shows."""
    data = json.loads(Path(findings_path).read_text(encoding="utf-8"))
    total = right = 0.0
    for kind in KINDS:
        judged = [r for r in rows if r["brief"] == brief and r["kind"] == kind]
        size = sum(1 for f in data.get(kind, []) if not high_only or f.get("confidence", "high") == "high")
        if judged and size:
            total += size
            right += size * sum(r["verdict"] == "right" for r in judged) / len(judged)
    which = "high-confidence findings" if high_only else "findings"
    return f"{brief}: precision weighted by kind sizes {right / total:.2f} over {int(total)} {which}" if total \
        else f"{brief}: nothing to weigh"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--classes", action="store_true", help="also count the error classes per kind")
    ap.add_argument("--high-only", action="store_true", help='only findings that were confidence "high"')
    ap.add_argument("--reasons", action="store_true", help="list every misleading/wrong verdict by class")
    ap.add_argument("--weight", action="append", default=[], metavar="BRIEF=FINDINGS_JSON",
                    help="also print the brief's precision weighted by its kind sizes "
                         "(with --high-only: by its high-confidence findings of each kind)")
    args = ap.parse_args(argv)
    paths = args.files or sorted(HERE.glob("*.jsonl"))
    if not paths:
        print("no verdict files", file=sys.stderr)
        return 1
    bad = [p for path in paths for p in problems(path)]
    if bad:
        print("\n".join(bad), file=sys.stderr)
        return 1
    rows = load(paths, args.high_only)
    print(table(rows))
    if args.classes:
        print(classes(rows))
    if args.reasons:
        print(reasons(rows))
    for item in args.weight:
        brief, _, path = item.partition("=")
        print(weighted(rows, brief, path, args.high_only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
