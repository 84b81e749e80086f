"""Validating small projects: a valid case with one mistake made in it, and the report as
``advocacy validate`` prints it (one line per problem) with the files that can be published."""

from __future__ import annotations

from advocacy.content.project import Project
from advocacy.content.repository import Repository, load_repository
from tests.support.project import VALID_CASE, ProjectFactory

# A valid case to write next to a broken one: it must still be published.
GOOD = {"cases/good.md": VALID_CASE}
TITLE = "title: A blackout against a bad law"


def check(make_project: ProjectFactory, files: dict[str, str | bytes]) -> Repository:
    """The repository of a project holding ``files``, read and checked."""
    project: Project = make_project(files)
    return load_repository(project)


def messages(repository: Repository) -> list[str]:
    """Every problem found, as a line of the report."""
    return [str(problem) for problem in repository.problems]


def published(repository: Repository) -> list[str]:
    """The case files that can be published."""
    return [case_file.display for case_file in repository.published_files()]


def case(*replacements: tuple[str, str]) -> str:
    """VALID_CASE with each (old, new) replacement made; fails if ``old`` is not there."""
    text = VALID_CASE
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text
