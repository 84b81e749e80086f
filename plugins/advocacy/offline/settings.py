"""What the offline copies take from ``mkdocs.yml``: the public address of the site (where links that leave a
copy go) and the name of the hub in each language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from advocacy.content.project import CONFIG_FILE, ConfigLoader, Project, ProjectError, plugin_options


@dataclass(frozen=True)
class Settings:
    """The site's public facts an offline copy needs.

    Attributes:
        site_url: The public address of the site, ending with ``/``.
        site_names: The name of the hub in each site language (mkdocs-static-i18n's ``site_name``, else
            the top-level one).
    """

    site_url: str
    site_names: dict[str, str]


def load_settings(project: Project) -> Settings:
    """Read the settings from the project's ``mkdocs.yml`` (without running it).

    Raises:
        ProjectError: when mkdocs.yml has no ``site_url``: a copy sends the links that leave it there.
    """
    path = project.root / CONFIG_FILE
    try:
        config: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=ConfigLoader) or {}  # noqa: S506
    except (OSError, yaml.YAMLError) as exc:
        raise ProjectError(f"{path}: {exc}") from exc
    site_url = str(config.get("site_url") or "")
    if not site_url.startswith(("https://", "http://")):
        raise ProjectError(
            f"{CONFIG_FILE}: site_url must be the public address of the site (https://...), found "
            f"'{site_url}': the links of an offline copy that lead out of it go there"
        )
    default_name = str(config.get("site_name") or "")
    names = {lang.code: default_name for lang in project.languages}
    for item in (plugin_options(config.get("plugins"), "i18n") or {}).get("languages") or []:
        if isinstance(item, dict) and item.get("site_name") and str(item.get("locale")) in names:
            names[str(item["locale"])] = str(item["site_name"])
    return Settings(site_url.rstrip("/") + "/", names)
