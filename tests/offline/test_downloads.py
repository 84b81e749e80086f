"""The list of offline copies: the manifest and checksums beside the files, and the list each language's
downloads page shows (links to the files next to the site, or to a release's)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest

from advocacy.offline.downloads import (
    ManifestError,
    OfflineFile,
    describe,
    fill_downloads,
    read_manifest,
    sha256_of,
    write_manifest,
)
from tests.support.offline import page, write_site
from tests.support.project import ProjectFactory

DAY = dt.date(2026, 12, 4)
FILES = [
    OfflineFile("en", "advocacy-hub_en_2026-12.zim", 1_540_000, DAY, "a" * 64),
    OfflineFile("fr", "advocacy-hub_fr_2026-12.zim", 640_000, DAY, "b" * 64),
    OfflineFile("ar", "advocacy-hub_ar_2026-12.zim", 2_000_000, DAY, "c" * 64),
]
LANGUAGES = ("en", "fr", "ar")


def test_the_manifest_and_checksums_list_every_copy(tmp_path: Path) -> None:
    """offline.json reads back as written; SHA256SUMS has the lines `sha256sum --check` reads."""
    copy = tmp_path / "advocacy-hub_fr_2026-12.zim"
    copy.write_bytes(b"zim")
    described = describe(copy, "fr", DAY)
    assert described == OfflineFile("fr", copy.name, 3, DAY, hashlib.sha256(b"zim").hexdigest())
    assert sha256_of(copy) == described.sha256
    write_manifest(tmp_path, [described, *FILES[:1]])
    assert read_manifest(tmp_path / "offline.json", LANGUAGES) == [described, FILES[0]]
    assert (tmp_path / "SHA256SUMS").read_text(encoding="utf-8") == (
        f"{described.sha256}  advocacy-hub_fr_2026-12.zim\n{'a' * 64}  advocacy-hub_en_2026-12.zim\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not a readable JSON file"),
        ('{"files": []}', 'expected {"format": 1, "files": [...]}'),
        ('{"format": 1, "files": [3]}', "file 1: expected an object"),
        (
            '{"format": 1, "files": [{"language": "de"}]}',
            "file 1: language 'de' is not a site language (en, fr, ar)",
        ),
        (
            '{"format": 1, "files": [{"language": "fr", "file": "x.zim"}]}',
            "file 1: file 'x.zim' is not named advocacy-hub_<language>_<yyyy-mm>.zim",
        ),
        (
            '{"format": 1, "files": [{"language": "fr", "file": "advocacy-hub_fr_2026-12.zim", "bytes": true}]}',
            "bytes must be the file's size, a positive whole number",
        ),
        (
            '{"format": 1, "files": [{"language": "fr", "file": "advocacy-hub_fr_2026-12.zim", "bytes": 9, '
            '"sha256": "<script>"}]}',
            "sha256 must be 64 hexadecimal digits",
        ),
        (
            '{"format": 1, "files": [{"language": "fr", "file": "advocacy-hub_fr_2026-12.zim", "bytes": 9, '
            f'"sha256": "{"f" * 64}", "date": "December"}}]}}',
            "date 'December' is not written YYYY-MM-DD",
        ),
    ],
)
def test_a_manifest_that_is_not_one_is_refused_with_the_reason(
    tmp_path: Path, content: str, message: str
) -> None:
    """A release's manifest is checked before it reaches a page: each wrong field is named."""
    path = tmp_path / "offline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ManifestError, match=re.escape(message)):
        read_manifest(path, LANGUAGES)


def test_each_downloads_page_lists_the_copies_in_its_language(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    """The paragraph marked offline-files becomes the list: the page's own language first, each file linked
    next to the site, its size and date written as the language writes them, and the SHA-256 of each."""
    project = make_project({})
    site = write_site(tmp_path / "site")
    (site / "ar/downloads").mkdir(parents=True)
    (site / "ar/downloads/index.html").write_text(
        page("التنزيلات", '<p id="offline-files">النسخ ملفات الإصدار.</p>', "../../", language="ar"),
        encoding="utf-8",
    )
    assert fill_downloads(project, site, FILES, base=None) == []
    english = (site / "downloads/index.html").read_text(encoding="utf-8")
    assert "The copies are files of the latest release." not in english
    items = re.findall(
        r"<li><a href=\"([^\"]+)\" lang=\"(\w+)\" dir=\"(\w+)\">([^<]+)</a>: ([^<]+)<br>", english
    )
    assert items == [
        ("advocacy-hub_en_2026-12.zim", "en", "ltr", "English", "1.5 MB, December 4, 2026"),
        ("advocacy-hub_fr_2026-12.zim", "fr", "ltr", "Français", "640 kB, December 4, 2026"),
        ("advocacy-hub_ar_2026-12.zim", "ar", "rtl", "العربية", "2 MB, December 4, 2026"),
    ]
    assert f"<li><code>{'b' * 64}</code> <code>advocacy-hub_fr_2026-12.zim</code></li>" in english
    assert '<a href="SHA256SUMS"><code>SHA256SUMS</code></a>' in english
    arabic = (site / "ar/downloads/index.html").read_text(encoding="utf-8")
    first = re.search(r"<li><a href=\"([^\"]+)\"[^>]*>([^<]+)</a>: ([^<]+)<br>", arabic)
    assert first is not None
    assert first.groups() == (
        "../../downloads/advocacy-hub_ar_2026-12.zim",
        "العربية",
        "2 م.ب، 4 ديسمبر 2026",
    )
    # Listing again (a release's files after the local ones) replaces the list.
    assert fill_downloads(project, site, FILES[:1], base="https://github.com/o/r/releases/download/t/") == []
    english = (site / "downloads/index.html").read_text(encoding="utf-8")
    assert english.count('id="offline-files"') == 1
    assert '<a href="https://github.com/o/r/releases/download/t/advocacy-hub_en_2026-12.zim"' in english
    assert "advocacy-hub_fr_2026-12.zim" not in english


def test_a_downloads_page_that_lost_its_paragraph_is_named(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    """A translation without the marked paragraph is reported against its source file, with what to add."""
    project = make_project({})
    site = write_site(tmp_path / "site")
    (site / "fr/downloads").mkdir(parents=True)
    (site / "fr/downloads/index.html").write_text(
        page("Téléchargements", "<p>Rien.</p>", "../../"), encoding="utf-8"
    )
    problems = fill_downloads(project, site, FILES, base=None)
    assert [str(p) for p in problems] == [
        'docs/downloads.fr.md: error: site/fr/downloads/index.html has no element with id "offline-files", '
        "where the list of offline copies goes: end the paragraph about where the copies are published with "
        "{: #offline-files }"
    ]
    assert "advocacy-hub_fr_2026-12.zim" in (site / "downloads/index.html").read_text(encoding="utf-8")
