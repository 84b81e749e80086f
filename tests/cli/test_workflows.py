"""``advocacy links`` and ``advocacy support``: what the scheduled workflows run, their reports, exit statuses and
usage errors (links are checked against a web server on 127.0.0.1 started by the tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advocacy.cli.main import main
from advocacy.workflows.support import acknowledgement
from tests.support.project import ProjectFactory
from tests.support.workflows import ISSUES, NOW, LinkServer, base_url, case_with_sources

# --- links ---------------------------------------------------------------------------------------------


def test_advocacy_links_reports_broken_sources(
    make_project: ProjectFactory, link_server: LinkServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`advocacy links` names the file, line and field of a broken address, says what to do, and exits 1."""
    base = base_url(link_server)
    project = make_project({"cases/a.md": case_with_sources(base)})
    summary = tmp_path / "summary.md"
    summary.write_text("Earlier steps.\n", encoding="utf-8")
    code = main(["links", "--root", str(project.root), "--timeout", "5", "--summary", str(summary)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == (
        f"cases/a.md:16: error: sources[2].url: {base}/missing is broken (404 Not Found); find where the source "
        "has moved and write its new address, or keep this one and add archive_url with an archived copy (for "
        "example on web.archive.org)\n"
    )
    assert err == "3 distinct address(es) checked: 1 broken.\n"
    report = summary.read_text(encoding="utf-8")
    assert report.startswith("Earlier steps.\n## Addresses of the sources\n")
    assert "3 distinct addresses checked in 1 case files: 1 broken address, 0 not checked." in report
    assert f"| `cases/a.md` | 16 | `sources[2].url` | `{base}/missing` | `404 Not Found` |" in report


def test_advocacy_links_annotates_the_lines_for_github(
    make_project: ProjectFactory, link_server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --format github each broken address becomes an annotation on its line."""
    base = base_url(link_server)
    project = make_project({"cases/a.md": case_with_sources(base)})
    assert main(["links", "--root", str(project.root), "--format", "github"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=cases/a.md,line=16,title=sources[2].url::https://127.0.0.1")


def test_advocacy_links_passes_when_every_source_answers(
    make_project: ProjectFactory, link_server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """All addresses answering: exit 0, and the Markdown report says so."""
    base = base_url(link_server)
    text = case_with_sources(base).replace(f"{base}/missing", f"{base}/no-head")
    project = make_project({"cases/a.md": text})
    assert main(["links", "--root", str(project.root), "--format", "markdown"]) == 0
    assert "Every address answered." in capsys.readouterr().out


# --- support -------------------------------------------------------------------------------------------


def test_advocacy_support_acknowledge_prints_the_comment(capsys: pytest.CaptureFixture[str]) -> None:
    """`advocacy support acknowledge` prints exactly the text the workflow posts."""
    assert main(["support", "acknowledge"]) == 0
    assert capsys.readouterr().out == acknowledgement()


def test_advocacy_support_overdue_prints_the_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    """The command prints one issue number per line, for the workflow to label."""
    assert main(["support", "overdue", "--issues", str(ISSUES), "--now", NOW]) == 0
    assert capsys.readouterr().out == "101\n102\n107\n109\n"
    assert main(["support", "answered", "--issues", str(ISSUES)]) == 0
    assert capsys.readouterr().out == "106\n"


def test_the_rest_apis_shape_is_read_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issues in the REST API's spelling (user, created_at, user.type) give the same answer."""
    issues = [
        {
            "number": 7,
            "user": {"login": "asker", "type": "User"},
            "created_at": "2026-11-16T09:00:00Z",
            "state": "open",
            "labels": [{"name": "support"}],
            "comments": [
                {
                    "user": {"login": "github-actions[bot]", "type": "Bot"},
                    "author_association": "NONE",
                    "body": "Hi",
                }
            ],
        },
        {
            "number": 8,
            "user": {"login": "asker", "type": "User"},
            "created_at": "2026-11-16T09:00:00Z",
            "labels": ["support"],
            "comments": [
                {"user": {"login": "ana", "type": "User"}, "author_association": "MEMBER", "body": "On it"}
            ],
        },
    ]
    path = tmp_path / "issues.json"
    path.write_text(json.dumps(issues), encoding="utf-8")
    assert main(["support", "overdue", "--issues", str(path), "--now", NOW]) == 0
    assert capsys.readouterr().out == "7\n"


def test_issues_listed_without_their_comments_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A list with comment counts (not the comments) is refused with the gh command to run, not misjudged."""
    path = tmp_path / "issues.json"
    path.write_text(json.dumps([{"number": 3, "createdAt": NOW, "comments": 2}]), encoding="utf-8")
    assert main(["support", "overdue", "--issues", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"advocacy support: {path}: issue #3: comments is a count, not the list of comments; list the issues "
        "with: gh issue list --json number,author,createdAt,labels,comments,state\n"
    )


def test_a_bad_now_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--now must be an ISO 8601 time; anything else stops with the expected form."""
    with pytest.raises(SystemExit) as exc:
        main(["support", "overdue", "--issues", str(ISSUES), "--now", "yesterday"])
    assert exc.value.code == 2
    assert "'yesterday' is not an ISO 8601 time such as 2026-11-25T12:00:00Z" in capsys.readouterr().err
