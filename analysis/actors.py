"""Text -> actor mentions: states, organisations and their organs, found by a token trie over
the gazetteer in lexicons/actors.json (names, aliases, acronyms, adjectives, capitals, metonyms).

    gaz = Gazetteer.default()
    gaz.find("the Swedish Foreign Secretary told Belgrade")
    -> [Mention(4, 11, 'Swedish', 'Sweden', 'state', 'adjective'),
        Mention(30, 38, 'Belgrade', 'Serbia', 'state', 'capital')]

Rules, in the order they apply (each is a small function below, so it can be audited):
  1. Tokens are words (``\\w+``) and single punctuation marks, so every match sits on word
     boundaries ("Iran" is not in "Tirana", "UN" not in "UNODC"); curly apostrophes and dash
     variants are folded first; a longer surface wins at the same start ("Niger"/"Nigeria",
     "UN"/"UN-Habitat"); "Kosovo-Serbia" yields both states.
  2. Case: acronyms and all-capital tokens match exactly; other capitalised tokens need a
     capital first letter ("turkey" the bird, "georgia" in a URL are not matched).
  3. Exclusions are longer phrases that consume their words and yield nothing
     ("Northern Ireland", "Latin American", "Kosovo Serb").
  4. Guards: a surface that is also a person's name is dropped after a capitalised word that
     is not a title ("Michael Jordan"); English-word acronyms are dropped in ALL-CAPS runs
     ("WHO WE ARE"); a capital is not a metonym in an event name ("Minsk agreements", "Treaty
     of Lisbon"); an adjective is not the state in "ethnic Russians" or "Russian-speaking";
     nothing is matched inside a URL.
  5. Context aliases ("the Council", "Secretary-General") resolve to the candidate mentioned
     most recently before them, else to the one whose organisation dominates the text.
  6. A bare organ name after an actor belongs to that actor ("Russian Security Council").
  7. Extensions: "<Adjective> government", "Government of <State>", "the Russian Ministry of
     Foreign Affairs" -> the state via government/ministry; "IAEA Director General",
     "Executive Director of <Organisation>" -> the organisation via organ.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

LEXICONS = Path(__file__).resolve().parent / "lexicons"

STATE_KINDS = frozenset({"state", "de-facto-state", "historical"})
"""Kinds for which :meth:`Gazetteer.is_state` is true."""
_GOVERNABLE = STATE_KINDS | {"sub-state"}


@dataclass(frozen=True, slots=True)
class Mention:
    """One actor named in a text: ``text[start:end]`` resolved to a gazetteer entry."""

    start: int
    """Offset of the first character in the text given to :meth:`Gazetteer.find`."""
    end: int
    """Offset one past the last character."""
    text: str
    """The words as written (``"Swedish"``, ``"Government of Serbia"``)."""
    name: str
    """Canonical actor name (``"Sweden"``); for an organ, the organ's own canonical name."""
    kind: str
    """Kind of the entry: state, de-facto-state, sub-state, historical, organisation, organ."""
    via: str
    """How it was named: name, alias, acronym, adjective, demonym, capital, metonym, organ,
    government, ministry, or context (a weak alias resolved by the document context)."""


# --------------------------------------------------------------------------------------
# Text normalisation: one character for one character, so offsets are kept.
_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'", "\u00b4": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-", "\ufe63": "-", "\uff0d": "-",
    "\u00ad": "-",
})
_TOKEN = re.compile(r"\w+|\S")
_TOKEN_AFTER = re.compile(r"\s*(\w+|\S)")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_TRAILING_S = re.compile(r"'s$")


def _variants(key: str):
    """The key, without a leading "the", without a trailing "'s": each made only when the one before missed."""
    yield key
    yield _LEADING_THE.sub("", key)
    yield _TRAILING_S.sub("", key)


_THE_BEFORE = re.compile(r"(?<!\w)[Tt]he[ \t\n]+\Z")


def _read_word(tn: str, raws: list, lows: list, ends: list, gaps: list) -> bool:
    """Read the token after the last one read (_scan's lists, appended to); False at the end.
    Its gap to the one before: True when they touch, False across spaces with at most one
    line break, None across a paragraph break (matching no surface's join)."""
    nm = _TOKEN_AFTER.match(tn, ends[-1])
    if nm is None:
        return False
    start, end = nm.span(1)
    word = nm.group(1)
    pend = ends[-1]
    raws.append(word)
    lows.append(word.lower())
    ends.append(end)
    gaps.append(True if start == pend else (False if tn.count("\n", pend, start) <= 1 else None))
    return True
_FOLD_RE = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")


def _fold_char(m: re.Match) -> str:
    return _FOLD[ord(m.group())]



_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)

# Surface flags.
_NAME_RISK, _CAPS_RISK, _PLACE, _ADJ, _BARE, _ACRO = 1, 2, 4, 8, 16, 32

# Check per token: 0 any case, 1 capital first letter, 2 exact.
_ANY, _CAP, _EXACT = 0, 1, 2

_VIA_OF_FIELD = {"name": "name", "aliases": "alias", "acronyms": "acronym", "adjectives": "adjective",
                 "demonyms": "demonym", "capitals": "capital", "metonyms": "metonym"}
_SURFACE_FIELDS = tuple(_VIA_OF_FIELD)
_LIST_FIELDS = ("aliases", "acronyms", "adjectives", "demonyms", "ethnonyms", "capitals", "metonyms",
                "context_aliases", "exclusions", "name_risk", "caps_risk")

# Words that may stand before a person-name-like state name without making it a person's
# name ("In Jordan", "President of Georgia" is handled by "of" being lower case).
_ALLOW_BEFORE_RISKY = frozenset("""
the a an in on at for from to of and or but nor as by with without within into onto upon via
both neither either between among against towards toward like unlike while whereas whether
if when where since until after before during despite including excluding except than
also even only then thus hence however meanwhile moreover furthermore indeed yet still
today yesterday tomorrow now here there
neighbouring neighboring northern southern eastern western central north south east west
king queen prince princess emir sultan crown kingdom republic state states government
president minister prime foreign ambassador envoy embassy delegation mission representative
secretary chairman chair spokesman spokesperson spokeswoman people nation nations
affairs ministry ministries office government council committee commission assembly parliament
agency embassy relations cooperation integration trade development security defence defense
""".split())

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "st"})
# A capital or metonym followed by one of these names an event, a place or a document.
_EVENT_AFTER = frozenset("""
agreement agreements accord accords treaty treaties statute convention conventions declaration
conference summit protocol charter principles process format group club round talks act final
criteria document plan initiative consensus communique communiqué memorandum compact pact
framework regulation plus processes university airport city mayor municipality stock wall metro spring
marathon zoo district region oblast province street
""".split())
# ... and so does "<one of these> of <capital>" ("Treaty of Lisbon", "Mayor of Belgrade").
_EVENT_BEFORE_OF = frozenset("""
treaty convention congress declaration battle siege university summit conference agreement
accord protocol statute charter mayor city municipality port peace liberation fall process
outskirts centre center suburbs streets people residents citizens
""".split())
_ADJ_AFTER_HYPHEN = frozenset({"speaking", "speaker", "speakers", "language", "born", "origin", "style",
                               "majority", "dominated", "populated", "inhabited", "minority"})
_ADJ_AFTER = frozenset({"language", "speakers", "speaking"})

_ROLE = (r"(?:(?:Deputy|Assistant|Under)[ -])?(?:Secretary[- ]General|Director[- ]General|Executive Director"
         r"|Managing Director|Executive Secretary|Secretariat|President|Chairman|Chairwoman|Chairperson"
         r"|Chair|Chief|chief|Head|head|[Ss]pokes(?:person|man|woman)|High Commissioner|Commissioner"
         r"|Special Representative|Special Envoy|[Ee]nvoy|Prosecutor|Registrar|Coordinator)(?![\w-])")
_ROLE_AFTER = re.compile(r"(?:'s)?[ \t]+" + _ROLE)
_ROLE_BEFORE = re.compile(_ROLE + r"[ \t]+(?:of|for|at|to)[ \t]+(?:the[ \t]+)?\Z")

_MINISTRY_FIELD = r"(?:Foreign|External|Defen[cs]e|Interior|Internal|Justice|Finance|Economy|Trade|Home|State)"
_GOV_AFTER = re.compile(
    r"(?:'s)?[ \t]+(?:"
    r"(?P<ministry>(?:" + _MINISTRY_FIELD + r"(?:[ \t]+Affairs)?[ \t]+)?(?:Ministry|ministry|Ministries|ministries)"
    r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?" + _MINISTRY_FIELD + r"(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'-]*){0,4})?"
    r"|MFA|MoFA|Foreign[ \t]+Office|Embassy|embassy|Permanent[ \t]+Mission|[Mm]ission|[Dd]elegation"
    r"|Consulate(?:-General)?|consulate)"
    r"|(?P<government>(?:Federal[ \t]+|Central[ \t]+|Transitional[ \t]+|Interim[ \t]+)?(?:Government|government|"
    r"Governments|governments|[Aa]uthorities|[Aa]dministration|[Cc]abinet|leadership|Presidency|presidency|side)))"
    r"(?![\w-])")
_GOV_BEFORE = re.compile(
    r"(?:(?:Federal|Royal|National|Transitional|Interim|Provisional|Central)[ \t]+)?"
    r"(?:(?P<government>Government|government|[Aa]uthorities|Presidency|presidency)"
    r"|(?P<ministry>Foreign[ \t]+Ministry|Ministry(?:[ \t]+of(?:,?[ \t]+(?:[A-Z][\w'-]*|and|for|the)){1,9})?"
    r"|Embassy|embassy|Permanent[ \t]+Mission|Mission|Delegation|delegation|Consulate(?:-General)?))"
    r"(?:,?[ \t]+(?:of|in|to))?(?:[ \t]+the)?[ \t]+\Z")
_GOV_WORDS = ("overnment", "uthorities", "residency", "Ministry", "mbassy", "Mission", "elegation", "Consulate")
"""One of these is in every match of _GOV_BEFORE: the words before a hit that hold none skip its search."""
_ROLE_BEFORE_ENDS = ("of", "for", "at", "to", "the")
"""Every match of _ROLE_BEFORE ends with one of these words and spaces: the words before a hit that
do not skip its search."""


class _Surface(NamedTuple):
    keys: tuple[str, ...]
    checks: tuple[int, ...]
    raws: tuple[str, ...]
    joins: tuple[bool, ...]
    name: str | None          # None: an exclusion (or a context alias, see cands)
    via: str
    cands: tuple[str, ...]    # context aliases: the entries it may stand for
    article: bool             # context alias that needs "the" before it
    flags: int


def _tokens(s: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(s)]


def _surface(text: str, name: str | None, via: str, *, acronym: bool = False, cands: tuple[str, ...] = (),
             flags: int = 0) -> _Surface | None:
    article = False
    if cands and text[:4].lower() == "the ":
        text, article = text[4:], True
    toks = _tokens(text.translate(_FOLD))
    if not toks:
        return None
    checks = []
    for _, _, raw in toks:
        if acronym or (len(raw) >= 2 and raw[0].isupper() and (raw.isupper() or raw[1:] != raw[1:].lower())):
            checks.append(_EXACT)       # UN, NATO, G7, BiH, CoE
        elif raw[0].isupper():
            checks.append(_CAP)
        else:
            checks.append(_ANY)
    joins = tuple(toks[i + 1][0] == toks[i][1] for i in range(len(toks) - 1))
    return _Surface(tuple(t[2].lower() for t in toks), tuple(checks), tuple(t[2] for t in toks), joins,
                    name, via, cands, article, flags)


@lru_cache(maxsize=1)
def _base_entries() -> tuple[dict, ...]:
    with open(LEXICONS / "actors.json", encoding="utf-8") as fh:
        return tuple(json.load(fh))


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Words that stand right before a person's name: the last word of a title or an
    honorific, lower case ("president", "secretary", "mr")."""
    t = titles()
    words = set()
    for phrase in list(t.get("roles", ())) + list(t.get("honorifics", ())):
        ws = re.findall(r"\w+", phrase)
        if ws:
            words.add(ws[-1].lower())
    return frozenset(words)


@lru_cache(maxsize=1)
def titles() -> dict:
    """lexicons/titles.json: ``roles`` (titles that introduce or follow a person's name),
    ``anonymous`` (heads of anonymous-source descriptors) and their modifiers."""
    with open(LEXICONS / "titles.json", encoding="utf-8") as fh:
        return json.load(fh)


def _is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return " " not in s and len(letters) >= 2 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 2) \
        and not s[1:].islower()


def _merge_extra(entries: list[dict], extra: Iterable[tuple[str, tuple[str, ...], str]]) -> list[dict]:
    """report.toml additions: a known name gains aliases; a new name becomes an entry."""
    by_name = {e["name"]: e for e in entries}
    folded = {}
    for e in entries:
        for f in ("aliases", "acronyms"):
            for s in e[f]:
                folded.setdefault(s, e["name"])
    for name, aliases, kind in extra:
        name = name.strip()
        if not name:
            continue
        target = by_name.get(name) or by_name.get(folded.get(name, ""))
        if target is None:
            target = {k: [] for k in _LIST_FIELDS}
            target.update(name=name, kind=kind or "organisation", status=None, iso3=None, parent=None,
                          speaks_for_parent=False)
            entries.append(target)
            by_name[name] = target
        else:
            # a known actor gains aliases: move it to the end, so its new surfaces win
            entries.remove(target)
            target = by_name[target["name"]] = dict(target, aliases=list(target["aliases"]),
                                                    acronyms=list(target["acronyms"]))
            entries.append(target)
        for a in aliases:
            a = a.strip()
            if a and a != target["name"]:
                (target["acronyms"] if _is_acronym(a) else target["aliases"]).append(a)
    return entries


_CASE_VARIANTS = {"i": "iI\u0130\u0131", "k": "kK\u212a", "s": "sS\u017f"}
"""The characters re.IGNORECASE takes for these letters (for the others: lower and upper case)."""


def _starts_pattern(caps: list[str], lower: list[str]) -> re.Pattern:
    r"""Words that can open a surface: a word starting with one of `caps`, or one of the words
    `lower` in any case (tried in this order). The same matches as
    ``(?<!\w)(?:[caps]\w*|(?i:lower...)(?!\w))``, written to open with one character class
    (every letter that can start a match), which lets the engine jump from candidate to
    candidate instead of trying the lookbehind at every position of the text."""
    cls = "[" + "".join(re.escape(c) for c in caps) + "]"
    plain = r"(?<!\w)(?:" + "|".join([cls + r"\w*"] + (["(?i:" + "|".join(map(re.escape, lower)) + r")(?!\w)"]
                                                        if lower else [])) + ")"
    if not caps or not all(k and k[0].isascii() and k[0].isalnum() for k in lower):
        return re.compile(plain)
    firsts = set(caps)
    alts = [r"(?<=" + cls + r")\w*"]
    for k in lower:
        head = _CASE_VARIANTS.get(k[0].lower(), k[0].lower() + k[0].upper()) if k[0].isalpha() else k[0]
        firsts.update(head)
        alts.append("(?<=[" + re.escape(head) + "])(?i:" + re.escape(k[1:]) + r")(?!\w)")
    # the first character is taken, then "(?<!\w.)" asks that the one before it is no word character
    return re.compile("[" + "".join(re.escape(c) for c in sorted(firsts)) + r"](?<!\w.)(?:" + "|".join(alts) + ")")


class Gazetteer:
    """The actor lexicon, compiled once into a token trie; lookups by any surface form."""

    def __init__(self, entries: Iterable[dict]):
        self._memo: dict[tuple, tuple[Mention, ...]] = {}
        self._canon: dict[str, str | None] = {}
        self._entries: dict[str, dict] = {}
        for e in entries:
            self._entries[e["name"]] = e
        self._trie: dict[str, list[_Surface]] = {}
        self._lookup: dict[str, str] = {}
        self._folded: dict[str, str | None] = {}
        self._adjectives: dict[str, str] = {}
        self._acronyms: set[str] = set()
        self._root: dict[str, str] = {}
        surfaces: dict[tuple, _Surface] = {}
        contexts: dict[tuple, list[str]] = {}

        def add(s: _Surface | None) -> None:
            if s is None:
                return
            sig = (s.keys, s.checks, s.raws, s.joins)
            old = surfaces.get(sig)
            if old is not None and old.name is not None and (s.name is None or s.name == old.name):
                return  # a name is never shadowed by an exclusion; an entry's first claim stands
            surfaces[sig] = s  # otherwise the later claim wins: report.toml additions come last

        for e in self._entries.values():
            name = e["name"]
            parent_surfaces = self._parent_surfaces(e)
            for field in _SURFACE_FIELDS:
                values = [name] if field == "name" else e.get(field, [])
                for text in values:
                    via = "organ" if e["kind"] == "organ" else _VIA_OF_FIELD[field]
                    flags = 0
                    if text in e.get("name_risk", ()):
                        flags |= _NAME_RISK
                    if text in e.get("caps_risk", ()):
                        flags |= _CAPS_RISK
                    if field in ("capitals", "metonyms"):
                        flags |= _PLACE
                    if field in ("adjectives", "demonyms"):
                        flags |= _ADJ
                    if e["kind"] == "organ" and not any(p in text for p in parent_surfaces):
                        flags |= _BARE
                    acronym = field == "acronyms"
                    if acronym:
                        flags |= _ACRO
                    add(_surface(text, name, via, acronym=acronym, flags=flags))
                    if "-" in text and not acronym:
                        # "Secretary-General" also as "Secretary General", "UN-Habitat" as "UN Habitat"
                        add(_surface(re.sub(r"(?<=\w)-(?=\w)", " ", text), name, via, flags=flags))
                    key = self._norm(text)
                    self._lookup.setdefault(key, name)
                    fk = key.casefold()
                    if acronym:
                        self._acronyms.add(text)  # exact case only: "who" is not the WHO
                    elif fk in self._folded and self._folded[fk] != name:
                        self._folded[fk] = None   # ambiguous without its capitals
                    else:
                        self._folded[fk] = name
                    if field in ("adjectives", "demonyms"):
                        self._adjectives.setdefault(fk, name)
            for text in e.get("context_aliases", ()):
                s = _surface(text, None, "context", cands=(name,),
                             flags=_BARE if e["kind"] == "organ" else 0)
                if s is not None:
                    contexts.setdefault((s.keys, s.checks, s.raws, s.joins, s.article), []).append(name)
            for text in e.get("exclusions", ()):
                add(_surface(text, None, "exclusion"))
        for (keys, checks, raws, joins, article), names in contexts.items():
            sig = (keys, checks, raws, joins)
            if sig in surfaces and surfaces[sig].name is not None:
                continue  # a strong surface is never demoted to a context alias
            surfaces[sig] = _Surface(keys, checks, raws, joins, None, "context", tuple(names), article, _BARE)
        for s in surfaces.values():
            self._trie.setdefault(s.keys[0], []).append(s)
        for lst in self._trie.values():
            lst.sort(key=lambda s: (-len(s.keys), bool(s.cands), -sum(s.checks)))  # exact case first
        # Words that open many surfaces ("United" opens hundreds, "Republic of" a hundred) also
        # get them by the next word, in the same order: a surface longer than the words read so
        # far can only match where its next word follows, so _scan tries just those.
        self._narrow: dict[tuple[str, ...], tuple[dict[str, list[_Surface]], list[_Surface]]] = {}

        def narrow(prefix: tuple[str, ...], lst: list[_Surface]) -> None:
            d = len(prefix)
            following = {s.keys[d] for s in lst if len(s.keys) > d}
            if len(lst) <= 8 or not following:
                return
            by_next = {w: [s for s in lst if len(s.keys) <= d or s.keys[d] == w] for w in following}
            self._narrow[prefix] = (by_next, [s for s in lst if len(s.keys) <= d])
            for w, sub in by_next.items():
                narrow(prefix + (w,), sub)

        for key, lst in self._trie.items():
            narrow((key,), lst)
        for name in self._entries:
            self._root[name] = self._find_root(name)
        # Words that can open a surface: a capital first letter from the lexicon, or one of
        # its few lower-case (or digit) first words.
        caps = sorted({s.raws[0][0] for lst in self._trie.values() for s in lst if s.checks[0] != _ANY})
        lower = sorted({k for k, lst in self._trie.items() if any(s.checks[0] == _ANY for s in lst)})
        self._starts = _starts_pattern(caps, sorted(lower, key=len, reverse=True))
        self._title_words = _title_words()

    # ------------------------------------------------------------------ construction
    @classmethod
    def default(cls, extra: Iterable[tuple[str, tuple[str, ...], str]] = ()) -> "Gazetteer":
        """The shipped gazetteer plus report.toml additions ``(name, aliases, kind)``; cached."""
        key = tuple((str(n), tuple(a), str(k)) for n, a, k in extra)
        return _default(key)

    def _parent_surfaces(self, e: dict) -> list[str]:
        p = self._entries.get(e.get("parent") or "")
        if p is None:
            return []
        out = [p["name"]] + list(p.get("aliases", ())) + list(p.get("acronyms", ()))
        return [s for s in out if s]

    def _find_root(self, name: str) -> str:
        seen = set()
        while name in self._entries and self._entries[name].get("parent") and name not in seen:
            seen.add(name)
            name = self._entries[name]["parent"]
        return name

    @staticmethod
    def _norm(s: str) -> str:
        return " ".join(s.translate(_FOLD).split())

    # ------------------------------------------------------------------ lookups
    def canonical(self, name: str) -> str | None:
        """Any name, alias, acronym, adjective, demonym, capital or metonym -> canonical name;
        a whole phrase such as "the Government of Serbia" resolves when it names one actor."""
        if not name:
            return None
        # asked again and again about the same words (every word of every candidate person's
        # name): remember the answers, which depend on nothing but the name
        try:
            return self._canon[name]
        except KeyError:
            pass
        if len(self._canon) > 50000:
            self._canon.clear()
        found = self._canon[name] = self._canonical(name)
        return found

    def _canonical(self, name: str) -> str | None:
        key = self._norm(name)
        for k in _variants(key):
            if k in self._lookup:
                return self._lookup[k]
            hit = self._folded.get(k.casefold())
            if hit:
                return hit
        found = self.find(key)
        if len(found) == 1:
            m = found[0]
            rest = (key[:m.start] + key[m.end:]).strip(" .,'s")
            if not rest or rest.lower() in ("the", "'s"):
                return m.name
        return None

    def entry(self, name: str) -> dict:
        """The entry (kind, parent, speaks_for_parent, aliases...) for any name; {} when unknown."""
        canon = name if name in self._entries else self.canonical(name)
        e = self._entries.get(canon or "")
        return dict(e) if e else {}

    def parent_of(self, name: str) -> str | None:
        return self.entry(name).get("parent")

    def is_state(self, name: str) -> bool:
        """True for UN members, observers, other states, de facto states and historical states."""
        return self.entry(name).get("kind") in STATE_KINDS

    def adjective_state(self, word: str) -> str | None:
        """"Swedish" -> "Sweden", "Russians" -> "Russia"; None when the word is not a state's."""
        key = re.sub(r"'s$", "", self._norm(word)).casefold()
        name = self._adjectives.get(key)
        return name if name and self._entries[name]["kind"] in _GOVERNABLE else None

    def speaks_for(self, name: str) -> str | None:
        """The actor on whose behalf an entry speaks: an organ with speaks_for_parent gives
        its parent (recursively: the UN spokesperson -> the Secretary-General -> the UN)."""
        canon = name if name in self._entries else self.canonical(name)
        seen = set()
        while canon in self._entries and canon not in seen:
            seen.add(canon)
            e = self._entries[canon]
            if e["kind"] == "organ" and e.get("speaks_for_parent") and e.get("parent"):
                canon = e["parent"]
            else:
                break
        return canon

    def root_of(self, name: str) -> str | None:
        """The top of an entry's parent chain (an organ's organisation)."""
        canon = name if name in self._entries else self.canonical(name)
        return self._root.get(canon or "")

    def label(self, name: str) -> str:
        """Canonical name with its first acronym: "United Nations Office on Drugs and Crime (UNODC)"."""
        e = self._entries.get(name) or self._entries.get(self.canonical(name) or "")
        if not e:
            return name
        acr = [a for a in e.get("acronyms", ()) if a != e["name"] and "." not in a]
        return f"{e['name']} ({acr[0]})" if acr and e["kind"] not in STATE_KINDS else e["name"]

    def names(self, kind: str | None = None) -> list[str]:
        return [n for n, e in self._entries.items() if kind is None or e["kind"] == kind]

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self.entry(name))

    # ------------------------------------------------------------------ matching
    def find(self, text: str, context: Iterable[str] = ()) -> list[Mention]:
        """Actor mentions in `text`, non-overlapping, in order. `context` lists canonical
        names known from the rest of the document; it helps resolve "the Council"."""
        if not text:
            return []
        # the analyses ask about the same sentence many times: remember recent answers
        key = (text, tuple(context))
        cached = self._memo.get(key)
        if cached is None:
            if len(self._memo) > 20000:
                self._memo.clear()
            cached = self._memo[key] = tuple(self._find(text, key[1]))
        return list(cached)

    def _find(self, text: str, context: tuple[str, ...]) -> list[Mention]:
        tn = _FOLD_RE.sub(_fold_char, text) if _FOLD_RE.search(text) else text
        hits = self._scan(tn)
        if "://" in tn or "www." in tn or "@" in tn:
            urls = [(m.start(), m.end()) for m in _URL.finditer(tn)]
            if urls:
                hits = [h for h in hits if not any(s <= h[0] < e for s, e in urls)]
        hits = self._resolve_context(hits, list(context))
        hits = self._merge_bare_organs(tn, hits)
        hits = self._extend(tn, hits)
        return [Mention(s, e, text[s:e], name, self._entries[name]["kind"], via) for s, e, name, via, _ in hits]

    def _scan(self, tn: str) -> list[list]:
        """Longest surface at each candidate word; guards applied. Items: [start, end, name, via, surface].

        Only words that can open a surface are visited (a capital letter from the lexicon's first
        letters, or one of its few lower-case first words); the words after them are tokenised
        lazily, so the cost follows the number of capitalised words, not the text length."""
        trie, narrow = self._trie, self._narrow
        out: list[list] = []
        floor = 0
        for cm in self._starts.finditer(tn):
            p = cm.start()
            if p < floor:
                continue
            raw0 = cm.group()
            key0 = raw0.lower()
            cands = trie.get(key0)
            if not cands:
                continue
            # the words read from p (_read_word): as written, in lower case, where they end and
            # how each joins the one before
            raws, lows, ends, gaps = [raw0], [key0], [cm.end()], [None]
            prefix = (key0,)
            while prefix in narrow:  # narrow the candidates by the next word (read as the loop below would)
                by_next, shorter = narrow[prefix]
                if not _read_word(tn, raws, lows, ends, gaps):
                    cands = shorter
                    break
                word = lows[-1]
                if word not in by_next:
                    cands = shorter
                    break
                cands = by_next[word]
                prefix += (word,)
            matched = None
            n = len(lows)
            for s in cands:
                keys, joins, checks = s.keys, s.joins, s.checks
                ok = True
                for j in range(len(keys)):
                    if j >= n:
                        if not _read_word(tn, raws, lows, ends, gaps):
                            ok = False
                            break
                        n += 1
                    if j and (lows[j] != keys[j] or gaps[j] != joins[j - 1]):
                        ok = False
                        break
                    c = checks[j]
                    if c and ((c == _CAP and not raws[j][0].isupper()) or (c == _EXACT and raws[j] != s.raws[j])):
                        ok = False
                        break
                if not ok:
                    continue
                if s.article and not _THE_BEFORE.search(tn, max(0, p - 12), p):
                    continue
                matched = s
                break
            if matched is None:
                continue
            end = ends[len(matched.keys) - 1]
            floor = end
            if (matched.name is not None or matched.cands) and self._guard(tn, p, end, matched):
                out.append([p, end, matched.name, matched.via, matched])
        return out

    def _guard(self, tn: str, start: int, end: int, s: _Surface) -> bool:
        """False when the words around show that the surface does not name the actor."""
        flags = s.flags
        if not (flags & (_NAME_RISK | _CAPS_RISK | _PLACE | _ADJ | _ACRO | _BARE) or s.cands):
            return True
        prev = prev2 = None  # the last two tokens of the 60 characters before
        for m in _TOKEN.finditer(tn, max(0, start - 60), start):
            prev2, prev = prev, m
        before = [(x.start(), x.end(), x.group()) for x in (prev2, prev) if x is not None]
        after = []
        pos = end
        for _ in range(2):
            nm = _TOKEN_AFTER.match(tn, pos)
            if nm is None:
                break
            after.append((nm.start(1), nm.end(1), nm.group(1)))
            pos = nm.end(1)
        prev = before[-1] if before else None
        prev2 = before[-2] if len(before) > 1 else None
        nxt = after[0] if after else None
        nxt2 = after[1] if len(after) > 1 else None
        if flags & _BARE and not s.cands and nxt and nxt2 and nxt[2].lower() in ("of", "for"):
            # "Security Council of Ruritania": a bare organ name inside a longer name
            if nxt2[2][:1].isupper():
                return False
            if nxt2[2].lower() == "the":
                third = _TOKEN_AFTER.match(tn, nxt2[1])
                if third and third.group(1)[:1].isupper():
                    return False
        if s.cands:
            # "the Commission on Narcotic Drugs": a longer proper name we do not know
            if nxt and nxt2 and nxt[2].lower() in ("of", "for", "on"):
                if nxt2[2][:1].isupper():
                    return False
                if nxt2[2].lower() == "the":
                    third = _TOKEN_AFTER.match(tn, nxt2[1])
                    if third and third.group(1)[:1].isupper():
                        return False
            return True
        if flags & _NAME_RISK and prev is not None:
            w = prev[2]
            if w == "." and prev2 is not None and prev2[2].lower() in _HONORIFICS:
                return False  # "Mrs. Georgia Brown", "Dr. Chad Rivers"
            if w[:1].isupper() and w.isalpha() and not w.isupper() and w.lower() not in _ALLOW_BEFORE_RISKY \
                    and "\n" not in tn[prev[1]:start]:
                # "Michael Jordan", "President George Washington"; but not "Ministry of Foreign
                # Affairs Georgia", where the capitalised run is an institution's name
                w2 = prev2[2] if prev2 is not None and "\n" not in tn[prev2[1]:prev[0]] else ""
                if not (w2[:1].isupper() and w2.isalpha() and w2.lower() not in self._title_words):
                    return False
        if flags & _ACRO and prev is not None and prev2 is not None and prev[2] == "-" and prev[1] == start \
                and prev2[1] == prev[0] and len(prev2[2]) == 2 and prev2[2].isalpha() and prev2[2].islower():
            return False  # a locale code: "en-AU", "en-US"
        if flags & _CAPS_RISK:
            for t in (prev, nxt):
                if t is not None:
                    w = t[2]
                    if len(w) >= 2 and w.isalpha() and w.isupper() and w not in self._acronyms:
                        return False
        if flags & _PLACE:
            if nxt is not None and nxt[2].lower() in _EVENT_AFTER and nxt[2][:1].isalpha():
                return False
            if prev is not None and prev2 is not None and prev[2].lower() == "of" \
                    and prev2[2].lower() in _EVENT_BEFORE_OF:
                return False
        if flags & _ADJ:
            if prev is not None and prev[2].lower() == "ethnic":
                return False
            if nxt is not None:
                w = nxt[2].lower()
                if w == "-" and nxt[0] == end and nxt2 is not None and nxt2[2].lower() in _ADJ_AFTER_HYPHEN:
                    return False
                if w in _ADJ_AFTER:
                    return False
        return True

    # ------------------------------------------------------------------ context aliases
    def _resolve_context(self, hits: list[list], context: list[str]) -> list[list]:
        if not any(h[4].cands for h in hits):
            return hits
        counts: dict[str, int] = {}
        for name in context:
            canon = name if name in self._entries else self.canonical(name)
            if canon:
                root = self._root.get(canon, canon)
                counts[root] = counts.get(root, 0) + 1
        for h in hits:
            if h[2] is not None:
                root = self._root.get(h[2], h[2])
                counts[root] = counts.get(root, 0) + 1
        known_before = {self.canonical(c) or c for c in context}
        last_seen: dict[str, int] = {}
        out = []
        for h in hits:
            if h[2] is not None:
                last_seen[h[2]] = h[0]
                out.append(h)
                continue
            cands = h[4].cands
            best = None
            recent = [(last_seen[c], c) for c in cands if c in last_seen]
            if recent:
                best = max(recent)[1]
            else:
                early = [c for c in cands if c in known_before]
                if len(early) == 1:
                    best = early[0]
                else:
                    scored = sorted(((counts.get(self._root.get(c, c), 0), c) for c in cands), reverse=True)
                    if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
                        best = scored[0][1]
            if best is not None:
                h = [h[0], h[1], best, "context", h[4]]
                out.append(h)
            elif len(cands) >= 1:
                out.append([h[0], h[1], None, "context", h[4]])  # kept for bare-organ merging only
        return out

    # ------------------------------------------------------------------ organ merging
    def _merge_bare_organs(self, tn: str, hits: list[list]) -> list[list]:
        out: list[list] = []
        for h in hits:
            prev = out[-1] if out else None
            if prev is not None and prev[2] is not None and h[4].flags & _BARE and h[4].article is False \
                    and re.fullmatch(r"(?:'s)?[ \t]+", tn[prev[1]:h[0]]):
                pkind = self._entries[prev[2]]["kind"]
                ancestors = self._ancestors(h[2]) if h[2] else set()
                if prev[2] in ancestors:
                    out[-1] = [prev[0], h[1], h[2], "organ", h[4]]
                    continue
                if pkind in _GOVERNABLE:
                    out[-1] = [prev[0], h[1], prev[2], "government", prev[4]]
                    continue
                if pkind == "organisation":
                    out[-1] = [prev[0], h[1], prev[2], "organ", prev[4]]
                    continue
            out.append(h)
        return [h for h in out if h[2] is not None]

    def _ancestors(self, name: str) -> set[str]:
        out: set[str] = set()
        while name in self._entries and self._entries[name].get("parent"):
            name = self._entries[name]["parent"]
            if name in out:
                break
            out.add(name)
        return out

    # ------------------------------------------------------------------ extensions
    def _extend(self, tn: str, hits: list[list]) -> list[list]:
        for idx, h in enumerate(hits):
            kind = self._entries[h[2]]["kind"]
            if h[3] in ("demonym", "context"):
                continue
            lo = hits[idx - 1][1] if idx else 0
            hi = hits[idx + 1][0] if idx + 1 < len(hits) else len(tn)
            if kind in _GOVERNABLE and h[3] != "organ":
                m = _GOV_AFTER.match(tn, h[1])
                if m and m.end() <= hi:
                    h[1], h[3] = m.end(), ("ministry" if m.group("ministry") else "government")
                    continue
                left = tn[max(lo, h[0] - 160):h[0]]
                m = _GOV_BEFORE.search(left) if any(map(left.__contains__, _GOV_WORDS)) else None
                if m:
                    start = h[0] - len(left) + m.start()
                    if not (idx and re.fullmatch(r"[ \t]*", tn[lo:start])):
                        h[0], h[3] = start, ("ministry" if m.group("ministry") else "government")
            elif kind == "organisation" and h[3] != "organ":
                m = _ROLE_AFTER.match(tn, h[1])
                if m and m.end() <= hi:
                    h[1], h[3] = m.end(), "organ"
                    continue
                left = tn[max(lo, h[0] - 80):h[0]]
                m = _ROLE_BEFORE.search(left) if left.rstrip(" \t").endswith(_ROLE_BEFORE_ENDS) else None
                if m:
                    start = h[0] - len(left) + m.start()
                    if not (idx and re.fullmatch(r"[ \t]*", tn[lo:start])):
                        h[0], h[3] = start, "organ"
        return hits


@lru_cache(maxsize=8)
def _default(extra: tuple[tuple[str, tuple[str, ...], str], ...]) -> Gazetteer:
    entries = [dict(e) for e in _base_entries()]
    if extra:
        entries = _merge_extra(entries, extra)
    return Gazetteer(entries)
