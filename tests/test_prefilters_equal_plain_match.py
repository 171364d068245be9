"""The prefilters give exactly what the plain match gives: whole-word anchors tested against a
sentence's word set (lexicons.Anchors), and the shortcuts of the analyses that use them."""
from __future__ import annotations


from analysis.lexicons import (Anchors, absent, anchors, cue_anchors, cue_pattern, cues, lowered, principles,
                               word_anchors)

from analysis_helpers import ODD_SEPARATORS, cue_lists, odd_texts, odd_findings

_GLUE = ODD_SEPARATORS + ["*", "ed", "ing", "\u00e9", "1"]


def _texts(words: list[str], n: int = 300, seed: int = 11) -> list[str]:
    return odd_texts(words, n, seed, glue=_GLUE, clipped=True)


def test_word_anchors_are_the_plain_tuple():
    for cl in cue_lists():
        a = word_anchors(cl)
        assert a == cue_anchors(cl)
        if a is not None:
            assert isinstance(a, Anchors) and tuple(a) == cue_anchors(cl)


def test_absent_never_skips_a_match():
    """Where the word-set test says absent, the pattern finds nothing (on odd cases, apostrophes,
    stems, hyphens and the characters lower() treats oddly)."""
    lists = cue_lists() + [["repeat", "repeated"], ["annex*", "annexation"], ["sui generis", "people's will"],
                            ["*stan", "anti-", "self-determination", "u.n. charter"], ["step by step"]]
    for n, cl in enumerate(lists):
        a = word_anchors(cl)
        if a is None:
            continue
        rx = cue_pattern(cl)
        words = sorted({w for c in cl for w in c.replace("*", "").split()} | set(a))
        for t in _texts(words, 120, seed=n):
            if absent(a, lowered(t)):
                assert rx.search(t) is None, (cl, t)
            # never more absent than the substring test on the plain tuple
            if absent(tuple(a), lowered(t)):
                assert absent(a, lowered(t))


def test_word_anchor_is_not_taken_inside_a_longer_word():
    a = word_anchors(["repeat", "repeated"])
    assert "repeat" in a.words and "repeated" in a.words
    assert not absent(a, lowered("It was repeated."))
    assert absent(a, lowered("repeatedly"))  # neither cue matches inside a longer word
    assert cue_pattern(["repeat", "repeated"]).search("repeatedly") is None
    stem = word_anchors(["annex*"])
    assert stem.stems == ("annex",) and not stem.words
    assert not absent(stem, lowered("The annexation"))


def test_principles_and_path_anchors_carry_words():
    for p in principles():
        if p.anchors is not None:
            assert isinstance(p.anchors, Anchors)
    assert isinstance(anchors("stance", "oppose"), Anchors)


def test_long_text_takes_the_substring_test():
    a = anchors("stance", "oppose")
    long = ("word " * 600) + "they condemned it"
    assert absent(a, lowered(long)) == (not any(x in lowered(long) for x in a))


def test_judged_statement_equals_replace():
    from dataclasses import replace

    from analysis.analyses import stance

    st = odd_findings()[0]
    a = stance.with_judgement(st, "q1", "support", "key words")
    b = replace(st, question="q1", stance="support", key="key words")
    assert a == b and type(a) is type(b)


def test_any_anchors_is_absent_only_where_each_is():
    from analysis.analyses.precedents import _CUE_PATHS
    from analysis.lexicons import any_anchors

    both = any_anchors(*_CUE_PATHS)
    words = sorted({w for path in _CUE_PATHS for c in cues()[path[0]][path[1]] for w in c.replace("*", "").split()})
    for t in _texts(words, 400, seed=3):
        low = lowered(t)
        if absent(both, low):
            assert all(absent(anchors(*path), low) for path in _CUE_PATHS)
            assert all(cue_pattern(cues()[p][r]).search(t) is None for p, r in _CUE_PATHS)


def test_the_other_sense_lookup_equals_a_scan_of_every_span():
    """not_other_sense finds the span before a match by bisection: the same answer as testing every span."""
    import random
    import re as _re

    from analysis.analyses.stance.question_topics import not_other_sense

    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice("ab ") for _ in range(rng.randint(0, 80)))
        spans = tuple(m.span() for m in _re.finditer(r"ab+", text))
        for m in _re.finditer(r"b", text):
            assert not_other_sense(m, spans) == (not any(s <= m.start() < e for s, e in spans))


def test_charge_words_test_never_skips_an_accusation():
    """tensions reads a sentence with _ACCUSED and _ACCUSED_VERB only when it holds a charge word:
    where it holds none, neither pattern matches (both are case-sensitive)."""
    from analysis.analyses import tensions

    words = ["Ruritania's", "Utopia", "continuing", "violation", "violations", "breach", "breaches", "infringement",
             "infringements", "disregard", "flouting", "of", "has", "have", "also", "repeatedly", "violated",
             "violates", "breached", "flouted", "flouts", "infringed", "infringes", "rights"]
    for t in _texts(words, 600, seed=5):
        if not tensions._may_accuse(t):
            assert tensions._ACCUSED.search(t) is None and tensions._ACCUSED_VERB.search(t) is None, t


def test_agent_test_never_skips_an_agent():
    """tensions.referred looks for "acts ... by X" only where a noun of _AGENT and "by" are: where
    _no_agent says so, the pattern finds nothing (odd cases and characters included)."""
    from analysis.analyses import tensions

    words = ["acts", "action", "attacks", "aggression", "incursions", "hostilities", "provocations", "conduct",
             "by", "the", "Ruritania", "hostile", "armed", "Borduria", "Forces"]
    for t in _texts(words, 600, seed=9):
        if tensions._no_agent(t):
            assert tensions._AGENT.search(t) is None, t


def test_repression_test_never_skips_a_repressive_act():
    """tension_acts.acts reads a sentence for repressive acts only when an anchor of their cue lists
    is in it: where _may_repress says no, none of the patterns _repressed starts from matches."""
    from analysis.analyses import tension_acts
    from analysis.lexicons import pattern

    paths = tension_acts._ACT_PATHS
    words = sorted({w for path in paths for c in cues()[path[0]][path[1]] for w in c.replace("*", "").split()})
    for t in _texts(words + ["the", "Ruritania", "journalists"], 400, seed=13):
        if not tension_acts._may_repress(lowered(t)):
            assert all(pattern(*path).search(t) is None for path in paths), t
