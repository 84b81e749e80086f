"""Reading a Markdown file with YAML frontmatter, safely and with line numbers.

Files come from many editors and operating systems: a UTF-8 byte order mark and Windows line endings are
accepted; text that is not UTF-8, oversized files, and invisible characters that can disguise text are
reported with their line.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from advocacy.reading.problems import Problem

BOM = "\ufeff"

# Characters refused in frontmatter text. Tab and newline are allowed (YAML needs them); ZWJ, ZWNJ, LRM and RLM
# are legitimate in Arabic, Persian and Hindi text and are allowed too. C1 controls, U+2028 and U+2029 are
# refused as well: YAML counts NEL, U+2028 and U+2029 as line breaks (which would shift every line number
# after them) and refuses the other C1 controls and U+FFFE/U+FFFF with a message that names no line.
_FORBIDDEN = {chr(c) for c in range(0x20) if chr(c) not in "\t\n"} | {chr(c) for c in range(0x7F, 0xA0)}
_FORBIDDEN |= {chr(c) for c in range(0x202A, 0x202F)} | {chr(c) for c in range(0x2066, 0x206A)}
_FORBIDDEN |= {"\u200b", "\u2060", "\u2028", "\u2029", BOM, "\ufffe", "\uffff"}
_DELIMITER = "---"

try:  # the loader MkDocs uses: libyaml's when PyYAML has it (its wheels do)
    from yaml import CSafeLoader as _MkDocsLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was installed
    from yaml import SafeLoader as _MkDocsLoader  # type: ignore[assignment]

# What MkDocs takes for YAML frontmatter (mkdocs.utils.meta.get_data): a first line "---", then at least one
# line, up to the first line that is "---" or "..."; each of these two lines may end in spaces or tabs, and the
# closing one must end with a line break. A file that does not match is read as MultiMarkdown metadata.
_MKDOCS_FRONTMATTER = re.compile(r"-{3}[ \t]*\n(.*?\n)(-{3}|\.{3})[ \t]*\n", re.DOTALL)
# MultiMarkdown metadata as MkDocs reads it: "key: value" lines at the very top (up to three spaces before the
# key), continued by lines indented with four spaces or a tab, up to a blank line or any other line.
_MULTIMARKDOWN_KEY = re.compile(r"[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)")
_MULTIMARKDOWN_MORE = re.compile(r"(?:[ ]{4}|\t)\s*(.*)")
_DAY = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")


@dataclass(frozen=True)
class SourceText:
    """A file split into frontmatter and body.

    Attributes:
        frontmatter: The YAML between the ``---`` lines, forbidden characters replaced by U+FFFD so that the
            rest can still be checked.
        frontmatter_line: Line of the file on which the frontmatter's first line stands.
        body: The Markdown after the closing ``---``.
        body_line: Line of the file on which the body's first line stands.
        unreadable: When MkDocs cannot load the frontmatter (which it then shows as text): the line concerned
            (or ``None``) and why; ``None`` when it can.
    """

    frontmatter: str
    frontmatter_line: int
    body: str
    body_line: int
    unreadable: tuple[int | None, str] | None = None


def is_forbidden(char: str) -> bool:
    """Whether ``char`` is an invisible or control character that content may not hold."""
    return char in _FORBIDDEN


def char_name(char: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``: a character as a contributor can look it up."""
    name = unicodedata.name(char, "")
    if not name:
        name = {"\x7f": "DELETE"}.get(char, "NONCHARACTER" if char in "\ufffe\uffff" else "CONTROL CHARACTER")
    return f"U+{ord(char):04X} ({name})"


def read_text(path: Path, display: str, max_bytes: int) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 text file, dropping a BOM and normalising line endings to ``\\n``.

    Returns ``(None, problems)`` when the file is too large or not UTF-8.
    """
    size = path.stat().st_size
    if size > max_bytes:
        return None, [
            Problem(
                display,
                None,
                None,
                f"the file is {size:,} bytes; the limit is {max_bytes:,} bytes. Shorten the text or split it "
                "into several cases",
            )
        ]
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [
            Problem(
                display,
                line,
                None,
                f"byte 0x{data[exc.start]:02X} is not UTF-8 text; save the file with the UTF-8 encoding",
            )
        ]
    if text.startswith(BOM):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, []


@dataclass(frozen=True)
class MkDocsSplit:
    """A Markdown file split into metadata and body exactly as MkDocs splits it.

    Attributes:
        kind: ``"yaml"`` (a frontmatter MkDocs reads), ``"unreadable"`` (``---`` lines whose YAML MkDocs cannot
            load into fields: it shows them as text, and the page has no metadata), ``"multimarkdown"``
            (``key: value`` lines at the top, read as metadata) or ``"none"``.
        frontmatter: The YAML between the ``---`` lines (``yaml`` and ``unreadable``).
        closing: The line that closed the frontmatter, ``"---"`` or ``"..."`` (``""`` without one).
        closing_line: Its line number in the file (0 without one).
        body: The Markdown MkDocs renders.
        body_line: Line of the file on which ``body`` starts.
        fields: MultiMarkdown metadata: (key, value, line) in order.
        reason: For ``unreadable``: what MkDocs' YAML loader said, and the line it concerns (or ``None``).
    """

    kind: Literal["yaml", "unreadable", "multimarkdown", "none"]
    frontmatter: str = ""
    closing: str = ""
    closing_line: int = 0
    body: str = ""
    body_line: int = 1
    fields: tuple[tuple[str, str, int], ...] = ()
    reason: tuple[int | None, str] | None = None


def split_as_mkdocs(text: str) -> MkDocsSplit:
    """Split ``text`` (read with :func:`read_text`) into metadata and body as MkDocs 1.6 does.

    MkDocs loads the frontmatter with PyYAML's safe loader and, when that fails or gives something other than a
    mapping, silently renders the whole file (frontmatter included) as the page, with no metadata.
    """
    match = _MKDOCS_FRONTMATTER.match(text)
    if match is not None:
        frontmatter = match[1]
        closing_line = frontmatter.count("\n") + 2
        reason = _mkdocs_load(frontmatter)
        if reason is None:
            rest = text[match.end() :]
            body = rest.lstrip("\n")
            body_line = closing_line + 1 + (len(rest) - len(body))
            return MkDocsSplit("yaml", frontmatter, match[2], closing_line, body, body_line)
        return MkDocsSplit("unreadable", frontmatter, match[2], closing_line, text, 1, reason=reason)
    lines = text.split("\n")
    fields: list[tuple[str, str, int]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1  # the blank line that ends the metadata belongs to it
            break
        key = _MULTIMARKDOWN_KEY.match(line)
        more = _MULTIMARKDOWN_MORE.match(line)
        if key is not None:
            fields.append((key[1].lower(), key[2].strip(), index + 1))
        elif more is not None and fields:
            name, value, number = fields[-1]
            fields[-1] = (name, f"{value} {more[1].strip()}", number)
        else:
            break
        index += 1
    if not fields:
        return MkDocsSplit("none", body=text.lstrip("\n"), body_line=1 + len(text) - len(text.lstrip("\n")))
    rest = "\n".join(lines[index:])
    body = rest.lstrip("\n")
    return MkDocsSplit(
        "multimarkdown", body=body, body_line=index + 1 + (len(rest) - len(body)), fields=tuple(fields)
    )


def _mkdocs_load(frontmatter: str) -> tuple[int | None, str] | None:
    """Why MkDocs cannot load ``frontmatter`` into fields (the line, 1-based in the file, and the reason), or
    ``None`` when it can."""
    try:
        # MkDocs loads with this loader and catches every exception; a depth MkDocs can parse but Python
        # cannot walk ends here as a RecursionError, which MkDocs swallows too.
        value: Any = yaml.load(frontmatter, Loader=_MkDocsLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return (mark.line + 2 if mark is not None else None), str(exc.problem or exc.context or exc)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        return _bad_day_line(frontmatter), str(exc).split("\n")[0] or type(exc).__name__
    if isinstance(value, dict):
        return None
    if value is None:
        return None, "it holds no fields"
    return None, "it is a single value or a list, not fields"


def _bad_day_line(frontmatter: str) -> int | None:
    """The file line of the first date YAML reads but that does not exist (2024-02-30), if there is one."""
    for number, line in enumerate(frontmatter.split("\n"), start=2):
        for match in _DAY.finditer(line):
            try:
                dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return number
    return None


def split_frontmatter(
    text: str, display: str, max_frontmatter_bytes: int
) -> tuple[SourceText | None, list[Problem]]:
    """Split a file that must start with frontmatter into frontmatter and body, where MkDocs splits it.

    Returns ``(None, problems)`` when the file has no frontmatter MkDocs reads, or its frontmatter is too
    large; forbidden characters in the frontmatter are reported (and replaced by U+FFFD in the result).
    """
    lines = text.split("\n")
    if lines[0].rstrip(" \t") != _DELIMITER:
        return None, [
            Problem(
                display,
                1,
                None,
                'the file does not start with frontmatter; its first line must be "---", followed by the '
                'fields (title: ..., summary: ...) and another line "---"',
            )
        ]
    split = split_as_mkdocs(text)
    if split.kind not in {"yaml", "unreadable"} and len(lines) > 1 and lines[1].rstrip(" \t") == _DELIMITER:
        # "---" twice: no fields (MkDocs shows the two lines as rules); the missing fields are reported.
        return SourceText("", 2, "\n".join(lines[2:]), 3), []
    if split.kind not in {"yaml", "unreadable"}:
        if len(lines) > 2 and lines[-1].rstrip(" \t") in {_DELIMITER, "..."}:
            message = (
                f'the frontmatter is not closed: line {len(lines)}, "{lines[-1]}", is the last line of the '
                "file and has no line break after it; add one (press Enter at its end)"
            )
        else:
            message = 'the frontmatter is not closed; add a line "---" after the last field, before the text'
        return None, [Problem(display, 1, None, message)]
    if split.closing == "...":
        return None, [
            Problem(
                display,
                1,
                None,
                f'the frontmatter is not closed: line {split.closing_line} is "..."; write "---" there instead',
            )
        ]
    frontmatter = split.frontmatter
    if len(frontmatter.encode("utf-8")) > max_frontmatter_bytes:
        return None, [
            Problem(
                display,
                1,
                None,
                f"the frontmatter is larger than {max_frontmatter_bytes // 1024} KiB; keep long text in the "
                "body of the file",
            )
        ]
    problems = forbidden_characters(frontmatter, display, 2)
    if problems:
        frontmatter = "".join("\ufffd" if c in _FORBIDDEN else c for c in frontmatter)
    body = "\n".join(lines[split.closing_line :])
    # A file with such characters is refused for them: what MkDocs' loader makes of them does not matter.
    unreadable = None if problems else split.reason
    return SourceText(frontmatter, 2, body, split.closing_line + 1, unreadable), problems


def forbidden_characters(text: str, display: str, first_line: int) -> list[Problem]:
    """A problem for each invisible or control character of ``text`` (whose first line is ``first_line``)."""
    problems = []
    if any(char in _FORBIDDEN for char in text):
        for number, line in enumerate(text.split("\n"), start=first_line):
            for column, char in enumerate(line, start=1):
                if char in _FORBIDDEN:
                    problems.append(
                        Problem(
                            display,
                            number,
                            None,
                            f"column {column} holds the invisible character {char_name(char)}, which can "
                            "hide or reorder text; delete it",
                        )
                    )
    return problems


def unreadable_problem(display: str, reason: tuple[int | None, str]) -> Problem:
    """The problem of a frontmatter our reader accepts but MkDocs cannot load (it would publish it as text)."""
    line, why = reason
    return Problem(
        display,
        line,
        None,
        f"MkDocs cannot read this frontmatter ({why}), so it would show it as text on the page and ignore "
        "every field: put text values in quotes, and write dates that exist (YYYY-MM-DD)",
    )
