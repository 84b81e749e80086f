"""``advocacy manifesto check | diff | release`` on a git repository: what a pull request that changes the
manifesto still needs, the clause-by-clause summary between revisions, and the release from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advocacy.cli.main import main
from advocacy.content.project import Project
from advocacy.manifesto.release import release
from tests.support.git import git
from tests.support.manifesto import (
    CHANGELOG,
    CHANGELOG_TEXT,
    EDITED,
    INDEX,
    TEXT,
    TEXT_AR,
    TODAY,
    endorsement,
    frozen,
    make,
    pinned,
    with_unreleased,
    write,
)


def committed(tmp_path: Path, changes: dict[str, str | None] | None = None) -> Project:
    """A git repository whose one commit holds the manifesto released as 0.1.0 (with ``changes``)."""
    project = make(tmp_path, changes)
    git(project.root, "init", "--quiet", "--initial-branch=main")
    git(project.root, "add", "--all")
    git(project.root, "commit", "--quiet", "--message", "Base")
    return project


def cli(capsys: pytest.CaptureFixture[str], project: Project, *args: str) -> tuple[int, str, str]:
    """Run ``advocacy manifesto ARGS --root ROOT``: (exit status, stdout, stderr)."""
    status = main(["manifesto", *args, "--root", str(project.root)])
    out, err = capsys.readouterr()
    return status, out, err


# --- check ---------------------------------------------------------------------------------------------


def test_check_passes_an_unchanged_manifesto(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With nothing changed the check succeeds and says so."""
    project = committed(tmp_path)
    assert cli(capsys, project, "check", "HEAD") == (
        0,
        "",
        "0 error(s) in the manifesto and its change since HEAD.\n",
    )


def test_check_asks_for_the_changelog_item_of_a_changed_clause(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A text change without an unreleased item fails with the YAML line to add."""
    project = committed(tmp_path)
    write(project, {INDEX: EDITED})
    status, out, err = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert out.splitlines() == [
        "manifesto/changelog.yml:1: error: unreleased: manifesto/index.md differs from version 0.1.0, but no change "
        "is listed under unreleased; add one item per clause changed (`advocacy manifesto diff` shows them)",
        'manifesto/changelog.yml: error: unreleased: the clause "free-knowledge" was changed in manifesto/index.md '
        '(line 9) but unreleased lists no change to it; add - {clause: free-knowledge, change: wording, note: "What '
        'changed and why"} (write refined or reversed instead of wording if the position changed)',
    ]
    assert err == "2 error(s) in the manifesto and its change since HEAD.\n"


def test_check_passes_a_change_with_its_items(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A changed clause and an added one, each with the right item, pass the check."""
    project = committed(tmp_path)
    added = (
        EDITED + "\n### Open access {#open-access}\n\nResearch paid by the public is open to the public.\n"
    )
    changelog = with_unreleased(
        CHANGELOG_TEXT,
        ("free-knowledge", "wording", "Improving is sharing too."),
        ("open-access", "added", "A clause on open access."),
    )
    write(project, {INDEX: added, CHANGELOG: changelog})
    assert cli(capsys, project, "check", "HEAD") == (
        0,
        "",
        "0 error(s) in the manifesto and its change since HEAD.\n",
    )


def test_check_asks_for_the_right_kind_of_an_added_clause(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new clause listed as a wording change is told to say ``change: added``; a missing one gets the hint."""
    project = committed(tmp_path)
    added = (
        TEXT
        + "\n### Open access {#open-access}\n\nResearch is open.\n\n### Open data {#open-data}\n\nData too.\n"
    )
    changelog = with_unreleased(CHANGELOG_TEXT, ("open-access", "wording", "New."))
    write(project, {INDEX: added, CHANGELOG: changelog})
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert out.splitlines() == [
        'manifesto/changelog.yml: error: unreleased: the clause "open-access" was added: write "change: added" in '
        "its item",
        'manifesto/changelog.yml: error: unreleased: the clause "open-data" was added in manifesto/index.md (line '
        '25) but unreleased lists no change to it; add - {clause: open-data, change: added, note: "What changed and '
        'why"}',
    ]


def test_check_refuses_a_clause_given_a_new_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clause renamed to a new id with the same text is reported on its line, with the id to keep."""
    project = committed(tmp_path, {"manifesto/index.fr.md": None})
    renamed = TEXT.replace("{#privacy}", "{#reader-privacy}")
    changelog = with_unreleased(
        CHANGELOG_TEXT, ("privacy", "removed", "Renamed."), ("reader-privacy", "added", "Renamed.")
    )
    write(project, {INDEX: renamed, CHANGELOG: changelog})
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert out.splitlines() == [
        'manifesto/index.md:17: error: this clause looks like "privacy" with a new id "reader-privacy"; a clause '
        "keeps its id for ever: write {#privacy}"
    ]


def test_a_renamed_clause_gets_one_fix_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clause id changed with nothing else (no changelog item) is told one thing, to restore its id: no item
    to add for a removed and an added clause, no "differs from version 0.1.0"."""
    project = committed(tmp_path, {"manifesto/index.fr.md": None})
    write(project, {INDEX: TEXT.replace("{#privacy}", "{#reader-privacy}")})
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert out.splitlines() == [
        'manifesto/index.md:17: error: this clause looks like "privacy" with a new id "reader-privacy"; a clause '
        "keeps its id for ever: write {#privacy}"
    ]
    write(project, {INDEX: TEXT})
    assert cli(capsys, project, "check", "HEAD")[0] == 0


def test_the_suggested_note_pasted_as_it_is_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Pasting the item the check suggests, placeholder note included, is refused with what to write."""
    project = committed(tmp_path)
    write(project, {INDEX: EDITED})
    _, out, _ = cli(capsys, project, "check", "HEAD")
    suggested = out.split("add - ")[-1].split(" (write refined")[0]
    assert suggested == '{clause: free-knowledge, change: wording, note: "What changed and why"}'
    write(project, {CHANGELOG: CHANGELOG_TEXT.replace("unreleased: []", f"unreleased:\n  - {suggested}")})
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert out.splitlines() == [
        'manifesto/changelog.yml:3: error: unreleased: the note of the change to "free-knowledge" is the '
        'placeholder "What changed and why"; write what changed and why, in your own words (one or two sentences '
        "readers will see in the changelog)"
    ]
    write(
        project,
        {CHANGELOG: with_unreleased(CHANGELOG_TEXT, ("free-knowledge", "wording", "Improving is sharing."))},
    )
    assert cli(capsys, project, "check", "HEAD")[0] == 0


def test_check_refuses_a_removed_id_used_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A new clause taking the id of a clause removed in an earlier release is refused on its line."""
    without = TEXT.split("### Privacy")[0].rstrip("\n") + "\n"
    changelog = CHANGELOG_TEXT.replace(
        "versions:\n",
        "versions:\n  - version: 0.2.0\n    date: 2026-02-10\n    status: draft\n    summary: Shorter.\n"
        "    changes:\n      - clause: privacy\n        change: removed\n        note: Covered elsewhere.\n",
    )
    project = committed(
        tmp_path,
        {
            INDEX: without,
            CHANGELOG: changelog,
            "manifesto/index.fr.md": None,
            "manifesto/versions/0.2.0/index.md": frozen(without, "0.2.0"),
        },
    )
    reused = without + "\n### Tracking {#privacy}\n\nNobody may follow what people look up, anywhere.\n"
    write(project, {INDEX: reused, CHANGELOG: with_unreleased(changelog, ("privacy", "added", "Back."))})
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert out.splitlines() == [
        'manifesto/index.md:17: error: the id "privacy" belonged to a removed clause and is never used again; '
        "choose a new id",
        'manifesto/index.md:17: error: the id "privacy" belonged to a clause that was removed; ids are never '
        "reused: choose a new one",
    ]


@pytest.mark.parametrize(
    ("content", "what"),
    [(frozen(EDITED, "0.1.0"), "was edited"), (None, "was deleted")],
    ids=["edited", "deleted"],
)
def test_check_refuses_a_changed_released_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, what: str
) -> None:
    """Editing or deleting a frozen file fails, naming the file and the command that restores it."""
    project = committed(tmp_path)
    write(project, {"manifesto/versions/0.1.0/index.fr.md": content})
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert (
        f"manifesto/versions/0.1.0/index.fr.md: error: {what}, but released versions are frozen: restore it (git "
        "checkout HEAD -- manifesto/versions/0.1.0/index.fr.md); to change the manifesto, edit manifesto/index.md"
    ) in out.splitlines()


def test_check_accepts_a_new_translation_of_a_released_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A translation pinned to the released text may join the version later."""
    project = committed(tmp_path)
    write(project, {"manifesto/versions/0.1.0/index.ar.md": frozen(pinned(TEXT_AR, TEXT), "0.1.0")})
    assert cli(capsys, project, "check", "HEAD")[:2] == (0, "")


def test_check_refuses_a_new_translation_of_another_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A translation added to a released version with a wrong pin, or another file, is refused."""
    project = committed(tmp_path)
    wrong = frozen(pinned(TEXT_AR, EDITED), "0.1.0")
    write(
        project,
        {"manifesto/versions/0.1.0/index.ar.md": wrong, "manifesto/versions/0.1.0/notes.md": "Notes.\n"},
    )
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert out.splitlines() == [
        "manifesto/versions/0.1.0/index.ar.md: error: translation.source: a translation added to version 0.1.0 "
        "must translate its text: pin it with advocacy translations repin manifesto/versions/0.1.0/index.ar.md",
        "manifesto/versions/0.1.0/notes.md: error: a released version only takes new translations "
        "(index.<language>.md)",
    ]


def test_check_with_an_unknown_revision_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A base that is not a commit is a usage error that says how to fetch it."""
    project = committed(tmp_path)
    assert cli(capsys, project, "check", "origin/nowhere") == (
        2,
        "",
        'advocacy manifesto check: "origin/nowhere" is not a commit of this repository (in a shallow clone, fetch '
        "it first: git fetch origin origin/nowhere)\n",
    )
    status, out, err = cli(capsys, project, "diff", "HEAD", "nowhere")
    assert (status, out) == (2, "")
    assert err.startswith('advocacy manifesto diff: "nowhere" is not a commit of this repository')


def test_check_refuses_a_released_version_removed_from_the_changelog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A release deleted from the changelog, or its date changed, must be restored."""
    project = committed(tmp_path)
    write(project, {CHANGELOG: "unreleased: []\nversions: []\n"})
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert (
        "manifesto/changelog.yml: error: versions: version 0.1.0 (released 2026-01-10) must stay in the changelog "
        "with its date; restore it"
    ) in out.splitlines()
    write(project, {CHANGELOG: CHANGELOG_TEXT.replace("2026-01-10", "2026-01-11")})
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert (status, out) == (
        1,
        "manifesto/changelog.yml:4: error: versions: version 0.1.0 (released 2026-01-10) must stay in the "
        "changelog with its date; restore it\n",
    )


def test_check_reports_in_json_and_github_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """CI reads the check as JSON or as GitHub annotations on the changelog."""
    project = committed(tmp_path)
    write(project, {INDEX: EDITED})
    status, out, err = cli(capsys, project, "check", "HEAD", "--format", "json")
    assert (status, err) == (1, "")
    assert [(p["file"], p["line"], p["field"]) for p in json.loads(out)] == [
        (CHANGELOG, 1, "unreleased"),
        (CHANGELOG, None, "unreleased"),
    ]
    status, out, _ = cli(capsys, project, "check", "HEAD", "--format", "github")
    assert status == 1
    assert out.startswith("::error file=manifesto/changelog.yml,line=1")


def test_a_pull_request_may_change_the_text_and_release_it_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The items of a version released in the same pull request count for the clauses it changed."""
    project = committed(tmp_path)
    changelog = with_unreleased(CHANGELOG_TEXT, ("free-knowledge", "wording", "Improving is sharing too."))
    write(project, {INDEX: EDITED, CHANGELOG: changelog})
    release(project, "Clearer words.", today=TODAY)
    assert cli(capsys, project, "check", "HEAD")[0] == 0


# --- diff ----------------------------------------------------------------------------------------------


DIFFED = (
    TEXT.replace("read and share", "read and freely share")
    .replace("### Public domain {#public-domain}\n\nFacts and old works belong to everyone.\n\n", "")
    .replace(
        "### Privacy",
        "### Safe code {#safe-code}\n\nNever run `<script>alert(1)</script>` from @octocat in #12.\n\n### Privacy",
    )
)


DIFF_OUTPUT = """\
## Manifesto changes

From `{base}` to `{head}` (manifesto/index.md): 1 clause changed, 1 clause added, 1 clause removed.

### Changed: Free knowledge (`free-knowledge`)

Everyone should be able to read and <ins>freely</ins> share knowledge.

### Removed: Public domain (`public-domain`)

<del>Facts and old works belong to everyone.</del>

### Added: Safe code (`safe-code`)

<ins>Never run &lt;script&gt;alert(1)&lt;/script&gt; from @\u200boctocat in &#35;12.</ins>

- `manifesto/changelog.yml` changed
- `manifesto/endorsements/wmde.yml` added
- `manifesto/index.fr.md` deleted
"""


def diffed_changes() -> dict[str, str | None]:
    """The changes the diff tests make: the text, the changelog, a new endorsement, a deleted translation."""
    return {
        INDEX: DIFFED,
        CHANGELOG: with_unreleased(CHANGELOG_TEXT, ("free-knowledge", "wording", "Improve.")),
        "manifesto/endorsements/wmde.yml": endorsement(
            "Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01")
        ),
        "manifesto/index.fr.md": None,
    }


def test_diff_of_the_working_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The summary shows each clause changed, added and removed, escapes HTML, and lists the other files."""
    project = committed(tmp_path)
    write(project, diffed_changes())
    assert cli(capsys, project, "diff", "HEAD") == (
        0,
        DIFF_OUTPUT.format(base="HEAD", head="working tree"),
        "",
    )


def test_diff_between_two_commits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Given a HEAD revision, the diff reads both texts from git, not from the working tree."""
    project = committed(tmp_path)
    base = git(project.root, "rev-parse", "HEAD").strip()
    write(project, diffed_changes())
    git(project.root, "add", "--all")
    git(project.root, "commit", "--quiet", "--message", "Change")
    write(project, {INDEX: TEXT})  # the working tree no longer matters
    assert cli(capsys, project, "diff", base, "HEAD") == (0, DIFF_OUTPUT.format(base=base, head="HEAD"), "")
    status, out, _ = cli(capsys, project, "diff", "HEAD")
    assert status == 0
    assert "### Added: Public domain (`public-domain`)" in out


# --- release -------------------------------------------------------------------------------------------


def test_release_command_prints_what_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`advocacy manifesto release` names each file written and each translation left out."""
    changelog = with_unreleased(CHANGELOG_TEXT, ("free-knowledge", "wording", "Why."))
    project = make(tmp_path, {INDEX: EDITED, CHANGELOG: changelog})
    assert cli(capsys, project, "release", "--summary", "Words.") == (
        0,
        "wrote manifesto/versions/0.1.1/index.md\n"
        "wrote manifesto/changelog.yml\n"
        "left out manifesto/index.fr.md: the translation is not current with the text (translate the changes, "
        "then add it)\n"
        "Version 0.1.1 is ready: commit these files in a release pull request.\n",
        "",
    )
    assert cli(capsys, project, "release", "--summary", "Again.") == (
        1,
        "",
        "advocacy manifesto release: nothing to release: changelog.yml lists no unreleased change\n",
    )
