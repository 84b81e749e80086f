"""``advocacy new``: a new case file, valid from the start, with the four sections and what each holds.

Each answer is checked as it is given, with the validator's own rules and messages, so that a mistake is said
at once (and asked again in a terminal) rather than after the last question; forms a writer naturally uses are
turned into the ones the hub stores ("April 2019" -> ``2019-04``, ``tr`` -> ``TR``, a term's label -> its id).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from advocacy.content.dates import iso_date
from advocacy.content.fields import TERM_ID, FieldChecker
from advocacy.content.model import CaseModel, FieldSpec
from advocacy.content.project import Project
from advocacy.content.repository import CaseIdError, case_path
from advocacy.content.vocabularies import Vocabularies
from advocacy.locales.strings import section_headings
from advocacy.reading.strict_yaml import Scalar


class ScaffoldError(Exception):
    """The case cannot be created; the message says what to give or change."""


class AnswerError(ValueError):
    """An answer to a question of ``advocacy new`` is not accepted; the message says what to write."""


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


@dataclass(frozen=True)
class Question:
    """One question of ``advocacy new``: the option that answers it, and what is asked.

    Attributes:
        name: The attribute of :class:`NewCase` it fills (``jurisdictions``, ``source_url``...).
        option: The command-line option that gives the answer (``--jurisdiction``; repeatable for lists).
        prompt: The question, with the form of the answer.
        several: The answer is a list, written with commas.
    """

    name: str
    option: str
    prompt: str
    several: bool = False


QUESTIONS = (
    Question("id", "--id", "id (lowercase letters, digits and hyphens, such as wikipedia-block-2017)"),
    Question("title", "--title", "title"),
    Question("summary", "--summary", "summary (one or two sentences)"),
    Question("date", "--date", "date the action started (YYYY, YYYY-MM or YYYY-MM-DD, such as 2019-04)"),
    Question("outcome", "--outcome", "outcome (success, partial, failure, ongoing, unknown)"),
    Question(
        "jurisdictions",
        "--jurisdiction",
        "jurisdictions (ISO codes such as DE or ES-CT, EU, or a forum; separated by commas)",
        several=True,
    ),
    Question("topics", "--topic", "topics (separated by commas; ? lists them)", several=True),
    Question("methods", "--method", "methods (separated by commas; ? lists them)", several=True),
    Question("source_title", "--source-title", "title of a first source"),
    Question("source_url", "--source-url", "its https address"),
)


@dataclass
class Answers:
    """Checks each answer of ``advocacy new`` as it is given, against the project's model and vocabularies."""

    project: Project
    model: CaseModel
    vocabularies: Vocabularies
    language: str

    def check(self, question: Question, text: str) -> tuple[str | list[str], str | None]:
        """The value to store for an answer, and a note when it was rewritten (``None`` otherwise).

        Raises:
            AnswerError: when the answer cannot be accepted; the message says what to write.
        """
        text = " ".join(text.split()) if question.name != "summary" else text.strip()
        if not text:
            raise AnswerError("no answer given; this field is required")
        if question.several:
            parts = [part.strip() for part in text.split(",") if part.strip()]
            checker = self._item_checkers()[question.name]
            values = []
            problems = []
            for part in parts:
                try:
                    values.append(checker(part))
                except AnswerError as exc:
                    problems.append(str(exc))
            if problems:
                raise AnswerError("; ".join(problems))
            if len(set(values)) != len(values):
                raise AnswerError("an item is given twice; give each once")
            return values, (f"written as {', '.join(values)}" if values != parts else None)
        value = self._checkers()[question.name](text)
        return value, (f"written as {value}" if value != text else None)

    def _checkers(self) -> dict[str, Callable[[str], str]]:
        fields = self.model.fields
        source = fields["sources"].item
        assert source is not None
        return {
            "id": self._id,
            "title": lambda text: self._field(fields["title"], text),
            "summary": lambda text: self._field(fields["summary"], text),
            "date": self._date,
            "outcome": self._outcome,
            "source_title": lambda text: self._field(source.fields["title"], text),
            "source_url": lambda text: self._field(source.fields["url"], text),
        }

    def _item_checkers(self) -> dict[str, Callable[[str], str]]:
        return {
            "jurisdictions": self._jurisdiction,
            "topics": lambda text: self._term("topics", text),
            "methods": lambda text: self._term("methods", text),
        }

    def _field(self, spec: FieldSpec, text: str) -> str:
        """The answer checked as the validator checks the field in a file (same rules, same words)."""
        checker = FieldChecker("", self.vocabularies.ids(), self.project.language_codes)
        value = checker.check_value(Scalar(text, "str", True, 1), spec, spec.name, 1)
        if checker.problems:
            raise AnswerError("; ".join(p.message for p in checker.problems))
        return str(value)

    def _id(self, text: str) -> str:
        if not TERM_ID.fullmatch(text):
            suggestion = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
            such = f", such as {suggestion}" if suggestion else ""
            raise AnswerError(f'"{text}" is not an id; use lowercase letters, digits and hyphens{such}')
        existing = existing_files(self.project, text)
        if existing:
            raise AnswerError(
                f"a case with the id {text!r} exists: {self.project.relative(existing[0])}; choose another id"
            )
        return text

    def _date(self, text: str) -> str:
        return str(self._field(self.model.fields["date"], iso_date(text) or text))

    def _outcome(self, text: str) -> str:
        spec = self.model.fields["outcome"]
        lower = text.lower()
        return self._field(spec, lower if lower in spec.choices else text)

    def _jurisdiction(self, text: str) -> str:
        item = self.model.fields["jurisdictions"].item
        assert item is not None
        spec = FieldSpec("jurisdictions", item.kind)
        # "tr" and "eu" mean TR and EU, "WIPO" the forum wipo: only the letters' case is changed.
        for candidate in dict.fromkeys((text, text.upper(), text.lower())):
            checker = FieldChecker("", self.vocabularies.ids(), self.project.language_codes)
            checker.check_value(Scalar(candidate, "str", True, 1), spec, spec.name, 1)
            if not checker.problems:
                return candidate
        return self._field(spec, text)  # raises with the validator's message for what was written

    def _term(self, vocabulary: str, text: str) -> str:
        terms = self.vocabularies.terms.get(vocabulary, {})
        # A term's label (in the case's language or the default one) stands for its id.
        for term_id, term in terms.items():
            names = {term_id, term.label(self.language, self.project.default_language.code)}
            if text.casefold() in {name.casefold() for name in names}:
                return term_id
        spec = self.model.fields[vocabulary].item
        assert spec is not None
        return self._field(FieldSpec(vocabulary, spec.kind, vocabulary=spec.vocabulary), text)

    def choices(self, question: Question) -> list[str]:
        """The terms a list question accepts, as ``id (label)`` (empty for other questions)."""
        terms = self.vocabularies.terms.get(question.name, {})
        default = self.project.default_language.code
        return [
            f"{term_id} ({term.label(self.language, default)})" for term_id, term in sorted(terms.items())
        ]


def existing_files(project: Project, case_id: str) -> list[Path]:
    """The files of the case ``case_id`` (any language), if it exists."""
    return sorted({*project.cases_dir.glob(f"{case_id}.*md"), *project.cases_dir.glob(f"{case_id}.md")})


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
    check_language(project, language)
    try:
        path = case_path(project, case.id, language)
    except CaseIdError as exc:
        raise ScaffoldError(str(exc)) from exc
    existing = existing_files(project, case.id)
    if existing:
        raise ScaffoldError(
            f"a case with the id {case.id!r} exists: {project.relative(existing[0])}; choose another id"
        )
    path.write_text(case_text(case, model, language, today or dt.date.today()), encoding="utf-8")
    return path


def check_language(project: Project, language: str) -> None:
    """Make sure ``language`` is a site language.

    Raises:
        ScaffoldError: naming the site languages when it is not one.
    """
    if project.language(language) is None:
        raise ScaffoldError(
            f'"{language}" is not a site language; use one of {", ".join(project.language_codes)}'
        )
