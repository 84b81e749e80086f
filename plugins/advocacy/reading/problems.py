"""Problems found in content, and the three ways of reporting them (text, GitHub annotations, JSON)."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is: an error keeps the file out of the site, a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, worded for the person who has to fix it.

    Attributes:
        file: Path of the file relative to the project root, with forward slashes.
        line: 1-based line number, or ``None`` when the problem concerns the whole file.
        field: The frontmatter field concerned (``sources[2].url`` for nested ones), or ``None``.
        message: What was found and what to write instead.
        severity: Error or warning.
    """

    file: str
    line: int | None
    field: str | None
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f"{self.field}: " if self.field else ""
        return log_line(f"{where}: {self.severity}: {field}{self.message}")


_ONE_LINE = str.maketrans({"\r": "\\r", "\n": "\\n"})
# A workflow command of GitHub's runner: "::" at the start of a line once spaces are trimmed, or (in the
# runner's older syntax) "##[" anywhere in a line.
_OLD_COMMAND = "##["


def log_line(text: str) -> str:
    """``text`` (which may hold what a contributor wrote) as one line that a CI log cannot read as a workflow
    command: line breaks are written ``\\n``, a ``::`` that would start the line gets an invisible word joiner
    before it, and ``##[`` one inside it. The words read the same."""
    line = text.translate(_ONE_LINE).replace(_OLD_COMMAND, "##\u2060[")
    return "\u2060" + line if line.lstrip().startswith("::") else line


_NUMBER = re.compile(r"(\d+)")


def _natural(text: str) -> tuple[str | int, ...]:
    """A sort key that orders "column 9" before "column 11"."""
    return tuple(int(part) if part.isdigit() else part for part in _NUMBER.split(text))


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Order problems by file, then line (whole-file problems first), then field, then message."""
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.field or "", _natural(p.message)))


def format_text(problems: Iterable[Problem]) -> str:
    """One line per problem, as compilers print them (editors can jump to ``file:line``)."""
    return "".join(f"{problem}\n" for problem in problems)


def format_json(problems: Iterable[Problem]) -> str:
    """A JSON list of objects with ``file``, ``line``, ``field``, ``message`` and ``severity``."""
    return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Iterable[Problem]) -> str:
    """GitHub workflow commands, one annotation per problem, then the full list as plain text.

    GitHub shows at most ten annotations of a kind per step, so the plain list in the log is the one place
    where a contributor sees every problem. The runner reads no workflow command inside that list: it stands
    between ``::stop-commands::`` and the resuming line, with a token drawn at random for each run (the text
    of a pull request cannot guess it), and each of its lines is a :func:`log_line`.
    """
    problems = list(problems)
    lines = []
    for p in problems:
        properties = [f"file={_escape_property(p.file)}"]
        if p.line is not None:
            properties.append(f"line={p.line}")
        properties.append(f"title={_escape_property(p.field or 'content')}")
        lines.append(f"::{p.severity} {','.join(properties)}::{_escape_data(p.message)}")
    if problems:
        token = secrets.token_hex(16)
        lines.append("::group::Every problem found")
        lines.append(f"::stop-commands::{token}")
        lines.extend(str(p) for p in problems)
        lines.append(f"::{token}::")
        lines.append("::endgroup::")
    return "".join(f"{line}\n" for line in lines)
