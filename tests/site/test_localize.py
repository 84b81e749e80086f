"""Lists and date ranges written the way each language writes them (CLDR, through Babel)."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from advocacy.content.dates import PartialDate
from advocacy.content.vocabularies import Vocabularies
from advocacy.site.localize import Localizer


def loc(language: str) -> Localizer:
    return Localizer(language, "en", Vocabularies())


@pytest.mark.parametrize(
    ("language", "two", "four"),
    [
        ("en", "A and B", "A, B, C, and D"),
        ("fr", "A et B", "A, B, C et D"),
        ("es", "A y B", "A, B, C y D"),
        ("ar", "A وB", "A وB وC وD"),
        ("hi", "A और B", "A, B, C, और D"),
    ],
)
def test_lists_are_joined_the_languages_way(language: str, two: str, four: str) -> None:
    """Two and four items are listed with the language's own words and signs, never a Latin comma in Arabic."""
    assert (loc(language).join(["A", "B"]), loc(language).join(["A", "B", "C", "D"])) == (two, four)


def test_a_list_escapes_text_and_keeps_markup() -> None:
    """Names are escaped; links passed as markup stay links."""
    joined = loc("en").join(["<b>", Markup('<a href="x">y</a>')])
    assert joined == '&lt;b&gt; and <a href="x">y</a>'
    assert loc("en").join([]) == "" and loc("en").join(["only"]) == "only"


@pytest.mark.parametrize(
    ("language", "start", "end", "ongoing", "expected"),
    [
        ("en", PartialDate(2015, 9), PartialDate(2015, 11), False, "September\u2009–\u2009November 2015"),
        ("en", PartialDate(2012), PartialDate(2018), False, "2012\u2009–\u20092018"),
        (
            "en",
            PartialDate(2015, 9),
            PartialDate(2016, 10, 7),
            False,
            "September 2015\u2009–\u2009October 7, 2016",
        ),
        ("en", PartialDate(2015), None, True, "since 2015"),
        ("en", PartialDate(2018, 12), None, False, "December 2018"),
        ("fr", PartialDate(2015, 9), PartialDate(2015, 11), False, "septembre\u2009–\u2009novembre 2015"),
        ("ar", PartialDate(2014, 1), None, True, "منذ يناير 2014"),
        ("hi", PartialDate(2017, 4), PartialDate(2022, 3), False, "अप्रैल 2017 – मार्च 2022"),
    ],
)
def test_when_a_case_happened_is_written_from_its_fields(
    language: str, start: PartialDate, end: PartialDate | None, ongoing: bool, expected: str
) -> None:
    """A date, a range written once where the parts are shared (CLDR puts thin spaces around the dash in
    English and French), or "since" a date while a case is ongoing."""
    assert loc(language).date_range(start, end, ongoing) == expected
