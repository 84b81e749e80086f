"""Vocabularies: the terms cases may use for topics, methods, dossiers, organizations, forums and licences.

Each vocabulary is a YAML file in ``cases/vocabularies/`` that contributors extend by pull request; its rules
are part of the content model (``vocabularies:`` in ``case-model.yml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advocacy.content.fields import TERM_ID, FieldChecker
from advocacy.content.model import CaseModel
from advocacy.content.project import Project
from advocacy.reading.problems import Problem
from advocacy.reading.sourcefile import read_text
from advocacy.reading.strict_yaml import Mapping, YamlError, parse

# The ids of licences: SPDX identifiers (CC-BY-SA-4.0).
SPDX_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]*")


@dataclass(frozen=True)
class Term:
    """One term of a vocabulary.

    Attributes:
        id: The id cases use.
        fields: The term's checked fields (``label`` is a mapping of language code to text).
        line: Where the term starts in its file.
    """

    id: str
    fields: dict[str, Any]
    line: int

    def label(self, language: str, default_language: str) -> str:
        """The term's name in ``language``, else in the default language, else its ``name`` or id."""
        labels = self.fields.get("label") or {}
        return str(labels.get(language) or self.fields.get("name") or labels.get(default_language) or self.id)

    def description(self, language: str, default_language: str) -> tuple[str, str] | None:
        """The term's description in ``language``, else in the default language, with the language of the
        text returned (so that a page can mark a text that is not in its own language); ``None`` without one."""
        texts = self.fields.get("description") or {}
        for code in (language, default_language):
            if texts.get(code):
                return str(texts[code]), code
        return None


@dataclass
class Vocabularies:
    """Every vocabulary of the project, and the problems found in their files."""

    terms: dict[str, dict[str, Term]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def ids(self) -> dict[str, frozenset[str]]:
        """The known ids of each vocabulary."""
        return {name: frozenset(terms) for name, terms in self.terms.items()}


def load_vocabularies(project: Project, model: CaseModel) -> Vocabularies:
    """Read and check every vocabulary file; a term with problems still counts as known."""
    result = Vocabularies()
    parsed: dict[str, tuple[str, Mapping]] = {}
    folder = project.vocabularies_dir
    paths = sorted(folder.iterdir()) if folder.is_dir() else []
    for path in paths:
        display = project.relative(path)
        if path.suffix != ".yml" or path.stem not in model.vocabularies:
            result.problems.append(
                Problem(
                    display,
                    None,
                    None,
                    "this file is not a vocabulary and is not read; the vocabularies are "
                    + ", ".join(f"{name}.yml" for name in model.vocabularies),
                )
            )
            continue
        node = _read(path, display, model, result.problems)
        if node is not None:
            parsed[path.stem] = (display, node)
    for name in model.vocabularies:
        if name not in parsed and not any(p.file.endswith(f"/{name}.yml") for p in result.problems):
            result.problems.append(
                Problem(
                    project.relative(folder / f"{name}.yml"), None, None, "the vocabulary file is missing"
                )
            )
    ids = {name: frozenset(node.items) for name, (_, node) in parsed.items()}
    for name, (display, node) in parsed.items():
        checker = FieldChecker(display, ids, project.language_codes)
        terms = {}
        for term_id, entry in node.items.items():
            line = node.key_lines[term_id]
            pattern = SPDX_ID if name == "licenses" else TERM_ID
            if not pattern.fullmatch(term_id):
                checker.report(
                    line, term_id, f'"{term_id}" is not a valid id; use lowercase letters, digits and hyphens'
                )
            if not isinstance(entry, Mapping):
                checker.report(line, term_id, "expected the fields of the term on indented lines")
                terms[term_id] = Term(term_id, {}, line)
                continue
            values = checker.check_fields(entry, model.vocabularies[name], term_id)
            terms[term_id] = Term(term_id, values, line)
        result.terms[name] = terms
        result.problems.extend(checker.problems)
    for name in model.vocabularies:
        result.terms.setdefault(name, {})
    return result


def _read(path: Path, display: str, model: CaseModel, problems: list[Problem]) -> Mapping | None:
    text, read_problems = read_text(path, display, model.limits.file_bytes)
    problems.extend(read_problems)
    if text is None:
        return None
    try:
        node = parse(text)
    except YamlError as exc:
        problems.append(Problem(display, exc.line, None, exc.message))
        return None
    if node is None:
        return Mapping({}, 1)
    if not isinstance(node, Mapping):
        problems.append(
            Problem(display, node.line, None, "a vocabulary must be a mapping of term ids to terms")
        )
        return None
    return node
