"""Wikitext as saved: page chrome (titles, diff columns, banners) stripped and broken nesting repaired."""
from __future__ import annotations

import re


from analysis.readers.common import DocBuilder, plain


# ---------------------------------------------------------------- page chrome

_TITLE_CHROME = (
    re.compile(r"^(.+?)\s*:\s*Difference between revisions$", re.I),
    re.compile(r"^(.+?)\s+[-–—]\s+Wikipedia$"),
    re.compile(r"^(?:Editing|Viewing old revision of|View source for|Old revision of)\s+(.+?)"
               r"(?:\s+\(section\))?$"),
)
# Proxy/translation banners such as "[go: up, home]", in whatever language, above the page.
_BANNER = re.compile(r"^\[[^\[\]/=|{}<>]{1,60}:[^\[\]/=|{}<>]{1,60}\]$")
_LINE_MARKER = re.compile(r"^(?:(?:Line|Zeile|Ligne|Línea|Linha|Riga|Regel|Rad|Linia|Řádek|Satır|Строка|Рядок)"
                          r"\s*\d[\d,.]*\s*:\s*){1,2}$", re.I)
_HEAD_CHROME = re.compile(
    r"^(?:Content deleted\s*Content added|Content deleted|Content added"
    r"|\(?\d+ intermediate revisions? by .* not shown\)?|(?:Latest )?revision as of .*"
    r"|.*\(talk \| contribs\).*|(?:[←→(]\s*)?(?:Previous|Older|Next|Newer) (?:edit|revision)\b.{0,80}"
    r"|From Wikipedia, the free encyclopedia|Jump to (?:navigation|search)"
    r"|This is an old revision of this page.*|Tags?: .*|\((?:edit|undo|thank|view source)\).*"
    r"|Revision history of .*)$", re.I)
_TAIL_CHROME = re.compile(r"^(?:Retrieved from .*|(?:Hidden )?categories: .*"
                          r"|This page was last edited on .*)$", re.I)
_DIFF_SIGN = re.compile(r"Difference between revisions|^Content deleted", re.I | re.M)


def _undouble(line: str) -> str:
    """A diff shows unchanged lines in both columns: keep one copy of `A A` / `AA` / `A<tab>A`."""
    s = line.strip()
    n = len(s)
    if n < 16:
        return line
    for gap in range(0, 5):
        half, odd = divmod(n - gap, 2)
        if odd or half < 8:
            continue
        if (gap == 0 or s[half:half + gap].isspace()) and s[:half] == s[half + gap:]:
            if any(c.isalpha() for c in s[:half]):
                return s[:half]
    return line


def _diff_columns(line: str) -> str:
    """Tab-separated diff columns: drop deleted (−) cells, unmark added (+) ones, keep one copy."""
    cells = []
    for cell in line.split("\t"):
        cell = cell.strip()
        if not cell or cell in "−+-":
            continue
        if cell.startswith("−"):
            continue
        cells.append(cell[1:].strip() if cell.startswith("+") else cell)
    if not cells:
        return ""
    return cells[-1]


def _title_in(line: str) -> str | None:
    match = next((m for m in (p.match(line) for p in _TITLE_CHROME) if m), None)
    return plain(match.group(1)) if match else None


def _head(lines: list[str], diff: bool) -> tuple[str | None, int]:
    """Title from the page header and the index of the first line after the header."""
    title, seen = None, 0
    if diff:  # everything above the first "Line N:" of a diff is page chrome
        marker = next((i for i, l in enumerate(lines[:80]) if _LINE_MARKER.match(l.strip())), None)
        if marker is not None:
            return next((t for t in map(_title_in, (l.strip() for l in lines[:marker])) if t), None), marker + 1
    skip_summary = False
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen <= 3 and _BANNER.match(line):
            continue
        if title is None and _title_in(line):
            title = _title_in(line)
        elif _HEAD_CHROME.match(line):
            if line.lower().startswith("content"):
                skip_summary = any(_LINE_MARKER.match(l.strip()) for l in lines[i + 1:i + 6])
        elif _LINE_MARKER.match(line):
            skip_summary = False
        elif not (skip_summary or line.startswith(("→", "←"))):  # edit summaries start with a section arrow
            return title, i
    return title, len(lines)


def strip_chrome(text: str, doc: DocBuilder) -> tuple[str | None, str]:
    """Remove what the browser captured around the wikitext; return (title from chrome, wikitext)."""
    lines = text.split("\n")
    diff = bool(_DIFF_SIGN.search(text[:5000])) or any(_LINE_MARKER.match(l.strip()) for l in lines[:80])
    title, start = _head(lines, diff)
    out: list[str] = []
    deleted = False  # a lone "−" marks the next line as deleted text
    for raw in lines[start:]:
        if diff:
            if deleted and raw.strip():
                deleted = False
                continue
            deleted = raw.strip() == "−"
            raw = _diff_line(raw)
            if raw is None:
                continue
        if not _TAIL_CHROME.match(raw.strip()):
            out.append(raw)
    return title, "\n".join(out)


def _diff_line(raw: str) -> str | None:
    """One line of a diff capture as wikitext, or None for diff furniture and deleted text."""
    if "\t" in raw:
        raw = _diff_columns(raw)
    line = raw.strip()
    if _LINE_MARKER.match(line) or "(talk | contribs)" in line or line.startswith("−") or line == "+":
        return None
    if line.startswith("+") and not line.startswith("+|"):
        raw = line[1:]
    return _undouble(raw)


# ---------------------------------------------------------------- repairing nesting

_MAX_TEMPLATE_DEPTH = 30
HEADING = re.compile(r"^(={1,6})\s*(.+?)\s*\1\s*$")
_TOKENS = re.compile(r"\{\{|\}\}|\[\[|\]\]|<ref\b[^>]*?/\s*>|<ref\b[^>]*>|</ref\s*>|\n", re.I)
_CLOSERS = {"}}": "{{", "]]": "[[", "</ref>": "<ref"}
_PARAMETERS_GO_ON = re.compile(r"(?:[ \t]*\n){1,3}[ \t]*(?:\||\}\})")
"""After a blank line (up to three), a template's next parameter or its end: bounded, so no quadratic scan."""


def _scan(text: str) -> tuple[list[int], list[tuple[int, int]], list[str]]:
    """Newlines outside any template/link/ref, and spans to delete for broken or too-deep nesting."""
    stack: list[tuple[str, int, int]] = []  # (kind, start, end of opening token)
    splits: list[int] = []
    cuts: list[tuple[int, int]] = []
    problems: list[str] = []
    deep_root: int | None = None

    def abandon(kind: str, start: int, tok_end: int, until: int) -> None:
        if kind == "{{":
            line_end = text.find("\n", start)
            until = min(until, len(text) if line_end < 0 else line_end)
            cuts.append((start, until))  # an unclosed template: drop the rest of its line
            problems.append("an unclosed template was dropped")
        else:
            cuts.append((start, tok_end))  # an unclosed link or ref: drop only the opener
            problems.append("an unclosed link was dropped" if kind == "[[" else "an unclosed <ref> was dropped")

    for m in _TOKENS.finditer(text):
        tok = m.group()
        if tok == "\n":
            end = text.find("\n", m.end())
            following = text[m.end():len(text) if end < 0 else end].strip()
            # Links never span lines; nothing sane spans a blank line or a heading, except a template
            # whose parameters go on after it (an infobox's groups are set apart by blank lines).
            while stack and (stack[-1][0] == "[[" or HEADING.match(following) or not following and not (
                    stack[-1][0] == "{{" and _PARAMETERS_GO_ON.match(text, m.end()))):
                kind, start, tok_end = stack.pop()
                abandon(kind, start, tok_end, m.start())
                if start == deep_root:
                    deep_root = None
            if not stack:
                splits.append(m.start())
            continue
        low = tok.lower()
        if tok in ("{{", "[["):
            stack.append((tok, m.start(), m.end()))
            if tok == "{{" and deep_root is None and sum(k == "{{" for k, _, _ in stack) > _MAX_TEMPLATE_DEPTH:
                deep_root = next(s for k, s, _ in stack if k == "{{")
        elif low.startswith("<ref") and low.endswith("/>"):
            continue
        elif low.startswith("<ref"):
            stack.append(("<ref", m.start(), m.end()))
        else:
            want = _CLOSERS["</ref>" if low.startswith("</ref") else tok]
            idx = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == want), None)
            if idx is None:
                cuts.append((m.start(), m.end()))
                problems.append(f"a stray {tok!r} was dropped")
                continue
            for kind, start, tok_end in stack[idx + 1:]:
                abandon(kind, start, tok_end, m.start())
            kind, start, _ = stack[idx]
            del stack[idx:]
            if start == deep_root:
                cuts.append((start, m.end()))
                problems.append(f"templates nested deeper than {_MAX_TEMPLATE_DEPTH} levels were dropped")
                deep_root = None
    for kind, start, tok_end in stack:
        abandon(kind, start, tok_end, len(text))
    return splits, cuts, problems


def _apply_cuts(text: str, cuts: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for start, end in sorted(cuts):
        if end <= pos:
            continue
        out.append(text[pos:max(pos, start)])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def logical_lines(text: str, doc: DocBuilder) -> list[str]:
    """Split into lines, keeping multi-line templates and refs whole; repair what does not nest."""
    for _ in range(4):
        splits, cuts, problems = _scan(text)
        if not cuts:
            break
        for problem in dict.fromkeys(problems):
            doc.warn(f"{doc.source.path}: {problem} (malformed wikitext)")
        text = _apply_cuts(text, cuts)
    bounds = [-1, *splits, len(text)]
    return [text[a + 1:b] for a, b in zip(bounds, bounds[1:])]


def remove_comments(text: str, doc: DocBuilder) -> str:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    if "<!--" in text:
        doc.warn(f"{doc.source.path}: an unclosed comment <!-- was dropped to the end of its line")
        text = re.sub(r"<!--[^\n]*", "", text)
    return text
