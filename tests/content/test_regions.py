"""World regions: a case is browsable by the country and UN region of its jurisdiction."""

from __future__ import annotations

import pytest

from advocacy.content.regions import country_of, regions_of
from advocacy.content.repository import Repository
from advocacy.site.localize import Localizer


@pytest.mark.parametrize(
    ("jurisdiction", "country", "regions", "region_names"),
    [
        ("FR", "FR", ("150", "155"), ["Europe", "Western Europe"]),
        ("ES-CT", "ES", ("150", "039"), ["Europe", "Southern Europe"]),
        ("EU", None, ("150",), ["Europe"]),
        ("wipo", None, (), []),
        ("council-of-europe", None, (), []),
    ],
)
def test_jurisdictions_map_to_countries_and_un_regions(
    repository: Repository,
    jurisdiction: str,
    country: str | None,
    regions: tuple[str, ...],
    region_names: list[str],
) -> None:
    """A case is browsable by the country and UN region of its jurisdiction; the EU is in Europe only."""
    assert country_of(jurisdiction) == country
    assert regions_of(jurisdiction) == regions
    localizer = Localizer("en", "en", repository.vocabularies)
    assert [localizer.region(code) for code in regions] == region_names
