"""The weekly link check: every source address of every case still answers (``advocacy links``).

Nothing here talks to GitHub: the workflow passes nothing in and reads the report."""

from __future__ import annotations

import http.client
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from advocacy.content.repository import Repository
from advocacy.reading.problems import Problem, Severity
from advocacy.reading.sourcefile import read_text, split_frontmatter
from advocacy.reading.strict_yaml import Mapping as YamlMapping
from advocacy.reading.strict_yaml import Scalar, YamlError, parse
from advocacy.reading.strict_yaml import Sequence as YamlSequence

DEFAULT_TIMEOUT = 20.0


"""Seconds to wait for each request (connection, then each read) before a source counts as unreachable."""


DEFAULT_WORKERS = 8


"""Requests in flight at once, over all hosts."""


PER_HOST = 2


"""Requests in flight at once to one host: many sources are on the same few sites (Wikipedia, news sites),
and a weekly check must not look like a crawler to them."""


LINK_FIELDS = ("url", "archive_url")


"""The fields of a source that hold an address to check."""


Verdict = Literal["ok", "broken", "limited"]


@dataclass(frozen=True)
class Link:
    """One address written in a case file.

    Attributes:
        file: The case file, relative to the project root.
        line: The line of the field, or ``None`` when it could not be found again.
        field: The field, such as ``sources[2].url`` (sources are counted from 1, as the validator does).
        url: The address.
    """

    file: str
    line: int | None
    field: str
    url: str


@dataclass(frozen=True)
class Check:
    """What an address answered.

    Attributes:
        url: The address checked.
        verdict: ``ok``; ``broken`` (an error status, or no answer); or ``limited`` when the site asked us to
            slow down (HTTP 429), which says nothing about the page.
        answer: What happened, for people: ``200 OK``, ``404 Not Found``, ``no answer within 20 s``.
        status: The HTTP status, or ``None`` when the server did not answer.
    """

    url: str
    verdict: Verdict
    answer: str
    status: int | None = None


def user_agent(repo_url: str | None) -> str:
    """The User-Agent of the link check: says what it is and where to complain, as Wikimedia's policy asks."""
    contact = f"+{repo_url}" if repo_url else "Advocacy Hub repository"
    return f"AdvocacyHubLinkCheck/1.0 ({contact}; weekly check of the sources cited by case studies)"


def source_links(repository: Repository) -> list[Link]:
    """Every valid address of every source of every case, with the line it is written on.

    Only addresses the validator accepted are listed (a malformed one is reported by ``advocacy validate``).
    """
    links: list[Link] = []
    for case_file in repository.files:
        sources = case_file.meta.get("sources")
        if case_file.kind != "original" or not sources:
            continue
        valid = {source.get(name) for source in sources for name in LINK_FIELDS} - {None}
        for index, item in enumerate(_source_nodes(repository, case_file.path, case_file.display), start=1):
            for name in LINK_FIELDS:
                node = item.items.get(name)
                if isinstance(node, Scalar) and node.text in valid:
                    links.append(
                        Link(
                            case_file.display, item.key_lines.get(name), f"sources[{index}].{name}", node.text
                        )
                    )
    return links


def _source_nodes(repository: Repository, path: Path, display: str) -> list[YamlMapping]:
    """The items of a file's ``sources`` as parsed YAML nodes, which carry their lines."""
    limits = repository.model.limits
    text, _ = read_text(path, display, limits.file_bytes)
    if text is None:
        return []
    source, _ = split_frontmatter(text, display, limits.frontmatter_bytes)
    if source is None:
        return []
    try:
        # Leading newlines make the parser count lines as the file does.
        node = parse("\n" * (source.frontmatter_line - 1) + source.frontmatter)
    except YamlError:
        return []
    if not isinstance(node, YamlMapping):
        return []
    sources = node.items.get("sources")
    if not isinstance(sources, YamlSequence):
        return []
    # Keep the positions: a source that is not a mapping still counts in sources[N].
    return [item if isinstance(item, YamlMapping) else YamlMapping({}, 0) for item in sources.items]


def check_url(url: str, timeout: float, agent: str) -> Check:
    """Ask for ``url`` with HEAD, then with GET when the server refuses HEAD or answers it with an error.

    Redirects are followed. Only http and https addresses are requested.
    """
    if urlsplit(url).scheme not in {"http", "https"}:
        return Check(url, "broken", "not an http or https address")
    first = _request(url, "HEAD", timeout, agent)
    if first.verdict == "ok" or first.status is None:
        # No second try after a time-out or a refused connection: it would only double the wait.
        return first
    return _request(url, "GET", timeout, agent)


def _request(url: str, method: str, timeout: float, agent: str) -> Check:
    headers = {"User-Agent": agent, "Accept": "text/html,application/xhtml+xml,application/pdf,*/*;q=0.8"}
    # The scheme was checked by check_url: only http and https reach urlopen.
    request = urllib.request.Request(url, method=method, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return Check(url, "ok", f"{response.status} {response.reason}", response.status)
    except urllib.error.HTTPError as exc:
        exc.close()
        verdict: Verdict = "limited" if exc.code == 429 else "broken"
        return Check(url, verdict, f"{exc.code} {exc.reason}", exc.code)
    except urllib.error.URLError as exc:
        return Check(url, "broken", _describe(exc.reason, timeout))
    except (TimeoutError, OSError, http.client.HTTPException, ValueError) as exc:
        return Check(url, "broken", _describe(exc, timeout))


def _describe(reason: object, timeout: float) -> str:
    """A network failure in a few words."""
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "the host name does not exist (DNS)"
    text = str(reason) or type(reason).__name__
    return " ".join(text.splitlines())


def check_urls(
    urls: Iterable[str],
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
    agent: str = "",
    per_host: int = PER_HOST,
    checker: Callable[[str, float, str], Check] = check_url,
) -> dict[str, Check]:
    """Check each distinct address once, ``workers`` at a time and at most ``per_host`` per host."""
    unique = sorted(set(urls))
    hosts = {urlsplit(url).hostname or "" for url in unique}
    slots = {host: threading.BoundedSemaphore(per_host) for host in hosts}

    def one(url: str) -> Check:
        with slots[urlsplit(url).hostname or ""]:
            return checker(url, timeout, agent)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return dict(zip(unique, pool.map(one, unique), strict=True))


def link_problems(links: Sequence[Link], checks: Mapping[str, Check]) -> list[Problem]:
    """A problem for each written address that is broken (an error) or was not checked (a warning)."""
    problems = []
    for link in links:
        check = checks[link.url]
        if check.verdict == "ok":
            continue
        if check.verdict == "limited":
            message = (
                f"{link.url} was not checked: the site asked to slow down ({check.answer}); "
                "open it in a browser if this repeats"
            )
            problems.append(Problem(link.file, link.line, link.field, message, Severity.WARNING))
            continue
        if link.field.endswith(".archive_url"):
            advice = "find another archived copy of the source, or delete archive_url"
        else:
            advice = (
                "find where the source has moved and write its new address, or keep this one and add "
                "archive_url with an archived copy (for example on web.archive.org)"
            )
        problems.append(
            Problem(link.file, link.line, link.field, f"{link.url} is broken ({check.answer}); {advice}")
        )
    return problems


def _code(text: str) -> str:
    """Text as inline code inside a Markdown table cell."""
    return "`" + text.replace("`", "%60").replace("|", "\\|").replace("\n", " ") + "`"


def links_markdown(links: Sequence[Link], checks: Mapping[str, Check]) -> str:
    """The report of a link check as Markdown, for the job summary of the workflow."""
    problems = link_problems(links, checks)
    broken = [p for p in problems if p.severity is Severity.ERROR]
    files = len({link.file for link in links})
    lines = [
        "## Addresses of the sources",
        "",
        f"{len(checks)} distinct addresses checked in {files} case files: {len(broken)} broken "
        f"{'address' if len(broken) == 1 else 'addresses'}, {len(problems) - len(broken)} not checked.",
        "",
    ]
    if problems:
        lines += ["| File | Line | Field | Address | Answer |", "|---|---|---|---|---|"]
        by_position = {(link.file, link.line, link.field): link for link in links}
        for problem in problems:
            link = by_position[(problem.file, problem.line, problem.field or "")]
            # The answer holds the server's own words (its reason phrase): shown as code, never as Markdown.
            answer = _code(checks[link.url].answer)
            if problem.severity is Severity.WARNING:
                answer += " (not checked)"
            lines.append(
                f"| {_code(link.file)} | {link.line or ''} | {_code(link.field)} | {_code(link.url)} | {answer} |"
            )
        lines.append("")
    else:
        lines += ["Every address answered.", ""]
    return "\n".join(lines)
