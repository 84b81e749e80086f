"""Build the languages after the first one, as mkdocs-static-i18n does, so that the hub can share them out.

mkdocs-static-i18n's ``on_post_build`` rebuilds the whole site once per other language, one after the other,
after it set ``building`` (which makes its own handler stand down in those nested builds). The catalogue
plugin runs this loop instead, just before it, with part of the languages in a forked process.
"""

from __future__ import annotations

from typing import Any

from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig

from advocacy.catalogue import Catalogue


def build_languages(config: MkDocsConfig, i18n: Any, languages: list[str], dirty: bool) -> None:
    """Build the site once for each of ``languages`` into its folder of ``site_dir``.

    Args:
        config: The loaded configuration of the first build.
        i18n: The mkdocs-static-i18n plugin (its ``current_language`` says which language a build is for).
        languages: The languages to build.
        dirty: Whether this is a ``--dirty`` build.
    """
    clean = mkdocs_utils.clean_directory
    # Each nested build would otherwise empty site_dir, deleting the languages built before it.
    mkdocs_utils.clean_directory = lambda directory: None
    try:
        for language in languages:
            i18n.current_language = language
            build(config, dirty=dirty)
    finally:
        mkdocs_utils.clean_directory = clean


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
