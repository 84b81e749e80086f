"""Dates of the precision a contributor knows: a year, a month or a day; how they sort and what a wrong one is told."""

from __future__ import annotations

import datetime as dt

import pytest

from advocacy.content.dates import DateError, PartialDate, parse_date


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("2012", PartialDate(2012), "year"),
        ("2012-05", PartialDate(2012, 5), "month"),
        ("2012-05-06", PartialDate(2012, 5, 6), "day"),
        (" 2012-05-06 ", PartialDate(2012, 5, 6), "day"),
        ("2020-02-29", PartialDate(2020, 2, 29), "day"),
    ],
)
def test_parse_date_accepts_year_month_and_day(text: str, date: PartialDate, precision: str) -> None:
    """A date can be known to the year, the month or the day, and prints back as written."""
    parsed = parse_date(text)
    assert parsed == date
    assert parsed.precision == precision
    assert str(parsed) == text.strip()


def test_partial_date_spans_the_days_it_can_mean() -> None:
    """A year or a month means a range of days, used to compare end_date with date."""
    assert (PartialDate(2012).first_day, PartialDate(2012).last_day) == (
        dt.date(2012, 1, 1),
        dt.date(2012, 12, 31),
    )
    assert (PartialDate(2012, 2).first_day, PartialDate(2012, 2).last_day) == (
        dt.date(2012, 2, 1),
        dt.date(2012, 2, 29),
    )


def test_partial_dates_sort_by_earliest_day_less_precise_first() -> None:
    """Cases sort by date whatever its precision: 2012 < 2012-01 < 2012-01-01 < 2012-05 < 2013."""
    dates = [
        PartialDate(2013),
        PartialDate(2012, 5),
        PartialDate(2012, 1, 1),
        PartialDate(2012),
        PartialDate(2012, 1),
    ]
    assert [str(d) for d in sorted(dates)] == ["2012", "2012-01", "2012-01-01", "2012-05", "2013"]
    assert PartialDate(2012) < PartialDate(2012, 5)
    assert PartialDate(2012, 12, 31) <= PartialDate(2013)
    assert PartialDate(2013) > PartialDate(2012, 12, 31)


@pytest.mark.parametrize(
    ("text", "precisions", "message"),
    [
        ("04/10/2011", ("year", "month", "day"), "write the date as YYYY or YYYY-MM or YYYY-MM-DD"),
        ("2011-10", ("day",), "write the date as YYYY-MM-DD"),
        ("2019-02-30", ("day",), "February 2019 has 28 days; write a date that exists, as YYYY-MM-DD"),
        ("2019-13", ("year", "month"), "there is no month 13; write the date as YYYY or YYYY-MM"),
        ("2019-00-10", ("day",), "there is no month 0; write the date as YYYY-MM-DD"),
        ("2019-2-3", ("day",), 'write the month and the day with two digits: "2019-02-03"'),
        ("2019-2", ("year", "month"), 'write the month with two digits: "2019-02"'),
        ("2019-2-30", ("day",), "February 2019 has 28 days; write a date that exists, as YYYY-MM-DD"),
        ("0000", ("year",), "there is no year 0000; write the date as YYYY"),
        ("12019", ("year",), "write the date as YYYY"),
        ("March 2019", ("year", "month", "day"), 'write "2019-03"'),
        ("Apr. 2019", ("year", "month", "day"), 'write "2019-04"'),
        ("April 5, 2019", ("year", "month", "day"), 'write "2019-04-05"'),
        ("5th April 2019", ("year", "month", "day"), 'write "2019-04-05"'),
        ("April 31, 2019", ("day",), "April 2019 has 30 days; write a date that exists, as YYYY-MM-DD"),
        ("March 2019", ("day",), "write the date as YYYY-MM-DD"),
        ("Marsh 2019", ("year", "month", "day"), "write the date as YYYY or YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_parse_date_errors_say_what_to_write(text: str, precisions: tuple[str, ...], message: str) -> None:
    """A wrong date is refused with the accepted forms, or why the date does not exist."""
    with pytest.raises(DateError) as caught:
        parse_date(text, precisions)
    assert str(caught.value) == message
