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
