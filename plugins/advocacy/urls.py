"""Where each page of the site lives, as site-root-relative directory URLs (``fr/cases/x/``).

Every generated link is computed here, so pages, exports and the search index agree on addresses.
"""

from __future__ import annotations

from urllib.parse import quote


def language_prefix(language: str, default: str) -> str:
    """``""`` for the default language, ``"fr/"`` for the others."""
    return "" if language == default else f"{language}/"


def root_of(url: str) -> str:
    """The relative link from the page at ``url`` to the site root (``"../../"``, or ``""`` at the root)."""
    return "../" * url.count("/")


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site-root-relative directory URLs, like
    MkDocs' ``page.url``): up to the root, then down. Relative links let ``site/`` work in any folder.
    """
    return root_of(from_url) + to_url or "./"


def segment(value: str) -> str:
    """A facet value made safe as one URL path segment (ids already are; this guards free text)."""
    return quote(value, safe="-_.~")
