"""What the workflows run: the link check of sources, the support follow-up, the texts of case submissions.

Links are checked against a server on 127.0.0.1 started by the tests; nothing here reaches the internet.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from advocacy.cli.main import main
from advocacy.content.repository import load_repository
from advocacy.workflows.links import (
    Check,
    Link,
    check_url,
    check_urls,
    links_markdown,
    source_links,
    user_agent,
)
from advocacy.workflows.support import (
    ACKNOWLEDGE_WORKING_DAYS,
    ACKNOWLEDGEMENT_MARKER,
    ANSWER_WORKING_DAYS,
    GH_FIELDS,
    NEEDS_RESPONSE_LABEL,
    SUPPORT_LABEL,
    acknowledgement,
    add_working_days,
    answered_since,
    overdue,
    read_issues,
)
from tests.conftest import FIXTURES, VALID_CASE, ProjectFactory

ROOT = Path(__file__).resolve().parents[1]
ISSUES = FIXTURES / "automation" / "support-issues.json"
NOW = "2026-11-25T12:00:00Z"  # a Wednesday
AGENT = user_agent("https://github.com/example/hub")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    requests_seen: list[tuple[str, str, str]]


class _Handler(BaseHTTPRequestHandler):
    """Answers by path: /ok, /missing (404), /limited (429), /no-head (405 to HEAD), /moved (301 to /ok)."""

    server: _Server

    def do_HEAD(self) -> None:
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def _answer(self) -> None:
        self.server.requests_seen.append((self.command, self.path, self.headers.get("User-Agent", "")))
        status = {"/ok": 200, "/missing": 404, "/limited": 429, "/moved": 301}.get(self.path, 404)
        if self.path == "/no-head":
            status = 405 if self.command == "HEAD" else 200
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Server]:
    """A web server on 127.0.0.1 that records the requests it gets."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.requests_seen = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def _base(httpd: _Server) -> str:
    host, port = httpd.server_address[:2]
    return f"http://{host!s}:{port}"


# ---------------------------------------------------------------------------------------------------------------
# Link check


def test_a_page_that_answers_is_ok(server: _Server) -> None:
    """An address that answers 200 to HEAD is fine, and only HEAD is sent (nothing is downloaded)."""
    check = check_url(f"{_base(server)}/ok", 5, AGENT)
    assert (check.verdict, check.answer) == ("ok", "200 OK")
    assert [(method, path) for method, path, _ in server.requests_seen] == [("HEAD", "/ok")]


def test_the_check_names_itself_to_the_sites(server: _Server) -> None:
    """Sites see who is asking and where to complain (Wikimedia's User-Agent policy asks for this)."""
    check_url(f"{_base(server)}/ok", 5, AGENT)
    agent = server.requests_seen[0][2]
    assert agent.startswith("AdvocacyHubLinkCheck/")
    assert "+https://github.com/example/hub" in agent


def test_a_server_that_refuses_head_is_asked_with_get(server: _Server) -> None:
    """A site that answers 405 to HEAD is asked again with GET, and its page counts as working."""
    check = check_url(f"{_base(server)}/no-head", 5, AGENT)
    assert check.verdict == "ok"
    assert [method for method, _, _ in server.requests_seen] == ["HEAD", "GET"]


def test_a_missing_page_is_broken(server: _Server) -> None:
    """A 404 (to HEAD and to GET) is broken, with the status in the answer."""
    check = check_url(f"{_base(server)}/missing", 5, AGENT)
    assert (check.verdict, check.answer, check.status) == ("broken", "404 Not Found", 404)


def test_a_redirect_is_followed(server: _Server) -> None:
    """A page that moved with a redirect still works."""
    check = check_url(f"{_base(server)}/moved", 5, AGENT)
    assert check.verdict == "ok"
    assert [path for _, path, _ in server.requests_seen] == ["/moved", "/ok"]


def test_a_site_asking_to_slow_down_is_not_called_broken(server: _Server) -> None:
    """429 Too Many Requests says nothing about the page: it is reported as not checked."""
    check = check_url(f"{_base(server)}/limited", 5, AGENT)
    assert (check.verdict, check.answer) == ("limited", "429 Too Many Requests")


def test_a_server_that_never_answers_times_out() -> None:
    """A server that accepts the connection but never answers is broken after the timeout, not waited on."""
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        check = check_url(f"http://127.0.0.1:{port}/", 0.2, AGENT)
    assert (check.verdict, check.answer, check.status) == ("broken", "no answer within 0.2 s", None)


def test_a_closed_port_is_broken() -> None:
    """Nobody listening: the connection is refused, in those words."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    check = check_url(f"http://127.0.0.1:{port}/", 2, AGENT)
    assert (check.verdict, check.answer) == ("broken", "connection refused")


def test_only_web_addresses_are_requested() -> None:
    """A file: address (which urllib would open) is never requested."""
    check = check_url("file:///etc/passwd", 2, AGENT)
    assert (check.verdict, check.answer) == ("broken", "not an http or https address")


def test_each_address_is_requested_once(server: _Server) -> None:
    """An address cited by several cases is requested once; results come back for every address."""
    base = _base(server)
    urls = [f"{base}/ok", f"{base}/missing", f"{base}/ok", f"{base}/ok"]
    checks = check_urls(urls, timeout=5, workers=4, agent=AGENT)
    assert {url: c.verdict for url, c in checks.items()} == {f"{base}/ok": "ok", f"{base}/missing": "broken"}
    assert sorted(path for _, path, _ in server.requests_seen) == ["/missing", "/missing", "/ok"]


def test_no_more_than_the_limit_of_requests_to_one_host() -> None:
    """However many workers, one host never gets more requests at once than the per-host limit."""
    lock = threading.Lock()
    current = {"a": 0, "b": 0}
    peak = {"a": 0, "b": 0}
    both_hosts_busy = threading.Barrier(4, timeout=5)

    def fake(url: str, timeout: float, agent: str) -> Check:
        host = url.split("/")[2]
        with lock:
            current[host] += 1
            peak[host] = max(peak[host], current[host])
        both_hosts_busy.wait()  # releases once two requests per host are in flight together
        with lock:
            current[host] -= 1
        return Check(url, "ok", "200 OK", 200)

    urls = [f"http://{host}/{n}" for host in "ab" for n in range(4)]
    checks = check_urls(urls, timeout=1, workers=8, agent="", per_host=2, checker=fake)
    assert len(checks) == 8
    assert peak == {"a": 2, "b": 2}


def _case_with_sources(base: str) -> str:
    sources = (
        "sources:\n"
        "  - title: Still there\n"
        f"    url: {base}/ok\n"
        f"    archive_url: {base}/moved\n"
        "  - title: Gone\n"
        f"    url: {base}/missing\n"
    )
    text = VALID_CASE.replace(
        "sources:\n  - title: An article about it\n    url: https://en.wikipedia.org/wiki/Example\n", sources
    )
    assert text != VALID_CASE
    return text


def test_links_are_found_with_their_file_line_and_field(make_project: ProjectFactory) -> None:
    """Every url and archive_url of every source is listed with the line it is written on."""
    base = "https://example.org"
    project = make_project({"cases/a.md": _case_with_sources(base)})
    links = source_links(load_repository(project))
    assert links == [
        Link("cases/a.md", 13, "sources[1].url", f"{base}/ok"),
        Link("cases/a.md", 14, "sources[1].archive_url", f"{base}/moved"),
        Link("cases/a.md", 16, "sources[2].url", f"{base}/missing"),
    ]


def test_advocacy_links_reports_broken_sources(
    make_project: ProjectFactory, server: _Server, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`advocacy links` names the file, line and field of a broken address, says what to do, and exits 1."""
    base = _base(server)
    project = make_project({"cases/a.md": _case_with_sources(base)})
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
    make_project: ProjectFactory, server: _Server, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --format github each broken address becomes an annotation on its line."""
    base = _base(server)
    project = make_project({"cases/a.md": _case_with_sources(base)})
    assert main(["links", "--root", str(project.root), "--format", "github"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=cases/a.md,line=16,title=sources[2].url::http://127.0.0.1")


def test_advocacy_links_passes_when_every_source_answers(
    make_project: ProjectFactory, server: _Server, capsys: pytest.CaptureFixture[str]
) -> None:
    """All addresses answering: exit 0, and the Markdown report says so."""
    base = _base(server)
    text = _case_with_sources(base).replace(f"{base}/missing", f"{base}/no-head")
    project = make_project({"cases/a.md": text})
    assert main(["links", "--root", str(project.root), "--format", "markdown"]) == 0
    assert "Every address answered." in capsys.readouterr().out


def test_the_markdown_report_keeps_table_cells_whole() -> None:
    """A `|` or a backtick in an address, or markup in a server's answer, cannot break the job summary."""
    link = Link("cases/a.md", 3, "sources[1].url", "https://example.org/a|b`c")
    check = Check(link.url, "broken", "404 <b>Not</b> | Found")
    report = links_markdown([link], {link.url: check})
    assert "| `https://example.org/a\\|b%60c` | `404 <b>Not</b> \\| Found` |" in report


# ---------------------------------------------------------------------------------------------------------------
# Support requests


def test_the_acknowledgement_says_when_to_expect_an_answer() -> None:
    """The comment on a new request gives the delays that docs/support.md promises, in the same words."""
    text = acknowledgement()
    docs = (ROOT / "docs" / "support.md").read_text(encoding="utf-8")
    assert f"**Within {ACKNOWLEDGE_WORKING_DAYS} working days**" in text
    assert f"**Within {ANSWER_WORKING_DAYS} working days**" in text
    assert f"| within {ACKNOWLEDGE_WORKING_DAYS} working days |" in docs
    assert f"| within {ANSWER_WORKING_DAYS} working days |" in docs
    prose = " ".join(docs.split())
    assert f"answered after {ACKNOWLEDGE_WORKING_DAYS} working days is labelled" in prose
    assert f"`{NEEDS_RESPONSE_LABEL}`" in docs
    assert text.startswith(ACKNOWLEDGEMENT_MARKER)


def test_the_support_form_puts_the_label_the_workflow_looks_for() -> None:
    """The support form labels its issues `support`, which the acknowledgement and the daily run select."""
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "support.yml").read_text(encoding="utf-8"))
    assert SUPPORT_LABEL in form["labels"]
    workflow = (ROOT / ".github" / "workflows" / "support.yml").read_text(encoding="utf-8")
    assert f"labels.*.name, '{SUPPORT_LABEL}'" in workflow
    assert f"--label {SUPPORT_LABEL} " in workflow
    assert f"LABEL: {NEEDS_RESPONSE_LABEL}\n" in workflow
    assert f"--json {GH_FIELDS} " in workflow


def test_advocacy_support_acknowledge_prints_the_comment(capsys: pytest.CaptureFixture[str]) -> None:
    """`advocacy support acknowledge` prints exactly the text the workflow posts."""
    assert main(["support", "acknowledge"]) == 0
    assert capsys.readouterr().out == acknowledgement()


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2026-11-16T09:00:00+00:00", "2026-11-19T09:00:00+00:00"),  # Monday -> Thursday
        ("2026-11-20T13:00:00+00:00", "2026-11-25T13:00:00+00:00"),  # Friday -> Wednesday, over the weekend
        ("2026-11-21T10:00:00+00:00", "2026-11-25T10:00:00+00:00"),  # Saturday -> Wednesday
        ("2026-11-20T23:30:00-05:00", "2026-11-25T04:30:00+00:00"),  # Friday in New York, Saturday in UTC
    ],
)
def test_working_days_skip_weekends(start: str, end: str) -> None:
    """Three working days after a Friday afternoon end on Wednesday: weekends do not count."""
    moment = add_working_days(dt.datetime.fromisoformat(start), 3)
    assert moment == dt.datetime.fromisoformat(end)


def test_requests_without_a_persons_answer_are_overdue() -> None:
    """Past 3 working days with no comment from a person other than the author: labelled; bots do not count."""
    requests = read_issues(json.loads(ISSUES.read_text(encoding="utf-8")))
    now = dt.datetime.fromisoformat(NOW)
    # 101 nothing; 102 only the acknowledgement and the author; 107 a bot and an app posting the
    # acknowledgement; 109 exactly at the limit. Not 103 (answered), 104 (not yet due), 105 (labelled
    # already), 106 (answered), 108 (closed).
    assert overdue(requests, now) == [101, 102, 107, 109]
    assert answered_since(requests) == [106]


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


# ---------------------------------------------------------------------------------------------------------------
# A case submitted as an issue


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
