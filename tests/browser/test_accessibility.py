"""Accessibility in a real browser: axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) finds no violation on
each kind of page, in English and in Arabic."""

from __future__ import annotations

import pytest

from tests.support.browser import require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.site]
require_chromium()
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = [
    "",
    "catalogue/",
    "catalogue/topic/copyright/",
    "cases/blackout/",
    "dossiers/eu-copyright-directive/",
    "organizations/wikimedia-italia/",
    "data/",
    "translations/",
]


# Pages of the manifesto and the guides, as the repository's own content renders them (the sample corpus has no
# manifesto): the current text, a released version, what changed (one version, and the unreleased changes), the
# changelog, the endorsements and the guide to changing it.
REPOSITORY_PAGES = [
    "manifesto/",
    "manifesto/versions/0.1.0/",
    "manifesto/versions/0.1.0/changes/",
    "manifesto/changes/",
    "manifesto/changelog/",
    "manifesto/endorsements/",
]


@pytest.mark.parametrize(
    ("language", "path"),
    [(language, path) for language in ("", "ar/") for path in REPOSITORY_PAGES]
    # The guide is in English only (other languages show it under their address with a note, checked in
    # tests/browser/test_languages.py).
    + [("", "contribute/manifesto/")],
)
def test_no_accessibility_violation_on_the_manifesto(
    browser: object,
    own_site_server: str,
    language: str,
    path: str,
) -> None:
    """axe-core reports no WCAG A or AA violation on the manifesto's pages and the guide to changing it."""
    page = browser.new_page()  # type: ignore[attr-defined]
    url = own_site_server + language + path
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    result = axe_api.Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    violations = [
        (v["id"], [node["target"] for node in v["nodes"]][:3]) for v in result.response["violations"]
    ]
    page.close()
    assert violations == [], url


@pytest.mark.parametrize("language", ["", "ar/"])
@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violation(browser: object, server: str, language: str, path: str) -> None:
    """axe-core reports no WCAG A or AA violation on the page."""
    page = browser.new_page()  # type: ignore[attr-defined]
    url = server + language + path
    page.goto(url)
    result = axe_api.Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    violations = [
        (v["id"], [node["target"] for node in v["nodes"]][:3]) for v in result.response["violations"]
    ]
    page.close()
    assert violations == [], url


@pytest.mark.parametrize(
    "path",
    ["catalogue/?topic=copyright", "catalogue/?q=blackout", "ar/catalogue/?q=blackout&outcome=success"],
)
def test_the_catalogue_with_results_has_no_violation(browser: object, server: str, path: str) -> None:
    """The catalogue after filtering and after a search by words, with its checkboxes, counts and results,
    passes too, in English and Arabic."""
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server + path)
    page.wait_for_selector("[data-adv-status]:not(:empty)")
    result = axe_api.Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    assert [v["id"] for v in result.response["violations"]] == []
    page.close()


@pytest.mark.parametrize("language", ["", "ar/"])
def test_the_catalogue_on_a_phone_has_no_violation(browser: object, server: str, language: str) -> None:
    """On a phone, the catalogue after a search, with its filters opened from their button and one ticked,
    passes too; so does a dossier's timeline."""
    context = browser.new_context(viewport={"width": 360, "height": 740})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server + language + "catalogue/?q=blackout")
    page.wait_for_selector("[data-adv-status]:not(:empty)")
    page.click(".adv-filter-toggle")
    page.check('.adv-facet input[data-facet="topic"][value="censorship"]')
    page.wait_for_function("() => location.search.includes('topic=censorship')")
    result = axe_api.Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    assert [v["id"] for v in result.response["violations"]] == []
    page.goto(server + language + "dossiers/eu-copyright-directive/")
    result = axe_api.Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    assert [v["id"] for v in result.response["violations"]] == []
    context.close()
