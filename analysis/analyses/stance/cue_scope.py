"""A cue's scope and sense, from the words around it -> yes/no: is it negated, hedged, under a condition
or an ultimatum; is it an attributive participle ("recognised borders"), help given ("technical
support") or the political camp ("the opposition parties")? Pure predicates on strings, with scope
words from lexicons/cues.json "stance" and "stance_scope"; cues.py weighs a cue with them."""
from __future__ import annotations

import re
from functools import lru_cache

from ...lexicons import cue_source, cues, pattern

CLAUSE_PUNCT = re.compile(r"[,;:]")
_NOT_ONLY = re.compile(r"(?i)\bnot\s+only\b")
_NEGATION_CLAUSE = re.compile(r"[,;:]|\b(?:but|and then|while)\b")
_HEDGE_REACH = re.compile(r"(?:\s+[\w-]+){0,2}\s*$")
_EVEN_BEFORE = re.compile(r"(?i)\beven\s+$")
SUBJECT_WORDS = (r"we|they|it|he|she|you|I|the|a|an|any|no|neither|none|there|such|this|that|these|those|"
                  r"our|their|its|his|her|either")
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|a|an|its|their|his|her|our|of|with|having|by|for|in|into|from|across|all|any|"
                                r"no|some|these|those|this|that)\s+(?:[a-z]+ly\s+)?$")
NOUN_AFTER = re.compile(r"\s+(?!(?:the|a|an|its|their|his|her|our|this|that|these|those|it|them|him|us|by|as|"
                         r"to|in|on|at|for|with|from|of|and|or|but|that|which|who|not|no)\b)[a-z][a-z-]+")


_FOR_QUALITY = re.compile(r"(?i)\s+for\s+(?:its|their|his|her)\b")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+")
"""A place name after the participle: "in occupied Ruritania" describes the place."""


@lru_cache(maxsize=1)
def _assistance_patterns() -> tuple[re.Pattern, re.Pattern]:
    words = cues()["stance"]["assistance"]
    return (re.compile(r"(?i)" + cue_source(words["before"], grouped=False) + r"\s+$"),
            re.compile(r"(?i)\s+" + cue_source(words["after"], grouped=False)))


def assistance(before: str, cue: str, after: str) -> bool:
    """The noun "support" in the sense of help given: an adjective of the kind of help before it
    ("technical support") or a recipient or unit after it ("support to refugees", "support team")."""
    if cue.lower() != "support":
        return False
    kind_before, unit_after = _assistance_patterns()
    return bool(kind_before.search(before) or unit_after.match(after))


_OPPOSITION_TO = re.compile(r"(?i)\s+(?:to|against|towards)\b")
_OWNED_END = re.compile(r"(?i)(?:\b(?:our|its|their|his|her|my)|['\u2019]s)\s+(?:[a-z]+\s+)?$")
_CLAUSE_DONE = re.compile(r"\s*(?:[.;]|$)")


def opposition_camp(before: str, after: str) -> bool:
    """'opposition' as the political camp: before a group noun ("parties", "leaders") or a party's
    name ("the liberal opposition Freedom Party"), or anywhere but in "opposition to/against X" and
    "our (firm) opposition." at a clause's end, the only shapes of the stance."""
    words = after.split(None, 1)
    if words and words[0].lower().strip(",.;:") in _camp_nouns():
        return True
    if _OPPOSITION_TO.match(after):
        return False
    return not (_CLAUSE_DONE.match(after) and _OWNED_END.search(before))


@lru_cache(maxsize=1)
def _camp_nouns() -> frozenset[str]:
    return frozenset(cues()["opposition_as_camp"])


_NAME_OR_ARTICLE_BEFORE = re.compile(r"(?:\b[A-Z][\w'\u2019-]*|\b(?:the|of|in))\s+$")


def attributive(before: str, cue: str, after: str) -> bool:
    """A past participle between a determiner or preposition (and an adverb) and a noun is an
    adjective ("the internationally recognised borders", "having widely accepted mayors"); one
    followed by "for its ..." describes ("a force recognised for its professionalism"); a capitalised
    cue inside a name ("the Bordurian Illegally Occupied Vlatava", "the Support Mission") names a place or body."""
    if cue.lower().endswith("ed") and _FOR_QUALITY.match(after):
        return True
    if cue[:1].isupper() and _NAME_AFTER.match(after) and _NAME_OR_ARTICLE_BEFORE.search(before):
        return True
    return cue.lower().endswith("ed") and bool(_DETERMINER_BEFORE.search(before)) and bool(
        NOUN_AFTER.match(after) or _NAME_AFTER.match(after))


def hedged(before: str, negated: bool) -> bool:
    """A modal of possibility or deliberation governs the cue ("could recognise", "might well
    back", "would consider supporting"); "could not support" stays a refusal."""
    clause = _NEGATION_CLAUSE.split(before)[-1][-60:]
    for h in pattern("stance", "hedged_by").finditer(clause):
        if _HEDGE_REACH.fullmatch(clause[h.end():]):
            return not (negated and h.group().lower() == "could")
    return False


REFUSAL_CONDITION = re.compile(r"(?i)\b(?:without|unless|until)\b")
_INVERTED_IF = re.compile(r"(?i)\b(?:should\s+(?:" + SUBJECT_WORDS + r")|(?:were|had)\s+(?:we|it|they|I))\b")


_INVERTED_AFTER = re.compile(r",\s+should\s+(?:" + SUBJECT_WORDS + r")\b")
"""", should no solution be reached" after the cue's object: the condition follows the act."""


def conditional(before: str, obj: str) -> bool:
    """The cue's clause is under a condition ("if the vote is free, X will recognise it",
    "X would back it provided that ...", "should we decide to ...", "..., should no deal be reached");
    "even if" concedes and keeps the stance."""
    clause = before.split(";")[-1]
    if _INVERTED_IF.search(clause.split(",")[-1]) or _INVERTED_AFTER.search(obj):
        return True
    for text in (clause, obj):
        for c in pattern("stance", "conditions").finditer(text):
            if not _EVEN_BEFORE.search(text[:c.start()]):
                return True
    return False


_FAILURE = re.compile(r"(?i)\b(?:fail\w*|unless|no)\b")


def threat(before: str, obj: str) -> bool:
    """A condition on the speaker's readiness that is another's failure ("if X does not return to
    the talks", "unless X halts", "should no solution be reached"): an ultimatum, which backs the
    act it threatens; "if the Council agrees" keeps the act open."""
    for text in (before.split(";")[-1], obj):
        found = list(pattern("stance", "conditions").finditer(text)) + list(_INVERTED_IF.finditer(text))
        for c in found:
            condition = CLAUSE_PUNCT.split(text[c.start():])[0]
            if _FAILURE.search(condition) or pattern("stance", "negators").search(condition):
                return True
    return False


def negated_clause(before: str) -> bool:
    """A negator in the cue's own clause: "did not recognise", "no state has recognised"."""
    parts = _NEGATION_CLAUSE.split(before)
    clause = parts[-1][-60:]
    if len(parts) > 1 and _ELIDED_TO.fullmatch(clause) and _REFUSED_TO.search(parts[-2][-150:]):
        return True  # "refused to back X, and to support Y": the refusal governs both infinitives
    found = pattern("stance", "negators").search(clause)
    if found and _disregard().search(clause[found.end():]):
        return False  # "cannot ignore the violations": the negation denies the disregard, the charge stands
    return bool(found) and not _NOT_ONLY.search(clause)


_ELIDED_TO = re.compile(r"(?i)\s*(?:and|or|nor)\s+(?:also\s+)?to\s+(?:[a-z]+ly\s+)?")
_REFUSED_TO = re.compile(r"(?i)\b(?:refus\w*|declin\w*|fail\w*|not|never)\s+to\b")


@lru_cache(maxsize=1)
def _disregard() -> re.Pattern:
    return re.compile(r"^(?:\s+[\w'\u2019-]+){0,3}?\s+" + cue_source(cues()["stance_scope"]["disregard"], grouped=False)
                      + r"\b", re.IGNORECASE)


