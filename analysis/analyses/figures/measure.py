"""A figure in its text -> what it measures, whom it is about, and whether it is a threshold.

`clause_span` bounds the words read; `find_measure` gives the measure label,
`find_subject` the capitalised noun phrase, `find_role` ``threshold`` or None.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..dates import lexicon, sentence_span
from .builder import Draft
from .lexicon import FigureLexicon, figure_lexicon, gazetteer, is_plural
from .noun_phrases import (PRONOUN, bracket_outcome, counted_noun_label, dimension_after, instance_of, modified_noun, noun_of_figure,
                           of_complement, outcome_before, participle_before, subject_of_verb, money_verb,
                           list_head)


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


MARKUP = re.compile(r"[=|{}\[\]<>]")
"""Characters of markup a reader may leave in text (a wiki infobox's "latm=25 |latNS=N"): never in a name."""


@lru_cache(maxsize=1)
def _subject_lex() -> "_SubjectLex":
    return _SubjectLex()


class _SubjectLex:
    """The words that make a capitalised phrase no subject, compiled once."""

    def __init__(self) -> None:
        fg, dates, num = lexicon("figures"), lexicon("dates"), lexicon("numbers")
        conn = "|".join(fg["subject_connectors"])
        # (an apostrophe or a turned comma may be a letter of a name: "Jama\u2018a")
        # ("of the" too: "the Office of the Refugee Commissioner")
        self.capnp = re.compile(r"[A-Z][\w'\u2018\u2019\u02bc\u02bf\-]*(?:\s(?:(?:" + conn
                                + r")\s|(?:of|for|on)\sthe\s)?[A-Z][\w'\u2018\u2019\u02bc\u02bf\-]*){0,6}")
        self.stop = frozenset(fg["subject_stopwords"])
        self.connectors = frozenset(fg["subject_connectors"])
        # words that are a time or a number, never a name: "Wednesday", "Eighteen", "Third"
        self.not_names = frozenset([*dates["months"], *dates["weekdays"], *num["units"], *num["tens"],
                                    *num["ordinals"], "hundred", "dozen"])
        aux = "|".join(fg["subject_source_auxiliaries"])
        self.source_after = re.compile(
            r"(?:\s{0,2}\([^()]{1,16}\))?(?:['\u2019]s?)?(?:\s{1,2}(?:" + aux + r")){0,3}\s{1,2}(?:" + "|".join(fg["subject_source_words"])
            + r")(?![\w-])", re.I)
        self.according = re.compile(r"(?<![\w])according\s{1,2}to\s{1,2}(?:the\s{1,2})?$", re.I)
        numw = "|".join(sorted([*num["units"], *num["tens"]], key=len, reverse=True))
        self.counted_before = re.compile(
            r"(?:(?<![\d,.])(?!(?:1[89]|20)\d\d(?![\d,.]))\d[\d,.]*|(?<![\w-])(?:" + numw + r"))"
            r"\s{1,2}(?:(?!(?:in|of|for|by|at|on|to|from|among|across|with|within|and|or)\s)(?-i:[a-z][\w-]*)\s{1,2})?$"
            r"|(?<![\w-])number\s{1,2}of\s{1,2}$", re.I)
        self.state_nouns = frozenset(fg["subject_state_nouns"])
        from ...actors import titles         # (the actors module is imported only when a subject is read)
        t = titles()
        # the last word of a title ("Special Representative" -> representative) and the modifiers before it
        self.title_words = (frozenset(ws[-1].lower() for phrase in [*t["roles"], *t["honorifics"]]
                                      if (ws := re.findall(r"[A-Za-z]+", phrase)))
                            | frozenset(w.lower() for phrase in t["role_modifiers"] for w in re.findall(r"[A-Za-z]+", phrase))
                            ) - frozenset(w.lower() for w in t["organisation_heads"]) \
            - frozenset(("state", "government", "office", "nations", "of", "the"))
        # documents and provisions ("the Decree of ...", "Article 111"), not the bodies among the reference nouns
        self.document_nouns = frozenset(w for w in fg["reference_nouns"] if w.isalpha()) \
            - frozenset(w.lower() for w in t["organisation_heads"])
        self.heading = re.compile(r"[\s\u2022\u25cf\u25aa\u2013*-]{0,6}((?:[^\s:.;,]{1,30}\s{1,2}){0,3}[^\s:.;,]{1,30}):\s")


_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish|ic|ical|ist)$")
"""Endings of nationality and other adjectives ("Ruritanian", "Andean", "Islamic")."""


def find_subject(text: str, cs: int, ce: int, f: Draft, cue_end: int | None) -> tuple[str | None, bool]:
    """The capitalised noun phrase the figure is about: after the measure cue ("turnout in
    the Upper Valley"), else the nearest before the figure in its clause, else one after it
    (not across a comma: an apposition or the next item of a list is not the figure's).
    A phrase is passed over when it cannot be whom the figure is about: a heading before a
    colon, the source that reports it ("according to the Office", "the Panel verified"), another
    figure's counted noun, a nationality adjective before a common noun, a plural common noun
    opening the sentence, a time, a number word or a letter of a document symbol."""
    lx = _subject_lex()
    s0 = sentence_span(text, f.start)[0]
    head = lx.heading.match(text, s0, min(len(text), s0 + 140))
    label = head.group(1) if head else ""
    # a label that is all names ("Valdoria:") may be the subject; one with a common word
    # ("Enrichment levels:") or a plural ("Stockpiles:") is a heading
    heading_end = head.end() if head and not gazetteer().canonical(label) and (
        any(w[:1].islower() for w in label.split()) or not label[:1].isupper()
        or " " not in label and is_plural(figure_lexicon(), label.lower())) else -1

    def _source(ms: int, me: int) -> bool:
        return bool(lx.according.search(text, max(0, ms - 20), ms) or lx.source_after.match(text, me))

    def pick(m: re.Match) -> str | None:
        if m.start() < heading_end:
            return None                   # "• Stockpiles: accumulating ...": a heading
        words = m.group().split()
        while words and (words[0] in lx.stop or words[0][:1].islower()
                         or all(w in lx.not_names for w in re.sub(r"['\u2019]s?$", "", words[0].lower()).split("-"))):
            words = words[1:]
        while words and (words[-1].lower() in lx.connectors or words[-1].lower() in lx.not_names):
            words = words[:-1]
        k = next((i for i, w in enumerate(words) if w == "of"), None)
        if k and all(w.lower() in lx.title_words or w.lower() in lx.document_nouns or w == "and" for w in words[:k]):
            # "the President of the Council", "the Decree of the Supreme Soviet": whose, not who
            words = words[k + 1:]
            while words and (words[0] in lx.stop or words[0][:1].islower()):
                words = words[1:]
        out = re.sub(r"['\u2019]s$", "", " ".join(words))
        if MARKUP.search(out) or len(out) <= 1 or text[m.start() - 1:m.start()] in ("/", "."):
            return None  # markup left in the text (a wiki infobox's "latm=25 |latNS=N"), a symbol's letter
        if out.lower() in figure_lexicon().measure_of:
            return None                   # "the GDP per capita is": the measure's own word
        if re.search(r"-(?:[a-z]{2,}ed|led|run|held|owned)$", out):
            return None                   # "the Front-aligned militia": an adjective
        if " " not in out and re.match(r"\s{1,2}\d", text[m.end():m.end() + 3]) and out.lower() in lx.document_nouns:
            return None                   # "Article 111": a reference
        gaz = gazetteer()
        if lx.counted_before.search(text, max(0, m.start() - 40), m.start()):
            return None                   # "210,000 ethnic Ruritanians and 95,000 ...": another figure's noun
        state = gaz.is_state(out)
        if not state and _source(m.start(), m.end()):
            return None                   # the source of the figure, not what it is about
        before = re.search(r"(" + lx.capnp.pattern + r")\s{0,2}\($", text[max(0, m.start() - 100):m.start()])
        if before and _source(m.start() - len(before.group()), m.start() - len(before.group()) + len(before.group(1))):
            return None                   # "according to the Health Office (VHO)": the source's acronym
        if " " not in out:
            nxt = re.match(r"\s{1,2}([a-z][a-z-]*(?:\s[a-z]+)?)", text[m.end():m.end() + 30])
            found = gaz.find(out)
            via = found[0].via if len(found) == 1 and found[0].end - found[0].start == len(out) else None
            if nxt and via in ("adjective", "demonym", "ethnonym"):
                noun = nxt.group(1)
                if noun in lx.state_nouns or noun.split()[0] in lx.state_nouns:
                    return gaz.adjective_state(out) or found[0].name   # "Ruritanian territory": the state
                return _BLOCK             # "Thai soldiers": an adjective, not a subject
            if nxt and not found and _ADJECTIVE.search(out):
                # "the Ruritanian referendum": the name the adjective is made from, when the passage
                # writes it; never a name further back, which the adjective's noun stands between
                stem = out[:max(5, len(out) - 3)]
                named = re.search(r"(?<![\w-])" + re.escape(stem) + r"[a-z]{0,3}(?![\w-])", text)
                return named.group() if named and not _ADJECTIVE.search(named.group()) else _BLOCK
            if not found and not text[s0:m.start()].strip(" \t\n\"'\u201c\u2018(\u2022*-") \
                    and is_plural(figure_lexicon(), out.lower()):
                return None               # "Interviews with ...", "Nominations were ...": a common noun
        return out or None

    def opens(m: re.Match) -> bool:
        return not text[max(s0, heading_end):m.start()].strip(" \t\n\"'\u201c\u2018(\u2022*-")

    if cue_end is not None:
        m = re.match(r"\s{1,3}(?:\w+\s){0,2}?(?:in|of|among|for|by)\s(?:the\s)?(" + lx.capnp.pattern + ")",
                     text[cue_end:min(ce, cue_end + 60)])
        if m:
            cm = lx.capnp.match(text, cue_end + m.start(1))
            s = pick(cm)
            if s and s is not _BLOCK:
                return s, False
    best = None
    for m in lx.capnp.finditer(text, cs, f.start):
        if " " not in m.group() and m.group().endswith("ly") and text[m.end():m.end() + 1] == ",":
            continue                      # "Generally, ..."
        s = pick(m)
        if s is _BLOCK:
            best = None
        elif s:
            best = s, opens(m)
    if best:
        return best
    m = re.match(r"(?:[^.;,()]|(?<=\d)[,.](?=\d)){0,40}?(?<![\w-])(?P<p>in|of|for|among|across|to)\s(?:the\s)?("
                 + lx.capnp.pattern + ")", text[f.end:ce])
    if m and not (m.group("p") == "of" and m.start("p") <= 2 and f.unit in ("mass", "length", "area", "other")):
        s = pick(lx.capnp.match(text, f.end + m.start(2)))
        if s and s is not _BLOCK:
            return s, False
    return None, False


_BLOCK = "\u0000"
"""What `pick` gives for an adjective: no subject there, and none further back."""


def _month(w: str) -> bool:
    lx = lexicon("dates")
    return w.lower().rstrip(".") in lx["months"]


def find_measure(lx: FigureLexicon, text: str, cs: int, ce: int, f: Draft) -> tuple[str | None, int | None, str | None]:
    """(measure label, where its cue ends (for the subject search), the rule that gave it).

    The figure's own words first: the counted noun (and the verb of what happened to it), the
    noun the figure is the size of, the noun it is a share of, the noun it modifies, the
    subject of the verb that states it; only then the nearest measure cue in the clause."""
    if f.anaphoric:
        return f.count_measure, None, "stands-for-people" if f.count_measure else None
    if f.count_measure:
        if f.count_basis != "counted-noun" or f.count_measure[:1].isupper():
            return f.count_measure, None, f.count_basis
        label, outcome = counted_noun_label(lx, text, f.end, ce, f.count_measure)
        if not outcome:
            before = outcome_before(text, cs, f.start, f.count_measure) \
                or bracket_outcome(lx, text, cs, ce, f.start, f.end, f.count_measure)
            if before:
                return before, None, "counted-noun+outcome"
            label = instance_of(lx, text, f.end, ce, label) or label
        return label, None, "counted-noun+outcome" if outcome else "counted-noun"
    label = noun_of_figure(lx, text, cs, f.start)
    if label:
        return label, None, "noun-of-figure"
    oc = of_complement(lx, text, f.end, ce, f.unit == "currency")
    if oc is not None and oc[0] != PRONOUN:
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
    if lx.threshold_before.search(before):
        return "threshold"
    if lx.threshold_open.search(text[max(cs, f.start - 30):f.start]):
        return "threshold"
    stop = ce if next_start is None else min(ce, next_start)
    after = text[f.end:stop]
    if lx.threshold_after.match(after):
        return "threshold"
    mm = lx.threshold_modal.search(after[:90])
    if mm and lx.threshold_eval.search(after[mm.end():mm.end() + 60]):
        return "threshold"
    return None
