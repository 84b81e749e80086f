"""The search index: one Pagefind index per language, in ``site/pagefind/<language>/``.

Pagefind indexes the pages marked ``data-pagefind-body`` (cases, the manifesto, the guides; not the generated
lists). The catalogue's filters come from the ``data-pagefind-filter`` attributes of case pages. A case not yet
in a language gets a small stand-in page in that language's index (title and summary of the version shown
instead, its address in ``data-pagefind-meta="url:..."``), so that the catalogue and search list it; the
stand-ins are deleted once the index is written.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advocacy.catalogue.records import FACETS, Catalogue
from advocacy.site.pages import environment

STAND_INS = "_pagefind_stand_ins"
OUTPUT = "pagefind"
# Pagefind also writes ready-made interfaces; the catalogue has its own, and these name other hosts.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(Exception):
    """Pagefind failed; the message carries its output."""


@dataclass
class LanguageIndex:
    """A Pagefind run indexing one language, started when that language's pages are written.

    It runs beside the build of the next language (MkDocs uses one core); :func:`finish` waits for it.
    """

    language: str
    process: subprocess.Popen[bytes]
    log: Any


def write_stand_ins(catalogue: Catalogue, site_dir: Path, language: str) -> int:
    """Write the stand-in pages of the cases missing in ``language``, under ``site_dir/_pagefind_stand_ins``."""
    template = environment().get_template("search_stand_in.html")
    count = 0
    for record in catalogue.records:
        if language in record.versions:
            continue
        version = record.version(language, catalogue.default)
        path = site_dir / STAND_INS / language / record.id / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        html = template.render(
            language=language,
            version=version,
            record=record,
            facets=FACETS,
            url=catalogue.urls.case(record.id, version.language),
        )
        path.write_text(html, encoding="utf-8")
        count += 1
    return count


def start(catalogue: Catalogue, site_dir: Path, language: str, folders: Iterable[str]) -> LanguageIndex:
    """Start indexing one language's written pages into ``site_dir/pagefind/<language>/``.

    Args:
        catalogue: The published cases (for the stand-ins of cases missing in the language).
        site_dir: The built site.
        language: The language to index.
        folders: The top-level folders of the language's written pages (``cases``, ``about``...), without
            its URL prefix; only these are read, not the generated lists.
    """
    prefix = catalogue.urls.prefix(language)
    write_stand_ins(catalogue, site_dir, language)
    patterns = [f"{prefix}index.html", f"{STAND_INS}/{language}/**/*.html"]
    patterns += [f"{prefix}{folder}/**/*.html" for folder in sorted(set(folders))]
    output = site_dir / OUTPUT / language
    shutil.rmtree(output, ignore_errors=True)
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by finish()
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-path", str(output)]
    command += ["--glob", "{" + ",".join(patterns) + "}", "--silent"]
    # The command is fixed: our interpreter, the pinned pagefind module, and the build's own folders.
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    return LanguageIndex(language, process, log)


def finish(indexes: Iterable[LanguageIndex], site_dir: Path) -> None:
    """Wait for the language indexes, then remove the stand-ins and the interfaces the site does not use.

    Raises:
        SearchIndexError: when Pagefind failed for a language.
    """
    failures = []
    for index in indexes:
        code = index.process.wait()
        index.log.seek(0)
        output = index.log.read().decode("utf-8", "replace")
        index.log.close()
        if code != 0:
            failures.append(f"Pagefind failed for {index.language} ({code}): {output.strip()}")
        for name in UNUSED:
            (site_dir / OUTPUT / index.language / name).unlink(missing_ok=True)
        shutil.rmtree(site_dir / STAND_INS / index.language, ignore_errors=True)
    if failures:
        raise SearchIndexError("; ".join(failures))


def remove_stand_ins(site_dir: Path) -> None:
    """Delete the folder of stand-in pages once every language is indexed."""
    shutil.rmtree(site_dir / STAND_INS, ignore_errors=True)
