"""Running git in the project's repository: every read of its history and of files at a revision."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git could not be run, or failed; the message says why."""


def run_git(root: Path, *args: str) -> str:
    """The output of ``git <args>`` run in ``root``.

    Raises:
        GitError: when git is missing or exits with an error (its message, or the command, in the text).
    """
    try:
        result = subprocess.run(  # noqa: S603 - git with arguments of our own
            ["git", *args],  # noqa: S607 - git from PATH, as contributors run it
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as exc:
        raise GitError(f"git cannot be run: {exc}") from exc
    if result.returncode != 0:
        raise GitError(result.stderr.strip() or f"git {' '.join(args)} failed")
    return result.stdout


class RevisionError(GitError):
    """A git revision cannot be read; the message says why."""


def _git(root: Path, *args: str) -> str:
    try:
        return run_git(root, *args)
    except GitError as exc:
        raise RevisionError(str(exc)) from exc


def verify_revision(root: Path, revision: str) -> None:
    """Raise :class:`RevisionError` unless ``revision`` names a commit of the repository at ``root``."""
    if revision.startswith("-"):
        raise RevisionError(f'"{revision}" is not a revision')
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except RevisionError as exc:
        raise RevisionError(
            f'"{revision}" is not a commit of this repository (in a shallow clone, fetch it first: '
            f"git fetch origin {revision})"
        ) from exc


def file_at(root: Path, revision: str | None, path: str) -> str | None:
    """A file's text at a revision (``None``: the working tree), or ``None`` when it does not exist there."""
    if revision is None:
        file = root / path
        return file.read_text(encoding="utf-8") if file.is_file() else None
    try:
        return _git(root, "show", f"{revision}:{path}")
    except RevisionError:
        return None


def files_at(root: Path, revision: str | None, folder: str) -> list[str]:
    """The files under a folder at a revision (``None``: the working tree), relative to the root."""
    if revision is None:
        base = root / folder
        return (
            sorted(p.relative_to(root).as_posix() for p in base.rglob("*") if p.is_file())
            if base.is_dir()
            else []
        )
    return sorted(_git(root, "ls-tree", "-r", "--name-only", revision, "--", folder).split())
