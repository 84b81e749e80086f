"""The body scanner: headings, images and link addresses of a Markdown body, with their lines, and what code hides."""

from __future__ import annotations

from advocacy.reading.body import Heading, Image, scan, scan_all


def test_scan_finds_headings_with_their_file_lines() -> None:
    """Headings are found with their level, text and line of the file (the body starts on line 10)."""
    body = "## Context\n\ntext\n\n### Detail\n#NotAHeading\n    ## indented code\n"
    headings, images = scan(body, 10)
    assert headings == [Heading(2, "Context", 10), Heading(3, "Detail", 14)]
    assert images == []


def test_scan_strips_closing_hashes_and_attribute_lists() -> None:
    """ "## Context ##" and "## Context {#ctx}" both name the section Context; "C#" keeps its hash."""
    headings, _ = scan("## Context ##\n## Actions {#what-we-did}\n## Outcome ## {#end}\n## C#\n", 1)
    assert [h.text for h in headings] == ["Context", "Actions", "Outcome", "C#"]


def test_scan_ignores_headings_and_images_inside_fences() -> None:
    """``` and ~~~ fences hide headings and images until a matching closing fence."""
    body = "\n".join(
        [
            "```markdown",
            "## Inside backticks",
            "~~~",
            "## Still inside: a ~~~ does not close a ``` fence",
            "```",
            "~~~~ sh",
            "# comment",
            "![x](inside.png)",
            "~~~",
            "## Still inside: a shorter fence does not close it",
            "~~~~",
            "## Outside",
        ]
    )
    headings, images = scan(body, 1)
    assert headings == [Heading(2, "Outside", 12)]
    assert images == []


def test_scan_backtick_line_with_backticks_in_info_is_not_a_fence() -> None:
    """A line such as ```py`x``` is inline code, not a fence, so later headings still count."""
    headings, _ = scan("```a`b```\n## Context\n", 1)
    assert headings == [Heading(2, "Context", 2)]


def test_scan_finds_images_but_not_inside_inline_code() -> None:
    """Images are found with alt text, source and line; one inside `inline code` is text."""
    body = 'See ![A crowd](media/crowd.png "title") and `![code](media/no.png)`.\n\n![](media/photo_(2019).png)\n'
    _, images = scan(body, 5)
    assert images == [Image("A crowd", "media/crowd.png", 5), Image("", "media/photo_(2019).png", 7)]


def test_scan_finds_images_with_angle_bracket_destinations() -> None:
    """<...> destinations may hold spaces; such an image from another site must still be seen."""
    _, images = scan("![x](<https://example.org/a b.png>) ![y](<media/my photo.png> 'title')\n", 1)
    assert images == [Image("x", "https://example.org/a b.png", 1), Image("y", "media/my photo.png", 1)]


def test_scan_reports_level_one_headings() -> None:
    """A level-1 heading is found so the validator can refuse it."""
    headings, _ = scan("# Title\n## Context\n", 1)
    assert headings == [Heading(1, "Title", 1), Heading(2, "Context", 2)]


def test_code_may_show_html_and_addresses() -> None:
    """HTML and odd addresses inside inline code and code blocks are text, not refused."""
    body = "Write `<b>` or `javascript:` in code.\n\n```html\n<script>x</script>\n[a](javascript:x)\n```\n"
    assert scan_all(body, 1)[2] == []


def test_reference_definitions_are_checked_too() -> None:
    """A reference-style link's definition with an unsafe scheme is refused like an inline one."""
    found = scan_all("See [the law][l].\n\n[l]: javascript:alert(1)\n[ok]: https://example.org/\n", 5)[2]
    assert [(u.kind, u.text, u.line) for u in found] == [("link", "javascript:alert(1)", 7)]
