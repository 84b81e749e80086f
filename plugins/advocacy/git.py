"""Running git in the project's repository, for the tools that read its history."""

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
