"""A findings.json (and the report.toml it came from) in, a seeded stratified sample out: each finding
beside its source passage, for a human to judge, and optionally a verdict-file skeleton to fill in.

    python tests/audit/sample.py OUT/findings.json --config report.toml --brief seeds -n 60 --seed 1
    ... --high-only              # only findings with confidence "high" (the ones the brief body shows)
    ... --template FILE.jsonl    # also write one skeleton verdict line per sampled finding
    ... --exclude tests/audit/seeds-*.jsonl   # leave out findings already judged (a fresh sample)
    ... --exclude-by summary     # judged = same one-line summary (ids renumbered by later code), not same id

The sample is drawn per kind (statements, positions, tensions, precedents, figures, events): each kind
gets an equal share of N, a kind with fewer findings gives all it has and its unused share goes to the
others. The same findings.json, N and seed always give the same sample.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import textwrap
from pathlib import Path

KINDS = ("statements", "positions", "tensions", "precedents", "figures", "events")
WINDOW = 700
"""Characters of passage shown either side of the finding in a long block (converted PDFs)."""


def allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    """Equal shares of n per kind, capped by what each kind has; leftovers go round the kinds that have more."""
    share = {k: 0 for k in sizes}
    left = min(n, sum(sizes.values()))
    while left:
        open_kinds = [k for k in sizes if share[k] < sizes[k]]
        for k in open_kinds:
            if not left:
                break
            share[k] += 1
            left -= 1
    return share


def draw(findings: dict, n: int, seed: int, high_only: bool = False, kinds=KINDS,
         exclude: frozenset = frozenset(), exclude_summaries: frozenset = frozenset()) -> list[tuple[str, dict]]:
    """(kind, finding) pairs: a seeded random sample, stratified by kind, in kind then id order; ids in
    `exclude` (already judged) are never drawn, nor findings whose summary() is in `exclude_summaries`
    (the same finding judged under another id)."""
    pools = {}
    for kind in kinds:
        items = [f for f in findings.get(kind, []) if (not high_only or f.get("confidence", "high") == "high")
                 and f.get("id") not in exclude and same_finding_key(summary(kind, f)) not in exclude_summaries]
        pools[kind] = sorted(items, key=lambda f: _id_key(f.get("id", "")))
    share = allocate({k: len(v) for k, v in pools.items()}, n)
    rng = random.Random(seed)
    out = []
    for kind in kinds:
        picked = rng.sample(pools[kind], share[kind]) if share[kind] else []
        out += [(kind, f) for f in sorted(picked, key=lambda f: _id_key(f.get("id", "")))]
    return out


def same_finding_key(line: str) -> str:
    """A summary without the evidence ids a position lists (renumbered along with everything else)."""
    import re
    return re.sub(r" \(evidence [^)]*\)$", "", line)


def _id_key(fid: str):
    """d12-s3 sorts after d2-s10: numbers compare as numbers."""
    import re
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", fid)]


def _words(s: str | None, n: int = 8) -> str:
    w = (s or "").split()
    return " ".join(w[:n]) + (" ..." if len(w) > n else "")


def summary(kind: str, f: dict) -> str:
    """A one-line description of the finding for a verdict file: ids, labels and a short quote only."""
    if kind == "statements":
        return (f"{f.get('actor')} / {f.get('speaker')} [{f.get('kind')}] "
                f"q={f.get('question')} stance={f.get('stance')}: \"{_words(f.get('text'), 6)}\"")
    if kind == "positions":
        return f"{f.get('actor')} {f.get('stance')} on {f.get('question')} (evidence {','.join(f.get('evidence', [])[:3])})"
    if kind == "tensions":
        return f"{f.get('actor')} vs {f.get('principle')}: \"{_words(f.get('text'), 6)}\""
    if kind == "precedents":
        return (f"{f.get('claimant')} ({f.get('actor')}): {f.get('subject')} {f.get('relation')} "
                f"{f.get('precedent')}")
    if kind == "figures":
        number = f.get("value") if f.get("value") is not None else f"{f.get('low')}-{f.get('high')}"
        return (f"\"{_words(f.get('text'), 6)}\" = {number} {f.get('unit')}/{f.get('unit_name')} "
                f"measure={f.get('measure')} subject={f.get('subject')}")
    if kind == "events":
        return f"{f.get('date')}: \"{_words(f.get('text'), 6)}\""
    return f.get("id", "")


def _documents(config_path: str) -> dict[str, object]:
    """doc id -> Document, read with the project's own readers (run from the checkout root)."""
    from analysis import config as config_mod
    from analysis.build.run import read_document

    config = config_mod.load(config_path)
    docs = {}
    for i in range(len(config.sources)):
        document = read_document(config, i)
        docs[document.id] = document
    return docs


def passages(document) -> dict[str, tuple[str, str | None]]:
    """anchor -> (text, section) for every block and footnote of a document."""
    out = {b.anchor: (b.text, b.section) for b in document.blocks}
    out.update({n.anchor: (n.text, None) for n in document.footnotes})
    return out


def excerpt(text: str, f: dict) -> str:
    """The passage, cut to a window round the finding when the block is long; the finding's words in >>> <<<."""
    start, end = f.get("start"), f.get("end")
    needle = f.get("text") or f.get("quote") or ""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)
            and (not needle or needle in text[max(0, start - len(needle)):end + len(needle)])):
        at = text.find(needle[:80]) if needle else -1
        start, end = (at, at + len(needle)) if at >= 0 else (0, 0)
    marked = text[:start] + ">>>" + text[start:end] + "<<<" + text[end:]
    if len(marked) <= 2 * WINDOW + 200:
        return marked
    lo, hi = max(0, start - WINDOW), min(len(marked), end + 6 + WINDOW)
    return ("... " if lo else "") + marked[lo:hi] + (" ..." if hi < len(marked) else "")


def show(kind: str, f: dict, docs: dict, meta: dict) -> str:
    lines = [f"=== {f.get('id')}  [{kind}]  confidence={f.get('confidence')} basis={f.get('basis')}",
             f"    {summary(kind, f)}"]
    fields = {k: v for k, v in f.items() if k not in ("id", "confidence", "basis", "start", "end", "key")}
    lines.append("    " + json.dumps(fields, ensure_ascii=False)[:900])
    document = docs.get(f.get("doc"))
    m = meta.get(f.get("doc"), {})
    lines.append(f"    doc {f.get('doc')}: {m.get('path')} (date {m.get('date')})")
    if document is None:
        lines.append("    (source not read: pass --config)")
        return "\n".join(lines)
    table = passages(document)
    anchor = f.get("anchor")
    if anchor in table:
        anchors = list(table)
        i = anchors.index(anchor)
        if i > 0:
            prev = table[anchors[i - 1]][0]
            lines.append(f"    before ({anchors[i - 1]}): " + (prev if len(prev) < 400 else "... " + prev[-400:]))
        text, section = table[anchor]
        lines.append(f"    passage {anchor} (section: {section}):")
        lines += textwrap.wrap(excerpt(text, f), 110, initial_indent="      ", subsequent_indent="      ")
    else:
        lines.append(f"    anchor {anchor} not found in the document")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("findings")
    ap.add_argument("--config", help="the report.toml the findings were built from (to show passages)")
    ap.add_argument("--brief", default="brief", help="the brief's name in verdict lines (seeds, dev, corpus)")
    ap.add_argument("-n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--high-only", action="store_true", help='only findings with confidence "high"')
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--template", help="write skeleton verdict lines (JSONL) for the sample here")
    ap.add_argument("--commit", default="", help="the code version the findings came from (recorded in the template)")
    ap.add_argument("--exclude", nargs="*", default=[], help="verdict files whose findings are not drawn again")
    ap.add_argument("--exclude-by", choices=("id", "summary"), default="id",
                    help="what makes a finding already judged: its id (default), or its one-line summary (for "
                         "findings whose ids later code renumbered; a new finding under a judged id is drawn)")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for path in args.exclude
            for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    judged = frozenset(r["id"] for r in rows) if args.exclude_by == "id" else frozenset()
    judged_summaries = frozenset(same_finding_key(r["summary"]) for r in rows) if args.exclude_by == "summary" \
        else frozenset()
    data = json.loads(Path(args.findings).read_text(encoding="utf-8"))
    meta = {d["id"]: d for d in data.get("documents", [])}
    sample = draw(data, args.n, args.seed, args.high_only, tuple(args.kinds.split(",")), judged, judged_summaries)
    docs = _documents(args.config) if args.config else {}
    for kind, f in sample:
        print(show(kind, f, docs, meta))
        print()
    counts = {k: sum(1 for kk, _ in sample if kk == k) for k in KINDS}
    print(f"# {len(sample)} findings sampled (seed {args.seed}): {counts}", file=sys.stderr)
    if args.template:
        with open(args.template, "w", encoding="utf-8") as out:
            for kind, f in sample:
                out.write(json.dumps({"brief": args.brief, "id": f.get("id"), "kind": kind,
                                      "confidence": f.get("confidence", "high"), "commit": args.commit,
                                      "summary": summary(kind, f), "verdict": "", "reason": ""},
                                     ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
