"""`advocacy new`: a case file created from options is valid at once, in the language asked for."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from advocacy.content.model import load_model
from advocacy.intake.new_case import NewCase, ScaffoldError, create_case
from advocacy.locales.strings import section_headings
from tests.support.paths import ADVOCACY
from tests.support.project import ProjectFactory

OPTIONS = [
    "--id", "paris-blackout-2019", "--title", "Paris: NO to filters", "--summary", "Short.", "--date", "2019-03",
    "--outcome", "partial", "--jurisdiction", "FR", "--jurisdiction", "EU", "--topic", "censorship",
    "--method", "blackout", "--source-title", "A source", "--source-url", "https://example.org/x",
]  # fmt: skip


def _new(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ADVOCACY), "new", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_new_writes_a_valid_case_with_today_as_published(make_project: ProjectFactory) -> None:
    """The file has every required field (values that YAML would misread quoted), today, and the sections."""
    project = make_project({})
    result = _new(project.root, *OPTIONS)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "cases/paris-blackout-2019.md: created; write the four sections, then run: advocacy validate "
        "cases/paris-blackout-2019.md\n"
    )
    text = (project.root / "cases/paris-blackout-2019.md").read_text(encoding="utf-8")
    assert 'title: "Paris: NO to filters"\n' in text
    assert f"published: {dt.date.today().isoformat()}\n" in text
    assert "## Lessons\n\n<!-- Why it worked or failed, the risks, and advice for others. -->\n" in text
    check = subprocess.run(
        [str(ADVOCACY), "validate"], cwd=project.root, capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout


def test_new_in_another_language_uses_its_section_names(make_project: ProjectFactory) -> None:
    """--language fr writes cases/<id>.fr.md with the French section headings."""
    project = make_project({})
    result = _new(project.root, *OPTIONS, "--language", "fr")
    assert result.returncode == 0, result.stderr
    text = (project.root / "cases/paris-blackout-2019.fr.md").read_text(encoding="utf-8")
    assert all(f"## {heading}\n" in text for heading in section_headings("fr").values())


def test_new_says_what_is_missing_and_refuses_an_existing_id(make_project: ProjectFactory) -> None:
    """Without a terminal, missing options are named; an id in use is refused."""
    project = make_project({})
    missing = _new(project.root, "--id", "x", "--title", "T")
    assert missing.returncode == 2
    assert missing.stderr == (
        "advocacy new: give --summary, --date, --outcome, --jurisdiction, --topic, --method, --source-title, "
        "--source-url (or run it in a terminal to be asked)\n"
    )
    assert _new(project.root, *OPTIONS).returncode == 0
    again = _new(project.root, *OPTIONS)
    assert again.returncode == 2
    assert (
        "a case with the id 'paris-blackout-2019' exists: cases/paris-blackout-2019.md; choose another id"
        in again.stderr
    )


def test_new_refuses_an_id_that_would_name_another_file(make_project: ProjectFactory) -> None:
    """`advocacy new --id ../x` is refused before anything is written, with the id to write instead."""
    project = make_project({})
    case = NewCase(
        id="../../outside",
        title="A title",
        summary="A summary.",
        date="2020",
        outcome="success",
        jurisdictions=["FR"],
        topics=["censorship"],
        methods=["blackout"],
        source_title="A source",
        source_url="https://example.org/",
    )
    with pytest.raises(ScaffoldError) as caught:
        create_case(project, load_model(), case)
    assert str(caught.value) == (
        '"../../outside" is not a case id: write lowercase Latin letters, digits and hyphens, such as outside'
    )
    assert not (project.root.parent / "outside.md").exists()
