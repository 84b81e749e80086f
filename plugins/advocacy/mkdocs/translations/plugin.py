"""The ``advocacy-translations`` plugin: untranslated pages are linked in their own language, never copied.

mkdocs-static-i18n can fall back to the default language by building its text under every other language's
URL, with the wrong ``lang``. We build each page only in the languages it is written in. In another language's
build, a navigation entry or a link to a page that is not translated yet points to the existing page, with
its language named in the title; that page is rendered for the navigation but not written again.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Literal

from babel import Locale
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from advocacy.content.project import Project
from advocacy.content.urls import relative
from advocacy.locales.strings import MissingStringsError, missing_strings, strings
from advocacy.mkdocs import priorities
from advocacy.mkdocs.cases.plugin import configured_project
from advocacy.mkdocs.emptied import EmptiedPages
from advocacy.mkdocs.site import current_language, site_languages
from advocacy.mkdocs.translations.config import TranslationsConfig
from advocacy.reading.copies import copied
from advocacy.site.dashboard import help_url
from advocacy.site.pages import help_translate, translation_note
from advocacy.translations.history import changes_since_pin
from advocacy.translations.pins import translatable
from advocacy.translations.units import Status, Unit, UnitKind, missing_pages, split_language, unit_status

log = get_plugin_logger(__name__)

_BORROWED = "advocacy_borrowed_from"


class TranslationsPlugin(BasePlugin[TranslationsConfig]):
    """Links untranslated pages to their existing language instead of copying them."""

    def __init__(self) -> None:
        self.pages: list[str] = []
        self.languages: tuple[str, ...] = ()
        self.default = ""
        self.project: Project | None = None
        self.emptied = EmptiedPages()  # the borrowed pages

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Defining this event keeps one plugin object (and its log filter) across `mkdocs serve` rebuilds."""

    def on_shutdown(self) -> None:
        """Take the log filter off MkDocs' build logger."""
        self.emptied.remove()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the site languages, and check that each has every user-interface string.

        Raises:
            PluginError: naming the language and the keys it lacks (a page would otherwise fail half-built).
        """
        self.emptied.install()
        languages = site_languages(config)
        self.project = configured_project(config)
        self.languages = tuple(lang.code for lang in languages)
        self.default = next(lang.code for lang in languages if lang.default)
        for code in self.languages:
            try:
                missing = missing_strings(code)
            except MissingStringsError as exc:
                raise PluginError(str(exc)) from exc
            if missing:
                raise PluginError(
                    f"plugins/advocacy/locales/{code}.yml lacks {len(missing)} user-interface string(s): "
                    f"{', '.join(missing)}; copy them from plugins/advocacy/locales/en.yml and translate them"
                )
        return config

    # Before mkdocs-static-i18n keeps only the current language's files: leave out the copies, record every page.
    @event_priority(priorities.RECORD_ALL_PAGES)
    def _record_pages(self, files: Files, *, config: MkDocsConfig) -> Files:
        first = current_language(config) in (None, self.default)
        excluded = tuple(self.config.exclude)
        for file in files.documentation_pages():
            if not file.src_uri.startswith(excluded) and self._is_copy(file, report=first):
                files.remove(file)
        if first:
            self.emptied.pages.clear()
            self.pages = [
                f.src_uri for f in files.documentation_pages() if not f.src_uri.startswith(excluded)
            ]
        return files

    def _is_copy(self, file: File, report: bool) -> bool:
        """Whether a page's translation still holds its original's text (``advocacy translate`` starts it so):
        it is left out, and the language links to the original instead, named as such (reported once)."""
        name, code = split_language(file.src_uri, self.languages, self.default)
        if code == self.default or file.abs_src_path is None:
            return False
        translation = Path(file.abs_src_path)
        original = translation.with_name(PurePosixPath(name).name)
        if not original.is_file():
            return False
        found = copied(
            translatable(original.read_text(encoding="utf-8")),
            translatable(translation.read_text(encoding="utf-8")),
        )
        # The manifesto's checks report its own translations.
        if found.is_copy and report and not file.src_uri.startswith("manifesto/"):
            log.warning(
                f"docs/{file.src_uri}: error: {found.paragraphs} of {found.of} paragraphs are still those of "
                f"docs/{name}, word for word: translate them; until then the page is not published in this "
                "language, whose readers are sent to the original"
            )
        return found.is_copy

    # After mkdocs-static-i18n has built this language's file list, and before the navigation and the links
    # are resolved (so that a strict build finds every target).
    @event_priority(priorities.AFTER_I18N_FILES)
    def _borrow_missing(self, files: Files, *, config: MkDocsConfig) -> Files:
        language = current_language(config)
        if language is None or language == self.default:
            return files
        for src_uri in missing_pages(self.pages, self.languages, self.default).get(language, []):
            name, _ = split_language(src_uri, self.languages, self.default)
            dest_uri = File(name, config.docs_dir, config.site_dir, config.use_directory_urls).dest_uri
            borrowed = File(
                src_uri, config.docs_dir, config.site_dir, config.use_directory_urls, dest_uri=dest_uri
            )
            setattr(borrowed, _BORROWED, self.default)
            self.emptied.pages.add(src_uri)
            files.append(borrowed)
        return files

    on_files = CombinedEvent(_record_pages, _borrow_missing)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Name the language of a borrowed page in its title, in the language of the build; put the
        translation note (machine translation, source changed since) on top of a translated page, and links
        to start the missing translations under a page of the default language."""
        source = getattr(page.file, _BORROWED, None)
        language = current_language(config)
        if source is not None and language is not None:
            name = Locale.parse(language).languages.get(source, source)
            page.title = f"{page.title} ({name})"
            return html
        if page.file.src_uri.startswith(tuple(self.config.exclude)):
            return html
        if language is None or language == self.default:
            return html + self._help_translate(page, config)
        name, code = split_language(page.file.src_uri, self.languages, self.default)
        if code != language or page.file.abs_src_path is None:
            return html
        # In this language's build, `files` holds this language's versions: find the original on disk.
        translation = Path(page.file.abs_src_path)
        original = translation.with_name(PurePosixPath(name).name)
        if not original.is_file():
            return html
        status, method = unit_status(
            original.read_text(encoding="utf-8"), translation.read_text(encoding="utf-8")
        )
        href = relative(page.url, page.url.removeprefix(f"{language}/"))
        changes = ""
        if status == Status.OUTDATED and self.project is not None:
            changes = changes_since_pin(self.project.root, original, translation)
        return translation_note(language, self.default, method, status, href, self.default, changes) + html

    def _help_translate(self, page: Page, config: MkDocsConfig) -> str:
        """Links that start the translation of a default-language page into each language that lacks it."""
        if page.file.abs_src_path is None or self.project is None:
            return ""
        source = Path(page.file.abs_src_path)
        base = self.project.repository_base()
        links = []
        for language in self.project.languages:
            if language.default or source.with_name(f"{source.stem}.{language.code}.md").is_file():
                continue
            unit = Unit(UnitKind.PAGE, source, language.code, None, Status.MISSING)
            href = help_url(self.project, unit, base)
            if href is not None:
                links.append((language, href))
        return help_translate(self.default, links)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Give templates the user-interface strings of the language being built (as ``advocacy_ui``)."""
        context["advocacy_ui"] = strings(  # type: ignore[typeddict-unknown-key]  # our own template variable
            current_language(config) or self.default or "en"
        )
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Write a borrowed page only once, in its own language's build (an empty output is not written)."""
        if getattr(page.file, _BORROWED, None) is not None:
            return ""
        return output
