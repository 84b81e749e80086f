"""Reading a manifesto text: its parts and clauses, each heading ending with a stable id (``### Title {#id}``), and their words as plain paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from advocacy.content.casefile import email_problem
from advocacy.manifesto.model import CLAUSE_ID, Clause, ManifestoText
from advocacy.reading.body import scan_body
from advocacy.reading.git import file_at
from advocacy.reading.problems import Problem
from advocacy.reading.sourcefile import split_frontmatter

_ID_SUFFIX = re.compile(r"\{\s*#([^\s}]*)\s*\}\s*$")


_ATTRIBUTES = re.compile(r"\{([^}]*)\}\s*$")


def parse_text(text: str, display: str) -> tuple[ManifestoText | None, list[Problem]]:
    """Read one manifesto file: its title, version and clauses, and every problem of its headings."""
    source, problems = split_frontmatter(text, display, 65536)
    if source is None:
        return None, problems
    try:
        values = yaml.safe_load(source.frontmatter) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = source.frontmatter_line + mark.line if mark is not None else 1
        return None, [*problems, Problem(display, line, None, f"the frontmatter is not valid YAML: {exc}")]
    if not isinstance(values, dict):
        values = {}
    title = values.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(
            Problem(display, 1, "title", 'the manifesto needs a title: add "title: ..." to its frontmatter')
        )
        title = ""
    version = values.get("version")
    clauses, clause_problems = read_clauses(source.body, source.body_line, display)
    problems.extend(clause_problems)
    if not clauses:
        problems.append(
            Problem(display, None, None, "the manifesto has no clauses (### Title {#id} headings)")
        )
    text_version = str(version) if version is not None else None
    return ManifestoText(display, title.strip(), tuple(clauses), text_version), problems


def read_clauses(body_text: str, first_line: int, display: str) -> tuple[list[Clause], list[Problem]]:
    """The parts and clauses of a manifesto's body (whose first line is line ``first_line`` of its file), and
    the problems of their headings."""
    problems: list[Problem] = []
    scanned = scan_body(body_text, first_line)
    headings = scanned.headings
    for item in scanned.unsafe:
        what = (
            "raw HTML" if item.kind == "html" else "a link address that is not http, https, mailto or a path"
        )
        problems.append(
            Problem(display, item.line, None, f'found {what} ("{item.text}"); write Markdown without it')
        )
    problems += [email_problem(display, email) for email in scanned.emails]
    lines = body_text.split("\n")
    clauses: list[Clause] = []
    seen: dict[str, int] = {}
    starts = [h for h in headings if h.level <= 3]
    for index, heading in enumerate(starts):
        raw = lines[heading.line - first_line]
        if heading.level == 1:
            problems.append(
                Problem(
                    display,
                    heading.line,
                    None,
                    "the title is in the frontmatter; start parts with ## and clauses with ###",
                )
            )
            continue
        match = _ID_SUFFIX.search(raw)
        attributes = _ATTRIBUTES.search(raw)
        if match is None and attributes is not None:
            problems.append(
                Problem(
                    display,
                    heading.line,
                    None,
                    f'the heading "{heading.text}" has "{{{attributes.group(1).strip()}}}" after it; write only '
                    f"its id there, such as {{#{suggest_id(heading.text)}}}: other attributes are not published",
                )
            )
            continue
        if match is None:
            problems.append(
                Problem(
                    display,
                    heading.line,
                    None,
                    f'the heading "{heading.text}" has no id; end it with one that will never change, such as '
                    f'"{"#" * heading.level} {heading.text} {{#{suggest_id(heading.text)}}}"',
                )
            )
            continue
        clause_id = match.group(1)
        if not CLAUSE_ID.fullmatch(clause_id):
            problems.append(
                Problem(
                    display,
                    heading.line,
                    None,
                    f'"{clause_id}" is not a valid clause id; use lowercase Latin letters, digits and hyphens '
                    "(the id is the same in every language)",
                )
            )
            continue
        if clause_id in seen:
            problems.append(
                Problem(
                    display,
                    heading.line,
                    None,
                    f'the id "{clause_id}" is already used on line {seen[clause_id]}; give each heading its own id',
                )
            )
            continue
        seen[clause_id] = heading.line
        end = starts[index + 1].line if index + 1 < len(starts) else first_line + len(lines)
        body = "\n".join(lines[heading.line + 1 - first_line : end - first_line]).strip("\n")
        clauses.append(Clause(clause_id, heading.level, heading.text, body, heading.line))
    return clauses, problems


def suggest_id(title: str) -> str:
    """An id made from a Latin-script title (``Free knowledge`` -> ``free-knowledge``), or ``clause-id``."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words[:4]) or "clause-id"


def same_text(a: ManifestoText, b: ManifestoText) -> bool:
    """Whether two texts say the same: same title, same clauses in the same order with the same words."""
    return a.title == b.title and [(c.id, c.title, c.paragraphs) for c in a.clauses] == [
        (c.id, c.title, c.paragraphs) for c in b.clauses
    ]


def text_at(root: Path, revision: str | None, path: str) -> ManifestoText | None:
    """The manifesto text of a file at a revision, or ``None`` when it is missing or unreadable there."""
    content = file_at(root, revision, path)
    if content is None:
        return None
    text, _ = parse_text(content, path)
    return text
