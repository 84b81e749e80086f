"""What changed between two texts of the manifesto: clause by clause, and word by word inside a clause."""

from __future__ import annotations

from advocacy.manifesto.diff import compare, word_diff
from advocacy.manifesto.summary import markdown_summary
from tests.support.manifesto import (
    TEXT,
    frozen,
    parsed,
)


def test_word_diff_marks_the_changed_words() -> None:
    """Only the words that changed are marked deleted or inserted; the rest stays as it was."""
    assert word_diff(
        ("Facts and old works belong to everyone.",), ("Facts and expired works belong to everyone.",)
    ) == [
        ("same", "Facts and"),
        ("del", "old"),
        ("ins", "expired"),
        ("same", "works belong to everyone."),
    ]
    assert word_diff(("Readers must never be watched.",), ("Readers must never be tracked or watched.",)) == [
        ("same", "Readers must never be"),
        ("ins", "tracked or"),
        ("same", "watched."),
    ]


def test_word_diff_keeps_paragraph_breaks_and_whole_tokens() -> None:
    """A paragraph break is its own run, and version numbers and punctuation stay attached to their words."""
    assert word_diff(
        ("Version 1.0.0 is here.", "Second one."), ("Version 1.1.0 is here.", "Second one.")
    ) == [
        ("same", "Version"),
        ("del", "1.0.0"),
        ("ins", "1.1.0"),
        ("same", "is here."),
        ("same", "\n"),
        ("same", "Second one."),
    ]
    assert word_diff(("One.",), ("One.", "Two.")) == [("same", "One."), ("ins", "\n"), ("ins", "Two.")]


def test_identical_texts_have_no_changes() -> None:
    """Re-wrapping lines or changing the frontmatter is not a change of the text."""
    rewrapped = TEXT.replace("be able to read and share", "be able\nto read and share")
    assert compare(parsed(TEXT), parsed(rewrapped)) == []
    assert compare(parsed(TEXT), parsed(frozen(TEXT, "0.1.0"))) == []
    assert word_diff(("Same words.",), ("Same words.",)) == [("same", "Same words.")]


def test_compare_lists_added_and_removed_clauses_where_they_stand() -> None:
    """Changes come in reading order: a new clause where it was added, a removed one where it stood."""
    new = TEXT.replace(
        "### Free knowledge",
        "### Open access {#open-access}\n\nResearch paid by the public is open.\n\n### Free knowledge",
    )
    new = new.replace("### Public domain {#public-domain}\n\nFacts and old works belong to everyone.\n\n", "")
    new = new.replace("read and share", "read, share and improve")
    changes = compare(parsed(TEXT), parsed(new))
    assert [(c.kind, c.id) for c in changes] == [
        ("added", "open-access"),
        ("changed", "free-knowledge"),
        ("removed", "public-domain"),
    ]
    assert changes[0].old is None and changes[0].clause.line == 9
    assert changes[2].new is None and changes[2].clause.title == "Public domain"


def test_compare_places_a_removed_first_clause_first() -> None:
    """Removing the first part and adding a clause at the end keeps that order."""
    new = TEXT.replace("## Principles {#principles}\n\nWhy we act together.\n\n", "") + (
        "\n### Open access {#open-access}\n\nResearch paid by the public is open.\n"
    )
    assert [(c.kind, c.id) for c in compare(parsed(TEXT), parsed(new))] == [
        ("removed", "principles"),
        ("added", "open-access"),
    ]
    assert [(c.kind, c.id) for c in compare(None, parsed(TEXT))] == [
        ("added", "principles"),
        ("added", "free-knowledge"),
        ("added", "public-domain"),
        ("added", "privacy"),
    ]


def test_compare_detects_a_changed_title() -> None:
    """A clause whose heading changed but not its words is listed as changed, and the title diff is shown."""
    new = TEXT.replace("### Privacy {#privacy}", "### Privacy of readers {#privacy}")
    changes = compare(parsed(TEXT), parsed(new))
    assert [(c.kind, c.id) for c in changes] == [("changed", "privacy")]
    summary = markdown_summary(changes, "main", "HEAD")
    assert (
        "### Changed: Privacy <ins>of readers</ins> (`privacy`)\n\nReaders must never be watched.\n"
        in summary
    )
