"""What an offline copy changes in a page, and what it reads from it: links resolved inside the copy or sent to
the public site, scripts and the search form gone, the title and the text the index gets."""

from __future__ import annotations

from advocacy.offline.html import fold, main_text, rewrite_address, rewrite_page, title_of
from tests.support.offline import SITE_NAME, SITE_URL, page

HELD = {"index.html", "cases/water/index.html", "assets/site.css", "data/cases.json"}


def held(path: str) -> bool:
    return path in HELD


def test_links_inside_the_copy_name_files_and_links_out_of_it_go_to_the_public_site() -> None:
    """A link to a folder the copy holds names its index.html; a file it holds is left as written; a page or
    file it lacks becomes the public site's address (a folder's, without index.html), query and fragment kept."""
    on = "cases/water/index.html"
    assert rewrite_address(on, "../../index.html", held, SITE_URL) == "../../index.html"
    assert rewrite_address(on, "../../", held, SITE_URL) == "../../index.html"
    assert rewrite_address(on, "./#lessons", held, SITE_URL) == "./index.html#lessons"
    assert rewrite_address(on, "../../assets/site.css", held, SITE_URL) == "../../assets/site.css"
    assert rewrite_address(on, "../../es/", held, SITE_URL) == "https://example.org/es/"
    assert (
        rewrite_address(on, "../../catalogue/index.html?topic=x", held, SITE_URL)
        == "https://example.org/catalogue/?topic=x"
    )
    assert rewrite_address(on, "../../feed.xml", held, SITE_URL) == "https://example.org/feed.xml"
    assert rewrite_address(on, "../../../../up/", held, SITE_URL) == "https://example.org/"
    assert rewrite_address(on, "/data/cases.json", held, SITE_URL) == "../../data/cases.json"
    for kept in ("#top", "?q=x", "https://example.com/a/", "//cdn.example/x.js", "mailto:a@example.org", ""):
        assert rewrite_address(on, kept, held, SITE_URL) == kept


def test_a_page_in_the_copy_has_no_script_no_alternates_and_says_how_to_search() -> None:
    """Scripts and <link rel="alternate"> go; the catalogue's search form becomes the note given (escaped);
    links are rewritten with their HTML escaping kept right."""
    built = page(
        "Cases",
        '<form class="adv-search" action="../catalogue/index.html"><input name="q"></form>'
        '<a href="../cases/water/index.html?a=1&amp;b=2">Water</a>',
        "../",
    )
    rewritten = rewrite_page("catalogue/index.html", built, held, SITE_URL, "Use Kiwix's <search>")
    assert "<script" not in rewritten
    assert 'rel="alternate"' not in rewritten
    assert "<form" not in rewritten
    assert '<p class="adv-search__hint">Use Kiwix&#39;s &lt;search&gt;</p>' in rewritten
    assert '<a href="../cases/water/index.html?a=1&amp;b=2">Water</a>' in rewritten
    assert '<link rel="stylesheet" href="../assets/site.css">' in rewritten
    assert '<a href="https://example.org/fr/" hreflang="fr">Français</a>' in rewritten  # another language
    assert '<a href="https://example.org/about/">About</a>' in rewritten
    assert '<link rel="canonical" href="https://example.org/x/">' in rewritten


def test_the_title_and_text_of_a_page_leave_out_the_hubs_name_and_the_menus() -> None:
    """The title loses " - <hub>"; the indexed text is the article's, without menus, permalinks or scripts."""
    built = page("The right to water", "<p>Families &amp; <b>water</b> rights.</p>", "../../")
    assert title_of(built, {SITE_NAME}) == "The right to water"
    assert title_of(page(SITE_NAME, "", ""), {SITE_NAME}) == SITE_NAME
    assert main_text(built) == "The right to water Families & water rights."


def test_text_is_folded_as_libzim_folds_queries() -> None:
    """Lowercase, accents and other marks removed: Devanagari vowel signs too, so तुर्की and तर्क fold alike."""
    assert fold("Éviction À Genève") == "eviction a geneve"
    assert fold("الإنسانُ") == "الانسان"
    assert fold("तुर्की") == fold("तर्क") == "तरक"
