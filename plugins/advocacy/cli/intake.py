"""``advocacy new``, ``issue-to-case``, ``forms``, ``submission`` and ``preview``: contributions coming in."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from advocacy.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, project_of, read_input
from advocacy.content.model import load_model
from advocacy.content.repository import CaseIdError, case_path, load_repository
from advocacy.content.vocabularies import load_vocabularies
from advocacy.intake.forms import CASE_FORM, case_form_text
from advocacy.intake.issue_to_case import submission_from_issue
from advocacy.intake.new_case import NewCase, ScaffoldError, create_case
from advocacy.intake.preview import PreviewError, make_preview
from advocacy.intake.submission import SubmissionError, problems_comment, pull_request_body
from advocacy.reading.problems import Severity, format_text, log_line

NEW_FIELDS = (
    ("id", "id (lowercase letters, digits and hyphens, such as wikipedia-block-2017)"),
    ("title", "title"),
    ("summary", "summary (one or two sentences)"),
    ("date", "date the action started (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("outcome", "outcome (success, partial, failure, ongoing, unknown)"),
    ("jurisdiction", "jurisdictions (ISO codes such as DE or ES-CT, EU, or a forum; separated by commas)"),
    ("topic", "topics (terms of cases/vocabularies/topics.yml, separated by commas)"),
    ("method", "methods (terms of cases/vocabularies/methods.yml, separated by commas)"),
    ("source_title", "title of a first source"),
    ("source_url", "its https address"),
)


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the commands of this group."""
    new = commands.add_parser(
        "new",
        parents=[common],
        help="create a case file with its required fields and the four sections",
        description=(
            "Create cases/<id>.md (or cases/<id>.<language>.md) with the fields every case needs, today as "
            "`published`, and the four sections with what each holds. Values not given as options are asked "
            "for in a terminal. The new file is checked at once."
        ),
    )
    for name, question in NEW_FIELDS:
        flag = "--" + name.replace("_", "-")
        if name in {"jurisdiction", "topic", "method"}:
            new.add_argument(
                flag, dest=name, action="append", help=question + "; repeat the option or use commas"
            )
        else:
            new.add_argument(flag, dest=name, help=question)
    new.add_argument("--language", help="the language the case is written in (default: the site's default)")
    new.set_defaults(handler=new_command)

    forms = commands.add_parser(
        "forms",
        parents=[common],
        help="write the issue form for submitting a case, from the content model and the vocabularies",
        description=f"Write {CASE_FORM}: one field per part of a case, the vocabularies as choices.",
    )
    forms.add_argument(
        "--check", action="store_true", help="exit with 1 if the committed form is out of date"
    )
    forms.set_defaults(handler=forms_command)

    issue = commands.add_parser(
        "issue-to-case",
        parents=[common],
        help="turn the body of a case submitted with the issue form into a case file and a report",
        description=(
            "Read the body of an issue written with the case form, write cases/<id>.md (the id comes from a "
            "Latin-script title, or --id), check it, and print a report in plain words for the submitter."
        ),
    )
    issue.add_argument("file", metavar="FILE", help="the issue body, or - for standard input")
    issue.add_argument("--id", help="the case id, when the title is not in Latin script")
    issue.set_defaults(handler=issue_to_case_command)

    submission = commands.add_parser(
        "submission",
        help="the texts the issue-to-case workflow posts: the draft pull request, or what to fix",
        description=(
            "`pull-request` prints the body of the draft pull request adding a case submitted as an issue "
            "(crediting the submitter by handle only); `problems` prints the comment that shows the "
            "submitter the report of issue-to-case."
        ),
    )
    actions = submission.add_subparsers(dest="action", metavar="ACTION", required=True)
    pull_request = actions.add_parser(
        "pull-request", parents=[common], help="print the body of the draft pull request"
    )
    pull_request.add_argument("--issue", type=int, required=True, help="the number of the issue")
    pull_request.add_argument("--submitter", required=True, help="the GitHub login of who opened it")
    pull_request.add_argument("--case", required=True, metavar="PATH", help="the case file made from it")
    pull_request.set_defaults(handler=pull_request_command)
    problems_parser = actions.add_parser(
        "problems", help="print the comment listing what the submitter must fix"
    )
    problems_parser.add_argument(
        "report", metavar="REPORT", help="the output of issue-to-case, or - for stdin"
    )
    problems_parser.set_defaults(handler=problems_command)

    preview = commands.add_parser(
        "preview",
        parents=[common],
        help="serve one case with the cases it names, rebuilt in about a second after each edit",
        description=(
            "Serve a small site holding one case, the cases it names and the cases that name it, so that "
            "each edit shows in about a second whatever the size of the repository. Problems of the case are "
            "printed as warnings; `advocacy validate` checks everything."
        ),
    )
    preview.add_argument("path", metavar="PATH", help="the case file, such as cases/x.md")
    preview.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    preview.add_argument(
        "--build", metavar="DIR", help="build the preview once into DIR instead of serving it"
    )
    preview.set_defaults(handler=preview_command)


def new_command(args: argparse.Namespace) -> int:
    """Create a case file from options, or from answers in a terminal."""
    project = project_of(args)
    values: dict[str, str] = {}
    missing = []
    for name, question in NEW_FIELDS:
        value = getattr(args, name)
        if isinstance(value, list):
            value = ",".join(value)
        if not value and sys.stdin.isatty():
            value = input(f"{question}: ").strip()
        if not value:
            missing.append("--" + name.replace("_", "-"))
        values[name] = value or ""
    if missing:
        print(
            f"advocacy new: give {', '.join(missing)} (or run it in a terminal to be asked)", file=sys.stderr
        )
        return EXIT_USAGE

    def split(text: str) -> list[str]:
        return [part.strip() for part in text.split(",") if part.strip()]

    case = NewCase(
        id=values["id"],
        title=values["title"],
        summary=values["summary"],
        date=values["date"],
        outcome=values["outcome"],
        jurisdictions=split(values["jurisdiction"]),
        topics=split(values["topic"]),
        methods=split(values["method"]),
        source_title=values["source_title"],
        source_url=values["source_url"],
        language=args.language or "",
    )
    try:
        path = create_case(project, load_model(), case)
    except ScaffoldError as exc:
        print(f"advocacy new: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(
        f"{project.relative(path)}: created; write the four sections, then run: advocacy validate {project.relative(path)}"
    )
    problems = load_repository(project).problems_of([path])
    sys.stdout.write(format_text(problems))
    return EXIT_INVALID if any(p.severity is Severity.ERROR for p in problems) else EXIT_OK


def forms_command(args: argparse.Namespace) -> int:
    """Write the case issue form, or check that the committed one is current."""
    project = project_of(args)
    model = load_model()
    text = case_form_text(model, load_vocabularies(project, model), project.default_language.code)
    path = project.root / CASE_FORM
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if args.check:
        if current != text:
            print(
                f"{CASE_FORM} is not up to date with the content model and the vocabularies; run: advocacy forms",
                file=sys.stderr,
            )
            return EXIT_INVALID
        return EXIT_OK
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"{CASE_FORM}: {'unchanged' if current == text else 'written'}")
    return EXIT_OK


def issue_to_case_command(args: argparse.Namespace) -> int:
    """Make a case file from a submitted issue, and report in plain words what to fix."""
    project = project_of(args)
    if args.id is not None:
        try:
            case_path(project, args.id)
        except CaseIdError as exc:
            print(f"advocacy issue-to-case: --id: {exc}", file=sys.stderr)
            return EXIT_USAGE
    body = read_input(args.file)
    model = load_model()
    vocabularies = load_vocabularies(project, model)
    submission = submission_from_issue(body, model, vocabularies, project.default_language.code, args.id)
    problems = list(submission.problems)
    path = None
    if submission.text is not None and submission.case_id is not None:
        try:
            path = case_path(project, submission.case_id)
        except CaseIdError as exc:
            print(f"advocacy issue-to-case: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if path.exists() or any(project.cases_dir.glob(f"{submission.case_id}.*.md")):
            print(
                f"advocacy issue-to-case: a case {submission.case_id!r} exists already; give another --id",
                file=sys.stderr,
            )
            return EXIT_USAGE
        path.write_text(submission.text, encoding="utf-8")
        for problem in load_repository(project).problems_of([path]):
            where = f"{problem.field}: " if problem.field else ""
            problems.append(f"{where}{problem.message}")
    if path is not None:
        print(f"The case file `{project.relative(path)}` was made from this issue.")
    if problems:
        print("\nBefore it can be published, please fix these points in the issue:\n")
        # The workflow prints this report in its log: text from the issue must not read as a workflow command.
        print("\n".join(log_line(f"- {problem}") for problem in problems))
        return EXIT_INVALID
    print("It passes every check and can be reviewed.")
    return EXIT_OK


def pull_request_command(args: argparse.Namespace) -> int:
    """Print the body of the draft pull request that adds a submitted case."""
    project = project_of(args)
    path = Path(args.case)
    path = (path if path.is_absolute() else Path.cwd() / path).resolve()
    if not path.is_file() or path.parent != project.cases_dir.resolve():
        print(
            f"advocacy submission: {args.case}: not a case file in {project.cases_dirname}/", file=sys.stderr
        )
        return EXIT_USAGE
    try:
        body = pull_request_body(project.relative(path), args.issue, args.submitter)
    except SubmissionError as exc:
        print(f"advocacy submission: {exc}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(body)
    return EXIT_OK


def problems_command(args: argparse.Namespace) -> int:
    """Print the comment that shows a submitter the report of issue-to-case."""
    sys.stdout.write(problems_comment(read_input(args.report)))
    return EXIT_OK


def preview_command(args: argparse.Namespace) -> int:
    """Serve (or build once) a small site around one case."""
    project = project_of(args)
    with tempfile.TemporaryDirectory(prefix="advocacy-preview-") as folder:
        try:
            config = make_preview(project, Path(args.path), Path(folder))
        except PreviewError as exc:
            print(f"advocacy preview: {exc}", file=sys.stderr)
            return EXIT_USAGE
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        mkdocs = [sys.executable, "-m", "mkdocs"]
        if args.build:
            start = time.perf_counter()
            code = subprocess.call([*mkdocs, "build", "-q", "-f", str(config), "-d", args.build], env=env)  # noqa: S603
            print(f"preview built in {time.perf_counter() - start:.2f} s into {args.build}", file=sys.stderr)
            return code
        print(f"Preview of {args.path}: http://127.0.0.1:{args.port}/ (Ctrl+C to stop)", file=sys.stderr)
        try:
            return subprocess.call(  # noqa: S603
                [*mkdocs, "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{args.port}"], env=env
            )
        except KeyboardInterrupt:
            return EXIT_OK
