"""Build the languages after the first one, as mkdocs-static-i18n does, so that the hub can share them out.

mkdocs-static-i18n's ``on_post_build`` rebuilds the whole site once per other language, one after the other,
after it set ``building`` (which makes its own handler stand down in those nested builds). The catalogue
plugin runs this loop instead, just before it (:class:`LanguageBuilds`), with part of the languages in a forked
process.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment
from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from advocacy.catalogue.records import Catalogue
from advocacy.mkdocs import parallel
from advocacy.mkdocs.site import current_language

log = get_plugin_logger(__name__)


class LanguageBuilds:
    """The builds of the languages after the first: part in a forked second process, the rest nested here.

    Args:
        default: The default language (built first, by MkDocs itself).
        dirty: Whether this is a ``--dirty`` build.
        fork: Whether a second process may be used (``mkdocs build``, where the platform can fork).
    """

    def __init__(self, default: str, *, dirty: bool, fork: bool) -> None:
        self.default = default
        self.dirty = dirty
        self.fork = fork and parallel.can_fork()
        self.nested = False
        self.child: parallel.Child | None = None
        self.child_languages: list[str] = []

    def in_first_build(self, config: MkDocsConfig) -> bool:
        """Whether the build running now is the first (default-language) build of the outer process."""
        i18n = config.plugins.get("i18n")
        if i18n is None or self.nested or getattr(i18n, "building", False):
            return False
        return current_language(config) in (None, self.default)

    def share(
        self, config: MkDocsConfig, catalogue: Catalogue, child_result: Callable[[list[str]], Any]
    ) -> None:
        """In the first build: fork a second process that builds part of the other languages while this one
        builds the first language and the rest (weighed by their pages, to end together).

        Args:
            config: The first build's configuration.
            catalogue: The published cases (their count per language weighs the languages).
            child_result: Called in the second process once its languages are built, with their codes; what
                it returns (JSON-able) comes back to :meth:`join`.
        """
        i18n = config.plugins.get("i18n")
        if i18n is None or not self.fork or not self.in_first_build(config):
            return
        others = [code for code in i18n.build_languages if code != i18n.current_language]
        self.child_languages = []
        if not others:
            return
        self.child_languages = split_languages(catalogue, self.default, others)
        if self.child_languages:
            log.debug(f"building {self.child_languages} in a second process")
            self.child = parallel.start(lambda: self._child(config, i18n, child_result))

    def _child(self, config: MkDocsConfig, i18n: Any, child_result: Callable[[list[str]], Any]) -> Any:
        """The forked process's share. It runs inside the first build's file event, which it never returns to
        (the process ends)."""
        self.nested = True
        i18n.building = True
        build_languages(config, i18n, self.child_languages, self.dirty)
        return child_result(self.child_languages)

    def build_rest(self, config: MkDocsConfig, catalogue: Catalogue) -> None:
        """In the first build: build, nested in this process, the other languages no second process took."""
        i18n = config.plugins.get("i18n")
        if i18n is None or self.nested or getattr(i18n, "building", False):
            return
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
        # ``building`` stays set until :meth:`join`: mkdocs-static-i18n's own loop, next, must stand down.

    def join(self, config: MkDocsConfig) -> Any:
        """After every language of this process is built: wait for the second process, if any; its warnings
        are logged here, its result returned.

        Raises:
            PluginError: when its build failed.
        """
        i18n = config.plugins.get("i18n")
        if i18n is not None:
            i18n.building = False
        if self.child is None:
            return None
        child, self.child = self.child, None
        log.debug("waiting for the second process")
        result, error = parallel.join(child)
        log.debug("second process done")
        if error is not None:
            raise PluginError(f"the build of {', '.join(self.child_languages)} failed:\n{error}")
        return result


def build_languages(config: MkDocsConfig, i18n: Any, languages: list[str], dirty: bool) -> None:
    """Build the site once for each of ``languages`` into its folder of ``site_dir``.

    Args:
        config: The loaded configuration of the first build.
        i18n: The mkdocs-static-i18n plugin (its ``current_language`` says which language a build is for).
        languages: The languages to build.
        dirty: Whether this is a ``--dirty`` build.
    """
    clean = mkdocs_utils.clean_directory
    add_theme_files = Files.add_files_from_theme
    # Each nested build would otherwise empty site_dir, deleting the languages built before it.
    mkdocs_utils.clean_directory = lambda directory: None
    # ... and walk the theme's folders again (Material's hold 14,000 files) to find the same few dozen assets.
    Files.add_files_from_theme = _theme_files_once(add_theme_files)  # type: ignore[method-assign,assignment]
    try:
        for language in languages:
            i18n.current_language = language
            build(config, dirty=dirty)
    finally:
        mkdocs_utils.clean_directory = clean
        Files.add_files_from_theme = add_theme_files  # type: ignore[method-assign]


def _theme_files_once(
    add: Callable[[Files, Environment, MkDocsConfig], None],
) -> Callable[[Files, Environment, MkDocsConfig], None]:
    """MkDocs' ``Files.add_files_from_theme`` done once for the loop of nested builds: the theme's files (their
    names and folders) are found by the first call, and each build gets its own File objects for them (each
    language writes into its own folder)."""
    found: dict[tuple[str, ...], list[tuple[str, str]]] = {}

    def add_once(files: Files, env: Environment, config: MkDocsConfig) -> None:
        # mkdocs-static-i18n puts its sitemap folder first again at each build: the same folders, repeated.
        key = tuple(dict.fromkeys(config.theme.dirs))
        if key not in found:
            probe = Files([])
            add(probe, env, config)
            found[key] = [(f.src_uri, f.src_dir) for f in probe if f.src_dir is not None]
        for src_uri, src_dir in found[key]:
            if files.get_file_from_path(src_uri) is None:  # theme files do not override docs files
                files.append(File(src_uri, src_dir, config.site_dir, config.use_directory_urls))

    return add_once


def split_languages(catalogue: Catalogue, default: str, others: list[str]) -> list[str]:
    """The languages a second process should build so that both processes end as early as possible.

    The first process builds ``default`` and whatever is not returned. Each process builds its languages
    heaviest first, so that the search index of its last one (built after it, on the critical path) is small.
    A language weighs its case pages, plus the lists and search stand-ins every language has (about a third
    of a page per case); indexing a language's case pages for search costs about a third of building them.
    Every split is tried (there are few languages); the one whose slower process ends first wins.
    """
    count = len(catalogue.records)
    pages = {code: len(catalogue.in_language(code)) for code in [default, *others]}

    def weight(language: str) -> float:
        return pages[language] + 0.3 * count + 30

    def finish(languages: list[str], start: float) -> float:
        if not languages:
            return start
        ordered = sorted(languages, key=weight, reverse=True)
        return start + sum(weight(code) for code in ordered) + 0.35 * pages[ordered[-1]]

    best: tuple[float, list[str]] = (float("inf"), [])
    if len(others) > 12:  # too many splits to try: alternate, heaviest first
        return sorted(others, key=weight, reverse=True)[::2]
    for mask in range(1 << len(others)):
        second = [code for bit, code in enumerate(others) if mask >> bit & 1]
        first = [code for code in others if code not in second]
        # The second process starts once the repository is read (about a tenth of the first build).
        end = max(finish([default, *first], 0.0), finish(second, 0.1 * weight(default)))
        if end < best[0]:
            best = (end, second)
    return sorted(best[1], key=weight, reverse=True)
