"""The ``advocacy-translations`` plugin: a page not translated yet is shown in its original language under the
reader's language's address, framed in the reader's language and saying so; the page-not-found page exists
in every language.

mkdocs-static-i18n can fall back to the default language by building its text under every other language's
URL with the wrong ``lang``, and without a word to the reader. Here, in another language's build, a page of
docs/ that language lacks is written at that language's address (``ar/about/advocates/``) with the reader's
interface, a note in the reader's language (not translated yet, a link back to their home page, a link to help
translate it) above the original's text, which keeps its own ``lang`` and direction. Its title names the
original's language; search does not index it, the sitemap does not list it, and its canonical address and
``hreflang`` alternates are the real versions'. A reader never follows a link of their language to an address
that does not exist.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Literal
from urllib.parse import urljoin

from babel import Locale
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from advocacy.content.project import Project
from advocacy.content.urls import language_prefix, relative
from advocacy.content.vocabularies import Vocabularies
from advocacy.locales.strings import MissingStringsError, missing_strings, strings
from advocacy.mkdocs import priorities
from advocacy.mkdocs.cases.plugin import configured_project
from advocacy.mkdocs.catalogue.switcher import point_switcher
from advocacy.mkdocs.emptied import EmptiedPages
from advocacy.mkdocs.site import current_language, site_languages
from advocacy.mkdocs.translations.config import TranslationsConfig
from advocacy.reading.copies import copied
from advocacy.site.availability import (
    Availability,
    borrowed_content,
    not_found_page,
    not_found_title,
    switcher_entries,
    untranslated_note,
)
from advocacy.site.dashboard import help_url
from advocacy.site.html import set_direction
from advocacy.site.localize import Localizer
from advocacy.site.pages import help_translate, translation_note
from advocacy.translations.history import changes_since_pin
from advocacy.translations.pins import translatable
from advocacy.translations.units import Status, Unit, UnitKind, missing_pages, split_language, unit_status

log = get_plugin_logger(__name__)

_BORROWED = "advocacy_borrowed_from"
NOT_FOUND = "404.html"


def borrowed_from(file: File) -> str | None:
    """The language of the page ``file`` shows, when it is a page this language build lacks (else ``None``)."""
    language = getattr(file, _BORROWED, None)
    return str(language) if language is not None else None


class TranslationsPlugin(BasePlugin[TranslationsConfig]):
    """Shows untranslated pages in their original language with a note; labels and pins translations."""

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
        prefix = language_prefix(language, self.default)
        for src_uri in missing_pages(self.pages, self.languages, self.default).get(language, []):
            name, _ = split_language(src_uri, self.languages, self.default)
            # At this language's address: links and the navigation of this language never leave it.
            dest_uri = (
                prefix + File(name, config.docs_dir, config.site_dir, config.use_directory_urls).dest_uri
            )
            borrowed = File(
                src_uri, config.docs_dir, config.site_dir, config.use_directory_urls, dest_uri=dest_uri
            )
            setattr(borrowed, _BORROWED, self.default)
            self.emptied.pages.add(src_uri)
            files.append(borrowed)
        return files

    on_files = CombinedEvent(_record_pages, _borrow_missing)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Frame a borrowed page for the reader (its language named in its title, a note above its text);
        put the translation note (machine translation, source changed since) on top of a translated page, and
        links to start the missing translations under a page of the default language."""
        source = borrowed_from(page.file)
        language = current_language(config)
        if source is not None and language is not None:
            return self._borrowed(html, page, config, language, source)
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

    def _borrowed(self, html: str, page: Page, config: MkDocsConfig, language: str, source: str) -> str:
        """A page of ``source`` shown at the address of ``language``, which lacks it."""
        name = Locale.parse(language).languages.get(source, source)
        title = page.title or ""
        if _direction(language) != _direction(source):
            # Isolated (U+2068 ... U+2069) so that, in the navigation and the title bar of a right-to-left
            # language, "Advocates" keeps its order and the language's name its brackets.
            title = f"\u2068{title}\u2069"
        page.title = f"{title} ({name})"
        # Its text is not this language's: no "edit" link to the original, and search engines are pointed
        # at the original's address.
        page.edit_url = None
        original = page.url.removeprefix(language_prefix(language, self.default))
        if config.site_url:
            page.canonical_url = urljoin(config.site_url, original)
        home = relative(page.url, language_prefix(language, self.default))
        href = None
        if page.file.abs_src_path is not None and self.project is not None:
            unit = Unit(UnitKind.PAGE, Path(page.file.abs_src_path), language, None, Status.MISSING)
            href = help_url(self.project, unit, self.project.repository_base())
        return untranslated_note(language, source, home, href) + borrowed_content(html, source)

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

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        """Give the page-not-found page its text in the language being built, a line in every other
        language, and a language switcher that leads to each language's home page."""
        if template_name != NOT_FOUND:
            return context
        language = current_language(config) or self.default
        names = [(lang.code, lang.name) for lang in site_languages(config)]
        homes = {code: language_prefix(code, self.default) for code, _ in names}
        base = str(context.get("base_url") or "/")
        extra = {
            "advocacy_ui": strings(language),
            # Rendered by our autoescaped templates.
            "advocacy_not_found": Markup(not_found_page(names, language, base, homes)),  # noqa: S704
            "advocacy_not_found_title": not_found_title(language),
        }
        context.update(extra)  # type: ignore[typeddict-item]  # our own template variables
        point_switcher(config, switcher_entries(names, language, homes, {}, Availability.CATALOGUE))
        return context

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """Keep a copy of the page-not-found page of each language after the first in its folder
        (``ar/404.html``), for hosts that serve the nearest one; the one at the root is the default
        language's (the catalogue plugin puts it back once every language is built)."""
        language = current_language(config)
        if template_name == NOT_FOUND and language not in (None, self.default):
            direction = _direction(language)
            target = Path(config.site_dir) / language_prefix(language, self.default) / NOT_FOUND
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(set_direction(output_content, direction), encoding="utf-8")
        return output_content


def _direction(language: str) -> str:
    """``"rtl"`` or ``"ltr"``: the direction of ``language``'s script."""
    return Localizer(language, language, Vocabularies()).direction
