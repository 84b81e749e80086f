"""The exact words a contributor reads for each mistake: file, line, field, what was found, what to write.

Each test writes a small project with one kind of mistake (and, where it matters, a valid case next to it) and
compares the validator's report line by line, as ``advocacy validate`` prints it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy.content.project import Project
from advocacy.content.repository import Repository, load_repository
from tests.conftest import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory

GOOD = {"cases/good.md": VALID_CASE}
TITLE = "title: A blackout against a bad law"
YAML_HINT = (
    'Check the indentation and quote text that contains ": ", "#", or starts with a special character such as '
    '"[", "{", "*", "&", "!", "%", "@" or "`"'
)
JURISDICTION_HELP = (
    "write an ISO 3166-1 alpha-2 country code (DE), an ISO 3166-2 subdivision code (ES-CT), EU, or a forum id "
    "of cases/vocabularies/forums.yml"
)
INVISIBLE = "which can hide or reorder text; delete it"
NOT_A_WEB_ADDRESS = "is not a web address; write a full address that starts with https:// (or http://)"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(16)


def check(make_project: ProjectFactory, files: dict[str, str | bytes]) -> Repository:
    project: Project = make_project(files)
    return load_repository(project)


def messages(repository: Repository) -> list[str]:
    return [str(problem) for problem in repository.problems]


def published(repository: Repository) -> list[str]:
    return [case_file.display for case_file in repository.published_files()]


def case(*replacements: tuple[str, str]) -> str:
    """VALID_CASE with each (old, new) replacement made; fails if ``old`` is not there."""
    text = VALID_CASE
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text


# --- Reading the file: frontmatter, YAML, size, encoding ------------------------------------------------


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


def test_frontmatter_that_is_not_a_mapping_is_rejected(make_project: ProjectFactory) -> None:
    """A frontmatter that is a list or a lone value is refused, with the form fields must take."""
    repository = check(
        make_project,
        {
            **GOOD,
            "cases/a-list.md": "---\n- title\n- summary\n---\n",
            "cases/a-scalar.md": "---\njust text\n---\n",
        },
    )
    expected = (
        "error: the frontmatter must be fields written as 'name: value' lines, one per line; found a single "
        "value or a list"
    )
    assert messages(repository) == [f"cases/a-list.md:2: {expected}", f"cases/a-scalar.md:2: {expected}"]
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


# --- Invisible characters -------------------------------------------------------------------------------


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


def test_invisible_character_written_as_yaml_escape_is_reported(make_project: ProjectFactory) -> None:
    """A bidi override smuggled in as "\\u202E" between double quotes is caught like a literal one."""
    repository = check(
        make_project, {**GOOD, "cases/escaped.md": case((TITLE, 'title: "A \\u202Eblackout"'))}
    )
    assert messages(repository) == [
        "cases/escaped.md:2: error: title: the text holds the invisible character U+202E (RIGHT-TO-LEFT "
        'OVERRIDE), which can hide or reorder text; delete it (between double quotes it can be written "\\u202E")'
    ]
    assert published(repository) == ["cases/good.md"]


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


# --- Fields ---------------------------------------------------------------------------------------------


def test_missing_required_fields_are_each_named(make_project: ProjectFactory) -> None:
    """Every missing required field is listed, with what it is for."""
    text = case(
        ("date: 2011-10-04\n", ""),
        ("summary: The community blacked out the site for a day, and the clause was dropped.\n", ""),
    )
    repository = check(make_project, {**GOOD, "cases/short.md": text})
    assert messages(repository) == [
        'cases/short.md:2: error: date: the required field "date" is missing; add it (When the action started.)',
        'cases/short.md:2: error: summary: the required field "summary" is missing; add it (One or two sentences '
        "saying what happened and how it ended, in plain text.)",
    ]
    assert published(repository) == ["cases/good.md"]


def test_misspelt_field_gets_a_suggestion(make_project: ProjectFactory) -> None:
    """ "summery" is reported as unknown with "did you mean summary?", and summary as missing."""
    repository = check(make_project, {**GOOD, "cases/typo.md": case(("summary:", "summery:"))})
    assert messages(repository) == [
        'cases/typo.md:2: error: summary: the required field "summary" is missing; add it (One or two sentences '
        "saying what happened and how it ended, in plain text.)",
        'cases/typo.md:3: error: summery: unknown field "summery"; did you mean "summary"?',
    ]
    assert published(repository) == ["cases/good.md"]


@pytest.mark.parametrize(
    ("value", "reading"),
    [
        ("NO", "NO, which YAML reads as the boolean false"),
        ("no", "no, which YAML reads as the boolean false"),
        ("0123", "0123, which YAML reads as the number 83"),
        ("1.10", "1.10, which YAML reads as the number 1.1"),
    ],
)
def test_yaml_11_surprises_ask_for_quotes(make_project: ProjectFactory, value: str, reading: str) -> None:
    """A title YAML would read as a boolean or a number is refused with what YAML made of it and the fix."""
    repository = check(make_project, {**GOOD, "cases/surprise.md": case((TITLE, f"title: {value}"))})
    assert messages(repository) == [
        f'cases/surprise.md:2: error: title: expected text, found {reading}; put it in quotes: "{value}"'
    ]
    assert published(repository) == ["cases/good.md"]


def test_unknown_vocabulary_terms_get_suggestions(make_project: ProjectFactory) -> None:
    """A misspelt term gets "did you mean"; an unknown one is told where new terms are added."""
    text = case(
        ("topics: [censorship]", "topics: [censorhip, zzz]"), ("methods: [blackout]", "methods: [blackouts]")
    )
    repository = check(make_project, {**GOOD, "cases/terms.md": text})
    assert messages(repository) == [
        'cases/terms.md:8: error: topics: "censorhip" is not a term of the topics vocabulary; did you mean '
        '"censorship"? To add a new term, add it to cases/vocabularies/topics.yml in the same pull request',
        'cases/terms.md:8: error: topics: "zzz" is not a term of the topics vocabulary; add it to '
        "cases/vocabularies/topics.yml in the same pull request",
        'cases/terms.md:9: error: methods: "blackouts" is not a term of the methods vocabulary; did you mean '
        '"blackout"? To add a new term, add it to cases/vocabularies/methods.yml in the same pull request',
    ]
    assert published(repository) == ["cases/good.md"]


def test_unknown_country_codes_get_the_code_to_write(make_project: ProjectFactory) -> None:
    """UK is told to be GB, de to be DE; XX is not a jurisdiction at all."""
    repository = check(
        make_project, {**GOOD, "cases/where.md": case(("jurisdictions: [IT]", "jurisdictions: [UK, de, XX]"))}
    )
    assert messages(repository) == [
        'cases/where.md:7: error: jurisdictions: "UK" is not the ISO 3166 code of this country; write "GB"',
        f'cases/where.md:7: error: jurisdictions: "XX" is not a known jurisdiction; {JURISDICTION_HELP}',
        'cases/where.md:7: error: jurisdictions: write codes in capital letters: "DE"',
    ]
    assert published(repository) == ["cases/good.md"]


def test_impossible_dates_are_reported_on_their_line(make_project: ProjectFactory) -> None:
    """February 30th, month 13 and one-digit months are refused, each with what to write."""
    repository = check(
        make_project,
        {
            **GOOD,
            "cases/feb30.md": case(("date: 2011-10-04", "date: 2019-02-30")),
            "cases/month13.md": case(("end_date: 2011-10-06", "end_date: 2011-13")),
            "cases/short-form.md": case(("date: 2011-10-04", "date: 2011-2-3")),
        },
    )
    assert messages(repository) == [
        'cases/feb30.md:4: error: date: "2019-02-30" is not a valid date: February 2019 has 28 days; write a '
        "date that exists, as YYYY or YYYY-MM or YYYY-MM-DD",
        'cases/month13.md:5: error: end_date: "2011-13" is not a valid date: there is no month 13; write the '
        "date as YYYY or YYYY-MM or YYYY-MM-DD",
        'cases/short-form.md:4: error: date: "2011-2-3" is not a valid date: write the month and the day with '
        'two digits: "2011-02-03"',
    ]
    assert published(repository) == ["cases/good.md"]


def test_year_zero_is_reported_not_a_crash(make_project: ProjectFactory) -> None:
    """A date in year 0000 is a content mistake with a message, not a traceback."""
    repository = check(make_project, {**GOOD, "cases/zero.md": case(("date: 2011-10-04", "date: 0000"))})
    assert messages(repository) == [
        'cases/zero.md:4: error: date: "0000" is not a valid date: there is no year 0000; write the date as YYYY '
        "or YYYY-MM or YYYY-MM-DD"
    ]
    assert published(repository) == ["cases/good.md"]


def test_end_date_before_date_is_refused(make_project: ProjectFactory) -> None:
    """An end before the start is reported on end_date, naming both dates."""
    repository = check(
        make_project, {**GOOD, "cases/backwards.md": case(("end_date: 2011-10-06", "end_date: 2011-10-03"))}
    )
    assert messages(repository) == [
        "cases/backwards.md:5: error: end_date: the end date 2011-10-03 is before the start date 2011-10-04; "
        "check both"
    ]
    assert published(repository) == ["cases/good.md"]


def test_end_date_of_lower_precision_in_the_same_year_is_accepted(make_project: ProjectFactory) -> None:
    """end_date 2011 can mean a day after 2011-10-04, so it is not "before" it."""
    repository = check(make_project, {"cases/vague.md": case(("end_date: 2011-10-06", "end_date: 2011"))})
    assert messages(repository) == []


def test_end_date_with_ongoing_outcome_is_refused(make_project: ProjectFactory) -> None:
    """An ongoing case cannot have ended yet."""
    repository = check(
        make_project, {**GOOD, "cases/ongoing.md": case(("outcome: success", "outcome: ongoing"))}
    )
    assert messages(repository) == [
        'cases/ongoing.md:5: error: end_date: the outcome is "ongoing", so there is no end date yet; delete '
        "end_date or change the outcome"
    ]
    assert published(repository) == ["cases/good.md"]


def test_non_web_source_addresses_are_refused(make_project: ProjectFactory) -> None:
    """ftp: and javascript: addresses are refused, each on its own line."""
    sources = (
        "url: https://en.wikipedia.org/wiki/Example",
        "url: ftp://example.org/file\n  - title: Two\n    url: javascript:alert(1)",
    )
    repository = check(make_project, {**GOOD, "cases/links.md": case(sources)})
    assert messages(repository) == [
        f'cases/links.md:13: error: sources[1].url: "ftp://example.org/file" {NOT_A_WEB_ADDRESS}',
        f'cases/links.md:15: error: sources[2].url: "javascript:alert(1)" {NOT_A_WEB_ADDRESS}',
    ]
    assert published(repository) == ["cases/good.md"]


def test_address_with_a_hidden_line_break_is_refused(make_project: ProjectFactory) -> None:
    """A line break or tab inside an address is refused (and shown escaped), not silently dropped."""
    url = (
        "url: https://en.wikipedia.org/wiki/Example",
        'url: "https://en.wikipedia.org/wiki/Ex\\n::error::x\\ty"',
    )
    repository = check(make_project, {**GOOD, "cases/broken-link.md": case(url)})
    assert messages(repository) == [
        'cases/broken-link.md:13: error: sources[1].url: "https://en.wikipedia.org/wiki/Ex\\n::error::x\\ty" is '
        "not a web address: it contains a space or a line break; write the address on one line, with %20 for a "
        "space"
    ]
    assert published(repository) == ["cases/good.md"]


def test_email_address_in_contributors_is_refused(make_project: ProjectFactory) -> None:
    """An e-mail address is never accepted where a pseudonymous handle belongs."""
    text = case(("published:", "contributors: [someone@example.org, Good_User]\npublished:"))
    repository = check(make_project, {**GOOD, "cases/email.md": text})
    assert messages(repository) == [
        "cases/email.md:14: error: contributors: this looks like an e-mail address; write a pseudonymous handle "
        "(such as a wiki user name) instead: e-mail addresses are never published"
    ]
    assert published(repository) == ["cases/good.md"]


def test_html_in_plain_text_fields_is_refused(make_project: ProjectFactory) -> None:
    """A <script> tag or an &amp; reference in plain text is refused with what to write."""
    text = case(
        (TITLE, "title: A <script>alert(1)</script> law"),
        ("summary: The community", "summary: Tom &amp; the community"),
    )
    repository = check(make_project, {**GOOD, "cases/markup.md": text})
    assert messages(repository) == [
        'cases/markup.md:2: error: title: found the markup "<script>"; write plain text, without HTML tags',
        'cases/markup.md:3: error: summary: found the HTML character reference "&amp;"; write the character '
        "itself",
    ]
    assert published(repository) == ["cases/good.md"]


def test_less_than_signs_and_ampersands_in_text_are_accepted(make_project: ProjectFactory) -> None:
    """Ordinary text such as "a<b, AT&T" is not mistaken for markup."""
    repository = check(make_project, {"cases/plain.md": case((TITLE, "title: Why a<b, and AT&T, matter"))})
    assert messages(repository) == []


# --- Files and ids across the repository ----------------------------------------------------------------


def test_duplicate_ids_are_refused(make_project: ProjectFactory) -> None:
    """foo.md and foo.en.md are two English files of one case: one message, and the case is left out."""
    repository = check(make_project, {**GOOD, "cases/foo.md": VALID_CASE, "cases/foo.en.md": VALID_CASE})
    assert messages(repository) == [
        'cases/foo.md: error: cases/foo.en.md is already the en version of the case "foo"; keep one of the two '
        "files",
    ]
    assert published(repository) == ["cases/good.md"]


def test_two_originals_of_one_case_are_refused(make_project: ProjectFactory) -> None:
    """Two files carrying full metadata for one id are both refused, with how to fix it."""
    repository = check(make_project, {**GOOD, "cases/foo.md": VALID_CASE, "cases/foo.fr.md": VALID_CASE})
    several = (
        "error: the case has several originals (cases/foo.fr.md, cases/foo.md); keep the metadata in the one "
        "written first and turn the others into translations (title, summary and a translation: field)"
    )
    assert messages(repository) == [f"cases/foo.fr.md: {several}", f"cases/foo.md: {several}"]
    assert published(repository) == ["cases/good.md"]


def test_translation_without_original_is_refused(make_project: ProjectFactory) -> None:
    """A translation whose original does not exist says which file to add."""
    repository = check(make_project, {**GOOD, "cases/foo.fr.md": VALID_TRANSLATION_FR})
    assert messages(repository) == [
        "cases/foo.fr.md: error: this translation has no original: add cases/foo.md (or "
        "cases/foo.<language>.md) with the case's full metadata"
    ]
    assert published(repository) == ["cases/good.md"]


def test_unknown_language_suffix_is_refused(make_project: ProjectFactory) -> None:
    """foo.de.md on a site without German names the site languages."""
    repository = check(make_project, {**GOOD, "cases/foo.de.md": VALID_CASE})
    assert messages(repository) == [
        'cases/foo.de.md: error: ".de" is not a site language; the languages are en, fr, ar (add a language in '
        "mkdocs.yml first)"
    ]
    assert published(repository) == ["cases/good.md"]


def test_related_cases_must_exist_and_not_be_the_case_itself(make_project: ProjectFactory) -> None:
    """related and inspired_by naming a missing case, or the case itself, are reported on their lines."""
    text = case(("published:", "related: [foo, missing-case]\ninspired_by: [nope]\npublished:"))
    repository = check(make_project, {**GOOD, "cases/foo.md": text})
    assert messages(repository) == [
        "cases/foo.md:14: error: related: a case cannot name itself; remove it",
        'cases/foo.md:14: error: related: there is no case "missing-case" (no file cases/missing-case.md or '
        "cases/missing-case.<language>.md); check the id",
        'cases/foo.md:15: error: inspired_by: there is no case "nope" (no file cases/nope.md or '
        "cases/nope.<language>.md); check the id",
    ]
    assert published(repository) == ["cases/good.md"]


def test_stray_files_and_folders_are_reported_not_skipped(make_project: ProjectFactory) -> None:
    """A .MD file, a notes.txt and a subfolder are each reported; nothing is silently left out."""
    repository = check(
        make_project,
        {**GOOD, "cases/foo.MD": VALID_CASE, "cases/notes.txt": "to do\n", "cases/drafts/bar.md": VALID_CASE},
    )
    assert messages(repository) == [
        "cases/drafts/: error: folders inside cases/ are not read (except media/ and vocabularies/); move its case "
        "files directly into cases/",
        'cases/foo.MD: error: case files end in ".md"; rename it to foo.md (or <id>.<language>.md)',
        "cases/notes.txt: error: cases/ holds only case files (<id>.md or <id>.<language>.md), media/ and "
        "vocabularies/; move this file (images go in cases/media/)",
    ]
    assert published(repository) == ["cases/good.md"]


def test_translation_carrying_metadata_is_refused_with_hint(make_project: ProjectFactory) -> None:
    """A date in a translation is refused with where metadata belongs; the original is still published."""
    translation = VALID_TRANSLATION_FR.replace("translation:", "date: 2011-10-04\ntranslation:")
    repository = check(make_project, {"cases/a-case.md": VALID_CASE, "cases/a-case.fr.md": translation})
    assert messages(repository) == [
        'cases/a-case.fr.md:4: error: date: unknown field "date"; a translation carries only title, summary and '
        "translation; the other fields belong in the original file of the case, which holds the metadata for "
        "every language"
    ]
    assert published(repository) == ["cases/a-case.md"]


# --- The body -------------------------------------------------------------------------------------------


def test_translation_with_french_headings_is_recognised(make_project: ProjectFactory) -> None:
    """A French translation uses French section names; a missing one is named in French."""
    incomplete = VALID_TRANSLATION_FR.replace("\n## Leçons\n\nLeçons.\n", "")
    repository = check(
        make_project,
        {
            "cases/a-case.md": VALID_CASE,
            "cases/a-case.fr.md": VALID_TRANSLATION_FR,
            "cases/b-case.md": VALID_CASE,
            "cases/b-case.fr.md": incomplete,
        },
    )
    assert messages(repository) == [
        'cases/b-case.fr.md: error: the section "Leçons" is missing; add a heading "## Leçons" with why it worked '
        "or failed, the risks, and advice for others"
    ]
    assert published(repository) == ["cases/a-case.fr.md", "cases/a-case.md", "cases/b-case.md"]


def test_missing_sections_are_each_named(make_project: ProjectFactory) -> None:
    """Each missing section is named with the heading to add and what it holds."""
    text = case(("## Actions\n\nWhat was done.\n\n", ""), ("## Lessons", "## Lesson"))
    repository = check(make_project, {**GOOD, "cases/gaps.md": text})
    assert messages(repository) == [
        'cases/gaps.md: error: the section "Actions" is missing; add a heading "## Actions" with what the advocates '
        "did, when, and with whom",
        'cases/gaps.md: error: the section "Lessons" is missing; add a heading "## Lessons" with why it worked or '
        "failed, the risks, and advice for others",
    ]
    assert published(repository) == ["cases/good.md"]


def test_sections_out_of_order_are_reported(make_project: ProjectFactory) -> None:
    """Sections in the wrong order are reported with the order to use."""
    swapped = case(
        (
            "## Context\n\nWhy it mattered.\n\n## Actions\n\nWhat was done.",
            "## Actions\n\nWhat was done.\n\n## Context\n\nWhy it mattered.",
        )
    )
    repository = check(make_project, {**GOOD, "cases/order.md": swapped})
    assert messages(repository) == [
        "cases/order.md:17: error: put the sections in this order: Context, Actions, Outcome, Lessons"
    ]
    assert published(repository) == ["cases/good.md"]


def test_level_one_heading_in_body_is_refused(make_project: ProjectFactory) -> None:
    """A "# Title" in the body is refused on its line: the title comes from the title field."""
    repository = check(make_project, {**GOOD, "cases/h1.md": case(("## Context", "# My case\n\n## Context"))})
    assert messages(repository) == [
        'cases/h1.md:17: error: remove the level-1 heading "# My case": the page title comes from the title field; '
        "sections start with ##"
    ]
    assert published(repository) == ["cases/good.md"]


def test_headings_inside_fenced_code_are_not_counted(make_project: ProjectFactory) -> None:
    """A "## Actions" inside a code block is not the section, and a "# comment" there is not a heading."""
    fenced = case(
        ("## Actions\n\nWhat was done.", "```markdown\n## Actions\n```\n\n~~~sh\n# a shell comment\n~~~")
    )
    repository = check(make_project, {**GOOD, "cases/fenced.md": fenced})
    assert messages(repository) == [
        'cases/fenced.md: error: the section "Actions" is missing; add a heading "## Actions" with what the '
        "advocates did, when, and with whom"
    ]
    assert published(repository) == ["cases/good.md"]


# --- Images and media -----------------------------------------------------------------------------------


def with_image(markdown: str) -> str:
    return case(("What was done.", markdown))


def test_image_in_media_is_accepted(make_project: ProjectFactory) -> None:
    """An image of cases/media/ with a text alternative is published with its case."""
    repository = check(
        make_project,
        {
            "cases/pics.md": with_image("![A crowd in front of parliament](media/crowd.png)"),
            "cases/media/crowd.png": PNG,
        },
    )
    assert messages(repository) == []
    assert repository.published_media() == ["cases/media/crowd.png"]


def test_image_without_alt_text_is_refused(make_project: ProjectFactory) -> None:
    """An image with empty brackets is refused on its line, with how to describe it."""
    repository = check(
        make_project,
        {
            "cases/good.md": with_image("![A crowd in front of parliament](media/crowd.png)"),
            "cases/pics.md": with_image("![](media/crowd.png)"),
            "cases/media/crowd.png": PNG,
        },
    )
    assert messages(repository) == [
        'cases/pics.md:23: error: the image "media/crowd.png" has no text alternative; describe it between the '
        "brackets: ![what the image shows](media/crowd.png)"
    ]
    assert published(repository) == ["cases/good.md"]


def test_external_image_is_refused(make_project: ProjectFactory) -> None:
    """An image loaded from another site is refused: the site loads nothing from elsewhere."""
    repository = check(
        make_project, {**GOOD, "cases/pics.md": with_image("![A crowd](https://example.org/crowd.png)")}
    )
    assert messages(repository) == [
        'cases/pics.md:23: error: "https://example.org/crowd.png" is not in the repository; put the image in '
        "cases/media/ and write ![description](media/<file name>) (the site loads nothing from other sites)"
    ]
    assert published(repository) == ["cases/good.md"]


def test_external_image_in_angle_brackets_is_refused(make_project: ProjectFactory) -> None:
    """An address written <like this> with a space in it is still seen as an image from another site."""
    repository = check(
        make_project, {**GOOD, "cases/pics.md": with_image("![A crowd](<https://example.org/a b.png>)")}
    )
    assert messages(repository) == [
        'cases/pics.md:23: error: "https://example.org/a b.png" is not in the repository; put the image in '
        "cases/media/ and write ![description](media/<file name>) (the site loads nothing from other sites)"
    ]
    assert published(repository) == ["cases/good.md"]


def test_missing_media_file_is_refused(make_project: ProjectFactory) -> None:
    """An image pointing at a file that is not in cases/media/ is refused on its line."""
    repository = check(make_project, {**GOOD, "cases/pics.md": with_image("![A crowd](media/nope.png)")})
    assert messages(repository) == [
        'cases/pics.md:23: error: the image "media/nope.png" does not exist; write media/<file name> for a file of '
        "cases/media/"
    ]
    assert published(repository) == ["cases/good.md"]


def test_oversized_media_file_is_refused(make_project: ProjectFactory) -> None:
    """An image over 200 KiB is refused with its size and the limit."""
    big = PNG + bytes(250 * 1024 - len(PNG))
    repository = check(make_project, {**GOOD, "cases/media/big.png": big})
    assert messages(repository) == [
        "cases/media/big.png: error: the image is 256,000 bytes; the limit is 204,800 bytes so pages stay light on slow "
        "connections: reduce its size or compress it"
    ]
    assert repository.published_media() == []


def test_unused_media_file_is_a_warning(make_project: ProjectFactory) -> None:
    """An image no case shows is a warning: the case next to it is still published."""
    repository = check(make_project, {**GOOD, "cases/media/crowd.png": PNG})
    assert messages(repository) == [
        "cases/media/crowd.png: warning: no case shows this image, so it is not published; use it in a "
        "case or delete it"
    ]
    assert published(repository) == ["cases/good.md"]
    assert repository.error_count == 0


def test_image_of_a_refused_case_is_not_published(make_project: ProjectFactory) -> None:
    """An image shown only by a refused case is not copied into the site."""
    repository = check(
        make_project, {"cases/pics.md": with_image("![](media/crowd.png)"), "cases/media/crowd.png": PNG}
    )
    assert published(repository) == []
    assert repository.published_media() == []


def test_oversized_image_shown_by_a_case_is_not_called_missing(make_project: ProjectFactory) -> None:
    """A case showing an image that is too large is not told that the image does not exist."""
    big = PNG + bytes(250 * 1024 - len(PNG))
    repository = check(
        make_project, {"cases/pics.md": with_image("![A crowd](media/big.png)"), "cases/media/big.png": big}
    )
    assert not any("does not exist" in message for message in messages(repository))
