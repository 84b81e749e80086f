"""The content model and its documentation: every field documented, and the documented example valid."""

from __future__ import annotations

import re

from advocacy.content.model import load_model
from advocacy.content.repository import load_repository
from tests.support.paths import ROOT
from tests.support.project import ProjectFactory


def test_contributor_page_documents_every_field() -> None:
    """Every field of the model appears in the contributor documentation, and no other field does."""
    page = (ROOT / "docs/contribute/case-model.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", page, flags=re.MULTILINE))
    model = load_model()
    assert documented == set(model.fields) | set(model.translation_fields)


def test_documented_example_is_valid(make_project: ProjectFactory) -> None:
    """The complete example on the contributor page passes the validator with the real vocabularies."""
    page = (ROOT / "docs/contribute/case-model.md").read_text(encoding="utf-8")
    example = re.search(r"```markdown\n(---\n.*?)```", page, flags=re.DOTALL)
    assert example is not None
    project = make_project(
        {"cases/example-case.md": example.group(1), "cases/sopa-pipa-blackout-2012.md": ""}
    )
    vocabularies = project.vocabularies_dir
    for path in (ROOT / "cases/vocabularies").iterdir():
        (vocabularies / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    problems = [str(p) for p in load_repository(project).problems if p.file == "cases/example-case.md"]
    assert problems == []
