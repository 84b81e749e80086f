"""The one-case preview (`advocacy preview`) and the build that shares languages with a second process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory
from tests.test_site_build import build, warnings

ADVOCACY = Path(sys.executable).with_name("advocacy")


def _case(title: str, related: str = "") -> str:
    text = VALID_CASE.replace("title: A blackout against a bad law", f"title: {title}")
    return text.replace("published: 2026-11-25", f"published: 2026-11-25\n{related}") if related else text


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
    assert 'href="../../cases/named/"' in page
    assert 'href="../../cases/naming/"' in page
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


def test_a_warning_in_a_language_built_by_the_second_process_fails_a_strict_build(
    make_project: ProjectFactory,
) -> None:
    """A broken link on a page that the second process builds is reported once and fails --strict."""
    project = make_project(
        {
            "cases/blackout.md": VALID_CASE,
            "cases/blackout.fr.md": VALID_TRANSLATION_FR,
            "docs/index.fr.md": "# Accueil\n\n[cassé](nulle-part.md)\n",
        }
    )
    result = build(project.root, "--strict")
    assert result.returncode == 1
    found = [w for w in warnings(result.stderr) if "nulle-part.md" in w]
    assert found == [
        "WARNING -  Doc file 'index.fr.md' contains a link 'nulle-part.md', but the target is not found among "
        "documentation files."
    ]
    assert "the build of" in result.stderr


def test_both_processes_write_their_languages_and_the_sitemap_lists_them(
    make_project: ProjectFactory,
) -> None:
    """Pages built by the second process are in site/ and in the sitemap, like the first process's."""
    project = make_project({"cases/blackout.md": VALID_CASE, "cases/blackout.fr.md": VALID_TRANSLATION_FR})
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    site = project.root / "site"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for language in ("fr", "ar"):
        assert (site / language / "catalogue" / "index.html").is_file()
        assert f"https://example.org/{language}/catalogue/" in sitemap
    assert "https://example.org/fr/cases/blackout/" in sitemap
    assert not (site / "_pagefind_stand_ins").exists()
