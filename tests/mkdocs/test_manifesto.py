"""The manifesto on the built site: versions, changelog, clause-by-clause changes, endorsements, proposals."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from advocacy.cli.main import main
from advocacy.content.repository import load_repository
from advocacy.manifesto.reading import load_manifesto
from advocacy.site.integrity import check_site
from advocacy.translations.pins import fingerprint
from tests.support.building import build, warnings
from tests.support.git import commit_all, git, init_repository
from tests.support.manifesto import CHANGELOG as MANIFESTO_CHANGELOG
from tests.support.manifesto import CHANGELOG_TEXT, EDITED, INDEX, manifesto_files, with_unreleased, write
from tests.support.project import VALID_CASE, add_to_nav, write_project

pytestmark = pytest.mark.site

TEXT_010 = """\
---
title: Manifesto
version: 0.1.0
---

## Preamble {#preamble}

Why this text exists.

## What we stand for {#we-stand-for}

### Free knowledge {#free-knowledge}

Everyone should be able to read and share knowledge.

### Open internet {#open-internet}

We oppose the blocking of websites.
"""

TEXT_020 = """\
---
title: Manifesto
version: 0.2.0
---

## Preamble {#preamble}

Why this text exists.

## What we stand for {#we-stand-for}

### Free knowledge {#free-knowledge}

Everyone should be able to read, share and improve knowledge.

### Freedom of panorama {#panorama}

Everyone may photograph public art.
"""

FR_010 = """\
---
title: Manifeste
version: 0.1.0
translation:
  method: machine
  source: {pin}
---

## Préambule {{#preamble}}

Pourquoi ce texte existe.

## Ce que nous défendons {{#we-stand-for}}

### Le savoir libre {{#free-knowledge}}

Chacun devrait pouvoir lire et partager le savoir.

### Un internet ouvert {{#open-internet}}

Nous nous opposons au blocage des sites.
"""

CHANGELOG = """\
unreleased:
  - clause: free-knowledge
    change: wording
    note: Shorter words.
versions:
  - version: 0.2.0
    date: 2026-10-01
    status: draft
    summary: Adds freedom of panorama; drops the open internet clause for now.
    changes:
      - clause: free-knowledge
        change: refined
        note: Improving knowledge is part of the position.
      - clause: panorama
        change: added
        note: Photographs of public art.
      - clause: open-internet
        change: removed
        note: Moved to a later version.
  - version: 0.1.0
    date: 2026-09-01
    status: draft
    summary: First draft.
"""

ENDORSEMENT = """\
name: Wikimedia "Test" & Co
type: chapter
country: FR
website: https://example.org/?a=1&b=2
endorsements:
  - version: 0.2.0
    date: 2026-10-05
    evidence: https://example.org/minutes
"""


def _current() -> str:
    return TEXT_020.replace("version: 0.2.0\n", "").replace(
        "read, share and improve knowledge", "read, share and improve what we know"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with two released versions (0.1.0 translated into French), unreleased changes and one
    endorsement, built strict once for the tests of this module."""
    root = tmp_path_factory.mktemp("manifesto-site")
    files = {
        "cases/blackout.md": VALID_CASE,
        "manifesto/index.md": _current(),
        "manifesto/changelog.yml": CHANGELOG,
        "manifesto/versions/0.1.0/index.md": TEXT_010,
        "manifesto/versions/0.1.0/index.fr.md": FR_010.format(pin=fingerprint(TEXT_010)),
        "manifesto/versions/0.2.0/index.md": TEXT_020,
        "manifesto/endorsements/wikimedia-test.yml": ENDORSEMENT,
    }
    project = write_project(root, files)
    (root / "docs" / "manifesto").symlink_to("../manifesto", target_is_directory=True)
    config = root / "mkdocs.yml"
    _configure(config)
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    assert warnings(result.stderr) == []
    return root / "site"


def _configure(config: Path) -> None:
    """Keep the manifesto's pages out of the navigation notice, and turn on the clause ids (attr_list)."""
    text = config.read_text(encoding="utf-8").replace("  /cases/\n", "  /cases/\n  /manifesto/\n")
    config.write_text(
        text + "markdown_extensions:\n  - attr_list\n  - toc:\n      permalink: true\n", encoding="utf-8"
    )


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def test_every_version_has_its_text_and_its_changes_page_in_each_language(site: Path) -> None:
    """Each released version has a permanent page with its full text and a page of what changed, per language."""
    for prefix in ("", "fr/", "ar/"):
        for path in (
            "versions/0.1.0/changes",
            "versions/0.2.0/changes",
            "changelog",
            "endorsements",
            "changes",
        ):
            assert (site / prefix / "manifesto" / path / "index.html").is_file(), prefix + path
    # A version's text exists in the languages it was released in: 0.1.0 in English and French, 0.2.0 in English
    # (at its French address, the English text under a note in French that it is not translated).
    assert (site / "manifesto/versions/0.2.0/index.html").is_file()
    assert (site / "fr/manifesto/versions/0.1.0/index.html").is_file()
    assert "Cette page n’est pas encore traduite en français." in _page(site, "fr/manifesto/versions/0.2.0")
    assert 'href="../../../../../manifesto/versions/0.2.0/index.html">' in _page(
        site, "fr/manifesto/versions/0.2.0/changes"
    )
    assert "Everyone should be able to read and share knowledge." in _page(site, "manifesto/versions/0.1.0")
    assert "Chacun devrait pouvoir lire" in _page(site, "fr/manifesto/versions/0.1.0")


def test_the_changes_of_a_version_are_shown_clause_by_clause_word_by_word(site: Path) -> None:
    """Version 0.2.0's page marks the words added and removed, and lists the clause added and the one removed."""
    article = _article(_page(site, "manifesto/versions/0.2.0/changes"))
    changed = article[article.index('id="free-knowledge"') :]
    changed = changed[: changed.index("</section>")]
    words = "Everyone should be able to <del>read</del> <ins>read, share</ins> and <del>share</del> <ins>improve</ins> knowledge."
    assert words in changed
    assert re.search(
        r'id="panorama">.*?Added.*?<ins>Everyone may photograph public art\.</ins>', article, re.S
    )
    assert re.search(
        r'id="open-internet">.*?Removed.*?<del>We oppose the blocking of websites\.</del>', article, re.S
    )
    order = [article.index(f'id="{i}"') for i in ("free-knowledge", "open-internet", "panorama")]
    assert order == sorted(order), "a removed clause is shown where it stood"
    assert "Compared with version 0.1.0" in article


def test_the_first_version_shows_every_clause_as_new(site: Path) -> None:
    """Version 0.1.0 has no previous version: its changes page says so and shows each clause as added."""
    article = _article(_page(site, "manifesto/versions/0.1.0/changes"))
    assert "The first version: every clause is new." in article
    assert article.count("adv-change-added") == 4


def test_unreleased_changes_have_their_own_page(site: Path) -> None:
    """The changes made since the last release are shown against it, and the current text links to them."""
    article = _article(_page(site, "manifesto/changes"))
    assert "Changes made to the text since version 0.2.0." in article
    assert "<del>knowledge.</del> <ins>what we know.</ins>" in article
    current = _article(_page(site, "manifesto"))
    assert "Version 0.2.0 (Draft), released on October 1, 2026." in current
    assert 'href="../manifesto/changes/index.html"' in current


def test_a_diff_is_shown_in_the_readers_language_only_when_both_versions_are_translated(site: Path) -> None:
    """French readers see 0.1.0 in French; 0.2.0, not translated, in English, marked as such, with a note."""
    first = _article(_page(site, "fr/manifesto/versions/0.1.0/changes"))
    assert "Chacun devrait pouvoir lire" in first
    second = _article(_page(site, "fr/manifesto/versions/0.2.0/changes"))
    assert 'lang="en"' in second
    assert "<ins>improve</ins>" in second
    assert "anglais" in second  # the note names the language shown


def test_clause_permalinks_are_the_same_in_every_language(site: Path) -> None:
    """/manifesto/#<id> and /fr/manifesto/versions/0.1.0/#<id> use the same clause ids."""
    english = re.findall(r'<h[23] id="([a-z-]+)"', _article(_page(site, "manifesto/versions/0.1.0")))
    french = re.findall(r'<h[23] id="([a-z-]+)"', _article(_page(site, "fr/manifesto/versions/0.1.0")))
    assert english == french == ["preamble", "we-stand-for", "free-knowledge", "open-internet"]


def test_each_clause_of_the_current_text_has_a_link_to_propose_a_change(site: Path) -> None:
    """Under each clause with text, a link opens the manifesto issue form with that clause filled in."""
    article = _article(_page(site, "manifesto"))
    links = re.findall(r'<p class="adv-propose"><a href="([^"]+)"', article)
    assert len(links) == 3  # preamble, free-knowledge, panorama; not the part heading without text
    assert links[1].startswith("https://github.com/example/hub/issues/new?template=manifesto.yml&amp;")
    assert "clause=free-knowledge" in links[1]
    before_next = article[article.index('id="free-knowledge"') : article.index('id="panorama"')]
    assert "clause=free-knowledge" in before_next
    assert "adv-propose" not in _article(_page(site, "manifesto/versions/0.1.0"))


def test_a_released_version_says_it_is_frozen_and_where_the_current_text_is(site: Path) -> None:
    """A released version's page names its version, status and date, and links to the current text."""
    article = _article(_page(site, "manifesto/versions/0.1.0"))
    assert "You are reading version 0.1.0 (Draft), released on September 1, 2026." in article
    # The text sits in the frame that numbers its clauses, like the current text's.
    assert article.count('<div class="adv-manifesto-text">') == 1
    assert _article(_page(site, "manifesto")).count('<div class="adv-manifesto-text">') == 1
    assert 'href="../../../manifesto/index.html">Read the current text</a>' in article


def test_the_changelog_lists_every_version_with_its_changes(site: Path) -> None:
    """The changelog shows the unreleased items, then each version newest first with date, summary and links."""
    article = _article(_page(site, "manifesto/changelog"))
    assert article.index('id="unreleased"') < article.index('id="v0.2.0"') < article.index('id="v0.1.0"')
    assert "Adds freedom of panorama; drops the open internet clause for now." in article
    assert "Removed clause" in article and "New clause" in article
    # Items name clauses by their titles: a removed one by its title in the last text that had it.
    assert '<a href="../../manifesto/versions/0.2.0/index.html#panorama">Freedom of panorama</a>:' in article
    assert '<span class="adv-badge">Removed clause</span> Open internet:' in article
    assert 'href="../../manifesto/versions/0.2.0/changes/index.html"' in article


def test_endorsements_are_listed_per_version_and_escaped(site: Path) -> None:
    """An organisation's name and links are escaped (markup in a name is refused earlier, by the validator);
    versions without endorsements say so."""
    html = _page(site, "manifesto/endorsements")
    article = _article(html)
    assert "<bdi>Wikimedia &#34;Test&#34; &amp; Co</bdi>" in article
    assert 'href="https://example.org/?a=1&amp;b=2"' in article
    assert "No organisation has endorsed this version yet." in article  # 0.1.0
    assert "Towards adoption: 1 of 5 endorsements, from 1 of 3 regions." in article


def test_the_manifestos_data_files_are_not_published_raw(site: Path) -> None:
    """changelog.yml and the endorsement files become pages; the files themselves are not in the site."""
    assert not list(site.glob("**/changelog.yml"))
    assert not list(site.glob("**/endorsements/*.yml"))


def test_a_manifesto_problem_fails_the_strict_build(tmp_path: Path) -> None:
    """A clause heading without an id is reported with its file and line, and --strict fails."""
    text = _current().replace("### Freedom of panorama {#panorama}", "### Freedom of panorama")
    project = write_project(
        tmp_path,
        {"manifesto/index.md": text, "manifesto/changelog.yml": "unreleased: []\nversions: []\n"},
    )
    (tmp_path / "docs" / "manifesto").symlink_to("../manifesto", target_is_directory=True)
    _configure(tmp_path / "mkdocs.yml")
    result = build(project.root, "--strict")
    assert result.returncode == 1
    assert any(
        'manifesto/index.md:15: error: the heading "Freedom of panorama" has no id' in line
        for line in warnings(result.stderr)
    ), result.stderr


def test_markup_in_the_manifesto_is_refused_and_never_reaches_the_page(tmp_path: Path) -> None:
    """Raw HTML, a javascript: link and an event handler in a heading are reported with their lines, and the
    page built anyway (not strict) carries none of them."""
    text = (
        _current()
        .replace(
            "Everyone may photograph public art.",
            "Everyone may photograph public art. <script>alert(1)</script> [x](javascript:alert(2))",
        )
        .replace(
            "### Free knowledge {#free-knowledge}", '### Free knowledge {#free-knowledge onclick="alert(3)"}'
        )
    )
    project = write_project(
        tmp_path,
        {"manifesto/index.md": text, "manifesto/changelog.yml": "unreleased: []\nversions: []\n"},
    )
    (tmp_path / "docs" / "manifesto").symlink_to("../manifesto", target_is_directory=True)
    _configure(tmp_path / "mkdocs.yml")
    result = build(project.root)
    assert result.returncode == 0, result.stderr
    reported = "\n".join(warnings(result.stderr))
    assert (
        'manifesto/index.md:11: error: the heading "Free knowledge" has "{#free-knowledge onclick="alert(3)"}" '
        "after it; write only its id there, such as {#free-knowledge}: other attributes are not published"
    ) in reported
    assert 'manifesto/index.md:17: error: found raw HTML ("<script>")' in reported
    assert (
        "manifesto/index.md:17: error: found a link address that is not http, https, mailto or a path"
        in reported
    )
    html = (tmp_path / "site/manifesto/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "javascript:" not in html and "onclick" not in html


def test_each_language_has_a_feed_of_the_released_versions(site: Path) -> None:
    """manifesto/feed.xml lists the versions newest first, each leading to what it changed, in each language."""
    feed = ET.fromstring((site / "fr/manifesto/feed.xml").read_text(encoding="utf-8"))  # noqa: S314 - our own output
    atom = "{http://www.w3.org/2005/Atom}"
    entries = [
        (e.findtext(f"{atom}title"), e.find(f"{atom}link").get("href"))  # type: ignore[union-attr]
        for e in feed.iter(f"{atom}entry")
    ]
    assert entries == [
        ("Version 0.2.0 (Brouillon)", "https://example.org/fr/manifesto/versions/0.2.0/changes/"),
        ("Version 0.1.0 (Brouillon)", "https://example.org/fr/manifesto/versions/0.1.0/changes/"),
    ]
    assert 'href="../../manifesto/feed.xml" type="application/atom+xml"' in _page(site, "manifesto/changelog")
    assert (site / "ar/manifesto/feed.xml").is_file()


def test_a_release_branch_builds_clean_and_passes_the_site_check(tmp_path: Path) -> None:
    """A maintainer's path: edit the text with its changelog item, branch, `advocacy manifesto release`,
    commit, then `make build` (a strict build and `advocacy check-site`): no warning, no broken link, in any
    language, although nothing is left unreleased."""
    files = {
        **manifesto_files(),
        "cases/blackout.md": VALID_CASE.replace(
            "methods: [blackout]", "methods: [blackout]\ndossiers: [eu-copyright-directive]"
        ),
        "docs/contribute/manifesto.md": "# Changing the manifesto\n\n## Endorse\n\nHow to endorse it.\n",
    }
    project = write_project(tmp_path / "hub", files)
    (project.root / "docs" / "manifesto").symlink_to("../manifesto", target_is_directory=True)
    _configure(project.root / "mkdocs.yml")
    add_to_nav(project, "contribute/manifesto.md")
    init_repository(project.root)
    git(project.root, "switch", "--quiet", "--create", "release-0.1.1")
    write(
        project,
        {
            INDEX: EDITED,
            MANIFESTO_CHANGELOG: with_unreleased(
                CHANGELOG_TEXT, ("free-knowledge", "wording", "Clearer words.")
            ),
        },
    )
    assert main(["manifesto", "check", "main", "--root", str(project.root)]) == 0
    commit_all(project.root, "Clearer words in free-knowledge")
    assert main(["manifesto", "release", "--summary", "Clearer words.", "--root", str(project.root)]) == 0
    commit_all(project.root, "Release 0.1.1")
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    assert warnings(result.stderr) == []
    problems = check_site(project, load_repository(project), load_manifesto(project), project.root / "site")
    assert [str(p) for p in problems] == [], "\n".join(str(p) for p in problems)
