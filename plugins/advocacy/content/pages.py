"""The site's other pages (documentation in ``docs/``, the manifesto's texts) and their folders, checked like
cases: the frontmatter against the allow-list of ``advocacy/data/page-model.yml``, read exactly where and as
MkDocs reads it; the files against the folders' allowed types; the images like the cases' images.

MkDocs hands a page's frontmatter to the theme as it is, and Material prints several keys into the page as
HTML (``author``, ``template``, ``subtitle``, ``status``...), some in ``<head>``. Only the fields listed in the
model reach the theme, with their values checked (plain text, no markup); the build replaces each page's
metadata with the checked values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from advocacy.content.fields import FieldChecker
from advocacy.content.media import image_problems
from advocacy.content.model import FieldSpec, field_specs, load_model
from advocacy.content.project import Project
from advocacy.content.tree import MANIFESTO, site_files
from advocacy.reading.problems import Problem, sort_problems
from advocacy.reading.sourcefile import (
    forbidden_characters,
    read_text,
    split_as_mkdocs,
    unreadable_problem,
)
from advocacy.reading.strict_yaml import Mapping as YamlMapping
from advocacy.reading.strict_yaml import YamlError, parse


@dataclass(frozen=True)
class PageModel:
    """The rules of ``page-model.yml``.

    Attributes:
        page_fields: The frontmatter fields of a documentation page.
        manifesto_fields: The frontmatter fields of a manifesto text.
        formats: The file extensions allowed in ``docs`` and in ``manifesto``.
        classes: Classes a contributor may give with an attribute list, with what each does.
        markdown_classes: Classes the site's Markdown extensions write, which the sanitiser keeps.
    """

    page_fields: dict[str, FieldSpec]
    manifesto_fields: dict[str, FieldSpec]
    formats: dict[str, tuple[str, ...]]
    classes: dict[str, str]
    markdown_classes: frozenset[str]


@cache
def load_page_model() -> PageModel:
    """The page model shipped with the package."""
    text = (resources.files("advocacy") / "data" / "page-model.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return PageModel(
        page_fields=field_specs(data["frontmatter"]["page"]),
        manifesto_fields=field_specs(data["frontmatter"]["manifesto"]),
        formats={name: tuple(kinds) for name, kinds in data["files"].items()},
        classes=dict(data["classes"] or {}),
        markdown_classes=frozenset(data["markdown_classes"]) | frozenset(data["admonition_types"]),
    )


@dataclass
class Pages:
    """The checked pages and files of ``docs/`` and ``manifesto/``.

    Attributes:
        meta: For each page (its path relative to ``docs/``), the frontmatter fields that are valid: what the
            theme may be given.
        refused: Files (relative to ``docs/``) that must not be published.
        problems: Everything found, sorted.
    """

    meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    refused: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)


def check_pages(project: Project, model: PageModel | None = None) -> Pages:
    """Check every file of ``docs/`` (with the manifesto's, not the cases', which the repository checks)."""
    model = model or load_page_model()
    limits = load_model().limits
    files = site_files(project, model.formats)
    result = Pages(refused=set(files.refused), problems=list(files.problems))
    for name in files.images:
        path = project.docs_dir / name
        for message in image_problems(path, limits):
            result.problems.append(Problem(project.relative(path), None, None, message))
            result.refused.add(name)
    for name in files.pages:
        real = _real_path(project, name)
        specs = model.manifesto_fields if name.startswith(MANIFESTO + "/") else model.page_fields
        meta, problems = read_page(
            real, project.relative(real), specs, project.language_codes, limits.file_bytes
        )
        result.meta[name] = meta
        result.problems.extend(problems)
    result.problems = sort_problems(set(result.problems))
    return result


def _real_path(project: Project, name: str) -> Path:
    """Where a page named relative to ``docs/`` is in the repository (manifesto pages are in ``manifesto/``)."""
    if name.startswith(MANIFESTO + "/"):
        return project.root / name
    return project.docs_dir / name


def read_page(
    path: Path, display: str, specs: dict[str, FieldSpec], languages: tuple[str, ...], max_bytes: int
) -> tuple[dict[str, Any], list[Problem]]:
    """The valid frontmatter fields of one page as MkDocs reads them, and the problems of the page."""
    text, problems = read_text(path, display, max_bytes)
    if text is None:
        return {}, problems
    split = split_as_mkdocs(text)
    if split.kind == "none":
        return {}, problems
    if split.kind == "multimarkdown":
        _, _, line = split.fields[0]
        names = ", ".join(f'"{name}"' for name, _, _ in split.fields)
        problems.append(
            Problem(
                display,
                line,
                None,
                f"MkDocs reads the first lines of this page as its fields ({names}: MultiMarkdown metadata) and "
                f"does not show them; put a blank line or a heading before line {line}, or write fields between "
                'two lines "---"',
            )
        )
        return {}, problems
    if split.kind == "unreadable":
        assert split.reason is not None
        return {}, [*problems, unreadable_problem(display, split.reason)]
    if split.closing == "...":
        problems.append(
            Problem(
                display,
                split.closing_line,
                None,
                'the frontmatter ends with "..."; write "---" there, as at its start',
            )
        )
    character_problems = forbidden_characters(split.frontmatter, display, 2)
    if character_problems:
        return {}, [*problems, *character_problems]
    try:
        node = parse("\n" + split.frontmatter)
    except YamlError as exc:
        return {}, [*problems, Problem(display, exc.line, None, exc.message)]
    if node is None:
        return {}, problems
    if not isinstance(node, YamlMapping):
        return {}, [
            *problems,
            Problem(display, 2, None, "the frontmatter must be fields written as 'name: value' lines"),
        ]
    checker = FieldChecker(display, {}, languages)
    meta = checker.check_fields(
        node,
        specs,
        unknown_hint=f"the fields of this page are {', '.join(specs)} (the theme acts on other fields, some "
        "by printing them into the page: plugins/advocacy/data/page-model.yml lists those allowed)",
    )
    return meta, [*problems, *checker.problems]
