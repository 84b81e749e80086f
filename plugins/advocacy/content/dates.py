"""Dates of the precision a contributor knows: a year, a month, or a day."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# A month or a day written with one digit (2019-2-3): common, and easy to say how to fix.
_SHORT = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
_FORMS = {"year": "YYYY", "month": "YYYY-MM", "day": "YYYY-MM-DD"}
# A date written with the month's English name: "March 2019", "Mar. 2019", "March 5, 2019", "5 March 2019".
_MONTHS = {
    name.casefold(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_NAMED = re.compile(
    r"(?:(?P<day1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month1>[A-Za-z]+)\.?|(?P<month2>[A-Za-z]+)\.?"
    r"(?:\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?)?)\s*,?\s+(?P<year>\d{4})"
)


class DateError(ValueError):
    """The text is not a date of an accepted form; the message says what to write."""


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day.

    Ordering compares the earliest day each date can mean, and puts the less precise date first when that day
    is the same, so ``2012 < 2012-01 < 2012-01-01 < 2012-05``.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __lt__(self, other: object) -> bool:
        # dataclass(order=True) would compare None with a number and raise TypeError for 2012 < 2012-05.
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.year, self.month or 0, self.day or 0) < (other.year, other.month or 0, other.day or 0)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def first_day(self) -> dt.date:
        """The earliest day this date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day this date can mean."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def parse_date(text: str, precisions: tuple[str, ...] = ("year", "month", "day")) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (limited to ``precisions``).

    Raises:
        DateError: with a message naming the accepted forms, or why the date does not exist.
    """
    forms = " or ".join(_FORMS[p] for p in precisions)
    match = _PATTERN.fullmatch(text.strip())
    if match is None:
        named = iso_date(text)
        if named is not None:
            parse_date(named, precisions)  # raises when that date is wrong too (a day that does not exist)
            raise DateError(f'write "{named}"')
        short = _SHORT.fullmatch(text.strip())
        if short is not None:
            padded = "-".join(f"{int(g):02d}" if len(g) < 4 else g for g in short.groups() if g)
            parse_date(padded, precisions)  # raises when the padded date is wrong too
            digits = "the month and the day" if short.group(3) else "the month"
            raise DateError(f'write {digits} with two digits: "{padded}"')
        raise DateError(f"write the date as {forms}")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if year < dt.MINYEAR:
        # Python's dates start in year 1; comparing end_date with date would otherwise fail.
        raise DateError(f"there is no year {text.strip()[:4]}; write the date as {forms}")
    date = PartialDate(year, month, day)
    if date.precision not in precisions:
        raise DateError(f"write the date as {forms}")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"there is no month {month}; write the date as {forms}")
    if day is not None and month is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            month_name = calendar.month_name[month]
            raise DateError(f"{month_name} {year} has {days} days; write a date that exists, as {forms}")
    return date


def iso_date(text: str) -> str | None:
    """The ``YYYY-MM`` or ``YYYY-MM-DD`` form of a date written with the month's English name ("April 2019" ->
    ``2019-04``, "5 April 2019" -> ``2019-04-05``), or ``None`` when the text is not written so."""
    match = _NAMED.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    month = _MONTHS.get((match["month1"] or match["month2"]).casefold())
    if month is None:
        return None
    day = match["day1"] or match["day2"]
    return f"{match['year']}-{month:02d}" + (f"-{int(day):02d}" if day else "")
