"""``advocacy check-site``: the built site checked against its sources."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from advocacy.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, project_of
from advocacy.content.repository import load_repository
from advocacy.manifesto.reading import load_manifesto
from advocacy.reading.problems import format_text
from advocacy.site.integrity import check_site


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the commands of this group."""
    check_site_parser = commands.add_parser(
        "check-site",
        parents=[common],
        help="check a built site: every valid page of every language is there, every internal link resolves",
        description=(
            "After a build: check that every published case, page and manifesto text of every language has its "
            "page in SITE, and that every internal link, anchor, stylesheet, script and image of the final HTML "
            "resolves. Exit 1 when something is missing or broken."
        ),
    )
    check_site_parser.add_argument("site", metavar="SITE", nargs="?", help="the built site (default: site/)")
    check_site_parser.set_defaults(handler=check_site_command)


def check_site_command(args: argparse.Namespace) -> int:
    """Check every page and internal link of a built site."""
    project = project_of(args)
    site = Path(args.site) if args.site else project.root / "site"
    if not (site / "index.html").is_file():
        print(f"advocacy check-site: {site} holds no built site; run `make build` first", file=sys.stderr)
        return EXIT_USAGE
    problems = check_site(project, load_repository(project), load_manifesto(project), site)
    sys.stdout.write(format_text(problems))
    print(f"{len(problems)} problem(s) in {site}.", file=sys.stderr)
    return EXIT_INVALID if problems else EXIT_OK
