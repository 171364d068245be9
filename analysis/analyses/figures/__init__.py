"""Running text -> figures: numbers with their unit, bounds and ranges, what they measure and of whom.

`find_figures(text)` reads one passage and returns `FigureMatch` records: cardinals in
digits ("1,563,741", "1.563.741", "2.5") and words ("twenty-five", "three hundred"),
percentages, ranges ("30-35 per cent", "between 20 and 30"), bounds ("more than",
"up to", "<"), approximations ("about", "an estimated"), fractions ("one-third",
"half of"), "N of M", money (symbols, codes, names, scale words, lakh/crore),
physical units, durations and counted nouns ("27 elected members").
What is not a figure stays out: footnote markers, phone numbers, postcodes,
document symbols, reference numbers ("Article 12", "the 1540 Committee"), years and
days in dates, times, ordinals, model names ("M-16", "G20"), anaphoric small
numbers ("the three envoys") and "one" as a pronoun.

`figures(doc)` runs it over a document's passages and returns model `Figure`s.
Field conventions are those of the findings export (../shared/eval/README.md):
percentages 0-100, scale words multiplied in, physical units as written.
Knowledge lives in lexicons/numbers.json, units.json, figures.json and
measures.json. Patterns are bounded (no nested unbounded repetition) and the
scan is left to right over number atoms, so any input is read in linear time; numbers
in digits are looked for only near digits, and not in runs of 1,000 characters without
a letter (dates.prose_layer).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...model.document import Document
from ...model.findings import Figure
from ...text.memo import TextMemo
from ..dates import apply_mask, prose_layer, sentence_span
from .builder import Draft, FigureBuilder
from .lexicon import figure_lexicon, gazetteer, is_plural, lemma
from .measure import clause_span, find_measure, find_role
from .numbers import number_atoms
from .qualifiers import Qualified, qualify
from .ranges import merge_bounds
from .subject import MARKUP, find_subject, organisation_like

__all__ = ["FigureMatch", "find_figures", "figures"]


@dataclass(frozen=True, slots=True)
class FigureMatch:
    """One figure found in a text; offsets index that text."""

    start: int
    end: int
    text: str
    """The words of the figure as written (``between 30-35 per cent``)."""
    value: float | None
    """The number; None for a range."""
    low: float | None
    high: float | None
    of: float | None
    """The whole in "seven of nine" (value 7, of 9)."""
    unit: str
    """percent, currency, count, fraction, length, mass, area, duration or other."""
    unit_name: str | None
    """ISO currency code, unit symbol (km, tonne, ha), duration word (months), or None."""
    approximate: bool
    bound: str | None
    """``min`` ("more than"), ``max`` ("up to") or None."""
    measure: str | None
    """What is measured: a cue-lexicon label (turnout, budget, gdp) or the counted noun's lemma."""
    subject: str | None
    """The region, agency or person the figure is about, where the clause names one."""
    role: str | None
    """``threshold`` when the sentence presents the figure as a target or a level called a success."""
    confidence: str = "low"
    """``high`` when the measure comes from the figure's own words (the noun it counts, the noun it
    is of, the subject that states it), ``medium`` from a cue nearby, ``low`` with no measure or
    an implausible value."""
    basis: tuple[str, ...] = ()
    """The rules that gave the measure (``counted-noun``, ``of-complement``, ...), then ``implausible``."""
    subject_opens: bool = False
    """The subject is the first words of its sentence, where a capital does not make a name."""
    subject_loose: bool = False
    """The subject is the nearest name before the figure, after a preposition or a comma (subject._loose)."""



# ================================================================== public
def find_figures(text: str) -> list[FigureMatch]:
    """Every figure in `text`, in order, with offsets into `text`."""
    return list(_find_memo(text))


def _find_figures(text: str) -> list[FigureMatch]:
    lx = figure_lexicon()
    masked, spans, scope = prose_layer(text)
    masked = apply_mask(masked, spans)
    atoms = number_atoms(lx, masked, scope.prose, scope.digits)
    b = FigureBuilder(lx, text, masked, atoms)
    figs: list[Draft] = []
    i, pos = 0, -1
    while i < len(atoms):
        if atoms[i].start < pos:
            i += 1
            continue
        f, nxt = b.build(i)
        if f is not None and f.start < pos:
            f = None  # its prefix (the "£" of "0£0") is the previous figure's suffix: one reading only
        if f is not None:
            figs.append(f)
            pos = f.end
            # skip every atom the figure took
            while nxt < len(atoms) and atoms[nxt].start < f.end:
                nxt += 1
        i = max(nxt, i + 1)
    figs = merge_bounds(lx, masked, figs)
    for f in figs:
        # a bare whole number ("more than 61,000", "between 20 and 30") counts something unnamed
        if f.unit == "other" and f.unit_name is None and all(
                v is None or float(v).is_integer() for v in (f.value, f.low, f.high)):
            f.unit = "count"
    figs = [f for f in figs if not _furniture(text, f)]
    out: list[FigureMatch] = []
    for k, f in enumerate(figs):
        cs, ce = clause_span(text, f.start, f.end)
        next_start = figs[k + 1].start if k + 1 < len(figs) else None
        measure, cue_end, rule = find_measure(lx, text, cs, ce, f)
        if (rule is None or rule == "nearby-cue") and out:
            inherited = _same_as_previous(text, out[-1], f)
            if inherited:
                measure, cue_end, rule = inherited
        subject, subject_opens, subject_loose = find_subject(text, cs, ce, f, cue_end, measure)
        q = qualify(lx, text, cs, ce, f, measure, rule, cue_end, out[-1] if out else None)
        measure, rule = q.measure, q.rule
        if rule == "counted-noun" and out and f.count_measure:
            part = _part_of_outcome(text, out[-1], f)
            if part:
                # the outcome it shares is what it counts ("killed 30 people, including 12 children")
                measure, rule, q = part, "counted-noun+outcome", Qualified(part, "counted-noun+outcome", q.threshold)
        value = f.value
        if value is not None and f.unit == "fraction":
            value = round(value, 4)
        basis = (rule,) if rule else ()
        confidence = "high" if rule in _OWN_WORDS else "medium" if rule else "low"
        if confidence == "high" and rule in ("subject-of-verb", "noun-of-figure") \
                and _RESPECTIVELY.search(text, *sentence_span(text, f.start)):
            # "incomes and wages climbed 29% and 25% respectively": which figure goes with which noun
            # is a pairing the rule does not read
            basis, confidence = basis + ("respectively",), "medium"
        if confidence == "high" and f.unit == "duration" and rule in ("noun-of-figure", "modified-noun"):
            # "an evaluation of 10 years of support", "within four years protected areas doubled": the
            # noun before "of" or after the duration is rarely what lasted (audit: 0 of 4 right)
            basis, confidence = basis + ("duration-noun",), "medium"
        if confidence == "high" and rule == "counted-noun" and _TYPE_BEFORE_BRACKET.search(text, max(0, f.start - 40), f.start) \
                and re.match(r"\s{0,2}\)", text[f.end:f.end + 3]):
            # "physical environment (5 incidents)": the count's type is the phrase before the bracket,
            # whose start the rule does not read
            basis, confidence = basis + ("count-in-brackets",), "medium"
        if q.unsure and confidence == "high":
            # a bare "decrease" or "limit" the clause does not say of what: not shown as certain
            basis, confidence = basis + ("measure-unexplained",), "medium"
        if _implausible(text, cs, ce, f, measure):
            basis, confidence = basis + ("implausible",), "low"
        elif lx.illustrative.search(text, *sentence_span(text, f.start)):
            basis, confidence = basis + ("illustrative",), "medium" if confidence == "high" else confidence
        out.append(FigureMatch(
            start=f.start, end=f.end, text=text[f.start:f.end], value=_clean(value), low=_clean(f.low),
            high=_clean(f.high), of=_clean(f.of), unit=f.unit, unit_name=f.unit_name,
            approximate=f.approximate, bound=f.bound, measure=measure, subject=subject,
            role="threshold" if q.threshold or _in_limit_terms(text, out, f) else find_role(lx, text, cs, ce, f, next_start),
            confidence=confidence, basis=basis,
            subject_opens=subject_opens, subject_loose=subject_loose))
    return _share_next_outcome(text, out)


_OF_ONLY = re.compile(r"\s{1,3}of\s{1,3}")


def _in_limit_terms(text: str, out: list[FigureMatch], f) -> bool:
    """'the maximum allowed stockpile of 300 kg of up to 3.67 per cent enriched fuel': a figure right
    after a threshold, joined by 'of', states the limit's own terms, not a level anyone reached."""
    return bool(out) and out[-1].role == "threshold" and _OF_ONLY.fullmatch(text, out[-1].end, f.start) is not None


def _share_next_outcome(text: str, out: list[FigureMatch]) -> list[FigureMatch]:
    """'Four peacekeepers and eight drivers were abducted': a plain count listed right before a
    count whose outcome the text gives ("and", "or") shares that outcome."""
    import dataclasses
    lx = figure_lexicon()
    for k in range(len(out) - 2, -1, -1):
        f, nxt = out[k], out[k + 1]
        if f.basis not in (("counted-noun",), _UNREAD_LATER) or "counted-noun+outcome" not in nxt.basis or not f.measure \
                or not nxt.measure \
                or not re.fullmatch(r"\s{1,3}(?:and|or)\s{1,3}", text[f.end:nxt.start]):
            continue
        if "{" in nxt.measure or " " not in nxt.measure:
            measure = nxt.measure if nxt.measure in ("deaths", "executions") else None
        else:
            last = nxt.text.split()[-1].lower()
            head = lemma(lx, last) if is_plural(lx, last) else last
            verb, _, noun = nxt.measure.partition(" ")
            measure = f"{verb} {f.measure}" if noun == head and " " not in f.measure else None
        if measure and f.basis == _UNREAD_LATER:
            # the verb further on that made it unsure is the outcome read here: the label now carries it
            out[k] = dataclasses.replace(f, measure=measure, basis=("counted-noun+outcome",), confidence="high")
        elif measure:
            out[k] = dataclasses.replace(f, measure=measure, basis=("counted-noun+outcome",) + f.basis[1:])
    return out


_UNREAD_LATER = ("counted-noun", "measure-unexplained")
_find_memo = TextMemo(lambda text: tuple(_find_figures(text)), 4_000_000)
"""A recurring passage (the unchanged paragraphs of another revision of a page) is read once."""


_TYPE_BEFORE_BRACKET = re.compile(r"(?<![\w'\u2019-])[a-z][a-z-]{2,}\s{1,2}\(\s{0,2}$")
"""A lower-case noun right before a bracket that holds a count alone ("checkpoints (14 incidents)")."""

_RESPECTIVELY = re.compile(r"(?<![\w-])respectively(?![\w-])", re.I)

_OWN_WORDS = frozenset(("counted-noun", "counted-noun+outcome", "copula-noun", "noun-of-figure", "of-complement",
                        "of-phrase-cue", "modified-noun", "participle-before", "subject-of-verb", "money-verb", "dimension-after",
                        "of-complement+predicate", "limit-of", "limit-compared", "change-of"))
"""Rules that read the measure from the figure's own words: high confidence."""

_PEOPLE_MEASURES = re.compile(r"^(?:casualties|deaths|displacement|population|turnout|executions)$|^(?:displaced|injured|"
                              r"arrested|detained|abducted|missing|evacuated|deported|expelled|killed) ")
_PHYSICAL = ("length", "mass", "area", "currency")
_GROWTH = re.compile(r"\b(?:increase[sd]?|rise|rose|risen|grow|grew|grown|growth|higher|more|up|jump(?:ed)?|surge[ds]?|"
                     r"soar(?:ed)?|climb(?:ed)?|doubl\w*|tripl\w*|times|gain(?:ed)?|inflation|over)\b", re.I)


def _implausible(text: str, cs: int, ce: int, f: Draft, measure: str | None) -> bool:
    """A value that cannot be what its measure says: a share above 100 per cent that is not a
    change, a count of people given in square metres or dollars. Reported, never compared."""
    if f.unit == "currency" and f.value is None and re.search(r"%|per\s?cent", text[f.start:f.end]):
        return True                      # "increased 25% to $1.4 billion": a change and a level read as one range
    if f.unit == "percent":
        top = max(v for v in (f.value, f.low, f.high, 0.0) if v is not None)
        if top > 100 and not _GROWTH.search(text[cs:ce]):
            return True
    return bool(measure and f.unit in _PHYSICAL and _PEOPLE_MEASURES.search(measure))


_SLASH = re.compile(r"\d{1,3}/\d{1,3}")
_CODE_RANGE = re.compile(r"(\d{1,3})[-\u2013](\d{4,})")
_LANGUAGE_TAG = re.compile(r"\([A-Z]\)")


def _furniture(text: str, f: Draft) -> bool:
    """Page numbers ("2/16") and document job numbers ("25-13088 (E)") that PDF conversion leaves
    on a line of their own, at a passage's end or opening the next page's words; a title-case
    headline's leading number ("11 Cats Who Are ..."). Lines are read near the figure only, so a
    long passage costs no more per figure."""
    s = text.rfind("\n", max(0, f.start - 120), f.start)
    e = text.find("\n", f.end, f.end + 120)
    rest = text[f.end:e if e >= 0 else f.end + 120]
    line_end = e >= 0 or f.end + 120 >= len(text)
    line = text[s + 1 if s >= 0 else max(0, f.start - 120):e if e >= 0 else f.end + 120]
    bare_line = (s >= 0 or f.start <= 120) and line_end and not any(c.isalpha() for c in _LANGUAGE_TAG.sub("", line))
    if f.unit in ("fraction", "count", "other") and bare_line and "/" in line \
            or f.unit in ("count", "other") and f.value is None and _CODE_RANGE.fullmatch(text[f.start:f.end]):
        return True
    ends_passage = line_end and not rest.strip()
    if ends_passage and re.search(r"\d\s" + _SLASH.pattern + "$", text[f.start:f.end]):
        return True                      # "more than 312 2/3": a page number glued to the passage's last number
    if f.unit == "fraction" and _SLASH.fullmatch(text[f.start:f.end]) and (
            ends_passage or not text[sentence_span(text, f.start)[0]:f.start].strip()):
        return True                      # "3/5 remains unaccounted for.", "... of the 4/15": a page number
    if f.unit == "count" and f.count_measure and f.count_measure[:1].isupper():
        after = re.match(r"\s{1,3}([A-Z][a-z]+)\s{1,3}([A-Z][a-z]+)", text[f.end:f.end + 40])
        if after and after.group(1).lower() in _lex_function_words():
            return True
    return False


def _lex_function_words() -> frozenset:
    return frozenset(figure_lexicon().function_words)


def _same_as_previous(text: str, prev: FigureMatch, f: Draft) -> tuple[str, None, str] | None:
    """The previous figure's measure, when it came from that figure's own words, for a figure
    in brackets right after it (a conversion, "€90,000 (US$98,000)"; a share, "1,150 seats
    (75 per cent)") or next in a list of the same unit ("12 per cent for field staff,
    3 per cent for volunteers"); never across a bracket that closes a list of its own."""
    if not prev.measure or not set(prev.basis) & (_OWN_WORDS | _INHERITED) or f.count_measure:
        return None
    gap = text[prev.end:f.start]
    measure = prev.measure
    if "of-complement+predicate" in prev.basis:
        # "35% of the firms will be owned by women and 60% by young people": the share, not its predicate
        measure = measure.split(" that ", 1)[0]
    if re.fullmatch(r"\s{0,2}\(\s{0,2}(?:or\s{1,2}|about\s{1,2}|some\s{1,2})?", gap) and "implausible" not in prev.basis:
        return measure, None, "in-brackets"
    if prev.unit != f.unit or prev.unit_name != f.unit_name:
        return None
    if len(gap) > 100 or re.search(r"[.;:!?()]", gap):
        return None
    if any(w in figure_lexicon().outcome_all for w in re.findall(r"[a-z]+", gap)):
        return None                      # "martyred 1,100 civilians ... and injured over 5,700 others": another outcome
    return measure, None, "same-as-previous"


_PART_GAP = re.compile(r"\s{0,2}(?:,\s{0,2})?(?:(?:and|or)\s{1,3}|(?:including|among\s{1,3}them|of\s{1,3}whom)\s{1,3})"
                       r"(?:(?:at\s{1,3}least|about|some|nearly|over)\s{1,3})?")


def _part_of_outcome(text: str, prev: FigureMatch, f: Draft) -> str | None:
    """'martyred 400 civilians, including 52 women and 30 children': a count that is part of (or
    listed with) a count whose outcome the text gives shares that outcome."""
    if "counted-noun+outcome" not in prev.basis or not prev.measure or not _PART_GAP.fullmatch(text, prev.end, f.start):
        return None
    if "{" in prev.measure or " " not in prev.measure:
        return prev.measure if prev.measure in ("deaths", "executions") else None
    lx = figure_lexicon()
    last = prev.text.split()[-1].lower()
    head = lemma(lx, last) if is_plural(lx, last) else last
    verb, _, noun = prev.measure.partition(" ")
    return f"{verb} {f.count_measure}" if noun == head else None


_INHERITED = frozenset(("same-as-previous", "in-brackets", "list-head"))


def _clean(v: float | None) -> float | None:
    if v is None:
        return None
    r = round(v, 6)
    return float(int(r)) if r == int(r) and abs(r) < 1e18 else r


def _row_header(passage) -> str | None:
    """A table row's header cell, the figure's subject when its own words name none; not a speaker
    turn's label, nor markup a reader left in a header (a wiki infobox's "latm=25 |latNS=N")."""
    context = getattr(passage, "context", None)
    if getattr(passage, "role", None) != "table-row" or not context or MARKUP.search(context):
        return None
    return context


_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z-]*(?![\w'\u2019])")


def _lower_case_words(passages) -> frozenset[str]:
    """Every word the document writes in lower case somewhere: the common words."""
    return frozenset(w for p in passages for w in _WORD.findall(p.text))


_MID_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][a-z][\w'\u2019-]*")


def _mid_sentence_capitals(passages) -> frozenset[str]:
    """Every word the document writes with a capital in the middle of a sentence: the names."""
    return frozenset(w for p in passages for w in _MID_CAPITAL.findall(p.text))


def _common_words(subject: str, lower: frozenset[str], mid: frozenset[str]) -> bool:
    """A subject of at most three words, each of which the document also writes in lower case
    ("Draft", "Interviews", "Shelter Cluster"), or one title-case word the document never
    capitalises but where a sentence opens ("Planning for ..."), and no actor the gazetteer
    knows: a sentence's first word or a heading's topic, not a name. Connectors ("of", "and")
    are not counted."""
    words = [w for w in subject.split() if w not in figure_lexicon().subject_connectors]
    if not words or len(words) > 3:
        return False
    if not all(w.lower().strip("'\u2019") in lower for w in words) and not (
            len(words) == 1 and words[0][1:].islower() and words[0] not in mid):
        return False
    return not gazetteer().canonical(subject)


def figures(doc: Document) -> tuple[Figure, ...]:
    """Every figure in the document's passages (doc.passages()), ids ``<doc id>-f<n>`` in reading order."""
    out: list[Figure] = []
    passages = doc.passages()
    words: tuple[frozenset[str], frozenset[str]] | None = None
    for p in passages:
        for m in find_figures(p.text):
            s0, s1 = sentence_span(p.text, m.start)
            subject = m.subject or _row_header(p)
            if subject and (m.subject_opens or not m.subject):
                if words is None:
                    words = _lower_case_words(passages), _mid_sentence_capitals(passages)
                if _common_words(subject, *words):
                    subject = None
            confidence, basis = m.confidence, m.basis
            if subject and subject == m.subject and m.subject_loose and confidence == "high" \
                    and not ("counted-noun+outcome" in basis and not organisation_like(subject)):
                # the nearest name before the figure, after a preposition or a comma: often a place,
                # an owner or another clause's actor, not whom the figure is about (see subject._loose);
                # for the dead, wounded, displaced or arrested the place named is where it happened (audit:
                # 4 of 4 right); a body named there is not (whose police guided those who arrested)
                confidence, basis = "medium", basis + ("subject-nearest-name",)
            out.append(Figure(
                id=f"{doc.id}-f{len(out) + 1}", doc=doc.id, anchor=p.anchor, text=m.text, value=m.value,
                low=m.low, high=m.high, of=m.of, unit=m.unit, unit_name=m.unit_name, measure=m.measure,
                subject=subject, approximate=m.approximate, bound=m.bound, start=m.start, end=m.end,
                sentence=p.text[s0:s1], role=m.role, confidence=confidence, basis=basis))
    return tuple(out)
