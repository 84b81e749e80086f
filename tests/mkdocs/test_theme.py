"""The hub's additions to Material's templates, rendered on their own: every page's head starts with the
Content-Security-Policy, and Material's redirect page (which no page can ask for) carries it too and leads
nowhere but to a path of the site."""

from __future__ import annotations

from pathlib import Path

import jinja2
import material
import pytest

from tests.support.paths import THEME

MATERIAL = Path(material.__file__).parent / "templates"


def _redirect(location: object) -> str:
    # Without autoescaping, as MkDocs renders the theme: the template must escape what it prints itself.
    loader = jinja2.FileSystemLoader([str(THEME), str(MATERIAL)])
    environment = jinja2.Environment(loader=loader, autoescape=False)  # noqa: S701
    page = {"meta": {"location": location}}
    return environment.get_template("redirect.html").render(config={"site_name": "Hub <b>"}, page=page)


def test_the_redirect_page_starts_with_the_policy_and_runs_no_script() -> None:
    """The policy follows the character set; the page holds no script, and its title is escaped."""
    html = _redirect("../about/")
    head = [line.strip() for line in html.split("<head>", 1)[1].splitlines() if line.strip().startswith("<")]
    assert head[0] == '<meta charset="utf-8">'
    assert head[1].startswith('<meta http-equiv="Content-Security-Policy" content="default-src \'self\';')
    assert "<script" not in html
    assert "<title>Hub &lt;b&gt;</title>" in html
    assert '<meta http-equiv="refresh" content="0;url=../about/">' in html


@pytest.mark.parametrize(
    "location",
    [
        "javascript:alert(1)",
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        '"><script>x</script>',
        ["x"],
    ],
)
def test_the_redirect_page_never_leads_elsewhere(location: object) -> None:
    """A location with a scheme, another host, a backslash or markup (or not text) gives no redirect."""
    html = _redirect(location)
    assert "refresh" not in html and "<script" not in html and "evil" not in html
