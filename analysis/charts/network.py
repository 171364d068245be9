"""Precedent network: cases as nodes, claims as arrows from subject to precedent, styled by
relation (analogy, denial, warning) and labelled by claimant -> Drawn.

Layout is a plain circle in first-mention order (no graph library): deterministic and
readable for the handful of cases a brief compares.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .style import GREY, INK, Drawn, accent_ink, clip, finish, house, tint, wrap

RELATION_STYLE = {
    # relation: (line style, colour role, label)
    "analogy": ("-", "accent", "analogy: is like"),
    "denial": ((0, (5, 2.5)), "grey", "denial: is not like"),
    "warning": ((0, (1, 1.6)), "ink", "warning: may become like"),
}


@dataclass(frozen=True, slots=True)
class Claim:
    subject: str
    precedent: str
    relation: str
    claimant: str | None


def draw(cases: Sequence[str], claims: Sequence[Claim], *, accent: str, chart_id: str) -> Drawn:
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    dark = accent_ink(accent)
    colours = {"accent": dark, "grey": GREY, "ink": INK}
    n = len(cases)
    height = 2.6 if n <= 3 else 3.3 if n <= 6 else 4.0
    if n == 1:
        pos = {cases[0]: (0.0, 0.0)}
    elif n == 2:
        pos = {cases[0]: (-1.0, 0.0), cases[1]: (1.0, 0.0)}
    else:
        pos = {c: (math.cos(math.pi / 2 - 2 * math.pi * i / n) * 1.65,
                   math.sin(math.pi / 2 - 2 * math.pi * i / n) * 1.0) for i, c in enumerate(cases)}
    with house(accent) as plt:
        fig = plt.figure(figsize=(6.4, height))
        ax = fig.add_axes((0.02, 0.4 / height, 0.96, 1 - 0.45 / height))
        ax.set_xlim(-2.3, 2.3)
        ax.set_ylim(-1.25, 1.25)
        ax.set_axis_off()
        boxes = {}
        for case, (x, y) in pos.items():
            label = ax.text(x, y, wrap(clip(case, 60), 18), ha="center", va="center", fontsize=7.5,
                            fontweight="bold", color=INK, zorder=4, multialignment="center",
                            bbox={"boxstyle": "round,pad=0.4", "fc": tint(dark, 0.88), "ec": dark, "lw": 0.9})
            boxes[case] = label
        fig.canvas.draw()  # lay the labels out so arrows can stop at their boxes
        inverse = ax.transData.inverted()
        extent = {}
        for case, label in boxes.items():
            bb = label.get_bbox_patch().get_window_extent()
            (bx0, by0), (bx1, by1) = inverse.transform((bb.x0, bb.y0)), inverse.transform((bb.x1, bb.y1))
            extent[case] = ((bx1 - bx0) / 2 + 0.03, (by1 - by0) / 2 + 0.04)

        def edge(case: str, towards: tuple[float, float]) -> tuple[float, float]:
            """Where the straight line from the case's centre towards a point leaves its box."""
            (x, y), (hw, hh) = pos[case], extent[case]
            dx, dy = towards[0] - x, towards[1] - y
            scale = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
            return (x + dx * scale, y + dy * scale) if scale < 1 else (x, y)
        pair_count: Counter = Counter()
        pair_labels: dict[tuple, list[tuple[float, float, str]]] = {}
        used = []
        for claim in claims:
            if claim.subject not in pos or claim.precedent not in pos or claim.subject == claim.precedent:
                continue
            key = tuple(sorted((claim.subject, claim.precedent)))
            k = pair_count[key]
            pair_count[key] += 1
            ls, role, _ = RELATION_STYLE.get(claim.relation, RELATION_STYLE["analogy"])
            if claim.relation not in used:
                used.append(claim.relation)
            # From box edge to box edge (computed here, not by clipping against the label patches, which
            # matplotlib lays out again when saving: the lines then stopped short of their boxes).
            (x0, y0), (x1, y1) = edge(claim.subject, pos[claim.precedent]), edge(claim.precedent, pos[claim.subject])
            rad = (0.12, -0.36, 0.5, -0.6, 0.7)[min(k, 4)]
            arrow = FancyArrowPatch((x0, y0), (x1, y1), connectionstyle=f"arc3,rad={rad}",
                                    arrowstyle="-|>,head_length=0.5,head_width=0.3", mutation_scale=12, lw=1.2,
                                    color=colours[role], linestyle=ls, shrinkA=0, shrinkB=0, zorder=2)
            ax.add_patch(arrow)
            if claim.claimant:
                # midpoint of the quadratic arc that arc3 draws (computed in display space)
                to_disp = ax.transData.transform
                (px0, py0), (px1, py1) = to_disp((x0, y0)), to_disp((x1, y1))
                mx, my = (px0 + px1) / 2, (py0 + py1) / 2
                cx, cy = mx + rad * (py1 - py0), my - rad * (px1 - px0)
                lx, ly = ax.transData.inverted().transform(
                    (0.25 * px0 + 0.5 * cx + 0.25 * px1, 0.25 * py0 + 0.5 * cy + 0.25 * py1))
                pair_labels.setdefault(key, []).append((lx, ly, claim.claimant))
        # One label per pair of cases, its claimants one per line: labels of parallel arcs between two
        # near cases fell on top of each other.
        for found in pair_labels.values():
            lx = sum(x for x, _, _ in found) / len(found)
            ly = sum(y for _, y, _ in found) / len(found)
            text = "\n".join(wrap(clip(c, 40), 22) for c in dict.fromkeys(c for _, _, c in found))
            ax.text(lx, ly, text, ha="center", va="center", fontsize=7, color=INK, style="italic", zorder=5,
                    multialignment="center",
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.9})
        handles = [Line2D([], [], color=colours[RELATION_STYLE[r][1]], ls=RELATION_STYLE[r][0], lw=1.6,
                          label=RELATION_STYLE[r][2]) for r in RELATION_STYLE if r in used]
        if handles:
            fig.legend(handles=handles, loc="lower center", ncol=len(handles), bbox_to_anchor=(0.5, 0.0),
                       handlelength=3)

    counts = Counter(c.relation for c in claims)
    title = "Precedent claims between cases"
    caption = ("Each arrow is one claim, from the case argued about to the case it is compared with, "
               "labelled with who made it: solid for analogies, dashed for denials, dotted for warnings.")
    alt = (f"Network of {n} cases linked by {len(claims)} precedent claims "
           f"({', '.join(f'{v} {k}' for k, v in sorted(counts.items()))}). " +
           " ".join(f"{c.claimant or 'A source'}: {c.subject} {RELATION_STYLE.get(c.relation, ('', '', c.relation))[2].split(': ')[-1]} {c.precedent}."
                    for c in claims))
    return finish(fig, chart_id=chart_id, title=title, caption=caption, alt=alt)
