"""Search in a real browser, in every site language of the repository's own site: real words from real cases
find the cases that hold them and not the cases that only hold look-alike words (Hindi vowel signs, Arabic and
English words that merely start the same); results are cases, with the guides and the manifesto counted in a
group apart. Pagefind's Devanagari bug itself is reproduced in tests/site/test_search.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

from advocacy.locales.strings import strings
from tests.support.browser import require_chromium
from tests.support.search import indexed_cases, words

pytestmark = [pytest.mark.browser, pytest.mark.site]
require_chromium()

# (site language, query, words of which a case holding one must be found, the words a case found may hold
# instead (the same word inflected: the language's stemmer), look-alike words: a case holding one of them and
# none of the allowed words must not be found).
SEARCHES = [
    ("en", "copy", {"copy"}, r"cop(y|ies|ied|ying)", {"copyright", "copyrighted"}),
    ("fr", "deux", {"deux"}, r"deux", {"deuxième"}),
    # "may": an English stand-in's "May" has the Spanish stem of "mayo".
    ("es", "mayo", {"mayo"}, r"may(os?)?", {"mayor", "mayores", "mayoría", "mayoritariamente"}),
    # Without its accent: Spanish keeps Pagefind's folding of accents.
    ("es", "apagon", {"apagón"}, r"apag[oó]n(es)?", set()),
    ("ar", "تركيا", {"تركيا"}, r"تركيا?", {"ترك", "تركيز", "تركّز"}),
    ("hi", "तुर्की", {"तुर्की"}, r"तुर्क.*", {"तर्क", "तर्कों"}),
    ("hi", "ब्राज़ील", {"ब्राज़ील"}, r"ब्राज़ील.*", {"बार", "बारे", "बारह"}),
]
PREFIXES = {"en": "", "fr": "fr/", "es": "es/", "ar": "ar/", "hi": "hi/"}


def _found(browser: object, url: str) -> tuple[list[str], str, object]:
    """The ids of the cases the catalogue lists for an address (every one: "Show more" until all are shown),
    the status it announces, and the page."""
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(url)
    page.wait_for_selector("[data-adv-status]:not(:empty)")
    items = "[data-adv-results] li.adv-case"
    while page.is_visible(".adv-more"):
        shown = page.locator(items).count()
        page.click(".adv-more")
        page.wait_for_function(f"document.querySelectorAll({items!r}).length > {shown}")
    ids = page.eval_on_selector_all(items, "items => items.map((item) => item.dataset.case)")
    return ids, page.inner_text("[data-adv-status]"), page


@pytest.mark.parametrize(("language", "query", "must", "allowed", "lookalikes"), SEARCHES)
def test_a_word_finds_the_cases_that_hold_it_and_only_those(
    browser: object,
    own_site: tuple[Path, str],
    own_site_server: str,
    language: str,
    query: str,
    must: set[str],
    allowed: str,
    lookalikes: set[str],
) -> None:
    """Every case whose indexed text holds the word is found; every case found holds it or an inflection of
    it; a case holding only a look-alike word is not found."""
    texts = {case: words(text) for case, text in indexed_cases(own_site[0], language).items()}
    pattern = re.compile(allowed)
    holding = {case for case, found in texts.items() if found & must}
    may = {case for case, found in texts.items() if any(pattern.fullmatch(w) for w in found)}
    decoys = {case for case, found in texts.items() if found & lookalikes} - may
    # The test has teeth: the corpus has cases holding the word, and cases holding only a look-alike.
    assert holding and (decoys or not lookalikes), (holding, decoys)
    found, status, page = _found(browser, f"{own_site_server}{PREFIXES[language]}catalogue/?q={quote(query)}")
    page.close()  # type: ignore[attr-defined]
    assert holding <= set(found) <= may, (sorted(set(found) - may), sorted(holding - set(found)))
    assert not set(found) & decoys
    assert len(found) == len(set(found))
    # The count announced is the number of cases listed (int() reads any script's digits).
    assert int(status.rsplit(":", 1)[1]) == len(found)


def test_results_are_cases_and_the_guides_are_apart(browser: object, own_site_server: str) -> None:
    """A search for "blackout" lists cases only, counts them, and puts the guides and the manifesto in a group
    of their own, counted apart, whose titles carry no permalink sign."""
    ids, status, page = _found(browser, own_site_server + "catalogue/?q=blackout")
    ui = strings("en")
    assert status == f"{ui['catalogue']['matching']}: {len(ids)}"
    group = page.locator(".adv-pages-found summary")  # type: ignore[attr-defined]
    label = group.inner_text()
    count = int(label.rsplit(" ", 1)[1])
    assert label == ui["finder"]["pages"].format(n=count) and count > 0
    group.click()
    page.wait_for_selector(".adv-pages-found li a")  # type: ignore[attr-defined]
    titles = page.eval_on_selector_all(".adv-pages-found li a", "links => links.map((a) => a.textContent)")  # type: ignore[attr-defined]
    assert len(titles) == count
    assert [t for t in titles if "¶" in t or not t.strip()] == []
    links = page.eval_on_selector_all(".adv-pages-found li a", "links => links.map((a) => a.pathname)")  # type: ignore[attr-defined]
    assert [link for link in links if "/cases/" in link] == []
    page.close()  # type: ignore[attr-defined]
