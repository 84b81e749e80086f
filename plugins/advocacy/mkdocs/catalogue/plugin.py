"""The ``advocacy-catalogue`` plugin: catalogue, facet, dossier, organization and data pages; case panels;
open-data exports; the search index.

It reads the repository the ``advocacy-cases`` plugin checked, and turns build events into calls of
:mod:`advocacy.pages`, :mod:`advocacy.exports` and :mod:`advocacy.search_index`.
"""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from advocacy import search_index
from advocacy.catalogue import Catalogue, build_catalogue
from advocacy.dashboard import build_dashboard, issue_url, repository_base
from advocacy.exports import atom_feed, cases_csv, cases_json, sitemap
from advocacy.history import changes_since_pin
from advocacy.htmlpage import collapse_whitespace, isolate_latin, set_alternates, set_direction
from advocacy.manifesto_pages import ManifestoPages
from advocacy.mkdocs import parallel
from advocacy.mkdocs.catalogue.config import CatalogueConfig
from advocacy.mkdocs.languages import build_languages, split_languages
from advocacy.mkdocs.site import current_language
from advocacy.pages import CONTENT_MARK, SHELL, TITLE_MARK, GeneratedPage, SitePages, fill_frame
from advocacy.sanitize import sanitize
from advocacy.translations import Unit, split_language, translation_units
from advocacy.urls import language_prefix, relative

log = get_plugin_logger(__name__)

# Material's JavaScript bundle asks api.github.com for repository facts and can load a polyfill from unpkg.com;
# the hub needs none of it (navigation works with CSS), so it is not published.
MATERIAL_SCRIPTS = "assets/javascripts/"


class CataloguePlugin(BasePlugin[CatalogueConfig]):
    """Generates the reading pages from the catalogue, and writes exports and the search index."""

    def __init__(self) -> None:
        self.catalogue: Catalogue | None = None
        self.site: SitePages | None = None
        self.manifesto: ManifestoPages | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.written: dict[str, dict[str, str]] = {}
        self.shells: dict[str, list[GeneratedPage]] = {}
        self.shell_html: dict[str, str] = {}
        self.indexes: list[search_index.LanguageIndex] = []
        self.generated_names: set[str] = set()
        self.cases_dirname = "cases"
        self.units: list[Unit] = []
        self.case_units: dict[tuple[str, str], Unit] = {}
        self.not_found: str | None = None
        self.project_root: Path | None = None
        self.page_versions: dict[str, dict[str, str]] = {}
        self.languages: tuple[str, ...] = ()
        self.default = ""
        self.command = "build"
        self.dirty = False
        self.nested = False
        self.child: parallel.Child | None = None
        self.child_languages: list[str] = []

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember how MkDocs was started: only `mkdocs build` shares languages out to a second process."""
        self.command = command
        self.dirty = dirty

    def _cases_plugin(self, config: MkDocsConfig) -> Any:
        plugin = config.plugins.get("advocacy-cases")
        if plugin is None:
            raise PluginError(
                "advocacy-catalogue needs the advocacy-cases plugin: list it first under plugins:"
            )
        return plugin

    # After mkdocs-static-i18n (-100) has chosen this language's files and the cases plugin has added the
    # schema (-110): generated files added earlier would be dropped by mkdocs-static-i18n.
    @event_priority(-120)
    def _add_pages(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add this language's generated pages, and leave out Material's scripts."""
        cases = self._cases_plugin(config)
        project, repository = cases.project, cases.repository
        language = current_language(config) or project.default_language.code
        self.default = project.default_language.code
        self.languages = project.language_codes
        self.cases_dirname = project.cases_dirname
        self.project_root = project.root
        if language == self.default or self.catalogue is None:
            files_of_cases = [
                (f.case_id, f.language, f.path, f.kind == "original") for f in repository.files if f.kind
            ]
            self.units = translation_units(project, files_of_cases)
            statuses = {u.translation: u.status for u in self.units if u.kind == "case" and u.translation}
            self.case_units = {
                (u.translation.name.split(".")[0], u.language): u
                for u in self.units
                if u.kind == "case" and u.translation
            }
            self.catalogue = build_catalogue(repository, statuses)
            self.written = {}
            self.indexes = []
            for case_id in self.config.featured:
                if case_id not in self.catalogue.by_id:
                    log.warning(
                        f'mkdocs.yml: advocacy-catalogue: featured: there is no published case "{case_id}"; '
                        "check the id (cases/<id>.md) or remove it"
                    )
        self.site = SitePages(
            self.catalogue,
            language,
            repository.vocabularies,
            repository.model,
            site_url=config.site_url or "",
            featured=tuple(self.config.featured),
            dashboard=build_dashboard(project, self.units, language, repository_base(config)),
        )
        self.manifesto = (
            ManifestoPages(self.site, cases.manifesto, issue_url(config))
            if cases.manifesto is not None
            else None
        )
        for file in list(files):
            if file.src_uri.startswith(MATERIAL_SCRIPTS):
                files.remove(file)
        self.generated = {}
        self.shells = {}
        self.shell_html = {}
        prefix = language_prefix(language, self.default)
        in_nav = set(_nav_files(config.nav))
        manifesto_pages = self.manifesto.pages() if self.manifesto is not None else iter(())
        for page in itertools.chain(self.site.pages(), manifesto_pages):
            if page.shell is not None:
                if page.shell not in self.shells:
                    self.shells[page.shell] = []
                    shell = GeneratedPage(
                        page.shell, page.shell.removeprefix(prefix) + "index.md", TITLE_MARK, "shell", str
                    )
                    files.append(self._file(config, shell, prefix, InclusionLevel.NOT_IN_NAV))
                self.shells[page.shell].append(page)
                continue
            # Pages the navigation lists are included; the others are reached from them (no "not in nav" notice).
            inclusion = InclusionLevel.INCLUDED if page.name in in_nav else InclusionLevel.NOT_IN_NAV
            files.append(self._file(config, page, prefix, inclusion))
            self.generated[page.url] = page
        self.generated_names = {page.name for page in self.generated.values()} | {
            page.name for pages in self.shells.values() for page in pages
        }
        return files

    @staticmethod
    def _file(config: MkDocsConfig, page: GeneratedPage, prefix: str, inclusion: InclusionLevel) -> File:
        # The title goes through YAML (JSON is YAML) and is escaped: Material prints titles as HTML.
        front = "---\ntitle: " + json.dumps(str(escape(page.title)), ensure_ascii=False) + "\n---\n"
        file = File.generated(config, page.name, content=front, inclusion=inclusion)
        if prefix:
            file.dest_uri = prefix + file.dest_uri
            for cached in ("url", "abs_dest_path"):
                file.__dict__.pop(cached, None)
        return file

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Escape the frontmatter values Material prints as HTML (``title`` in ``<title>``, ``description``
        in a meta tag): a page's own metadata must not add markup (generated pages escape theirs already)."""
        if page.url not in self.generated and page.url not in self.shells:
            for key in ("title", "description"):
                value = page.meta.get(key)
                if isinstance(value, str):
                    page.meta[key] = str(escape(value))
            if isinstance(page.meta.get("title"), str):
                page.title = page.meta["title"]
        return markdown

    # First of the content handlers: what contributors wrote is cleaned before any plugin adds its own HTML.
    @event_priority(100)
    def _sanitize(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Pass the HTML rendered from a page's Markdown through the allow-list (generated pages are ours)."""
        if page.url in self.generated or page.url in self.shells:
            return html
        return sanitize(html)

    def _page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Fill generated pages; add the metadata panel to case pages and the ways in to home pages; in a
        right-to-left language, isolate the Latin-script runs of the text."""
        assert self.site is not None
        content = self._content(html, page, files)
        return isolate_latin(content) if self.site.loc.direction == "rtl" else content

    on_page_content = CombinedEvent(_sanitize, _page_content)

    def _content(self, html: str, page: Page, files: Files) -> str:
        assert self.site is not None
        if page.url in self.shells:
            return CONTENT_MARK
        generated = self.generated.get(page.url)
        if generated is not None and page.file.generated_by is not None:
            return generated.render()
        name, _ = split_language(page.file.src_uri, self.languages, self.default)
        folder, _, file_name = name.rpartition("/")
        if folder == self.cases_dirname:
            case_id = file_name.removesuffix(".md")
            if self.site.catalogue.by_id.get(case_id) is None:
                return html
            top, bottom = self.site.case_parts(case_id, page.url, page.edit_url, self._changes(case_id))
            return top + html + bottom
        if page.url == self.site.prefix:
            manifesto = files.get_file_from_path("manifesto/index.md")
            return html + self.site.home(page.url, manifesto.url if manifesto is not None else None)
        if self.manifesto is not None:
            return self.manifesto.decorate(name, page.url, html)
        return html

    def _changes(self, case_id: str) -> str:
        """What changed in a case's original since the pin of this language's version, when it is outdated."""
        assert self.site is not None
        record = self.site.catalogue.by_id[case_id]
        version = record.versions.get(self.site.language)
        if version is None or version.status != "outdated":
            return ""
        unit = self.case_units.get((case_id, self.site.language))
        if unit is None or unit.translation is None or self.project_root is None:
            return ""
        return changes_since_pin(self.project_root, unit.source, unit.translation)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Tell the template where this language's feed is (``advocacy_feed``, relative to the page), and
        whether search indexes the page (``advocacy_indexed``: written pages, not the generated lists)."""
        assert self.site is not None
        extra: dict[str, Any] = {
            "advocacy_feed": relative(page.url, self.site.prefix + "feed.xml"),
            "advocacy_indexed": page.url not in self.generated
            and page.url not in self.shells
            and page.file.src_uri != "404.md"
            # A released version repeats the manifesto's words: search finds the current text only.
            and not page.file.src_uri.startswith("manifesto/versions/"),
        }
        context.update(extra)  # type: ignore[typeddict-item]  # our own template variables
        # The language switcher goes to the same page in each language when it exists, else to that language's
        # catalogue. mkdocs-static-i18n sets it only for pages it read from docs/ (leaving the previous page's
        # links on the others) and sends a missing version to the language's home. It sets the links as an
        # attribute, which Jinja reads before the item of the same name.
        versions = self._versions(page)
        self.page_versions[page.url] = versions
        alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
        if isinstance(alternates, list):
            links = [
                {
                    **alt,
                    "link": versions.get(
                        str(alt.get("lang")),
                        language_prefix(str(alt.get("lang")), self.default) + "catalogue/",
                    ),
                }
                for alt in alternates
            ]
            config.extra.alternate = links  # type: ignore[attr-defined]  # where mkdocs-static-i18n puts it
            config.extra["alternate"] = links
        return context

    def _versions(self, page: Page) -> dict[str, str]:
        """The languages this page exists in, and the site-root-relative URL of each version."""
        assert self.site is not None
        path = page.url.removeprefix(self.site.prefix)
        if page.url in self.generated or page.url in self.shells:
            return {code: language_prefix(code, self.default) + path for code in self.languages}
        name, _ = split_language(page.file.src_uri, self.languages, self.default)
        folder, _, file_name = name.rpartition("/")
        if folder == self.cases_dirname:
            record = self.site.catalogue.by_id.get(file_name.removesuffix(".md"))
            if record is not None:
                return {code: language_prefix(code, self.default) + path for code in record.versions}
        if page.file.abs_src_path is None:
            return {self.site.language: page.url}
        # A page of docs/: its versions are the files next to it (page.md, page.fr.md...).
        here = Path(page.file.abs_src_path).parent
        stem = PurePosixPath(name).stem
        versions = {}
        for code in self.languages:
            file = here / (f"{stem}.md" if code == self.default else f"{stem}.{code}.md")
            if file.is_file() or (code == self.default and (here / f"{stem}.{code}.md").is_file()):
                versions[code] = language_prefix(code, self.default) + path
        return versions

    # After the translations plugin (default priority) has emptied pages that are not written in this build.
    @event_priority(-50)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Record each written page for the sitemap, and collapse the templates' indentation."""
        assert self.site is not None
        if not output:
            return output
        output = set_direction(collapse_whitespace(output), self.site.loc.direction)
        versions = self.page_versions.pop(page.url, None)
        if versions is not None:
            links = {code: relative(page.url, url) for code, url in versions.items()}
            output = set_alternates(output, links, self.default)
        if page.url in self.shells:
            self.shell_html[page.url] = output
            return ""
        generated = self.generated.get(page.url)
        if generated is not None:
            name = generated.name
        else:
            name, _ = split_language(page.file.src_uri, self.languages, self.default)
        self.written.setdefault(name, {})[self.site.language] = page.url
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """Keep the default language's 404 page as rendered: every language build writes its own at the root
        of the site, the second process's at any moment, and the default's is put back once all are done."""
        if template_name == "404.html" and self.site is not None and self.site.language == self.default:
            self.not_found = set_direction(output_content, self.site.loc.direction)
        return output_content

    # Before mkdocs-static-i18n (-100), whose handler in the first build goes on to build the other languages
    # (this plugin's state then moves to them).
    @event_priority(0)
    def _write_language(self, *, config: MkDocsConfig) -> None:
        """Write this language's pages made from shells, and its feed."""
        assert self.site is not None and self.catalogue is not None
        site_dir = Path(config.site_dir)
        for shell_url, pages in self.shells.items():
            frame = self.shell_html.get(shell_url)
            if frame is None:
                raise PluginError(
                    f"the theme produced no page for {shell_url}; the catalogue cannot be written"
                )
            shell_path = shell_url.removeprefix(self.site.prefix)
            for page in pages:
                html = fill_frame(frame, shell_path, page, self.site.prefix)
                target = site_dir / page.url / "index.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(html, encoding="utf-8")
                self.written.setdefault(page.name, {})[self.site.language] = page.url
        shutil.rmtree(site_dir / self.site.prefix / "catalogue" / SHELL, ignore_errors=True)
        for kind in ("dossiers", "organizations"):
            shutil.rmtree(site_dir / self.site.prefix / kind / SHELL, ignore_errors=True)
        if self.config.search:
            prefix = self.site.prefix
            folders = {
                urls[self.site.language].removeprefix(prefix).split("/")[0]
                for name, urls in self.written.items()
                if self.site.language in urls and name not in self.generated_names
            }
            folders.discard("")
            self.indexes.append(search_index.start(self.catalogue, site_dir, self.site.language, folders))
        feed = site_dir / self.site.prefix / "feed.xml"
        feed.parent.mkdir(parents=True, exist_ok=True)
        title = f"{config.site_name}: {self.site.ui['home']['recent']}"
        feed.write_text(
            atom_feed(self.catalogue, self.site.language, _site_url(config), title), encoding="utf-8"
        )
        if self.manifesto is not None and self.manifesto.manifesto.changelog is not None:
            feed = site_dir / self.manifesto.prefix / "feed.xml"
            feed.parent.mkdir(parents=True, exist_ok=True)
            title = f"{config.site_name}: {self.site.ui['manifesto']['changelog_title']}"
            feed.write_text(self.manifesto.feed(_site_url(config), title), encoding="utf-8")

    # Last of the file events of the first build: the repository is checked and the site dir is clean.
    @event_priority(-130)
    def _share_languages(self, files: Files, *, config: MkDocsConfig) -> Files:
        """In the first build of `mkdocs build`: fork a second process that builds part of the other languages
        while this one builds the first language and the rest (weighed by their pages, to end together)."""
        i18n = config.plugins.get("i18n")
        if i18n is None or self.nested or getattr(i18n, "building", False) or self.catalogue is None:
            return files
        if current_language(config) not in (None, self.default):
            return files
        others = [code for code in i18n.build_languages if code != i18n.current_language]
        self.child_languages = []
        if not (self.config.parallel and self.command == "build" and parallel.can_fork() and others):
            return files
        self.child_languages = split_languages(self.catalogue, self.default, others)
        if self.child_languages:
            log.debug(f"building {self.child_languages} in a second process")
            self.child = parallel.start(lambda: self._child_build(config, i18n))
        return files

    on_files = CombinedEvent(_add_pages, _share_languages)

    # After this language's pages are written (0) and before mkdocs-static-i18n's own loop (-100), which stands
    # down once `building` is set.
    @event_priority(-95)
    def _build_other_languages(self, *, config: MkDocsConfig) -> None:
        """In the first build: build the other languages that no second process took."""
        i18n = config.plugins.get("i18n")
        if i18n is None or self.nested or getattr(i18n, "building", False):
            return
        assert self.catalogue is not None
        catalogue = self.catalogue
        # Heaviest first: the search index of the last language built is the one the build waits for.
        mine = sorted(
            (
                code
                for code in i18n.build_languages
                if code != i18n.current_language and code not in self.child_languages
            ),
            key=lambda code: len(catalogue.in_language(code)),
            reverse=True,
        )
        i18n.building = True
        self.nested = True
        log.debug(f"first language built; building {mine}")
        try:
            build_languages(config, i18n, mine, self.dirty)
        finally:
            self.nested = False

    def _child_build(self, config: MkDocsConfig, i18n: Any) -> dict[str, Any]:
        """The forked process's share: build its languages, wait for their search indexes, say what it wrote.

        It runs inside the first build's file event, which it never returns to (the process ends).
        """
        self.nested = True
        self.written = {}
        i18n.building = True
        build_languages(config, i18n, self.child_languages, self.dirty)
        mine = [index for index in self.indexes if index.language in self.child_languages]
        search_index.finish(mine, Path(config.site_dir))
        return {
            name: {code: url for code, url in urls.items() if code in self.child_languages}
            for name, urls in self.written.items()
        }

    # After mkdocs-static-i18n (-100): in the first build, this runs once every language is written.
    @event_priority(-110)
    def _finish(self, *, config: MkDocsConfig) -> None:
        """Once every language is built: the exports, the sitemap and the search index."""
        assert self.catalogue is not None
        if self.nested:
            return
        i18n = config.plugins.get("i18n")
        if i18n is not None:
            i18n.building = False
        if self.child is not None:
            child, self.child = self.child, None
            log.debug("waiting for the second process")
            written, error = parallel.join(child)
            log.debug("second process done")
            if error is not None:
                raise PluginError(f"the build of {', '.join(self.child_languages)} failed:\n{error}")
            for name, urls in (written or {}).items():
                self.written.setdefault(name, {}).update(urls)
        site_dir = Path(config.site_dir)
        site_url = _site_url(config)
        if self.not_found is not None:
            (site_dir / "404.html").write_text(self.not_found, encoding="utf-8")
        data = site_dir / "data"
        data.mkdir(parents=True, exist_ok=True)
        (data / "cases.json").write_text(cases_json(self.catalogue, site_url), encoding="utf-8")
        (data / "cases.csv").write_text(cases_csv(self.catalogue, site_url), encoding="utf-8", newline="")
        # MkDocs writes one sitemap per language build, without alternates: replace them with one.
        for code in self.languages:
            for stale in ("sitemap.xml", "sitemap.xml.gz"):
                (site_dir / language_prefix(code, self.default) / stale).unlink(missing_ok=True)
        (site_dir / "sitemap.xml").write_text(sitemap(self.written, site_url, self.default), encoding="utf-8")
        if self.config.search:
            log.debug("waiting for the search indexes")
            mine = [index for index in self.indexes if index.language not in self.child_languages]
            try:
                search_index.finish(mine, site_dir)
            except search_index.SearchIndexError as exc:
                raise PluginError(str(exc)) from exc
            finally:
                search_index.remove_stand_ins(site_dir)

    on_post_build = CombinedEvent(_write_language, _build_other_languages, _finish)


def _site_url(config: MkDocsConfig) -> str:
    """The site's public address ending in ``/``, or ``/`` when mkdocs.yml sets none."""
    return config.site_url.rstrip("/") + "/" if config.site_url else "/"


def _nav_files(nav: Any) -> list[str]:
    """Every file name the ``nav`` of mkdocs.yml lists."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [name for item in nav for name in _nav_files(item)]
    if isinstance(nav, dict):
        return [name for value in nav.values() for name in _nav_files(value)]
    return []
