"""World regions of the UN M49 geoscheme, so that readers can browse cases by region.

The containment table is data (``advocacy/data/regions.yml``); region names come from CLDR in
:mod:`advocacy.site.localize`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from advocacy.content.jurisdictions import EU

EUROPE = "150"


@cache
def _table() -> dict[str, tuple[str, str]]:
    """Country code -> (region, sub-region)."""
    data = yaml.safe_load((resources.files("advocacy") / "data" / "regions.yml").read_text(encoding="utf-8"))
    table: dict[str, tuple[str, str]] = {}
    for region, subregions in data.items():
        for subregion, countries in subregions.items():
            for country in countries:
                table[str(country)] = (str(region), str(subregion))
    return table


@cache
def region_order() -> tuple[str, ...]:
    """Every region and sub-region code, each region followed by its sub-regions, in the file's order."""
    data = yaml.safe_load((resources.files("advocacy") / "data" / "regions.yml").read_text(encoding="utf-8"))
    order: list[str] = []
    for region, subregions in data.items():
        order.append(str(region))
        order.extend(str(s) for s in subregions)
    return tuple(order)


def country_of(jurisdiction: str) -> str | None:
    """The ISO 3166-1 country of a jurisdiction (``ES-CT`` -> ``ES``); ``None`` for the EU and forums."""
    code = jurisdiction.split("-")[0]
    return code if code in _table() else None


def regions_of(jurisdiction: str) -> tuple[str, ...]:
    """The region and sub-region of a jurisdiction (``FR`` -> ``("150", "155")``; the EU is in Europe)."""
    if jurisdiction == EU:
        return (EUROPE,)
    country = country_of(jurisdiction)
    return _table()[country] if country is not None else ()
