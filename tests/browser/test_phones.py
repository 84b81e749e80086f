"""The site on a phone's screen (320 and 360 px), with JavaScript on and off, in English and Arabic: no page of
any kind is wider than the screen (nothing cut off at either side), the language menu opens inside the screen,
and the catalogue shows its first results on the first screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.browser import require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.site]
require_chromium()

HEIGHT = 740
# Every kind of page, as the repository's own content renders it.
PAGES = [
    "",  # home
    "catalogue/",
    "catalogue/topic/copyright/",  # the list of one filter value
    "cases/turkey-wikipedia-block-2017/",
    "dossiers/wikipedia-blocking/",
    "organizations/wikimedia-foundation/",
    "data/",
    "translations/",
    "manifesto/",
    "manifesto/versions/0.1.0/",
    "manifesto/versions/0.1.0/changes/",
    "manifesto/changelog/",
    "manifesto/endorsements/",
    "safety/",  # a page of the guides
    "404.html",
]


@pytest.fixture(
    params=[(code, width, js) for code in ("", "ar/") for width in (320, 360) for js in (True, False)]
)
def phone(request: pytest.FixtureRequest, browser: object) -> Iterator[tuple[object, str]]:
    """A page of a phone-sized browser (language prefix, width, JavaScript on or off)."""
    code, width, js = request.param
    context = browser.new_context(viewport={"width": width, "height": HEIGHT}, java_script_enabled=js)  # type: ignore[attr-defined]
    yield context.new_page(), code
    context.close()


def test_no_page_is_wider_than_a_phone(
    phone: tuple[object, str], own_site: tuple[Path, str], own_site_server: str
) -> None:
    """Every kind of page fits the screen: the document is no wider than the viewport, so no line is cut at
    either side (in Arabic the overflow was at the start of every line)."""
    page, code = phone
    checked, too_wide = [], []
    for path in PAGES:
        if not (own_site[0] / code / path / ("" if path.endswith(".html") else "index.html")).is_file():
            continue  # a page this language does not have yet (the guides are translated one by one)
        response = page.goto(own_site_server + code + path)  # type: ignore[attr-defined]
        assert response is not None and response.ok, path
        width = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")  # type: ignore[attr-defined]
        checked.append(path)
        if width[0] > width[1]:
            too_wide.append((code + path, width[0]))
    assert too_wide == []
    # The home, the catalogue, lists, a case, a dossier, an organization and the manifesto exist in both.
    assert len(checked) >= 13


@pytest.mark.parametrize("code", ["", "ar/"])
def test_the_language_menu_opens_inside_a_phones_screen(
    browser: object, own_site_server: str, code: str
) -> None:
    """Without any script, the language button opens its menu (on focus, as a tap gives), and every language
    of the menu is on the screen."""
    context = browser.new_context(viewport={"width": 320, "height": HEIGHT}, java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(own_site_server + code + "catalogue/")
    page.focus(".md-select button")
    page.wait_for_timeout(600)  # the menu's opening transition
    boxes = page.eval_on_selector_all(
        ".md-select__link",
        "links => links.map((a) => { const r = a.getBoundingClientRect(); return [r.left, r.right, r.height]; })",
    )
    assert len(boxes) == 5
    assert [box for box in boxes if box[0] < 0 or box[1] > 320 or box[2] == 0] == []
    assert all(
        page.is_visible(f".md-select__link[hreflang={lang}]") for lang in ("en", "fr", "es", "ar", "hi")
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_the_catalogue_shows_results_on_a_phones_first_screen(
    phone: tuple[object, str], own_site_server: str
) -> None:
    """On a phone, the first case of the catalogue is on the first screen, with or without JavaScript (the
    filters come after the results, or behind one button)."""
    page, code = phone
    page.goto(own_site_server + code + "catalogue/")  # type: ignore[attr-defined]
    top = page.evaluate(
        "document.querySelector('[data-adv-results] .adv-case__title').getBoundingClientRect().bottom"
    )  # type: ignore[attr-defined]
    assert top < HEIGHT
