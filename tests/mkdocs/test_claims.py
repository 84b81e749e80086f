"""Languages shared out between the two processes of a build as each becomes free: every language is built
once, by one process, heaviest first."""

from __future__ import annotations

import multiprocessing
import time

from advocacy.catalogue.records import build_catalogue
from advocacy.content.repository import Repository
from advocacy.mkdocs.languages import heaviest_first
from advocacy.mkdocs.parallel import Claims

ITEMS = [f"language-{n}" for n in range(40)]


def _take_all(claims: Claims, out: multiprocessing.SimpleQueue[list[str]], pause: float) -> None:
    taken = []
    while (item := claims.take()) is not None:
        taken.append(item)
        time.sleep(pause)
    out.put(taken)


def test_two_processes_take_every_item_once_in_order() -> None:
    """A forked process and this one take items side by side: together they take each exactly once, and
    each takes its items in the list's order."""
    context = multiprocessing.get_context("fork")
    claims = Claims(ITEMS)
    out: multiprocessing.SimpleQueue[list[str]] = context.SimpleQueue()
    other = context.Process(target=_take_all, args=(claims, out, 0.001))
    other.start()
    _take_all(claims, out, 0.001)
    other.join()
    first, second = out.get(), out.get()
    assert sorted(first + second) == sorted(ITEMS)
    assert not set(first) & set(second)
    for taken in (first, second):
        assert taken == sorted(taken, key=ITEMS.index)


def test_nothing_is_left_once_all_are_taken() -> None:
    claims = Claims(["en"])
    assert claims.take() == "en"
    assert claims.take() is None
    assert claims.take() is None


def test_languages_are_built_heaviest_first(repository: Repository) -> None:
    """The sample corpus has most cases in English, then French; a language without cases comes last, and
    languages with as many keep the order given."""
    catalogue = build_catalogue(repository)
    counts = {code: len(catalogue.in_language(code)) for code in ("en", "fr", "ar")}
    assert counts["en"] > counts["fr"] > counts["ar"]
    assert heaviest_first(catalogue, ["ar", "fr", "en"]) == ["en", "fr", "ar"]
    assert heaviest_first(catalogue, ["xx", "yy"]) == ["xx", "yy"]
