"""Options of the ``advocacy-cases`` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CasesConfig(Config):
    """Options of the ``advocacy-cases`` plugin in mkdocs.yml."""

    cases_dir = c.Type(str, default="cases")
    """Folder of case files, relative to mkdocs.yml. docs_dir must hold a symlink of the same name to it."""
