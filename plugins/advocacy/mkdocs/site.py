"""What the plugins need to know about the MkDocs build they run in (languages, paths, edit links)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from advocacy.content.project import Language, Project, languages_from_i18n


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
