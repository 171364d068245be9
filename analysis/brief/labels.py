"""Words and numbers as the brief prints them: document letters, titles, figure values, dates, plurals."""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

from ..model.document import Document
from ..model.findings import Figure

STANCE_WORDS = {"support": "supports", "oppose": "opposes", "neutral": "neutral", "mixed": "mixed"}
STANCE_VERBS = {"support": ("supports it", "support it"), "oppose": ("opposes it", "oppose it"),
                "mixed": ("takes a mixed position", "take mixed positions"),
                "neutral": ("stays neutral", "stay neutral")}
"""How a stance on a policy reads after its actors (one, several)."""
RECORDED_AS = {"support": "supporting it", "oppose": "opposing it", "mixed": "taking a mixed position",
               "neutral": "as neutral"}
STANCE_ORDER = {"support": 0, "oppose": 1, "mixed": 2, "neutral": 3}
RELATION_TITLES = {"analogy": "Analogies: one case is like another",
                   "denial": "Denials: one case is not like another",
                   "warning": "Warnings: one case may become like another"}
UNIT_LABELS = {"percent": "per cent", "currency": "", "count": "number", "fraction": "fraction",
               "length": "", "mass": "", "area": "", "duration": "", "other": ""}
_PREFIXES = ("self", "non", "co", "anti", "pre", "post", "inter", "intra", "multi")


def letter(i: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


def humanise(ident: str) -> str:
    """``territorial-integrity`` -> ``Territorial integrity``; ``self-determination`` keeps its hyphen."""
    words = re.split(r"[-_\s]+", ident.strip())
    out = []
    for i, w in enumerate(words):
        if i + 1 < len(words) and w.lower() in _PREFIXES:
            words[i + 1] = f"{w}-{words[i + 1]}"
            continue
        out.append(w)
    text = " ".join(out)
    return text[:1].upper() + text[1:] if text else ident


def short_title(doc: Document, limit: int = 44) -> str:
    title = " ".join((doc.title or PurePath(doc.path).stem or doc.id).split())
    if len(title) > limit:
        for sep in (": ", " – ", " — ", " - ", " | "):
            head = title.split(sep)[0]
            if 12 <= len(head) <= limit:
                return head
        cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ")
        return (cut or title[:limit]) + "…"
    return title


def fmt_num(v: float) -> str:
    if float(v).is_integer():
        return f"{int(v):,}"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def figure_value(f: Figure) -> str:
    """A figure's normalised value: ``15–20 %``, ``≥ 50 %``, ``USD 3,200,000``."""
    name = f.unit_name or ""
    if f.unit == "percent":
        pre, post = "", " %"
    elif f.unit == "currency":
        pre, post = (f"{name} " if name else ""), ""
    else:
        pre, post = "", (f" {name}" if name else "")
    if f.low is not None and f.high is not None:
        body = f"{fmt_num(f.low)}–{fmt_num(f.high)}"
    elif f.value is not None:
        body = fmt_num(f.value)
    else:
        return ""
    sign = {"min": "≥ ", "max": "≤ "}.get(f.bound or "", "")
    if f.approximate and not sign:
        sign = "≈ "
    text = f"{sign}{pre}{body}{post}"
    if f.of is not None:
        text += f" of {fmt_num(f.of)}"
    return text


def date_label(date: str, end: str | None = None) -> str:
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

    def one(d: str) -> str:
        parts = d.split("-")
        try:
            if len(parts) >= 3:
                return f"{int(parts[2])}\u00a0{months[int(parts[1]) - 1]}\u00a0{parts[0]}"
            if len(parts) == 2:
                return f"{months[int(parts[1]) - 1]}\u00a0{parts[0]}"
        except (ValueError, IndexError):
            return d
        return parts[0]

    return one(date) + (f" – {one(end)}" if end and end != date else "")


def join_list(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def measure_key(measure: str | None) -> str:
    return " ".join((measure or "").lower().replace("-", " ").split())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"
