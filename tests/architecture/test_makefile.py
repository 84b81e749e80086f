"""`make help`, the first thing a newcomer runs: what each target does, with the values it will use."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.support.paths import ROOT


def _help(*variables: str) -> str:
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    return subprocess.run(
        [make, "--no-print-directory", "-C", str(ROOT), "help", *variables],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_help_shows_the_address_make_serve_uses() -> None:
    """`make help` prints the real address of `make serve` (the default, or HOST given), never "$(HOST)"."""
    assert "make serve    Build the site and serve it on http://127.0.0.1:8000/ with live reload\n" in _help()
    assert "http://0.0.0.0:9000/" in _help("HOST=0.0.0.0:9000")
    assert "$(" not in _help()
