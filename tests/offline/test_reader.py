"""Reading an offline copy back as a Kiwix reader does: a sound copy passes, and each kind of damage, bad
metadata or broken link in a copy made by other means is reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from libzim.writer import Creator, Hint, Item, StringProvider

from advocacy.offline.contents import select
from advocacy.offline.copies import make_copies
from advocacy.offline.reader import check_copy
from tests.support.offline import write_site
from tests.support.project import ProjectFactory

FRONT_ARTICLE = Hint["FRONT_ARTICLE"]


class _Page(Item):
    def __init__(self, path: str, html: str) -> None:
        super().__init__()
        self.path, self.html = path, html

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return self.path

    def get_mimetype(self) -> str:
        return "text/html"

    def get_contentprovider(self) -> StringProvider:
        return StringProvider(self.html)

    def get_hints(self) -> dict[Hint, int]:
        return {FRONT_ARTICLE: True}


def test_copies_made_by_the_hub_read_back_without_a_problem(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    """Every copy of the small site (English, French, Arabic) passes every check of the reader."""
    project = make_project({})
    site = write_site(tmp_path / "site")
    copies, problems = make_copies(project, site, ("en", "fr", "ar"), dt.date(2026, 12, 4))
    assert problems == []
    assert [copy.path.name for copy in copies] == [
        "advocacy-hub_en_2026-12.zim",
        "advocacy-hub_fr_2026-12.zim",
        "advocacy-hub_ar_2026-12.zim",
    ]
    assert not (site / "downloads/advocacy-hub_en_2026-11.zim").exists()  # last month's copy is replaced
    assert copies[1].borrowed == len(select(project, site, "fr").borrowed) == 1
    for copy in copies:
        assert check_copy(copy.path, copy.file.language) == []


def test_each_kind_of_fault_of_a_copy_is_reported(tmp_path: Path) -> None:
    """A copy written by other means, with bad metadata, no icon, no index, a script, a tracker image and links
    that lead nowhere, gets one line per fault."""
    target = tmp_path / "bad.zim"
    with Creator(target).config_indexing(False, "eng") as creator:
        creator.set_mainpath("index.html")
        creator.add_item(
            _Page(
                "index.html",
                '<html><head><script src="app.js"></script><script>alert(1)</script>'
                '<link rel="stylesheet" href="https://fonts.example/x.css"></head><body>'
                '<img src="https://tracker.example/pixel.png"><a href="missing/">a</a> <a href="/abs/">b</a> '
                '<a href="../up.html">c</a> <a href="other.html">d</a> <a href="https://example.org/">fine</a>'
                "</body></html>",
            )
        )
        for key, value in {"Name": "bad", "Title": "", "Language": "fr", "Date": "2026-13-01"}.items():
            creator.add_metadata(key, value)
    problems = [p.message for p in check_copy(target, "fr")]
    assert problems == [
        "metadata Title is mandatory and empty",
        "metadata Creator is mandatory and empty",
        "metadata Publisher is mandatory and empty",
        "metadata Description is mandatory and empty",
        "metadata Language is 'fr'; write ISO 639-3 codes such as 'fra'",
        "metadata Date is '2026-13-01'; write the date as YYYY-MM-DD",
        "metadata Name is 'bad'; write {domain}_{language}_{selection} in [a-z0-9.-]",
        "metadata Illustration_48x48@1 must be a 48x48 PNG image",
        "metadata Language is 'fr', expected 'fra'",
        "has no full-text index",
        "index.html holds a script (app.js)",
        "index.html holds a script",
        "index.html loads https://fonts.example/x.css from another host",
        "index.html loads https://tracker.example/pixel.png from another host",
        'index.html links to "missing/": the copy has no folder page "missing/"',
        'index.html links to "/abs/", a path from a server\'s root',
        'index.html links to "../up.html", above the copy\'s root',
        'index.html links to "other.html": the copy has no "other.html"',
    ]
