"""The repository's own site: built strict without a warning, every valid case file a page in its language
(nothing lost), every link usable from a folder on disk, and the downloads page offered from every page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from advocacy.content.project import load_project
from advocacy.content.repository import load_repository
from tests.support.building import case_pages, warnings
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
