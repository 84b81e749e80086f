"""The catalogue: every published case as one record, and the facets readers browse them by.

Built once per build from a checked :class:`~advocacy.content.repository.Repository`; pages, exports and the search
index all read it, so their counts agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from advocacy.content.dates import PartialDate
from advocacy.content.regions import country_of, region_order, regions_of
from advocacy.content.repository import Repository
from advocacy.content.urls import SiteUrls
from advocacy.translations.pins import read
from advocacy.translations.units import Status, unit_status

# The facets, in the order pages show them. Each maps a record to the values it is listed under.
FACETS = (
    "topic",
    "method",
    "region",
    "country",
    "dossier",
    "outcome",
    "decade",
    "year",
    "organization",
    "language",
)
OUTCOMES = ("success", "partial", "failure", "ongoing", "unknown")


@dataclass(frozen=True)
class Version:
    """One language version of a case.

    Attributes:
        language: Its language code.
        title: Its title.
        summary: Its summary.
        method: ``None`` for the original, else how the translation was made (human, machine, ...).
        status: For a translation, ``current`` or ``outdated`` against the original (see
            :func:`advocacy.translations.units.unit_status`); ``current`` for the original.
    """

    language: str
    title: str
    summary: str
    method: str | None
    status: Status = Status.CURRENT


@dataclass
class CaseRecord:
    """The public metadata of one case, with the values derived for browsing (countries, regions)."""

    id: str
    original_language: str
    versions: dict[str, Version]
    date: PartialDate
    end_date: PartialDate | None
    outcome: str
    jurisdictions: tuple[str, ...]
    countries: tuple[str, ...]
    regions: tuple[str, ...]
    topics: tuple[str, ...]
    methods: tuple[str, ...]
    dossiers: tuple[str, ...]
    organizations: tuple[str, ...]
    related: tuple[str, ...]
    inspired_by: tuple[str, ...]
    sources: tuple[dict[str, Any], ...]
    contributors: tuple[str, ...]
    sensitivity: str
    published: PartialDate | None
    updated: PartialDate | None
    reviewed_by: str | None
    last_reviewed: PartialDate | None
    license: str
    inspired: list[str] = field(default_factory=list)

    def version(self, language: str, default: str) -> Version:
        """The version to show a reader of ``language``: theirs, else the default language's, else the original."""
        return (
            self.versions.get(language) or self.versions.get(default) or self.versions[self.original_language]
        )

    @property
    def last_change(self) -> PartialDate:
        """When the case was last published or updated (its start date when neither is known)."""
        return max(d for d in (self.updated, self.published, self.date) if d is not None)

    def facet_values(self, facet: str) -> tuple[str, ...]:
        """The values of ``facet`` this case is listed under."""
        match facet:
            case "topic":
                return self.topics
            case "method":
                return self.methods
            case "region":
                return self.regions
            case "country":
                return self.countries
            case "dossier":
                return self.dossiers
            case "outcome":
                return (self.outcome,)
            case "decade":
                return (str(self.date.year // 10 * 10),)
            case "year":
                return (str(self.date.year),)
            case "organization":
                return self.organizations
            case "language":
                return tuple(self.versions)
        raise KeyError(facet)


@dataclass
class Catalogue:
    """Every published case, newest first, with the facet index."""

    records: list[CaseRecord]
    languages: tuple[str, ...]
    default: str
    urls: SiteUrls = field(default_factory=lambda: SiteUrls("en"))
    by_id: dict[str, CaseRecord] = field(default_factory=dict)
    index: dict[str, dict[str, list[CaseRecord]]] = field(default_factory=dict)
    # What the pages of every language share and compute once per build (see advocacy.site.pages).
    shared: dict[tuple[str, str], Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {record.id: record for record in self.records}
        for record in self.records:
            record.inspired = []
        for record in self.records:
            for earlier in record.inspired_by:
                if earlier in self.by_id:
                    self.by_id[earlier].inspired.append(record.id)
        for facet in FACETS:
            values: dict[str, list[CaseRecord]] = defaultdict(list)
            for record in self.records:
                for value in record.facet_values(facet):
                    values[value].append(record)
            self.index[facet] = dict(sorted(values.items(), key=lambda item: _value_order(facet, item[0])))

    def in_language(self, language: str) -> list[CaseRecord]:
        """The cases written or translated in ``language``."""
        return [r for r in self.records if language in r.versions]

    def recent(self, count: int, language: str | None = None) -> list[CaseRecord]:
        """The ``count`` cases published or updated last (in ``language`` only, when given)."""
        records = self.records if language is None else self.in_language(language)
        return sorted(records, key=lambda r: (r.last_change, r.id), reverse=True)[:count]

    def organizations_near(
        self, record_ids: Iterable[str], exclude: Iterable[str] = ()
    ) -> list[tuple[str, tuple[str, ...]]]:
        """Organizations with cases on the same topics or dossiers as the given cases, best matches first.

        Returns (organization id, what it shares with them) pairs, the shared subjects written
        ``topic:<id>`` and ``dossier:<id>`` (dossiers first, then topics, each in id order), so that a page
        can say why each organization is listed. The organizations of the given cases and those in
        ``exclude`` are left out.
        """
        records = [self.by_id[i] for i in record_ids if i in self.by_id]
        keys = {f"topic:{t}" for r in records for t in r.topics} | {
            f"dossier:{d}" for r in records for d in r.dossiers
        }
        skip = set(exclude) | {o for r in records for o in r.organizations}
        shared: dict[str, list[str]] = defaultdict(list)
        for key in sorted(keys, key=lambda k: (not k.startswith("dossier:"), k)):
            for organization in self.organizations_by_key.get(key, ()):
                if organization not in skip:
                    shared[organization].append(key)
        return sorted(
            ((organization, tuple(subjects)) for organization, subjects in shared.items()),
            key=lambda item: (-len(item[1]), item[0]),
        )

    @cached_property
    def organizations_by_key(self) -> dict[str, frozenset[str]]:
        """The organizations with cases on each topic (``topic:<id>``) and dossier (``dossier:<id>``)."""
        found: dict[str, set[str]] = defaultdict(set)
        for record in self.records:
            for key in [f"topic:{t}" for t in record.topics] + [f"dossier:{d}" for d in record.dossiers]:
                found[key].update(record.organizations)
        return {key: frozenset(organizations) for key, organizations in found.items()}


def _value_order(facet: str, value: str) -> tuple[int, str]:
    if facet == "outcome":
        return (OUTCOMES.index(value) if value in OUTCOMES else len(OUTCOMES), value)
    if facet == "region":
        order = region_order()
        return (order.index(value) if value in order else len(order), value)
    if facet in {"decade", "year"}:
        return (-int(value), value)
    return (0, value)


def build_catalogue(repository: Repository, statuses: Mapping[Path, Status] | None = None) -> Catalogue:
    """The catalogue of the published cases of a checked repository.

    Args:
        repository: The checked repository.
        statuses: The status of each case translation file, when already known (see
            :func:`advocacy.translations.units.translation_units`); computed from the files otherwise.
    """
    project = repository.project
    default = project.default_language.code
    published: dict[str, list[Any]] = defaultdict(list)
    for case_file in repository.published_files():
        published[case_file.case_id].append(case_file)
    records = []
    for case_id, files in published.items():
        original = next(f for f in files if f.kind == "original")
        meta = original.meta
        versions = {
            original.language: Version(original.language, meta["title"], meta["summary"], None),
        }
        original_text: str | None = None
        for case_file in sorted(files, key=lambda f: project.language_codes.index(f.language)):
            if case_file.kind == "translation":
                translation = case_file.meta.get("translation") or {}
                status = statuses.get(case_file.path) if statuses is not None else None
                if status is None:
                    original_text = original_text if original_text is not None else read(original.path)
                    status, _ = unit_status(original_text, read(case_file.path))
                versions[case_file.language] = Version(
                    case_file.language,
                    case_file.meta["title"],
                    case_file.meta["summary"],
                    str(translation.get("method") or "human"),
                    status,
                )
        jurisdictions = tuple(meta["jurisdictions"])
        high = meta.get("sensitivity", "normal") == "high"
        records.append(
            CaseRecord(
                id=case_id,
                original_language=original.language,
                versions=versions,
                date=meta["date"],
                end_date=meta.get("end_date"),
                outcome=meta["outcome"],
                jurisdictions=jurisdictions,
                countries=_unique(c for j in jurisdictions if (c := country_of(j)) is not None),
                regions=_unique(r for j in jurisdictions for r in regions_of(j)),
                topics=tuple(meta["topics"]),
                methods=tuple(meta["methods"]),
                dossiers=tuple(meta.get("dossiers", ())),
                organizations=tuple(meta.get("organizations", ())),
                related=tuple(meta.get("related", ())),
                inspired_by=tuple(meta.get("inspired_by", ())),
                sources=tuple(meta["sources"]),
                # A high-sensitivity case names no person anywhere: not its writers, not its reviewer.
                contributors=() if high else tuple(meta.get("contributors", ())),
                sensitivity="high" if high else "normal",
                published=meta.get("published"),
                updated=meta.get("updated"),
                reviewed_by=None if high else meta.get("reviewed_by"),
                last_reviewed=meta.get("last_reviewed"),
                license=str(meta.get("license") or "CC-BY-SA-4.0"),
            )
        )
    records.sort(key=lambda r: (r.date, r.id), reverse=True)
    return Catalogue(records, project.language_codes, default, SiteUrls(default, project.cases_dirname))


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
