"""The manifesto: its clauses, its changelog, its released versions and the endorsements of those versions.

Files (all under ``manifesto/``):

- ``index.md`` (and ``index.<language>.md``): the current text. Every heading of level 2 (a part) or 3 (a
  clause) ends with a stable id, ``### Title {#id}``, the same in every language.
- ``changelog.yml``: the changes not released yet (``unreleased``), and every released version with its date,
  status and summary.
- ``versions/<version>/index.md`` (and its translations): the text of a released version, frozen.
- ``endorsements/<organization-id>.yml``: an organisation, and the versions it endorses.

The rules that are data (change kinds, the adoption rule, the fields of the data files) are in
``advocacy/data/manifesto-model.yml``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import markdown  # type: ignore[import-untyped]  # Python-Markdown ships no type hints
import yaml

from advocacy.body import scan_all
from advocacy.dates import PartialDate
from advocacy.fields import FieldChecker
from advocacy.model import FieldSpec, _specs
from advocacy.pins import pinned_to
from advocacy.problems import Problem
from advocacy.project import Project
from advocacy.regions import regions_of
from advocacy.sourcefile import read_text, split_frontmatter
from advocacy.strict_yaml import Mapping, Node, Sequence, YamlError, parse

CLAUSE_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
VERSION = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
_ID_SUFFIX = re.compile(r"\{\s*#([^\s}]*)\s*\}\s*$")
_ATTRIBUTES = re.compile(r"\{([^}]*)\}\s*$")
MAX_FILE_BYTES = 262144
LEVELS = ("patch", "minor", "major")


@dataclass(frozen=True)
class ManifestoModel:
    """The rules of ``manifesto-model.yml``."""

    change_kinds: dict[str, str]
    consultation_days: int
    endorsements: int
    regions: int
    changelog: dict[str, FieldSpec]
    endorsement: dict[str, FieldSpec]


@cache
def load_manifesto_model() -> ManifestoModel:
    """The manifesto model shipped with the package."""
    text = (resources.files("advocacy") / "data" / "manifesto-model.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return ManifestoModel(
        change_kinds=dict(data["change_kinds"]),
        consultation_days=int(data["adoption"]["consultation_days"]),
        endorsements=int(data["adoption"]["endorsements"]),
        regions=int(data["adoption"]["regions"]),
        changelog=_specs(data["changelog"]),
        endorsement=_specs(data["endorsement"]),
    )


# Text and clauses ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    """A part (level 2) or a clause (level 3) of the manifesto.

    Attributes:
        id: Its stable id.
        level: 2 for a part heading, 3 for a clause.
        title: The heading's text, without its id.
        body: The Markdown under the heading, up to the next heading.
        line: The heading's line in its file.
    """

    id: str
    level: int
    title: str
    body: str
    line: int

    @cached_property
    def paragraphs(self) -> tuple[str, ...]:
        """The body as plain text, one string per paragraph or list item (what a reader reads)."""
        return plain_paragraphs(self.body)


@dataclass(frozen=True)
class ManifestoText:
    """One file of the manifesto: the current text or a released one, in one language."""

    display: str
    title: str
    clauses: tuple[Clause, ...]
    version: str | None = None

    @cached_property
    def by_id(self) -> dict[str, Clause]:
        """The clauses by id."""
        return {clause.id: clause for clause in self.clauses}


class _Text(HTMLParser):
    """Collects the text of rendered Markdown, one string per block."""

    BLOCKS = frozenset({"p", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        self.current.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []


def plain_paragraphs(body: str) -> tuple[str, ...]:
    """The text of Markdown as a reader sees it, without markup: one string per block."""
    parser = _Text()
    parser.feed(markdown.markdown(body, extensions=["attr_list", "def_list", "fenced_code", "tables"]))
    parser.close()
    parser.flush()
    return tuple(parser.blocks)


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
    headings, _, unsafe = scan_all(body_text, first_line)
    for item in unsafe:
        what = (
            "raw HTML" if item.kind == "html" else "a link address that is not http, https, mailto or a path"
        )
        problems.append(
            Problem(display, item.line, None, f'found {what} ("{item.text}"); write Markdown without it')
        )
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


# Versions --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Version:
    """A semantic version number."""

    major: int
    minor: int
    patch: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    def raised(self, level: str) -> Version:
        """The next version for a change of this level (``patch``, ``minor`` or ``major``)."""
        if level == "major":
            return Version(self.major + 1, 0, 0)
        if level == "minor":
            return Version(self.major, self.minor + 1, 0)
        return Version(self.major, self.minor, self.patch + 1)


def parse_version(text: str) -> Version | None:
    """``Version(1, 2, 0)`` for ``"1.2.0"``; ``None`` for anything else."""
    match = VERSION.fullmatch(text)
    return Version(*(int(part) for part in match.groups())) if match else None


def level_of(kinds: Iterable[str], current: Version, model: ManifestoModel) -> str:
    """The part of the version number a release with these kinds of change raises.

    Before 1.0.0 (a draft) a major change raises the middle number and every other change the last one.
    """
    rank = max((LEVELS.index(model.change_kinds[kind]) for kind in kinds), default=0)
    if current.major == 0:
        rank = max(0, rank - 1)
    return LEVELS[rank]


# Changelog and endorsements --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One item of the changelog: a clause, the kind of change, and why."""

    clause: str
    change: str
    note: str
    line: int


@dataclass(frozen=True)
class Release:
    """A released version as the changelog records it."""

    version: str
    date: dt.date
    status: str
    summary: str
    changes: tuple[Change, ...]
    line: int
    consultation: str | None = None
    consultation_from: dt.date | None = None
    adopted: dt.date | None = None


@dataclass(frozen=True)
class Changelog:
    """The changelog: what is not released yet, and the releases, newest first."""

    unreleased: tuple[Change, ...]
    releases: tuple[Release, ...]

    @property
    def latest(self) -> Release | None:
        """The newest release."""
        return self.releases[0] if self.releases else None

    def release(self, version: str) -> Release | None:
        """The release of this version, or ``None``."""
        return next((r for r in self.releases if r.version == version), None)

    def previous(self, version: str) -> Release | None:
        """The release before this version, or ``None`` for the first."""
        versions = [r.version for r in self.releases]
        index = versions.index(version)
        return self.releases[index + 1] if index + 1 < len(self.releases) else None


@dataclass(frozen=True)
class Endorsement:
    """An organisation's endorsement of one version."""

    organization: str
    name: str
    type: str
    country: str
    website: str
    version: str
    date: dt.date
    evidence: str
    line: int | None = None


@dataclass
class Manifesto:
    """Everything of the manifesto the site and the checks need.

    Attributes:
        texts: The current text, by language code.
        versions: The released texts, by version and language code.
        changelog: The changelog (``None`` when it is missing or unreadable).
        endorsements: Every valid endorsement.
        problems: Everything wrong, worded for the person who has to fix it.
        current_languages: The languages whose current text follows the original as it is now (the
            original's, and each translation pinned to it).
    """

    default: str
    texts: dict[str, ManifestoText] = field(default_factory=dict)
    versions: dict[str, dict[str, ManifestoText]] = field(default_factory=dict)
    changelog: Changelog | None = None
    endorsements: list[Endorsement] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    current_languages: set[str] = field(default_factory=set)

    @property
    def current(self) -> ManifestoText | None:
        """The current text in the default language."""
        return self.texts.get(self.default)

    def endorsements_of(self, version: str) -> list[Endorsement]:
        """The endorsements of one version, by name."""
        return sorted((e for e in self.endorsements if e.version == version), key=lambda e: e.name.casefold())

    def retired_ids(self) -> set[str]:
        """Ids of clauses the changelog records as removed: they are never used again."""
        if self.changelog is None:
            return set()
        items = [*self.changelog.unreleased, *(c for r in self.changelog.releases for c in r.changes)]
        return {c.clause for c in items if c.change == "removed"}


def _as_date(value: Any) -> dt.date:
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
                _as_date(entry["date"]),
                entry["status"],
                entry["summary"],
                _changes(changes_node, entry.get("changes", [])),
                line,
                entry.get("consultation"),
                _as_date(entry["consultation_from"]) if "consultation_from" in entry else None,
                _as_date(entry["adopted"]) if "adopted" in entry else None,
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
            _as_date(item["date"]),
            item["evidence"],
            lines[number] if number < len(lines) else None,
        )
        for number, item in enumerate(values.get("endorsements", []))
        if {"version", "date", "evidence"} <= item.keys()
    ], problems


# Loading and checking --------------------------------------------------------------------------------------


def manifesto_dir(project: Project) -> Path:
    """The folder of the manifesto."""
    return project.root / "manifesto"


def text_files(folder: Path, languages: tuple[str, ...], default: str) -> dict[str, Path]:
    """``index.md`` and its translations in a folder, by language code."""
    found = {}
    for code in languages:
        path = folder / ("index.md" if code == default else f"index.{code}.md")
        if path.is_file():
            found[code] = path
    return found


def load_manifesto(project: Project, today: dt.date | None = None) -> Manifesto:
    """Read and check the whole manifesto: texts, changelog, released versions and endorsements."""
    default = project.default_language.code
    languages = project.language_codes
    folder = manifesto_dir(project)
    result = Manifesto(default)
    if not folder.is_dir():
        return result
    files = text_files(folder, languages, default)
    for code, path in files.items():
        text = _read(project, path, result.problems)
        if text is not None:
            result.texts[code] = text
    result.current_languages = pinned_languages(files, default)
    changelog_path = folder / "changelog.yml"
    display = project.relative(changelog_path)
    if changelog_path.is_file():
        content, problems = read_text(changelog_path, display, MAX_FILE_BYTES)
        result.problems.extend(problems)
        if content is not None:
            result.changelog, problems = read_changelog(content, display, languages)
            result.problems.extend(problems)
    elif result.texts:
        result.problems.append(
            Problem(
                display,
                None,
                None,
                "the manifesto has no changelog; create it with `unreleased: []` and the first version under `versions:`",
            )
        )
    versions_dir = folder / "versions"
    if versions_dir.is_dir():
        for entry in sorted(versions_dir.iterdir()):
            if not entry.is_dir():
                result.problems.append(
                    Problem(
                        project.relative(entry),
                        None,
                        None,
                        "only version folders (versions/1.0.0/) belong here",
                    )
                )
                continue
            texts = {}
            for code, path in text_files(entry, languages, default).items():
                text = _read(project, path, result.problems)
                if text is not None:
                    texts[code] = text
            result.versions[entry.name] = texts
    endorsements_dir = folder / "endorsements"
    if endorsements_dir.is_dir():
        for path in sorted(endorsements_dir.iterdir()):
            if path.suffix != ".yml":
                result.problems.append(
                    Problem(
                        project.relative(path),
                        None,
                        None,
                        "endorsements are .yml files, one per organisation",
                    )
                )
                continue
            endorsements, problems = read_endorsements(path, project.relative(path), languages)
            result.endorsements.extend(endorsements)
            result.problems.extend(problems)
    check_manifesto(project, result, today or dt.date.today())
    return result


def pinned_languages(files: dict[str, Path], default: str) -> set[str]:
    """The languages of one folder's texts that follow its original as it is now: the original's, and each
    translation pinned to it (none when the folder has no original)."""
    if default not in files:
        return set()
    source = files[default].read_text(encoding="utf-8")
    return {
        code
        for code, path in files.items()
        if code == default or pinned_to(source, path.read_text(encoding="utf-8"))
    }


def _read(project: Project, path: Path, problems: list[Problem]) -> ManifestoText | None:
    display = project.relative(path)
    content, read_problems = read_text(path, display, MAX_FILE_BYTES)
    problems.extend(read_problems)
    if content is None:
        return None
    text, text_problems = parse_text(content, display)
    problems.extend(text_problems)
    return text


def check_manifesto(project: Project, manifesto: Manifesto, today: dt.date) -> None:
    """The rules that span files: translations keep the ids, released versions match the changelog, the
    current text matches the last release unless changes are listed, ids are never reused, endorsements
    name released versions once, and an adopted version meets the adoption rule."""
    problems = manifesto.problems
    current = manifesto.current
    folder = manifesto_dir(project)
    if current is not None and current.version is not None:
        problems.append(
            Problem(
                current.display,
                1,
                "version",
                "the current text has no version of its own (a release gives it one); delete this line",
            )
        )
    earlier = {i for texts in manifesto.versions.values() for text in texts.values() for i in text.by_id}
    if current is not None:
        problems.extend(
            _check_translations(
                manifesto.texts, current, manifesto.current_languages, manifesto.default, earlier
            )
        )
        # In translations, an id the original lacks is reported as such (an outdated one may still hold a
        # clause removed since).
        for clause_id in sorted(manifesto.retired_ids() & set(current.by_id)):
            problems.append(
                Problem(
                    current.display,
                    current.by_id[clause_id].line,
                    None,
                    f'the id "{clause_id}" belonged to a removed clause and is never used again; choose a new id',
                )
            )
    changelog = manifesto.changelog
    if changelog is None:
        return
    known_ids = set(current.by_id) if current is not None else set()
    for version_texts in manifesto.versions.values():
        for text in version_texts.values():
            known_ids |= set(text.by_id)
    changelog_display = project.relative(folder / "changelog.yml")
    for change in changelog.unreleased:
        if change.clause not in known_ids:
            problems.append(
                Problem(
                    changelog_display,
                    change.line,
                    "unreleased",
                    f'no clause has the id "{change.clause}"; name the clause by the id in its heading ({{#...}})',
                )
            )
    for release in changelog.releases:
        texts = manifesto.versions.get(release.version)
        if not texts or manifesto.default not in texts:
            problems.append(
                Problem(
                    changelog_display,
                    release.line,
                    "versions",
                    f"version {release.version} has no frozen text; `advocacy manifesto release` writes manifesto/versions/{release.version}/index.md",
                )
            )
        if release.date > today:
            problems.append(
                Problem(
                    changelog_display,
                    release.line,
                    "versions",
                    f"version {release.version} is dated in the future ({release.date})",
                )
            )
        if release.status == "adopted":
            problems.extend(_adoption_problems(manifesto, release, changelog_display))
    for version, texts in manifesto.versions.items():
        display = project.relative(folder / "versions" / version)
        if changelog.release(version) is None:
            problems.append(
                Problem(
                    display,
                    None,
                    None,
                    f'the folder is not a released version: changelog.yml lists no version "{version}"',
                )
            )
        for text in texts.values():
            if text.version != version:
                problems.append(
                    Problem(
                        text.display, 1, "version", f'write "version: {version}", the version of its folder'
                    )
                )
        original = texts.get(manifesto.default)
        if original is not None:
            problems.extend(
                _check_translations(
                    texts,
                    original,
                    pinned_languages(
                        text_files(folder / "versions" / version, project.language_codes, manifesto.default),
                        manifesto.default,
                    ),
                    manifesto.default,
                    earlier,
                )
            )
    latest = changelog.latest
    if current is not None and latest is not None and not changelog.unreleased:
        frozen = manifesto.versions.get(latest.version, {}).get(manifesto.default)
        if frozen is not None and not same_text(frozen, current):
            problems.append(
                Problem(
                    changelog_display,
                    1,
                    "unreleased",
                    f"manifesto/index.md differs from version {latest.version}, but no change is listed under unreleased; add one item per clause changed (`advocacy manifesto diff` shows them)",
                )
            )
    _check_endorsements(project, manifesto, today)


def same_text(a: ManifestoText, b: ManifestoText) -> bool:
    """Whether two texts say the same: same title, same clauses in the same order with the same words."""
    return a.title == b.title and [(c.id, c.title, c.paragraphs) for c in a.clauses] == [
        (c.id, c.title, c.paragraphs) for c in b.clauses
    ]


def _check_translations(
    texts: dict[str, ManifestoText],
    original: ManifestoText,
    pinned: set[str],
    default: str,
    earlier: set[str],
) -> list[Problem]:
    """A translation uses the original's ids: none of its own, and all of them while it is current (in
    ``pinned``). An outdated translation may still hold ids of ``earlier`` versions, which its original has
    since removed."""
    found: list[Problem] = []
    for code, text in texts.items():
        if code == default:
            continue
        current = code in pinned
        extra = [c for c in text.clauses if c.id not in original.by_id and (current or c.id not in earlier)]
        problems: list[Problem] = []
        for clause in extra:
            problems.append(
                Problem(
                    text.display,
                    clause.line,
                    None,
                    f'the original has no clause "{clause.id}"; a translation uses the ids of {original.display}',
                )
            )
        if current:
            missing = [c for c in original.clauses if c.id not in text.by_id]
            if missing:
                ids = ", ".join(c.id for c in missing)
                problems.append(
                    Problem(
                        text.display,
                        None,
                        None,
                        f"the translation is pinned as current but lacks the clauses {ids}",
                    )
                )
        found.extend(problems)
    return found


def _adoption_problems(manifesto: Manifesto, release: Release, display: str) -> list[Problem]:
    """What an adopted version still lacks under the adoption rule."""
    model = load_manifesto_model()
    found = []
    version = parse_version(release.version)
    if version is not None and version.major == 0:
        found.append(
            f"versions before 1.0.0 are drafts; release {version.raised('major')} to adopt this text"
        )
    missing = [
        name for name in ("consultation", "consultation_from", "adopted") if getattr(release, name) is None
    ]
    if missing:
        found.append("an adopted version records " + ", ".join(missing))
    if release.consultation_from is not None and release.adopted is not None:
        days = (release.adopted - release.consultation_from).days
        if days < model.consultation_days:
            found.append(
                f"the consultation lasted {days} days; it must last at least {model.consultation_days}"
            )
    endorsers = manifesto.endorsements_of(release.version)
    regions = {regions_of(e.country)[0] for e in endorsers if regions_of(e.country)}
    if len(endorsers) < model.endorsements or len(regions) < model.regions:
        found.append(
            f"it has {len(endorsers)} endorsement(s) from {len(regions)} region(s); adoption needs "
            f"{model.endorsements} from {model.regions} regions (manifesto/endorsements/)"
        )
    return [
        Problem(display, release.line, "status", f"version {release.version} is marked adopted, but {text}")
        for text in found
    ]


def _check_endorsements(project: Project, manifesto: Manifesto, today: dt.date) -> None:
    changelog = manifesto.changelog
    folder = manifesto_dir(project) / "endorsements"
    seen: dict[tuple[str, str], str] = {}
    names: dict[str, str] = {}
    reported: set[tuple[str, str]] = set()
    for endorsement in manifesto.endorsements:
        display = project.relative(folder / f"{endorsement.organization}.yml")
        release = changelog.release(endorsement.version) if changelog is not None else None
        if release is None:
            released = ", ".join(r.version for r in changelog.releases) if changelog is not None else "none"
            manifesto.problems.append(
                Problem(
                    display,
                    endorsement.line,
                    "endorsements",
                    f'version "{endorsement.version}" was never released; endorse a released version ({released})',
                )
            )
        elif endorsement.date < release.date:
            manifesto.problems.append(
                Problem(
                    display,
                    endorsement.line,
                    "endorsements",
                    f"the endorsement of {endorsement.version} is dated {endorsement.date}, before the version was released ({release.date})",
                )
            )
        if endorsement.date > today:
            manifesto.problems.append(
                Problem(
                    display,
                    endorsement.line,
                    "endorsements",
                    f"the endorsement is dated in the future ({endorsement.date})",
                )
            )
        key = (endorsement.organization, endorsement.version)
        if key in seen:
            manifesto.problems.append(
                Problem(
                    display,
                    endorsement.line,
                    "endorsements",
                    f"version {endorsement.version} is endorsed twice; keep one",
                )
            )
        seen[key] = display
        name = " ".join(endorsement.name.casefold().split())
        other = names.setdefault(name, display)
        if other != display and (name, display) not in reported:
            reported.add((name, display))
            manifesto.problems.append(
                Problem(
                    display,
                    None,
                    "name",
                    f'"{endorsement.name}" already endorses in {other}; add the version to that file',
                )
            )
