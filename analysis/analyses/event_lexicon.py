"""lexicons/events.json (and the month and number words of dates.json, numbers.json) -> the compiled
cue words and patterns event_cues reads (and the word splitting both use): verbs and nouns of happening, and the openers of mentions
and doubts ("as of", "until", "since", "expected", "annex 3:")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import lexicon


@dataclass(frozen=True, slots=True)
class Cues:
    event_verbs: frozenset
    verb_bases: frozenset
    non_finite_before: frozenset
    irregular_past: frozenset
    future: re.Pattern
    modal: re.Pattern
    stative: frozenset
    not_past: frozenset
    participle_only: frozenset
    auxiliaries: frozenset
    determiners: frozenset
    reporting: frozenset
    event_nouns: frozenset
    name_nouns: frozenset
    citation: tuple[str, ...]
    before_today: frozenset
    analogy: re.Pattern
    status: re.Pattern
    purpose: re.Pattern
    clause_breaks: tuple[str, ...]
    birth: re.Pattern
    span_end: re.Pattern
    span_start: re.Pattern
    recommendation: re.Pattern
    conditional: re.Pattern
    measure_verbs: frozenset
    name_connectors: frozenset
    count_words: re.Pattern
    reporting_period: re.Pattern
    coverage_verbs: frozenset
    deadline: re.Pattern
    span_start_after: re.Pattern
    treaty_done: re.Pattern
    expectation: re.Pattern
    status_inside: re.Pattern
    month_before: re.Pattern
    annex_title: re.Pattern
    aspect: frozenset
    completion: frozenset
    relative: re.Pattern
    fronted: re.Pattern
    anchor: re.Pattern
    present: frozenset
    subject_pronouns: frozenset
    demonstratives: frozenset
    attitude_verbs: frozenset
    attitude_subjects: frozenset
    attitude_infinitive_heads: frozenset
    fronted_preposition: re.Pattern
    effect_verbs: frozenset
    span_end_in_day: re.Pattern


WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased, with a typographic apostrophe made plain."""
    return [w.lower().replace("\u2019", "'") for w in WORD.findall(text)]


def lower_words(clause: str, capitals: bool) -> list[str]:
    """The words of `clause`, lower-cased; without the capitalised ones after the first (names:
    "United States", "the Security Council") unless `capitals`."""
    found = WORD.findall(clause)
    # a name stays as a placeholder: "the Council approved" is a verb after a name, not after "the"
    return [w.lower().replace("\u2019", "'") if capitals or i == 0 or not w[0].isupper() else "#"
            for i, w in enumerate(found)]


def is_past(word: str, cues: Cues) -> bool:
    """A past form: listed as irregular, or a regular "-ed" that is not a known non-verb ("united")."""
    if word in cues.irregular_past:
        return True
    return len(word) >= 5 and word.endswith("ed") and word not in cues.not_past


def _forms(base: str) -> set[str]:
    """A verb's base, third-person and past forms (regular spelling; irregular pasts are listed apart)."""
    out = {base}
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        out |= {base[:-1] + "ies", base[:-1] + "ied"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        out |= {base + "es", base + "ed"}
    else:
        out.add(base + "s")
        out.add(base + "d" if base.endswith("e") else base + "ed")
    return out


def _phrases(words) -> str:
    return r"(?<![\w-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                                       sorted(words, key=len, reverse=True)) + r")(?![\w-])"


@lru_cache(maxsize=1)
def compiled_cues() -> Cues:
    lx = lexicon("events")
    verbs: set[str] = set()
    for v in lx["event_verbs"]:
        if " " not in v:
            verbs |= _forms(v)
    return Cues(
        event_verbs=frozenset(verbs),
        verb_bases=frozenset(v for v in lx["event_verbs"] if " " not in v),
        non_finite_before=frozenset(lx["non_finite_before"]),
        irregular_past=frozenset(lx["irregular_past"]),
        future=re.compile(_phrases(lx["future_markers"]), re.I),
        modal=re.compile(_phrases(lx["modal_markers"]), re.I),
        stative=frozenset(lx["stative_verbs"]),
        not_past=frozenset(lx["not_past_verbs"]),
        participle_only=frozenset(lx["participle_only"]),
        auxiliaries=frozenset(lx["auxiliaries"]),
        determiners=frozenset(lx["determiners"]),
        reporting=frozenset(f for v in lx["reporting_verbs"] for f in _forms(v)) | frozenset(lx["reporting_past_forms"]),
        event_nouns=frozenset(lx["event_nouns"]),
        name_nouns=frozenset(lx["name_document_nouns"]),
        citation=tuple(lx["citation_markers"]),
        before_today=frozenset(lx["mention_before_today"]),
        analogy=re.compile(_phrases(lx["analogy_openers"]), re.I),
        status=re.compile(r"(?:^|[,;:(]\s{0,3})" + _phrases(lx["status_openers"]) + _edge(lx["span_edge_words"]), re.I),
        treaty_done=re.compile(_phrases(lx["treaty_done_markers"]) + r"\s[^.;]{0,60}$", re.I),
        expectation=re.compile(_phrases(lx["expectation_words"]), re.I),
        aspect=frozenset(lx["aspect_before_infinitive"]),
        completion=frozenset(lx["completion_verbs"]),
        relative=re.compile(_phrases(lx["relative_pronouns"]), re.I),
        fronted=re.compile(r"^\W{0,3}" + _phrases(lx["fronted_subordinators"]), re.I),
        # "more than ten years after the uprising of": the date anchors a span
        anchor=re.compile(_phrases(lx["anchor_units"]) + r"\s{1,3}(?:after|since|before)(?![\w-])", re.I),
        present=frozenset(lx["present_verbs"]),
        subject_pronouns=frozenset(lx["subject_pronouns"]),
        demonstratives=frozenset(lx["demonstrative_pronouns"]),
        attitude_verbs=frozenset(f for v in lx["attitude_verbs"] if " " not in v for f in _forms(v)),
        attitude_subjects=frozenset(lx["attitude_subjects"]),
        attitude_infinitive_heads=frozenset(lx["attitude_infinitive_heads"]),
        fronted_preposition=re.compile(r"^\W{0,3}" + _phrases(lx["fronted_prepositions"]), re.I),
        # past forms only: "a contribution", "the lead" are nouns
        effect_verbs=frozenset(f for v in lx["effect_verbs"] for f in _forms(v) if f.endswith("ed"))
        | frozenset(lx["effect_irregular_past"]),
        annex_title=re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in lx["annex_title_markers"])
                               + r")\s{1,3}(?:[IVXLC]{1,6}|\d{1,3}|[A-Z])\s{0,2}[:.\u2013\u2014-]\s", re.I),
        status_inside=re.compile(_phrases(lx["status_openers"]) + _edge(lx["span_edge_words"]), re.I),
        month_before=re.compile(r"(?<![\w-])(?:" + "|".join(sorted(lexicon("dates")["months"], key=len, reverse=True))
                                + r")\.?\s{0,3}(?:" + "|".join(re.escape(w) for w in lx["period_month_joins"])
                                + r")\s{0,3}$", re.I),
        purpose=re.compile(_phrases(lx["year_purpose_prepositions"]) + r"\s{1,3}$", re.I),
        clause_breaks=tuple(lx["clause_breaks"]),
        birth=re.compile(r"\(\s{0,2}(?:" + "|".join(re.escape(w) for w in lx["birth_words"]) + r")?\s{0,2}$", re.I),
        # "until the morning of 30 July": a span that ends on that day, told from its start
        span_end_in_day=re.compile(_phrases(lx["span_end_openers"]) + _edge(lx["day_part_edges"]), re.I),
        span_end=re.compile(_phrases(lx["span_end_openers"]) + _edge(lx["span_edge_words"]), re.I),
        span_start=re.compile(_phrases(lx["span_start_openers"]) + _edge(lx["span_edge_words"]), re.I),
        recommendation=re.compile(_phrases(lx["recommendation_phrases"]), re.I),
        conditional=re.compile(_phrases(lx["conditional_words"]), re.I),
        # past forms only: "a decline in democracy", "the total" are nouns
        measure_verbs=frozenset(f for v in lx["measure_verbs"] for f in _forms(v) if f.endswith("ed"))
        | frozenset(lx["measure_verbs_irregular_past"]),
        name_connectors=frozenset(lx["long_name_connectors"]),
        count_words=re.compile(_phrases([w for w, v in lexicon("numbers")["units"].items() if v >= 2]
                                        + list(lexicon("numbers")["tens"]) + ["dozens", "hundreds", "thousands"])
                               + r"\s{1,2}[a-z]", re.I),
        coverage_verbs=frozenset(f for v in lx["coverage_verbs"] for f in _forms(v)) | {"covering", "spanning"},
        deadline=re.compile(_phrases(lx["deadline_openers"]) + r"\s{1,3}$", re.I),
        span_start_after=re.compile(r"\s{0,3}" + _phrases(lx["span_start_after"]), re.I),
        reporting_period=re.compile(_phrases(lx["reporting_period_openers"])
                                    + r"\s{1,3}(?:(?:from|of|between)\s{1,3})?$", re.I),
    )


def _edge(words) -> str:
    """What may stand between "until"/"since" and the date: "until early 2024", "since the end of May"."""
    return r"\s{1,3}(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")?\s{0,3}$"
