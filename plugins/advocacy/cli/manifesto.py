"""``advocacy manifesto diff | check | release``: the manifesto changes by pull request."""

from __future__ import annotations

import argparse
import sys

from advocacy.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_format, project_of, report
from advocacy.manifesto.release import ReleaseError, release
from advocacy.manifesto.review import check_revision
from advocacy.manifesto.summary import diff_revisions
from advocacy.reading.git import RevisionError


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the commands of this group."""
    manifesto = commands.add_parser(
        "manifesto",
        help="compare, check and release versions of the manifesto",
        description=(
            "The manifesto changes by pull request: `diff` shows what a change does, clause by clause; `check` "
            "says what the pull request still needs; `release` freezes a new version."
        ),
    )
    steps = manifesto.add_subparsers(dest="action", metavar="ACTION", required=True)
    diff = steps.add_parser(
        "diff",
        parents=[common],
        help="print a Markdown summary of the changes between two git revisions, clause by clause",
        description=(
            "Print, in GitHub Markdown, every clause of manifesto/index.md added, removed or changed from BASE "
            "to HEAD (default: the working tree), with the words changed marked, and the other files of "
            "manifesto/ that changed."
        ),
    )
    diff.add_argument("base", metavar="BASE", help="the git revision before the change, such as origin/main")
    diff.add_argument(
        "head", metavar="HEAD", nargs="?", help="the revision after it (default: the working tree)"
    )
    diff.set_defaults(handler=diff_command)
    check = steps.add_parser(
        "check",
        parents=[common],
        help="exit with 1 when a change of the manifesto lacks a changelog item, changes or reuses an id, "
        "or edits a released version",
        description=(
            "Check the manifesto as it is in the working tree, and the way it changed since BASE: each clause "
            "changed has an item under `unreleased` in manifesto/changelog.yml, no clause id was changed or "
            "reused, no released version was edited. Each problem says what to write."
        ),
    )
    check.add_argument("base", metavar="BASE", help="the git revision before the change, such as origin/main")
    add_format(check)
    check.set_defaults(handler=check_command)
    release_parser = steps.add_parser(
        "release",
        parents=[common],
        help="freeze the current text as a new version and move the unreleased changes into it",
        description=(
            "Write manifesto/versions/VERSION/ (the text, and each translation that is current) and a new "
            "changelog entry holding the unreleased changes. Without VERSION, the changes decide it: a "
            "removed or reversed position raises the first number, a new or refined one the middle number, a "
            "wording fix the last (before 1.0.0, one step less)."
        ),
    )
    release_parser.add_argument(
        "version", metavar="VERSION", nargs="?", help="the version number, such as 1.1.0"
    )
    release_parser.add_argument("--summary", required=True, help="what the version changes, in one line")
    release_parser.set_defaults(handler=release_command)


def diff_command(args: argparse.Namespace) -> int:
    """Print the clause-by-clause summary of the changes between two revisions."""
    project = project_of(args)
    try:
        sys.stdout.write(diff_revisions(project, args.base, args.head))
    except RevisionError as exc:
        print(f"advocacy manifesto diff: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def check_command(args: argparse.Namespace) -> int:
    """Report what a manifesto pull request still needs."""
    project = project_of(args)
    try:
        problems = check_revision(project, args.base)
    except RevisionError as exc:
        print(f"advocacy manifesto check: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return report(
        problems, args.format, "{errors} error(s) in the manifesto and its change since " + args.base + "."
    )


def release_command(args: argparse.Namespace) -> int:
    """Freeze the current text as the next version."""
    project = project_of(args)
    try:
        released = release(project, args.summary, args.version)
    except ReleaseError as exc:
        print(f"advocacy manifesto release: {exc}", file=sys.stderr)
        return EXIT_INVALID
    for path in released.files:
        print(f"wrote {project.relative(path)}")
    for name in released.left_out:
        print(
            f"left out {name}: the translation is not current with the text (translate the changes, then add it)"
        )
    print(f"Version {released.version} is ready: commit these files in a release pull request.")
    return EXIT_OK
