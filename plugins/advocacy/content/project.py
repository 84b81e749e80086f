"""The project: where its content lives and which languages the site is built in.

The single source of truth is ``mkdocs.yml``: its mkdocs-static-i18n ``languages`` list and the options of the
``advocacy-cases`` plugin. The MkDocs plugin builds a :class:`Project` from its loaded config; the command line
reads the same file with :func:`load_project`, without importing MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

from advocacy.content.urls import SiteUrls

CONFIG_FILE = "mkdocs.yml"


class ProjectError(Exception):
    """The project's configuration is unusable; the message says what to change."""


@dataclass(frozen=True)
class Language:
    """A site language.

    Attributes:
        code: The locale code used in file suffixes and URLs (``fr``).
        name: The language's name in itself, as the language switcher shows it.
        default: Whether this is the default language (unsuffixed files, URLs without prefix).
    """

    code: str
    name: str
    default: bool = False

    @cached_property
    def direction(self) -> str:
        """``"rtl"`` or ``"ltr"``, from the Unicode CLDR data of the language."""
        try:
            order = Locale.parse(self.code.replace("-", "_")).character_order
        except (UnknownLocaleError, ValueError):
            return "ltr"
        return "rtl" if order == "right-to-left" else "ltr"


@dataclass(frozen=True)
class Project:
    """Paths and languages of one Advocacy Hub repository."""

    root: Path
    docs_dir: Path
    languages: tuple[Language, ...]
    cases_dirname: str = "cases"
    repo_url: str | None = None
    edit_uri: str | None = None

    def __post_init__(self) -> None:
        defaults = [lang.code for lang in self.languages if lang.default]
        if len(defaults) != 1:
            raise ProjectError(
                f"{CONFIG_FILE}: exactly one language of the i18n plugin must have 'default: true' "
                f"(found {len(defaults)})"
            )

    @property
    def cases_dir(self) -> Path:
        """The folder of case files."""
        return self.root / self.cases_dirname

    @property
    def vocabularies_dir(self) -> Path:
        """The folder of vocabulary files."""
        return self.cases_dir / "vocabularies"

    @property
    def media_dir(self) -> Path:
        """The folder of images used by cases."""
        return self.cases_dir / "media"

    @property
    def urls(self) -> SiteUrls:
        """The addresses of the site's pages."""
        return SiteUrls(self.default_language.code, self.cases_dirname)

    @property
    def default_language(self) -> Language:
        """The language of unsuffixed files."""
        return next(lang for lang in self.languages if lang.default)

    @property
    def language_codes(self) -> tuple[str, ...]:
        """The codes of all site languages, default first."""
        return tuple(lang.code for lang in self.languages)

    def language(self, code: str) -> Language | None:
        """The site language with this code, or ``None``."""
        return next((lang for lang in self.languages if lang.code == code), None)

    def repository_base(self) -> str | None:
        """``<repo_url>/{action}/<branch>/`` from ``repo_url`` and the branch in ``edit_uri``
        (``edit/<branch>/docs/``), or ``None`` when they do not say. ``{action}`` is ``edit`` or ``new``."""
        if not self.repo_url or not self.edit_uri:
            return None
        parts = self.edit_uri.strip("/").split("/")
        if len(parts) < 2 or parts[0] != "edit":
            return None
        return self.repo_url.rstrip("/") + "/{action}/" + parts[1] + "/"

    def issue_url(self) -> str | None:
        """The "new issue" page of the repository when it is on GitHub (whose issue forms take their fields
        from the address), else ``None``."""
        if not self.repo_url or not self.repo_url.startswith("https://github.com/"):
            return None
        return self.repo_url.rstrip("/") + "/issues/new"

    def edit_base(self) -> str | None:
        """The URL prefix that, followed by a path from the project root, edits that file (``None`` without
        ``repo_url`` and ``edit_uri``).

        ``edit_uri`` is relative to docs_dir; files that enter the site through a symlink (cases, manifesto)
        must be edited at their real place.

        Raises:
            ProjectError: when ``edit_uri`` does not end with the docs_dir folder.
        """
        if not self.repo_url or not self.edit_uri:
            return None
        docs = self.relative(self.docs_dir)
        edit_uri = self.edit_uri if self.edit_uri.endswith("/") else self.edit_uri + "/"
        if not edit_uri.endswith(f"{docs}/"):
            raise ProjectError(
                f"edit_uri in {CONFIG_FILE} must end with the docs folder, as in 'edit/main/{docs}/', so that "
                f"edit links of cases can point to their real files (found '{self.edit_uri}')"
            )
        return self.repo_url.rstrip("/") + "/" + edit_uri[: -len(docs) - 1].lstrip("/")

    def relative(self, path: Path) -> str:
        """A path relative to the project root, with forward slashes, for messages."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running it: ``!ENV`` and ``!!python/...`` values become ``None``."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


ConfigLoader.add_multi_constructor("!", _ignore_tag)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def plugin_options(plugins: Any, name: str) -> dict[str, Any] | None:
    """The options of plugin ``name`` in a ``plugins:`` list or mapping, or ``None`` if it is absent."""
    entries = plugins.items() if isinstance(plugins, dict) else ((p, None) for p in plugins or [])
    for entry, options in entries:
        if isinstance(entry, dict):
            for key, value in entry.items():
                if key == name:
                    return value or {}
        elif entry == name:
            return options or {}
    return None


def languages_from_i18n(options: dict[str, Any] | None, theme_language: str = "en") -> tuple[Language, ...]:
    """Site languages from the mkdocs-static-i18n options (or the theme language when i18n is absent)."""
    if options is None:
        name = Locale.parse(theme_language).get_display_name(theme_language) or theme_language
        return (Language(theme_language, name, True),)
    languages = []
    for item in options.get("languages") or []:
        if item.get("build", True) is False:
            continue
        code = str(item["locale"])
        languages.append(Language(code, str(item.get("name") or code), bool(item.get("default", False))))
    return tuple(languages)


def load_project(root: Path) -> Project:
    """Read the project at ``root`` from its ``mkdocs.yml``.

    Raises:
        ProjectError: when mkdocs.yml is missing or unreadable.
    """
    config_path = root / CONFIG_FILE
    try:
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=ConfigLoader)  # noqa: S506
    except FileNotFoundError as exc:
        raise ProjectError(f"no {CONFIG_FILE} in {root}; run the command inside the repository") from exc
    except yaml.YAMLError as exc:
        raise ProjectError(f"{config_path}: {exc}") from exc
    plugins = config.get("plugins")
    theme = config.get("theme") or {}
    theme_language = theme.get("language", "en") if isinstance(theme, dict) else "en"
    ours = plugin_options(plugins, "advocacy-cases") or {}
    return Project(
        root=root,
        docs_dir=root / str(config.get("docs_dir", "docs")),
        languages=languages_from_i18n(plugin_options(plugins, "i18n"), theme_language),
        cases_dirname=str(ours.get("cases_dir", "cases")),
        repo_url=config.get("repo_url"),
        edit_uri=config.get("edit_uri"),
    )


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds ``mkdocs.yml``.

    Raises:
        ProjectError: when there is none.
    """
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise ProjectError(f"no {CONFIG_FILE} in {start} or above; run the command inside the repository")
