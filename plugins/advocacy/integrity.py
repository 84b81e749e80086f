"""The built site checked against its sources: every valid page of every language is there, and every internal
link and anchor of the final HTML resolves.

MkDocs validates the links written in Markdown; this checks what readers get, including the links that themes,
plugins and generated pages add. ``advocacy check-site`` runs it, and ``make build`` after each build.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from advocacy.manifesto import Manifesto, manifesto_dir
from advocacy.problems import Problem
from advocacy.project import Project
from advocacy.repository import Repository
from advocacy.translations import markdown_pages, split_language
from advocacy.urls import language_prefix

# Attributes that lead somewhere, by element.
_REFERENCES = {
    "a": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "form": ("action",),
}


class _Page(HTMLParser):
    """The ids of one page and the addresses it refers to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.references: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            value = values.get(name)
            if value:
                self.ids.add(value)
        for name in _REFERENCES.get(tag, ()):
            value = values.get(name)
            if value is not None and not (tag == "link" and values.get("rel") in {"canonical", "preconnect"}):
                self.references.append(value)


@dataclass(frozen=True)
class _Parsed:
    ids: frozenset[str]
    references: tuple[str, ...]


class SiteChecker:
    """Reads the HTML of a built site once and answers for every page.

    Args:
        site: The folder of the built site.
    """

    def __init__(self, site: Path) -> None:
        self.site = site
        self._pages: dict[str, _Parsed] = {}

    def page(self, path: str) -> _Parsed:
        """The ids and references of the HTML file at ``path`` (relative to the site)."""
        parsed = self._pages.get(path)
        if parsed is None:
            reader = _Page()
            reader.feed((self.site / path).read_text(encoding="utf-8", errors="replace"))
            reader.close()
            parsed = self._pages[path] = _Parsed(frozenset(reader.ids), tuple(reader.references))
        return parsed

    def target(self, page: str, address: str) -> tuple[str | None, str]:
        """The site file an internal address on ``page`` leads to (``None`` if none) and its fragment."""
        parts = urlsplit(address)
        path = unquote(parts.path)
        if not path:
            return page, unquote(parts.fragment)
        base = posixpath.dirname(page)
        joined = path.lstrip("/") if path.startswith("/") else posixpath.normpath(posixpath.join(base, path))
        if joined.startswith(".."):
            return None, parts.fragment
        for candidate in (joined, posixpath.join(joined, "index.html")):
            if candidate != "." and (self.site / candidate).is_file():
                return candidate, unquote(parts.fragment)
        return None, unquote(parts.fragment)

    def broken_links(self) -> Iterator[Problem]:
        """Every internal link, stylesheet, script, image or form target that leads nowhere, and every
        fragment that names no element of its page."""
        for file in sorted(self.site.rglob("*.html")):
            page = file.relative_to(self.site).as_posix()
            for address in self.page(page).references:
                parts = urlsplit(address)
                if parts.scheme or parts.netloc or address == "#":
                    continue
                target, fragment = self.target(page, address)
                if target is None:
                    yield Problem(
                        f"site/{page}", None, None, f'the link "{address}" leads to no file of the site'
                    )
                elif fragment and target.endswith(".html") and fragment not in self.page(target).ids:
                    yield Problem(
                        f"site/{page}",
                        None,
                        None,
                        f'the link "{address}" names "#{fragment}", which {target} lacks',
                    )


def expected_pages(
    project: Project, repository: Repository, manifesto: Manifesto
) -> Iterator[tuple[str, str]]:
    """(source file, site file) of every valid page of every language: the published cases, the pages of
    docs/ and the manifesto's texts, current and released."""
    default = project.default_language.code
    codes = project.language_codes
    for case_file in repository.published_files():
        prefix = language_prefix(case_file.language, default)
        yield case_file.display, f"{prefix}{project.cases_dirname}/{case_file.case_id}/index.html"
    skip = {project.docs_dir / project.cases_dirname, project.docs_dir / "manifesto"}
    for source in markdown_pages(project.docs_dir, skip):
        name, code = split_language(source.relative_to(project.docs_dir).as_posix(), codes, default)
        yield project.relative(source), language_prefix(code, default) + _html_path(name)
    folder = manifesto_dir(project)
    texts = [("", manifesto.texts)] + [(f"versions/{v}/", t) for v, t in manifesto.versions.items()]
    for where, by_language in texts:
        for code in by_language:
            name = "index.md" if code == default else f"index.{code}.md"
            yield (
                project.relative(folder / where / name),
                f"{language_prefix(code, default)}manifesto/{where}index.html",
            )


def _html_path(name: str) -> str:
    """Where MkDocs (directory URLs) writes the page of ``name``: ``about/x.md`` -> ``about/x/index.html``."""
    path = PurePosixPath(name)
    if path.stem in {"index", "README"}:
        folder = path.parent.as_posix()
        return "index.html" if folder == "." else f"{folder}/index.html"
    return f"{path.with_suffix('').as_posix()}/index.html"


def check_site(project: Project, repository: Repository, manifesto: Manifesto, site: Path) -> list[Problem]:
    """Everything missing from a built site or broken in it."""
    problems = [
        Problem(source, None, None, f"the page is valid but the site has no site/{target}; build again")
        for source, target in expected_pages(project, repository, manifesto)
        if not (site / target).is_file()
    ]
    problems.extend(SiteChecker(site).broken_links())
    return problems
