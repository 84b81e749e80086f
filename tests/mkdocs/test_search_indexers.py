"""The search indexers' setting in a real build: the indexes are the same, byte for byte, whether they are
written beside the builds or after them, one at a time; a wrong setting stops the build with what to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy.site.indexing import ENVIRONMENT
from tests.support.building import Built, build
from tests.support.corpus import CORPUS, FEATURED_YML
from tests.support.project import write_project

pytestmark = pytest.mark.site


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_indexing_after_the_builds_one_at_a_time_gives_the_same_indexes(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample site built with ``ADVOCACY_SEARCH_INDEXERS=1`` (its second process hands its languages'
    indexing back) has the indexes of the session's build (``auto``: beside the builds), and no stand-in."""
    root = tmp_path / "hub"
    write_project(root, CORPUS, FEATURED_YML)
    monkeypatch.setenv(ENVIRONMENT, "1")
    result = build(root, "--strict")
    assert result.returncode == 0, result.stderr
    assert "indexed after every language is written, 1 at a time" in result.stderr
    assert "beside the builds" in built.result.stderr
    site = root / "site"
    assert files_of(site / "pagefind") == files_of(built.site / "pagefind")
    assert {folder.name for folder in (site / "pagefind").iterdir()} == {"en", "fr", "ar"}  # one per language
    assert not (site / "_pagefind_stand_ins").exists()


@pytest.mark.parametrize("where", ["environment", "mkdocs.yml"])
def test_a_wrong_setting_stops_the_build_and_says_what_to_write(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "hub"
    write_project(root, CORPUS, FEATURED_YML)
    config = root / "mkdocs.yml"
    if where == "environment":
        monkeypatch.setenv(ENVIRONMENT, "lots")
        named = ENVIRONMENT
    else:
        monkeypatch.delenv(ENVIRONMENT, raising=False)
        text = config.read_text(encoding="utf-8")
        assert "  - advocacy-catalogue:\n" in text
        config.write_text(
            text.replace(
                "  - advocacy-catalogue:\n", "  - advocacy-catalogue:\n      search_indexers: lots\n"
            ),
            encoding="utf-8",
        )
        named = "mkdocs.yml: advocacy-catalogue: search_indexers"
    result = build(root)
    assert result.returncode != 0
    assert f'{named}: "lots" is not a setting; write "auto"' in result.stderr


@pytest.mark.parametrize("written", ["0", "-5"])
def test_a_shard_size_below_one_stops_the_build(written: str, tmp_path: Path) -> None:
    """A shard of no case would leave a language without an index: refused, with what to write."""
    root = tmp_path / "hub"
    options = f"  - advocacy-catalogue:\n      search_shard_pages: {written}\n"
    write_project(root, CORPUS, FEATURED_YML.replace("  - advocacy-catalogue:\n", options))
    result = build(root)
    assert result.returncode != 0
    assert (
        f"search_shard_pages: {written} is not a number of cases; write a whole number from 1"
        in result.stderr
    )
