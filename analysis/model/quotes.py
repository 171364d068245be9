"""Words to be set inside quotation marks -> the same words with balanced marks: the marks
that already wrap them, or that open or close a quotation outside them, are dropped, and
marks inside become single marks, so a quotation is never doubled ("“…”") nor left open.
"""
from __future__ import annotations

import re

_PAIRS = {"\u201c": "\u201d", '"': '"', "\u201e": "\u201d", "\u00ab": "\u00bb"}
_DOUBLE_OPEN = "\u201c\u201e\u00ab"
_DOUBLE_CLOSE = "\u201d\u00bb"
_REPEATED = re.compile(r"([\u201c\u201d\"])\1+")


def _balanced_double(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch in _DOUBLE_OPEN:
            depth += 1
        elif ch in _DOUBLE_CLOSE:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and text.count('"') % 2 == 0


def balanced(text: str, wrapped: bool = True) -> str:
    """`text` ready to be set in (double) quotation marks; `wrapped=False` for a block
    quotation, which adds no marks: only unmatched marks are dropped."""
    out = _REPEATED.sub(r"\1", text.strip())
    changed = True
    while changed and out:
        changed = False
        head, tail = out[0], out[-1]
        inner = out[1:-1]
        # wrapped whole: “words” -> words (the setting adds the marks again)
        if wrapped and head in _PAIRS and tail == _PAIRS[head] and len(out) > 1 and _balanced_double(inner):
            out, changed = inner.strip(), True
            continue
        # a quotation that closes after the words began, or opens and runs past their end
        if head in _DOUBLE_OPEN + '"' and not _balanced_double(out) and _balanced_double(out[1:]):
            out, changed = out[1:].strip(), True
            continue
        if tail in _DOUBLE_CLOSE + '"' and not _balanced_double(out) and _balanced_double(out[:-1]):
            out, changed = out[:-1].strip(), True
            continue
        if tail in ".,;:!?" and len(out) > 1 and out[-2] in _DOUBLE_CLOSE + '"' and not _balanced_double(out) \
                and _balanced_double(out[:-2] + tail):
            out, changed = (out[:-2] + tail).strip(), True
    if not _balanced_double(out):
        # marks the words leave unmatched inside: drop them rather than leave a quotation open
        out = re.sub(r"[\u201c\u201d\u201e\u00ab\u00bb\"]", "", out)
    if not wrapped:
        return out
    # marks inside a quotation are single marks
    out = out.replace("\u201c", "\u2018").replace("\u201d", "\u2019").replace("\u201e", "\u2018")
    out = re.sub(r'"([^"]*)"', "\u2018\\1\u2019", out)
    return out
