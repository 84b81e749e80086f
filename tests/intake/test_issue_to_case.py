"""`advocacy issue-to-case` on realistic issue bodies: complete, incomplete, hostile, and with a non-Latin title."""

from __future__ import annotations

import subprocess
from pathlib import Path

from advocacy.intake.issue_to_case import slug
from tests.support.paths import ADVOCACY, FIXTURES
from tests.support.project import ProjectFactory

COMPLETE = (FIXTURES / "case-issue.md").read_text(encoding="utf-8")


def _run(root: Path, body: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ADVOCACY), "issue-to-case", "-", *args],
        cwd=root,
        input=body,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_complete_issue_becomes_a_valid_case(make_project: ProjectFactory) -> None:
    """The answers become the fields and sections of a case that passes every check."""
    project = make_project({})
    result = _run(project.root, COMPLETE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == (
        "The case file `cases/blackout-of-the-italian-wikipedia-2011.md` was made from this issue.\n"
        "It passes every check and can be reviewed.\n"
    )
    text = (project.root / "cases/blackout-of-the-italian-wikipedia-2011.md").read_text(encoding="utf-8")
    assert 'organizations: ["wikimedia-italia"]\n' in text
    assert 'contributors: ["Someone"]\n' in text  # the handle only, never more
    assert "## Lessons\n\nWhat we learned.\n" in text


def test_an_incomplete_issue_lists_what_to_fill_in(make_project: ProjectFactory) -> None:
    """Empty required answers and missing consent are listed in plain words; no file without a title."""
    body = COMPLETE.replace("Blackout of the Italian Wikipedia (2011)", "_No response_").replace(
        "- [X] It", "- [ ] It"
    )
    project = make_project({})
    result = _run(project.root, body)
    assert result.returncode == 1
    assert '- "Title" is empty: fill it in.\n' in result.stdout
    assert (
        '- Both boxes under "Publication" must be ticked before the case can be published.\n' in result.stdout
    )
    assert list((project.root / "cases").glob("*.md")) == []


def test_a_hostile_issue_is_reported_not_published(make_project: ProjectFactory) -> None:
    """Markup in the answers is refused by the validator; the YAML stays data."""
    body = COMPLETE.replace(
        "Why it mattered.", "Why <script>alert(1)</script> [x](javascript:alert(1))"
    ).replace("2011-10-04", '2011-10-04"\ninjected: true')
    project = make_project({})
    result = _run(project.root, body)
    assert result.returncode == 1
    assert "- raw HTML (<script>) is not published" in result.stdout
    assert '"javascript:alert(1)" is not an address a reader can follow safely' in result.stdout
    text = next((project.root / "cases").glob("*.md")).read_text(encoding="utf-8")
    assert "\ninjected: true" not in text


def test_a_title_in_another_script_needs_an_id(make_project: ProjectFactory) -> None:
    """An Arabic title gives no file name: the report says to give --id, and --id makes the file."""
    body = COMPLETE.replace("Blackout of the Italian Wikipedia (2011)", "حجب ويكيبيديا الإيطالية")
    project = make_project({})
    result = _run(project.root, body)
    assert result.returncode == 1
    assert "The title is not in Latin script" in result.stdout
    assert _run(project.root, body, "--id", "italian-blackout-2011").returncode == 0
    assert (project.root / "cases/italian-blackout-2011.md").is_file()


def test_ids_come_from_latin_titles() -> None:
    """Accents are dropped, words joined with hyphens; a title without enough Latin letters gives none."""
    assert slug("Blocage de Wikipédia en Turquie (2017)") == "blocage-de-wikipedia-en-turquie-2017"
    assert slug("حجب ويكيبيديا 2017") is None


def test_each_line_of_sources_is_one_source(make_project: ProjectFactory) -> None:
    """A source title may hold commas; list markers are dropped."""
    body = COMPLETE.replace(
        "An article https://en.wikipedia.org/wiki/Example",
        "- Directive 2019/790, Article 17 https://eur-lex.europa.eu/eli/dir/2019/790/oj\n- An article https://en.wikipedia.org/wiki/Example",
    )
    project = make_project({})
    assert _run(project.root, body).returncode == 0
    text = next((project.root / "cases").glob("*.md")).read_text(encoding="utf-8")
    assert (
        '  - title: "Directive 2019/790, Article 17"\n    url: "https://eur-lex.europa.eu/eli/dir/2019/790/oj"\n'
        in text
    )


def test_an_id_that_is_not_a_case_id_writes_nothing(make_project: ProjectFactory) -> None:
    """--id with a path (../, /, a folder) is a usage error: no file is written, in cases/ or anywhere."""
    project = make_project({})
    outside = project.root.parent / "pwned.md"
    for case_id in ("../pwned", "../../var/pwned", "/var/pwned", "sub/dir", "Case", "a..b", ""):
        result = _run(project.root, COMPLETE, "--id", case_id)
        assert result.returncode == 2, case_id
        assert result.stderr.startswith(
            f'advocacy issue-to-case: --id: "{case_id}" is not a case id: write '
        ), case_id
    assert not outside.exists()
    assert sorted(p.name for p in project.cases_dir.iterdir()) == ["vocabularies"]


def test_the_report_of_a_hostile_issue_holds_no_workflow_command(make_project: ProjectFactory) -> None:
    """An organization named "::set-output ..." or "##[...]" is quoted in the report, but no line of it can be
    read as a workflow command by the runner that prints it."""
    body = COMPLETE.replace(
        "Wikimedia Italia", "Wikimedia Italia\n::set-output name=status::0, ##[set-output name=status;]0"
    )
    result = _run(make_project({}).root, body)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any("set-output" in line for line in lines)
    assert not [line for line in lines if line.strip().startswith("::") or "##[" in line]
