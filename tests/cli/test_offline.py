"""The ``advocacy offline`` command (with ``check`` and ``list``): its output, exit statuses and messages, and
libzim (GPL-3.0) loaded by it alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from advocacy.cli.main import main
from tests.support.offline import write_site
from tests.support.project import ProjectFactory


def test_no_other_command_loads_libzim() -> None:
    """Importing the command line and parsing any command leaves libzim unloaded: only `advocacy offline`
    loads the optional GPL library."""
    script = (
        "import sys\n"
        "from advocacy.cli.main import build_parser\n"
        "build_parser().parse_args(['validate'])\n"
        "import advocacy.offline.downloads, advocacy.offline.contents, advocacy.offline.metadata\n"
        "print('libzim' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout == "False\n"


def test_without_libzim_the_command_says_how_to_install_it(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    """Without the extra, `advocacy offline` exits 2 and names the command that installs it."""
    project = make_project({})
    site = write_site(tmp_path / "site")
    script = (
        "import sys\n"
        "sys.modules['libzim'] = None  # as if the extra were not installed\n"
        "from advocacy.cli.main import main\n"
        f"sys.exit(main(['offline', '--root', {str(project.root)!r}, '--site', {str(site)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr == (
        "advocacy: advocacy offline needs libzim, openZIM's library (GPL-3.0-or-later), an optional extra of the "
        "hub: install it with `pip install '.[offline]'` in the repository, or run `make offline`\n"
    )
    assert not (site / "downloads" / "offline.json").exists()


def test_the_command_writes_checks_and_lists_a_copy_per_language(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One line per copy on standard output, a tally on standard error, exit 0; `check` passes the copies."""
    project = make_project({})
    site = write_site(tmp_path / "site")
    status = main(["offline", "--root", str(project.root), "--site", str(site), "--date", "2026-12-04"])
    out, err = capsys.readouterr()
    assert status == 0, out + err
    lines = [line.split(":")[0] for line in out.splitlines()]
    assert lines == [f"advocacy-hub_{code}_2026-12.zim" for code in ("en", "fr", "ar")]
    assert "3 offline copies" in err and "0 problem(s)." in err
    manifest = json.loads((site / "downloads" / "offline.json").read_text(encoding="utf-8"))
    assert [entry["language"] for entry in manifest["files"]] == ["en", "fr", "ar"]
    copies = sorted(str(p) for p in (site / "downloads").glob("*.zim"))
    assert main(["offline", "check", *copies]) == 0
    assert capsys.readouterr().err == "0 problem(s) in 3 file(s).\n"


def test_usage_mistakes_exit_2_with_what_to_do(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No built site, a language the site does not have, a date not written YYYY-MM-DD, a file to check that is
    not there: each exits 2 with a message."""
    project = make_project({})
    root = ["--root", str(project.root)]
    assert main(["offline", *root, "--site", str(tmp_path / "nothing")]) == 2
    assert "holds no built site; run `make build` first" in capsys.readouterr().err
    site = write_site(tmp_path / "site")
    assert main(["offline", *root, "--site", str(site), "--language", "de"]) == 2
    assert "de is not a site language; choose among en, fr, ar" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["offline", *root, "--date", "2026/12/04"])
    assert caught.value.code == 2
    assert "'2026/12/04' is not a date written YYYY-MM-DD" in capsys.readouterr().err
    assert main(["offline", "check", str(tmp_path / "missing.zim")]) == 2
    assert "no file" in capsys.readouterr().err


def test_list_puts_a_releases_copies_on_the_downloads_pages(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`advocacy offline list` links the downloads page to the release's files; a manifest that is not one
    exits 1 and says why; an address that is not https exits 2."""
    project = make_project({})
    site = write_site(tmp_path / "site")
    manifest = tmp_path / "offline.json"
    entry = {
        "language": "fr",
        "file": "advocacy-hub_fr_2026-12.zim",
        "bytes": 2_500_000,
        "date": "2026-12-04",
    }
    manifest.write_text(json.dumps({"format": 1, "files": [{**entry, "sha256": "0" * 64}]}), encoding="utf-8")
    base = "https://github.com/example/hub/releases/download/offline-2026-12-04/"
    arguments = ["offline", "list", str(manifest), "--root", str(project.root), "--site", str(site)]
    assert main([*arguments, "--base-url", base]) == 0
    assert capsys.readouterr().err == "1 offline copy listed; 0 problem(s).\n"
    page = (site / "downloads/index.html").read_text(encoding="utf-8")
    assert f'<a href="{base}advocacy-hub_fr_2026-12.zim" lang="fr" dir="ltr">Français</a>: 2.5 MB,' in page
    assert main([*arguments, "--base-url", "http://example.org/"]) == 2
    assert "--base-url must start with https://" in capsys.readouterr().err
    manifest.write_text(json.dumps({"format": 1, "files": [{**entry, "sha256": "x"}]}), encoding="utf-8")
    assert main([*arguments, "--base-url", base]) == 1
    assert "file 1: sha256 must be 64 hexadecimal digits" in capsys.readouterr().err
