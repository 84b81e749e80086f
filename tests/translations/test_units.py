"""Which page exists in which language: language suffixes, and the pages each language lacks."""

from __future__ import annotations

from advocacy.translations.units import missing_pages, split_language

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
