"""What the validator needs from a Markdown body: its headings and its images, with line numbers.

Full Markdown rendering is the site build's job and is slow; validation only needs headings and image
references, so this scanner reads lines while respecting fenced code blocks and inline code, where ``#`` and
``![...](...)`` are text, not structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_CLOSING = re.compile(r"(?:[ \t]+#+)?[ \t]*(?:\{[^}]*\})?[ \t]*$")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
# The destination is <anything but angle brackets> (spaces allowed, as in CommonMark) or a run without spaces in
# which parentheses are balanced one level deep (media/photo_(2019).png); an optional title follows.
_IMAGE = re.compile(
    r"!\[([^\]]*)\]\(\s*(?:<([^<>\n]*)>|((?:[^()\s]|\([^()\s]*\))*))"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)


@dataclass(frozen=True)
class Heading:
    """An ATX heading (``## Text``)."""

    level: int
    text: str
    line: int


@dataclass(frozen=True)
class Image:
    """An inline image (``![alt](src)``)."""

    alt: str
    src: str
    line: int


def scan(body: str, first_line: int) -> tuple[list[Heading], list[Image]]:
    """Headings and images of ``body``, whose first line is line ``first_line`` of its file."""
    headings: list[Heading] = []
    images: list[Image] = []
    fence: str | None = None
    for number, line in enumerate(body.split("\n"), start=first_line):
        match = _FENCE.match(line)
        if fence is not None:
            if (
                match
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
                and not match.group(2).strip()
            ):
                fence = None
            continue
        if match and not (match.group(1)[0] == "`" and "`" in match.group(2)):
            fence = match.group(1)
            continue
        heading = _ATX.match(line)
        if heading:
            text = _CLOSING.sub("", heading.group(2) or "").strip()
            headings.append(Heading(len(heading.group(1)), text, number))
        if "![" in line:
            for image in _IMAGE.finditer(_CODE_SPAN.sub("", line)):
                src = image.group(2) if image.group(2) is not None else image.group(3)
                images.append(Image(image.group(1).strip(), src, number))
    return headings, images
