"""The ``advocacy-cases`` plugin: validate every case, page and the manifesto, and build only what is valid.

It also keeps what contributors write away from the theme's templates: before MkDocs walks ``docs/`` it stops
the build on a symbolic link (MkDocs would follow it); it removes from the build every file the checks refused;
it gives the theme only the frontmatter fields the content model allows, checked and escaped (Material prints
several of them as HTML); and it makes every page's title escaped text, whether it comes from the frontmatter,
from the first heading or from a plugin.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from advocacy.content.pages import Pages, check_pages
from advocacy.content.project import Project, ProjectError, load_project
from advocacy.content.repository import ReadCache, Repository, load_repository, reading_workers
from advocacy.content.schema import case_schema
from advocacy.content.tree import link_problems
from advocacy.content.urls import language_prefix
from advocacy.intake.preview import problems_page
from advocacy.manifesto.files import manifesto_dir
from advocacy.manifesto.model import Manifesto
from advocacy.manifesto.reading import load_manifesto
from advocacy.mkdocs import priorities
from advocacy.mkdocs.cases.config import CasesConfig
from advocacy.mkdocs.site import current_language, is_first_build, project_from_config
from advocacy.reading.problems import Severity

log = get_plugin_logger(__name__)

SCHEMA_PATH = "schema/case.schema.json"
MANIFESTO = "manifesto/"
PLUGIN_NAME = "advocacy-cases"


@dataclass(frozen=True)
class CheckedContent:
    """What the ``advocacy-cases`` plugin read and checked in this build, for the other plugins."""

    project: Project
    repository: Repository
    manifesto: Manifesto | None


def configured_project(config: MkDocsConfig) -> Project:
    """The project as the ``advocacy-cases`` plugin configured it (after its ``on_config``).

    Raises:
        PluginError: when the plugin is missing or listed after the one asking.
    """
    project = _plugin(config).project
    if project is None:
        raise PluginError(
            f"list {PLUGIN_NAME} before the other advocacy plugins under plugins: in mkdocs.yml"
        )
    return project


def checked_content(config: MkDocsConfig) -> CheckedContent:
    """The content the ``advocacy-cases`` plugin checked in this build (from its first ``on_files``).

    Raises:
        PluginError: when the plugin is missing or has not read the content yet.
    """
    plugin = _plugin(config)
    if plugin.project is None or plugin.repository is None:
        raise PluginError(
            f"list {PLUGIN_NAME} before the other advocacy plugins under plugins: in mkdocs.yml"
        )
    return CheckedContent(plugin.project, plugin.repository, plugin.manifesto)


def _plugin(config: MkDocsConfig) -> CasesPlugin:
    plugin = config.plugins.get(PLUGIN_NAME)
    if not isinstance(plugin, CasesPlugin):
        raise PluginError(
            f"the advocacy plugins need {PLUGIN_NAME}: list it first under plugins: in mkdocs.yml"
        )
    return plugin


class CasesPlugin(BasePlugin[CasesConfig]):
    """Checks cases/ at each build, reports every problem, and keeps invalid or stray files out of the site."""

    def __init__(self) -> None:
        self.cache = ReadCache()
        self.project: Project | None = None
        self.repository: Repository | None = None
        self.manifesto: Manifesto | None = None
        self.pages = Pages()
        self.case_meta: dict[str, dict[str, Any]] = {}
        self.edit_base: str | None = None
        self.schema_json = ""
        self.workers = 1  # processes reading the case files

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Defining this event keeps one plugin object (and its read cache) across `mkdocs serve` rebuilds.
        `mkdocs build` reads the case files in two processes (`mkdocs serve` runs threads: one process)."""
        self.workers = reading_workers() if command == "build" else 1

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the project's languages and paths, and check that cases/ reaches docs_dir."""
        project = project_from_config(config, self.config.cases_dir)
        link = project.docs_dir / project.cases_dirname
        if not link.is_dir() or link.resolve() != project.cases_dir.resolve():
            raise PluginError(
                f"{project.relative(link)} must be a symbolic link to ../{project.cases_dirname} so that cases "
                f"enter the site; create it with: ln -s ../{project.cases_dirname} {project.relative(link)} "
                "(on Windows, enable symbolic links in Git: git config core.symlinks true, then check out again)"
            )
        links = link_problems(project)
        if self.config.mirror_of is not None:
            # A preview: its links lead into the real project, whose own folders must hold none.
            try:
                real = load_project(Path(self.config.mirror_of))
            except ProjectError as exc:
                raise PluginError(str(exc)) from exc
            links = [*link_problems(project, trusted=real.root), *link_problems(real)]
        if links:
            # MkDocs follows links as it walks docs_dir, right after this event: stop before it does.
            raise PluginError(
                "symbolic links are not published, and MkDocs would follow them:\n"
                + "\n".join(str(problem) for problem in links)
            )
        extensions = [str(e) for e in config.markdown_extensions]
        if manifesto_dir(project).is_dir() and not any(e.split(".")[-1] == "attr_list" for e in extensions):
            raise PluginError(
                "the manifesto's clause ids ({#id} after each heading) need the attr_list extension: add "
                "'- attr_list' under markdown_extensions in mkdocs.yml"
            )
        try:
            self.edit_base = project.edit_base()
        except ProjectError as exc:
            raise PluginError(str(exc)) from exc
        self.project = project
        return config

    # Before mkdocs-static-i18n sorts files into languages: a file it never sees is neither built nor offered as
    # an alternate of another language.
    @event_priority(priorities.KEEP_PUBLISHABLE)
    def _keep_publishable(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Validate the repository and remove from the build every case file that is not to be published."""
        assert self.project is not None
        first = is_first_build(config, self.project)
        if first or self.repository is None:
            mirror_of = Path(self.config.mirror_of) if self.config.mirror_of is not None else None
            self.repository = load_repository(
                self.project,
                cache=self.cache,
                partial=self.config.partial,
                mirror_of=mirror_of,
                workers=self.workers,
            )
            schema = case_schema(
                self.repository.model, self.repository.vocabularies, self.project.language_codes
            )
            self.schema_json = json.dumps(schema, ensure_ascii=False, indent=1) + "\n"
            self.manifesto = load_manifesto(self.project)
            # A preview mirrors the real project's docs/ with links: its pages are the real project's.
            self.pages = check_pages(self.project if mirror_of is None else load_project(mirror_of))
            self.case_meta = {case_file.display: case_file.meta for case_file in self.repository.files}
            problems = {*self.repository.problems, *self.manifesto.problems, *self.pages.problems}
            for problem in sorted(problems):
                report = log.warning if problem.severity is Severity.ERROR else log.info
                report(str(problem))
        repository = self.repository
        # Only this build's language: mkdocs-static-i18n would read every other language's case files in every
        # build (thousands), to drop them (a case is never built under another language's address).
        language = current_language(config)
        keep = {
            f.display for f in repository.published_files() if language is None or f.language == language
        } | set(repository.published_media())
        prefix = self.project.cases_dirname + "/"
        for file in list(files):
            if (
                (file.src_uri.startswith(prefix) and file.src_uri not in keep)
                or (file.src_uri.startswith(MANIFESTO) and not file.src_uri.endswith(".md"))
                or file.src_uri in self.pages.refused
            ):
                files.remove(file)
        return files

    # After mkdocs-static-i18n: it cannot handle generated files, and drops them with a TypeError.
    @event_priority(priorities.AFTER_I18N_FILES)
    def _add_schema(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Publish the JSON Schema of case frontmatter at /schema/case.schema.json, in every language build.

        Every language build gets the file (at the same, unprefixed address) so that links to it from pages
        of any language resolve.
        """
        files.append(File.generated(config, SCHEMA_PATH, content=self.schema_json))
        return files

    # After mkdocs-static-i18n, as every generated file.
    @event_priority(priorities.AFTER_I18N_FILES)
    def _add_problem_pages(self, files: Files, *, config: MkDocsConfig) -> Files:
        """In a preview (``partial``), a case with errors gets a page at its address saying what to fix, in
        each language it is written in, instead of a page that does not exist."""
        if not self.config.partial or self.project is None or self.repository is None:
            return files
        default = self.project.default_language.code
        language = current_language(config) or default
        published = {f.display for f in self.repository.published_files()}
        for case in self.repository.cases.values():
            mine = [f for f in case.files if f.language == language and f.display not in published]
            if not mine:
                continue
            displays = {f.display for f in case.files}
            problems = [p for p in self.repository.problems if p.file in displays]
            name = f"{self.project.cases_dirname}/{case.id}.md"
            page = File.generated(config, name, content=problems_page(case.id, problems))
            prefix = language_prefix(language, default)
            if prefix:
                page.dest_uri = prefix + page.dest_uri
                for cached in ("url", "abs_dest_path"):
                    page.__dict__.pop(cached, None)
            files.append(page)
        return files

    on_files = CombinedEvent(_keep_publishable, _add_schema, _add_problem_pages)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Give the theme only the checked frontmatter fields of the page, their text escaped.

        MkDocs hands the theme every key of a page's frontmatter, and Material prints several as HTML
        (``title``, ``description``, ``author``, ``subtitle``...) or acts on them (``template``). The page's
        metadata becomes the fields the content model allows that passed the checks; a page the checks did not
        read gets none. Pages generated by the hub's plugins carry titles they escaped themselves.
        """
        if page.file.generated_by is not None:
            page.meta = {
                # The hub's plugins escape what they write into a generated page's frontmatter.
                key: Markup(value) if isinstance(value, str) else value  # noqa: S704
                for key, value in page.meta.items()
            }
            return markdown
        page.meta = _escaped(self._checked_meta(page.file.src_uri))
        return markdown

    def _checked_meta(self, src_uri: str) -> dict[str, Any]:
        """The checked frontmatter fields of a page of the build, by its path in docs_dir."""
        if src_uri in self.pages.meta:
            return self.pages.meta[src_uri]
        # A case file's path in docs_dir (cases/x.md, through the link) is its path in the project.
        return self.case_meta.get(src_uri, {})

    # Last of the content handlers: other plugins may have set or extended a title (a borrowed page names its
    # language), and every page's title must be final before the navigation of any page is rendered.
    @event_priority(priorities.FINISH_TITLE)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Make the page's title escaped text: Material prints it as HTML (in the header, the navigation and
        ``<title>``), and MkDocs takes it from the first heading with its character references left as they
        are (``&lt;script&gt;``), which a template filter would turn back into markup."""
        if page.title is not None:
            # Read as HTML only to take its text (tags dropped, references decoded), which is then escaped.
            page.title = escape(Markup(str(page.title)).striptags())  # noqa: S704
        return html

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        """Point "edit this page" at the real file of pages that enter docs_dir through a symlink."""
        assert self.project is not None
        if self.edit_base is None or page.file.abs_src_path is None:
            return page
        real = Path(os.path.realpath(page.file.abs_src_path))
        if not real.is_relative_to(self.project.docs_dir):
            page.edit_url = self.edit_base + self.project.relative(real)
        return page


def _escaped(meta: dict[str, Any]) -> dict[str, Any]:
    """Checked frontmatter values for the theme: text escaped once (as Markup, which templates do not escape
    again), other values (dates, lists, records) as they are."""
    return {key: escape(value) if isinstance(value, str) else value for key, value in meta.items()}
