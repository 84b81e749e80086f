"""The repository as a whole: every file accounted for, valid content kept next to invalid content."""

from __future__ import annotations

from advocacy.content.repository import load_repository
from tests.conftest import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory


def messages(project, **kwargs) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(p) for p in load_repository(project, **kwargs).problems]


def test_valid_case_and_translation_have_no_problems(make_project: ProjectFactory) -> None:
    """A correct original and its translation validate cleanly and are both published."""
    project = make_project({"cases/a-case.md": VALID_CASE, "cases/a-case.fr.md": VALID_TRANSLATION_FR})
    repository = load_repository(project)
    assert repository.problems == []
    assert [f.display for f in repository.published_files()] == ["cases/a-case.fr.md", "cases/a-case.md"]


def test_invalid_case_does_not_hide_valid_neighbour(make_project: ProjectFactory) -> None:
    """A broken case is left out while the valid one next to it is still published."""
    project = make_project(
        {"cases/good.md": VALID_CASE, "cases/bad.md": VALID_CASE.replace("outcome: success", "outcome: won")}
    )
    repository = load_repository(project)
    assert [str(p) for p in repository.problems] == [
        'cases/bad.md:6: error: outcome: found "won"; write one of: success, partial, failure, ongoing, unknown'
    ]
    assert [f.display for f in repository.published_files()] == ["cases/good.md"]


def test_translation_of_invalid_original_is_not_published(make_project: ProjectFactory) -> None:
    """A case is never half-published: without a valid original, its translations stay out too."""
    project = make_project(
        {
            "cases/a-case.md": VALID_CASE.replace("topics: [censorship]", "topics: [censorhip]"),
            "cases/a-case.fr.md": VALID_TRANSLATION_FR,
        }
    )
    assert load_repository(project).published_files() == []
