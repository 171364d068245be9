"""A figure's measure label and its clause -> the label with what the words around it add.

`qualify` returns a `Qualified`: the rate the figure is given at ("420 patients a day" ->
patients per day, "the monthly cash supply" -> monthly cash supply), what a share's noun is
said to do ("70 per cent of the pages are in ..." -> share of pages that are in ...), what a
change is of ("a 30 per cent increase in enrolment"), and a limit the text names ("the 2.5 per
cent enrichment limit": a threshold of enrichment). `unsure` is set when the label stays a bare
word the sentence does not explain (a "decrease" of nothing named), or leaves out what the
clause says makes the number what it is (a share's holder or predicate, a change, a rate or
ratio, custody, a margin, a rank, a year read as a count, what is said of a generic people
noun after it, the group a "including N women" belongs to, the other items of a list, another
group of people joined by "and" (people_groups), a state the noun "remained" in, goods "looted"
after their "of", a second "per"): such a figure is not shown as certain. Knowledge:
lexicons/measures.json (rate_periods, rate_adjectives, share_predicate_*, limit_nouns,
generic_people_nouns, demographic_nouns, remained_states, goods_loss_verbs).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..dates import lexicon, sentence_span
from .builder import Draft
from .lexicon import FigureLexicon, figure_lexicon, is_plural, lemma
from .people_groups import breakdown_opened, names_people, paired_people_after


@dataclass(frozen=True, slots=True)
class Qualified:
    measure: str | None
    rule: str | None
    threshold: bool = False
    unsure: bool = False


@dataclass(frozen=True, slots=True)
class _Lex:
    periods: dict
    predicate_verbs: frozenset
    predicate_max: int
    limit_nouns: frozenset
    change_nouns: frozenset
    dets: frozenset
    preps: frozenset
    rate: re.Pattern
    limit_after: re.Pattern
    occasions: frozenset
    auxiliaries: frozenset
    instances: frozenset
    generic_people: frozenset
    people: frozenset
    rate_adjective: re.Pattern
    whole_nouns: re.Pattern
    demographic: frozenset
    dimensions: frozenset
    outcome_later: re.Pattern
    goods_lost: re.Pattern
    remained: re.Pattern


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    ms = lexicon("measures")
    periods = ms["rate_periods"]
    spans = "|".join(sorted((p for p in periods if not p.endswith("ly")), key=len, reverse=True))
    adverbs = "|".join(sorted((p for p in periods if p.endswith("ly")), key=len, reverse=True))
    # the rate right after the figure or its "of" phrase ("1,200 tons of cement daily"), never a
    # span that dates it ("420 patients a day after the siege began")
    rate = re.compile(r"(?:\s{0,2}\([^()]{1,40}\))?(?:\s{1,3}of\s{1,3}(?:[a-z][\w-]{0,30}\s{1,3}){0,2}[a-z][\w-]{0,30})?"
                      r"(?:\s{1,3}(?:a|an|per|each|every)\s{1,2}(?P<span>" + spans + r")|\s{1,3}(?P<adv>" + adverbs
                      + r"))(?![\w-])(?!\s{1,3}(?:after|before|later|earlier|ago|since|into|of|from|when|until|or)(?![\w-]))",
                      re.I)
    limits = "|".join(sorted(ms["limit_nouns"], key=len, reverse=True))
    limit_after = re.compile(r"\s{1,2}(?:(?P<mod>[a-z][a-z-]{2,30})\s{1,2})?(?P<lim>" + limits + r")(?![\w-])")
    change = frozenset(("increase", "decrease", "rise", "fall", "drop", "decline", "reduction", "cut", "gain", "loss",
                        "jump", "surge"))
    return _Lex(periods, frozenset(ms["share_predicate_verbs"]), int(ms["share_predicate_max_words"]),
                frozenset(ms["limit_nouns"]), change, frozenset(ms["determiners"]), frozenset(ms["prepositions"]),
                rate, limit_after, frozenset(ms["occasion_nouns"]),
                frozenset(("are", "were", "is", "was", "had", "have", "has", "will", "would", "could", "can", "may",
                           "might", "must", "shall", "should", "did", "do", "does", "be", "been", "not")),
                frozenset(ms["instance_nouns"]), frozenset(ms["generic_people_nouns"]),
                frozenset(ms["generic_people_nouns"]) | frozenset(ms["people_nouns"]),
                re.compile(r"(?<![\w-])(" + "|".join(ms["rate_adjectives"]) + r")\s{1,2}((?:[a-z][\w-]*\s{1,2}){0,2}[a-z][\w-]*)",
                           re.I),
                re.compile(r"(?<![\w-])(?:" + "|".join(ms["percent_whole_nouns"]) + r")(?![\w-])", re.I),
                frozenset(ms["demographic_nouns"]), frozenset(ms["dimension_nouns"]),
                re.compile(r"\s(?:were|was|have\s{1,3}been|has\s{1,3}been|had\s{1,3}been)\s{1,3}(?:(?:also|then|later|"
                           r"subsequently|reportedly|all|allegedly)\s{1,3})?(?:" + "|".join(
                               v for v in ms["outcome_verbs"] if v.endswith("ed") and v not in ("lived", "resided"))
                           + r")(?![\w-])"),
                re.compile(r"\s{1,3}(?:were|was|had\s{1,3}been|have\s{1,3}been|has\s{1,3}been)\s{1,3}(?:[a-z]{3,20}ly\s{1,3})?(?:"
                           + "|".join(ms["goods_loss_verbs"]) + r")(?![\w-])"),
                re.compile(r"\s{1,3}(?:(?:that|which|who)\s{1,3})?(?:remained|remain|remains|stayed|stay|stays)\s{1,3}"
                           r"(?:[a-z]{3,20}ly\s{1,3}|still\s{1,3})?(?:" + "|".join(ms["remained_states"]) + r")(?![\w-])"))


_NOT_MODIFIER = frozenset(("would", "could", "will", "may", "might", "should", "must", "can", "to", "not", "and", "or",
                           "the", "a", "an", "that", "which", "was", "is", "were", "are", "be", "been", "no"))
_COMPARED = re.compile(r"(?<![\w-])(?:than|above|below|exceed\w*|beyond|over|under|within|surpass\w*|breach\w*)(?![\w-])",
                       re.I)
_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")


def qualify(lx: FigureLexicon, text: str, cs: int, ce: int, f: Draft, measure: str | None, rule: str | None,
            cue_end: int | None, prev) -> Qualified:
    """The measure with its rate, share predicate, change complement or limit, as the text gives them.
    `prev` is the previous figure of the passage (a FigureMatch) or None."""
    q = _limit(lx, text, cs, f, measure, rule, prev) or _change(lx, text, ce, f, measure, rule) \
        or _share(lx, text, ce, f, measure, rule, cue_end) or _occasion(text, cs, f, measure, rule) \
        or _unread_outcome(text, cs, ce, f, measure, rule) or _relative_change(text, cs, f, measure, rule) \
        or _breakdown(lx, text, f, measure, rule) or _misread(text, cs, ce, f, measure, rule) \
        or _part_of_group(text, f, measure, rule, prev) or _first_of_list(text, f, measure, rule, cue_end) \
        or _goods_lost(text, ce, f, measure, rule, cue_end) \
        or Qualified(measure, rule)
    if q.measure and not q.threshold:
        rated = _rate(lx, text, ce, f, q.measure, q.rule) or _rate_before(lx, text, cs, f, q.measure)
        if rated:
            return Qualified(rated, q.rule, q.threshold, q.unsure or _second_rate(text, ce, f))
    return q


def _rate_before(lx, text, cs, f, measure) -> str | None:
    """'the monthly cash supply surged to 8 billion' -> monthly cash supply: a rate adjective on
    the noun the measure is read from, before the figure in its clause."""
    if " per " in f" {measure} " or f.unit in ("duration", "percent"):
        return None
    head = measure.split()[-1].lower()
    for m in _lex().rate_adjective.finditer(text, cs, f.start):
        if m.group(1).lower() in measure.lower().split():
            return None                  # "yearly rainfall": the label says it already
        for w in m.group(2).split():
            low = w.lower()
            if low == head or lemma(lx, low) == head or lx.measure_of.get(low) == measure:
                return f"{m.group(1).lower()} {measure}"   # as written ("annual production"), a label a reader knows
    return None


def _limit(lx, text, cs, f, measure, rule, prev) -> Qualified | None:
    """'the 2.5 per cent enrichment limit' -> enrichment, a threshold; 'far above the 2.5 per cent
    limit' -> the measure of the figure it is compared with; a bare 'limit' otherwise, unsure."""
    if f.count_measure or f.unit == "count":
        return None
    m = _lex().limit_after.match(text, f.end)
    if not m:
        return None
    mod = m.group("mod")
    if mod and (mod.lower() in _NOT_MODIFIER or mod.lower() in lx.function_words or mod.endswith("ly")):
        return None                      # "20 per cent would limit growth": a verb
    if mod and mod.lower() not in _lex().limit_nouns:
        label = lx.measure_of.get(mod.lower(), mod.lower())
        return Qualified(label, "limit-of", threshold=True)
    if prev is not None and prev.measure and prev.unit == f.unit and prev.confidence == "high" \
            and prev.end <= f.start and _COMPARED.search(text, max(cs, prev.end), f.start) \
            and not re.search(r"[.;]", text[prev.end:f.start]):
        return Qualified(prev.measure, "limit-compared", threshold=True)
    return Qualified(measure, rule, threshold=True, unsure=True)


def _noun_phrase_after(lx: FigureLexicon, text: str, pos: int, ce: int, n: int = 4) -> list[str]:
    """The lower-case words of the noun phrase at `pos`, up to a function word or preposition."""
    words: list[str] = []
    for m in _WORD.finditer(text, pos, min(ce, pos + 80)):
        if text[pos:m.start()].strip():
            break                        # punctuation between: the phrase ended
        w = m.group()
        if (w.lower() in lx.function_words or w.lower() in _lex().preps) and words:
            break
        if not w[:1].islower() and not w.isupper():
            break
        words.append(w.lower() if not w.isupper() else w)
        pos = m.end()
        if len(words) >= n:
            break
    return [w for w in words if w not in _lex().dets]


def _change(lx, text, ce, f, measure, rule) -> Qualified | None:
    """'a 30 per cent increase in school enrolment' -> increase in school enrolment; a change of
    nothing the clause names stays the bare word, unsure."""
    if measure is None and rule is None:
        nxt = re.match(r"\s{1,3}([a-z]+)", text[f.end:f.end + 20])
        measure = nxt.group(1) if nxt and nxt.group(1) in _lex().change_nouns else None
        if measure is None:
            return None                  # ("a 30 per cent increase" is no modified noun: "increase" may be a verb)
        rule = "change-of"
    elif rule != "modified-noun" or not measure or measure not in _lex().change_nouns or measure in lx.measure_units:
        return None
    m = re.match(r"\s{1,3}" + re.escape(measure) + r"\s{1,3}(in|of)\s{1,3}(?:the\s{1,3})?", text[f.end:min(ce, f.end + 40)], re.I)
    if m:
        words = _noun_phrase_after(lx, text, f.end + m.end(), ce)
        if words:
            return Qualified(f"{measure} in {' '.join(words)}", rule)
    if rule == "change-of":
        return None
    return Qualified(measure, rule, unsure=True)


def _share(lx, text, ce, f, measure, rule, cue_end) -> Qualified | None:
    """A share with what the clause says of its noun (_share_predicate); a share of a plain noun
    that follows "in" ("the count was wrong in over 50% of the stations"), whose predicate is the
    clause before it, which the rule does not read: the plain noun, unsure."""
    q = _share_predicate(lx, text, ce, f, measure, rule, cue_end)
    if q is None and rule == "of-complement" and f.unit in ("percent", "fraction") and measure \
            and not lx.measure_units.get(measure) and _IN_BEFORE.search(text, max(0, f.start - 8), f.start):
        return Qualified(measure, rule, unsure=True)
    if q is None and rule == "of-complement" and f.unit in ("percent", "fraction") and measure \
            and measure not in _SHARE_MEASURES and not measure.startswith("share of") \
            and not _BY_BEFORE.search(text, max(0, f.start - 8), f.start) and not _own_copula(text, f.start, measure):
        # "women held 22 per cent of the seats", "over half of the land consists of ridges": a share
        # whose holder or predicate the rule did not read; the plain noun is not what is measured
        # (audit of 38 such high figures of the practice corpus: 6 right)
        return Qualified(measure, rule, unsure=True)
    return q


def _own_copula(text: str, start: int, measure: str) -> bool:
    """'the Institute's budget was 2 per cent of the national budget': the measure's own noun is the
    subject of a copula before the share, so the share is of that noun and the label says so."""
    return bool(re.search(r"(?<![\w-])" + re.escape(measure) + r"s?\s{1,2}(?:is|was|are|were|stood\s{1,2}at|amounted\s{1,2}to)"
                          r"\s{1,2}(?:(?:just|only|about|some|nearly|almost|roughly|around)\s{1,2})?$",
                          text[max(0, start - len(measure) - 40):start], re.I))


_IN_BEFORE = re.compile(r"(?<![\w-])in\s{1,3}$", re.I)
_BY_BEFORE = re.compile(r"(?<![\w-])by\s{1,3}$", re.I)
"""'signed by one fifth of the members': the share is of those who act, and the noun says who."""
_SHARE_MEASURES = frozenset(("turnout", "vote share"))
"""Measures that are themselves a share of a whole: 'N per cent of the vote' is the vote share."""


def _share_predicate(lx, text, ce, f, measure, rule, cue_end) -> Qualified | None:
    """'70 per cent of the pages on the portal are in ...' -> share of pages on the portal that
    are in ...: a share of a noun with what the clause says of it ("of the population lives on
    ..."); a predicate too long to be a label leaves the noun, unsure."""
    units = lx.measure_units.get(measure)
    if rule != "of-complement" or f.unit not in ("percent", "fraction") or not measure or cue_end is None \
            or units and not units & {"count", "currency", "mass", "length", "area"}:
        return None                      # a share of a rate ("25 per cent of turnout") is no share of things
    m = re.match(r"\s{0,3}of\s{1,3}", text[f.end:f.end + 12])
    if not m:
        return None
    np_start = f.end + m.end()
    np_words = text[np_start:cue_end].split()
    while np_words and np_words[0].lower() in _lex().dets:
        np_words = np_words[1:]
    if not np_words:
        return None
    for w in _TOKEN.finditer(text, np_start + 1, cue_end):
        if w.group().lower() in _lex().predicate_verbs and w.start() > np_start:
            # the noun phrase the lexicon read ran into the verb: "of the population lives on ..."
            cue_end = w.start()
            np_words = text[np_start:cue_end].split()
            while np_words and np_words[0].lower() in _lex().dets:
                np_words = np_words[1:]
            break
    if not np_words:
        return None
    aside = _ASIDE.match(text, cue_end, ce)
    pred_from = aside.end() if aside else cue_end     # "one-third of the states, including X, had not ..."
    tail_end = ce
    stop = _PREDICATE_END.search(text, pred_from, ce)
    if stop:
        tail_end = stop.start()
    toks = [(t.group(), t.start(), t.end()) for t in _TOKEN.finditer(text, pred_from, tail_end)]
    k = 0
    # a prepositional phrase after the noun ("of the pages on the portal are ..."), then the verb
    while k < len(toks) and k < 6 and not _verb(toks[k][0]):
        k += 1
    # ("of the plants growing in the valley are ...": an -ing participle with its own phrase is part of the noun)
    ing = len(toks) > 1 and toks[0][0][:1].islower() and len(toks[0][0]) > 5 and toks[0][0].endswith("ing") \
        and toks[1][0].lower() in _lex().preps
    if k >= len(toks) or not _verb(toks[k][0]) or k and toks[0][0].lower() not in _lex().preps and not ing:
        return None
    if toks[k][0].lower() not in _lex().predicate_verbs or toks[k][0].lower().endswith("ed"):
        # a participle after the noun: "of the stations sampled", "of the revenues earned from
        # sales are ...": the verb is the next one, right after it or after its own phrase
        nxt = next((i for i in range(k + 1, min(len(toks), k + 6)) if toks[i][0].lower() in _lex().predicate_verbs), None)
        if nxt is None and k + 1 == len(toks):
            return None
        if nxt is not None and (nxt == k + 1 or toks[k + 1][0].lower() in _lex().preps):
            k = nxt
    pred = text[toks[k][1]:tail_end].strip()
    words = pred.split()
    if re.match(r"(?:would|could|might|should)\s+(?:not\s+)?be\s", pred):
        return None                      # "above 25 per cent of turnout would be a success": said of the figure
    cut_at_figure = bool(stop and re.match(r"\s(?:and|or)\s{1,3}(?:about\s|some\s|only\s)?[\d$\u00a3\u20ac]", stop.group()))
    if len(words) > _lex().predicate_max or cut_at_figure and re.search(r"\d", pred) \
            or all(w.lower() in _lex().auxiliaries for w in words):
        # too long to be a label, a range cut in two ("worth between $9 bn and ..."), or a modal
        # alone ("may, together with ..."): the plain noun, not shown as certain
        return Qualified(measure, rule, unsure=True)
    noun = " ".join(np_words + text[pred_from:toks[k][1]].split())
    if units and measure.lower() not in noun.lower():
        noun = f"{noun} ({measure})"     # the lexicon's name stays in the label: "gross national product (gdp)"
    return Qualified(f"share of {noun} that {pred}", "of-complement+predicate")


_ASIDE = re.compile(r"\s{0,2},\s{1,2}(?:including|such\s{1,2}as|among\s{1,2}them|notably|mostly|mainly)\s[^,;:.()]{1,80},")
"""An aside after a share's noun ("of the states, including some large ones,"): the predicate follows it."""

_TOKEN = re.compile(r"[A-Za-z][\w'\u2019-]*|[$\u00a3\u20ac]?\d[\d.,]*%?|[^\s\w]")
_PREDICATE_END = re.compile(
    r"[,;:()\u2013\u2014]|(?<![\w-])(?:which|who|while|whereas|but|because|although|though|according)(?![\w-])"
    r"|\s(?:and|or)\s{1,3}(?:about\s|some\s|only\s)?[\d$\u00a3\u20ac]"
    r"|\s(?:and|or)\s{1,3}(?:all|most|many|some|none|no|the|its|their|his|her|other|only)\s|\.(?!\d)")
"""Where what a clause says of a share's noun ends: punctuation, a relative or new clause, another figure."""


_DONE_ON = re.compile(r"(?<![\w-])(?P<v>[a-z]{3,20}ed)\s{1,3}(?P<obj>(?:[\w'\u2019-]{1,30}\s{1,3}){0,5}?)(?:on|at)\s{1,3}$")


def _occasion(text, cs, f, measure, rule) -> Qualified | None:
    """'considered the dispute on three occasions' -> occasion (considered the dispute): an
    occasion counts what was done on it; with no such verb it is unsure."""
    if not rule or not rule.startswith("counted-noun") or measure not in _lex().occasions:
        return None
    m = _DONE_ON.search(text, max(cs, f.start - 90), f.start)
    if not m or re.search(r"[,;:]", m.group()):
        return Qualified(measure, rule, unsure=True)
    done = " ".join((m.group("v") + " " + m.group("obj")).split())
    return Qualified(f"{measure} ({done})", rule)


_BEFALLEN_AFTER = re.compile(
    r"(?:\s{1,3}(?:and|or)\s{1,3}[a-z][\w-]{1,25}(?:\s{1,3}[a-z][\w-]{1,25})?)?"
    r"\s{1,3}(?:are|were|is|was|have\s{1,3}been|has\s{1,3}been|had\s{1,3}been)\s{1,3}(?:[a-z]{3,20}ly\s{1,3})?"
    r"(?:missing|lacking|(?!based|located|situated|registered|listed|expected|estimated|reported|said|thought|believed"
    r"|required|needed|allowed|able|used|known|called|named|involved|present|deployed|stationed|employed|assigned|appointed|elected|often|open|children|women|men)[a-z]{1,20}(?:ed|en|ung|ut|it))(?![\w-])")
"""After a counted noun, a verb saying what befell it that no outcome rule read ("are missing limbs", "were hit by")."""
_NEGATED_AFTER = re.compile(r"\s{1,3}(?:are|were|is|was|have|has|had)\s{1,3}(?:not|never|yet\s{1,3}to)\s{1,3}(?:been\s{1,3}|be\s{1,3})?"
                            r"[a-z]{3,}(?![\w-])")
"""After a counted noun, what has not happened to it ("170,000 retirees have not been paid"): those it did not befall."""
_ACT_OF_BEFORE = re.compile(r"(?<![\w'\u2019-])(?!(?:deleg|popul|coal|feder|associ|organis|organiz|n|st|gener|install|"
                            r"combin|vari|rot|form|arm|deploy|regi|contin|settle|instal|detach|batt|shipm|consign)"
                            r"(?:ation|ition|ment|ing)\s)[a-z]{3,20}(?:ing|ation|ition|ment)\s{1,3}of\s{1,3}(?:the\s{1,3})?"
                            r"(?:(?:at\s{1,3}least|some|about|over|nearly|around)\s{1,3})?$")
"""Before a counted noun, an act done to it ("the renaming of three streets"): the count is of what it befell."""


def _unread_outcome(text, cs, ce, f, measure, rule) -> Qualified | None:
    """A plain counted noun whose clause says what befell it in words no outcome rule reads
    ("80,000 people are missing limbs", "the renaming of three streets"): the noun alone is not
    what is counted, so the figure is unsure."""
    if rule != "counted-noun" or not measure:
        return None
    if _BEFALLEN_AFTER.match(text, f.end, ce) or _ACT_OF_BEFORE.search(text, max(cs, f.start - 40), f.start) \
            or _NEGATED_AFTER.match(text, f.end, ce) or _lex().remained.match(text, f.end, ce):
        return Qualified(measure, rule, unsure=True)
    if measure.split()[-1] in _lex().instances and re.match(r"\s{1,3}of\s", text[f.end:f.end + 8]):
        return Qualified(measure, rule, unsure=True)     # "310 cases of Arlen-Vale fever": of what, unread
    if measure in _BARE_KINDS and not re.match(r"\s{1,3}of\s", text[f.end:f.end + 8]):
        return Qualified(measure, rule, unsure=True)     # "in all three cases, the votes were tied": cases of what
    if f.of is not None and f.value != 1 and (_PART_IS.match(text, f.end, ce) or _RANKED.search(text, cs, f.start)):
        return Qualified(measure, rule, unsure=True)     # "only 12 of the 2,400 streams are longer than ...", a rank
    if _FORCED_BEFORE.search(text, max(cs, f.start - 30), f.start) and _TO_FLEE.match(text, f.end, ce):
        return Qualified(measure, rule, unsure=True)     # "forced 900 households to flee": the displaced, unread
    if _WHO_BEFALLEN.match(text, f.end, ce) or _RESTRICTED.match(text, f.end, ce):
        return Qualified(measure, rule, unsure=True)     # "four traders who had been looted": what befell them, unread
    if _OPENS_CLAUSE.fullmatch(text[cs:f.start]) and _lex().outcome_later.search(text, f.end, sentence_span(text, f.start)[1]):
        return Qualified(measure, rule, unsure=True)     # "20 explosive remnants ... located by survey were also destroyed"
    if _CUSTODY.search(text, *sentence_span(text, f.start)):
        return Qualified(measure, rule, unsure=True)     # "holding 9,000 persons ... in its custody": detainees, unread
    if measure in _lex().people and _GAPPED.match(text, f.end, sentence_span(text, f.start)[1]):
        return Qualified(measure, rule, unsure=True)     # "2.4 million people healthcare, ...": what they received, unread
    if measure in _lex().generic_people and _THOSE_BEFORE.search(text, max(cs, f.start - 12), f.start):
        return Qualified(measure, rule, unsure=True)     # "of those 7,828 individuals": a group named before, unread
    listed = _PEOPLE_LIST.match(text, f.end, ce) if names_people(measure) else None
    if listed and (is_plural(figure_lexicon(), listed.group(1)) or listed.group(1) in figure_lexicon().irregular):
        return Qualified(measure, rule, unsure=True)     # "70,000 women, children and individuals with ...": the first item only
    if paired_people_after(text, f.end, ce, measure):
        return Qualified(measure, rule, unsure=True)     # "52,400 refugees and asylum-seekers": both groups counted
    words = measure.split()
    plain = words[-1] if len(words) == 1 or len(words) == 2 and words[0] in _AGE_OR_KEPT | figure_lexicon().kept_modifiers \
        else None                        # "young person", "pregnant woman": still a plain people noun; "displaced person" is not
    if (plain in _lex().generic_people or plain in _lex().demographic) and _SAID_OF_PEOPLE.match(text, f.end, ce):
        return Qualified(measure, rule, unsure=True)     # "nationals who had been abducted": those of whom it is true, unread
    return None


_NOT_GAP = r"(?!(?:in|of|from|at|on|across|per|each|a|an|or|who|that|whom|aged|with|for|to|the|by|into|than)(?![\w-]))"
_RESTRICTED = re.compile(r"\s{1,3}(?:that|which|who)\s{1,3}(?!(?:is|are|was|were)\s{1,3}(?:located|situated|based|held)(?![\w-]))"
                         r"(?:(?:were|was|had\s{1,3}been|have\s{1,3}been|has\s{1,3}been)\s{1,3})?(?:[a-z]+ly\s{1,3})?[a-z]+(?:ed|d)(?![\w-])")
"""After a counted noun, a restrictive relative clause with a verb in the past ("1,129 patrols that included
female engagement teams"): it says which of them are counted, which the plain noun leaves out."""
_AGE_OR_KEPT = frozenset(("young", "elderly", "older", "adult", "adolescent"))
_WHO_BEFALLEN = re.compile(r"\s{1,3}(?:who|that|which)\s{1,3}(?:had|have|has)\s{1,3}been\s{1,3}(?:[a-z]+ly\s{1,3})?[a-z]{3,}ed(?![\w-])")
"""After a counted noun, a relative clause saying what befell it ("traders who had been looted")."""
_OPENS_CLAUSE = re.compile(r"\s*(?:(?:In\s{1,2}addition|Also|Moreover|Furthermore|Overall|In\s{1,2}total),?\s{1,2})?"
                           r"(?:(?:a|A)\s{1,2}total\s{1,2}of\s{1,2})?")
"""Before a figure that is its clause's subject: nothing but a connective."""
_THOSE_BEFORE = re.compile(r"(?<![\w-])(?:those|these|such)\s{1,3}$", re.I)
"""'of those 7,828 individuals': a generic people noun that points back to a group named before."""
_GAPPED = re.compile(r"\s{1,3}(?![a-z]+(?:ed|ing)(?![\w-]))" + _NOT_GAP + r"[a-z][a-z-]+(?:\s{1,2}(?:and\s{1,2})?" + _NOT_GAP
                     + r"[a-z][a-z-]+){0,6}\s{0,2}(?:,\s{1,2}(?:and\s{1,2})?|\s{1,2}and\s{1,2})\d")
"""A list with its verb left out ("2.4 million people healthcare, 1.6 million children ..."): each group's noun
is followed by what it received, which the plain noun leaves out."""
_PEOPLE_LIST = re.compile(r"\s{0,2},\s{1,2}(?:[a-z][a-z-]+\s{1,2})?([a-z][a-z-]+)(?:\s{0,2},\s{1,2}(?:[a-z][a-z-]+\s{1,2})?[a-z][a-z-]+){0,4},?"
                          r"\s{1,2}(?:and|or)\s{1,2}[a-z]")
"""After a counted people noun, more nouns of a list ("women, children and individuals with special needs",
"eyewitnesses, local monitors and members of ...")."""
_SAID_OF_PEOPLE = re.compile(
    r"\s{1,3}(?:under|over|below|above|aged)\s{1,3}(?:the\s{1,3}age\s{1,3}of\s{1,3})?[\w-]+"
    r"(?:\s{1,3}years?)?(?:\s{1,3}(?:of\s{1,3}age|old))?\s{1,3}with\s"
    r"|\s{1,3}with\s(?:[^,;.]|(?<=\d)[,.](?=\d)){1,40}?\sof\s{1,2}them\s"
    r"|(?:\s{1,3}(?:under|over|below|above|aged)\s{1,3}(?:the\s{1,3}age\s{1,3}of\s{1,3})?[\w-]+"
    r"(?:\s{1,3}years?)?(?:\s{1,3}(?:of\s{1,3}age|old))?"
    r"|\s{1,3}(?:in|across|throughout|from)\s{1,3}(?:the\s{1,3})?[\w'\u2019-]+(?:\s{1,3}[\w'\u2019-]+){0,2}?(?=\s{1,3}(?:are|were|is|was|have|has|had|experienced|faced|face|remain|remained)\s))?"
    r"\s{1,3}(?:(?:who|whom|that|whose)\s|(?!(?:including|during|according|concerning|regarding|excluding|following|"
    r"pending|notwithstanding|nothing|something|everything)(?![\w-]))[a-z]{2,}ing(?![\w-])"
    r"|(?:are|were|is|was|have|has|had|remain|remained|remains|will|would|could|may|might|must|can|continue|continued|"
    r"continue)\s|(?!(?:need|red|bed|seed|speed|feed|united|aged|based)(?![\w-]))[a-z]{3,}ed(?![\w-]))")
"""After a generic people noun (and an age: "children under five years of age"), what the clause says of
them: a relative clause, a participle, a verb, a condition ("with moderate acute malnutrition")."""
_CUSTODY = re.compile(r"(?<![\w-])(?:in|into|under|from)\s{1,3}(?:(?:its|their|his|her|the|police|state|military|"
                      r"government|pretrial|pre-trial|de\s{1,3}facto)\s{1,3}){0,2}(?:custody|detention|captivity|house\s{1,3}arrest)"
                      r"(?!\s{1,3}(?:centre|center|facilit|camp|cell|site|unit|ward|conditions))", re.I)
"""A sentence that says its counted people are held ("in its custody"): a count of detainees."""


def _relative_change(text, cs, f, measure, rule) -> Qualified | None:
    """'prices were 3.8 per cent lower year-on-year', 'registrations increased by 40%', 'the population
    growth-rate was 1.2%': a change or a rate, which a plain measure ("cost", "population") does not say."""
    if f.unit != "percent" or not measure or not rule or _CHANGE_WORD.search(measure):
        return None
    if "share" not in measure and _lex().whole_nouns.search(text, cs, f.start) and measure not in _SHARE_MEASURES:
        return Qualified(measure, rule, unsure=True)     # "that contribution was 57 per cent": a share of a whole, unnamed
    if _CHANGE_AFTER.match(text, f.end) or _CHANGE_VERB_BEFORE.search(text, max(cs, f.start - 30), f.start) \
            or " rate" not in f" {measure}" and re.search(re.escape(measure.split()[-1]) + _RATE_AFTER_CUE.pattern,
                                                           text[cs:f.start], re.I):
        return Qualified(measure, rule, unsure=True)
    return None


_CHANGE_WORD = re.compile(r"(?<![\w-])(?:change|increase|decrease|rise|fall|drop|growth|decline|inflation)", re.I)
_CHANGE_VERB_BEFORE = re.compile(r"(?<![\w-])(?:increased|increases|rose|risen|rises|grew|grown|grows|fell|fallen|falls|declined|"
                                 r"declines|dropped|drops|decreased|decreases|surged|jumped|climbed|slumped|plunged|soared|"
                                 r"shrank|shrunk|contracted|expanded)\s{1,3}(?:by\s{1,3})?(?:(?:about|some|nearly|almost|"
                                 r"around|roughly|over|more\s{1,3}than)\s{1,3})?$", re.I)
_RATE_AFTER_CUE = re.compile(r"[\s-]{1,2}(?:growth|growth-rate|rate|change)(?![\w])", re.I)


_CHANGE_AFTER = re.compile(r"\s{1,2}(?:lower|higher|less|more|up|down|smaller|larger|cheaper|dearer)(?![\w-])", re.I)


_BARE_KINDS = frozenset(("case", "instance", "type", "kind", "sort", "form", "category", "variety", "example", "change"))
_PART_IS = re.compile(r"(?:(?!\s(?:that|which|who)\s)[^.;:,\n]){0,50}?\s(?:are|were|is|was|remain|remained|remains)(?![\w-])")
"""After "N of M <noun>", a copula: what is true of the N, which the plain noun leaves out."""
_RANKED = re.compile(r"(?<![\w-])rank(?:ed|s|ing)?(?![\w-])", re.I)
_FORCED_BEFORE = re.compile(r"(?<![\w-])(?:forced|forcing|forces|force|compelled|compelling|obliged|drove|driven|driving)"
                            r"\s{1,3}(?:(?:some|about|approximately|around|nearly|over|at\s{1,3}least|more\s{1,3}than)\s{1,3})?$",
                            re.I)
_TO_FLEE = re.compile(r"\s{1,3}(?:to\s{1,3}|into\s{1,3})(?:flee|displace|leave|abandon|relocate|evacuate|move|exile|"
                      r"displacement|hiding)(?![\w-])", re.I)
"""'forced 900 households to flee': a count of the displaced."""


_FOR_GROUP = re.compile(r"\s{1,2}(?:for|among)\s{1,2}[A-Za-z]")
_NEXT_SHARE_FOR = re.compile(r"\d[\d.]*\s?(?:%|per\s?cent|percent)\s{1,2}(?:for|among)\s{1,2}[A-Za-z]")
_KIND_AFTER = re.compile(r"\s{1,2}([A-Za-z][\w/-]*)")
_NEXT_SHARE_OF_KIND = re.compile(r"[,;]?\s{1,2}(?:and\s{1,2})?\d[\d.]*\s?(?:%|per\s?cent|percent)\s{1,2}[A-Za-z]")


def _breakdown(lx, text, f, measure, rule) -> Qualified | None:
    """'the population is 70% Valdorian, 20% Freedonian and 10% other': a share followed by the kind
    it is of, then another such share: each is a share of one kind, which the measure leaves out."""
    if f.unit != "percent" or not measure or not rule:
        return None
    if _FOR_GROUP.match(text, f.end) and _NEXT_SHARE_FOR.search(text, f.end, f.end + 120):
        return Qualified(measure, rule, unsure=True)     # "31 per cent for international staff, 35 per cent for ..."
    m = _KIND_AFTER.match(text, f.end)
    if not m or m.group(1).lower() in lx.function_words or m.group(1).lower() in _lex().preps \
            or m.group(1).lower() in _lex().auxiliaries:
        return None
    rest = text[m.end():m.end() + 80]
    return Qualified(measure, rule, unsure=True) if _NEXT_SHARE_OF_KIND.search(rest) else None


_TIME_SPANS = frozenset(("year", "month", "week", "day", "period", "season", "term", "quarter", "decade", "century",
                         "fiscal year", "reporting period", "mandate"))
_PER_NUMBER = re.compile(r"\s{0,2}(?:/|per\s|for\s{1,2}every\s)\s{0,2}\d")
_MARGIN_BEFORE = re.compile(r"(?<![\w-])(?:margin|by\s{1,3}an?\s{1,3}(?:\w+\s{1,3})?majority)\s{1,3}of\s{1,3}(?:(?:only|just|about|some|nearly)\s{1,3})?$", re.I)
_RANK_OUT_OF = re.compile(r"(?<![\w-])\d{1,4}(?:st|nd|rd|th)\s{1,3}(?:place\s{1,3})?(?:out\s{1,3})?of\s{1,3}(?:the\s{1,3})?$", re.I)
"""'ranks 140th out of 170 countries': the count is a rank's denominator."""
_YEAR_AS_COUNT = re.compile(r"(?:19|20)\d\d")
"""'reported 2023 public revenues of ...': a year written before a plural noun, read as a count."""
_SUSPENDED_OF = re.compile(r"(?<![\w-])(?:suspension|expulsion|closure|dismissal|removal|destruction|cancellation|"
                           r"postponement|exclusion|inclusion|admission)\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:(?:some|about|over|nearly)\s{1,3})?$", re.I)
"""An act done to the counted things that _ACT_OF_BEFORE's endings miss ("the suspension of 140 activities")."""
_LOST_BEFORE = re.compile(r"(?<![\w-])(?:lose|loses|lost|losing)\s{1,3}(?:(?:some|about|approximately|around|nearly|over|"
                          r"more\s{1,3}than|at\s{1,3}least)\s{1,3})?$", re.I)
"""'we lose 8 million hectares of forests': a loss, which the plain measure does not say."""
_PER_ONE_BEFORE = re.compile(r"(?<![\w-])(?:for|per)\s{1,2}(?:one|each|every)\s{1,2}(?!year|month|week|day|decade|period|"
                             r"time|while|moment|number|total|long)[a-z]{2,}(?![\w-])", re.I)
"""'the fees charged for one ton were $1,900': a price per unit named before the figure."""
_PER_UNIT_BEFORE = re.compile(r"(?<![\w-])per\s{1,2}(?!cent|capita|annum|year|month|week|day|hour)[a-z]{3,}(?![\w-])", re.I)
"""'the value per kilogram of gold amounted to $85,204': a price per unit named before the figure."""
_FOR_EVERY_BEFORE = re.compile(r"(?<![\w-])(?:for\s{1,2}every|per|for\s{1,2}each)\s{1,2}$", re.I)
_PER_WORD = re.compile(r"(?:\s{0,2}\([^()]{1,40}\))?\s{1,2}per\s{1,2}(?!cent|year|month|week|day|annum|hour|capita)[a-z]", re.I)
_PER_PERIOD = re.compile(r"(?<![\w-])(?<!for\s)(?<!for\s\s)(?:per|a|each|every)\s{1,2}(?:year|month|week|day|annum)(?![\w-])"
                         r"|(?<![\w-])annually(?![\w-])",
                         re.I)
_PERIOD_LATER = re.compile(r"(?<![\w-])(?:(?<!for\s)(?:per|a|each|every)\s{1,2}(?:year|month|week|day|annum)"
                           r"|annually|yearly|monthly|weekly|daily)(?![\w-])"
                           r"(?!\s{1,3}(?:after|before|later|earlier|ago|since|into|of|from|when|until|or|and\s{1,3}a\s{1,3}half)(?![\w-]))",
                           re.I)
"""'$900 billion in interest payments will be due annually': a sum given at a rate later in its clause."""
_CUT_AFTER = r"\s{1,2}(?:cut|cuts|hike|hikes|increase|rise|reduction|break|credit|freeze)(?![\w-])"
"""A ratio or a rate ("1 doctor for every 60,000 persons", "0.96 males per female", "a million tourists
enter per year") and a change of a money measure ("a $2 trillion tax cut"): the plain label misleads."""
_RANGE_PER_UNIT = re.compile(r"\s{1,3}to\s{1,3}\S{0,4}\d[\d,.]*(?:\s{1,2}(?:million|billion))?\s{1,3}(?:per|a|an|each)\s{1,3}[a-z]",
                             re.I)


def _misread(text, cs, ce, f, measure, rule) -> Qualified | None:
    """Figures whose plain label misleads: an age ("31-year-old ..."), a rate per a number ("98.2
    deaths/1,000 live births"), a margin ("by a margin of three votes"), the first price of a range
    given per unit ("from $1,800 to $3,500 per quintal"), part of a time span ("the first 9 months
    of the fiscal year")."""
    if not measure or not rule:
        return None
    if f.unit_name == "years of age" and measure != "age" \
            or _PER_NUMBER.match(text, f.end) \
            or _MARGIN_BEFORE.search(text, max(0, f.start - 30), f.start) \
            or _RANK_OUT_OF.search(text, max(0, f.start - 30), f.start) \
            or _YEAR_AS_COUNT.fullmatch(text, f.start, f.start + 4) and f.unit == "count" and f.value is not None \
            and 1900 <= f.value <= 2100 and not text[f.start + 4:f.start + 5].isdigit() \
            or _SUSPENDED_OF.search(text, max(0, f.start - 40), f.start) \
            or _LOST_BEFORE.search(text, max(0, f.start - 30), f.start) \
            or _FOR_EVERY_BEFORE.search(text, max(0, f.start - 20), f.start) \
            or " per " not in f" {measure} " and f.unit == "currency" and _PER_UNIT_BEFORE.search(text, cs, f.start) \
            or " per " not in f" {measure} " and _PER_ONE_BEFORE.search(text, cs, f.start) \
            or " per " not in f" {measure} " and (_PER_WORD.match(text, f.end) or f.unit == "count"
                                                   and not _lex().rate.match(text, f.end)
                                                   and _PER_PERIOD.search(text, f.end, sentence_span(text, f.start)[1])) \
            or f.unit == "currency" and re.match(r"\s{1,2}" + re.escape(measure) + _CUT_AFTER, text[f.end:f.end + 60]) \
            or f.unit == "currency" and " per " not in f" {measure} " and not _lex().rate.match(text, f.end, ce) \
            and (later := _PERIOD_LATER.search(text, f.end, ce)) and not re.search(r"\d", text[f.end:later.start()]) \
            or f.unit == "currency" and _RANGE_PER_UNIT.match(text, f.end) and " per " not in f" {measure} " \
            or f.unit == "duration" and measure in _TIME_SPANS \
            or _dimension_of(text, cs, f, measure, rule):
        return Qualified(measure, rule, unsure=True)
    return None


_INCLUDING_BEFORE = re.compile(r"(?<![\w-])(?:including|among\s{1,2}them|of\s{1,2}whom)\s{1,3}(?:(?:at\s{1,2}least|some|about|"
                               r"approximately|around|nearly|over|more\s{1,2}than)\s{1,3})?$", re.I)


def _part_of_group(text, f, measure, rule, prev) -> Qualified | None:
    """'2,100 candidates, including 640 women': people named by sex or age only, counted within
    another group of the same sentence, are of that group, which the plain noun leaves out (where
    the package reads an outcome they share, "killed 30 people, including 12 children", that is the label)."""
    if rule != "counted-noun" or measure not in _lex().demographic or prev is None or prev.measure == measure \
            or prev.unit != "count" or prev.end > f.start:
        return None
    gap = text[prev.end:f.start]
    sibling = prev.measure in _lex().demographic and "measure-unexplained" in prev.basis \
        and re.fullmatch(r"\s{0,2}(?:,\s{0,2})?(?:and\s{1,3})?", gap)         # "(500 men and 33 women)": the next item
    group = prev.measure not in _lex().demographic and prev.measure not in _lex().generic_people \
        and re.fullmatch(r"\s{0,2}\(\s{0,2}", gap)                             # "533 military personnel (500 men ..."
    s0, _ = sentence_span(text, f.start)
    if not (sibling or group or _INCLUDING_BEFORE.search(text, max(0, f.start - 30), f.start)
            or prev.start >= s0 and breakdown_opened(text, max(s0, prev.end - 300), f.start)):
        return None
    return Qualified(measure, rule, unsure=True) if prev.start >= s0 else None


_LIST_AFTER_OF = re.compile(r"(?:\s{0,2},\s{1,2}(?:[a-z][\w-]*\s{1,2}){0,2}?|\s{1,2})(?:and|or)\s{1,2}(?!the\s|a\s|an\s|its\s|their\s)"
                            r"(?![a-z]+(?:ed|ing)(?![\w-]))[a-z][\w-]*(?![\w-])"
                            r"(?!\s{1,2}(?:(?:to|in|at|for|on|by|from|with|of|the|a|an|its|their|more|some|over|about)(?![\w-])|\d))")
"""After the noun of a quantity's "of", more items ("of food, medical and relief supplies", "of food and medicine"),
never a verb with its object ("of carbon and sequesters 153 million tons")."""


def _first_of_list(text, f, measure, rule, cue_end) -> Qualified | None:
    """'12,000 tons of food, medical and relief supplies' -> food names only the first item of
    what is weighed: the plain label misleads."""
    if rule != "of-complement" or not measure or cue_end is None or f.unit in ("percent", "fraction", "count", "duration"):
        return None
    return Qualified(measure, rule, unsure=True) if _LIST_AFTER_OF.match(text, cue_end) else None


def _goods_lost(text, ce, f, measure, rule, cue_end) -> Qualified | None:
    """'27 tons of food were looted': what befell the goods, which the label (food) leaves out."""
    if rule != "of-complement" or not measure or cue_end is None:
        return None
    return Qualified(measure, rule, unsure=True) if _lex().goods_lost.match(text, cue_end, ce) else None


def _dimension_of(text, cs, f, measure, rule) -> bool:
    """'the total length of Valdoria's land borders is 1,200 km': a dimension whose 'of' names
    what is measured, which the label leaves out."""
    return rule == "subject-of-verb" and measure in _lex().dimensions \
        and bool(re.search(r"(?<![\w-])" + re.escape(measure) + r"\s{1,2}of\s", text[cs:f.start], re.I))


def _verb(w: str) -> bool:
    low = w.lower()
    return w[:1].islower() and (low in _lex().predicate_verbs or len(low) > 4 and low.endswith("ed"))


_SECOND_PER = re.compile(r"\s{1,3}per\s{1,3}(?:[a-z][\w-]*\s{1,2}){0,1}[a-z][\w-]*(?![\w-])", re.I)


def _second_rate(text, ce, f) -> bool:
    """'4,000 citizens per month per location': a second 'per' after the rate divides again, which
    the label (citizens per month) leaves out."""
    m = _lex().rate.match(text, f.end, ce)
    return bool(m and _SECOND_PER.match(text, m.end(), ce))


def _rate(lx, text, ce, f, measure, rule) -> str | None:
    """'420 patients a day' -> patients per day; 'output rose to 2.1 million barrels per day' ->
    oil output per day."""
    if " per " in f" {measure} " or f.unit in ("duration", "percent"):
        return None
    m = _lex().rate.match(text, f.end, ce)
    if not m:
        return None
    per = _lex().periods[(m.group("span") or m.group("adv")).lower()]
    words = measure.split()
    last = text[f.start:f.end].split()[-1].lower()
    written = text[f.start:f.end].split()[-1]
    if rule and rule.startswith("counted-noun") and is_plural(lx, last) and lemma(lx, last) == words[-1].lower():
        words[-1] = written if written[:1].isupper() else last    # "patients per day": the noun as the rate counts it
    return f"{' '.join(words)} {per}"
