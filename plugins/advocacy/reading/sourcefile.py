"""Reading a Markdown file with YAML frontmatter, safely and with line numbers.

Files come from many editors and operating systems: a UTF-8 byte order mark and Windows line endings are
accepted; text that is not UTF-8, oversized files, and invisible characters that can disguise text are
reported with their line.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

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


def split_frontmatter(
    text: str, display: str, max_frontmatter_bytes: int
) -> tuple[SourceText | None, list[Problem]]:
    """Split text into frontmatter and body, reporting forbidden characters in the frontmatter.

    The frontmatter lines are ``---``, as MkDocs reads them: spaces or tabs after the dashes are allowed.
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
    closing = next((n for n in range(1, len(lines)) if lines[n].rstrip(" \t") == _DELIMITER), None)
    if closing is None:
        dots = next((n for n in range(1, len(lines)) if lines[n].rstrip(" \t") == "..."), None)
        if dots is not None:
            message = f'the frontmatter is not closed: line {dots + 1} is "..."; write "---" there instead'
        else:
            message = 'the frontmatter is not closed; add a line "---" after the last field, before the text'
        return None, [Problem(display, 1, None, message)]
    frontmatter = "".join(f"{line}\n" for line in lines[1:closing])
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
                            f"column {column} holds the invisible character {char_name(char)}, which can "
                            "hide or reorder text; delete it",
                        )
                    )
            cleaned.append("".join("\ufffd" if c in _FORBIDDEN else c for c in line))
        frontmatter = "\n".join(cleaned)
    return SourceText(frontmatter, 2, "\n".join(lines[closing + 1 :]), closing + 2), problems
