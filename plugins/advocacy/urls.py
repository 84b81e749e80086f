"""Where each page of the site lives, as site-root-relative directory URLs (``fr/cases/x/``).

Every generated link is computed here, so pages, exports and the search index agree on addresses.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote


def language_prefix(language: str, default: str) -> str:
    """``""`` for the default language, ``"fr/"`` for the others."""
    return "" if language == default else f"{language}/"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site-root-relative, like MkDocs' ``page.url``).

    Directory URLs end in ``/``; the result keeps that slash so a static server needs no redirect.
    """
    base = posixpath.dirname(from_url) if not from_url.endswith("/") else from_url.rstrip("/")
    target, slash = to_url.rstrip("/"), "/" if to_url.endswith("/") else ""
    link = posixpath.relpath(target or ".", base or ".")
    if link == ".":
        return "./"
    return link + slash


def segment(value: str) -> str:
    """A facet value made safe as one URL path segment (ids already are; this guards free text)."""
    return quote(value, safe="-_.~")
