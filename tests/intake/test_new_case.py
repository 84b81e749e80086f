"""`advocacy new` as a contributor uses it: from options, from answers piped in, and in a terminal where each
answer is checked as it is given; then the four sections written and the case validated and committed."""

from __future__ import annotations

import datetime as dt
import os
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest

from advocacy.content.model import load_model
from advocacy.intake.new_case import NewCase, ScaffoldError, create_case
from advocacy.locales.strings import section_headings
from tests.support.git import commit_all, git, init_repository
from tests.support.paths import ADVOCACY
from tests.support.project import ProjectFactory

OPTIONS = [
    "--id", "paris-blackout-2019", "--title", "Paris: NO to filters", "--summary", "Short.", "--date", "2019-03",
    "--outcome", "partial", "--jurisdiction", "FR", "--jurisdiction", "EU", "--topic", "censorship",
    "--method", "blackout", "--source-title", "A source", "--source-url", "https://example.org/x",
]  # fmt: skip

# The same answers, one line each, in the order of the questions, written as people write them.
ANSWERS = [
    "paris-blackout-2019",
    "Paris: NO to filters",
    "Short.",
    "March 2019",
    "Partial",
    "fr, eu",
    "Censorship",
    "blackout",
    "A source",
    "https://example.org/x",
]

SECTIONS = """\
## Context

Why it mattered.

## Actions

What was done.

## Outcome

What happened.

## Lessons

What we learned.
"""


def _new(root: Path, *args: str, answers: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ADVOCACY), "new", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        input="".join(f"{line}\n" for line in answers) if answers is not None else "",
    )


def _validate(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ADVOCACY), "validate"], cwd=root, capture_output=True, text=True, check=False)


def test_new_then_the_sections_then_validate_then_commit(make_project: ProjectFactory) -> None:
    """The documented path: `new` writes the fields (values YAML would misread quoted, today as published) and
    the four headings with guidance; `validate` asks for each section until it is written; then it passes."""
    project = make_project({})
    init_repository(project.root)
    git(project.root, "switch", "--quiet", "--create", "case/paris")
    result = _new(project.root, *OPTIONS)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "cases/paris-blackout-2019.md: created; write the four sections (Context, Actions, Outcome, Lessons), "
        "then run: advocacy validate cases/paris-blackout-2019.md\n"
    )
    path = project.root / "cases/paris-blackout-2019.md"
    text = path.read_text(encoding="utf-8")
    assert 'title: "Paris: NO to filters"\n' in text
    assert f"published: {dt.date.today().isoformat()}\n" in text
    assert "## Lessons\n\n<!-- Why it worked or failed, the risks, and advice for others. -->\n" in text
    untouched = _validate(project.root)
    assert untouched.returncode == 1
    assert untouched.stdout.splitlines() == [
        'cases/paris-blackout-2019.md:15: error: the section "Context" holds no text yet; write the Context '
        "section: the situation, the law or threat, and who was involved",
        'cases/paris-blackout-2019.md:19: error: the section "Actions" holds no text yet; write the Actions '
        "section: what the advocates did, when, and with whom",
        'cases/paris-blackout-2019.md:23: error: the section "Outcome" holds no text yet; write the Outcome '
        "section: what happened as a result",
        'cases/paris-blackout-2019.md:27: error: the section "Lessons" holds no text yet; write the Lessons '
        "section: why it worked or failed, the risks, and advice for others",
    ]
    path.write_text(text.split("## Context")[0] + SECTIONS, encoding="utf-8")
    assert _validate(project.root).returncode == 0
    commit_all(project.root, "Case: paris-blackout-2019")
    assert "cases/paris-blackout-2019.md" in git(project.root, "ls-files", "cases/").splitlines()


def test_new_in_another_language_uses_its_section_names(make_project: ProjectFactory) -> None:
    """--language fr writes cases/<id>.fr.md with the French section headings; a language the site lacks is
    refused before anything is asked."""
    project = make_project({})
    result = _new(project.root, *OPTIONS, "--language", "fr")
    assert result.returncode == 0, result.stderr
    text = (project.root / "cases/paris-blackout-2019.fr.md").read_text(encoding="utf-8")
    assert all(f"## {heading}\n" in text for heading in section_headings("fr").values())
    unknown = _new(project.root, "--language", "xx")
    assert (unknown.returncode, unknown.stderr) == (
        2,
        'advocacy new: --language: "xx" is not a site language; use one of en, fr, ar\n',
    )


def test_new_says_what_is_missing_and_refuses_an_existing_id_at_once(make_project: ProjectFactory) -> None:
    """With nothing on standard input, the missing options are named; an id in use is refused before any
    other question is asked."""
    project = make_project({})
    missing = _new(project.root, "--id", "x", "--title", "T")
    assert missing.returncode == 2
    assert missing.stderr == (
        "advocacy new: give --summary, --date, --outcome, --jurisdiction, --topic, --method, --source-title, "
        "--source-url (as options, or one line each on standard input, or run it in a terminal to be asked); "
        "nothing was written\n"
    )
    assert _new(project.root, *OPTIONS).returncode == 0
    again = _new(project.root, answers=ANSWERS)
    assert again.returncode == 1
    assert again.stderr == (
        "advocacy new: line 1 of standard input (id): a case with the id 'paris-blackout-2019' exists: "
        "cases/paris-blackout-2019.md; choose another id; nothing was written\n"
    )


def test_new_refuses_an_id_that_would_name_another_file(make_project: ProjectFactory) -> None:
    """`advocacy new --id ../x` is refused before anything is written, with the id to write instead."""
    project = make_project({})
    case = NewCase(
        id="../../outside",
        title="A title",
        summary="A summary.",
        date="2020",
        outcome="success",
        jurisdictions=["FR"],
        topics=["censorship"],
        methods=["blackout"],
        source_title="A source",
        source_url="https://example.org/",
    )
    with pytest.raises(ScaffoldError) as caught:
        create_case(project, load_model(), case)
    assert str(caught.value) == (
        '"../../outside" is not a case id: write lowercase Latin letters, digits and hyphens, such as outside'
    )
    assert not (project.root.parent / "outside.md").exists()


def test_answers_piped_in_are_read_and_put_in_the_stored_form(make_project: ProjectFactory) -> None:
    """Answers on standard input, as people write them: "March 2019" is stored as 2019-03, "Partial" as
    partial, "fr, eu" as FR and EU, a topic's label as its id."""
    project = make_project({})
    result = _new(project.root, answers=ANSWERS)
    assert result.returncode == 0, result.stderr
    text = (project.root / "cases/paris-blackout-2019.md").read_text(encoding="utf-8")
    assert 'date: "2019-03"\noutcome: partial\njurisdictions: [FR, EU]\ntopics: [censorship]\n' in text


def test_a_wrong_piped_answer_stops_at_once_and_writes_nothing(make_project: ProjectFactory) -> None:
    """Each wrong answer is refused on its line with the validator's words; nothing is written."""
    project = make_project({})
    for number, wrong, message in (
        (1, "Bad ID!", '"Bad ID!" is not an id; use lowercase letters, digits and hyphens, such as bad-id'),
        (
            4,
            "Spring 2019",
            '"Spring 2019" is not a valid date: write the date as YYYY or YYYY-MM or YYYY-MM-DD',
        ),
        (6, "FR, China", '"China" is a country\'s name; write its ISO 3166-1 code: "CN"'),
        (
            7,
            "censorhip",
            '"censorhip" is not a term of the topics vocabulary; did you mean "censorship"? To add a new term, add '
            "it to cases/vocabularies/topics.yml in the same pull request",
        ),
        (
            10,
            "http://example.org/x",
            '"http://example.org/x" is not an encrypted address; write "https://example.org/x" (most sites answer '
            "at https; if this one does not, link to an archived copy such as web.archive.org)",
        ),
    ):
        answers = [*ANSWERS[: number - 1], wrong, *ANSWERS[number:]]
        result = _new(project.root, answers=answers)
        what = ("id", "title", "summary", "date the action started", "outcome", "jurisdictions", "topics")
        name = what[number - 1] if number <= len(what) else "its https address"
        assert (result.returncode, result.stderr) == (
            1,
            f"advocacy new: line {number} of standard input ({name}): {message}; nothing was written\n",
        )
        assert list((project.root / "cases").glob("*.md")) == []


def _interruptible() -> None:
    """In the child, before it starts: SIGINT does what it does in a person's terminal."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class _Terminal:
    """`advocacy new` run with a terminal as standard input (a pseudo-terminal), as a person runs it."""

    def __init__(self, root: Path) -> None:
        self.master, slave = os.openpty()
        self.process = subprocess.Popen(
            [str(ADVOCACY), "new"],
            cwd=root,
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            # As in a person's terminal, Ctrl+C interrupts (a test runner may run with SIGINT ignored or
            # blocked, which its children inherit).
            preexec_fn=_interruptible,
        )
        os.close(slave)
        self.out = b""

    def wait_for(self, prompt: bytes) -> None:
        """Read what it prints until ``prompt`` shows (the question it waits on)."""
        assert self.process.stdout is not None
        while prompt not in self.out:
            ready, _, _ = select.select([self.process.stdout], [], [], 20)
            assert ready, f"no {prompt!r} in {self.out!r}"
            chunk = os.read(self.process.stdout.fileno(), 4096)
            assert chunk, f"it ended before {prompt!r}: {self.out!r}"
            self.out += chunk

    def reading(self) -> None:
        """Wait until it is blocked reading the terminal (Linux's /proc says so): a signal that comes before
        Python enters the read is only seen once the read returns, which a person's Ctrl+C never meets."""
        wchan = Path(f"/proc/{self.process.pid}/wchan")
        if not wchan.exists():
            pytest.skip("no /proc: cannot tell when the process waits for input")
        deadline = time.monotonic() + 20
        while wchan.read_text(encoding="ascii") != "wait_woken":
            assert time.monotonic() < deadline, "it never waited for input"
            select.select([], [], [], 0.01)

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())

    def finish(self) -> tuple[int, str]:
        """Its exit status and what it wrote on stderr."""
        try:
            _, err = self.process.communicate(timeout=30)
        finally:
            self.process.kill()
            os.close(self.master)
        return self.process.returncode, err.decode()


def test_in_a_terminal_a_wrong_answer_is_asked_again(make_project: ProjectFactory) -> None:
    """A wrong answer is explained and the question asked again; rewritten answers are shown."""
    project = make_project({})
    terminal = _Terminal(project.root)
    for question, answer in zip(
        (b"id (", b"title", b"summary", b"date", b"outcome", b"jurisdictions", b"topics", b"methods"),
        ANSWERS[:8],
        strict=True,
    ):
        terminal.wait_for(question)
        if question == b"id (":
            terminal.type("Bad ID!\n")
            terminal.wait_for(
                b"id (lowercase letters, digits and hyphens, such as wikipedia-block-2017): " * 2
            )
        terminal.type(answer + "\n")
    terminal.wait_for(b"title of a first source")
    terminal.type("A source\n")
    terminal.wait_for(b"its https address")
    terminal.type("https://example.org/x\n")
    status, err = terminal.finish()
    assert status == 0, err
    assert '  "Bad ID!" is not an id; use lowercase letters, digits and hyphens, such as bad-id\n' in err
    assert "  written as 2019-03\n" in err
    assert "  written as FR, EU\n" in err
    assert (project.root / "cases/paris-blackout-2019.md").is_file()


def test_ctrl_d_and_ctrl_c_stop_cleanly_without_writing(make_project: ProjectFactory) -> None:
    """Ending the input (Ctrl+D) or interrupting (Ctrl+C) says nothing was written, with no traceback."""
    project = make_project({})
    terminal = _Terminal(project.root)
    terminal.wait_for(b"id (")
    terminal.type("paris-blackout-2019\n")
    terminal.wait_for(b"title: ")
    terminal.type("\x04")  # Ctrl+D at the start of a line: the end of the input
    assert terminal.finish() == (1, "\nadvocacy new: stopped; nothing was written\n")
    terminal = _Terminal(project.root)
    terminal.wait_for(b"id (")
    terminal.reading()
    terminal.process.send_signal(signal.SIGINT)  # what Ctrl+C sends
    assert terminal.finish() == (130, "\nadvocacy new: stopped; nothing was written\n")
    assert list((project.root / "cases").glob("*.md")) == []
