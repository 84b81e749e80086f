"""The search indexers' setting: what a maintainer may write, what is refused with what to write instead, and
the plan each setting gives."""

from __future__ import annotations

import pytest

from advocacy.site.indexing import AUTO_FAST_CASES, Indexing, check_setting, plan


@pytest.mark.parametrize(("written", "checked"), [("auto", "auto"), ("FAST", "fast"), (2, "2"), (" 1 ", "1")])
def test_a_setting_is_auto_fast_or_a_whole_number(written: object, checked: str) -> None:
    assert check_setting(written) == checked


@pytest.mark.parametrize("written", ["0", "-1", "1.5", "two", "", "١", "fastest"])
def test_anything_else_is_refused_with_what_to_write(written: str) -> None:
    """Zero, negative, fractional, non-ASCII digits (Arabic-Indic "1" passes str.isdigit) and words."""
    with pytest.raises(ValueError, match=r'write "auto" \(the default\), "fast" .* or a whole number'):
        check_setting(written)


def test_fast_overlaps_the_builds_without_bound() -> None:
    assert plan("fast", cases=100_000) == Indexing(overlap=True, at_once=None)


def test_a_number_waits_for_the_builds_and_bounds_the_indexers() -> None:
    assert plan("2", cases=10) == Indexing(overlap=False, at_once=2)


def test_auto_is_fast_for_a_small_hub_and_one_at_a_time_for_a_large_one() -> None:
    assert plan("auto", cases=AUTO_FAST_CASES).overlap
    assert plan("auto", cases=AUTO_FAST_CASES + 1) == Indexing(overlap=False, at_once=1)


def test_the_plan_says_what_it_does() -> None:
    assert "1 at a time" in plan("1", cases=10).describe()
    assert "beside the builds" in plan("fast", cases=10).describe()
