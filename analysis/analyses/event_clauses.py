"""A sentence and a date's place in it -> whether the date stands outside the sentence's main clause:
in a relative clause (", which was held on 4 March,"), a reduced relative (", adopted on 9 October,",
"a first conference held in May" after the opening date), an aside ("as already happened in June"), a
fronted subordinate clause or anchor ("As we showed in April, we shall ...", "ten years after the
uprising of 3 March, ..."), a preambular paragraph's noun phrase, or after a present verb or gerund
that makes a dated noun phrase its object, or the object of a present verb of attitude (an operative
paragraph's "Condemns the capture ... on 3 March;"), a dated subject of an effect ("the March truce
contributed to"); and sentences whose subject is a bare pronoun ("It was founded on ..."), which do not
say who acted. event_cues keeps such an event medium: the main clause reports something else,
undated or present, or nobody named."""
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
    seg = date_segment(sentence[:start])
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


_LEAD_IN = re.compile(r"\s{0,3}(?:(?:on|in|at|during|from|between|by)\s{0,3})?$", re.I)
_NAME_LINK = frozenset(("and", "of", "the", "de", "du", "la", "al", "el"))


def _names_only(part: str) -> bool:
    """True for a comma-set part that is only a name or a list of names ("State of Qatar", "Borduria
    and Grand Fenwick"): a relative clause or a participle phrase runs on across it."""
    found = WORD.findall(part)
    return len(found) <= 8 and all(w[0].isupper() or w.lower() in _NAME_LINK for w in found)


def date_segment(left: str) -> str:
    """The comma-set part of `left` the date stands in, run back over parts that only name places or
    list names ("that was announced in Zenda, Ruritania, on", "drafted by Ruritania, Borduria and Grand
    Fenwick in"): their commas do not end the clause."""
    tail = re.split(r"[;:()\u2014]", left)[-1]
    parts = tail.split(",")
    i = len(parts) - 1
    last = parts[i][:_LEAD_IN.search(parts[i]).start()]
    while i > 0 and _names_only(last):
        i -= 1
        last = parts[i]
        if not _names_only(last):
            break
    return ",".join(parts[i:])


_SEQUENCE = re.compile(r"(?:was|were|is|are)\s{1,3}(?:\w+ly\s{1,3})?(?:followed|preceded|succeeded)\s{1,3}by\s", re.I)
_OPENER = re.compile(r"^\W{0,3}[^,;:]{0,60},\s{0,3}")


def pronoun_subject(sentence: str, start: int, cues: Cues) -> bool:
    """True when the sentence's subject is a bare pronoun, at its start or after an opening adverbial
    ("It was founded on 2 May 1990.", "In March 2030, they met again."): the text does not say who acted."""
    starts = [0]
    m = _OPENER.match(sentence)
    first = WORD.match(sentence.lstrip())
    if m and not (first and first.group().lower() in cues.subject_pronouns):
        starts.append(m.end())
    for s in starts:
        found = list(WORD.finditer(sentence[s:s + 40]))[:2]
        if len(found) < 2 or not found[1].group()[0].islower():
            continue
        head, verb = found[0].group().lower(), found[1].group().lower()
        if head not in cues.subject_pronouns and not (
                head in cues.demonstratives and (is_past(verb, cues) or verb in cues.auxiliaries)):
            continue  # "This included ..." is a pronoun; "This department was created" names its noun
        if _SEQUENCE.match(sentence, s + found[1].start()):
            continue  # "This was followed by the summit of 4 May": the happening dated is named after "by"
        if found[1].group().lower() in cues.reporting and (
                re.match(r"\s{0,2},", sentence[s + found[1].end():])
                or re.search(r"(?<![\w-])that(?![\w-])", sentence[s + found[1].end():start])):
            # "In December 2030, he said, the Government approved ...": a parenthesis; "She recalled that
            # the court had ruled on 3 May": the reported clause names who acted
            continue
        return True
    return False


_FINITE_BEFORE = frozenset(("#", "that", "which", "who", "he", "she", "it", "they", "we", "i"))


def present_main(sentence: str, start: int, cues: Cues) -> bool:
    """True when the date stands in the object of a present verb of attitude or reference that governs
    the sentence: a resolution's operative paragraph ("Strongly condemns the capture of the port on 3
    March;"), a named body's "welcomes", a letter's "we would like to bring to your attention the
    statement issued on 23 March" or "I have the honour to write concerning the events reported on 26
    January". The present verb is the text's own act; the date dates its object."""
    found = lower_words(sentence[:start], False)
    for i, w in enumerate(found):
        if w not in cues.attitude_verbs:
            continue
        prev = found[i - 1] if i else ""
        if w.endswith("s") and not w.endswith("ss"):
            # third person: a paragraph's opening verb (after an adverb) or a named body's
            governs = i == 0 or prev == "#" or (i == 1 and (prev.endswith("ly") or prev in ("also", "further")))
        else:
            governs = prev in cues.attitude_subjects or (
                prev == "to" and i >= 2 and found[i - 2] in cues.attitude_infinitive_heads)
        if not governs:
            continue
        # a finite past verb between (after a subject, "that", an auxiliary) reports a happening of its
        # own; a participle after a noun ("the statement issued") does not
        between = found[i + 1:]
        return not any((is_past(x, cues) or x in cues.irregular_past)
                       and (between[j - 1] in _FINITE_BEFORE or between[j - 1] in cues.auxiliaries)
                       for j, x in enumerate(between) if j)
    return False


_COMMA_AFTER = re.compile(r"\s{0,2}[\"'\u201d\u2019)]{0,2}\s{0,2},")


def fronted_phrase(sentence: str, start: int, end: int, cues: Cues) -> bool:
    """True when the sentence opens with a prepositional phrase ("In view of", "In the wake of") whose
    end the date closes, before a main clause of its own ("In view of the shelling on 2 March 2031,
    the ministers call for ..."): the main clause is not dated by it."""
    if cues.fronted_preposition.search(sentence) is None or not _COMMA_AFTER.match(sentence, end):
        return False
    if re.search(r",\s{0,3}(?:(?:on|in|at|during)\s{1,3})?$", sentence[:start]):
        return False  # "Following talks, on 3 May 2031, the ministers signed ...": the main clause's own date
    rest = lower_words(sentence[end:], False)
    return any(w in cues.auxiliaries or w in cues.present or w in cues.attitude_verbs or is_past(w, cues)
               or w in cues.event_verbs for w in rest)


_SUBJECT_OPENER = re.compile(r"^\W{0,3}(?:(?:on|in|at|during|from|between|by|since|until)\s{1,3}(?:the\s{1,3})?)?$", re.I)


def effect_of_dated_subject(sentence: str, start: int, end: int, cues: Cues) -> bool:
    """True when the date stands in the sentence's subject and the verb reports an effect of it ("The
    March 2031 truce contributed to the calm", "the decision ... in January 2030 hindered the
    mediation"): the effect is not dated by the subject's date. "On 3 May, the shelling led to ..."
    (an opening date) and "led to the closure in April" (the date in the effect) are dated."""
    left = re.split(r"[;:]", sentence[:start])[-1]
    if _SUBJECT_OPENER.match(left) or _COMMA_AFTER.match(sentence, end):
        return False
    before = lower_words(left, False)
    if any(w in cues.auxiliaries or w in cues.present or is_past(w, cues) for w in before):
        return False
    after = lower_words(re.split(r"[.;:]", sentence[end:])[0], False)
    for w in after:
        if w in cues.auxiliaries:
            return False
        if w in cues.effect_verbs:
            return True
    return False


_ASIDE = re.compile(r"\s{0,2},[^,;:.]{0,200},")


def reduced_relative_subject(sentence: str, start: int, end: int, cues: Cues) -> bool:
    """True when the date closes a reduced relative ("the law passed on 2 April") that is the subject of
    a later verb in a reported clause ("The court argued that the law passed on 2 April 2031, which
    ..., violated the constitution"): the date dates the law, not what the sentence reports."""
    left = sentence[:start]
    m = _REDUCED.search(left)
    if m is None or not reduced_relative(left, cues):
        return False
    if not any(is_past(w, cues) or w in cues.irregular_past or w in cues.present
               for w in lower_words(left[:m.start()], False)):
        return False  # "The ministers met on 3 May and ...": the sentence's own verb
    rest = sentence[end:]
    aside = _ASIDE.match(rest)
    if aside:
        rest = rest[aside.end():]
    first = WORD.match(rest.lstrip())
    return first is not None and first.group()[0].islower() and (
        is_past(first.group().lower(), cues) or first.group().lower() in cues.auxiliaries)
