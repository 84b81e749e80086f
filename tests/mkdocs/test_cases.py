"""Small sites built with MkDocs in a temporary folder: every valid case a page in its language, invalid ones
reported and left out, the JSON Schema published, and no git author on the site."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from advocacy.content.repository import load_repository
from tests.support.building import build, case_pages, warnings
from tests.support.paths import ADVOCACY
from tests.support.project import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory, write_project

pytestmark = pytest.mark.site


def test_valid_site_builds_strict_with_every_case_in_its_language(make_project: ProjectFactory) -> None:
    """Every valid case file becomes exactly one page, under its own language's URL, in a strict build."""
    project = make_project(
        {
            "cases/blackout.md": VALID_CASE,
            "cases/blackout.fr.md": VALID_TRANSLATION_FR,
            "cases/french-original.fr.md": VALID_CASE.replace("## Context", "## Contexte")
            .replace("## Outcome", "## Résultat")
            .replace("## Lessons", "## Leçons"),
        }
    )
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    assert warnings(result.stderr) == []
    site = project.root / "site"
    assert case_pages(site) == {"en": ["blackout"], "fr": ["blackout", "french-original"]}
    expected: dict[str, list[str]] = {}
    for case_file in load_repository(project).published_files():
        expected.setdefault(case_file.language, []).append(case_file.case_id)
    assert case_pages(site) == {lang: sorted(ids) for lang, ids in expected.items()}
    html = (site / "fr/cases/french-original/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in html
    assert 'href="https://github.com/example/hub/edit/main/cases/french-original.fr.md"' in html
    assert not (site / "cases/vocabularies").exists()


def test_invalid_case_fails_strict_build_and_lists_every_problem(make_project: ProjectFactory) -> None:
    """A strict build fails on an invalid case and names each problem, without a traceback."""
    bad = VALID_CASE.replace("outcome: success", "outcome: won").replace(
        "topics: [censorship]", "topics: [x]"
    )
    project = make_project({"cases/good.md": VALID_CASE, "cases/bad.md": bad})
    result = build(project.root, "--strict")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert warnings(result.stderr) == [
        'WARNING -  advocacy: cases/bad.md:6: error: outcome: found "won"; write one of: success, partial, '
        "failure, ongoing, unknown",
        'WARNING -  advocacy: cases/bad.md:8: error: topics: "x" is not a term of the topics vocabulary; add it to '
        "cases/vocabularies/topics.yml in the same pull request",
    ]
    assert "Aborted with 2 warnings in strict mode!" in result.stdout


def test_serve_style_build_publishes_valid_cases_and_leaves_out_invalid_ones(
    make_project: ProjectFactory,
) -> None:
    """Without --strict (as under `mkdocs serve`), valid cases are built and invalid ones are not."""
    project = make_project(
        {
            "cases/good.md": VALID_CASE,
            "cases/bad.md": VALID_CASE.replace("date: 2011-10-04", "date: 2019-02-30"),
            "cases/stray.txt": "notes",
        }
    )
    result = build(project.root)
    assert result.returncode == 0, result.stderr
    site = project.root / "site"
    assert case_pages(site) == {"en": ["good"]}
    assert not (site / "cases/stray.txt").exists()
    assert "cases/stray.txt: error: cases/ holds only case files" in result.stderr, result.stderr


def test_schema_is_published_with_the_vocabularies(make_project: ProjectFactory) -> None:
    """The JSON Schema on the site lists the current vocabulary terms for editors."""
    project = make_project({"cases/good.md": VALID_CASE})
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    schema = json.loads((project.root / "site/schema/case.schema.json").read_text(encoding="utf-8"))
    assert schema["else"]["properties"]["topics"]["items"]["enum"] == ["censorship", "copyright"]


def test_no_git_author_appears_on_the_site(tmp_path: Path) -> None:
    """A site built from a repository with commits by a named author shows neither the name nor the e-mail."""
    project = write_project(tmp_path, {"cases/blackout.md": VALID_CASE})
    author = ["-c", "user.name=Jane Q. Contributor", "-c", "user.email=jane.contributor@example.net"]
    for command in (["init", "-q"], ["add", "-A"], [*author, "commit", "-q", "-m", "Add a case"]):
        subprocess.run(["git", *command], cwd=project.root, check=True, capture_output=True)
    assert build(project.root, "--strict").returncode == 0
    for page in (project.root / "site").rglob("*"):
        if page.is_file() and page.suffix in {".html", ".xml", ".json", ".csv", ".js"}:
            text = page.read_text(encoding="utf-8", errors="replace")
            assert "Jane Q. Contributor" not in text and "jane.contributor" not in text, page


@pytest.mark.parametrize(
    ("link", "target"),
    [("docs/passwd.txt", "/etc/passwd"), ("cases/media/config.png", "../../.git/config"), ("docs/loop", ".")],
)
def test_a_symbolic_link_stops_the_build_before_anything_is_published(
    make_project: ProjectFactory, link: str, target: str
) -> None:
    """MkDocs follows links as it walks docs/ (into cases/ through docs/cases): a link anywhere stops even a
    non-strict build at once, naming it, before a file is copied; `advocacy validate` names it too."""
    project = make_project({"cases/blackout.md": VALID_CASE})
    (project.root / ".git").mkdir()
    (project.root / ".git/config").write_text(
        "[remote]\n  url = https://token@example.org/\n", encoding="utf-8"
    )
    path = project.root / link
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)
    result = build(project.root)
    assert result.returncode == 1
    assert (
        f"{link}: error: this is a symbolic link; links are never published (one could publish a file of the "
        "machine that builds the site): replace it with the file itself, or delete it"
    ) in result.stderr
    assert not (project.root / "site").exists()
    validate = subprocess.run(
        [str(ADVOCACY), "validate"], cwd=project.root, capture_output=True, text=True, check=False
    )
    assert validate.returncode == 1
    assert f"{link}: error: this is a symbolic link" in validate.stdout
