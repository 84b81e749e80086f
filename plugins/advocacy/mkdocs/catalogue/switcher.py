"""The language switcher: the same page in each language where it exists, else that language's catalogue.

mkdocs-static-i18n sets the switcher's links only for pages it read from docs/ (leaving the previous page's
links on the others), and sends a missing version to the language's home.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from advocacy.content.urls import SiteUrls
from advocacy.site.assembly import LanguageSite
from advocacy.translations.units import split_language


def page_versions(
    page: Page, site: LanguageSite, urls: SiteUrls, languages: tuple[str, ...]
) -> dict[str, str]:
    """The languages ``page`` exists in, and the site-root-relative URL of each version."""
    path = page.url.removeprefix(site.prefix)
    if site.is_generated(page.url):
        return {code: urls.prefix(code) + path for code in languages}
    case_id = urls.case_of(page.file.src_uri, languages)
    if case_id is not None:
        record = site.pages.catalogue.by_id.get(case_id)
        if record is not None:
            return {code: urls.prefix(code) + path for code in record.versions}
    if page.file.abs_src_path is None:
        return {site.language: page.url}
    # A page of docs/: its versions are the files next to it (page.md, page.fr.md...).
    name, _ = split_language(page.file.src_uri, languages, urls.default)
    here = Path(page.file.abs_src_path).parent
    stem = PurePosixPath(name).stem
    versions = {}
    for code in languages:
        file = here / (f"{stem}.md" if code == urls.default else f"{stem}.{code}.md")
        if file.is_file() or (code == urls.default and (here / f"{stem}.{code}.md").is_file()):
            versions[code] = urls.prefix(code) + path
    return versions


def point_switcher(config: MkDocsConfig, versions: dict[str, str], urls: SiteUrls) -> None:
    """Point the switcher's links (``extra.alternate``, which mkdocs-static-i18n fills) at ``versions``."""
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    if not isinstance(alternates, list):
        return
    links = [
        {**alt, "link": versions.get(str(alt.get("lang")), urls.prefix(str(alt.get("lang"))) + "catalogue/")}
        for alt in alternates
    ]
    # mkdocs-static-i18n sets the links as an attribute, which Jinja reads before the item of the same name.
    config.extra.alternate = links  # type: ignore[attr-defined]  # where mkdocs-static-i18n puts it
    config.extra["alternate"] = links
