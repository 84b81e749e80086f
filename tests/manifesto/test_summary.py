"""The Markdown summary of the changes for reviewers: every change counted and shown, contributors' text inert."""

from __future__ import annotations

from advocacy.manifesto.diff import compare
from advocacy.manifesto.summary import markdown_summary
from advocacy.manifesto.text import parse_text
from tests.support.manifesto import (
    INDEX,
    TEXT,
    parsed,
)


def test_a_moved_clause_shows_in_the_summary() -> None:
    """After moving a clause, the diff the check points to must not say that the text is the same."""
    moved = TEXT.replace(
        "### Public domain {#public-domain}\n\nFacts and old works belong to everyone.\n\n", ""
    )
    moved += "\n### Public domain {#public-domain}\n\nFacts and old works belong to everyone.\n"
    summary = markdown_summary(compare(parsed(TEXT), parsed(moved)), "main", "HEAD")
    assert "The text of the manifesto is the same." not in summary
    # Two neighbours swapped places: either one may be named as the one that moved.
    assert (
        "### Moved: Privacy (`privacy`)" in summary or "### Moved: Public domain (`public-domain`)" in summary
    )


def test_markdown_summary_marks_words_and_lists_every_change() -> None:
    """The pull-request summary counts the changes and shows each clause with <del> and <ins>."""
    new = TEXT.replace("old works", "expired works").replace(
        "### Privacy {#privacy}\n\nReaders must never be watched.\n",
        "### Open access {#open-access}\n\nResearch is open.\n\nData too.\n",
    )
    summary = markdown_summary(
        compare(parsed(TEXT), parsed(new)), "main", "working tree", ["`x.yml` changed"]
    )
    assert summary == (
        "## Manifesto changes\n\n"
        "From `main` to `working tree` (manifesto/index.md): 1 clause changed, 1 clause added, 1 clause removed.\n\n"
        "### Changed: Public domain (`public-domain`)\n\n"
        "Facts and <del>old</del> <ins>expired</ins> works belong to everyone.\n\n"
        "### Removed: Privacy (`privacy`)\n\n"
        "<del>Readers must never be watched.</del>\n\n"
        "### Added: Open access (`open-access`)\n\n"
        "<ins>Research is open.</ins>\n\n<ins>Data too.</ins>\n\n"
        "- `x.yml` changed\n"
    )
    assert markdown_summary([], "main", "HEAD") == (
        "## Manifesto changes\n\nFrom `main` to `HEAD` (manifesto/index.md): 0 clauses changed, 0 clauses added, "
        "0 clauses removed.\n\nThe text of the manifesto is the same.\n"
    )


def test_markdown_summary_escapes_html_mentions_and_issue_references() -> None:
    """Text from a pull request cannot inject HTML, ping people or link issues in the summary."""
    new = TEXT.replace(
        "Readers must never be watched.",
        "Never run `<script>alert(1)</script>`; write to @octocat about #12.",
    ).replace("### Privacy {#privacy}", "### Privacy <b>now</b> {#privacy}")
    text, problems = parse_text(new, INDEX)
    assert text is not None
    assert [p.message for p in problems] == ['found raw HTML ("<b>"); write Markdown without it']
    summary = markdown_summary(compare(parsed(TEXT), text), "main", "HEAD")
    assert "<script>" not in summary and "<b>" not in summary
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in summary
    assert "@\u200boctocat" in summary and "&#35;12" in summary
    assert "@octocat" not in summary and "#12" not in summary
    assert "Privacy <ins>&lt;b&gt;now&lt;/b&gt;</ins>" in summary
