"""Collapse the indentation Material's templates leave in every page (about a sixth of a page's bytes).

A run of whitespace that holds a line break is replaced by one line break, which HTML renders the same way;
the content of ``pre``, ``code``, ``textarea``, ``script`` and ``style`` elements is left exactly as it is.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|code|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
_RUN = re.compile(r"[ \t\r\f]*\n\s*")


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
