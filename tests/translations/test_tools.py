"""The `advocacy translations` report and check, `repin` after a typo fix, and `advocacy translate`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from advocacy.translations.pins import fingerprint, pin_of
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


def test_repin_after_a_typo_fix_keeps_current_translations_current(make_project: ProjectFactory) -> None:
    """A typo fixed in the original, declared with repin, leaves the translation current (git tells the
    version before the fix)."""
    project = make_project(
        {"cases/blackout.md": VALID_CASE, "cases/blackout.fr.md": pinned_translation(VALID_CASE)}
    )
    root = project.root
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "-A"],
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "start"],
    ):
        subprocess.run(command, cwd=root, check=True, capture_output=True)
    source = root / "cases/blackout.md"
    source.write_text(VALID_CASE.replace("Why it mattered.", "Why it mattered!"), encoding="utf-8")
    assert (
        json.loads(_run(root, "translations", "--format", "json").stdout)["fr"]["counts"]["case"]["outdated"]
        == 1
    )
    result = _run(root, "translations", "repin", "cases/blackout.md", "--since", "HEAD")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "cases/blackout.fr.md: pinned to cases/blackout.md as it is now\n"
    counts = json.loads(_run(root, "translations", "--format", "json").stdout)["fr"]["counts"]["case"]
    assert counts["current"] == 1 and counts["outdated"] == 0


def test_translate_starts_a_pinned_translation(make_project: ProjectFactory) -> None:
    """`advocacy translate` writes the new file with title, summary, pin and the text to translate."""
    project = make_project({"cases/blackout.md": VALID_CASE})
    result = _run(project.root, "translate", "cases/blackout.md", "ar")
    assert result.returncode == 0, result.stderr
    created = (project.root / "cases/blackout.ar.md").read_text(encoding="utf-8")
    assert created.startswith('---\ntitle: "A blackout against a bad law"\nsummary: ')
    assert pin_of(created) == ("human", fingerprint(VALID_CASE))
    assert "## Context\n\nWhy it mattered." in created
    again = _run(project.root, "translate", "cases/blackout.md", "ar")
    assert again.returncode == 2
    assert "cases/blackout.ar.md exists already" in again.stderr
