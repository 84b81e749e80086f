"""The timeline of a dossier: its cases on one time axis, a row per case, as positions along the axis.

Pure geometry. The template draws each row as a link with its dates and outcome in words, and a small inline
SVG bar whose positions are percentages of its width: the bar stretches with the screen while the text stays
text, so a 360 px phone reads it as well as a desktop (no script, no style attribute, no other host).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from advocacy.content.dates import PartialDate

# Year marks on the axis: at most this many, on round years.
MAX_TICKS = 6
# Room kept at each end of the axis, in percent, so that a dot or a year at the very start is not cut.
INSET = 3


@dataclass(frozen=True)
class Row:
    """One case on the timeline.

    Attributes:
        id: The case.
        start: Where its bar starts, in percent of the axis, from the physical left (mirrored for a
            right-to-left page, where time runs from right to left).
        end: Where its bar ends, in the same terms.
        ongoing: The case is ongoing: its bar runs to today and has no end.
        moment: It has no end date and is not ongoing: a dot, no bar.
    """

    id: str
    start: float
    end: float
    ongoing: bool
    moment: bool

    @property
    def left(self) -> float:
        """The bar's left edge, in percent."""
        return min(self.start, self.end)

    @property
    def width(self) -> float:
        """The bar's width, in percent."""
        return abs(self.end - self.start)


@dataclass
class Timeline:
    """What the template needs to draw: the year marks (position, year, and the SVG ``text-anchor`` that keeps
    the year inside the axis), one row per case in order, and where today is when a case is ongoing."""

    ticks: list[tuple[float, int, str]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    today: float | None = None

    @property
    def ids(self) -> set[str]:
        """The cases on the timeline."""
        return {row.id for row in self.rows}


def position(day: dt.date) -> float:
    """A day as a year with its fraction (1 July 2015 is about 2015.5)."""
    return day.year + (day.timetuple().tm_yday - 1) / 366


def draw_timeline(
    rows: list[tuple[str, PartialDate, PartialDate | None, bool]],
    today: dt.date,
    rtl: bool = False,
) -> Timeline:
    """Lay out a dossier's cases.

    Args:
        rows: (case id, start date, end date, ongoing) per case, in the order to draw them.
        today: The day the site is built: the open end of ongoing cases.
        rtl: Draw for a right-to-left language: time runs from right to left.
    """
    timeline = Timeline()
    if not rows:
        return timeline
    ends = [position(end.last_day) for _, _, end, _ in rows if end is not None]
    if any(ongoing for *_, ongoing in rows):
        ends.append(position(today))
    first = min(int(position(start.first_day)) for _, start, _, _ in rows)
    last = max([*ends, *(position(start.last_day) for _, start, _, _ in rows)])
    span = max(last - first, 1.0)

    def x(value: float) -> float:
        share = INSET + (value - first) / span * (100 - 2 * INSET)
        return round(100 - share if rtl else share, 2)

    step = 1
    while (int(last) - first) / step >= MAX_TICKS:
        step = {1: 2, 2: 5}.get(step, step * 2)
    start_year = first + (-first % step)
    for year in range(start_year, int(last) + 1, step):
        at = x(year)
        timeline.ticks.append((at, year, "start" if at < 8 else "end" if at > 92 else "middle"))
    for case_id, start, end, ongoing in rows:
        begin = x(position(start.first_day))
        if end is not None:
            stop = x(position(end.last_day))
        elif ongoing:
            stop = x(position(today))
        else:
            stop = begin
        timeline.rows.append(Row(case_id, begin, stop, ongoing and end is None, end is None and not ongoing))
    if any(row.ongoing for row in timeline.rows):
        timeline.today = x(position(today))
    return timeline
