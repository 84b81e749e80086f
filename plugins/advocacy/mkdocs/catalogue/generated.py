"""Generated pages in a MkDocs build: files for the pages the theme renders, and the pages made from shells.

The many pages of one shape (a facet value's list, a dossier, an organization) are not rendered by the theme
one by one: the theme renders one shell per shape and language, and :func:`write_from_shells` fills in each
page's title, content and address.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from advocacy.site.assembly import LanguageSite
from advocacy.site.html import portable_links
from advocacy.site.pages import SHELL, GeneratedPage, fill_frame
from advocacy.site.search import nfc

# Material's JavaScript bundle asks api.github.com for repository facts and can load a polyfill from unpkg.com;
# the hub needs none of it (navigation works with CSS), so it is not published.
MATERIAL_SCRIPTS = "assets/javascripts/"


def add_generated(files: Files, config: MkDocsConfig, site: LanguageSite) -> None:
    """Add the files of ``site``'s generated pages and shells to this language's build; leave out Material's
    scripts."""
    for file in list(files):
        if file.src_uri.startswith(MATERIAL_SCRIPTS):
            files.remove(file)
    in_nav = set(_nav_files(config.nav))
    for page in site.generated.values():
        # Pages the navigation lists are included; the others are reached from them (no "not in nav" notice).
        inclusion = InclusionLevel.INCLUDED if page.name in in_nav else InclusionLevel.NOT_IN_NAV
        files.append(_file(config, page, site.prefix, inclusion))
    for shell, _ in site.shells.values():
        files.append(_file(config, shell, site.prefix, InclusionLevel.NOT_IN_NAV))


def _file(config: MkDocsConfig, page: GeneratedPage, prefix: str, inclusion: InclusionLevel) -> File:
    # The title goes through YAML (JSON is YAML) and is escaped: Material prints titles as HTML.
    front = "---\ntitle: " + json.dumps(str(escape(page.title)), ensure_ascii=False) + "\n---\n"
    file = File.generated(config, page.name, content=front, inclusion=inclusion)
    if prefix:
        file.dest_uri = prefix + file.dest_uri
        for cached in ("url", "abs_dest_path"):
            file.__dict__.pop(cached, None)
    return file


def write_from_shells(site_dir: Path, site: LanguageSite, frames: dict[str, str]) -> Iterator[GeneratedPage]:
    """Write every page made from a shell, from the theme's output of that shell; yield each page written.

    Raises:
        PluginError: when the theme wrote no page for a shell.
    """
    for shell_url, (_, pages) in site.shells.items():
        frame = frames.get(shell_url)
        if frame is None:
            raise PluginError(f"the theme produced no page for {shell_url}; the catalogue cannot be written")
        shell_path = shell_url.removeprefix(site.prefix)
        for page in pages:
            target = site_dir / page.url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            html = portable_links(nfc(fill_frame(frame, shell_path, page, site.prefix)))
            target.write_text(html, encoding="utf-8")
            yield page
    for folder in ("catalogue", "dossiers", "organizations"):
        shutil.rmtree(site_dir / site.prefix / folder / SHELL, ignore_errors=True)


def _nav_files(nav: Any) -> list[str]:
    """Every file name the ``nav`` of mkdocs.yml lists."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [name for item in nav for name in _nav_files(item)]
    if isinstance(nav, dict):
        return [name for value in nav.values() for name in _nav_files(value)]
    return []
