"""A figure in its text -> what it measures and whether it is a threshold.

`clause_span` bounds the words read; `find_measure` gives the measure label, `find_role`
``threshold`` or None. Whom the figure is about: subject.py.
"""
from __future__ import annotations

import re

from ..dates import sentence_span
from .builder import Draft
from .lexicon import FigureLexicon
from .noun_phrases import (PRONOUN, bracket_outcome, counted_noun_label, dimension_after, instance_of,
                           list_head, modified_noun, money_verb, noun_of_figure, of_complement, outcome_before,
                           outcome_noun_before,
                           participle_before, subject_of_verb)


_CLAUSE_BREAK = re.compile(r";|,\s(?:and|but|while|whereas|although|though)\s|\s(?:--|\u2013|\u2014)\s")


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence around [start, end) between semicolons, dashes and ', and'/', but'."""
    s0, s1 = sentence_span(text, start)
    s0, s1 = max(s0, start - 300), min(s1, end + 300)
    for m in _CLAUSE_BREAK.finditer(text, s0, start):
        s0 = m.end()
    m = _CLAUSE_BREAK.search(text, end, s1)
    if m:
        s1 = m.start()
    return max(s0, start - 300), min(s1, end + 300)   # a run-on "sentence" is read near the figure only


def find_measure(lx: FigureLexicon, text: str, cs: int, ce: int, f: Draft) -> tuple[str | None, int | None, str | None]:
    """(measure label, where its cue ends (for the subject search), the rule that gave it).

    The figure's own words first: the counted noun (and the verb of what happened to it), the
    noun the figure is the size of, the noun it is a share of, the noun it modifies, the
    subject of the verb that states it; only then the nearest measure cue in the clause."""
    if f.anaphoric:
        return f.count_measure, None, "stands-for-people" if f.count_measure else None
    if f.count_measure:
        if f.count_basis != "counted-noun" or f.count_measure[:1].isupper():
            before = outcome_noun_before(text, cs, f.start, f.count_measure) or outcome_before(
                text, cs, f.start, f.count_measure) or bracket_outcome(lx, text, cs, ce, f.start, f.end, f.count_measure) \
                if f.count_basis == "counted-noun" else None
            if before:
                return before, None, "counted-noun+outcome"     # "the deaths of over 1 million Ruritanians"
            if f.count_basis == "counted-noun":
                label, outcome = counted_noun_label(lx, text, f.end, ce, f.count_measure)
                if outcome:
                    return label, None, "counted-noun+outcome"  # "80,000 Valdorians have died"
            return f.count_measure, None, f.count_basis
        label, outcome = counted_noun_label(lx, text, f.end, ce, f.count_measure)
        if not outcome:
            before = outcome_before(text, cs, f.start, f.count_measure) \
                or bracket_outcome(lx, text, cs, ce, f.start, f.end, f.count_measure)
            if before:
                return before, None, "counted-noun+outcome"
            kept = next((w for w in text[f.start:f.end].lower().split() if w in lx.kept_modifiers), None)
            bare = label[len(kept) + 1:] if kept and label.startswith(kept + " ") else label
            inst = instance_of(lx, text, f.end, ce, bare)
            if inst:
                label = f"{kept} {inst}" if kept else inst     # "4,722 suspected cases of dengue fever"
        return label, None, "counted-noun+outcome" if outcome else "counted-noun"
    label = noun_of_figure(lx, text, cs, f.start)
    if label in lx.act_nouns_of_goods and f.unit in ("mass", "length", "area", "other"):
        # "the theft of 31 tonnes of gold": the weight is the gold's, the theft is what befell it
        goods = of_complement(lx, text, f.end, ce, False)
        if goods is not None and goods[0] != PRONOUN:
            return goods[0], None, "of-complement"
    if label:
        return label, None, "noun-of-figure"
    oc = of_complement(lx, text, f.end, ce, f.unit == "currency")
    if oc is not None and oc[0] != PRONOUN:
        if f.unit in ("percent", "fraction") and oc[0] in _SPENDING_MEASURES:
            # "13 percent of government spending": a share of the spending, not a cost
            words = re.sub(r"^\s{0,3}of\s{1,3}(?:the\s{1,3})?", "", text[f.end:oc[1]])
            return "share of " + " ".join(words.split()).lower(), oc[1], "of-complement"
        if f.unit == "duration" and "duration" not in lx.measure_units.get(oc[0], ("duration",)):
            # "15 years of border talks": what lasted is the talks, not a border's length
            return " ".join(re.sub(r"^\s{0,3}of\s{1,3}", "", text[f.end:oc[1]]).split()).lower(), oc[1], "of-complement"
        return oc[0], oc[1], "of-complement"
    tail = text[f.end:ce]
    chunk_m = re.match(r"[^,.;:()\u201c\u201d\"]{0,90}", tail)
    chunk = chunk_m.group() if chunk_m else ""
    if oc is not None and re.match(r"\s{0,3}of\s", chunk, re.I):
        for label, _, e in _measure_cues(lx, chunk, 0, len(chunk)):
            return label, f.end + e, "of-phrase-cue"     # "per cent of those who cast ballots"
    if oc is None and f.unit not in ("count", "fraction"):
        label = modified_noun(lx, text, f.start, f.end, ce, f.unit == "currency")
        if label:
            return label, None, "modified-noun"
    if f.unit == "currency":
        label = money_verb(lx, text, cs, f.start)
        if label:
            per = _PER_UNIT.match(text, f.end)
            if label in _SPENDING_MEASURES and per:
                return f"price per {per.group(1).lower()}", None, "money-verb"   # "cost USD 40 per kilogram"
            return label, None, "money-verb"
    label = participle_before(lx, text, cs, f.start)
    if label:
        return label, None, "participle-before"
    dim = dimension_after(text, f.end) if f.unit in ("length", "area", "mass") else None
    if dim:
        # "rivers ... greater than 100 km in length" -> river length
        noun = subject_of_verb(lx, text, cs, f.start)
        return (f"{noun} {dim}" if noun and " " not in noun else dim), None, "dimension-after"
    label = subject_of_verb(lx, text, cs, f.start)
    if label in _SPENDING_MEASURES:
        unit_price = _UNIT_PRICE.search(text, cs, f.start)
        if unit_price:
            # "the price per kilogram was $72": a price of one unit, not a cost incurred
            return f"{unit_price.group(1).lower()} per {unit_price.group(2).lower()}", None, "subject-of-verb"
    if label:
        if f.unit == "percent" and "currency" in lx.measure_units.get(label, ()) and lx.change_words.search(text, cs, f.start):
            # "GDP rose from 2.5 per cent to 8.5 per cent": a change of the amount, not the amount
            label = f"{label} growth" if label == "gdp" else f"{label} change"
        return label, None, "subject-of-verb"
    best, best_d, best_end = None, None, None
    for label, ms, me in _measure_cues(lx, text, max(cs, f.start - 120), min(ce, f.end + 120)):
        if ms >= f.start and me <= f.end:
            continue
        if _in_name(text, cs, ms, me) or f.unit not in lx.measure_units.get(label, ()):
            continue
        d = f.start - me if me <= f.start else ms - f.end
        if d > 80:
            continue
        if best_d is None or d < best_d:
            best, best_d, best_end = label, d, me
    if best is None:
        label = list_head(lx, text, cs, f.start)
        if label:
            return label, None, "list-head"
    return best, best_end, "nearby-cue" if best else None


_SPENDING_MEASURES = frozenset(("cost",))
"""Measures of money spent: a share of them is a share, a price per unit a unit price."""
_PER_UNIT = re.compile(r"\s{1,2}per\s{1,2}([a-z]{2,20})(?![\w-])", re.I)
_UNIT_PRICE = re.compile(r"(?<![\w-])(price|cost)s?\s{1,2}per\s{1,2}([a-z]{2,20})(?![\w-])", re.I)


def _in_name(text: str, cs: int, ms: int, me: int) -> bool:
    """A cue word written as part of a capitalised name ("the Congressional Budget Office"):
    title case away from the start of its clause; acronyms ("GDP") are cues."""
    words = text[ms:me].split()
    if not any(w[:1].isupper() and not w.isupper() for w in words):
        return False
    before = text[cs:ms].strip(" \t\n\"'\u201c\u2018(")
    return bool(before)


_WORDS = re.compile(r"[A-Za-z][\w-]*")


def _measure_cues(lx: FigureLexicon, text: str, start: int, end: int):
    """(label, start, end) of measure cue phrases in text[start:end], longest first at each word."""
    words = [(m.group().lower(), m.start(), m.end()) for m in _WORDS.finditer(text, start, end)]
    i = 0
    while i < len(words):
        for n in range(min(lx.measure_n, len(words) - i), 0, -1):
            key = " ".join(w for w, _, _ in words[i:i + n])
            if key in lx.measure_of:
                yield lx.measure_of[key], words[i][1], words[i + n - 1][2]
                i += n - 1
                break
        i += 1


def find_role(lx: FigureLexicon, text: str, cs: int, ce: int, f: Draft, next_start: int | None) -> str | None:
    """``threshold`` when the figure is named as a threshold or target, or is the level of which
    the clause says it would count as a success ("anything above X would be a success")."""
    before = text[max(cs, f.start - 40):f.start]
    if lx.increment_before.search(before):
        return None  # "another 3,000 wells are required": an amount to add, not a level to reach
    if lx.threshold_before.search(before) or lx.threshold_need.search(text, max(cs, f.start - 80), f.start):
        return "threshold"          # ... "the parliament must have a majority of 95 votes": a level to reach
    if lx.threshold_open.search(text[max(cs, f.start - 30):f.start]):
        return "threshold"
    stop = ce if next_start is None else min(ce, next_start)
    after = text[f.end:stop]
    if lx.threshold_after.match(after):
        # "62 of the 131 sheets required": the requirement is the whole's, the part is what was done
        return None if f.of is not None else "threshold"
    mm = lx.threshold_modal.search(after[:90])
    if mm and lx.threshold_eval.search(after[mm.end():mm.end() + 60]):
        return "threshold"
    return None
