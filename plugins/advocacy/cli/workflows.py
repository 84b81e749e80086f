"""``advocacy links`` and ``advocacy support``: what the scheduled workflows run."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from advocacy.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, FORMATTERS, add_format, project_of
from advocacy.content.repository import load_repository
from advocacy.reading.problems import Severity
from advocacy.workflows import links, support


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the commands of this group."""
    links_parser = commands.add_parser(
        "links",
        parents=[common],
        help="check that the addresses of every case's sources still answer (needs the network)",
        description=(
            "Request every url and archive_url of the cases' sources (HEAD, then GET when HEAD is refused), "
            "a few at a time, and list the broken ones with their file, line and field. Exit 1 when one is "
            "broken. A site that answers 429 (slow down) gets a warning, not an error."
        ),
    )
    links_parser.add_argument(
        "--timeout",
        type=float,
        default=links.DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"seconds to wait for each request (default {links.DEFAULT_TIMEOUT:g})",
    )
    links_parser.add_argument(
        "--workers",
        type=int,
        default=links.DEFAULT_WORKERS,
        help=f"requests at once (default {links.DEFAULT_WORKERS}; never more than {links.PER_HOST} to one host)",
    )
    add_format(links_parser, ("text", "github", "markdown"))
    links_parser.add_argument(
        "--summary",
        metavar="FILE",
        help="also append the Markdown report to FILE (such as $GITHUB_STEP_SUMMARY)",
    )
    links_parser.set_defaults(handler=links_command)

    support_parser = commands.add_parser(
        "support",
        help="the acknowledgement of a support request, and the requests waiting for an answer",
        description=(
            "`acknowledge` prints the comment posted on a new support request; `overdue` lists the open "
            f"requests nobody but their author answered within {support.ACKNOWLEDGE_WORKING_DAYS} working "
            "days; `answered` lists those labelled as waiting that have an answer now."
        ),
    )
    actions = support_parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("acknowledge", help="print the comment that acknowledges a new request").set_defaults(
        handler=support_command
    )
    for name, text in (
        ("overdue", "print the numbers of the requests to label: no answer past the promised time"),
        ("answered", "print the numbers of the labelled requests that have been answered since"),
    ):
        action = actions.add_parser(name, help=text, description=text)
        action.add_argument(
            "--issues",
            required=True,
            metavar="FILE",
            help=f"the output of: gh issue list --label support --json {support.GH_FIELDS}",
        )
        action.add_argument(
            "--label",
            default=support.NEEDS_RESPONSE_LABEL,
            help=f"the label of waiting requests (default {support.NEEDS_RESPONSE_LABEL})",
        )
        if name == "overdue":
            action.add_argument("--now", type=_moment, help="the time to judge at (default: now), ISO 8601")
        action.set_defaults(handler=support_command)


def links_command(args: argparse.Namespace) -> int:
    """Check every source address; report the broken ones."""
    project = project_of(args)
    found = links.source_links(load_repository(project))
    checks = links.check_urls(
        (link.url for link in found),
        timeout=args.timeout,
        workers=args.workers,
        agent=links.user_agent(project.repo_url),
    )
    problems = links.link_problems(found, checks)
    summary = links.links_markdown(found, checks)
    if args.summary:
        with Path(args.summary).open("a", encoding="utf-8") as stream:
            stream.write(summary)
    sys.stdout.write(summary if args.format == "markdown" else FORMATTERS[args.format](problems))
    broken = sum(p.severity is Severity.ERROR for p in problems)
    print(f"{len(checks)} distinct address(es) checked: {broken} broken.", file=sys.stderr)
    return EXIT_INVALID if broken else EXIT_OK


def _moment(text: str) -> dt.datetime:
    """An ISO 8601 time for --now (UTC when it names no zone)."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO 8601 time such as 2026-11-25T12:00:00Z"
        ) from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def support_command(args: argparse.Namespace) -> int:
    """Print the acknowledgement, or the numbers of the requests to label or unlabel."""
    if args.action == "acknowledge":
        sys.stdout.write(support.acknowledgement())
        return EXIT_OK
    try:
        requests = support.read_issues(json.loads(Path(args.issues).read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:  # JSONDecodeError and IssuesError are ValueErrors
        print(f"advocacy support: {args.issues}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.action == "overdue":
        numbers = support.overdue(requests, args.now or dt.datetime.now(dt.UTC), args.label)
    else:
        numbers = support.answered_since(requests, args.label)
    sys.stdout.write("".join(f"{number}\n" for number in numbers))
    return EXIT_OK
