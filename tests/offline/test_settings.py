"""What the offline copies read from mkdocs.yml: the public address and the hub's name in each language."""

from __future__ import annotations

import pytest

from advocacy.content.project import ProjectError
from advocacy.offline.settings import load_settings
from tests.support.project import MKDOCS_YML, ProjectFactory


def test_the_hubs_name_in_each_language_comes_from_the_i18n_languages(make_project: ProjectFactory) -> None:
    """A language's site_name under mkdocs-static-i18n wins over the top-level one."""
    project = make_project({})
    config = project.root / "mkdocs.yml"
    config.write_text(
        MKDOCS_YML.replace(
            "{locale: ar, name: العربية}", "{locale: ar, name: العربية, site_name: مركز الاختبار}"
        ),
        encoding="utf-8",
    )
    settings = load_settings(project)
    assert settings.site_names == {"en": "Test hub", "fr": "Test hub", "ar": "مركز الاختبار"}
    assert settings.site_url == "https://example.org/"


def test_a_site_without_its_public_address_is_refused(make_project: ProjectFactory) -> None:
    """Without site_url the links that leave a copy would lead nowhere: the message says what to write."""
    project = make_project({})
    config = project.root / "mkdocs.yml"
    config.write_text(MKDOCS_YML.replace("site_url: https://example.org/\n", ""), encoding="utf-8")
    with pytest.raises(
        ProjectError, match=r"site_url must be the public address of the site \(https://...\)"
    ):
        load_settings(project)
