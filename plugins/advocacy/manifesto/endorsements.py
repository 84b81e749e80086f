"""Reading ``manifesto/endorsements/<organisation>.yml``: an organisation and the versions it endorses."""

from __future__ import annotations

from pathlib import Path

from advocacy.content.fields import FieldChecker
from advocacy.manifesto.changelog import as_date
from advocacy.manifesto.model import CLAUSE_ID, MAX_FILE_BYTES, Endorsement, load_manifesto_model
from advocacy.reading.problems import Problem
from advocacy.reading.sourcefile import read_text
from advocacy.reading.strict_yaml import Mapping, Sequence, YamlError, parse


def read_endorsements(
    path: Path, display: str, languages: tuple[str, ...]
) -> tuple[list[Endorsement], list[Problem]]:
    """Read and check one organisation's endorsements file."""
    model = load_manifesto_model()
    text, problems = read_text(path, display, MAX_FILE_BYTES)
    if text is None:
        return [], problems
    organization = path.stem
    if not CLAUSE_ID.fullmatch(organization):
        problems.append(
            Problem(
                display,
                None,
                None,
                f'"{path.name}" is not a valid file name; name it after the organisation in lowercase letters, digits and hyphens (wikimedia-deutschland.yml)',
            )
        )
        return [], problems
    try:
        node = parse(text)
    except YamlError as exc:
        return [], [*problems, Problem(display, exc.line, None, exc.message)]
    if not isinstance(node, Mapping):
        fields = ", ".join(model.endorsement)
        return [], [*problems, Problem(display, 1, None, f"expected the fields {fields}, one per line")]
    checker = FieldChecker(display, {}, languages)
    values = checker.check_fields(node, model.endorsement)
    problems.extend(checker.problems)
    if not {"name", "type", "country", "website"} <= values.keys():
        return [], problems
    listed = node.items.get("endorsements")
    lines = [i.line for i in listed.items if isinstance(i, Mapping)] if isinstance(listed, Sequence) else []
    return [
        Endorsement(
            organization,
            values["name"],
            values["type"],
            values["country"],
            values["website"],
            item["version"],
            as_date(item["date"]),
            item["evidence"],
            lines[number] if number < len(lines) else None,
        )
        for number, item in enumerate(values.get("endorsements", []))
        if {"version", "date", "evidence"} <= item.keys()
    ], problems
