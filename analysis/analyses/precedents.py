"""Document + statements -> precedent claims: who likens which case to which, denies it, or warns of a repeat.

A claim needs a relation cue (lexicons/cues.json "precedent") that links two distinct cases
named in the sentence: places, entities or named episodes. The case after "similar to",
"as", "into" or "a new" is the precedent and the nearest case before the cue the subject;
before "could be repeated" the precedent comes first and the subject after; "such as X"
after the precedent names the subject. "The two regions" and similar references take the
last cases of that kind named before them. A sentence with a relation cue but fewer than
two cases (a metaphor, "just as fast as last year") is no claim.

A named speaker's contrast with a past episode ("didn't hurt the way it did with X in '91",
"unlike X in 1995") is a denial, and a likeness with a dated episode named by a common noun ("the
current crisis is similar to the crisis of the late 1990s") an analogy, both medium. An unsigned
text's own likeness that describes a thing ("an agency similar to that of X") and a comparison of
size or number ("taller compared to Europeans") are no claims.
"""
from __future__ import annotations

import itertools
import re
import weakref
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..lexicons import absent, anchors, any_anchors, lowered, pattern
from ..text.memo import TextMemo
from ..model.document import Document
from ..model.findings import Precedent, Statement
from .attribution import MONTH_NAMES, STOP_CAPS, not_name_words, is_title
from .precedent_shapes import contrast_claim, descriptive, measure_comparison, past_episode_claim, same_case
from .text import entity_runs, sentences

_CASE_KINDS = ("state", "de-facto-state", "historical", "sub-state", "region", "organisation")
_REPEAT = re.compile(r"(?i)repeat|happen")
_ANAPHOR = re.compile(r"(?i)\b(?:the|these|those|both)\s+(two|three)\s+(regions|territories|cases|situations|"
                      r"republics|entities|provinces|conflicts|countries|states)\b")
_YEAR = re.compile(r"^[^.;]{0,40}?\bin\s+(1[5-9]\d\d|20\d\d)\b")
_SUCH_AS = re.compile(r"(?i)\b(?:such as|including|like|notably|namely)\s+$")
_POSSESSIVE_S = re.compile(r"['\u2019]s$")
_SAID = re.compile(r"(?i)\b(?:said|stated|told|declared|warned|argued|added)\b")
_SAID_WORDS = ("said", "stated", "told", "declared", "warned", "argued", "added")
_ANAPHOR_WORDS = ("two", "three")
"""Words every match of _SAID / _ANAPHOR holds: a sentence without any skips the regex (lexicons.absent)."""
_JOIN = re.compile(r"^\s+(?:in|of)\s+(?:the\s+)?$")
_ENTITY_WORDS = {"Association", "Union", "Republic", "Republika", "Entity", "Federation", "Region", "Province",
                 "Movement", "Front", "Army", "Alliance", "Authority", "Administration", "Territory",
                 "Territories", "District", "Zone", "Corridor", "Pact", "Accord", "Accords", "Agreement", "Plan",
                 "Dam", "Mission", "Treaty", "Convention", "Operation", "Force", "Canal", "Pipeline", "Process",
                 "Commission", "Referendum", "Crisis", "War", "Conflict", "Partition", "Protectorate"}


@dataclass(frozen=True, slots=True)
class Case:
    start: int
    end: int
    name: str
    kind: str = "entity"


def find_cases(text: str, gaz, persons: set[str], history: list["Case"], known_caps: set[str] = frozenset(),
               known: dict[str, str] | None = None, persons_low: set[str] | None = None,
               persons_long: "_Persons | None" = None) -> list[Case]:
    """Places, entities and episodes named in `text`, in order; anaphors resolved from `history`.

    A named entity built around a place ("the Grand Utopian Dam", "the UN Mission in Utopia")
    is one case, not the place. `known_caps`: words the document capitalises mid-sentence, so a
    sentence-initial one can still be a case. `known`: the cases of `history` by lower-case
    name (the last name for each), when the caller keeps it as history grows (a _Known also
    answers its prefix look-ups quickly). `persons_low`: `persons` in lower case, when the
    caller has it (made here otherwise); `persons_long`: _Persons of it, likewise."""
    if persons_low is None:
        persons_low = {p.lower() for p in persons}
    found = _sentence_cases(text, gaz)
    out = list(found.cases)
    for run in found.runs:  # what the sentence alone cannot tell: is the run a person, a known case?
        if run.low in persons_low:
            continue
        if persons_long is None:
            persons_long = _Persons(persons_low)
        if persons_long.overlaps(run.low):
            continue
        if known is None:  # built on first need: few sentences get this far
            known = {c.name.lower(): c.name for c in history}
        if run.opens_sentence and run.name not in known_caps and run.low not in known:
            continue
        # a partial mention of a case met before ("the Association of X municipalities") takes its full name
        full = _Known.longer(known, run.low, run.name)
        out.append(Case(run.start, run.start + len(run.name), full, "entity"))
    for start, end, n, want in found.anaphors:
        prior = [c.name for c in history if want is None or c.kind in want]
        prior = list(dict.fromkeys(reversed(prior)))[:n]
        if len(prior) == n:
            out.append(Case(start, end, " and ".join(reversed(prior)), "anaphor"))
    out.sort(key=lambda c: c.start)
    return _join_locative(text, out)


@dataclass(frozen=True, slots=True)
class _Run:
    """An entity run that may name a case, as far as its sentence tells."""
    start: int
    name: str
    low: str
    opens_sentence: bool  # a single word opening the sentence: a case only when known otherwise


@dataclass(frozen=True, slots=True)
class _SentenceCases:
    """What find_cases reads from a sentence and the gazetteer alone, before the document's
    persons, capitals and history have their say."""
    cases: tuple[Case, ...]  # composite entities and the gazetteer's cases
    runs: tuple[_Run, ...]  # other entity runs (not persons' names in capitals, nor common words)
    anaphors: tuple[tuple[int, int, int, tuple[str, ...] | None], ...]  # (start, end, how many, of kinds)


def _sentence_cases(text: str, gaz) -> _SentenceCases:
    """_scan_sentence(text, gaz), from the memo of `gaz` when the sentence was seen (a corpus
    repeats many sentences, and main_case asks about a title again)."""
    memo = _SENTENCE_MEMOS.get(gaz)
    if memo is None:
        memo = _SENTENCE_MEMOS[gaz] = TextMemo(_scan_sentence, 1_000_000)
    return memo(text, gaz)


_SENTENCE_MEMOS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
"""A TextMemo of _scan_sentence for each gazetteer in use."""


def _scan_sentence(text: str, gaz) -> _SentenceCases:
    cases: list[Case] = []
    taken: list[tuple[int, int]] = []
    mentions = gaz.find(text)
    all_runs = entity_runs(text)
    runs = [r for r in all_runs if _has_entity_word(r.text)
            and any(r.start <= m.start and m.end <= r.end for m in mentions)]
    for r in runs:  # composite entities first
        words = r.text.split()
        while words and (words[0] in STOP_CAPS or is_title(words[0])
                         or words[0] in ("of", "the", "for", "and", "in", "on")):
            words = words[1:]
        name = " ".join(words)
        start = text.find(name, r.start)
        if not name or any(m.start == start and m.end == start + len(name) and m.kind in _CASE_KINDS
                           for m in mentions):
            continue  # only a title before a place: the place itself
        cases.append(Case(start, start + len(name), name, "entity"))
        taken.append((start, start + len(name)))
    composites = list(taken)
    # gaz.find gives mentions in order and not overlapping, so none starts inside one taken
    # before it: only the composite entities need asking about (checked, as it is cheap)
    ordered = all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    for m in mentions:
        if (composites or not ordered) and any(s <= m.start < e for s, e in (composites if ordered else taken)):
            continue
        kind = m.kind or gaz.entry(m.name).get("kind")
        taken.append((m.start, m.end))
        if kind not in _CASE_KINDS or m.via == "acronym" and kind == "organisation":
            continue
        if kind == "organisation" and m.via not in ("name", "alias"):
            continue
        cases.append(Case(m.start, m.end, m.name, kind))
    overlaps = _overlap_test(taken)
    names: list[_Run] = []
    for run in all_runs:
        if overlaps(run.start, run.end):
            continue
        words, name, low = _run_name(run.text)
        if not name or len(name) < 4 or is_title(name):
            continue
        if len(words) > 1 and name.replace(".", "").replace(" ", "").isupper():
            continue  # a speaker's name set in capitals
        if len(words) == 1 and (words[0] in not_name_words() and words[0] not in ("North", "South", "East", "West")):
            continue
        start = text.find(name, run.start)
        first_of_sentence = not text[:start].strip() or text[:start].rstrip()[-1:] in ".:\u201c\""
        names.append(_Run(start, name, low, first_of_sentence and len(words) < 2))
    anaphors = []
    for m in () if absent(_ANAPHOR_WORDS, lowered(text)) else _ANAPHOR.finditer(text):
        n = 2 if m.group(1).lower() == "two" else 3
        want = ("de-facto-state", "sub-state", "region") if m.group(2).lower() in (
            "regions", "territories", "republics", "entities", "provinces") else None
        anaphors.append((m.start(), m.end(), n, want))
    return _SentenceCases(tuple(cases), tuple(names), tuple(anaphors))


def _overlap_test(spans: list[tuple[int, int]]):
    """A test whether [a, b) overlaps any of `spans` (in any order, overlapping or not): among
    the spans sorted by start, those that start before b are a prefix, and one of them
    overlaps when the largest end in that prefix is after a."""
    if len(spans) < 3:
        return lambda a, b: any(s < b and a < e for s, e in spans)
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    most = list(itertools.accumulate((e for _, e in spans), max))

    def overlaps(a: int, b: int) -> bool:
        i = bisect_left(starts, b)
        return i > 0 and most[i - 1] > a
    return overlaps


@lru_cache(maxsize=16384)
def _has_entity_word(run: str) -> bool:
    """A word after the first of an entity run is one of _ENTITY_WORDS. Cached: the same runs
    come back sentence after sentence."""
    return any(w.strip("\u2019'") in _ENTITY_WORDS for w in run.split()[1:])


@lru_cache(maxsize=16384)
def _run_name(run: str) -> tuple[tuple[str, ...], str, str]:
    """(words, name, lower-case name) of an entity run that is not a composite entity: the
    leading stop words, months and titles dropped, and a possessive "'s". Cached: the same
    runs come back sentence after sentence."""
    words = tuple(run.split())
    while words and (words[0] in STOP_CAPS or words[0] in MONTH_NAMES or is_title(words[0])
                     or words[0] in ("of", "the", "for", "and", "in", "on")):
        words = words[1:]
    name = _POSSESSIVE_S.sub("", " ".join(words))
    return words, name, name.lower()


_SEP = "\x00"
"""Joins names into one string for a single substring test (a name holding it takes the slow way)."""


class _Persons:
    """The persons' lower-case names longer than five letters, for `overlaps`."""

    __slots__ = ("names", "joined")

    def __init__(self, persons_low) -> None:
        self.names = tuple(p for p in persons_low if len(p) > 5)
        self.joined = _SEP.join(self.names)

    def overlaps(self, low: str) -> bool:
        """One of the names is in `low` or holds it (`low` not empty); one substring test on
        the joined names stands for the second half of the question."""
        if any(map(low.__contains__, self.names)):
            return True
        if _SEP in low:
            return any(low in p for p in self.names)
        return bool(self.names) and low in self.joined


class _Known(dict):
    """Cases met so far by lower-case name (the last name for each), with the names also
    listed by their first four letters, so that the first one starting with a given name is
    found among a few instead of all."""

    __slots__ = ("_by_head", "_count")

    def __init__(self) -> None:
        super().__init__()
        self._by_head: dict[str, list[str]] = {}
        self._count = 0

    @staticmethod
    def longer(known: dict, low: str, name: str) -> str:
        """The first known name (in insertion order) that starts with `low` and is longer
        than `name`, else `name` ("the Association" -> "the Association of X municipalities")."""
        if isinstance(known, _Known) and len(low) >= 4:
            if known._count != len(known):  # keys are only ever added, at the end: list the new ones
                for k in itertools.islice(known, known._count, None):
                    known._by_head.setdefault(k[:4], []).append(k)
                known._count = len(known)
            # a key that starts with `low` starts with its first four letters
            for k in known._by_head.get(low[:4], ()):
                if k.startswith(low) and len(k) > len(name):
                    return known[k]
            return name
        return next((v for k, v in known.items() if k.startswith(low) and len(k) > len(name)), name)


def _join_locative(text: str, cases: list[Case]) -> list[Case]:
    """"Serbs in Utopia" is one case: a group or entity with its place."""
    out: list[Case] = []
    for c in cases:
        if out and _JOIN.match(text[out[-1].end:c.start]) and out[-1].kind == "entity":
            prev = out.pop()
            out.append(Case(prev.start, c.end, text[prev.start:c.end], c.kind))
        else:
            out.append(c)
    return out


_CUE_PATHS = (("precedent", "denial"), ("precedent", "warning"), ("precedent", "analogy"), ("precedent", "contrast"))


@lru_cache(maxsize=16384)
def _cue(sent: str) -> tuple[str, re.Match] | None:
    """The relation and the structural cue that links the two cases. Cached: a corpus repeats
    many sentences."""
    low = lowered(sent)
    if absent(any_anchors(*_CUE_PATHS), low):
        return None  # no cue word of any relation (most sentences): one test for the three
    for rel in ("denial", "warning", "analogy"):
        if absent(anchors("precedent", rel), low):
            continue  # no cue word of the relation: skip its regex
        m = pattern("precedent", rel).search(sent)
        if m:
            if rel == "analogy" and pattern("precedent", "warning_mood").search(sent[:m.start()]):
                return "warning", m  # "fears ... a sort of X": a feared repeat
            return rel, m
    if not absent(anchors("precedent", "contrast"), low):
        m = pattern("precedent", "contrast").search(sent)
        if m:
            return "contrast", m  # "unlike X in 1995": a denial only when contrast_claim finds its two sides
    return None


_ASKED_WHETHER = re.compile(r"\b[Ww]hether\s+(?:the\s+)?(?P<np>[A-Z][\w'\u2019-]*(?:\s+(?:of\s+)?[A-Z][\w'\u2019-]*){0,3})"
                            r"\s+(?:was|is|were|are|would|could|might|had|has|resembled|resembles|risked|risks)\b")
"""A question put before a denial names the case the speaker is asked about."""


def _pick(text: str, cases: list[Case], cue: re.Match, rel: str, main: Case | None) -> tuple[Case, Case] | None:
    """(subject, precedent) for the cue, or None when the sentence does not name two cases."""
    before = [c for c in cases if c.end <= cue.start()]
    after = [c for c in cases if c.start >= cue.end()]
    inside = [c for c in cases if cue.start() <= c.start and c.end <= cue.end()]
    if inside and after:
        return inside[0], after[0]  # "turning X into Y"
    if pattern("precedent", "attached").fullmatch(cue.group()):
        if not after or after[0].start - cue.end() > 2:
            return None  # "another way", "a new approach": no case follows
    if rel == "warning" and _REPEAT.search(cue.group()):
        if before and after:
            return after[0], before[-1]
        return None
    if rel == "denial":
        one_sided = re.match(r"\s*(?:with|to)\s+(?P<np>[^,;:.\u201c\"]{3,90}?)(?=\s*(?:[,;:.\u201c\"]|\s(?:which|that|who|"
                             r"saying|insisting|adding|because)\b|$))", text[cue.end():])
        if one_sided and after and after[0].start < cue.end() + one_sided.end():
            # "rejected comparisons with the X of 1960": that phrase against the document's own case
            np = one_sided.group("np").strip()
            np_end = cue.end() + one_sided.end()
            prec = Case(after[0].start, after[0].end, re.sub(r"^(?:the|a|an)\s+", "", np))
            later = [c for c in after if c.start >= np_end and c.kind not in ("organisation", "organ") and re.search(
                r"(?i)\b(?:saying|insisting|stating|adding|arguing|noting)\b", text[np_end:c.start])]
            asked = _ASKED_WHETHER.search(text[:cue.start()])
            if later:
                subject = later[0]  # "..., insisting that Y is different"
            elif asked and not same_case(asked.group("np"), prec.name):
                # "Asked whether the Assembly was going the way of X, she rejected the comparison": the Assembly
                subject = Case(asked.start("np"), asked.end("np"), asked.group("np"))
            elif main is not None and not same_case(main.name, prec.name):
                subject = main
            else:
                subject = before[-1] if before else None
            return (subject, prec) if subject else None
        if len(after) >= 2:
            return after[0], after[1]
        if before and after:
            return before[-1], after[0]
        return None
    if not after:
        return None
    prec = after[0]
    rest = after[1:]
    for c in rest:
        if _SUCH_AS.search(text[prec.end:c.start][-20:]):
            group = [c] + [d for d in rest if d.start > c.start and re.fullmatch(r"\s*(?:,|and|or)\s*",
                                                                                  text[c.end:d.start])]
            return Case(c.start, group[-1].end, " and ".join(g.name for g in group)), prec
    if before:
        return before[-1], prec
    if rest and re.fullmatch(r"\s+(?:to|with)\s+(?:the\s+)?", text[prec.end:rest[0].start]):
        return prec, rest[0]  # "likened X to Y", "compared X with Y"
    if rest and "," in text[prec.end:rest[0].start] and not pattern("precedent", "attached").fullmatch(cue.group()):
        return rest[0], prec  # "just as X did ..., Y could ..."
    if rest and re.match(r"\s*(?:is|was|are|were)?\s*(?:being\s+)?\w*\s*(?:in|among|within)\b",
                         text[prec.end:rest[0].start]):
        return rest[0], prec  # "a new X is being created in Y"
    return None


_OWN_COUNTRY = re.compile(r"(?i)\b(?:his|her|their|our|my)\s+(?:own\s+)?(?:country|nation|homeland)\b")
def main_case(doc: Document, gaz, persons: set[str], known_caps: set[str]) -> Case | None:
    """The case a document is about: of the cases its title names, the one its text names most."""
    body = " ".join(p.text for p in doc.passages())
    cands = find_cases(doc.title or "", gaz, persons, [], known_caps) if doc.title else []
    count = {c.name: body.count(c.name[:max(4, len(c.name) - 3)]) for c in cands}
    cands = [c for c in cands if count[c.name] >= 2]  # a headline's capitals are not all names
    if not cands:
        return None
    best = max(cands, key=lambda c: count[c.name])
    place = _place_of(best.name, body)
    return best if place == best.name else Case(best.start, best.end, place, best.kind)


def _place_of(name: str, body: str) -> str:
    """The place an adjective names ("the Lakelandian declaration" -> Lakeland) when the body
    names it so as a word; else `name`."""
    if " " in name or not name.endswith(("ian", "ean", "an", "ese", "i")):
        return name
    stems = {name[:-k] for k in (1, 2, 3) if len(name) - k >= 4}
    found = [s for s in stems if re.search(r"\b" + re.escape(s) + r"\b", body)]
    return max(found, key=len) if found else name


_MID_CAP = re.compile(r"([A-Z](?<=[a-z,;] [A-Z])[\w'-]{2,})")
r"""A capitalised word after a lower-case letter, comma or semicolon and a space: the same
matches as ``(?<=[a-z,;] )([A-Z][\w'-]{2,})``, but opening with a character class, which
lets the engine jump from capital to capital instead of trying the lookbehind everywhere."""


def _known_caps(doc: Document) -> set[str]:
    """Capitalised words the document uses in mid-sentence: names, not sentence openers."""
    words: set[str] = set()
    for p in doc.passages():
        words.update(_MID_CAP.findall(p.text))
    return words


def precedents(doc: Document, stmts: Sequence[Statement], gaz) -> tuple[Precedent, ...]:
    persons = {s.speaker for s in stmts if s.speaker and s.person}
    persons_low = {p.lower() for p in persons}  # once, not per sentence
    persons_long = _Persons(persons_low)
    by_anchor: dict[str, list[Statement]] = {}
    for st in stmts:
        by_anchor.setdefault(st.anchor, []).append(st)
    history: list[Case] = []
    known: dict[str, str] = _Known()  # history by lower-case name, kept as it grows (find_cases would rebuild it)
    out: list[Precedent] = []
    flat = [(passage, sent) for passage in doc.passages() for sent in sentences(passage.text)]
    cues = [_cue(sent.text) for _, sent in flat]
    # the cases of a sentence serve the claims of later sentences only (as history): none are
    # needed after the last sentence with a relation cue, nor at all in a document without one
    last = max((i for i, found in enumerate(cues) if found), default=-1)
    if last < 0:
        return ()
    caps = _known_caps(doc)
    main = main_case(doc, gaz, persons, caps)
    last_person: Statement | None = None  # the last statement of a named person, for "she rejected ..."
    for (passage, sent), found in zip(flat[:last + 1], cues):
        claim = _claimant(passage.anchor, sent.start, by_anchor)
        cases = find_cases(sent.text, gaz, persons, history, caps, known, persons_low, persons_long)
        if claim and claim.actor:
            # the speaker's own state named in the attribution ("the Utopian minister said") is no case
            said = None if absent(_SAID_WORDS, lowered(sent.text)) else _SAID.search(sent.text)
            cut = said.start() if said else 0
            cases = [c for c in cases if not (c.name == claim.actor and c.start < cut)] or cases
        if found and found[0] == "contrast":
            contrast = contrast_claim(sent.text, found[1])
            if contrast:
                claimant, actor, who = _who_claims(sent.text, found[1], claim, doc, gaz, last_person)
                if who in ("statement-speaker", "claim-verb-subject", "pronoun-resolved"):
                    # a contrast in the text's own voice is mostly description ("unlike X, Y has no coast")
                    out.append(Precedent(id=f"{doc.id}-c{len(out) + 1}", doc=doc.id, anchor=passage.anchor,
                                         claimant=claimant, actor=actor, subject=contrast[0],
                                         precedent=contrast[1], relation="denial", text=sent.text,
                                         confidence="medium", basis=("contrast-cue", who)))
            found = None
        if found and found[0] == "analogy" and measure_comparison(sent.text, found[1]):
            found = None  # "taller compared to Europeans": a measure compared, not a case likened
        if found and claim and claim.actor and gaz.is_state(claim.actor):
            # "would turn her country into a new X": the speaker's own state is the case spoken of
            own = _OWN_COUNTRY.search(sent.text[max(0, found[1].start() - 40):found[1].start()])
            own = own and _OWN_COUNTRY.search(sent.text, max(0, found[1].start() - 40) + own.start())
            # only right before the cue ("turn her country into a new X"), where it is what the cue is said of
            if own and not any(c.start < own.end() and own.start() < c.end for c in cases):
                cases = sorted(cases + [Case(own.start(), own.end(), claim.actor, "anaphor")], key=lambda c: c.start)
        pair = _pick(sent.text, cases, found[1], found[0], main) if found else None
        if pair and _modifier(sent.text, pair[1], found[1]):
            pair = None  # "a new Utopia strategy": the case names a kind of plan, not a likeness
        if found and not pair:
            episode = past_episode_claim(sent.text, found[1])
            claimant, actor, who = _who_claims(sent.text, found[1], claim, doc, gaz, last_person) if episode \
                else (None, None, "unvoiced")
            if who != "unvoiced":
                out.append(Precedent(id=f"{doc.id}-c{len(out) + 1}", doc=doc.id, anchor=passage.anchor,
                                     claimant=claimant, actor=actor, subject=episode[0], precedent=episode[1],
                                     relation=found[0], text=sent.text, confidence="medium",
                                     basis=("past-episode", who)))
        if pair and not same_case(pair[0].name, pair[1].name):
            subject, prec = pair
            year = _YEAR.search(sent.text[prec.end:])
            prec_name = prec.name + (f" ({year.group(1)})" if year else "")
            claimant, actor, who = _who_claims(sent.text, found[1], claim, doc, gaz, last_person)
            confidence, basis = _precedent_confidence(found[1], who)
            if who != "unvoiced" or not descriptive(sent.text, found[1]):
                out.append(Precedent(id=f"{doc.id}-c{len(out) + 1}", doc=doc.id, anchor=passage.anchor,
                                     claimant=claimant, actor=actor, subject=subject.name,
                                     precedent=prec_name, relation=found[0], text=sent.text,
                                     confidence=confidence, basis=basis))
        if claim and claim.person and claim.speaker:
            last_person = claim
        for c in cases:
            if c.kind != "anaphor":
                history.append(c)
                known[c.name.lower()] = c.name
    return tuple(out)


def _claimant(anchor: str, pos: int, by_anchor) -> Statement | None:
    for st in by_anchor.get(anchor, []):
        if st.span.start <= pos < st.span.end:
            return st
    return None


_CLAIM_VERB = re.compile(r"(?i)(?:^|[,;:\u2014]\s*|\b(?:but|and|while|yet|however)\s+)"
                         r"(?P<who>(?:[\w.'\u2019-]+\s+){0,5}?[\w.'\u2019-]+)\s+(?:(?:have|has|had|also|now|openly|privately)\s+)*"
                         r"(?:warn|argu|say|said|fear|claim|note|believ|insist|contend|suggest|compar|liken|"
                         r"point|caution|predict|worr|assert|maintain|describ|dismiss|reject|den[iy])"
                         r"\w*\b")
_NOT_CLAIMANT = re.compile(r"(?i)^(?:it|this|that|which|who|there|he|she|they|we|i|one|some|many|others?|both|all|"
                           r"each|either|neither|these|those)$")
_FUNCTION_AFTER = re.compile(r"\s+(?:in|on|at|for|of|with|and|or|is|was|are|were|be|been|would|could|will|may|might|"
                             r"should|can|that|which|who|where|to|by|as|but|has|had|have|after|before|from|if|"
                             r"when|than|itself|again)\b|\s*[^\w\s]|\s*$")
_NOMINAL_AFTER = re.compile(r"\s+[a-z][a-z-]+")


def _modifier(text: str, prec: Case, cue: re.Match) -> bool:
    """After an attached cue ("a new", "another"), a case followed by a common noun modifies it
    ("a new Utopia strategy", "another Utopia visit") rather than naming the precedent."""
    if not pattern("precedent", "attached").fullmatch(cue.group()) or prec.start < cue.end():
        return False
    rest = text[prec.end:]
    return bool(_NOMINAL_AFTER.match(rest)) and not _FUNCTION_AFTER.match(rest)


_PERSONAL = re.compile(r"(?i)^(?:he|she)$")


def _who_claims(text: str, cue: re.Match, claim: Statement | None, doc: Document, gaz,
                last_person: Statement | None = None) -> tuple[str | None, str | None, str]:
    """(claimant, actor, rule): the speaker of the statement holding the sentence; else the subject
    of a claim verb before the cue in the sentence ("several diplomats warn that ..."); else the
    document's author or publisher (the text's own voice); else nobody ("unvoiced": an unsigned
    text, such as an encyclopaedia's, whose own likenesses are mostly description)."""
    if claim and (claim.speaker or claim.actor):
        return claim.speaker, claim.actor, "statement-speaker"
    for m in _CLAIM_VERB.finditer(text[:cue.end()]):  # the cue may be the verb ("likened")
        who = m.group("who").strip()
        who = re.sub(r"(?i)^(?:but|and|yet|however|while|so|thus)\s+", "", who)
        if _PERSONAL.match(who):
            if last_person is not None:  # "she rejected the comparison": the person last heard
                return last_person.speaker, last_person.actor, "pronoun-resolved"
            return None, None, "no-claimant"  # not the author: someone the text does not name here
        if _NOT_CLAIMANT.match(who) or not re.search(r"[a-zA-Z]", who):
            continue
        # "diplomats from Utopia" speak for it; "diplomats in Utopia's capital" need not
        found = [x for x in gaz.find(who) if (x.kind or gaz.entry(x.name).get("kind")) in _CASE_KINDS
                 and not re.search(r"(?i)\b(?:in|at)\s+(?:the\s+)?$", who[:x.start])]
        return who, (found[0].name if found else None), "claim-verb-subject"
    if doc.author or doc.publisher:
        return doc.author or doc.publisher, None, "document-voice"
    return None, None, "unvoiced"


_CLAIMANT_LEVEL = {"statement-speaker": 0, "claim-verb-subject": 0, "pronoun-resolved": 1, "document-voice": 1,
                   "no-claimant": 2, "unvoiced": 2}


def _precedent_confidence(cue: re.Match, who: str) -> tuple[str, tuple[str, ...]]:
    """High: an explicit relation cue ("likened to", "rejected comparisons", "could be repeated")
    and a claimant named in the text; an attached cue ("a new", "another", "a kind of") or a
    claim only the document's own voice makes is one step lower."""
    # "become another" is a warning verb; a bare "another", "a kind of" may be mere wording
    attached = bool(pattern("precedent", "attached").fullmatch(cue.group())) and " " not in cue.group().strip() \
        or cue.group().lower() in ("a new", "a second", "a sort of", "a kind of", "a copy of", "a replica of")
    level = _CLAIMANT_LEVEL[who] + (1 if attached else 0)
    return ("high", "medium", "low")[min(level, 2)], ("attached-cue" if attached else "explicit-cue", who)
