"""Where the manifesto's files are: the folder, the texts of one folder by language, and which of them follow their original as it is now."""

from __future__ import annotations

from pathlib import Path

from advocacy.content.project import Project
from advocacy.translations.pins import pinned_to


def manifesto_dir(project: Project) -> Path:
    """The folder of the manifesto."""
    return project.root / "manifesto"


def text_files(folder: Path, languages: tuple[str, ...], default: str) -> dict[str, Path]:
    """``index.md`` and its translations in a folder, by language code."""
    found = {}
    for code in languages:
        path = folder / ("index.md" if code == default else f"index.{code}.md")
        if path.is_file():
            found[code] = path
    return found


def pinned_languages(files: dict[str, Path], default: str) -> set[str]:
    """The languages of one folder's texts that follow its original as it is now: the original's, and each
    translation pinned to it (none when the folder has no original)."""
    if default not in files:
        return set()
    source = files[default].read_text(encoding="utf-8")
    return {
        code
        for code, path in files.items()
        if code == default or pinned_to(source, path.read_text(encoding="utf-8"))
    }
