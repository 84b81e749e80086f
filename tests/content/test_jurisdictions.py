"""Jurisdiction codes: countries, subdivisions, the EU and forums accepted; a wrong code told the right one."""

from __future__ import annotations

import pytest

from advocacy.content.jurisdictions import check_jurisdiction

FORUMS = frozenset({"wipo"})


@pytest.mark.parametrize("code", ["GB", "DE", "ES-CT", "EU", "wipo"])
def test_known_jurisdictions_are_accepted(code: str) -> None:
    """Countries, subdivisions, the EU and forums of forums.yml are jurisdictions."""
    assert check_jurisdiction(code, FORUMS) is None


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("UK", '"UK" is not the ISO 3166 code of this country; write "GB"'),
        ("EL", '"EL" is not the ISO 3166 code of this country; write "GR"'),
        ("de", 'write codes in capital letters: "DE"'),
        ("es-ct", 'write codes in capital letters: "ES-CT"'),
        ("WIPO", 'write forum ids in small letters: "wipo"'),
        ("China", '"China" is a country\'s name; write its ISO 3166-1 code: "CN"'),
        ("India", '"India" is a country\'s name; write its ISO 3166-1 code: "IN"'),
        ("Turkey", '"Turkey" is a country\'s name; write its ISO 3166-1 code: "TR"'),
        ("CHN", '"CHN" is a three-letter code; write the two-letter ISO 3166-1 code: "CN"'),
        (
            "wip",
            '"wip" is not a known jurisdiction (did you mean "wipo"?); write an ISO 3166-1 alpha-2 country code '
            "(DE), an ISO 3166-2 subdivision code (ES-CT), EU, or a forum id of cases/vocabularies/forums.yml",
        ),
        (
            "XX",
            '"XX" is not a known jurisdiction; write an ISO 3166-1 alpha-2 country code (DE), an ISO 3166-2 '
            "subdivision code (ES-CT), EU, or a forum id of cases/vocabularies/forums.yml",
        ),
    ],
)
def test_unknown_jurisdictions_say_what_to_write(code: str, message: str) -> None:
    """A wrong code is told the right one when there is one."""
    assert check_jurisdiction(code, FORUMS) == message
