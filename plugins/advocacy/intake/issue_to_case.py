"""``advocacy issue-to-case``: the body of a submitted case issue (GitHub renders the form as ``### Label``
sections) turned into a case file in the language the submitter wrote it in, and a report of its problems in
the words of the form, for the submitter.

The text of the issue is untrusted: values go into YAML as quoted strings, the sections go through the same
validator as every case (raw HTML and unsafe links are refused there), and nothing is executed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from advocacy.content.model import CaseModel
from advocacy.content.project import Project
from advocacy.content.vocabularies import Vocabularies
from advocacy.intake.forms import case_form
from advocacy.locales.strings import section_headings
from advocacy.reading.problems import Problem

_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$", re.MULTILINE)
_NO_RESPONSE = "_No response_"
_TERM = re.compile(r"\(([a-z0-9-]+)\)\s*$")
_URL = re.compile(r"<?(https?://[^\s<>]+)>?")
_LINK = re.compile(r"\[([^\]]+)\]\(\s*(https?://[^)\s]+)\s*\)")
# Punctuation that ends a sentence or closes a bracket around an address, not part of it.
_URL_END = ".,;:!?)]}'\""
_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}


@dataclass
class Submission:
    """A case read from an issue.

    Attributes:
        case_id: The id (from a Latin-script title, or given), or ``None``.
        language: The language the case is written in (the form's "Language").
        text: The text of the case file, when one could be written.
        problems: What the submitter must fix in the issue, in the form's words.
        maintainer: What only a maintainer can do (give an id), never shown to the submitter.
        labels: The form's label of each field and section (``title`` -> ``Title``, ``section-context`` ->
            ``Context``), for the report.
        sections: The line of each section heading in ``text``, by its form field id.
    """

    case_id: str | None
    language: str
    text: str | None
    problems: list[str] = field(default_factory=list)
    maintainer: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    sections: dict[str, int] = field(default_factory=dict)

    def file_name(self, default_language: str, case_id: str | None = None) -> str:
        """``<id>.md`` in the default language, ``<id>.<language>.md`` in another."""
        name = case_id or self.case_id
        return f"{name}.md" if self.language == default_language else f"{name}.{self.language}.md"

    def explain(self, problem: Problem) -> str:
        """A problem the validator found in the file, said with the label of the form field it came from."""
        message = problem.message
        for name, label in self.labels.items():
            if "_" in name:  # end_date: a field name no submitter saw
                message = re.sub(rf"\b{name}\b", f'"{label}"', message)
        if problem.field:
            root, _, rest = problem.field.partition("[")
            label = self.labels.get(root.split(".")[0], problem.field)
            index = re.match(r"(\d+)\]", rest)
            if index:
                number = int(index.group(1))
                return f'"{label}", the {_ORDINALS.get(number, f"{number}th")} source: {message}'
            return f'"{label}": {message}'
        if problem.line is not None:
            above = [(line, name) for name, line in self.sections.items() if line <= problem.line]
            if above:
                return f'"{self.labels[max(above)[1]]}": {message}'
        return message


def parse_issue(body: str) -> dict[str, str]:
    """The answers of an issue form, by label (empty for "_No response_")."""
    parts = _HEADING.split(body.replace("\r\n", "\n"))
    answers = {}
    for index in range(1, len(parts) - 1, 2):
        value = parts[index + 1].strip()
        answers[parts[index].strip()] = "" if value == _NO_RESPONSE else value
    return answers


def slug(title: str) -> str | None:
    """An id from a Latin-script title (``Blocage de Wikipédia`` -> ``blocage-de-wikipedia``), or ``None``."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    letters = sum(ch.isalpha() for ch in title)
    if not words or sum(len(w) for w in words) < max(3, letters // 2):
        return None
    return "-".join(words)[:60].strip("-")


def _list(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,\n]", value) if part.strip()]


def sources_of(answer: str) -> list[tuple[str, list[str]]]:
    """The sources of the "Sources" answer: (title, addresses) each, the first address its own and the next an
    archived copy. A title with its address on the next line is one source; so is a Markdown link."""
    sources: list[tuple[str, list[str]]] = []
    for raw in answer.splitlines():
        line = raw.strip().lstrip("-*•").strip()
        if not line:
            continue
        link = _LINK.search(line)
        if link is not None:
            line = line[: link.start()] + link.group(1) + " " + link.group(2) + line[link.end() :]
        urls = [url.rstrip(_URL_END) for url in _URL.findall(line)]
        # An address goes, the punctuation after it stays; brackets that held an address are dropped too.
        rest = _URL.sub(lambda m: " " + m.group(1)[len(m.group(1).rstrip(_URL_END)) :], line)
        title = " ".join(re.sub(r"[(\[]\s*[)\]]", " ", rest).split()).strip(" -–—:,.")
        if not title and urls and sources and len(sources[-1][1]) < 2:
            sources[-1][1].extend(urls[: 2 - len(sources[-1][1])])  # the address of the title above
        else:
            sources.append((title or "Source", urls))
    return sources


def submission_from_issue(
    body: str,
    model: CaseModel,
    vocabularies: Vocabularies,
    project: Project,
    case_id: str | None = None,
    today: dt.date | None = None,
) -> Submission:
    """Read an issue body written with the case form; ``case_id`` overrides the id derived from the title."""
    default = project.default_language.code
    form = case_form(model, vocabularies, default, project.languages)
    labels = {item["attributes"]["label"]: item["id"] for item in form["body"] if "id" in item}
    answers = {labels[label]: value for label, value in parse_issue(body).items() if label in labels}
    # An issue opened before the form asked for the language has no such section: its case is in the default
    # language, as the form then said.
    asked_language = "language" in answers
    problems: list[str] = []
    for item in form["body"]:
        required = item.get("validations", {}).get("required")
        if required and not answers.get(item["id"]) and (item["id"] != "language" or asked_language):
            problems.append(f'"{item["attributes"]["label"]}" is empty: fill it in.')
    consent = answers.get("consent", "")
    if consent.count("[X]") + consent.count("[x]") < 2:
        problems.append('Both boxes under "Publication" must be ticked before the case can be published.')
    language = _language(answers.get("language", ""), project, problems)
    title = answers.get("title", "")
    case_id = case_id or slug(title)
    submission = Submission(case_id, language, None, problems, labels={v: k for k, v in labels.items()})
    if not asked_language:
        submission.maintainer.append(
            f"The issue does not say its language (the form did not ask for it yet): the case is filed as "
            f"{default}; if it is written in another language, rename the file cases/<id>.<language>.md"
        )
    if case_id is None and title:
        submission.maintainer.append(
            "The title is not in Latin script, so no id (file name) can be made from it: run the workflow by "
            "hand (Actions > Case from an issue > Run workflow) with the issue's number and an id such as "
            "some-words, or run: advocacy issue-to-case body.md --id some-words"
        )
    if not title:
        return submission
    meta: dict[str, Any] = {
        "title": title,
        "summary": " ".join(answers.get("summary", "").split()),
        "date": answers.get("date", ""),
    }
    if answers.get("end_date"):
        meta["end_date"] = answers["end_date"]
    lines = ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items())]
    lines.append(f"outcome: {json.dumps(answers.get('outcome', ''))}")
    lines.append(f"jurisdictions: {json.dumps(_list(answers.get('jurisdictions', '')), ensure_ascii=False)}")
    for name in ("topics", "methods", "dossiers"):
        ids = [m.group(1) for part in _list(answers.get(name, "")) if (m := _TERM.search(part))]
        if ids or name != "dossiers":
            lines.append(f"{name}: {json.dumps(ids)}")
    organizations = _organizations(answers.get("organizations", ""), vocabularies, language, problems)
    if organizations:
        lines.append(f"organizations: {json.dumps(organizations)}")
    lines.append("sources:")
    for source_title, urls in sources_of(answers.get("sources", "")) or [("Source", [])]:
        lines.append(f"  - title: {json.dumps(source_title, ensure_ascii=False)}")
        lines.append(f"    url: {json.dumps(urls[0] if urls else '', ensure_ascii=False)}")
        if len(urls) > 1:
            lines.append(f"    archive_url: {json.dumps(urls[1], ensure_ascii=False)}")
    handle = answers.get("contributors", "").strip().lstrip("@")
    if handle:
        lines.append(f"contributors: {json.dumps([handle], ensure_ascii=False)}")
    lines.append(f"sensitivity: {json.dumps(answers.get('sensitivity') or 'normal')}")
    lines.append(f"published: {(today or dt.date.today()).isoformat()}")
    lines += ["---", ""]
    headings = section_headings(language)
    for section in model.sections:
        submission.sections[f"section-{section}"] = len(lines) + 1
        lines += [f"## {headings[section]}", "", answers.get(f"section-{section}", ""), ""]
    submission.text = "\n".join(lines)
    return submission


def _language(answer: str, project: Project, problems: list[str]) -> str:
    """The code of the language chosen in the form (``हिन्दी (hi)`` -> ``hi``); the default one when none is
    (the form requires it, so the problem is reported already)."""
    found = _TERM.search(answer)
    if found is not None and project.language(found.group(1)) is not None:
        return found.group(1)
    if answer:
        names = ", ".join(language.name for language in project.languages)
        problems.append(f'"Language": "{answer}" is not one of the hub\'s languages; choose one of {names}.')
    return project.default_language.code


def _organizations(value: str, vocabularies: Vocabularies, language: str, problems: list[str]) -> list[str]:
    """Organization ids for the names given (an id, a name or a label of the vocabulary)."""
    terms = vocabularies.terms.get("organizations", {})
    known: dict[str, str] = {}
    for term_id, term in terms.items():
        for name in (term_id, str(term.fields.get("name") or ""), term.label(language, language)):
            if name:
                known[name.casefold()] = term_id
    ids = []
    for name in _list(value):
        found = known.get(name.casefold())
        if found is None:
            problems.append(
                f'"Organizations": "{name}" is not in the hub\'s list of organizations yet; a maintainer adds it, '
                "or remove it from your answer."
            )
        else:
            ids.append(found)
    return ids
