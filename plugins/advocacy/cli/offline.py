"""``advocacy offline`` (with ``check`` and ``list``): the offline copies of the built site, one ZIM file per
language for Kiwix, and their list on the downloads pages.

libzim (GPL-3.0-or-later) is an optional extra: it is imported here, inside the handlers, and nowhere else,
so that every other command works without it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from advocacy.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, project_of
from advocacy.offline.downloads import ManifestError, fill_downloads, read_manifest
from advocacy.reading.problems import format_text

NEEDS_LIBZIM = (
    "advocacy offline needs libzim, openZIM's library (GPL-3.0-or-later), an optional extra of the hub: "
    "install it with `pip install '.[offline]'` in the repository, or run `make offline`"
)


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the commands of this group."""
    offline = commands.add_parser(
        "offline",
        parents=[common],
        help="write the offline copies of the built site: one ZIM file per language, for Kiwix",
        description=(
            "From the built site (make build), write site/downloads/advocacy-hub_<language>_<yyyy-mm>.zim for "
            "each site language, with its full-text index, title suggestions and metadata; read each back and "
            "check it; write offline.json and SHA256SUMS beside them and list them on the downloads pages. "
            "Exit 1 when a copy or its metadata is wrong, 2 when libzim or the site is missing."
        ),
    )
    offline.add_argument("--site", help="the built site (default: site/)")
    offline.add_argument(
        "--language",
        action="append",
        metavar="CODE",
        help="make only this language's copy (repeat for several; default: every site language)",
    )
    offline.add_argument(
        "--date",
        type=_day,
        help="the date of the copies, YYYY-MM-DD (default: today, UTC)",
    )
    offline.set_defaults(handler=offline_command)
    actions = offline.add_subparsers(dest="action", metavar="ACTION")
    check = actions.add_parser(
        "check",
        help="read offline copies back: metadata, indexes, every link of every page",
        description=(
            "Open each ZIM file as a Kiwix reader does and report what is wrong: damage, metadata against the "
            "openZIM rules, a missing index or main page, a script, a file loaded from another host, a link "
            "that leads to nothing inside the copy. Exit 1 when anything is wrong."
        ),
    )
    check.add_argument("files", nargs="+", metavar="ZIM", help="the offline copies to check")
    check.set_defaults(handler=check_command)
    listing = actions.add_parser(
        "list",
        parents=[common],
        help="list the copies of a release on the downloads pages of a built site",
        description=(
            "Replace the paragraph about where the copies are published, on the downloads page of each "
            "language of the built site, by the list of the copies named in MANIFEST (the offline.json of a "
            "release), with links under BASE_URL, their size, date and SHA-256."
        ),
    )
    listing.add_argument("manifest", metavar="MANIFEST", help="offline.json, as advocacy offline writes it")
    listing.add_argument(
        "--base-url",
        required=True,
        help="where the files are published, e.g. https://github.com/<owner>/<repo>/releases/download/<tag>/",
    )
    listing.add_argument("--site", help="the built site (default: site/)")
    listing.set_defaults(handler=list_command)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from exc


def _libzim_missing() -> bool:
    """Whether libzim cannot be imported (the extra is not installed); says what to do if so."""
    try:
        import libzim  # noqa: F401  # the GPL library is loaded here, by this command only
    except ImportError:
        print(f"advocacy: {NEEDS_LIBZIM}", file=sys.stderr)
        return True
    return False


def offline_command(args: argparse.Namespace) -> int:
    """Write, check and list the offline copies of the built site."""
    project = project_of(args)
    site = Path(args.site) if args.site else project.root / "site"
    if not (site / "index.html").is_file():
        print(f"advocacy offline: {site} holds no built site; run `make build` first", file=sys.stderr)
        return EXIT_USAGE
    languages = tuple(args.language or project.language_codes)
    unknown = [code for code in languages if code not in project.language_codes]
    if unknown:
        print(
            f"advocacy offline: {', '.join(unknown)} is not a site language; choose among "
            f"{', '.join(project.language_codes)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if _libzim_missing():
        return EXIT_USAGE
    from advocacy.offline.copies import make_copies  # libzim: only here

    day = args.date or dt.datetime.now(dt.UTC).date()
    copies, problems = make_copies(project, site, languages, day, progress=print)
    sys.stdout.write(format_text(problems))
    total = sum(copy.file.size for copy in copies)
    print(
        f"{len(copies)} offline cop{'y' if len(copies) == 1 else 'ies'} ({total / 1e6:.1f} MB) in "
        f"{site / 'downloads'}; {len(problems)} problem(s).",
        file=sys.stderr,
    )
    return EXIT_INVALID if problems else EXIT_OK


def check_command(args: argparse.Namespace) -> int:
    """Read offline copies back and report what is wrong with them."""
    if _libzim_missing():
        return EXIT_USAGE
    from advocacy.offline.reader import check_copy  # libzim: only here

    problems = []
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            print(f"advocacy offline check: no file {path}", file=sys.stderr)
            return EXIT_USAGE
        problems.extend(check_copy(path))
    sys.stdout.write(format_text(problems))
    print(f"{len(problems)} problem(s) in {len(args.files)} file(s).", file=sys.stderr)
    return EXIT_INVALID if problems else EXIT_OK


def list_command(args: argparse.Namespace) -> int:
    """List the copies of a release on the downloads pages of the built site."""
    project = project_of(args)
    site = Path(args.site) if args.site else project.root / "site"
    if not (site / "index.html").is_file():
        print(f"advocacy offline list: {site} holds no built site; run `make build` first", file=sys.stderr)
        return EXIT_USAGE
    if not args.base_url.startswith("https://"):
        print(
            f"advocacy offline list: --base-url must start with https:// (found '{args.base_url}')",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        files = read_manifest(Path(args.manifest), project.language_codes)
    except ManifestError as exc:
        print(f"advocacy offline list: {exc}", file=sys.stderr)
        return EXIT_INVALID
    problems = fill_downloads(project, site, files, base=args.base_url)
    sys.stdout.write(format_text(problems))
    print(
        f"{len(files)} offline cop{'y' if len(files) == 1 else 'ies'} listed; {len(problems)} problem(s).",
        file=sys.stderr,
    )
    return EXIT_INVALID if problems else EXIT_OK
