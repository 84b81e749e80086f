"""The texts around a case submitted as an issue: the draft pull request that adds it, and the comment that
lists what the submitter must fix instead (``advocacy submission``)."""

from __future__ import annotations

import re

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
