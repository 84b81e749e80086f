"""Problems and their three reports: text as compilers print it, GitHub annotations, JSON."""

from __future__ import annotations

import json

import pytest

from advocacy.reading.problems import (
    Problem,
    Severity,
    format_github,
    format_json,
    format_text,
    log_line,
    sort_problems,
)

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
    token = lines[14].removeprefix("::stop-commands::")
    assert lines == [
        *annotations,
        "::group::Every problem found",
        f"::stop-commands::{token}",
        *map(str, problems),
        f"::{token}::",
        "::endgroup::",
    ]


def test_format_github_plain_list_cannot_start_a_workflow_command() -> None:
    """A line break in content never puts "::command::" at the start of a log line, and the plain list is
    read with workflow commands stopped, under a token drawn for each run."""
    sneaky = Problem("cases/a.md", 1, "title", 'found "x\n::error::forged"')
    lines = format_github([sneaky]).splitlines()
    token = lines[2].removeprefix("::stop-commands::")
    assert len(token) == 32 and token != format_github([sneaky]).splitlines()[2].removeprefix(
        "::stop-commands::"
    )
    assert [line for line in lines if line.startswith("::")] == [
        '::error file=cases/a.md,line=1,title=title::found "x%0A::error::forged"',
        "::group::Every problem found",
        f"::stop-commands::{token}",
        f"::{token}::",
        "::endgroup::",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "::error::forged",
        "  ::set-output name=status::0",
        "\u3000::add-mask::x",  # an ideographic space, which the runner trims too
        'found "##[set-output name=status;]0"',
        "a\n::error::forged",
    ],
)
def test_a_log_line_never_holds_a_workflow_command(text: str) -> None:
    """Contributor text printed in a CI log neither starts with "::" once spaces are trimmed, nor holds the
    runner's older "##[" command anywhere; its words read the same."""
    line = log_line(text)
    assert "\n" not in line
    assert not line.strip().startswith("::")
    assert "##[" not in line
    assert line.replace("\u2060", "") == text.replace("\n", "\\n")


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
