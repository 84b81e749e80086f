"""What changed in a source since a translation's pin: the lines added or rewritten, never the lines removed
(a sentence taken down for someone's safety must not come back on outdated translations)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from advocacy.translations.history import MAX_LINES, changes, changes_since_pin
from advocacy.translations.pins import fingerprint, with_pin
from tests.support.project import VALID_CASE, VALID_TRANSLATION_FR

TAKEN_DOWN = "Our contact in the ministry, Jane Roe, gave us the draft."


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # a sentence removed on its own
        (VALID_CASE.replace("Why it mattered.", f"Why it mattered.\n\n{TAKEN_DOWN}"), VALID_CASE),
        # a line rewritten: only its new wording
        (VALID_CASE.replace("Why it mattered.", f"Why it mattered. {TAKEN_DOWN}"), VALID_CASE),
        # removed from the title and the summary, which translations render too
        (VALID_CASE.replace("title: A blackout", f"title: {TAKEN_DOWN} A blackout"), VALID_CASE),
        (VALID_CASE.replace("summary: The community", f"summary: {TAKEN_DOWN} The community"), VALID_CASE),
        # removed while other lines were added around it
        (
            VALID_CASE.replace("What was done.", f"What was done.\n{TAKEN_DOWN}\nMore."),
            VALID_CASE.replace("What was done.", "What was done, and when.\nMore, and more."),
        ),
    ],
)
def test_removed_text_is_never_part_of_the_changes(before: str, after: str) -> None:
    """Whatever the edit, the text taken out of the source is absent from what translations are shown."""
    shown = changes(before, after)
    assert "Jane Roe" not in shown
    assert not [line for line in shown.splitlines() if line.startswith("-")]


def test_added_lines_are_marked_and_hunks_separated() -> None:
    """Added lines start with "+", unchanged lines around them with a space, and "…" separates hunks."""
    before = VALID_CASE
    after = VALID_CASE.replace("Why it mattered.", "Why it mattered, first.").replace(
        "What we learned.", "What we learned, at last."
    )
    assert changes(before, after).splitlines() == [
        " ",
        "+Why it mattered, first.",
        " ",
        "…",
        " ",
        "+What we learned, at last.",
    ]


def test_the_changes_are_cut_at_the_limit() -> None:
    """A long rewrite shows at most MAX_LINES lines, then "…"."""
    after = VALID_CASE.replace("What was done.", "\n".join(f"Line {n}." for n in range(200)))
    lines = changes(VALID_CASE, after).splitlines()
    assert len(lines) == MAX_LINES + 1 and lines[-1] == "…"


def test_the_changes_since_a_pin_come_from_git_history(tmp_path: Path) -> None:
    """With the pinned version in the history, the changes are computed from it, without the removed line."""
    source = tmp_path / "case.md"
    translation = tmp_path / "case.fr.md"
    original = VALID_CASE.replace("Why it mattered.", f"Why it mattered. {TAKEN_DOWN}")
    source.write_text(original, encoding="utf-8")
    translation.write_text(with_pin(VALID_TRANSLATION_FR, fingerprint(original), "machine"), encoding="utf-8")
    commit = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run([*commit, "one"], cwd=tmp_path, check=True)
    source.write_text(VALID_CASE.replace("Why it mattered.", "Why it mattered, briefly."), encoding="utf-8")
    subprocess.run([*commit, "takedown"], cwd=tmp_path, check=True)
    shown = changes_since_pin(tmp_path, source, translation)
    assert "+Why it mattered, briefly." in shown
    assert "Jane Roe" not in shown
