"""What the plugins need to know about the MkDocs build they run in (languages, paths, edit links)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from advocacy.project import Language, Project, languages_from_i18n


def current_language(config: MkDocsConfig) -> str | None:
    """The language mkdocs-static-i18n is building now, or ``None`` without that plugin."""
    plugin = config.plugins.get("i18n")
    language = getattr(plugin, "current_language", None)
    return str(language) if language else None


def is_first_build(config: MkDocsConfig, project: Project) -> bool:
    """Whether this is the default-language build, the first of the builds mkdocs-static-i18n runs."""
    language = current_language(config)
    return language is None or language == project.default_language.code


def site_languages(config: MkDocsConfig) -> tuple[Language, ...]:
    """The languages built, from mkdocs-static-i18n's options (or the theme language without it)."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return languages_from_i18n(None, str(config.theme.get("language") or "en"))
    return tuple(
        Language(str(lang.locale), str(lang.name or lang.locale), bool(lang.default))
        for lang in plugin.config.languages
        if lang.build is not False
    )


def project_from_config(config: MkDocsConfig, cases_dir: str) -> Project:
    """The :class:`Project` described by a loaded MkDocs configuration."""
    return Project(
        root=Path(config.config_file_path).resolve().parent,
        docs_dir=Path(config.docs_dir).resolve(),
        languages=site_languages(config),
        cases_dirname=cases_dir,
        repo_url=config.repo_url,
        edit_uri=config.edit_uri,
    )


def repository_edit_base(config: MkDocsConfig, project: Project) -> str | None:
    """The URL prefix that, followed by a path from the project root, edits that file.

    MkDocs' ``edit_uri`` is relative to docs_dir; files that enter the site through a symlink (cases,
    manifesto) must be edited at their real place.

    Raises:
        PluginError: when ``edit_uri`` does not end with the docs_dir folder.
    """
    if not config.repo_url or not config.edit_uri:
        return None
    docs = project.relative(project.docs_dir)
    edit_uri = config.edit_uri if config.edit_uri.endswith("/") else config.edit_uri + "/"
    if not edit_uri.endswith(f"{docs}/"):
        raise PluginError(
            f"edit_uri in mkdocs.yml must end with the docs folder, as in 'edit/main/{docs}/', so that "
            f"edit links of cases can point to their real files (found '{config.edit_uri}')"
        )
    return config.repo_url.rstrip("/") + "/" + edit_uri[: -len(docs) - 1].lstrip("/")
