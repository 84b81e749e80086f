"""Test modules never import one another: helpers come from tests/support/, fixtures from conftest.py files.

A test module imported by another is collected twice over (its module-scoped fixtures run once per importer),
and its helpers are hard to find. Read from every file's source with ast, so that nothing runs.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.support.paths import ROOT

TESTS = ROOT / "tests"


def imported_names(source: str, module: str) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of everything the module ``module`` imports, relative imports resolved; for
    ``from x import y`` both ``x`` and ``x.y``, since ``y`` may be a module."""
    package = module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                prefix = ".".join([*base, node.module] if node.module else base)
            else:
                prefix = node.module or ""
            yield node.lineno, prefix
            for alias in node.names:
                yield node.lineno, f"{prefix}.{alias.name}"


def is_test_module(name: str) -> bool:
    """Whether a dotted name is, or lies inside, a test module (``test_*``) or a conftest.py of tests/."""
    parts = name.split(".")
    return parts[0] == "tests" and any(part.startswith("test_") or part == "conftest" for part in parts[1:])


def forbidden_imports(source: str, module: str) -> list[tuple[int, str]]:
    """The imports of test modules and conftest.py files in ``source``."""
    return sorted({(line, name) for line, name in imported_names(source, module) if is_test_module(name)})


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def test_no_test_module_imports_another_or_a_conftest() -> None:
    """No file of tests/ imports a test module or a conftest.py: shared code lives in tests/support/."""
    files = sorted(TESTS.rglob("*.py"))
    assert len([path for path in files if path.name.startswith("test_")]) > 50
    found = [
        f"{path.relative_to(ROOT)}:{line}: imports {name}"
        for path in files
        for line, name in forbidden_imports(path.read_text(encoding="utf-8"), module_name(path))
    ]
    assert found == []


def test_the_check_sees_every_way_of_importing_a_test_module() -> None:
    """Absolute, relative and ``from package import module`` imports of a test module or conftest are caught."""
    source = (
        "from tests.test_site_build import build\n"
        "from tests.conftest import VALID_CASE\n"
        "import tests.mkdocs.test_catalogue\n"
        "from . import test_content\n"
        "from ..mkdocs.conftest import built\n"
        "from tests.mkdocs import test_catalogue as catalogue\n"
        "def helper():\n"
        "    from tests.browser.test_catalogue import _open\n"
        "from tests.support.building import build, warnings\n"
        "import tests.support.paths\n"
    )
    assert forbidden_imports(source, "tests.cli.test_main") == [
        (1, "tests.test_site_build"),
        (1, "tests.test_site_build.build"),
        (2, "tests.conftest"),
        (2, "tests.conftest.VALID_CASE"),
        (3, "tests.mkdocs.test_catalogue"),
        (4, "tests.cli.test_content"),
        (5, "tests.mkdocs.conftest"),
        (5, "tests.mkdocs.conftest.built"),
        (6, "tests.mkdocs.test_catalogue"),
        (8, "tests.browser.test_catalogue"),
        (8, "tests.browser.test_catalogue._open"),
    ]
