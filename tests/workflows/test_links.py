"""The weekly link check of sources, against a web server on 127.0.0.1 started by the tests (nothing here
reaches the internet)."""

from __future__ import annotations

import socket
import threading

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
from tests.support.project import ProjectFactory
from tests.support.workflows import LinkServer, base_url, case_with_sources

AGENT = user_agent("https://github.com/example/hub")


def test_a_page_that_answers_is_ok(link_server: LinkServer) -> None:
    """An address that answers 200 to HEAD is fine, and only HEAD is sent (nothing is downloaded)."""
    check = check_url(f"{base_url(link_server)}/ok", 5, AGENT)
    assert (check.verdict, check.answer) == ("ok", "200 OK")
    assert [(method, path) for method, path, _ in link_server.requests_seen] == [("HEAD", "/ok")]


def test_the_check_names_itself_to_the_sites(link_server: LinkServer) -> None:
    """Sites see who is asking and where to complain (Wikimedia's User-Agent policy asks for this)."""
    check_url(f"{base_url(link_server)}/ok", 5, AGENT)
    agent = link_server.requests_seen[0][2]
    assert agent.startswith("AdvocacyHubLinkCheck/")
    assert "+https://github.com/example/hub" in agent


def test_a_server_that_refuses_head_is_asked_with_get(link_server: LinkServer) -> None:
    """A site that answers 405 to HEAD is asked again with GET, and its page counts as working."""
    check = check_url(f"{base_url(link_server)}/no-head", 5, AGENT)
    assert check.verdict == "ok"
    assert [method for method, _, _ in link_server.requests_seen] == ["HEAD", "GET"]


def test_a_missing_page_is_broken(link_server: LinkServer) -> None:
    """A 404 (to HEAD and to GET) is broken, with the status in the answer."""
    check = check_url(f"{base_url(link_server)}/missing", 5, AGENT)
    assert (check.verdict, check.answer, check.status) == ("broken", "404 Not Found", 404)


def test_a_redirect_is_followed(link_server: LinkServer) -> None:
    """A page that moved with a redirect still works."""
    check = check_url(f"{base_url(link_server)}/moved", 5, AGENT)
    assert check.verdict == "ok"
    assert [path for _, path, _ in link_server.requests_seen] == ["/moved", "/ok"]


def test_a_site_asking_to_slow_down_is_not_called_broken(link_server: LinkServer) -> None:
    """429 Too Many Requests says nothing about the page: it is reported as not checked."""
    check = check_url(f"{base_url(link_server)}/limited", 5, AGENT)
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


def test_each_address_is_requested_once(link_server: LinkServer) -> None:
    """An address cited by several cases is requested once; results come back for every address."""
    base = base_url(link_server)
    urls = [f"{base}/ok", f"{base}/missing", f"{base}/ok", f"{base}/ok"]
    checks = check_urls(urls, timeout=5, workers=4, agent=AGENT)
    assert {url: c.verdict for url, c in checks.items()} == {f"{base}/ok": "ok", f"{base}/missing": "broken"}
    assert sorted(path for _, path, _ in link_server.requests_seen) == ["/missing", "/missing", "/ok"]


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


def test_links_are_found_with_their_file_line_and_field(make_project: ProjectFactory) -> None:
    """Every url and archive_url of every source is listed with the line it is written on."""
    base = "https://example.org"
    project = make_project({"cases/a.md": case_with_sources(base)})
    links = source_links(load_repository(project))
    assert links == [
        Link("cases/a.md", 13, "sources[1].url", f"{base}/ok"),
        Link("cases/a.md", 14, "sources[1].archive_url", f"{base}/moved"),
        Link("cases/a.md", 16, "sources[2].url", f"{base}/missing"),
    ]


def test_the_markdown_report_keeps_table_cells_whole() -> None:
    """A `|` or a backtick in an address, or markup in a server's answer, cannot break the job summary."""
    link = Link("cases/a.md", 3, "sources[1].url", "https://example.org/a|b`c")
    check = Check(link.url, "broken", "404 <b>Not</b> | Found")
    report = links_markdown([link], {link.url: check})
    assert "| `https://example.org/a\\|b%60c` | `404 <b>Not</b> \\| Found` |" in report
