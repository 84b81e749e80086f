"""The layers of the package are a checked contract: import-linter (`lint-imports`, contracts in pyproject.toml
[tool.importlinter]) passes on the package, and fails on a copy given an upward import, an import of MkDocs, or
an import of libzim (GPL-3.0, an optional extra) outside the offline copies.

The copy is found through PYTHONPATH, ahead of the editable install of plugins/ (a .pth file of the
virtualenv), so that lint-imports analyses the copy and not the package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.support.paths import BIN, ROOT

LINT_IMPORTS = BIN / "lint-imports"
PACKAGE = ROOT / "plugins" / "advocacy"
CONFIG = ROOT / "pyproject.toml"
LAYERS = "Layers: each part imports only the parts below it"
ONLY_MKDOCS = "Only the MkDocs adapters import MkDocs and its plugins"
ONLY_OFFLINE = "Only the offline copies import libzim"


def lint_imports(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run lint-imports with the repository's contracts, without a cache, ``pythonpath`` first on the path."""
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(pythonpath), *filter(None, [env.get("PYTHONPATH")])])
    # The configuration file is given as an argument: --config is deprecated since import-linter 2.
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(CONFIG)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def copy_with(tmp_path: Path, module: str, line: str) -> Path:
    """A copy of the package in ``tmp_path`` whose ``module`` (a path in the package) ends with ``line``."""
    shutil.copytree(PACKAGE, tmp_path / "advocacy", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "advocacy" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return tmp_path


def test_the_package_keeps_every_contract() -> None:
    """`lint-imports` passes: no part imports a part above it, and only mkdocs/ imports MkDocs."""
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    assert f"{LAYERS} KEPT" in result.stdout
    assert f"{ONLY_MKDOCS} KEPT" in result.stdout
    assert f"{ONLY_OFFLINE} KEPT" in result.stdout


def test_an_upward_import_breaks_the_layers_contract(tmp_path: Path) -> None:
    """content importing site (a part above it) fails the check, naming the contract and the import."""
    copy = copy_with(tmp_path, "content/urls.py", "import advocacy.site.pages")
    result = lint_imports(tmp_path, pythonpath=copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{LAYERS} BROKEN" in result.stdout
    assert f"{ONLY_MKDOCS} KEPT" in result.stdout
    assert "Contracts: 2 kept, 1 broken." in result.stdout
    assert "advocacy.content is not allowed to import advocacy.site" in result.stdout
    assert "- advocacy.content.urls -> advocacy.site.pages" in result.stdout


def test_importing_mkdocs_outside_the_adapters_breaks_the_forbidden_contract(tmp_path: Path) -> None:
    """A core module importing MkDocs fails the check, naming the contract and the module."""
    copy = copy_with(tmp_path, "reading/body.py", "import mkdocs")
    result = lint_imports(tmp_path, pythonpath=copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{ONLY_MKDOCS} BROKEN" in result.stdout
    assert f"{LAYERS} KEPT" in result.stdout
    assert "Contracts: 2 kept, 1 broken." in result.stdout
    assert "advocacy.reading.body -> mkdocs" in result.stdout


def test_importing_libzim_outside_the_offline_copies_breaks_its_contract(tmp_path: Path) -> None:
    """The site part importing libzim fails the check: the GPL library stays behind `advocacy offline`."""
    copy = copy_with(tmp_path, "site/pages.py", "import libzim.reader")
    result = lint_imports(tmp_path, pythonpath=copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{ONLY_OFFLINE} BROKEN" in result.stdout
    assert "Contracts: 2 kept, 1 broken." in result.stdout
    assert "advocacy.site is not allowed to import libzim" in result.stdout
    assert "advocacy.site.pages -> libzim" in result.stdout
