"""Statements + questions -> each statement's question and stance, then positions per actor.

Stance is read from cue words (lexicons/cues.json "stance"), turned by negation ("did not
recognise", "refused to back"), by a negative object ("condemned terrorism" backs action
against it), and by principles: upholding a principle that others in the corpus say the
question's act violates counts against the act. An actor whose own act others condemn
(``X's decision``, ``recognition ... by X``) is the act's proponent and supports it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from ..config import Question
from ..lexicons import pattern
from ..model.document import Document
from ..model.findings import Position, Statement
from .principles import invoked
from .text import sentences

MIXED_RATIO = 0.34


@dataclass(frozen=True, slots=True)
class Topic:
    """A question as the analysis uses it: configured, or implied by a document's title."""

    id: str
    label: str
    terms: tuple[str, ...]

    def pattern(self) -> re.Pattern:
        return _terms_pattern(self.terms)


@lru_cache(maxsize=256)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms) + r")",
                      re.IGNORECASE)


def topics(questions: Sequence[Question]) -> list[Topic]:
    return [Topic(q.id, q.label, q.terms) for q in questions]


def main_topic(doc: Document, tops: list[Topic]) -> Topic:
    """The configured question a document is mainly about (title first, then its text), or one
    implied by its title when no configured question fits."""
    head = " ".join(filter(None, [doc.title] + [b.text for b in doc.blocks[:6]]))
    body = " ".join(p.text for p in doc.passages())
    best, best_score = None, 0.0
    for t in tops:
        pat = t.pattern()
        score = 5 * len(pat.findall(doc.title or "")) + 2 * len(pat.findall(head)) + len(pat.findall(body)) / 10
        if score > best_score:
            best, best_score = t, score
    if best is not None and best_score >= 1:
        return best
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w-]{3,}", doc.title or "") if w.lower() not in _STOP]
    return Topic(f"{doc.id}-topic", doc.title or doc.id, tuple(words[:6]) or ("recogni",))


_STOP = {"from", "with", "that", "this", "into", "between", "against", "their", "about", "after", "before",
         "calls", "call", "statement", "difference", "revisions", "making", "tool"}


def _window_has(pat: re.Pattern, text: str, start: int, end: int) -> bool:
    return bool(pat.search(text, max(0, start), min(len(text), end)))


def cue_scores(text: str, topic_pat: re.Pattern, against: set[str], favour: set[str], principles,
               names_proponent=lambda _t: False, upheld=(), violated=(), trace: list | None = None
               ) -> dict[str, float]:
    """Support/oppose/neutral weights of one statement's words towards the topic's act.

    A cue counts when it is about the act: the cue is itself a topic word ("recognise"), or
    its object names the topic, the act's proponent or a principle. A cue whose object is a
    principle takes the principle's side (upholding a principle the act is said to violate
    opposes the act). Generic urging ("must", "called for") counts half, and only in a
    sentence about the topic.
    """
    scores = {"support": 0.0, "oppose": 0.0, "neutral": 0.0}
    neg = pattern("stance", "negators")
    bad = pattern("stance", "negative_objects")
    generic = pattern("stance", "generic_support")
    directive = pattern("stance", "directive")
    frames = pattern("stance", "non_stance_frames")
    acts = pattern("act_nouns")
    evaluative = re.compile(r"(?i)violat|breach|undermin|contrary|inconsistent|jeopardi|infring")
    for sent in sentences(text):
        t = sent.text
        about = bool(topic_pat.search(t))
        taken: list[tuple[int, int]] = []
        for kind in ("neutral", "oppose", "support", "directive", "generic"):
            pat = {"generic": generic, "directive": directive}.get(kind) or pattern("stance", kind)
            for m in pat.finditer(t):
                if any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                after = t[m.end():m.end() + 150]
                obj = re.split(r"[.;]|\b(?:but|while|whereas|although)\b", after)[0]
                if re.match(r"\s*(?:by|from)\b", after):
                    continue  # "criticism by others": someone else's stance
                label = "oppose" if kind == "oppose" else "neutral" if kind == "neutral" else "support"
                weight = 0.5 if kind == "generic" else 1.0
                if kind == "directive":
                    # "called on X to ..." carries the stance of what it asks for: counted through
                    # the cues inside; asked of the act's proponent it opposes the act
                    if names_proponent(obj[:70]):
                        scores["oppose"] += 1.0
                        if trace is not None:
                            trace.append((m.group(), "oppose", 1.0))
                    continue
                if topic_pat.search(m.group()) and re.search(r"(?:tion|sion|ment|ance|ence)s?$", m.group()):
                    continue  # "the annexation": the act's own name is no stance on it
                if kind == "support" and topic_pat.search(m.group()) and re.search(
                        r"(?:^|\s)(?:decision|move|plans?|intention|attempt|bid|efforts?)\s+to\s+$|"
                        r"(?:^|\s)(?:the|its|their|his|her)\s+$", t[max(0, m.start() - 20):m.start()]):
                    continue  # "the decision to recognise" names the act, it takes no stance on it
                if kind == "neutral":
                    scores["neutral"] += weight
                    if trace is not None:
                        trace.append((m.group(), "neutral", weight))
                    continue
                side = _principle_side(obj, principles, against, favour)
                if kind == "generic":
                    if not about:
                        continue
                elif side is None and not (topic_pat.search(m.group()) or topic_pat.search(obj)
                                           or names_proponent(obj) or acts.search(obj[:60])):
                    subject = t[:m.start()]
                    if not (evaluative.match(m.group()) and topic_pat.search(subject)):
                        continue
                    if bad.search(subject):
                        label = "support"  # "crime undermines the state": backs action against the crime
                if side is not None and label == "support":
                    label = side  # "supports the territorial integrity of X" takes the principle's side
                elif side is not None and label == "oppose":
                    label = "oppose" if side == "oppose" else "support"
                else:
                    possessor = re.search(r"(?:^|\s)(?:the\s+)?([\w.'\u2019 -]{1,40}?)['\u2019]s\s+(?:stance|position|"
                                         r"statement|view|proposal|declaration)", obj[:70])
                    if possessor and label == "support" and not names_proponent(possessor.group(1)):
                        continue  # backing another party's statement says nothing about the act
                if _third_party(text, sent.start + m.start(), t[:m.start()]):
                    continue  # inside a quotation, "he ... recognised" tells of someone else
                before = t[max(0, m.start() - 28):m.start()]
                flips = 1 if (neg.search(before) and not re.search(r"[.;,]", before[-6:])) else 0
                head = re.split(r"\s(?:against|for|to|on|in|with|by|and|of|from)\s|,", " " + obj, maxsplit=1)[0]
                if bad.search(head) and not names_proponent(head):
                    flips += 1  # "condemned trafficking": against the bad thing, for the act
                if flips % 2:
                    label = "oppose" if label == "support" else "support"
                scores[label] += weight
                if trace is not None:
                    trace.append((m.group(), label, weight))
    for p in upheld:  # the statement's own principles, weighed by what the act is said to violate
        if p in against:
            scores["oppose"] += 1.0
        elif p in favour:
            scores["support"] += 1.0
    for p in violated:
        if p in against:
            scores["oppose"] += 0.5
    return scores


def _third_party(text: str, pos: int, sentence_head: str) -> bool:
    """A cue inside quoted words whose subject is a third person ("he", "who") is not the speaker's."""
    head = text[:pos]
    opened = head.count("\u201c") - head.count("\u201d") + head.count('"') % 2
    if opened <= 0:
        return False
    inside = re.split(r"[\u201c\"]", sentence_head)[-1]  # only the quoted words speak for the quoted
    clause = re.split(r"[,;:]", inside)[-1]
    return bool(re.search(r"(?i)\b(?:he|she|they|who)\b(?!.*\b(?:I|we)\b)", clause))


def _principle_side(obj: str, principles, against: set[str], favour: set[str]) -> str | None:
    for p in principles:
        if p.id in against and p.pattern.search(obj):
            return "oppose"
        if p.id in favour and p.pattern.search(obj):
            return "support"
    return None


_STRONG = re.compile(r"(?i)support|back|welcom|endors|commend|sided|recogni|approv|favou?r|hail|pleased|shares")


def _strong(word: str) -> bool:
    return bool(_STRONG.match(word))


def verdict(scores: dict[str, float]) -> str | None:
    s, o, n = scores["support"], scores["oppose"], scores["neutral"]
    if s == o == n == 0:
        return None
    if s and o and min(s, o) / max(s, o) >= MIXED_RATIO and min(s, o) >= 1:
        return "mixed"
    if n >= max(s, o) and n > 0:
        return "neutral"
    return "support" if s > o else "oppose" if o > s else ("neutral" if n else "mixed")


def combine(stances: Sequence[str]) -> str:
    """An actor's stance from its statements': mixed when both sides are there and the smaller
    is more than a third of the larger."""
    pro = sum(1 for x in stances if x in ("support", "mixed"))
    con = sum(1 for x in stances if x in ("oppose", "mixed"))
    if pro and con and min(pro, con) / max(pro, con) > 1 / 3:
        return "mixed"
    if pro > con:
        return "support"
    if con > pro:
        return "oppose"
    return "neutral" if "neutral" in stances or not stances else "mixed"


def proponents(stmts: Sequence[Statement], topic: Topic, gaz) -> dict[str, str]:
    """Actors whose act on the topic others condemn or call a violation: actor -> evidence text."""
    pat = topic.pattern()
    opp = pattern("stance", "oppose")
    acts = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?" + pattern("act_nouns").pattern)
    found: dict[str, str] = {}
    for st in stmts:
        for sent in sentences(st.text):
            t = sent.text
            if not pat.search(t) or not opp.search(t):
                continue
            for m in gaz.find(t):
                if m.name == st.actor or (gaz.entry(m.name) or {}).get("kind") not in ("state", "organisation",
                                                                                      "de-facto-state"):
                    continue
                tail = t[m.end:m.end + 40]
                before = t[max(0, m.start - 12):m.start]
                possessive = tail.startswith(("'s", "\u2019s")) and bool(acts.match(tail[2:]))
                agent = re.search(r"\bby\s+(?:the\s+)?$", before)
                if (possessive or agent) and m.via not in ("capital",):
                    found.setdefault(m.name, t)
    return found


def title_proponent(doc: Document, gaz) -> dict[str, str]:
    """A headline that opens with an organisation or organ ("Council adopts ...") names the act's author."""
    if not doc.title:
        return {}
    found = gaz.find(doc.title)
    if found and found[0].start <= 4 and found[0].kind in ("organ", "organisation"):
        return {found[0].name: doc.title}
    return {}


def assign(stmts: Sequence[Statement], doc: Document, tops: list[Topic], principles_against: dict,
           gaz, principle_list=()) -> tuple[tuple[Statement, ...], Topic, dict[str, str]]:
    """Give every statement its question and stance."""
    main = main_topic(doc, tops)
    props = proponents(stmts, main, gaz) | title_proponent(doc, gaz)

    def names_proponent(text: str) -> bool:
        return any(m.name in props for m in gaz.find(text))

    body = " ".join(p.text for p in doc.passages())
    # another question takes a statement only when the document really discusses it
    present = [t for t in tops if t is not main and len(t.pattern().findall(body)) >= 3]
    out = []
    for st in stmts:
        topic = main
        for t in present:
            if t.pattern().search(st.text) and not main.pattern().search(st.text):
                topic = t
        against, favour = principles_against.get(topic.id, (set(), set()))
        scores = cue_scores(st.text, topic.pattern(), against, favour, principle_list, names_proponent,
                            [p for p in st.principles if p not in st.violated], st.violated)
        stance = verdict(scores)
        key = _key_sentence(st, stance, lambda t: cue_scores(t, topic.pattern(), against, favour, principle_list,
                                                            names_proponent))
        if st.actor in props:
            stance = "support"
        out.append(replace(st, question=topic.id, stance=stance, key=key))
    return tuple(out), main, props


def _key_sentence(st: Statement, stance: str | None, score) -> str:
    """The sentence that carries the statement's stance, else its first quotation or principle, else its first."""
    sents = [x.text for x in sentences(st.text)]
    if len(sents) <= 1:
        return st.text
    if stance in ("support", "oppose", "neutral"):
        best = max(sents, key=lambda t: score(t)[stance])
        if score(best)[stance] > 0:
            return best
    for t in sents:
        if "\u201c" in t or '"' in t:
            return t
    return sents[0]


def principle_sides(stmts: Sequence[Statement], tops: list[Topic], gaz=None,
                    props: dict[str, set[str]] | None = None) -> dict[str, tuple[set, set]]:
    """Per topic: principles the corpus says the act violates (against it) or that it serves (for it).

    An accusation counts when the words before it name the act (a topic word) or its proponent,
    so "crime undermines the rule of law" does not set the rule of law against action on crime."""
    sides: dict[str, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    accuse = re.compile(r"(?i)violat|breach|undermin|contrary to|inconsistent with|infring|disregard|flout")
    bad = pattern("stance", "negative_objects")
    for st in stmts:
        if not st.violated:
            continue
        for t in tops:
            if st.question != t.id and not t.pattern().search(st.text):
                continue
            for sent in sentences(st.text):
                for m in accuse.finditer(sent.text):
                    before = sent.text[:m.start()]
                    named = t.pattern().search(before) or (gaz and props and any(
                        x.name in props.get(st.doc, ()) for x in gaz.find(before)))
                    if named and not bad.search(before[-60:]):
                        found, violated = invoked(sent.text[m.start():], _principles_cache())
                        sides[t.id][0].update(v for v in violated if v in st.violated)
    for tid, (against, favour) in sides.items():
        favour.update({"self-determination"} - against)
    return dict(sides)


def _principles_cache():
    from ..lexicons import principles
    return principles()


def positions(stmts: Sequence[Statement], doc_id: str, props: dict[str, str]) -> tuple[Position, ...]:
    """One position per (actor, question) with a stance; the deciding statement first."""
    groups: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for st in stmts:
        who = st.actor
        if who and st.question and st.stance:
            groups[(who, st.question)].append(st)
    out = []
    for (actor, question), evidence in groups.items():
        stance = combine([st.stance for st in evidence])
        if actor in props:
            stance = "support"
        deciding = sorted(evidence, key=lambda s: (s.stance != stance, len(s.text)))[0]
        principles = tuple(dict.fromkeys(p for st in evidence for p in st.principles))
        out.append(Position(id=f"{doc_id}-pos{len(out) + 1}", doc=doc_id, actor=actor, question=question,
                            stance=stance, principles=principles,
                            evidence=tuple([deciding.id] + [s.id for s in evidence if s is not deciding]),
                            anchor=deciding.anchor, quote=deciding.key or deciding.text))
    return tuple(out)
