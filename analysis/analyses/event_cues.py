"""A sentence and a date in it -> whether the sentence reports something that happened (or will happen)
on that date, with a confidence and the rules that fired; or why it is a mere mention.

An event needs a verb of happening (past, or future, or a present-tense verb of an occasion: "opens",
"calls on") or a noun of an occasion bound to the date ("the attack of 2 March", "the 1992 elections")
in the clause that holds the date. Not events: citations and source lines (a footnote without a
finite verb, "available at", "personal communication", a data line "key = value"), headlines and
datelines, a document's date ("letters dated X (S/...)", "resolution 65/119 of X", "the letter
(S/2030/686) of X"), "today's meeting" and "today" as "nowadays", a year inside an analogy ("just
as ... in 1999"), "as of" status lines, a date that modifies a noun ("its 2029 assessment", "the 4
June 1967 lines", "for 2027"), the years of names (conventions, however long the name, birth and
life years), a year beside a fuller date of the same year in the sentence, a date in a parenthesis
without a verb ("(33,000 in 2006)"), what recurs ("is celebrated on"), a span's end ("extended
until 31 May", the "to" date of "from June to 3 April"), a report's period ("covers the period
from"), a tally over a period of more than a month ("from November to January, 192 meetings"),
advice ("it would be advisable ... to hold"), a relative day restated ("today, 23 March"), a month
beside a day of it in the sentence ("dated 3 June ... for the month of June"), a count "as at" a date.
High confidence: a verb of happening and a date that states its year, to the month or day, in the
body and outside quotations, with no doubt (`_doubt`: a condition, a deadline set for someone, the
start of a span, a period of months, a document's name, a statistic, an expectation ("expected by
May"), an occasion dated inside a noun phrase after the main verb ("continued to implement the truce
of August 2030": the verb's happening is not dated by it), a date in a relative clause, a reduced
relative or a fronted subordinate clause (", who vanished in August,", "As we showed in April, we
shall ...", "as already happened in May", "a first conference held in October" after the opening
date, a parenthesis with its own verb, a preambular paragraph's noun phrase: the main clause reports
something else), a completion "by" a date (an upper bound), "rescheduled for" a date (a plan), the
object of a present verb of attitude ("Strongly condemns the capture ... on 3 March;"), a dated subject
of an effect ("the December truce contributed to"), a bare pronoun subject ("It was founded on"), the
day a span stopped ("until the morning of"));
medium otherwise. Cue words are in lexicons/events.json (compiled by event_lexicon.py). `tense` tells
past from future for resolving a yearless month against the document's date.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import DateMatch, lexicon
from .event_clauses import (effect_of_dated_subject, fronted_phrase, in_fronted_clause, in_sub_clause, preamble_phrase,
                             present_main, present_or_gerund, pronoun_subject, reduced_relative,
                             reduced_relative_subject)
from .event_lexicon import WORD as _WORD
from .event_lexicon import Cues, compiled_cues
from .event_lexicon import is_past as _is_past
from .event_lexicon import lower_words as _lower_words
from .event_lexicon import words as _words

_END_PUNCT = re.compile(r"[.!?:;,][\"'\u201d\u2019)\]]{0,3}\s*$")
"""How a sentence or clause ends (a resolution's preambular paragraph ends with a comma); a title does not."""
_WILL_VERB = re.compile(r"(?<![\w-])(?:will|shall)\s+(?:not\s+)?(?:be\s+)?[a-z]{3,}", re.I)
""""will front the committee": any verb after will/shall is a future happening's."""
_RESOLUTION_OF = re.compile(r"(?:(?<![\w-])(?:resolutions?|decisions?)\s{1,3}[\w/.()-]{1,30}"
                            r"|\(\s{0,2}[A-Z]{1,8}/[\w/.-]{1,30}\s{0,2}\))\s{1,3}of\s{1,3}$", re.I)
""""its resolution 65/119 of 10 December 2010", "the letter (S/2030/686) of 19 September 2030": the
date names a document the text cites."""
_RESTATED = re.compile(r"\s{0,2}[,(]\s{0,2}(?:the\s{1,3})?")
""""today, 23rd of March 2031": the date the text states right after a relative day."""
_CHANGE_BY = re.compile(r"(?<![\w-])by\s{1,3}(?:(?:about|around|nearly|almost|some|over|more\s+than)\s{1,3})?"
                        r"\d[\d.,]*\s{0,2}(?:per\s{1,2}cent|percent|%|percentage\s+points?)", re.I)
_PERIOD_JOIN = re.compile(r"\s{1,3}(?:to|until|till|through|and)\s{1,3}|\s{0,2}[-\u2013\u2014]\s{0,2}")
_PERIOD_OPEN = re.compile(r"(?<![\w-])(?:from|between)\s{1,3}$", re.I)
"""Two dates of one period: "from June 2029 to 3 April 2031" (dates.find_dates joins those of one precision)."""
_QUANTITY = re.compile(r"(?<![\w/.-])\d[\d,.]*(?:\s{1,2}(?:per\s{1,2}cent|[a-z])|%)")
"""A number that counts something ("192 outreach activities", "$36 million", "16.8 per cent"); not
"a 19-year-old", a footnote mark or a symbol."""
_SYMBOL_AFTER = re.compile(r"\s{0,2}\([A-Z]{1,8}/")
_POSSESSIVE = re.compile(r"['\u2019]s(?![\w])")


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether a dated sentence is an event, how sure, and the rules that fired (or the reason it is not)."""

    keep: bool
    confidence: str = "low"
    basis: tuple[str, ...] = ()
    reason: str | None = None


_DATA_LINE = re.compile(r"^\s{0,3}[A-Za-z_][\w]{0,40}\s{0,3}=\s|:\s{0,3}>-")
"""A template parameter or front-matter line a reader let through: "established_date3 = ...", "title: >- ..."."""


def is_citation(sentence: str) -> bool:
    """True for a source line: a URL, "available at", "personal communication", a copyright line;
    or a data line ("key = value")."""
    low = sentence.lower()
    return ("http" in low or "www." in low or any(m in low for m in compiled_cues().citation)
            or _DATA_LINE.search(sentence) is not None)


def is_headline(sentence: str, start: int, end: int) -> bool:
    """True for a title or dateline: no closing punctuation and mostly capitalised words (or no words
    beside the date and a place)."""
    if _END_PUNCT.search(sentence):
        return False
    rest = sentence[:start] + " " + sentence[end:]
    words = [w for w in _WORD.findall(rest) if len(w) > 3]
    if not words:
        return True
    capital = sum(1 for w in words if w[0].isupper()) / len(words)
    if not sentence[end:].strip(" )\u2019'\"") and capital >= 0.5:
        return True  # a title stamped with its date: "Wall Remembered in Zenda 10.11.2019"
    if verb_evidence(rest) is not None:
        return False  # a sentence cut short by a line break: "On 30 August, Zenda and Strelsau signed the"
    return capital >= 0.6


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause holding the date: the sentence cut at semicolons and a few subordinators."""
    low = sentence.lower()
    a, b = 0, len(sentence)
    for brk in compiled_cues().clause_breaks:
        i = low.rfind(brk, 0, start)
        if i >= 0 and i + 1 > a:
            a = i + 1
        j = low.find(brk, end)
        if j >= 0 and j < b:
            b = j
    return a, b


def month_named(text: str) -> bool:
    """True when `text` names a month ("4 April", "in December"), not only a relative day."""
    lx = lexicon("dates")
    return any(w.rstrip(".") in lx["months"] or w.rstrip(".") in lx["month_abbreviations"] for w in _words(text))


def verb_evidence(clause: str, *, finite_only: bool = False, headline: bool = False) -> str | None:
    """``event-verb`` (a past verb or a verb of an occasion), ``future-verb``, or None. `finite_only`:
    participles that open a citation ("dated", "reported by") do not count unless an auxiliary stands
    in the clause (footnotes are mostly citations). Capitalised words are names, not verbs, except
    in a `headline`."""
    cues = compiled_cues()
    words = _lower_words(clause, headline)
    has_aux = any(w in cues.auxiliaries for w in words)
    if _WILL_VERB.search(clause) or (cues.future.search(clause) and any(
            w in cues.event_verbs or _is_past(w, cues) or w in cues.event_nouns for w in words)):
        return "future-verb"
    for i, w in enumerate(words):
        if w in cues.stative or (i and words[i - 1] in cues.determiners):
            continue  # "the occupied valley": after a determiner, an adjective
        if i and words[i - 1] in ("is", "are", "am") and (w.endswith("ed") or w in cues.irregular_past):
            continue  # "the day is celebrated", "elections are held": what recurs, not what happened
        if finite_only and not has_aux:
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if w in cues.participle_only or (w.endswith("ed") and nxt in ("by", "from", "to", "in", "at")):
                continue
        if w in cues.verb_bases and not _is_past(w, cues) and i and words[i - 1] in cues.non_finite_before:
            continue  # "I want to say", "we do not send": an infinitive or the speaker's present, no happening
        if _is_past(w, cues) or w in cues.event_verbs:
            return "event-verb"
    return None


_INFINITIVE = re.compile(r"(?<![\w-])to\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|all|be|date)\b)[a-z]{3,}\b")


def tense(clause: str, date_at: int | None = None) -> str | None:
    """``future`` or ``past`` for the clause, or None when it gives neither: a modal or an infinitive
    before the date (at `date_at` in `clause`) looks ahead of the verb that governs it ("urged them
    to act in October", "must be adopted before 1 July")."""
    cues = compiled_cues()
    if cues.future.search(clause):
        return "future"
    ahead = clause if date_at is None else clause[:date_at]
    if cues.modal.search(ahead) or _INFINITIVE.search(ahead):
        return None
    # a reporting verb tells when the words were said, not when what they speak of happens
    words = [w for w in _lower_words(clause, False) if w not in cues.reporting]
    if any(_is_past(w, cues) and w not in cues.participle_only for w in words) or \
            any(w in ("was", "were", "had") for w in words):
        return "past"
    return None


def _noun_near(sentence: str, start: int, end: int) -> bool:
    cues = compiled_cues()
    before = _words(sentence[max(0, start - 60):start])[-5:]
    after = _words(sentence[end:end + 40])[:3]
    return any(w in cues.event_nouns for w in before + after)


@lru_cache(maxsize=1)
def _one_per_day() -> frozenset:
    return frozenset(lexicon("events")["one_per_day_nouns"])


def occasion_nouns(sentence: str) -> frozenset:
    """The nouns of occasions a sentence names that a day seldom holds twice in one story
    ("elections", "ceasefire", "summit"): two reports of one day that name the same one report one
    event. Attacks and meetings are left out: a report may tell of several on a day."""
    return frozenset(_words(sentence)) & _one_per_day()


def _name_year(sentence: str, start: int, end: int) -> bool:
    """A year that belongs to a name: "(born 1950)", "Karl Brun (1920-2004)", "the Convention on X of 1961"."""
    cues = compiled_cues()
    left = sentence[:start]
    if cues.birth.search(left):
        before = left[:left.rfind("(")].rstrip()
        last = _WORD.findall(before[-30:])
        if last and last[-1][0].isupper():
            return True
    if re.search(r"\sof\s{1,3}$", left):
        # the words since the last comma name a document: "the Convention against Organized Crime of"
        segment = re.split(r"[,;:()]", left)[-1]
        last = _WORD.findall(segment)[-7:]  # the name's head stands close before its "of"
        if any(w[0].isupper() and w.lower() in cues.name_nouns for w in last):
            return True
        # a long name: "the Convention against Illicit Trade in Rare Birds and Their Eggs of 1988"
        for w in reversed(_WORD.findall(segment)):
            if w[0].isupper() and w.lower() in cues.name_nouns:
                return True
            if not w[0].isupper() and w.lower() not in cues.name_connectors:
                break
    return False


def _parenthetical(sentence: str, start: int, end: int) -> str | None:
    """The rest of the parenthesis the date stands in ("(33,000 in 2006)", "(12 August)"), or None."""
    i = sentence.rfind("(", 0, start)
    if i < 0 or ")" in sentence[i:start]:
        return None
    j = sentence.find(")", end)
    if j < 0 or "(" in sentence[end:j]:
        return None
    return sentence[i + 1:start] + " " + sentence[end:j]


def judge(sentence: str, start: int, end: int, date: DateMatch, *, in_footnote: bool = False,
          others: tuple[DateMatch, ...] = (), in_quote: bool = False) -> Verdict:
    """Is the date at `sentence[start:end]` an event? `others`: the other dates of the sentence
    (a year beside a fuller date of the same year is not one on its own)."""
    cues = compiled_cues()
    if is_citation(sentence):
        return Verdict(False, reason="citation")
    if _SYMBOL_AFTER.match(sentence, end) and not re.search(r"(?<![\w-])(?:on|in)\s{1,3}$", sentence[:start]):
        # "letters dated 20 March 2030 (S/2030/252)": a document's date; "issued on 31 May (GOV/...)" stays
        return Verdict(False, reason="document-date")
    if _RESOLUTION_OF.search(sentence[:start]):
        return Verdict(False, reason="document-date")
    if is_headline(sentence, start, end):
        return Verdict(False, reason="headline")
    left = sentence[:start]
    if cues.status.search(left):
        return Verdict(False, reason="as-of-status")
    status_inside = cues.status_inside.search(left) is not None
    if cues.reporting_period.search(left):
        # "the present report covers the period from 1 April to 31 July": a report's span
        return Verdict(False, reason="reporting-period")
    if cues.span_end.search(left):
        # "renewed until 31 May", "paused until 6 January": the end of a span, not when anything happened
        return Verdict(False, reason="span-end")
    shift = date.start - start  # the matches count from the passage, `start` from the sentence
    for o in others:
        o0, o1 = o.start - shift, o.end - shift
        if o1 <= start and _PERIOD_JOIN.fullmatch(sentence[o1:start]) and _PERIOD_OPEN.search(sentence[:o0]):
            return Verdict(False, reason="span-end")  # "from June 2029 to 3 April 2031": its end
        if o0 >= end and _PERIOD_JOIN.fullmatch(sentence[end:o0]) and _PERIOD_OPEN.search(left):
            date = dataclasses.replace(date, end_date=o.end_date or o.date)  # its start
            break
    if date.relative and any(o.start >= end and not o.relative and _RESTATED.fullmatch(sentence[end:o.start])
                             for o in others):
        return Verdict(False, reason="restated-date")
    if cues.recommendation.search(left) and not re.search(r"[.;:]", left[cues.recommendation.search(left).end():]):
        # "it would be advisable, at the end of 2032, to hold ...": advice, not a happening
        return Verdict(False, reason="recommendation")
    opener = None
    for opener in cues.analogy.finditer(left):
        pass
    if opener is not None and not re.search(r"[,;:]", left[opener.end():]):
        return Verdict(False, reason="analogy")
    if date.relative and _POSSESSIVE.match(sentence, end):
        # "today's meeting/topic" is the document's own occasion, mentioned; "Tuesday's elections" and
        # "last month's attack" report an occasion of their day, "last year's statistics" do not
        own_day = date.text.lower().split()[-1] in ("today", "tonight")
        after = [w.lower() for w in _WORD.findall(sentence[end:end + 60])[1:6]]
        if own_day or not any(w in cues.event_nouns for w in after):
            return Verdict(False, reason="today's-mention")
    if date.relative and date.text.lower().split()[-1] in ("today", "tonight"):
        before = _words(left)[-3:]
        if any(w in cues.before_today for w in before):
            return Verdict(False, reason="today-as-nowadays")
    inner = _parenthetical(sentence, start, end)
    if inner is not None and verb_evidence(inner) is None:
        return Verdict(False, reason="parenthetical-mention")
    if inner is not None and re.match(r"\s{0,2}(?:see|cf\.?)(?![\w-])", inner, re.I):
        return Verdict(False, reason="citation")  # "(see the report ...; and the communiqué dated 24 January)"
    noun = _noun_near(sentence, start, end)
    if not date.relative and _modifies_noun(sentence, start, end):
        # "its 2029 assessment", "the 4 June 1967 lines" modify a noun; "the 2014 presidential
        # election", "the 14 March meeting" name an occasion
        return Verdict(False, reason="date-modifier")
    if date.precision == "year":
        if cues.purpose.search(left):
            return Verdict(False, reason="purpose-year")
        if _name_year(sentence, start, end):
            return Verdict(False, reason="name-year")
        year = date.date[:4]
        if any(o.precision in ("day", "month") and o.date[:4] == year for o in others):
            return Verdict(False, reason="year-of-fuller-date")
    if date.precision == "month" and any(o.precision == "day" and o.date[:7] == date.date[:7] for o in others):
        # "the letter dated 3 June and the meeting on 4 June, ... for the month of June": the days are the happenings
        return Verdict(False, reason="month-of-fuller-date")
    a, b = clause_bounds(sentence, start, end)
    evidence = verb_evidence(sentence[a:b], finite_only=in_footnote)
    if evidence is None and in_footnote:
        return Verdict(False, reason="citation-fragment")
    if evidence is None and (not noun or date.relative):
        return Verdict(False, reason="bare-mention")
    basis = [evidence or "event-noun"]
    if noun and evidence:
        basis.append("event-noun")
    if date.relative:
        basis.append("relative-date")
    elif date.year_stated:
        basis.append("stated-date")
    else:
        basis.append("year-from-context")
    if date.precision == "year":
        basis.append("year-only")
    if in_footnote:
        basis.append("footnote")
    if in_quote:
        basis.append("in-quotation")
    if status_inside and _counts(_without_dates(sentence, a, b, start, date, others)):
        # "the number of migrants exceeded 51,000 as at March": a count's status, no happening
        return Verdict(False, reason="as-of-status")
    doubt = _doubt(sentence, start, end, date, others, a, b)
    if status_inside:
        doubt.append("as-of")  # "chairs the committee as of 1 July": the start of a state
    if _long_period(date, left) and any(w in cues.coverage_verbs for w in _words(sentence[a:b])):
        # "the report covers developments from 5 December to 4 April": a report's span
        return Verdict(False, reason="reporting-period")
    if "statistic" in doubt and _long_period(date, sentence[:start]):
        # "from November to January the offices held 192 meetings": a tally over a reporting
        # period, which happened on no date of its own
        return Verdict(False, reason="statistic-over-period")
    basis += doubt
    high = (evidence is not None and date.year_stated and not date.relative and date.precision in ("day", "month")
            and not in_footnote and not in_quote and not doubt)
    return Verdict(True, "high" if high else "medium", tuple(basis))


def _modifies_noun(sentence: str, start: int, end: int) -> bool:
    """True for a date between a determiner and a lower-case noun that is no occasion: "its 2029
    assessment", "the 4 June 1967 lines" (not "the 2014 presidential election")."""
    nxt = _WORD.match(sentence[end:].lstrip())
    prev = _words(sentence[:start])[-1:]
    if not (nxt and nxt.group()[0].islower() and prev and prev[0] in lexicon("dates")["year_cues_before_determiner"]):
        return False
    if sentence[end:end + 1] not in (" ", "\u00a0"):
        return False  # "the 4 June 1967, when ...": the date ends a phrase
    following = []
    for w in _WORD.findall(sentence[end:end + 60])[:3]:
        if not w[0].islower():
            break
        following.append(w.lower())
    return not any(w in compiled_cues().event_nouns for w in following)


def _doubt(sentence: str, start: int, end: int, date: DateMatch, others: tuple[DateMatch, ...],
           a: int, b: int) -> list[str]:
    """Why a kept event is less sure: a date inside a condition ("if they do not withdraw by 30
    June"), the start of a span ("since 16 July"), a deadline set for someone ("should report by 1
    December"), the date in a document's name, a statistic ("from November to January the offices
    held 192 meetings", "trade amounted to $400 million")."""
    cues = compiled_cues()
    left = sentence[:start]
    shift = date.start - start  # the matches count from the passage, `start` from the sentence
    out = []
    cond = None
    for cond in cues.conditional.finditer(left):
        pass
    if cond is not None and "," not in left[cond.end():]:
        out.append("conditional")
    if cues.span_end_in_day.search(left):
        out.append("span-end")  # "resumed fire ... until the morning of 30 July": the day it stopped, not began
    if cues.span_start.search(left) or cues.span_start_after.match(sentence, end):
        out.append("span-start")  # "since 16 July", "from 15 February onwards"
    ahead = sentence[a:start]
    if cues.deadline.search(left) and (cues.modal.search(ahead) or _INFINITIVE.search(ahead) or _WILL_VERB.search(ahead)):
        out.append("deadline")  # "should provide a report by 1 December", "requested them to leave by May"
    elif _BY_DATE.search(left) and (not left[:_BY_DATE.search(left).start()].strip()
                                    or _counts(_without_dates(sentence, a, b, start, date, others))
                                    or "had" in _words(sentence[a:b])
                                    or any(w in cues.completion for w in _words(ahead))):
        # "By May 1921, it was clear", "60 per cent had been dug by June": a state reached by then
        # ("withdrew by 3 May" stays: a happening, bounded); "was completed by 15 May": an upper bound
        out.append("by-date")
    if any(cues.status_inside.search(sentence[:o.start - shift]) for o in others if o.start - shift < start):
        out.append("status-sentence")  # "As at 31 March, 9,000 had registered ... since the war began in April 2029"
    opening = next((o for o in others if o.start - shift < start and _OPENING_DATE.fullmatch(sentence[:o.start - shift])), None)
    if opening is not None and (_RELATIVE.search(sentence[opening.end - shift:start])
                                or reduced_relative(sentence[opening.end - shift:start], cues)):
        # "On 22 December, the ministry republished a decree that was first published in November 2028",
        # "On 13 November, ... following up on a first conference held in October 2023"
        out.append("sub-clause")
    if "sub-clause" not in out and (in_sub_clause(sentence, start, end, cues)
                                    or reduced_relative_subject(sentence, start, end, cues)):
        out.append("sub-clause")  # "the conference, which was held on 4 March, ...": not the main clause's happening
    if "sub-clause" not in out and any(_coordinated_with(sentence, o.start - shift, o.end - shift, start, cues)
                                       for o in others if o.end - shift <= start):
        out.append("sub-clause")  # "the truce that was announced on 15 January and went into effect on 19 January"
    if in_fronted_clause(sentence, start, cues) or fronted_phrase(sentence, start, end, cues):
        out.append("fronted-clause")  # "As we showed in April 2031, we shall ...": the main clause is undated
    if pronoun_subject(sentence, start, cues):
        out.append("pronoun-subject")  # "It was founded on 2 May 1990.": the text does not say who
    if present_main(sentence, start, cues):
        out.append("present-main")  # "Strongly condemns the capture of the port on 3 March;": the text's own act
    if effect_of_dated_subject(sentence, start, end, cues):
        out.append("effect-of-dated-subject")  # "The March 2031 truce contributed to the calm": the effect is undated
    if "span-start" not in out and _SINCE_PHRASE.search(left):
        out.append("span-start")  # "since the outbreak of the war in April 2029"
    if _APPOSITION_LEFT.search(left) and _APPOSITION_RIGHT.match(sentence, end):
        out.append("apposition")  # "the fate of X, a journalist arrested in October 2030, remains unknown"
    inner = _parenthetical(sentence, start, end)
    if inner is not None and verb_evidence(sentence[:sentence.rfind("(", 0, start)]) is not None:
        out.append("parenthetical")  # "elected on 9 May (the term of office began on 19 June)": an aside
    if preamble_phrase(sentence, start, cues):
        out.append("preamble")  # "Expressing concern at ... the postponement of elections, first in December 2022,"
    if _intention(ahead, cues):
        out.append("intention")  # "the commitment ... to hold elections in December 2032": not happened yet
    if _DAYS_BEFORE.search(left) and date.precision == "day":
        out.append("several-days")  # "on 16, 18 and 24 May": one of several days the text counts together
    if cues.annex_title.search(left):
        out.append("annex-title")  # "Annex 3: Press release of the Ministry, 2 December": a document's title
    if date.precision != "year" and _name_year(sentence, start, end) or cues.treaty_done.search(left):
        # "the Zenda Declaration of 11 May 2029", "the Convention ..., done at Zenda on 18 May": its date, cited
        out.append("named-document")
    if _long_period(date, left):
        out.append("period")  # "faced challenges between November and March": a state over months
    if date.precision == "month" and cues.month_before.search(left):
        out.append("period")  # "in October and November 2030": a happening over both months, dated by neither
    if cues.expectation.search(sentence[a:start]):
        out.append("expectation")  # "contract awards expected by October": not happened yet, maybe never
    np_start = _dated_noun_phrase(sentence, start, end) if not date.relative else None
    if np_start is not None and np_start > a and (verb_evidence(sentence[a:np_start]) is not None
                                                  or present_or_gerund(re.split(r"[,;:]", sentence[a:np_start])[-1], cues)):
        # "continued to implement the truce agreement of August 2030", "reiterated its May 2029
        # ruling", "condemning the April 2031 attack", "are refuted by the letter dated 2 May": the date
        # names an earlier occasion or a document, not the happening of the sentence's verb
        out.append("dated-noun-phrase")
    # the clause without its dates: a number left in it is a quantity
    clause = _without_dates(sentence, a, b, start, date, others)
    # what follows "said on 26 June that ..." is what was said, not what happened on the date
    said = re.search(r"(?<![\w-])that(?![\w-])", clause[end - a:])
    if said:
        clause = clause[:end - a + said.start()]
    if _CHANGE_BY.search(clause):
        out.append("statistic")  # "the currency depreciated by 4.8 per cent in December"
    elif _counts(clause):
        words = _words(clause)
        if _long_period(date, left) or any(w in cues.measure_verbs for w in words):
            out.append("statistic")
    return out


_AND_VERB = re.compile(r"\s{0,3}[,]?\s{1,3}and\s{1,3}(?:then\s{1,3}|later\s{1,3})?([a-z]{3,})\s")


def _coordinated_with(sentence: str, o0: int, o1: int, start: int, cues: Cues) -> bool:
    """True when the date's verb is coordinated with an earlier date's clause that is a sub-clause
    ("that was announced on 15 January and went into effect on 19 January"): it shares that clause."""
    m = _AND_VERB.match(sentence, o1)
    if m is None or not (_is_past(m.group(1), cues) or m.group(1) in cues.irregular_past):
        return False
    if re.search(r"[,;:()]", sentence[m.end():start]):
        return False
    return in_sub_clause(sentence, o0, o1, cues)


def _without_dates(sentence: str, a: int, b: int, start: int, date: DateMatch, others: tuple[DateMatch, ...]) -> str:
    """The clause `sentence[a:b]` with its dates blanked: a number left in it is a quantity."""
    clause = sentence[a:b]
    shift = date.start - start  # the matches count from the passage, `start` from the sentence
    for d in (date, *others):
        d0, d1 = d.start - shift, d.end - shift
        if a <= d0 and d1 <= b:
            clause = clause[:d0 - a] + " " * (d1 - d0) + clause[d1 - a:]
    return clause


def _counts(clause: str) -> bool:
    """True when `clause` counts something ("51,000 refugees", "$36 million", "twelve workshops")."""
    return _QUANTITY.search(clause) is not None or compiled_cues().count_words.search(clause) is not None


_BY_DATE = re.compile(r"(?<![\w-])by\s{1,3}(?:(?:early|late|mid|the\s+end\s+of|the\s+middle\s+of)\s{1,3})?$", re.I)
_OPENING_DATE = re.compile(r"\s{0,3}(?:(?:on|in|at|during)\s{1,3})?", re.I)
_RELATIVE = re.compile(r"(?<![\w-])(?:that|which|who|whose|whom)\s{1,3}(?:had\s+|has\s+|have\s+)?(?:was|were|been|is|are)?\b", re.I)
_DAYS_BEFORE = re.compile(r"(?<![\w.,])\d{1,2}(?:st|nd|rd|th)?\s{0,2}(?:,|and|&)\s{0,3}$")
_SINCE_PHRASE = re.compile(r"(?<![\w-])since\s{1,3}(?:the|its|their|his|her|this|that)\s[^,;:.()]{0,80}?"
                           r"(?<![\w-])(?:in|of|on)\s{1,3}$", re.I)
_APPOSITION_LEFT = re.compile(r",\s{1,3}(?:a|an)\s[^,;:()]{0,80}$")
_APPOSITION_RIGHT = re.compile(r"[^,;:()]{0,40},\s")


def _intention(ahead: str, cues: Cues) -> bool:
    """True when the date follows an infinitive of a verb of happening with no finite verb between
    ("the commitment to hold elections in December"), unless an aspect verb governs it ("continued to
    shell the town on 3 May" tells what happened)."""
    found = list(re.finditer(r"(?<![\w-])([A-Za-z]+)\s{1,3}to\s{1,3}([a-z]{3,})(?![\w-])", ahead))
    if not found:
        return False
    m = found[-1]
    if m.group(2) not in cues.verb_bases or m.group(1).lower() in cues.aspect:
        return False
    return not any(_is_past(w, cues) for w in _words(ahead[m.end():]))


_NOUN_DATED = re.compile(r"(?<![\w-])([a-z][a-z-]+)\s{1,3}dated\s{1,3}$")
_NOUN_OF = re.compile(r"(?<![\w-])([a-z][a-z-]+)\s{1,3}of\s{1,3}$")


def _dated_noun_phrase(sentence: str, start: int, end: int) -> int | None:
    """Where the noun phrase the date belongs to starts, for an occasion or a document dated inside a
    noun phrase ("the truce agreement of August 2030", "its May 2029 ruling"); None otherwise."""
    cues = compiled_cues()
    m = _NOUN_OF.search(sentence[:start])
    if m and (m.group(1) in cues.event_nouns or m.group(1) in cues.name_nouns):
        return m.start(1)
    m = _NOUN_DATED.search(sentence[:start])  # "the letter dated 2 February 2031": a document's date
    if m and (m.group(1) in lexicon("events")["dated_heading_nouns"] or m.group(1) in cues.name_nouns):
        return m.start(1)
    prev = list(_WORD.finditer(sentence[:start]))[-1:]
    if not prev or prev[0].group().lower() not in lexicon("dates")["year_cues_before_determiner"] \
            or sentence[prev[0].end():start].strip():
        return None
    # "its May 2029 ruling", "the April 1978 Zenda Revolution" (a named occasion)
    following = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", re.split(r"[,;:.()]", sentence[end:end + 60])[0])[:4]]
    if not following or not (following[0][0].isalpha()) or re.match(r"\s{0,2}[,;:.]", sentence[end:]):
        return None
    return prev[0].start() if any(w in cues.event_nouns or w in cues.name_nouns for w in following) else None


def _long_period(date: DateMatch, left: str) -> bool:
    """A period of more than a month ("from 1 November to 31 January", "between April and June",
    "from 2008 to 2009"): a reporting period, not the time of a happening ("from 21 to 23 May");
    "in 2018 and 2019" names two years, not a period."""
    if not date.end_date:
        return False
    if re.search(r"(?<![\w-])(?:and|&)(?![\w-])", date.text) and not re.search(r"(?<![\w-])between\s{1,3}$", left, re.I):
        return False
    if date.precision == "day":
        first, last = (_dt.date.fromisoformat(d) for d in (date.date, date.end_date))
        return (last - first).days > 31
    return date.end_date[:7] != date.date[:7]
