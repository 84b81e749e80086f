"""What the `advocacy translations` and `advocacy translate` commands do, on top of
:mod:`advocacy.translations.units` (status) and :mod:`advocacy.translations.pins` (fingerprints)."""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from advocacy.content.project import Project
from advocacy.reading.git import GitError, run_git
from advocacy.translations.history import changes_since_pin
from advocacy.translations.pins import fingerprint, pin_of, read, split, translatable, with_pin
from advocacy.translations.units import STATUSES, Status, Unit

KINDS = ("case", "manifesto", "page")
_PLURAL = {"case": "cases", "manifesto": "manifesto", "page": "pages"}  # as the report names each kind


class PinError(Exception):
    """A translation command cannot do what was asked; the message says why."""


def translation_report(project: Project, units: list[Unit]) -> dict[str, Any]:
    """Per language: counts by kind and status, and every translation that is not current (for an outdated
    one, what changed in its source since its pin, as a diff of the lines; "" when the history does not say)."""
    report: dict[str, Any] = {}
    for code in project.language_codes:
        mine = [u for u in units if u.language == code]
        if not mine:
            continue
        counts = {kind: dict(Counter(u.status for u in mine if u.kind == kind)) for kind in KINDS}
        items = []
        for unit in mine:
            if unit.status == Status.CURRENT:
                continue
            item: dict[str, Any] = {
                "kind": unit.kind,
                "status": unit.status,
                "source": project.relative(unit.source),
                "translation": project.relative(unit.translation) if unit.translation else None,
                "method": unit.method,
            }
            if unit.status == Status.OUTDATED and unit.translation is not None:
                item["changes"] = changes_since_pin(project.root, unit.source, unit.translation)
            items.append(item)
        report[code] = {
            "counts": {kind: {s: counts[kind].get(s, 0) for s in STATUSES} for kind in KINDS},
            "items": items,
        }
    return report


def format_report(project: Project, units: list[Unit]) -> str:
    """The report as text: a line of counts per language and kind, then what is not current, each outdated
    translation followed by the lines of its source that changed since its pin."""
    lines = []
    for code, entry in translation_report(project, units).items():
        lines.append(f"{code}:")
        for kind in KINDS:
            counts = entry["counts"][kind]
            total = sum(counts.values())
            if total:
                rest = ", ".join(f"{n} {s}" for s, n in counts.items() if n and s != "current")
                lines.append(
                    f"  {_PLURAL[kind]}: {counts['current']} of {total} current"
                    + (f"; {rest}" if rest else "")
                )
        for item in entry["items"]:
            where = item["translation"] or f"(no {code} version of {item['source']})"
            lines.append(f"  {item['status']}: {where}")
            if "changes" in item:
                lines.append(f"    what changed in {item['source']} since the version it translates:")
                shown = item["changes"].splitlines() or [
                    f"(not in the recent history; compare with: git log -p -- {item['source']})"
                ]
                lines += [f"      {line}".rstrip() for line in shown]
    return "\n".join(lines) + "\n"


def units_of_files(project: Project, units: list[Unit], paths: list[Path]) -> list[Unit]:
    """The units whose source or translation is one of ``paths``.

    Raises:
        PinError: when a path is neither the source nor a translation of any unit.
    """
    wanted = {path.resolve() for path in paths}
    mine = [
        u
        for u in units
        if u.source.resolve() in wanted or (u.translation is not None and u.translation.resolve() in wanted)
    ]
    found = {u.source.resolve() for u in mine} | {u.translation.resolve() for u in mine if u.translation}
    for path in paths:
        if path.resolve() not in found:
            raise PinError(
                f"{path}: neither a source nor a translation (give a case, a page or a translation)"
            )
    return mine


def broken_message(project: Project, unit: Unit) -> str:
    """What is wrong with a translation's metadata, and what to run."""
    assert unit.translation is not None
    path = project.relative(unit.translation)
    source = project.relative(unit.source)
    if unit.status == Status.UNTRANSLATED:
        return (
            f"{path}: error: the text is still that of {source}, word for word: translate it (until then it is "
            "not published)"
        )
    if unit.status == Status.UNPINNED:
        return (
            f"{path}: error: translation.source: no pin says which version of {source} this translates; if it "
            f"translates {source} as it is now, run: advocacy translations repin {source} --since HEAD"
        )
    if unit.method is None:
        return (
            f"{path}: error: translation.method: say how the text was translated: write method: human, machine "
            "or machine-reviewed (a machine translation checked by a person) under translation:"
        )
    return (
        f"{path}: error: translation: the method must be human, machine or machine-reviewed and the source a pin "
        f"written by the tools (sha256:...); fix the method, then run: advocacy translations repin {source}"
    )


def repin(
    project: Project, units: list[Unit], sources: list[Path], since: str, force: bool = False
) -> list[tuple[Path, str]]:
    """Move to each source's current text the pins of its translations that were current at ``since``.

    Only an edit that cannot change the meaning (a typo, punctuation, spacing) keeps translations current; for
    any other, ``force`` says the translations were brought up to date with it.

    Returns (translation, what was done) pairs.

    Raises:
        PinError: when a path is not a source of translations, git cannot show it at ``since``, or the source
            changed more than a typo since then (without ``force``).
    """
    done: list[tuple[Path, str]] = []
    for given in sources:
        # docs/manifesto is a link to manifesto/: compare real paths, and ask git about the real one.
        source = given.resolve()
        mine = [u for u in units if u.source.resolve() == source and u.translation is not None]
        if not mine:
            raise PinError(f"{project.relative(source)} is not the source of any translation")
        before = _git_show(project, source, since)
        now = read(source)
        changes = meaning_changes(translatable(before), translatable(now))
        if changes and not force:
            name = project.relative(source)
            shown = "; ".join(changes[:3]) + ("; …" if len(changes) > 3 else "")
            raise PinError(
                f"{name} changed more than a typo since {since} ({shown}), so its translations no longer say "
                "the same: they stay outdated, and the site tells their readers. Once a translation is updated "
                f"with the change, pin it with: advocacy translations repin {name} --since {since} --force"
            )
        old, new = fingerprint(before), fingerprint(now)
        for unit in mine:
            assert unit.translation is not None
            text = read(unit.translation)
            _, pin = pin_of(text)
            if pin == new:
                done.append((unit.translation, "already current"))
            elif pin == old or pin is None or force:
                unit.translation.write_text(with_pin(text, new), encoding="utf-8")
                done.append((unit.translation, f"pinned to {project.relative(source)} as it is now"))
            else:
                done.append((unit.translation, f"left outdated: it translates a version older than {since}"))
    return done


_TOKEN = re.compile(r"\w+|[^\w\s]")
TYPO_LIKENESS = 0.75
"""How alike (difflib's ratio of their letters) a word and its correction must be for the edit to be a typo."""


def meaning_changes(before: str, after: str) -> list[str]:
    """The edits from ``before`` to ``after`` that may change what the text says, in words ("can" became
    "cannot"); empty when every edit is a typo (a word respelt), punctuation or spacing.

    A word added or removed, a number changed, or a word replaced by one that is not a respelling of it can
    change the meaning, so translations cannot be assumed to follow.
    """
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    found = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old, new = (
            [t for t in a[i1:i2] if t[0].isalnum() or t[0] == "_"],
            [t for t in b[j1:j2] if t[0].isalnum() or t[0] == "_"],
        )
        if op == "equal" or (not old and not new):
            continue  # the same words, or only punctuation changed
        if len(old) == len(new) and all(_respelt(x, y) for x, y in zip(old, new, strict=True)):
            continue
        if old and new and _respelt("".join(old), "".join(new)):
            continue  # a word split or joined: "black-out" for "blackout"
        if not new:
            found.append(f'"{" ".join(old)}" removed')
        elif not old:
            found.append(f'"{" ".join(new)}" added')
        else:
            found.append(f'"{" ".join(old)}" became "{" ".join(new)}"')
    return found


def _respelt(old: str, new: str) -> bool:
    """Whether ``new`` is ``old`` with a typo fixed: letters alike, and the same digits (a number is a fact)."""
    if any(ch.isdigit() for ch in old + new) and old != new:
        return False
    return difflib.SequenceMatcher(None, old.casefold(), new.casefold()).ratio() >= TYPO_LIKENESS


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
    # No method yet: nobody has translated anything. The translator writes how they did it (the validator asks
    # for it), and their handle; until the text is translated the file is not published.
    lines += [
        "translation:",
        "  translators: []  # your handle, such as [YourHandle] (optional)",
        f"  source: {fingerprint(read(source))}",
    ]
    return target, "---\n" + "".join(f"{line}\n" for line in lines) + "---\n" + body


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
