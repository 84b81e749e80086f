"""Build the languages after the first one, as mkdocs-static-i18n does, so that the hub can share them out.

mkdocs-static-i18n's ``on_post_build`` rebuilds the whole site once per other language, one after the other,
after it set ``building`` (which makes its own handler stand down in those nested builds). The catalogue
plugin runs this loop instead, just before it (:class:`LanguageBuilds`), with part of the languages in a forked
process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
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
    """The builds of the languages after the first, shared out between this process and a forked second one
    as each becomes free (:class:`parallel.Claims`), heaviest first: the second starts on the heaviest while
    this one still builds the first language, and whichever is free takes the next. No estimate of a
    language's cost is needed (a fixed split by page counts went wrong on corpora unlike the bench's), and
    the last languages built, whose search indexes the build waits for, are the lightest.

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
        self.claims: parallel.Claims | None = None
        # The languages the second process built (known once it is joined).
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
        """In the first build: fork a second process that takes the other languages one by one, heaviest
        first, while this one builds the first language (and then takes its share).

        Args:
            config: The first build's configuration.
            catalogue: The published cases (their count per language orders the languages).
            child_result: Called in the second process once no language is left, with the codes of those it
                built; what it returns (JSON-able) comes back to :meth:`join`.
        """
        i18n = config.plugins.get("i18n")
        if i18n is None or not self.fork or not self.in_first_build(config):
            return
        self.child_languages = []
        others = heaviest_first(catalogue, _others(i18n))
        self.claims = parallel.Claims(others) if others else None
        if others:
            log.debug(f"building {others} in two processes")
            self.child = parallel.start(lambda: self._child(config, i18n, child_result))

    def _child(self, config: MkDocsConfig, i18n: Any, child_result: Callable[[list[str]], Any]) -> Any:
        """The forked process's share. It runs inside the first build's file event, which it never returns to
        (the process ends)."""
        assert self.claims is not None
        self.nested = True
        i18n.building = True
        built: list[str] = []
        build_languages(config, i18n, _taken(self.claims, built), self.dirty)
        return {"languages": built, "value": child_result(built)}

    def build_rest(self, config: MkDocsConfig, catalogue: Catalogue) -> None:
        """In the first build: build, nested in this process, the other languages the second process has not
        taken (all of them without a second process)."""
        i18n = config.plugins.get("i18n")
        if i18n is None or self.nested or getattr(i18n, "building", False):
            return
        if self.claims is not None:
            mine: Iterable[str] = _taken(self.claims, [])
        else:
            mine = heaviest_first(catalogue, _others(i18n))
        i18n.building = True
        self.nested = True
        log.debug("first language built; building the others")
        try:
            build_languages(config, i18n, mine, self.dirty)
        finally:
            self.nested = False
        # ``building`` stays set until :meth:`join`: mkdocs-static-i18n's own loop, next, must stand down.

    def join(self, config: MkDocsConfig) -> Any:
        """After every language of this process is built: wait for the second process, if any; its warnings
        are logged here, its languages noted (:attr:`child_languages`), its result returned.

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
            raise PluginError(f"the build of the second process failed:\n{error}")
        self.child_languages = list(result["languages"])
        return result["value"]


def _others(i18n: Any) -> list[str]:
    """The languages mkdocs-static-i18n builds after the one it builds now."""
    return [code for code in i18n.build_languages if code != i18n.current_language]


def heaviest_first(catalogue: Catalogue, languages: list[str]) -> list[str]:
    """Languages by their number of case pages, most first (then in the order given): taken in this order,
    the last languages built, whose search indexes the build waits for, are the lightest."""
    return sorted(languages, key=lambda code: len(catalogue.in_language(code)), reverse=True)


def _taken(claims: parallel.Claims, built: list[str]) -> Iterator[str]:
    """The languages this process takes, one at a time as it gets to them, each noted in ``built``."""
    while (code := claims.take()) is not None:
        built.append(code)
        yield code


def build_languages(config: MkDocsConfig, i18n: Any, languages: Iterable[str], dirty: bool) -> None:
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
