"""The site opened from a folder (file://, as from a USB stick), in a real browser: links lead to pages (not to
folder listings), the catalogue's lists work without JavaScript, and the catalogue says that its search needs a
web address and points to the offline copies.

The repository's own site is read where the session built it; nothing is served.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy.locales.strings import strings
from tests.support.browser import require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.site]
require_chromium()


def _is_a_page(page: object) -> bool:
    """Whether the browser shows one of the site's pages (a folder listing has no article)."""
    return page.query_selector("article.md-content__inner h1") is not None  # type: ignore[attr-defined]


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_reader_goes_from_the_home_page_to_a_case_through_the_lists(
    browser: object, own_site: tuple[Path, str], javascript: bool
) -> None:
    """From index.html on disk, in French: the catalogue, a topic's list, a case, the language switcher to
    Arabic, and back home, by clicking, with or without JavaScript."""
    site, _ = own_site
    context = browser.new_context(java_script_enabled=javascript)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto((site / "fr" / "index.html").as_uri())
    assert _is_a_page(page)
    steps = [
        'nav.md-nav--primary a[href$="catalogue/index.html"]',
        'ul[data-facet="topic"] a[data-value="censorship"]',
        ".adv-case__title",
        'a.md-select__link[hreflang="ar"]',
        "a.md-header__button.md-logo",
    ]
    for selector in steps:
        link = page.query_selector(selector)
        assert link is not None, selector
        page.goto(
            link.evaluate("a => a.href")
        )  # the address a click follows (some links sit in closed menus)
        assert page.url.startswith("file://") and page.url.split("#")[0].endswith(".html"), page.url
        assert _is_a_page(page), page.url
    assert page.url.endswith("/ar/index.html")
    context.close()


def test_every_link_of_the_catalogue_opens_a_page_from_the_folder(
    browser: object, own_site: tuple[Path, str]
) -> None:
    """Each link of the Arabic catalogue that stays in the site names a file of the folder that the browser
    opens as a page (the lists by facet value, the cases, the navigation)."""
    site, _ = own_site
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto((site / "ar" / "catalogue" / "index.html").as_uri())
    targets = sorted(
        {
            href.split("#")[0]
            for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
            if href.startswith("file://")
        }
    )
    assert len(targets) > 100
    for target in targets[::5]:
        page.goto(target)
        assert _is_a_page(page), target
    page.close()


def test_the_catalogue_says_search_needs_a_web_address_and_points_to_offline_copies(
    browser: object, own_site: tuple[Path, str]
) -> None:
    """From a folder the catalogue's script cannot load (browsers refuse modules from file://): the lists stay,
    and the hint under the search box says why and links to the downloads page, which opens."""
    site, _ = own_site
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto((site / "catalogue" / "index.html").as_uri())
    assert page.query_selector_all(".adv-facet input[type=checkbox]") == []  # the script did not run
    assert len(page.query_selector_all("[data-adv-results] .adv-case")) > 10
    hint = page.query_selector(".adv-catalogue__bar")
    assert hint is not None
    ui = strings("en")["search"]
    assert hint.inner_text().startswith(ui["hint"].split("{lists}")[0])
    link = hint.query_selector("a:last-of-type")
    assert link is not None and link.inner_text() == ui["offline"]
    page.goto(link.evaluate("a => a.href"))
    assert page.url.endswith("/downloads/index.html")
    assert page.query_selector("#offline-files") is not None
    page.close()
