"""Answering people who ask for support: the acknowledgement posted on a new request, and the requests left
without an answer from a person past the promised time (``advocacy support``).

Nothing here talks to GitHub: the workflow fetches the issues with ``gh`` and passes them in as a file, so that
every rule can be tested on fixtures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

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
