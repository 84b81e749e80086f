"""The allow-list every page written from Markdown goes through before it reaches a reader.

Python-Markdown passes raw HTML through (``<script>``, ``<form>``, ``<base>``, ``onerror=``, attr_list's
``{onclick=...}``, ``javascript:`` links). nh3 (the Rust sanitiser ammonia) keeps what the site needs, and
nothing else: text structure, heading ids and permalinks, admonitions and code highlighting (classes),
``lang``/``dir``, links to ``http``, ``https``, ``mailto`` and relative addresses, images from relative
addresses only. No SVG, no styles, no scripts, no forms.
"""

from __future__ import annotations

import re

import nh3

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
URL_SCHEMES = {"http", "https", "mailto"}
_SCHEME = re.compile(r"^\s*[a-zA-Z][a-zA-Z0-9+.-]*:")


def _filter(tag: str, attribute: str, value: str) -> str | None:
    # Images come from the site itself (cases/media/), never from another host or a data: address.
    if tag == "img" and attribute == "src" and (_SCHEME.match(value) or value.startswith("//")):
        return None
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
