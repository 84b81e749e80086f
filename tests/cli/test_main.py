"""The ``advocacy`` command itself: usage without a command, and the installed script run as a subprocess."""

from __future__ import annotations

import subprocess

import pytest

from advocacy.cli.main import main
from tests.support.paths import ADVOCACY
from tests.support.project import VALID_CASE, ProjectFactory

BAD_OUTCOME = VALID_CASE.replace("outcome: success", "outcome: won")


def test_missing_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Running advocacy without a command prints usage and exits 2."""
    with pytest.raises(SystemExit) as caught:
        main([])
    assert caught.value.code == 2
    assert "usage: advocacy" in capsys.readouterr().err


def test_installed_command_runs_as_a_subprocess(make_project: ProjectFactory) -> None:
    """The installed `advocacy` script validates a project and exits with the status CI relies on."""
    project = make_project({"cases/good.md": VALID_CASE, "cases/bad.md": BAD_OUTCOME})
    result = subprocess.run(
        [str(ADVOCACY), "validate", "--root", str(project.root), "--format", "github"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[0] == (
        '::error file=cases/bad.md,line=6,title=outcome::found "won"; write one of: success, partial, failure, '
        "ongoing, unknown"
    )
    assert result.stderr == "1 error(s), 0 warning(s); 1 of 2 case files can be published.\n"
