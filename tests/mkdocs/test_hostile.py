"""The hostile project (tests/support/hostile.py), one payload per trick of each class of the security review:
`advocacy validate` and the strict build name each with its file and line, and the site built anyway (as
`mkdocs serve` builds) carries none of them: no script, no request to another host, no restyled interface, no
image metadata, no symbolic link's target, no removed sentence, no e-mail address."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.support.building import Built, build, warnings
from tests.support.hostile import EVIL, TAKEN_DOWN
from tests.support.paths import ADVOCACY

pytestmark = pytest.mark.site

# (file, line, a part of the message) for every payload the validator must name.
EXPECTED = [
    # 1. frontmatter of pages: keys the theme prints or acts on, values of the wrong type
    ("docs/head.md", 3, "description: expected a single value, found a list"),
    ("docs/head.md", 4, 'unknown field "author"'),
    ("docs/head.md", 5, 'unknown field "template"'),
    ("docs/head.md", 6, 'unknown field "location"'),
    ("docs/head.md", 7, 'unknown field "subtitle"'),
    ("docs/head.md", 8, 'unknown field "status"'),
    ("docs/mmd.md", 1, "MultiMarkdown metadata"),
    ("manifesto/index.md", 3, 'unknown field "author"'),
    # 2. image metadata and pixel bombs
    ("cases/media/second-app1.jpg", None, "metadata (EXIF (APP1 segment), EXIF (APP1 segment))"),
    ("cases/media/exif.png", None, "metadata (EXIF (eXIf chunk))"),
    ("cases/media/xmp.webp", None, "metadata (XMP (XMP chunk))"),
    ("cases/media/bomb.png", None, "40,000 x 40,000 pixels; the limit is 12,000,000 pixels"),
    ("cases/media/script.png", None, "it is not a PNG, JPEG, WebP or GIF image"),
    ("docs/photo.jpg", None, "metadata (EXIF (APP1 segment))"),
    ("docs/xmp.png", None, "metadata (XMP (iTXt chunk))"),
    # 4. file types that could run a script on the site's address
    ("docs/evil.svg", None, 'a ".svg" file is not published from docs/'),
    ("docs/page.html", None, 'a ".html" file is not published from docs/'),
    # 5. addresses: attribute lists, backslashes, spaces, line breaks, definitions on the next line
    ("cases/addresses.md", 25, 'the attribute list sets "src=https://evil.example/a.png"'),
    ("cases/addresses.md", 25, '"https://evil.example/e.png" is not in the repository'),
    ("cases/addresses.md", 27, '"/\\evil.example/b.png" is not an address a reader can follow safely'),
    ("cases/addresses.md", 27, '"\\\\evil.example/c" is not an address a reader can follow safely'),
    ("cases/addresses.md", 29, '"https://evil.example/d.png" is not in the repository'),
    ("cases/addresses.md", 30, "\"javascript:alert('PWNED-spaces')\" is not an address"),
    # 6. frontmatter MkDocs reads otherwise, and nesting that used to crash the validator
    ("cases/dots.md", 1, 'line 15 is "..."; write "---" there instead'),
    ("cases/deep.md", 6, "nest more than 20 levels deep"),
    ("cases/date.md", 2, "MkDocs cannot read this frontmatter (day is out of range for month)"),
    ("docs/unreadable.md", 2, "MkDocs cannot read this frontmatter"),
    ("docs/deep.md", 2, "nest more than 20 levels deep"),
    ("docs/deep.fr.md", 2, "nest more than 20 levels deep"),
    # 7. the theme's classes and ids
    ("cases/takeover.md", 25, 'the class ".md-button" cannot be used'),
    ("cases/takeover.md", 26, 'the class ".md-dialog" cannot be used'),
    ("cases/takeover.md", 26, 'the class ".adv-notice" cannot be used'),
    ("cases/takeover.md", 26, '"#__drawer" is not an id a page may use'),
    # 8. e-mail addresses after compatibility normalisation, in any field and the body
    ("cases/emails.md", 3, 'summary: found the e-mail address "jane.roe@example.org"'),
    ("cases/emails.md", 15, "contributors: this looks like an e-mail address"),
    ("cases/emails.md", 32, 'found the e-mail address "jane.roe@example.org"'),
]


def _found(problems: list[dict[str, object]], file: str, line: int | None, part: str) -> bool:
    """Whether a problem of ``file`` at ``line`` says ``part`` (in "field: message", as the text report)."""
    return any(
        p["file"] == file and p["line"] == line and part in f"{p['field']}: {p['message']}" for p in problems
    )


def test_the_validator_names_every_payload_with_its_line(hostile: Built) -> None:
    """`advocacy validate` lists each payload on its file and line, exits 1, and keeps the valid neighbours
    publishable."""
    result = subprocess.run(
        [str(ADVOCACY), "validate", "--format", "json"],
        cwd=hostile.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    missing = [expected for expected in EXPECTED if not _found(problems, *expected)]
    assert missing == []
    assert {p["file"] for p in problems} >= {"cases/photos.md"}  # the case showing the refused images
    assert not any(p["file"] in {"cases/blackout.md", "cases/takedown.md"} for p in problems)


def test_the_strict_build_fails_on_them(hostile: Built, tmp_path: Path) -> None:
    """A strict build (CI) fails, naming the payloads as the validator does, without a traceback."""
    result = build(hostile.root, "--strict", site_dir=tmp_path / "site")
    assert result.returncode == 1
    logged = warnings(result.stderr)
    for file, line, part in EXPECTED:
        where = f"{file}:{line}:" if line is not None else f"{file}:"
        assert any(where in entry and part in entry for entry in logged), (file, line, part)
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr


class _Elements(HTMLParser):
    """Every start tag with its attributes, and every inline script, of a page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline_scripts = 0
        self._in_title = False
        self.title = ""
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if tag == "script" and "src" not in found:
            self.inline_scripts += 1
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("pagefind")]


def test_no_page_carries_a_script_a_handler_or_a_foreign_address(hostile: Built) -> None:
    """On every page: no inline script, no event handler, no javascript: link, no image or script from
    another host, and no address with a backslash (which browsers read as another host)."""
    checked = 0
    for page in _pages(hostile.site):
        name = page.relative_to(hostile.site).as_posix()
        elements = _Elements(page.read_text(encoding="utf-8"))
        assert elements.inline_scripts == 0, name
        for tag, attrs in elements.tags:
            assert not [a for a in attrs if a.startswith("on")], (name, tag, attrs)
            for attribute in ("src", "href"):
                value = (attrs.get(attribute) or "").strip()
                assert not value.lower().startswith(("javascript:", "data:text")), (name, tag, value)
                assert "\\" not in value, (name, tag, value)
                if attribute == "src" or tag == "link":
                    assert EVIL not in value, (name, tag, value)
        checked += 1
    assert checked > 40


def test_the_content_security_policy_comes_first_on_every_page(hostile: Built) -> None:
    """Right after the character set, before anything a page carries, every page states its policy."""
    for page in _pages(hostile.site):
        head = page.read_text(encoding="utf-8").split("<head>", 1)[1]
        first, second = re.findall(r"<[^>]+>", head)[:2]
        assert first == '<meta charset="utf-8">', page
        assert second.startswith(
            '<meta http-equiv="Content-Security-Policy" content="default-src \'self\';'
        ), page


def test_frontmatter_keys_outside_the_model_never_reach_the_theme(hostile: Built) -> None:
    """author, template, location, subtitle, status and a list-valued description are dropped: the page is
    rendered by the usual template and none of their text is printed; the manifesto's author neither."""
    for url in ("head/", "manifesto/", "fr/head/", "index.html"):
        path = hostile.site / (url if url.endswith(".html") else url + "index.html")
        if not path.exists():
            continue
        html = path.read_text(encoding="utf-8")
        for marker in ("author", "description", "location", "subtitle", "status", "manifesto"):
            assert f"PWNED-{marker}" not in html, (url, marker)
    head = hostile.page("head/")
    assert '<meta name="author"' not in head
    assert "<article" in head  # the usual template, not redirect.html
    assert "<title>Head tricks - Test hub</title>" in head


def test_a_heading_with_character_references_stays_text_in_the_title(hostile: Built) -> None:
    """A first heading written with &lt;...&gt; is the title as text in <title>, the header and the
    navigation of every page; it never becomes a tag."""
    entities = hostile.page("entities/")
    title = _Elements(entities).title
    assert title.startswith("</title><script>alert('PWNED-h1')</script> and <img src=x")
    for page in _pages(hostile.site):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert('PWNED-h1')" not in html, page
        assert "<img src=x onerror" not in html, page


def test_multimarkdown_metadata_is_not_given_to_the_theme(hostile: Built) -> None:
    """key: value lines at the top of a page are not a title for the theme."""
    assert "PWNED-mmd" not in hostile.page("mmd/")
    assert "<title>A page - Test hub</title>" in hostile.page("mmd/")


def test_images_with_metadata_or_too_many_pixels_are_not_published(hostile: Built) -> None:
    """None of the refused images is in the site, nor the case that shows them; the valid case is."""
    site = hostile.site
    for name in ("second-app1.jpg", "exif.png", "xmp.webp", "bomb.png", "script.png"):
        assert not list(site.rglob(name)), name
    assert not (site / "photo.jpg").exists() and not (site / "xmp.png").exists()
    assert not (site / "cases/photos").exists()
    assert (site / "cases/blackout/index.html").is_file()


def test_a_taken_down_sentence_is_not_shown_by_the_outdated_translation(hostile: Built) -> None:
    """The French translation, outdated by the takedown, shows what was added to the original, never the
    sentence removed from it; no page of the site holds that sentence."""
    french = hostile.page("fr/cases/takedown/")
    diff = re.search(r'<pre lang="en" dir="ltr"><code>(.*?)</code></pre>', french, re.DOTALL)
    assert diff is not None
    assert "+Why it mattered, in short." in diff[1]
    assert "Jane Roe" not in diff[1]
    assert not [p for p in _pages(hostile.site) if TAKEN_DOWN in p.read_text(encoding="utf-8")]


def test_files_of_foreign_types_are_not_published(hostile: Built) -> None:
    """An SVG with a script and an HTML page in docs/ are not copied into the site."""
    assert not (hostile.site / "evil.svg").exists()
    assert not (hostile.site / "page.html").exists()


def test_cases_mkdocs_would_read_otherwise_are_not_published(hostile: Built) -> None:
    """A case closed with "...", a case nesting 995 levels and a case whose frontmatter MkDocs cannot load
    are left out, and the build did not crash on them."""
    for case_id in ("dots", "deep", "date", "addresses", "takeover", "emails"):
        assert not (hostile.site / "cases" / case_id).exists(), case_id
    assert "PWNED-dots" not in "".join(p.read_text(encoding="utf-8") for p in _pages(hostile.site))


def test_the_theme_classes_and_ids_are_removed_from_a_page(hostile: Built) -> None:
    """md-* and adv-* classes from an attribute list or an admonition's type, and the id of the theme's
    drawer, are gone from the page's content; the text and the admonition's box stay."""
    html = hostile.page("takeover/")
    article = html[html.index("<article") : html.index("</article>")]
    notice = re.search(r"<p[^>]*>Your session has expired\.", article)
    assert notice is not None and notice[0] == "<p>Your session has expired."
    assert '<div class="admonition">' in article
    assert 'id="__drawer"' not in article
    assert not re.search(r'class="[^"]*\b(md|adv)-(dialog|banner|button|notice)', article)


def test_no_e_mail_address_reaches_pages_feeds_or_exports(hostile: Built) -> None:
    """No file of the site holds an e-mail address, even one written with a full-width at sign."""
    address = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
    found = []
    for path in hostile.site.rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".csv", ".txt"} and path.is_file():
            text = unicodedata.normalize("NFKC", path.read_text(encoding="utf-8", errors="replace"))
            found += [(path.name, match) for match in address.findall(text)]
    assert found == []
