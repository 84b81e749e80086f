"""Addresses read as a browser reads them before any check: spaces and controls around them and tabs and line
breaks inside them do not hide a scheme, a backslash is refused, and e-mail addresses are found however they
are disguised."""

from __future__ import annotations

import pytest

from advocacy.reading.addresses import emails_in, is_local, is_safe_link, normalise


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("  https://example.org/ ", "https://example.org/"),
        ("\x01\x1f https://example.org/", "https://example.org/"),
        ("java\tscript:alert(1)", "javascript:alert(1)"),
        ("java\nscript:alert(1)", "javascript:alert(1)"),
        ("java\u200bscript:alert(1)", "javascript:alert(1)"),
        ("media/photo.png", "media/photo.png"),
    ],
)
def test_an_address_is_read_without_what_browsers_ignore(written: str, read: str) -> None:
    """Spaces and C0 controls at the ends, and tabs, line breaks and invisible characters inside, go."""
    assert normalise(written) == read


@pytest.mark.parametrize("written", ["/\\evil.example/x.png", "\\\\evil.example/x", "https:\\\\evil.example"])
def test_an_address_with_a_backslash_is_refused(written: str) -> None:
    """Browsers read a backslash as a slash in web addresses (/\\host is //host): no check can trust it."""
    assert normalise(written) is None
    assert not is_safe_link(written)
    assert not is_local(written)


@pytest.mark.parametrize(
    "link",
    [
        " javascript:alert(1)",
        "\x00javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "java&#9;script:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
    ],
)
def test_links_to_other_schemes_are_unsafe_however_written(link: str) -> None:
    """javascript:, data:, vbscript: and file: are refused behind spaces, controls and character references."""
    assert not is_safe_link(link, entities=True)


def test_web_mail_and_site_addresses_are_safe_links_and_only_paths_are_local() -> None:
    """Links may go to https, http, mailto and paths; only a path of the site may be loaded by a page."""
    for link in ("https://example.org/", "http://example.org/", "mailto:x@example.org", "../about/", "#top"):
        assert is_safe_link(link)
    assert is_local("media/a.png") and is_local("../media/a.png")
    for source in (
        "https://example.org/a.png",
        "//evil.example/a.png",
        " //evil.example/a.png",
        "data:image/png;base64,AA",
    ):
        assert not is_local(source)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("write to jane.roe@example.org today", ["jane.roe@example.org"]),
        ("write to jane.roe\uff20example.org", ["jane.roe@example.org"]),  # full-width at sign
        ("write to jane\ufe6bexample\uff0eorg", ["jane@example.org"]),  # small at sign, full-width dot
        ("write to jane&#64;example.org", ["jane@example.org"]),  # a character reference
        ("\uff4a\uff41\uff4e\uff45@example.org", ["jane@example.org"]),  # full-width letters
        ("josé@exemple.fr", ["josé@exemple.fr"]),
        ("follow @WikimediaFr and #SaveTheWeb", []),
        ("a price of 3 @ 4.5 each", []),
    ],
)
def test_e_mail_addresses_are_found_after_compatibility_normalisation(text: str, found: list[str]) -> None:
    """Look-alike characters and character references do not hide an address; handles and prices are not
    addresses."""
    assert emails_in(text) == found
