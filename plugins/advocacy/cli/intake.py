"""``advocacy new``, ``issue-to-case``, ``forms``, ``submission`` and ``preview``: contributions coming in."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from advocacy.cli.common import EXIT_INVALID, EXIT_OK, EXIT_STOPPED, EXIT_USAGE, project_of, read_input
from advocacy.content.model import load_model
from advocacy.content.repository import CaseIdError, case_path, load_repository
from advocacy.content.vocabularies import load_vocabularies
from advocacy.intake.forms import CASE_FORM, case_form_text
from advocacy.intake.issue_to_case import submission_from_issue
from advocacy.intake.new_case import (
    QUESTIONS,
    AnswerError,
    Answers,
    NewCase,
    Question,
    ScaffoldError,
    check_language,
    create_case,
    existing_files,
)
from advocacy.intake.preview import PreviewError, case_addresses, free_port, make_preview
from advocacy.intake.submission import SubmissionError, problems_comment, pull_request_body
from advocacy.locales.strings import section_headings
from advocacy.reading.problems import Severity, format_text, log_line

HOST = "127.0.0.1"
"""The preview answers on this machine only."""
ID_STAND_IN = "case-from-an-issue"
"""The name a case is checked under while a maintainer has not given it an id."""
EXIT_NEEDS_ID = 3
"""issue-to-case: the case passes every check but its title gives no id; a maintainer gives one (--id)."""


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
            "for in a terminal, each checked as it is given (asked again until it is right), or read from "
            "standard input, one line per answer in the order of the questions. Ctrl+C stops without writing."
        ),
    )
    for question in QUESTIONS:
        if question.several:
            new.add_argument(
                question.option,
                dest=question.name,
                action="append",
                help=question.prompt + "; repeat the option or use commas",
            )
        else:
            new.add_argument(question.option, dest=question.name, help=question.prompt)
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
            "Read the body of an issue written with the case form and write the case in the language the "
            "submitter chose: cases/<id>.md, or cases/<id>.<language>.md (the id comes from a Latin-script "
            "title, or --id). The file is checked and kept only if it passes; otherwise the problems are "
            "printed in the words of the form, for the submitter (exit 1). What only a maintainer can do goes "
            "to stderr: a title in another script needs --id (exit 3 when nothing else is wrong)."
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
            "each edit shows in a second or two whatever the size of the repository, and print the address of "
            "the case. Problems of the case are printed as warnings and shown at its address; `advocacy "
            "validate` checks everything."
        ),
    )
    preview.add_argument("path", metavar="PATH", help="the case file, such as cases/x.md")
    preview.add_argument(
        "--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000; a free one if it is in use)"
    )
    preview.add_argument(
        "--build", metavar="DIR", help="build the preview once into DIR instead of serving it"
    )
    preview.set_defaults(handler=preview_command)


class _Refused(Exception):
    """An answer read from standard input is not accepted (nobody is there to answer again)."""


def new_command(args: argparse.Namespace) -> int:
    """Create a case file from options and answers, each checked as it is given."""
    project = project_of(args)
    model = load_model()
    language = args.language or project.default_language.code
    try:
        check_language(project, language)
    except ScaffoldError as exc:
        print(f"advocacy new: --language: {exc}", file=sys.stderr)
        return EXIT_USAGE
    answers = Answers(project, model, load_vocabularies(project, model), language)
    values: dict[str, str | list[str]] = {}
    refused = []
    for question in QUESTIONS:
        given = getattr(args, question.name)
        if not given:
            continue
        try:
            values[question.name], _ = answers.check(
                question, ",".join(given) if isinstance(given, list) else given
            )
        except AnswerError as exc:
            refused.append(f"advocacy new: {question.option}: {exc}")
    if refused:
        print("\n".join(refused), file=sys.stderr)
        return EXIT_USAGE
    terminal = sys.stdin.isatty()
    missing = [q for q in QUESTIONS if q.name not in values]
    lines = iter(sys.stdin.readline, "")  # the answers piped in, one per line
    try:
        for number, question in enumerate(missing):
            try:
                values[question.name] = _ask(question, answers, None if terminal else lines, number + 1)
            except EOFError:
                if terminal:
                    raise
                options = ", ".join(q.option for q in missing[number:])
                print(
                    f"advocacy new: give {options} (as options, or one line each on standard input, or run it "
                    "in a terminal to be asked); nothing was written",
                    file=sys.stderr,
                )
                return EXIT_USAGE
    except (EOFError, KeyboardInterrupt) as exc:
        print("\nadvocacy new: stopped; nothing was written", file=sys.stderr)
        return EXIT_STOPPED if isinstance(exc, KeyboardInterrupt) else EXIT_INVALID
    except _Refused as exc:
        print(f"advocacy new: {exc}; nothing was written", file=sys.stderr)
        return EXIT_INVALID
    case = NewCase(language=language, **values)  # type: ignore[arg-type]  # each answer has its field's type
    try:
        path = create_case(project, model, case)
    except ScaffoldError as exc:
        print(f"advocacy new: {exc}", file=sys.stderr)
        return EXIT_USAGE
    display = project.relative(path)
    headings = ", ".join(section_headings(language).values())
    print(f"{display}: created; write the four sections ({headings}), then run: advocacy validate {display}")
    # The four sections are empty on purpose: what remains to write is said above, not reported as errors.
    sections = {
        n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if line.startswith("## ")
    }
    problems = [
        p
        for p in load_repository(project).problems_of([path])
        if not (p.field is None and p.line in sections)
    ]
    sys.stdout.write(format_text(problems))
    return EXIT_INVALID if any(p.severity is Severity.ERROR for p in problems) else EXIT_OK


def _ask(question: Question, answers: Answers, lines: Iterator[str] | None, number: int) -> str | list[str]:
    """Ask one question in a terminal until its answer is accepted, or read answer ``number`` from ``lines``
    (standard input, when it is not a terminal).

    Raises:
        EOFError: when standard input ends (Ctrl+D in a terminal).
        _Refused: when an answer read from standard input is not accepted.
    """
    terminal = lines is None
    while True:
        if lines is None:
            text = input(f"{question.prompt}: ")
        else:
            line = next(lines, None)
            if line is None:
                raise EOFError
            text = line.rstrip("\r\n")
        choices = answers.choices(question)
        if terminal and text.strip() == "?" and choices:
            print("  " + "\n  ".join(choices), file=sys.stderr)
            continue
        try:
            value, note = answers.check(question, text)
        except AnswerError as exc:
            if not terminal:
                what = question.prompt.split(" (")[0]
                raise _Refused(f"line {number} of standard input ({what}): {exc}") from exc
            print(f"  {exc}", file=sys.stderr)
            continue
        if note and terminal:
            print(f"  {note}", file=sys.stderr)
        return value


def forms_command(args: argparse.Namespace) -> int:
    """Write the case issue form, or check that the committed one is current."""
    project = project_of(args)
    model = load_model()
    text = case_form_text(
        model, load_vocabularies(project, model), project.default_language.code, project.languages
    )
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
    """Make a case file from a submitted issue, in the language it was written in; report in the form's words
    what the submitter must fix (stdout) and what only a maintainer can do (stderr)."""
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
    submission = submission_from_issue(body, model, vocabularies, project, args.id)
    problems = list(submission.problems)
    written = None
    if submission.text is not None:
        # Without an id (a title in another script) the case is still checked, under a stand-in name, so that
        # the submitter hears about its content at once; the maintainer gives the id.
        try:
            path = case_path(project, submission.case_id or ID_STAND_IN, submission.language)
        except CaseIdError as exc:
            print(f"advocacy issue-to-case: {exc}", file=sys.stderr)
            return EXIT_USAGE
        name = path.name
        existing = existing_files(project, name.split(".")[0])
        if existing:
            print(
                f"advocacy issue-to-case: the id {name.split('.')[0]!r} is taken "
                f"({project.relative(existing[0])}); give another --id",
                file=sys.stderr,
            )
            return EXIT_USAGE
        path.write_text(submission.text, encoding="utf-8")
        found = load_repository(project).problems_of([path])
        problems += [submission.explain(p) for p in found if p.severity is Severity.ERROR]
        # A file with problems never stays in cases/: the next run, once the issue is fixed, starts afresh.
        if problems or submission.case_id is None:
            path.unlink()
        else:
            written = path
    for note in submission.maintainer:
        print(log_line(f"advocacy issue-to-case: for a maintainer: {note}"), file=sys.stderr)
    if problems:
        print("Before this case can be published, please fix these points in the issue:\n")
        # The workflow prints this report in its log: text from the issue must not read as a workflow command.
        print("\n".join(log_line(f"- {problem}") for problem in problems))
        return EXIT_INVALID
    if written is None:
        return EXIT_NEEDS_ID
    print(f"The case file `{project.relative(written)}` was made from this issue.")
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
    """Serve (or build once) a small site around one case, opened at the case."""
    project = project_of(args)
    with tempfile.TemporaryDirectory(prefix="advocacy-preview-") as folder:
        try:
            config = make_preview(project, Path(args.path), Path(folder))
        except PreviewError as exc:
            print(f"advocacy preview: {exc}", file=sys.stderr)
            return EXIT_USAGE
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        mkdocs = [sys.executable, "-m", "mkdocs"]
        pages = case_addresses(project, Path(args.path))
        if args.build:
            start = time.perf_counter()
            code = subprocess.call([*mkdocs, "build", "-q", "-f", str(config), "-d", args.build], env=env)  # noqa: S603
            print(f"preview built in {time.perf_counter() - start:.2f} s into {args.build}", file=sys.stderr)
            return code
        try:
            port = free_port(HOST, args.port)
        except PreviewError as exc:
            print(f"advocacy preview: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if port != args.port:
            print(f"advocacy preview: port {args.port} is in use; using {port}", file=sys.stderr)
        base = f"http://{HOST}:{port}/"
        others = "".join(f"\n  {base}{page}" for page in pages[1:])
        print(f"Preview of {args.path}: {base}{pages[0]}{others}\n(Ctrl+C to stop)", file=sys.stderr)
        serve = [*mkdocs, "serve", "-f", str(config), "--dev-addr", f"{HOST}:{port}"]
        server = subprocess.Popen(serve, env=env)  # noqa: S603 - our own command line
        try:
            return server.wait()
        except KeyboardInterrupt:
            # Ctrl+C in a terminal reaches both; anything else that stops the preview stops the server too.
            server.terminate()
            server.wait()
            return EXIT_OK
