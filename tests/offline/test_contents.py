"""What the offline copy of a language holds, chosen from the built site."""

from __future__ import annotations

from pathlib import Path

from advocacy.offline.contents import excluded, select
from tests.support.offline import write_site
from tests.support.project import ProjectFactory


def test_a_copy_holds_its_language_and_the_pages_its_lists_lead_to(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    """The English copy holds every English page, the French-only case its home page lists (borrowed), and the
    files its pages use or offer; not the French version the switcher names, scripts, feeds or the 404 page."""
    project = make_project({})
    site = write_site(tmp_path / "site")
    contents = select(project, site, "en")
    assert contents.main == "index.html"
    assert contents.pages == [
        "about/index.html",
        "cases/water/index.html",
        "catalogue/index.html",
        "data/index.html",
        "downloads/index.html",
        "index.html",
        "fr/cases/only-french/index.html",
    ]
    assert contents.borrowed == {"fr/cases/only-french/index.html"}
    assert sorted(contents.files) == [
        "assets/favicon.png",
        "assets/img/paper.png",
        "assets/site.css",
        "cases/media/well.png",
        "data/cases.json",
    ]
    assert not contents.holds("fr/cases/water/index.html")
    assert contents.folders()[:2] == [("", "index.html"), ("about/", "about/index.html")]


def test_a_copy_in_another_language_borrows_the_guides_it_links_to(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    """The French copy holds the French pages under fr/ and the English About page its home page links to
    (not translated yet); its main page is fr/index.html."""
    project = make_project({})
    site = write_site(tmp_path / "site")
    contents = select(project, site, "fr")
    assert contents.main == "fr/index.html"
    assert contents.pages == [
        "fr/cases/only-french/index.html",
        "fr/cases/water/index.html",
        "fr/index.html",
        "about/index.html",
    ]
    assert contents.borrowed == {"about/index.html"}
    assert ("fr/", "fr/index.html") in contents.folders()


def test_search_indexes_scripts_feeds_and_copies_are_never_held() -> None:
    """The search index, scripts, the 404 page, feeds, sitemaps and the copies themselves are left out."""
    for path in (
        "pagefind/pagefind.js",
        "assets/advocacy/catalogue.js",
        "404.html",
        "feed.xml",
        "fr/feed.xml",
        "manifesto/feed.xml",
        "sitemap.xml",
        "downloads/advocacy-hub_fr_2026-12.zim",
        "downloads/offline.json",
        "downloads/SHA256SUMS",
    ):
        assert excluded(path), path
    for path in ("index.html", "downloads/index.html", "data/cases.json", "assets/site.css"):
        assert not excluded(path), path
