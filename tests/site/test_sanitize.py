"""The allow-list every page written from Markdown goes through, and no way to include files into pages."""

from __future__ import annotations

import pytest

from advocacy.site.sanitize import sanitize
from tests.support.paths import ROOT


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ('<h2 id="x">T<a class="headerlink" href="#x" title="Permanent link">¶</a></h2>', None),
        ('<div class="admonition note"><p class="admonition-title">Note</p></div>', None),
        ('<p lang="ar" dir="rtl">نص <bdi>#Tag</bdi></p>', None),
        (
            '<a href="https://example.org/">x</a> <a href="mailto:a@example.org">m</a> <a href="../x/">r</a>',
            None,
        ),
        ('<img src="media/a.png" alt="a">', None),
        ('<img src="https://evil.example/a.png" alt="a">', '<img alt="a">'),
        ('<img src="data:image/png;base64,AAAA" alt="a">', '<img alt="a">'),
        ('<div class="highlight"><pre><span></span><code><span class="n">x</span></code></pre></div>', None),
    ],
)
def test_the_allow_list_keeps_what_the_site_needs(given: str, kept: str | None) -> None:
    """Permalinks, admonitions, direction, safe links, local images and highlighting survive; remote and
    data: images lose their address."""
    assert sanitize(given) == (kept if kept is not None else given)


def test_the_site_includes_no_files_into_pages() -> None:
    """pymdownx.snippets (which can pull any file of the machine into a page) is not enabled."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "snippets" not in config
    assert "markdown_extensions:" in config


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ('<img src="/\\evil.example/a.png" alt="a">', '<img alt="a">'),
        ('<img src="\\\\evil.example/a.png" alt="a">', '<img alt="a">'),
        ('<img src=" //evil.example/a.png" alt="a">', '<img alt="a">'),
        ('<img src="&#1;https://evil.example/a.png" alt="a">', '<img alt="a">'),
        ('<img src="\thttps://evil.example/a.png" alt="a">', '<img alt="a">'),
        ('<img src=" media/a.png " alt="a">', '<img src="media/a.png" alt="a">'),
        ('<a href=" javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="java&#9;script:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="/\\evil.example/">x</a>', "<a>x</a>"),
        ('<a href=" https://example.org/ ">x</a>', '<a href="https://example.org/">x</a>'),
    ],
)
def test_addresses_are_judged_as_a_browser_reads_them(given: str, kept: str) -> None:
    """Spaces, controls and backslashes do not get an image from another host or a script link through; a
    good address is kept as a browser reads it."""
    assert sanitize(given) == kept


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ('<p class="md-dialog md-dialog--active">x</p>', "<p>x</p>"),
        ('<p class="adv-notice note">x</p>', '<p class="note">x</p>'),
        (
            '<div class="admonition md-banner"><p class="admonition-title">t</p></div>',
            '<div class="admonition"><p class="admonition-title">t</p></div>',
        ),
        (
            '<a class="md-button md-button--primary" href="https://example.org/">x</a>',
            '<a href="https://example.org/">x</a>',
        ),
        ('<p class="k">x</p><span class="k">y</span>', '<p>x</p><span class="k">y</span>'),
        ('<p id="__drawer">x</p><h2 id="context">C</h2>', '<p>x</p><h2 id="context">C</h2>'),
        (
            '<details class="warning"><summary>s</summary></details>',
            '<details class="warning"><summary>s</summary></details>',
        ),
    ],
)
def test_only_markdowns_own_and_documented_classes_are_kept(given: str, kept: str) -> None:
    """The theme's classes (md-*, adv-*) go whether they come from an attribute list or an admonition's
    type; admonition types, code highlighting (on spans) and headings' ids stay; the theme's ids go."""
    assert sanitize(given) == kept
