"""What the offline copy of one language holds, chosen from the built site.

- **Its pages**: every page the site has in the language (under its prefix, ``fr/``; for the default
  language, every page outside the other languages' prefixes): cases, the manifesto with its versions and
  changes, the guides, the catalogue and its lists, dossiers, organizations, the data and downloads pages.
- **The pages they lead to in another language**, one step away: the cases not yet translated, which the
  lists show in the language they exist in and mark as such, and the guides not yet translated, which the
  navigation offers in the default language. Links that choose a language on purpose (the language switcher,
  "read the original": they carry ``hreflang``) lead to the public site instead.
- **The files these pages use or offer**: stylesheets, images, the icon, the open-data exports.

Left out: the search index and scripts (the reader has its own search), the 404 page, feeds and sitemaps
(addresses of the public site), and the offline copies themselves. Each page keeps its site path, so that the
links between pages stay right; each folder's page can also be reached by the folder's path (``cases/x/``).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from advocacy.content.project import Project
from advocacy.content.urls import language_prefix
from advocacy.offline.html import is_external, locate, references

# Files never held (site paths; "*" stands for any characters within one folder name).
EXCLUDED = (
    "404.html",
    "downloads/*.zim",
    "downloads/*.zim.part",
    "downloads/offline.json",
    "downloads/SHA256SUMS",
    "sitemap.xml",
    "sitemap.xml.gz",
    "feed.xml",
    "*/feed.xml",
    "manifesto/feed.xml",
)
EXCLUDED_FOLDERS = ("pagefind/", "_pagefind_stand_ins/", "assets/javascripts/")
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def excluded(path: str) -> bool:
    """Whether the file at this site path is never part of a copy."""
    if path.startswith(EXCLUDED_FOLDERS) or path.endswith(".js"):
        return True
    return any(_matches(path, pattern) for pattern in EXCLUDED)


def _matches(path: str, pattern: str) -> bool:
    regex = "[^/]*".join(re.escape(part) for part in pattern.split("*"))
    return re.fullmatch(regex, path) is not None


@dataclass
class Contents:
    """The files of one language's copy.

    Attributes:
        language: The site language.
        main: The site path of its main page (the language's home page).
        pages: Site paths of its HTML pages: the language's own, then those borrowed from another language.
        borrowed: The pages of ``pages`` that are in another language.
        files: Site paths of the other files (stylesheets, images, exports).
    """

    language: str
    main: str
    pages: list[str] = field(default_factory=list)
    borrowed: set[str] = field(default_factory=set)
    files: list[str] = field(default_factory=list)
    _held: set[str] = field(default_factory=set, repr=False)

    def holds(self, path: str) -> bool:
        """Whether the copy holds the file at a site path."""
        return path in self._held

    def add(self, path: str, page: bool) -> None:
        """Hold one more file."""
        if path in self._held:
            return
        self._held.add(path)
        (self.pages if page else self.files).append(path)

    def folders(self) -> list[tuple[str, str]]:
        """(folder path, its page) for every page that is a folder's ``index.html``: ``cases/x/`` ->
        ``cases/x/index.html``, and ``""`` (the copy's own root) for the main page."""
        found = [("", self.main)]
        for page in self.pages:
            if page.endswith("/index.html"):
                found.append((page.removesuffix("index.html"), page))
        return found


def language_of(path: str, prefixes: dict[str, str], default: str) -> str:
    """The language of the site path's page, from its prefix."""
    for code, prefix in prefixes.items():
        if prefix and path.startswith(prefix):
            return code
    return default


def select(project: Project, site: Path, language: str) -> Contents:
    """The files of the copy of ``language``, read from the built ``site``."""
    default = project.default_language.code
    prefixes = {code: language_prefix(code, default) for code in project.language_codes}
    everything = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    present = {path for path in everything if not excluded(path)}
    contents = Contents(language, prefixes[language] + "index.html")
    own = [
        path
        for path in everything
        if path.endswith(".html") and path in present and language_of(path, prefixes, default) == language
    ]
    for path in own:
        contents.add(path, page=True)
    for path in own:
        for _, target, _ in _links(site, path, present, borrowing=True):
            if target.endswith(".html") and not contents.holds(target):
                contents.add(target, page=True)
                contents.borrowed.add(target)
    for path in list(contents.pages):
        for _, target, _ in _links(site, path, present, borrowing=False):
            if not target.endswith(".html"):
                contents.add(target, page=False)
    for path in list(contents.files):
        if path.endswith(".css"):
            for target in _stylesheet_files(site, path, present):
                contents.add(target, page=False)
    return contents


def _links(
    site: Path, page: str, present: set[str], *, borrowing: bool
) -> list[tuple[str, str, dict[str, str]]]:
    """(element, site path, attributes) of the files of the site a page links to or loads.

    With ``borrowing``: only the links a reader follows to read on (``<a>`` without ``hreflang``), to pages.
    Without: the files the page loads or offers (not scripts, which the copy leaves out).
    """
    found = []
    text = (site / page).read_text(encoding="utf-8", errors="replace")
    for element, address, attributes in references(text):
        if is_external(address) or address.startswith(("#", "?")):
            continue
        if borrowing and (element != "a" or "hreflang" in attributes):
            continue
        if element == "script" or (element == "link" and attributes.get("rel") == "alternate"):
            continue
        target, folder = locate(page, unquote(address))
        if target is None:
            continue
        if folder:
            target = posixpath.join(target, "index.html") if target else "index.html"
        if target in present:
            found.append((element, target, attributes))
    return found


def _stylesheet_files(site: Path, stylesheet: str, present: set[str]) -> list[str]:
    """The files of the site a stylesheet loads (``url(...)``: fonts, images)."""
    text = (site / stylesheet).read_text(encoding="utf-8", errors="replace")
    found = []
    for address in _CSS_URL.findall(text):
        if address.startswith(("data:", "#")) or is_external(address):
            continue
        target, _ = locate(stylesheet, unquote(urlsplit(address).path))
        if target is not None and target in present:
            found.append(target)
    return found
