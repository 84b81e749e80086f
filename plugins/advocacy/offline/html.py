"""What an offline copy changes in a page of the built site, and what it reads from it.

The site's HTML is written by MkDocs, Material and the hub's templates: every attribute value is quoted and
``<`` in text is escaped, so start tags are found with a regular expression (as ``advocacy check-site`` does).

In a copy, a page keeps its place in the site's tree (``fr/cases/x/index.html``), so its relative links stay
right. What changes:

- scripts go (Kiwix has its own search; the pages work without JavaScript), and the catalogue's search form,
  which needs them, becomes a line saying to use the reader's search;
- ``<link rel="alternate">`` (other languages, feeds) goes: it points to pages the copy does not hold;
- a link to a folder names its ``index.html`` (readers look paths up exactly as written);
- a link to a page or file the copy does not hold becomes an absolute link to the public site.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterator
from urllib.parse import unquote, urlsplit

from markupsafe import escape

START_TAG = re.compile(r"<([a-zA-Z][\w-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
ATTRIBUTE = re.compile(r"""(\s)([\w:-]+)(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
# Attributes that hold an address, by element.
ADDRESSES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
}
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>\n?", re.DOTALL | re.IGNORECASE)
_NOSCRIPT = re.compile(r"</?noscript\b[^>]*>", re.IGNORECASE)
_ALTERNATE = re.compile(r"<link\b[^>]*\brel=\"alternate\"[^>]*>\n?", re.IGNORECASE)
_SEARCH_FORM = re.compile(r"<form\b[^>]*\bclass=\"adv-search\"[^>]*>.*?</form\s*>", re.DOTALL)
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL | re.IGNORECASE)
_ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.DOTALL | re.IGNORECASE)
_HIDDEN = re.compile(
    r"<(script|style|svg|template)\b.*?</\1\s*>|<a\b[^>]*class=\"headerlink\"[^>]*>.*?</a>",
    re.DOTALL | re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
SEARCH_BODY = "data-pagefind-body"


def attributes(text: str) -> dict[str, str]:
    """The attributes of a start tag's text (names lowercased, values unescaped)."""
    return {
        m[2].lower(): html.unescape(m[4] if m[4] is not None else m[5] if m[5] is not None else m[6])
        for m in ATTRIBUTE.finditer(text)
    }


def references(page: str) -> Iterator[tuple[str, str, dict[str, str]]]:
    """Each (element, address, attributes) of a page: links, stylesheets, scripts, images, forms."""
    for tag in START_TAG.finditer(page):
        name = tag[1].lower()
        if name not in ADDRESSES:
            continue
        values = attributes(tag[2])
        for key in ADDRESSES[name]:
            if values.get(key):
                yield name, values[key], values


def is_external(address: str) -> bool:
    """Whether an address names a scheme or a host (``https://…``, ``mailto:``, ``//host/…``)."""
    return bool(_SCHEME.match(address)) or address.startswith("//")


def locate(page: str, address: str) -> tuple[str | None, bool]:
    """Where a relative address on the page at site path ``page`` leads: the site path it names (``None``
    above the site's root) and whether it names a folder. Query and fragment are left out."""
    path = urlsplit(address).path
    folder = path.endswith("/") or path in {".", ".."} or path.endswith(("/.", "/.."))
    if path.startswith("/"):
        joined = posixpath.normpath(path.lstrip("/") or ".")
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if joined == ".":
        return "", True
    if joined == ".." or joined.startswith("../"):
        return None, folder
    return joined, folder


def _address_suffix(address: str) -> str:
    parts = urlsplit(address)
    return (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def rewrite_address(page: str, address: str, held: Callable[[str], bool], site_url: str) -> str:
    """The address to write in the copy for ``address`` on ``page``.

    Args:
        page: The page's site path (``fr/cases/x/index.html``).
        address: The address as the site wrote it.
        held: Whether the copy holds the file at a site path.
        site_url: The public address of the site, ending with ``/``.
    """
    if not address or address.startswith(("#", "?")) or is_external(address):
        return address
    target, folder = locate(page, unquote(address))
    if target is None:  # above the site's root: only the public site can say what is there
        return site_url + _address_suffix(address)
    index = posixpath.join(target, "index.html") if target else "index.html"
    if folder and held(index):
        path = urlsplit(address).path
        if path.startswith("/"):
            return posixpath.relpath(index, posixpath.dirname(page) or ".") + _address_suffix(address)
        return path.rstrip("/") + ("/" if path.rstrip("/") else "") + "index.html" + _address_suffix(address)
    if not folder and held(target):
        if address.startswith("/"):
            return posixpath.relpath(target, posixpath.dirname(page) or ".") + _address_suffix(address)
        return address
    public = target + "/" if folder and target else target
    if public == "index.html" or public.endswith("/index.html"):
        public = public.removesuffix("index.html")  # the public site's own address for a folder's page
    return site_url + public + _address_suffix(address)


def rewrite_page(page: str, text: str, held: Callable[[str], bool], site_url: str, search_note: str) -> str:
    """The HTML of a page as the copy holds it (see the module's description).

    Args:
        page: The page's site path.
        text: The page's HTML as built.
        held: Whether the copy holds the file at a site path.
        site_url: The public address of the site, ending with ``/``.
        search_note: What the catalogue's search form becomes (plain text, escaped here).
    """
    text = _SCRIPT.sub("", text)
    text = _NOSCRIPT.sub("", text)
    text = _ALTERNATE.sub("", text)
    text = _SEARCH_FORM.sub(lambda _: f'<p class="adv-search__hint">{escape(search_note)}</p>', text)

    def tag(match: re.Match[str]) -> str:
        name = match[1].lower()
        keys = ADDRESSES.get(name)
        if keys is None:
            return match[0]

        def attribute(found: re.Match[str]) -> str:
            if found[2].lower() not in keys:
                return found[0]
            raw = found[4] if found[4] is not None else found[5] if found[5] is not None else found[6]
            value = html.unescape(raw)
            new = rewrite_address(page, value, held, site_url)
            if new == value:
                return found[0]
            return f'{found[1]}{found[2]}{found[3]}"{escape(new)}"'

        return f"<{match[1]}{ATTRIBUTE.sub(attribute, match[2])}>"

    return START_TAG.sub(tag, text)


def title_of(text: str, site_names: set[str]) -> str:
    """A page's title without the hub's name that the theme adds (`` - Advocacy Hub``)."""
    found = _TITLE.search(text)
    title = _SPACE.sub(" ", html.unescape(found[1])).strip() if found else ""
    for name in sorted(site_names, key=len, reverse=True):
        if name and title.endswith(f" - {name}"):
            return title[: -len(name) - 3].strip() or title
    return title


def is_searchable(text: str) -> bool:
    """Whether the site's search indexes the page (cases, the manifesto, the guides), not a generated list."""
    return SEARCH_BODY in text


def main_text(text: str) -> str:
    """The text a reader reads on the page: its article, without the navigation, header and footer that
    every page repeats (which would make every page match every word of the menu)."""
    found = _ARTICLE.search(text)
    body = _HIDDEN.sub(" ", found[1] if found else "")
    return _SPACE.sub(" ", html.unescape(_ANY_TAG.sub(" ", body))).strip()


def fold(text: str) -> str:
    """The text as libzim indexes and searches it: lowercase, without marks ("Lower; NFD; [:M:] remove; NFC"
    in ICU, libzim's ``removeAccents``). libzim folds every query this way, and the page text it is given
    by the copy must be folded the same way to be found.

    It also removes the vowel signs of Devanagari (they are marks): तुर्की and तर्क fold to the same word.
    """
    decomposed = unicodedata.normalize("NFD", text.lower())
    kept = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))
    return unicodedata.normalize("NFC", kept)
