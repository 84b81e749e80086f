"""The repository's own site: built strict without a warning, every valid case file a page in its language
(nothing lost), the pages a reader needs to act in every language, no language's navigation leaving it,
every link usable from a folder on disk, the downloads page offered from every page, and machine translations
said once."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from advocacy.content.project import load_project
from advocacy.content.repository import load_repository
from advocacy.content.vocabularies import Vocabularies
from advocacy.locales.strings import strings
from advocacy.site.localize import Localizer
from tests.support.building import case_pages, warnings
from tests.support.html import Switcher, Tags, is_external, resolve
from tests.support.paths import ROOT

pytestmark = pytest.mark.site


def test_repository_builds_strict_without_warnings(own_site: tuple[Path, str]) -> None:
    """The real site builds under --strict with no warning at all."""
    assert warnings(own_site[1]) == []


def test_every_valid_case_file_is_a_page_in_its_language(own_site: tuple[Path, str]) -> None:
    """The case pages built in each language are exactly the valid case files of that language."""
    expected: dict[str, list[str]] = {}
    for case_file in load_repository(load_project(ROOT)).published_files():
        expected.setdefault(case_file.language, []).append(case_file.case_id)
    assert case_pages(own_site[0]) == {lang: sorted(ids) for lang, ids in sorted(expected.items())}


# The pages a reader needs to act (issue 14): each must be a translation in every site language, not the
# original shown with a note.
PAGES_TO_ACT = [
    "support/",
    "safety/",
    "contribute/privately/",
    "about/rules-of-engagement/",
    "contribute/",
    "about/",
]


@pytest.mark.parametrize("language", ["fr", "es", "ar", "hi"])
def test_the_pages_a_reader_needs_to_act_are_translated_in_every_language(
    own_site: tuple[Path, str], language: str
) -> None:
    """Support, Staying safe, Submitting privately, Rules of engagement, Contributing and About are written in
    the language, labelled as machine translations, and link only to pages of the same language (but for the
    banner's link to the original, marked with its language)."""
    site = own_site[0]
    machine = strings(language)["translation_note"]["machine"]
    for path in PAGES_TO_ACT:
        html = (site / language / path / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{language}"' in html, path
        assert "adv-untranslated" not in html and "adv-borrowed" not in html, path
        assert machine in html, path
        content = html[html.index('<article class="md-content__inner') :]
        for attrs in (attrs for tag, attrs in Tags(content).tags if tag == "a"):
            href = attrs.get("href")
            # The machine-translation banner's link to the original says, with hreflang, that it leaves.
            if attrs.get("hreflang") not in (None, language):
                continue
            if href and not is_external(href) and not href.startswith("#"):
                assert resolve(f"{language}/{path}", href).startswith(f"{language}/"), (path, href)


def test_the_arabic_safety_page_is_arabic_right_to_left_and_offered_in_every_language(
    own_site: tuple[Path, str],
) -> None:
    """/ar/safety/ is the Arabic text, right to left; its switcher leads to the page in every language."""
    html = (own_site[0] / "ar/safety/index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" class="no-js" dir="rtl">' in html
    assert "<title>البقاء في أمان - مركز المناصرة</title>" in html
    assert "استخدم اسمًا مستعارًا" in html
    links = Switcher(html).links
    assert {code: (link.href, link.note) for code, link in links.items()} == {
        "en": ("../../safety/index.html", ""),
        "fr": ("../../fr/safety/index.html", ""),
        "es": ("../../es/safety/index.html", ""),
        "ar": ("./index.html", ""),
        "hi": ("../../hi/safety/index.html", ""),
    }


@pytest.mark.parametrize("language", ["fr", "es", "ar", "hi"])
def test_the_navigation_of_a_language_never_leaves_it(own_site: tuple[Path, str], language: str) -> None:
    """From any page of a language, every entry of the navigation leads to a page of that language that exists
    (an untranslated guide is shown there, with a note), never to another language's address or a missing one."""
    site = own_site[0]
    for page in ("", "safety/", "about/advocates/", "contribute/case-model/"):
        html = (site / language / page / "index.html").read_text(encoding="utf-8")
        for tag, attrs in Tags(html).tags:
            if tag == "a" and "md-nav__link" in (attrs.get("class") or "").split():
                target = resolve(f"{language}/{page}", attrs["href"] or "")
                assert target.startswith(f"{language}/"), (page, attrs["href"])
                assert (site / target / "index.html").is_file() or (site / target).is_file(), target


def test_an_untranslated_guide_says_so_in_the_readers_language(own_site: tuple[Path, str]) -> None:
    """A guide that Hindi lacks is shown at its Hindi address with the Hindi interface, a note in Hindi with
    the way to the Hindi home page, and the English text marked as English; search and the sitemap skip it."""
    site = own_site[0]
    html = (site / "hi/about/advocates/index.html").read_text(encoding="utf-8")
    assert '<html lang="hi"' in html
    assert "इस पृष्ठ का अभी हिन्दी में अनुवाद नहीं हुआ है। नीचे मूल पाठ अंग्रेज़ी में है।" in html
    assert '<a href="../../../hi/index.html">मुखपृष्ठ पर लौटें</a>' in html
    assert '<div class="adv-borrowed" lang="en" dir="ltr">' in html
    assert "data-pagefind-body" not in html
    assert "hi/about/advocates/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_every_link_of_the_site_names_a_file_so_that_it_works_from_a_folder(
    own_site: tuple[Path, str],
) -> None:
    """No relative link or form of any page names a folder (a browser opening site/ from a disk or a USB stick
    would show the folder's listing): each names a file of the site."""
    site = own_site[0]
    for file in site.rglob("*.html"):
        if file.name == "404.html":
            continue  # served by a web server, for any address: its links start from the site's root
        text = file.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:a|form)\b[^>]*>", text):
            address = re.search(r'\s(?:href|action)="([^"]*)"', tag)
            if address is None:
                continue
            parts = urlsplit(address[1])
            if parts.scheme or parts.netloc or not parts.path:
                continue
            assert not parts.path.endswith("/") and parts.path not in {".", ".."}, (file, address[1])
            assert (file.parent / parts.path).resolve().is_file(), (file, address[1])


def test_every_page_offers_the_downloads_page_of_its_language(own_site: tuple[Path, str]) -> None:
    """The footer of each page of each language links to that language's downloads page; the support and
    safety pages link to it in their text."""
    site = own_site[0]
    for language in ("", "fr/", "es/", "ar/", "hi/"):
        for file in [site / language / "index.html", site / language / "catalogue/index.html"]:
            text = file.read_text(encoding="utf-8")
            link = re.search(r'<a class="adv-downloads-link" href="([^"]+)">', text)
            assert link is not None, file
            assert (file.parent / link[1]).resolve() == (site / language / "downloads/index.html").resolve()
    for guide in ("support", "safety"):
        text = (site / guide / "index.html").read_text(encoding="utf-8")
        article = text.split('<article class="md-content__inner', 1)[1]
        assert 'href="../downloads/index.html"' in article, guide


@pytest.mark.parametrize("language", ["fr", "es", "ar", "hi"])
def test_a_machine_translated_home_page_says_so_once(own_site: tuple[Path, str], language: str) -> None:
    """The home page of each language says once, in its banner, that it is a machine translation (its text
    does not repeat it), and the banner links the original."""
    html = (own_site[0] / language / "index.html").read_text(encoding="utf-8")
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    ui = strings(language)
    text = " ".join(Tags(article).text).casefold()
    assert text.count(ui["translation_methods"]["machine"].casefold()) == 1
    assert ui["translation_note"]["machine"] in article
    original = ui["translation_banner"]["original"].format(
        language=Localizer(language, "en", Vocabularies()).language_name("en")
    )
    assert f'<a href="../index.html" hreflang="en">{original}</a>' in article


@pytest.mark.parametrize("language", ["", "ar/"])
def test_a_released_manifesto_version_offers_no_edit_link(own_site: tuple[Path, str], language: str) -> None:
    """A released version never changes: its page has no "edit this page" button, the current text has one."""
    edit = 'class="md-content__button md-icon"'
    assert edit not in (own_site[0] / language / "manifesto/versions/0.1.0/index.html").read_text(
        encoding="utf-8"
    )
    assert edit in (own_site[0] / language / "manifesto/index.html").read_text(encoding="utf-8")


def test_an_organization_panel_names_its_kind_not_itself(own_site: tuple[Path, str]) -> None:
    """The Wikimedia Foundation's page says what kind of organization it is, not its own name again."""
    html = (own_site[0] / "organizations/wikimedia-foundation/index.html").read_text(encoding="utf-8")
    assert "<dt>Kind</dt><dd>Foundation</dd>" in html
