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
    """The languages a second process should build so that it ends with the first one.

    The first process builds ``default`` and whatever is not returned. A language weighs its case pages plus
    the lists and search stand-ins every language has (about a third of a page per case).
    """

    def weight(language: str) -> float:
        return len(catalogue.in_language(language)) + 0.35 * len(catalogue.records) + 30

    mine, theirs = weight(default), 0.0
    second: list[str] = []
    for language in sorted(others, key=weight, reverse=True):
        if theirs < mine:
            second.append(language)
            theirs += weight(language)
        else:
            mine += weight(language)
    return second
