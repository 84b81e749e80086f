"""The manifesto as data: its texts and clauses, version numbers, the changelog's releases and changes, endorsements, and the rules kept as data in ``advocacy/data/manifesto-model.yml``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from html.parser import HTMLParser
from importlib import resources

import markdown  # type: ignore[import-untyped]  # Python-Markdown ships no type hints
import yaml

from advocacy.content.model import FieldSpec, field_specs
from advocacy.reading.problems import Problem

CLAUSE_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


VERSION = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")


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
        changelog=field_specs(data["changelog"]),
        endorsement=field_specs(data["endorsement"]),
    )


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
