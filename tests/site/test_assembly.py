"""One language's site assembled: which downloads page a reader of each language is sent to."""

from __future__ import annotations

from advocacy.site.assembly import downloads_url
from tests.support.project import ProjectFactory


def test_a_site_without_a_downloads_page_offers_none(make_project: ProjectFactory) -> None:
    """Without docs/downloads.md the catalogue links to no downloads page (it would lead nowhere)."""
    assert downloads_url(make_project({}), "fr") is None


def test_a_translated_downloads_page_is_preferred(make_project: ProjectFactory) -> None:
    """With docs/downloads.md and docs/downloads.fr.md: French readers get fr/downloads/, Arabic readers the
    English page, English readers their own."""
    project = make_project(
        {"docs/downloads.md": "# Downloads\n", "docs/downloads.fr.md": "# Téléchargements\n"}
    )
    assert downloads_url(project, "fr") == "fr/downloads/"
    assert downloads_url(project, "ar") == "downloads/"
    assert downloads_url(project, "en") == "downloads/"
