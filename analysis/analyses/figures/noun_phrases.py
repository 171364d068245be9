"""A figure's place in its clause -> the noun it measures, read from the words around it.

Each reader takes the text, the clause bounds and the figure's offsets and returns a measure
label or None: the verb that says what happened to a counted noun ("40,000 people were
displaced" -> displaced person), the noun the figure is a share of ("97% of voters" ->
voter), the noun it is the size of ("a turnout of 22 per cent" -> turnout), the noun it
modifies ("a $3 billion budget" -> budget) and the subject of the verb that states it
("rainfall fell by 18 per cent" -> rainfall). Labels from measures.json cues win over the
bare noun, so "gross domestic product" stays ``gdp``. Knowledge: lexicons/measures.json.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..dates import lexicon
from .lexicon import FigureLexicon, is_plural, lemma, measure_name

PRONOUN = "\u2205"
"""What `of_complement` returns for "12 per cent of them": a share of something named elsewhere."""

_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F][\w'\u2019-]*|\d[\d.,]*|[^\s\w]")
_POSSESSIVE = re.compile(r".+['\u2019]s?$")


@dataclass(frozen=True, slots=True)
class _Words:
    outcome: dict
    outcome_aux: frozenset
    noun_measures: dict
    quantity: frozenset
    verbs: frozenset
    particles: frozenset
    aux: frozenset
    preps: frozenset
    dets: frozenset
    pronouns: frozenset
    mod_stop: frozenset
    participles: dict
    intransitive: frozenset
    money_verbs: dict
    people: frozenset
    gerunds: dict
    dimensions: frozenset
    instances: frozenset
    harm_verbs: frozenset
    harm_nouns: dict
    of_heads: frozenset
    outcome_nouns: dict
    forced: dict
    attack_nouns: dict
    abroad: frozenset


@lru_cache(maxsize=1)
def _words() -> _Words:
    ms = lexicon("measures")
    return _Words(ms["outcome_verbs"], frozenset(ms["outcome_auxiliaries"]), ms["counted_noun_measures"],
                  frozenset(ms["quantity_nouns"]), frozenset(ms["statement_verbs"]),
                  frozenset(ms["statement_verb_particles"]), frozenset(ms["subject_auxiliaries"]),
                  frozenset(ms["prepositions"]), frozenset(ms["determiners"]), frozenset(ms["pronouns"]),
                  frozenset(ms["modified_noun_stop"]), ms["participles_before_figure"],
                  frozenset(ms["intransitive_outcome_verbs"]), ms["money_verbs"],
                  frozenset(ms["people_nouns"]), ms["outcome_gerunds"], frozenset(ms["dimension_nouns"]),
                  frozenset(ms["instance_nouns"]), frozenset(ms["harm_verbs"]), ms["harm_nouns"],
                  frozenset(ms["of_heads"]), ms["outcome_nouns_before"], ms["forced_departure"],
                  ms["attack_nouns_before"], frozenset(ms["people_abroad_nouns"]))


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _cue_label(lx: FigureLexicon, words: list[str]) -> str | None:
    """The measures.json label of the longest cue among `words` (lower case), or None."""
    low = [w.lower() for w in words]
    for n in range(min(lx.measure_n, len(low)), 0, -1):
        for i in range(len(low) - n + 1):
            key = " ".join(low[i:i + n])
            if key in lx.measure_of:
                return lx.measure_of[key]
    return None


def _noun_label(lx: FigureLexicon, words: list[str]) -> str | None:
    """'crude oil output' -> 'oil output', 'federal judges' -> 'judge': the head with a noun modifier."""
    if not words:
        return None
    head = words[-1].lower()
    if not head.isascii() or not re.fullmatch(r"[a-z][a-z'\u2019-]*", head) or head in lx.function_words:
        return None
    mods = [w.lower() for w in words[:-1]]
    return measure_name(lx, mods, lemma(lx, head) if is_plural(lx, head) else head)


_LIVING_STATES = frozenset(("fear", "poverty", "hunger", "misery", "squalor", "limbo", "uncertainty", "danger", "terror",
                            "hiding", "silence", "despair", "isolation", "destitution", "darkness", "denial"))
"""What people are said to live in that is a condition, not a place: no population."""


def counted_noun_label(lx: FigureLexicon, text: str, end: int, ce: int, noun: str) -> tuple[str, bool]:
    """The counted noun's measure: 'inhabitant' -> population; 'people [were] displaced' ->
    displaced person (True when the verb after the noun gave it)."""
    w = _words()
    br = re.match(r"\s{0,2},\s{1,2}(?:including|among\s{1,2}them)\s[^,;.()]{1,60},(?=\s{1,2}(?:were|was|are|is|have|had)\s)"
                  r"|\s{0,2},(?=\s{1,2}(?:were|was|are|is|have|had)\s)|\s{0,2}\([^()]{0,80}\)|\s{1,2}(?:from|in|of)\s{1,2}(?:the\s{1,2})?[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2}(?=\s)"
                  r"|\s{1,2}(?:in|of|from|with|at|on)\s{1,2}[a-z][\w-]*(?:\s{1,2}[a-z][\w-]*){0,3}?"
                  r"(?=\s{1,2}(?:were|was|had|have|are|is)\s)",
                  text[end:min(ce, end + 90)])
    if br:
        end += br.end()                  # "Eleven villagers (six men and five boys) were killed", "people from X were"
    toks = _tokens(text, end, min(ce, end + 80))
    for k, (tok, _, _) in enumerate(toks[:7]):
        low = tok.lower()
        if low in w.outcome:
            if w.outcome[low] == "population" and noun not in w.people:
                break                    # "forty nationalities live on the island": not a population
            if w.outcome[low] == "population" and noun in w.abroad:
                break                    # "2 million refugees still living in X": counted as refugees, not X's population
            if w.outcome[low] == "population" and any(t.lower() in _LIVING_STATES for t, _, _ in toks[k + 1:k + 5]):
                break                    # "50,000 women are living in constant fear": a state, not where they live
            nxt = toks[k + 1][0].lower() if k + 1 < len(toks) else "."
            passive = low.endswith("ed") and any(t.lower() in _PASSIVE_AUX for t, _, _ in toks[:k])
            if low not in w.intransitive and not passive and (nxt in w.dets or nxt[0].isalnum() and nxt not in w.preps
                                              and nxt not in lx.function_words):
                break                    # "two gunmen killed a guard", "are missing limbs": an object follows
            return w.outcome[low].replace("{noun}", noun), True
        if low in w.forced["verbs"] and [t.lower() for t, _, _ in toks[k + 1:k + 3]][:1] == ["to"] \
                and k + 2 < len(toks) and toks[k + 2][0].lower() in w.forced["to"]:
            return w.forced["measure"].replace("{noun}", noun), True     # "were forced to leave"
        if low in w.harm_verbs:
            # "five guards sustaining permanent disabilities", "nurses left with severe wounds"
            for tok2, _, _ in toks[k + 1:k + 4]:
                if tok2.lower() in w.harm_nouns:
                    return w.harm_nouns[tok2.lower()].replace("{noun}", noun), True
                if not tok2[:1].islower() or tok2 in w.dets or tok2 in w.preps or tok2 in lx.function_words:
                    break
            break
        if low not in w.outcome_aux and not (len(low) > 5 and low.endswith("ly")):
            break                        # (an adverb may stand between: "were left permanently disabled")
    if noun in w.noun_measures and toks and _ACTS_AFTER.fullmatch(toks[0][0]):
        return noun, False               # "500 local residents filed complaints": those who acted, not a population
    return w.noun_measures.get(noun, noun), False


_ACTS_AFTER = re.compile(r"[a-z]{2,}ed|who|that|have|has|had|are|were|will|would|can|could|may|must|did|do")
"""After a noun read as a population ('residents'), a verb or relative clause: the ones who act, not a population."""
_PASSIVE_AUX = frozenset(("were", "was", "been", "being", "be", "are", "is"))
"""Before a participle ("were displaced"), the verb is passive: the word after it is never its object."""


def outcome_before(text: str, cs: int, start: int, noun: str) -> str | None:
    """'killing two people' -> deaths, 'abducted 14 schoolgirls' -> abducted schoolgirl: the
    outcome verb right before the figure, its object the counted noun."""
    w = _words()
    before = outcome_noun_before(text, cs, start, noun)
    if before:
        return before
    m = re.search(r"(?<![\w'\u2019-])([a-z]{4,20})\s{1,3}$", text[max(cs, start - 30):start])
    if not m:
        return None
    verb = w.gerunds.get(m.group(1), m.group(1))
    if verb not in w.outcome or verb in w.intransitive or verb not in w.gerunds.values():
        return None                      # "died", "missing": no object; "live": not an outcome
    return w.outcome[verb].replace("{noun}", noun)


def outcome_noun_before(text: str, cs: int, start: int, noun: str) -> str | None:
    """'the deaths of over 1 million X' -> deaths, 'the detention of 40 X' -> detained X: the
    noun before 'of' says what happened to the counted noun."""
    w = _words()
    n = re.search(r"(?<![\w'\u2019-])([a-z]{4,20})\s{1,3}of\s{1,3}(?:the\s{1,3})?$", text[max(cs, start - 30):start])
    if n and n.group(1) in w.outcome_nouns:
        return w.outcome_nouns[n.group(1)].replace("{noun}", noun)
    a = re.search(r"(?<![\w'\u2019-])([a-z]{4,20})\s{1,3}(on|against|of|hitting|targeting|targetting|striking)\s{1,3}(?:the\s{1,3})?"
                  r"(?:(?:at\s{1,3}least|some|about|over|nearly)\s{1,3})?$", text[max(cs, start - 40):start])
    if a and a.group(1) in w.attack_nouns and (a.group(2) != "of" or not a.group(1).endswith("s")):
        return w.attack_nouns[a.group(1)].replace("{noun}", noun)   # "strikes on/hitting 12 villages": the places hit
    return None


def bracket_outcome(lx: FigureLexicon, text: str, cs: int, ce: int, start: int, end: int, noun: str) -> str | None:
    """'9 civilians were killed (4 men, 2 girls and 3 boys)', 'Eleven villagers (six men and five
    boys) were killed': a count inside a bracketed breakdown shares the outcome of the total."""
    k = text.rfind("(", cs, start)
    if k < 0 or ")" in text[k:start]:
        return None
    m = re.search(r"([a-z]{4,20})\s{0,2}$", text[max(cs, k - 30):k])
    w = _words()
    if m and m.group(1) in w.outcome:
        return w.outcome[m.group(1)].replace("{noun}", noun)
    j = text.find(")", end, ce)
    if j < 0:
        return None
    label, outcome = counted_noun_label(lx, text, j + 1, ce, noun)
    return label if outcome else None


def instance_of(lx: FigureLexicon, text: str, end: int, ce: int, noun: str) -> str | None:
    """'18 instances of torture' -> instance of torture: what an instance noun counts."""
    if noun not in _words().instances:
        return None
    m = re.match(r"\s{1,3}of\s{1,3}([a-z][a-z-]{1,30}(?:\s{1,2}[a-z][a-z-]{1,30}){0,3})", text[end:min(ce, end + 90)])
    if not m:
        return None
    words = []
    for w in m.group(1).split():
        if w in lx.function_words or w in _words().preps or w in _words().dets or w in ("and", "or"):
            break                        # "of torture and ...", "of diarrhoea with ...": the noun phrase only
        words.append(w)
    if not words or len(words) > 3:
        return None
    return f"{noun} of {' '.join(words)}"


def dimension_after(text: str, end: int) -> str | None:
    """'100 km in length' -> length: the dimension a physical figure is given in."""
    m = re.match(r"\s{1,3}in\s{1,3}([a-z]{3,15})(?![\w-])", text[end:end + 30])
    return m.group(1) if m and m.group(1) in _words().dimensions else None


def of_complement(lx: FigureLexicon, text: str, end: int, ce: int, money: bool = False) -> tuple[str, int] | None:
    """(label, end) of the noun phrase after "of" ("per cent of Freedonia's raw cotton output"),
    or after "in" for money ("$40 million in external debt"); (PRONOUN, end) for "of them",
    None when no such phrase follows."""
    m = re.match(r"\s{0,3}(?:of|in)\s{1,3}" if money else r"\s{0,3}of\s{1,3}", text[end:min(ce, end + 12)])
    if not m:
        return None
    w = _words()
    toks = _tokens(text, end + m.end(), min(ce, end + m.end() + 90))
    k = 0
    while k < len(toks) and (toks[k][0].lower() in w.dets or _POSSESSIVE.fullmatch(toks[k][0])):
        k += 1
    if k < len(toks) and toks[k][0].lower() in w.pronouns:
        return PRONOUN, toks[k][2]
    if money and m.group().strip() == "in" and (k or k < len(toks) and not toks[k][0][0].islower()):
        return None                      # "$5 million in the province", "$5 million in Ruritania"
    words: list[tuple[str, int, int]] = []
    for tok, s, e in toks[k:k + 4]:
        low = tok.lower()
        if not tok[0].isalpha() or low in lx.function_words or low in w.preps:
            break
        if words and len(low) > 4 and low.endswith(("ed", "ly")):
            break                        # "of gold deposited in", "of saffron yearly"
        words.append((tok, s, e))
        nxt = toks[k + len(words)][0] if k + len(words) < len(toks) else ""
        if is_plural(lx, low) and not (tok[0].isupper() and nxt[:1].islower() and nxt.lower() not in lx.function_words
                                       and nxt.lower() not in w.preps):
            break                        # the first plural noun is the head: "of voters chose" (not "United Nations budget")
    if not words:
        return None
    phrase = [t for t, _, _ in words]
    head = phrase[-1]
    if (head[0].isupper() and not head.isupper() and not is_plural(lx, head.lower())) or head.lower() in w.quantity:
        return None                      # "half of northern Freedonia", "12 per cent of the total"
    label = _cue_label(lx, [m.group().strip()] + [t for t, _, _ in toks[:k]] + phrase) or _noun_label(lx, phrase)
    return (label, words[-1][2]) if label else None


def noun_of_figure(lx: FigureLexicon, text: str, cs: int, start: int) -> str | None:
    """'a mean depth of [about] 12 metres' -> mean depth; 'a total of', 'a threshold of' -> None."""
    win = text[max(cs, start - 80):start]
    m = re.search(r"(?<![\w'\u2019-])(?:([A-Za-z][\w'\u2019-]*)\s{1,3})?([A-Za-z][\w'\u2019-]*)\s{1,3}of\s{1,3}$", win)
    if not m:
        return None
    w = _words()
    mod, head = m.group(1), m.group(2)
    label = lx.measure_of.get(f"{mod} {head}".lower()) if mod else None
    label = label or lx.measure_of.get(head.lower())
    if label:
        return label                     # the head (or modifier and head) is a cue: "a turnout of"
    if head.lower() in w.quantity or head.lower() in w.dets or not head[0].islower():
        return None
    if re.search(r"\d\s{0,2}$", win[:m.start(2)]) or head.lower() in lx.unit_of or head in lx.unit_of \
            or (mod and (mod.lower() in lx.units_w or mod.lower() in lx.tens_w)):
        return None                      # "200 kg of 5 per cent ...": the noun is another figure's unit
    if mod and (not mod[0].islower() or mod.lower() in lx.function_words or mod.lower() in w.dets):
        mod = None
    return _noun_label(lx, [x for x in (mod, head) if x])


def modified_noun(lx: FigureLexicon, text: str, start: int, end: int, ce: int, money: bool) -> str | None:
    """'a 40 per cent quota' -> quota, '20 per cent enriched uranium' -> enriched uranium.

    Without an article before the figure (or money: "$3 billion budget") the word after it is
    read as a noun only when it is a measure cue or a participle before a noun: "15 per cent
    live abroad" has a verb there."""
    w = _words()
    before = re.search(r"([A-Za-z]+)\s{1,3}$", text[max(0, start - 20):start])
    article = bool(before and (before.group(1).lower() in w.dets or before.group(1).lower() in ("at", "with")))
    m = re.match(r"[ \u00a0]{1,2}([A-Za-z][\w-]*)(?:[ \u00a0]{1,2}([A-Za-z][\w-]*))?", text[end:min(ce, end + 60)])
    if not m:
        return None
    w1, w2 = m.group(1), m.group(2)
    l1 = w1.lower()
    if not w1[0].islower() or l1 in w.mod_stop or l1 in lx.function_words or l1 in w.preps or l1.endswith("ly"):
        return None
    if len(l1) > 4 and l1.endswith("ed"):
        # a participle modifies the next noun: "enriched uranium"
        if w2 and w2.lower() not in w.mod_stop and w2.lower() not in lx.function_words and (
                w2[0].islower() or w2.isupper() or any(c.isdigit() for c in w2)):
            return l1 + " " + w2         # "enriched uranium", "enriched UF6"
        return None
    if l1.endswith("ing"):
        return None
    label = _cue_label(lx, [w1] + ([w2] if w2 else []))
    if label or not (article or money):
        return label
    if w2 and w2[0].islower() and w2.lower() not in w.mod_stop and w2.lower() not in lx.function_words \
            and not w2.lower().endswith(("ed", "ly", "ing")):
        return _noun_label(lx, [w1, w2])
    return _noun_label(lx, [w1])


def subject_of_verb(lx: FigureLexicon, text: str, cs: int, start: int) -> str | None:
    """'Average rainfall in the basin fell by about 18 per cent' -> average rainfall: the noun
    phrase before a verb that states the figure, its prepositional phrases set aside."""
    w = _words()
    toks = _tokens(text, max(cs, start - 220), start)
    for tok in _tokens(text, start, min(len(text), start + 30)):
        if tok[0].lower() not in w.verbs and tok[0].lower() not in w.particles:
            break
        toks.append(tok)                 # the verb written inside the figure: "totalled $4.1 billion"
    k = len(toks) - 1
    n = 0
    while k >= 0 and n < 2 and toks[k][0].lower() in w.particles:
        k, n = k - 1, n + 1
    if k < 0 or toks[k][0].lower() not in w.verbs:
        return None
    k -= 1
    n = 0
    while k >= 0 and n < 5 and (toks[k][0].lower() in w.aux or len(toks[k][0]) > 4 and toks[k][0].endswith("ly")):
        k, n = k - 1, n + 1
    chunk: list[tuple[str, int]] = []
    of_pp: list[str] | None = None
    while k >= 0 and len(chunk) < 6:
        tok, s, _ = toks[k]
        low = tok.lower()
        if not tok[0].isalpha():
            break
        j = k
        while j >= 0 and j > k - 3 and (toks[j][0].lower() in w.dets or _POSSESSIVE.fullmatch(toks[j][0])):
            j -= 1                       # "among the state's black voters": determiners back to a preposition
        if j >= 0 and toks[j][0].lower() in w.preps and toks[j][0][0].isalpha():
            rest = [t.lower() for t, _ in chunk]
            for n in range(0, 3):             # a cue written with a preposition: "GDP per capita"
                key = " ".join([t.lower() for t, _, _ in toks[max(0, j - n):j + 1]] + rest)
                if n <= j and key in lx.measure_of:
                    return lx.measure_of[key]
            if toks[j][0].lower() == "of":
                of_pp = [t for t, _ in chunk]
            chunk = []                   # a prepositional phrase: "in the Valdor basin"
            k = j - 1
            continue
        if low in w.dets or _POSSESSIVE.fullmatch(tok):
            break
        if low in lx.function_words:
            if k == 0 or f"{toks[k - 1][0].lower()} {low}" not in lx.measure_of:
                break
            chunk.insert(0, (tok, s))        # a cue written as two words: "the turn out ... was"
            k -= 1
            continue
        chunk.insert(0, (tok, s))
        k -= 1
    if not chunk:
        return None
    words = [t for t, _ in chunk]
    first_start = chunk[0][1]
    at_start = not text[cs:first_start].strip(" \t\n\"'\u201c\u2018(")
    if at_start or (k >= 0 and toks[k][0].lower() in w.dets and not text[cs:toks[k][1]].strip(" \t\n\"'\u201c\u2018(")):
        words[0] = words[0] if words[0].isupper() else words[0].lower()
    label = _cue_label(lx, words)
    if label:
        return label
    if any(x[0].isupper() and not x.isupper() for x in words):
        return None                      # a name ("the Northern Council was"): not a measure
    head = words[-1].lower()
    if head in w.quantity or head in w.of_heads and of_pp:
        if of_pp:
            rest = [x for x in of_pp if x.lower() not in w.dets]
            return head + " of " + " ".join(x.lower() for x in rest) if rest else None
        if len(words) < 2:
            return None
    return _noun_label(lx, words)


def participle_before(lx: FigureLexicon, text: str, cs: int, start: int) -> str | None:
    """'uranium enriched at 60 per cent' -> enriched uranium: a noun, a participle, then 'at'/'to'."""
    m = re.search(r"(?:(?<![\w-])([a-z][\w-]*)\s{1,3})?([a-z]+(?:ed|ing))\s{1,3}(?:at|to)\s{1,3}"
                  r"(?:(?:a\s{1,3})?levels?\s{1,3}(?:of\s{1,3})?)?$", text[max(cs, start - 70):start])
    if not m or m.group(2) not in _words().participles:
        return None
    noun = m.group(1) or ""
    template = _words().participles[m.group(2)]
    if "{noun}" not in template:
        return template                  # "enriching at levels of 20 per cent" -> enrichment
    if not noun or noun in lx.function_words or noun in _words().dets or noun in _words().quantity:
        return None
    noun = lemma(lx, noun) if is_plural(lx, noun) else noun
    return _words().participles[m.group(2)].replace("{noun}", noun)


def money_verb(lx: FigureLexicon, text: str, cs: int, start: int) -> str | None:
    """'approved $2.3 billion' -> budget, 'owes €40 million' -> arrears: the verb right before money."""
    m = re.search(r"(?<![\w-])([a-z]+)\s{1,3}(?:(?:still|also|already|only|just|a\s{1,3}further|an\s{1,3}additional|(?:a|the)\s{1,3}(?:total|amount|sum)\s{1,3}of)\s{1,3})?$",
                  text[max(cs, start - 50):start])
    return _words().money_verbs.get(m.group(1)) if m else None


def list_head(lx: FigureLexicon, text: str, cs: int, start: int) -> str | None:
    """'fixed quotas – 55 per cent for the north': the plural noun before the dash or colon that
    opens a list, when the figure opens the list."""
    if text[cs:start].strip():
        return None
    m = re.search(r"(?<![\w-])([a-z][\w-]*)\s{0,2}(?:[:\u2013\u2014]|--)\s{0,3}$", text[max(0, cs - 40):start])
    if not m:
        return None
    noun = m.group(1)
    if noun in lx.function_words or noun in _words().quantity and noun != "shares" or not is_plural(lx, noun):
        return None
    return lemma(lx, noun)
