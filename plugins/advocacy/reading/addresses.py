"""Addresses (URLs) as a browser reads them: every check of an address starts from :func:`normalise`.

A browser is more forgiving than a check written with the address as typed: it drops spaces and control
characters around an address and tabs and line breaks inside it (`` javascript:``, ``java\\tscript:`` run),
decodes character references in HTML (``&#106;avascript:``), and reads a backslash as a slash in web
addresses (``/\\host`` and ``\\\\host`` are ``//host``: another site). The validator and the sanitiser both
normalise first, with this one function, and then look at the scheme and the host.
"""

from __future__ import annotations

import html
import re
import unicodedata

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
"""Schemes a link may use; every other one (``javascript:``, ``data:``, ``vbscript:``, ``file:``...) is refused."""

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# What a browser strips from both ends of an address: C0 controls and the space.
_ENDS = "".join(chr(code) for code in range(0x21))


def normalise(address: str, *, entities: bool = False) -> str | None:
    """The address as a browser reads it, or ``None`` for one no page of the site may hold.

    Args:
        address: The address as written (in Markdown, an attribute, a field).
        entities: Decode HTML character references first (for addresses taken from Markdown or HTML source;
            an HTML parser has decoded them already in attribute values it hands over).

    Returns:
        The address without what a browser ignores (spaces and controls at the ends, tabs and line breaks
        inside), and without other control or invisible format characters, which browsers treat in ways that
        differ; ``None`` when it holds a backslash, which browsers read as a slash in web addresses.
    """
    text = html.unescape(address) if entities else address
    text = text.strip(_ENDS)
    if "\\" in text:
        return None
    return "".join(char for char in text if unicodedata.category(char) not in {"Cc", "Cf"})


def scheme(address: str) -> str | None:
    """The scheme of a normalised address in lowercase (``https``), or ``None`` for a path or ``//host``."""
    match = _SCHEME.match(address)
    return match[1].lower() if match is not None else None


def is_safe_link(address: str, *, entities: bool = False) -> bool:
    """Whether a reader may be sent to ``address``: http, https or mailto, or a path (of this site or, with
    ``//``, another's)."""
    normal = normalise(address, entities=entities)
    if normal is None:
        return False
    found = scheme(normal)
    return found is None or found in LINK_SCHEMES


def is_local(address: str, *, entities: bool = False) -> bool:
    """Whether ``address`` is a path of this site (no scheme, no other host): the only kind a page may load."""
    normal = normalise(address, entities=entities)
    return normal is not None and scheme(normal) is None and not normal.startswith("//")


# An e-mail address once text is in Unicode compatibility form (NFKC turns a full-width "＠" or a small "﹫"
# into "@", full-width letters and dots into ASCII ones): letters or digits of any script, dots, plus and
# hyphens, "@", and a domain with at least one dot.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def emails_in(text: str) -> list[str]:
    """The e-mail addresses written in ``text``, however disguised by character references (``&#64;``) or
    look-alike characters (``＠``), each as it reads after normalisation."""
    normal = unicodedata.normalize("NFKC", html.unescape(text))
    return [match[0] for match in _EMAIL.finditer(normal) if not match[0].startswith("@")]
