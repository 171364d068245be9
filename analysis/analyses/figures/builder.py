"""Number atoms -> figure drafts: units (currency, physical, percent), counted nouns, ranges, "N of M", bounds and the filters for what is not a figure.

`FigureBuilder.build(i)` reads the figure that starts at atom i (ranges.py joins "more than 10 and
less than 20" afterwards).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import FigureLexicon, is_plural, lemma, measure_name
from .numbers import COUNT_TOKEN, Atom, word_value


_SUPERSCRIPT_2 = re.compile(r" 2(?=\s{1,2}(?:of|in|and|were|was|are|is)\b|[,.;)])")
_MORE = re.compile(r"\s{1,2}(?:more|further|additional|extra|another)(?=\s)", re.I)


@dataclass(slots=True)
class Draft:
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
    count_basis: str = "counted-noun"
    """How count_measure was read: the noun after the number, or the noun before a copula."""
    num_end: int = 0
    cue: bool = False
    anaphoric: bool = False
    """A number that stands for people named before it ("two were wounded"): no noun of its own."""


@dataclass(slots=True)
class UnitReading:
    unit: str
    name: str | None
    end: int
    scale: float = 1.0
    minor: float = 0.0
    count_measure: str | None = None


class FigureBuilder:
    def __init__(self, lx: FigureLexicon, text: str, masked: str, atoms: list[Atom]) -> None:
        self.lx, self.text, self.t, self.atoms = lx, text, masked, atoms
        self.by_start = {a.start: i for i, a in enumerate(atoms)}
        self.change_targets: set[int] = set()
        """Atoms that end a change ("from 36 to 24"): figures even without a unit or cue."""

    # ------------------------------------------------------------ helpers
    def left(self, pos: int, n: int = 60) -> str:
        return self.t[max(0, pos - n):pos]

    def atom_at(self, pos: int) -> int | None:
        return self.by_start.get(pos)

    def scale_after(self, a: Atom, pos: int, currency: bool) -> tuple[float, int]:
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

    def currency_after(self, a: Atom, pos: int, value: float, prefix_code: str | None) -> UnitReading | None:
        t, lx = self.t, self.lx
        m = lx.cur_code_after.match(t, pos)
        if m:
            if m.group("mc"):
                mc = m.group("mc")
                for pre, sc in sorted(lx.mcode_scale.items(), key=lambda kv: -len(kv[0])):
                    if mc.startswith(pre) and mc[len(pre):] in lx.mcodes:
                        return UnitReading("currency", mc[len(pre):], m.end(), sc)
            else:
                code = lx.cur_codes[m.group("code")]
                sc = lx.scale_spaced.get((m.group("scale") or "").lower(), 1.0)
                if prefix_code is None or prefix_code == code:
                    return UnitReading("currency", code, m.end(), sc)
        m = lx.cur_sym_after.match(t, pos)
        if m and prefix_code is None:
            return UnitReading("currency", lx.cur_symbols[m.group("sym")], m.end())
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
                    return UnitReading("mass", "lb", m.end())
            if prefix_code is not None and code not in (prefix_code, "cent", "pence") and key != "dollar":
                return None
            if prefix_code is not None:
                code = prefix_code
            return UnitReading("currency", code, m.end())
        return None

    def minor_units(self, unit: UnitReading, a: Atom, value: float) -> UnitReading:
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
        minor = float(mv) if mv.isdigit() else word_value(self.lx, mv)
        if minor is None or not 0 < minor < 100:
            return unit
        return UnitReading(unit.unit, unit.name, m.end(), unit.scale, minor / 100.0)

    def physical_after(self, a: Atom, pos: int) -> UnitReading | None:
        t, lx = self.t, self.lx
        m = lx.age.match(t, pos)
        if m:
            return UnitReading("other", "years of age", m.end())
        m = lx.unit_after.match(t, pos)
        if not m:
            mm = _MORE.match(t, pos)     # "two more years": a duration still to come
            m = lx.unit_after.match(t, mm.end()) if mm else None
            if not m or (lx.unit_of.get(" ".join(m.group("u").split()).lower()) or ("",))[0] != "duration" \
                    or not m.group("sp"):
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
            return UnitReading("relative", None, m.end())
        if cls == "length" and name in ("m", "km"):
            sq = _SUPERSCRIPT_2.match(t, m.end())
            if sq:                       # "17.4 km 2 of land": a superscript that text conversion set apart
                return UnitReading("area", name + "2", sq.end())
        return UnitReading(cls, name, m.end())

    def percent_after(self, pos: int) -> UnitReading | None:
        m = self.lx.percent.match(self.t, pos)
        if not m:
            return None
        p = m.group("p").lower()
        name = "percentage point" if "point" in p else None
        return UnitReading("percent", name, m.end())

    def count_noun(self, pos: int) -> tuple[str, int] | None:
        """('polling centre', end) for 'five polling centres', or None.

        Up to four modifiers may stand between the number and the head noun; a capitalised
        plural ("40,000 Serbs live") is the head only when no lower-case plural follows."""
        lx, t = self.lx, self.t
        mods: list[str] = []
        p = pos
        cap_head: tuple[str, int] | None = None
        for _ in range(5):
            m = COUNT_TOKEN.match(t, p, min(len(t), p + 48))
            if not m:
                return cap_head
            w = m.group(1)
            low = w.lower()
            if any(ch.isdigit() for ch in w):
                return cap_head          # "3 USD50 cards": another number, not a noun
            if w[0].isupper():
                if low in lx.function_words:
                    return cap_head
                if self._plural(low) and not w.isupper():    # the last of a title-case run: "Four United Nations ... Resolutions"
                    lemma = w[:-1] if w[:-1].isupper() else self._lemma(low).capitalize()
                    cap_head = (lemma, m.end())
                mods.append("")
                p = m.end()
                if len(mods) > 4:
                    return cap_head
                continue
            if low in lx.irregular or low in lx.singular_ok:
                # "police officers", "injured civilians": the next plural noun is the head
                nx = COUNT_TOKEN.match(t, m.end(), min(len(t), m.end() + 44))
                nw = nx.group(1) if nx else ""
                if not (nw and nw[0].islower() and (self._plural(nw) or nw in lx.irregular) and nw not in lx.function_words):
                    return self._measure_name(mods, lx.irregular.get(low, low)), m.end()
                if self._plural(low):
                    mods.append(lx.irregular.get(low, low))     # "301 women detainees": the plural after it is the head
                    p = m.end()
                    continue
            if low in lx.plural_modifiers:
                # "three telecommunications providers": a noun in -s that modifies the plural after it
                nx = COUNT_TOKEN.match(t, m.end(), min(len(t), m.end() + 44))
                nw = nx.group(1) if nx else ""
                if nw and nw[0].islower() and (self._plural(nw) or nw in lx.irregular) and nw not in lx.function_words:
                    mods.append(low)
                    p = m.end()
                    continue
                nx2 = COUNT_TOKEN.match(t, nx.end(), min(len(t), nx.end() + 44)) if nx and nw[:1].islower() \
                    and nw not in lx.function_words and nw not in lx.count_stop else None
                nw2 = nx2.group(1) if nx2 else ""
                if nw2[:1].islower() and self._plural(nw2) and nw2 not in lx.function_words:
                    mods.append(low)     # "seven human rights promotional activities": the plural two words on is the head
                    p = m.end()
                    continue
                return self._measure_name(mods, low), m.end()
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
        return is_plural(self.lx, w)

    def _lemma(self, w: str) -> str:
        return lemma(self.lx, w)

    def _measure_name(self, mods: list[str], lemma: str) -> str:
        return measure_name(self.lx, mods, lemma)

    # ------------------------------------------------------------ one figure
    def build(self, i: int) -> tuple[Draft | None, int]:
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
                f = Draft(s0, a.end, value, unit="percent", num_end=a.end)
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
        fig = Draft(start, pos, value, num_end=pos, cue=i in self.change_targets)
        unit1 = None
        if code is not None:
            unit1 = UnitReading("currency", code, pos)
            after = self.currency_after(a, pos, value, code)
            if after is not None and after.unit == "currency":
                unit1 = UnitReading("currency", code, after.end, after.scale)
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

    def range_after(self, a: Atom, fig: Draft, unit1: UnitReading | None, code: str | None, sc1: float):
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
            unit = UnitReading("currency", code or code2, unit2.end if unit2 else pos2, unit2.scale if unit2 else 1.0)
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
                f1 = Draft(fig.start, fig.num_end if unit1 is None else unit1.end, fig.value)
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
            if not (lx.between.search(left) or from_m is not None or (a.value >= 10 and b.value >= 10 and not (a.plain_int and b.plain_int and 1800 <= a.value <= 2099 and 1800 <= b.value <= 2099))
                    or sep in ("to", "-", "\u2013") and a.word and b.word and self.count_noun(pos2) is not None):
                return None          # (in words before a counted noun, "three to four trucks", a range too)
        f = Draft(fig.start, end, None, low=v1, high=v2, num_end=pos2)
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

    def n_of_m(self, a: Atom, fig: Draft):
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
            f = Draft(fig.start, cn[1] if cn else pos2, a.value, of=b.value * sc2, unit="count", num_end=pos2)
            if cn:
                f.count_measure = cn[0]
            f.cue = True
            return self.finish(f, a, f.end, of_=True), j + 1
        return None

    # ------------------------------------------------------------ cues, filters
    def finish(self, f: Draft, a: Atom, pos: int, range_: bool = False, of_: bool = False) -> Draft | None:
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
        if re.match(r"[,.]\d", self.text[a.end:a.end + 2]) and not re.match(r"[,.]\d", t[a.end:a.end + 2]):
            return None          # "at least 50,000 years ago": the rest of the number was read as a date
        if f.unit in ("other", "count") and not of_ and (not range_ or f.value is None and f.start == a.start):
            # "Article 12", and a range of references: "rules 11-14"
            if lx.ref_noun.find(self.left(a.start, 30), need_space=False) is not None:
                return None
        if f.unit == "other" and not range_ and not of_ and f.unit_name is None:
            cn = self.count_noun(f.num_end)
            if cn is not None and a.plain_int and 1800 <= a.value <= 2099 and (
                    cn[0][:1].isupper() or re.search(r"[a-z]\s[A-Z][a-z]+\s{1,2}$", self.left(a.start, 40))
                    or re.search(r"(?<![\w-])the\s{1,2}$", self.left(a.start, 8), re.I) and re.match(r"\s{1,2}[A-Z][a-z]", t[a.end:a.end + 4])):
                cn = None        # "the 1997 Watercourses Convention", "the Charter 2001 provides", "the 2002 Kush earthquakes": a year in a name
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
                nm = lx.number_of_copula.search(self.left(a.start, 120)) if a.kind == "num" and cm is None else None
                if cm is not None:
                    # "the population was 1,234,567": the noun before the verb is what is counted
                    f.unit = "count"
                    f.count_measure = lx.copula_nouns[" ".join(cm.group("noun").lower().split())]
                    f.count_basis = "copula-noun"
                elif nm is not None:
                    # "the number of Freedonians living in Valdoria was 412": the noun after "number of"
                    words = nm.group("what").split()
                    f.unit, f.count_basis = "count", "copula-noun"
                    head = self._lemma(words[-1].lower())
                    f.count_measure = " ".join(words[:-1] + [head.capitalize()]) if words[-1][:1].isupper() \
                        else self._measure_name([w.lower() for w in words[:-1]], head)
                elif a.kind == "num" and not a.one and a.value >= 2 and self._stands_for_people(f):
                    pass
                else:
                    return None
            if a.kind == "fraction" and f.unit == "count" and (f.value is None or f.value < 1):
                f.unit, f.count_measure = "fraction", None
        if a.one and not of_ and not range_ and f.unit in ("count", "other"):
            return None
        digits = re.sub(r"\D", "", self.text[a.start:a.end])
        if digits and re.match(r"[^()\n]{0,40}\(\s{0,2}[A-Z][A-Za-z]{0,5}[-\s]?" + digits + r"\s{0,2}\)",
                               self.text[f.end:f.end + 60]):
            return None      # "the Front du 12 mars (F12)", "the Group of 48 (G48)": a number in a name
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

    def _stands_for_people(self, f: Draft) -> bool:
        """"..., and two were left with permanent disabilities", "Of the passengers, 11 were
        killed": a number that opens its clause and is the subject of a passive verb counts
        people named before it. Counted (unit count), but what it counts is not in its own
        words: the measure is the verb's outcome ("deaths") at most, never high confidence."""
        lx, t = self.lx, self.t
        m = lx.stands_for_people.match(t, f.num_end)
        left = self.left(f.start, 40)
        if not m or not lx.clause_opening.search(left) or lx.number_before.search(left):
            return False
        verb = m.group("v").lower()
        label = lx.outcome.get(verb) or lx.outcome_all.get(verb)
        f.unit, f.anaphoric = "count", True
        f.count_measure = label.replace("{noun}", "person") if label else None
        return True

    def _number_follows(self, pos: int) -> bool:
        tail = self.t[pos:pos + 30]
        return self.lx.number_follows.match(tail) is not None
