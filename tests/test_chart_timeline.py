"""The timeline chart's axis spans where the events cluster: cut where they pause for long, each piece
with round ticks a reader can read (invented dates)."""
from __future__ import annotations

import datetime as dt

from analysis.charts import timeline

D = dt.date


def test_events_days_apart_and_one_years_later_make_two_pieces_of_axis():
    spans = [(D(2011, 3, 4), D(2011, 3, 4)), (D(2011, 3, 5), D(2011, 3, 5)), (D(2011, 3, 9), D(2011, 3, 9)),
             (D(2015, 6, 1), D(2015, 6, 1))]
    assert timeline.stretches(spans) == [(D(2011, 3, 4), D(2011, 3, 9)), (D(2015, 6, 1), D(2015, 6, 1))]


def test_events_spread_evenly_keep_one_axis():
    spans = [(D(2010 + k, 1, 1), D(2010 + k, 12, 31)) for k in range(6)]
    assert timeline.stretches(spans) == [(D(2010, 1, 1), D(2015, 12, 31))]


def test_at_most_three_pieces_the_shortest_pauses_closed_first():
    years = (1990, 1998, 2004, 2011, 2019)
    spans = [(D(y, 5, 1), D(y, 5, 1)) for y in years]
    pieces = timeline.stretches(spans)
    assert len(pieces) == timeline.MAX_STRETCHES
    assert pieces == [(D(1990, 5, 1), D(1990, 5, 1)), (D(1998, 5, 1), D(2011, 5, 1)), (D(2019, 5, 1), D(2019, 5, 1))]


def test_a_piece_of_days_is_ticked_in_days_a_year_in_months_decades_in_years():
    days, fmt = timeline.tick_dates(D(2011, 2, 20), D(2011, 3, 20), 4)
    assert fmt == "%-d %b" and 2 <= len(days) <= 4
    months, fmt = timeline.tick_dates(D(2011, 1, 10), D(2011, 12, 20), 4)
    assert fmt == "%b" and all(m.day == 1 for m in months) and len(months) <= 4
    years, fmt = timeline.tick_dates(D(1990, 1, 1), D(2020, 1, 1), 5)
    assert fmt == "%Y" and len(years) <= 5


def test_a_month_piece_too_narrow_for_months_is_ticked_in_years():
    ticks, fmt = timeline.tick_dates(D(2005, 12, 1), D(2007, 12, 1), 2)
    assert fmt == "%Y" and ticks == [D(2006, 1, 1), D(2007, 1, 1)]


def test_a_single_date_gets_a_margin_either_side():
    lo, hi = timeline.view((D(2012, 7, 9), D(2012, 7, 9)))
    assert lo < D(2012, 7, 9) < hi and (hi - lo).days >= 24


def test_marks_too_close_share_a_label_two_stacked_more_as_a_range():
    labels = timeline.number_labels([(0.0, 1), (0.05, 2), (3.0, 3), (3.02, 4), (3.04, 5), (9.0, 6)], near=0.1)
    assert [text for _, text in labels] == [["1", "2"], ["3–5"], ["6"]]


def test_the_caption_says_the_axis_is_cut_when_it_is():
    events = [timeline.TimelineEvent(0, 1, "2011-03-04", "day"), timeline.TimelineEvent(0, 2, "2011-03-06", "day"),
              timeline.TimelineEvent(0, 3, "2016-06-01", "day")]
    drawn = timeline.draw(["Recognition of Vellmar"], events, accent="#1f4e79", chart_id="fig-9")
    assert "cut (//)" in drawn.caption
    one = timeline.draw(["Recognition of Vellmar"], events[:2], accent="#1f4e79", chart_id="fig-9")
    assert "cut" not in one.caption


def test_a_narrow_piece_still_gets_ticks_whatever_its_length():
    for lo, hi in ((D(2011, 1, 1), D(2011, 3, 10)), (D(1700, 1, 1), D(2020, 1, 1)), (D(2011, 1, 1), D(2011, 1, 1))):
        ticks, _ = timeline.tick_dates(lo, hi, 2)
        assert len(ticks) <= 2
