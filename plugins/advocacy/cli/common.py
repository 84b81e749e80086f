"""What every command shares: the project it works on, the exit statuses, and how problems are printed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from advocacy.content.project import Project, find_root, load_project
from advocacy.reading.problems import Problem, Severity, format_github, format_json, format_text

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
EXIT_STOPPED = 130  # stopped by the person (Ctrl+C), as shells report an interrupted command

FORMATTERS = {"text": format_text, "github": format_github, "json": format_json}


def project_of(args: argparse.Namespace) -> Project:
    """The project named by --root, or the one around the current folder."""
    root = Path(args.root).resolve() if args.root else find_root(Path.cwd().resolve())
    return load_project(root)


def common_options() -> argparse.ArgumentParser:
    """The options every command that reads the repository takes (``--root``)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", help="the repository (default: the nearest folder with mkdocs.yml)")
    return common


def add_format(
    parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("text", "github", "json")
) -> None:
    """The ``--format`` option of commands that report problems."""
    parser.add_argument(
        "--format",
        choices=choices,
        default="text",
        help="text (default), github (workflow annotations and the full list), or json",
    )


def report(problems: Sequence[Problem], output_format: str, tally: str | None = None) -> int:
    """Print ``problems`` in ``output_format`` and, except in JSON, a tally on stderr (``tally`` formatted with
    ``errors`` and ``warnings``); return 1 when one of them is an error, else 0."""
    sys.stdout.write(FORMATTERS[output_format](list(problems)))
    errors = sum(p.severity is Severity.ERROR for p in problems)
    if tally is not None and output_format != "json":
        print(tally.format(errors=errors, warnings=len(problems) - errors), file=sys.stderr)
    return EXIT_INVALID if errors else EXIT_OK


def read_input(name: str) -> str:
    """The text of a file named on the command line, or of standard input for ``-``."""
    return sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
