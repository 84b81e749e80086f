"""The catalogue in a real browser (Debian's chromium driven by Playwright): search, combined filters with
counts, the filter state in the address, cases not yet in the reader's language, and no other host asked.

On a machine without chromium these tests are skipped, except under CI (CI=true), where they fail: the CI
script installs chromium. The browser and the served sample site are session fixtures (tests/conftest.py).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from advocacy.locales.strings import strings
from tests.support.browser import require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.site]
require_chromium()


def _open(browser: object, url: str) -> tuple[object, list[str]]:
    page = browser.new_page()  # type: ignore[attr-defined]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    return page, requested


def _titles(page: object) -> list[str]:
    return [e.inner_text() for e in page.query_selector_all("[data-adv-results] .adv-case__title")]  # type: ignore[attr-defined]


def test_filters_in_the_address_are_applied_with_counts(browser: object, server: str) -> None:
    """Opening the French catalogue with two filters lists the matching cases and counts the others."""
    page, requested = _open(browser, server + "fr/catalogue/?topic=censorship&outcome=success")
    page.wait_for_selector("[data-adv-status]:not(:empty)")  # type: ignore[attr-defined]
    assert _titles(page) == ["Un blackout contre une mauvaise loi"]
    assert page.inner_text("[data-adv-status]").endswith(": 1")  # type: ignore[attr-defined]
    # Ticking outcome "failure" too (an "or" within a facet) would add the French-German campaign.
    failure = page.query_selector('.adv-facet input[data-facet="outcome"][value="failure"]')  # type: ignore[attr-defined]
    count = failure.evaluate("box => box.parentElement.querySelector('.adv-count').textContent")
    assert count == "1"
    assert {urlsplit(url).netloc for url in requested} == {urlsplit(server).netloc}


def test_ticking_a_filter_updates_the_list_and_the_address(browser: object, server: str) -> None:
    """A ticked box filters the list at once and is kept in the address, to share or bookmark."""
    page, _ = _open(browser, server + "catalogue/")
    page.click("details:has(ul[data-facet=country]) > summary")  # type: ignore[attr-defined]
    page.check('.adv-facet input[data-facet="country"][value="FR"]')  # type: ignore[attr-defined]
    page.wait_for_selector("[data-adv-status]:not(:empty)")  # type: ignore[attr-defined]
    assert parse_qs(urlsplit(page.url).query) == {"country": ["FR"]}  # type: ignore[attr-defined]
    # The French original is not in English: listed in French, and labelled so.
    assert _titles(page) == ["Une campagne franco-allemande"]
    note = page.inner_text("[data-adv-results] .adv-case__langs")  # type: ignore[attr-defined]
    assert note.startswith(strings("en")["case"]["not_in_language"])
    link = page.get_attribute("[data-adv-results] .adv-case__title", "href")  # type: ignore[attr-defined]
    assert link is not None and link.endswith("/fr/cases/french-original/")


def test_words_search_the_readers_language_and_download_no_filter_data(browser: object, server: str) -> None:
    """A search by words finds the case in the page's language and leaves the filters' data alone."""
    page, requested = _open(browser, server + "fr/catalogue/")
    page.fill("#adv-q", "blackout")  # type: ignore[attr-defined]
    page.press("#adv-q", "Enter")  # type: ignore[attr-defined]
    page.wait_for_selector("[data-adv-status]:not(:empty)")  # type: ignore[attr-defined]
    assert "Un blackout contre une mauvaise loi" in _titles(page)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["blackout"]}  # type: ignore[attr-defined]
    assert not [url for url in requested if "/filter/" in url]
    assert [url for url in requested if "/pagefind/fr/" in url]
    assert not [url for url in requested if "/pagefind/en/" in url]


def test_nothing_is_downloaded_for_search_until_the_reader_searches(browser: object, server: str) -> None:
    """Opening the catalogue fetches the page, its styles and its script, and no search index."""
    page, requested = _open(browser, server + "catalogue/")
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert not [url for url in requested if "/pagefind/" in url]


def _tab_to(page: object, selector: str, limit: int = 200) -> int:
    """Press Tab until the element matching ``selector`` has the focus; return how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):  # type: ignore[attr-defined]
            return presses
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def test_search_and_filters_work_with_the_keyboard_alone(browser: object, server: str) -> None:
    """With only Tab, Enter and Space, a reader searches, opens a facet, ticks a filter and reaches a result."""
    page, _ = _open(browser, server + "catalogue/")
    _tab_to(page, "#adv-q")
    page.keyboard.type("blackout")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_selector("[data-adv-status]:not(:empty)")  # type: ignore[attr-defined]
    assert "A blackout against a bad law" in _titles(page)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["blackout"]}  # type: ignore[attr-defined]
    # A closed facet opens from its summary with Enter; its boxes then take the focus and tick with Space.
    _tab_to(page, "details:has(ul[data-facet=outcome]) > summary")
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    _tab_to(page, '.adv-facet input[data-facet="outcome"][value="success"]')
    page.keyboard.press("Space")  # type: ignore[attr-defined]
    page.wait_for_function("() => location.search.includes('outcome=success')")  # type: ignore[attr-defined]
    assert page.is_checked('.adv-facet input[data-facet="outcome"][value="success"]')  # type: ignore[attr-defined]
    assert parse_qs(urlsplit(page.url).query) == {"q": ["blackout"], "outcome": ["success"]}  # type: ignore[attr-defined]
    _tab_to(page, "[data-adv-results] .adv-case__title")
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_url("**/cases/**")  # type: ignore[attr-defined]
