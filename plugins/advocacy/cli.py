"""The ``advocacy`` command: a front over the same core as the MkDocs plugins.

Exit status: 0 when the content is valid, 1 when it has errors, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from advocacy import automation
from advocacy.forms import CASE_FORM, case_form_text
from advocacy.git import RevisionError
from advocacy.integrity import check_site
from advocacy.issue_case import submission_from_issue
from advocacy.manifesto.reading import load_manifesto
from advocacy.manifesto.release import ReleaseError, release
from advocacy.manifesto.review import check_revision
from advocacy.manifesto.summary import diff_revisions
from advocacy.model import load_model
from advocacy.preview import PreviewError, make_preview
from advocacy.problems import Severity, format_github, format_json, format_text
from advocacy.project import Project, ProjectError, find_root, load_project
from advocacy.repository import load_repository
from advocacy.scaffold import NewCase, ScaffoldError, create_case
from advocacy.schema import case_schema
from advocacy.translation_tools import (
    PinError,
    broken_message,
    format_report,
    repin,
    start_translation,
    translation_report,
)
from advocacy.translations import Unit, translation_units
from advocacy.vocabularies import load_vocabularies

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _project(args: argparse.Namespace) -> Project:
    """The project named by --root, or the one around the current folder."""
    root = Path(args.root).resolve() if args.root else find_root(Path.cwd().resolve())
    return load_project(root)


def _validate(args: argparse.Namespace) -> int:
    project = _project(args)
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
    repository = load_repository(project)
    problems = repository.problems if paths is None else repository.problems_of(paths)
    manifesto_problems = load_manifesto(project).problems
    if paths is not None:
        named = {project.relative(path) for path in paths}
        manifesto_problems = [
            p for p in manifesto_problems if any(p.file == n or p.file.startswith(n + "/") for n in named)
        ]
    problems = [*problems, *manifesto_problems]
    formatter = {"text": format_text, "github": format_github, "json": format_json}[args.format]
    sys.stdout.write(formatter(problems))
    errors = sum(p.severity is Severity.ERROR for p in problems)
    if args.format != "json":
        warnings = len(problems) - errors
        published = len(repository.published_files())
        total = len(repository.files)
        print(
            f"{errors} error(s), {warnings} warning(s); {published} of {total} case files can be published.",
            file=sys.stderr,
        )
    return EXIT_INVALID if errors else EXIT_OK


def _check_site(args: argparse.Namespace) -> int:
    project = _project(args)
    site = Path(args.site) if args.site else project.root / "site"
    if not (site / "index.html").is_file():
        print(f"advocacy check-site: {site} holds no built site; run `make build` first", file=sys.stderr)
        return EXIT_USAGE
    problems = check_site(project, load_repository(project), load_manifesto(project), site)
    sys.stdout.write(format_text(problems))
    print(f"{len(problems)} problem(s) in {site}.", file=sys.stderr)
    return EXIT_INVALID if problems else EXIT_OK


def _manifesto_diff(args: argparse.Namespace) -> int:
    project = _project(args)
    try:
        sys.stdout.write(diff_revisions(project, args.base, args.head))
    except RevisionError as exc:
        print(f"advocacy manifesto diff: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _manifesto_check(args: argparse.Namespace) -> int:
    project = _project(args)
    try:
        problems = check_revision(project, args.base)
    except RevisionError as exc:
        print(f"advocacy manifesto check: {exc}", file=sys.stderr)
        return EXIT_USAGE
    formatter = {"text": format_text, "github": format_github, "json": format_json}[args.format]
    sys.stdout.write(formatter(problems))
    errors = sum(p.severity is Severity.ERROR for p in problems)
    if args.format != "json":
        print(f"{errors} error(s) in the manifesto and its change since {args.base}.", file=sys.stderr)
    return EXIT_INVALID if errors else EXIT_OK


def _manifesto_release(args: argparse.Namespace) -> int:
    project = _project(args)
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


def _schema(args: argparse.Namespace) -> int:
    project = _project(args)
    model = load_model()
    vocabularies = load_vocabularies(project, model)
    text = json.dumps(case_schema(model, vocabularies, project.language_codes), ensure_ascii=False, indent=1)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return EXIT_OK


def _preview(args: argparse.Namespace) -> int:
    project = _project(args)
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


def _units(project: Project) -> list[Unit]:
    repository = load_repository(project)
    files = [(f.case_id, f.language, f.path, f.kind == "original") for f in repository.files if f.kind]
    return translation_units(project, files)


def _translations(args: argparse.Namespace) -> int:
    project = _project(args)
    units = _units(project)
    if args.format == "json":
        print(json.dumps(translation_report(project, units), ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(format_report(project, units))
    broken = [u for u in units if u.status in {"unpinned", "malformed"}]
    if args.check:
        for unit in broken:
            print(broken_message(project, unit), file=sys.stderr)
        return EXIT_INVALID if broken else EXIT_OK
    return EXIT_OK


def _repin(args: argparse.Namespace) -> int:
    project = _project(args)
    try:
        changed = repin(project, _units(project), [Path(p).resolve() for p in args.paths], args.since)
    except PinError as exc:
        print(f"advocacy translations repin: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for path, note in changed:
        print(f"{project.relative(path)}: {note}")
    return EXIT_OK


def _translate(args: argparse.Namespace) -> int:
    project = _project(args)
    try:
        path = start_translation(project, Path(args.path).resolve(), args.language)
    except PinError as exc:
        print(f"advocacy translate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"{project.relative(path)}: created; translate the text, keep the frontmatter's translation.source")
    return EXIT_OK


_NEW_FIELDS = (
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


def _new(args: argparse.Namespace) -> int:
    project = _project(args)
    values: dict[str, str] = {}
    missing = []
    for name, question in _NEW_FIELDS:
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
    repository = load_repository(project)
    problems = repository.problems_of([path])
    sys.stdout.write(format_text(problems))
    return EXIT_INVALID if any(p.severity is Severity.ERROR for p in problems) else EXIT_OK


def _forms(args: argparse.Namespace) -> int:
    project = _project(args)
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


def _issue_to_case(args: argparse.Namespace) -> int:
    project = _project(args)
    body = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    model = load_model()
    vocabularies = load_vocabularies(project, model)
    submission = submission_from_issue(body, model, vocabularies, project.default_language.code, args.id)
    problems = list(submission.problems)
    path = None
    if submission.text is not None and submission.case_id is not None:
        path = project.cases_dir / f"{submission.case_id}.md"
        if path.exists() or any(project.cases_dir.glob(f"{submission.case_id}.*.md")):
            print(
                f"advocacy issue-to-case: a case {submission.case_id!r} exists already; give another --id",
                file=sys.stderr,
            )
            return EXIT_USAGE
        path.write_text(submission.text, encoding="utf-8")
        repository = load_repository(project)
        for problem in repository.problems_of([path]):
            where = f"{problem.field}: " if problem.field else ""
            problems.append(f"{where}{problem.message}")
    if path is not None:
        print(f"The case file `{project.relative(path)}` was made from this issue.")
    if problems:
        print("\nBefore it can be published, please fix these points in the issue:\n")
        print("\n".join(f"- {problem}" for problem in problems))
        return EXIT_INVALID
    print("It passes every check and can be reviewed.")
    return EXIT_OK


def _links(args: argparse.Namespace) -> int:
    project = _project(args)
    links = automation.source_links(load_repository(project))
    checks = automation.check_urls(
        (link.url for link in links),
        timeout=args.timeout,
        workers=args.workers,
        agent=automation.user_agent(project.repo_url),
    )
    problems = automation.link_problems(links, checks)
    summary = automation.links_markdown(links, checks)
    if args.format == "markdown":
        sys.stdout.write(summary)
    else:
        sys.stdout.write({"text": format_text, "github": format_github}[args.format](problems))
    if args.summary:
        with Path(args.summary).open("a", encoding="utf-8") as stream:
            stream.write(summary)
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


def _support_requests(args: argparse.Namespace) -> list[automation.SupportRequest] | None:
    try:
        data = json.loads(Path(args.issues).read_text(encoding="utf-8"))
        return automation.read_issues(data)
    except (OSError, ValueError) as exc:  # JSONDecodeError and IssuesError are ValueErrors
        print(f"advocacy support: {args.issues}: {exc}", file=sys.stderr)
        return None


def _support(args: argparse.Namespace) -> int:
    if args.action == "acknowledge":
        sys.stdout.write(automation.acknowledgement())
        return EXIT_OK
    requests = _support_requests(args)
    if requests is None:
        return EXIT_USAGE
    if args.action == "overdue":
        numbers = automation.overdue(requests, args.now or dt.datetime.now(dt.UTC), args.label)
    else:
        numbers = automation.answered_since(requests, args.label)
    sys.stdout.write("".join(f"{number}\n" for number in numbers))
    return EXIT_OK


def _submission(args: argparse.Namespace) -> int:
    if args.action == "problems":
        report = sys.stdin.read() if args.report == "-" else Path(args.report).read_text(encoding="utf-8")
        sys.stdout.write(automation.problems_comment(report))
        return EXIT_OK
    project = _project(args)
    path = Path(args.case)
    path = (path if path.is_absolute() else Path.cwd() / path).resolve()
    if not path.is_file() or path.parent != project.cases_dir.resolve():
        print(
            f"advocacy submission: {args.case}: not a case file in {project.cases_dirname}/", file=sys.stderr
        )
        return EXIT_USAGE
    try:
        body = automation.pull_request_body(project.relative(path), args.issue, args.submitter)
    except automation.SubmissionError as exc:
        print(f"advocacy submission: {exc}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(body)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface, with one sub-command per task."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", help="the repository (default: the nearest folder with mkdocs.yml)")
    parser = argparse.ArgumentParser(prog="advocacy", description="Tools for the Advocacy Hub repository.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        parents=[common],
        help="check case files and vocabularies",
        description="Check the cases of the repository, or the given files, and list every problem.",
    )
    validate.add_argument("paths", nargs="*", metavar="PATH", help="files to report on (default: all)")
    validate.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text (default), github (workflow annotations and the full list), or json",
    )
    validate.set_defaults(handler=_validate)

    schema = commands.add_parser(
        "schema",
        parents=[common],
        help="print the JSON Schema of case frontmatter",
        description="Print the JSON Schema of case frontmatter, with the current vocabularies, for editors.",
    )
    schema.add_argument("--output", "-o", metavar="FILE", help="write it to FILE instead")
    schema.set_defaults(handler=_schema)

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
    preview.set_defaults(handler=_preview)

    translations = commands.add_parser(
        "translations",
        parents=[common],
        help="report which translations are current, outdated or missing; repin after a typo fix",
        description=(
            "Report, for each language, the translations of cases, the manifesto and the pages: current, "
            "outdated (the source changed after the translation's pin) or missing."
        ),
    )
    translations.add_argument("--format", choices=("text", "json"), default="text", help="text or json")
    translations.add_argument(
        "--check",
        action="store_true",
        help="exit with 1 when a translation has no pin or a broken one (outdated ones are listed, not failed)",
    )
    translations.set_defaults(handler=_translations)
    actions = translations.add_subparsers(dest="action", metavar="ACTION")
    repin_parser = actions.add_parser(
        "repin",
        parents=[common],
        help="after an edit that does not change the meaning of a source, keep its translations current",
        description=(
            "For each source file given, move the pins of its translations that were current at revision "
            "SINCE (git) to the source as it is now. Translations that were already outdated stay outdated."
        ),
    )
    repin_parser.add_argument("paths", nargs="+", metavar="SOURCE", help="source files you edited")
    repin_parser.add_argument(
        "--since",
        default="HEAD",
        help="git revision before the edit (default HEAD; in a pull request, its base)",
    )
    repin_parser.set_defaults(handler=_repin)

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
    translate.set_defaults(handler=_translate)

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
    for name, question in _NEW_FIELDS:
        flag = "--" + name.replace("_", "-")
        if name in {"jurisdiction", "topic", "method"}:
            new.add_argument(
                flag, dest=name, action="append", help=question + "; repeat the option or use commas"
            )
        else:
            new.add_argument(flag, dest=name, help=question)
    new.add_argument("--language", help="the language the case is written in (default: the site's default)")
    new.set_defaults(handler=_new)

    forms = commands.add_parser(
        "forms",
        parents=[common],
        help="write the issue form for submitting a case, from the content model and the vocabularies",
        description=f"Write {CASE_FORM}: one field per part of a case, the vocabularies as choices.",
    )
    forms.add_argument(
        "--check", action="store_true", help="exit with 1 if the committed form is out of date"
    )
    forms.set_defaults(handler=_forms)

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
    issue.set_defaults(handler=_issue_to_case)

    links = commands.add_parser(
        "links",
        parents=[common],
        help="check that the addresses of every case's sources still answer (needs the network)",
        description=(
            "Request every url and archive_url of the cases' sources (HEAD, then GET when HEAD is refused), "
            "a few at a time, and list the broken ones with their file, line and field. Exit 1 when one is "
            "broken. A site that answers 429 (slow down) gets a warning, not an error."
        ),
    )
    links.add_argument(
        "--timeout",
        type=float,
        default=automation.DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"seconds to wait for each request (default {automation.DEFAULT_TIMEOUT:g})",
    )
    links.add_argument(
        "--workers",
        type=int,
        default=automation.DEFAULT_WORKERS,
        help=f"requests at once (default {automation.DEFAULT_WORKERS}; "
        f"never more than {automation.PER_HOST} to one host)",
    )
    links.add_argument(
        "--format",
        choices=("text", "github", "markdown"),
        default="text",
        help="text (default), github (workflow annotations), or markdown (a table)",
    )
    links.add_argument(
        "--summary",
        metavar="FILE",
        help="also append the Markdown report to FILE (such as $GITHUB_STEP_SUMMARY)",
    )
    links.set_defaults(handler=_links)

    support = commands.add_parser(
        "support",
        help="the acknowledgement of a support request, and the requests waiting for an answer",
        description=(
            "`acknowledge` prints the comment posted on a new support request; `overdue` lists the open "
            f"requests nobody but their author answered within {automation.ACKNOWLEDGE_WORKING_DAYS} working "
            "days; `answered` lists those labelled as waiting that have an answer now."
        ),
    )
    support_actions = support.add_subparsers(dest="action", metavar="ACTION", required=True)
    support_actions.add_parser(
        "acknowledge", help="print the comment that acknowledges a new request"
    ).set_defaults(handler=_support)
    for name, text in (
        ("overdue", "print the numbers of the requests to label: no answer past the promised time"),
        ("answered", "print the numbers of the labelled requests that have been answered since"),
    ):
        action = support_actions.add_parser(name, help=text, description=text)
        action.add_argument(
            "--issues",
            required=True,
            metavar="FILE",
            help=f"the output of: gh issue list --label support --json {automation.GH_FIELDS}",
        )
        action.add_argument(
            "--label",
            default=automation.NEEDS_RESPONSE_LABEL,
            help=f"the label of waiting requests (default {automation.NEEDS_RESPONSE_LABEL})",
        )
        if name == "overdue":
            action.add_argument("--now", type=_moment, help="the time to judge at (default: now), ISO 8601")
        action.set_defaults(handler=_support)

    submission = commands.add_parser(
        "submission",
        help="the texts the issue-to-case workflow posts: the draft pull request, or what to fix",
        description=(
            "`pull-request` prints the body of the draft pull request adding a case submitted as an issue "
            "(crediting the submitter by handle only); `problems` prints the comment that shows the "
            "submitter the report of issue-to-case."
        ),
    )
    submission_actions = submission.add_subparsers(dest="action", metavar="ACTION", required=True)
    pull_request = submission_actions.add_parser(
        "pull-request", parents=[common], help="print the body of the draft pull request"
    )
    pull_request.add_argument("--issue", type=int, required=True, help="the number of the issue")
    pull_request.add_argument("--submitter", required=True, help="the GitHub login of who opened it")
    pull_request.add_argument("--case", required=True, metavar="PATH", help="the case file made from it")
    pull_request.set_defaults(handler=_submission)
    problems_parser = submission_actions.add_parser(
        "problems", help="print the comment listing what the submitter must fix"
    )
    problems_parser.add_argument(
        "report", metavar="REPORT", help="the output of issue-to-case, or - for stdin"
    )
    problems_parser.set_defaults(handler=_submission)

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
    check_site_parser.set_defaults(handler=_check_site)

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
    diff.set_defaults(handler=_manifesto_diff)
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
    check.add_argument("--format", choices=("text", "github", "json"), default="text", help="output format")
    check.set_defaults(handler=_manifesto_check)
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
    release_parser.set_defaults(handler=_manifesto_release)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
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
