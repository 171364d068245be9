"""External check of the figure and date extractors against other projects' test specs.

    python bench/peer.py            # pass rate per file
    python bench/peer.py -v         # also list the failing cases

Figures: Microsoft Recognizers-Text (Number.PercentModel, Number.NumberRangeModel,
NumberWithUnit.CurrencyModel) and quantulum3's currency/percent cases, read from
/work/shared/peer (see the PROVENANCE.md files there), all run through
analysis.api.extract_figures. A case passes when every expected item is found with
the same numbers (1% tolerance, as in the findings scorer) and no extra item of that
kind is reported. Expected items that carry no number (a bare "percent" or "dollar")
cannot be compared and are dropped: the extractor reports numbers only.

Kinds: percent items (unit percent), currency items (unit currency), ranges (items
with low/high or a bound; an expected "[20,20]" is an exact value and may be found
in any item). Dates: Recognizers-Text DateTime.DateParser and DatePeriodParser,
items whose timex names a calendar date, month or year (relative expressions and
weekdays are out of scope), run through analysis.api.extract_dates with the case's
reference date; an item passes when a date starting within its span has the timex
value (a timex year XXXX takes the year of the reference date, as ours does).
No case is special-cased: failures are reported, not patched.
"""
from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.api import extract_dates, extract_figures  # noqa: E402

PEER = Path("/work/shared/peer")
RT = PEER / "recognizers-text" / "jsonl"
QU = PEER / "quantulum3" / "jsonl"
CURRENCY_UNITS = {"dollar", "euro", "pound sterling", "penny", "cent", "dime", "yen", "dollar per hour",
                  "dollar per kilogram", "pence"}


def close(a, b, rel=0.01) -> bool:
    if a is None or b is None:
        return False
    return a == b or math.isclose(float(a), float(b), rel_tol=rel, abs_tol=1e-9)


def numbers(item: dict) -> list[float]:
    nums = [item.get(k) for k in ("value", "low", "high", "of")]
    nums = [n for n in nums if isinstance(n, (int, float)) and not isinstance(n, bool)]
    if item.get("value") is not None and item.get("of"):
        nums.append(item["value"] / item["of"])
    return nums


def has(item: dict, x: float) -> bool:
    return any(close(x, n) for n in numbers(item))


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# ------------------------------------------------------------------ expectations
def _num(s):
    s = str(s).strip().rstrip("%")
    try:
        return float(s)
    except ValueError:
        return None


def rt_expect(case: dict, model: str) -> list[dict]:
    """Expected items as {'kind', 'value' | 'low','high' | 'bound'}."""
    out = []
    for e in case["expected"]:
        v = e.get("value")
        if v in (None, "null"):
            continue
        if model == "range":
            m = re.match(r"([\[(])([^,]*),([^\])]*)([\])])", str(v))
            if not m:
                continue
            lo, hi = _num(m.group(2)) if m.group(2) else None, _num(m.group(3)) if m.group(3) else None
            if lo is not None and hi is not None and lo == hi:
                out.append({"kind": "exact", "value": lo})
            elif lo is not None and hi is not None:
                out.append({"kind": "range", "low": lo, "high": hi})
            elif lo is not None:
                out.append({"kind": "range", "value": lo, "bound": "min"})
            elif hi is not None:
                out.append({"kind": "range", "value": hi, "bound": "max"})
        else:
            n = _num(v)
            if n is not None:
                out.append({"kind": model, "value": n})
    return out


def qu_expect(case: dict) -> list[dict]:
    out = []
    for e in case["expected"]:
        unit = e.get("unit", "")
        kind = "percent" if unit == "percentage" else "currency" if unit in CURRENCY_UNITS else None
        if kind is None:
            continue
        if e.get("uncertainty"):
            out.append({"kind": kind, "low": e["value"] - e["uncertainty"], "high": e["value"] + e["uncertainty"]})
        else:
            out.append({"kind": kind, "value": e["value"]})
    return out


def of_kind(pred: dict, kind: str) -> bool:
    if kind == "percent":
        return pred["unit"] == "percent"
    if kind == "currency":
        return pred["unit"] == "currency"
    if kind == "range":
        return pred["low"] is not None or pred["bound"] is not None
    return False


def found(exp: dict, preds: list[dict]) -> dict | None:
    for p in preds:
        if exp["kind"] in ("percent", "currency") and not of_kind(p, exp["kind"]):
            continue
        if "low" in exp:
            if has(p, exp["low"]) and has(p, exp["high"]):
                return p
        elif exp["kind"] == "range":
            if p["bound"] == exp["bound"] and has(p, exp["value"]):
                return p
        elif has(p, exp["value"]):
            return p
    return None


def judge(preds: list[dict], expected: list[dict], kinds: tuple[str, ...]) -> tuple[bool, str]:
    used = []
    for e in expected:
        p = found(e, [q for q in preds if id(q) not in used]) or found(e, preds)
        if p is None:
            return False, f"missing {e}"
        used.append(id(p))
    extra = [p for p in preds if any(of_kind(p, k) for k in kinds) and id(p) not in used]
    if extra:
        return False, "extra " + ", ".join(repr(p["text"]) for p in extra)
    return True, ""


# ------------------------------------------------------------------ runs
def run_figures(verbose: bool) -> dict[str, tuple[int, int]]:
    rates = {}
    suites = [("Number.PercentModel", "percent", ("percent",)),
              ("Number.NumberRangeModel", "range", ("range",)),
              ("NumberWithUnit.CurrencyModel", "currency", ("currency",))]
    for name, model, kinds in suites:
        ok = total = 0
        for case in load(RT / f"{name}.jsonl"):
            exp = rt_expect(case, model)
            preds = extract_figures(case["text"])
            good, why = judge(preds, exp, kinds)
            total += 1
            ok += good
            if verbose and not good:
                print(f"  FAIL {name}: {case['text'][:110]!r}: {why}")
        rates[name] = (ok, total)
    ok = total = 0
    for f in ("quantities.jsonl", "quantities.ambiguity.jsonl"):
        for case in load(QU / f):
            exp = qu_expect(case)
            if not exp:
                continue
            preds = extract_figures(case["text"])
            good, why = judge(preds, exp, ("percent", "currency"))
            total += 1
            ok += good
            if verbose and not good:
                print(f"  FAIL quantulum3: {case['text'][:110]!r}: {why}")
    for case in load(QU / "errors.jsonl"):
        extract_figures(case["text"])          # must not raise
        extract_dates(case["text"])
    rates["quantulum3 currency/percent"] = (ok, total)
    return rates


def _timex_date(timex: str, ref: str | None) -> str | None:
    m = re.fullmatch(r"(\d{4}|XXXX)(?:-(\d{2}))?(?:-(\d{2}))?", timex or "")
    if not m or (m.group(1) == "XXXX" and not m.group(2)):
        return None
    year = m.group(1)
    if year == "XXXX":
        if not ref:
            return None
        year = ref[:4]
    return "-".join(x for x in (year, m.group(2), m.group(3)) if x)


_ABSOLUTE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s{0,3}\d|\d\s{0,3}(?:st|nd|rd|th)?"
                       r"\s{0,3}(?:of\s)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:19|20)\d\d\b", re.I)
_RELATIVE = re.compile(r"\b(?:next|last|this|ago|tomorrow|yesterday|today|week|monday|tuesday|wednesday|thursday|"
                       r"friday|saturday|sunday|later|from now|tmrw)\b", re.I)


def run_dates(verbose: bool) -> dict[str, tuple[int, int]]:
    """All calendar-date items, and the subset written as absolute dates (a month name with a
    day or year, or a four-digit year; no weekday or relative word), the forms policy texts use."""
    rates = {}
    for name in ("DateTime.DateParser", "DateTime.DatePeriodParser"):
        ok = total = ok_abs = total_abs = 0
        for case in load(RT / f"{name}.jsonl"):
            ref = (case.get("reference_datetime") or "")[:10] or None
            for e in case["expected"]:
                want = _timex_date(e.get("timex") or "", ref)
                if want is None:
                    continue
                absolute = bool(_ABSOLUTE.search(e["surface"])) and not _RELATIVE.search(e["surface"])
                total += 1
                total_abs += absolute
                got = [d for d in extract_dates(case["text"], ref) if e["start"] <= d["start"] < e["end"]
                       or d["start"] <= e["start"] < d["end"]]
                if any(d["date"] == want for d in got):
                    ok += 1
                    ok_abs += absolute
                elif verbose:
                    print(f"  FAIL {name}: {case['text'][:90]!r} {e['surface']!r} want {want} got {[d['date'] for d in got]}")
        rates[name + " (calendar dates)"] = (ok, total)
        rates[name + " (absolute forms)"] = (ok_abs, total_abs)
    return rates


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    rates = run_figures(verbose)
    rates.update(run_dates(verbose))
    for name, (ok, total) in rates.items():
        print(f"{name:<45} {ok:>4}/{total:<4} {ok / total if total else 0:7.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
