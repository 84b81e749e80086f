"""Fast unit tests of the core: dates, the strict YAML reader, the body scanner, jurisdictions, report formats."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from advocacy.content.dates import DateError, PartialDate, parse_date
from advocacy.content.jurisdictions import check_jurisdiction
from advocacy.reading.body import Heading, Image, scan
from advocacy.reading.problems import (
    Problem,
    Severity,
    format_github,
    format_json,
    format_text,
    sort_problems,
)
from advocacy.reading.strict_yaml import Mapping, Scalar, Sequence, YamlError, describe, parse

FORUMS = frozenset({"wipo"})

# --- dates.parse_date -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("2012", PartialDate(2012), "year"),
        ("2012-05", PartialDate(2012, 5), "month"),
        ("2012-05-06", PartialDate(2012, 5, 6), "day"),
        (" 2012-05-06 ", PartialDate(2012, 5, 6), "day"),
        ("2020-02-29", PartialDate(2020, 2, 29), "day"),
    ],
)
def test_parse_date_accepts_year_month_and_day(text: str, date: PartialDate, precision: str) -> None:
    """A date can be known to the year, the month or the day, and prints back as written."""
    parsed = parse_date(text)
    assert parsed == date
    assert parsed.precision == precision
    assert str(parsed) == text.strip()


def test_partial_date_spans_the_days_it_can_mean() -> None:
    """A year or a month means a range of days, used to compare end_date with date."""
    assert (PartialDate(2012).first_day, PartialDate(2012).last_day) == (
        dt.date(2012, 1, 1),
        dt.date(2012, 12, 31),
    )
    assert (PartialDate(2012, 2).first_day, PartialDate(2012, 2).last_day) == (
        dt.date(2012, 2, 1),
        dt.date(2012, 2, 29),
    )


def test_partial_dates_sort_by_earliest_day_less_precise_first() -> None:
    """Cases sort by date whatever its precision: 2012 < 2012-01 < 2012-01-01 < 2012-05 < 2013."""
    dates = [
        PartialDate(2013),
        PartialDate(2012, 5),
        PartialDate(2012, 1, 1),
        PartialDate(2012),
        PartialDate(2012, 1),
    ]
    assert [str(d) for d in sorted(dates)] == ["2012", "2012-01", "2012-01-01", "2012-05", "2013"]
    assert PartialDate(2012) < PartialDate(2012, 5)
    assert PartialDate(2012, 12, 31) <= PartialDate(2013)
    assert PartialDate(2013) > PartialDate(2012, 12, 31)


@pytest.mark.parametrize(
    ("text", "precisions", "message"),
    [
        ("04/10/2011", ("year", "month", "day"), "write the date as YYYY or YYYY-MM or YYYY-MM-DD"),
        ("2011-10", ("day",), "write the date as YYYY-MM-DD"),
        ("2019-02-30", ("day",), "February 2019 has 28 days; write a date that exists, as YYYY-MM-DD"),
        ("2019-13", ("year", "month"), "there is no month 13; write the date as YYYY or YYYY-MM"),
        ("2019-00-10", ("day",), "there is no month 0; write the date as YYYY-MM-DD"),
        ("2019-2-3", ("day",), 'write the month and the day with two digits: "2019-02-03"'),
        ("2019-2", ("year", "month"), 'write the month with two digits: "2019-02"'),
        ("2019-2-30", ("day",), "February 2019 has 28 days; write a date that exists, as YYYY-MM-DD"),
        ("0000", ("year",), "there is no year 0000; write the date as YYYY"),
        ("12019", ("year",), "write the date as YYYY"),
    ],
)
def test_parse_date_errors_say_what_to_write(text: str, precisions: tuple[str, ...], message: str) -> None:
    """A wrong date is refused with the accepted forms, or why the date does not exist."""
    with pytest.raises(DateError) as caught:
        parse_date(text, precisions)
    assert str(caught.value) == message


# --- strict_yaml.parse ----------------------------------------------------------------------------------


def test_parse_keeps_text_as_written_and_what_yaml_would_read() -> None:
    """Every scalar keeps its source text, its YAML 1.1 type, whether it was quoted, and its line."""
    node = parse(
        "title: no\ncode: 0123\nversion: 1.10\nday: 2019-02-30\nempty: ~\nquoted: 'no'\nlist: [x, 2]\n"
    )
    assert isinstance(node, Mapping)
    assert node.items == {
        "title": Scalar("no", "bool", False, 1),
        "code": Scalar("0123", "int", False, 2),
        "version": Scalar("1.10", "float", False, 3),
        "day": Scalar("2019-02-30", "timestamp", False, 4),
        "empty": Scalar("~", "null", False, 5),
        "quoted": Scalar("no", "str", True, 6),
        "list": Sequence([Scalar("x", "str", False, 7), Scalar("2", "int", False, 7)], 7),
    }
    assert node.key_lines == {
        "title": 1,
        "code": 2,
        "version": 3,
        "day": 4,
        "empty": 5,
        "quoted": 6,
        "list": 7,
    }


def test_describe_says_what_yaml_made_of_a_value() -> None:
    """Messages show a surprising value next to what YAML 1.1 reads it as."""
    assert describe(Scalar("no", "bool", False, 1)) == "no, which YAML reads as the boolean false"
    assert describe(Scalar("0123", "int", False, 1)) == "0123, which YAML reads as the number 83"
    assert describe(Scalar("1.10", "float", False, 1)) == "1.10, which YAML reads as the number 1.1"
    assert describe(Scalar("12", "int", False, 1)) == "the number 12"
    assert describe(Scalar("~", "null", False, 1)) == "nothing (an empty value)"
    assert describe(Sequence([], 1)) == "a list"


def test_parse_empty_document_is_none() -> None:
    """An empty frontmatter, or one with only a comment, has no fields."""
    assert parse("") is None
    assert parse("# a comment\n") is None


def test_parse_nested_mapping_keeps_key_lines() -> None:
    """Fields of a source are reported on their own lines."""
    node = parse("sources:\n  - title: A\n    url: https://example.org/\n")
    assert isinstance(node, Mapping)
    sources = node.items["sources"]
    assert isinstance(sources, Sequence)
    source = sources.items[0]
    assert isinstance(source, Mapping)
    assert source.key_lines == {"title": 2, "url": 3}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "a: &x 1\nb: *x\n",
            1,
            'found the anchor "&x"; anchors and aliases are not allowed here: write values out',
        ),
        ("a: 1\nb: *x\n", 2, 'found the alias "*x"; aliases are not allowed here: write the value out'),
        (
            "a: 1\nb: !!python/object/apply:os.system [ls]\n",
            2,
            'found the YAML tag "!!python/object/apply:os.system"; tags are not allowed here: write plain values, '
            "and put text in quotes",
        ),
        (
            "a: !custom x\n",
            1,
            'found the YAML tag "!custom"; tags are not allowed here: write plain values, and put text in quotes',
        ),
        (
            "a: 1\nb: 2\na: 3\n",
            3,
            'the key "a" appears twice (first on line 1); keep one and merge the values',
        ),
        (
            "a: 1\n---\nb: 2\n",
            2,
            'found a second YAML document (a line "---" or "..." inside the frontmatter); keep one block of fields',
        ),
        ("[a]: 1\n", 1, "found a list or mapping used as a key; keys must be plain names"),
    ],
)
def test_parse_refuses_what_strict_yaml_forbids(text: str, line: int, message: str) -> None:
    """Anchors, aliases, tags, duplicate keys, second documents and complex keys are refused with their line."""
    with pytest.raises(YamlError) as caught:
        parse(text)
    assert (caught.value.line, caught.value.message) == (line, message)


def test_parse_refuses_billion_laughs_at_the_first_anchor() -> None:
    """An alias bomb is refused before anything is expanded."""
    bomb = 'a: &a ["lol", "lol"]\nb: &b [*a, *a]\nc: &c [*b, *b]\n'
    with pytest.raises(YamlError) as caught:
        parse(bomb)
    assert caught.value.line == 1


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            'a: "open\nb: 1\nc: 2\n',
            1,
            "the YAML cannot be read: the quoted text that starts on this line has no closing quotation mark; "
            "end the text with the same quotation mark it starts with",
        ),
        (
            "a: 1\nb: [x, y\nc: 2\n",
            2,
            'the YAML cannot be read: the list that opens with "[" on this line is not closed where expected; '
            'close it with "]", and put items that contain ", " or ": " in quotes',
        ),
        (
            "a: {en: x\nb: 2\n",
            1,
            'the YAML cannot be read: the mapping that opens with "{" on this line is not closed where expected; '
            'close it with "}", and put items that contain ", " or ": " in quotes',
        ),
        (
            'a: 1\nb: "C:\\q"\n',
            2,
            "the YAML cannot be read (found unknown escape character): in text between double quotes a backslash "
            "starts an escape; write \\\\ for a backslash, or put the text between single quotes",
        ),
        (
            "a: 1\nb: x: y\n",
            2,
            "the YAML cannot be read (mapping values are not allowed in this context). Check the indentation and "
            'quote text that contains ": ", "#", or starts with a special character such as "[", "{", "*", "&", '
            '"!", "%", "@" or "`"',
        ),
        (
            "a: 1\nb: x\x80\n",
            2,
            "the YAML cannot be read: this line holds the character U+0080 (CONTROL CHARACTER); delete it",
        ),
    ],
)
def test_parse_syntax_errors_name_the_line_to_fix(text: str, line: int, message: str) -> None:
    """A syntax error names the line where the quote or bracket was opened, in words a contributor can act on."""
    with pytest.raises(YamlError) as caught:
        parse(text)
    assert (caught.value.line, caught.value.message) == (line, message)


# --- body.scan ------------------------------------------------------------------------------------------


def test_scan_finds_headings_with_their_file_lines() -> None:
    """Headings are found with their level, text and line of the file (the body starts on line 10)."""
    body = "## Context\n\ntext\n\n### Detail\n#NotAHeading\n    ## indented code\n"
    headings, images = scan(body, 10)
    assert headings == [Heading(2, "Context", 10), Heading(3, "Detail", 14)]
    assert images == []


def test_scan_strips_closing_hashes_and_attribute_lists() -> None:
    """ "## Context ##" and "## Context {#ctx}" both name the section Context; "C#" keeps its hash."""
    headings, _ = scan("## Context ##\n## Actions {#what-we-did}\n## Outcome ## {#end}\n## C#\n", 1)
    assert [h.text for h in headings] == ["Context", "Actions", "Outcome", "C#"]


def test_scan_ignores_headings_and_images_inside_fences() -> None:
    """``` and ~~~ fences hide headings and images until a matching closing fence."""
    body = "\n".join(
        [
            "```markdown",
            "## Inside backticks",
            "~~~",
            "## Still inside: a ~~~ does not close a ``` fence",
            "```",
            "~~~~ sh",
            "# comment",
            "![x](inside.png)",
            "~~~",
            "## Still inside: a shorter fence does not close it",
            "~~~~",
            "## Outside",
        ]
    )
    headings, images = scan(body, 1)
    assert headings == [Heading(2, "Outside", 12)]
    assert images == []


def test_scan_backtick_line_with_backticks_in_info_is_not_a_fence() -> None:
    """A line such as ```py`x``` is inline code, not a fence, so later headings still count."""
    headings, _ = scan("```a`b```\n## Context\n", 1)
    assert headings == [Heading(2, "Context", 2)]


def test_scan_finds_images_but_not_inside_inline_code() -> None:
    """Images are found with alt text, source and line; one inside `inline code` is text."""
    body = 'See ![A crowd](media/crowd.png "title") and `![code](media/no.png)`.\n\n![](media/photo_(2019).png)\n'
    _, images = scan(body, 5)
    assert images == [Image("A crowd", "media/crowd.png", 5), Image("", "media/photo_(2019).png", 7)]


def test_scan_finds_images_with_angle_bracket_destinations() -> None:
    """<...> destinations may hold spaces; such an image from another site must still be seen."""
    _, images = scan("![x](<https://example.org/a b.png>) ![y](<media/my photo.png> 'title')\n", 1)
    assert images == [Image("x", "https://example.org/a b.png", 1), Image("y", "media/my photo.png", 1)]


def test_scan_reports_level_one_headings() -> None:
    """A level-1 heading is found so the validator can refuse it."""
    headings, _ = scan("# Title\n## Context\n", 1)
    assert headings == [Heading(1, "Title", 1), Heading(2, "Context", 2)]


# --- jurisdictions.check_jurisdiction -------------------------------------------------------------------


@pytest.mark.parametrize("code", ["GB", "DE", "ES-CT", "EU", "wipo"])
def test_known_jurisdictions_are_accepted(code: str) -> None:
    """Countries, subdivisions, the EU and forums of forums.yml are jurisdictions."""
    assert check_jurisdiction(code, FORUMS) is None


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("UK", '"UK" is not the ISO 3166 code of this country; write "GB"'),
        ("EL", '"EL" is not the ISO 3166 code of this country; write "GR"'),
        ("de", 'write codes in capital letters: "DE"'),
        ("es-ct", 'write codes in capital letters: "ES-CT"'),
        ("WIPO", 'write forum ids in small letters: "wipo"'),
        (
            "wip",
            '"wip" is not a known jurisdiction (did you mean "wipo"?); write an ISO 3166-1 alpha-2 country code '
            "(DE), an ISO 3166-2 subdivision code (ES-CT), EU, or a forum id of cases/vocabularies/forums.yml",
        ),
        (
            "XX",
            '"XX" is not a known jurisdiction; write an ISO 3166-1 alpha-2 country code (DE), an ISO 3166-2 '
            "subdivision code (ES-CT), EU, or a forum id of cases/vocabularies/forums.yml",
        ),
    ],
)
def test_unknown_jurisdictions_say_what_to_write(code: str, message: str) -> None:
    """A wrong code is told the right one when there is one."""
    assert check_jurisdiction(code, FORUMS) == message


# --- problems: text, GitHub annotations, JSON -----------------------------------------------------------

AWKWARD = Problem("cases/a,b:c%.md", 3, "sources[1].url", "50% done,\nnext: line")
WHOLE_FILE = Problem("cases/media/x.png", None, None, "unused", Severity.WARNING)


def test_problem_prints_as_compilers_do() -> None:
    """file:line: severity: field: message, so editors can jump to the line."""
    assert str(Problem("cases/a.md", 6, "outcome", "found x")) == "cases/a.md:6: error: outcome: found x"
    assert str(WHOLE_FILE) == "cases/media/x.png: warning: unused"


def test_problem_always_prints_on_one_line() -> None:
    """A line break from content is shown as \\n, so one problem is one line of the log."""
    assert str(AWKWARD) == "cases/a,b:c%.md:3: error: sources[1].url: 50% done,\\nnext: line"
    assert format_text([AWKWARD, WHOLE_FILE]).splitlines() == [str(AWKWARD), str(WHOLE_FILE)]


def test_format_github_escapes_annotations() -> None:
    """Properties escape % , : and line breaks; the message escapes % and line breaks."""
    lines = format_github([AWKWARD]).splitlines()
    assert (
        lines[0] == "::error file=cases/a%2Cb%3Ac%25.md,line=3,title=sources[1].url::50%25 done,%0Anext: line"
    )


def test_format_github_lists_every_problem_after_the_annotations() -> None:
    """GitHub shows ten annotations at most, so the full plain list follows in a group of the log."""
    problems = [Problem(f"cases/c{n:02d}.md", n, None, "wrong") for n in range(1, 13)] + [WHOLE_FILE]
    lines = format_github(problems).splitlines()
    annotations = [f"::error file=cases/c{n:02d}.md,line={n},title=content::wrong" for n in range(1, 13)]
    annotations.append("::warning file=cases/media/x.png,title=content::unused")
    assert lines == [*annotations, "::group::Every problem found", *map(str, problems), "::endgroup::"]


def test_format_github_plain_list_cannot_start_a_workflow_command() -> None:
    """A line break in content never puts "::command::" at the start of a log line."""
    sneaky = Problem("cases/a.md", 1, "title", 'found "x\n::error::forged"')
    lines = format_github([sneaky]).splitlines()
    assert [line for line in lines if line.startswith("::")] == [
        '::error file=cases/a.md,line=1,title=title::found "x%0A::error::forged"',
        "::group::Every problem found",
        "::endgroup::",
    ]


def test_format_github_without_problems_prints_nothing() -> None:
    """A clean run adds nothing to the log."""
    assert format_github([]) == ""


def test_format_json_gives_one_object_per_problem() -> None:
    """JSON output has file, line, field, message and severity for each problem."""
    assert json.loads(format_json([AWKWARD, WHOLE_FILE])) == [
        {
            "file": "cases/a,b:c%.md",
            "line": 3,
            "field": "sources[1].url",
            "message": "50% done,\nnext: line",
            "severity": "error",
        },
        {
            "file": "cases/media/x.png",
            "line": None,
            "field": None,
            "message": "unused",
            "severity": "warning",
        },
    ]


def test_sort_problems_orders_by_file_line_field_then_number_aware_message() -> None:
    """Whole-file problems come first in a file, and "column 9" comes before "column 11"."""
    problems = [
        Problem("b.md", 2, "title", "column 11 holds x"),
        Problem("b.md", 2, "title", "column 9 holds x"),
        Problem("b.md", None, None, "section missing"),
        Problem("a.md", 7, None, "z"),
        Problem("b.md", 1, "summary", "y"),
    ]
    assert [str(p) for p in sort_problems(problems)] == [
        "a.md:7: error: z",
        "b.md: error: section missing",
        "b.md:1: error: summary: y",
        "b.md:2: error: title: column 9 holds x",
        "b.md:2: error: title: column 11 holds x",
    ]
