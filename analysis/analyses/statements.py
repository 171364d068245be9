"""Document -> statements: direct quotes and reported speech, each with speaker, actor and exact span.

A passage is cut into segments (sentences, merged where a quotation runs over several);
each segment that carries speech (a quotation, a speech or stance verb with a subject, a
reporting frame such as "according to", or a press-release speaker turn) is attributed;
consecutive segments of one speaker in one passage form one statement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..actors import Gazetteer
from ..lexicons import cues, pattern
from ..model.document import Block, Document, Footnote
from ..model.findings import SourceSpan, Statement
from .attribution import People, Speaker, _title_patterns, from_turn, is_title, person_names, resolve_phrase
from .confidence import grade
from .letters import in_heading, is_formula, letter_parts, part_at
from .principles import invoked
from .text import Span, quotations, sentences

# compiled once: these run in hot loops, where re's own cache lookup per call was measurable
_HE_SHE_BEFORE = re.compile(r"(?:^|[\s,])(?:he|she)\s+(?:also\s+|further\s+|then\s+)?$", re.IGNORECASE)
_AND_BEFORE = re.compile(r"(?:^|\s)and\s+(?:also\s+|then\s+)?$")
_PRONOUN_END = re.compile(r"(?i)(?:^|\W)(?:he|she|they|it)\s*$")
_ITS_THEIR = re.compile(r"(?i)\b(?:its|their)\s+(?:[\w-]+\s+){0,2}?([\w-]+)")
_CAPS_RUN_END = re.compile(r"([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)*)\s*(?:Group|group)?\s*$")
_CAP_WORD_END = re.compile(r"([A-Z][\w'\u2019-]+)\s*[\"\u201c*]*\s*$")
_PARENTHESIS = re.compile(r"\s*\(([^()]{2,60})\)")
_OF_NAME = re.compile(r"\s+of\s+((?:the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)")


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    quotes: tuple[Span, ...]


def segments(text: str, quotes: list[Span]) -> list[Segment]:
    """Sentences, merged so that no quotation is cut between two segments."""
    out: list[list[int]] = []
    for s in sentences(text):
        if out and any(q.start < s.start < q.end + 1 for q in quotes if q.start < out[-1][1] + 2):
            out[-1][1] = s.end
        else:
            out.append([s.start, s.end])
    return [Segment(a, b, tuple(q for q in quotes if a <= q.start < b)) for a, b in out]


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
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z\u00e0-\u024f]{2,}")
_COMMA_END = re.compile(r",\s*\Z")
_INVERTED_SUBJECT = re.compile(r"\s+((?:[\w'\u2019.-]+\s+){0,6}?[\w'\u2019.-]+?)\s*(?:[.;]\s*\Z|[.;]\s|,|\Z)")
_BE_BEFORE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being)\s+$")
_RELATIVE = re.compile(r",\s+(?:which|who|whose)\s[^,;:]{1,80},")
_BARE_LINK = re.compile(r"[\s,.;\u201d\"'\u2019*_]*(?:and\s+(?:also\s+|then\s+)?)?")
_CLAUSE_BREAK = re.compile(r"(?:\bthat\b|;|:|\bwhile\b|\bwhereas\b|\bbut\b|\bwho\b|\bwhich\b|,\s+as\s+(?!well\b))",
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
    if _PRONOUN.search(left[-12:]) or _HE_SHE_BEFORE.search(left):
        # "Jane Doe, the Controller, was direct when she briefed ...": the person just named
        here = _clause_subject(left, gaz, people, links, text, seg) if person_names(left, gaz) else None
        return here if here is not None and here.person else last
    # "X recalled that ... and said": a coordinated verb shares the subject of the segment's first verb
    if _AND_BEFORE.search(left) and depth < 2:
        first = [v for v in _real_verbs(text, Segment(seg.start, verb_start - 1, seg.quotes))]
        if first and first[0].start() < verb_start - 5:
            return _subject(text, seg, first[0].start(), gaz, people, links, last, depth + 1)
    # the clause holding the verb starts after the last clause break outside an apposition
    cut = 0
    for m in _CLAUSE_BREAK.finditer(left):
        cut = m.end()
    clause = left[cut:]
    # a participle after a comma ("..., stating") shares the subject of the verb before it
    if clause.rstrip().endswith(",") and depth < 2 and text[verb_start:verb_start + 30].split()[0].endswith("ing"):
        prev = [m for m in _real_verbs(text, Segment(seg.start, verb_start - 1, seg.quotes))]
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
    for i, chunk in enumerate(chunks):
        c_start = pos
        pos += len(chunk) + 1
        stripped = chunk.strip()
        if not stripped:
            continue
        if _ADVERBIAL.match(stripped) and not _names_someone(stripped, gaz) and i < len(chunks) - 1:
            continue
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


def _names_someone(text: str, gaz) -> bool:
    titles, anon = _title_patterns()
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
_FRAME_END = re.compile(r"[,;:.\u201c\"]|\s+(?:that|who|which)\s")
"""(_after_quote's and _frame's patterns, compiled once)"""


def _after_quote(text: str, seg: Segment, q: Span, gaz, people, links, last) -> Speaker | None:
    """`"...," said X` / `"...," X said` / `"...", he said`."""
    tail = text[q.end:seg.end]
    m = _SAID_AFTER.match(tail)
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


def _frame(text: str, seg: Segment, gaz, people, links) -> Speaker | None:
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
            return sp
    return None


def _real_verbs(text: str, seg: Segment) -> list[re.Match]:
    """Speech verbs outside quotations, not under a counterfactual modal ("should have insisted")."""
    return list(_real_verbs_in(text, seg))


@lru_cache(maxsize=4096)
def _real_verbs_in(text: str, seg: Segment) -> tuple[re.Match, ...]:
    """_real_verbs, cached: a segment's verbs are asked for by attribute, _opening_speaker and
    again (for the segment up to a verb) by _subject."""
    modal = pattern("modal_before_verb")
    out = []
    for m in _verbs().finditer(text, seg.start, seg.end):
        if not _outside(seg.quotes, m.start()):
            continue
        before = text[max(seg.start, m.start() - 24):m.start()]
        if _BE_BEFORE.search(before) or _BY_AFTER.match(text, m.end()):
            continue  # "is said to be mediating", "claimed by X", "responded by sending": no one's words
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
    verbs = _real_verbs(text, seg)
    # a quotation belongs to the nearest speech verb before it, else to the words after it
    for q in seg.quotes:
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
            # "said", "stated": speech for sure; "welcomed", "proposed", "wrote": perhaps a deed
            return sp, True, "speech-verb-subject" if _reporting().fullmatch(v.group()) else "act-verb-subject"
    if frame:
        return frame, True, "reporting-frame"
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


def _same_speaker(a: Speaker, b: Speaker) -> bool:
    """One speaker named twice ("JANE DOE (Utopia)" and "Jane Doe"), not two with the same descriptor."""
    if a.actor and b.actor and a.actor != b.actor:
        return False
    return (a.name or "").lower() == (b.name or "").lower() or (a.actor is not None and a.actor == b.actor
                                                                  and not (a.person and b.person))


def _opening_speaker(text: str, seg: Segment, gaz, people, links, last) -> Speaker | None:
    """A speaker named as the subject of the paragraph's first speech verb, when the phrase
    names a person or a role ("The representative of France said"), not a pronoun."""
    verbs = _real_verbs(text, seg)
    if not verbs:
        return None
    first = verbs[0]
    head = text[seg.start:first.start()]
    if len(head.split()) > 16 or _PRONOUN_END.search(head):
        return None
    titles, _ = _title_patterns()
    sp = _subject(text, seg, first.start(), gaz, people, links, None)
    if sp and (sp.person or titles.search(head)) and (sp.actor or sp.person):
        return sp
    return None


def _possessive_role(text: str, seg: Segment, sp: Speaker) -> bool:
    """The speaker is introduced as "its/their delegate", "according to its representative"."""
    titles, anon = _title_patterns()
    m = _ITS_THEIR.search(text[seg.start:seg.end])
    return bool(m and (titles.fullmatch(m.group(1)) or anon.fullmatch(m.group(1))))


def _row_actor(context: str, gaz) -> str | None:
    """The actor a table row is about: its first cell, canonical when the gazetteer knows it.
    A row header the gazetteer does not know is still the row's actor, as written."""
    found = gaz.find(context)
    if found:
        return gaz.speaks_for(found[0].name) or found[0].name
    name = re.sub(r"\s*\([^)]*\)\s*$", "", context).strip(" :*-\u2013")
    return name if 2 < len(name) <= 80 and name[:1].isupper() else None


def _not_for_state(text: str, name: str | None) -> bool:
    """An opposition spokesman or a former minister does not speak for the row's state."""
    i = text.find(name) if name else -1
    window = text[max(0, i - 60):i] if i >= 0 else text[:80]
    return bool(pattern("not_speaking_for_state").search(window))


def _titled(text: str, name: str | None) -> bool:
    """The person carries a role in this passage ("Foreign Minister Jane Doe", "Jane Doe, a spokesperson")."""
    if not name:
        return False
    titles, anon = _title_patterns()
    i = text.find(name)
    if i < 0:
        return False
    window = text[max(0, i - 110):i] + " " + text[i + len(name):i + len(name) + 60]
    return bool(titles.search(window) or anon.search(window))


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


def _single_name(lead: str, people: People) -> Speaker | None:
    m = _CAP_WORD_END.search(lead)
    if m and m.group(1) in people.by_word:
        name = people.by_word[m.group(1)]
        return Speaker(name, people.full[name], True)
    return None


def _prescan(doc: Document, gaz: Gazetteer, people: People) -> None:
    """Meet every titled person once before attributing, so a later bare surname resolves.

    The person's affiliation comes from the words right before the name ("his Utopian
    counterpart Jane Doe", "Utopia's Foreign Minister Jane Doe") or a parenthesis after it."""
    titles, _ = _title_patterns()
    for p in doc.passages():
        text = p.text
        for s, e, name in person_names(text, gaz):
            tail = text[e:e + 60]
            paren = _PARENTHESIS.match(tail) or _OF_NAME.match(tail)
            lead = _noun_phrase_before(text, s)
            if not (titles.search(lead) or paren):
                continue
            links = [ln.target for ln in getattr(p, "links", ()) if s - len(lead) - 1 <= ln.start < s]
            sp = resolve_phrase(f"{lead} {name}" + (f" ({paren.group(1)})" if paren else ""), gaz, people, links)
            people.add(name, sp.actor if sp else None)


_NP_WORD = re.compile(r"(?:[A-Z][\w'\u2019.-]*|of|the|for|and|to|-|\w+['\u2019]s)$")


def _noun_phrase_before(text: str, pos: int) -> str:
    """The title-and-affiliation words just before a name, stopping at a verb or a pronoun."""
    words = text[max(0, pos - 120):pos].split()
    keep: list[str] = []
    for w in reversed(words):
        bare = w.strip(",")
        if (w.endswith(",") and keep) or bare == "and":
            break
        if _NP_WORD.match(bare) or is_title(bare):
            keep.insert(0, bare)
        else:
            break
    while keep and keep[0].lower() in ("of", "the", "for", "and", "to", "-"):
        keep.pop(0)
    return " ".join(keep)


def statements(doc: Document, gaz: Gazetteer, principles) -> tuple[Statement, ...]:
    """All statements in `doc`, in reading order, ids ``<doc>-s<n>``."""
    people = People(context=_document_context(doc, gaz))
    _prescan(doc, gaz, people)
    out: list[Statement] = []
    last: Speaker | None = None
    turn_label, turn_speaker, turn_first = None, None, None
    passages = doc.passages()
    letters = letter_parts([p for p in passages if not isinstance(p, Footnote)], gaz, doc.title)
    voice = None if letters else own_voice(doc, gaz)
    for index, passage in enumerate(passages):
        text = passage.text
        if not text.strip():
            continue
        is_block = isinstance(passage, Block)
        links = getattr(passage, "links", ())
        emphasis = passage.emphasis if is_block else ()
        row_actor = None
        turn = None
        turn_rule = "speaker-turn"
        if is_block and passage.context:
            if passage.role == "table-row":
                row_actor = _row_actor(passage.context, gaz)
            elif passage.role == "speaker-turn":
                if passage.context != turn_label:
                    turn_label, turn_speaker = passage.context, from_turn(passage.context, gaz, people)
                    turn_first = passage.anchor
                turn = turn_speaker
                if turn_first != passage.anchor:
                    turn_rule = "speaker-turn-continuation"
        quotes = quotations(text, emphasis)
        segs = segments(text, quotes)
        if is_block and passage.context and passage.kind != "row" and doc.genre == "plaintext" and segs:
            if pattern("procedural").search(text[segs[0].start:segs[0].end]):
                # "The President then read out the statement", "Also speaking were ...": the turn is over
                turn_speaker = turn = None
                segs = [sg for sg in segs if not pattern("procedural").search(text[sg.start:sg.end])]
            # "The representative of X said ..." opens a turn the reader could not see (no name in capitals)
            opener = _opening_speaker(text, segs[0], gaz, people, links, last) if segs else None
            if opener and (turn is None or not _same_speaker(opener, turn)):
                turn_speaker = turn = opener
                turn_rule = "speaker-turn"
                turn_first = passage.anchor
        letter_index = index if not isinstance(passage, Footnote) else None
        runs: list[tuple[Speaker, int, int, bool, str]] = []
        quoted = None
        for seg in segs:
            part = None
            if letters and letter_index is not None:
                head_end = in_heading(letters, _block_index(passages, index), seg.start, seg.end)
                if head_end is not None:
                    if head_end >= seg.end:
                        continue  # the heading itself: who writes to whom, not what is said
                    seg = _trimmed(text, Segment(head_end, seg.end, seg.quotes))
                    if seg is None:
                        continue
                if is_formula(text[seg.start:seg.end], whole=not text[:seg.start].strip() and not text[seg.end:].strip()):
                    runs.append((None, seg.start, seg.end, False, ""))  # ends a run: nobody's words
                    continue
                part = part_at(letters, _block_index(passages, index), seg.start)
            sp, speech, rule = attribute(text, seg, gaz, people, links, last, row_actor, turn)
            if rule == "speaker-turn":
                rule = turn_rule
            if sp is None and quoted is not None and (
                    (seg.quotes and not text[seg.start:seg.quotes[0].start].strip(" \"\u201c\u2018'*_"))
                    or text[seg.start:seg.start + 1] in ("\u201c", '"')):
                # "...," said X. "More words." / X said. "A quotation left open to the next paragraph
                sp, speech, rule = quoted, True, "quote-continuation"
            if voice and part is None and turn is None and _first_person_subject(text, seg):
                sp, speech, rule = voice, True, "publisher-first-person"  # the writer's own "we", "our case"
            quoted = sp if sp is not None and sp.person and rule in (
                "quote+named-speaker", "quote-continuation", "pronoun-resolved", "speech-verb-subject") else None
            if part is not None and part.actor and (part.kind == "resolution" or
                                                     not _reports_another(text, seg, sp, speech, part.actor)):
                # a letter speaks for its writer's state throughout, but for the words it reports;
                # a resolution is the adopting organ's words, every paragraph of it
                rule = "resolution-author" if part.kind == "resolution" else "letter-signatory"
                sp = Speaker(name=part.speaker, actor=part.actor, person=bool(part.speaker and "," not in
                             part.speaker and " and " not in part.speaker),
                             via="letter-joint" if part.joint else rule)
                speech = True
            if procedural_segment(text, seg) and rule in ("speaker-turn", "speaker-turn-continuation"):
                continue  # procedure inside a turn belongs to nobody
            if not speech or sp is None or _LOWER_WORD.findall(text, seg.start, seg.end)[1:2] == []:
                continue  # a ballot line, a table row in capitals, "2/5": not a sentence anyone said
            if not sp.actor and _possessive_role(text, seg, sp):
                # "Its delegate, Jane Doe, said ...": the actor the paragraph is about
                first = [m for m in gaz.find(text[:seg.start] or text) if m.kind in ("state", "organisation")]
                if first:
                    sp = Speaker(name=sp.name, actor=gaz.speaks_for(first[0].name) or first[0].name,
                                 person=sp.person, via="possessive-role")
            if row_actor and not sp.actor and (not sp.person or _titled(text, sp.name)) and \
                    not _not_for_state(text, sp.name) and sp.via != "presiding-officer":
                # "The member states", "Foreign Minister Jane Doe": of the row's state or organisation
                sp = Speaker(name=sp.name, actor=row_actor, person=sp.person, via="table-row-actor")
            if sp.person and sp.name and rule not in ("letter-signatory", "resolution-author"):
                people.add(sp.name, sp.actor)
            if (sp.name or sp.actor) and rule not in ("letter-signatory", "resolution-author"):
                last = sp if sp.person or sp.name else last
            direct = bool(seg.quotes)
            if runs and runs[-1][0] is not None and runs[-1][0].key() == sp.key() and runs[-1][2] <= seg.start:
                s0 = runs[-1]
                runs[-1] = (s0[0], s0[1], seg.end, s0[3] or direct, s0[4])
            else:
                runs.append((sp, seg.start, seg.end, direct, rule))
        for sp, start, end, direct, rule in runs:
            if sp is None:
                continue
            words = text[start:end]
            found, violated = invoked(words, principles)
            confidence, basis = grade(rule, sp)
            out.append(Statement(
                id=f"{doc.id}-s{len(out) + 1}", doc=doc.id, anchor=passage.anchor,
                speaker=sp.name, actor=sp.actor, kind="direct" if direct else "reported", text=words,
                person=sp.person,
                span=SourceSpan(passage.anchor, start, end, words),
                principles=found, violated=violated, confidence=confidence, basis=basis))
    return tuple(out)


def _document_context(doc: Document, gaz: Gazetteer) -> tuple[str, ...]:
    """The actors a document names, most named first (each up to three times, so the
    gazetteer can tell which organisation dominates)."""
    counts: dict[str, int] = {}
    for p in doc.passages():
        for m in gaz.find(p.text):
            if m.via != "context":
                counts[m.name] = counts.get(m.name, 0) + 1
    top = sorted(counts.items(), key=lambda kv: -kv[1])[:12]
    return tuple(name for name, n in top for _ in range(min(n, 3)))


def _block_index(passages, index: int) -> int:
    """The index among the non-footnote passages (letter_parts counts those)."""
    return sum(1 for p in passages[:index] if not isinstance(p, Footnote))


def _trimmed(text: str, seg: Segment) -> Segment | None:
    start = seg.start
    while start < seg.end and text[start].isspace():
        start += 1
    return Segment(start, seg.end, tuple(q for q in seg.quotes if q.start >= start)) if start < seg.end else None


def procedural_segment(text: str, seg: Segment) -> bool:
    return bool(pattern("procedural").search(text[seg.start:seg.end]))


_FIRST_PERSON = re.compile(r"(?i)(?<![\w-])(?:we|i|our|my|us)(?![\w-])")
_REPORTING = None


def _reporting() -> re.Pattern:
    """Verbs that only report words ("said", "stated", "noted"), unlike "welcomed" or "rejected"."""
    global _REPORTING
    if _REPORTING is None:
        _REPORTING = pattern("reporting_verbs")
    return _REPORTING


def _reports_another(text: str, seg: Segment, sp: Speaker | None, speech: bool, actor: str) -> bool:
    """Inside a letter, the segment reports someone else's words: a communication verb (not
    a deed such as "rejected" or "refused") whose subject is another speaker, or a quotation
    given to another; the writer's own "we regret that X rejected" stays the writer's."""
    if not speech or sp is None or sp.actor == actor or not (sp.actor or sp.name):
        return False
    verbs = [v for v in _real_verbs(text, seg) if _reporting().fullmatch(v.group())]
    if not verbs and not seg.quotes:
        return False
    head = text[seg.start:verbs[0].start()] if verbs else text[seg.start:seg.quotes[0].start]
    return not _FIRST_PERSON.search(head)


_WE_SUBJECT = re.compile(r"^\W*(?:(?:today|now|meanwhile|in the meantime|however|also|earlier today|as always)\W+)?"
                         r"(?:we|our\s+[\w-]+(?:\s+[\w-]+)?)\b", re.IGNORECASE)
_WE = re.compile(r"\W*(?:[A-Z]\w+(?:\s+\w+){0,2},\s+)?[Ww]e\b")
_VOICE = re.compile(r"(?:^|[.!?]\s+)(?:[A-Z][\w,]*\s+){0,6}?(?:the\s+)?(?P<org>(?:[A-Z][\w'\u2019&-]+\s+){1,5})"
                    r"(?:has|have|is|welcomes|welcomed|announced|announces|said|says|today)\b")


def _first_person_subject(text: str, seg: Segment) -> bool:
    """The segment's subject is the writer's own "we" / "our X", outside any quotation."""
    return bool(_WE_SUBJECT.match(text[seg.start:seg.end])) and not seg.quotes


def own_voice(doc: Document, gaz: Gazetteer) -> Speaker | None:
    """The organisation a press release speaks as ("we", "our case"): its publisher, else the
    organisation named as the subject of its opening sentences; None when the text never says "we"."""
    blocks = [b for b in doc.blocks if b.kind == "paragraph"][:4]
    if not any(_first_person_subject(b.text, sg) and _WE.match(b.text, sg.start) for b in blocks
               for sg in segments(b.text, quotations(b.text, b.emphasis))):
        return None  # no "we" of its own outside quotations: a report about others
    if doc.publisher:
        found = gaz.find(doc.publisher)
        actor = (gaz.speaks_for(found[0].name) or found[0].name) if found else doc.publisher
        return Speaker(name=None, actor=actor, via="publisher")
    heads = set(data_heads())
    for b in blocks:
        for m in _VOICE.finditer(b.text):
            words = m.group("org").split()
            if words and words[-1] in heads:
                return Speaker(name=None, actor=" ".join(words), via="publisher")
    return None


def data_heads() -> list[str]:
    from ..lexicons import data
    return [h for h in data("titles").get("organisation_heads", []) if h not in ("Government", "Ministry", "Office")]
