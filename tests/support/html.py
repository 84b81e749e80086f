"""Reading the HTML, feeds and links the hub writes, as a browser or a feed reader would."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit


class Tags(HTMLParser):
    """Every start tag of a piece of HTML with its attributes, and its text (character references decoded)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def references(self) -> list[str]:
        """The addresses the HTML links to or loads: a/link href, script/img src, form action."""
        found = []
        for _tag, attrs in self.tags:
            for name in ("href", "src", "action"):
                value = attrs.get(name)
                if value is not None:
                    found.append(value)
        return found


def resolve(page_url: str, link: str) -> str:
    """The site-root-relative URL that a relative ``link`` on the page at ``page_url`` leads to.

    Page URLs are directory URLs (``fr/catalogue/``) or file URLs (``404.html``); the query and fragment are
    dropped. A link to a folder's page (``../x/index.html``, as the site writes them so that it works from a
    folder on disk) leads to that folder's URL (``x/``). A link that climbs above the site root comes back
    starting with ``..``.
    """
    path = urlsplit(link).path
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    folder_page = path == "index.html" or path.endswith("/index.html")
    if folder_page:
        path = path.removesuffix("index.html") or "./"
    target = posixpath.normpath(posixpath.join(base, path))
    if target == ".":
        return ""
    return target + "/" if path.endswith("/") else target


def parse_xml(text: str) -> ET.Element:
    """A feed or sitemap the hub wrote, parsed (the standard parser is fine for our own output)."""
    return ET.fromstring(text)  # noqa: S314


def is_external(link: str) -> bool:
    """Whether a link names a host (``https://…``, ``//…``) rather than a place relative to the page."""
    parts = urlsplit(link)
    return bool(parts.scheme or parts.netloc)


@dataclass
class Entry:
    """One case in a list, as a reader sees it."""

    href: str | None = None
    lang: str | None = None
    dir: str | None = None
    title: str = ""
    langs: str = ""


class Entries(HTMLParser):
    """The cases listed in a piece of HTML: the title link, and the note on the languages it exists in."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[Entry] = []
        self._field: str | None = None
        self._depth = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        kind = found.get("class")
        if tag == "li" and kind == "adv-case":
            self.entries.append(Entry())
        elif tag == "a" and kind == "adv-case__title":
            entry = self.entries[-1]
            entry.href, entry.lang, entry.dir = found.get("href"), found.get("lang"), found.get("dir")
            self._field = "title"
        elif tag == "span" and kind == "adv-case__langs":
            self._field, self._depth = "langs", 0
        elif tag == "span" and self._field == "langs":
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self._field == "title" and tag == "a":
            self._field = None
        elif self._field == "langs" and tag == "span":
            if self._depth:
                self._depth -= 1
            else:
                self._field = None

    def handle_data(self, data: str) -> None:
        if self._field == "title":
            self.entries[-1].title += data
        elif self._field == "langs":
            self.entries[-1].langs += data


@dataclass
class SwitcherLink:
    """One language of the language switcher, as a reader sees it."""

    href: str
    lang: str | None
    dir: str | None
    current: bool
    title: str | None
    text: str = ""
    note: str = ""


class Switcher(HTMLParser):
    """The language switcher of a page: its links by language (``hreflang``), with their visible text and the
    note that says a language lacks the page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: dict[str, SwitcherLink] = {}
        self._link: SwitcherLink | None = None
        self._in_note = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "a" and "md-select__link" in classes:
            self._link = SwitcherLink(
                href=found.get("href") or "",
                lang=found.get("lang"),
                dir=found.get("dir"),
                current=found.get("aria-current") == "true",
                title=found.get("title"),
            )
            self.links[found.get("hreflang") or ""] = self._link
        elif tag == "small" and self._link is not None and "adv-alt__note" in classes:
            self._in_note = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._link = None
        elif tag == "small":
            self._in_note = False

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link.text += data
            if self._in_note:
                self._link.note += data.strip()
