"""Options of the ``advocacy-translations`` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class TranslationsConfig(Config):
    """Options of the ``advocacy-translations`` plugin in mkdocs.yml."""

    exclude = c.ListOfItems(c.Type(str), default=["cases/"])
    """Folders (relative to docs_dir, ending in /) whose pages a language lacks are not shown at its addresses:
    cases are reached through the catalogue, which links each one in the languages it exists in (and the
    language switcher of a case leads a language that lacks it to that language's catalogue)."""
