"""Accessibility in a real browser: axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) finds no violation on
each kind of page, in English and in Arabic."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_catalogue_browser import browser, serve, server  # noqa: F401 - the shared site, server and browser
from tests.test_reading_site import built  # noqa: F401 - the module's shared build, as a fixture
from tests.test_site_build import build, warnings

REPOSITORY = Path(__file__).resolve().parents[1]

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


@pytest.fixture(scope="module")
def repository_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository's own site, built strict into a temporary folder and served locally."""
    site = tmp_path_factory.mktemp("repository-site")
    result = build(REPOSITORY, "--strict", site_dir=site)
    assert result.returncode == 0, result.stderr
    assert warnings(result.stderr) == []
    yield from serve(site)


@pytest.mark.parametrize(
    ("language", "path"),
    [(language, path) for language in ("", "ar/") for path in REPOSITORY_PAGES]
    # The guide is in English only: other languages link to it and do not copy it.
    + [("", "contribute/manifesto/")],
)
def test_no_accessibility_violation_on_the_manifesto(
    browser: object,  # noqa: F811
    repository_server: str,
    language: str,
    path: str,
) -> None:
    """axe-core reports no WCAG A or AA violation on the manifesto's pages and the guide to changing it."""
    page = browser.new_page()  # type: ignore[attr-defined]
    url = repository_server + language + path
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


@pytest.mark.parametrize(
    "path",
    ["catalogue/?topic=copyright", "catalogue/?q=blackout", "ar/catalogue/?q=blackout&outcome=success"],
)
def test_the_catalogue_with_results_has_no_violation(browser: object, server: str, path: str) -> None:  # noqa: F811
    """The catalogue after filtering and after a search by words, with its checkboxes, counts and results,
    passes too, in English and Arabic."""
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server + path)
    page.wait_for_selector("[data-adv-status]:not(:empty)")
    result = axe_api.Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    assert [v["id"] for v in result.response["violations"]] == []
    page.close()
