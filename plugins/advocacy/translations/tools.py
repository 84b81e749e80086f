"""What the `advocacy translations` and `advocacy translate` commands do, on top of
:mod:`advocacy.translations.units` (status) and :mod:`advocacy.translations.pins` (fingerprints)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from advocacy.content.project import Project
from advocacy.reading.git import GitError, run_git
from advocacy.translations.pins import fingerprint, pin_of, read, split, with_pin
from advocacy.translations.units import STATUSES, Unit

KINDS = ("case", "manifesto", "page")
_PLURAL = {"case": "cases", "manifesto": "manifesto", "page": "pages"}


class PinError(Exception):
    """A translation command cannot do what was asked; the message says why."""


def translation_report(project: Project, units: list[Unit]) -> dict[str, Any]:
    """Per language: counts by kind and status, and every translation that is not current."""
    report: dict[str, Any] = {}
    for code in project.language_codes:
        mine = [u for u in units if u.language == code]
        if not mine:
            continue
        counts = {kind: dict(Counter(u.status for u in mine if u.kind == kind)) for kind in KINDS}
        report[code] = {
            "counts": {kind: {s: counts[kind].get(s, 0) for s in STATUSES} for kind in KINDS},
            "items": [
                {
                    "kind": u.kind,
                    "status": u.status,
                    "source": project.relative(u.source),
                    "translation": project.relative(u.translation) if u.translation else None,
                    "method": u.method,
                }
                for u in mine
                if u.status != "current"
            ],
        }
    return report


def format_report(project: Project, units: list[Unit]) -> str:
    """The report as text: a line of counts per language and kind, then what is not current."""
    lines = []
    for code, entry in translation_report(project, units).items():
        lines.append(f"{code}:")
        for kind in KINDS:
            counts = entry["counts"][kind]
            total = sum(counts.values())
            if total:
                rest = ", ".join(f"{n} {s}" for s, n in counts.items() if n and s != "current")
                lines.append(
                    f"  {kind}s: {counts['current']} of {total} current" + (f"; {rest}" if rest else "")
                )
        for item in entry["items"]:
            where = item["translation"] or f"(no {code} version of {item['source']})"
            lines.append(f"  {item['status']}: {where}")
    return "\n".join(lines) + "\n"


def broken_message(project: Project, unit: Unit) -> str:
    """What is wrong with a translation's metadata, and what to run."""
    assert unit.translation is not None
    path = project.relative(unit.translation)
    source = project.relative(unit.source)
    if unit.status == "unpinned":
        return (
            f"{path}: error: translation.source: no pin says which version of {source} this translates; if it "
            f"translates {source} as it is now, run: advocacy translations repin {source} --since HEAD"
        )
    return (
        f"{path}: error: translation: the method must be human, machine or machine-reviewed and the source a pin "
        f"written by the tools (sha256:...); fix the method, then run: advocacy translations repin {source}"
    )


def repin(project: Project, units: list[Unit], sources: list[Path], since: str) -> list[tuple[Path, str]]:
    """Move to each source's current text the pins of its translations that were current at ``since``.

    Returns (translation, what was done) pairs.

    Raises:
        PinError: when a path is not a source of translations, or git cannot show it at ``since``.
    """
    done: list[tuple[Path, str]] = []
    for given in sources:
        # docs/manifesto is a link to manifesto/: compare real paths, and ask git about the real one.
        source = given.resolve()
        mine = [u for u in units if u.source.resolve() == source and u.translation is not None]
        if not mine:
            raise PinError(f"{project.relative(source)} is not the source of any translation")
        before = _git_show(project, source, since)
        old, new = fingerprint(before), fingerprint(read(source))
        for unit in mine:
            assert unit.translation is not None
            text = read(unit.translation)
            method, pin = pin_of(text)
            if pin == new:
                done.append((unit.translation, "already current"))
            elif pin == old or pin is None:
                unit.translation.write_text(with_pin(text, new, method or "human"), encoding="utf-8")
                done.append((unit.translation, f"pinned to {project.relative(source)} as it is now"))
            else:
                done.append((unit.translation, f"left outdated: it translates a version older than {since}"))
    return done


def _git_show(project: Project, path: Path, revision: str) -> str:
    name = project.relative(path)
    try:
        return run_git(project.root, "show", f"{revision}:{name}")
    except GitError as exc:
        raise PinError(f"git cannot show {name} at {revision}: {exc}") from exc


def translation_text(project: Project, source: Path, language: str) -> tuple[Path, str]:
    """The file a ``language`` translation of a case original or a page starts as: its path and its text
    (title and summary to translate, the pin of the source as it is now, and the source's text).

    Raises:
        PinError: when the language or the source is not one a translation can start from.
    """
    if project.language(language) is None:
        raise PinError(
            f'"{language}" is not a site language; the languages are {", ".join(project.language_codes)}'
        )
    if not source.is_file() or source.suffix != ".md":
        raise PinError(f"{source}: no such Markdown file")
    values, _, body = split(read(source))
    stem = source.name.removesuffix(".md")
    if source.parent.resolve() == project.cases_dir.resolve():
        if "translation" in values:
            raise PinError(f"{project.relative(source)} is a translation; start from the case's original")
        target = source.with_name(f"{stem.split('.')[0]}.{language}.md")
        keep: tuple[str, ...] = ("title", "summary")
    else:
        if "." in stem:
            raise PinError(
                f"{project.relative(source)} is a translation; start from the page in the default language"
            )
        target = source.with_name(f"{stem}.{language}.md")
        keep = ("title",)
    lines = [f"{key}: {json.dumps(str(values[key]), ensure_ascii=False)}" for key in keep if key in values]
    header = "---\n" + "".join(f"{line}\n" for line in lines) + "---\n" if lines else ""
    return target, with_pin(header + body if header else body, fingerprint(read(source)), "human")


def start_translation(project: Project, source: Path, language: str) -> Path:
    """Create the ``language`` translation of a case original or a page (see :func:`translation_text`).

    Raises:
        PinError: as :func:`translation_text`, and when the translation exists.
    """
    target, text = translation_text(project, source, language)
    if target.exists():
        raise PinError(f"{project.relative(target)} exists already")
    target.write_text(text, encoding="utf-8")
    return target
