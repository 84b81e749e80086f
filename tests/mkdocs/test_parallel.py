"""The build that shares languages with a second process: its warnings fail a strict build, its pages are in
site/ and the sitemap."""

from __future__ import annotations

import pytest

from tests.support.building import build, warnings
from tests.support.project import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory

pytestmark = pytest.mark.site


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
