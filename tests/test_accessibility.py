"""Accessibility in a real browser: axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) finds no violation on
each kind of page, in English and in Arabic."""

from __future__ import annotations

import pytest

from tests.test_catalogue_browser import browser, server  # noqa: F401 - the shared site, server and browser
from tests.test_reading_site import built  # noqa: F401 - the module's shared build, as a fixture

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


@pytest.mark.parametrize("language", ["", "ar/"])
@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violation(browser: object, server: str, language: str, path: str) -> None:  # noqa: F811
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


def test_the_catalogue_with_results_has_no_violation(browser: object, server: str) -> None:  # noqa: F811
    """The catalogue after a search, with its checkboxes, counts and results, passes too."""
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server + "catalogue/?topic=copyright")
    page.wait_for_selector("[data-adv-status]:not(:empty)")
    result = axe_api.Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    assert [v["id"] for v in result.response["violations"]] == []
    page.close()
