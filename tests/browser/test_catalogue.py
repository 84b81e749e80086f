"""The catalogue in a real browser (Debian's chromium driven by Playwright): search, combined filters with
counts, the filter state in the address, cases not yet in the reader's language, no other host asked; on a
phone, filters folded behind one button and results in view; filtered lists that read like the plain ones;
the note for readers without JavaScript; what the first filter costs.

On a machine without chromium these tests are skipped, except under CI (CI=true), where they fail: the CI
script installs chromium. The browser and the served sample site are session fixtures (tests/conftest.py).
"""

from __future__ import annotations

import gzip
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
    assert link is not None and link.endswith("/fr/cases/french-original/index.html")


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


# --- On a phone, and filtered lists -------------------------------------------------------------------


def _phone(browser: object, url: str, js: bool = True) -> tuple[object, object]:
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=js)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(url)
    return context, page


def _in_view(page: object, selector: str) -> bool:
    """Whether the element's top is on the screen, below Material's fixed header."""
    top = page.evaluate("(s) => document.querySelector(s).getBoundingClientRect().top", selector)  # type: ignore[attr-defined]
    return bool(48 <= top < 740)


def test_on_a_phone_the_filters_fold_behind_one_button(browser: object, own_site_server: str) -> None:
    """On a phone the filters hide behind one "Filters" button above the results; ticking one says how many
    filters are on and announces the count, a button kept on the screen says how many cases they leave, and
    it brings the first of them into view."""
    ui = strings("en")["finder"]
    context, page = _phone(browser, own_site_server + "catalogue/")
    toggle = page.locator(".adv-filter-toggle")  # type: ignore[attr-defined]
    assert toggle.inner_text() == ui["filters"]
    assert not page.is_visible("#adv-filters")  # type: ignore[attr-defined]
    assert _in_view(page, "[data-adv-results] .adv-case__title")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    page.check('.adv-facet input[data-facet="topic"][value="copyright"]')  # type: ignore[attr-defined]
    page.wait_for_selector("[data-adv-status]:not(:empty)")  # type: ignore[attr-defined]
    count = int(page.inner_text("[data-adv-status]").rsplit(":", 1)[1])  # type: ignore[attr-defined]
    assert toggle.inner_text() == ui["filters_on"].format(n=1)
    show = page.locator(".adv-show")  # type: ignore[attr-defined]
    assert show.inner_text() == ui["show"].format(n=count)
    assert show.is_visible() and _in_view(page, ".adv-show")
    show.click()
    assert not page.is_visible("#adv-filters")  # type: ignore[attr-defined]
    assert _in_view(page, "[data-adv-results] .adv-case__title")
    assert page.locator("[data-adv-results] li.adv-case").count() == min(count, 20)  # type: ignore[attr-defined]
    context.close()  # type: ignore[attr-defined]


def test_after_a_search_on_a_phone_the_results_are_in_view(browser: object, own_site_server: str) -> None:
    """Searching from the box at the top of a phone's screen brings the results' heading and first case into
    view, and announces how many cases were found."""
    context, page = _phone(browser, own_site_server + "ar/catalogue/")
    page.fill("#adv-q", "تركيا")  # type: ignore[attr-defined]
    page.press("#adv-q", "Enter")  # type: ignore[attr-defined]
    page.wait_for_selector("[data-adv-status]:not(:empty)")  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    assert page.inner_text("[data-adv-status]").startswith(strings("ar")["catalogue"]["matching"])  # type: ignore[attr-defined]
    assert _in_view(page, "#adv-results") and _in_view(page, "[data-adv-results] .adv-case__title")
    context.close()  # type: ignore[attr-defined]


def _entries_text(page: object) -> list[tuple[str, str, str]]:
    return page.eval_on_selector_all(  # type: ignore[attr-defined,no-any-return]
        "li.adv-case",
        """items => items.map((item) => [item.dataset.case, item.querySelector('.adv-case__title').href,
            item.innerText.replace(/\\s+/g, ' ').trim()])""",
    )


def test_a_filtered_list_reads_like_the_plain_list(browser: object, server: str) -> None:
    """Ticking a topic gives the same list as that topic's own page: the same cases, newest first, with the
    same title, summary, dates, places, outcome and languages; the heading names the filter and counts them."""
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server + "catalogue/topic/copyright/")
    plain = _entries_text(page)
    page.goto(server + "catalogue/?topic=copyright&outcome=partial&outcome=ongoing")
    page.wait_for_selector("[data-adv-status]:not(:empty)")
    filtered = _entries_text(page)
    assert filtered == [entry for entry in plain if "Partial success" in entry[2] or "Ongoing" in entry[2]]
    assert len(filtered) == 2
    assert page.inner_text("[data-adv-heading]") == "Topic: Copyright · Outcome: Partial success or Ongoing"
    assert page.inner_text("[data-adv-total]") == "2"
    page.goto(server + "catalogue/?topic=copyright")
    page.wait_for_selector("[data-adv-status]:not(:empty)")
    assert _entries_text(page) == plain
    page.close()


def test_the_note_on_searching_without_javascript(browser: object, server: str) -> None:
    """Without JavaScript the catalogue says how to find a case (the lists, or the browser's "Find in page");
    with it, the note gives way to the filters."""
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    # The home page's search box sends its words to the catalogue, which says how to search without script.
    page.goto(server)
    page.fill("#adv-home-q", "blackout")
    page.press("#adv-home-q", "Enter")
    page.wait_for_url("**/catalogue/index.html?q=blackout")
    note = page.inner_text(".adv-catalogue__bar")
    assert note.startswith("Search by words needs JavaScript")
    assert page.get_attribute(".adv-catalogue__bar a", "href") == "#adv-filters"
    context.close()
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server + "catalogue/?q=blackout")
    page.wait_for_selector("[data-adv-status]:not(:empty)")
    assert "JavaScript" not in page.inner_text(".adv-catalogue")
    page.close()


def test_the_first_filter_downloads_a_few_kilobytes(browser: object, own_site_server: str) -> None:
    """Ticking the first filter downloads the filter index and the entries it shows (a few KB compressed),
    and nothing of the search engine."""
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(own_site_server + "catalogue/")
    page.wait_for_load_state("networkidle")
    responses: list[object] = []
    page.on("response", lambda response: responses.append(response))
    page.check('.adv-facet input[data-facet="topic"][value="copyright"]')
    page.wait_for_selector("[data-adv-status]:not(:empty)")
    page.wait_for_load_state("networkidle")
    # The browser asks for the site's icon when it likes: not the filter's doing.
    mine = [r for r in responses if not r.url.endswith("favicon.png")]  # type: ignore[attr-defined]
    urls = [urlsplit(r.url).path for r in mine]  # type: ignore[attr-defined]
    compressed = sum(len(gzip.compress(r.body())) for r in mine)  # type: ignore[attr-defined]
    page.close()
    # The filter index and the entries of the cases shown (25 to a file): before, about 180 KB in 24 requests.
    assert urls[0] == "/catalogue/cases.json"
    assert set(urls[1:]) <= {"/catalogue/entries-0.json", "/catalogue/entries-1.json"}, urls
    assert compressed < 15_000
