"""Finishing touches to the HTML: Latin runs in right-to-left text are isolated; links to folders name their
index.html, so that the site works from a folder on disk."""

from __future__ import annotations

from advocacy.site.html import isolate_latin, portable_links


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


def test_links_to_folders_name_their_index_page() -> None:
    """Relative links and forms to a folder (``x/``, ``./``, ``..``) name its index.html, query and fragment
    kept; links elsewhere, and the head's canonical and alternate links, are left as they are."""
    html = (
        '<link rel="alternate" href="../fr/" hreflang="fr">'
        '<a href="../cases/x/">x</a> <a class="k" href="./">here</a> <a href="..">up</a> <a href="../..">top</a>'
        '<a href="../cases/x/#lessons">l</a> <a href="catalogue/?topic=a&amp;b=c">f</a>'
        '<a href="https://example.org/a/">e</a> <a href="//cdn.example/">p</a> <a href="/abs/">r</a>'
        '<a href="#top">t</a> <a href="feed.xml">f</a> <a href="mailto:a@b.c">m</a> <a hreflang="en" href="x/">s</a>'
        '<form class="adv-search" action="../catalogue/" method="get">'
    )
    assert portable_links(html) == (
        '<link rel="alternate" href="../fr/" hreflang="fr">'
        '<a href="../cases/x/index.html">x</a> <a class="k" href="./index.html">here</a> '
        '<a href="../index.html">up</a> <a href="../../index.html">top</a>'
        '<a href="../cases/x/index.html#lessons">l</a> <a href="catalogue/index.html?topic=a&amp;b=c">f</a>'
        '<a href="https://example.org/a/">e</a> <a href="//cdn.example/">p</a> <a href="/abs/">r</a>'
        '<a href="#top">t</a> <a href="feed.xml">f</a> <a href="mailto:a@b.c">m</a> '
        '<a hreflang="en" href="x/index.html">s</a>'
        '<form class="adv-search" action="../catalogue/index.html" method="get">'
    )
    assert portable_links(portable_links(html)) == portable_links(html)
