"""The built site checked against its sources: every valid page of every language is there, and every internal
link and anchor of the final HTML resolves.

MkDocs validates the links written in Markdown; this checks what readers get, including the links that themes,
plugins and generated pages add. ``advocacy check-site`` runs it, and ``make build`` after each build.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from advocacy.content.project import Project
from advocacy.content.repository import Repository
from advocacy.content.urls import language_prefix
from advocacy.manifesto.files import manifesto_dir
from advocacy.manifesto.model import Manifesto
from advocacy.reading.problems import Problem
from advocacy.translations.units import markdown_pages, split_language

# Attributes that lead somewhere, by element.
_REFERENCES = {
    "a": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "form": ("action",),
}
# A start tag, its attributes (quoted values may hold ">"), and one attribute. The site's HTML is written by
# MkDocs, the theme and the sanitiser: attribute values are quoted, and "<" in text is always escaped, so a tag
# is a tag (an HTML parser, at forty thousand pages, took minutes).
_TAG = re.compile(r"<([a-zA-Z][\w-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def _read_page(html: str) -> tuple[set[str], list[str]]:
    """The ids (and anchor names) of a page, and the addresses it refers to."""
    ids: set[str] = set()
    references: list[str] = []
    for tag in _TAG.finditer(html):
        name = tag.group(1).lower()
        attributes = tag.group(2)
        if name not in _REFERENCES and "id=" not in attributes:
            continue  # most tags: nothing to read
        values = {
            m.group(1).lower(): unescape(
                m.group(2) if m.group(2) is not None else m.group(3) or m.group(4) or ""
            )
            for m in _ATTRIBUTE.finditer(attributes)
        }
        for key in ("id", "name") if name == "a" else ("id",):
            if values.get(key):
                ids.add(values[key])
        for key in _REFERENCES.get(name, ()):
            value = values.get(key)
            if value is not None and not (
                name == "link" and values.get("rel") in {"canonical", "preconnect"}
            ):
                references.append(value)
    return ids, references


class SiteChecker:
    """Reads the HTML of a built site and answers for every page (keeping each page's ids, not its text).

    Args:
        site: The folder of the built site.
    """

    def __init__(self, site: Path) -> None:
        self.site = site
        self._ids: dict[str, frozenset[str]] = {}
        self._files: dict[str, bool] = {}

    def _read(self, path: str) -> list[str]:
        """The addresses the HTML file at ``path`` (relative to the site) refers to; its ids are kept."""
        ids, references = _read_page((self.site / path).read_text(encoding="utf-8", errors="replace"))
        self._ids[path] = frozenset(ids)
        return references

    def ids(self, path: str) -> frozenset[str]:
        """The ids of the HTML file at ``path``."""
        if path not in self._ids:
            self._read(path)
        return self._ids[path]

    def _is_file(self, path: str) -> bool:
        found = self._files.get(path)
        if found is None:
            found = self._files[path] = (self.site / path).is_file()
        return found

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
            if candidate != "." and self._is_file(candidate):
                return candidate, unquote(parts.fragment)
        return None, unquote(parts.fragment)

    def broken_links(self) -> Iterator[Problem]:
        """Every internal link, stylesheet, script, image or form target that leads nowhere, and every
        fragment that names no element of its page."""
        for file in sorted(self.site.rglob("*.html")):
            page = file.relative_to(self.site).as_posix()
            for address in self._read(page):
                parts = urlsplit(address)
                if parts.scheme or parts.netloc or address == "#":
                    continue
                target, fragment = self.target(page, address)
                if target is None:
                    yield Problem(
                        f"site/{page}", None, None, f'the link "{address}" leads to no file of the site'
                    )
                elif fragment and target.endswith(".html") and fragment not in self.ids(target):
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
        yield case_file.display, project.urls.case(case_file.case_id, case_file.language) + "index.html"
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
