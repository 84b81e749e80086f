"""The files a build writes besides pages: each language's feeds, and once every language is built, the open
data exports, the sitemap and the root 404 page."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from advocacy.catalogue.exports import atom_feed, cases_csv, cases_json, sitemap
from advocacy.catalogue.records import Catalogue
from advocacy.site.assembly import LanguageSite


def public_url(config: MkDocsConfig) -> str:
    """The site's public address ending in ``/``, or ``/`` when mkdocs.yml sets none."""
    return config.site_url.rstrip("/") + "/" if config.site_url else "/"


def write_feeds(site_dir: Path, site: LanguageSite, config: MkDocsConfig) -> None:
    """Write the language's Atom feed of cases and, with a changelog, of the manifesto's versions."""
    feed = site_dir / site.prefix / "feed.xml"
    feed.parent.mkdir(parents=True, exist_ok=True)
    title = f"{config.site_name}: {site.pages.ui['home']['recent']}"
    feed.write_text(
        atom_feed(site.pages.catalogue, site.language, public_url(config), title), encoding="utf-8"
    )
    manifesto = site.manifesto
    if manifesto is not None and manifesto.manifesto.changelog is not None:
        feed = site_dir / manifesto.prefix / "feed.xml"
        feed.parent.mkdir(parents=True, exist_ok=True)
        title = f"{config.site_name}: {site.pages.ui['manifesto']['changelog_title']}"
        feed.write_text(manifesto.feed(public_url(config), title), encoding="utf-8")


def write_site_files(
    site_dir: Path,
    catalogue: Catalogue,
    written: Mapping[str, Mapping[str, str]],
    site_url: str,
    not_found: str | None,
) -> None:
    """Once every language is written: the exports, one sitemap with alternates, and the root 404 page.

    Args:
        site_dir: The built site.
        catalogue: The published cases.
        written: For each page's source name, the URL of its version in each language.
        site_url: The site's public address.
        not_found: The default language's 404 page as rendered (every language build writes its own at the
            root; the default's is put back).
    """
    if not_found is not None:
        (site_dir / "404.html").write_text(not_found, encoding="utf-8")
    data = site_dir / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "cases.json").write_text(cases_json(catalogue, site_url), encoding="utf-8")
    (data / "cases.csv").write_text(cases_csv(catalogue, site_url), encoding="utf-8", newline="")
    # MkDocs writes one sitemap per language build, without alternates: replace them with one.
    for code in catalogue.languages:
        for stale in ("sitemap.xml", "sitemap.xml.gz"):
            (site_dir / catalogue.urls.prefix(code) / stale).unlink(missing_ok=True)
    (site_dir / "sitemap.xml").write_text(sitemap(written, site_url, catalogue.default), encoding="utf-8")
