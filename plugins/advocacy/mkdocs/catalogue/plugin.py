"""The ``advocacy-catalogue`` plugin: catalogue, facet, dossier, organization and data pages; case panels;
open-data exports; the search index.

Events only: the pages come from :func:`advocacy.site.assembly.assemble_language`, the files of the build from the
modules next to this one, and the builds of the other languages from :mod:`advocacy.mkdocs.languages`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from advocacy.content.urls import SiteUrls, relative
from advocacy.mkdocs import parallel, priorities
from advocacy.mkdocs.cases.plugin import checked_content
from advocacy.mkdocs.catalogue.config import CatalogueConfig
from advocacy.mkdocs.catalogue.generated import add_generated, write_from_shells
from advocacy.mkdocs.catalogue.outputs import public_url, write_feeds, write_site_files
from advocacy.mkdocs.catalogue.switcher import page_switcher, page_versions, point_switcher
from advocacy.mkdocs.compiled import CompiledTemplates
from advocacy.mkdocs.emptied import EmptiedPages
from advocacy.mkdocs.languages import LanguageBuilds
from advocacy.mkdocs.shared_nav import SharedNavigation, key_for
from advocacy.mkdocs.site import current_language
from advocacy.mkdocs.translations.plugin import borrowed_from
from advocacy.site import search as search_index
from advocacy.site.assembly import Hub, LanguageSite, assemble_language, read_hub
from advocacy.site.html import (
    collapse_whitespace,
    isolate_latin,
    portable_links,
    set_alternates,
    set_direction,
)
from advocacy.site.indexing import ENVIRONMENT, Indexing, check_setting, plan
from advocacy.site.pages import CONTENT_MARK
from advocacy.site.sanitize import sanitize
from advocacy.translations.history import changes_since_pin
from advocacy.translations.units import Status, split_language

log = get_plugin_logger(__name__)


class CataloguePlugin(BasePlugin[CatalogueConfig]):
    """Generates the reading pages from the catalogue, and writes exports and the search index."""

    def __init__(self) -> None:
        self.hub: Hub | None = None
        self.site: LanguageSite | None = None
        self.builds: LanguageBuilds | None = None
        self.command = "build"
        self.dirty = False
        # For each page's source name, the URL of its version in each language written (the sitemap).
        self.written: dict[str, dict[str, str]] = {}
        self.frames: dict[str, str] = {}
        self.page_versions: dict[str, dict[str, str]] = {}
        self.indexes: list[search_index.LanguageIndex] = []  # running beside the builds
        self.jobs: list[search_index.IndexJob] = []  # waiting for the builds to end
        self.setting = "auto"  # search_indexers, checked
        self.indexing = Indexing(overlap=True, at_once=None)
        self.not_found: str | None = None
        self.emptied = EmptiedPages()  # the shells, written once per page from their frame
        self.compiled = CompiledTemplates()
        self.shared_nav = SharedNavigation()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember how MkDocs was started: only `mkdocs build` shares languages out to a second process."""
        self.command = command
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Check the search indexers' setting (the environment variable wins over mkdocs.yml) and the size of
        a shard of the search index."""
        try:
            self.setting = check_setting(os.environ.get(ENVIRONMENT) or self.config.search_indexers)
        except ValueError as exc:
            where = (
                ENVIRONMENT
                if os.environ.get(ENVIRONMENT)
                else "mkdocs.yml: advocacy-catalogue: search_indexers"
            )
            raise PluginError(f"{where}: {exc}") from exc
        if self.config.search_shard_pages < 1:
            raise PluginError(
                f"mkdocs.yml: advocacy-catalogue: search_shard_pages: {self.config.search_shard_pages} is not "
                "a number of cases; write a whole number from 1, such as 5000 (the default)"
            )
        return config

    def on_shutdown(self) -> None:
        """Take the log filter off MkDocs' build logger."""
        self.emptied.remove()

    @property
    def urls(self) -> SiteUrls:
        assert self.hub is not None
        return self.hub.catalogue.urls

    def _state(self) -> tuple[Hub, LanguageSite]:
        assert self.hub is not None and self.site is not None, "on_files has run"
        return self.hub, self.site

    # After mkdocs-static-i18n has chosen this language's files and the cases plugin has added the schema:
    # generated files added earlier would be dropped by mkdocs-static-i18n.
    @event_priority(priorities.ADD_GENERATED_PAGES)
    def _add_pages(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add this language's generated pages, and leave out Material's scripts."""
        content = checked_content(config)
        default = content.project.default_language.code
        language = current_language(config) or default
        if language == default or self.hub is None:
            self.hub = read_hub(content.project, content.repository, content.manifesto)
            self.builds = LanguageBuilds(
                default, dirty=self.dirty, fork=self.config.parallel and self.command == "build"
            )
            self.written = {}
            self.indexes = []
            self.jobs = []
            self.indexing = plan(self.setting, cases=len(self.hub.catalogue.records))
            if self.config.search:
                log.info(f"search: {self.indexing.describe()} (search_indexers: {self.setting})")
            for case_id in self.config.featured:
                if case_id not in self.hub.catalogue.by_id:
                    log.warning(
                        f'mkdocs.yml: advocacy-catalogue: featured: there is no published case "{case_id}"; '
                        "check the id (cases/<id>.md) or remove it"
                    )
        self.site = assemble_language(
            self.hub, language, site_url=config.site_url or "", featured=tuple(self.config.featured)
        )
        self.frames = {}
        add_generated(files, config, self.site)
        return files

    # Last of the file events of the first build: the repository is checked and the site dir is clean.
    @event_priority(priorities.SHARE_LANGUAGES)
    def _share_languages(self, files: Files, *, config: MkDocsConfig) -> Files:
        """In the first build of `mkdocs build`: a second process builds part of the other languages."""
        if self.builds is not None and self.hub is not None:
            self.builds.share(
                config, self.hub.catalogue, lambda languages: self._child_result(config, languages)
            )
        return files

    on_files = CombinedEvent(_add_pages, _share_languages)

    # First of the content handlers: what contributors wrote is cleaned before any plugin adds its own HTML.
    @event_priority(priorities.SANITIZE)
    def _sanitize(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Pass the HTML rendered from a page's Markdown through the allow-list (generated pages are ours)."""
        _, site = self._state()
        return html if site.is_generated(page.url) else sanitize(html)

    def _page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Fill generated pages; add the metadata panel to case pages and the ways in to home pages; in a
        right-to-left language, isolate the Latin-script runs of the text."""
        _, site = self._state()
        content = self._content(html, page, files)
        # A page shown in another language than the build's keeps its own direction throughout.
        rtl = site.pages.loc.direction == "rtl" and borrowed_from(page.file) is None
        return isolate_latin(content) if rtl else content

    on_page_content = CombinedEvent(_sanitize, _page_content)

    def _content(self, html: str, page: Page, files: Files) -> str:
        hub, site = self._state()
        if page.url in site.shells:
            return CONTENT_MARK
        generated = site.generated.get(page.url)
        if generated is not None and page.file.generated_by is not None:
            return generated.render()
        case_id = self.urls.case_of(page.file.src_uri, hub.catalogue.languages)
        if case_id is not None:
            if case_id not in hub.catalogue.by_id:
                return html
            top, bottom = site.pages.case_parts(case_id, page.url, page.edit_url, self._changes(case_id))
            return top + html + bottom
        if page.url == site.prefix:
            manifesto = files.get_file_from_path("manifesto/index.md")
            return html + site.pages.home(page.url, manifesto.url if manifesto is not None else None)
        if site.manifesto is not None:
            name, _ = split_language(page.file.src_uri, hub.catalogue.languages, hub.catalogue.default)
            return site.manifesto.decorate(name, page.url, html)
        return html

    def _changes(self, case_id: str) -> str:
        """What changed in a case's original since the pin of this language's version, when it is outdated."""
        hub, site = self._state()
        version = hub.catalogue.by_id[case_id].versions.get(site.language)
        if version is None or version.status != Status.OUTDATED:
            return ""
        unit = hub.case_unit(case_id, site.language)
        if unit is None or unit.translation is None:
            return ""
        return changes_since_pin(hub.project.root, unit.source, unit.translation)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Tell the template where this language's feed is (``advocacy_feed``, relative to the page), and
        whether search indexes the page (``advocacy_indexed``: written pages, not the generated lists); point
        the language switcher at this page's versions; offer no edit link on a released manifesto version."""
        hub, site = self._state()
        extra: dict[str, Any] = {
            "advocacy_feed": relative(page.url, site.prefix + "feed.xml"),
            "advocacy_indexed": not site.is_generated(page.url)
            and page.file.src_uri != "404.md"
            # A page shown in its original language under another language's address: searched there.
            and borrowed_from(page.file) is None
            # A released version repeats the manifesto's words: search finds the current text only.
            and not page.file.src_uri.startswith("manifesto/versions/"),
        }
        # A case is not in the navigation: its navigation is its language's and depth's, rendered once
        # (unless the theme puts each page's table of contents into the navigation).
        shared = (
            self.urls.case_of(page.file.src_uri, hub.catalogue.languages) is not None
            and page not in nav.pages
            and "toc.integrate" not in config.theme.get("features", [])
        )
        extra["advocacy_nav_key"] = key_for(site.language, page.url) if shared else ""
        context.update(extra)  # type: ignore[typeddict-item]  # our own template variables
        if page.file.src_uri.startswith("manifesto/versions/"):
            # A released version never changes: no "edit this page" (changes go to manifesto/index.md).
            page.edit_url = None
        versions = page_versions(page, site, self.urls, hub.catalogue.languages)
        self.page_versions[page.url] = versions
        point_switcher(config, page_switcher(page, site, self.urls, config, versions))
        return context

    # After the other plugins' page handlers (default priority): the HTML recorded and finished is final.
    @event_priority(priorities.FINISH_PAGE)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Record each written page for the sitemap, collapse the templates' indentation, write the text in
        Unicode's composed form (what the search index reads, and the Hindi search compares as typed), and make
        links to folders name their ``index.html`` (so that the site also works from a folder on disk)."""
        hub, site = self._state()
        if not output:
            return output
        output = collapse_whitespace(search_index.nfc(output))
        output = set_direction(portable_links(output), site.pages.loc.direction)
        versions = self.page_versions.pop(page.url, None)
        if versions is not None:
            links = {code: relative(page.url, url) for code, url in versions.items()}
            output = set_alternates(output, links, hub.catalogue.default)
        if page.url in site.shells:
            self.frames[page.url] = output
            self.emptied.install()
            self.emptied.pages.add(page.file.src_uri)
            return ""
        generated = site.generated.get(page.url)
        if generated is not None:
            name = generated.name
        elif borrowed_from(page.file) is not None:
            return output  # not a version of the page in this language: no sitemap entry
        else:
            name, _ = split_language(page.file.src_uri, hub.catalogue.languages, hub.catalogue.default)
        self.written.setdefault(name, {})[site.language] = page.url
        return output

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Compile the theme's templates once for all the language builds (and `mkdocs serve` rebuilds), and
        render the navigation shared by the pages it does not list once per language and depth."""
        return self.shared_nav.attach(self.compiled.attach(env))

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """Keep the default language's 404 page as rendered: every language build writes its own at the root
        of the site, the second process's at any moment, and the default's is put back once all are done."""
        site = self.site
        if template_name == "404.html" and site is not None and site.language == site.pages.default:
            self.not_found = set_direction(output_content, site.pages.loc.direction)
        return output_content

    @event_priority(priorities.WRITE_LANGUAGE)
    def _write_language(self, *, config: MkDocsConfig) -> None:
        """Write this language's pages made from shells, the catalogue's filter index and entries, and its
        feeds, and start indexing it for search."""
        _, site = self._state()
        site_dir = Path(config.site_dir)
        for page in write_from_shells(site_dir, site, self.frames):
            self.written.setdefault(page.name, {})[site.language] = page.url
        search_index.write_catalogue_files(site_dir, site.pages)
        if self.config.search:
            generated = site.generated_names()
            folders = {
                urls[site.language].removeprefix(site.prefix).split("/")[0]
                for name, urls in self.written.items()
                if site.language in urls and name not in generated
            }
            folders.discard("")
            jobs = search_index.prepare(site.pages, site_dir, folders, self.config.search_shard_pages)
            if self.indexing.overlap:
                self.indexes += [search_index.start(job, site_dir) for job in jobs]
            else:
                self.jobs += jobs
        write_feeds(site_dir, site, config)

    @event_priority(priorities.BUILD_OTHER_LANGUAGES)
    def _build_other_languages(self, *, config: MkDocsConfig) -> None:
        """In the first build: build the other languages that no second process took."""
        if self.builds is not None and self.hub is not None:
            self.builds.build_rest(config, self.hub.catalogue)

    def _child_result(self, config: MkDocsConfig, languages: list[str]) -> dict[str, Any]:
        """In the second process, once its languages are built: wait for their search indexes (or hand their
        jobs back, when indexers run after the builds), and say which pages it wrote."""
        mine = [index for index in self.indexes if index.language in languages]
        search_index.finish(mine, Path(config.site_dir))
        return {
            "written": {
                name: {code: url for code, url in urls.items() if code in languages}
                for name, urls in self.written.items()
            },
            "jobs": [job.to_json() for job in self.jobs if job.language in languages],
        }

    @event_priority(priorities.FINISH_SITE)
    def _finish(self, *, config: MkDocsConfig) -> None:
        """Once every language is built: the exports, the sitemap and the search index."""
        hub, _ = self._state()
        builds = self.builds
        if builds is None or builds.nested:
            return
        site_dir = Path(config.site_dir)
        try:
            child = builds.join(config) or {}
            for name, urls in child.get("written", {}).items():
                self.written.setdefault(name, {}).update(urls)
            write_site_files(site_dir, hub.catalogue, self.written, public_url(config), self.not_found)
            if not self.config.search:
                return
            log.debug("waiting for the search indexes")
            mine = [index for index in self.indexes if index.language not in builds.child_languages]
            jobs = [job for job in self.jobs if job.language not in builds.child_languages]
            jobs += [search_index.IndexJob.from_json(job) for job in child.get("jobs", [])]
            search_index.finish(mine, site_dir)
            if jobs:
                parallel.release_memory()  # the builds' pages are gone: the indexers get their memory
                search_index.run(jobs, site_dir, self.indexing.at_once or len(jobs))
        except search_index.SearchIndexError as exc:
            raise PluginError(str(exc)) from exc
        finally:
            # Also when the second process failed: no indexer left running, no stand-in left behind.
            search_index.stop(self.indexes)
            search_index.remove_stand_ins(site_dir)

    on_post_build = CombinedEvent(_write_language, _build_other_languages, _finish)
