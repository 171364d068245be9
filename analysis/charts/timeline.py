"""Cross-document timeline: one lane per document, dated events on a shared time axis -> Drawn.

A day is a point; a month or a year (a date known only that far) is drawn as a hatched
bar over the whole month or year, so vague dates never look precise; a range is a bar
from its first to its last date. Events are numbered as in the timeline table.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .style import GREY, INK, RULE, WIDTH, Drawn, accent_ink, clip, finish, house, tint, wrap


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    lane: int
    """Index of the document's lane."""
    number: int
    """The event's number in the timeline table."""
    date: str
    """ISO date cut to its precision: ``2008``, ``2008-08``, ``2008-08-26``."""
    precision: str
    end_date: str | None = None


def _parse(date: str, last: bool = False) -> dt.date:
    parts = [int(p) for p in date.split("-")[:3]]
    year = parts[0]
    if len(parts) == 1:
        return dt.date(year, 12, 31) if last else dt.date(year, 1, 1)
    month = max(1, min(12, parts[1]))
    if len(parts) == 2:
        if last:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, month, 1)
    return dt.date(year, month, max(1, min(28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31, parts[2])))


def span_of(event: TimelineEvent) -> tuple[dt.date, dt.date]:
    start = _parse(event.date)
    end = _parse(event.end_date or event.date, last=True)
    return start, max(start, end)


def number_ranges(numbers: Sequence[int]) -> str:
    """[15, 16, 17, 19] -> ``15–17, 19``."""
    numbers = sorted(numbers)
    out, start, prev = [], numbers[0], numbers[0]
    for num in [*numbers[1:], None]:
        if num is not None and num == prev + 1:
            prev = num
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}" if prev > start + 1 else f"{start}, {prev}")
        if num is not None:
            start = prev = num
    return ", ".join(out)


MAX_STRETCHES = 3
"""Stretches of time the axis is cut into at most: where the events cluster, the years between left out."""
GAP_SHARE = 0.15
"""A pause longer than this share of the whole span (and than MIN_GAP_DAYS) cuts the axis."""
MIN_GAP_DAYS = 60
NUMBER_FONT = 7.0
LANE_FONT = 7.5
TICK_FONT = 7.5


def stretches(spans: Sequence[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """The stretches of time the axis shows: the events' spans joined while the pause between them is
    short, at most MAX_STRETCHES (the shortest pauses are closed first)."""
    ordered = sorted(spans)
    total = max((max(e for _, e in ordered) - ordered[0][0]).days, 1)
    limit = max(MIN_GAP_DAYS, total * GAP_SHARE)
    out: list[list[dt.date]] = []
    for s, e in ordered:
        if out and (s - out[-1][1]).days <= limit:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    while len(out) > MAX_STRETCHES:
        i = min(range(len(out) - 1), key=lambda k: (out[k + 1][0] - out[k][1]).days)
        out[i:i + 2] = [[out[i][0], max(out[i][1], out[i + 1][1])]]
    return [(a, b) for a, b in out]


def view(stretch: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """The dates an axis piece shows for a stretch: a margin either side, at least a fortnight."""
    s, e = stretch
    pad = dt.timedelta(days=max(12, round((e - s).days * 0.08)))
    return s - pad, e + pad


def tick_dates(lo: dt.date, hi: dt.date, most: int) -> tuple[list[dt.date], str]:
    """At most `most` round dates in [lo, hi] and their strftime format: days, months or years as the
    stretch is long."""
    days = (hi - lo).days
    if days <= 75:
        step = next((k for k in (1, 2, 3, 5, 7, 10, 14, 21, 30) if days // k + 1 <= most), 38)
        first = lo + dt.timedelta(days=(-lo.toordinal()) % step)
        return [first + dt.timedelta(days=k) for k in range(0, days + 1, step) if first + dt.timedelta(days=k) <= hi], "%-d %b"
    if days <= 800:
        months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
        step = next((k for k in (1, 2, 3, 4, 6) if months // k + 1 <= most), 12)
        if step == 12:  # a tick a year: say the year, not "Jan"
            return [dt.date(y, 1, 1) for y in range(lo.year, hi.year + 1) if lo <= dt.date(y, 1, 1) <= hi], "%Y"
        out, y, m = [], lo.year, lo.month
        while dt.date(y, m, 1) <= hi:
            if dt.date(y, m, 1) >= lo and (m - 1) % step == 0:
                out.append(dt.date(y, m, 1))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out, "%b"
    years = hi.year - lo.year + 1
    step = next((k for k in (1, 2, 5, 10, 20, 50, 100) if years // k + 1 <= most), 250)
    return [dt.date(y, 1, 1) for y in range(lo.year, hi.year + 1) if y % step == 0 and dt.date(y, 1, 1) >= lo], "%Y"


def years_of(lo: dt.date, hi: dt.date) -> str:
    return str(lo.year) if lo.year == hi.year else f"{lo.year}–{hi.year}"


def number_labels(marks: Sequence[tuple[float, int]], near: float) -> list[tuple[float, list[str]]]:
    """Labels for one lane's marks (x, number) in x order: marks closer than `near` share a label, two
    numbers stacked one above the other, more as a range (``15–20``)."""
    clusters: list[list[tuple[float, int]]] = []
    for x, num in marks:
        if clusters and x - clusters[-1][-1][0] < near:
            clusters[-1].append((x, num))
        else:
            clusters.append([(x, num)])
    out = []
    for cluster in clusters:
        x = sum(p for p, _ in cluster) / len(cluster)
        nums = [num for _, num in cluster]
        out.append((x, [str(v) for v in sorted(nums)] if len(nums) <= 2 else [number_ranges(nums)]))
    return out


def draw(lanes: Sequence[str], events: Sequence[TimelineEvent], *, accent: str, chart_id: str,
         numbered: bool = True, lane_kind: str = "source document") -> Drawn:
    """One lane per entry of `lanes` (each a `lane_kind`); `numbered`: label the marks with the events' numbers.
    The time axis is cut where the events pause for long (see `stretches`): each stretch gets its own piece
    of axis, wide in proportion to its events, so events days apart do not pile into one blob."""
    import matplotlib.dates as mdates
    import matplotlib.patches as mpatches
    from matplotlib.lines import Line2D

    dark = accent_ink(accent)
    spans = [span_of(e) for e in events]
    first = min(s for s, _ in spans)
    last = max(e for _, e in spans)
    pieces = stretches(spans)
    views = [view(p) for p in pieces]
    n = len(lanes)
    counts = [sum(1 for s, e in spans if lo <= s <= hi) for lo, hi in views]
    left = min(0.3, 0.05 + 0.0095 * max((min(len(x), 26) for x in lanes), default=8))
    right = 0.97
    gap = 0.16 / WIDTH  # between two pieces of axis
    room = right - left - gap * (len(pieces) - 1)
    weights = [max(c, 1) for c in counts]
    shares = [max(0.2, w / sum(weights)) for w in weights]
    widths = [room * x / sum(shares) for x in shares]
    most = [max(2, int(w * WIDTH / 0.6)) for w in widths]  # ticks a piece has room for
    ticks = [tick_dates(lo, hi, m) for (lo, hi), m in zip(views, most)]
    year_row = any(fmt != "%Y" for _, fmt in ticks)
    height = 0.78 + 0.4 * n + (0.16 if year_row else 0)
    with house(accent) as plt:
        fig = plt.figure(figsize=(WIDTH, height))
        bottom = (0.5 + (0.16 if year_row else 0)) / height
        x0 = left
        axes = []
        used: set[str] = set()
        for k, ((lo, hi), (first_day, last_day), width) in enumerate(zip(views, pieces, widths)):
            ax = fig.add_axes((x0, bottom, width, 1 - bottom - 0.14 / height))
            cut = x0 - gap / 2  # between this piece and the one before
            x0 += width + gap
            axes.append(ax)
            ax.set_ylim(n - 0.45, -0.75)
            ax.set_xlim(mdates.date2num(lo), mdates.date2num(hi))
            ax.set_yticks(range(n))
            if k == 0:
                ax.set_yticklabels([wrap(clip(x, 48), 26) for x in lanes], fontsize=LANE_FONT)
            else:
                ax.set_yticklabels([])
            ax.tick_params(axis="y", length=0)
            ax.spines["left"].set_visible(False)
            for i in range(n):
                ax.axhline(i, color=RULE, lw=0.8, zorder=0)
            dates, fmt = ticks[k]
            ax.set_xticks([mdates.date2num(t) for t in dates])
            # A month tick in January says the year: the piece may run into the next one.
            ax.set_xticklabels([str(t.year) if fmt == "%b" and t.month == 1 else t.strftime(fmt) for t in dates],
                               fontsize=TICK_FONT)
            if fmt != "%Y":
                ax.set_xlabel(years_of(first_day, last_day), fontsize=TICK_FONT, labelpad=2, color=GREY)
            ax.grid(axis="x", color=RULE, lw=0.4, ls=":")
            ax.set_axisbelow(True)
            if k:  # the cut: two short slanted strokes where the axis resumes
                for dx in (-0.004, 0.004):
                    fig.add_artist(Line2D([cut + dx - 0.003, cut + dx + 0.003],
                                          [bottom - 0.03 / height, bottom + 0.03 / height], color=GREY, lw=0.8))
            days_per_inch = (hi - lo).days / (width * WIDTH)
            near = 0.13 * days_per_inch  # marks closer than this share one label
            marks: list[tuple[int, float, int]] = []
            drawn: set[tuple] = set()  # many events on one date in one lane: one mark (corpus scale)
            mine = [i for i in range(len(events)) if lo <= spans[i][0] <= hi]
            for i in sorted(mine, key=lambda i: (events[i].lane, spans[i][0], events[i].number)):
                e, (s, t) = events[i], spans[i]
                a, b = mdates.date2num(s), mdates.date2num(min(t, hi))
                vague = e.precision in ("year", "month") or e.end_date
                kind = ("range" if e.end_date else e.precision) if vague and b - a >= 1 else "day"
                mark = (e.lane, a, b if kind != "day" else a, kind)
                centre = (a + b) / 2 if kind != "day" else a
                if mark not in drawn:
                    drawn.add(mark)
                    used.add(kind)
                    if kind != "day":
                        ax.add_patch(mpatches.Rectangle((a, e.lane - 0.11), b - a, 0.22,
                                                        fc=tint(dark, 0.78) if kind != "range" else tint(dark, 0.45),
                                                        ec=dark, lw=0.6, hatch="////" if kind == "year" else
                                                        "\\\\\\\\" if kind == "month" else "", zorder=2))
                    else:
                        ax.plot([a], [e.lane], marker="o", ms=5.5, mfc=dark, mec="white", mew=0.6, ls="", zorder=4)
                marks.append((e.lane, centre, e.number))
            for lane in range(n if numbered else 0):
                for x, text in number_labels(sorted((x, num) for ln, x, num in marks if ln == lane), near):
                    for level, line in enumerate(text):
                        ax.text(x, lane - 0.2 - 0.2 * level, line, ha="center", va="bottom", fontsize=NUMBER_FONT,
                                color=INK, zorder=5)
        handles = []
        if "day" in used:
            handles.append(Line2D([], [], marker="o", ls="", mfc=dark, mec="white", ms=6, label="dated to the day"))
        if "month" in used:
            handles.append(mpatches.Patch(fc=tint(dark, 0.78), ec=dark, hatch="\\\\\\\\", label="to the month"))
        if "year" in used:
            handles.append(mpatches.Patch(fc=tint(dark, 0.78), ec=dark, hatch="////", label="to the year"))
        if "range" in used:
            handles.append(mpatches.Patch(fc=tint(dark, 0.45), ec=dark, label="date range"))
        fig.legend(handles=handles, loc="lower left", ncol=max(1, len(handles)), bbox_to_anchor=(left - 0.01, 0.0))

    title = "Timeline across the documents"
    caption = (f"Dated events, one lane per {lane_kind}" +
               ("; numbers refer to the events as listed. " if numbered else ". ") +
               "Dates known only to the month or year are drawn over the whole month or year." +
               (" The axis is cut (//) where the events pause for long; each piece has its own scale."
                if len(pieces) > 1 else ""))
    per_lane = []
    for i, lane in enumerate(lanes):
        mine = [spans[k] for k in range(len(events)) if events[k].lane == i]
        if mine:
            per_lane.append(f"{lane}: {len(mine)} events from {min(s for s, _ in mine).isoformat()} "
                            f"to {max(t for _, t in mine).isoformat()}")
        else:
            per_lane.append(f"{lane}: no dated events")
    alt = (f"Timeline of {len(events)} dated events from {first.isoformat()} to {last.isoformat()} in "
           f"{n} lanes. " + "; ".join(per_lane) + ".")
    return finish(fig, chart_id=chart_id, title=title, caption=caption, alt=alt)
