"""The folders the site is built from, as files on disk: no symbolic link, and only the listed kinds of file.

MkDocs copies every file of ``docs/`` into the site and follows symbolic links as it walks, before any plugin
can intervene: a link in a pull request could publish a file of the machine that builds the site
(``/etc/passwd``, ``.git/config``), or make the walk endless. The only links allowed are the two that bring the
cases and the manifesto into ``docs/`` (``docs/cases`` -> ``../cases``, ``docs/manifesto`` ->
``../manifesto``); every other link, in ``docs/``, ``cases/`` or ``manifesto/``, is refused, and the build
stops before MkDocs walks the folders. Folders are walked here without following links.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from advocacy.content.project import Project
from advocacy.reading.problems import Problem, Severity

MANIFESTO = "manifesto"
# A plain file or folder name: no space, quote, angle bracket or other character that changes meaning in a
# URL or in HTML, and not hidden.
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Entry:
    """A file or folder found by :func:`walk`, never followed if it is a link."""

    path: Path
    is_link: bool
    is_dir: bool


def walk(folder: Path) -> Iterator[Entry]:
    """Every file, folder and link under ``folder`` in name order; links (to files or folders) are yielded and
    not followed, and the content of a linked folder is not read."""
    for current, folders, files in os.walk(folder, followlinks=False):
        base = Path(current)
        folders.sort()
        for name in [*folders, *sorted(files)]:
            path = base / name
            is_link = path.is_symlink()
            yield Entry(path, is_link, not is_link and path.is_dir())
        folders[:] = [name for name in folders if not (base / name).is_symlink()]


def documented_links(project: Project) -> dict[Path, Path]:
    """The two links ``docs/`` may hold, and the real folder each must lead to."""
    return {
        project.docs_dir / project.cases_dirname: project.cases_dir,
        project.docs_dir / MANIFESTO: project.root / MANIFESTO,
    }


def link_problems(project: Project, trusted: Path | None = None) -> list[Problem]:
    """Every symbolic link of ``docs/``, ``cases/`` and ``manifesto/`` (except the two documented ones, which
    must lead to their folders), and these folders when they are links themselves.

    Args:
        project: The project.
        trusted: For a preview (a project made of links to the files of a real one): the real project's root;
            links that lead into it are allowed.
    """
    if trusted is not None:
        root = trusted.resolve()
        return [
            p for p in link_problems(project) if not (project.root / p.file).resolve().is_relative_to(root)
        ]
    problems = []
    allowed = documented_links(project)
    for folder in (project.docs_dir, project.cases_dir, project.root / MANIFESTO):
        if folder.is_symlink():
            problems.append(link_problem(project, folder))
    for link, target in allowed.items():
        if link.is_symlink() and (
            target.is_symlink() or not target.is_dir() or link.resolve() != target.resolve()
        ):
            problems.append(
                Problem(
                    project.relative(link),
                    None,
                    None,
                    f"this symbolic link must lead to the folder {project.relative(target)}/ of the repository; "
                    f"create it with: ln -s ../{project.relative(target)} {project.relative(link)}",
                )
            )
    for folder in (project.docs_dir, project.cases_dir, project.root / MANIFESTO):
        if not folder.is_dir() or folder.is_symlink():
            continue
        for entry in walk(folder):
            if entry.is_link and entry.path not in allowed:
                problems.append(link_problem(project, entry.path))
    return problems


def link_problem(project: Project, path: Path) -> Problem:
    """The problem of a symbolic link found where content is."""
    return Problem(
        project.relative(path),
        None,
        None,
        "this is a symbolic link; links are never published (one could publish a file of the machine that "
        "builds the site): replace it with the file itself, or delete it",
    )


@dataclass
class Files:
    """The files of ``docs/`` and ``manifesto/`` that may be published, and the problems of the others.

    Attributes:
        pages: Markdown pages, as paths relative to ``docs/`` (``about/index.md``, ``manifesto/index.fr.md``).
        images: Image files of ``docs/`` to check, relative to ``docs/``.
        refused: Files that must not be published, relative to ``docs/``.
        problems: Why each was refused.
    """

    pages: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)


def site_files(project: Project, formats: dict[str, tuple[str, ...]]) -> Files:
    """Sort the files of ``docs/`` (with ``manifesto/`` through its link, not ``cases/``, which the repository
    checks) into pages, images and refused files.

    Args:
        project: The project.
        formats: The file extensions allowed in ``docs`` and in ``manifesto`` (``page-model.yml``).
    """
    found = Files()
    docs = project.docs_dir
    if not docs.is_dir():
        return found
    manifesto = docs / MANIFESTO
    folders = [(docs, formats["docs"])]
    if manifesto.is_symlink() and (project.root / MANIFESTO).is_dir():
        folders.append((project.root / MANIFESTO, formats[MANIFESTO]))
    for folder, allowed in folders:
        prefix = "" if folder == docs else MANIFESTO + "/"
        for entry in walk(folder):
            if entry.is_link or entry.is_dir:
                if entry.is_dir and not entry.is_link:
                    _check_name(
                        project, entry.path, found, prefix + entry.path.relative_to(folder).as_posix()
                    )
                continue
            name = prefix + entry.path.relative_to(folder).as_posix()
            if _check_name(project, entry.path, found, name):
                continue
            extension = entry.path.suffix.lower().lstrip(".")
            if extension not in allowed or entry.path.suffix != entry.path.suffix.lower():
                found.refused.add(name)
                found.problems.append(
                    Problem(
                        project.relative(entry.path),
                        None,
                        None,
                        f'a ".{extension}" file is not published from {project.relative(folder)}/; the files '
                        f"there may be: {', '.join('.' + kind for kind in allowed)} (lowercase); no SVG, HTML, "
                        "script or style sheet, which could run on the site's address",
                    )
                )
            elif extension == "md":
                found.pages.append(name)
            elif folder == docs:
                found.images.append(name)
    return found


def _check_name(project: Project, path: Path, found: Files, name: str) -> bool:
    """Refuse a file or folder whose name is not plain; ``True`` when refused."""
    if _NAME.fullmatch(path.name):
        return False
    found.refused.add(name)
    if path.name.startswith("."):
        problem = Problem(
            project.relative(path), None, None, "hidden files are not published; delete it", Severity.WARNING
        )
    else:
        plain = re.sub(r"[^A-Za-z0-9._-]+", "-", path.name).strip("-.") or "file-name"
        problem = Problem(
            project.relative(path),
            None,
            None,
            f'"{path.name}" is not a plain name: use Latin letters, digits, ".", "_" and "-" only (no spaces '
            f"or quotes), for example {plain}",
        )
    found.problems.append(problem)
    return True
