"""Reading a Markdown file with YAML frontmatter, safely and with line numbers.

Files come from many editors and operating systems: a UTF-8 byte order mark and Windows line endings are
accepted; text that is not UTF-8, oversized files, and invisible characters that can disguise text are
reported with their line.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from advocacy.problems import Problem

BOM = "\ufeff"

# Characters refused in frontmatter text. Tab and newline are allowed (YAML needs them); ZWJ, ZWNJ, LRM and RLM
# are legitimate in Arabic, Persian and Hindi text and are allowed too.
_FORBIDDEN = {chr(c) for c in range(0x20) if chr(c) not in "\t\n"} | {"\x7f"}
_FORBIDDEN |= {chr(c) for c in range(0x202A, 0x202F)} | {chr(c) for c in range(0x2066, 0x206A)}
_FORBIDDEN |= {"\u200b", "\u2060", BOM}


@dataclass(frozen=True)
class SourceText:
    """A file split into frontmatter and body.

    Attributes:
        frontmatter: The YAML between the ``---`` lines, forbidden characters replaced by U+FFFD so that the
            rest can still be checked.
        frontmatter_line: Line of the file on which the frontmatter's first line stands.
        body: The Markdown after the closing ``---``.
        body_line: Line of the file on which the body's first line stands.
    """

    frontmatter: str
    frontmatter_line: int
    body: str
    body_line: int


def _char_name(char: str) -> str:
    name = unicodedata.name(char, "")
    if not name:
        name = {"\x7f": "DELETE"}.get(char, "CONTROL CHARACTER")
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


def split_frontmatter(
    text: str, display: str, max_frontmatter_bytes: int
) -> tuple[SourceText | None, list[Problem]]:
    """Split text into frontmatter and body, reporting forbidden characters in the frontmatter."""
    if not text.startswith("---\n"):
        return None, [
            Problem(
                display,
                1,
                None,
                'the file does not start with frontmatter; its first line must be "---", followed by the '
                'fields (title: ..., summary: ...) and another line "---"',
            )
        ]
    end = text.find("\n---\n", 3)
    if end == -1 and text.endswith("\n---"):
        end = len(text) - 4
    if end == -1:
        return None, [
            Problem(
                display,
                1,
                None,
                'the frontmatter is not closed; add a line "---" after the last field, before the text',
            )
        ]
    frontmatter = text[4 : end + 1]
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
    problems = []
    if any(char in _FORBIDDEN for char in frontmatter):
        cleaned = []
        for number, line in enumerate(frontmatter.split("\n"), start=2):
            for column, char in enumerate(line, start=1):
                if char in _FORBIDDEN:
                    problems.append(
                        Problem(
                            display,
                            number,
                            None,
                            f"column {column} holds the invisible character {_char_name(char)}, which can "
                            "hide or reorder text; delete it",
                        )
                    )
            cleaned.append("".join("\ufffd" if c in _FORBIDDEN else c for c in line))
        frontmatter = "\n".join(cleaned)
    body_start = end + 5
    body_line = frontmatter.count("\n") + 3
    return SourceText(frontmatter, 2, text[body_start:], body_line), problems
