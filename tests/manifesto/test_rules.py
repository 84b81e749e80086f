"""The rules that span the manifesto's files: released versions and their folders, the changes listed for the
text, the ids of translations and of removed clauses, and the adoption of a version."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy.manifesto.reading import load_manifesto
from advocacy.translations.pins import with_pin
from tests.support.manifesto import (
    ADOPTED_CHANGELOG,
    CHANGELOG,
    CHANGELOG_TEXT,
    EDITED,
    ENDORSERS,
    INDEX,
    TEXT,
    TEXT_FR,
    TODAY,
    adopted_project,
    endorsement,
    frozen,
    make,
    pinned,
    problems_of,
    with_unreleased,
)

# --- Releases, folders and the changes listed ----------------------------------------------------------


def test_a_version_folder_without_changelog_entry_is_reported(tmp_path: Path) -> None:
    """A folder under versions/ that the changelog does not list is not a release."""
    project = make(tmp_path, {"manifesto/versions/0.2.0/index.md": frozen(TEXT, "0.2.0")})
    assert problems_of(project) == [
        (
            "manifesto/versions/0.2.0",
            None,
            None,
            'the folder is not a released version: changelog.yml lists no version "0.2.0"',
        )
    ]


def test_a_changelog_entry_without_version_folder_is_reported(tmp_path: Path) -> None:
    """A release listed in the changelog needs its frozen text, and the message says which command writes it."""
    changelog = CHANGELOG_TEXT.replace(
        "versions:\n",
        "versions:\n  - version: 0.2.0\n    date: 2026-02-10\n    status: draft\n    summary: S.\n",
    )
    assert problems_of(make(tmp_path, {CHANGELOG: changelog})) == [
        (
            CHANGELOG,
            4,
            "versions",
            "version 0.2.0 has no frozen text; `advocacy manifesto release` writes manifesto/versions/0.2.0/index.md",
        )
    ]


def test_a_frozen_text_must_carry_the_version_of_its_folder(tmp_path: Path) -> None:
    """A released file whose ``version:`` differs from its folder is reported with the line to write."""
    project = make(tmp_path, {"manifesto/versions/0.1.0/index.fr.md": frozen(pinned(TEXT_FR, TEXT), "0.2.0")})
    assert problems_of(project) == [
        (
            "manifesto/versions/0.1.0/index.fr.md",
            1,
            "version",
            'write "version: 0.1.0", the version of its folder',
        )
    ]


def test_the_current_text_has_no_version(tmp_path: Path) -> None:
    """Only a release gives the text a version; one written in index.md is reported."""
    assert problems_of(make(tmp_path, {INDEX: frozen(TEXT, "0.2.0")})) == [
        (
            INDEX,
            1,
            "version",
            "the current text has no version of its own (a release gives it one); delete this line",
        )
    ]


def test_a_release_dated_in_the_future_is_reported(tmp_path: Path) -> None:
    """A release date after today is a mistake in the changelog."""
    project = make(tmp_path, {CHANGELOG: CHANGELOG_TEXT.replace("2026-01-10", "2026-07-01")})
    assert problems_of(project) == [
        (CHANGELOG, 4, "versions", "version 0.1.0 is dated in the future (2026-07-01)")
    ]


def test_an_unreleased_item_must_name_a_clause(tmp_path: Path) -> None:
    """A typo in an unreleased item's clause id is reported on its line."""
    changelog = with_unreleased(
        CHANGELOG_TEXT, ("privacy", "wording", "Clearer."), ("privcy", "wording", "Typo.")
    )
    assert problems_of(make(tmp_path, {INDEX: EDITED, CHANGELOG: changelog})) == [
        (
            CHANGELOG,
            6,
            "unreleased",
            'no clause has the id "privcy"; name the clause by the id in its heading ({#...})',
        )
    ]


def test_a_changed_text_needs_an_unreleased_item(tmp_path: Path) -> None:
    """Editing the text with an empty ``unreleased`` is reported; listing the change clears it."""
    assert problems_of(make(tmp_path, {INDEX: EDITED})) == [
        (
            CHANGELOG,
            1,
            "unreleased",
            "manifesto/index.md differs from version 0.1.0, but no change is listed under unreleased; add one item "
            "per clause changed (`advocacy manifesto diff` shows them)",
        )
    ]
    listed = with_unreleased(CHANGELOG_TEXT, ("free-knowledge", "wording", "Improving is sharing too."))
    assert problems_of(make(tmp_path / "listed", {INDEX: EDITED, CHANGELOG: listed})) == []


def test_rewrapping_the_text_needs_no_changelog_item(tmp_path: Path) -> None:
    """Line breaks and Markdown spacing are not a change of the released text."""
    rewrapped = TEXT.replace("be able to read and share", "be able\nto read  and share")
    assert problems_of(make(tmp_path, {INDEX: rewrapped})) == []


# --- Translations and ids ------------------------------------------------------------------------------


def test_translations_use_the_ids_of_the_original(tmp_path: Path) -> None:
    """A translation with an id the original lacks is reported on the heading's line."""
    extra = TEXT_FR + "\n### En plus {#extra}\n\nTexte.\n"
    assert problems_of(make(tmp_path, {"manifesto/index.fr.md": pinned(extra, TEXT)})) == [
        (
            "manifesto/index.fr.md",
            24,
            None,
            'the original has no clause "extra"; a translation uses the ids of manifesto/index.md',
        )
    ]


def test_a_current_translation_must_have_every_clause(tmp_path: Path) -> None:
    """A translation pinned as current but missing a clause is reported with the missing ids."""
    short = TEXT_FR.split("### Vie privée")[0]
    assert problems_of(make(tmp_path, {"manifesto/index.fr.md": pinned(short, TEXT)})) == [
        (
            "manifesto/index.fr.md",
            None,
            None,
            "the translation is pinned as current but lacks the clauses privacy",
        )
    ]
    # An outdated translation may lag behind.
    outdated = with_pin(short, "sha256:0000000000000000", "machine")
    assert problems_of(make(tmp_path / "outdated", {"manifesto/index.fr.md": outdated})) == []


def test_a_retired_id_is_never_used_again(tmp_path: Path) -> None:
    """A clause whose id the changelog records as removed cannot come back under that id."""
    changelog = with_unreleased(CHANGELOG_TEXT, ("privacy", "removed", "Covered elsewhere."))
    assert problems_of(make(tmp_path, {CHANGELOG: changelog})) == [
        (
            INDEX,
            17,
            None,
            'the id "privacy" belonged to a removed clause and is never used again; choose a new id',
        )
    ]


def test_removing_a_clause_leaves_outdated_translations_alone(tmp_path: Path) -> None:
    """Removing a clause needs no change of the translations, which the site marks as outdated."""
    removed = TEXT.split("### Privacy")[0].rstrip("\n") + "\n"
    changelog = with_unreleased(CHANGELOG_TEXT, ("privacy", "removed", "Covered elsewhere."))
    assert problems_of(make(tmp_path, {INDEX: removed, CHANGELOG: changelog})) == []


# --- Adoption ------------------------------------------------------------------------------------------


def test_an_adopted_version_meeting_the_rule_is_valid(tmp_path: Path) -> None:
    """1.0.0 with a 30-day consultation and five endorsements from four regions is adopted without problems."""
    manifesto = load_manifesto(adopted_project(tmp_path / "hub", ADOPTED_CHANGELOG, ENDORSERS), TODAY)
    assert manifesto.problems == []
    assert [e.organization for e in manifesto.endorsements_of("1.0.0")] == [
        "wmbr",
        "wmde",
        "wmfr",
        "wmin",
        "wmke",
    ]


@pytest.mark.parametrize(
    ("changelog", "endorsers", "reason"),
    [
        (
            ADOPTED_CHANGELOG,
            ENDORSERS[:4],
            "it has 4 endorsement(s) from 3 region(s); adoption needs 5 from 3 regions (manifesto/endorsements/)",
        ),
        (
            ADOPTED_CHANGELOG,
            (("wmde", "DE"), ("wmfr", "FR"), ("wmnl", "NL"), ("wmbe", "BE"), ("wmbr", "BR")),
            "it has 5 endorsement(s) from 2 region(s); adoption needs 5 from 3 regions (manifesto/endorsements/)",
        ),
        (
            ADOPTED_CHANGELOG.replace("consultation_from: 2026-01-30", "consultation_from: 2026-01-31"),
            ENDORSERS,
            "the consultation lasted 29 days; it must last at least 30",
        ),
        (
            ADOPTED_CHANGELOG.replace(
                "    consultation: https://meta.wikimedia.org/wiki/Consultation\n", ""
            ).replace("    adopted: 2026-03-01\n", ""),
            ENDORSERS,
            "an adopted version records consultation, adopted",
        ),
    ],
    ids=["four-endorsements", "two-regions", "short-consultation", "missing-fields"],
)
def test_an_adopted_version_must_meet_each_part_of_the_rule(
    tmp_path: Path, changelog: str, endorsers: tuple[tuple[str, str], ...], reason: str
) -> None:
    """Each missing part of the adoption rule is reported on the version's status."""
    project = adopted_project(tmp_path / "hub", changelog, endorsers)
    assert problems_of(project) == [
        (CHANGELOG, 3, "status", f"version 1.0.0 is marked adopted, but {reason}")
    ]


def test_a_draft_version_cannot_be_adopted(tmp_path: Path) -> None:
    """Versions before 1.0.0 are drafts: adopting 0.1.0 says which version to release instead."""
    changelog = CHANGELOG_TEXT.replace("status: draft", "status: adopted") + (
        "    consultation: https://meta.wikimedia.org/wiki/Consultation\n"
        "    consultation_from: 2026-01-01\n    adopted: 2026-03-01\n"
    )
    endorsements = {
        f"manifesto/endorsements/{organisation}.yml": endorsement(
            organisation, country, ("0.1.0", "2026-03-01")
        )
        for organisation, country in ENDORSERS
    }
    assert problems_of(make(tmp_path, {CHANGELOG: changelog, **endorsements})) == [
        (
            CHANGELOG,
            4,
            "status",
            "version 0.1.0 is marked adopted, but versions before 1.0.0 are drafts; release 1.0.0 to adopt this text",
        )
    ]
