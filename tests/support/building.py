"""Building sites with MkDocs in a folder, and reading what a build wrote and warned about."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

MKDOCS = [sys.executable, "-m", "mkdocs"]


def build(root: Path, *args: str, site_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build` on the project at ``root`` (into ``root/site`` unless told otherwise)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [*MKDOCS, "build", "--site-dir", str(site_dir or root / "site"), *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def warnings(output: str) -> list[str]:
    """The warnings of a build's log, one per line."""
    return [line for line in output.splitlines() if line.startswith("WARNING")]


def case_pages(site: Path) -> dict[str, list[str]]:
    """Case pages built per language: {"en": [ids], "fr": [ids], ...}."""
    pages: dict[str, list[str]] = {}
    for page in sorted(site.glob("**/cases/*/index.html")):
        parts = page.relative_to(site).parts
        language = parts[0] if parts[0] != "cases" else "en"
        pages.setdefault(language, []).append(parts[-2])
    return pages


@dataclass(frozen=True)
class Built:
    """A project built with ``mkdocs build --strict``."""

    root: Path
    result: subprocess.CompletedProcess[str]

    @property
    def site(self) -> Path:
        return self.root / "site"

    def read(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def page(self, url: str) -> str:
        """The HTML of the page at a directory URL (``fr/catalogue/``)."""
        return self.read(url + "index.html")
