"""What the validator needs from a Markdown body: its headings, images, link addresses, raw HTML, attribute
lists and e-mail addresses, with line numbers.

Full Markdown rendering is the site build's job and is slow; validation only needs these parts, so this
scanner reads the text outside fenced code blocks as a whole (a link's address may be on the line after its
text, a reference definition's on the line after its label) with inline code blanked out, since ``#``,
``![...](...)`` and ``{...}`` there are text, not structure. What it reports is what the site renders: the
sanitiser (``advocacy.site.sanitize``) makes the same decisions on the HTML, with the same address rules
(:mod:`advocacy.reading.addresses`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import Literal

from advocacy.reading.addresses import emails_in, is_safe_link

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_CLOSING = re.compile(r"(?:[ \t]+#+)?[ \t]*(?:\{[^}]*\})?[ \t]*$")
# Inline code, which may run over a line break (not over a blank line).
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1)[^\n]|\n(?![ \t]*\n))+?\1")
# An HTML tag written in the text (<script>, <img ...>). Comments (<!-- -->) are allowed: they guide writers,
# and the sanitiser drops them from pages.
_RAW_HTML = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")
# A link's or an image's destination, after "](" and any spaces or one line break: <anything but angle
# brackets>, or a run without spaces in which parentheses are balanced one level deep (photo_(2019).png).
_DESTINATION = re.compile(r"\]\([ \t]*\n?[ \t]*(?:<([^<>\n]*)>|((?:[^()\s]|\([^()\s]*\))*))")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
# A reference definition, its address on the same line or the next one (as Python-Markdown reads it).
_DEFINITION = re.compile(r"^ {0,3}\[([^\[\]\n]+)\]:[ \t]*\n?[ \t]*(?:<([^<>\n]*)>|(\S+))", re.MULTILINE)
# An image whose address is a reference definition: ![alt][label], ![alt][] or ![alt].
_REFERENCE_IMAGE = re.compile(r"!\[([^\]]*)\](?:\[([^\]]*)\])?(?![(:\[])")
# An attribute list as attr_list reads it ({: #id .class key=value}), and its parts.
_ATTRIBUTE_LIST = re.compile(r"\{(:?)[ ]*([^}\n ][^}\n]*)\}")
_ATTRIBUTE = re.compile(r"""[^ =}]+="[^"]*"|[^ =}]+='[^']*'|[^ =}]+=[^ =}]+|[^ =}]+""")


@dataclass(frozen=True)
class Unsafe:
    """Something of the body that is not published as written: raw HTML (``kind="html"``, ``text`` the
    tag) or a link address that is not http, https, mailto or a path (``kind="link"``)."""

    kind: Literal["html", "link"]
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


@dataclass(frozen=True)
class Attribute:
    """One part of an attribute list (``{: #id .class key=value}``): ``kind`` is ``id``, ``class`` or
    ``other`` (any other attribute, ``name`` and ``value`` as written; a bare word has the value ``None``)."""

    kind: Literal["id", "class", "other"]
    name: str
    value: str | None
    line: int


@dataclass(frozen=True)
class Email:
    """An e-mail address written in the body (in text, code, a link or an autolink), as read after Unicode
    compatibility normalisation (a full-width ``＠`` is an ``@``)."""

    address: str
    line: int


@dataclass
class Body:
    """Everything the checks need from a body."""

    headings: list[Heading] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    unsafe: list[Unsafe] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    emails: list[Email] = field(default_factory=list)


def scan(body: str, first_line: int) -> tuple[list[Heading], list[Image]]:
    """Headings and images of ``body``, whose first line is line ``first_line`` of its file."""
    found = scan_body(body, first_line)
    return found.headings, found.images


def scan_all(body: str, first_line: int) -> tuple[list[Heading], list[Image], list[Unsafe]]:
    """Headings, images and unsafe constructs of ``body`` (outside code blocks and inline code)."""
    found = scan_body(body, first_line)
    return found.headings, found.images, found.unsafe


class _Text:
    """The text outside fenced code, inline code blanked out (same length, line breaks kept), with a map from
    positions to the lines of the file."""

    def __init__(self, lines: list[tuple[int, str]]) -> None:
        self.numbers = [number for number, _ in lines]
        raw = "\n".join(line for _, line in lines)
        self.text = _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", "\x00", m[0]), raw)
        # Where each line starts in the text: after the previous one and its line break.
        self.starts = [0, *itertools.accumulate(len(line) + 1 for _, line in lines[:-1])]

    def line(self, position: int) -> int:
        return self.numbers[bisect.bisect_right(self.starts, position) - 1]


def scan_body(body: str, first_line: int) -> Body:
    """Everything the checks need from ``body``, whose first line is line ``first_line`` of its file."""
    found = Body()
    outside: list[tuple[int, str]] = []
    fence: str | None = None
    # Lines are searched for addresses only when the body holds one (most bodies hold none).
    addresses = bool(emails_in(body))
    for number, line in enumerate(body.split("\n"), start=first_line):
        # Code is published too: an address in it is as visible as in the text.
        if addresses:
            found.emails.extend(Email(address, number) for address in emails_in(line))
        match = _FENCE.match(line)
        if fence is not None:
            if (
                match
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
                and not match.group(2).strip()
            ):
                fence = None
            outside.append((number, ""))
            continue
        if match and not (match.group(1)[0] == "`" and "`" in match.group(2)):
            fence = match.group(1)
            outside.append((number, ""))
            continue
        heading = _ATX.match(line)
        if heading:
            title = _CLOSING.sub("", heading.group(2) or "").strip()
            found.headings.append(Heading(len(heading.group(1)), title, number))
        outside.append((number, line))
    text = _Text(outside)
    _links_and_images(text, found)
    for tag in _RAW_HTML.finditer(text.text):
        found.unsafe.append(Unsafe("html", tag.group(0) + ">", text.line(tag.start())))
    for attributes in _ATTRIBUTE_LIST.finditer(text.text):
        found.attributes.extend(_attribute_list(attributes, text.line(attributes.start())))
    found.images.sort(key=lambda image: image.line)
    found.unsafe.sort(key=lambda item: item.line)
    return found


def _links_and_images(text: _Text, found: Body) -> None:
    definitions: dict[str, str] = {}
    for definition in _DEFINITION.finditer(text.text):
        address = definition[2] if definition[2] is not None else definition[3]
        definitions.setdefault(_label(definition[1]), address)
        if not is_safe_link(address, entities=True):
            found.unsafe.append(
                Unsafe(
                    "link",
                    address,
                    text.line(definition.start(2) if definition[2] is not None else definition.start(3)),
                )
            )
    for destination in _DESTINATION.finditer(text.text):
        address = destination[1] if destination[1] is not None else destination[2]
        line = text.line(destination.start())
        if not is_safe_link(address, entities=True):
            found.unsafe.append(Unsafe("link", address, line))
        alt = _image_text(text.text, destination.start())
        if alt is not None:
            found.images.append(Image(alt.strip(), address, line))
    for autolink in _AUTOLINK.finditer(text.text):
        if not is_safe_link(autolink[1], entities=True):
            found.unsafe.append(Unsafe("link", autolink[1], text.line(autolink.start())))
    # A reference image is an image only when its label is defined (the definition may come later).
    inline = _DESTINATION.sub(lambda m: "\x00" * len(m[0]), text.text)
    for image in _REFERENCE_IMAGE.finditer(inline):
        src = definitions.get(_label(image[2] or image[1]))
        if src is not None:
            found.images.append(Image(image[1].strip(), src, text.line(image.start())))


def _image_text(text: str, close: int) -> str | None:
    """The alternative text when the ``]`` at ``close`` ends an image's ``![...]`` (brackets may nest), else
    ``None`` (a link, or no opening bracket)."""
    depth = 0
    for position in range(close - 1, -1, -1):
        char = text[position]
        if char == "\n" and position > 0 and text[position - 1] == "\n":
            return None  # a blank line: another paragraph
        if char == "]":
            depth += 1
        elif char == "[":
            if depth == 0:
                is_image = position > 0 and text[position - 1] == "!"
                return text[position + 1 : close] if is_image else None
            depth -= 1
    return None


def _attribute_list(match: re.Match[str], line: int) -> list[Attribute]:
    """The parts of ``{...}`` when attr_list would read it as attributes: written with ``{:``, or made only of
    attribute-like parts with at least one ``#id``, ``.class`` or ``key=value`` (prose such as "{draft}" is
    text)."""
    parts = _ATTRIBUTE.findall(match[2])
    if not parts:
        return []
    found = []
    for part in parts:
        if part.startswith("."):
            found.append(Attribute("class", part[1:], None, line))
        elif part.startswith("#"):
            found.append(Attribute("id", part[1:], None, line))
        elif "=" in part:
            name, _, value = part.partition("=")
            found.append(Attribute("other", name, value.strip("\"'"), line))
        else:
            found.append(Attribute("other", part, None, line))
    explicit = bool(match[1]) or any(a.kind != "other" or a.value is not None for a in found)
    return found if explicit else []


def _label(text: str) -> str:
    """A reference label as Markdown matches it: case and runs of spaces do not count."""
    return " ".join(text.split()).casefold()


def safe_address(address: str) -> bool:
    """Whether a link address is http, https, mailto, or a path of the site (no other scheme, however
    written: ``JaVaScRiPt:``, ``&#106;avascript:``, ``java&#9;script:``, `` javascript:``)."""
    return is_safe_link(address, entities=True)
