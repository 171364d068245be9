"""Principles by document: how many statements in each document invoke each principle -> Drawn.

Grouped horizontal bars, one group per principle, one bar per document; documents
differ by hatching and lightness as well as colour.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from .style import INK, RULE, WIDTH, Drawn, clip, finish, house, series, wrap

MAX_PLOT_HEIGHT = 6.2
"""Inches of bars at most, so the chart and its legend fit on an A4 or Letter page."""


def draw(principles: Sequence[tuple[str, str]], docs: Sequence[tuple[str, str]],
         counts: Mapping[tuple[str, str], int], *, accent: str, chart_id: str, share: bool = False) -> Drawn:
    """`principles` (id, label), most invoked first, and `docs` (id, short title) in display
    order; `counts` maps (doc id, principle id) to statements (a float for a pooled mean).
    Only as many principles as fit the page are drawn. `share`: the values are per cent of each
    document's principle-invoking statements (documents differ in length; shares compare them)."""
    from matplotlib.patches import Patch

    n_d = len(docs)
    styles = series(accent, n_d)
    bar = 0.12 if n_d <= 3 else 0.1  # inches per bar: thinner when many series share a group
    group = bar * n_d + 0.16
    principles = principles[:max(3, int(MAX_PLOT_HEIGHT / group))]  # the most invoked first: fit the page
    n_p = len(principles)
    legend_rows = n_d if max((len(t) for _, t in docs), default=0) > 22 else (n_d + 2) // 3
    top_in, bottom_in = 0.12, 0.62 + 0.2 * legend_rows
    plot_in = group * n_p
    height = top_in + plot_in + bottom_in
    with house(accent) as plt:
        fig = plt.figure(figsize=(WIDTH, height))
        left = min(0.32, 0.05 + 0.0105 * max((min(len(label), 26) for _, label in principles), default=10))
        ax = fig.add_axes((left, bottom_in / height, 0.95 - left, plot_in / height))
        peak = max(counts.values(), default=1)
        for j, (doc, _) in enumerate(docs):
            st = styles[j]
            ys, vals = [], []
            for i, (pid, _) in enumerate(principles):
                v = counts.get((doc, pid), 0)
                if v:
                    ys.append(i * group + j * bar)
                    vals.append(v)
            ax.barh(ys, vals, height=bar * 0.86, color=st["face"], edgecolor=st["edge"], hatch=st["hatch"],
                    linewidth=0.6, zorder=3)
            for y, v in zip(ys, vals):
                ax.text(v + peak * 0.01, y, f"{v:.0f} %" if share else f"{v:g}" if isinstance(v, float) else str(v),
                        va="center",
                        fontsize=7, color=INK)
        ax.set_ylim(n_p * group - 0.16 - bar / 2, -bar / 2 - 0.04)
        ax.set_yticks([i * group + bar * (n_d - 1) / 2 for i in range(n_p)])
        ax.set_yticklabels([wrap(label, 26) for _, label in principles])
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlim(0, peak * 1.18 + 0.5)
        ax.grid(axis="x", color=RULE, lw=0.5)
        ax.set_axisbelow(True)
        ax.set_xlabel("per cent of the document's statements that invoke a principle" if share else
                      "statements invoking the principle", fontsize=7.5, labelpad=2)
        handles = [Patch(fc=styles[j]["face"], ec=styles[j]["edge"], hatch=styles[j]["hatch"],
                         label=clip(title, 60)) for j, (_, title) in enumerate(docs)]
        fig.legend(handles=handles, loc="lower center", ncol=max(1, (n_d + legend_rows - 1) // legend_rows),
                   bbox_to_anchor=(0.5, 0.0), handleheight=1.1, handlelength=2.2)

    title = "Principles by document"
    caption = ("Share of each source's principle-invoking statements that invoke each principle, so that a long "
               "document does not outweigh a short one." if share else
               "Number of statements in each source document that invoke each principle.")
    parts = []
    for pid, label in principles:
        per = ", ".join(f"{t} {counts.get((d, pid), 0):.0f}" + (" %" if share else "") for d, t in docs)
        parts.append(f"{label}: {per}")
    alt = (f"Grouped bars for {n_p} principles across {n_d} documents. " + "; ".join(parts) + ".")
    return finish(fig, chart_id=chart_id, title=title, caption=caption, alt=alt)
