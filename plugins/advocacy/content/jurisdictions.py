"""Jurisdiction codes: ISO 3166-1 alpha-2 countries, ISO 3166-2 subdivisions, EU, and international forums."""

from __future__ import annotations

import difflib
from collections.abc import Collection
from functools import cache

import pycountry

EU = "EU"

# Codes ISO 3166 reserves "exceptionally" that people often write for the official one.
_RESERVED = {"UK": "GB", "EL": "GR"}
# Short English names people write that ISO 3166 and CLDR spell otherwise ("Turkey" is "Türkiye" there).
_COMMON_NAMES = {
    "turkey": "TR",
    "ivory coast": "CI",
    "burma": "MM",
    "swaziland": "SZ",
    "macedonia": "MK",
    "holland": "NL",
    "britain": "GB",
    "great britain": "GB",
    "russia": "RU",
    "south korea": "KR",
    "north korea": "KP",
    "syria": "SY",
    "laos": "LA",
    "palestine": "PS",
    "east timor": "TL",
    "cape verde": "CV",
    "vatican": "VA",
    "america": "US",
}


@cache
def countries() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code."""
    return frozenset(country.alpha_2 for country in pycountry.countries)


@cache
def subdivisions() -> frozenset[str]:
    """Every ISO 3166-2 subdivision code (``ES-CT``)."""
    return frozenset(subdivision.code for subdivision in pycountry.subdivisions)


def check_jurisdiction(code: str, forums: Collection[str]) -> str | None:
    """Return ``None`` when ``code`` is a valid jurisdiction, else what to write instead."""
    if code == EU or code in forums or code in countries() or code in subdivisions():
        return None
    if code in _RESERVED:
        return f'"{code}" is not the ISO 3166 code of this country; write "{_RESERVED[code]}"'
    upper, lower = code.upper(), code.lower()
    if upper != code and (upper == EU or upper in countries() or upper in subdivisions()):
        return f'write codes in capital letters: "{upper}"'
    if lower != code and lower in forums:
        return f'write forum ids in small letters: "{lower}"'
    named = country_code(code)
    if named is not None and len(code) == 3 and code.isupper():
        return f'"{code}" is a three-letter code; write the two-letter ISO 3166-1 code: "{named}"'
    if named is not None:
        return f'"{code}" is a country\'s name; write its ISO 3166-1 code: "{named}"'
    hint = ""
    if "-" in code:
        close = difflib.get_close_matches(upper, subdivisions(), n=1, cutoff=0.8)
        if close:
            hint = f' (did you mean "{close[0]}"?)'
    else:
        close = difflib.get_close_matches(lower, list(forums), n=1, cutoff=0.75)
        if close:
            hint = f' (did you mean "{close[0]}"?)'
    return (
        f'"{code}" is not a known jurisdiction{hint}; write an ISO 3166-1 alpha-2 country code (DE), an ISO '
        "3166-2 subdivision code (ES-CT), EU, or a forum id of cases/vocabularies/forums.yml"
    )


def country_code(name: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country written by its English name or alpha-3 code ("China" -> ``CN``,
    "CHN" -> ``CN``, "Turkey" -> ``TR``), or ``None``."""
    text = " ".join(name.split())
    if len(text) < 3:
        return None
    common = _COMMON_NAMES.get(text.casefold())
    if common is not None:
        return common
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        return None
