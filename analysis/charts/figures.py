"""Figures by measure: one panel per measure, each figure a point, a band (a range) or an
open-ended arrow (a minimum or maximum), set against the measure's thresholds -> Drawn.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .style import GREY, INK, RULE, WIDTH, Drawn, accent_ink, clip, finish, house, tint


@dataclass(frozen=True, slots=True)
class FigureRow:
    label: str
    """Row label: what and where (``Turnout, north (Doc B)``)."""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    bound: str | None = None
    """``min``, ``max`` or None."""
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class Threshold:
    label: str
    value: float


@dataclass(frozen=True, slots=True)
class Panel:
    measure: str
    unit: str
    """Axis label for the unit (``per cent``, ``USD``)."""
    rows: tuple[FigureRow, ...]
    thresholds: tuple[Threshold, ...] = ()
    source: str | None = None
    """Where the figures come from, when one document gives them all."""


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:,.2g}" if abs(v) < 1 else f"{v:,.1f}"


def _axis(v: float, _pos: object = None) -> str:
    if abs(v) >= 1e9:
        return f"{v / 1e9:g} bn"
    if abs(v) >= 1e6:
        return f"{v / 1e6:g} m"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:g}"


def draw(panels: Sequence[Panel], *, accent: str, chart_id: str) -> Drawn:
    import matplotlib.patches as mpatches
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    dark = accent_ink(accent)
    heights = [0.55 + 0.3 * max(1, len(p.rows)) + (0.15 if p.thresholds else 0) for p in panels]
    total = sum(heights) + 0.55 + 0.35 * (len(panels) - 1)
    with house(accent) as plt:
        fig = plt.figure(figsize=(WIDTH, total))
        longest = max((len(r.label) for p in panels for r in p.rows), default=10)
        left = min(0.42, 0.05 + 0.0098 * min(longest, 42))
        top = 1.0
        used_band = used_point = used_bound = used_threshold = False
        for panel, h in zip(panels, heights):
            ax_h = (h - 0.45) / total
            top -= 0.38 / total
            ax = fig.add_axes((left, top - ax_h, 0.93 - left, ax_h))
            top -= ax_h + 0.42 / total
            n = len(panel.rows)
            top_room = 1.05 if panel.thresholds else 0.6
            ax.set_ylim(n - 0.4, -top_room)
            ax.set_yticks(range(n))
            ax.set_yticklabels([clip(r.label, 44) for r in panel.rows])
            ax.tick_params(axis="y", length=0)
            ax.spines["left"].set_visible(False)
            ax.grid(axis="x", color=RULE, lw=0.5)
            ax.set_axisbelow(True)
            ax.set_title(f"{panel.measure} ({panel.unit})" if panel.unit else panel.measure, pad=4)
            if panel.source:
                title_len = len(panel.measure) + len(panel.unit) + 3
                room = int(((0.93 - left) * WIDTH - 0.075 * title_len - 0.25) / 0.052)
                if room >= 12:
                    ax.set_title(clip(panel.source, room), loc="right", fontsize=7, color=GREY,
                                 fontweight="normal", pad=4)
            ax.xaxis.set_major_formatter(FuncFormatter(_axis))
            values = [v for r in panel.rows for v in (r.value, r.low, r.high) if v is not None]
            values += [t.value for t in panel.thresholds]
            lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
            lo = min(lo, 0.0)
            span = (hi - lo) or max(abs(hi), 1.0)
            ax.set_xlim(lo - 0.02 * span, hi + 0.12 * span)
            for i, row in enumerate(panel.rows):
                if row.low is not None and row.high is not None:
                    ax.add_patch(mpatches.Rectangle((row.low, i - 0.28), row.high - row.low, 0.56,
                                                    fc=tint(dark, 0.7), ec=dark, lw=0.8, hatch="////",
                                                    zorder=3))
                    ax.text(row.high + 0.01 * span, i, f"{_fmt(row.low)}–{_fmt(row.high)}", va="center",
                            fontsize=7, color=INK)
                    used_band = True
                elif row.value is not None:
                    if row.bound in ("min", "max"):
                        direction = 1 if row.bound == "min" else -1
                        ax.annotate("", xy=(row.value + direction * 0.08 * span, i), xytext=(row.value, i),
                                    arrowprops={"arrowstyle": "-|>", "color": GREY, "lw": 1.0}, zorder=3)
                        used_bound = True
                    ax.plot([row.value], [i], marker="D" if row.approximate else "o", ms=6.5, ls="",
                            mfc="white" if row.approximate else dark, mec=dark, mew=1.2, zorder=4)
                    ax.text(row.value + 0.025 * span * (1 if row.bound != "max" else -1) +
                            (0.08 * span if row.bound == "min" else 0), i - 0.3,
                            ("≈" if row.approximate else "") + _fmt(row.value),
                            fontsize=7, color=INK, ha="left" if row.bound != "max" else "right")
                    used_point = True
            for t in panel.thresholds:
                ax.axvline(t.value, color=INK, lw=1.2, ls=(0, (4, 2)), zorder=2)
                ax.text(t.value, -1.0, f" {clip(t.label, 30)}: {_fmt(t.value)}", fontsize=7, color=INK,
                        va="top", ha="left",
                        bbox={"fc": "white", "ec": "none", "pad": 0.5, "alpha": 0.9})
                used_threshold = True
        handles = []
        if used_point:
            handles.append(Line2D([], [], marker="o", ls="", mfc=dark, mec=dark, ms=6, label="figure"))
            handles.append(Line2D([], [], marker="D", ls="", mfc="white", mec=dark, ms=6, label="approximate"))
        if used_band:
            handles.append(mpatches.Patch(fc=tint(dark, 0.7), ec=dark, hatch="////", label="range"))
        if used_bound:
            handles.append(Line2D([], [], color=GREY, marker=">", ls="-", ms=4, label="at least / at most"))
        if used_threshold:
            handles.append(Line2D([], [], color=INK, ls=(0, (4, 2)), lw=1.2, label="threshold"))
        if handles:
            fig.legend(handles=handles, loc="lower center", ncol=len(handles), bbox_to_anchor=(0.5, 0.0))

    title = "Figures by measure"
    caption = ("Each panel gathers the figures the sources give for one measure: points for single "
               "values, hatched bands for ranges, arrows for minimums and maximums, dashed lines for "
               "thresholds the sources set.")
    alt = []
    for p in panels:
        items = []
        for r in p.rows:
            if r.low is not None and r.high is not None:
                items.append(f"{r.label}: {_fmt(r.low)} to {_fmt(r.high)}")
            elif r.value is not None:
                prefix = {"min": "at least ", "max": "at most "}.get(r.bound or "", "")
                items.append(f"{r.label}: {prefix}{'about ' if r.approximate else ''}{_fmt(r.value)}")
        th = "; ".join(f"threshold {t.label} at {_fmt(t.value)}" for t in p.thresholds)
        alt.append(f"{p.measure} ({p.unit}): " + "; ".join(items) + (f"; {th}" if th else "") + ".")
    return finish(fig, chart_id=chart_id, title=title, caption=caption, alt=" ".join(alt))
