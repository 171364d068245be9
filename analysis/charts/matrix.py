"""Positions versus principles: actors (rows) x principles (columns) -> Drawn.

Each cell shows how often the actor upholds the principle (filled circle), how often
it accuses others of violating it (hatched triangle), and a heavy frame where the
actor itself stands in tension with the principle (accused, or its position collides).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .style import GREY, INK, RULE, WIDTH, Drawn, accent_ink, clip, finish, house, tint


@dataclass(frozen=True, slots=True)
class MatrixCell:
    actor: str
    principle: str
    """Principle id (a column key)."""
    upheld: int = 0
    """Statements by the actor upholding the principle."""
    accuses: int = 0
    """Statements by the actor accusing someone of violating it."""
    tension: bool = False
    """The actor is accused of violating it / its position collides with it."""


def pair_markers(cell_in: float, circle_area: float, triangle_area: float) -> tuple[tuple[float, float], ...]:
    """(x offset in cells, area in square points) of a circle and a triangle side by side in one cell
    `cell_in` inches wide: each at most 0.3 of the cell across, so neither runs into the other or out of
    the cell (the triangle's count goes right of it)."""
    cap = (0.3 * cell_in * 72) ** 2
    return (-0.25, min(circle_area, cap)), (0.07, min(triangle_area, cap))


def draw(cells: Sequence[MatrixCell], principles: Sequence[tuple[str, str]], actors: Sequence[str],
         *, accent: str, chart_id: str) -> Drawn:
    """`principles` are (id, label) columns and `actors` the rows, both in display order."""
    import matplotlib.patches as mpatches
    from matplotlib.lines import Line2D

    by = {(c.actor, c.principle): c for c in cells}
    n_rows, n_cols = len(actors), len(principles)
    dark = accent_ink(accent)
    peak = max([c.upheld for c in cells] + [c.accuses for c in cells] + [1])

    def size(count: int) -> float:
        return 30 + 130 * (count / peak) ** 0.5

    col_w = 0.78
    longest = max((len(label) for _, label in principles), default=10)
    head = 0.35 + 0.055 * min(longest, 26) * 0.6  # room for the slanted column labels
    height = head + 0.55 + 0.3 * n_rows
    with house(accent) as plt:
        fig = plt.figure(figsize=(WIDTH, height))
        left = min(0.36, 0.05 + 0.0098 * max((min(len(a), 40) for a in actors), default=8))
        last = min(len(principles[-1][1]), 26) if principles else 0
        right = min(0.96, 0.985 - (last * 0.058 * 0.82 - 0.25) / WIDTH)  # the last slanted label must fit
        ax = fig.add_axes((left, 0.45 / height, right - left, 1 - (0.45 + head) / height))
        ax.set_xlim(-0.5, n_cols - 0.5)
        ax.set_ylim(n_rows - 0.5, -0.5)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.tick_params(length=0)
        ax.set_xticks(range(n_cols))
        ax.xaxis.tick_top()
        ax.set_xticklabels([clip(label, 26) for _, label in principles], fontsize=7.5, rotation=35,
                           ha="left", rotation_mode="anchor")
        ax.set_yticks(range(n_rows))
        ax.set_yticklabels([clip(a, 40) for a in actors], fontsize=7.5)
        for r in range(n_rows + 1):
            ax.axhline(r - 0.5, color=RULE, lw=0.5, zorder=0)
        for r in range(0, n_rows, 2):
            ax.add_patch(mpatches.Rectangle((-0.5, r - 0.5), n_cols, 1, color="#f4f4f4", zorder=-1, lw=0))
        cell_in = (right - left) * WIDTH / max(n_cols, 1)
        for r, actor in enumerate(actors):
            for c, (pid, _) in enumerate(principles):
                cell = by.get((actor, pid))
                if cell is None:
                    continue
                if cell.tension:
                    ax.add_patch(mpatches.Rectangle((c - col_w / 2, r - 0.42), col_w, 0.84, fill=False,
                                                    ec=INK, lw=1.6, zorder=3))
                # Centred in the cell when alone; side by side, both inside the cell, when both are drawn.
                both = cell.upheld and cell.accuses
                (x_up, area_up), (x_acc, area_acc) = (pair_markers(cell_in, size(cell.upheld),
                                                                   size(cell.accuses) * 1.1) if both else
                                                      ((0.0, size(cell.upheld)), (-0.06, size(cell.accuses) * 1.1)))
                if cell.upheld:
                    x = c + x_up
                    ax.scatter([x], [r], s=area_up, marker="o", c=dark,
                               edgecolors=dark, linewidths=0.6, zorder=4)
                    ax.text(x, r, str(cell.upheld), ha="center", va="center", fontsize=7,
                            color="white", zorder=5, fontweight="bold")
                if cell.accuses:
                    x = c + x_acc
                    ax.scatter([x], [r], s=area_acc, marker="^", c=tint(dark, 0.8),
                               edgecolors=INK, linewidths=0.7, hatch="////", zorder=4)
                    ax.text(x + (0.15 if both else 0.17), r, str(cell.accuses), ha="left", va="center", fontsize=7,
                            color=INK, zorder=5, fontweight="bold")
        handles = [
            Line2D([], [], marker="o", ls="", mfc=dark, mec=dark, ms=8, label="upholds the principle"),
            Line2D([], [], marker="^", ls="", mfc=tint(dark, 0.75), mec=INK, ms=9,
                   label="accuses others of violating it"),
            mpatches.Patch(fill=False, ec=INK, lw=1.6, label="actor in tension with it"),
        ]
        fig.legend(handles=handles, loc="lower center", ncol=3, bbox_to_anchor=(0.5, 0.0),
                   handlelength=1.6, columnspacing=1.6)
        # Top left, above the actor names: top right is where the last slanted column label runs.
        fig.text(0.005, 0.995, "numbers: statements", ha="left", va="top", fontsize=7, color=GREY)

    upheld = sum(c.upheld for c in cells)
    accused = sum(c.accuses for c in cells)
    tensions = [c for c in cells if c.tension]
    title = "Positions versus principles"
    caption = ("Principles each actor invokes: filled circles count statements upholding a principle, "
               "hatched triangles statements accusing others of violating it; a heavy frame marks "
               "an actor that is itself in tension with the principle.")
    alt_lines = [f"Matrix of {n_rows} actors by {n_cols} principles: {upheld} statements upholding "
                 f"a principle, {accused} accusing others of violating one, {len(tensions)} tensions."]
    for actor in actors:
        bits = []
        for pid, label in principles:
            cell = by.get((actor, pid))
            if cell is None:
                continue
            parts = []
            if cell.upheld:
                parts.append(f"upholds {cell.upheld}")
            if cell.accuses:
                parts.append(f"accuses {cell.accuses}")
            if cell.tension:
                parts.append("in tension")
            if parts:
                bits.append(f"{label} ({', '.join(parts)})")
        if bits:
            alt_lines.append(f"{actor}: {'; '.join(bits)}.")
    return finish(fig, chart_id=chart_id, title=title, caption=caption, alt=" ".join(alt_lines))
