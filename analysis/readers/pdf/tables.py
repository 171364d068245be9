"""One page's body lines in, the same lines with each table row's cells gathered into one line per cell
(several lines of a cell joined), side by side on the row's first baseline, in reading order."""
from __future__ import annotations

from .layout import Line

_SAME = 1.5  # points: two baselines this close are one


def _disjoint(a: Line, b: Line) -> bool:
    return a.x1 < b.x0 or b.x1 < a.x0


def _anchors(lines: list[Line]) -> list[list[Line]]:
    """Groups of two or more lines on one baseline, side by side: the first lines of a row's cells."""
    by_base: list[list[Line]] = []
    for line in sorted(lines, key=lambda l: (l.baseline, l.x0)):
        if by_base and abs(by_base[-1][0].baseline - line.baseline) < _SAME:
            by_base[-1].append(line)
        else:
            by_base.append([line])
    rows = []
    for group in by_base:
        cells: list[Line] = []
        for line in group:
            if all(_disjoint(line, c) for c in cells):
                cells.append(line)
        if len(cells) > 1:
            rows.append(cells)
    return rows


def _join(cell: list[Line], n: int, i: int) -> Line:
    first = cell[0]
    text, markers, emphasis = "", [], []
    for line in cell:
        glued = text.endswith("-") and line.text[:1].islower()  # "Co-" + "operation"
        shift = len(text) + (0 if glued or not text else 1)
        text = text + line.text if glued or not text else f"{text} {line.text}"
        markers.extend((off + shift, label) for off, label in line.markers)
        emphasis.extend((a + shift, b + shift) for a, b in line.emphasis)
    return Line(first.page, text, min(l.x0 for l in cell), max(l.x1 for l in cell), first.top, cell[-1].bottom,
                first.baseline, first.size, first.bold, markers, first.lead, n, i, first.role, emphasis)


def gather_rows(lines: list[Line], pitch: float) -> list[Line]:
    """Lines of a page with table rows gathered; a page without rows comes back as it was."""
    rows = _anchors(lines)
    if not rows:
        return lines
    used: set[int] = set()
    made: dict[int, list[Line]] = {}  # id of the row's earliest line in stream order -> its cells
    order = {id(l): k for k, l in enumerate(lines)}
    for row in rows:
        row = [c for c in row if id(c) not in used]
        if len(row) < 2:
            continue  # lines of the row above that ran on side by side
        cells = [[c] for c in row]
        for c in row:
            used.add(id(c))
        for line in sorted(lines, key=lambda l: l.baseline):
            if id(line) in used or line.baseline <= row[0].baseline:
                continue
            # a cell's next line follows at the line pitch; a new row's first line further down
            home = next((c for c in cells if abs(c[0].x0 - line.x0) < 2
                         and 0 < line.baseline - c[-1].baseline <= pitch + _SAME), None)
            if home is not None:
                home.append(line)
                used.add(id(line))
        first = min((l for c in cells for l in c), key=lambda l: order[id(l)])
        made[id(first)] = [_join(c, len(cells), i) for i, c in enumerate(cells)]
    out: list[Line] = []
    for line in lines:
        if id(line) in made:
            out.extend(made[id(line)])
        elif id(line) not in used:
            out.append(line)
    return out
