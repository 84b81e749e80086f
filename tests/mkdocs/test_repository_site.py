"""The repository's own site: built strict without a warning, every valid case file a page in its language
(nothing lost)."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy.content.project import load_project
from advocacy.content.repository import load_repository
from tests.support.building import case_pages, warnings
from tests.support.paths import ROOT

pytestmark = pytest.mark.site


def test_repository_builds_strict_without_warnings(own_site: tuple[Path, str]) -> None:
    """The real site builds under --strict with no warning at all."""
    assert warnings(own_site[1]) == []


def test_every_valid_case_file_is_a_page_in_its_language(own_site: tuple[Path, str]) -> None:
    """The case pages built in each language are exactly the valid case files of that language."""
    expected: dict[str, list[str]] = {}
    for case_file in load_repository(load_project(ROOT)).published_files():
        expected.setdefault(case_file.language, []).append(case_file.case_id)
    assert case_pages(own_site[0]) == {lang: sorted(ids) for lang, ids in sorted(expected.items())}
