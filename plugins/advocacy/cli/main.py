"""The ``advocacy`` command's entry point: the parser assembled from each group of commands, and the run."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from advocacy.cli import content, intake, manifesto, offline, site, translations, workflows
from advocacy.cli.common import EXIT_OK, EXIT_USAGE, common_options
from advocacy.content.project import ProjectError

GROUPS = (content, intake, translations, manifesto, site, offline, workflows)


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface, with one sub-command per task."""
    parser = argparse.ArgumentParser(prog="advocacy", description="Tools for the Advocacy Hub repository.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = common_options()
    for group in GROUPS:
        group.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        result: int = args.handler(args)
    except ProjectError as exc:
        print(f"advocacy: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader (head, less) stopped early. Point stdout at devnull so that the flush at exit does not
        # fail again, as the Python documentation advises.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
