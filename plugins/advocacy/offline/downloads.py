"""The list of offline copies: a manifest beside the files (``offline.json``), their checksums
(``SHA256SUMS``), and the table that the downloads page of each language shows.

The site is built before its copies, so the downloads pages are written with a paragraph that says where the
copies are published (the repository's releases). Once copies exist, that paragraph (the element with the id
``offline-files``) is replaced by the list of files, with their size, date and SHA-256: by
``advocacy offline`` for copies built beside the site (links to the files next to it), or by
``advocacy offline list`` for the copies of a release (links to the release's files).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.units import format_unit

from advocacy.content.dates import PartialDate
from advocacy.content.project import Project
from advocacy.content.urls import language_prefix
from advocacy.content.vocabularies import Vocabularies
from advocacy.reading.problems import Problem
from advocacy.site.localize import Localizer
from advocacy.site.pages import environment

FOLDER = "downloads"
MANIFEST = "offline.json"
CHECKSUMS = "SHA256SUMS"
MARKER = "offline-files"
FORMAT = 1
FILE_NAME = re.compile(r"advocacy-hub_[a-z0-9-]+_\d{4}-\d{2}\.zim")
_MARKED = re.compile(rf'<(p|div)\b[^>]*\bid="{MARKER}"[^>]*>.*?</\1>', re.DOTALL)


class ManifestError(Exception):
    """A manifest of offline copies cannot be read; the message says what is wrong in it."""


@dataclass(frozen=True)
class OfflineFile:
    """One offline copy as published.

    Attributes:
        language: Its site language.
        name: Its file name (``advocacy-hub_fr_2026-12.zim``).
        size: Its size in bytes.
        date: The day it was made.
        sha256: The SHA-256 of the file, in hexadecimal.
    """

    language: str
    name: str
    size: int
    date: dt.date
    sha256: str

    def as_json(self) -> dict[str, Any]:
        """The file's entry in the manifest."""
        return {
            "language": self.language,
            "file": self.name,
            "bytes": self.size,
            "date": self.date.isoformat(),
            "sha256": self.sha256,
        }


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, read in pieces (a copy can be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for piece in iter(lambda: stream.read(1 << 20), b""):
            digest.update(piece)
    return digest.hexdigest()


def describe(path: Path, language: str, day: dt.date) -> OfflineFile:
    """The entry of a copy just written."""
    return OfflineFile(language, path.name, path.stat().st_size, day, sha256_of(path))


def write_manifest(folder: Path, files: list[OfflineFile]) -> None:
    """Write ``offline.json`` and ``SHA256SUMS`` (the format ``sha256sum --check`` reads) into ``folder``."""
    manifest = {"format": FORMAT, "files": [file.as_json() for file in files]}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    sums = "".join(f"{file.sha256}  {file.name}\n" for file in files)
    (folder / CHECKSUMS).write_text(sums, encoding="utf-8")


def read_manifest(path: Path, languages: tuple[str, ...]) -> list[OfflineFile]:
    """The copies a manifest lists.

    Raises:
        ManifestError: when the file is not a manifest of offline copies of these languages.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ManifestError(f"{path}: not a readable JSON file ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("files"), list):
        raise ManifestError(
            f'{path}: expected {{"format": {FORMAT}, "files": [...]}}, as advocacy offline writes it'
        )
    files = []
    for number, entry in enumerate(data["files"], 1):
        where = f"{path}: file {number}"
        if not isinstance(entry, dict):
            raise ManifestError(f"{where}: expected an object with language, file, bytes, date and sha256")
        language, name, size = entry.get("language"), entry.get("file"), entry.get("bytes")
        sha256, date = entry.get("sha256"), entry.get("date")
        if language not in languages:
            raise ManifestError(
                f"{where}: language '{language}' is not a site language ({', '.join(languages)})"
            )
        if not isinstance(name, str) or not FILE_NAME.fullmatch(name):
            raise ManifestError(f"{where}: file '{name}' is not named advocacy-hub_<language>_<yyyy-mm>.zim")
        if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
            raise ManifestError(f"{where}: bytes must be the file's size, a positive whole number")
        if not isinstance(sha256, str) or not re.fullmatch(r"[0-9a-f]{64}", sha256):
            raise ManifestError(f"{where}: sha256 must be 64 hexadecimal digits")
        try:
            day = dt.date.fromisoformat(str(date))
        except ValueError as exc:
            raise ManifestError(f"{where}: date '{date}' is not written YYYY-MM-DD") from exc
        files.append(OfflineFile(str(language), name, size, day, sha256))
    return files


def _size(loc: Localizer, size: int) -> str:
    """A file size as the language writes it: megabytes with one decimal, kilobytes under one megabyte."""
    if size < 1_000_000:
        return str(
            format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=loc.locale)
        )
    return str(format_unit(round(size / 1_000_000, 1), "digital-megabyte", length="short", locale=loc.locale))


def offline_files_html(
    project: Project, language: str, page: str, files: list[OfflineFile], base: str | None
) -> str:
    """The list of copies for the downloads page of ``language`` at site path ``page``.

    Args:
        project: Its languages.
        language: The page's language (its copy comes first).
        page: The page's site path (``fr/downloads/index.html``).
        files: The copies.
        base: The address the files are published under (a release's), or ``None`` for files in the site's
            ``downloads/`` folder, linked relatively.
    """
    default = project.default_language.code
    loc = Localizer(language, default, Vocabularies())
    order = {code: number for number, code in enumerate(project.language_codes)}
    ordered = sorted(files, key=lambda f: (f.language != language, order.get(f.language, len(order)), f.name))

    def href(name: str) -> str:
        if base is not None:
            return base.rstrip("/") + "/" + name
        return posixpath.relpath(f"{FOLDER}/{name}", posixpath.dirname(page))

    rows = []
    for file in ordered:
        code = project.language(file.language)
        rows.append(
            {
                "language": file.language,
                "language_name": code.name if code is not None else file.language,
                "direction": code.direction if code is not None else "ltr",
                "name": file.name,
                "href": href(file.name),
                "size": _size(loc, file.size),
                "date": loc.date(PartialDate(file.date.year, file.date.month, file.date.day)),
                "sha256": file.sha256,
            }
        )
    template = environment().get_template("offline_files.html")
    return template.render(ui=loc.ui, rows=rows, marker=MARKER, checksums=href(CHECKSUMS))


def fill_downloads(project: Project, site: Path, files: list[OfflineFile], base: str | None) -> list[Problem]:
    """Put the list of copies in the downloads page of every language that has one.

    Returns:
        A problem for each downloads page without the paragraph to replace (its translation lost the
        ``{: #offline-files }`` that ends it).
    """
    problems = []
    default = project.default_language.code
    for language in project.language_codes:
        page = f"{language_prefix(language, default)}{FOLDER}/index.html"
        path = site / page
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        found = _MARKED.search(text)
        if found is None:
            source = "docs/downloads.md" if language == default else f"docs/downloads.{language}.md"
            problems.append(
                Problem(
                    source,
                    None,
                    None,
                    f'site/{page} has no element with id "{MARKER}", where the list of offline copies goes: '
                    f"end the paragraph about where the copies are published with {{: #{MARKER} }}",
                )
            )
            continue
        listing = offline_files_html(project, language, page, files, base)
        path.write_text(text[: found.start()] + listing + text[found.end() :], encoding="utf-8")
    return problems
