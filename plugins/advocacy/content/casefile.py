"""A case file: reading and checking one ``cases/<id>[.<lang>].md`` on its own.

Checks that need other files (duplicate languages, a missing original, links to other cases, images in the
media folder) are made by :mod:`advocacy.content.repository` once every file has been read.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from advocacy.content.fields import TERM_ID, FieldChecker, Reference
from advocacy.content.model import CaseModel
from advocacy.content.pages import load_page_model
from advocacy.locales.strings import section_headings
from advocacy.reading.body import Attribute, Email, Heading, Image, Unsafe, scan_body
from advocacy.reading.problems import Problem, Severity
from advocacy.reading.sourcefile import read_text, split_frontmatter, unreadable_problem
from advocacy.reading.strict_yaml import Mapping as YamlMapping
from advocacy.reading.strict_yaml import YamlError, parse

Kind = Literal["original", "translation"]


@dataclass(frozen=True)
class CaseFile:
    """One file of a case, as read and checked on its own.

    Attributes:
        path: Absolute path of the file.
        display: Path relative to the project root, for messages.
        case_id: The id from the file name.
        language: The language code from the file name (the default language when there is no suffix).
        kind: ``"original"`` (carries the metadata), ``"translation"``, or ``None`` when unreadable.
        meta: The valid frontmatter values.
        body: The Markdown body.
        references: Case ids named in ``related`` and ``inspired_by``.
        images: Images the body shows.
        problems: What is wrong with this file on its own.
    """

    path: Path
    display: str
    case_id: str
    language: str
    kind: Kind | None
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    references: tuple[Reference, ...] = ()
    images: tuple[Image, ...] = ()
    problems: tuple[Problem, ...] = ()


def read_case_file(
    path: Path,
    display: str,
    case_id: str,
    language: str,
    default_language: str,
    model: CaseModel,
    terms: Mapping[str, Collection[str]],
    languages: tuple[str, ...],
) -> CaseFile:
    """Read and check one case file; never raises for a content mistake."""
    text, problems = read_text(path, display, model.limits.file_bytes)
    if text is None:
        return CaseFile(path, display, case_id, language, None, problems=tuple(problems))
    source, split_problems = split_frontmatter(text, display, model.limits.frontmatter_bytes)
    problems += split_problems
    if source is None:
        return CaseFile(path, display, case_id, language, None, problems=tuple(problems))
    try:
        # Leading newlines make the parser count lines as the file does.
        node = parse("\n" * (source.frontmatter_line - 1) + source.frontmatter)
    except YamlError as exc:
        problems.append(Problem(display, exc.line, None, exc.message))
        return CaseFile(path, display, case_id, language, None, problems=tuple(problems))
    if node is None:
        node = YamlMapping({}, source.frontmatter_line)
    if not isinstance(node, YamlMapping):
        problems.append(
            Problem(
                display,
                source.frontmatter_line,
                None,
                "the frontmatter must be fields written as 'name: value' lines, one per line; "
                "found a single value or a list",
            )
        )
        return CaseFile(path, display, case_id, language, None, problems=tuple(problems))
    _name_fields(problems, node)

    checker = FieldChecker(display, terms, languages)
    if "translation" in node.items:
        kind: Kind = "translation"
        meta = checker.check_fields(
            node,
            model.translation_fields,
            unknown_hint="a translation carries only title, summary and translation; the other fields "
            "belong in the original file of the case, which holds the metadata for every language",
        )
    else:
        kind = "original"
        meta = checker.check_fields(node, model.fields)
        _check_consistency(checker, node, meta)
    problems += checker.problems

    body = scan_body(source.body, source.body_line)
    problems += _check_sections(display, body.headings, language, default_language, model)
    problems += _check_section_text(
        display, source.body, source.body_line, body.headings, language, default_language, model
    )
    problems += [_unsafe_problem(display, item) for item in body.unsafe]
    problems += [p for item in body.attributes if (p := attribute_problem(display, item)) is not None]
    problems += [email_problem(display, item) for item in body.emails]
    if source.unreadable is not None and not any(p.severity is Severity.ERROR for p in problems):
        # Only when nothing else keeps the file out: MkDocs would publish its frontmatter as text.
        problems.append(unreadable_problem(display, source.unreadable))
    return CaseFile(
        path,
        display,
        case_id,
        language,
        kind,
        meta,
        source.body,
        tuple(checker.references),
        tuple(body.images),
        tuple(problems),
    )


def attribute_problem(display: str, item: Attribute) -> Problem | None:
    """What is wrong with one part of an attribute list (``{: ...}``), or ``None`` when it may be published:
    an id, or a class the page model documents."""
    classes = load_page_model().classes
    documented = (
        "the classes documented in docs/contribute/case-model.md: " + ", ".join(f".{c}" for c in classes)
        if classes
        else "no class is documented yet"
    )
    if item.kind == "id":
        if TERM_ID.fullmatch(item.name):
            return None
        return Problem(
            display,
            item.line,
            None,
            f'"#{item.name}" is not an id a page may use; write lowercase Latin letters, digits and hyphens '
            "(such as {#what-we-did})",
        )
    if item.kind == "class":
        if item.name in classes:
            return None
        return Problem(
            display,
            item.line,
            None,
            f'the class ".{item.name}" cannot be used: the site\'s own classes would let a page restyle its '
            f"interface; an attribute list may give an id ({{#some-id}}) or a class of its list ({documented})",
        )
    what = f"{item.name}={item.value}" if item.value is not None else item.name
    if item.name.lower() in {"src", "href", "srcset", "action", "data", "poster"}:
        hint = (
            "show an image of cases/media/ with ![description](media/file-name.png) and link with "
            "[text](https://...)"
        )
    else:
        hint = "an attribute list may give only an id ({#some-id}) or a documented class"
    return Problem(
        display,
        item.line,
        None,
        f'the attribute list sets "{what}", which is not published; {hint}',
    )


def email_problem(display: str, item: Email) -> Problem:
    """An e-mail address written in a body: never published."""
    return Problem(
        display,
        item.line,
        None,
        f'found the e-mail address "{item.address}"; e-mail addresses are never published (they identify '
        "people): leave it out or name the organisation to contact (a mailing list's archive goes under "
        "sources, as its web address)",
    )


def _unsafe_problem(display: str, item: Unsafe) -> Problem:
    if item.kind == "html" and item.text.lower() == "<img>":
        return Problem(
            display,
            item.line,
            None,
            "raw HTML (<img>) is not published; show an image in Markdown: put the file in cases/media/ and "
            "write ![what the image shows](media/<file name>)",
        )
    if item.kind == "html":
        return Problem(
            display,
            item.line,
            None,
            f"raw HTML ({item.text}) is not published; write the text in Markdown (*emphasis*, **strong**, "
            "[a link](https://...), lists with -), or put code between backticks",
        )
    return Problem(
        display,
        item.line,
        None,
        f'"{item.text}" is not an address a reader can follow safely; link to an https:// (or http://, '
        "mailto:) address, or to a page of the site",
    )


def _name_fields(problems: list[Problem], node: YamlMapping) -> None:
    """Attach the field name to character problems found on a field's lines before parsing."""
    if not problems:
        return
    starts = sorted((line, key) for key, line in node.key_lines.items())
    for index, problem in enumerate(problems):
        if problem.field is None and problem.line is not None:
            owner = [key for line, key in starts if line <= problem.line]
            if owner:
                problems[index] = Problem(problem.file, problem.line, owner[-1], problem.message)


def _check_consistency(checker: FieldChecker, node: YamlMapping, meta: dict[str, Any]) -> None:
    """Rules that tie several fields of an original together."""
    lines = node.key_lines
    if "end_date" in meta:
        if meta.get("outcome") == "ongoing":
            checker.report(
                lines["end_date"],
                "end_date",
                'the outcome is "ongoing", so there is no end date yet; delete end_date or change the outcome',
            )
        elif "date" in meta and meta["end_date"].last_day < meta["date"].first_day:
            checker.report(
                lines["end_date"],
                "end_date",
                f"the end date {meta['end_date']} is before the start date {meta['date']}; check both",
            )
    if "reviewed_by" in meta and "last_reviewed" not in node.items:
        checker.report(
            lines["reviewed_by"], "last_reviewed", "add last_reviewed, the day the facts were checked"
        )
    if "last_reviewed" in meta and "reviewed_by" not in node.items:
        checker.report(
            lines["last_reviewed"], "reviewed_by", "add reviewed_by, the handle of who checked the facts"
        )
    both = set(meta.get("related", ())) & set(meta.get("inspired_by", ()))
    for case_id in sorted(both):
        checker.report(
            lines["related"],
            "related",
            f'"{case_id}" is also in inspired_by; list it there only',
            warning=True,
        )


def _check_sections(
    display: str, headings: list[Heading], language: str, default_language: str, model: CaseModel
) -> list[Problem]:
    problems = []
    names = section_headings(language)
    fallback = section_headings(default_language)
    recognised: dict[str, str] = {}
    for section in model.sections:
        recognised[names[section].casefold()] = section
        recognised.setdefault(fallback[section].casefold(), section)
    found: dict[str, int] = {}
    order = []
    others: list[Heading] = []
    for heading in headings:
        if heading.level == 1:
            problems.append(
                Problem(
                    display,
                    heading.line,
                    None,
                    f'remove the level-1 heading "# {heading.text}": the page title comes from the title '
                    "field; sections start with ##",
                )
            )
            continue
        if heading.level != 2:
            continue
        if heading.text.casefold() not in recognised:
            others.append(heading)
            continue
        section = recognised[heading.text.casefold()]
        if section in found:
            problems.append(
                Problem(
                    display,
                    heading.line,
                    None,
                    f'the section "{names[section]}" appears twice (first on line {found[section]}); '
                    "merge the two",
                )
            )
            continue
        found[section] = heading.line
        order.append(section)
    renamed = _renamed_sections(others, [s for s in model.sections if s not in found], recognised, model)
    for section, heading in renamed.items():
        problems.append(
            Problem(
                display,
                heading.line,
                None,
                f'the heading "## {heading.text}" is not a section name; rename it "## {names[section]}" (the '
                f"section with {model.sections[section]})",
            )
        )
    for section, what in model.sections.items():
        if section not in found and section not in renamed:
            problems.append(
                Problem(
                    display,
                    None,
                    None,
                    f'the section "{names[section]}" is missing; add a heading "## {names[section]}" '
                    f"with {what}",
                )
            )
    expected = [s for s in model.sections if s in found]
    if order != expected:
        wanted = ", ".join(names[s] for s in model.sections)
        problems.append(
            Problem(
                display,
                found[order[0]] if order else None,
                None,
                f"put the sections in this order: {wanted}",
            )
        )
    return problems


def _renamed_sections(
    others: list[Heading], missing: list[str], recognised: dict[str, str], model: CaseModel
) -> dict[str, Heading]:
    """The level-2 headings that stand for a missing section under another name ("Results" for Outcome, or a
    misspelt name), by section."""
    found: dict[str, Heading] = {}
    for heading in others:
        text = heading.text.casefold()
        section = next((s for s in missing if text in model.section_aliases.get(s, ())), None)
        if section is None:
            close = difflib.get_close_matches(text, list(recognised), n=1, cutoff=0.8)
            section = recognised[close[0]] if close and recognised[close[0]] in missing else None
        if section is not None and section not in found:
            found[section] = heading
    return found


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def _check_section_text(
    display: str,
    body: str,
    body_line: int,
    headings: list[Heading],
    language: str,
    default_language: str,
    model: CaseModel,
) -> list[Problem]:
    """Each of the four sections holds text of its own, not only the guidance comment `advocacy new` writes."""
    names = section_headings(language)
    by_name = {section_headings(default_language)[s].casefold(): s for s in model.sections}
    by_name.update({names[section].casefold(): section for section in model.sections})
    lines = body.split("\n")
    starts = [h for h in headings if h.level <= 2]
    problems = []
    seen: set[str] = set()
    for number, heading in enumerate(starts):
        section = by_name.get(heading.text.casefold()) if heading.level == 2 else None
        if section is None or section in seen:
            continue
        seen.add(section)
        end = starts[number + 1].line if number + 1 < len(starts) else body_line + len(lines)
        text = "\n".join(lines[heading.line - body_line + 1 : end - body_line])
        if not _COMMENT.sub("", text).strip():
            name = names[section]
            problems.append(
                Problem(
                    display,
                    heading.line,
                    None,
                    f'the section "{name}" holds no text yet; write the {name} section: {model.sections[section]}',
                )
            )
    return problems
