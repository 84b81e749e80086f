"""Finishing touches to the HTML: Latin runs in right-to-left text are isolated."""

from __future__ import annotations

from advocacy.site.html import isolate_latin


def test_latin_runs_in_right_to_left_text_are_isolated() -> None:
    """Hashtags, names and codes in Arabic text keep their order; code, tags and entities are untouched."""
    html = (
        '<p>بوسم #Tag و CC BY-SA 4.0. ثم &amp; <a href="https://x.org/a b">Wikimedia</a> <code>a b</code></p>'
    )
    assert isolate_latin(html) == (
        '<p>بوسم <bdi>#Tag</bdi> و <bdi>CC BY-SA 4.0</bdi>. ثم &amp; <a href="https://x.org/a b">'
        "<bdi>Wikimedia</bdi></a> <code>a b</code></p>"
    )
    assert isolate_latin(isolate_latin(html)) == isolate_latin(html)
