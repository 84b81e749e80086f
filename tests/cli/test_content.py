"""The ``advocacy validate`` command: exit status, the three output formats, and validating chosen files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advocacy.cli.main import main
from tests.support.images import PNG
from tests.support.manifesto import INDEX, TEXT, make
from tests.support.project import VALID_CASE, ProjectFactory

BAD_OUTCOME = VALID_CASE.replace("outcome: success", "outcome: won")


BAD_OUTCOME_LINE = (
    'cases/bad.md:6: error: outcome: found "won"; write one of: success, partial, failure, ongoing, unknown'
)


UNUSED_IMAGE_LINE = (
    "cases/media/x.png: warning: no case shows this image, so it is not published; use it in a case "
    "or delete it"
)


def test_valid_project_exits_0(make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]) -> None:
    """Valid content prints no problem, a summary on stderr, and exits 0 so CI passes."""
    project = make_project({"cases/good.md": VALID_CASE})
    assert main(["validate", "--root", str(project.root)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "0 error(s), 0 warning(s); 1 of 1 case files can be published.\n"


def test_errors_exit_1_and_are_listed(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error fails the run; errors and warnings are printed one per line, file:line first."""
    project = make_project(
        {"cases/good.md": VALID_CASE, "cases/bad.md": BAD_OUTCOME, "cases/media/x.png": PNG}
    )
    assert main(["validate", "--root", str(project.root)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [BAD_OUTCOME_LINE, UNUSED_IMAGE_LINE]
    assert err == "1 error(s), 1 warning(s); 1 of 2 case files can be published.\n"


def test_warnings_alone_exit_0(make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]) -> None:
    """A warning is shown but does not fail the run."""
    project = make_project({"cases/good.md": VALID_CASE, "cases/media/x.png": PNG})
    assert main(["validate", "--root", str(project.root)]) == 0
    assert capsys.readouterr().out.splitlines() == [UNUSED_IMAGE_LINE]


def test_missing_path_exits_2(make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]) -> None:
    """A PATH that does not exist is a usage error, named on stderr."""
    project = make_project({"cases/good.md": VALID_CASE})
    missing = str(project.root / "cases" / "nope.md")
    assert main(["validate", "--root", str(project.root), missing]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"advocacy validate: {missing}: no such file\n"


def test_root_without_mkdocs_yml_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--root pointing at a folder without mkdocs.yml says so and exits 2."""
    assert main(["validate", "--root", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"advocacy: no mkdocs.yml in {tmp_path.resolve()}; run the command inside the repository\n"
    )


def test_outside_a_repository_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Run outside any repository (no mkdocs.yml here or above), the command says where it looked."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    assert main(["validate"]) == 2
    assert capsys.readouterr().err == (
        f"advocacy: no mkdocs.yml in {folder.resolve()} or above; run the command inside the repository\n"
    )


def test_json_format_lists_objects(make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints only a JSON list of {file, line, field, message, severity}."""
    project = make_project(
        {"cases/good.md": VALID_CASE, "cases/bad.md": BAD_OUTCOME, "cases/media/x.png": PNG}
    )
    assert main(["validate", "--root", str(project.root), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    assert json.loads(out) == [
        {
            "file": "cases/bad.md",
            "line": 6,
            "field": "outcome",
            "message": 'found "won"; write one of: success, partial, failure, ongoing, unknown',
            "severity": "error",
        },
        {
            "file": "cases/media/x.png",
            "line": None,
            "field": None,
            "message": "no case shows this image, so it is not published; use it in a case or delete it",
            "severity": "warning",
        },
    ]


def test_json_format_of_valid_project_is_an_empty_list(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tools reading the JSON always get a list, empty when all is well."""
    project = make_project({"cases/good.md": VALID_CASE})
    assert main(["validate", "--root", str(project.root), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_github_format_annotates_then_lists_everything(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format github prints ::error/::warning annotations, then every problem in a ::group:: of the log."""
    project = make_project(
        {"cases/good.md": VALID_CASE, "cases/bad.md": BAD_OUTCOME, "cases/media/x.png": PNG}
    )
    assert main(["validate", "--root", str(project.root), "--format", "github"]) == 1
    out, err = capsys.readouterr()
    token = out.splitlines()[3].removeprefix("::stop-commands::")
    assert out.splitlines() == [
        '::error file=cases/bad.md,line=6,title=outcome::found "won"; write one of: success, partial, failure, '
        "ongoing, unknown",
        "::warning file=cases/media/x.png,title=content::no case shows this image, so it is not "
        "published; use it in a case or delete it",
        "::group::Every problem found",
        f"::stop-commands::{token}",
        BAD_OUTCOME_LINE,
        UNUSED_IMAGE_LINE,
        f"::{token}::",
        "::endgroup::",
    ]
    assert err == "1 error(s), 1 warning(s); 1 of 2 case files can be published.\n"


def test_validating_one_path_reports_only_that_file(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate PATH reports the problems of that file only, and exits on them alone."""
    project = make_project(
        {
            "cases/good.md": VALID_CASE,
            "cases/bad.md": BAD_OUTCOME,
            "cases/other.md": VALID_CASE.replace("topics: [censorship]", "topics: [censorhip]"),
        }
    )
    root = project.root
    assert main(["validate", "--root", str(root), str(root / "cases" / "bad.md")]) == 1
    assert capsys.readouterr().out.splitlines() == [BAD_OUTCOME_LINE]
    assert main(["validate", "--root", str(root), str(root / "cases" / "good.md")]) == 0
    assert capsys.readouterr().out == ""


def test_validating_a_path_through_the_docs_symlink(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """A case named through docs/cases/ (the symlink MkDocs reads) is the same file as cases/."""
    project = make_project({"cases/bad.md": BAD_OUTCOME})
    assert (
        main(["validate", "--root", str(project.root), str(project.root / "docs" / "cases" / "bad.md")]) == 1
    )
    assert capsys.readouterr().out.splitlines() == [BAD_OUTCOME_LINE]


def test_summary_of_one_path_counts_what_was_asked(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """`validate cases/x.md` counts x.md only: neither a broken neighbour nor the whole repository."""
    project = make_project({"cases/good.md": VALID_CASE, "cases/bad.md": BAD_OUTCOME})
    main(["validate", "--root", str(project.root), str(project.root / "cases" / "good.md")])
    assert (
        capsys.readouterr().err
        == "0 error(s), 0 warning(s) in 1 file(s) named; 1 of 1 case file(s) named can be published.\n"
    )
    main(["validate", "--root", str(project.root), str(project.root / "docs" / "cases" / "bad.md")])
    assert (
        capsys.readouterr().err
        == "1 error(s), 0 warning(s) in 1 file(s) named; 0 of 1 case file(s) named can be published.\n"
    )
    main(["validate", "--root", str(project.root)])
    assert capsys.readouterr().err == "1 error(s), 0 warning(s); 1 of 2 case files can be published.\n"


def test_validate_reports_manifesto_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`advocacy validate` fails on a manifesto problem too, also when the manifesto file is named."""
    project = make(tmp_path, {INDEX: TEXT.replace(" {#privacy}", "")})
    expected = (
        'manifesto/index.md:17: error: the heading "Privacy" has no id; end it with one that will never change, '
        'such as "### Privacy {#privacy}"'
    )
    assert main(["validate", "--root", str(project.root)]) == 1
    assert expected in capsys.readouterr().out.splitlines()
    assert main(["validate", "--root", str(project.root), str(project.root / INDEX)]) == 1
    assert expected in capsys.readouterr().out.splitlines()
