"""The drawing of a dossier: its cases on a time axis, one row per case, with arrows from a case to those it
inspired. Pure geometry; the template turns it into inline SVG (no script, no external service).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from advocacy.content.dates import PartialDate

WIDTH = 640
ROW = 30
TOP = 34
LABEL = 200  # room for the jurisdiction names
MARGIN = 24


@dataclass(frozen=True)
class Mark:
    """One case on the timeline."""

    id: str
    label: str
    outcome: str
    x: float
    x_end: float
    y: float


@dataclass
class Timeline:
    """Everything the template needs to draw: size, year ticks, marks and lineage arrows."""

    width: int
    height: int
    ticks: list[tuple[float, int]] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    arrows: list[str] = field(default_factory=list)
    label_x: float = 0


def _position(value: PartialDate, end: bool = False) -> float:
    day = value.last_day if end else value.first_day
    return day.year + (day.timetuple().tm_yday - 1) / 366


def draw_timeline(
    rows: list[tuple[str, str, PartialDate, PartialDate | None, str]],
    edges: list[tuple[str, str]],
    rtl: bool = False,
) -> Timeline:
    """Lay out a dossier's cases.

    Args:
        rows: (case id, label, start date, end date, outcome) per case, in the order to draw them.
        edges: (earlier case id, later case id) pairs: the later case took its approach from the earlier one.
        rtl: Draw for a right-to-left language: time runs from right to left, labels on the right.
    """
    timeline = Timeline(WIDTH, TOP + ROW * max(1, len(rows)) + 8)
    if not rows:
        return timeline
    start = min(int(_position(r[2])) for r in rows)
    stop = max(_position(r[3] or r[2], end=True) for r in rows)
    stop = max(stop, start + 1)
    span = stop - start
    plot_left, plot_right = (MARGIN, WIDTH - LABEL) if rtl else (LABEL, WIDTH - MARGIN)

    def x(position: float) -> float:
        share = (position - start) / span
        offset = share * (plot_right - plot_left)
        return round(plot_right - offset if rtl else plot_left + offset, 1)

    step = max(1, round(span / 6))
    timeline.ticks = [(x(year), year) for year in range(start, int(stop) + 1, step)]
    timeline.label_x = WIDTH - MARGIN / 2 if rtl else MARGIN / 2
    where: dict[str, Mark] = {}
    for index, (case_id, label, begin, end, outcome) in enumerate(rows):
        short = label if len(label) <= 30 else label[:29] + "…"
        y = TOP + ROW * index + ROW / 2
        mark = Mark(case_id, short, outcome, x(_position(begin)), x(_position(end or begin, end=True)), y)
        timeline.marks.append(mark)
        where[case_id] = mark
    for earlier, later in edges:
        if earlier in where and later in where:
            a, b = where[earlier], where[later]
            bend = (b.y - a.y) / 2
            timeline.arrows.append(f"M{a.x},{a.y} C{a.x},{a.y + bend} {b.x},{b.y - bend} {b.x},{b.y - 6}")
    return timeline
