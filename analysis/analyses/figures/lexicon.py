"""The figure lexicons (numbers.json, units.json, figures.json, measures.json) -> compiled lookups and bounded regexes.

One `FigureLexicon` is built once (`figure_lexicon()`); every other figures module reads it.
Also the plural test and lemma of a counted noun, which the measure finder shares with the builder.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...text.patterns import alternation, phrases_re
from ..dates import lexicon


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


class FigureLexicon:
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
        self.change_words = re.compile(r"(?<![\w-])" + phrases_re([v for v in fg["change_verbs"] if v not in ("up", "down", "go", "went", "gone", "goes", "cut", "cuts")]) + r"(?![\w-])", re.I)
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
            + r"(?:\s{1,3}[\w-]{1,30}){0,3}\s{1,3}(?:of|at|is|was|stands at|set at)" + r")\s{0,3}$", re.I)
        self.threshold_after = re.compile(r"\s{0,3}(?:[\w-]{1,30}\s{1,3}){0,2}?" + phrases_re(fg["threshold_after"]), re.I)
        self.threshold_open = re.compile(
            phrases_re(fg["threshold_open_ended"]) + r"\s{1,3}(?:\w+\s{1,3}){0,2}?$", re.I)
        self.threshold_need = re.compile(
            phrases_re(fg["threshold_need_modals"]) + r"\s{1,3}" + phrases_re(fg["threshold_need_verbs"])
            + r"\s{1,3}(?:(?:a|an|the)\s{1,3})?(?:(?:[\w-]{1,20}\s{1,3})?(?:majority|minimum|total)\s{1,3}of\s{1,3})?(?:at\s{1,3}least\s{1,3})?$",
            re.I)
        self.increment_before = re.compile(phrases_re(fg["increment_before"]) + r"\s{1,3}$", re.I)
        self.threshold_eval = re.compile(phrases_re(fg["threshold_evaluations"]), re.I)
        self.threshold_modal = re.compile(phrases_re(fg["threshold_modals"]), re.I)
        self.count_stop = set(fg["count_noun_stop"])
        self.copula_nouns: dict[str, str] = fg["copula_count_nouns"]
        self.copula_count = re.compile(
            r"(?P<noun>" + phrases_re(self.copula_nouns) + r")(?:\s{1,3}[\w'-]{1,30}){0,3}?\s{1,3}"
            + phrases_re(fg["copula_verbs"]) + r"\s{1,3}$", re.I)
        self.irregular = fg["irregular_plurals"]
        self.men_singulars = frozenset(fg["singular_words_ending_men"])
        self.outcome: dict[str, str] = {k: v for k, v in ms["outcome_verbs"].items() if "{noun}" in v or v == "deaths"}
        self.outcome_all: dict[str, str] = ms["outcome_verbs"]
        cv = phrases_re(fg["copula_verbs"][:12])
        self.number_of_copula = re.compile(
            r"(?<![\w-])number\s{1,3}of\s{1,3}(?P<what>(?:[A-Za-z][\w'-]{0,30}\s{1,3}){0,2}?[A-Za-z][\w'-]{0,30}?s)"
            r"(?:[\s\ue000]{1,12}[\w'-]{1,30}){0,8}?[\s\ue000]{1,12}" + cv + r"\s{1,3}$", re.I)
        self.stands_for_people = re.compile(
            r"\s{1,2}(?:were|have\s{1,2}been|had\s{1,2}been)\s{1,2}(?:(?:later|also|reportedly|subsequently|all|then)"
            r"\s{1,2})?(?P<v>[a-z]{3,20})(?![\w-])")
        self.clause_opening = re.compile(r"(?:^|[,;:(]|(?<![\w-])(?:and|but|while|whereas))\s{0,3}$")
        self.number_before = re.compile(r"\d\s{0,2}(?:,|and|or|&)\s{0,3}$")
        self.singular_ok = set(fg["count_words_singular_ok"])
        self.plural_modifiers = frozenset(fg["plural_modifier_nouns"])
        self.function_words = set(fg["function_words"])
        self.subject_connectors = frozenset(fg["subject_connectors"])
        self.illustrative = re.compile(r"(?<![\w-])" + phrases_re(fg["illustrative_cues"]) + r"(?![\w-])", re.I)
        self.adjective_stop = set(fg["adjective_stop"])
        self.fixed_modifiers = frozenset(fg["fixed_modifiers"])
        self.kept_modifiers = frozenset(fg["kept_modifiers"])
        self.act_nouns_of_goods = frozenset(fg["act_nouns_of_goods"])
        # ---- measures
        self.measure_of: dict[str, str] = {}
        self.measure_units: dict[str, frozenset] = {}
        """The unit classes a measure label can have when only a cue near the figure names it."""
        for cue in ms["cues"]:
            self.measure_units[cue["measure"]] = frozenset(cue.get("units", ()))
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
def figure_lexicon() -> FigureLexicon:
    return FigureLexicon()


def gazetteer():
    """The actors gazetteer: a subject it knows is a name, whatever its words."""
    from ...actors import Gazetteer      # (imported late: the gazetteer is built only when asked)
    return Gazetteer.default()




def is_plural(lx: FigureLexicon, w: str) -> bool:
    """A plural noun by its ending ("centres", "cross-border transits"), not a count stop word."""
    base = w.rsplit("-", 1)[-1]
    if len(base) > 4 and base.endswith("men") and base not in lx.men_singulars:
        return True                      # "fishermen", "gunmen"
    return (len(base) >= 3 and base.endswith("s") and not base.endswith(("ss", "us", "is", "'s", "\u2019s"))
            and base not in lx.count_stop)


def lemma(lx: FigureLexicon, w: str) -> str:
    """The singular of a plural noun's last part ("polling centres" -> "centre")."""
    head = w.rsplit("-", 1)[-1]
    if head in lx.irregular:
        return lx.irregular[head]
    if len(head) > 4 and head.endswith("men") and head not in lx.men_singulars:
        return head[:-3] + "man"
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return head[:-2]
    return head[:-1]


def measure_name(lx: FigureLexicon, mods: list[str], lemma: str) -> str:
    """A counted noun's name with its last modifier when that is a noun ("polling centre"),
    not an adjective ("new", "national", "armed")."""
    kept = next((m for m in mods if m and m.lower() in lx.kept_modifiers), None)
    if kept and kept != mods[-1]:
        return f"{kept.lower()} {measure_name(lx, [m for m in mods if m != kept], lemma)}"   # "suspected measles case"
    if kept:
        return f"{kept.lower()} {lemma}"                            # "three former combatants"
    if len(mods) >= 2 and f"{mods[-2]} {mods[-1]}".lower() in lx.fixed_modifiers:
        return f"{mods[-2]} {mods[-1]} {lemma}"                    # "3 ad hoc meetings": one modifier of two words
    if mods and mods[-1] in lx.outcome:
        return lx.outcome[mods[-1]].replace("{noun}", lemma)     # "300 displaced people"
    if mods and mods[-1] and mods[-1] not in lx.adjective_stop and not re.search(
            r"(?:al|ic|ive|ous|ful|ed|ent|ant|ian|ish|less|able|ible|ary|ern|-\w+)$", mods[-1]):
        return mods[-1] + " " + lemma
    return lemma
