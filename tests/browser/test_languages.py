"""Languages in a real browser (Debian's chromium driven by Playwright): the language switcher on a 360 px phone
without JavaScript, pages shown in their original language under another language's address, and the
page-not-found pages, checked with axe-core.

On a machine without chromium these tests are skipped, except under CI (CI=true), where they fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.browser import require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.site]
require_chromium()
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 360, "height": 740}


def _open_switcher(browser: object, url: str, screenshot: Path) -> tuple[object, object]:
    """A phone-sized page without JavaScript, its language menu opened as a finger would (the button
    focused); a screenshot of the screen is kept at ``screenshot``."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.focus(".md-select button")
    # The menu fades in over a quarter of a second: the test looks at where it ends up.
    page.evaluate("document.getAnimations().forEach(animation => animation.finish())")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-select__inner')).opacity") == "1"
    page.screenshot(path=str(screenshot))
    return context, page


def _inside_the_screen(page: object) -> list[str]:
    """The links of the language menu that are not wholly on the screen, with their boxes."""
    outside = []
    for link in page.query_selector_all(".md-select__link"):  # type: ignore[attr-defined]
        box = link.bounding_box()
        assert box is not None and link.is_visible()
        if (
            box["x"] < 0
            or box["x"] + box["width"] > PHONE["width"]
            or box["y"] + box["height"] > PHONE["height"]
        ):
            outside.append(f"{link.inner_text()!r} at {box}")
    return outside


def test_the_switcher_of_a_case_says_which_languages_lack_it_on_a_phone_without_javascript(
    browser: object, server: str, tmp_path: Path
) -> None:
    """On a 360 px phone without JavaScript, the menu of a case in English and French opens within the screen;
    the Arabic entry says, visibly and in Arabic, that the case is not translated and opens the catalogue."""
    context, page = _open_switcher(browser, server + "cases/blackout/", tmp_path / "switcher-case.png")
    assert _inside_the_screen(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # type: ignore[attr-defined]
    arabic = page.query_selector('.md-select__link[hreflang="ar"]')  # type: ignore[attr-defined]
    note = arabic.query_selector(".adv-alt__note")
    assert note is not None and note.is_visible()
    assert note.inner_text().strip() == "لم تُترجم بعد: يفتح الفهرس"
    # A mark in front of the note, besides its words, sets the entry apart at a glance.
    assert note.evaluate("note => getComputedStyle(note, '::before').content") == '"○ "'
    assert arabic.get_attribute("lang") == "ar" and arabic.get_attribute("dir") == "rtl"
    french = page.query_selector('.md-select__link[hreflang="fr"]')  # type: ignore[attr-defined]
    assert french.query_selector(".adv-alt__note") is None
    current = page.query_selector('.md-select__link[aria-current="true"]')  # type: ignore[attr-defined]
    assert current.get_attribute("hreflang") == "en"
    assert (tmp_path / "switcher-case.png").stat().st_size > 0
    context.close()


def test_the_switcher_of_an_arabic_page_fits_a_phone_and_marks_every_missing_language(
    browser: object, own_site_server: str, tmp_path: Path
) -> None:
    """On the Arabic address of a guide no language has translated, the menu opens within a 360 px screen,
    right to left, and every language but English says in its own words that the page is not translated."""
    context, page = _open_switcher(
        browser, own_site_server + "ar/about/advocates/", tmp_path / "switcher-arabic.png"
    )
    assert _inside_the_screen(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # type: ignore[attr-defined]
    notes = {
        link.get_attribute("hreflang"): (link.query_selector(".adv-alt__note") or link).inner_text().strip()
        for link in page.query_selector_all(".md-select__link")  # type: ignore[attr-defined]
    }
    assert notes == {
        "en": "English",
        "fr": "pas encore traduite",
        "es": "aún sin traducir",
        "ar": "لم تُترجم بعد",
        "hi": "अभी अनुवाद नहीं हुआ",
    }
    context.close()


@pytest.mark.parametrize(
    "path", ["ar/safety/", "hi/safety/", "ar/about/advocates/", "ar/404.html", "404.html", "fr/404.html"]
)
def test_no_accessibility_violation_on_translated_borrowed_and_not_found_pages(
    browser: object, own_site_server: str, path: str
) -> None:
    """axe-core reports no WCAG A or AA violation on a translated guide, a guide shown in English on the Arabic
    site, and the page-not-found pages."""
    page = browser.new_page()  # type: ignore[attr-defined]
    url = own_site_server + path
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    result = axe_api.Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    violations = [
        (v["id"], [node["target"] for node in v["nodes"]][:3]) for v in result.response["violations"]
    ]
    page.close()
    assert violations == [], url


def test_a_missing_address_of_the_arabic_site_offers_arabic_and_every_language(
    browser: object, own_site_server: str
) -> None:
    """A static server that serves the root page-not-found page for /ar/anything gives the reader a line in
    Arabic with a working link to the Arabic home page, without JavaScript."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(own_site_server + "404.html")
    arabic = page.query_selector('.adv-not-found-languages li[lang="ar"]')
    assert arabic is not None and arabic.is_visible()
    assert "الصفحة غير موجودة" in arabic.inner_text()
    arabic.query_selector("a").click()
    assert page.url == own_site_server + "ar/"
    assert page.get_attribute("html", "lang") == "ar"
    context.close()
