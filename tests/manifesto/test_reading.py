"""The whole manifesto read and checked: the example of the tests, a missing changelog, and the repository's own."""

from __future__ import annotations

from pathlib import Path

from advocacy.cli.main import main
from advocacy.content.project import load_project
from advocacy.manifesto.reading import load_manifesto
from tests.support.manifesto import (
    CHANGELOG,
    INDEX,
    TODAY,
    make,
    problems_of,
)
from tests.support.paths import ROOT


def test_the_example_manifesto_is_valid(tmp_path: Path) -> None:
    """The fixture the other tests change loads without problems (so each test shows one problem)."""
    manifesto = load_manifesto(make(tmp_path), TODAY)
    assert manifesto.problems == []
    assert sorted(manifesto.texts) == ["en", "fr"]
    assert sorted(manifesto.versions["0.1.0"]) == ["en", "fr"]
    assert manifesto.current_languages == {"en", "fr"}
    assert manifesto.changelog is not None and manifesto.changelog.latest is not None
    assert manifesto.changelog.latest.version == "0.1.0"


def test_a_missing_changelog_is_reported(tmp_path: Path) -> None:
    """A manifesto without changelog.yml is told how to start one."""
    assert problems_of(make(tmp_path, {CHANGELOG: None})) == [
        (
            CHANGELOG,
            None,
            None,
            "the manifesto has no changelog; create it with `unreleased: []` and the first version under `versions:`",
        )
    ]


def test_the_repository_manifesto_is_valid() -> None:
    """The manifesto this site publishes loads without a single problem."""
    manifesto = load_manifesto(load_project(ROOT))
    assert [str(p) for p in manifesto.problems] == []
    assert manifesto.current is not None and manifesto.changelog is not None
    assert manifesto.changelog.latest is not None
    assert manifesto.changelog.latest.version in manifesto.versions


def test_a_translation_still_in_english_is_refused_and_shown_nowhere(tmp_path: Path) -> None:
    """`advocacy translate manifesto/index.md ar` starts a copy of the English text: it is refused with what to
    do, and no page of the manifesto takes it for the Arabic text."""
    project = make(tmp_path)
    assert main(["translate", str(project.root / INDEX), "ar", "--root", str(project.root)]) == 0
    manifesto = load_manifesto(project, TODAY)
    assert [str(p) for p in manifesto.problems] == [
        "manifesto/index.ar.md: error: 6 of 6 paragraphs are still those of manifesto/index.md, word for word: "
        "translate them; until then this translation is not published"
    ]
    assert "ar" not in manifesto.texts
    assert manifesto.current_languages == {"en", "fr"}
