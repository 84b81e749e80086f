"""``advocacy new``: a new case file, valid from the start, with the four sections and what each holds."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from advocacy.content.model import CaseModel
from advocacy.content.project import Project
from advocacy.content.repository import CaseIdError, case_path
from advocacy.locales.strings import section_headings


class ScaffoldError(Exception):
    """The case cannot be created; the message says what to give or change."""


@dataclass
class NewCase:
    """What a new case starts with (the fields every case needs)."""

    id: str
    title: str
    summary: str
    date: str
    outcome: str
    jurisdictions: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)
    source_title: str = ""
    source_url: str = ""
    language: str = ""


def _scalar(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON is YAML: quotes keep "NO", "1.10" and ": " as text


def case_text(case: NewCase, model: CaseModel, language: str, today: dt.date) -> str:
    """The text of the new file: frontmatter, then the four section headings of ``language`` with guidance."""
    lines = [
        "---",
        f"title: {_scalar(case.title)}",
        f"summary: {_scalar(case.summary)}",
        f"date: {_scalar(case.date)}",
        f"outcome: {case.outcome}",
        f"jurisdictions: [{', '.join(case.jurisdictions)}]",
        f"topics: [{', '.join(case.topics)}]",
        f"methods: [{', '.join(case.methods)}]",
        "sources:",
        f"  - title: {_scalar(case.source_title)}",
        f"    url: {_scalar(case.source_url)}",
        f"published: {today.isoformat()}",
        "---",
        "",
    ]
    headings = section_headings(language)
    for section, guidance in model.sections.items():
        lines += [f"## {headings[section]}", "", f"<!-- {guidance[0].upper() + guidance[1:]}. -->", ""]
    return "\n".join(lines)


def create_case(project: Project, model: CaseModel, case: NewCase, today: dt.date | None = None) -> Path:
    """Write ``cases/<id>.md`` (or ``cases/<id>.<language>.md``) and return its path.

    Raises:
        ScaffoldError: when the id is not a case id, the language is not a site language, or the case exists.
    """
    language = case.language or project.default_language.code
    if project.language(language) is None:
        raise ScaffoldError(
            f'"{language}" is not a site language; use one of {", ".join(project.language_codes)}'
        )
    try:
        path = case_path(project, case.id, language)
    except CaseIdError as exc:
        raise ScaffoldError(str(exc)) from exc
    existing = sorted(project.cases_dir.glob(f"{case.id}.*md")) + sorted(
        project.cases_dir.glob(f"{case.id}.md")
    )
    if existing:
        raise ScaffoldError(
            f"a case with the id {case.id!r} exists: {project.relative(existing[0])}; choose another id"
        )
    path.write_text(case_text(case, model, language, today or dt.date.today()), encoding="utf-8")
    return path
