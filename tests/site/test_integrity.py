"""The built sample site checked against its sources (what `advocacy check-site` and `make build` run)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from advocacy.content.project import load_project
from advocacy.content.repository import load_repository
from advocacy.manifesto.reading import load_manifesto
from advocacy.site.integrity import check_site
from tests.support.building import Built

pytestmark = pytest.mark.site


def _problems(root: Path, site: Path) -> list[str]:
    project = load_project(root)
    return [str(p) for p in check_site(project, load_repository(project), load_manifesto(project), site)]


def test_the_built_corpus_has_every_page_and_no_broken_link(built: Built) -> None:
    """Every valid case, page and language of the corpus is in the site, and every internal link resolves."""
    assert _problems(built.root, built.site) == []


def test_a_missing_page_is_reported_with_its_source(built: Built, built_copy: Path) -> None:
    """A case page missing from the site is named by the file it should have been built from."""
    shutil.rmtree(built_copy / "fr/cases/blackout")
    problems = _problems(built.root, built_copy)
    assert (
        "cases/blackout.fr.md: error: the page is valid but the site has no site/fr/cases/blackout/index.html; build again"
        in problems
    )


def test_a_link_to_a_missing_anchor_or_file_is_reported(built: Built, built_copy: Path) -> None:
    """A link whose fragment names no element of its target, or whose target does not exist, is reported."""
    page = built_copy / "catalogue/index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace("</body>", '<a href="../data/#nowhere">x</a><a href="../nothing-here/">y</a></body>'),
        encoding="utf-8",
    )
    problems = _problems(built.root, built_copy)
    assert problems == [
        'site/catalogue/index.html: error: the link "../data/#nowhere" names "#nowhere", which data/index.html lacks',
        'site/catalogue/index.html: error: the link "../nothing-here/" leads to no file of the site',
    ]
