"""``advocacy issue-to-case``: the body of a submitted case issue (GitHub renders the form as ``### Label``
sections) turned into a case file, and a report of its problems in plain words for the submitter.

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
from advocacy.content.vocabularies import Vocabularies
from advocacy.intake.forms import case_form
from advocacy.locales.strings import section_headings

_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$", re.MULTILINE)
_NO_RESPONSE = "_No response_"
_TERM = re.compile(r"\(([a-z0-9-]+)\)\s*$")
_URL = re.compile(r"https?://\S+")


@dataclass
class Submission:
    """A case read from an issue: its file text (when one could be written) and what must be fixed."""

    case_id: str | None
    text: str | None
    problems: list[str] = field(default_factory=list)


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


def submission_from_issue(
    body: str,
    model: CaseModel,
    vocabularies: Vocabularies,
    language: str,
    case_id: str | None = None,
    today: dt.date | None = None,
) -> Submission:
    """Read an issue body written with the case form; ``case_id`` overrides the id derived from the title."""
    form = case_form(model, vocabularies, language)
    labels = {item["attributes"]["label"]: item["id"] for item in form["body"] if "id" in item}
    answers = {labels[label]: value for label, value in parse_issue(body).items() if label in labels}
    problems: list[str] = []
    for item in form["body"]:
        if item.get("validations", {}).get("required") and not answers.get(item["id"]):
            problems.append(f'"{item["attributes"]["label"]}" is empty: fill it in.')
    consent = answers.get("consent", "")
    if consent.count("[X]") + consent.count("[x]") < 2:
        problems.append('Both boxes under "Publication" must be ticked before the case can be published.')
    title = answers.get("title", "")
    case_id = case_id or slug(title)
    if case_id is None:
        problems.append(
            "The title is not in Latin script, so no file name can be made from it: a maintainer gives the "
            "case an id (advocacy issue-to-case --id some-words)."
        )
    if not title:
        return Submission(case_id, None, problems)
    meta: dict[str, Any] = {
        "title": title,
        "summary": " ".join(answers.get("summary", "").split()),
        "date": answers.get("date", ""),
    }
    if answers.get("end_date"):
        meta["end_date"] = answers["end_date"]
    lines = ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items())]
    lines.append(f"outcome: {json.dumps(answers.get('outcome', ''))}")
    lines.append(f"jurisdictions: {json.dumps(_list(answers.get('jurisdictions', '')))}")
    for name in ("topics", "methods", "dossiers"):
        ids = [m.group(1) for part in _list(answers.get(name, "")) if (m := _TERM.search(part))]
        if ids or name != "dossiers":
            lines.append(f"{name}: {json.dumps(ids)}")
    organizations = _organizations(answers.get("organizations", ""), vocabularies, language, problems)
    if organizations:
        lines.append(f"organizations: {json.dumps(organizations)}")
    lines.append("sources:")
    # One source per line (a title may hold commas).
    sources = [line.strip(" -*") for line in answers.get("sources", "").splitlines() if line.strip(" -*")]
    for source in sources or [""]:
        url = _URL.search(source)
        source_title = source[: url.start()].strip(" -–:") if url else source
        lines += [
            f"  - title: {json.dumps(source_title or 'Source')}",
            f"    url: {json.dumps(url.group(0) if url else '')}",
        ]
    handle = answers.get("contributors", "").strip().lstrip("@")
    if handle:
        lines.append(f"contributors: {json.dumps([handle])}")
    lines.append(f"sensitivity: {json.dumps(answers.get('sensitivity') or 'normal')}")
    lines.append(f"published: {(today or dt.date.today()).isoformat()}")
    lines += ["---", ""]
    headings = section_headings(language)
    for section in model.sections:
        lines += [f"## {headings[section]}", "", answers.get(f"section-{section}", ""), ""]
    return Submission(case_id, "\n".join(lines), problems)


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
                f'"{name}" is not in the list of organizations yet: a maintainer adds it to '
                "cases/vocabularies/organizations.yml, or it is left out."
            )
        else:
            ids.append(found)
    return ids
