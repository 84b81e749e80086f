"""Finishing touches to every written page: its text direction on ``<html>``, less indentation, and links that
work from a folder.

Material's templates leave indentation worth about a sixth of a page's bytes. A run of whitespace that holds a line break is replaced by one line break, which HTML renders the same way;
the content of ``pre``, ``code``, ``textarea``, ``script`` and ``style`` elements is left exactly as it is.
"""

from __future__ import annotations

import re

from markupsafe import escape

_KEEP = re.compile(r"(<(pre|code|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
_RUN = re.compile(r"[ \t\r\f]*\n\s*")
_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
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


# The address of a link or a form: its start tag up to the value, the path, the query or fragment (the site's
# HTML quotes every attribute value). One pass over the page: it runs on every page of every build.
_ADDRESS = re.compile(r'(<(?:a|form)\b[^>]*?\s(?:href|action)=")([^"?#]*)([?#][^"]*)?"', re.IGNORECASE)


def _explicit_index(match: re.Match[str]) -> str:
    path = match[2]
    if not path or path.startswith("/") or ":" in path:
        return match[0]  # the page itself, a path from a server's root, or another scheme (https:, mailto:)
    if path.endswith("/"):
        path += "index.html"
    elif path in {".", ".."} or path.endswith(("/.", "/..")):
        path += "/index.html"
    else:
        return match[0]
    return f'{match[1]}{path}{match[3] or ""}"'


def portable_links(html: str) -> str:
    """The page with every relative link to a folder (``../cases/x/``, ``./``, ``..``) made to name that
    folder's ``index.html``, in links and forms.

    A web server answers a folder's address with its ``index.html``; a browser opening ``site/`` from a disk
    or a USB stick (``file://``) shows the folder's listing instead, and so does every Kiwix reader, which
    looks paths up as they are written. The ``<link>`` elements of the head (``canonical``, ``hreflang``
    alternates) keep the addresses search engines know.
    """
    return _ADDRESS.sub(_explicit_index, html)


def set_direction(html: str, direction: str) -> str:
    """Declare the page's direction on ``<html>`` (Material sets it on ``<body>`` only), unless it is there."""
    return _HTML_TAG.sub(lambda match: f'{match[0]} dir="{direction}"', html, count=1)


def set_alternates(html: str, links: dict[str, str], default: str) -> str:
    """Replace the page's ``hreflang`` alternates by links to the versions that exist, plus ``x-default``.

    Args:
        html: The page.
        links: For each language the page exists in, a link to that version from the page.
        default: The site's default language (``x-default`` points to its version, when there is one).
    """
    first = _ALTERNATE.search(html)
    if first is None:
        return html
    tags = [
        f'<link rel="alternate" href="{escape(href)}" hreflang="{escape(code)}">\n'
        for code, href in links.items()
    ]
    if default in links:
        tags.append(f'<link rel="alternate" href="{escape(links[default])}" hreflang="x-default">\n')
    rest = _ALTERNATE.sub("", html[first.start() :])
    return html[: first.start()] + "".join(tags) + rest


# Runs of Latin-script words (with the signs that travel with them: #hashtags, @handles, codes such as
# ES-CT, versions such as 4.0) inside right-to-left text.
_WORD = r"[A-Za-z0-9](?:[\w.\-/:#@+]*[\w#+])?"  # ends on a letter or digit: sentence punctuation stays out
_LATIN_RUN = re.compile(rf"(?<![&#\w])[#@]?[A-Za-z](?:[\w.\-/:#@+]*[\w#+])?(?:[ \u00a0]+[#@]?{_WORD})*")
_TAG = re.compile(r"(<[^>]+>)")
# Elements whose text is left alone: code, and what is isolated already.
_SKIP = {"code", "pre", "script", "style", "bdi", "kbd", "samp"}


def isolate_latin(html: str) -> str:
    """Wrap the Latin-script runs of the text of right-to-left HTML in ``<bdi>``, so that a hashtag or a
    code keeps its order (``#WeMissTurkey`` is not shown as ``WeMissTurkey#``). Tags and the text of code
    and of elements already isolated are left as they are."""
    out: list[str] = []
    skipping: list[str] = []
    for piece in _TAG.split(html):
        if piece.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            if name is not None and name[1].lower() in _SKIP and not piece.endswith("/>"):
                if piece.startswith("</"):
                    if skipping and skipping[-1] == name[1].lower():
                        skipping.pop()
                else:
                    skipping.append(name[1].lower())
            out.append(piece)
        elif skipping or not piece.strip():
            out.append(piece)
        else:
            out.append(_LATIN_RUN.sub(lambda m: f"<bdi>{m[0]}</bdi>", piece))
    return "".join(out)
