"""Writing an offline copy with libzim, and what its full-text index and suggestions find, in English, Arabic
and Hindi (where libzim's folding of vowel signs makes search imprecise: the test states what is found)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from libzim.reader import Archive

from advocacy.offline.contents import Contents, select
from advocacy.offline.illustration import icon
from advocacy.offline.metadata import metadata_for
from advocacy.offline.reader import search, suggest
from advocacy.offline.settings import Settings
from advocacy.offline.writer import write_copy
from tests.support.offline import SITE_NAME, SITE_URL, page, write_site
from tests.support.project import ProjectFactory

DAY = dt.date(2026, 12, 4)
SETTINGS = Settings(SITE_URL, {"en": SITE_NAME, "fr": SITE_NAME, "ar": SITE_NAME, "hi": SITE_NAME})


def _write(site: Path, contents: Contents, target: Path) -> Archive:
    metadata = metadata_for(SETTINGS, contents.language, "en", DAY)
    write_copy(
        target,
        site,
        contents,
        metadata,
        icon(),
        site_url=SITE_URL,
        site_names={SITE_NAME},
        search_note="Use Kiwix's search",
    )
    return Archive(target)


def _copy_of(tmp_path: Path, language: str, pages: dict[str, str]) -> Archive:
    """A copy holding the given pages (site path -> text of its article), each searchable."""
    site = tmp_path / "site"
    contents = Contents(language, f"{language}/index.html")
    for path, text in {f"{language}/index.html": "<p>home</p>", **pages}.items():
        file = site / path
        file.parent.mkdir(parents=True, exist_ok=True)
        title = path.split("/")[-2]
        file.write_text(page(title, f"<p>{text}</p>", "../" * path.count("/"), language=language), "utf-8")
        contents.add(path, page=True)
    return _write(site, contents, tmp_path / f"{language}.zim")


def test_a_copy_holds_every_chosen_file_its_folder_paths_and_its_metadata(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    """Each page and file at its site path, each folder's path leading to its page, the main page, the
    metadata and icon, no script in any page; nothing left beside the file."""
    project = make_project({})
    site = write_site(tmp_path / "site")
    contents = select(project, site, "en")
    archive = _write(site, contents, tmp_path / "en.zim")
    assert archive.entry_count == len(contents.pages) + len(contents.files) + len(contents.folders())
    assert archive.main_entry.get_item().path == "index.html"
    assert archive.get_entry_by_path("cases/water/").get_item().path == "cases/water/index.html"
    assert archive.get_entry_by_path("").get_item().path == "index.html"
    assert archive.get_entry_by_path("cases/water/index.html").title == "The right to water"
    assert archive.get_entry_by_path("assets/site.css").get_item().mimetype == "text/css"
    assert archive.get_entry_by_path("data/cases.json").get_item().mimetype == "application/json"
    assert bytes(archive.get_metadata("Language")) == b"eng"
    assert bytes(archive.get_metadata("License")) == b"CC-BY-SA-4.0"
    assert bytes(archive.get_illustration_item(48).content) == icon()
    page_text = bytes(archive.get_entry_by_path("catalogue/index.html").get_item().content).decode()
    assert "<script" not in page_text and "Use Kiwix&#39;s search" in page_text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["en.zim", "hub", "site"]  # no .part left


def test_search_finds_the_words_of_articles_not_the_menus(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    """A word of a case's article finds it; a word of the menu every page repeats finds nothing; the lists
    (not searchable on the site either) are not found by their words; suggestions complete a title."""
    project = make_project({})
    site = write_site(tmp_path / "site")
    archive = _write(site, select(project, site, "en"), tmp_path / "en.zim")
    assert archive.has_fulltext_index and archive.has_title_index
    assert search(archive, "eviction") == ["cases/water/index.html"]
    assert search(archive, "Évictions") == ["cases/water/index.html"]  # folded and stemmed like the page
    assert search(archive, "menuword") == []
    assert search(archive, "Welcome") == []
    assert "cases/water/index.html" in suggest(archive, "The right")


def test_a_failed_write_leaves_no_file(make_project: ProjectFactory, tmp_path: Path) -> None:
    """libzim finishes a file even when writing fails: the half-written copy is deleted, the name stays free."""
    project = make_project({})
    site = write_site(tmp_path / "site")
    contents = select(project, site, "en")
    contents.add("gone/index.html", page=True)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(FileNotFoundError):
        _write(site, contents, out / "en.zim")
    assert list(out.iterdir()) == []


def test_arabic_search_ignores_marks_and_finds_some_forms_with_the_article(tmp_path: Path) -> None:
    """What docs/downloads.md says of Arabic: hamza forms and harakat are ignored; حكومة finds الحكومة; مياه does
    not find المياه (the stemmer is light)."""
    archive = _copy_of(
        tmp_path,
        "ar",
        {
            "ar/cases/government/index.html": "حجبت الحكومة الموقع",
            "ar/cases/water/index.html": "انقطعت المياه عن المدينة",
            "ar/cases/rights/index.html": "حقوق الإنسان",
        },
    )
    assert search(archive, "حكومة") == ["ar/cases/government/index.html"]
    assert search(archive, "الانسان") == ["ar/cases/rights/index.html"]
    assert search(archive, "حُقُوق") == ["ar/cases/rights/index.html"]
    assert search(archive, "مياه") == []


def test_hindi_search_finds_the_page_and_the_words_of_the_same_letters(tmp_path: Path) -> None:
    """What docs/downloads.md says of Hindi: तुर्की (Turkey) finds its page, and also a page with तर्क (argument),
    since libzim removes the vowel signs of the query and of the text; a page with neither is not found. If a
    libzim tells them apart one day, this test fails: then update the page."""
    archive = _copy_of(
        tmp_path,
        "hi",
        {
            "hi/cases/turkey/index.html": "तुर्की ने विकिपीडिया को रोक दिया",
            "hi/cases/argument/index.html": "अदालत में यह तर्क दिया गया",
            "hi/cases/india/index.html": "भारत में नया कानून आया",
        },
    )
    assert sorted(search(archive, "तुर्की")) == ["hi/cases/argument/index.html", "hi/cases/turkey/index.html"]
    assert search(archive, "कानून") == ["hi/cases/india/index.html"]
