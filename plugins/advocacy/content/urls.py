"""Where each page of the site lives, as site-root-relative directory URLs (``fr/cases/x/``).

Every generated link is computed here, so pages, exports and the search index agree on addresses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote


@dataclass(frozen=True)
class SiteUrls:
    """The addresses of the site's pages, for one site: its default language and its folder of cases.

    Attributes:
        default: The default language (its pages have no prefix).
        cases: The folder of case files, which is also the path of case pages (``cases/<id>/``).
    """

    default: str
    cases: str = "cases"

    def prefix(self, language: str) -> str:
        """``""`` for the default language, ``"fr/"`` for the others."""
        return language_prefix(language, self.default)

    def case(self, case_id: str, language: str) -> str:
        """The page of one language version of a case (``fr/cases/x/``)."""
        return f"{self.prefix(language)}{self.cases}/{case_id}/"

    def case_of(self, src_uri: str, languages: tuple[str, ...]) -> str | None:
        """The id of the case whose file is ``src_uri`` (``cases/x.fr.md`` -> ``x``), else ``None``."""
        path = PurePosixPath(src_uri)
        if path.parent.as_posix() != self.cases or path.suffix != ".md":
            return None
        case_id, _, code = path.stem.partition(".")
        return case_id if not code or code in languages else None


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
