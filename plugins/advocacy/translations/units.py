"""Which page exists in which language, what each language must borrow from the default one, and whether
each translation is current with its source.

Files follow mkdocs-static-i18n's suffix layout: ``page.md`` (default language), ``page.<code>.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath

from advocacy.content.project import Project
from advocacy.content.repository import Repository
from advocacy.reading.copies import copied
from advocacy.translations.pins import PIN, fingerprint, pin_of, read, translatable


class Method(StrEnum):
    """How a translation was made (``translation.method``)."""

    HUMAN = "human"
    MACHINE = "machine"
    MACHINE_REVIEWED = "machine-reviewed"


METHODS = tuple(Method)


def split_language(src_uri: str, languages: Iterable[str], default: str) -> tuple[str, str]:
    """``("about/index.md", "fr")`` for ``about/index.fr.md``; unsuffixed files are in the default language."""
    path = PurePosixPath(src_uri)
    stem, _, code = path.stem.rpartition(".")
    if stem and code in set(languages):
        return str(path.with_name(stem + path.suffix)), code
    return src_uri, default


def missing_pages(pages: Iterable[str], languages: tuple[str, ...], default: str) -> dict[str, list[str]]:
    """For each non-default language, the default-language pages (as named on disk) it has no version of."""
    by_page: dict[str, dict[str, str]] = {}
    for src_uri in pages:
        name, code = split_language(src_uri, languages, default)
        by_page.setdefault(name, {})[code] = src_uri
    missing: dict[str, list[str]] = {code: [] for code in languages if code != default}
    for versions in by_page.values():
        if default not in versions:
            continue
        for code in missing:
            if code not in versions:
                missing[code].append(versions[default])
    return {code: sorted(names) for code, names in missing.items()}


class Status(StrEnum):
    """The state of a translation against its source."""

    CURRENT = "current"
    OUTDATED = "outdated"  # the source changed after the pin
    MISSING = "missing"
    UNPINNED = "unpinned"  # no ``translation.source``
    MALFORMED = "malformed"  # a pin the tools did not write, or no method
    UNTRANSLATED = "untranslated"  # still the source's text, as `advocacy translate` starts it: not published


STATUSES = tuple(Status)


class UnitKind(StrEnum):
    """What a translation unit translates."""

    CASE = "case"
    MANIFESTO = "manifesto"
    PAGE = "page"  # a documentation page


@dataclass(frozen=True)
class Unit:
    """One source page and one language: the translation's state.

    Attributes:
        kind: ``case``, ``manifesto`` or ``page`` (a documentation page).
        source: The source file (a case's original, or the default-language page).
        language: The language of the translation.
        translation: The translation file, or ``None`` when it is missing.
        status: ``current``, ``outdated`` (the source changed after the pin), ``missing``, ``unpinned`` (no
            ``translation.source``), ``malformed`` (a pin the tools did not write, or no method) or
            ``untranslated`` (the file still holds the source's text).
        method: ``translation.method`` of the file (``None`` when missing).
    """

    kind: UnitKind
    source: Path
    language: str
    translation: Path | None
    status: Status
    method: str | None = None


def unit_status(source_text: str, translation_text: str) -> tuple[Status, str | None]:
    """The status of a translation against its source, and its method."""
    method, pin = pin_of(translation_text)
    if copied(translatable(source_text), translatable(translation_text)).is_copy:
        return Status.UNTRANSLATED, method
    if method not in METHODS:
        return Status.MALFORMED, method
    if pin is None:
        return Status.UNPINNED, method
    if not PIN.fullmatch(pin):
        return Status.MALFORMED, method
    return (Status.CURRENT if pin == fingerprint(source_text) else Status.OUTDATED), method


def units_of(project: Project, repository: Repository) -> list[Unit]:
    """Every translation unit of the project, its cases read from the checked repository."""
    files = [(f.case_id, f.language, f.path, f.kind == "original") for f in repository.files if f.kind]
    return translation_units(project, files)


def translation_units(project: Project, case_files: Iterable[tuple[str, str, Path, bool]]) -> list[Unit]:
    """Every (source, language) pair of the project: case translations, manifesto and documentation pages.

    Args:
        project: The project.
        case_files: (case id, language, path, is original) for every readable case file.
    """
    default = project.default_language.code
    others = [code for code in project.language_codes if code != default]
    units: list[Unit] = []
    cases: dict[str, dict[str, tuple[Path, bool]]] = {}
    for case_id, language, path, original in case_files:
        cases.setdefault(case_id, {})[language] = (path, original)
    for versions in cases.values():
        originals = [path for path, original in versions.values() if original]
        if len(originals) != 1:
            continue  # the validator reports it
        source = originals[0]
        source_text = read(source)
        for code in project.language_codes:
            found = versions.get(code)
            if found is not None and found[1]:
                continue  # the original itself
            units.append(_unit(UnitKind.CASE, source, source_text, code, found[0] if found else None))
    # Released versions of the manifesto are frozen: their translations are not kept current.
    skip = {project.docs_dir / project.cases_dirname, project.docs_dir / "manifesto" / "versions"}
    for page in sorted(markdown_pages(project.docs_dir, skip)):
        name, language = split_language(page.relative_to(project.docs_dir).as_posix(), others, default)
        if language != default:
            continue
        kind = UnitKind.MANIFESTO if name.startswith("manifesto/") else UnitKind.PAGE
        source_text = read(page)
        for code in others:
            path = page.with_name(f"{page.stem}.{code}.md")
            units.append(_unit(kind, page, source_text, code, path if path.is_file() else None))
    return units


def _unit(kind: UnitKind, source: Path, source_text: str, language: str, path: Path | None) -> Unit:
    if path is None:
        return Unit(kind, source, language, None, Status.MISSING)
    status, method = unit_status(source_text, read(path))
    return Unit(kind, source, language, path, status, method)


def markdown_pages(folder: Path, skip: set[Path]) -> Iterable[Path]:
    """The Markdown files under ``folder``, in order, leaving out the folders in ``skip`` and hidden ones."""
    for entry in sorted(folder.iterdir()):
        if entry in skip or entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from markdown_pages(entry, skip)
        elif entry.suffix == ".md":
            yield entry
