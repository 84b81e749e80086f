"""The repository of cases: every file under ``cases/``, read, checked and accounted for.

Nothing under ``cases/`` is silently skipped: each file is a case file, a vocabulary, a media file, or the
subject of a problem. A case whose original has errors is left out of the site as a whole (never
half-published); a translation with errors is left out on its own; every other case is still built.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from advocacy.content.casefile import CaseFile, read_case_file
from advocacy.content.fields import TERM_ID
from advocacy.content.media import image_problems
from advocacy.content.model import CaseModel, load_model
from advocacy.content.project import Project
from advocacy.content.tree import link_problem, walk
from advocacy.content.vocabularies import Vocabularies, load_vocabularies
from advocacy.reading.copies import copied
from advocacy.reading.problems import Problem, Severity, sort_problems

# Notes for maintainers beside the cases (the fact-check log of each batch of cases), never published.
NOTES = ("README.md", "CHECKED.md")
_NAME = re.compile(r"(?P<id>[^.]+)(?:\.(?P<lang>[^.]+))?\.md")
_SLUG = re.compile(r"[^a-z0-9]+")
# Below this many case files, reading them in a second process costs more than it saves.
PARALLEL_FROM = 200


@dataclass
class Case:
    """All files of one case id."""

    id: str
    files: list[CaseFile] = field(default_factory=list)

    @property
    def originals(self) -> list[CaseFile]:
        """The files that carry the metadata (exactly one in a valid case)."""
        return [f for f in self.files if f.kind == "original"]

    @property
    def original(self) -> CaseFile | None:
        """The original file, when there is exactly one."""
        originals = self.originals
        return originals[0] if len(originals) == 1 else None


@dataclass
class ReadCache:
    """Checked case files kept between builds (``mkdocs serve``), keyed on what can change their result.

    A file is read again when its size or modification time changes, or when the vocabularies or the site
    languages change; the checks across files are always made again.
    """

    entries: dict[Path, tuple[tuple[int, int, object], CaseFile]] = field(default_factory=dict)


@dataclass
class Repository:
    """The checked content of a project."""

    project: Project
    model: CaseModel
    vocabularies: Vocabularies
    cases: dict[str, Case] = field(default_factory=dict)
    media: set[str] = field(default_factory=set)
    rejected_media: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    @property
    def files(self) -> list[CaseFile]:
        """Every case file, sorted by path."""
        return sorted((f for case in self.cases.values() for f in case.files), key=lambda f: f.display)

    def errors_in(self, display: str) -> list[Problem]:
        """The errors reported against one file, by itself or by the checks across files."""
        return [p for p in self.problems if p.file == display and p.severity is Severity.ERROR]

    def published_files(self) -> list[CaseFile]:
        """The case files the site builds: valid translations of valid cases, and valid originals."""
        failing = {p.file for p in self.problems if p.severity is Severity.ERROR}
        published: list[CaseFile] = []
        for case in self.cases.values():
            original = case.original
            if original is None or original.display in failing:
                continue
            published.extend(f for f in case.files if f.display not in failing)
        return sorted(published, key=lambda f: f.display)

    def published_media(self) -> list[str]:
        """Media files (paths relative to the project root) shown by a published case file."""
        shown = {media_path(self.project, image.src) for f in self.published_files() for image in f.images}
        return sorted(shown & self.media)

    def problems_of(self, paths: Iterable[Path]) -> list[Problem]:
        """The problems reported against the given files (each given as a path to the file or to a symlink)."""
        wanted = {self.project.relative(Path(p).resolve()) for p in paths}
        wanted |= {self.project.relative(Path(p)) for p in paths}
        return [p for p in self.problems if p.file in wanted]

    @property
    def error_count(self) -> int:
        """How many errors were found."""
        return sum(p.severity is Severity.ERROR for p in self.problems)


def load_repository(
    project: Project,
    cache: ReadCache | None = None,
    model: CaseModel | None = None,
    partial: bool = False,
    mirror_of: Path | None = None,
    workers: int = 1,
) -> Repository:
    """Read and check the whole repository.

    Args:
        project: The project to read.
        cache: Results of an earlier call to reuse for unchanged files.
        model: The content model; the packaged one by default.
        partial: The folder holds only some of the cases (a preview): a case named in ``related`` or
            ``inspired_by`` that is not there is not an error.
        mirror_of: For a preview, whose files are symbolic links to the files of a real project: that
            project's root. Links that lead into it are read; any other link is refused, as always.
        workers: Processes reading the case files (see :func:`can_read_in_parallel`); the result is the same.
    """
    model = model or load_model()
    vocabularies = load_vocabularies(project, model)
    repository = Repository(project, model, vocabularies)
    repository.problems.extend(vocabularies.problems)
    terms = vocabularies.ids()
    signature = (tuple(sorted(terms.items())), project.language_codes)
    cases_dir = project.cases_dir
    if not cases_dir.is_dir():
        repository.problems.append(
            Problem(project.cases_dirname, None, None, "the folder of cases is missing; create it")
        )
        return repository
    entries = sorted(cases_dir.iterdir())
    if workers > 1 and can_read_in_parallel():
        cache = _read_ahead(repository, entries, terms, signature, cache or ReadCache(), workers)
    for path in entries:
        if path.is_symlink() and not _leads_into(path, mirror_of):
            repository.problems.append(link_problem(project, path))
            continue
        if path.is_dir():
            if path.name == "media":
                _read_media(repository, path)
            elif path.name != "vocabularies":
                repository.problems.append(
                    Problem(
                        project.relative(path) + "/",
                        None,
                        None,
                        "folders inside cases/ are not read (except media/ and vocabularies/); move its case "
                        "files directly into cases/",
                    )
                )
            continue
        if path.name in NOTES and path.is_file() and not path.is_symlink():
            continue
        case_file = _read_file(repository, path, terms, signature, cache)
        if case_file is not None:
            repository.cases.setdefault(case_file.case_id, Case(case_file.case_id)).files.append(case_file)
    for case in repository.cases.values():
        for case_file in case.files:
            repository.problems.extend(case_file.problems)
    _check_across_files(repository, partial)
    repository.problems = sort_problems(repository.problems)
    return repository


def _leads_into(path: Path, root: Path | None) -> bool:
    """Whether the link at ``path`` leads into the folder ``root`` (never, without one)."""
    return root is not None and path.resolve().is_relative_to(root.resolve())


def _read_file(
    repository: Repository,
    path: Path,
    terms: dict[str, frozenset[str]],
    signature: object,
    cache: ReadCache | None,
) -> CaseFile | None:
    project = repository.project
    display = project.relative(path)
    name = path.name
    problem = _check_name(name, project)
    if problem is not None:
        severity = (
            Severity.WARNING if name.startswith(".") and not name.lower().endswith(".md") else Severity.ERROR
        )
        repository.problems.append(Problem(display, None, None, problem, severity))
        return None
    key = _key(path, signature)
    if cache is not None and path in cache.entries and cache.entries[path][0] == key:
        return cache.entries[path][1]
    case_file = _read_case(project, repository.model, terms, path)
    if cache is not None:
        cache.entries[path] = (key, case_file)
    return case_file


def _key(path: Path, signature: object) -> tuple[int, int, object]:
    """What a file's checked result depends on besides its name: its size and time, and the vocabularies."""
    stat = path.stat()
    return (stat.st_mtime_ns, stat.st_size, signature)


def _read_case(project: Project, model: CaseModel, terms: dict[str, frozenset[str]], path: Path) -> CaseFile:
    """Read and check the case file at ``path``, whose name is a good case file name."""
    match = _NAME.fullmatch(path.name)
    assert match is not None
    return read_case_file(
        path,
        project.relative(path),
        match["id"],
        match["lang"] or project.default_language.code,
        project.default_language.code,
        model,
        terms,
        project.language_codes,
    )


def _read_cases(
    project: Project, model: CaseModel, terms: dict[str, frozenset[str]], paths: list[Path]
) -> list[CaseFile]:
    """:func:`_read_case` for each of ``paths`` (run in another process: the arguments and the result are
    pickled)."""
    return [_read_case(project, model, terms, path) for path in paths]


def can_read_in_parallel() -> bool:
    """Whether case files can be read in other processes here (forked: not on Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


def reading_workers() -> int:
    """The processes worth reading the case files with on this machine (two at most: the checks across files
    and the build that follows run in one), for a program that runs no threads yet (forking a process with
    threads, such as `mkdocs serve`'s server, is unsafe)."""
    return min(2, os.cpu_count() or 1) if can_read_in_parallel() else 1


def _read_ahead(
    repository: Repository,
    entries: list[Path],
    terms: dict[str, frozenset[str]],
    signature: object,
    cache: ReadCache,
    workers: int,
) -> ReadCache:
    """Read the good case files among ``entries`` into ``cache``, shared out between ``workers`` processes
    (this one and forked others), so that the loop of :func:`load_repository` finds them all read.

    Files with a problem in their name, links and folders are left to that loop, which reports them.
    """
    project = repository.project
    wanted = [
        path
        for path in entries
        if path.name not in NOTES
        and not path.is_symlink()
        and path.is_file()
        and _check_name(path.name, project) is None
        and not (path in cache.entries and cache.entries[path][0] == _key(path, signature))
    ]
    if len(wanted) < PARALLEL_FROM:
        return cache
    parts = [wanted[n::workers] for n in range(workers)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers - 1, mp_context=context) as pool:
        futures = [pool.submit(_read_cases, project, repository.model, terms, part) for part in parts[1:]]
        for path in parts[0]:
            cache.entries[path] = (_key(path, signature), _read_case(project, repository.model, terms, path))
        for part, future in zip(parts[1:], futures, strict=True):
            for path, case_file in zip(part, future.result(), strict=True):
                cache.entries[path] = (_key(path, signature), case_file)
    return cache


def _check_name(name: str, project: Project) -> str | None:
    """What is wrong with a file name in cases/, or ``None`` for a good case file name."""
    stem, dot, extension = name.rpartition(".")
    if name.startswith("."):
        return "hidden files are not published; delete it, or rename it if it is a case"
    if not dot or extension != "md":
        if extension.lower() in {"md", "markdown", "mdown"} and stem:
            return f'case files end in ".md"; rename it to {stem.split(".")[0]}.md (or <id>.<language>.md)'
        return (
            "cases/ holds only case files (<id>.md or <id>.<language>.md), media/ and vocabularies/; move "
            "this file (images go in cases/media/)"
        )
    match = _NAME.fullmatch(name)
    if match is None:
        return f'a case file is named <id>.md or <id>.<language>.md, with one dot before the language; rename "{name}"'
    if not TERM_ID.fullmatch(match["id"]):
        slug = _SLUG.sub("-", match["id"].lower()).strip("-") or "case-id"
        return (
            f'"{match["id"]}" is not a valid case id: use lowercase letters, digits and hyphens, for example '
            f"{slug}.md"
        )
    language = match["lang"]
    if language is not None and project.language(language) is None:
        return (
            f'".{language}" is not a site language; the languages are {", ".join(project.language_codes)} '
            f"(add a language in mkdocs.yml first)"
        )
    return None


def _read_media(repository: Repository, folder: Path) -> None:
    model = repository.model
    project = repository.project
    for entry in walk(folder):
        path = entry.path
        display = project.relative(path)
        if entry.is_link:
            repository.problems.append(link_problem(project, path))
            repository.rejected_media.add(display)
            continue
        if entry.is_dir:
            continue
        extension = path.suffix.lower().lstrip(".")
        if path.name.startswith("."):
            repository.problems.append(
                Problem(display, None, None, "hidden files are not published; delete it", Severity.WARNING)
            )
            continue
        if extension not in model.media_formats:
            _refuse(
                repository,
                display,
                (
                    f'".{extension}" is not an accepted image format; use one of '
                    + ", ".join(model.media_formats)
                    + " (no SVG: it can carry a script)"
                ),
            )
            continue
        problems = image_problems(path, model.limits)
        if problems:
            for message in problems:
                _refuse(repository, display, message)
            continue
        repository.media.add(display)


def _refuse(repository: Repository, display: str, message: str) -> None:
    """Keep a media file out of the site, and say why."""
    repository.rejected_media.add(display)
    repository.problems.append(Problem(display, None, None, message))


def _check_across_files(repository: Repository, partial: bool = False) -> None:
    for case in repository.cases.values():
        by_language: dict[str, CaseFile] = {}
        for case_file in sorted(case.files, key=lambda f: f.display):
            other = by_language.get(case_file.language)
            if other is not None:
                repository.problems.append(
                    Problem(
                        case_file.display,
                        None,
                        None,
                        f"{other.display} is already the {case_file.language} version of the case "
                        f'"{case.id}"; keep one of the two files',
                    )
                )
                continue
            by_language[case_file.language] = case_file
        # Two files of one language are one mistake, reported above; count originals among the others.
        originals = [f for f in by_language.values() if f.kind == "original"]
        if len(originals) > 1:
            names = ", ".join(f.display for f in originals)
            for original in originals:
                repository.problems.append(
                    Problem(
                        original.display,
                        None,
                        None,
                        f"the case has several originals ({names}); keep the metadata in the one written first "
                        "and turn the others into translations (title, summary and a translation: field)",
                    )
                )
        if not originals:
            for case_file in case.files:
                if case_file.kind == "translation":
                    repository.problems.append(
                        Problem(
                            case_file.display,
                            None,
                            None,
                            f"this translation has no original: add cases/{case.id}.md (or "
                            f"cases/{case.id}.<language>.md) with the case's full metadata",
                        )
                    )
        if len(originals) == 1:
            _check_translated(repository, originals[0], case.files)
        for case_file in case.files:
            for reference in case_file.references:
                if reference.case_id == case.id:
                    repository.problems.append(
                        Problem(
                            case_file.display,
                            reference.line,
                            reference.field,
                            "a case cannot name itself; remove it",
                        )
                    )
                elif reference.case_id not in repository.cases and not partial:
                    repository.problems.append(
                        Problem(
                            case_file.display,
                            reference.line,
                            reference.field,
                            f'there is no case "{reference.case_id}" (no file cases/{reference.case_id}.md or '
                            f"cases/{reference.case_id}.<language>.md); check the id",
                        )
                    )
            _check_images(repository, case_file)
    shown = {media_path(repository.project, image.src) for f in repository.files for image in f.images}
    for path in sorted(repository.media - shown) if not partial else ():
        repository.problems.append(
            Problem(
                path,
                None,
                None,
                "no case shows this image, so it is not published; use it in a case or delete it",
                Severity.WARNING,
            )
        )


def _check_translated(repository: Repository, original: CaseFile, files: list[CaseFile]) -> None:
    """A translation that still holds its original's text (as `advocacy translate` starts it) is not published:
    its language's readers would get the original's words under their language's address."""
    source = _text_of(original)
    for case_file in files:
        if case_file.kind != "translation":
            continue
        found = copied(source, _text_of(case_file))
        if found.is_copy:
            language = repository.project.language(case_file.language)
            name = language.name if language is not None else case_file.language
            repository.problems.append(
                Problem(
                    case_file.display,
                    None,
                    None,
                    f"{found.paragraphs} of {found.of} paragraphs are still those of {original.display}, word for "
                    f"word: translate them into {name}; until then this file is not published",
                )
            )


def _text_of(case_file: CaseFile) -> str:
    """What a reader reads of a case file: its title, its summary and its body."""
    return "\n\n".join(
        [str(case_file.meta.get("title", "")), str(case_file.meta.get("summary", "")), case_file.body]
    )


def _check_images(repository: Repository, case_file: CaseFile) -> None:
    project = repository.project
    for image in case_file.images:
        where = (case_file.display, image.line)
        if not image.alt:
            repository.problems.append(
                Problem(
                    *where,
                    None,
                    f'the image "{image.src}" has no text alternative; describe it between the brackets: '
                    f"![what the image shows]({image.src})",
                )
            )
        parts = urlsplit(image.src)
        if parts.scheme or parts.netloc:
            repository.problems.append(
                Problem(
                    *where,
                    None,
                    f'"{image.src}" is not in the repository; put the image in cases/media/ and write '
                    "![description](media/<file name>) (the site loads nothing from other sites)",
                )
            )
            continue
        normal = media_path(project, image.src)
        if normal in repository.rejected_media:
            repository.problems.append(
                Problem(
                    *where,
                    None,
                    f'the image "{image.src}" cannot be published; see the problem reported for {normal}',
                )
            )
            continue
        if (
            PurePosixPath(normal).parent != PurePosixPath(project.cases_dirname, "media")
            or normal not in repository.media
        ):
            reason = (
                "does not exist" if PurePosixPath(normal).parent.name == "media" else "is not in cases/media/"
            )
            repository.problems.append(
                Problem(
                    *where,
                    None,
                    f'the image "{image.src}" {reason}; write media/<file name> for a file of cases/media/',
                )
            )


def media_path(project: Project, src: str) -> str:
    """The project-relative path an image reference of a case file points to (``cases/media/x.png``)."""
    target = PurePosixPath(project.cases_dirname) / unquote(urlsplit(src).path)
    result: list[str] = []
    for part in target.parts:
        if part == "..":
            if result:
                result.pop()
        elif part not in {"", "."}:
            result.append(part)
    return str(PurePosixPath(*result))


class CaseIdError(ValueError):
    """A case id that is not lowercase Latin letters, digits and hyphens; the message says what to write."""


def case_path(project: Project, case_id: str, language: str | None = None) -> Path:
    """The file of a case in ``cases/`` (``<id>.md``, or ``<id>.<language>.md`` for another language than the
    default): the one way tools make a case file's path from an id, so that no id can name a file elsewhere.

    Raises:
        CaseIdError: when ``case_id`` is not a case id (``../x``, ``a/b``, ``X``, an empty text).
    """
    if not TERM_ID.fullmatch(case_id):
        slug = _SLUG.sub("-", case_id.lower()).strip("-") or "some-words"
        raise CaseIdError(
            f'"{case_id}" is not a case id: write lowercase Latin letters, digits and hyphens, such as {slug}'
        )
    suffix = "" if language in (None, project.default_language.code) else f".{language}"
    return project.cases_dir / f"{case_id}{suffix}.md"
