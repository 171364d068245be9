"""Figure drafts in reading order -> the same with "more than 10 and less than 20" joined into one range."""
from __future__ import annotations

import re

from .builder import Draft
from .lexicon import FigureLexicon


def merge_bounds(lx: FigureLexicon, t: str, figs: list[Draft]) -> list[Draft]:
    """'more than 10 and less than 20' -> one range; 'more than 40 and less than 10' stays two."""
    out: list[Draft] = []
    i = 0
    while i < len(figs):
        f = figs[i]
        if i + 1 < len(figs):
            g = figs[i + 1]
            gap = t[f.end:g.start]
            if (f.bound and g.bound and f.bound != g.bound and f.value is not None and g.value is not None
                    and re.fullmatch(r"\s{0,3}(?:,\s{0,3})?(?:(?:and|but)\s{1,3})?|\s{0,3},\s{0,3}", gap)
                    and (f.unit == g.unit or "other" in (f.unit, g.unit))):
                lo, hi = (f.value, g.value) if f.bound == "min" else (g.value, f.value)
                if lo < hi:
                    unit = f.unit if f.unit != "other" else g.unit
                    name = f.unit_name or g.unit_name
                    m = Draft(f.start, g.end, None, low=lo, high=hi, unit=unit, unit_name=name,
                             approximate=f.approximate or g.approximate,
                             count_measure=f.count_measure or g.count_measure, num_end=g.num_end, cue=True)
                    out.append(m)
                    i += 2
                    continue
        out.append(f)
        i += 1
    return out
