"""The markers say what a test costs, so that ``pytest -m "not site and not browser"`` runs the unit tests
alone, in seconds: ``site`` on every test that builds a site with MkDocs (or reads one built for the session),
``browser`` on the tests that drive chromium, which all live in tests/browser/.

Read from the tests' source with ast. A test builds a site when it calls the shared build helper
(tests.support.building.build), runs ``mkdocs build``, uses a fixture that does either (the session's builds
of tests/conftest.py, or a fixture of its own module), or calls a helper of its module that does.
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.paths import ROOT

TESTS = ROOT / "tests"
BUILD_HELPER = "tests.support.building.build"


@dataclass
class Function:
    """What a function of a test module or conftest.py does that matters for the markers."""

    name: str
    path: Path
    fixture: bool
    params: set[str]
    marks: set[str]
    calls: set[str] = field(default_factory=set)
    builds: bool = False


@dataclass
class Module:
    path: Path
    marks: set[str]
    functions: dict[str, Function]

    @property
    def tests(self) -> list[Function]:
        return [f for f in self.functions.values() if f.name.startswith("test_") and not f.fixture]


def _marks(node: ast.AST) -> set[str]:
    """The names of the pytest.mark.<name> marks written anywhere in ``node``."""
    return {
        sub.attr
        for sub in ast.walk(node)
        if isinstance(sub, ast.Attribute)
        and isinstance(sub.value, ast.Attribute)
        and sub.value.attr == "mark"
        and isinstance(sub.value.value, ast.Name)
        and sub.value.value.id == "pytest"
    }


def _is_fixture(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(target, ast.Attribute) and target.attr == "fixture"


def _usefixtures(decorators: list[ast.expr]) -> set[str]:
    return {
        arg.value
        for decorator in decorators
        for call in ast.walk(decorator)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "usefixtures"
        for arg in call.args
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
    }


def _runs_mkdocs_build(call: ast.Call) -> bool:
    """Whether a call's arguments spell out ``mkdocs build`` (as a list of words or one command line)."""
    words = [
        sub.value
        for arg in [*call.args, *(keyword.value for keyword in call.keywords)]
        for sub in ast.walk(arg)
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str)
    ]
    if any(re.search(r"\bmkdocs\s+build\b", word) for word in words):
        return True
    return "build" in words and any(word == "mkdocs" or word.endswith("/mkdocs") for word in words)


def read_module(source: str, path: Path) -> Module:
    """The functions of a module, with what each calls and whether it builds a site by itself."""
    tree = ast.parse(source)
    builders: set[str] = set()  # local names of the build helper
    modules: set[str] = set()  # local names of tests.support.building
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                if f"{node.module}.{alias.name}" == BUILD_HELPER:
                    builders.add(alias.asname or alias.name)
                elif f"{node.module}.{alias.name}" == BUILD_HELPER.rsplit(".", 1)[0]:
                    modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            modules.update(
                alias.asname
                for alias in node.names
                if alias.name == BUILD_HELPER.rsplit(".", 1)[0] and alias.asname
            )
    module_marks: set[str] = set()
    functions: dict[str, Function] = {}
    definitions: list[tuple[ast.FunctionDef, set[str]]] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets
        ):
            module_marks |= _marks(node.value)
        elif isinstance(node, ast.FunctionDef):
            definitions.append((node, set()))
        elif isinstance(node, ast.ClassDef):
            class_marks = set().union(*(_marks(d) for d in node.decorator_list))
            for item in node.body:
                if isinstance(item, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "pytestmark" for t in item.targets
                ):
                    class_marks |= _marks(item.value)
            definitions += [(item, class_marks) for item in node.body if isinstance(item, ast.FunctionDef)]
    for node, inherited in definitions:
        params = {arg.arg for arg in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]}
        function = Function(
            name=node.name,
            path=path,
            fixture=any(_is_fixture(d) for d in node.decorator_list),
            params=(params - {"self", "cls"}) | _usefixtures(node.decorator_list),
            marks=inherited | set().union(*(_marks(d) for d in node.decorator_list)),
        )
        for call in (
            sub for statement in node.body for sub in ast.walk(statement) if isinstance(sub, ast.Call)
        ):
            target = call.func
            if isinstance(target, ast.Name):
                function.calls.add(target.id)
                function.builds |= target.id in builders
            elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
                function.builds |= target.value.id in modules and target.attr == "build"
            function.builds |= _runs_mkdocs_build(call)
        functions[node.name] = function
    return Module(path, module_marks, functions)


def building_functions(module: Module, conftest_fixtures: dict[str, Function]) -> set[str]:
    """The names of the module's functions that build a site, directly or through its helpers and fixtures."""
    fixtures = {**conftest_fixtures, **{f.name: f for f in module.functions.values() if f.fixture}}
    building = {name for name, f in fixtures.items() if f.builds} | {
        f.name for f in module.functions.values() if f.builds
    }
    changed = True
    while changed:
        changed = False
        for function in [*module.functions.values(), *fixtures.values()]:
            if function.name in building:
                continue
            helpers = {name for name in function.calls if name in module.functions}
            if (function.params & {name for name in building if name in fixtures}) or (helpers & building):
                building.add(function.name)
                changed = True
    return {name for name in building if name in module.functions}


def uses_fixture(function: Function, wanted: str, fixtures: dict[str, Function]) -> bool:
    """Whether ``function`` needs the fixture ``wanted``, directly or through other fixtures."""
    seen: set[str] = set()
    todo = set(function.params)
    while todo:
        name = todo.pop()
        if name == wanted:
            return True
        if name in fixtures and name not in seen:
            seen.add(name)
            todo |= fixtures[name].params
    return False


def conftest_fixtures(path: Path) -> dict[str, Function]:
    """The fixtures of the conftest.py files that apply to the test module at ``path``, nearest last."""
    fixtures: dict[str, Function] = {}
    folder = TESTS
    for part in ("", *path.parent.relative_to(TESTS).parts):
        folder = folder / part if part else folder
        conftest = folder / "conftest.py"
        if conftest.is_file():
            module = read_module(conftest.read_text(encoding="utf-8"), conftest)
            inner = building_functions(module, fixtures)
            for function in module.functions.values():
                if function.fixture:
                    function.builds = function.name in inner
                    fixtures[function.name] = function
    return fixtures


@dataclass
class Report:
    """Each test function of the suite, as ``path::name``, sorted into what the checks need."""

    building: set[str] = field(default_factory=set)
    unmarked_building: list[str] = field(default_factory=list)
    not_building_in_site_module: list[str] = field(default_factory=list)
    browser_outside_folder: list[str] = field(default_factory=list)
    browser_modules_unmarked: list[str] = field(default_factory=list)
    browser_marks_outside_folder: list[str] = field(default_factory=list)


def check(modules: list[tuple[Path, str]]) -> Report:
    """Read the test modules (path, source) and report every test whose markers are wrong."""
    report = Report()
    for path, source in modules:
        module = read_module(source, path)
        fixtures = conftest_fixtures(path)
        building = building_functions(module, fixtures)
        all_fixtures = {**fixtures, **{f.name: f for f in module.functions.values() if f.fixture}}
        in_browser_folder = path.parent == TESTS / "browser"
        where = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()
        if in_browser_folder and not {"browser", "site"} <= module.marks:
            report.browser_modules_unmarked.append(where)
        for test in module.tests:
            name = f"{where}::{test.name}"
            marks = module.marks | test.marks
            if test.name in building:
                report.building.add(name)
                if "site" not in marks:
                    report.unmarked_building.append(name)
            elif "site" in module.marks:
                report.not_building_in_site_module.append(name)
            if uses_fixture(test, "browser", all_fixtures) and not in_browser_folder:
                report.browser_outside_folder.append(name)
            if "browser" in marks and not in_browser_folder:
                report.browser_marks_outside_folder.append(name)
    return report


@functools.cache
def suite() -> Report:
    """The report on the whole suite (read once for the checks below)."""
    paths = sorted(path for path in TESTS.rglob("test_*.py") if "bench" not in path.parts)
    return check([(path, path.read_text(encoding="utf-8")) for path in paths])


def test_every_test_that_builds_a_site_is_marked_site() -> None:
    """Every test that builds a site, or reads one built for the session, is marked `site`."""
    report = suite()
    assert len(report.building) > 60
    assert report.unmarked_building == []


def test_a_module_marked_site_as_a_whole_holds_only_tests_that_build() -> None:
    """A module marked `site` as a whole holds no unit test that `-m "not site"` would then leave out."""
    assert suite().not_building_in_site_module == []


def test_browser_tests_live_in_tests_browser_marked_browser_and_site() -> None:
    """Tests that drive chromium are all in tests/browser/, whose modules are marked `browser` and `site`."""
    report = suite()
    assert report.browser_outside_folder == []
    assert report.browser_modules_unmarked == []
    assert report.browser_marks_outside_folder == []


SAMPLE = """
import subprocess
import pytest
from tests.support.building import build as run_mkdocs
from tests.support import building

@pytest.fixture
def own(tmp_path):
    run_mkdocs(tmp_path)

def helper(root):
    return run_mkdocs(root, "--strict")

def test_calls_the_helper(tmp_path):
    run_mkdocs(tmp_path)

def test_through_the_module(tmp_path):
    building.build(tmp_path)

def test_runs_mkdocs(tmp_path):
    subprocess.run(["python", "-m", "mkdocs", "build"], cwd=tmp_path)

def test_runs_a_command_line(tmp_path):
    subprocess.run("mkdocs build --strict", shell=True)

def test_reads_the_session_build(built):
    assert built

def test_serves_it(server):
    assert server

@pytest.mark.usefixtures("own_site")
def test_uses_it():
    pass

def test_through_a_local_helper(tmp_path):
    helper(tmp_path)

def test_through_a_local_fixture(own):
    pass

@pytest.mark.site
def test_marked(tmp_path):
    run_mkdocs(tmp_path)

def test_unit():
    assert "build" != "mkdocs"

@pytest.mark.site
@pytest.mark.browser
def test_drives_chromium(browser, server):
    pass
"""


def test_the_check_finds_each_way_of_building_a_site_without_the_marker() -> None:
    """Each way of building a site unmarked is caught; marked builds and unit tests are not reported."""
    path = TESTS / "mkdocs" / "test_sample.py"
    report = check([(path, SAMPLE)])
    where = "tests/mkdocs/test_sample.py::"
    assert report.unmarked_building == [
        where + name
        for name in (
            "test_calls_the_helper",
            "test_through_the_module",
            "test_runs_mkdocs",
            "test_runs_a_command_line",
            "test_reads_the_session_build",
            "test_serves_it",
            "test_uses_it",
            "test_through_a_local_helper",
            "test_through_a_local_fixture",
        )
    ]
    assert where + "test_unit" not in report.building
    assert (
        report.browser_outside_folder
        == report.browser_marks_outside_folder
        == [where + "test_drives_chromium"]
    )
    marked = SAMPLE.replace("import pytest\n", "import pytest\npytestmark = pytest.mark.site\n", 1)
    assert check([(path, marked)]).not_building_in_site_module == [where + "test_unit"]
