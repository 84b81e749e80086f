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
