"""Reading manifesto/changelog.yml: each item and version checked field by field, with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy.manifesto.changelog import read_changelog
from tests.support.manifesto import (
    CHANGELOG,
    CHANGELOG_TEXT,
    EDITED,
    INDEX,
    LANGUAGES,
    make,
    problems_of,
    with_unreleased,
)


def test_changelog_items_are_checked_field_by_field() -> None:
    """An unknown kind of change and a missing note are reported with the file, line and field."""
    text = with_unreleased(CHANGELOG_TEXT, ("privacy", "rewritten", "Clearer.")).replace(
        "unreleased:\n", "unreleased:\n  - clause: privacy\n    change: wording\n", 1
    )
    changelog, problems = read_changelog(text, CHANGELOG, LANGUAGES)
    assert [(p.line, p.field, p.message) for p in problems] == [
        (
            3,
            "unreleased[1].note",
            'the required field "note" is missing; add it (What changed and why, in one or two plain sentences.)',
        ),
        (
            6,
            "unreleased[2].change",
            'found "rewritten"; write one of: wording, refined, added, reversed, removed',
        ),
    ]
    assert changelog is not None and changelog.unreleased == ()


@pytest.mark.parametrize(
    ("version", "field", "message"),
    [
        (
            '"1.0"',
            "versions[1].version",
            '"1.0" is not a version number; write MAJOR.MINOR.PATCH, such as 1.2.0',
        ),
        (
            "v0.1.0",
            "versions[1].version",
            '"v0.1.0" is not a version number; write MAJOR.MINOR.PATCH, such as 1.2.0',
        ),
        ("1.0", "versions[1].version", 'expected text, found the number 1.0; put it in quotes: "1.0"'),
    ],
)
def test_a_bad_version_string_is_refused(version: str, field: str, message: str) -> None:
    """A version that is not MAJOR.MINOR.PATCH is reported on its line."""
    changelog, problems = read_changelog(
        CHANGELOG_TEXT.replace("version: 0.1.0", f"version: {version}"), CHANGELOG, LANGUAGES
    )
    assert [(p.file, p.line, p.field, p.message) for p in problems] == [(CHANGELOG, 4, field, message)]
    assert changelog is not None and changelog.releases == ()


def test_versions_must_be_listed_newest_first_and_once() -> None:
    """An older version above a newer one, or a version listed twice, is reported on the later entry."""
    older_first = CHANGELOG_TEXT + (
        "  - version: 0.2.0\n    date: 2026-02-10\n    status: draft\n    summary: Second.\n"
        "  - version: 0.2.0\n    date: 2026-02-10\n    status: draft\n    summary: Again.\n"
    )
    _, problems = read_changelog(older_first, CHANGELOG, LANGUAGES)
    assert [(p.line, p.field, p.message) for p in problems] == [
        (8, "versions", "list versions newest first, each once: 0.1.0 comes before 0.2.0"),
        (12, "versions", "list versions newest first, each once: 0.2.0 comes before 0.2.0"),
    ]


def test_an_item_after_a_malformed_one_keeps_its_line(tmp_path: Path) -> None:
    """A problem of the second unreleased item points at that item, not at the malformed one above it."""
    changelog = CHANGELOG_TEXT.replace(
        "unreleased: []\n",
        "unreleased:\n  - just text\n  - clause: privcy\n    change: wording\n    note: Typo.\n",
    )
    problems = problems_of(make(tmp_path, {INDEX: EDITED, CHANGELOG: changelog}))
    assert (
        CHANGELOG,
        4,
        "unreleased",
        'no clause has the id "privcy"; name the clause by the id in its heading ({#...})',
    ) in problems


def test_a_changelog_that_is_not_a_mapping_or_not_yaml_is_reported() -> None:
    """A list or broken YAML gets one message saying what the file must contain, not a traceback."""
    assert [str(p) for p in read_changelog("- 0.1.0\n", CHANGELOG, LANGUAGES)[1]] == [
        "manifesto/changelog.yml:1: error: the changelog must have the fields unreleased: and versions:"
    ]
    changelog, problems = read_changelog("unreleased: [\n", CHANGELOG, LANGUAGES)
    assert changelog is None
    assert len(problems) == 1 and problems[0].file == CHANGELOG and problems[0].line is not None
