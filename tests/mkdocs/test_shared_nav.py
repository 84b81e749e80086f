"""The navigation of the pages it does not list (cases), rendered once per language and depth: the same to the
byte as the navigation Material renders itself for such a page, and never reused across builds or depths."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from jinja2 import DictLoader, Environment

from advocacy.mkdocs.shared_nav import SharedNavigation, key_for
from tests.support.building import build
from tests.support.project import VALID_CASE, ProjectFactory

MATERIAL = str(Path(material.__file__).parent / "templates")
TEMPLATE = "{% call advocacy_shared(key) %}{{ text }}{% endcall %}"


def shared_env(navigation: SharedNavigation) -> Environment:
    return navigation.attach(Environment(loader=DictLoader({"page.html": TEMPLATE}), autoescape=True))


def test_a_key_is_rendered_once_and_its_first_rendering_reused() -> None:
    """The second page with the same key gets the first page's navigation; another key renders its own."""
    navigation = SharedNavigation()
    page = shared_env(navigation).get_template("page.html")
    assert page.render(key="en:2", text="first") == "first"
    assert page.render(key="en:2", text="second") == "first"
    assert page.render(key="en:3", text="third") == "third"


def test_a_new_build_forgets_the_last_builds_navigation() -> None:
    """`mkdocs serve` rebuilds with the same plugin: a navigation changed in mkdocs.yml is rendered again."""
    navigation = SharedNavigation()
    assert shared_env(navigation).get_template("page.html").render(key="en:2", text="old") == "old"
    assert shared_env(navigation).get_template("page.html").render(key="en:2", text="new") == "new"


def test_materials_own_partial_is_reachable_under_its_prefix() -> None:
    """The theme's override includes Material's partial by the name `material/partials/nav.html`."""
    env = shared_env(SharedNavigation())
    assert env.loader is not None
    _, filename, _ = env.loader.get_source(env, "material/partials/nav.html")
    assert filename == str(Path(MATERIAL) / "partials" / "nav.html")


@pytest.mark.parametrize(
    ("language", "url", "key"), [("en", "cases/x/", "en:2"), ("fr", "fr/cases/x/", "fr:3")]
)
def test_the_key_is_the_language_and_the_depth(language: str, url: str, key: str) -> None:
    assert key_for(language, url) == key


def primary_navigation(page: Path) -> str:
    """The primary navigation of a built page, from its opening tag to the sidebar that follows it."""
    html = page.read_text(encoding="utf-8")
    found = re.search(
        r'<nav class="md-nav md-nav--primary".*?(?=<div class="md-sidebar md-sidebar--secondary")', html, re.S
    )
    assert found is not None, page
    return found.group(0)


@pytest.mark.site
def test_a_cases_navigation_is_the_one_material_renders_for_an_unlisted_page(
    make_project: ProjectFactory,
) -> None:
    """A case and a guide outside the navigation at the same depth get the same navigation, to the byte, though
    Material renders the guide's and the case's is the shared one; the links in it work from the case's depth."""
    second = VALID_CASE.replace("title: A blackout", "title: Another blackout")
    project = make_project(
        {
            "cases/blackout.md": VALID_CASE,
            "cases/second-case.md": second,
            "docs/guides/unlisted.md": "# Unlisted\n\nA guide the navigation does not list.\n",
        }
    )
    result = build(project.root)
    assert result.returncode == 0, result.stderr
    site = project.root / "site"
    guide = primary_navigation(site / "guides" / "unlisted" / "index.html")
    assert primary_navigation(site / "cases" / "blackout" / "index.html") == guide
    assert primary_navigation(site / "cases" / "second-case" / "index.html") == guide
    assert 'href="../../index.html"' in guide
