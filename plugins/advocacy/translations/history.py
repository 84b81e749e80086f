"""What changed in a source since a translation's pin, from the repository's git history.

The pin is a fingerprint, not a revision: the revision it stands for is found by walking the source's recent
history until a version has that fingerprint. Without git, or when no recent version matches, there is no
answer (``None``), and pages just say that the source changed.

What is shown never includes text that was removed from the source: a sentence taken down for someone's
safety must not come back on every outdated translation. The diff shows the lines added or rewritten, with the
unchanged lines around them, all as the source reads now.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from advocacy.reading.git import GitError, run_git
from advocacy.translations.pins import fingerprint, pin_of, translatable

MAX_REVISIONS = 50
MAX_LINES = 80


def _git(root: Path, *args: str) -> str | None:
    try:
        return run_git(root, *args)
    except GitError:
        return None


def source_at_pin(root: Path, source: Path, pin: str) -> str | None:
    """The text of ``source`` at the most recent revision whose fingerprint is ``pin``, or ``None``."""
    try:
        name = source.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    log = _git(root, "log", f"--max-count={MAX_REVISIONS}", "--format=%H", "--", name)
    for revision in (log or "").split():
        text = _git(root, "show", f"{revision}:{name}")
        if text is not None and fingerprint(text) == pin:
            return text
    return None


def changes(before: str, after: str) -> str:
    """The lines of the translatable text added or rewritten since ``before``, each marked ``+``, with an
    unchanged line around them; hunks are separated by ``…`` (at most MAX_LINES lines). Removed lines are never
    part of it."""
    diff = difflib.unified_diff(
        translatable(before).splitlines(), translatable(after).splitlines(), lineterm="", n=1
    )
    lines: list[str] = []
    for line in list(diff)[2:]:  # without the file header lines
        if line.startswith("@@"):
            if lines:
                lines.append("…")
        elif not line.startswith("-"):
            lines.append(line)
    if len(lines) > MAX_LINES:
        lines = [*lines[:MAX_LINES], "…"]
    return "\n".join(lines)


def changes_since_pin(root: Path, source: Path, translation: Path) -> str:
    """What changed in ``source`` since the version ``translation`` is pinned to ("" when unknown)."""
    _, pin = pin_of(translation.read_text(encoding="utf-8"))
    if pin is None:
        return ""
    before = source_at_pin(root, source, pin)
    return changes(before, source.read_text(encoding="utf-8")) if before is not None else ""
