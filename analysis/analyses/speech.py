"""One segment of a passage -> who says its words (speaker, whether it is speech, the rule).

A quotation belongs to the nearest speech verb before it, else to the words after it
(`"...," said Jane Doe`); reported speech to the subject of its speech verb ("Utopia's
Foreign Minister said that ..."), or to the subject after the verb when English puts it
there (`"<words>, said Jane Doe"`); a reporting frame ("according to X") to X; a pronoun
to the last speaker, or to the person the same sentence has just named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import cues, pattern
from .attribution import People, Speaker, person_names, resolve_phrase, title_patterns
from .text import Span, sentences

# compiled once: these run in hot loops, where re's own cache lookup per call was measurable
_HE_SHE_BEFORE = re.compile(r"(?:^|[\s,])(?:he|she)\s+(?:also\s+|further\s+|then\s+)?$", re.IGNORECASE)


_AND_BEFORE = re.compile(r"(?:^|\s)and\s+(?:also\s+|then\s+)?$")


_PRONOUN_END = re.compile(r"(?i)(?:^|\W)(?:he|she|they|it)\s*$")


_CAPS_RUN_END = re.compile(r"([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)*)\s*(?:Group|group)?\s*$")


_CAP_WORD_END = re.compile(r"([A-Z][\w'\u2019-]+)\s*[\"\u201c*]*\s*$")



@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    quotes: tuple[Span, ...]


def segments(text: str, quotes: list[Span]) -> list[Segment]:
    """Sentences, merged so that no quotation is cut between two segments."""
    out: list[list[int]] = []
    for s in _split_at_note_marks(text, sentences(text)):
        if out and any(q.start < s.start < q.end + 1 for q in quotes if q.start < out[-1][1] + 2):
            out[-1][1] = s.end
        else:
            out.append([s.start, s.end])
    return [Segment(a, b, tuple(q for q in quotes if a <= q.start < b)) for a, b in out]


@lru_cache(maxsize=1)
def _declared_act() -> re.Pattern:
    """What 'declared' makes when it is an act: "independence", "martial law", "a state of emergency"."""
    return re.compile(r"\s+(?:its\s+|their\s+|the\s+country's\s+)?" + pattern("declared_acts").pattern, re.IGNORECASE)


_DECLARED_WINNER = re.compile(r"\s+(?:[A-Z][\w.'\u2019-]*\s+){1,4}(?:the\s+)?(?:winner|victor|elected|president-elect)\b")


_NOTE_MARK_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\*+\s+(?=[\"'\u201c\u2018(]?[A-Z])")


def _split_at_note_marks(text: str, spans) -> list[Span]:
    """Sentences, with a sentence's end followed by a note mark ("... restored.* This ...") taken as one:
    the splitter reads the asterisk as the next sentence's first mark and joins the two."""
    out: list[Span] = []
    for sp in spans:
        start = sp.start
        for m in _NOTE_MARK_END.finditer(text, sp.start, sp.end):
            cut = m.end() - len(m.group()) + len(m.group().rstrip())
            out.append(Span(start, cut, text[start:cut]))
            start = m.end()
        out.append(Span(start, sp.end, text[start:sp.end]) if start != sp.start else sp)
    return out


_VERBS = None


def _verbs() -> re.Pattern:
    """Speech verbs, and constructions that work as one ("made the claim that", "issued a statement")."""
    global _VERBS
    if _VERBS is None:
        verbs = pattern("speech_verbs").pattern
        made = pattern("speech_constructions").pattern
        nouns = pattern("speech_nouns").pattern
        _VERBS = re.compile(f"(?:{made})\\s+(?:a|an|the|its|his|her|their)\\s+(?:[\\w-]+\\s+){{0,2}}?(?:{nouns})|{verbs}",
                            re.IGNORECASE)
    return _VERBS


_FRAMES = None


def _frames() -> re.Pattern:
    global _FRAMES
    if _FRAMES is None:
        _FRAMES = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+")
                                                         for f in cues()["reporting_frames"]) + r")\s+",
                             re.IGNORECASE)
    return _FRAMES


_PRONOUN = re.compile(r"(?:^|[\s,;:(])(he|she|they)\s*$", re.IGNORECASE)


_ENCOUNTER = re.compile(r"\s(?:met|meets|meeting|held\s+talks|holds\s+talks|hosted|hosts|visited|visits|received|"
                        r"spoke\s+with|speaking\s+with|talked\s+with|called\s+on|after|following)\b", re.IGNORECASE)


_CLAUSE_WORD = re.compile(r"\b(?:that|would|will|was|is|are|were|has|had|have|could|should|must|can|may|might|did|does|"
                          r"do|not|[a-z]+ed)\b")


_INVERTING = re.compile(r"(?i)said|says|say|added|adds|asked|wrote|explained|continued|noted|recalled|insisted|"
                        r"argued|stressed|declared|told|according")
"""Verbs that English puts before their subject after the reported words ("..., said Jane Doe")."""


_BY_AFTER = re.compile(r"\s+by\b")


_COMMA_END = re.compile(r",\s*\Z")


_INVERTED_SUBJECT = re.compile(r"\s+((?:[\w'\u2019.-]+\s+){0,6}?[\w'\u2019.-]+?)\s*(?:[.;]\s*\Z|[.;]\s|,|\Z)")


_BE_BEFORE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+|often\s+|also\s+|still\s+|"
                        r"sometimes\s+|now\s+|not\s+)?$")


_RELATIVE = re.compile(r",\s+(?:which|who|whose)\s[^,;:]{1,80},")


_BARE_LINK = re.compile(r"[\s,.;\u201d\"'\u2019*_]*(?:and\s+(?:also\s+|then\s+)?)?")


_SUBORDINATORS = frozenset({"after", "before", "when", "because", "since", "until", "once"})
_CLAUSE_BREAK = re.compile(r"(?:\bthat\b|;|:|\bwhile\b|\bwhereas\b|\bbut\b|\bwho\b|\bwhich\b|,\s+as\s+(?!well\b)|"
                           r"(?<=\w\s)(?:after|before|when|because|since|until|once)\s+(?=(?-i:[A-Z])))",
                           re.IGNORECASE)


_ADVERBIAL = re.compile(r"^(?:in|on|at|for|with|after|before|during|following|since|until|illustrating|speaking|"
                        r"opening|taking|similarly|along|however|thus|also|indeed|later|then|moreover|"
                        r"furthermore|meanwhile|yet|still|finally|first|second|third|today|yesterday|"
                        r"last|earlier|previously|once|when|as|by|under|according|despite|although|though|"
                        r"continuing|turning|concluding|replying|responding|addressing|noting|regarding|"
                        r"concerning|because|if|unless|where|instead|oddly|initially|ideally|generally|asked|questioned|pressed|"
                        r"commenting|referring|citing|writing|reacting|echoing|"
                        r"hence|therefore|nonetheless|nevertheless|equally|likewise|again)\b",
                        re.IGNORECASE)


def _outside(quotes, pos: int) -> bool:
    return not any(q.start <= pos < q.end for q in quotes)


def _subject(text: str, seg: Segment, verb_start: int, gaz, people, links, last: Speaker | None,
             depth: int = 0) -> Speaker | None:
    """The speaker named as the subject of the verb starting at `verb_start`."""
    # only a quotation that ends an utterance ("...," X said), not a quoted phrase within a clause
    inside = [q.end for q in seg.quotes if q.end < verb_start and q.text.rstrip()[-1:] in (",", ".", "!", "?")]
    if inside and not _BARE_LINK.fullmatch(text[max(inside):verb_start]):
        # the subject stands after the last quotation: words inside it are another's
        closing = max(inside)
        seg = Segment(min(closing + 1, verb_start), seg.end, tuple(q for q in seg.quotes if q.start > closing))
    left = _RELATIVE.sub(lambda m: " " * len(m.group()), text[seg.start:verb_start])  # ", which ...,": aside
    for q in seg.quotes:  # 'that "X's failure ..." and noted': names inside a quotation are no subject
        if seg.start <= q.start and q.end <= verb_start:
            a, b = q.start - seg.start, q.end - seg.start
            left = left[:a] + " " * (b - a) + left[b:]
    if _PRONOUN.search(left[-12:]) or _HE_SHE_BEFORE.search(left):
        # "Jane Doe, the Controller, was direct when she briefed ...": the person just named
        # (or "Mr. Lindqvist said he thought ...": a surname met before, which person_names cannot see)
        named = person_names(left, gaz) or _single_known_in(left, people)
        here = _clause_subject(left, gaz, people, links, text, seg) if named else None
        return here if here is not None and here.person else last
    if _joint_subject().search(left):
        return None  # "..., where both sides reaffirmed": two sides together, not the one named before
    # "X recalled that ... and said": a coordinated verb shares the subject of the segment's first verb
    if _AND_BEFORE.search(left) and depth < 2:
        first = [v for v in real_verbs(text, Segment(seg.start, verb_start - 1, seg.quotes))]
        if first and first[0].start() < verb_start - 5:
            return _subject(text, seg, first[0].start(), gaz, people, links, last, depth + 1)
    # the clause holding the verb starts after the last clause break outside an apposition
    cut, brk = 0, ""
    for m in _CLAUSE_BREAK.finditer(left):
        cut, brk = m.end(), m.group().strip().lower()
    if brk in _SUBORDINATORS:
        return None  # "... after Varga declared martial law", "before Serbia accepts": narrated, not said
    clause = left[cut:]
    # a participle after a comma ("..., stating") shares the subject of the verb before it
    if clause.rstrip().endswith(",") and depth < 2 and text[verb_start:verb_start + 30].split()[0].endswith("ing"):
        prev = [m for m in real_verbs(text, Segment(seg.start, verb_start - 1, seg.quotes))]
        if prev:
            return _subject(text, seg, prev[-1].start(), gaz, people, links, last, depth + 1)
    chunks = clause.split(",")
    offset = seg.start + cut
    if len(chunks) >= 2 and chunks[-1].strip() and len(" ".join(chunks[:-1]).split()) > 6 and \
            len(chunks[-2].split()) >= 4 and " and " not in chunks[-1]:  # not the end of a list of names
        # "<reported clause>, Utopian officials said": the subject stands next to the verb
        near = chunks[-1]
        inner = [v for v in _verbs().finditer(near) if v.start() > 0]
        near = near[:inner[0].start()] if inner else near
        sp = resolve_phrase(near, gaz, people)
        if sp is None and _SURNAME.fullmatch(near.strip()) and not gaz.find(near):
            sp = Speaker(name=near.strip(), actor=None, person=True)  # "..., Varga said"
        if sp is not None:
            return sp
    best = None
    pos = offset
    after_agent = False
    for i, chunk in enumerate(chunks):
        c_start = pos
        pos += len(chunk) + 1
        stripped = chunk.strip()
        if not stripped:
            continue
        if _ADVERBIAL.match(stripped) and not _names_someone(stripped, gaz) and i < len(chunks) - 1:
            continue
        if _agent_phrase(stripped):
            # "Following a briefing by Jane Doe, ...", "In the statement, read by Jane Doe of X, the
            # Council noted": the one named after "by" is not the subject who speaks, but is met
            # (with the office an apposition gives) for a later "Ms. Doe said"
            after_agent = True
            named = stripped[_AGENT_PHRASE.match(stripped).end() - 1:]
            met = resolve_phrase(", ".join([named] + chunks[i + 1:i + 2]), gaz, people)
            if met is not None and met.person and met.name:
                people.add(met.name, met.actor)
            aside = _BLANKED.search(chunk)  # "read by X, which holds ..., the Council": the clause after it
            if i < len(chunks) - 1 or aside is None:
                continue
            c_start += aside.end()
            chunk = chunk[aside.end():]
            chunks = chunks[:i] + [chunk]
            stripped = chunk.strip()
        if after_agent and i < len(chunks) - 1 and any(c.strip() for c in chunks[i + 1:]):
            continue  # "..., Head of the Relief Office, on the drought,": the subject is the last phrase
        chunk_links = [ln.target for ln in links if c_start <= ln.start < pos]
        rest = ", ".join(chunks[i:]).strip()
        inner = [v for v in _verbs().finditer(rest) if v.start() > 0]
        if inner:
            rest = rest[:inner[0].start()]  # the subject ends where an earlier verb begins
        met = _ENCOUNTER.search(rest)
        if met:
            rest = rest[:met.start()]  # "X met Y and said": the subject is X, not the one X met
        rest_links = [ln.target for ln in links if c_start <= ln.start < verb_start]
        sp = resolve_phrase(rest, gaz, people, rest_links)
        if sp is None:
            sp = resolve_phrase(stripped, gaz, people, chunk_links)
        if sp is not None:
            best = sp
            break
    return best


_BLANKED = re.compile(r"\s{4,}")
"""Where _subject blanked a relative clause out (", which ...,")."""
_AGENT_PHRASE = re.compile(r"^(?:[\w-]+\s+){0,5}?(?:[a-z]+ed|read|given|made|led|held|[a-z]+ing|briefing|"
                           r"presentation|report|statement)\s+by\s+(?:the\s+)?[A-Z]")


def _agent_phrase(chunk: str) -> bool:
    """An adverbial or participle phrase whose person comes after "by": "Following a briefing by
    Jane Doe", "read by Jane Doe of Utopia" (the reader of another's statement)."""
    return bool(_AGENT_PHRASE.match(chunk)) and (bool(_ADVERBIAL.match(chunk)) or
                                                  not chunk[:1].isupper())


def _names_someone(text: str, gaz) -> bool:
    titles, anon = title_patterns()
    return bool(person_names(text, gaz) or titles.search(text) or anon.search(text) or
                any(m.via not in ("capital",) for m in gaz.find(text)))


_SAID_AFTER = re.compile(r"[\u201d\"\u2019'*]*\s*[,.]?\s*[*_]*\s*[,.]?\s*(said|added|stated|declared|warned|"
                         r"noted|stressed|insisted|concluded|explained|continued|argued|asked|replied|wrote|"
                         r"says|adds)\s+(.{1,160}?)(?:(?<!\b[A-Z])(?<!Mr)(?<!Ms)(?<!Dr)(?<!Jr)(?<!Sr)(?<!St)(?<!Mrs)\.|"
                         r"[;\u201c\"]|,\s+(?:in|at|on|during|after|before|when|adding|"
                         r"noting|saying)\b|$)", re.IGNORECASE)


_HE_SHE = re.compile(r"(?:he|she|they)\b", re.IGNORECASE)


_X_SAID = re.compile(r"[\u201d\"\u2019'*]*\s*,?\s*[*_]*\s*,?\s*(he|she|they|[A-Z][\w .'\u2019-]{1,80}?)\s+"
                     r"(said|added|stated|declared|warned|noted|stressed|says|adds|told)\b")


_PROPER_NAME = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+(?:[A-Z][\w'\u2019-]*|of|the|and|for|in|on|de|du|des|la|le))*")
"""A quotation that is only a capitalised name ("the League of Northern Villages")."""
_PERCEIVED = re.compile(r"(?i)noted|notes|observed|realised|realized")
_BELATED = re.compile(r"(?i)\b(?:belatedly|finally|eventually|gradually|slowly|soon|only|never|at\s+last)\s+$")
"""A perception's time told by the author ("only belatedly noted"): the verb is no report of words."""
_NOUN_OBJECT = re.compile(r"\s+(?:the|a|an|its|their|his|her|this|these|those)\s+(?!(?:fact|point)\b)[a-z]")
"""A perception verb's object is a noun phrase, not a that-clause or a quotation ("noted the implications")."""
_NAMING = re.compile(r"(?i)\b(?:called|named|dubbed|titled|entitled|known\s+as|so-called)\s+(?:a\s+|an\s+|the\s+)?"
                     r"[\u201c\"\u2018']\s*\Z")
_NAMING_AFTER = re.compile(r"\s+(?:it\s+|them\s+)?(?:a\s+|an\s+|the\s+)?[\u201c\"\u2018']")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")
_SPOKE_AFTER = re.compile(r"\s+(?:of|about|on|to|with|at|out|in\s+favou?r|against|for|up|publicly|openly|"
                          r"by\s+telephone|briefly|again|after|before|during)\b")
_FRAME_END = re.compile(r"[,;:.\u201c\"\u2014\u2013]|\s+-\s|\s+(?:that|who|which)\s")
"""(_after_quote's and _frame's patterns, compiled once)"""


def _after_quote(text: str, seg: Segment, q: Span, gaz, people, links, last) -> Speaker | None:
    """`"...," said X` / `"...," X said` / `"...", he said`."""
    tail = text[q.end:seg.end]
    m = _SAID_AFTER.match(tail)
    if m and re.match(r"(?i)that\b", m.group(2)):
        m = None  # '"...," argued that the state was ...': what was said, not who said it
    if m:
        phrase = m.group(2)  # "said Jane Doe, the Utopian Ambassador to the Union": the apposition too
        if _HE_SHE.match(phrase):
            return last
        base = q.end + m.start(2)
        return resolve_phrase(phrase, gaz, people, [ln.target for ln in links
                                                    if base <= ln.start < base + len(phrase)])
    m = _X_SAID.match(tail)
    if m:
        if m.group(1).lower() in ("he", "she", "they"):
            return last
        sp = resolve_phrase(m.group(1), gaz, people)
        word = m.group(1).strip()
        if sp is None and _SURNAME.fullmatch(word) and not gaz.find(word):
            sp = Speaker(name=word, actor=None, person=True)  # "..., Varga said": a surname alone
        return sp
    return None


_SURNAME = re.compile(r"[A-Z][a-z\u00c0-\u024f'\u2019-]{2,}")


def _frame(text: str, seg: Segment, gaz, people, links) -> tuple[Speaker, str] | None:
    """The speaker a reporting frame names ("according to X", "X's claim that", "a ruling by X
    that"), with the rule: reporting-frame, or pronoun-resolved for "his vow that"."""
    for m in _frames().finditer(text, seg.start, seg.end):
        if not _outside(seg.quotes, m.start()):
            continue
        rest = text[m.end():seg.end]
        parts = _FRAME_END.split(rest, maxsplit=2)
        phrase = parts[0]
        if len(parts) > 1 and not person_names(phrase, gaz) and \
                [n for _, _, n in person_names(parts[1], gaz)] == [parts[1].strip()]:
            phrase = parts[0] + ", " + parts[1]  # "according to its representative, Jane Doe,"
        sp = resolve_phrase(phrase, gaz, people, [ln.target for ln in links if m.end() <= ln.start < m.end() + len(phrase)])
        if sp:
            if _stat_source().search(phrase) and _DIGIT.search(text, m.end() + len(phrase), seg.end):
                # "according to a 2029 X report, literacy is 71 percent": a figure's source, not X's words
                return sp, "statistic-cited"
            return sp, "reporting-frame"
    for m in _POSSESSED.finditer(text, seg.start, seg.end):
        # "Utopia's claim that ...", "his vow on Monday that ..." (his: the one named with 's before it)
        if not _outside(seg.quotes, m.start()):
            continue
        who, rule = m.group("who"), "reporting-frame"
        if who.lower() in ("his", "her", "their", "its"):
            rule = "pronoun-resolved"
            # his/her: the nearest person named with 's before it; its/their: the nearest actor
            person = who.lower() in ("his", "her")
            named = [o.group(1) for o in _OWNER.finditer(text, seg.start, m.start())
                     if bool(gaz.find(o.group(1))) != person]
            if not named:
                continue
            who = named[-1]
        sp = resolve_phrase(who, gaz, people)
        if sp is None and _SURNAME.fullmatch(who) and not gaz.find(who):
            sp = Speaker(name=who, actor=None, person=True)
        if sp:
            return sp, "frame-in-narration" if _in_narration(text, seg, m.start()) else rule
    for m in _NOUN_BY.finditer(text, seg.start, seg.end):
        # "a ruling by the Constitutional Court of X that ...": what the ruling says is the court's
        if _outside(seg.quotes, m.start()):
            sp = resolve_phrase(m.group("who"), gaz, people)
            if sp:
                return sp, "frame-in-narration" if _in_narration(text, seg, m.start()) else "reporting-frame"
    return None


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _stat_source() -> re.Pattern:
    """The noun of a work cited for a figure ("a 2029 X report", "the latest Y survey")."""
    return pattern("stat_sources")


@lru_cache(maxsize=1)
def _joint_subject() -> re.Pattern:
    """A subject naming two sides together right before the verb ("both sides", "the two ministers")."""
    return re.compile("(?:" + pattern("joint_subjects").pattern + r")\s+(?:also\s+|further\s+|then\s+|jointly\s+|"
                      r"have\s+|had\s+|both\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _narration_before() -> re.Pattern:
    return re.compile("(?:" + pattern("narration_before_frame").pattern + r")\s+(?:(?:the|a|an|this|that|its|their|"
                      r"his|her)\s+)?(?:[\w'\u2019-]+\s+)?$", re.IGNORECASE)


def _in_narration(text: str, seg: Segment, at: int) -> bool:
    """A noun frame ("the announcement by X that ...", "X's claim that ...") stands after a preposition
    of the author's own clause ("were slowed by the announcement by X that ...", "after X's claim
    that ..."): the sentence narrates the words' effect; it reports them only when its main verb does."""
    return bool(_narration_before().search(text, seg.start, at))


_POSSESSED = re.compile(r"(?P<who>\b[Hh]is|\b[Hh]er|\b[Tt]heir|\b[Ii]ts|[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,3}(?=['\u2019]s\b))"
                        r"(?:['\u2019]s)?\s+"
                        r"(?:[a-z]+\s+){0,2}?(?:vow|pledge|promise|claim|assertion|insistence|argument|warning|demand|declaration|announcement|"
                        r"assurance|threat|contention|allegation|accusation|denial|admission|statement)s?"
                        r"\s+(?:on\s+[A-Z]\w+\s+|in\s+\d{4}\s+)?that\s")
_OWNER = re.compile(r"([A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,3})['\u2019]s\b")
_NOUN_BY = re.compile(r"\b(?:ruling|decision|judgment|judgement|verdict|finding|statement|declaration|announcement|"
                      r"warning|opinion)s?\s+(?:issued\s+|published\s+|delivered\s+)?by\s+(?:the\s+)?"
                      r"(?P<who>[A-Z][^,;:]{2,80}?)\s+that\s")


_APPOSED_NAME = re.compile(r",\s*(?:[^\W\d_a-z][\w'\u2019.-]*\s+){1,3}[^\W\d_a-z][\w'\u2019.-]*,\s*$")
"""", Jane Roe," just before a verb: a name in apposition, whose bearer is the one speaking."""
_PARTICIPLE_AFTER = re.compile(r"\s+(?:also\s+|already\s+|earlier\s+|first\s+)?(?:in|by|at|during|on)\s")


@lru_cache(maxsize=1)
def _wrote_a_work() -> re.Pattern:
    works = "|".join(re.escape(w) for w in cues().get("creative_works", []))
    return re.compile(r"\s+(?:(?:about|some|over|more\s+than|nearly|almost|several|many|a|an|the|his|her|their|"
                      r"its|two|three|four|five|[\d,.]+)\s+)*(?:[\w-]+\s+)?(?:" + works + r")\b", re.IGNORECASE)


_THING_BEFORE = re.compile(r"(?i)\b(?:a|an)\s+(?:[\w'\u2019-]+\s+){0,3}?([a-z][\w-]*)\s+$")
_NAME_AFTER = re.compile(r"\s+(?:the\s+)?[A-Z]")


def _names_a_thing(text: str, seg: Segment, m: re.Match) -> bool:
    """'called' right after an indefinite noun that is no office or source ("a dialect called X",
    "an armed group called the Y"), before a capitalised name: it names the thing. "A senior official
    called X's decision a mistake" speaks (the noun is an office)."""
    before = _THING_BEFORE.search(text, max(seg.start, m.start() - 60), m.start())
    if before is None or not _NAME_AFTER.match(text, m.end()):
        return False
    titles, anon = title_patterns()
    noun = before.group(1)
    return not (titles.fullmatch(noun) or anon.fullmatch(noun))


def real_verbs(text: str, seg: Segment) -> list[re.Match]:
    """Speech verbs outside quotations, not under a counterfactual modal ("should have insisted")."""
    return list(_real_verbs_in(text, seg))


@lru_cache(maxsize=4096)
def _real_verbs_in(text: str, seg: Segment) -> tuple[re.Match, ...]:
    """real_verbs, cached: a segment's verbs are asked for by attribute, opening_speaker and
    again (for the segment up to a verb) by _subject."""
    modal = pattern("modal_before_verb")
    out = []
    for m in _verbs().finditer(text, seg.start, seg.end):
        if not _outside(seg.quotes, m.start()):
            continue
        word = m.group().lower()
        if word == "called" and (_NAMING_AFTER.match(text, m.end()) or (
                text[max(seg.start, m.start() - 2):m.start()].strip() == "," and _CAPITAL_AFTER.match(text, m.end()))):
            continue  # 'an exercise called "Southern Shield"', ', called AFGHANSAT 1': naming, not speech
        if word == "called" and _names_a_thing(text, seg, m):
            continue  # "a dialect called Lower Vale", "a group called the Free Front": naming, not speech
        if word in ("wrote", "writes", "write") and _wrote_a_work().match(text, m.end()):
            continue  # "wrote about 1400 verses", "wrote two novels": an author's work, not a statement
        if word in ("declared", "declares", "declare", "declaring") and (
                _declared_act().match(text, m.end()) or _DECLARED_WINNER.match(text, m.end())):
            continue  # "declared independence", "declared X the winner": an act, not words
        if word in ("spoke", "speaks", "speak") and not _SPOKE_AFTER.match(text, m.end()):
            continue  # "they spoke several languages": a language, not a statement
        before = text[max(seg.start, m.start() - 24):m.start()]
        if _BE_BEFORE.search(before) or _BY_AFTER.match(text, m.end()):
            continue  # "is said to be mediating", "claimed by X", "responded by sending": no one's words
        if word.endswith("ed") and before.rstrip().endswith(",") and _PARTICIPLE_AFTER.match(text, m.end()) \
                and not _APPOSED_NAME.search(text, max(seg.start, m.start() - 80), m.start()):
            # "the resistance, noted also in our analysis, ...": a participle, not a subject speaking
            # (after a name in apposition, "X, Jane Roe, stated in ...", the subject speaks)
            continue
        if modal.search(before) and before.rstrip().endswith(modal.findall(before)[-1].split()[-1]):
            continue
        out.append(m)
    return tuple(out)


def attribute(text: str, seg: Segment, gaz, people, links, last, row_actor, turn) -> tuple[Speaker | None, bool, str]:
    """(speaker, is_speech, rule) for one segment; the rule is a basis name."""
    sp, speech, rule = _attribute(text, seg, gaz, people, links, last, row_actor, turn)
    if sp is not None and last is not None and sp is last and rule not in ("speaker-turn",):
        rule = "pronoun-resolved"
    return sp, speech, rule


def _attribute(text: str, seg: Segment, gaz, people, links, last, row_actor, turn) -> tuple[Speaker | None, bool, str]:
    if turn is not None:
        return turn, True, "speaker-turn"
    verbs = real_verbs(text, seg)
    # a quotation belongs to the nearest speech verb before it, else to the words after it
    for q in seg.quotes:
        if _NAMING.search(text, max(seg.start, q.start - 30), q.start) and len(q.text.split()) <= 5:
            continue  # an exercise 'called "Southern Shield"': a name, not anyone's words
        if len(q.text.split()) < 2:
            continue  # a scare quote ('forced "confessions"'): the writer's irony, not a quotation
        if _PROPER_NAME.fullmatch(text[q.start:q.end].strip(" \"\u201c\u201d.,")):
            continue  # 'name the new body the "League of Northern Villages."': a name, nobody's words
        # NAME "verb-ed ..." : the quotation opens with the speech verb itself
        lead = text[max(seg.start, q.start - 60):q.start]
        inner = text[q.start:q.end].split()
        if inner and _verbs().fullmatch(inner[0]):
            sp = _lead_speaker(lead, gaz, people)
            if sp:
                return sp, True, _quote_rule(sp)
        intro = text[seg.start:q.start].rstrip(" *_\"\u201c")
        if intro.endswith(":") and not [v for v in verbs if v.end() <= q.start]:
            # "Jane Doe, Minister of X, was blunt: 'quote'": the clause's subject speaks
            sp = _clause_subject(intro[:-1], gaz, people, links, text, seg)
            if sp:
                return sp, True, _quote_rule(sp)
        before = [v for v in verbs if v.end() <= q.start]
        if before:
            sp = _subject(text, seg, before[-1].start(), gaz, people, links, last)
            if sp:
                return sp, True, _quote_rule(sp)
        sp = _after_quote(text, seg, q, gaz, people, links, last)
        if sp:
            return sp, True, _quote_rule(sp)
    frame = _frame(text, seg, gaz, people, links)
    for v in verbs:
        if _COMMA_END.search(text, seg.start, v.start()) and _INVERTING.fullmatch(v.group()):
            # "<reported words>, said Jane Doe" / ", say human rights groups": the subject follows
            after = _INVERTED_SUBJECT.match(text, v.end(), seg.end)
            if after and not _CLAUSE_WORD.search(after.group(1)):
                sp = resolve_phrase(after.group(1), gaz, people)
                if sp is None and _SURNAME.fullmatch(after.group(1).strip()) and not gaz.find(after.group(1)):
                    sp = Speaker(name=after.group(1).strip(), actor=None, person=True)
                if sp:
                    return sp, True, "speech-verb-subject"
        sp = _subject(text, seg, v.start(), gaz, people, links, last)
        if sp:
            # "said", "stated": speech for sure; "welcomed", "proposed", "wrote": perhaps a deed;
            # "only belatedly noted the implications": a perception the author tells, not words
            spoken = reporting_verb().fullmatch(v.group()) and not (
                _PERCEIVED.fullmatch(v.group()) and _NOUN_OBJECT.match(text, v.end())
                and _BELATED.search(text, max(seg.start, v.start() - 30), v.start()))
            return sp, True, "speech-verb-subject" if spoken else "act-verb-subject"
    if frame:
        return frame[0], True, frame[1]
    if verbs and row_actor:
        return Speaker(name=None, actor=row_actor, via="table-row-actor"), True, "table-row-actor"
    if seg.quotes and row_actor and any(len(q.text.split()) >= 6 for q in seg.quotes):
        return Speaker(name=None, actor=row_actor, via="table-row-actor"), True, "quote+table-row"
    return None, False, ""


def _quote_rule(sp: Speaker) -> str:
    return "quote+named-speaker" if sp.person else "quote+actor-speaker"


def _clause_subject(clause: str, gaz, people, links, text: str, seg: Segment) -> Speaker | None:
    """The first noun phrase of a clause that names someone."""
    pos = seg.start
    for chunk in clause.split(","):
        stripped = chunk.strip()
        if stripped and not (_ADVERBIAL.match(stripped) and not _names_someone(stripped, gaz)):
            rest = clause[clause.find(stripped):]
            sp = resolve_phrase(re.split(r"\s(?:was|is|were|are|has|had|put|made|addressed|briefed|spoke)\b",
                                         rest, maxsplit=1)[0], gaz, people,
                                [ln.target for ln in links if pos <= ln.start < pos + len(clause)])
            return sp
    return None


def opening_speaker(text: str, seg: Segment, gaz, people, links, last) -> Speaker | None:
    """A speaker named as the subject of the paragraph's first speech verb, when the phrase
    names a person or a role ("The representative of France said"), not a pronoun."""
    verbs = real_verbs(text, seg)
    if not verbs:
        return None
    first = verbs[0]
    head = text[seg.start:first.start()]
    if len(head.split()) > 16 or _PRONOUN_END.search(head):
        return None
    titles, _ = title_patterns()
    sp = _subject(text, seg, first.start(), gaz, people, links, None)
    if sp and (sp.person or titles.search(head)) and (sp.actor or sp.person):
        return sp
    return None


def _lead_speaker(lead: str, gaz, people: People) -> Speaker | None:
    """The name or actor standing right before an opening quotation mark."""
    lead = lead.rstrip(" \"\u201c*_")
    names = person_names(lead, gaz)
    if names and not lead[names[-1][1]:].strip():
        known = people.lookup(names[-1][2])
        return Speaker(known[0] if known else names[-1][2], known[1] if known else None, True)
    known = _single_name(lead + " ", people)
    if known:
        return known
    found = gaz.find(lead)
    if found and not lead[found[-1].end:].strip(" )"):
        m = found[-1]
        return Speaker(name=None, actor=gaz.speaks_for(m.name) or m.name)
    m = _CAPS_RUN_END.search(lead)
    return None


def _single_known_in(text: str, people: People) -> bool:
    """Some capitalised word of `text` is the surname of a person met before."""
    return any(w in people.by_word for w in _SURNAME.findall(text))


def _single_name(lead: str, people: People) -> Speaker | None:
    m = _CAP_WORD_END.search(lead)
    if m and m.group(1) in people.by_word:
        name = people.by_word[m.group(1)]
        return Speaker(name, people.full[name], True)
    return None


_REPORTING = None


def reporting_verb() -> re.Pattern:
    """Verbs that only report words ("said", "stated", "noted"), unlike "welcomed" or "rejected"."""
    global _REPORTING
    if _REPORTING is None:
        _REPORTING = pattern("reporting_verbs")
    return _REPORTING
