"""`advocacy issue-to-case` on realistic issue bodies, as the workflow runs it: complete, in another language,
incomplete, hostile, with a title in another script; the report in the form's words, the file kept only when
it passes, and the case then committed and built into the catalogue."""

from __future__ import annotations

import subprocess
from pathlib import Path

from advocacy.catalogue.records import build_catalogue
from advocacy.content.model import load_model
from advocacy.content.repository import load_repository
from advocacy.content.vocabularies import load_vocabularies
from advocacy.intake.issue_to_case import slug, sources_of, submission_from_issue
from advocacy.locales.strings import section_headings
from tests.support.git import commit_all, git, init_repository
from tests.support.paths import ADVOCACY, FIXTURES
from tests.support.project import ProjectFactory

COMPLETE = (FIXTURES / "case-issue.md").read_text(encoding="utf-8")

ARABIC = (
    COMPLETE.replace("English (en)", "العربية (ar)")
    .replace("Blackout of the Italian Wikipedia (2011)", "حجب ويكيبيديا الإيطالية (2011)")
    .replace("Why it mattered.", "لماذا كان الأمر مهما.")
    .replace("What was done.", "ما الذي فعلناه.")
    .replace("What happened.", "ما الذي حدث.")
    .replace("What we learned.", "ما الذي تعلمناه.")
)


def _run(root: Path, body: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ADVOCACY), "issue-to-case", "-", *args],
        cwd=root,
        input=body,
        capture_output=True,
        text=True,
        check=False,
    )


def _case_files(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "cases").glob("*.md"))


def test_a_complete_issue_becomes_a_valid_case_on_its_branch(make_project: ProjectFactory) -> None:
    """The workflow's path: the answers become a case that passes every check, committed on the branch."""
    project = make_project({})
    init_repository(project.root)
    git(project.root, "switch", "--quiet", "--create", "case/issue-7")
    result = _run(project.root, COMPLETE)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "The case file `cases/blackout-of-the-italian-wikipedia-2011.md` was made from this issue.\n"
        "It passes every check and can be reviewed.\n"
    )
    text = (project.root / "cases/blackout-of-the-italian-wikipedia-2011.md").read_text(encoding="utf-8")
    assert 'organizations: ["wikimedia-italia"]\n' in text
    assert 'contributors: ["Someone"]\n' in text  # the handle only, never more
    assert "## Lessons\n\nWhat we learned.\n" in text
    commit_all(project.root, "Add the case")
    assert git(project.root, "status", "--porcelain") == ""


def test_a_case_written_in_arabic_is_filed_as_an_arabic_original(make_project: ProjectFactory) -> None:
    """Language العربية (ar): the file is cases/<id>.ar.md with the Arabic section headings, and the catalogue
    (cases.json, the case page) gives Arabic as the original language. Its title gives no id: the maintainer is
    told to give one (not the submitter), and with --id the case is made."""
    project = make_project({})
    first = _run(project.root, ARABIC)
    assert first.returncode == 3
    assert first.stdout == ""
    assert first.stderr.startswith(
        "advocacy issue-to-case: for a maintainer: The title is not in Latin script"
    )
    assert "--id some-words" in first.stderr
    assert _case_files(project.root) == []
    result = _run(project.root, ARABIC, "--id", "italian-blackout-2011")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _case_files(project.root) == ["italian-blackout-2011.ar.md"]
    text = (project.root / "cases/italian-blackout-2011.ar.md").read_text(encoding="utf-8")
    headings = section_headings("ar")
    assert f"## {headings['context']}\n\nلماذا كان الأمر مهما.\n" in text
    assert "## Context" not in text
    record = build_catalogue(load_repository(project)).by_id["italian-blackout-2011"]
    assert record.original_language == "ar"
    assert list(record.versions) == ["ar"]


def test_a_case_in_french_with_a_latin_title_needs_no_id(make_project: ProjectFactory) -> None:
    """A French case with a French title gets its id from the title and the French headings."""
    french = COMPLETE.replace("English (en)", "Français (fr)").replace(
        "Blackout of the Italian Wikipedia (2011)", "Le blackout de Wikipédia en italien (2011)"
    )
    project = make_project({})
    result = _run(project.root, french)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _case_files(project.root) == ["le-blackout-de-wikipedia-en-italien-2011.fr.md"]
    text = (project.root / "cases/le-blackout-de-wikipedia-en-italien-2011.fr.md").read_text(encoding="utf-8")
    assert "## Contexte\n" in text and "## Leçons\n" in text


def test_an_issue_from_before_the_language_question_is_filed_in_the_default_language(
    make_project: ProjectFactory,
) -> None:
    """An issue opened with the earlier form (no Language answer) still becomes a case, in English, and the
    maintainer is told so."""
    project = make_project({})
    result = _run(project.root, COMPLETE.replace("### Language\n\nEnglish (en)\n\n", ""))
    assert result.returncode == 0, result.stdout
    assert "the case is filed as en" in result.stderr


def test_the_report_speaks_the_forms_labels_and_leaves_no_file(make_project: ProjectFactory) -> None:
    """Mistakes are told with the label of the question they answer ("Where", "When it started", "Sources"),
    never a field name; no file stays in cases/, so the run after the submitter's fix succeeds."""
    wrong = (
        COMPLETE.replace("\nIT\n", "\nChina\n")
        .replace("2011-10-04", "April 2019")
        .replace("https://en.wikipedia.org/wiki/Example", "http://en.wikipedia.org/wiki/Example")
    )
    project = make_project({})
    result = _run(project.root, wrong)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "Before this case can be published, please fix these points in the issue:"
    assert '- "When it started": "April 2019" is not a valid date: write "2019-04"' in lines
    assert '- "Where": "China" is a country\'s name; write its ISO 3166-1 code: "CN"' in lines
    assert (
        '- "Sources", the 1st source: "http://en.wikipedia.org/wiki/Example" is not an encrypted address; write '
        '"https://en.wikipedia.org/wiki/Example" (most sites answer at https; if this one does not, link to an '
        "archived copy such as web.archive.org)"
    ) in lines
    assert not any("jurisdictions" in line or "sources[" in line or "end_date" in line for line in lines)
    assert _case_files(project.root) == []
    again = _run(project.root, COMPLETE)
    assert again.returncode == 0, again.stdout


def test_an_end_before_the_start_names_both_questions(make_project: ProjectFactory) -> None:
    """A rule across two answers names both by their labels."""
    project = make_project({})
    result = _run(
        project.root, COMPLETE.replace("_No response_\n\n### How it ended", "2010\n\n### How it ended", 1)
    )
    assert result.returncode == 1
    assert (
        '- "When it ended": the end date 2010 is before the start date 2011-10-04; check both'
        in result.stdout.splitlines()
    )


def test_an_incomplete_issue_lists_what_to_fill_in(make_project: ProjectFactory) -> None:
    """Empty required answers and missing consent are listed in plain words; no file is written."""
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
    assert _case_files(project.root) == []


def test_a_hostile_issue_is_reported_not_published(make_project: ProjectFactory) -> None:
    """Markup in the answers is refused by the validator (under the section's label); the YAML stays data."""
    body = COMPLETE.replace(
        "Why it mattered.", "Why <script>alert(1)</script> [x](javascript:alert(1))"
    ).replace("2011-10-04", '2011-10-04"\ninjected: true')
    project = make_project({})
    result = _run(project.root, body)
    assert result.returncode == 1
    assert '- "Context": raw HTML (<script>) is not published' in result.stdout
    assert '"javascript:alert(1)" is not an address a reader can follow safely' in result.stdout
    assert _case_files(project.root) == []
    model = load_model()
    submission = submission_from_issue(body, model, load_vocabularies(project, model), project)
    assert submission.text is not None and "\ninjected: true" not in submission.text


def test_ids_come_from_latin_titles() -> None:
    """Accents are dropped, words joined with hyphens; a title without enough Latin letters gives none."""
    assert slug("Blocage de Wikipédia en Turquie (2017)") == "blocage-de-wikipedia-en-turquie-2017"
    assert slug("حجب ويكيبيديا 2017") is None


def test_sources_are_read_as_people_write_them() -> None:
    """A title with its address on the next line is one source, a title may hold commas, list markers and
    brackets around an address are dropped, a Markdown link is a title and an address, and a second address
    is the archived copy."""
    answer = (
        "- Directive 2019/790, Article 17 https://eur-lex.europa.eu/eli/dir/2019/790/oj\n"
        "The court's ruling\n"
        "https://example.org/ruling.\n"
        "* [A report](https://example.org/report) (https://web.archive.org/web/2020/https://example.org/report)\n"
        "A printed leaflet\n"
    )
    assert sources_of(answer) == [
        ("Directive 2019/790, Article 17", ["https://eur-lex.europa.eu/eli/dir/2019/790/oj"]),
        ("The court's ruling", ["https://example.org/ruling"]),
        (
            "A report",
            ["https://example.org/report", "https://web.archive.org/web/2020/https://example.org/report"],
        ),
        ("A printed leaflet", []),
    ]


def test_a_title_then_its_address_on_the_next_line_is_one_valid_source(make_project: ProjectFactory) -> None:
    """The way many people paste a source passes the checks as one source."""
    body = COMPLETE.replace(
        "An article https://en.wikipedia.org/wiki/Example",
        "An article\nhttps://en.wikipedia.org/wiki/Example",
    )
    project = make_project({})
    assert _run(project.root, body).returncode == 0
    text = (project.root / "cases/blackout-of-the-italian-wikipedia-2011.md").read_text(encoding="utf-8")
    assert (
        'sources:\n  - title: "An article"\n    url: "https://en.wikipedia.org/wiki/Example"\ncontrib' in text
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
