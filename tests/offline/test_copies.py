"""The offline copies of the repository's own site, one per language, read back with libzim: every page of the
language is there and nothing unexpected, the links of sample pages resolve inside the copy, a word of a real
case finds it in each language (Arabic and Hindi included, with what Hindi search really finds), the metadata
follows the openZIM rules, no page runs a script or loads anything from elsewhere, and the downloads pages list
the copies."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from libzim.reader import Archive

from advocacy.content.urls import language_prefix
from advocacy.offline.html import fold, main_text
from advocacy.offline.metadata import MANDATORY, iso639_3, rule_problems
from advocacy.offline.reader import search, suggest
from tests.support.offline import OfflineCopies

pytestmark = pytest.mark.site

# A word of a real case in each language, and the page of that case in the language's copy.
REAL_CASES = {
    "en": ("Turkey", "cases/turkey-wikipedia-block-2017/index.html"),
    "fr": ("Turquie", "fr/cases/turkey-wikipedia-block-2017/index.html"),
    "es": ("Turquía", "es/cases/turkey-wikipedia-block-2017/index.html"),
    "ar": ("تركيا", "ar/cases/turkey-wikipedia-block-2017/index.html"),
    "hi": ("पाकिस्तान", "hi/cases/pakistan-wikipedia-block-2023/index.html"),
}
_ADDRESS = re.compile(r"""<(a|link|img|script|source)\b[^>]*?\s(?:href|src)="([^"]*)\"""")


def _archives(offline: OfflineCopies) -> Iterator[tuple[str, Archive]]:
    for copy in offline.copies:
        yield copy.file.language, Archive(copy.path)


def _entries(archive: Archive) -> Iterator[tuple[str, bool, str]]:
    """(path, is a redirect, media type) of every entry a reader can open."""
    for number in range(archive.entry_count):
        entry = archive._get_entry_by_id(number)
        yield entry.path, entry.is_redirect, "" if entry.is_redirect else entry.get_item().mimetype


def _text(archive: Archive, path: str) -> str:
    return bytes(archive.get_entry_by_path(path).get_item().content).decode("utf-8")


def _site_pages(offline: OfflineCopies, language: str) -> dict[str, str]:
    """The HTML pages of the built site in ``language`` (by site path), read from the folder, and their language."""
    default = offline.project.default_language.code
    prefixes = [language_prefix(code, default) for code in offline.project.language_codes if code != default]
    found = {}
    for file in offline.site.rglob("*.html"):
        path = file.relative_to(offline.site).as_posix()
        owner = next((p[:-1] for p in prefixes if path.startswith(p)), default)
        if path != "404.html" and owner == language:
            found[path] = owner
    return found


def test_one_copy_per_language_without_a_problem(offline_copies: OfflineCopies) -> None:
    """Five copies, named advocacy-hub_<language>_<yyyy-mm>.zim in site/downloads/, and no problem found."""
    assert offline_copies.problems == []
    assert [copy.path.relative_to(offline_copies.site).as_posix() for copy in offline_copies.copies] == [
        f"downloads/advocacy-hub_{code}_2026-12.zim" for code in ("en", "fr", "es", "ar", "hi")
    ]


def test_every_page_of_the_language_is_in_its_copy_and_nothing_else(offline_copies: OfflineCopies) -> None:
    """Each page the site has in the language is a page of the copy; the copy's other pages are pages of the
    site in another language (cases and guides not yet translated); the entries are these pages, the files they
    use, and one path per folder page plus the copy's root: the entry count adds up."""
    for language, archive in _archives(offline_copies):
        entries = list(_entries(archive))
        pages = {path for path, redirect, kind in entries if not redirect and kind == "text/html"}
        files = [path for path, redirect, kind in entries if not redirect and kind != "text/html"]
        redirects = [path for path, redirect, _ in entries if redirect]
        own = _site_pages(offline_copies, language)
        assert set(own) <= pages, language
        for borrowed in pages - set(own):
            assert (offline_copies.site / borrowed).is_file(), borrowed
        folder_pages = [p for p in pages if p.endswith("/index.html")]
        # A path per folder page (cases/x/ -> cases/x/index.html), and the copy's root (its main page).
        assert sorted(redirects) == sorted(["", *(p.removesuffix("index.html") for p in folder_pages)])
        assert archive.entry_count == len(pages) + len(files) + len(redirects)
        assert archive.article_count == len(pages)
        assert archive.main_entry.get_item().path == language_prefix(language, "en") + "index.html"


def test_the_links_of_sample_pages_lead_inside_the_copy(offline_copies: OfflineCopies) -> None:
    """From the main page, the catalogue, a list, cases, the manifesto and the downloads page, every relative
    link, stylesheet and image leads to an entry of the copy (its page, when it is a link to a page); links
    that leave the copy are addresses of the public site or of another site."""
    for language, archive in _archives(offline_copies):
        prefix = language_prefix(language, "en")
        sample = [
            f"{prefix}index.html",
            f"{prefix}catalogue/index.html",
            f"{prefix}catalogue/topic/copyright/index.html",
            f"{prefix}manifesto/index.html",
            f"{prefix}manifesto/changelog/index.html",
            f"{prefix}downloads/index.html",
            *sorted(p for p, r, k in _entries(archive) if not r and "/cases/" in f"/{p}")[::7],
        ]
        followed = 0
        for page in sample:
            for element, raw in _ADDRESS.findall(_text(archive, page)):
                address = html.unescape(raw)
                parts = urlsplit(address)
                if parts.scheme or parts.netloc or not parts.path:
                    assert parts.scheme in {"", "https", "mailto"}, (page, address)
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
                assert archive.has_entry_by_path(target), (language, page, address)
                item = archive.get_entry_by_path(target).get_item()
                if element == "a" and target.endswith(".html"):
                    assert item.mimetype == "text/html", (page, address)
                followed += 1
        assert followed > 500, language


@pytest.mark.parametrize("language", sorted(REAL_CASES))
def test_a_word_of_a_real_case_finds_it(offline_copies: OfflineCopies, language: str) -> None:
    """The copy's full-text search finds the case by a word of its text, and every page it finds holds that
    word once folded as libzim folds it. For Hindi that is all it promises: the vowel signs are folded away
    (docs/downloads.md says so), so the pages found may hold another word of the same letters."""
    word, case = REAL_CASES[language]
    archive = next(a for code, a in _archives(offline_copies) if code == language)
    found = search(archive, word)
    assert case in found
    for path in found:
        assert fold(word) in fold(main_text(_text(archive, path))), path
    title = archive.get_entry_by_path(case).title
    assert case in suggest(archive, title.split()[0] + " " + title.split()[1])


def test_the_metadata_follows_the_openzim_rules(offline_copies: OfflineCopies) -> None:
    """Read back: every mandatory key, within the limits; the language in ISO 639-3; the hub's name in the
    language; the content's licence; the icon; a full-text index and title suggestions."""
    for language, archive in _archives(offline_copies):
        values = {
            key: bytes(archive.get_metadata(key)).decode("utf-8")
            for key in archive.metadata_keys
            if not key.startswith("Illustration_") and key != "Counter"
        }
        icon = bytes(archive.get_illustration_item(48).content)
        assert rule_problems(values, icon) == [], language
        assert set(MANDATORY) | {"Flavour", "Tags", "License", "Source"} <= set(values)
        assert values["Language"] == iso639_3(language)
        assert values["License"] == "CC-BY-SA-4.0"
        assert values["Date"] == "2026-12-04"
        assert archive.has_fulltext_index and archive.has_title_index
        assert archive.check()
    titles = {code: bytes(a.get_metadata("Title")).decode() for code, a in _archives(offline_copies)}
    assert titles == {
        "en": "Advocacy Hub",
        "fr": "Advocacy Hub",
        "es": "Advocacy Hub",
        "ar": "مركز المناصرة",
        "hi": "एडवोकेसी हब",
    }


def test_no_page_runs_a_script_or_loads_anything_from_elsewhere(offline_copies: OfflineCopies) -> None:
    """Pages work without JavaScript and ask no other host for anything (stylesheets, images, fonts)."""
    for language, archive in _archives(offline_copies):
        for path, redirect, kind in _entries(archive):
            if redirect or kind != "text/html":
                continue
            text = _text(archive, path)
            assert "<script" not in text, (language, path)
            for tag in re.findall(r"<(?:img|source|video|audio|iframe|embed|link)\b[^>]*>", text):
                rel = re.search(r'\brel="([^"]*)"', tag)
                if rel and not {"stylesheet", "icon", "preload", "prefetch", "manifest"} & set(
                    rel[1].split()
                ):
                    continue  # canonical, prev, next: addresses, nothing a reader loads
                assert "://" not in tag and '"//' not in tag, (language, path, tag)


def test_cases_not_yet_translated_are_in_the_copy_marked_as_on_the_site(
    offline_copies: OfflineCopies,
) -> None:
    """In the French copy, the catalogue marks the cases not yet in French, and their pages (in the language
    they exist in) are in the copy."""
    archive = next(a for code, a in _archives(offline_copies) if code == "fr")
    catalogue = _text(archive, "fr/catalogue/index.html")
    untranslated = re.findall(
        r'<a class="adv-case__title" href="([^"]+)" lang="(\w+)"[^>]*>.*?</a>\n<span class="adv-case__langs">Pas encore en français',
        catalogue,
    )
    assert untranslated
    for href, lang in untranslated:
        target = posixpath.normpath(posixpath.join("fr/catalogue", href))
        assert archive.get_entry_by_path(target).get_item().mimetype == "text/html"
        assert f'lang="{lang}"' in _text(archive, target)


def test_the_downloads_pages_list_the_copies(offline_copies: OfflineCopies) -> None:
    """Each language's downloads page lists the five copies, its own first, each linked to its file beside the
    site, with its SHA-256."""
    for copy in offline_copies.copies:
        language = copy.file.language
        page = offline_copies.site / f"{language_prefix(language, 'en')}downloads/index.html"
        text = page.read_text(encoding="utf-8")
        links = re.findall(r'<li><a href="([^"]+\.zim)" lang="(\w+)"', text)
        assert links[0][1] == language
        assert sorted(code for _, code in links) == ["ar", "en", "es", "fr", "hi"]
        for href, _ in links:
            assert (page.parent / href).resolve().is_file()
        for other in offline_copies.copies:
            assert f"<code>{other.file.sha256}</code>" in text
    assert (offline_copies.site / "downloads/SHA256SUMS").is_file()
    assert Path(offline_copies.site / "downloads/offline.json").is_file()


def test_titles_leave_out_the_hubs_name_in_every_language(offline_copies: OfflineCopies) -> None:
    """The titles a reader sees in results and suggestions are the pages' own, without " - <the hub's name>",
    for the pages borrowed from another language too."""
    names = {"Advocacy Hub", "مركز المناصرة", "एडवोकेसी हब"}
    for language, archive in _archives(offline_copies):
        for path, redirect, kind in _entries(archive):
            if not redirect and kind == "text/html":
                title = archive.get_entry_by_path(path).title
                assert title and not any(title.endswith(f" - {name}") for name in names), (
                    language,
                    path,
                    title,
                )
