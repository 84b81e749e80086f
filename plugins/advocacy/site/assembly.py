"""One language's site, assembled from the checked content: the pages the hub generates, the shells that frame
the many pages of one shape, and the parts added to written pages.

The MkDocs plugins hand these to the build; the tests and the command line call the same functions.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from advocacy.catalogue.records import Catalogue, build_catalogue
from advocacy.content.project import Project
from advocacy.content.repository import Repository
from advocacy.content.urls import language_prefix
from advocacy.manifesto.model import Manifesto
from advocacy.site.dashboard import build_dashboard
from advocacy.site.manifesto import ManifestoPages
from advocacy.site.pages import TITLE_MARK, GeneratedPage, PageKind, SitePages
from advocacy.translations.units import Status, Unit, UnitKind, units_of


@dataclass
class Hub:
    """The content of the whole site, read and checked once per build.

    Attributes:
        project: Paths and languages.
        repository: The checked cases and vocabularies.
        manifesto: The checked manifesto (``None`` in a project without one).
        units: Every translation unit (source, language, status).
        catalogue: The published cases and their facets.
    """

    project: Project
    repository: Repository
    manifesto: Manifesto | None
    units: list[Unit]
    catalogue: Catalogue
    _by_case: dict[tuple[str, str], Unit] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_case = {
            (u.translation.name.split(".")[0], u.language): u
            for u in self.units
            if u.kind == UnitKind.CASE and u.translation
        }

    def case_unit(self, case_id: str, language: str) -> Unit | None:
        """The translation unit of a case in a language (``None`` for its original or a missing version)."""
        return self._by_case.get((case_id, language))


def read_hub(project: Project, repository: Repository, manifesto: Manifesto | None) -> Hub:
    """The hub's content: translation units first (the catalogue labels each version with its status)."""
    units = units_of(project, repository)
    statuses: dict[Path, Status] = {
        u.translation: u.status for u in units if u.kind == UnitKind.CASE and u.translation
    }
    return Hub(project, repository, manifesto, units, build_catalogue(repository, statuses))


@dataclass
class LanguageSite:
    """What one language build adds to the site.

    Attributes:
        language: The language.
        pages: The generated pages and additions (catalogue, lists, dossiers, case panels, home sections).
        manifesto: The manifesto's pages and additions (``None`` without a manifesto).
        generated: The pages the theme renders one by one, by URL.
        shells: For the many pages of one shape, the shell page the theme renders (by URL) and the pages made
            from its output.
    """

    language: str
    pages: SitePages
    manifesto: ManifestoPages | None
    generated: dict[str, GeneratedPage] = field(default_factory=dict)
    shells: dict[str, tuple[GeneratedPage, list[GeneratedPage]]] = field(default_factory=dict)

    @property
    def prefix(self) -> str:
        """The language's URL prefix (``""`` or ``"fr/"``)."""
        return self.pages.prefix

    def is_generated(self, url: str) -> bool:
        """Whether the page at ``url`` is ours (generated or a shell), not written by a contributor."""
        return url in self.generated or url in self.shells

    def generated_names(self) -> set[str]:
        """The source names (without language) of every generated page, shells' pages included."""
        names = {page.name for page in self.generated.values()}
        names.update(page.name for _, pages in self.shells.values() for page in pages)
        return names

    def theme_pages(self) -> list[GeneratedPage]:
        """The pages the theme must render: the generated pages and one shell per shape."""
        return [*self.generated.values(), *(shell for shell, _ in self.shells.values())]


def assemble_language(
    hub: Hub, language: str, *, site_url: str = "", featured: tuple[str, ...] = ()
) -> LanguageSite:
    """The generated pages of ``language``, each page of one shape sorted under its shell.

    Args:
        hub: The checked content.
        language: The language to assemble.
        site_url: The site's public address (for citations), may be empty.
        featured: Ids of the cases the home page features, in order.
    """
    project = hub.project
    pages = SitePages(
        hub.catalogue,
        language,
        hub.repository.vocabularies,
        hub.repository.model,
        site_url=site_url,
        featured=featured,
        dashboard=build_dashboard(project, hub.units, language, project.repository_base()),
        downloads=downloads_url(project, language),
    )
    manifesto = (
        ManifestoPages(pages, hub.manifesto, project.issue_url()) if hub.manifesto is not None else None
    )
    site = LanguageSite(language, pages, manifesto)
    prefix = language_prefix(language, project.default_language.code)
    for page in itertools.chain(pages.pages(), manifesto.pages() if manifesto is not None else ()):
        if page.shell is None:
            site.generated[page.url] = page
            continue
        if page.shell not in site.shells:
            name = page.shell.removeprefix(prefix) + "index.md"
            frame = GeneratedPage(page.shell, name, TITLE_MARK, PageKind.SHELL, str)
            site.shells[page.shell] = (frame, [])
        site.shells[page.shell][1].append(page)
    return site


def downloads_url(project: Project, language: str) -> str | None:
    """The downloads page (offline copies and data) a reader of ``language`` is sent to: the language's own
    (``docs/downloads.<language>.md``), else the default language's, else ``None`` when the site has none."""
    default = project.default_language.code
    if language != default and (project.docs_dir / f"downloads.{language}.md").is_file():
        return f"{language_prefix(language, default)}downloads/"
    if (project.docs_dir / "downloads.md").is_file():
        return "downloads/"
    return None
