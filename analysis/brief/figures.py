"""Figures: chart panels of figures against a threshold for the same measure, and the threshold comparisons;
the table of every figure goes to the annex."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ..analyses.compare import comparable, is_ceiling, speaks_of, threshold_verdict, verdict_words
from ..charts import figures as fig_chart
from ..model.brief import Block, BulletList, Cell, Heading, ListItem, Para, Row, Span
from ..model.findings import Figure
from .caps import CAP_ANNEX_ROWS, CAP_PANEL_ROWS, CAP_PANELS, CAP_THRESHOLD_ITEMS
from .commentary import commentary
from .confidence import none_sure
from .labels import UNIT_LABELS, capitalise, figure_value, measure_key, plural
from .numbering import Builder


def annex_lists(count: int) -> str:
    """What the (capped) annex table of figures holds, said truly: all of them, or the first CAP_ANNEX_ROWS."""
    if count <= CAP_ANNEX_ROWS:
        return f"the annex lists {'it' if count == 1 else f'all {count} figures'} as written"
    return f"the annex lists the first {CAP_ANNEX_ROWS} of the {count} figures as written, findings.json every one"


def figures(b: Builder, author: Mapping[str, str], annex: list) -> list[Block]:
    f = b.findings
    out: list[Block] = commentary(author, "figures")
    if not f.figures:
        return out + [none_sure(b, ("figures",), "No figures were found in the sources.", "figure", "figures")]

    panels = chart_panels(b)
    if panels:
        ref = b.peek_figure()
        out.append(Para((ref, Span(" sets figures against the thresholds the sources set for the same measure; "
                                   f"{annex_lists(len(f.figures))}."))))
        out.append(b.add_chart("figures", panels, accent=b.accent))

    # Figures the analyses compare (with a threshold or across sources) first: a capped annex keeps them.
    compared = {fid for c in f.comparisons for fid in c.figures} | {x.id for x in f.figures if x.role == "threshold"}
    ordered = sorted(f.figures, key=lambda x: (x.id not in compared, x.measure is None, measure_key(x.measure),
                                               b.doc_rank(x.doc), x.anchor, x.start))
    if not panels:
        out.append(Para((Span(f"The sources give {plural(len(ordered), 'figure')}; none against a threshold for the "
                              f"same measure. {capitalise(annex_lists(len(ordered)))}."),)))
    annex.append(("figures", ordered))

    comps = threshold_comparisons(b)
    if comps:
        out.append(Heading("figures-thresholds", 2, "Against the thresholds the sources set"))
        items = []
        for fig, thr, verdict in comps[:CAP_THRESHOLD_ITEMS]:
            what = (fig.measure or "figure").lower()
            subject = f" ({fig.subject})" if fig.subject else ""
            items.append(ListItem((Span(f"The {what}{subject} of "), Span(fig.text, "quote"),
                                   Span(f" {verdict_words(verdict, is_ceiling(thr))} the "
                                        f"{'limit' if is_ceiling(thr) else 'threshold'} of "),
                                   Span(thr.text, "quote"), Span("."),
                                   b.cite_all([(fig.doc, fig.anchor), (thr.doc, thr.anchor)])),
                                  finding=fig.id))
        out.append(BulletList(tuple(items)))
        if len(comps) > CAP_THRESHOLD_ITEMS:
            out.append(Para((Span(f"The first {CAP_THRESHOLD_ITEMS} of {len(comps)} comparisons; findings.json "
                                  "lists them all."),), kind="note"))
    return out


FIGURE_COLUMNS = [("Measure", 0.17), ("Subject", 0.2), ("As written", 0.38), ("Value", 0.25, "right")]


def figure_row(b: Builder, x: Figure) -> Row:
    role = " (threshold)" if x.role == "threshold" else ""
    return Row((Cell((Span(capitalise(x.measure or "—") + role),)),
                Cell((Span(x.subject or "—"),)),
                Cell((Span(x.text, "quote"), b.cite(x.doc, x.anchor)), style="quote"),
                Cell((Span(figure_value(x) or "—"),), style="num")), finding=x.id)


def chart_panels(b: Builder) -> list[fig_chart.Panel]:
    groups: dict[tuple[str, str, str | None], list[Figure]] = defaultdict(list)
    for x in b.findings.figures:
        if comparable(x) and (x.value is not None or (x.low is not None and x.high is not None)):
            # one axis per unit as written: USD beside EUR, or percentage points beside per cent, misleads
            groups[(measure_key(x.measure), x.unit, x.unit_name if x.unit not in ("count", "fraction") else None)].append(x)
    ranked = sorted(groups.items(), key=lambda kv: (not any(x.role == "threshold" for x in kv[1]),
                                                    not any(x.low is not None for x in kv[1]),
                                                    -len(kv[1]), kv[0]))
    panels = []
    for (key, unit, _), xs in ranked:
        if not any(x.role == "threshold" for x in xs):
            continue  # a chart compares only like with like: figures and the threshold set for the same measure
        if len(panels) == CAP_PANELS:
            break
        xs.sort(key=lambda x: (b.doc_rank(x.doc), x.anchor, x.start))
        thresholds = [x for x in xs if x.role == "threshold" and x.value is not None]
        # only figures a threshold speaks of share its panel: votes in one parliament are not
        # measured against another parliament's majority
        values = [x for x in xs if (x.role != "threshold" or x.value is None)
                  and (not thresholds or any(speaks_of(t, x) for t in thresholds))]
        if not values or (len(values) < 2 and not thresholds and values[0].low is None):
            continue  # a lone value reads better in the table than in a chart
        docs = {x.doc for x in xs}
        single = len(docs) == 1
        rows = []
        for x in values[:CAP_PANEL_ROWS]:
            label = x.subject or x.measure or ""
            if not single:
                label = f"{label} ({b.key(x.doc)})"
            rows.append(fig_chart.FigureRow(label=label, value=x.value, low=x.low, high=x.high, bound=x.bound,
                                            approximate=x.approximate))
        unit_label = UNIT_LABELS.get(unit, "") or (xs[0].unit_name or "")
        if unit == "currency" and xs[0].unit_name:
            unit_label = xs[0].unit_name
        measure = xs[0].measure or ""
        panels.append(fig_chart.Panel(measure=measure[:1].upper() + measure[1:], unit=unit_label,
                                      rows=tuple(rows),
                                      thresholds=tuple(fig_chart.Threshold(label=t.subject or "threshold",
                                                                           value=t.value)
                                                       for t in thresholds[:3]),
                                      source=b.keyed(next(iter(docs))) if single else None))
    return panels


def threshold_comparisons(b: Builder) -> list[tuple[Figure, Figure, str]]:
    """(figure, threshold, verdict) from the analyses' comparisons, else derived per document."""
    out = []
    for comp in b.findings.comparisons:
        if comp.kind != "threshold" or len(comp.figures) < 2:
            continue
        fig, thr = b.figures.get(comp.figures[0]), b.figures.get(comp.figures[1])
        if fig and thr:
            out.append((fig, thr, comp.verdict or threshold_verdict(fig, thr) or "compared with"))
    if out or b.findings.comparisons:
        return out
    for thr in b.findings.figures:
        if thr.role != "threshold" or thr.value is None:
            continue
        for fig in b.findings.figures:
            if (fig.id == thr.id or fig.role == "threshold" or fig.doc != thr.doc or fig.unit != thr.unit
                    or measure_key(fig.measure) != measure_key(thr.measure)):
                continue
            verdict = threshold_verdict(fig, thr)
            if verdict:
                out.append((fig, thr, verdict))
    return out

