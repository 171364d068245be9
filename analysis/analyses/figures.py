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
from functools import lru_cache

from ..lexicons import absent, lowered
from ..model.document import Document
from ..model.findings import Figure
from ..text.memo import TextMemo
from .dates import alternation, apply_mask, lexicon, phrases_re, prose_layer, sentence_span


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


# ================================================================== lexicon
_TOK = re.compile(r"[A-Za-z\u00C0-\u024F][\w'\u2019]*\.?|[<>=\u2264\u2265~]+|[^\s\w]")


_SYMBOL_ENDS = ("<", ">", "=", "~", "\u2264", "\u2265", "#", "\u00a7", "\u2116")


class _Tail:
    """Cue phrases that end a text window (``more than`` before a number), found by looking up
    the window's last tokens: a dictionary probe instead of a regex tried at every offset."""

    def __init__(self, phrases) -> None:
        self.phrases: dict[tuple[str, ...], str] = {}
        self.last: set[str] = set()
        self.n = 1
        for p in phrases:
            toks = tuple(t.lower() for t in _TOK.findall(p))
            if toks:
                self.phrases[toks] = p
                self.last.add(toks[-1])
                self.n = max(self.n, len(toks))

    def find(self, left: str, need_space: bool = True) -> int | None:
        """Offset in `left` where the longest phrase that ends it starts (only spaces may follow)."""
        end = left[-40:].rstrip()
        if not end:
            return None
        last_word = end.rsplit(None, 1)[-1][-16:].lower()
        tail = left[-(self.n * 16):]
        if last_word not in self.last:
            if not last_word.endswith(_SYMBOL_ENDS):
                return None
            # The last token is a run of comparison signs or one sign: is it the end of a phrase?
            signs = tail.rstrip()
            if not signs:
                return None
            last = signs[len(signs.rstrip("<>=\u2264\u2265~")):] if signs[-1] in "<>=\u2264\u2265~" else signs[-1]
            if last not in self.last:
                return None
        toks = [(m.group().lower(), m.start()) for m in _TOK.finditer(tail)]
        if not toks:
            return None
        last, last_start = toks[-1]
        trailing = tail[last_start + len(last):]
        if trailing.strip():
            return None
        for n in range(min(self.n, len(toks)), 0, -1):
            cand = tuple(t for t, _ in toks[-n:])
            if cand in self.phrases:
                if need_space and not trailing and cand[-1][:1].isalpha():
                    continue
                return len(left) - len(tail) + toks[-n][1]
        return None


class _Lex:
    """The lexicons compiled once into lookups and bounded regexes."""

    def __init__(self) -> None:
        num, un, fg, ms = lexicon("numbers"), lexicon("units"), lexicon("figures"), lexicon("measures")
        self.units_w: dict[str, int] = num["units"]
        self.tens_w: dict[str, int] = num["tens"]
        self.scales_w: dict[str, float] = num["scales"]
        self.scale_spaced: dict[str, float] = {**num["scales"], **num["scale_abbreviations_spaced"]}
        self.scale_attached: dict[str, float] = num["scale_abbreviations_attached"]
        self.scale_after_cur: dict[str, float] = num["scale_abbreviations_after_currency"]
        self.denoms: dict[str, int] = num["denominators"]
        self.unambiguous_denoms = set(num["unambiguous_denominators"])
        self.vulgar: dict[str, float] = num["vulgar_fractions"]
        self.vulgar_ascii = any(v.isascii() for v in self.vulgar)  # (if any: no text is passed over by isascii)
        self.ordinals = set(num["ordinals"])
        self.ordinal_suffixes = set(num["ordinal_suffixes"])
        words = list(self.units_w) + list(self.tens_w) + ["hundred", "dozen"] + list(self.scales_w)
        nw = alternation(sorted(words, key=len, reverse=True))
        self.word_run = re.compile(
            r"(?<![\w-])" + nw + r"(?:(?:\s{1,3}|-|\s{1,3}and\s{1,3}|\s{0,2}&\s{0,2})" + nw + r"){0,14}(?![\w])", re.I)
        small = alternation(sorted(list(self.units_w) + list(self.tens_w), key=len, reverse=True))
        dens = alternation(sorted(self.denoms, key=len, reverse=True))
        self.frac_word = re.compile(
            r"(?<![\w-])(?:(?P<num>" + small + r"|an?|\d{1,2})(?P<sep>\s{1,2}|\s?-\s?))?(?P<den>" + dens + r")(?![\w])", re.I)
        self.mixed = re.compile(
            r"(?<![\w-])(?P<whole>" + nw + r"(?:[\s-]" + nw + r"){0,3}|\d{1,3})\s{1,2}and\s{1,2}"
            r"(?P<num>an?|one|two|three)\s{1,2}(?P<den>halfs?|halves|quarters?|thirds?)(?![\w])", re.I)
        # Words every match of frac_word / mixed holds (a denominator), for a substring test that
        # spares the regex in the many texts without one (None: the lexicon's words are not plain).
        # (a word holding another, "thirds" and "third", adds nothing to the test: left out)
        self.frac_word_needs = tuple(d for d in self.denoms if not any(o != d and o in d for o in self.denoms)) \
            if all(re.fullmatch("[a-z]+", d) for d in self.denoms) else None
        self.mixed_needs = ("half", "halves", "quarter", "third")
        vf = "".join(self.vulgar)
        self.frac_vulgar = re.compile(r"(?<![\w.])(?:(?P<whole>\d{1,3})\s?)?(?P<vf>[" + vf + "])")
        self.frac_slash = re.compile(r"(?<![\w/.,\-])(?:(?P<whole>\d{1,3})\s)?(?P<num>\d{1,2})\s?/\s?(?P<den>\d{1,3})(?![\w/]|\.\d)")
        self.digit = re.compile(
            r"(?<![\d])(?:(?P<ec>\d{1,3},\d{1,2})(?=\s?(?:%|per\s?cent|percent))"
            r"|(?P<us>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,8})?)(?![\d]|,\d)"
            r"|(?P<in>\d{1,2}(?:,\d{2}){1,5},\d{3}(?:\.\d{1,8})?)(?![\d]|,\d)"
            r"|(?P<eu>\d{1,3}(?:\.\d{3}){2,6}(?:,\d{1,8})?)(?![\d]|\.\d)"
            r"|(?P<pl>\d{1,18}(?:\.\d{1,8})?)(?![\d]))")
        # ---- currencies
        syms: dict[str, str] = un["currency_symbols"]
        self.non_ascii_symbols = tuple(sym for sym in syms if not sym.isascii())
        self.cur_symbols = syms
        self.cur_codes: dict[str, str] = {c: un["currency_code_aliases"].get(c, c) for c in un["currency_codes"]}
        for c in un["lowercase_codes_ok"]:
            self.cur_codes[c] = un["currency_code_aliases"].get(c.upper(), c.upper())
        self.mcode_scale: dict[str, float] = un["million_prefixed_codes"]
        self.mcodes = un["million_prefixed_codes_list"]
        self.mcode_words = frozenset(mc + c for mc in self.mcode_scale for c in self.mcodes)
        """"MUSD", "kEUR", "bnUSD": a scale prefix glued to a currency code."""
        sym_parts = []
        for s in sorted(syms, key=len, reverse=True):
            if re.search(r"[A-Za-z]", s):
                sym_parts.append(r"(?<![A-Za-z])(?i:" + re.escape(s) + ")")
            else:
                sym_parts.append(re.escape(s))
        spaced = un["dollar_sign_spaced_prefixes"]
        self.spaced_prefix: dict[str, str] = spaced
        sp_parts = []
        for p in sorted(spaced, key=len, reverse=True):
            body = re.escape(p).replace(r"\ ", r"\s?")
            if p in un["dollar_sign_spaced_prefixes_lowercase_only"]:
                sp_parts.append(r"(?<![\w.'\u2019])" + body + r"(?!\.)")
            else:
                sp_parts.append(r"(?<![\w.'\u2019])(?i:" + body + ")")
        codes = sorted(self.cur_codes, key=len, reverse=True)
        code_alt = "|".join(codes)
        mcode_alt = "(?:" + "|".join(sorted(self.mcode_scale, key=len, reverse=True)) + ")(?:" + "|".join(self.mcodes) + ")"
        self.cur_prefix = re.compile(
            r"(?:(?P<sp>" + "|".join(sp_parts) + r")\s{1,2}\$"
            r"|(?P<mc>(?<![A-Za-z])" + mcode_alt + r")\s{1,2}"
            r"|(?P<code>(?<![A-Za-z])(?:" + code_alt + r"))(?:\s{0,2}\$)?"
            r"|(?P<sym>" + "|".join(sym_parts) + r"))\s{0,2}(?P<neg>[-\u2212])?$")
        after_syms = [s for s in syms if not re.search(r"[A-Za-z]", s)]
        self.prefix_last_chars = {s[-1] for s in syms} | {"$"}
        self.cur_sym_after = re.compile(
            r"\s{0,2}(?P<sym>" + "|".join(re.escape(s) if s != "$" else r"\$(?!\s?\d)"
                                         for s in sorted(after_syms, key=len, reverse=True)) + ")")
        self.cur_code_after = re.compile(
            r"\s{0,2}(?:(?P<mc>" + mcode_alt + r")|(?P<code>" + code_alt + r"))(?![A-Za-z])"
            r"(?:\s{1,2}(?P<scale>million|billion|thousand|trillion|bn|mn))?(?![\w])")
        names: dict[str, dict] = un["currency_names"]
        self.cur_name_of: dict[str, str] = {}
        quals = set()
        for key, entry in names.items():
            for f in entry["forms"]:
                self.cur_name_of[f] = key
            quals.update(entry.get("qualified", {}))
        self.cur_names = names
        qual_alt = "|".join(re.escape(q).replace(r"\ ", r"\s{1,2}") for q in sorted(quals, key=len, reverse=True))
        form_alt = "|".join(re.escape(f).replace(r"\ ", r"\s{1,2}") for f in sorted(self.cur_name_of, key=len, reverse=True))
        self.cur_name_after = re.compile(
            r"(?P<sp>\s{1,3}|-)(?:(?P<q>" + qual_alt + r")\s{1,3})?(?P<n>" + form_alt + r")(?![\w])", re.I)
        self.cur_name_alt = form_alt
        # "a"/"an" not after a letter: the letter comes first, the look-behind (two back) after
        # it, so the engine jumps from one "a" to the next instead of trying every position
        self.article_money = re.compile(r"(?-i:[aA])(?<![\w-].)n?(?=\s{1,2}(?:" + form_alt + r")(?![\w]))", re.I)
        # ---- physical units
        self.unit_of: dict[str, tuple[str, str]] = {}
        self.attached_only = set(un["attached_only_units"])
        self.spaced_only = set(un.get("spaced_only_units", []))
        parts = []
        for cls, table in un["physical_units"].items():
            for name, forms in table.items():
                for f in forms:
                    self.unit_of[f.lower()] = (cls, name)
                    parts.append(f)
        ci, cs = [], []
        for f in sorted(set(parts), key=len, reverse=True):
            body = re.escape(f).replace(r"\ ", r"\s{1,2}")
            (cs if (re.search(r"[A-Z]", f) or len(f) <= 3) else ci).append(body)
        self.unit_after = re.compile(r"(?P<sp>\s{0,2}|-)(?P<u>" + "|".join(
            ["(?i:" + b + ")" for b in ci] + cs) + r")(?![\w\u00b2\u00b3^])")
        self.age = re.compile(r"(?:\s{1,2}|-)years?(?:\s{1,2}|-)old(?![\w])|\s{1,2}years\s{1,2}of\s{1,2}age(?![\w])", re.I)
        self.relative_after = re.compile(r"\s{1,3}" + phrases_re(fg["relative_time_after"]), re.I)
        # ---- percent
        self.percent = re.compile(
            r"(?P<sp>\s{0,2})(?P<p>%|(?:per\s?cent|percent)(?:age)?s?(?:\s{1,2}points?)?|percentage\s{1,2}points?"
            r"|percentages?|pct\.?|p\.\s?c\.)(?![\w])", re.I)
        self.percent_of = re.compile(r"(?<![\w])(?:per\s?cents?|percents?|percentage)\s{1,3}of\s{1,3}$", re.I)
        # ---- cues
        self.bound_min = _Tail(fg["bound_min"])
        self.bound_max = _Tail(fg["bound_max"])
        self.exact = _Tail(fg["exact"])
        self.approx = _Tail(fg["approximate"])
        self.approx_after = re.compile(r"(?:\s{1,2}|-)" + phrases_re([a.lstrip("-") for a in fg["approximate_after"]]), re.I)
        self.post_min = re.compile(r"\s{0,3}" + phrases_re(fg["post_min"]) + r"|\+(?![\w+])", re.I)
        self.post_max = re.compile(r"\s{0,3}" + phrases_re(fg["post_max"]), re.I)
        self.post_equal = re.compile(r"\s{0,3}" + phrases_re(fg["post_equal"]), re.I)
        self.between = re.compile(r"(?<![\w])between\s{1,3}$", re.I)
        self.from_ = re.compile(r"(?<![\w])from\s{1,3}$", re.I)
        self.change_verb = re.compile(phrases_re(fg["change_verbs"]) + r"(?:\s{1,3}[\w'\u2019-]{1,30}){0,3}?\s{1,3}from\s{1,3}$", re.I)
        self.det = _Tail(fg["anaphoric_determiners"])
        self.fraction_blocker = _Tail(fg["fraction_blockers"])
        self.sign_word = _Tail(num["sign_words"])
        self.anaphora_max = fg["anaphora_max"]
        self.ref_noun = _Tail(list(fg["reference_nouns"]) + ["#", "\u2116", "\u00a7"])
        self.range_sep = re.compile(r"\s{0,3}[-\u2013\u2014~]\s{0,3}|\s{1,3}(?:to|through|thru|until|till|and)\s{1,3}", re.I)
        self.of_sep = re.compile(r"\s{1,3}(?:out\s{1,3})?of\s{1,3}(?:(?:the|its|their|his|her|our|these|those)\s{1,3})?", re.I)
        self.in_sep = re.compile(r"\s{1,3}in\s{1,3}", re.I)
        self.minor_after = re.compile(
            r"(?:\s{1,3}and\s{1,3}|\s{1,3})(?P<m>\d{1,2}(?![\d]|[.,]\d)|(?:" + "|".join(sorted(list(self.tens_w) + list(self.units_w), key=len, reverse=True))
            + r")(?:[\s-](?:" + "|".join(self.units_w) + r"))?(?![\w-]))(?P<c>\s{1,3}(?:cents?|pence|centavos?|kopecks?))?", re.I)
        self.threshold_before = re.compile(
            "(?:" + phrases_re(fg["threshold_before"]) + "|" + phrases_re(fg["threshold_nouns"])
            + r"(?:\s{1,3}[\w-]{1,30}){0,2}\s{1,3}(?:of|at|is|was|stands at|set at)" + r")\s{0,3}$", re.I)
        self.threshold_after = re.compile(r"\s{0,3}(?:[\w-]{1,30}\s{1,3}){0,2}?" + phrases_re(fg["threshold_after"]), re.I)
        self.threshold_open = re.compile(
            phrases_re(fg["threshold_open_ended"]) + r"\s{1,3}(?:\w+\s{1,3}){0,2}?$", re.I)
        self.threshold_eval = re.compile(phrases_re(fg["threshold_evaluations"]), re.I)
        self.threshold_modal = re.compile(phrases_re(fg["threshold_modals"]), re.I)
        self.count_stop = set(fg["count_noun_stop"])
        self.copula_nouns: dict[str, str] = fg["copula_count_nouns"]
        self.copula_count = re.compile(
            r"(?P<noun>" + phrases_re(self.copula_nouns) + r")(?:\s{1,3}[\w'-]{1,30}){0,3}?\s{1,3}"
            + phrases_re(fg["copula_verbs"]) + r"\s{1,3}$", re.I)
        self.irregular = fg["irregular_plurals"]
        self.singular_ok = set(fg["count_words_singular_ok"])
        self.function_words = set(fg["function_words"])
        self.adjective_stop = set(fg["adjective_stop"])
        # ---- measures
        self.measure_of: dict[str, str] = {}
        for cue in ms["cues"]:
            for w in cue["words"]:
                self.measure_of[" ".join(w.lower().split())] = cue["measure"]
        self.measure_n = max(len(k.split()) for k in self.measure_of)
        numw = "|".join(sorted(list(self.units_w) + list(self.tens_w), key=len, reverse=True))
        self.number_word_end = re.compile(r"(?:\d|(?<![\w])(?:" + numw + r"))\s{0,2}$", re.I)
        self.number_follows = re.compile(
            r"(?:\s{0,3}(?:than|or|equal|to)(?![\w])){0,4}\s{0,3}(?:[\d$\u20ac\u00a3]|(?:" + numw + "|"
            + "|".join(self.denoms) + r")(?![\w])|an?\s{1,2}(?:" + "|".join(
                list(self.denoms) + ["hundred", "thousand", "million", "billion", "dozen"]) + r"))", re.I)


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    return _Lex()


# ================================================================== atoms
@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    value: float
    kind: str = "num"
    """``num`` or ``fraction``."""
    plain_int: bool = False
    """Digits only, no separator or decimal (a year or a code could look like this)."""
    word: bool = False
    one: bool = False
    """The lone word "one" (or "a"): a pronoun or an article more often than a figure."""
    sign_start: int | None = None
    compound: str | None = None
    """The word joined by a hyphen after the number ("nation" in "15-nation")."""
    scaled: bool = False
    decimals: bool = False
    article: bool = False
    """"a"/"an" standing for one before a currency name ("a penny", "less than a dollar")."""


_WORD_TOKEN = re.compile(r"[A-Za-z]+")
_COUNT_TOKEN = re.compile(r"[ \u00a0]{1,3}([A-Za-z\u00C0-\u024F][\w'\u2019\-]{0,40})")


def _parse_words(lx: _Lex, tokens: list[tuple[str, int, int]], a_before: bool) -> list[tuple[float, int, int, int]]:
    """Greedy parse of a run of number words into (value, start, end, token count) numbers."""
    out = []
    i, n = 0, len(tokens)
    while i < n:
        if tokens[i][0] == "and":
            i += 1
            continue
        total, current, last, j, max_scale = 0.0, 0.0, None, i, float("inf")
        end = None
        if i == 0 and a_before and tokens[0][0] in ("hundred", "dozen", *lx.scales_w):
            current, last = 1.0, "unit"
        while j < n:
            w = tokens[j][0]
            if w == "and":
                if last in ("hundred", "scale") and j + 1 < n and (tokens[j + 1][0] in lx.units_w or tokens[j + 1][0] in lx.tens_w):
                    j += 1
                    last = "and"
                    continue
                break
            if w in lx.units_w:
                v = lx.units_w[w]
                if v < 10 and v > 0:
                    if last not in (None, "tens", "hundred", "scale", "and"):
                        break
                elif last not in (None, "hundred", "scale", "and"):
                    break
                current += v
                last = "unit" if 0 < v < 10 else "teen"
            elif w in lx.tens_w:
                if last not in (None, "hundred", "scale", "and"):
                    break
                current += lx.tens_w[w]
                last = "tens"
            elif w == "hundred":
                if last not in ("unit", "teen", "tens") or current >= 100:
                    break
                current *= 100
                last = "hundred"
            elif w == "dozen":
                if last not in ("unit", "teen", "tens"):
                    break
                current *= 12
                last = "dozen"
            elif w in lx.scales_w:
                sc = lx.scales_w[w]
                if last not in ("unit", "teen", "tens", "hundred", "dozen") or sc >= max_scale:
                    break
                total += current * sc
                current, max_scale, last = 0.0, sc, "scale"
            else:
                break
            end = j
            j += 1
        if end is None:
            i += 1
            continue
        out.append((total + current, tokens[i][1], tokens[end][2], end - i + 1))
        i = end + 1
    return out


def _word_value(lx: _Lex, text: str) -> float | None:
    toks = [(m.group().lower(), m.start(), m.end()) for m in _WORD_TOKEN.finditer(text)]
    parsed = _parse_words(lx, toks, False)
    if len(parsed) == 1 and parsed[0][3] == len([t for t in toks if t[0] != "and"]):
        return parsed[0][0]
    return None


def _atoms(lx: _Lex, t: str, segments=None, digits=None) -> list[_Atom]:
    """Number atoms of the masked text `t`, non-overlapping, in order; only in `segments`
    ((start, end) pairs: the prose parts, dates.prose_segments) when given, and numbers in
    digits only in `digits` (the parts near a digit) when given."""
    segments = [(0, len(t))] if segments is None else segments

    def finditer(rx: re.Pattern, where=None):
        for start, end in (segments if where is None else where):
            yield from rx.finditer(t, start, end)

    low = lowered(t)  # for the substring tests that skip a pattern (lexicons.absent)

    taken = bytearray(len(t) + 1)
    out: list[_Atom] = []

    def free(s: int, e: int) -> bool:
        return not any(taken[s:e])

    def take(a: _Atom) -> None:
        taken[a.start:a.end] = b"\x01" * (a.end - a.start)
        out.append(a)

    # mixed numbers: "two and a half", "one and three quarters"
    for m in () if absent(lx.mixed_needs, low) else finditer(lx.mixed):
        whole = m.group("whole")
        wv = float(whole) if whole.isdigit() else _word_value(lx, whole)
        if wv is None:
            continue
        numw = m.group("num").lower()
        num = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}[numw]
        den = lx.denoms.get(m.group("den").lower().rstrip("s") if m.group("den").lower() != "halves" else "half", 2)
        if m.group("den").lower().startswith("half"):
            den = 2
        take(_Atom(m.start(), m.end(), wv + num / den, word=not whole.isdigit()))
    # vulgar fractions: "½", "2½"
    for m in finditer(lx.frac_vulgar) if lx.vulgar_ascii or (not t.isascii() and any(map(t.__contains__, lx.vulgar))) else ():
        if not free(m.start(), m.end()):
            continue
        v = lx.vulgar[m.group("vf")]
        if m.group("whole"):
            take(_Atom(m.start(), m.end(), int(m.group("whole")) + v, decimals=True))
        else:
            take(_Atom(m.start(), m.end(), v, kind="fraction"))
    # slash fractions: "1/4", "2 1/2"
    for m in finditer(lx.frac_slash, digits):
        num, den = int(m.group("num")), int(m.group("den"))
        if not (0 < num < den <= 100) or not free(m.start(), m.end()):
            continue
        if m.group("whole"):
            take(_Atom(m.start(), m.end(), int(m.group("whole")) + num / den, decimals=True))
        else:
            take(_Atom(m.start(), m.end(), round(num / den, 4), kind="fraction"))
    # word fractions: "one-third", "two thirds", "half of", "a quarter of"
    for m in () if absent(lx.frac_word_needs, low) else finditer(lx.frac_word):
        if not free(m.start(), m.end()):
            continue
        den_w = m.group("den").lower()
        den = lx.denoms[den_w]
        numw = (m.group("num") or "").lower()
        sep = m.group("sep") or ""
        after = t[m.end():m.end() + 30]
        left = t[max(0, m.start() - 40):m.start()]
        cue_before = any(x.find(left, need_space=False) is not None for x in (lx.bound_min, lx.bound_max, lx.approx))
        of_after = re.match(r"\s{1,3}(?:of|the|an?)(?![\w])", after, re.I) is not None
        scale_after = re.match(r"\s{1,3}(?:an?\s{1,3})?(?:" + "|".join(lx.scales_w) + r")(?![\w])", after, re.I) is not None
        ordinal_before = lx.fraction_blocker.find(left) is not None
        if numw:
            if numw.isdigit():
                n_val = int(numw)
            elif numw in ("a", "an"):
                n_val = 1
            else:
                n_val = lx.units_w.get(numw) or lx.tens_w.get(numw) or 0
            if n_val <= 0:
                continue
            ok = "-" in sep or den_w in lx.unambiguous_denoms or of_after or scale_after or cue_before
            if numw in ("a", "an") and den_w not in ("half",) and not (of_after or scale_after or cue_before):
                ok = False
            if den_w in ("half", "halves") and numw in ("a", "an") and ordinal_before:
                ok = False
            if not ok:
                continue
            if den_w.endswith("s") is False and n_val > 1 and "-" not in sep and den_w != "half":
                continue
            take(_Atom(m.start(), m.end(), round(n_val / den, 4), kind="fraction", word=True))
        else:
            if den_w == "half":
                if ordinal_before or not (of_after or scale_after or cue_before):
                    continue
            elif den_w == "quarter":
                if ordinal_before or not (scale_after or cue_before or re.match(r"\s{1,3}of(?![\w])", after, re.I)):
                    continue
            else:
                continue
            take(_Atom(m.start(), m.end(), round(1 / den, 4), kind="fraction", word=True))
    # "a penny", "a dollar a day"
    for m in finditer(lx.article_money):
        if free(m.start(), m.end()):
            take(_Atom(m.start(), m.end(), 1.0, word=True, one=True, article=True))
    # digits
    for m in finditer(lx.digit, digits):
        s, e = m.span()
        if not free(s, e):
            continue
        a = _digit_atom(lx, t, m)
        if a is not None:
            take(a)
    # words
    for m in finditer(lx.word_run):
        toks = [(w.group().lower(), m.start() + w.start(), m.start() + w.end()) for w in _WORD_TOKEN.finditer(m.group())]
        first = toks[0][0]
        am = None
        if first in ("hundred", "dozen") or first in lx.scales_w:
            am = re.search(r"(?<![\w])an?\s{1,2}$", t[max(0, m.start() - 5):m.start()], re.I)
        for value, s, e, count in _parse_words(lx, toks, am is not None):
            if am is not None and s == toks[0][1]:
                s = max(0, m.start() - 5) + am.start()
            if not free(s, e):
                continue
            after = t[e:e + 30]
            hm = re.match(r"-([A-Za-z]+)", after)
            a = _Atom(s, e, value, word=True)
            if hm:
                w = hm.group(1).lower()
                if w in lx.ordinals or re.fullmatch(r"\w*(?:first|second|third|th)", w):
                    continue
                a.compound = w
            if count == 1 and t[s:e].lower() == "one":
                a.one = True
            before = t[max(0, s - 12):s]
            sm = lx.sign_word.find(before)
            if sm is not None:
                a.sign_start = s - (len(before) - sm)
            take(a)
    out.sort(key=lambda a: a.start)
    return out


def _digit_atom(lx: _Lex, t: str, m: re.Match) -> _Atom | None:
    s, e = m.span()
    raw = m.group()
    prev = t[s - 1] if s else ""
    prev2 = t[s - 2] if s > 1 else ""
    if prev.isalpha() or prev == "_":
        lm = re.search(r"[A-Za-z]{1,6}$", t[max(0, s - 6):s])
        letters = lm.group() if lm else ""
        if not (letters in lx.cur_codes or letters in lx.cur_symbols
                or letters in lx.mcode_words):
            return None
    if prev and (prev in "/#\u2116^\u00d7" or (prev in ".," and prev2.isdigit())):
        return None
    sign_start = None
    if prev and prev in "-\u2212":
        sm = re.search(r"\d([A-Za-z]{1,3})-$", t[max(0, s - 6):s])
        if (prev2.isalpha() and not (sm and sm.group(1) in lx.scale_attached)) or (prev2 and prev2 in "_/"):
            return None          # model names and codes: M-16, COVID-19 (but 5k-20k is a range)
        if not prev2.isdigit() and not (prev2 == " " and s > 2 and t[s - 3].isdigit()):
            sign_start = s - 1
    if raw.startswith("0") and len(raw) > 1 and raw[1] != ".":
        return None              # 05, 000: codes, not quantities
    kind = m.lastgroup
    if kind == "us" or kind == "in":
        value = float(raw.replace(",", ""))
    elif kind == "eu":
        value = float(raw.replace(".", "").replace(",", "."))
    elif kind == "ec":
        value = float(raw.replace(",", "."))
    else:
        value = float(raw)
    a = _Atom(s, e, value, plain_int=(kind == "pl" and "." not in raw), decimals="." in raw and kind != "eu",
              sign_start=sign_start)
    nxt = t[e:e + 1]
    if nxt.isalpha():
        letters = re.match(r"[^\W\d_]+", t[e:e + 16]).group()
        if letters in lx.scale_attached:
            a.value *= lx.scale_attached[letters]
            a.end = e + len(letters)
            a.scaled = True
        elif letters.lower() in lx.ordinal_suffixes:
            return None          # 412th, 3rd
        elif letters == "s" or letters == "S":
            return None          # 1990s
        elif not (letters.lower() in lx.unit_of or letters in lx.unit_of or letters in lx.cur_codes
                  or letters.startswith(lx.non_ascii_symbols)
                  or letters.lower() in lx.cur_name_of
                  or letters in lx.mcode_words
                  or re.match(r"(?:km|m|sq)\d?$", letters)):
            return None          # 23px, 3D, 4e14
    elif nxt == "-":
        hm = re.match(r"-([A-Za-z]+)", t[e:e + 30])
        if hm:
            a.compound = hm.group(1).lower()
    elif nxt in ("/", ":") and t[e + 1:e + 2].isdigit():
        return None
    elif nxt in ("\u00d7", "^"):
        return None
    return a


# ================================================================== building
@dataclass(slots=True)
class _Fig:
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    of: float | None = None
    unit: str = "other"
    unit_name: str | None = None
    approximate: bool = False
    bound: str | None = None
    count_measure: str | None = None
    num_end: int = 0
    cue: bool = False


@dataclass(slots=True)
class _Unit:
    unit: str
    name: str | None
    end: int
    scale: float = 1.0
    minor: float = 0.0
    count_measure: str | None = None


class _Builder:
    def __init__(self, lx: _Lex, text: str, masked: str, atoms: list[_Atom]) -> None:
        self.lx, self.text, self.t, self.atoms = lx, text, masked, atoms
        self.by_start = {a.start: i for i, a in enumerate(atoms)}
        self.change_targets: set[int] = set()
        """Atoms that end a change ("from 36 to 24"): figures even without a unit or cue."""

    # ------------------------------------------------------------ helpers
    def left(self, pos: int, n: int = 60) -> str:
        return self.t[max(0, pos - n):pos]

    def atom_at(self, pos: int) -> int | None:
        return self.by_start.get(pos)

    def scale_after(self, a: _Atom, pos: int, currency: bool) -> tuple[float, int]:
        if a.scaled:
            return 1.0, pos
        m = re.match(r"\s{1,3}(?:an?\s{1,2})?([A-Za-z]+)(?![\w])", self.t[pos:pos + 24])
        if m:
            w = m.group(1)
            if (" a " in m.group(0) or " an " in m.group(0)) and a.kind != "fraction":
                return 1.0, pos
            sc = self.lx.scale_spaced.get(w.lower()) if w.lower() in self.lx.scale_spaced else None
            if sc is None and currency and w in self.lx.scale_after_cur and not a.word:
                sc = self.lx.scale_after_cur[w]
            if sc is not None and not (a.word and a.kind == "num" and w.lower() in self.lx.scales_w):
                return sc, pos + m.end()
        return 1.0, pos

    def currency_prefix(self, pos: int) -> tuple[str, int, float, bool] | None:
        """(code, start, scale, negative) of a currency sign or code ending at `pos`."""
        win = self.t[max(0, pos - 14):pos]
        tail = win.rstrip().rstrip("-\u2212").rstrip()
        if not tail or not (tail[-1].isalpha() or tail[-1] in self.lx.prefix_last_chars):
            return None
        m = self.lx.cur_prefix.search(win)
        if not m:
            return None
        start = pos - (len(win) - m.start())
        neg = bool(m.group("neg"))
        if m.group("sp") is not None:
            key = re.sub(r"\s+", " ", m.group("sp").strip().lower())
            code = self.lx.spaced_prefix.get(key) or self.lx.spaced_prefix.get(key.replace(" ", ""), "USD")
            return code, start, 1.0, neg
        if m.group("mc") is not None:
            mc = m.group("mc")
            for pre, sc in sorted(self.lx.mcode_scale.items(), key=lambda kv: -len(kv[0])):
                if mc.startswith(pre) and mc[len(pre):] in self.lx.mcodes:
                    return mc[len(pre):], start, sc, neg
            return None
        if m.group("code") is not None:
            return self.lx.cur_codes[m.group("code")], start, 1.0, neg
        sym = m.group("sym")
        code = self.lx.cur_symbols.get(sym) or next((v for k, v in self.lx.cur_symbols.items() if k.lower() == sym.lower()), None)
        if code is None:
            return None
        return code, start, 1.0, neg

    def currency_after(self, a: _Atom, pos: int, value: float, prefix_code: str | None) -> _Unit | None:
        t, lx = self.t, self.lx
        m = lx.cur_code_after.match(t, pos)
        if m:
            if m.group("mc"):
                mc = m.group("mc")
                for pre, sc in sorted(lx.mcode_scale.items(), key=lambda kv: -len(kv[0])):
                    if mc.startswith(pre) and mc[len(pre):] in lx.mcodes:
                        return _Unit("currency", mc[len(pre):], m.end(), sc)
            else:
                code = lx.cur_codes[m.group("code")]
                sc = lx.scale_spaced.get((m.group("scale") or "").lower(), 1.0)
                if prefix_code is None or prefix_code == code:
                    return _Unit("currency", code, m.end(), sc)
        m = lx.cur_sym_after.match(t, pos)
        if m and prefix_code is None:
            return _Unit("currency", lx.cur_symbols[m.group("sym")], m.end())
        m = lx.cur_name_after.match(t, pos)
        if m and (m.group("sp") != "-" or a.compound is not None):
            form = " ".join(m.group("n").lower().split())
            key = lx.cur_name_of.get(form)
            entry = lx.cur_names.get(key or "", {})
            q = " ".join((m.group("q") or "").lower().split())
            code = entry.get("qualified", {}).get(q) if q else None
            if code is None:
                if q:
                    return None if entry.get("code") is None else None
                code = entry.get("code")
                if code is None and form in entry.get("unqualified_forms", []):
                    code = next(iter(entry.get("qualified", {}).values()), None)
                if code is None and entry.get("plural_code") and form != key:
                    code = entry["plural_code"]
            if code is None:
                return None
            if entry.get("ambiguous_mass"):
                rest = t[m.end():m.end() + 20]
                if (re.match(r"\s{1,3}of(?![\w])", rest, re.I) or m.group("sp") == "-"
                        or (form == "pound" and value > 1 and re.match(r"\s{1,3}[a-z]", rest))):
                    return _Unit("mass", "lb", m.end())
            if prefix_code is not None and code not in (prefix_code, "cent", "pence") and key != "dollar":
                return None
            if prefix_code is not None:
                code = prefix_code
            return _Unit("currency", code, m.end())
        return None

    def minor_units(self, unit: _Unit, a: _Atom, value: float) -> _Unit:
        """'3 dollars 50 cents', 'thirteen dollars and forty-five cents', '17 USD 25' -> + cents."""
        if unit.unit != "currency" or unit.scale != 1.0 or a.decimals or a.scaled or unit.name in ("cent", "pence"):
            return unit
        m = self.lx.minor_after.match(self.t, unit.end)
        if not m:
            return unit
        tail = self.t[m.end():m.end() + 6]
        if not m.group("c") and not re.match(r"\s{0,2}(?:[.,;:!?)\]]|$|and(?![\w]))", tail):
            return unit
        mv = m.group("m")
        minor = float(mv) if mv.isdigit() else _word_value(self.lx, mv)
        if minor is None or not 0 < minor < 100:
            return unit
        return _Unit(unit.unit, unit.name, m.end(), unit.scale, minor / 100.0)

    def physical_after(self, a: _Atom, pos: int) -> _Unit | None:
        t, lx = self.t, self.lx
        m = lx.age.match(t, pos)
        if m:
            return _Unit("other", "years of age", m.end())
        m = lx.unit_after.match(t, pos)
        if not m:
            return None
        form = " ".join(m.group("u").split())
        sp = m.group("sp")
        cls, name = lx.unit_of.get(form.lower()) or lx.unit_of.get(form) or (None, None)
        if cls is None:
            return None
        if form in lx.attached_only and sp != "":
            return None
        if form in lx.spaced_only and sp == "":
            return None
        if sp == "-":
            if a.compound is None or cls == "duration":
                return None
        if cls == "duration" and lx.relative_after.match(t, m.end()):
            return _Unit("relative", None, m.end())
        return _Unit(cls, name, m.end())

    def percent_after(self, pos: int) -> _Unit | None:
        m = self.lx.percent.match(self.t, pos)
        if not m:
            return None
        p = m.group("p").lower()
        name = "percentage point" if "point" in p else None
        return _Unit("percent", name, m.end())

    def count_noun(self, pos: int) -> tuple[str, int] | None:
        """('polling centre', end) for 'five polling centres', or None.

        Up to four modifiers may stand between the number and the head noun; a capitalised
        plural ("40,000 Serbs live") is the head only when no lower-case plural follows."""
        lx, t = self.lx, self.t
        mods: list[str] = []
        p = pos
        cap_head: tuple[str, int] | None = None
        for _ in range(5):
            m = _COUNT_TOKEN.match(t, p, min(len(t), p + 48))
            if not m:
                return cap_head
            w = m.group(1)
            low = w.lower()
            if any(ch.isdigit() for ch in w):
                return cap_head          # "3 USD50 cards": another number, not a noun
            if w[0].isupper():
                if low in lx.function_words:
                    return cap_head
                if cap_head is None and self._plural(low) and not w.isupper():
                    lemma = w[:-1] if w[:-1].isupper() else self._lemma(low).capitalize()
                    cap_head = (lemma, m.end())
                mods.append("")
                p = m.end()
                if len(mods) > 4:
                    return cap_head
                continue
            if low in lx.irregular or low in lx.singular_ok:
                # "police officers", "injured civilians": the next plural noun is the head
                nx = _COUNT_TOKEN.match(t, m.end(), min(len(t), m.end() + 44))
                nw = nx.group(1) if nx else ""
                if not (nw and nw[0].islower() and self._plural(nw) and nw not in lx.function_words):
                    return self._measure_name(mods, lx.irregular.get(low, low)), m.end()
            if low in lx.function_words or low in lx.count_stop:
                return cap_head
            if self._plural(low):
                return self._measure_name(mods, self._lemma(low)), m.end()
            mods.append(low)
            if len(mods) > 3:
                return cap_head
            p = m.end()
        return cap_head

    def _plural(self, w: str) -> bool:
        base = w.rsplit("-", 1)[-1]
        return (len(base) >= 3 and base.endswith("s") and not base.endswith(("ss", "us", "is", "'s", "\u2019s"))
                and base not in self.lx.count_stop)

    def _lemma(self, w: str) -> str:
        head = w.rsplit("-", 1)[-1]
        if head in self.lx.irregular:
            return self.lx.irregular[head]
        if head.endswith("ies") and len(head) > 4:
            return head[:-3] + "y"
        if head.endswith(("sses", "ches", "shes", "xes", "zzes")):
            return head[:-2]
        return head[:-1]

    def _measure_name(self, mods: list[str], lemma: str) -> str:
        if mods and mods[-1] and mods[-1] not in self.lx.adjective_stop and not re.search(
                r"(?:al|ic|ive|ous|ful|ed|ent|ant|ian|ish|less|able|ible|ary|ern|-\w+)$", mods[-1]):
            return mods[-1] + " " + lemma
        return lemma

    # ------------------------------------------------------------ one figure
    def build(self, i: int) -> tuple[_Fig | None, int]:
        """The figure starting at atom i (or None) and the index of the next atom to look at."""
        lx, t = self.lx, self.t
        a = self.atoms[i]
        nxt_i = i + 1
        start = a.start
        value = a.value
        negative = False
        # "per cent of twenty-two"
        pm = None
        if a.kind == "num" and self.left(a.start, 6).rstrip().lower().endswith("of"):
            pm = lx.percent_of.search(self.left(a.start, 40))
        if pm:
            before = self.left(a.start, 40)[:pm.start()]
            if not lx.number_word_end.search(before):
                s0 = a.start - (40 if a.start >= 40 else a.start) + pm.start()
                f = _Fig(s0, a.end, value, unit="percent", num_end=a.end)
                return self.finish(f, a, a.end), nxt_i
        # currency before the number
        cp = self.currency_prefix(a.sign_start if a.sign_start is not None else a.start)
        if cp is None and a.sign_start is not None:
            cp0 = self.currency_prefix(a.start)
            if cp0 and cp0[3]:
                cp = cp0
        code = None
        cur_scale = 1.0
        if cp is not None:
            code, start, cur_scale, neg = cp
            negative = neg or (a.sign_start is not None)
        elif a.sign_start is not None:
            start = a.sign_start
            negative = True
        sc, pos = self.scale_after(a, a.end, code is not None)
        value = value * sc * cur_scale
        scaled = sc != 1.0 or a.scaled or cur_scale != 1.0
        if negative:
            value = -value
        # spaced thousands before a unit: "10 000 dollars"
        if a.plain_int and a.value < 1000 and not scaled:
            gm = re.match(r"(?:[ \u00a0\u202f\u2009]\d{3}(?![\d.,])){1,4}", t[pos:pos + 24])
            if gm:
                p2 = pos + gm.end()
                probe = self.currency_after(a, p2, 2.0, code) or self.physical_after(a, p2) or self.percent_after(p2)
                if probe is not None and probe.unit != "relative":
                    value = float(t[a.start:p2].replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("\u2009", ""))
                    pos = p2
        fig = _Fig(start, pos, value, num_end=pos, cue=i in self.change_targets)
        unit1 = None
        if code is not None:
            unit1 = _Unit("currency", code, pos)
            after = self.currency_after(a, pos, value, code)
            if after is not None and after.unit == "currency":
                unit1 = _Unit("currency", code, after.end, after.scale)
        else:
            unit1 = self.percent_after(pos) or self.currency_after(a, pos, value, None) or self.physical_after(a, pos)
        if a.compound is not None:
            if unit1 is None or unit1.end != pos + 1 + len(a.compound) or unit1.unit == "percent":
                if not (unit1 is not None and unit1.unit in ("currency", "mass", "length", "area", "other")
                        and t[pos:pos + 1] == "-"):
                    return None, nxt_i
        if unit1 is not None and unit1.unit == "relative":
            return None, nxt_i
        # ---------------- range
        rng = self.range_after(a, fig, unit1, code, sc)
        if rng is not None:
            return rng
        # ---------------- N of M / N in M
        if unit1 is None and a.kind == "num":
            nm = self.n_of_m(a, fig)
            if nm is not None:
                return nm
        if a.kind == "fraction" and not scaled:
            if unit1 is None:
                fig.unit, fig.end = "fraction", pos
                return self.finish(fig, a, pos), nxt_i
        if unit1 is not None:
            unit1 = self.minor_units(unit1, a, value)
            fig.value = value * unit1.scale + (unit1.minor if value >= 0 else -unit1.minor)
            fig.unit, fig.unit_name, fig.end = unit1.unit, unit1.name, unit1.end
            return self.finish(fig, a, unit1.end), nxt_i
        return self.finish(fig, a, pos), nxt_i

    def range_after(self, a: _Atom, fig: _Fig, unit1: _Unit | None, code: str | None, sc1: float):
        lx, t = self.lx, self.t
        p = unit1.end if unit1 is not None else fig.num_end
        m = lx.range_sep.match(t, p)
        if not m:
            return None
        sep = m.group().strip().lower()
        q = m.end()
        code2 = None
        j = self.atom_at(q)
        if j is None:
            # a currency sign before the second number: "$5-$10 million"
            k = None
            for off in range(1, 6):
                k = self.atom_at(q + off)
                if k is not None:
                    break
            if k is None:
                return None
            cp = self.currency_prefix(self.atoms[k].start)
            if cp is None or cp[1] != q:
                return None
            code2, j = cp[0], k
            if code is not None and code2 != code:
                return None
        b = self.atoms[j]
        if b.kind != a.kind or b.one or (sep in ("-", "\u2013", "\u2014", "~") and b.sign_start is not None and b.sign_start < q - 1):
            return None
        left = self.left(fig.start)
        if sep == "and" and not lx.between.search(left):
            return None
        if sep in ("-", "\u2013", "\u2014", "~"):
            gap = t[p:q]
            if gap[0:1].isspace() != gap[-1:].isspace():
                return None          # "15 -20" is a number and a negative one, not a range
        sc2, pos2 = self.scale_after(b, b.end, (code or code2) is not None)
        v2 = b.value * sc2
        unit2 = self.percent_after(pos2) or self.currency_after(b, pos2, v2, code or code2) or self.physical_after(b, pos2)
        if b.compound is not None and unit2 is None:
            return None
        if unit2 is not None and unit2.unit == "relative":
            return None
        if unit1 is not None and unit2 is not None and (unit1.unit != unit2.unit or (unit1.name != unit2.name and unit2.unit != "currency")):
            return None
        if (code or code2) and unit2 is not None and unit2.unit != "currency":
            return None
        unit = unit1 if unit1 is not None and unit1.unit != "currency" else unit2
        if code or code2:
            unit = _Unit("currency", code or code2, unit2.end if unit2 else pos2, unit2.scale if unit2 else 1.0)
        v1 = fig.value
        if sc1 == 1.0 and not a.scaled and sc2 != 1.0 and a.value < b.value:
            v1 = v1 * sc2
        if b.scaled and not a.scaled and sc1 == 1.0 and a.value < b.value and b.end > b.start and re.search(r"[A-Za-z]$", t[b.start:b.end]):
            v1 = v1 * (v2 / b.value if b.value else 1)
        if unit is not None and unit.scale != 1.0:
            v1, v2 = v1 * unit.scale, v2 * unit.scale
        end = unit.end if unit is not None else pos2
        # a change "rose from 5 to 10 per cent": two figures, the first takes the unit of the second
        from_m = lx.from_.search(left)
        if sep == "to" and from_m is not None:
            before_from = left[:from_m.start()]
            v2_scaled = v2 * (unit.scale if unit is not None else 1.0)
            if lx.change_verb.search(before_from + "from ") or fig.value > v2_scaled:
                self.change_targets.add(j)     # "cut transits from 36 to 24": the second is a figure too
                f1 = _Fig(fig.start, fig.num_end if unit1 is None else unit1.end, fig.value)
                if unit is not None and unit1 is None:
                    f1.unit, f1.unit_name = unit.unit, unit.name
                    if unit.scale != 1.0:
                        f1.value = fig.value * unit.scale
                elif unit1 is not None:
                    f1.unit, f1.unit_name = unit1.unit, unit1.name
                f1.cue = True
                return self.finish(f1, a, f1.end), j
        if not (v1 < v2):
            return None
        if unit is None:
            # bare ranges: only with words that make them ranges, or numbers of two digits or more
            if not (lx.between.search(left) or from_m is not None or (a.value >= 10 and b.value >= 10 and not (a.plain_int and b.plain_int and 1800 <= a.value <= 2099 and 1800 <= b.value <= 2099))):
                return None
        f = _Fig(fig.start, end, None, low=v1, high=v2, num_end=pos2)
        if unit is not None:
            f.unit, f.unit_name = unit.unit, unit.name
        else:
            cn = self.count_noun(pos2)
            if cn is not None:
                f.unit, f.count_measure, f.end = "count", cn[0], cn[1]
        if lx.between.search(left):
            f.start = fig.start - (len(left) - lx.between.search(left).start())
            f.cue = True
        elif from_m is not None:
            f.start = fig.start - (len(left) - from_m.start())
            f.cue = True
        return self.finish(f, a, f.end, range_=True), j + 1

    def n_of_m(self, a: _Atom, fig: _Fig):
        lx, t = self.lx, self.t
        for rx, word in ((lx.of_sep, "of"), (lx.in_sep, "in")):
            m = rx.match(t, fig.num_end)
            if not m:
                continue
            j = self.atom_at(m.end())
            if j is None:
                continue
            b = self.atoms[j]
            if b.kind != "num" or b.compound is not None or b.value <= 0 or a.value > b.value:
                continue
            if b.plain_int and 1000 <= b.value <= 2099:
                continue
            sc2, pos2 = self.scale_after(b, b.end, False)
            if self.percent_after(pos2) or self.currency_after(b, pos2, b.value, None) or self.physical_after(b, pos2):
                continue
            cn = self.count_noun(pos2)
            if word == "in":
                tail = t[pos2:pos2 + 12]
                if b.value > 1000 or not (cn is not None or lx.post_min.match(t, pos2) or lx.post_max.match(t, pos2)
                                          or re.match(r"\s{0,2}(?:[.,;:!?)]|$)", tail)):
                    continue
            f = _Fig(fig.start, cn[1] if cn else pos2, a.value, of=b.value * sc2, unit="count", num_end=pos2)
            if cn:
                f.count_measure = cn[0]
            f.cue = True
            return self.finish(f, a, f.end, of_=True), j + 1
        return None

    # ------------------------------------------------------------ cues, filters
    def finish(self, f: _Fig, a: _Atom, pos: int, range_: bool = False, of_: bool = False) -> _Fig | None:
        lx, t = self.lx, self.t
        # post cues right after the number: "five hundred or more", "200 or greater than"
        for rx, bound in ((lx.post_min, "min"), (lx.post_max, "max")):
            m = rx.match(t, f.num_end if f.unit in ("other", "count") and not of_ else f.end)
            if m and not self._number_follows(m.end()):
                f.bound = bound
                f.end = max(f.end, m.end())
                if f.unit in ("other",) and not of_:
                    f.num_end = m.end()
                break
        # left cues
        s = f.start
        for _ in range(3):
            left = self.left(s)
            k = lx.approx.find(left, need_space=False)
            if k is not None and not f.approximate:
                f.approximate = True
                s -= len(left) - k
                continue
            k1 = lx.bound_min.find(left, need_space=False)
            k2 = lx.bound_max.find(left, need_space=False)
            if k2 is not None and (k1 is None or k2 < k1):
                k, bound = k2, "max"
            else:
                k, bound = k1, "min"
            if k is not None and f.bound is None and not range_:
                cue = left[k:].strip()
                if cue in ("<", ">"):
                    before = left[:k][-1:]
                    if before in ("<", ">", "=", "-"):
                        break
                if cue.lower() == "over" and f.unit == "duration":
                    break
                f.bound = bound
                s -= len(left) - k
                f.cue = True
                continue
            k = lx.exact.find(left)
            if k is not None and f.bound is None and not range_:
                s -= len(left) - k
                f.cue = True
                continue
            break
        f.start = s
        if f.bound is not None:
            f.cue = True
            m = lx.post_equal.match(t, f.end)          # "less than 50 or equal"
            if m and not self._number_follows(m.end()):
                f.end = m.end()
        m = lx.approx_after.match(t, f.end)
        if m:
            f.approximate = True
            f.end = m.end()
        # ------------------------------------------------ what is not a figure
        if f.unit in ("other", "count") and not range_ and not of_:
            if lx.ref_noun.find(self.left(a.start, 30), need_space=False) is not None:
                return None
        if f.unit == "other" and not range_ and not of_ and f.unit_name is None:
            cn = self.count_noun(f.num_end)
            if cn is not None and cn[0][:1].isupper() and a.plain_int and 1800 <= a.value <= 2099:
                cn = None        # "the 1997 Watercourses Convention": a year in a name
            if cn is not None:
                f.unit, f.count_measure = "count", cn[0]
                f.end = max(f.end, cn[1])
                if f.bound is None:
                    for rx, bound in ((lx.post_min, "min"), (lx.post_max, "max")):
                        pm = rx.match(t, f.end)
                        if pm and not self._number_follows(pm.end()):
                            f.bound, f.end = bound, pm.end()
                            break
            elif a.plain_int and 1800 <= a.value <= 2099 and not re.search(
                    r"than|[<>\u2264\u2265]|equal", t[f.start:a.start], re.I):
                return None      # "over 2014", "around 1990": a time, not a quantity
            elif not f.cue:
                cm = lx.copula_count.search(self.left(a.start, 70)) if a.kind == "num" and not a.one else None
                if cm is None:
                    return None
                # "the population was 1,234,567": the noun before the verb is what is counted
                f.unit = "count"
                f.count_measure = lx.copula_nouns[" ".join(cm.group("noun").lower().split())]
            if a.kind == "fraction" and f.unit == "count":
                f.unit, f.count_measure = "fraction", None
        if a.one and not of_ and not range_ and f.unit in ("count", "other"):
            return None
        if a.article:
            nm = re.match(r"\s{0,2}([A-Za-z]+)?", t[f.end:f.end + 20])
            if f.unit != "currency" or (nm.group(1) and nm.group(1).lower() not in lx.function_words):
                return None      # "a euro zone", "a dollar bill": not amounts
        if f.unit == "count" and not range_ and not of_ and not f.approximate and f.bound is None:
            if 0 <= a.value <= lx.anaphora_max and lx.det.find(self.left(a.start, 30)) is not None:
                return None
        if f.unit == "duration" and f.bound is None and not f.approximate and a.one:
            return None
        return f

    def _number_follows(self, pos: int) -> bool:
        tail = self.t[pos:pos + 30]
        return self.lx.number_follows.match(tail) is not None


# ================================================================== post-processing
def _merge_bounds(lx: _Lex, t: str, figs: list[_Fig]) -> list[_Fig]:
    """'more than 10 and less than 20' -> one range; 'more than 40 and less than 10' stays two."""
    out: list[_Fig] = []
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
                    m = _Fig(f.start, g.end, None, low=lo, high=hi, unit=unit, unit_name=name,
                             approximate=f.approximate or g.approximate,
                             count_measure=f.count_measure or g.count_measure, num_end=g.num_end, cue=True)
                    out.append(m)
                    i += 2
                    continue
        out.append(f)
        i += 1
    return out


_CLAUSE_BREAK = re.compile(r";|,\s(?:and|but|while|whereas|although|though)\s|\s(?:--|\u2013|\u2014)\s")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence around [start, end) between semicolons, dashes and ', and'/', but'."""
    s0, s1 = sentence_span(text, start)
    s0, s1 = max(s0, start - 300), min(s1, end + 300)
    for m in _CLAUSE_BREAK.finditer(text, s0, start):
        s0 = m.end()
    m = _CLAUSE_BREAK.search(text, end, s1)
    if m:
        s1 = m.start()
    return max(s0, start - 300), min(s1, end + 300)   # a run-on "sentence" is read near the figure only


@lru_cache(maxsize=1)
def _subject_lex() -> tuple[re.Pattern, frozenset, frozenset]:
    fg = lexicon("figures")
    conn = "|".join(fg["subject_connectors"])
    capnp = re.compile(r"[A-Z][\w'\u2019\-]*(?:\s(?:(?:" + conn + r")\s)?[A-Z][\w'\u2019\-]*){0,6}")
    return capnp, frozenset(fg["subject_stopwords"]), frozenset(fg["subject_connectors"])


def _subject(text: str, cs: int, ce: int, f: _Fig, cue_end: int | None) -> str | None:
    """The capitalised noun phrase the figure is about: after the measure cue ("turnout in
    the Upper Valley"), else the nearest before the figure in its clause, else one after it."""
    _CAPNP, _CAP_STOP, connectors = _subject_lex()

    def clean(np: str) -> str | None:
        words = np.split()
        while words and (words[0] in _CAP_STOP or _month(words[0])):
            words = words[1:]
        while words and words[-1].lower() in connectors:
            words = words[:-1]
        out = " ".join(words).rstrip("'\u2019s").strip()
        out = re.sub(r"['\u2019]s$", "", " ".join(words))
        return out or None

    if cue_end is not None:
        m = re.match(r"\s{1,3}(?:\w+\s){0,2}?(?:in|of|among|for|by)\s(?:the\s)?(" + _CAPNP.pattern + ")", text[cue_end:min(ce, cue_end + 60)])
        if m:
            s = clean(m.group(1))
            if s:
                return s
    best = None
    for m in _CAPNP.finditer(text, cs, f.start):
        if " " not in m.group() and m.group().endswith("ly") and text[m.end():m.end() + 1] == ",":
            continue                      # "Generally, ..."
        s = clean(m.group())
        if s:
            best = s
    if best:
        return best
    m = re.match(r"[^.;]{0,40}?(?:in|of|for|by|among|across|to)\s(?:the\s)?(" + _CAPNP.pattern + ")", text[f.end:ce])
    if m:
        return clean(m.group(1))
    return None


def _month(w: str) -> bool:
    lx = lexicon("dates")
    return w.lower().rstrip(".") in lx["months"]


def _measure(lx: _Lex, text: str, cs: int, ce: int, f: _Fig) -> tuple[str | None, int | None]:
    """The measure label and where its cue ends (for the subject search)."""
    if f.count_measure:
        return f.count_measure, None
    tail = text[f.end:ce]
    chunk_m = re.match(r"[^,.;:()\u201c\u201d\"]{0,90}", tail)
    chunk = chunk_m.group() if chunk_m else ""
    if re.match(r"\s{0,3}of\s", chunk, re.I):
        for label, _, e in _measure_cues(lx, chunk, 0, len(chunk)):
            return label, f.end + e
        if f.unit in ("mass", "length", "area", "other", "count"):
            hm = re.match(r"\s{0,3}of\s{1,3}(?:the\s{1,3})?(?:[a-z][\w-]*\s{1,3}){0,2}?([a-z][\w-]*)(?![\w-])", chunk)
            if hm:
                w = hm.group(1).lower()
                if w not in lx.function_words:
                    b = _Builder(lx, text, text, [])
                    return (b._lemma(w) if b._plural(w) else w), None
    best, best_d, best_end = None, None, None
    for label, ms, me in _measure_cues(lx, text, max(cs, f.start - 120), min(ce, f.end + 120)):
        if ms >= f.start and me <= f.end:
            continue
        d = f.start - me if me <= f.start else ms - f.end
        if d > 80:
            continue
        if best_d is None or d < best_d:
            best, best_d, best_end = label, d, me
    return best, best_end


_WORDS = re.compile(r"[A-Za-z][\w-]*")


def _measure_cues(lx: _Lex, text: str, start: int, end: int):
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


def _role(lx: _Lex, text: str, cs: int, ce: int, f: _Fig, next_start: int | None) -> str | None:
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


# ================================================================== public
def find_figures(text: str) -> list[FigureMatch]:
    """Every figure in `text`, in order, with offsets into `text`."""
    return list(_find_memo(text))


def _find_figures(text: str) -> list[FigureMatch]:
    lx = _lex()
    masked, spans, scope = prose_layer(text)
    masked = apply_mask(masked, spans)
    atoms = _atoms(lx, masked, scope.prose, scope.digits)
    b = _Builder(lx, text, masked, atoms)
    figs: list[_Fig] = []
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
    figs = _merge_bounds(lx, masked, figs)
    for f in figs:
        # a bare whole number ("more than 61,000", "between 20 and 30") counts something unnamed
        if f.unit == "other" and f.unit_name is None and all(
                v is None or float(v).is_integer() for v in (f.value, f.low, f.high)):
            f.unit = "count"
    out = []
    for k, f in enumerate(figs):
        cs, ce = _clause(text, f.start, f.end)
        next_start = figs[k + 1].start if k + 1 < len(figs) else None
        measure, cue_end = _measure(lx, text, cs, ce, f)
        subject = _subject(text, cs, ce, f, cue_end)
        value = f.value
        if value is not None and f.unit == "fraction":
            value = round(value, 4)
        out.append(FigureMatch(
            start=f.start, end=f.end, text=text[f.start:f.end], value=_clean(value), low=_clean(f.low),
            high=_clean(f.high), of=_clean(f.of), unit=f.unit, unit_name=f.unit_name,
            approximate=f.approximate, bound=f.bound, measure=measure, subject=subject,
            role=_role(lx, text, cs, ce, f, next_start)))
    return out


_find_memo = TextMemo(lambda text: tuple(_find_figures(text)), 4_000_000)
"""A recurring passage (the unchanged paragraphs of another revision of a page) is read once."""


def _clean(v: float | None) -> float | None:
    if v is None:
        return None
    r = round(v, 6)
    return float(int(r)) if r == int(r) and abs(r) < 1e18 else r


def figures(doc: Document) -> tuple[Figure, ...]:
    """Every figure in the document's passages (doc.passages()), ids ``<doc id>-f<n>`` in reading order."""
    out: list[Figure] = []
    for p in doc.passages():
        for m in find_figures(p.text):
            s0, s1 = sentence_span(p.text, m.start)
            subject = m.subject or getattr(p, "context", None)
            out.append(Figure(
                id=f"{doc.id}-f{len(out) + 1}", doc=doc.id, anchor=p.anchor, text=m.text, value=m.value,
                low=m.low, high=m.high, of=m.of, unit=m.unit, unit_name=m.unit_name, measure=m.measure,
                subject=subject, approximate=m.approximate, bound=m.bound, start=m.start, end=m.end,
                sentence=p.text[s0:s1], role=m.role))
    return tuple(out)
