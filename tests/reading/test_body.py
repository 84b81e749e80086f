"""The body scanner: headings, images and link addresses of a Markdown body, with their lines, and what code hides."""

from __future__ import annotations

from advocacy.reading.body import Attribute, Heading, Image, scan, scan_all, scan_body


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


def test_an_image_whose_address_is_on_the_next_line_is_found() -> None:
    """![alt]( followed by a line break and the address is an image to Markdown, so it is one here too."""
    _, images = scan("Text ![a crowd](\nhttps://evil.example/a.png) more.\n", 3)
    assert images == [Image("a crowd", "https://evil.example/a.png", 3)]


def test_a_reference_definition_with_its_address_on_the_next_line_is_read() -> None:
    """[label]: on one line and the address on the next define the reference; the image using it is seen,
    and an unsafe address there is refused."""
    body = "![a crowd][far]\n\n[far]:\n  https://evil.example/b.png\n\n[bad]:\n    javascript:alert(1)\n"
    found = scan_body(body, 1)
    assert found.images == [Image("a crowd", "https://evil.example/b.png", 1)]
    assert [(u.kind, u.text, u.line) for u in found.unsafe] == [("link", "javascript:alert(1)", 7)]


def test_images_with_brackets_in_their_text_are_found() -> None:
    """An alternative text that holds brackets still makes an image, with its whole text."""
    _, images = scan("![a [big] crowd](https://evil.example/c.png)\n", 1)
    assert images == [Image("a [big] crowd", "https://evil.example/c.png", 1)]


def test_link_addresses_are_checked_as_browsers_read_them() -> None:
    """Spaces and a line break before the address, and backslashes, do not get an address past the check."""
    body = (
        "[a]( javascript:alert(1)) [b](\n  javascript:alert(2)) [c](/\\evil.example) [d](\\\\evil.example)\n"
    )
    found = [(u.text, u.line) for u in scan_body(body, 1).unsafe]
    assert found == [
        ("javascript:alert(1)", 1),
        ("javascript:alert(2)", 1),
        ("/\\evil.example", 2),
        ("\\\\evil.example", 2),
    ]


def test_attribute_lists_are_read_with_their_parts() -> None:
    """{: ...} after a block, {...} after an image or a heading: ids, classes and other attributes are
    reported with their line; prose in braces and code are not attribute lists."""
    body = (
        "## Context {#context}\n\n"
        "A paragraph.\n{: .md-dialog #__drawer onclick=alert(1) }\n\n"
        '![x](media/x.png){ src="https://evil.example/x.png" }\n\n'
        "The set {draft} or {a, b}, and `{: .code}`.\n"
    )
    assert scan_body(body, 1).attributes == [
        Attribute("id", "context", None, 1),
        Attribute("class", "md-dialog", None, 4),
        Attribute("id", "__drawer", None, 4),
        Attribute("other", "onclick", "alert(1)", 4),
        Attribute("other", "src", "https://evil.example/x.png", 6),
    ]


def test_e_mail_addresses_are_found_in_text_links_and_code() -> None:
    """Addresses in prose (full-width at sign too), autolinks, mailto links and code are all published, so all
    are found with their line."""
    body = "Write to a\uff20example.org.\n\n<b@example.org> [c](mailto:c@example.org)\n\n```\nd@example.org\n```\n"
    assert [(e.address, e.line) for e in scan_body(body, 1).emails] == [
        ("a@example.org", 1),
        ("b@example.org", 3),
        ("c@example.org", 3),
        ("d@example.org", 6),
    ]
