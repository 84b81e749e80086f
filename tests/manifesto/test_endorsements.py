"""Endorsements: one file per organisation, each endorsement of a released version, checked with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.manifesto import (
    endorsement,
    make,
    problems_of,
)


def test_an_endorsement_of_a_version_never_released_is_reported(tmp_path: Path) -> None:
    """Endorsing a version that does not exist names the released ones."""
    project = make(
        tmp_path,
        {
            "manifesto/endorsements/wmde.yml": endorsement(
                "Wikimedia Deutschland", "DE", ("0.2.0", "2026-03-01")
            )
        },
    )
    assert problems_of(project) == [
        (
            "manifesto/endorsements/wmde.yml",
            6,
            "endorsements",
            'version "0.2.0" was never released; endorse a released version (0.1.0)',
        )
    ]


def test_an_endorsement_problem_names_its_line(tmp_path: Path) -> None:
    """In a file with several endorsements, the message points at the wrong one's line."""
    text = endorsement("Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01"), ("0.2.0", "2026-03-01"))
    project = make(tmp_path, {"manifesto/endorsements/wmde.yml": text})
    assert [line for _, line, _, _ in problems_of(project)] == [9]


@pytest.mark.parametrize(
    ("date", "message"),
    [
        (
            "2026-01-01",
            "the endorsement of 0.1.0 is dated 2026-01-01, before the version was released (2026-01-10)",
        ),
        ("2026-07-01", "the endorsement is dated in the future (2026-07-01)"),
    ],
)
def test_an_endorsement_dated_before_the_release_or_in_the_future_is_reported(
    tmp_path: Path, date: str, message: str
) -> None:
    """An endorsement cannot predate the version it endorses, nor be dated after today."""
    project = make(
        tmp_path,
        {"manifesto/endorsements/wmde.yml": endorsement("Wikimedia Deutschland", "DE", ("0.1.0", date))},
    )
    assert problems_of(project) == [("manifesto/endorsements/wmde.yml", 6, "endorsements", message)]


def test_a_version_endorsed_twice_in_one_file_is_reported(tmp_path: Path) -> None:
    """An organisation endorses each version at most once."""
    text = endorsement("Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01"), ("0.1.0", "2026-04-01"))
    assert problems_of(make(tmp_path, {"manifesto/endorsements/wmde.yml": text})) == [
        ("manifesto/endorsements/wmde.yml", 9, "endorsements", "version 0.1.0 is endorsed twice; keep one")
    ]


def test_one_organisation_in_two_files_is_reported(tmp_path: Path) -> None:
    """The same name (whatever its case and spacing) in a second file is reported, naming the first."""
    project = make(
        tmp_path,
        {
            "manifesto/endorsements/wikimedia-de.yml": endorsement(
                "Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01")
            ),
            "manifesto/endorsements/wmde.yml": endorsement(
                "wikimedia  deutschland", "DE", ("0.1.0", "2026-03-02")
            ),
        },
    )
    assert problems_of(project) == [
        (
            "manifesto/endorsements/wmde.yml",
            None,
            "name",
            '"wikimedia deutschland" already endorses in manifesto/endorsements/wikimedia-de.yml; add the version '
            "to that file",
        )
    ]


def test_one_organisation_in_two_files_is_reported_once(tmp_path: Path) -> None:
    """A second file for the same organisation is one mistake, reported once however many versions it lists."""
    second = endorsement("Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01"), ("0.1.0", "2026-03-02"))
    project = make(
        tmp_path,
        {
            "manifesto/endorsements/a.yml": endorsement(
                "Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01")
            ),
            "manifesto/endorsements/b.yml": second,
        },
    )
    assert [message for _, _, field, message in problems_of(project) if field == "name"] == [
        '"Wikimedia Deutschland" already endorses in manifesto/endorsements/a.yml; add the version to that file'
    ]


def test_endorsement_fields_are_checked_with_their_lines(tmp_path: Path) -> None:
    """A website that is not an address and an unknown type are reported on their lines, by field."""
    text = endorsement(
        "Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01"), website="www.wikimedia.de"
    ).replace("type: chapter", "type: club")
    assert problems_of(make(tmp_path, {"manifesto/endorsements/wmde.yml": text})) == [
        (
            "manifesto/endorsements/wmde.yml",
            2,
            "type",
            'found "club"; write one of: chapter, thematic-organization, user-group, community, foundation, partner',
        ),
        (
            "manifesto/endorsements/wmde.yml",
            4,
            "website",
            '"www.wikimedia.de" is not a web address; write a full address that starts with https://',
        ),
    ]


def test_an_endorsement_file_name_must_be_an_id(tmp_path: Path) -> None:
    """A file name with capitals is refused with an example of a good one; other files are refused too."""
    project = make(
        tmp_path,
        {
            "manifesto/endorsements/WMDE.yml": endorsement(
                "Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01")
            ),
            "manifesto/endorsements/notes.txt": "notes",
        },
    )
    assert problems_of(project) == [
        (
            "manifesto/endorsements/WMDE.yml",
            None,
            None,
            '"WMDE.yml" is not a valid file name; name it after the organisation in lowercase letters, digits and '
            "hyphens (wikimedia-deutschland.yml)",
        ),
        ("manifesto/endorsements/notes.txt", None, None, "endorsements are .yml files, one per organisation"),
    ]
