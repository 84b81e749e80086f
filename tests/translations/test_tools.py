"""The `advocacy translations` report and check, `repin` after a typo fix, and `advocacy translate`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from advocacy.translations.pins import fingerprint, pin_of
from tests.support.git import commit_all, git, init_repository
from tests.support.paths import ADVOCACY
from tests.support.project import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory, pinned_translation


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ADVOCACY), *args], cwd=root, capture_output=True, text=True, check=False)


def test_report_and_check(make_project: ProjectFactory) -> None:
    """The report counts each status per language; --check fails on a translation without a pin."""
    project = make_project(
        {
            "cases/blackout.md": VALID_CASE,
            "cases/blackout.fr.md": VALID_TRANSLATION_FR,
            "cases/other.md": VALID_CASE,
            "cases/other.fr.md": pinned_translation(VALID_CASE),
        }
    )
    report = json.loads(_run(project.root, "translations", "--format", "json").stdout)
    assert report["fr"]["counts"]["case"] == {
        "current": 1,
        "outdated": 0,
        "missing": 0,
        "unpinned": 1,
        "malformed": 0,
        "untranslated": 0,
    }
    assert report["ar"]["counts"]["case"]["missing"] == 2
    assert report["fr"]["counts"]["page"]["current"] == 0  # docs/index.fr.md has no pin in the fixture
    result = _run(project.root, "translations", "--check")
    assert result.returncode == 1
    assert (
        "cases/blackout.fr.md: error: translation.source: no pin says which version of cases/blackout.md this "
        "translates; if it translates cases/blackout.md as it is now, run: advocacy translations repin "
        "cases/blackout.md --since HEAD"
    ) in result.stderr


def _repository(make_project: ProjectFactory) -> Path:
    """A project on branch ``main`` with a case and its French translation, current, committed; then a branch."""
    project = make_project(
        {"cases/blackout.md": VALID_CASE, "cases/blackout.fr.md": pinned_translation(VALID_CASE)}
    )
    init_repository(project.root)
    git(project.root, "switch", "--quiet", "--create", "fix-the-case")
    return project.root


def _counts(root: Path) -> dict[str, int]:
    report = json.loads(_run(root, "translations", "--format", "json").stdout)
    return dict(report["fr"]["counts"]["case"])


def test_repin_after_a_typo_fix_keeps_current_translations_current(make_project: ProjectFactory) -> None:
    """As CONTRIBUTING says: fix a typo on a branch, commit, `repin --since main`: the translation stays current."""
    root = _repository(make_project)
    source = root / "cases/blackout.md"
    source.write_text(VALID_CASE.replace("What we learned.", "What we lerned, truly."), encoding="utf-8")
    commit_all(root, "A word")
    source.write_text(VALID_CASE.replace("What we learned.", "What we learned, truly!"), encoding="utf-8")
    commit_all(root, "The typo")
    assert _counts(root)["outdated"] == 1
    typo = _run(root, "translations", "repin", "cases/blackout.md", "--since", "HEAD~1")
    assert typo.returncode == 0, typo.stderr
    assert typo.stdout == "cases/blackout.fr.md: left outdated: it translates a version older than HEAD~1\n"
    source.write_text(VALID_CASE.replace("Why it mattered.", "Why it mattered!"), encoding="utf-8")
    result = _run(root, "translations", "repin", "cases/blackout.md", "--since", "main")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "cases/blackout.fr.md: pinned to cases/blackout.md as it is now\n"
    assert _counts(root)["current"] == 1


def test_repin_refuses_a_change_of_meaning(make_project: ProjectFactory) -> None:
    """A change that may alter the meaning ("can" to "cannot", a year, an added "not") is not a typo: repin
    refuses it, names the changes, keeps the translation outdated; --force pins it once it is translated."""
    root = _repository(make_project)
    source = root / "cases/blackout.md"
    changed = VALID_CASE.replace("What was done.", "What was not done.")
    changed = changed.replace("What happened.", "What happened in 2012.")
    source.write_text(changed, encoding="utf-8")
    commit_all(root, "Rewrite the actions")
    result = _run(root, "translations", "repin", "cases/blackout.md", "--since", "main")
    assert result.returncode == 2
    assert result.stderr == (
        'advocacy translations repin: cases/blackout.md changed more than a typo since main ("not" added; "in 2012" '
        "added), so its translations no longer say the same: they stay outdated, and the site tells their "
        "readers. Once a translation is updated with the change, pin it with: advocacy translations repin "
        "cases/blackout.md --since main --force\n"
    )
    assert _counts(root)["outdated"] == 1
    forced = _run(root, "translations", "repin", "cases/blackout.md", "--since", "main", "--force")
    assert forced.returncode == 0, forced.stderr
    assert _counts(root)["current"] == 1


def test_the_report_of_one_file_shows_what_changed(make_project: ProjectFactory) -> None:
    """`translations --file` reports on that file only, and an outdated translation comes with the lines of its
    source added or rewritten since the version it translates (never the removed ones: a workflow's log is
    public, and a sentence taken down must not be printed again)."""
    root = _repository(make_project)
    (root / "cases/other.md").write_text(VALID_CASE, encoding="utf-8")
    (root / "cases/blackout.md").write_text(
        VALID_CASE.replace("What was done.", "What was not done."), encoding="utf-8"
    )
    result = _run(root, "translations", "--file", "cases/blackout.fr.md")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "fr:\n"
        "  cases: 0 of 1 current; 1 outdated\n"
        "  outdated: cases/blackout.fr.md\n"
        "    what changed in cases/blackout.md since the version it translates:\n"
        "\n"
        "      +What was not done.\n"
        "\n"
    )
    unknown = _run(root, "translations", "--file", "docs/nowhere.md")
    assert unknown.returncode == 2
    assert unknown.stderr == (
        "advocacy translations: docs/nowhere.md: neither a source nor a translation (give a case, a page or a "
        "translation)\n"
    )


def test_translate_then_validate_until_it_is_translated(make_project: ProjectFactory) -> None:
    """`advocacy translate` starts a file with the source's text, its pin, and no method; the validator refuses
    it until the text is translated and the method written, and then it passes."""
    project = make_project({"cases/blackout.md": VALID_CASE})
    result = _run(project.root, "translate", "cases/blackout.md", "fr")
    assert result.returncode == 0, result.stderr
    path = project.root / "cases/blackout.fr.md"
    created = path.read_text(encoding="utf-8")
    assert created.startswith(
        '---\ntitle: "A blackout against a bad law"\nsummary: "The community blacked out the site for a day, '
        'and the clause was dropped."\ntranslation:\n  translators: []  # your handle, such as [YourHandle] '
        f"(optional)\n  source: {fingerprint(VALID_CASE)}\n---\n"
    )
    assert pin_of(created) == (None, fingerprint(VALID_CASE))
    assert "## Context\n\nWhy it mattered." in created
    copy = _run(project.root, "validate", "cases/blackout.fr.md")
    assert copy.returncode == 1
    assert copy.stdout.splitlines() == [
        "cases/blackout.fr.md: error: 2 of 2 paragraphs are still those of cases/blackout.md, word for word: "
        "translate them into Français; until then this file is not published",
        'cases/blackout.fr.md:5: error: translation.method: the required field "method" is missing; add it (How '
        "the text was translated: human, machine, or machine-reviewed (a machine translation checked by a "
        "person).)",
    ]
    check = _run(project.root, "translations", "--check")
    assert (
        "cases/blackout.fr.md: error: the text is still that of cases/blackout.md, word for word: translate it "
        "(until then it is not published)"
    ) in check.stderr
    french = created.split("---\n", 2)[2]
    translated = created.replace(french, VALID_TRANSLATION_FR.split("---\n", 2)[2]).replace(
        'title: "A blackout against a bad law"', 'title: "Un blackout contre une mauvaise loi"'
    )
    path.write_text(
        translated.replace(
            'summary: "The community blacked out the site for a day, and the clause was dropped."',
            'summary: "La communauté a masqué le site."',
        ),
        encoding="utf-8",
    )
    no_method = _run(project.root, "validate", "cases/blackout.fr.md")
    assert no_method.stdout.splitlines() == [copy.stdout.splitlines()[1]]
    path.write_text(
        path.read_text(encoding="utf-8").replace("translation:\n", "translation:\n  method: human\n"),
        encoding="utf-8",
    )
    assert _run(project.root, "validate", "cases/blackout.fr.md").returncode == 0
    assert _run(project.root, "translations", "--check").stderr.count("cases/blackout.fr.md") == 0
    again = _run(project.root, "translate", "cases/blackout.md", "fr")
    assert again.returncode == 2
    assert "cases/blackout.fr.md exists already" in again.stderr
