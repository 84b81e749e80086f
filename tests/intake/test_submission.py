"""The texts around a case submitted as an issue: the draft pull request that adds it, and the comment listing
what the submitter must fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy.cli.main import main
from tests.support.project import VALID_CASE, ProjectFactory


def test_the_draft_pull_request_credits_the_handle_and_links_the_issue(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """The body names the submitter as @login, closes the issue, and says how to start the checks."""
    project = make_project({"cases/a.md": VALID_CASE})
    args = ["--issue", "12", "--submitter", "Some-One", "--case", str(project.root / "cases/a.md")]
    assert main(["submission", "pull-request", "--root", str(project.root), *args]) == 0
    body = capsys.readouterr().out
    assert body.startswith(
        "This draft adds `cases/a.md`, made by `advocacy issue-to-case` from the case submitted in #12 by "
        "@Some-One. Thank you!\n\nCloses #12\n"
    )
    assert "mark this one ready for review, or close and reopen it" in body
    assert "@" not in body.replace("@Some-One", "")


@pytest.mark.parametrize("login", ["someone@example.org", "Jane Doe", "-dash", "a--b", "x" * 40, "@me"])
def test_anything_but_a_login_is_refused_as_credit(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str], login: str
) -> None:
    """An e-mail address or a name never reaches the pull request: only a GitHub login is accepted."""
    project = make_project({"cases/a.md": VALID_CASE})
    args = ["--issue", "12", f"--submitter={login}", "--case", str(project.root / "cases/a.md")]
    assert main(["submission", "pull-request", "--root", str(project.root), *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "is not a GitHub login" in captured.err


def test_the_pull_request_is_only_for_a_case_file(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """A path outside cases/ (or two paths run together) is refused before any text is written."""
    project = make_project({"cases/a.md": VALID_CASE})
    for case in (str(project.root / "mkdocs.yml"), "cases/a.md\ncases/b.md"):
        args = ["--issue", "12", "--submitter", "someone", "--case", case]
        assert main(["submission", "pull-request", "--root", str(project.root), *args]) == 2
        assert "not a case file in cases/" in capsys.readouterr().err


def test_the_problems_comment_shows_the_report_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Mentions, links and fences quoted from the issue stay inert text inside the comment."""
    report = tmp_path / "report.md"
    report.write_text(
        '- "Title" is empty: fill it in. @everyone ```x``` ![i](https://e.org/i.png)\n', "utf-8"
    )
    assert main(["submission", "problems", str(report)]) == 0
    comment = capsys.readouterr().out
    assert comment.startswith("Thank you for this case! It cannot become a case file yet.")
    assert (
        '\n````text\n- "Title" is empty: fill it in. @everyone ```x``` ![i](https://e.org/i.png)\n````\n'
        in comment
    )
    assert "Please edit the issue to fix them" in comment
