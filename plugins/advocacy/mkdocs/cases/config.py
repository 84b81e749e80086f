"""Options of the ``advocacy-cases`` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CasesConfig(Config):
    """Options of the ``advocacy-cases`` plugin in mkdocs.yml."""

    cases_dir = c.Type(str, default="cases")
    """Folder of case files, relative to mkdocs.yml. docs_dir must hold a symlink of the same name to it."""

    partial = c.Type(bool, default=False)
    """cases_dir holds only some cases (``advocacy preview``): references to absent cases are not errors."""

    mirror_of = c.Optional(c.Type(str))
    """Set by ``advocacy preview`` only: this project is made of symbolic links to the files of the project at
    this path, which are allowed; that project's own folders are checked for links instead."""
