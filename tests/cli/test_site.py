"""The ``advocacy check-site`` command on the built sample site: its exit statuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy.cli.main import main
from tests.support.building import Built

pytestmark = pytest.mark.site


def test_the_command_exits_with_1_on_a_broken_site_and_2_without_one(
    built: Built,
    built_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`advocacy check-site` exits 0 on a sound site, 1 when something is broken, 2 when there is no site."""
    assert main(["check-site", str(built.site), "--root", str(built.root)]) == 0
    (built_copy / "data/index.html").unlink()
    assert main(["check-site", str(built_copy), "--root", str(built.root)]) == 1
    assert (
        'site/fr/data/index.html: error: the link "../../data/" leads to no file of the site'
        in capsys.readouterr().out
    )
    assert main(["check-site", str(tmp_path / "empty"), "--root", str(built.root)]) == 2
    assert "run `make build` first" in capsys.readouterr().err
