"""A sentence and a date's place in it -> whether the date stands outside the sentence's main clause:
in a relative clause (", which was held on 4 March,"), a reduced relative (", adopted on 9 October,",
"a first conference held in May" after the opening date), an aside ("as already happened in June"), a
fronted subordinate clause or anchor ("As we showed in April, we shall ...", "ten years after the
uprising of 3 March, ..."), a preambular paragraph's noun phrase, or after a present verb or gerund
that makes a dated noun phrase its object. event_cues keeps such an event medium: the main clause
reports something else, undated or present."""
from __future__ import annotations

import re

from .event_lexicon import WORD, Cues, is_past, lower_words, words

_THAT_VERB = re.compile(r"(?<![\w-])that\s{1,3}(?:(?:had|has|have)\s{1,3})?(?:(?:was|were|been|is|are)(?![\w-])|([a-z]+ed)(?![\w-]))")
_AFTER_PARTICIPLE = re.compile(r"\s{1,3}(?:by|in|on|at|during|from|near|between|last)\s", re.I)
_AS_HAPPENED = re.compile(r"\s{0,3}as\s{1,3}(?:already\s{1,3}|also\s{1,3}|previously\s{1,3})?(?:happened|occurred|was\s+the\s+case)(?![\w-])", re.I)
_REDUCED = re.compile(r"(?<![\w-])([a-z]{3,})\s{1,3}([a-z]{3,})\s{1,3}(?:in|on|at|during)\s{1,3}$")


def in_sub_clause(sentence: str, start: int, end: int, cues: Cues) -> bool:
    """True when the date stands in a relative clause (", which was held on 4 March", "two teachers
    who vanished in August", "the ceasefire that was announced on") or a reduced one set off by commas
    (", adopted by the chamber on 9 October 2030,"): it dates that clause's happening, while the
    main clause reports something else."""
    seg = re.split(r"[,;:()\u2014]", sentence[:start])[-1]
    if cues.relative.search(seg) or _AS_HAPPENED.match(seg):
        return True  # ", which was held on", ", as already happened in May 2020"
    m = _THAT_VERB.search(seg)
    if m and (m.group(1) is None or is_past(m.group(1), cues)):
        return True
    first = WORD.match(seg.lstrip())
    if first is None or len(sentence[:start].rstrip()) == len(seg.rstrip()):
        return False  # no comma before: "Adopted on 3 May, ..." opens the sentence
    word = first.group().lower()
    participle = is_past(word, cues) or word in cues.irregular_past
    return (participle and _AFTER_PARTICIPLE.match(seg.lstrip(), first.end()) is not None
            and re.match(r"\s{0,2},\s", sentence[end:]) is not None)


def reduced_relative(text: str, cues: Cues) -> bool:
    """True when `text` ends in a noun and a past participle before the date's preposition ("a first
    conference held in"), not a finite verb after an auxiliary ("was held in")."""
    m = _REDUCED.search(text)
    if m is None or not (is_past(m.group(2), cues) or m.group(2) in cues.irregular_past):
        return False
    before = m.group(1)
    return before not in cues.auxiliaries and before not in ("been", "being", "not", "and", "but") \
        and before not in cues.determiners and not is_past(before, cues)


def preamble_phrase(sentence: str, start: int, cues: Cues) -> bool:
    """True when the date stands in a noun phrase of a resolution's preambular paragraph (it opens with
    a gerund, "Expressing concern at ...", and ends with a comma), with no finite verb between the last
    "that" and the date."""
    first = WORD.match(sentence.lstrip())
    if first is None or not first.group().endswith("ing") or not first.group()[0].isupper() \
            or not sentence.rstrip().endswith((",", ";")):
        return False  # a preambular paragraph ends with a comma: "Training ... took place on 14 May." is none
    left = sentence[:start]
    that = list(re.finditer(r"(?<![\w-])that(?![\w-])", left))
    stretch = words(left[that[-1].end():] if that else left)
    return not any(w in cues.auxiliaries or w in ("been", "be") for w in stretch)


def in_fronted_clause(sentence: str, start: int, cues: Cues) -> bool:
    """True when the date stands in a subordinate clause or anchor that opens the sentence before its
    main clause ("As we showed in April 2031, we shall ...", "After the talks of 3 May, ...", "More
    than ten years after the uprising of 3 March, hopes remain ...")."""
    left = sentence[:start]
    if "," in left or "," not in sentence[start:]:
        return False
    return cues.fronted.search(left) is not None or cues.anchor.search(left) is not None


def present_or_gerund(text: str, cues: Cues) -> bool:
    """True when `text` holds a present verb ("are refuted by") or a gerund ("condemning"): a verb of
    its own before a dated noun phrase, which then is its object, not its happening."""
    found = lower_words(text, False)
    for i, w in enumerate(found):
        if w in cues.present:
            return True
        if len(w) >= 6 and w.endswith("ing") and w not in cues.event_nouns and not (i and found[i - 1] in cues.determiners):
            return True
    return False
