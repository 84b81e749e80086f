"""The language switcher: the same page in each language where it exists, and otherwise a link that says, in
that language, that the page is not translated yet and what it opens instead.

A page of docs/ missing in a language is shown there in its original language, under that language's address
(the translations plugin); a case missing in a language is listed by that language's catalogue.
mkdocs-static-i18n sets the switcher's links only for pages it read from docs/ (leaving the previous page's
links on the others), and sends a missing version to the language's home: every page's links are set here.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from advocacy.content.urls import SiteUrls
from advocacy.site.assembly import LanguageSite
from advocacy.site.availability import Availability, SwitcherEntry, switcher_entries
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


def page_switcher(
    page: Page, site: LanguageSite, urls: SiteUrls, config: MkDocsConfig, versions: dict[str, str]
) -> list[SwitcherEntry]:
    """The switcher's entries for ``page``, whose versions are ``versions``."""
    names = [(str(alt.get("lang")), str(alt.get("name"))) for alt in _alternates(config)]
    path = page.url.removeprefix(site.prefix)
    is_case = urls.case_of(page.file.src_uri, tuple(code for code, _ in names)) is not None
    if not is_case and page.file.abs_src_path is not None and urls.default in versions:
        # A page of docs/ with an original in the default language: every language shows it at its address.
        missing = Availability.ORIGINAL
        fallbacks = {code: urls.prefix(code) + path for code, _ in names}
    else:
        missing = Availability.CATALOGUE
        fallbacks = {code: urls.prefix(code) + "catalogue/" for code, _ in names}
    return switcher_entries(names, site.language, versions, fallbacks, missing)


def point_switcher(config: MkDocsConfig, entries: list[SwitcherEntry]) -> None:
    """Point the switcher's links (``extra.alternate``, which mkdocs-static-i18n fills) at ``entries``, with
    what the theme's partial (``partials/alternate.html``) shows of each."""
    by_code = {entry.code: entry for entry in entries}
    links = []
    for alt in _alternates(config):
        entry = by_code.get(str(alt.get("lang")))
        if entry is None:
            links.append(alt)
            continue
        links.append(
            {
                **alt,
                "link": entry.href,
                "dir": entry.direction,
                "current": entry.current,
                "available": entry.availability == Availability.HERE,
                "note": entry.note,
                "title": entry.title,
            }
        )
    # mkdocs-static-i18n sets the links as an attribute, which Jinja reads before the item of the same name.
    config.extra.alternate = links  # type: ignore[attr-defined]  # where mkdocs-static-i18n puts it
    config.extra["alternate"] = links


def _alternates(config: MkDocsConfig) -> list[dict[str, Any]]:
    """The switcher's entries as mkdocs-static-i18n set them (name, link, lang of each language)."""
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    return list(alternates) if isinstance(alternates, list) else []
