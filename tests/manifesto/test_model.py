"""Version numbers: MAJOR.MINOR.PATCH only, ordered as numbers, and the part a release raises for each kind of
change."""

from __future__ import annotations

import pytest

from advocacy.manifesto.model import Version, level_of, load_manifesto_model, parse_version


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.2.0", Version(1, 2, 0)),
        ("0.10.3", Version(0, 10, 3)),
        ("1.2", None),
        ("v1.2.0", None),
        ("01.2.0", None),
        ("1.2.0-rc1", None),
    ],
)
def test_parse_version_accepts_only_major_minor_patch(text: str, expected: Version | None) -> None:
    """Only MAJOR.MINOR.PATCH is a version number; anything else is refused by the changelog check."""
    assert parse_version(text) == expected


def test_versions_order_as_numbers() -> None:
    """0.10.0 is newer than 0.9.0, so the changelog order check does not compare text."""
    assert Version(0, 10, 0) > Version(0, 9, 5) > Version(0, 9, 0)
    assert str(Version(1, 10, 2)) == "1.10.2"
    assert Version(1, 2, 3).raised("patch") == Version(1, 2, 4)
    assert Version(1, 2, 3).raised("minor") == Version(1, 3, 0)
    assert Version(1, 2, 3).raised("major") == Version(2, 0, 0)


@pytest.mark.parametrize(
    ("current", "kinds", "level"),
    [
        ("1.0.0", ["wording"], "patch"),
        ("1.0.0", ["wording", "added"], "minor"),
        ("1.0.0", ["refined"], "minor"),
        ("1.0.0", ["wording", "reversed"], "major"),
        ("1.0.0", ["removed"], "major"),
        ("1.0.0", [], "patch"),
        # Before 1.0.0 the text is a draft: one level less.
        ("0.3.0", ["wording"], "patch"),
        ("0.3.0", ["added"], "patch"),
        ("0.3.0", ["refined"], "patch"),
        ("0.3.0", ["removed"], "minor"),
        ("0.3.0", ["reversed", "wording"], "minor"),
    ],
)
def test_the_kinds_of_change_decide_the_part_of_the_version_raised(
    current: str, kinds: list[str], level: str
) -> None:
    """The release number follows the documented table, one step less before 1.0.0."""
    version = parse_version(current)
    assert version is not None
    assert level_of(kinds, version, load_manifesto_model()) == level
