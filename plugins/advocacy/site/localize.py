"""Names and dates in the reader's language, from the Unicode CLDR data in Babel (never hand-written tables).

Country, region and language names, partial dates, vocabulary labels and the outcome words all go through a
:class:`Localizer`, one per site language and build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property, lru_cache

import pycountry
from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, format_skeleton
from babel.numbers import format_decimal
from markupsafe import Markup, escape

from advocacy.content.dates import PartialDate
from advocacy.content.jurisdictions import EU
from advocacy.content.vocabularies import Vocabularies
from advocacy.locales.strings import strings

_SUBDIVISION = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
_SKELETONS = {"year": "y", "month": "yMMMM", "day": "yMMMMd"}


@lru_cache(maxsize=64)
def _locale(code: str) -> Locale:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


class Localizer:
    """Labels for the values of case metadata in one language.

    Args:
        language: The code of the language to write in.
        default: The site's default language, used where a vocabulary has no label in ``language``.
        vocabularies: The project's vocabularies (labels of topics, methods, dossiers, organizations, forums).
    """

    def __init__(self, language: str, default: str, vocabularies: Vocabularies) -> None:
        self.language = language
        self.default = default
        self.vocabularies = vocabularies
        self.locale = _locale(language)
        self.ui = strings(language)
        # Case pages and lists ask for the same few dates and places again and again; CLDR formatting is slow.
        self._dates: dict[PartialDate, str] = {}
        self._jurisdictions: dict[str, str] = {}
        self._ranges: dict[tuple[PartialDate, PartialDate | None, bool], str] = {}

    @cached_property
    def direction(self) -> str:
        """``"rtl"`` or ``"ltr"``."""
        return "rtl" if self.locale.character_order == "right-to-left" else "ltr"

    def direction_of(self, code: str) -> str:
        """``"rtl"`` or ``"ltr"`` for text in another language (to mark it up where it is quoted)."""
        return "rtl" if _locale(code).character_order == "right-to-left" else "ltr"

    def term(self, vocabulary: str, term_id: str) -> str:
        """The label of a vocabulary term (its id when the term is unknown)."""
        term = self.vocabularies.terms.get(vocabulary, {}).get(term_id)
        return term.label(self.language, self.default) if term is not None else term_id

    def country(self, code: str) -> str:
        """A country's name (``DE`` -> ``Allemagne`` in French)."""
        return str(self.locale.territories.get(code) or code)

    def region(self, code: str) -> str:
        """A UN M49 region's name (``150`` -> ``Europe``)."""
        return str(self.locale.territories.get(code) or code)

    def language_name(self, code: str) -> str:
        """A language's name in the reader's language (``ar`` -> ``arabe`` in French)."""
        return str(self.locale.languages.get(code) or code)

    def jurisdiction(self, code: str) -> str:
        """A jurisdiction's name: a country, a subdivision with its country, the EU, or a forum."""
        name = self._jurisdictions.get(code)
        if name is None:
            name = self._jurisdictions[code] = self._jurisdiction(code)
        return name

    def _jurisdiction(self, code: str) -> str:
        if code == EU or (len(code) == 2 and code.isupper()):
            return self.country(code)
        if _SUBDIVISION.fullmatch(code):
            subdivision = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]  # pycountry ships no types for get()
            name = subdivision.name if subdivision is not None else code
            return f"{name} ({self.country(code.split('-')[0])})"
        return self.term("forums", code)

    def date(self, value: PartialDate) -> str:
        """A partial date written as the language writes it, to the precision it is known."""
        text = self._dates.get(value)
        if text is None:
            text = self._dates[value] = self._date(value)
        return text

    def _date(self, value: PartialDate) -> str:
        if value.precision == "day":
            return str(format_date(value.first_day, "long", locale=self.locale))
        return str(format_skeleton(_SKELETONS[value.precision], value.first_day, locale=self.locale))

    def date_range(self, start: PartialDate, end: PartialDate | None, ongoing: bool = False) -> str:
        """When something happened, from the fields: one date, a range (CLDR's interval format, which writes
        the shared parts once: "September – November 2015"), or "since" a date while it is ongoing."""
        key = (start, end, ongoing)
        text = self._ranges.get(key)
        if text is None:
            text = self._ranges[key] = self._date_range(start, end, ongoing)
        return text

    def _date_range(self, start: PartialDate, end: PartialDate | None, ongoing: bool) -> str:
        if end is None or end == start:
            text = self.date(start)
            return str(self.ui["dates"]["since"]).format(date=text) if ongoing and end is None else text
        if start.precision == end.precision:
            skeleton = _SKELETONS[start.precision]
            return str(format_interval(start.first_day, end.first_day, skeleton, locale=self.locale))
        # Dates known to different precisions: each as precise as it is known, joined the language's way.
        pattern = self.locale.interval_formats.get(None) or "{0} – {1}"
        return str(pattern).format(self.date(start), self.date(end))

    def join(self, items: Iterable[str | Markup]) -> Markup:
        """Items as a list the way the language writes one (CLDR list patterns: "A, B and C" in English,
        "A وB وC" in Arabic). Items are escaped unless they are markup already (links)."""
        parts = [escape(item) for item in items]
        if len(parts) < 2:
            return parts[0] if parts else Markup("")
        patterns = self._escaped_list_patterns
        if len(parts) == 2:
            return patterns["2"].replace("{0}", parts[0]).replace("{1}", parts[1])
        result = patterns["end"].replace("{0}", parts[-2]).replace("{1}", parts[-1])
        for part in reversed(parts[1:-2]):
            result = patterns["middle"].replace("{0}", part).replace("{1}", result)
        return patterns["start"].replace("{0}", parts[0]).replace("{1}", result)

    @cached_property
    def _escaped_list_patterns(self) -> dict[str, Markup]:
        # Markup.replace escapes its arguments unless they are markup: the patterns are CLDR's text.
        return {key: escape(pattern) for key, pattern in self._list_patterns.items()}

    @cached_property
    def _list_patterns(self) -> dict[str, str]:
        # Babel's table of a locale may hold only the patterns that differ from its parent's: fill in the rest
        # from English, whose four patterns are all there.
        mine = dict(self.locale.list_patterns.get("standard", {}))
        english = dict(_locale("en").list_patterns["standard"])
        return {key: str(mine.get(key) or english[key]) for key in ("start", "middle", "end", "2")}

    def year(self, year: int) -> str:
        """A year, in the language's digits."""
        return self.date(PartialDate(year))

    def number(self, value: int) -> str:
        """A count, in the language's digits and grouping."""
        return str(format_decimal(value, locale=self.locale))

    def outcome(self, value: str) -> str:
        """The word for an outcome (``partial`` -> ``partial success``)."""
        return str(self.ui["outcomes"][value])
