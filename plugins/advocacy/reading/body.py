"""What the validator needs from a Markdown body: its headings, images, link addresses and raw HTML, with
line numbers.

Full Markdown rendering is the site build's job and is slow; validation only needs headings and image
references, so this scanner reads lines while respecting fenced code blocks and inline code, where ``#`` and
``![...](...)`` are text, not structure.
"""

from __future__ import annotations

import html
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


# An HTML tag or comment written in the text (<script>, </div>, <!-- -->), and a link's or an image's address.
# Opening tags (a closing one repeats them). Comments (<!-- -->) are allowed: they guide writers, and the
# sanitiser drops them from pages.
_RAW_HTML = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")
_DESTINATION = re.compile(r"\]\(\s*<?([^)\s>]*)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
_DEFINITION = re.compile(r" {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)")
# An image whose address is a reference definition: ![alt][label], ![alt][] or ![alt].
_REFERENCE_IMAGE = re.compile(r"!\[([^\]]*)\](?:\[([^\]]*)\])?(?![(:\[])")


@dataclass(frozen=True)
class Unsafe:
    """Something of the body that is not published as written: raw HTML (``kind="html"``, ``text`` the
    tag) or a link address that is not http, https, mailto or a path (``kind="link"``)."""

    kind: str
    text: str
    line: int


@dataclass(frozen=True)
class Heading:
    """An ATX heading (``## Text``)."""

    level: int
    text: str
    line: int


@dataclass(frozen=True)
class Image:
    """An image: inline (``![alt](src)``), or through a reference definition (``![alt][label]``)."""

    alt: str
    src: str
    line: int


def scan(body: str, first_line: int) -> tuple[list[Heading], list[Image]]:
    """Headings and images of ``body``, whose first line is line ``first_line`` of its file."""
    headings, images, _ = scan_all(body, first_line)
    return headings, images


def scan_all(body: str, first_line: int) -> tuple[list[Heading], list[Image], list[Unsafe]]:
    """Headings, images and unsafe constructs of ``body`` (outside code blocks and inline code)."""
    headings: list[Heading] = []
    images: list[Image] = []
    unsafe: list[Unsafe] = []
    definitions: dict[str, str] = {}
    references: list[tuple[str, str, int]] = []
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
        text = _CODE_SPAN.sub("", line)
        if "![" in line:
            for image in _IMAGE.finditer(text):
                src = image.group(2) if image.group(2) is not None else image.group(3)
                images.append(Image(image.group(1).strip(), src, number))
            for image in _REFERENCE_IMAGE.finditer(_IMAGE.sub("", text)):
                references.append((image.group(1).strip(), image.group(2) or image.group(1), number))
        for tag in _RAW_HTML.finditer(text):
            unsafe.append(Unsafe("html", tag.group(0) + ">", number))
        definition = _DEFINITION.match(line)
        if definition is not None:
            definitions.setdefault(_label(definition.group(1)), definition.group(2))
            if not safe_address(definition.group(2)):
                unsafe.append(Unsafe("link", definition.group(2), number))
        for match in (*_DESTINATION.finditer(text), *_AUTOLINK.finditer(text)):
            if not safe_address(match.group(1)):
                unsafe.append(Unsafe("link", match.group(1), number))
    # A reference image is an image only when its label is defined (the definition may come later).
    for alt, label, number in references:
        src = definitions.get(_label(label))
        if src is not None:
            images.append(Image(alt, src, number))
    images.sort(key=lambda image: image.line)
    return headings, images, unsafe


def _label(text: str) -> str:
    """A reference label as Markdown matches it: case and runs of spaces do not count."""
    return " ".join(text.split()).casefold()


_SAFE_SCHEMES = {"http", "https", "mailto"}


def safe_address(address: str) -> bool:
    """Whether a link address is http, https, mailto, or a path of the site (no other scheme, however
    written: ``JaVaScRiPt:``, ``&#106;avascript:``, ``java&#9;script:``)."""
    decoded = "".join(ch for ch in html.unescape(address) if ch.isprintable() and not ch.isspace())
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", decoded)
    return scheme is None or scheme.group(1).lower() in _SAFE_SCHEMES
