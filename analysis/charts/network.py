"""Precedent network: cases as boxes, claims as arrows from the case argued about to its precedent, styled
by relation (analogy, denial, warning) and labelled by claimant -> Drawn.

Layout in columns (no graph library, deterministic): a case is drawn one column right of the cases that
invoke it, so most arrows run left to right across the width, long enough to carry their label beside
them; cases linked to each other share a band of rows. Every arrow runs from box edge to box edge and ends
in a solid head; a label is set beside its arrow where it covers no box, arrow or other label.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .style import GREY, INK, WIDTH, Drawn, accent_ink, clip, finish, house, tint, wrap

RELATION_STYLE = {
    # relation: (line style, colour role, label)
    "analogy": ("-", "accent", "analogy: is like"),
    "denial": ((0, (5, 2.5)), "grey", "denial: is not like"),
    "warning": ((0, (1, 1.6)), "ink", "warning: may become like"),
}
ROW = 0.62
"""Inches per row of boxes."""
CASE_FONT = 7.5
LABEL_FONT = 7.0
BENDS = (0.0, 0.3, -0.3, 0.55, -0.55, 0.8, -0.8, 1.1, -1.1)
"""How far an arrow may bow, as a share of its length, tried in turn until it clears every other box."""


@dataclass(frozen=True, slots=True)
class Claim:
    subject: str
    precedent: str
    relation: str
    claimant: str | None


def columns(cases: Sequence[str], links: Sequence[tuple[str, str]]) -> dict[str, int]:
    """Column of each case: 0 for a case no drawn claim invokes as precedent, else one more than the
    furthest case invoking it (a claim closing a cycle is ignored here)."""
    invoked_by: dict[str, list[str]] = defaultdict(list)
    for s, p in links:
        invoked_by[p].append(s)
    col: dict[str, int] = {}

    def depth(c: str, path: frozenset) -> int:
        if c in col:
            return col[c]
        ins = [s for s in invoked_by[c] if s not in path]
        col[c] = d = max((depth(s, path | {c}) + 1 for s in ins), default=0)
        return d
    for c in cases:
        depth(c, frozenset((c,)))
    return col


def components(cases: Sequence[str], links: Sequence[tuple[str, str]]) -> list[list[str]]:
    """Groups of cases linked by claims, in first-mention order."""
    group = {c: i for i, c in enumerate(cases)}
    for s, p in links:
        a, b = group[s], group[p]
        if a != b:
            for c in group:
                if group[c] == b:
                    group[c] = a
    out: dict[int, list[str]] = {}
    for c in cases:
        out.setdefault(group[c], []).append(c)
    return list(out.values())


def layout(cases: Sequence[str], links: Sequence[tuple[str, str]]) -> tuple[dict[str, tuple[int, float]], int, int]:
    """(column, row) of each case, the number of columns and of rows. A group of linked cases takes as
    many rows as its fullest column; within a column its cases sit in the order of the cases that invoke
    them, so arrows cross as little as a simple rule can make them."""
    col = columns(cases, links)
    ncols = max(col.values(), default=0) + 1
    where: dict[str, tuple[int, float]] = {}
    top = 0
    for comp in components(cases, links):
        by_col: dict[int, list[str]] = defaultdict(list)
        for c in comp:
            by_col[col[c]].append(c)
        rows = max(len(v) for v in by_col.values())
        for k in sorted(by_col):
            members = by_col[k]
            if k:
                def centre(c: str) -> float:
                    ins = [where[s][1] for s, p in links if p == c and s in where]
                    return sum(ins) / len(ins) if ins else math.inf
                members = sorted(members, key=lambda c: (centre(c), comp.index(c)))
            offset = (rows - len(members)) / 2
            for i, c in enumerate(members):
                where[c] = (k, top + offset + i)
        top += rows
    return where, ncols, top


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Overlapping area of two (x0, y0, x1, y1) boxes."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def crosses(seg: tuple[float, float, float, float], box: tuple[float, float, float, float]) -> bool:
    """Whether the segment (x0, y0, x1, y1) passes through the box (Liang-Barsky clipping)."""
    x0, y0, x1, y1 = seg
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _length(points: Sequence[tuple[float, float]]) -> float:
    return sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in zip(points, points[1:]))


def zip_segments(points: Sequence[tuple[float, float]]) -> list[tuple[float, float, float, float]]:
    return [(a[0], a[1], b[0], b[1]) for a, b in zip(points, points[1:])]


def _distance(p: tuple[float, float], seg: tuple[float, float, float, float]) -> float:
    x0, y0, x1, y1 = seg
    dx, dy = x1 - x0, y1 - y0
    t = max(0.0, min(1.0, ((p[0] - x0) * dx + (p[1] - y0) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return math.hypot(p[0] - (x0 + t * dx), p[1] - (y0 + t * dy))


def _leave(centre: tuple[float, float], box: tuple[float, float, float, float],
           towards: tuple[float, float]) -> tuple[float, float]:
    """Where the straight line from a box's centre towards a point crosses the box's edge."""
    (x, y), (bx0, by0, bx1, by1) = centre, box
    hw, hh = (bx1 - bx0) / 2, (by1 - by0) / 2
    dx, dy = towards[0] - x, towards[1] - y
    scale = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
    return (x + dx * scale, y + dy * scale) if scale < 1 else (x, y)


def arc(a: tuple[float, float], b: tuple[float, float], bend: float, box_a: tuple[float, float, float, float],
        box_b: tuple[float, float, float, float], steps: int = 24) -> list[tuple[float, float]]:
    """Points of the arrow from box A's edge to box B's edge: straight for bend 0, else a quadratic curve
    whose control point stands `bend` times the distance off the middle (positive: up the page)."""
    length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
    nx, ny = (b[1] - a[1]) / length, -(b[0] - a[0]) / length
    if ny > 0:
        nx, ny = -nx, -ny
    ctrl = ((a[0] + b[0]) / 2 + nx * bend * length, (a[1] + b[1]) / 2 + ny * bend * length)
    start = _leave(a, box_a, ctrl if bend else b)
    end = _leave(b, box_b, ctrl if bend else a)
    if not bend:
        return [start, end]
    return [((1 - t) ** 2 * start[0] + 2 * (1 - t) * t * ctrl[0] + t * t * end[0],
             (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * ctrl[1] + t * t * end[1])
            for t in (i / steps for i in range(steps + 1))]


def cut_end(points: Sequence[tuple[float, float]], head: float) -> tuple[list[tuple[float, float]], tuple[float, float]]:
    """The path without its last `head` inches (where the arrowhead goes), and the point it now ends at."""
    left = head
    pts = list(points)
    while len(pts) > 1:
        (x0, y0), (x1, y1) = pts[-2], pts[-1]
        seg = math.hypot(x1 - x0, y1 - y0)
        if seg >= left:
            f = (seg - left) / seg if seg else 0.0
            neck = (x0 + (x1 - x0) * f, y0 + (y1 - y0) * f)
            return pts[:-1] + [neck], neck
        left -= seg
        pts.pop()
    return pts, pts[0]


def point_and_normal(points: Sequence[tuple[float, float]], along: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """The point `along` (0-1) the path's length and the unit normal there."""
    goal = _length(points) * along
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        seg = math.hypot(x1 - x0, y1 - y0)
        if seg >= goal or (x1, y1) == points[-1]:
            f = min(1.0, goal / seg) if seg else 0.0
            return (x0 + (x1 - x0) * f, y0 + (y1 - y0) * f), (-(y1 - y0) / (seg or 1.0), (x1 - x0) / (seg or 1.0))
        goal -= seg
    return points[0], (0.0, -1.0)


def draw(cases: Sequence[str], claims: Sequence[Claim], *, accent: str, chart_id: str) -> Drawn:
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    dark = accent_ink(accent)
    colours = {"accent": dark, "grey": GREY, "ink": INK}
    n = len(cases)
    drawn_claims = [c for c in claims if c.subject in cases and c.precedent in cases and c.subject != c.precedent]
    links = [(c.subject, c.precedent) for c in drawn_claims]
    where, ncols, nrows = layout(list(cases), links)
    used = [r for r in RELATION_STYLE if any(c.relation == r for c in drawn_claims)]
    legend = 0.42 if used else 0.1
    height = round(max(1.0, nrows * ROW + 0.2) + legend, 2)
    with house(accent) as plt:
        fig = plt.figure(figsize=(WIDTH, height))
        # Axes in inches: x across the width, y down the rows (row 0 at the top).
        ax = fig.add_axes((0, legend / height, 1, 1 - legend / height))
        ax.set_xlim(0, WIDTH)
        ax.set_ylim(height - legend, 0)
        ax.set_axis_off()
        margin = 0.75
        xs = [WIDTH / 2] if ncols == 1 else [margin + k * (WIDTH - 2 * margin) / (ncols - 1) for k in range(ncols)]
        centre = {c: (xs[k], 0.12 + (row + 0.5) * ROW) for c, (k, row) in where.items()}
        boxes = {}
        for case in cases:
            x, y = centre[case]
            boxes[case] = ax.text(x, y, wrap(clip(case, 60), 20), ha="center", va="center", fontsize=CASE_FONT,
                                  fontweight="bold", color=INK, zorder=4, multialignment="center",
                                  bbox={"boxstyle": "round,pad=0.35", "fc": tint(dark, 0.88), "ec": dark,
                                        "lw": 0.9})
        fig.canvas.draw()  # lay the boxes out: arrows stop at their edges, labels keep off them
        to_inches = ax.transData.inverted()
        extent: dict[str, tuple[float, float, float, float]] = {}
        for case, label in boxes.items():
            bb = label.get_bbox_patch().get_window_extent()
            (x0, y0), (x1, y1) = to_inches.transform((bb.x0, bb.y0)), to_inches.transform((bb.x1, bb.y1))
            extent[case] = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))

        # One arrow per pair and relation; several claimants on one arrow share its label, one per line.
        arrows: dict[tuple, list[str]] = {}
        for claim in drawn_claims:
            who = arrows.setdefault((claim.subject, claim.precedent, claim.relation), [])
            if claim.claimant and claim.claimant not in who:
                who.append(claim.claimant)
        paths: list[list[tuple[float, float]]] = []
        labels: list[tuple[int, str]] = []
        bends_taken: dict[frozenset, list[float]] = defaultdict(list)
        for (subject, precedent, relation), who in arrows.items():
            ls, role, _ = RELATION_STYLE.get(relation, RELATION_STYLE["analogy"])
            colour = colours[role]
            others = [extent[c] for c in cases if c not in (subject, precedent)]
            # Straight when nothing is in the way; else bowed, more and more, until it clears every other
            # box. A second relation between the same two cases bows the other way, not on top of the first.
            pair = frozenset((subject, precedent))
            # The bend is taken as seen from the pair's first case, so both directions share one scale.
            sign = 1 if cases.index(subject) <= cases.index(precedent) else -1
            taken = bends_taken[pair]
            free = [bend for bend in BENDS if all(abs(bend - t) >= 0.25 for t in taken)]
            points = []
            for bend in free:
                points = arc(centre[subject], centre[precedent], sign * bend, extent[subject], extent[precedent])
                if not any(crosses(seg, o) for seg in zip_segments(points) for o in others):
                    break
            taken.append(bend)
            head = min(0.12, _length(points) / 3)
            shaft, neck = cut_end(points, head)
            # The shaft in the relation's line style, the head solid: a dotted head reads as a smudge.
            ax.add_line(Line2D([x for x, _ in shaft], [y for _, y in shaft], color=colour, lw=1.2, linestyle=ls,
                               zorder=2, solid_capstyle="butt", dash_capstyle="butt"))
            ax.add_patch(FancyArrowPatch(neck, points[-1], arrowstyle="-|>,head_length=0.45,head_width=0.25",
                                         mutation_scale=12, lw=0.8, color=colour, linestyle="-", shrinkA=0,
                                         shrinkB=0, zorder=3))
            paths.append(points)
            if who:
                labels.append((len(paths) - 1, "\n".join(wrap(clip(c, 40), 32) for c in who)))
        # Labels beside their arrows, on the first spot (middle first, then towards either end, above then
        # below) that covers no box, no other arrow and no label already placed, and lies nearer its own
        # arrow than any other.
        segments = [(i, seg) for i, pts in enumerate(paths) for seg in zip_segments(pts)]
        placed: list[tuple[float, float, float, float]] = []
        obstacles = list(extent.values())
        renderer = fig.canvas.get_renderer()
        for index, text in labels:
            t = ax.text(0, 0, text, ha="center", va="center", fontsize=LABEL_FONT, color=INK, style="italic",
                        zorder=5, multialignment="center")
            bb = t.get_window_extent(renderer=renderer)
            w = abs(to_inches.transform((bb.x1, 0))[0] - to_inches.transform((bb.x0, 0))[0]) + 0.04
            h = abs(to_inches.transform((0, bb.y1))[1] - to_inches.transform((0, bb.y0))[1]) + 0.03
            best, best_cost = None, math.inf
            for along in (0.5, 0.4, 0.6, 0.3, 0.7):
                (px, py), (nx, ny) = point_and_normal(paths[index], along)
                if ny > 0:  # "above" is up the page (y grows downwards here)
                    nx, ny = -nx, -ny
                gap = abs(nx) * w / 2 + abs(ny) * h / 2 + 0.03
                for side in (1, -1):
                    cx, cy = px + side * nx * gap, py + side * ny * gap
                    box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
                    cost = sum(_overlap(box, o) for o in obstacles + placed) * 100
                    cost += sum(1 for i, seg in segments if i != index and crosses(seg, box))
                    own = min(_distance((cx, cy), seg) for i, seg in segments if i == index)
                    if any(_distance((cx, cy), seg) < own - 1e-6 for i, seg in segments if i != index):
                        cost += 0.6  # read as another arrow's label
                    cost += 0.5 if box[0] < 0 or box[2] > WIDTH or box[1] < 0 else 0
                    if cost < best_cost - 1e-9:
                        best, best_cost = (cx, cy, box), cost
                    if best_cost == 0:
                        break
                if best_cost == 0:
                    break
            cx, cy, box = best
            t.set_position((cx, cy))
            placed.append(box)
        # Grow the drawing to hold every arc and label: arcs bowed above the first row or below the last.
        ys = [y for pts in paths for _, y in pts] + [b[1] for b in placed] + [b[3] for b in placed] + \
             [e[1] for e in extent.values()] + [e[3] for e in extent.values()]
        top, bottom = min(ys, default=0) - 0.08, max(ys, default=1) + 0.08
        height = round(bottom - top + legend, 2)
        fig.set_size_inches(WIDTH, height)
        ax.set_position((0, legend / height, 1, 1 - legend / height))
        ax.set_ylim(bottom, top)
        handles = [Line2D([], [], color=colours[RELATION_STYLE[r][1]], ls=RELATION_STYLE[r][0], lw=1.6,
                          label=RELATION_STYLE[r][2]) for r in used]
        if handles:
            fig.legend(handles=handles, loc="lower center", ncol=len(handles), bbox_to_anchor=(0.5, 0.0),
                       handlelength=3, fontsize=8)

    counts = Counter(c.relation for c in claims)
    title = "Precedent claims between cases"
    caption = ("Each arrow is one claim, from the case argued about to the case it is compared with, "
               "labelled with who made it: solid for analogies, dashed for denials, dotted for warnings.")
    alt = (f"Network of {n} cases linked by {len(claims)} precedent claims "
           f"({', '.join(f'{v} {k}' for k, v in sorted(counts.items()))}). " +
           " ".join(f"{c.claimant or 'A source'}: {c.subject} {RELATION_STYLE.get(c.relation, ('', '', c.relation))[2].split(': ')[-1]} {c.precedent}."
                    for c in claims))
    return finish(fig, chart_id=chart_id, title=title, caption=caption, alt=alt)
