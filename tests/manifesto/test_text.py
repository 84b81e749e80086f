"""Reading a manifesto text: clauses and their ids, titles, lines and words, and what a text must not hold."""

from __future__ import annotations

from advocacy.manifesto.text import parse_text
from tests.support.manifesto import (
    INDEX,
    TEXT,
    frozen,
    parsed,
)


def test_parse_text_reads_the_ids_titles_bodies_and_levels_of_parts_and_clauses() -> None:
    """Each part and clause is found with its id, title, text and line, which the site anchors and links use."""
    text = parsed(TEXT)
    assert text.title == "Test manifesto"
    assert text.version is None
    assert [(c.id, c.level, c.title, c.line) for c in text.clauses] == [
        ("principles", 2, "Principles", 5),
        ("free-knowledge", 3, "Free knowledge", 9),
        ("public-domain", 3, "Public domain", 13),
        ("privacy", 3, "Privacy", 17),
    ]
    assert text.by_id["free-knowledge"].body == "Everyone should be able to read and share knowledge."
    assert text.by_id["privacy"].paragraphs == ("Readers must never be watched.",)
    assert parsed(frozen(TEXT, "0.1.0")).version == "0.1.0"


def test_paragraphs_are_what_a_reader_reads() -> None:
    """Markup and line wrapping do not count as words: one string per paragraph or list item."""
    text = parsed(
        "---\ntitle: T\n---\n\n### Lists {#lists}\n\nSome *emphasised*\nwords, [a link](https://example.org/).\n\n"
        "- first item\n- second item\n"
    )
    assert text.clauses[0].paragraphs == ("Some emphasised words, a link.", "first item", "second item")


def test_a_heading_without_an_id_gets_a_suggested_one() -> None:
    """The message gives the heading back with an id to paste."""
    text, problems = parse_text(
        TEXT.replace("### Public domain {#public-domain}", "### Public domain"), INDEX
    )
    assert [str(p) for p in problems] == [
        'manifesto/index.md:13: error: the heading "Public domain" has no id; end it with one that will never '
        'change, such as "### Public domain {#public-domain}"'
    ]
    assert text is not None
    assert [c.id for c in text.clauses] == ["principles", "free-knowledge", "privacy"]


def test_a_heading_in_another_script_gets_a_placeholder_id() -> None:
    """A title without Latin letters still gets a usable suggestion."""
    _, problems = parse_text("---\ntitle: T\n---\n\n### الخصوصية\n\nText.\n", INDEX)
    assert problems[0].line == 5
    assert '"### الخصوصية {#clause-id}"' in problems[0].message


def test_an_invalid_id_is_refused() -> None:
    """An id with capitals or underscores is reported on its line, with the rule to follow."""
    _, problems = parse_text(TEXT.replace("{#privacy}", "{#Reader_Privacy}"), INDEX)
    assert [(p.file, p.line, p.message) for p in problems] == [
        (
            INDEX,
            17,
            '"Reader_Privacy" is not a valid clause id; use lowercase Latin letters, digits and hyphens (the id '
            "is the same in every language)",
        )
    ]


def test_a_duplicate_id_names_the_line_of_the_first() -> None:
    """Two headings with one id: the second is reported, pointing at the first."""
    text, problems = parse_text(TEXT.replace("{#privacy}", "{#free-knowledge}"), INDEX)
    assert [(p.line, p.message) for p in problems] == [
        (17, 'the id "free-knowledge" is already used on line 9; give each heading its own id')
    ]
    assert text is not None
    assert text.by_id["free-knowledge"].line == 9


def test_headings_inside_code_fences_are_not_clauses() -> None:
    """A Markdown example in a code block neither creates a clause nor ends the one around it."""
    text, problems = parse_text(
        TEXT.replace(
            "Readers must never be watched.\n", "Readers must never be watched.\n\n```md\n### x\n```\n"
        ),
        INDEX,
    )
    assert problems == []
    assert text is not None
    assert [c.id for c in text.clauses] == ["principles", "free-knowledge", "public-domain", "privacy"]
    assert text.by_id["privacy"].body.endswith("```md\n### x\n```")


def test_the_words_of_a_code_block_are_its_code() -> None:
    """A code block reads as its code in the diff, not as ``` fences and a heading."""
    text = parsed("---\ntitle: T\n---\n\n### Example {#example}\n\n```md\n### A heading {#anchor}\n```\n")
    assert text.clauses[0].paragraphs == ("### A heading {#anchor}",)


def test_a_title_is_required_and_level_one_headings_are_refused() -> None:
    """The title lives in the frontmatter; a # heading in the body is reported on its line."""
    _, problems = parse_text("---\n---\n\n# Manifesto\n\n### One {#one}\n\nText.\n", INDEX)
    assert [(p.line, p.field, p.message) for p in problems] == [
        (1, "title", 'the manifesto needs a title: add "title: ..." to its frontmatter'),
        (4, None, "the title is in the frontmatter; start parts with ## and clauses with ###"),
    ]


def test_a_text_without_clauses_and_raw_html_are_reported() -> None:
    """An empty manifesto and raw HTML (which the site would not show safely) are errors."""
    _, problems = parse_text('---\ntitle: T\n---\n\nIntro <span onclick="x">here</span>.\n', INDEX)
    assert [(p.line, p.message) for p in problems] == [
        (5, 'found raw HTML ("<span>"); write Markdown without it'),
        (None, "the manifesto has no clauses (### Title {#id} headings)"),
    ]


def test_an_e_mail_address_in_the_text_is_refused() -> None:
    """The manifesto's words are published on pages and in feeds: an e-mail address there, even written with
    a full-width at sign, is refused on its line."""
    _, problems = parse_text("---\ntitle: T\n---\n\n### One {#one}\n\nWrite to a\uff20example.org.\n", INDEX)
    assert [(p.line, p.message.split(";")[0]) for p in problems] == [
        (7, 'found the e-mail address "a@example.org"')
    ]
