"""The search index: one Pagefind index per language, written into the built site.

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
from pathlib import Path

from advocacy.catalogue import FACETS, Catalogue
from advocacy.pages import environment
from advocacy.urls import language_prefix

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


def write_stand_ins(catalogue: Catalogue, site_dir: Path) -> int:
    """Write the stand-in pages of cases missing in each language under ``site_dir/_pagefind_stand_ins``."""
    template = environment().get_template("search_stand_in.html")
    count = 0
    for language in catalogue.languages:
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
                url=language_prefix(version.language, catalogue.default) + f"cases/{record.id}/",
            )
            path.write_text(html, encoding="utf-8")
            count += 1
    return count


def write_search_index(catalogue: Catalogue, site_dir: Path) -> None:
    """Index the built site into ``site_dir/pagefind``.

    Raises:
        SearchIndexError: when Pagefind fails.
    """
    stand_ins = site_dir / STAND_INS
    shutil.rmtree(stand_ins, ignore_errors=True)
    write_stand_ins(catalogue, site_dir)
    try:
        # The command is fixed: our interpreter, the pinned pagefind module, and the build's own site folder.
        result = subprocess.run(  # noqa: S603
            [
                sys.executable,
                "-m",
                "pagefind",
                "--site",
                str(site_dir),
                "--output-subdir",
                OUTPUT,
                "--silent",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        shutil.rmtree(stand_ins, ignore_errors=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed ({result.returncode}): {result.stderr or result.stdout}")
    for name in UNUSED:
        (site_dir / OUTPUT / name).unlink(missing_ok=True)
