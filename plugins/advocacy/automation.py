"""What the repository's GitHub workflows do, as plain functions: the workflows only call the ``advocacy``
command, which calls these.

Three tasks live here:

- checking that the addresses of every case's sources still answer (the weekly link check);
- answering people who ask for support: the acknowledgement posted on a new request, and the requests left
  without an answer from a person past the promised time;
- the texts of the draft pull request opened for a case submitted as an issue, and of the comment that lists
  what the submitter must fix instead.

Nothing here talks to GitHub: the workflows fetch the data with ``gh`` and pass it in as files, so that every
rule can be tested on fixtures.
"""

from __future__ import annotations

import datetime as dt
import http.client
import re
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from advocacy.problems import Problem, Severity
from advocacy.repository import Repository
from advocacy.sourcefile import read_text, split_frontmatter
from advocacy.strict_yaml import Mapping as YamlMapping
from advocacy.strict_yaml import Scalar, YamlError, parse
from advocacy.strict_yaml import Sequence as YamlSequence

# ---------------------------------------------------------------------------------------------------------------
# Link check

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


# ---------------------------------------------------------------------------------------------------------------
# Support requests

SUPPORT_LABEL = "support"
"""The label the support form puts on every request (.github/ISSUE_TEMPLATE/support.yml)."""

NEEDS_RESPONSE_LABEL = "needs-response"
"""The label put on a request that waits for a person's answer past :data:`ACKNOWLEDGE_WORKING_DAYS`."""

ACKNOWLEDGE_WORKING_DAYS = 3
"""Working days within which a person confirms having read a request (docs/support.md, "How fast")."""

ANSWER_WORKING_DAYS = 10
"""Working days within which a request gets a first answer on substance (docs/support.md, "How fast")."""

ACKNOWLEDGEMENT_MARKER = "<!-- advocacy-hub: support acknowledgement -->"
"""Hidden in the automatic acknowledgement, so that it is never taken for a person's answer."""

_BOT_LOGINS = frozenset({"github-actions"})


def acknowledgement() -> str:
    """The comment posted on a new support request: what happens next, and by when."""
    return (
        f"{ACKNOWLEDGEMENT_MARKER}\n"
        "Thank you for your request. This is an automatic message; the people who answer are volunteers.\n"
        "\n"
        f"- **Within {ACKNOWLEDGE_WORKING_DAYS} working days** someone will confirm here that they have read "
        "your request, and say who will follow it.\n"
        f"- **Within {ANSWER_WORKING_DAYS} working days** you will get a first answer on substance, or a date "
        "by which you will have one.\n"
        "- If you have a deadline in the next two weeks, such as a vote or a hearing, write it in a comment: "
        "we will try to acknowledge it within one working day.\n"
        "\n"
        "If nobody can help, we will tell you rather than leave this issue open in silence. Everything written "
        "here is public: if this request could put you or others at risk, close the issue and read "
        '"Submitting privately" on the hub.\n'
    )


class IssuesError(ValueError):
    """The issues file is not what ``gh issue list --json`` writes; the message says what to run instead."""


GH_FIELDS = "number,author,createdAt,labels,comments,state"
"""The fields to ask ``gh issue list --json`` for."""


@dataclass(frozen=True)
class Comment:
    """A comment on an issue.

    Attributes:
        author: The login of its author, or ``None`` for a deleted account.
        is_bot: Whether a bot or an app wrote it, or it is the automatic acknowledgement.
    """

    author: str | None
    is_bot: bool


@dataclass(frozen=True)
class SupportRequest:
    """An issue of the support form, with what the overdue check needs."""

    number: int
    author: str | None
    created: dt.datetime
    open: bool
    labels: frozenset[str]
    comments: tuple[Comment, ...]

    @property
    def answered(self) -> bool:
        """Whether a person other than the author has commented."""
        return any(c.author and not c.is_bot and c.author != self.author for c in self.comments)


def _is_bot(actor: Mapping[str, Any]) -> bool:
    """Whether an author is a bot or an app.

    gh gives a comment's author as a login alone, and GitHub's GraphQL API spells bot logins without the
    ``[bot]`` suffix: there, only known bots are recognised (and the acknowledgement by its marker).
    """
    login = str(actor.get("login") or "")
    return bool(
        actor.get("is_bot")
        or actor.get("type") == "Bot"
        or login.endswith("[bot]")
        or login.startswith("app/")
        or login in _BOT_LOGINS
    )


def _actor(item: Mapping[str, Any]) -> Mapping[str, Any]:
    """The author of an issue or comment: ``author`` in gh's output, ``user`` in the REST API's."""
    actor = item.get("author", item.get("user"))
    return actor if isinstance(actor, Mapping) else {}


def _created(item: Mapping[str, Any], what: str) -> dt.datetime:
    raw = item.get("createdAt", item.get("created_at"))
    if not isinstance(raw, str):
        raise IssuesError(f"{what} has no createdAt; list the issues with: gh issue list --json {GH_FIELDS}")
    try:
        moment = dt.datetime.fromisoformat(raw)
    except ValueError as exc:
        raise IssuesError(f'{what}: createdAt "{raw}" is not an ISO 8601 time') from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def read_issues(data: object) -> list[SupportRequest]:
    """Read the issues written by ``gh issue list --json number,author,createdAt,labels,comments,state``.

    The REST API's spelling (``user``, ``created_at``, ``author_association``, ``user.type``) is accepted too,
    for issues whose ``comments`` were filled in with their list.

    Raises:
        IssuesError: when the data is not a list of issues with their comments.
    """
    items = data if isinstance(data, list) else [data]
    requests = []
    for position, item in enumerate(items, start=1):
        if not isinstance(item, Mapping) or not isinstance(item.get("number"), int):
            raise IssuesError(
                f"item {position} is not an issue with a number; give the output of gh issue list"
            )
        what = f"issue #{item['number']}"
        raw_comments = item.get("comments", [])
        if not isinstance(raw_comments, list):
            raise IssuesError(
                f"{what}: comments is a count, not the list of comments; list the issues with: "
                f"gh issue list --json {GH_FIELDS}"
            )
        comments = []
        for raw in raw_comments:
            if not isinstance(raw, Mapping):
                raise IssuesError(f"{what}: a comment is not an object")
            actor = _actor(raw)
            login = actor.get("login")
            marker = ACKNOWLEDGEMENT_MARKER in str(raw.get("body") or "")
            comments.append(Comment(str(login) if login else None, _is_bot(actor) or marker))
        labels = frozenset(
            str(label.get("name") if isinstance(label, Mapping) else label)
            for label in item.get("labels") or []
        )
        author = _actor(item).get("login")
        requests.append(
            SupportRequest(
                number=item["number"],
                author=str(author) if author else None,
                created=_created(item, what),
                open=str(item.get("state", "open")).lower() == "open",
                labels=labels,
                comments=tuple(comments),
            )
        )
    return requests


def add_working_days(start: dt.datetime, days: int) -> dt.datetime:
    """The moment ``days`` working days (Monday to Friday, in UTC) after ``start``; holidays are not known."""
    moment = start.astimezone(dt.UTC)
    counted = 0
    while counted < days:
        moment += dt.timedelta(days=1)
        if moment.weekday() < 5:
            counted += 1
    return moment


def overdue(
    requests: Iterable[SupportRequest],
    now: dt.datetime,
    label: str = NEEDS_RESPONSE_LABEL,
    days: int = ACKNOWLEDGE_WORKING_DAYS,
) -> list[int]:
    """The open requests that no person other than their author has answered within ``days`` working days,
    and that do not carry ``label`` yet."""
    return sorted(
        r.number
        for r in requests
        if r.open and label not in r.labels and not r.answered and add_working_days(r.created, days) <= now
    )


def answered_since(requests: Iterable[SupportRequest], label: str = NEEDS_RESPONSE_LABEL) -> list[int]:
    """The requests that carry ``label`` but have been answered since: the label can come off."""
    return sorted(r.number for r in requests if label in r.labels and r.answered)


# ---------------------------------------------------------------------------------------------------------------
# A case submitted as an issue

_LOGIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")


class SubmissionError(ValueError):
    """A value given to the submission texts is not what GitHub would give; the message names it."""


def pull_request_body(case_path: str, issue: int, submitter: str) -> str:
    """The body of the draft pull request that adds a case submitted as an issue.

    The submitter is credited by their handle only: never a name or an e-mail address, which the issue may
    hold and which some contributors must keep private.

    Raises:
        SubmissionError: when ``submitter`` is not a GitHub login or ``issue`` not a positive number.
    """
    if not _LOGIN.fullmatch(submitter):
        raise SubmissionError(f'"{submitter}" is not a GitHub login (letters, digits and single hyphens)')
    if issue < 1:
        raise SubmissionError(f"{issue} is not an issue number")
    return (
        f"This draft adds `{case_path}`, made by `advocacy issue-to-case` from the case submitted in #{issue} "
        f"by @{submitter}. Thank you!\n"
        "\n"
        f"Closes #{issue}\n"
        "\n"
        "The file passed `advocacy validate` when it was made. Before merging:\n"
        "\n"
        "- [ ] The case is in scope, sourced and safe: no private person named, nothing that puts a "
        "contributor at risk.\n"
        "- [ ] The text reads well; sections and sources are where they belong.\n"
        "- [ ] Checks have run. A pull request opened by a workflow starts none: mark this one ready for "
        "review, or close and reopen it, and they start.\n"
    )


def problems_comment(report: str) -> str:
    """The comment that tells a submitter what to fix in their issue, around the report of issue-to-case.

    The report quotes the issue, so it is shown as a block of code: a mention, a link or an image in it is
    shown as text, never acted on.
    """
    longest = max((len(run) for run in re.findall(r"`+", report)), default=0)
    fence = "`" * max(3, longest + 1)
    return (
        "Thank you for this case! It cannot become a case file yet. The check found these points:\n"
        "\n"
        f"{fence}text\n{report.strip()}\n{fence}\n"
        "\n"
        "Please edit the issue to fix them (the three dots at the top right of the issue, then Edit). "
        "A maintainer will then run the check again.\n"
    )
