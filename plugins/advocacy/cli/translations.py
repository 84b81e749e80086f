"""``advocacy translations`` (with ``repin``) and ``advocacy translate``: the state of every translation, and the
tools that start one or keep it current."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from advocacy.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, project_of
from advocacy.content.repository import load_repository
from advocacy.translations.tools import (
    PinError,
    broken_message,
    format_report,
    repin,
    start_translation,
    translation_report,
    units_of_files,
)
from advocacy.translations.units import Status, units_of


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the commands of this group."""
    translations = commands.add_parser(
        "translations",
        parents=[common],
        help="report which translations are current, outdated or missing; repin after a typo fix",
        description=(
            "Report, for each language, the translations of cases, the manifesto and the pages: current, "
            "outdated (the source changed after the translation's pin; the lines that changed are shown), "
            "untranslated (still the source's text), or missing."
        ),
    )
    translations.add_argument("--format", choices=("text", "json"), default="text", help="text or json")
    translations.add_argument(
        "--file",
        action="append",
        metavar="PATH",
        help="report on this source or translation only (repeat for several)",
    )
    translations.add_argument(
        "--check",
        action="store_true",
        help="exit with 1 when a translation has no pin, a broken one or no method, or is still the source's "
        "text (outdated ones are listed, not failed)",
    )
    translations.set_defaults(handler=report_command)
    actions = translations.add_subparsers(dest="action", metavar="ACTION")
    repin_parser = actions.add_parser(
        "repin",
        parents=[common],
        help="after an edit that does not change the meaning of a source, keep its translations current",
        description=(
            "For each source file given, move the pins of its translations that were current at revision "
            "SINCE (git) to the source as it is now. Translations that were already outdated stay outdated. "
            "Refused when the source changed more than a typo since SINCE (a word added, removed or replaced, "
            "a number changed): its translations no longer say the same."
        ),
    )
    repin_parser.add_argument("paths", nargs="+", metavar="SOURCE", help="source files you edited")
    repin_parser.add_argument(
        "--since",
        default="HEAD",
        help="git revision before the edit (default HEAD; in a pull request, its base)",
    )
    repin_parser.add_argument(
        "--force",
        action="store_true",
        help="pin them even though the source's meaning changed: the translations were updated with it",
    )
    repin_parser.set_defaults(handler=repin_command)

    translate = commands.add_parser(
        "translate",
        parents=[common],
        help="start a translation: a new file with its pin and the text to translate",
        description="Create the translation of a case or page into LANGUAGE, pinned to the source as it is now.",
    )
    translate.add_argument(
        "path", metavar="SOURCE", help="the case's original or the page (docs/, manifesto/)"
    )
    translate.add_argument("language", metavar="LANGUAGE", help="a site language code, such as fr")
    translate.set_defaults(handler=translate_command)


def report_command(args: argparse.Namespace) -> int:
    """Print the state of every translation (or of those of the files named), per language."""
    project = project_of(args)
    units = units_of(project, load_repository(project))
    if args.file:
        try:
            units = units_of_files(project, units, [Path(p) for p in args.file])
        except PinError as exc:
            print(f"advocacy translations: {exc}", file=sys.stderr)
            return EXIT_USAGE
    if args.format == "json":
        print(json.dumps(translation_report(project, units), ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(format_report(project, units))
    broken = [u for u in units if u.status in {Status.UNPINNED, Status.MALFORMED, Status.UNTRANSLATED}]
    if args.check:
        for unit in broken:
            print(broken_message(project, unit), file=sys.stderr)
        return EXIT_INVALID if broken else EXIT_OK
    return EXIT_OK


def repin_command(args: argparse.Namespace) -> int:
    """Move the pins of the translations that were current to the sources as they are now."""
    project = project_of(args)
    units = units_of(project, load_repository(project))
    try:
        changed = repin(project, units, [Path(p).resolve() for p in args.paths], args.since, args.force)
    except PinError as exc:
        print(f"advocacy translations repin: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for path, note in changed:
        print(f"{project.relative(path)}: {note}")
    return EXIT_OK


def translate_command(args: argparse.Namespace) -> int:
    """Create a translation file pinned to its source."""
    project = project_of(args)
    try:
        path = start_translation(project, Path(args.path).resolve(), args.language)
    except PinError as exc:
        print(f"advocacy translate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(
        f"{project.relative(path)}: created with the text of {project.relative(Path(args.path).resolve())} to "
        "translate. It is not published until it is translated; then write how, under translation: "
        "(method: human, machine or machine-reviewed), and your handle under translators if you like. Keep "
        "translation.source: it says which version you translated."
    )
    return EXIT_OK
