"""Git in a test's own repository: a local identity, no signing, no hooks of the person running the tests."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(root: Path, *args: str) -> str:
    """Run git in ``root``; return what it printed."""
    result = subprocess.run(
        [
            "git",
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.hooksPath=/dev/null",
            *args,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def init_repository(root: Path, message: str = "Base") -> None:
    """Make ``root`` a git repository on ``main`` whose one commit holds every file in it."""
    git(root, "init", "--quiet", "--initial-branch=main")
    commit_all(root, message)


def commit_all(root: Path, message: str) -> None:
    """Commit every change of the working tree, as a contributor does before opening a pull request."""
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--allow-empty", "--message", message)
