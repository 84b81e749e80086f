"""Reading ``manifesto/changelog.yml``: the unreleased changes and every released version."""

from __future__ import annotations

import datetime as dt
from typing import Any

from advocacy.content.dates import PartialDate
from advocacy.content.fields import FieldChecker
from advocacy.manifesto.model import Change, Changelog, Release, load_manifesto_model, parse_version
from advocacy.reading.problems import Problem
from advocacy.reading.strict_yaml import Mapping, Node, Sequence, YamlError, parse

NOTE_PLACEHOLDER = "What changed and why"
"""The note `advocacy manifesto check` suggests, to be replaced by the writer's own words."""


def as_date(value: Any) -> dt.date:
    """The first day of a date the field checker has read (the fields of these files are days)."""
    assert isinstance(value, PartialDate)
    return value.first_day


def _changes(node: Node | None, values: list[dict[str, Any]]) -> tuple[Change, ...]:
    # The checker leaves out the items that are not mappings: so do the lines, to stay aligned with the values.
    lines = (
        [item.line for item in node.items if isinstance(item, Mapping)] if isinstance(node, Sequence) else []
    )
    return tuple(
        Change(v["clause"], v["change"], v["note"], lines[n] if n < len(lines) else 0)
        for n, v in enumerate(values)
        if {"clause", "change", "note"} <= v.keys()
    )


def read_changelog(
    text: str, display: str, languages: tuple[str, ...]
) -> tuple[Changelog | None, list[Problem]]:
    """Read and check ``changelog.yml``."""
    model = load_manifesto_model()
    try:
        node = parse(text)
    except YamlError as exc:
        return None, [Problem(display, exc.line, None, exc.message)]
    if not isinstance(node, Mapping):
        return None, [
            Problem(display, 1, None, "the changelog must have the fields unreleased: and versions:")
        ]
    checker = FieldChecker(display, {}, languages)
    values = checker.check_fields(node, model.changelog)
    problems = checker.problems
    unreleased = _changes(node.items.get("unreleased"), values.get("unreleased", []))
    releases = []
    versions_node = node.items.get("versions")
    items = (
        [i for i in versions_node.items if isinstance(i, Mapping)]
        if isinstance(versions_node, Sequence)
        else []
    )
    for number, entry in enumerate(values.get("versions", []), start=1):
        item = items[number - 1] if number - 1 < len(items) else None
        line = item.line if item is not None else 1
        if not {"version", "date", "status", "summary"} <= entry.keys():
            continue
        if parse_version(entry["version"]) is None:
            problems.append(
                Problem(
                    display,
                    line,
                    f"versions[{number}].version",
                    f'"{entry["version"]}" is not a version number; write MAJOR.MINOR.PATCH, such as 1.2.0',
                )
            )
            continue
        changes_node = item.items.get("changes") if isinstance(item, Mapping) else None
        releases.append(
            Release(
                entry["version"],
                as_date(entry["date"]),
                entry["status"],
                entry["summary"],
                _changes(changes_node, entry.get("changes", [])),
                line,
                entry.get("consultation"),
                as_date(entry["consultation_from"]) if "consultation_from" in entry else None,
                as_date(entry["adopted"]) if "adopted" in entry else None,
            )
        )
    order = [parse_version(r.version) for r in releases]
    for number in range(1, len(releases)):
        if not order[number - 1] > order[number]:  # type: ignore[operator]
            problems.append(
                Problem(
                    display,
                    releases[number].line,
                    "versions",
                    f"list versions newest first, each once: {releases[number - 1].version} comes before {releases[number].version}",
                )
            )
    return Changelog(unreleased, tuple(releases)), problems
