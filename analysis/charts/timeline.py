"""Cross-document timeline: one lane per document, dated events on a shared time axis -> Drawn.

A day is a point; a month or a year (a date known only that far) is drawn as a hatched
bar over the whole month or year, so vague dates never look precise; a range is a bar
from its first to its last date. Events are numbered as in the timeline table.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .style import GREY, INK, RULE, Drawn, accent_ink, clip, finish, house, tint, wrap


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


def draw(lanes: Sequence[str], events: Sequence[TimelineEvent], *, accent: str, chart_id: str,
         numbered: bool = True, lane_kind: str = "source document") -> Drawn:
    """One lane per entry of `lanes` (each a `lane_kind`); `numbered`: label the marks with the events' numbers."""
    import matplotlib.dates as mdates
    import matplotlib.patches as mpatches
    from matplotlib.lines import Line2D

    dark = accent_ink(accent)
    spans = [span_of(e) for e in events]
    first = min(s for s, _ in spans)
    last = max(e for _, e in spans)
    total_days = max((last - first).days, 30)
    pad = dt.timedelta(days=max(10, round(total_days * 0.03)))
    n = len(lanes)
    height = 0.9 + 0.42 * n
    with house(accent) as plt:
        fig = plt.figure(figsize=(6.4, height))
        left = min(0.3, 0.05 + 0.0095 * max((min(len(x), 26) for x in lanes), default=8))
        ax = fig.add_axes((left, 0.62 / height, 0.97 - left, 1 - 0.78 / height))
        ax.set_ylim(n - 0.45, -0.75)
        ax.set_xlim(mdates.date2num(first - pad), mdates.date2num(last + pad))
        ax.set_yticks(range(n))
        ax.set_yticklabels([wrap(clip(x, 48), 26) for x in lanes], fontsize=7.5)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        for i in range(n):
            ax.axhline(i, color=RULE, lw=0.8, zorder=0)
        locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))
        ax.grid(axis="x", color=RULE, lw=0.4, ls=":")
        ax.set_axisbelow(True)
        near = total_days * 0.028
        marks: list[tuple[int, float, int]] = []
        used = set()
        drawn: set[tuple] = set()  # many events on one date in one lane: one mark (corpus scale)
        order = sorted(range(len(events)), key=lambda k: (events[k].lane, spans[k][0], events[k].number))
        for k in order:
            e, (s, t) = events[k], spans[k]
            x0, x1 = mdates.date2num(s), mdates.date2num(t)
            vague = e.precision in ("year", "month") or e.end_date
            kind = ("range" if e.end_date else e.precision) if vague and x1 - x0 >= 1 else "day"
            mark = (e.lane, x0, x1 if kind != "day" else x0, kind)
            if mark in drawn:
                marks.append((e.lane, (x0 + x1) / 2 if kind != "day" else x0, e.number))
                continue
            drawn.add(mark)
            if kind != "day":
                used.add(kind)
                ax.add_patch(mpatches.Rectangle((x0, e.lane - 0.11), x1 - x0, 0.22,
                                                fc=tint(dark, 0.78) if kind != "range" else tint(dark, 0.45),
                                                ec=dark, lw=0.6, hatch="////" if kind == "year" else
                                                "\\\\\\\\" if kind == "month" else "", zorder=2))
                anchor = (x0 + x1) / 2
            else:
                used.add("day")
                ax.plot([x0], [e.lane], marker="o", ms=5.5, mfc=dark, mec="white", mew=0.6, ls="", zorder=4)
                anchor = x0
            marks.append((e.lane, anchor, e.number))
        # Number the marks; a tight cluster gets one label (``15–20``) instead of a pile.
        for lane in range(n if numbered else 0):
            mine = sorted((x, num) for ln, x, num in marks if ln == lane)
            clusters: list[list[tuple[float, int]]] = []
            for x, num in mine:
                if clusters and x - clusters[-1][-1][0] < near:
                    clusters[-1].append((x, num))
                else:
                    clusters.append([(x, num)])
            # Merge neighbouring clusters while their labels (about 0.05 in per character) would touch.
            days_per_inch = (total_days + 2 * pad.days) / (6.4 * (0.97 - left))

            def label_width(cluster: list[tuple[float, int]]) -> float:
                text = number_ranges([num for _, num in cluster])
                return (len(text) * 0.052 + 0.06) * days_per_inch if len(cluster) > 2 else near

            merged = True
            while merged and len(clusters) > 1:
                merged = False
                for i in range(len(clusters) - 1):
                    a, b_ = clusters[i], clusters[i + 1]
                    ca = sum(x for x, _ in a) / len(a)
                    cb = sum(x for x, _ in b_) / len(b_)
                    if (len(a) > 2 or len(b_) > 2) and cb - ca < (label_width(a) + label_width(b_)) / 2:
                        clusters[i:i + 2] = [a + b_]
                        merged = True
                        break
            for cluster in clusters:
                if len(cluster) <= 2:
                    for level, (x, num) in enumerate(cluster):
                        ax.text(x, lane - 0.2 - 0.17 * level, str(num), ha="center", va="bottom",
                                fontsize=7, color=INK, zorder=5)
                else:
                    x = sum(p for p, _ in cluster) / len(cluster)
                    ax.text(x, lane - 0.2, number_ranges([num for _, num in cluster]), ha="center",
                            va="bottom", fontsize=7, color=INK, zorder=5)
        handles = []
        if "day" in used:
            handles.append(Line2D([], [], marker="o", ls="", mfc=dark, mec="white", ms=6, label="dated to the day"))
        if "month" in used:
            handles.append(mpatches.Patch(fc=tint(dark, 0.78), ec=dark, hatch="\\\\\\\\", label="to the month"))
        if "year" in used:
            handles.append(mpatches.Patch(fc=tint(dark, 0.78), ec=dark, hatch="////", label="to the year"))
        if "range" in used:
            handles.append(mpatches.Patch(fc=tint(dark, 0.45), ec=dark, label="date range"))
        fig.legend(handles=handles, loc="lower center", ncol=max(1, len(handles)), bbox_to_anchor=(0.5, 0.0))
        if numbered:
            fig.text(0.995, 0.005, "numbers: events as listed", ha="right", va="bottom",
                     fontsize=7, color=GREY)

    title = "Timeline across the documents"
    caption = (f"Dated events, one lane per {lane_kind}" +
               ("; numbers refer to the events as listed. " if numbered else ". ") +
               "Dates known only to the month or year are drawn over the whole month or year.")
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
