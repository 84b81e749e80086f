"""The one-case preview (`advocacy preview`): the case, the cases it names and those naming it, and nothing else."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.support.paths import ADVOCACY
from tests.support.project import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory


def _case(title: str, related: str = "") -> str:
    text = VALID_CASE.replace("title: A blackout against a bad law", f"title: {title}")
    return text.replace("published: 2026-11-25", f"published: 2026-11-25\n{related}") if related else text


@pytest.mark.site
def test_preview_builds_the_case_and_the_cases_it_names_only(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    """A preview holds the edited case, the cases it names and those naming it, and nothing else."""
    project = make_project(
        {
            "cases/edited.md": _case("The edited case", "related: [named]"),
            "cases/edited.fr.md": VALID_TRANSLATION_FR,
            "cases/named.md": _case("A named case", "related: [far-away]"),
            "cases/naming.md": _case("A case naming it", "inspired_by: [edited]"),
            "cases/far-away.md": _case("A case far away"),
            "cases/unrelated.md": _case("An unrelated case"),
        }
    )
    out = tmp_path / "preview-site"
    result = subprocess.run(
        [str(ADVOCACY), "preview", "cases/edited.md", "--build", str(out)],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "preview built in" in result.stderr
    built = sorted(p.name for p in (out / "cases").iterdir())
    assert built == ["edited", "named", "naming"]
    assert (out / "fr" / "cases" / "edited" / "index.html").is_file()
    # A named case whose own neighbours are absent is still shown: the preview holds part of the repository.
    page = (out / "cases" / "edited" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../cases/named/index.html"' in page
    assert 'href="../../cases/naming/index.html"' in page
    assert not (out / "pagefind").exists()


def test_preview_of_a_file_outside_cases_is_a_usage_error(make_project: ProjectFactory) -> None:
    """Previewing something that is not a case file says what to give instead and exits with 2."""
    project = make_project({"cases/edited.md": VALID_CASE})
    result = subprocess.run(
        [str(ADVOCACY), "preview", "docs/index.md", "--build", "out"],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "not a case file; give a file of cases/ such as cases/x.md" in result.stderr
