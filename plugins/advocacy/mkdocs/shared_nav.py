"""The navigation rendered once for all the pages that share it.

Material renders its navigation (every section and page of ``nav``) on every page. On a page the navigation
does not list, at a given depth of one language's site, the result is the same to the byte: no entry is active,
and every link is relative to a page at that depth. Cases are such pages, by the thousand: their navigation is
rendered once per language and depth and reused (``theme/partials/nav.html`` asks for it by key).

Material's own partial stays the one rendered: the theme override includes it as ``material/partials/nav.html``,
a name this module gives Material's templates folder in the Jinja loader.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import Markup
from mkdocs.exceptions import PluginError

PREFIX = "material"


class SharedNavigation:
    """The rendered navigations of one build, by key (language and depth)."""

    def __init__(self) -> None:
        self.rendered: dict[str, Markup] = {}

    def attach(self, env: Environment) -> Environment:
        """Start a build: forget the navigations of the last one, give Material's templates a name of their
        own, and offer ``advocacy_shared`` to the templates."""
        self.rendered = {}
        if env.loader is not None:
            loader = PrefixLoader({PREFIX: FileSystemLoader(material_templates())})
            env.loader = ChoiceLoader([env.loader, loader])
        env.globals["advocacy_shared"] = self.shared
        return env

    def shared(self, key: str, caller: Callable[[], str]) -> Markup:
        """What ``caller`` renders, once per key (called from ``{% call advocacy_shared(key) %}``)."""
        found = self.rendered.get(key)
        if found is None:
            found = self.rendered[key] = Markup(caller())  # noqa: S704 - the theme's own output
        return found


def material_templates() -> Path:
    """The folder of Material's own templates, wherever Material is installed.

    Raises:
        PluginError: without Material (the hub's theme extends it).
    """
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        raise PluginError("Material for MkDocs is not installed: install the versions in requirements.txt")
    return Path(spec.origin).parent / "templates"


def key_for(language: str, url: str) -> str:
    """The key of the navigation of a page the navigation does not list: its language and depth."""
    return f"{language}:{url.count('/')}"
