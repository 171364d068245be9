"""Documents + config -> Findings: each analysis per document, then the cross-document steps.

The plain, in-memory statement of the analysis. Builds use incremental.analyse, which runs
the same steps per document in worker processes with a cache; test_pipeline checks that both
give the same findings."""
from __future__ import annotations

from typing import Sequence

from ..actors import Gazetteer
from ..config import Config
from ..lexicons import principles as load_principles
from ..model.document import Document
from ..model.findings import Findings
from . import figures as figures_mod
from . import stance, timeline
from .compare import compare
from .precedents import precedents
from .statements import statements
from .tensions import tensions


def analyse(documents: Sequence[Document], config: Config) -> Findings:
    gaz = Gazetteer.default(config.lexicons.actors)
    principles = load_principles(config.lexicons.principles)
    tops = stance.topics(config.questions)

    def find_actors(text: str) -> list[str]:
        return list(dict.fromkeys(m.name for m in gaz.find(text)))

    raw = {doc.id: statements(doc, gaz, principles) for doc in documents}
    # Which principles each question's act is said to violate is learnt from the whole corpus.
    first, props = [], {}
    for doc in documents:
        assigned, _, found, _ = stance.assign(raw[doc.id], doc, tops, {}, gaz, principles)
        first.extend(assigned)
        props[doc.id] = set(found)
    sides = stance.principle_sides(first, tops + [stance.main_topic(d, tops) for d in documents], gaz, props)

    out = {k: [] for k in ("statements", "positions", "tensions", "precedents", "figures", "events")}
    for doc in documents:
        stmts, _, props, targets = stance.assign(raw[doc.id], doc, tops, sides, gaz, principles)
        pos = stance.positions(stmts, doc.id, props, targets)
        out["statements"].extend(stmts)
        out["positions"].extend(pos)
        out["tensions"].extend(tensions(doc, stmts, pos, principles, gaz, sides, set(props)))
        out["precedents"].extend(precedents(doc, stmts, gaz))
        out["figures"].extend(figures_mod.figures(doc))
        out["events"].extend(timeline.events(doc, find_actors))
    return Findings(**{k: tuple(v) for k, v in out.items()}, comparisons=compare(out["figures"]))
