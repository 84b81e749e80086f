"""`release`: the next version computed from the kinds of change, the text frozen and the changelog moved, and
what is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from advocacy.content.project import Project
from advocacy.manifesto.reading import load_manifesto
from advocacy.manifesto.release import ReleaseError, next_version, release
from advocacy.translations.pins import fingerprint, pin_of
from tests.support.manifesto import (
    ADOPTED_CHANGELOG,
    CHANGELOG,
    CHANGELOG_TEXT,
    EDITED,
    ENDORSERS,
    INDEX,
    TEXT,
    TEXT_AR,
    TEXT_FR,
    TODAY,
    adopted_project,
    frozen,
    make,
    parsed,
    pinned,
    with_unreleased,
    write,
)
from tests.support.project import write_project


def released_at(root: Path, version: str, kinds: tuple[str, ...]) -> Project:
    """A manifesto released as ``version``, its free-knowledge clause edited with these kinds listed."""
    changelog = with_unreleased(
        CHANGELOG_TEXT.replace("0.1.0", version), *(("free-knowledge", kind, "Why.") for kind in kinds)
    )
    return write_project(
        root,
        {
            INDEX: EDITED,
            CHANGELOG: changelog,
            f"manifesto/versions/{version}/index.md": frozen(TEXT, version),
        },
    )


@pytest.mark.parametrize(
    ("current", "kinds", "expected"),
    [
        ("0.1.0", ("wording",), "0.1.1"),
        ("0.1.0", ("refined",), "0.1.1"),
        ("0.1.0", ("wording", "reversed"), "0.2.0"),
        ("1.0.0", ("wording",), "1.0.1"),
        ("1.0.0", ("wording", "refined"), "1.1.0"),
        ("1.2.3", ("reversed",), "2.0.0"),
    ],
)
def test_release_computes_the_version_from_the_kinds_of_change(
    tmp_path: Path, current: str, kinds: tuple[str, ...], expected: str
) -> None:
    """The release number is the one the documented table gives, one step less before 1.0.0."""
    project = released_at(tmp_path / "hub", current, kinds)
    assert str(next_version(load_manifesto(project, TODAY))) == expected
    result = release(project, "A release.", today=TODAY)
    assert result.version == expected
    assert (project.root / f"manifesto/versions/{expected}/index.md").is_file()


def test_release_removing_a_clause_raises_the_middle_number_of_a_draft(tmp_path: Path) -> None:
    """Removing a clause from 0.1.0 makes 0.2.0, and the removed id is retired."""
    without = TEXT.split("### Privacy")[0].rstrip("\n") + "\n"
    changelog = with_unreleased(CHANGELOG_TEXT, ("privacy", "removed", "Covered elsewhere."))
    project = make(tmp_path, {INDEX: without, CHANGELOG: changelog, "manifesto/index.fr.md": None})
    assert release(project, "Shorter.", today=TODAY).version == "0.2.0"
    manifesto = load_manifesto(project, TODAY)
    assert manifesto.problems == []
    assert manifesto.retired_ids() == {"privacy"}


def test_release_writes_the_version_and_moves_the_changelog(tmp_path: Path) -> None:
    """The release freezes the text and current translations, and turns unreleased into a dated entry."""
    changelog = with_unreleased(CHANGELOG_TEXT, ("free-knowledge", "wording", "Improving is sharing too."))
    project = make(
        tmp_path,
        {
            INDEX: EDITED,
            CHANGELOG: changelog,
            "manifesto/index.fr.md": pinned(TEXT_FR, EDITED),  # current
            "manifesto/index.ar.md": pinned(TEXT_AR, TEXT),  # outdated
        },
    )
    result = release(project, "Improving counts as sharing.", today=TODAY)
    folder = project.root / "manifesto/versions/0.1.1"
    assert result.version == "0.1.1"
    assert [project.relative(p) for p in result.files] == [
        "manifesto/versions/0.1.1/index.md",
        "manifesto/versions/0.1.1/index.fr.md",
        CHANGELOG,
    ]
    assert result.left_out == ["manifesto/index.ar.md"]
    assert sorted(p.name for p in folder.iterdir()) == ["index.fr.md", "index.md"]
    assert (folder / "index.md").read_text(encoding="utf-8") == frozen(EDITED, "0.1.1")
    french = (folder / "index.fr.md").read_text(encoding="utf-8")
    assert parsed(french).version == "0.1.1"
    assert pin_of(french) == ("machine", fingerprint(EDITED))

    written = (project.root / CHANGELOG).read_text(encoding="utf-8")
    assert written.startswith("# The changelog of the test manifesto.\nunreleased: []\nversions:\n")
    assert yaml.safe_load(written) == {
        "unreleased": [],
        "versions": [
            {
                "version": "0.1.1",
                "date": TODAY,
                "status": "draft",
                "summary": "Improving counts as sharing.",
                "changes": [
                    {"clause": "free-knowledge", "change": "wording", "note": "Improving is sharing too."}
                ],
            },
            {"version": "0.1.0", "date": dt.date(2026, 1, 10), "status": "draft", "summary": "First draft."},
        ],
    }
    manifesto = load_manifesto(project, TODAY)
    assert manifesto.problems == []
    assert sorted(manifesto.versions["0.1.1"]) == ["en", "fr"]


def test_release_keeps_older_entries_whole(tmp_path: Path) -> None:
    """Earlier versions keep their dates, changes and adoption record through a release."""
    project = adopted_project(
        tmp_path / "hub",
        with_unreleased(ADOPTED_CHANGELOG, ("free-knowledge", "wording", "Why.")),
        ENDORSERS,
    )
    write(project, {INDEX: EDITED})
    assert release(project, "Words.", today=TODAY).version == "1.0.1"
    versions = yaml.safe_load((project.root / CHANGELOG).read_text(encoding="utf-8"))["versions"]
    assert versions[1:] == [
        {
            "version": "1.0.0",
            "date": dt.date(2026, 3, 1),
            "status": "adopted",
            "summary": "First adopted version.",
            "consultation": "https://meta.wikimedia.org/wiki/Consultation",
            "consultation_from": dt.date(2026, 1, 30),
            "adopted": dt.date(2026, 3, 1),
        },
        {"version": "0.1.0", "date": dt.date(2026, 1, 10), "status": "draft", "summary": "First draft."},
    ]
    assert load_manifesto(project, TODAY).problems == []


def test_release_accepts_a_higher_version_and_makes_the_first_one(tmp_path: Path) -> None:
    """A maintainer may release 1.0.0 from a draft; a manifesto never released starts at 0.1.0."""
    project = released_at(tmp_path / "hub", "0.1.0", ("wording",))
    assert release(project, "Ready.", "1.0.0", today=TODAY).version == "1.0.0"
    assert load_manifesto(project, TODAY).problems == []

    first = write_project(tmp_path / "first", {INDEX: TEXT, CHANGELOG: "unreleased: []\nversions: []\n"})
    assert release(first, "First draft.", today=TODAY).version == "0.1.0"
    assert load_manifesto(first, TODAY).problems == []


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("0.1.9", "the unreleased changes need at least 0.2.0; 0.1.9 is too low"),
        ("0.1.0", "the unreleased changes need at least 0.2.0; 0.1.0 is too low"),
        ("1.0", '"1.0" is not a version number; write MAJOR.MINOR.PATCH, such as 1.2.0'),
    ],
)
def test_release_refuses_a_version_lower_than_the_changes_need(
    tmp_path: Path, version: str, message: str
) -> None:
    """A version below what the kinds of change require is refused, and nothing is written."""
    project = released_at(tmp_path / "hub", "0.1.0", ("reversed",))
    before = (project.root / CHANGELOG).read_text(encoding="utf-8")
    with pytest.raises(ReleaseError) as error:
        release(project, "Too low.", version, today=TODAY)
    assert str(error.value) == message
    assert sorted(p.name for p in (project.root / "manifesto/versions").iterdir()) == ["0.1.0"]
    assert (project.root / CHANGELOG).read_text(encoding="utf-8") == before


def test_release_refuses_when_there_is_nothing_to_release(tmp_path: Path) -> None:
    """An empty unreleased list after a release means there is nothing new to freeze."""
    with pytest.raises(ReleaseError, match=r"^nothing to release: changelog.yml lists no unreleased change$"):
        release(make(tmp_path), "Nothing.", today=TODAY)


def test_release_refuses_an_invalid_manifesto(tmp_path: Path) -> None:
    """A release of a manifesto with errors lists them instead of freezing them."""
    changelog = with_unreleased(CHANGELOG_TEXT, ("privacy", "wording", "Why."))
    project = make(
        tmp_path,
        {INDEX: EDITED.replace(" {#privacy}", ""), CHANGELOG: changelog, "manifesto/index.fr.md": None},
    )
    with pytest.raises(ReleaseError) as error:
        release(project, "Broken.", today=TODAY)
    assert str(error.value) == (
        "fix the manifesto first:\n"
        'manifesto/index.md:17: error: the heading "Privacy" has no id; end it with one that will never change, '
        'such as "### Privacy {#privacy}"'
    )
    assert not (project.root / "manifesto/versions/0.1.1").exists()


def test_release_needs_a_one_line_summary(tmp_path: Path) -> None:
    """The summary becomes one changelog line, so an empty or multi-line one is refused."""
    project = released_at(tmp_path / "hub", "0.1.0", ("wording",))
    for summary in ("  ", "One.\nTwo."):
        with pytest.raises(ReleaseError, match=r"^give the release a one-line summary \(--summary\)$"):
            release(project, summary, today=TODAY)
