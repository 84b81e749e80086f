"""The repository's own site: built strict without a warning, every valid case file a page in its language
(nothing lost), machine translations said once."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy.content.project import load_project
from advocacy.content.repository import load_repository
from advocacy.content.vocabularies import Vocabularies
from advocacy.locales.strings import strings
from advocacy.site.localize import Localizer
from tests.support.building import case_pages, warnings
from tests.support.html import Tags
from tests.support.paths import ROOT

pytestmark = pytest.mark.site


def test_repository_builds_strict_without_warnings(own_site: tuple[Path, str]) -> None:
    """The real site builds under --strict with no warning at all."""
    assert warnings(own_site[1]) == []


def test_every_valid_case_file_is_a_page_in_its_language(own_site: tuple[Path, str]) -> None:
    """The case pages built in each language are exactly the valid case files of that language."""
    expected: dict[str, list[str]] = {}
    for case_file in load_repository(load_project(ROOT)).published_files():
        expected.setdefault(case_file.language, []).append(case_file.case_id)
    assert case_pages(own_site[0]) == {lang: sorted(ids) for lang, ids in sorted(expected.items())}


@pytest.mark.parametrize("language", ["fr", "es", "ar", "hi"])
def test_a_machine_translated_home_page_says_so_once(own_site: tuple[Path, str], language: str) -> None:
    """The home page of each language says once, in its banner, that it is a machine translation (its text
    does not repeat it), and the banner links the original."""
    html = (own_site[0] / language / "index.html").read_text(encoding="utf-8")
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    ui = strings(language)
    text = " ".join(Tags(article).text).casefold()
    assert text.count(ui["translation_methods"]["machine"].casefold()) == 1
    assert ui["translation_note"]["machine"] in article
    original = ui["translation_banner"]["original"].format(
        language=Localizer(language, "en", Vocabularies()).language_name("en")
    )
    assert f'<a href="../" hreflang="en">{original}</a>' in article


@pytest.mark.parametrize("language", ["", "ar/"])
def test_a_released_manifesto_version_offers_no_edit_link(own_site: tuple[Path, str], language: str) -> None:
    """A released version never changes: its page has no "edit this page" button, the current text has one."""
    edit = 'class="md-content__button md-icon"'
    assert edit not in (own_site[0] / language / "manifesto/versions/0.1.0/index.html").read_text(
        encoding="utf-8"
    )
    assert edit in (own_site[0] / language / "manifesto/index.html").read_text(encoding="utf-8")


def test_an_organization_panel_names_its_kind_not_itself(own_site: tuple[Path, str]) -> None:
    """The Wikimedia Foundation's page says what kind of organization it is, not its own name again."""
    html = (own_site[0] / "organizations/wikimedia-foundation/index.html").read_text(encoding="utf-8")
    assert "<dt>Kind</dt><dd>Foundation</dd>" in html
