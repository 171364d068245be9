"""The fast paths of the actor, statement and stance analyses give exactly what the plain code gave."""
from __future__ import annotations

import random
import re

import pytest

from analysis.actors import Gazetteer
from analysis.actors.surfaces import starts_pattern
from analysis.analyses import precedents
from analysis.analyses.stance import question_topics as topics
from analysis.lexicons import cue_heads, cue_pattern, find_from_heads, principles

from analysis_helpers import cue_lists, odd_texts


def _texts(words: list[str], n: int = 300, seed: int = 7) -> list[str]:
    return odd_texts(words, n, seed)


def test_find_from_heads_is_finditer_and_search():
    pairs = [(cue_pattern(lst), cue_heads(lst), lst) for lst in cue_lists()]
    pairs += [(p.pattern, p.heads, [p.id]) for p in principles()]
    pairs += [(p.violation, p.violation_heads, [p.id]) for p in principles() if p.violation]
    checked = 0
    for rx, heads, lst in pairs:
        if heads is None:
            continue
        words = [w for c in lst for w in re.split(r"[\s*]+", c) if w] + ["the", "un", "non", "self"]
        for text in _texts(words, n=40):
            assert [m.span() for m in find_from_heads(rx, text, heads)] == [m.span() for m in rx.finditer(text)]
            first = rx.search(text)
            assert [m.span() for m in find_from_heads(rx, text, heads, first=True)] == ([first.span()] if first else [])
            checked += 1
    assert checked > 500


def test_cue_heads():
    assert cue_heads(["annex*", "annexation", "the annexation of", "rule of law"]) == ("annex", "rule", "the")
    assert cue_heads(["*ism"]) is None
    assert cue_heads([]) is None


def test_starts_pattern_same_as_plain():
    caps = list("ABCDEFGHIJKLMNOPQRSTUVWYZ\u00c9")
    lower = ["former", "world", "192", "193", "15", "ni", "kosovo", "south"]
    fast = starts_pattern(caps, lower)
    plain = re.compile(r"(?<!\w)(?:[" + "".join(caps) + r"]\w*|(?i:" + "|".join(map(re.escape, lower)) + r")(?!\w))")
    for text in _texts(lower + ["Xeno", "xenon", "\u00e9t\u00e9", "Ni\u0131", "S\u017fouth", "\u212aosovo"], n=400):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_gazetteer_starts_cover_the_same_words():
    gaz = Gazetteer.default()
    text = "Former Kosovo world leaders, the NI office and 1923 accords; United Nations in South Sudan."
    assert gaz.find(text) == gaz.find(text)  # memo and scan agree
    assert [m.name for m in gaz.find(text)]


@pytest.mark.parametrize("terms", [("recogni", "independence", "territorial integrity"),
                                   ("association of serb", "association of serbian", "election"),
                                   ("organized crime", "drug trafficking", "transnational")])

def test_terms_findall_fast_path(terms):
    words = [w for t in terms for w in t.split()] + ["of", "un", "the"]
    for text in _texts(words, n=200):
        assert topics.terms_findall.__wrapped__(terms, text) == tuple(topics.terms_pattern(terms).findall(text))


def test_known_longer_is_first_in_insertion_order():
    rnd = random.Random(3)
    names = ["Asso", "Association", "Association of Serb", "Associated Press", "Kosovo", "Kosovo Force",
             "Kos", "North Kosovo", "Assoc", "Association of Serb Municipalities"]
    known = precedents._Known()
    plain: dict[str, str] = {}
    for _ in range(300):
        name = rnd.choice(names)
        if rnd.random() < 0.5:
            known[name.lower()] = plain[name.lower()] = name + rnd.choice(["", " "])
        low = rnd.choice(names).lower()
        ask = rnd.choice(names)
        expect = next((v for k, v in plain.items() if k.startswith(low) and len(k) > len(ask)), ask)
        assert precedents._Known.longer(known, low, ask) == expect


def test_persons_overlaps():
    persons = {"jane doe", "john smith-jones", "al", "maria"}
    ps = precedents._Persons(persons)
    for low in ["jane", "doe", "jane doe", "the jane doe office", "smith", "mari", "maria", "al", "xyz", "e d"]:
        assert ps.overlaps(low) == any(p in low or low in p for p in persons if len(p) > 5)


def test_overlap_test():
    rnd = random.Random(5)
    for _ in range(300):
        spans = [(a, a + rnd.randint(0, 6)) for a in (rnd.randint(0, 40) for _ in range(rnd.randint(0, 6)))]
        test = precedents._overlap_test(spans)
        for _ in range(10):
            a = rnd.randint(0, 45)
            b = a + rnd.randint(1, 8)
            assert test(a, b) == any(s < b and a < e for s, e in spans)


def test_mid_capitals():
    old = re.compile(r"(?<=[a-z,;] )([A-Z][\w'-]{2,})")
    for text in _texts(["Abc", "de", "Fgh-ij", "K'lm", "no", ",", ";"], n=300):
        assert precedents._MID_CAP.findall(text) == old.findall(text)
