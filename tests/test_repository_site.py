"""The repository's own content: valid, and every valid case file built into the site (nothing lost)."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy.content.project import load_project
from advocacy.content.repository import load_repository
from tests.test_site_build import build, case_pages, warnings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    site = tmp_path_factory.mktemp("site")
    result = build(ROOT, "--strict", site_dir=site)
    assert result.returncode == 0, result.stderr
    return site, result.stderr


def test_repository_content_is_valid() -> None:
    """Every case and vocabulary of the repository passes the validator."""
    repository = load_repository(load_project(ROOT))
    assert [str(p) for p in repository.problems] == []


def test_repository_builds_strict_without_warnings(built_site: tuple[Path, str]) -> None:
    """The real site builds under --strict with no warning at all."""
    assert warnings(built_site[1]) == []


def test_every_valid_case_file_is_a_page_in_its_language(built_site: tuple[Path, str]) -> None:
    """The case pages built in each language are exactly the valid case files of that language."""
    expected: dict[str, list[str]] = {}
    for case_file in load_repository(load_project(ROOT)).published_files():
        expected.setdefault(case_file.language, []).append(case_file.case_id)
    assert case_pages(built_site[0]) == {lang: sorted(ids) for lang, ids in sorted(expected.items())}
