"""Finishing touches to every written page: its text direction on ``<html>``, and less indentation.

Material's templates leave indentation worth about a sixth of a page's bytes. A run of whitespace that holds a line break is replaced by one line break, which HTML renders the same way;
the content of ``pre``, ``code``, ``textarea``, ``script`` and ``style`` elements is left exactly as it is.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|code|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
_RUN = re.compile(r"[ \t\r\f]*\n\s*")
_HTML_TAG = re.compile(r"<html\b(?![^>]*\bdir=)[^>]*")


def collapse_whitespace(html: str) -> str:
    """The page with each whitespace run that contains a line break reduced to a single line break."""
    pieces = _KEEP.split(html)
    # split() returns text, kept element, tag name, text, ...: collapse only the text pieces.
    out = []
    for index in range(0, len(pieces), 3):
        out.append(_RUN.sub("\n", pieces[index]))
        if index + 1 < len(pieces):
            out.append(pieces[index + 1])
    return "".join(out)


def set_direction(html: str, direction: str) -> str:
    """Declare the page's direction on ``<html>`` (Material sets it on ``<body>`` only), unless it is there."""
    return _HTML_TAG.sub(lambda match: f'{match[0]} dir="{direction}"', html, count=1)
