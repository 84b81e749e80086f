"""Making the offline copies of a built site: for each language, choose its files, check its metadata, write
it, read it back, and list it; then list every copy on the downloads pages.

Imports libzim through :mod:`advocacy.offline.writer` and :mod:`advocacy.offline.reader`: only the
``advocacy offline`` command imports this module.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from advocacy.content.project import Project
from advocacy.locales.strings import strings
from advocacy.offline.contents import select
from advocacy.offline.downloads import FOLDER, OfflineFile, describe, fill_downloads, write_manifest
from advocacy.offline.illustration import icon
from advocacy.offline.metadata import check_metadata, file_name, metadata_for
from advocacy.offline.reader import check_copy
from advocacy.offline.settings import load_settings
from advocacy.offline.writer import write_copy
from advocacy.reading.problems import Problem


@dataclass(frozen=True)
class Copy:
    """One copy made.

    Attributes:
        path: Where it was written.
        file: Its entry in the list of copies (size, date, SHA-256).
        entries: The entries a reader can open (files and folder paths).
        pages: Its pages.
        borrowed: Its pages in another language (cases and guides not yet translated).
        seconds: How long writing and checking it took.
    """

    path: Path
    file: OfflineFile
    entries: int
    pages: int
    borrowed: int
    seconds: float


def make_copies(
    project: Project,
    site: Path,
    languages: tuple[str, ...],
    day: dt.date,
    progress: Callable[[str], None] = lambda _: None,
) -> tuple[list[Copy], list[Problem]]:
    """Write the copy of each language into ``site/downloads/``, check it, and list the copies.

    A language whose metadata breaks a rule is not written (the others are); a copy that reads back wrong is
    kept for inspection and reported.

    Args:
        project: The project (its languages, its mkdocs.yml).
        site: The built site.
        languages: The languages to make copies of.
        day: The date of the copies (their metadata and the month in their names).
        progress: Told a line about each copy as it is done.

    Returns:
        The copies made, and the problems found.

    Raises:
        ProjectError: when mkdocs.yml lacks what a copy needs (the public address).
    """
    settings = load_settings(project)
    default = project.default_language.code
    folder = site / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    illustration = icon()
    copies: list[Copy] = []
    problems: list[Problem] = []
    for language in languages:
        start = time.perf_counter()
        metadata = metadata_for(settings, language, default, day)
        wrong = check_metadata(metadata, illustration, language)
        if wrong:
            problems.extend(wrong)
            continue
        target = folder / file_name(language, day)
        for stale in folder.glob(f"advocacy-hub_{language.lower()}_*.zim"):
            if stale != target:
                stale.unlink()  # an older month's copy: the list names only the copies of this build
        contents = select(project, site, language)
        written = write_copy(
            target,
            site,
            contents,
            metadata,
            illustration,
            site_url=settings.site_url,
            site_names=set(settings.site_names.values()),
            search_note=str(strings(language)["offline"]["search"]),
        )
        problems.extend(check_copy(target, language))
        copy = Copy(
            target,
            describe(target, language, day),
            written.entries,
            written.pages,
            len(contents.borrowed),
            time.perf_counter() - start,
        )
        copies.append(copy)
        progress(
            f"{target.name}: {copy.file.size / 1e6:.1f} MB, {copy.pages} pages ({copy.borrowed} in another "
            f"language), {copy.entries} entries, {copy.seconds:.1f} s"
        )
    if copies:
        files = [copy.file for copy in copies]
        write_manifest(folder, files)
        problems.extend(fill_downloads(project, site, files, base=None))
    return copies, problems
