"""The built site checked against its sources (`advocacy check-site`, run by `make build`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from advocacy.cli.main import main
from advocacy.content.project import load_project
from advocacy.content.repository import load_repository
from advocacy.manifesto.reading import load_manifesto
from advocacy.site.integrity import check_site
from tests.test_reading_site import Built, built  # noqa: F401 - the module's shared build, as a fixture


def _problems(root: Path, site: Path) -> list[str]:
    project = load_project(root)
    return [str(p) for p in check_site(project, load_repository(project), load_manifesto(project), site)]


@pytest.fixture
def copy(built: Built, tmp_path: Path) -> Path:  # noqa: F811 - the fixture imported above
    """A copy of the built site that a test may damage."""
    target = tmp_path / "site"
    shutil.copytree(built.site, target)
    return target


def test_the_built_corpus_has_every_page_and_no_broken_link(built: Built) -> None:  # noqa: F811
    """Every valid case, page and language of the corpus is in the site, and every internal link resolves."""
    assert _problems(built.root, built.site) == []


def test_a_missing_page_is_reported_with_its_source(built: Built, copy: Path) -> None:  # noqa: F811
    """A case page missing from the site is named by the file it should have been built from."""
    shutil.rmtree(copy / "fr/cases/blackout")
    problems = _problems(built.root, copy)
    assert (
        "cases/blackout.fr.md: error: the page is valid but the site has no site/fr/cases/blackout/index.html; build again"
        in problems
    )


def test_a_link_to_a_missing_anchor_or_file_is_reported(built: Built, copy: Path) -> None:  # noqa: F811
    """A link whose fragment names no element of its target, or whose target does not exist, is reported."""
    page = copy / "catalogue/index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace("</body>", '<a href="../data/#nowhere">x</a><a href="../nothing-here/">y</a></body>'),
        encoding="utf-8",
    )
    problems = _problems(built.root, copy)
    assert problems == [
        'site/catalogue/index.html: error: the link "../data/#nowhere" names "#nowhere", which data/index.html lacks',
        'site/catalogue/index.html: error: the link "../nothing-here/" leads to no file of the site',
    ]


def test_the_command_exits_with_1_on_a_broken_site_and_2_without_one(
    built: Built,  # noqa: F811
    copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`advocacy check-site` exits 0 on a sound site, 1 when something is broken, 2 when there is no site."""
    assert main(["check-site", str(built.site), "--root", str(built.root)]) == 0
    (copy / "data/index.html").unlink()
    assert main(["check-site", str(copy), "--root", str(built.root)]) == 1
    assert (
        'site/fr/data/index.html: error: the link "../../data/" leads to no file of the site'
        in capsys.readouterr().out
    )
    assert main(["check-site", str(tmp_path / "empty"), "--root", str(built.root)]) == 2
    assert "run `make build` first" in capsys.readouterr().err
