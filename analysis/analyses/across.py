"""Documents + findings -> Across: what the sources share and where they part.

Four comparisons, each computed from findings only (no I/O, no text re-read):
which principles each document invokes and how often; actors present in more than
one document and whether their positions agree; cases that recur across documents
(a subject in one, a precedent in another); figures on the same measure in
different documents.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..model.document import Document
from ..model.findings import Findings
from .compare import comparable


@dataclass(frozen=True, slots=True)
class PrincipleUse:
    """How often one document invokes one principle."""

    doc: str
    principle: str
    count: int
    """Statements in `doc` invoking the principle."""
    upheld: int
    """Of those, statements upholding it (not accusing anyone of violating it)."""
    violated: int
    """Of those, statements accusing someone of violating it."""
    statements: tuple[str, ...]
    """Statement ids, in findings order."""


@dataclass(frozen=True, slots=True)
class ActorStance:
    doc: str
    question: str
    stance: str
    position: str
    """Position id."""


@dataclass(frozen=True, slots=True)
class SharedActor:
    """An actor found in more than one document."""

    actor: str
    docs: tuple[str, ...]
    """Documents the actor appears in (statements, positions, tensions or precedents), in corpus order."""
    stances: tuple[ActorStance, ...]
    """The actor's positions, document by document."""
    agreement: tuple[tuple[str, str], ...]
    """(question id, verdict) for each question the actor has positions on in two or more
    documents: verdict ``agree`` (same stance everywhere) or ``differ``."""

    @property
    def agrees(self) -> bool | None:
        """True if every compared question agrees, False if any differs, None if none compared."""
        if not self.agreement:
            return None
        return all(v == "agree" for _, v in self.agreement)


@dataclass(frozen=True, slots=True)
class CaseMention:
    doc: str
    precedent: str
    """Precedent claim id."""
    role: str
    """``subject`` (the case argued about) or ``precedent`` (the case it is likened to)."""
    name: str
    """The case as the claim names it."""


@dataclass(frozen=True, slots=True)
class RecurringCase:
    """A case named in the precedent claims of more than one document."""

    case: str
    """Display name: the form used most often."""
    docs: tuple[str, ...]
    mentions: tuple[CaseMention, ...]
    crosses: bool
    """True when the case is the subject in one document and the precedent in another."""


@dataclass(frozen=True, slots=True)
class SameMeasure:
    """Figures on one measure (and unit) in more than one document."""

    measure: str
    unit: str
    docs: tuple[str, ...]
    figures: tuple[str, ...]
    """Figure ids, grouped by document in corpus order."""


@dataclass(frozen=True, slots=True)
class Across:
    """Cross-document comparison of the findings."""

    docs: tuple[str, ...]
    """Document ids in corpus order."""
    principles: tuple[PrincipleUse, ...]
    """One entry per (document, principle) with at least one invoking statement."""
    actors: tuple[SharedActor, ...]
    cases: tuple[RecurringCase, ...]
    measures: tuple[SameMeasure, ...]

    def principle_totals(self) -> tuple[tuple[str, int], ...]:
        """(principle, statements) over all documents, most invoked first."""
        totals: Counter[str] = Counter()
        for use in self.principles:
            totals[use.principle] += use.count
        return tuple(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))


# ---------------------------------------------------------------- helpers
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|/|\band\b|&)\s*", re.I)


def case_key(name: str) -> str:
    """Normalised case name: lower case, no leading article, folded spaces and quotes."""
    text = re.sub(r"[\"'’‘“”()]", "", name).strip().lower()
    text = _ARTICLE.sub("", text)
    return " ".join(text.split())


def _case_parts(name: str) -> set[str]:
    """The keys a case name matches: the whole, and each member of a list (``A and B``)."""
    keys = {case_key(name)}
    parts = [case_key(p) for p in _SPLIT.split(name) if p.strip()]
    if len(parts) > 1:
        keys.update(p for p in parts if len(p) > 2)
    keys.discard("")
    return keys


def _measure_key(measure: str) -> str:
    return " ".join(measure.lower().replace("-", " ").split())


# ---------------------------------------------------------------- the comparison
def across(documents: Sequence[Document], findings: Findings) -> Across:
    """Compare the documents through their findings."""
    order = [d.id for d in documents]
    for item in (*findings.statements, *findings.positions, *findings.tensions,
                 *findings.precedents, *findings.figures, *findings.events):
        if item.doc not in order:
            order.append(item.doc)
    rank = {doc: i for i, doc in enumerate(order)}

    return Across(docs=tuple(order),
                  principles=_principles(findings, rank),
                  actors=_actors(findings, rank),
                  cases=_cases(findings, rank),
                  measures=_measures(findings, rank))


def _principles(findings: Findings, rank: dict[str, int]) -> tuple[PrincipleUse, ...]:
    by: dict[tuple[str, str], list] = defaultdict(list)
    for st in findings.statements:
        for principle in dict.fromkeys(st.principles):
            by[(st.doc, principle)].append(st)
    out = []
    for (doc, principle), sts in by.items():
        violated = sum(1 for s in sts if principle in s.violated)
        out.append(PrincipleUse(doc=doc, principle=principle, count=len(sts),
                                upheld=len(sts) - violated, violated=violated,
                                statements=tuple(s.id for s in sts)))
    out.sort(key=lambda u: (rank[u.doc], -u.count, u.principle))
    return tuple(out)


def _actors(findings: Findings, rank: dict[str, int]) -> tuple[SharedActor, ...]:
    docs: dict[str, set[str]] = defaultdict(set)
    for item in (*findings.statements, *findings.positions, *findings.tensions, *findings.precedents):
        if item.actor:
            docs[item.actor].add(item.doc)
    stances: dict[str, list] = defaultdict(list)
    for pos in findings.positions:
        stances[pos.actor].append(ActorStance(doc=pos.doc, question=pos.question,
                                              stance=pos.stance, position=pos.id))
    out = []
    for actor, present in docs.items():
        if len(present) < 2:
            continue
        mine = sorted(stances.get(actor, []), key=lambda s: (rank[s.doc], s.question))
        by_q: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for s in mine:
            by_q[s.question][s.doc].add(s.stance)
        agreement = []
        for question in sorted(by_q):
            per_doc = by_q[question]
            if len(per_doc) < 2:
                continue
            all_stances = set().union(*per_doc.values())
            agreement.append((question, "agree" if len(all_stances) == 1 else "differ"))
        out.append(SharedActor(actor=actor, docs=tuple(sorted(present, key=rank.__getitem__)),
                               stances=tuple(mine), agreement=tuple(agreement)))
    out.sort(key=lambda a: (-len(a.docs), a.agrees is not False, a.actor.lower()))
    return tuple(out)


def _cases(findings: Findings, rank: dict[str, int]) -> tuple[RecurringCase, ...]:
    mentions: list[CaseMention] = []
    for p in findings.precedents:
        if p.subject.strip():
            mentions.append(CaseMention(doc=p.doc, precedent=p.id, role="subject", name=p.subject))
        if p.precedent.strip():
            mentions.append(CaseMention(doc=p.doc, precedent=p.id, role="precedent", name=p.precedent))
    # Union-find over mentions sharing a key (whole name or a member of a listed name).
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, m in enumerate(mentions):
        for key in sorted(_case_parts(m.name)):
            if key in first:
                a, b = find(i), find(first[key])
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                first[key] = i
    groups: dict[int, list[CaseMention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[find(i)].append(m)
    out = []
    for group in groups.values():
        docs = sorted({m.doc for m in group}, key=rank.__getitem__)
        if len(docs) < 2:
            continue
        names = Counter(m.name.strip() for m in group)
        # Prefer the most frequent form; among equals the shortest (the single case, not a list).
        case = sorted(names.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]
        subj_docs = {m.doc for m in group if m.role == "subject"}
        prec_docs = {m.doc for m in group if m.role == "precedent"}
        crosses = any(a != b for a in subj_docs for b in prec_docs)
        ordered = tuple(sorted(group, key=lambda m: (rank[m.doc], m.role != "subject", m.precedent)))
        out.append(RecurringCase(case=case, docs=tuple(docs), mentions=ordered, crosses=crosses))
    out.sort(key=lambda c: (not c.crosses, -len(c.docs), -len(c.mentions), c.case.lower()))
    return tuple(out)


def _measures(findings: Findings, rank: dict[str, int]) -> tuple[SameMeasure, ...]:
    groups: dict[tuple[str, str], list] = defaultdict(list)
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for f in findings.figures:
        if not comparable(f):
            continue                     # a measure from a nearby cue or an implausible value: not set side by side
        key = (_measure_key(f.measure), f.unit)
        groups[key].append(f)
        names[key][f.measure] += 1
    out = []
    for key, figs in groups.items():
        docs = sorted({f.doc for f in figs}, key=rank.__getitem__)
        if len(docs) < 2:
            continue
        figs.sort(key=lambda f: (rank[f.doc], f.start))
        measure = names[key].most_common(1)[0][0]
        out.append(SameMeasure(measure=measure, unit=key[1], docs=tuple(docs),
                               figures=tuple(f.id for f in figs)))
    out.sort(key=lambda m: (-len(m.docs), m.measure.lower()))
    return tuple(out)
