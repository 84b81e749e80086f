"""The geometry of a dossier's timeline: positions in percent along the axis, round-year marks, ongoing cases
running to the day of the build, time running from right to left in Arabic."""

from __future__ import annotations

import datetime as dt

from advocacy.content.dates import PartialDate
from advocacy.site.timeline import INSET, draw_timeline

TODAY = dt.date(2026, 12, 4)


def test_an_ongoing_case_runs_to_today_and_an_ended_one_stops() -> None:
    """South Africa's ongoing case (2015, no end) reaches today's mark; a case with an end date stops there;
    a case with one date and no end is a dot."""
    rows = [
        ("za", PartialDate(2015), None, True),
        ("au", PartialDate(2017, 5), PartialDate(2017, 6), False),
        ("gh", PartialDate(2018, 12), None, False),
    ]
    timeline = draw_timeline(rows, TODAY)
    za, au, gh = timeline.rows
    assert (za.start, za.ongoing, za.moment) == (INSET, True, False)
    assert za.end == timeline.today == 100 - INSET
    assert (au.ongoing, au.moment) == (False, False) and au.start < au.end < za.end
    assert (gh.moment, gh.start, gh.end) == (True, gh.start, gh.start)
    # Year marks on round years (every second one over twelve years), inside the axis.
    assert [year for _, year, _ in timeline.ticks] == [2016, 2018, 2020, 2022, 2024, 2026]
    assert all(INSET <= x <= 100 - INSET for x, _, _ in timeline.ticks)


def test_without_an_ongoing_case_there_is_no_today_mark() -> None:
    """The axis ends with the last case, and no "today" line is drawn."""
    timeline = draw_timeline([("a", PartialDate(2010), PartialDate(2012), False)], TODAY)
    assert timeline.today is None
    assert timeline.rows[0].end == 100 - INSET


def test_right_to_left_mirrors_the_axis() -> None:
    """In Arabic the earliest date is at the right: each position is mirrored."""
    rows = [("a", PartialDate(2010), PartialDate(2012), False), ("b", PartialDate(2011, 6), None, True)]
    ltr, rtl = draw_timeline(rows, TODAY), draw_timeline(rows, TODAY, rtl=True)
    assert [(round(100 - r.start, 2), round(100 - r.end, 2)) for r in rtl.rows] == [
        (r.start, r.end) for r in ltr.rows
    ]
    assert [r.left for r in rtl.rows] == [round(100 - r.end, 2) for r in ltr.rows]
