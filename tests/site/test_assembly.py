"""One language's site assembled from the checked content, as the catalogue plugin hands it to MkDocs, and
which downloads page a reader of each language is sent to."""

from __future__ import annotations

from advocacy.content.repository import load_repository
from advocacy.site.assembly import assemble_language, downloads_url, read_hub
from advocacy.site.pages import SHELL, PageKind
from advocacy.translations.units import Status
from tests.support.project import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory, pinned_translation

OTHER_CASE = VALID_CASE.replace("title: A blackout against a bad law", "title: A second blackout").replace(
    "jurisdictions: [IT]", "jurisdictions: [BR]"
)


def test_the_many_pages_of_one_shape_are_framed_by_one_shell_of_their_depth(
    make_project: ProjectFactory,
) -> None:
    """Every facet list, dossier and organization page is made from a shell page at the same depth (so the
    theme's relative links are right), and the theme renders only the shells and the pages of their own."""
    project = make_project({"cases/a.md": VALID_CASE, "cases/b.md": OTHER_CASE})
    hub = read_hub(project, load_repository(project), None)
    site = assemble_language(hub, "fr")
    listings = [page for _, pages in site.shells.values() for page in pages]
    assert {page.kind for page in listings} >= {PageKind.LISTING, PageKind.ORGANIZATION}
    for shell_url, (shell, pages) in site.shells.items():
        assert shell.kind == PageKind.SHELL and SHELL in shell_url and shell_url.startswith("fr/")
        for page in pages:
            assert page.url.count("/") == shell_url.count("/"), (page.url, shell_url)
    assert "fr/catalogue/country/BR/" in {page.url for page in listings}
    assert not set(site.generated) & {page.url for page in listings}
    assert {page.url for page in site.theme_pages()} == set(site.generated) | set(site.shells)
    assert "catalogue/country/BR/index.md" in site.generated_names()


def test_a_translation_whose_original_changed_is_listed_as_outdated(make_project: ProjectFactory) -> None:
    """The catalogue labels each version with its translation's state, from the pins read once for the hub."""
    current = pinned_translation(VALID_CASE)
    project = make_project(
        {
            "cases/a.md": VALID_CASE,
            "cases/a.fr.md": current,
            "cases/b.md": OTHER_CASE,
            "cases/b.fr.md": pinned_translation(VALID_CASE, VALID_TRANSLATION_FR),
        }
    )
    hub = read_hub(project, load_repository(project), None)
    assert hub.catalogue.by_id["a"].versions["fr"].status == Status.CURRENT
    assert hub.catalogue.by_id["b"].versions["fr"].status == Status.OUTDATED
    unit = hub.case_unit("b", "fr")
    assert unit is not None and unit.status == Status.OUTDATED
    assert hub.case_unit("b", "en") is None


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
