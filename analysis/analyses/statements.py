"""Document -> statements: direct quotes and reported speech, each with speaker, actor and exact span.

A passage is cut into segments (sentences, merged where a quotation runs over several);
each segment that carries speech (speech.attribute) (a quotation, a speech or stance verb with a subject, a
reporting frame such as "according to", or a press-release speaker turn) is attributed;
consecutive segments of one speaker in one passage form one statement.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..actors import Gazetteer
from ..lexicons import cues, pattern
from ..model.document import Block, Document, Footnote
from ..model.findings import SourceSpan, Statement
from .article_subject import it_is_subject_state, subject_state
from .person_actor import with_actors
from .attribution import People, Speaker, from_turn, is_title, person_names, resolve_phrase, title_patterns
from .confidence import grade
from .letters import in_heading, is_formula, is_signature, letter_parts, part_at
from .principles import invoked
from .speech import Segment, attribute, opening_speaker, real_verbs, reporting_verb, segments
from .text import quotations
from .verbatim import turn_at, verbatim_turns
from .voice import first_person_subject, own_voice

# compiled once: these run in hot loops, where re's own cache lookup per call was measurable
_ITS_THEIR = re.compile(r"(?i)\b(?:its|their)\s+(?:[\w-]+\s+){0,2}?([\w-]+)")
_PARENTHESIS = re.compile(r"\s*\(([^()]{2,60})\)")
_OF_NAME = re.compile(r"\s+of\s+((?:the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)")

_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z\u00e0-\u024f]{2,}")


def _same_speaker(a: Speaker, b: Speaker) -> bool:
    """One speaker named twice ("JANE DOE (Utopia)" and "Jane Doe"), not two with the same descriptor."""
    if a.actor and b.actor and a.actor != b.actor:
        return False
    return (a.name or "").lower() == (b.name or "").lower() or (a.actor is not None and a.actor == b.actor
                                                                  and not (a.person and b.person))


def _possessive_role(text: str, seg: Segment, sp: Speaker) -> bool:
    """The speaker is introduced as "its/their delegate", "according to its representative"."""
    titles, anon = title_patterns()
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
    titles, anon = title_patterns()
    i = text.find(name)
    if i < 0:
        return False
    window = text[max(0, i - 110):i] + " " + text[i + len(name):i + len(name) + 60]
    return bool(titles.search(window) or anon.search(window))


def _prescan(doc: Document, gaz: Gazetteer, people: People) -> None:
    """Meet every titled person once before attributing, so a later bare surname resolves.

    The person's affiliation comes from the words right before the name ("his Utopian
    counterpart Jane Doe", "Utopia's Foreign Minister Jane Doe") or a parenthesis after it."""
    titles, _ = title_patterns()
    for p in doc.passages():
        text = p.text
        for s, e, name in person_names(text, gaz):
            tail = text[e:e + 60]
            paren = _PARENTHESIS.match(tail) or _OF_NAME.match(tail)
            lead = _noun_phrase_before(text, s)
            if not (titles.search(lead) or (paren and gaz.find(paren.group(1)))):
                continue  # "The X Force (Y Police)": a parenthesis naming no known actor gives no person
            links = [ln.target for ln in getattr(p, "links", ()) if s - len(lead) - 1 <= ln.start < s]
            sp = resolve_phrase(f"{lead} {name}" + (f" ({paren.group(1)})" if paren else ""), gaz, people, links)
            people.add(name, sp.actor if sp else None)


_NP_WORD = re.compile(r"(?:[A-Z][\w'\u2019.-]*|of|the|for|and|to|-|\w+['\u2019]s)$")


_HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Jr.", "Sr."})


def _noun_phrase_before(text: str, pos: int) -> str:
    """The title-and-affiliation words just before a name, stopping at a verb or a pronoun."""
    words = text[max(0, pos - 120):pos].split()
    keep: list[str] = []
    for w in reversed(words):
        bare = w.strip(",")
        if (w.endswith(",") and keep) or bare == "and":
            break
        if bare.endswith(".") and "." not in bare[:-1] and not is_title(bare) and bare not in _HONORIFICS:
            break  # "... observer status in the SCO. Foreign Minister X": the sentence before
        if _NP_WORD.match(bare) or is_title(bare):
            keep.insert(0, bare)
        else:
            break
    while keep and keep[0].lower() in ("of", "the", "for", "and", "to", "-"):
        keep.pop(0)
    return " ".join(keep)


@lru_cache(maxsize=1)
def _work_noun_before() -> re.Pattern:
    words = "|".join(re.escape(w) for w in cues()["work_titles"])
    return re.compile(r"\b(?:" + words + r")\s*[:,]?\s*\W?$", re.I)


def _title_of_a_work(text: str, start: int) -> bool:
    """A quotation right after 'our recent policy analysis', 'a report entitled': the title of a
    work, nobody's words (it had made a note's own analysis a statement of the state it names)."""
    return bool(_work_noun_before().search(text[max(0, start - 40):start]))


def statements(doc: Document, gaz: Gazetteer, principles) -> tuple[Statement, ...]:
    """All statements in `doc`, in reading order, ids ``<doc>-s<n>``."""
    people = People(context=_document_context(doc, gaz))
    _prescan(doc, gaz, people)
    out: list[Statement] = []
    last: Speaker | None = None
    turn_label, turn_speaker, turn_first = None, None, None
    passages = doc.passages()
    letters = letter_parts([p for p in passages if not isinstance(p, Footnote)], gaz, _heading(doc), people)
    voice = None if letters else own_voice(doc, gaz)
    turns = verbatim_turns([p.text for p in passages], gaz, people) if not letters else ()
    carried: tuple[Speaker, str] | None = None
    state = subject_state(doc, gaz) if not letters and not turns else None
    in_list = False  # inside the items a sentence ending in a colon introduced
    after_lead_in = False  # the passage before ends by introducing what follows ("... stating that:")
    heads, tails = sentence_breaks(doc)  # blocks a sentence runs over (a PDF's blank line cut it)
    for index, passage in enumerate(passages):
        text = passage.text
        if not text.strip() or getattr(passage, "role", None) == "small-print":
            continue  # a notice or a table's labels in small print: nobody's words
        in_list = in_list and list_item(passage)
        # a block that is one quotation, after a block that ends by introducing it
        quoted_text = after_lead_in and _opens_with_quote(text) and not _LOWER_WORD.search(_outside_quotes(text))
        after_lead_in = lead_in(text)
        # "• Clarification of ...": the item's first sentence is the tail of the one introducing the list
        tail = (in_list and list_tail(text)) or passage.anchor in tails
        introduces = introduces_list(passages, index)
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
                    if _is_dateline(text, passage.context):
                        turn_speaker = None  # "KHAN YOUNIS, GAZA — ...": a place and a date, no speaker
                turn = turn_speaker
                if turn_first != passage.anchor:
                    turn_rule = "speaker-turn-continuation"
        quotes = [q for q in quotations(text, emphasis) if not _title_of_a_work(text, q.start)]
        segs = segments(text, quotes)
        if is_block and passage.role == "speaker-turn" and passage.context and segs:
            if pattern("procedural").search(text[segs[0].start:segs[0].end]):
                # "The President then read out the statement", "Also speaking were ...": the turn is over
                turn_speaker = turn = None
                segs = [sg for sg in segs if not pattern("procedural").search(text[sg.start:sg.end])]
            # "The representative of X said ..." opens a turn the reader could not see (no name in capitals)
            opener = opening_speaker(text, segs[0], gaz, people, links, last) if segs else None
            if opener and (turn is None or not _same_speaker(opener, turn)):
                turn_speaker = turn = opener
                turn_rule = "speaker-turn"
                turn_first = passage.anchor
        letter_index = index if not isinstance(passage, Footnote) else None
        runs: list[tuple[Speaker, int, int, bool, str]] = []
        # a paragraph that opens with a quotation continues the one quoted at the end of the
        # paragraph before (news style: a quotation left open runs on into the next paragraph)
        quoted = carried[0] if carried and _opens_with_quote(text) else None
        carried_rule = carried[1] if quoted is not None else ""
        for seg in segs:
            part = None
            if tail and seg is segs[0]:
                continue
            if letters and letter_index is not None:
                head_end = in_heading(letters, _block_index(passages, index), seg.start, seg.end)
                if head_end is not None:
                    if head_end >= seg.end:
                        continue  # the heading itself: who writes to whom, not what is said
                    seg = _trimmed(text, Segment(head_end, seg.end, seg.quotes))
                    if seg is None:
                        continue
                if is_signature(text) or \
                        is_formula(text[seg.start:seg.end], whole=not text[:seg.start].strip() and not text[seg.end:].strip()):
                    runs.append((None, seg.start, seg.end, False, ""))  # ends a run: nobody's words
                    continue
                part = part_at(letters, _block_index(passages, index), seg.start)
            if turns and turn is None:
                held = turn_at(turns, index, seg.start)
                if held is not None and held.speaker is None:
                    continue  # the chair's procedure ("I now give the floor to ...")
                if held is not None:
                    # "Mr. X (Utopia): ..." holds the floor until the next speaker
                    sp, speech = held.speaker, True
                    rule = "speaker-turn" if held.passage == index and seg.start <= held.start + 3 else \
                        "speaker-turn-continuation"
                else:
                    sp, speech, rule = attribute(text, seg, gaz, people, links, last, row_actor, turn)
            else:
                sp, speech, rule = attribute(text, seg, gaz, people, links, last, row_actor, turn)
            if rule == "speaker-turn":
                rule = turn_rule
            if rule == "speech-verb-subject" and subordinate_speech(text, seg):
                rule = "speech-verb-in-subordinate-clause"  # "when X noted ..., it ended ...": the author's narration
            if sp is None and quoted is not None and (
                    (seg.quotes and not text[seg.start:seg.quotes[0].start].strip(" \"\u201c\u2018'*_"))
                    or text[seg.start:seg.start + 1] in ("\u201c", '"')):
                # "...," said X. "More words." / X said. "A quotation left open to the next paragraph
                sp, speech, rule = quoted, True, carried_rule or "quote-continuation"
            elif sp is None and quoted is not None and _resumed_quote(text, seg):
                # '... ," Doe said. Latvian President Ozols "has put aside ...": the quotation goes on
                # with its subject named outside the marks; the words are still the one quoted before
                sp, speech, rule = quoted, True, "quote-resumed"
            carried_rule = ""
            if sp is None and state and part is None and turn is None and not seg.quotes:
                verbs = real_verbs(text, seg)
                if verbs and it_is_subject_state(text, seg.start, verbs[0].start(), state, gaz, [g.start for g in segs]):
                    # "In 1993, it established relations with ...": the country the article is about
                    sp, speech, rule = Speaker(name=None, actor=state, via="article-subject"), True, "pronoun-resolved"
            if voice and part is None and turn is None and first_person_subject(text, seg):
                sp, speech, rule = voice, True, "publisher-first-person"  # the writer's own "we", "our case"
            quoted = sp if sp is not None and sp.person and rule in (
                "quote+named-speaker", "quote-continuation", "pronoun-resolved", "speech-verb-subject",
                "quote-next-paragraph", "quote-resumed") else None
            if part is not None and part.actor and (part.kind == "resolution" or
                                                     not _reports_another(text, seg, sp, speech, part.actor)):
                # a letter speaks for its writer's state throughout, but for the words it reports;
                # a resolution is the adopting organ's words, every paragraph of it
                rule = {"resolution": "resolution-author", "speech": "speech-author"}.get(part.kind, "letter-signatory")
                sp = Speaker(name=part.speaker, actor=part.actor, person=bool(part.speaker and "," not in
                             part.speaker and " and " not in part.speaker),
                             via="letter-joint" if part.joint else rule)
                speech = True
            if procedural_segment(text, seg) and rule in ("speaker-turn", "speaker-turn-continuation"):
                continue  # procedure inside a turn belongs to nobody
            if not speech or sp is None or _LOWER_WORD.findall(text, seg.start, seg.end)[1:2] == []:
                continue  # a ballot line, a table row in capitals, "2/5": not a sentence anyone said
            if _STAGE_NOTE.fullmatch(text, seg.start, seg.end):
                continue  # "(spoke in French)", "(Applause)": the record's note, nobody's words
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
            if sp.person and sp.name and rule not in _DOCUMENT_VOICE:
                people.add(sp.name, sp.actor)
            if (sp.name or sp.actor) and rule not in _DOCUMENT_VOICE:
                last = sp if sp.person or sp.name else last
            if seg is segs[-1] and (lead_in(text[seg.start:seg.end]) or passage.anchor in heads):
                continue  # "We therefore request:", "... stating that:" without what they introduce: a fragment
            direct = bool(seg.quotes)
            if runs and runs[-1][0] is not None and runs[-1][0].key() == sp.key() and runs[-1][2] <= seg.start \
                    and rule != "quote-resumed":  # (a resumed quotation is less sure: it stands on its own)
                s0 = runs[-1]
                runs[-1] = (s0[0], s0[1], seg.end, s0[3] or direct, s0[4])
            else:
                runs.append((sp, seg.start, seg.end, direct, rule))
        in_list = introduces or in_list  # the items run on until a passage that is not one
        carried = None
        if quoted is not None and not letters and not turns:
            carried = (quoted, "quote-continuation" if _left_open(text) else "quote-next-paragraph")
        for sp, start, end, direct, rule in runs:
            if sp is None:
                continue
            words = text[start:end]
            found, violated = invoked(words, principles)
            confidence, basis = grade(rule, sp)
            if _CAPTION.match(words):
                # "26 observers injured by shelling.": a table's caption, no sentence anyone wrote out
                confidence, basis = "medium", basis + ("caption-without-verb",)
            if quoted_text and direct and rule in _DOCUMENT_VOICE + ("speaker-turn", "speaker-turn-continuation"):
                # '... stating that:' / '"Pending a decision, X shall ..."': the text the speaker quotes
                confidence, basis = "medium", basis + ("quotation-after-lead-in",)
            out.append(Statement(
                id=f"{doc.id}-s{len(out) + 1}", doc=doc.id, anchor=passage.anchor,
                speaker=sp.name, actor=sp.actor, kind="direct" if direct else "reported", text=words,
                person=sp.person,
                span=SourceSpan(passage.anchor, start, end, words),
                principles=found, violated=violated, confidence=confidence, basis=basis))
    return with_actors(tuple(out), doc, people, gaz)


_OPEN_MARKS = "\u201c\"\u00ab"
_STAGE_NOTE = re.compile(r"\s*\([^()]*\)[\s.]*")
"""A sentence that is all in brackets: a verbatim record's note on the speaker ("(spoke in French)")."""


def _opens_with_quote(text: str) -> bool:
    return text.lstrip(" *_")[:1] in _OPEN_MARKS


_CAPTION = re.compile(r"^\W*\d[\d,.]*\s+(?:(?!(?:were|was|are|is|have|has|had|been|being|remain|remained)\b)[\w'\u2019/-]+\s+){0,4}?(?:killed|injured|wounded|abducted|kidnapped|arrested|"
                      r"detained|displaced|missing|dead)\b(?![^.;]*\b(?:were|was|are|is|have|has|had)\b)[^.;]*[.;]?\s*$")


_QUOTED_SPAN = re.compile(r"[\u201c\"\u00ab][^\u201d\"\u00bb]*[\u201d\"\u00bb]?")


def _outside_quotes(text: str) -> str:
    """The words of a passage outside its quotation marks."""
    return _QUOTED_SPAN.sub(" ", text)


def _left_open(text: str) -> bool:
    """The paragraph ends inside a quotation: more opening marks than closing ones."""
    if "\u201c" in text or "\u201d" in text:
        return text.count("\u201c") > text.count("\u201d")
    return text.count('"') % 2 == 1


_RESUMED = re.compile(r"\s*(?:[A-Z][\w'\u2019.-]*\s+){1,8}[\u201c\"](?=[a-z])")


def _resumed_quote(text: str, seg: Segment) -> bool:
    """A sentence made of a capitalised subject and a quotation opening in lower case, with no
    verb outside the marks: 'Latvian President Janis Ozols "has put aside his plans ..."'."""
    m = _RESUMED.match(text, seg.start)
    return bool(m and seg.quotes and seg.quotes[0].start <= m.end() and len(seg.quotes[0].text.split()) >= 4)


_DASH = re.compile(r"\s*(?:[,(][^\u2014\u2013]{0,40})?\s+[\u2014\u2013-]+\s")


def _is_dateline(text: str, label: str) -> bool:
    """The passage opens with the label and a dash: a news dateline, not a speaker's name."""
    head = text.lstrip(" *_")
    first = label.split(",")[0].strip()
    return head[:len(first)].lower() == first.lower() and bool(_DASH.match(head, len(first)))


_DOCUMENT_VOICE = ("letter-signatory", "resolution-author", "speech-author")
"""Rules that give a sentence to the document's writer: not a speaker met in the text."""


def _heading(doc: Document) -> str | None:
    """The document's title with the heading lines that follow it (a title wrapped over lines)."""
    lines = [doc.title or ""]
    for b in doc.blocks:
        if b.kind != "heading":
            break
        lines.append(b.text)
    return " ".join(x for x in lines if x).strip() or None


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


_LIST_MARK = re.compile(r"^\s*(?:[\u2022\u25aa\u25e6\u00b7\u2023*\-\u2013\u2014]|\(?[a-z0-9]{1,3}[.)])\s+")


def list_item(passage) -> bool:
    """A bullet or a numbered or lettered item: "• ...", "- ...", "(a) ...", "2. ..."."""
    return getattr(passage, "role", None) == "list-item" or bool(_LIST_MARK.match(passage.text))


_TAIL_OPENING = re.compile(r"(?i)^\W*(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:that|to|[a-z]+ing)\b")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")


def list_tail(text: str) -> bool:
    """An item that goes on with the sentence introducing the list: it stops short of a full stop
    ("...;", no stop at all) or opens as a clause of that sentence ("That ...", "Eroding ...")."""
    return not _SENTENCE_END.search(text) or bool(_TAIL_OPENING.match(text))


_OPENS_LOWER = re.compile(r"^[\s\"'\u201c\u2018(*_]*[a-z\u00df-\u00f6\u00f8-\u00ff]")
_FUNCTION_WORDS = frozenset("a an the of to in on at by for from with and or but as that which who including "
                            "such than between among into over under".split())
_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f][\w'\u2019-]*")
_TITLE_LINE = re.compile(r"^\W*(?:(?:Identical\s+)?[Ll]etters?\s+dated|Note\s+verbale|Annex|Enclosure|Address|Statement|"
                         r"Speech|Remarks|Report|Resolution|Decision)\b")


def sentence_breaks(doc: Document) -> tuple[frozenset[str], frozenset[str]]:
    """Anchors of the blocks whose first sentence goes on with a sentence the block right before left
    without its end (a PDF's blank line or page break cut it): the block opens in lower case after one
    with no full stop, or the block before is a sentence's head ("According to the latest Review of
    the", "On 2 May, four observers, including"): no closing punctuation, six words or more, and a
    lower-case word that is not a function word (a heading in title case has none; "Mr. President,"
    ends in a comma), and it stops on a function word or a capitalised one, inside a phrase.
    Returns (heads, tails): the anchors of the blocks that end with a sentence's head and of those
    that open with its tail; the document's first block is its title, no sentence's head. Only the first sentence is the tail; the rest of the block is whole."""
    out = []
    blocks = doc.blocks
    for before, block in zip(blocks[1:], blocks[2:]):
        head, text = before.text.rstrip(), block.text
        if not head or not text.strip() or before.kind == "heading" or block.kind == "heading" \
                or _SENTENCE_END.search(head) or list_item(block):
            continue
        if _OPENS_LOWER.match(text):
            out.append(block.anchor)  # (the first block is the title: skipped above)
            continue
        words = _LETTERS.findall(head)
        if not head[-1:].isalnum() or len(words) < 6 or before.role in ("table-row", "list-item") \
                or list_item(before) or _TITLE_LINE.match(head) or head == (doc.title or "").strip():
            continue
        if text.lstrip(" *_")[:1] in _OPEN_MARKS:
            continue  # a quotation opens a sentence of its own
        if any(w[:1].islower() and w.lower() not in _FUNCTION_WORDS for w in words) \
                and (words[-1].lower() in _FUNCTION_WORDS or words[-1][:1].isupper()):
            # "..., including" or "... of the Regional Grain": the head stops inside a phrase; a head
            # ending in a content word ("... in international relations") more likely lost its full stop
            out.append(block.anchor)
    tails = frozenset(out)
    return frozenset(b.anchor for b, n in zip(blocks, blocks[1:]) if n.anchor in tails), tails


_LEAD_IN = re.compile(r"[:\u2013\u2014-][\"'\u201d\u2019)]*\s*$")
_AS_FOLLOWS = re.compile(r"\b(?:as\s+follows|the\s+following)\s*[.:]?[\"'\u201d\u2019)]*\s*$", re.I)
_HONOUR = re.compile(r"\bhave\s+the\s+honou?r\s+to\b", re.I)


def lead_in(sentence: str) -> bool:
    """A sentence that only introduces what follows: it ends in a colon ("... stating that:"), or it
    is a short one or a transmittal ending "as follows" ("I have the honour to bring to your attention
    the recent developments, as follows."); without what it introduces it is a fragment. A long
    sentence that says something before its "as follows" keeps it."""
    sentence = sentence.rstrip()
    if _LEAD_IN.search(sentence):
        return True
    return bool(_AS_FOLLOWS.search(sentence) and (_HONOUR.search(sentence) or len(sentence.split()) <= 12))


def introduces_list(passages, index: int) -> bool:
    """The passage ends in a colon and list items follow it."""
    if not passages[index].text.rstrip().endswith(":"):
        return False
    after = next((p for p in passages[index + 1:] if p.text.strip()), None)
    return after is not None and list_item(after)


_FRONTED = re.compile(r"\W*(?:(?:Thus|So|But|And|However|Then|Yet|Indeed),?\s+)?(?:when|whenever|after|once|while|"
                      r"since|because|although|though|if|before|until)\s+", re.I)


def subordinate_speech(text: str, seg: Segment) -> bool:
    """The segment's speech verb stands in a fronted subordinate clause ("Thus, when the OSCE noted
    security risks ..., it effectively ended the voting"): the sentence is the author's, about the act."""
    m = _FRONTED.match(text, seg.start)
    if m is None:
        return False
    comma = text.find(",", m.end(), seg.end)
    verbs = real_verbs(text, seg)
    return comma > 0 and bool(verbs) and verbs[0].start() < comma and bool(text[comma + 1:seg.end].strip(" .\"'"))


def procedural_segment(text: str, seg: Segment) -> bool:
    return bool(pattern("procedural").search(text[seg.start:seg.end]))


_WRITER_JUDGES = re.compile(r"(?i)^\W*(?:(?:regrettably|unfortunately|sadly|deplorably|once\s+again|yet\s+again),|"
                            r"it\s+is\s+(?:\w+\s+){0,2}?(?:regrettable|unfortunate|deplorable|lamentable|disappointing|"
                            r"telling|noteworthy|clear|evident|ironic|surprising|worrying|alarming|unacceptable|"
                            r"shameful|notable|deeply\s+concerning|concerning)\s+that\b)")
"""The writer's own judgement opening a sentence about another's words: the sentence is the writer's."""
_FIRST_PERSON = re.compile(r"(?i)(?<![\w-])(?:we|i|our|my|us)(?![\w-])")
def _reports_another(text: str, seg: Segment, sp: Speaker | None, speech: bool, actor: str) -> bool:
    """Inside a letter, the segment reports someone else's words: a communication verb (not
    a deed such as "rejected" or "refused") whose subject is another speaker, or a quotation
    given to another; the writer's own "we regret that X rejected" stays the writer's."""
    if not speech or sp is None or sp.actor == actor or not (sp.actor or sp.name):
        return False
    verbs = [v for v in real_verbs(text, seg) if reporting_verb().fullmatch(v.group())]
    if not verbs and not seg.quotes:
        return False
    head = text[seg.start:verbs[0].start()] if verbs else text[seg.start:seg.quotes[0].start]
    return not (_FIRST_PERSON.search(head) or _WRITER_JUDGES.search(head))

