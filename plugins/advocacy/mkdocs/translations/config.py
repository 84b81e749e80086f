"""Options of the ``advocacy-translations`` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class TranslationsConfig(Config):
    """Options of the ``advocacy-translations`` plugin in mkdocs.yml."""

    exclude = c.ListOfItems(c.Type(str), default=["cases/"])
    """Folders (relative to docs_dir, ending in /) whose untranslated pages are not linked in other languages:
    cases are reached through the catalogue, which links each one in the languages it exists in."""
