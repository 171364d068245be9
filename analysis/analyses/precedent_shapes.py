"""A sentence and its relation cue -> the precedent claims read from shapes other than two named
cases (a contrast or a likeness with a dated past episode), and the likenesses that are no claim
(a comparison of size, an unsigned text's description)."""
from __future__ import annotations

import re

from ..lexicons import pattern


_YEAR_ANY = re.compile(r"\bin\s+(?P<y>1[5-9]\d\d|20\d\d|['\u2018\u2019]\d\d|the\s+(?:1[5-9]|20)\d0s)\b")
"""A past episode's year as the text writes it: "in 1991", "in \u201991", "in the 1990s"."""
_CLAUSE_END = re.compile(r"[,;:.?!\u201c\u201d\"]|\s(?:when|which|who|whom|where|while|after|before|because|since|and|but)\b")
_NEGATION = re.compile(r"(?i)\b(?:not|never|no\s+longer|hardly)\b|n['\u2019]t\b")
_LEAD_IN = re.compile(r"(?i)^\s*(?:(?:with|in|under|for|to|from|what\s+happened\s+(?:in|with)|"
                      r"the\s+case\s+of)\s+)?")
_VERB_AFTER_SUBJECT = re.compile(r"(?i)\s(?:would|will|is|was|are|were|has|had|have|did|does|do|could|can|may|might|"
                                 r"should|must|didn['\u2019]t|doesn['\u2019]t|won['\u2019]t|isn['\u2019]t|wasn['\u2019]t|"
                                 r"hasn['\u2019]t)\b")
_NOT_A_SUBJECT = re.compile(r"(?i)^(?:it|this|that|they|he|she|we|i|you|there|one)$")
_OPENER = re.compile(r"(?i)^(?:so|but|and|yet|still|now|then|however|thus)\s+")


def contrast_claim(text: str, cue: re.Match) -> tuple[str, str] | None:
    """(subject, precedent) of a contrast with a past case ("the quarrel didn't hurt the way it did
    with Kasimir in '98", "unlike Borduria in 1995, the blockade will not end"), else None: the
    past side must be a name or carry a year, and a year unless the cue's verb is past ("the way
    it did"); the present side a noun phrase; and "the way it did" needs a negation before it
    (without one it is a likeness this cue alone cannot tell)."""
    if pattern("precedent", "contrast_needs_negation").fullmatch(cue.group()):
        if not _NEGATION.search(text[max(0, cue.start() - 40):cue.start()]):
            return None
    elif _NEGATION.search(text[max(0, cue.start() - 8):cue.start()]):
        return None  # "not different from": a likeness
    rest = text[cue.end():]
    lead = _LEAD_IN.match(rest)
    np_text = rest[lead.end():]
    if re.match(r"(?i)(?:those|that|these|this|it|them|ones?)\b", np_text):
        return None  # "differ from those in 1995": a measure or a thing, not an episode
    end = _CLAUSE_END.search(np_text)
    np = np_text[:end.start() if end else len(np_text)].strip()
    clause_end = re.search(r"[,;:.?!\u201c\u201d\"]", rest)
    clause = rest[:clause_end.start() if clause_end else len(rest)]
    year = _YEAR_ANY.search(clause)
    np = _YEAR_ANY.sub("", np).strip()
    np = re.sub(r"^(?:the|a|an)\s+", "", np)
    named = bool(re.match(r"[A-Z]", np)) and not _NOT_A_SUBJECT.match(np.split()[0])
    if not named and not (year and np):
        return None  # "unlike most people", "the way the ministers wanted"
    if not year and not pattern("precedent", "contrast_needs_negation").fullmatch(cue.group()):
        return None  # "unlike Borduria, we ...": two parties today; "the way it did" is past by its verb
    if len(np.split()) > 8:
        return None
    if year and np.strip("\u2018\u2019'") == year.group("y").strip("\u2018\u2019'"):
        precedent = year.group("y")  # "unlike in 1995": the year is the episode
    else:
        precedent = np + (f" ({year.group('y')})" if year else "")
    # the present side: the clause's subject before the cue, or after a leading "unlike X, ..."
    head = re.split(r"[;:\u201c\u201d\"]|,\s|\b(?:that|said|says|told)\b", text[:cue.start()])[-1]
    head = _OPENER.sub("", head.strip())
    if head:
        verb = _VERB_AFTER_SUBJECT.search(" " + head)
        subject = (" " + head)[:verb.start()] if verb else ""
    else:
        after = rest[clause_end.end():] if clause_end and rest[clause_end.start()] == "," else ""
        verb = _VERB_AFTER_SUBJECT.search(after)
        subject = after[:verb.start()] if verb else ""
    subject = re.sub(r"(?i)^(?:the|a|an)\s+", "", subject.strip())
    if not subject or _NOT_A_SUBJECT.match(subject) or len(subject.split()) > 8 or same_case(subject, np):
        return None
    return subject, precedent


_LIKENESS = re.compile(r"(?i)(?:similar|comparable|akin)\s+to|reminiscent\s+of|no\s+different\s+from")
_EPISODE_DATE = re.compile(r"\b(?:in|of|during)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?"
                           r"(?P<y>1[5-9]\d\d|20\d\d|(?:1[5-9]|20)\d0s|['\u2018\u2019]\d\d)\b")
_LIKENESS_END = re.compile(r"[,;:.?!\u201c\u201d\"]|\s(?:which|who|where|when|while|because|but|and)\b")


def past_episode_claim(text: str, cue: re.Match) -> tuple[str, str] | None:
    """(subject, precedent) of a likeness with a dated past episode that the text names by a
    common noun ("the current crisis is similar to the arrears crisis of the late 1990s"), else
    None: the precedent's head must be an episode noun (lexicons/cues.json precedent.episode_nouns)
    followed by its date, the subject a noun phrase before the cue."""
    if not _LIKENESS.fullmatch(cue.group()) or _NEGATION.search(text[max(0, cue.start() - 10):cue.start()]):
        return None
    rest = text[cue.end():]
    end = _LIKENESS_END.search(rest)
    np = re.sub(r"^(?:the|a|an)\s+", "", rest[:end.start() if end else len(rest)].strip())
    date = _EPISODE_DATE.search(np)
    head = np[:date.start()].split() if date else []
    if not head or not pattern("precedent", "episode_nouns").fullmatch(head[-1]) or len(np.split()) > 9:
        return None  # "those in 2023", "the one built in 1990", "the design of 1990"
    before = re.split(r"[;:\u201c\u201d\"]|,\s|\b(?:that|said|says|told)\b", text[:cue.start()])[-1]
    before = _OPENER.sub("", before.strip())
    verb = _VERB_AFTER_SUBJECT.search(" " + before)
    subject = re.sub(r"^(?:the|a|an)\s+|^(?:today|this\s+year)['\u2019]s\s+", "",
                     (" " + before)[:verb.start()].strip() if verb else "", flags=re.I)
    if not subject or _NOT_A_SUBJECT.match(subject) or len(subject.split()) > 8 or same_case(subject, np):
        return None
    return subject, np


def measure_comparison(text: str, cue: re.Match) -> bool:
    """"the comparatively large stature of X compared to Y", "relatively small, compared to the
    empires of ...": a comparison of size, height or number, which likens no case to another."""
    if not re.match(r"(?i)compar", cue.group()):
        return False
    before = text[:cue.start()]
    clause = re.split(r"[;:.]|\b(?:said|says|that)\b", before)[-1]
    return bool(pattern("precedent", "measure_comparison").search(clause))


_STAND_IN = re.compile(r"(?i)\s+(?:that|those|the\s+ones?)\b")
_FORECAST = re.compile(r"(?i)\b(?:could|might|may|would|will|risks?|threatens?)\b")


def descriptive(text: str, cue: re.Match) -> bool:
    """An unsigned text's own likeness that describes a thing rather than argues a case: "a strict
    form of law similar to that found in X", "an agency that operates similar to that of X",
    "elects another chancellor"; not a forecast ("could play a role similar to ...") nor an
    explicit analogy ("is reminiscent of X")."""
    if _FORECAST.search(text[:cue.start()]):
        return False
    if pattern("precedent", "attached").fullmatch(cue.group()):
        return True
    if re.fullmatch(r"(?i)similar\s+to\s+(?:that|those)", cue.group()):
        return True  # "tactics similar to those used in X"
    return bool(re.fullmatch(r"(?i)(?:similar|comparable|compared)\s+to", cue.group())
                and _STAND_IN.match(text[cue.end():]))


def same_case(a: str, b: str) -> bool:
    """One name holds the other (case-blind): the same case named twice, not two cases."""
    a, b = a.lower(), b.lower()
    return a in b or b in a
