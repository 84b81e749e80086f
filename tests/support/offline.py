"""A small built site, written as files, for the tests of the offline copies: pages in English, French and
Arabic shaped like the hub's (a title with the hub's name, an article, a menu every page repeats, a stylesheet,
scripts, a language switcher, feeds), and the files a copy must leave out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from advocacy.content.project import Project
from advocacy.offline.illustration import icon
from advocacy.reading.problems import Problem

if TYPE_CHECKING:  # libzim, the offline extra, is imported by the tests that make copies, not by every test
    from advocacy.offline.copies import Copy

SITE_NAME = "Test hub"
SITE_URL = "https://example.org/"
# The date the tests give the copies of the repository's site.
OFFLINE_DAY = dt.date(2026, 12, 4)


@dataclass(frozen=True)
class OfflineCopies:
    """The offline copies of a built site: the project, the site they were made from (its downloads pages list
    them), the copies and the problems found."""

    project: Project
    site: Path
    copies: list[Copy]
    problems: list[Problem]


def page(title: str, body: str, root: str, *, language: str = "en", searchable: bool = True) -> str:
    """A page of the site at the depth given by ``root`` (its way up to the site's root, ``../../``)."""
    article = f"<div data-pagefind-body>{body}</div>" if searchable else body
    home = f"{root}index.html" if language == "en" else f"{root}{language}/index.html"
    return (
        f'<!doctype html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title} - {SITE_NAME}</title>\n"
        f'<link rel="canonical" href="{SITE_URL}x/">\n'
        f'<link rel="alternate" href="{root}fr/" hreflang="fr">\n'
        f'<link rel="icon" href="{root}assets/favicon.png">\n'
        f'<link rel="stylesheet" href="{root}assets/site.css">\n'
        f'<link rel="alternate" type="application/atom+xml" href="{root}feed.xml" title="{SITE_NAME}">\n'
        "</head>\n<body>\n"
        f'<header><a href="{home}">Home</a> <a href="{root}fr/index.html" hreflang="fr">Français</a>'
        " menuword</header>\n"
        f'<nav><a href="{root}about/index.html">About</a> menuword</nav>\n'
        f'<article class="md-content__inner md-typeset">\n<h1 id="t">{title}<a class="headerlink" href="#t">¶</a>'
        f"</h1>\n{article}\n</article>\n"
        f'<script src="{root}assets/app.js"></script>\n'
        f'<script type="module">import("{root}pagefind/pagefind.js")</script>\n'
        "</body>\n</html>\n"
    )


CATALOGUE_FORM = (
    '<form class="adv-search" role="search" action="../catalogue/index.html" method="get">'
    '<input id="adv-q" name="q" type="search"><button type="submit">Search</button>'
    '<p class="adv-search__hint">Filters and search need JavaScript.</p></form>'
)


def site_files() -> dict[str, str | bytes]:
    """Every file of the small built site, by site path."""
    return {
        "index.html": page(
            SITE_NAME,
            '<p>Welcome.</p><a href="cases/water/index.html">Water</a> '
            '<a href="fr/cases/only-french/index.html" lang="fr">Seulement en français</a> '
            '<a href="data/index.html">Open data</a> <a href="downloads/index.html">Downloads</a>',
            "",
            searchable=False,
        ),
        "cases/water/index.html": page(
            "The right to water",
            "<p>Families faced eviction and fought for water rights.</p>"
            '<img src="../../cases/media/well.png" alt="A well">'
            '<a href="../../fr/cases/water/index.html" hreflang="fr">Français</a> '
            '<a href="../../catalogue/index.html">All cases</a> <a href="https://example.com/report">Report</a>',
            "../../",
        ),
        "catalogue/index.html": page(
            "Cases", CATALOGUE_FORM + '<a href="../cases/water/index.html">Water</a>', "../", searchable=False
        ),
        "about/index.html": page("About", "<p>About the hub.</p>", "../"),
        "data/index.html": page(
            "Open data",
            '<a href="../data/cases.json">cases.json</a> <a href="../feed.xml">feed</a> '
            '<a href="../sitemap.xml">sitemap</a>',
            "../",
            searchable=False,
        ),
        "downloads/index.html": page(
            "Downloads", '<p id="offline-files">The copies are files of the latest release.</p>', "../"
        ),
        "fr/index.html": page(
            SITE_NAME,
            '<a href="cases/water/index.html">Eau</a> <a href="cases/only-french/index.html">Seul</a> '
            '<a href="../about/index.html">À propos</a>',
            "../",
            language="fr",
            searchable=False,
        ),
        "fr/cases/water/index.html": page(
            "Le droit à l'eau", "<p>Des familles menacées d'expulsion.</p>", "../../../", language="fr"
        ),
        "fr/cases/only-french/index.html": page(
            "Un cas français", "<p>Seulement en français.</p>", "../../../", language="fr"
        ),
        "ar/index.html": page(SITE_NAME, '<a href="cases/water/index.html">الماء</a>', "../", language="ar"),
        "ar/cases/water/index.html": page(
            "الحق في الماء", "<p>واجهت الأسر الطرد من منازلها.</p>", "../../../", language="ar"
        ),
        "assets/site.css": "body{background:url(img/paper.png)} .x{background:url(data:image/png;base64,AA==)}",
        "assets/img/paper.png": icon(),
        "assets/favicon.png": icon(),
        "assets/app.js": "console.log('app')",
        "cases/media/well.png": icon(),
        "data/cases.json": '{"cases": []}',
        "feed.xml": "<feed/>",
        "sitemap.xml": "<urlset/>",
        "404.html": page("Not found", '<a href="/">Home</a>', "/"),
        "pagefind/pagefind.js": "export {}",
        "downloads/advocacy-hub_en_2026-11.zim": b"an older copy",
    }


def write_site(folder: Path) -> Path:
    """Write the small built site into ``folder``; return it."""
    for name, content in site_files().items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder
