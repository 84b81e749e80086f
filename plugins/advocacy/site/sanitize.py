"""The allow-list every page written from Markdown goes through before it reaches a reader.

Python-Markdown passes raw HTML through (``<script>``, ``<form>``, ``<base>``, ``onerror=``, attr_list's
``{onclick=...}``, ``javascript:`` links). nh3 (the Rust sanitiser ammonia) keeps what the site needs, and
nothing else: text structure, heading ids and permalinks, admonitions and code highlighting (classes),
``lang``/``dir``, links to ``http``, ``https``, ``mailto`` and relative addresses, images from relative
addresses only. No SVG, no styles, no scripts, no forms.

Addresses are normalised first, as the validator does (:mod:`advocacy.reading.addresses`): an address with a
backslash (``/\\host``) is dropped, and one with spaces or control characters is judged, and kept, as a browser
reads it. Classes are kept only when the site's Markdown extensions write them or the page model documents
them for contributors (``advocacy/data/page-model.yml``): a page cannot take the theme's own classes
(``md-*``, ``adv-*``) to restyle the interface, whether through an attribute list or an admonition's type,
nor the ids of the theme's own controls (``__drawer``).
"""

from __future__ import annotations

import re
from functools import cache

import nh3
from pygments.token import STANDARD_TYPES

from advocacy.content.pages import load_page_model
from advocacy.reading.addresses import LINK_SCHEMES, normalise, scheme

_REMOVED = {
    "area",
    "map",
    "center",
    "acronym",
    "tt",
    "strike",
    "hgroup",
    "header",
    "footer",
    "nav",
    "article",
}
TAGS = set(nh3.ALLOWED_TAGS) - _REMOVED
_COMMON = {"id", "class", "lang", "dir", "title"}
ATTRIBUTES = {
    "*": _COMMON,
    "a": _COMMON | {"href", "hreflang"},
    "img": _COMMON | {"src", "alt", "width", "height", "loading"},
    "td": _COMMON | {"align", "colspan", "rowspan"},
    "th": _COMMON | {"align", "colspan", "rowspan", "scope"},
    "ol": _COMMON | {"start", "type"},
    "details": _COMMON | {"open"},
    "time": _COMMON | {"datetime"},
}
URL_SCHEMES = set(LINK_SCHEMES)
# The classes of code highlighting (Pygments' token classes) and of a fenced block's language.
_LANGUAGE = re.compile(r"language-[a-z0-9+#_-]+")


_TOKENS = frozenset(STANDARD_TYPES.values()) - {""}


@cache
def allowed_classes() -> frozenset[str]:
    """The classes any element of a page written by contributors may keep (see the module's description);
    ``span`` elements may also keep the classes of highlighted code."""
    model = load_page_model()
    return model.markdown_classes | frozenset(model.classes)


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute in {"href", "src"}:
        address = normalise(value)
        if address is None:
            return None
        found = scheme(address)
        if attribute == "src":
            # Images come from the site itself (cases/media/), never from another host or a data: address.
            return address if found is None and not address.startswith("//") else None
        return address if found is None or found in LINK_SCHEMES else None
    if attribute == "id" and value.startswith("__"):
        return None  # the theme's own elements (__drawer, __search): a page must not stand in for them
    if attribute == "class":
        classes = allowed_classes() | _TOKENS if tag == "span" else allowed_classes()
        kept = [name for name in value.split() if name in classes or _LANGUAGE.fullmatch(name)]
        return " ".join(kept) if kept else None
    return value


def sanitize(html: str) -> str:
    """The HTML with every element, attribute and address outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter,
        link_rel=None,
        strip_comments=True,
    )
