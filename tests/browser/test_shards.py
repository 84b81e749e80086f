"""A language indexed in shards (a large hub; here shards of two cases): the catalogue's search merges them in
the browser and finds the same cases as one index, in every language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.browser import require_chromium, serve
from tests.support.building import Built, build
from tests.support.corpus import CORPUS, FEATURED_YML
from tests.support.project import write_project

pytestmark = [pytest.mark.browser, pytest.mark.site]

require_chromium()

QUERIES = [("", "blackout"), ("fr/", "blackout"), ("", "law"), ("ar/", "blackout"), ("", "treaty")]


@pytest.fixture(scope="module")
def sharded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site with every language's index in shards of at most two cases, served."""
    root = tmp_path_factory.mktemp("sharded") / "hub"
    options = "  - advocacy-catalogue:\n      search_shard_pages: 2\n"
    write_project(root, CORPUS, FEATURED_YML.replace("  - advocacy-catalogue:\n", options))
    result = build(root, "--strict")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert (site / "pagefind" / "en-shard-1").is_dir()
    assert not (site / "_pagefind_shards").exists()
    yield from serve(site)


def _found(browser: object, url: str, words: str) -> tuple[set[str], list[str]]:
    page = browser.new_page()  # type: ignore[attr-defined]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    page.fill("#adv-q", words)
    page.press("#adv-q", "Enter")
    page.wait_for_selector("[data-adv-status]:not(:empty)")
    found = page.eval_on_selector_all(
        "[data-adv-results] li.adv-case", "items => items.map(i => i.dataset.case)"
    )
    page.close()
    return set(found), requested


@pytest.mark.parametrize(("prefix", "words"), QUERIES)
def test_shards_find_what_one_index_finds(
    browser: object, server: str, sharded: str, prefix: str, words: str
) -> None:
    whole, _ = _found(browser, server + prefix + "catalogue/", words)
    merged, requested = _found(browser, sharded + prefix + "catalogue/", words)
    assert whole, f"{words!r} finds no case in {prefix or 'en/'}: choose another word"
    assert merged == whole
    language = prefix.strip("/") or "en"
    assert [url for url in requested if f"/pagefind/{language}-shard-1/" in url]


def test_a_built_site_lists_its_shards(built: Built) -> None:
    """An index in one piece says so: the catalogue's script reads shards.json in every language."""
    for folder in Path(built.site / "pagefind").iterdir():
        assert (folder / "shards.json").read_text(encoding="utf-8") == "[]"
