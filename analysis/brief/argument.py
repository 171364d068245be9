"""Sure findings -> the claims of the argument: one Claim per thing worth saying (how the actors divide on a
question, a tension, a precedent argument, a figure against its threshold, a disagreement between sources),
each with the findings it rests on and a weight. The executive summary writes them as prose and the key
findings as bullets; both cite every place a claim rests on. The rules are here so a reader can audit them:
a claim says only what its findings say, in fixed templates.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..analyses.across import Across
from ..analyses.compare import called, is_ceiling, verdict_words
from ..model.brief import nested_quotes
from ..model.findings import Position, Precedent
from .caps import CAP_ANNEX_ROWS
from .figures import threshold_comparisons
from .labels import capitalise, join_list, plural
from .numbering import Builder

NAMES_SHOWN = 3
"""Actors named per stance in a sentence; the rest are counted ("and 5 others")."""
QUOTE_WORDS = 30
"""A source's words quoted in the summary only up to this length (longer ones are cited, not quoted)."""


@dataclass(frozen=True, slots=True)
class Claim:
    kind: str
    """``division``, ``tension``, ``precedent``, ``threshold``, ``disagreement``, ``silence``."""
    sentence: str
    """The claim as a sentence of the summary (plain text; exact source words inside “ ”)."""
    bullet: str
    """The claim as a key finding: shorter, headline first."""
    places: tuple[tuple[str, str], ...]
    """(doc, anchor) of every finding the claim rests on."""
    finding: str
    """Id of the main finding."""
    weight: float
    """What makes it matter: actors involved, sources agreeing, contradiction (see `rank`)."""


def names(actors: Sequence[str]) -> str:
    """``A, B, C and D`` or ``A, B, C, D and 5 others``."""
    actors = list(actors)
    if len(actors) <= NAMES_SHOWN + 1:
        return join_list(actors)
    return ", ".join(actors[:NAMES_SHOWN]) + f" and {len(actors) - NAMES_SHOWN} others"


def one_per_actor(ps: Sequence[Position]) -> dict[str, list[Position]]:
    """Stance -> positions, one per actor (its best evidenced), actors with most evidence first.
    An actor recorded with different stances in different sources is left out here (see disagreements)."""
    stances: dict[str, set[str]] = defaultdict(set)
    best: dict[str, Position] = {}
    for p in ps:
        stances[p.actor].add(p.stance)
        if p.actor not in best or len(p.evidence) > len(best[p.actor].evidence):
            best[p.actor] = p
    out: dict[str, list[Position]] = defaultdict(list)
    for actor, p in sorted(best.items(), key=lambda kv: (-len(kv[1].evidence), kv[0])):
        if len(stances[actor]) == 1:
            out[p.stance].append(p)
    return out


def quoted(text: str) -> str:
    """“text” closing a sentence: a full stop after the closing mark unless the words end in one."""
    text = nested_quotes(text)
    return f"“{text}”" + ("" if text[-1:] in ".?!" else ".")


def quotable(text: str) -> bool:
    return len(text.split()) <= QUOTE_WORDS


SPEECH_RULES = frozenset({"speech-verb-subject", "speaker-turn", "speaker-turn-continuation", "letter-signatory",
                          "speech-author", "resolution-author", "reporting-frame"})
"""Statement rules that find the actor speaking ("Fiji said ...", a speaker's turn, a letter it signs)."""
OWN_QUOTE_WORDS = 6
"""Words in quotation marks that make a quotation the actor's words rather than a name the source quotes."""
_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")


def in_own_words(b: Builder, p: Position) -> bool:
    """Whether the words deciding a position are the actor's: said by a speaker the source names, reported
    as the actor's speech, or quoted at some length. The source's narration about an actor ("Prishtina,
    as well as the mediators, invited this by agreeing to call it the “Association ...”") is the author's
    account of the actor, and the summary says so."""
    said = {s.id: s for s in b.findings.statements}
    deciding = [said[e] for e in p.evidence[:1] if e in said]
    if not deciding:
        return True
    s = deciding[0]
    if s.speaker or SPEECH_RULES & set(s.basis):
        return True
    return any(len(q.split()) >= OWN_QUOTE_WORDS for q in _QUOTED.findall(s.text))


def narrated(b: Builder, ps: Sequence[Position]) -> str:
    """`` European Union's position is source B's account, not the actor's own words.`` or empty."""
    told = [p for p in ps if not in_own_words(b, p)]
    if not told:
        return ""
    keys = names(list(dict.fromkeys(b.key(p.doc) for p in told)))
    whose = names([f"{p.actor}'s" for p in told]) if len(told) <= NAMES_SHOWN + 1 else f"{len(told)} actors'"
    if len(told) == 1:
        return f" {whose} position is source {keys}'s account, not the actor's own words."
    return f" The positions of {names([p.actor for p in told])} are the account of source{'s' if ',' in keys or ' and ' in keys else ''} {keys}, not the actors' own words."


def speaker_of(b: Builder, doc: str, anchor: str, text: str) -> str | None:
    """The named speaker of the sure statement whose words hold `text` at that place, if any."""
    words = " ".join(text.split())
    for s in b.findings.statements:
        if s.doc == doc and s.anchor == anchor and s.speaker and words in " ".join(s.text.split()):
            return s.speaker
    return None


def divisions(b: Builder) -> list[Claim]:
    by_q: dict[str, list[Position]] = defaultdict(list)
    for p in b.findings.positions:
        by_q[p.question].append(p)
    out = []
    for qid in b.question_order(by_q):
        groups = one_per_actor(by_q[qid])
        n = sum(len(v) for v in groups.values())
        if not n:
            continue
        order = sorted(groups, key=lambda s: (-len(groups[s]), ("support", "oppose", "mixed", "neutral").index(s)
                                              if s in ("support", "oppose", "mixed", "neutral") else 9))
        label = b.question(qid).rstrip(".")
        major = order[0]
        parts = []
        verb = lambda s, k: b.stance_verb(qid, s, k)  # noqa: E731
        if len(order) == 1:
            every = "both actors" if n == 2 else f"all {n} actors"
            head = (f"{every} whose position the sources state clearly {verb(major, 2)}" if n > 1 else
                    f"the one actor whose position the sources state clearly, {groups[major][0].actor}, "
                    f"{verb(major, 1)}")
            if n > 1:
                head += f" ({names([p.actor for p in groups[major]])})"
            parts.append(head)
        else:
            k = len(groups[major])
            parts.append(f"{k} of {n} actors {verb(major, k)} ({names([p.actor for p in groups[major]])})")
            stand = n >= 5 and k * 3 >= n * 2  # a two-thirds majority of five or more: the others stand out
            for s in order[1:]:
                ps = groups[s]
                who = names([p.actor for p in ps])
                parts.append(f"{who} {'stand' if len(ps) > 1 else 'stands'} apart and {verb(s, 2 if len(ps) > 1 else 1)}"
                             if stand and s in ("support", "oppose") else f"{who} {verb(s, len(ps))}")
        sentence = f"On “{label}”, " + "; ".join(parts) + "."
        # An actor placed by the source's own account, not in its words, is said to be so.
        sentence += narrated(b, [p for s in order for p in groups[s]])
        others = sorted({p.actor for p in b.all_findings.positions if p.question == qid and p.confidence != "high"}
                        - {p.actor for p in by_q[qid]})
        if others:  # say so: "all 5 actors" must not read as "every actor the sources mention"
            # The annex's table of less sure findings is capped: point there only when it lists them all.
            where = "see the annex" if len(b.unsure) <= CAP_ANNEX_ROWS else "findings.json lists them"
            sentence += (f" The sources also suggest a position for {names(others)}, less certainly "
                         f"({where}).")
        if len(order) == 1:
            bullet = (f"{label}: {'both actors' if n == 2 else f'all {n} actors'} on record {verb(major, 2)}."
                      if n > 1 else sentence)
        else:
            k = len(groups[major])
            sides = [s for s in order[1:] if s in ("support", "oppose")] or order[1:2]
            rest = "; ".join(f"{names([p.actor for p in groups[s]])} {verb(s, len(groups[s]))}" for s in sides)
            bullet = f"{label}: {k} of {n} actors {verb(major, k)}; {rest}."
        cited = [p for s in order for p in groups[s][:2]][:6]
        docs = {p.doc for ps in groups.values() for p in ps}
        contradiction = 1 if ("support" in groups and "oppose" in groups) else 0
        out.append(Claim("division", sentence, bullet,
                         tuple((p.doc, p.anchor) for p in cited), cited[0].id,
                         weight=n + 3 * len(docs) + 4 * contradiction))
    return out


def tensions(b: Builder) -> list[Claim]:
    f = b.findings
    upheld = {(s.actor, pr) for s in f.statements if s.actor for pr in s.principles if pr not in s.violated}
    out = []
    # One claim per actor, principle and words: the same sentence in several sources is one tension.
    groups: dict[tuple, list] = defaultdict(list)
    for t in f.tensions:
        groups[(t.actor, t.principle, " ".join(t.text.split()))].append(t)
    for (actor, pid, _), ts in groups.items():
        t = ts[0]
        principle = b.principle(pid).lower()
        own = (actor, pid) in upheld
        words = f": {quoted(t.text)}" if quotable(t.text) else "."
        docs = list(dict.fromkeys(x.doc for x in ts))
        src = (f"source {b.key(docs[0])} puts" if len(docs) == 1 else f"sources {names([b.key(d) for d in docs])} put")
        # Who says so: a source quoting a named speaker does not itself put the actor in tension.
        speaker = speaker_of(b, t.doc, t.anchor, t.text) if len(docs) == 1 else None
        if speaker:
            src = f"{speaker}, quoted in source {b.key(docs[0])}, puts"
        if own:
            sentence = f"{actor} invokes {principle}, yet {src} it in tension with that principle{words}"
        else:
            sentence = f"{src[:1].upper()}{src[1:]} {actor}'s position in tension with {principle}{words}"
        stated = t.basis[:1] == ("stated",)
        bullet = (f"{actor} and {principle}: a tension the source states" if stated else
                  f"{actor} and {principle}: a tension derived from positions and accusations")
        out.append(Claim("tension", sentence, bullet + (", on a principle it invokes itself." if own else "."),
                         tuple((x.doc, x.anchor) for x in ts), t.id,
                         weight=4 + (3 if own else 0) + (1 if stated else 0) + len(docs)))
    return out


def precedent_arguments(b: Builder) -> list[Claim]:
    """The case invoked most often as a precedent, with who invokes it; then each denial."""
    f = b.findings
    out = []
    by_case: dict[str, list[Precedent]] = defaultdict(list)
    # Only claims a source attributes: "who makes them" is the point, and an unattributed likeness is
    # as often a turn of phrase the rules misread.
    named = [p for p in f.precedents if p.claimant or p.actor]
    for p in named:
        if p.relation != "denial":
            by_case[p.precedent].append(p)
    for case, ps in sorted(by_case.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        who = list(dict.fromkeys(who_claims(p) for p in ps))
        subjects = list(dict.fromkeys(p.subject for p in ps))
        rel = Counter(p.relation for p in ps)
        how = join_list([plural(rel[r], {"analogy": "analogy", "warning": "warning"}.get(r, r),
                                {"analogy": "analogies"}.get(r)) for r in ("analogy", "warning") if rel[r]])
        if len(ps) > 1:
            times = "twice" if len(ps) == 2 else f"{len(ps)} times"
            sentence = (f"{case} is invoked as a precedent {times} ({how}) for {join_list(subjects)}, "
                        f"by {names(who)}.")
        else:
            p = ps[0]
            sentence = (f"{capitalise(who[0])} {verb_for(who[0], 'likens', 'liken')} {p.subject} to {case}."
                        if p.relation == "analogy" else
                        f"{capitalise(who[0])} {verb_for(who[0], 'warns', 'warn')} that {p.subject} may become "
                        f"like {case}.")
        docs = {p.doc for p in ps}
        out.append(Claim("precedent", sentence, f"{case} as precedent: {plural(len(ps), 'claim')} by {names(who)}.",
                         tuple((p.doc, p.anchor) for p in ps), ps[0].id,
                         weight=len(who) * 1.5 + 2 * len(docs) + len(ps) * 0.5))
    for p in named:
        if p.relation == "denial":
            who = who_claims(p)
            out.append(Claim("precedent", f"{capitalise(who)} {verb_for(who, 'denies', 'deny')} that {p.subject} is like "
                             f"{p.precedent}.",
                             f"{p.subject} is not {p.precedent}, says {who}.", ((p.doc, p.anchor),), p.id,
                             weight=3.5))
    return out


_DESCRIPTOR_OPENERS = frozenset({"several", "some", "many", "most", "few", "a", "an", "the", "two", "three",
                                 "four", "five", "other", "various", "numerous", "senior", "western"})
"""First words of a claimant that describes people rather than naming them: lower case inside a
sentence ("by several diplomats"), though the source began its sentence with them."""


def who_claims(p: Precedent) -> str:
    """The claimant as the source names it, a description in lower case (`capitalise` opens a sentence
    with it). The state or organisation a claimant is matched to is left out of the summary: it is the
    least sure part of a precedent claim (an ambassador named beside another's)."""
    who = p.claimant or p.actor or "an unnamed source"
    first, _, rest = who.partition(" ")
    if rest and first.lower() in _DESCRIPTOR_OPENERS and first[:1].isupper() and not first.isupper():
        who = f"{first.lower()} {rest}"
    return who


def verb_for(subject: str, singular: str, plural_: str) -> str:
    """``warns`` for "Jane Doe", ``warn`` for "foreign ministers" (a lower-case plural noun last)."""
    last = subject.split()[-1] if subject.split() else ""
    return plural_ if last[:1].islower() and last.endswith("s") else singular


def thresholds(b: Builder) -> list[Claim]:
    """A figure against the level its source sets for the same measure (a success, a minimum, a limit). The figure's subject
    (a place or party read from capitalised words near it) is left to the figures table: it is the
    least sure part of a figure, and the summary must not state it."""
    out = []
    for fig, thr, verdict in threshold_comparisons(b):
        what = (fig.measure or "the figure")
        what = what[:1].upper() + what[1:]
        words, level = verdict_words(verdict, is_ceiling(thr)), f"the level of “{nested_quotes(thr.text)}” {called(thr)}"
        sentence = f"{what} of “{nested_quotes(fig.text)}” {words} {level} in source {b.key(thr.doc)}."
        out.append(Claim("threshold", sentence, f"{what}: “{nested_quotes(fig.text)}” {words} {level}.",
                         ((fig.doc, fig.anchor), (thr.doc, thr.anchor)), fig.id, weight=5))
    return out


def disagreements(b: Builder, across: Across) -> list[Claim]:
    """An actor the sources record with different stances on the same question."""
    out = []
    for actor in across.actors:
        for qid, verdict in actor.agreement:
            if verdict != "differ":
                continue
            mine = [s for s in actor.stances if s.question == qid]
            # Each stance once, with the sources that record it (they differ: that is the finding).
            by_stance: dict[str, list] = defaultdict(list)
            for s in mine:
                by_stance[s.stance].append(s)
            said = join_list([(f"source {b.key(ss[0].doc)}" if len(ss) == 1 else
                               f"sources {names([b.key(s.doc) for s in ss])}")
                              + f" {'records' if len(ss) == 1 else 'record'} it {b.recorded_as(qid, st)}"
                              for st, ss in by_stance.items()])
            firsts = [ss[0] for ss in by_stance.values()]
            places = [(b.positions[s.position].doc, b.positions[s.position].anchor) for s in firsts
                      if s.position in b.positions]
            if not places:
                continue
            label = b.question(qid).rstrip(".")
            out.append(Claim("disagreement", f"The sources disagree on {actor.actor} and “{label}”: {said}.",
                             f"{actor.actor} on “{label}”: the sources disagree.", tuple(places), mine[0].position,
                             weight=6 + 3 * len({s.doc for s in mine})))
    return out


def coverage(b: Builder) -> list[Claim]:
    """What the sources do not compare: questions no source takes up, questions resting on one source."""
    by_q: dict[str, list[Position]] = defaultdict(list)
    for p in b.findings.positions:
        by_q[p.question].append(p)
    single = [(q, ps) for q, ps in ((q, by_q[q]) for q in b.question_order(by_q)) if len({p.doc for p in ps}) == 1]
    out = []
    if single and len(b.order) > 1:
        places = tuple((ps[0].doc, ps[0].anchor) for _, ps in single)
        if len(single) == len(by_q) and len(single) > 1:
            keys = join_list([b.key(ps[0].doc) for _, ps in single])
            sentence = (f"Each question's positions come from one source only ({keys}, in the order above), "
                        "so no source confirms another's.")
        else:
            each = "; ".join(f"“{b.question(q).rstrip('.')}” only in source {b.key(ps[0].doc)}" for q, ps in single)
            sentence = f"Positions are recorded on {each}, so the sources do not confirm one another there."
        out.append(Claim("silence", sentence, "", places, single[0][1][0].id, weight=0))
    return out


def claims(b: Builder, across: Across) -> dict[str, list[Claim]]:
    """Every claim the summary may make, by kind, each kind in its own order of weight."""
    return {"division": divisions(b), "disagreement": sorted(disagreements(b, across), key=lambda c: -c.weight),
            "tension": sorted(tensions(b), key=lambda c: -c.weight),
            "precedent": sorted(precedent_arguments(b), key=lambda c: -c.weight),
            "threshold": thresholds(b), "silence": coverage(b)}


def rank(found: dict[str, list[Claim]]) -> list[Claim]:
    """Key findings: by weight (actors involved, sources agreeing, contradiction), never by counts alone."""
    every = [c for kind, cs in found.items() if kind != "silence" for c in cs]
    return sorted(every, key=lambda c: -c.weight)
