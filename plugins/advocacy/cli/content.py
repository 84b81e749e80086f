"""``advocacy validate`` and ``advocacy schema``: the content checked, and the content model for editors."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from advocacy.cli.common import EXIT_OK, EXIT_USAGE, add_format, project_of, report
from advocacy.content.model import load_model
from advocacy.content.pages import check_pages
from advocacy.content.repository import load_repository, reading_workers
from advocacy.content.schema import case_schema, vocabulary_schema
from advocacy.content.tree import link_problems
from advocacy.content.vocabularies import load_vocabularies
from advocacy.manifesto.reading import load_manifesto
from advocacy.reading.problems import sort_problems


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the commands of this group."""
    validate = commands.add_parser(
        "validate",
        parents=[common],
        help="check case files, vocabularies, pages and the manifesto",
        description=(
            "Check the cases, the pages of docs/ and the manifesto of the repository (or report on the given "
            "files), and list every problem."
        ),
    )
    validate.add_argument("paths", nargs="*", metavar="PATH", help="files to report on (default: all)")
    add_format(validate)
    validate.set_defaults(handler=validate_command)

    schema = commands.add_parser(
        "schema",
        parents=[common],
        help="print the JSON Schema of case frontmatter (or of a vocabulary file)",
        description="Print the JSON Schema of case frontmatter, with the current vocabularies, for editors; "
        "with --vocabulary, the schema of that vocabulary's file.",
    )
    schema.add_argument("--output", "-o", metavar="FILE", help="write it to FILE instead")
    schema.add_argument(
        "--vocabulary",
        metavar="NAME",
        choices=list(load_model().vocabularies),
        help="the schema of cases/vocabularies/NAME.yml instead (%(choices)s)",
    )
    schema.set_defaults(handler=schema_command)


def validate_command(args: argparse.Namespace) -> int:
    """Check the whole repository, or report on the files named."""
    project = project_of(args)
    paths = None
    if args.paths:
        paths = []
        for raw in args.paths:
            path = Path(raw)
            path = path if path.is_absolute() else Path.cwd() / path
            if not path.exists():
                print(f"advocacy validate: {raw}: no such file", file=sys.stderr)
                return EXIT_USAGE
            paths.append(path.resolve())
    repository = load_repository(project, workers=reading_workers())
    problems = repository.problems if paths is None else repository.problems_of(paths)
    # The manifesto, the other pages and the folders: a problem may be found by two of these checks (the
    # manifesto's texts are pages too), and is listed once.
    other_problems = sorted(
        {*load_manifesto(project).problems, *check_pages(project).problems, *link_problems(project)}
    )
    if paths is not None:
        named = {project.relative(path) for path in paths}
        other_problems = [
            p for p in other_problems if any(p.file == n or p.file.startswith(n + "/") for n in named)
        ]
    files, published = repository.files, repository.published_files()
    if paths is None:
        tally = (
            "{errors} error(s), {warnings} warning(s); "
            f"{len(published)} of {len(files)} case files can be published."
        )
    else:
        # Count what was asked about: the files named, not the repository around them.
        asked = {project.relative(path) for path in paths}
        named_files = {f.display for f in files if f.display in asked or project.relative(f.path) in asked}
        ready = sum(f.display in named_files for f in published)
        tally = (
            "{errors} error(s), {warnings} warning(s) in " + f"{len(paths)} file(s) named; "
            f"{ready} of {len(named_files)} case file(s) named can be published."
        )
    return report(sort_problems({*problems, *other_problems}), args.format, tally)


def schema_command(args: argparse.Namespace) -> int:
    """Print (or write) the JSON Schema of case frontmatter, or of a vocabulary file."""
    project = project_of(args)
    model = load_model()
    vocabularies = load_vocabularies(project, model)
    languages = project.language_codes
    if args.vocabulary:
        schema = vocabulary_schema(model, vocabularies, languages, args.vocabulary)
    else:
        schema = case_schema(model, vocabularies, languages)
    text = json.dumps(schema, ensure_ascii=False, indent=1)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return EXIT_OK
