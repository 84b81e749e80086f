"""``advocacy manifesto check``: what a pull request that changes the manifesto still needs."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path, PurePath

from advocacy.content.project import Project
from advocacy.manifesto.changelog import NOTE_PLACEHOLDER, read_changelog
from advocacy.manifesto.diff import ClauseChange, compare, renamed, renamed_message
from advocacy.manifesto.files import manifesto_dir
from advocacy.manifesto.model import Changelog, Manifesto, ManifestoText
from advocacy.manifesto.reading import load_manifesto
from advocacy.manifesto.text import text_at
from advocacy.reading.git import file_at, files_at, verify_revision
from advocacy.reading.problems import Problem
from advocacy.translations.pins import pinned_to


def _entry_hint(change: ClauseChange) -> str:
    if change.kind in ("added", "removed"):
        return f'- {{clause: {change.id}, change: {change.kind}, note: "{NOTE_PLACEHOLDER}"}}'
    return (
        f'- {{clause: {change.id}, change: wording, note: "{NOTE_PLACEHOLDER}"}} (write refined or reversed '
        "instead of wording if the position changed)"
    )


def check_revision(project: Project, base: str, today: dt.date | None = None) -> list[Problem]:
    """``advocacy manifesto check``: everything wrong with the manifesto as it is now, and with the way it
    changed since ``base``: a text change without an unreleased changelog item, a clause id changed or
    reused, a released version edited."""
    root = project.root
    verify_revision(root, base)
    manifesto = load_manifesto(project, today)
    problems = list(manifesto.problems)
    folder = manifesto_dir(project).relative_to(root).as_posix()
    original = f"{folder}/index.md"
    changelog_display = f"{folder}/changelog.yml"
    old = text_at(root, base, original)
    new = manifesto.current
    base_changelog = None
    base_changelog_text = file_at(root, base, changelog_display)
    if base_changelog_text is not None:
        base_changelog, _ = read_changelog(base_changelog_text, changelog_display, project.language_codes)
    if new is not None:
        changes = compare(old, new)
        released_before = (
            {r.version for r in base_changelog.releases} if base_changelog is not None else set()
        )
        # A clause given a new id has one fix, its id back: no changelog item is asked for the pair.
        pairs = renamed(changes)
        ids = {clause.id for pair in pairs for clause in pair}
        listed = [change for change in changes if change.id not in ids]
        problems.extend(_changelog_problems(manifesto, listed, changelog_display, released_before))
        problems.extend(_id_problems(root, base, folder, old, changes, base_changelog))
    problems.extend(_frozen_problems(project, base, folder))
    if base_changelog is not None and manifesto.changelog is not None:
        for release in base_changelog.releases:
            now = manifesto.changelog.release(release.version)
            if now is None or now.date != release.date:
                problems.append(
                    Problem(
                        changelog_display,
                        now.line if now else None,
                        "versions",
                        f"version {release.version} (released {release.date}) must stay in the changelog with its "
                        "date; restore it",
                    )
                )
    # The rules of the manifesto (compared with its last release) and this comparison (with base) can find
    # the same renamed clause: say it once.
    return list(dict.fromkeys(problems))


def _changelog_problems(
    manifesto: Manifesto, changes: list[ClauseChange], display: str, released_before: set[str]
) -> list[Problem]:
    """Every clause the text changed has an item of the right kind: unreleased, or in a version the same pull
    request releases (one not in ``released_before``)."""
    if manifesto.changelog is None:
        return []
    listed: dict[str, set[str]] = {}
    new_releases = [r for r in manifesto.changelog.releases if r.version not in released_before]
    for item in [*manifesto.changelog.unreleased, *(c for r in new_releases for c in r.changes)]:
        listed.setdefault(item.clause, set()).add(item.change)
    problems = []
    for change in changes:
        kinds = listed.get(change.id)
        where = change.new.line if change.new is not None else None
        if kinds is None:
            problems.append(
                Problem(
                    display,
                    None,
                    "unreleased",
                    f'the clause "{change.id}" was {change.kind} in manifesto/index.md (line {where or "-"}) but '
                    f"unreleased lists no change to it; add {_entry_hint(change)}",
                )
            )
        elif change.kind in ("added", "removed") and change.kind not in kinds:
            problems.append(
                Problem(
                    display,
                    None,
                    "unreleased",
                    f'the clause "{change.id}" was {change.kind}: write "change: {change.kind}" in its item',
                )
            )
    return problems


def _id_problems(
    root: Path,
    base: str,
    folder: str,
    old: ManifestoText | None,
    changes: list[ClauseChange],
    base_changelog: Changelog | None,
) -> list[Problem]:
    """A clause keeps its id for ever, and an id is never given to another clause."""
    original = f"{folder}/index.md"
    added = [c.new for c in changes if c.kind == "added" and c.new is not None]
    problems = [
        Problem(original, clause.line, None, renamed_message(gone, clause))
        for gone, clause in renamed(changes)
    ]
    used: set[str] = set(old.by_id) if old is not None else set()
    for path in files_at(root, base, f"{folder}/versions"):
        if path.endswith("/index.md"):
            text = text_at(root, base, path)
            used |= set(text.by_id) if text is not None else set()
    if base_changelog is not None:
        used |= {c.clause for c in base_changelog.unreleased}
        used |= {c.clause for r in base_changelog.releases for c in r.changes}
    current = set(old.by_id) if old is not None else set()
    for clause in added:
        if clause.id in used and clause.id not in current:
            problems.append(
                Problem(
                    original,
                    clause.line,
                    None,
                    f'the id "{clause.id}" belonged to a clause that was removed; ids are never reused: choose a '
                    "new one",
                )
            )
    return problems


def _frozen_problems(project: Project, base: str, folder: str) -> list[Problem]:
    """Released versions are frozen: their files never change; only new translations may join them."""
    root = project.root
    versions = f"{folder}/versions"
    problems = []
    before = files_at(root, base, versions)
    for path in before:
        old, now = file_at(root, base, path), file_at(root, None, path)
        if now is None or old != now:
            what = "was deleted" if now is None else "was edited"
            problems.append(
                Problem(
                    path,
                    None,
                    None,
                    f"{what}, but released versions are frozen: restore it (git checkout {base} -- {path}); to "
                    f"change the manifesto, edit {folder}/index.md",
                )
            )
    released = {PurePath(path).parent.as_posix() for path in before}
    for path in files_at(root, None, versions):
        parent = PurePath(path).parent.as_posix()
        if path in before or parent not in released:
            continue
        name = PurePath(path).name
        original = file_at(root, None, f"{parent}/index.md")
        if not re.fullmatch(r"index\.[A-Za-z-]+\.md", name) or original is None:
            problems.append(
                Problem(
                    path, None, None, "a released version only takes new translations (index.<language>.md)"
                )
            )
            continue
        if not pinned_to(original, file_at(root, None, path) or ""):
            problems.append(
                Problem(
                    path,
                    None,
                    "translation.source",
                    f"a translation added to version {PurePath(parent).name} must translate its text: pin it with "
                    f"advocacy translations repin {path}",
                )
            )
    return problems
