"""Reading a case file: frontmatter, YAML, size and encoding, and invisible characters, in the exact words a
contributor reads (each test writes a small project with one kind of mistake next to a valid case)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs.utils.meta import get_data

from advocacy.reading.sourcefile import split_as_mkdocs
from tests.support.project import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory
from tests.support.validation import GOOD, TITLE, case, check, messages, published

YAML_HINT = (
    'Check the indentation and quote text that contains ": ", "#", or starts with a special character such as '
    '"[", "{", "*", "&", "!", "%", "@" or "`"'
)


INVISIBLE = "which can hide or reorder text; delete it"


# --- Reading the file: frontmatter, YAML, size, encoding -----------------------------------------------


def test_malformed_yaml_points_at_the_line_to_fix(make_project: ProjectFactory) -> None:
    """An unclosed bracket or quote is reported on the line where it was opened, not where YAML gave up."""
    repository = check(
        make_project,
        {
            **GOOD,
            "cases/bracket.md": case(("outcome: success", "outcome: [success")),
            "cases/quote.md": case((TITLE, 'title: "A blackout against a bad law')),
            "cases/colon.md": case((TITLE, "title: Law: a story")),
        },
    )
    assert messages(repository) == [
        'cases/bracket.md:6: error: the YAML cannot be read: the list that opens with "[" on this line is not '
        'closed where expected; close it with "]", and put items that contain ", " or ": " in quotes',
        f"cases/colon.md:2: error: the YAML cannot be read (mapping values are not allowed in this context). "
        f"{YAML_HINT}",
        "cases/quote.md:2: error: the YAML cannot be read: the quoted text that starts on this line has no "
        "closing quotation mark; end the text with the same quotation mark it starts with",
    ]
    assert published(repository) == ["cases/good.md"]


def test_file_without_frontmatter_is_rejected(make_project: ProjectFactory) -> None:
    """A file that starts with text instead of "---" is told how a case file begins."""
    repository = check(make_project, {**GOOD, "cases/bare.md": "## Context\n\nNo fields at all.\n"})
    assert messages(repository) == [
        'cases/bare.md:1: error: the file does not start with frontmatter; its first line must be "---", '
        'followed by the fields (title: ..., summary: ...) and another line "---"'
    ]
    assert published(repository) == ["cases/good.md"]


def test_unclosed_frontmatter_is_rejected(make_project: ProjectFactory) -> None:
    """A missing closing "---" is reported, and a "..." used in its place is named with its line."""
    repository = check(
        make_project,
        {
            **GOOD,
            "cases/open.md": "---\ntitle: x\n\n## Context\n",
            "cases/dots.md": VALID_CASE.replace("\n---\n", "\n...\n"),
        },
    )
    assert messages(repository) == [
        'cases/dots.md:1: error: the frontmatter is not closed: line 15 is "..."; write "---" there instead',
        'cases/open.md:1: error: the frontmatter is not closed; add a line "---" after the last field, '
        "before the text",
    ]
    assert published(repository) == ["cases/good.md"]


def test_frontmatter_lines_with_trailing_spaces_are_accepted(make_project: ProjectFactory) -> None:
    """Spaces an editor leaves after "---" do not hide the frontmatter (MkDocs reads it the same way)."""
    text = VALID_CASE.replace("---\n", "--- \n", 1).replace("\n---\n", "\n---\t\n")
    repository = check(make_project, {"cases/spaces.md": text})
    assert messages(repository) == []
    assert published(repository) == ["cases/spaces.md"]


def test_yaml_anchors_and_aliases_are_refused(make_project: ProjectFactory) -> None:
    """Anchors and aliases (the "billion laughs" tool) are refused on their line; the neighbour is published."""
    repository = check(
        make_project,
        {
            **GOOD,
            "cases/anchor.md": case(
                ("topics: [censorship]", "topics: &t [censorship]"), ("methods: [blackout]", "methods: *t")
            ),
            "cases/alias.md": case(("methods: [blackout]", "methods: *t")),
        },
    )
    assert messages(repository) == [
        'cases/alias.md:9: error: found the alias "*t"; aliases are not allowed here: write the value out',
        'cases/anchor.md:8: error: found the anchor "&t"; anchors and aliases are not allowed here: write '
        "values out",
    ]
    assert published(repository) == ["cases/good.md"]


def test_python_tags_are_refused_and_never_run(make_project: ProjectFactory, tmp_path: Path) -> None:
    """A !!python tag is reported on its line and nothing is executed."""
    marker = tmp_path / "executed"
    tagged = case((TITLE, f"title: !!python/object/apply:os.system [touch {marker}]"))
    repository = check(make_project, {**GOOD, "cases/tagged.md": tagged})
    assert messages(repository) == [
        'cases/tagged.md:2: error: found the YAML tag "!!python/object/apply:os.system"; tags are not allowed '
        "here: write plain values, and put text in quotes"
    ]
    assert not marker.exists()
    assert published(repository) == ["cases/good.md"]


def test_duplicate_keys_are_refused(make_project: ProjectFactory) -> None:
    """A field written twice is reported on its second line, with the line of the first."""
    repository = check(
        make_project, {**GOOD, "cases/twice.md": case(("outcome: success", "outcome: success\ntitle: Again"))}
    )
    assert messages(repository) == [
        'cases/twice.md:7: error: the key "title" appears twice (first on line 2); keep one and merge the values'
    ]
    assert published(repository) == ["cases/good.md"]


def test_frontmatter_over_64_kib_is_refused(make_project: ProjectFactory) -> None:
    """A huge frontmatter is refused before it is parsed; long text belongs in the body."""
    huge = "---\ntitle: x\nsummary: |\n" + "  abcdefghij\n" * 7000 + "---\n"
    repository = check(make_project, {**GOOD, "cases/huge.md": huge})
    assert messages(repository) == [
        "cases/huge.md:1: error: the frontmatter is larger than 64 KiB; keep long text in the body of the file"
    ]
    assert published(repository) == ["cases/good.md"]


def test_file_over_1_mib_is_refused(make_project: ProjectFactory) -> None:
    """A file one byte over the limit is refused with its size and the limit."""
    padding = "x" * (1024 * 1024 + 1 - len(VALID_CASE.encode("utf-8")))
    repository = check(make_project, {**GOOD, "cases/big.md": VALID_CASE + padding})
    assert messages(repository) == [
        "cases/big.md: error: the file is 1,048,577 bytes; the limit is 1,048,576 bytes. Shorten the text or "
        "split it into several cases"
    ]
    assert published(repository) == ["cases/good.md"]


def test_text_that_is_not_utf8_is_reported_with_byte_and_line(make_project: ProjectFactory) -> None:
    """A file saved as Latin-1 is reported with the offending byte and its line."""
    latin1 = case((TITLE, "title: Un café contre une loi")).encode("latin-1")
    repository = check(make_project, {**GOOD, "cases/latin1.md": latin1})
    assert messages(repository) == [
        "cases/latin1.md:2: error: byte 0xE9 is not UTF-8 text; save the file with the UTF-8 encoding"
    ]
    assert published(repository) == ["cases/good.md"]


def test_bom_and_crlf_line_endings_are_accepted(make_project: ProjectFactory) -> None:
    """Files saved by Windows editors (byte order mark, CRLF) validate cleanly."""

    def windows(text: str) -> bytes:
        return ("\ufeff" + text).replace("\n", "\r\n").encode("utf-8")

    repository = check(
        make_project,
        {"cases/a-case.md": windows(VALID_CASE), "cases/a-case.fr.md": windows(VALID_TRANSLATION_FR)},
    )
    assert messages(repository) == []
    assert published(repository) == ["cases/a-case.fr.md", "cases/a-case.md"]


# --- Invisible characters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x07", "U+0007 (CONTROL CHARACTER)"),
        ("\x1b", "U+001B (CONTROL CHARACTER)"),
        ("\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\u2066", "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
        ("\u200b", "U+200B (ZERO WIDTH SPACE)"),
        ("\u2060", "U+2060 (WORD JOINER)"),
        ("\ufeff", "U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),
        ("\x9b", "U+009B (CONTROL CHARACTER)"),
    ],
)
def test_invisible_characters_are_reported_with_line_column_and_field(
    make_project: ProjectFactory, char: str, name: str
) -> None:
    """A control, bidi-override or zero-width character is named with its line, column and field."""
    repository = check(make_project, {**GOOD, "cases/hidden.md": case((TITLE, f"title: A black{char}out"))})
    assert messages(repository) == [
        f"cases/hidden.md:2: error: title: column 15 holds the invisible character {name}, {INVISIBLE}"
    ]
    assert published(repository) == ["cases/good.md"]


def test_several_invisible_characters_are_listed_in_column_order(make_project: ProjectFactory) -> None:
    """Every invisible character of a line is reported, column 9 before column 11, with the field it is in."""
    text = case((TITLE, "title: A\u202eB\u2066C"), ("summary: The community", "summary: The\u200b community"))
    repository = check(make_project, {"cases/hidden.md": text})
    assert messages(repository) == [
        f"cases/hidden.md:2: error: title: column 9 holds the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE), "
        f"{INVISIBLE}",
        f"cases/hidden.md:2: error: title: column 11 holds the invisible character U+2066 (LEFT-TO-RIGHT "
        f"ISOLATE), {INVISIBLE}",
        f"cases/hidden.md:3: error: summary: column 13 holds the invisible character U+200B (ZERO WIDTH SPACE), "
        f"{INVISIBLE}",
    ]


def test_line_separator_characters_do_not_shift_line_numbers(make_project: ProjectFactory) -> None:
    """A NEL or U+2028 (which YAML counts as a line break) is reported, and later lines keep their numbers."""
    text = case(
        (TITLE, "title: A black\x85out"),
        ("summary: The", "summary: \u2028The"),
        ("outcome: success", "outcome: won"),
    )
    repository = check(make_project, {"cases/breaks.md": text})
    assert messages(repository) == [
        f"cases/breaks.md:2: error: title: column 15 holds the invisible character U+0085 (CONTROL CHARACTER), "
        f"{INVISIBLE}",
        f"cases/breaks.md:3: error: summary: column 10 holds the invisible character U+2028 (LINE SEPARATOR), "
        f"{INVISIBLE}",
        'cases/breaks.md:6: error: outcome: found "won"; write one of: success, partial, failure, ongoing, unknown',
    ]


def test_joiners_and_direction_marks_in_arabic_text_are_accepted(make_project: ProjectFactory) -> None:
    """ZWJ, ZWNJ, LRM and RLM, which Arabic text needs, are not reported."""
    arabic = (
        VALID_TRANSLATION_FR.replace(
            "title: Un blackout contre une mauvaise loi",
            "title: حجب\u200dالموقع\u200c احتجاجًا \u200eWikipedia\u200f",
        )
        .replace("## Contexte", "## السياق")
        .replace("## Actions", "## الإجراءات")
        .replace("## Résultat", "## النتيجة")
        .replace("## Leçons", "## الدروس")
    )
    repository = check(make_project, {"cases/a-case.md": VALID_CASE, "cases/a-case.ar.md": arabic})
    assert messages(repository) == []
    assert published(repository) == ["cases/a-case.ar.md", "cases/a-case.md"]


# --- Read where and as MkDocs reads it ------------------------------------------------------------------

MKDOCS_CASES = [
    "---\ntitle: x\n---\nbody\n",
    "--- \ntitle: x\n---\t\n\nbody\n",
    "---\ntitle: x\n...\n# <script>alert(1)</script>\n---\nbody\n",  # "..." closes it for MkDocs
    "---\ntitle: x\n---",  # no line break after the closing line: no frontmatter for MkDocs
    "---\n---\nbody\n",
    "---\n\n---\nbody\n",  # loads to nothing: shown as text
    "---\n# only a comment\n---\nbody\n",
    "---\ntitle: 2024-02-30\n---\nbody\n",  # a date that does not exist: MkDocs cannot load it
    "---\n- a list\n---\nbody\n",
    "---\ntitle: [unclosed\n---\nbody\n",
    "---\ntitle: " + "[" * 900 + "]" * 900 + "\n---\nbody\n",
    "---\ntitle: " + "[" * 1200 + "]" * 1200 + "\n---\nbody\n",
    "----\ntitle: x\n----\nbody\n",
    "title: <script>alert(1)</script>\nauthor: x\n    more\n\n# Page\n",
    "   Title: X\nbody line\n",
    "# Just a page\n\ntitle: not metadata\n",
    "\n\ntext\n",
]


@pytest.mark.parametrize("text", MKDOCS_CASES, ids=range(len(MKDOCS_CASES)))
def test_metadata_and_body_are_split_exactly_as_mkdocs_splits_them(text: str) -> None:
    """For every shape of frontmatter (closed by "...", unloadable, empty, MultiMarkdown, too deep), the
    reader finds the metadata and the body MkDocs finds, so the validator checks what MkDocs publishes."""
    doc, data = get_data(text)
    split = split_as_mkdocs(text)
    if split.kind == "yaml":
        assert yaml.load(split.frontmatter, Loader=yaml.CSafeLoader) == data
        assert split.body == doc
    elif split.kind == "multimarkdown":
        assert {key: value for key, value, _ in split.fields} == data
        assert split.body == doc
    else:
        assert data == {}
        assert split.body.lstrip("\n") == doc.lstrip("\n")


def test_a_case_closed_with_dots_before_a_dashes_line_is_refused_where_mkdocs_closes_it(
    make_project: ProjectFactory,
) -> None:
    """MkDocs ends the frontmatter at the first "..." line, and would publish what follows as the body: the
    case is refused with that line, not read up to a later "---"."""
    text = VALID_CASE.replace("published: 2026-11-25\n---\n", "published: 2026-11-25\n...\n# x\n---\n")
    repository = check(make_project, {**GOOD, "cases/dots.md": text})
    assert messages(repository) == [
        'cases/dots.md:1: error: the frontmatter is not closed: line 15 is "..."; write "---" there instead'
    ]
    assert published(repository) == ["cases/good.md"]


def test_a_frontmatter_mkdocs_cannot_load_is_refused(make_project: ProjectFactory) -> None:
    """A title the strict reader takes as text but MkDocs' loader refuses (a date that does not exist) would
    make MkDocs show the frontmatter as text: the case is refused with the line."""
    repository = check(make_project, {**GOOD, "cases/date.md": case((TITLE, "title: 2024-02-30"))})
    assert messages(repository) == [
        "cases/date.md:2: error: MkDocs cannot read this frontmatter (day is out of range for month), so it "
        "would show it as text on the page and ignore every field: put text values in quotes, and write dates "
        "that exist (YYYY-MM-DD)"
    ]
    assert published(repository) == ["cases/good.md"]


def test_a_closing_line_without_a_line_break_is_explained(make_project: ProjectFactory) -> None:
    """A file ending on "---" with no line break after it has no frontmatter for MkDocs: the message says so."""
    repository = check(make_project, {**GOOD, "cases/end.md": "---\ntitle: x\n---"})
    assert messages(repository) == [
        'cases/end.md:1: error: the frontmatter is not closed: line 3, "---", is the last line of the file and '
        "has no line break after it; add one (press Enter at its end)"
    ]


@pytest.mark.parametrize("depth", [21, 500, 995, 1500])
def test_deep_nesting_is_refused_with_its_line_not_a_traceback(
    make_project: ProjectFactory, depth: int
) -> None:
    """Lists nested 21 to 1,500 levels deep in a field are refused on their line; the neighbour is published."""
    deep = "[" * depth + "]" * depth
    repository = check(
        make_project, {**GOOD, "cases/deep.md": case(("outcome: success", f"outcome: {deep}"))}
    )
    assert messages(repository) == [
        "cases/deep.md:6: error: lists and mappings nest more than 20 levels deep here; the fields of this file "
        "need a few levels at most: write the value out flat"
    ]
    assert published(repository) == ["cases/good.md"]
