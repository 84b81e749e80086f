"""Pages missing in a language are linked in their own language, never copied under the wrong URL."""

from __future__ import annotations

from advocacy.translations.units import missing_pages, split_language
from tests.conftest import ProjectFactory
from tests.test_site_build import build, warnings

LANGUAGES = ("en", "fr", "ar")


def test_split_language_reads_suffixes() -> None:
    """A known language suffix is recognised; other dots are part of the name."""
    assert split_language("about/index.fr.md", LANGUAGES, "en") == ("about/index.md", "fr")
    assert split_language("about/index.md", LANGUAGES, "en") == ("about/index.md", "en")
    assert split_language("notes.v2.md", LANGUAGES, "en") == ("notes.v2.md", "en")


def test_missing_pages_lists_default_pages_without_a_version() -> None:
    """Each language lists the default-language pages it lacks, by their file name."""
    pages = ["index.md", "index.fr.md", "index.ar.md", "guide.md", "guide.fr.md", "only-fr.fr.md"]
    assert missing_pages(pages, LANGUAGES, "en") == {"fr": [], "ar": ["guide.md"]}


def test_partial_translations_build_strict_and_link_the_original(make_project: ProjectFactory) -> None:
    """A page missing in Arabic is linked from the Arabic site to the English page, labelled, and not copied."""
    project = make_project(
        {
            "docs/guide.md": "# Guide\n\nRead the [home](index.md).\n",
            "docs/guide.fr.md": "# Guide\n\nLire l'[accueil](index.md).\n",
            "docs/index.ar.md": "# الرئيسية\n\n[الدليل](guide.md)\n",
        }
    )
    mkdocs_yml = project.root / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    text = text.replace("  - index.md\n", "  - index.md\n  - guide.md\n")
    mkdocs_yml.write_text(text, encoding="utf-8")
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    assert warnings(result.stderr) == []
    site = project.root / "site"
    assert not (site / "ar/guide").exists()
    assert (site / "fr/guide/index.html").exists()
    arabic_home = (site / "ar/index.html").read_text(encoding="utf-8")
    assert 'href="../guide/"' in arabic_home
    assert "Guide (الإنجليزية)" in arabic_home
    assert "مشروع مجتمعي لمناصري ويكيميديا" in arabic_home
    english_guide = (site / "guide/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english_guide
