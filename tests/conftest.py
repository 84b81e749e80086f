"""Shared fixtures: small projects, the sample corpus read once, the session-wide builds of the sample site and
of the repository's own site, the local servers and the browser. Helpers and test data live in tests/support/.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from advocacy.catalogue.records import Catalogue, build_catalogue
from advocacy.content.project import Project, load_project
from advocacy.content.repository import Repository, load_repository
from tests.support.browser import launch_chromium, serve
from tests.support.building import Built, build, warnings
from tests.support.corpus import CORPUS, FEATURED_YML
from tests.support.hostile import write_hostile
from tests.support.offline import OFFLINE_DAY, OfflineCopies
from tests.support.paths import ROOT
from tests.support.project import MKDOCS_YML, ProjectFactory, write_project
from tests.support.workflows import LinkServer, serve_links


@pytest.fixture(autouse=True)
def _own_git_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """Git reads the repository of the test, even when the tests run from a git hook (which sets GIT_DIR)."""
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def make_project(tmp_path: Path) -> ProjectFactory:
    """Write a small project (mkdocs.yml, docs/, cases/ with test vocabularies) plus ``files``; return it."""

    def make(files: dict[str, str | bytes]) -> Project:
        return write_project(tmp_path / "hub", files)

    return make


# --- The sample corpus (tests/support/corpus.py) ----------------------------------------------------------


@pytest.fixture(scope="session")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    """The sample corpus, read and checked once for the whole session."""
    project = write_project(tmp_path_factory.mktemp("catalogue") / "hub", CORPUS)
    repository = load_repository(project)
    assert [str(p) for p in repository.problems] == []
    return repository


@pytest.fixture
def catalogue(repository: Repository) -> Catalogue:
    """A fresh catalogue of the sample corpus (some tests change its records)."""
    return build_catalogue(repository)


# --- Built sites ------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The sample site: the corpus built once for the session, strictly, with one case featured on the home
    page. Tests read it and never change it (they damage :func:`built_copy` instead)."""
    assert FEATURED_YML != MKDOCS_YML
    root = tmp_path_factory.mktemp("reading-site") / "hub"
    write_project(root, CORPUS, FEATURED_YML)
    result = build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return Built(root, result)


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The hostile project (tests/support/hostile.py) built once for the session without --strict, as
    `mkdocs serve` builds: what the checks refuse must still reach no reader."""
    root = tmp_path_factory.mktemp("hostile-site") / "hub"
    write_hostile(root)
    result = build(root)
    assert result.returncode == 0, result.stderr
    return Built(root, result)


@pytest.fixture
def built_copy(built: Built, tmp_path: Path) -> Path:
    """A copy of the built sample site that a test may damage."""
    target = tmp_path / "site"
    shutil.copytree(built.site, target)
    return target


@pytest.fixture(scope="session")
def own_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The repository's own site, built strict once for the session into a temporary folder: (site, log)."""
    site = tmp_path_factory.mktemp("repository-site")
    result = build(ROOT, "--strict", site_dir=site)
    assert result.returncode == 0, result.stderr
    return site, result.stderr


@pytest.fixture(scope="session")
def offline_copies(own_site: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> OfflineCopies:
    """The offline copies of the repository's own site, every language, made once for the session from a copy
    of that site (making them writes into site/downloads/ and the downloads pages)."""
    from advocacy.offline.copies import make_copies  # libzim, the offline extra

    site = tmp_path_factory.mktemp("offline-site") / "site"
    shutil.copytree(own_site[0], site)
    project = load_project(ROOT)
    copies, problems = make_copies(project, site, project.language_codes, OFFLINE_DAY)
    return OfflineCopies(project, site, copies, problems)


# --- Servers and the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless chromium, offline, shared by the browser tests (skipped without chromium, except in CI)."""
    yield from launch_chromium()


@pytest.fixture(scope="session")
def server(built: Built) -> Iterator[str]:
    """The sample site on a local static server; yields its base address."""
    yield from serve(built.site)


@pytest.fixture(scope="session")
def hostile_server(hostile: Built) -> Iterator[str]:
    """The hostile project's site on a local static server; yields its base address."""
    yield from serve(hostile.site)


@pytest.fixture(scope="session")
def own_site_server(own_site: tuple[Path, str]) -> Iterator[str]:
    """The repository's own site, built without a warning, on a local static server; yields its address."""
    site, log = own_site
    assert warnings(log) == []
    yield from serve(site)


@pytest.fixture
def link_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LinkServer]:
    """A web server on 127.0.0.1 that records the requests it gets, for the link check."""
    yield from serve_links(monkeypatch)
