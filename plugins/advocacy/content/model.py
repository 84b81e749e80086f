"""The content model as data: field specifications read from ``advocacy/data/case-model.yml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

import yaml


class FieldKind(StrEnum):
    """What a field holds (``kind:`` in ``case-model.yml``; see the comment at the top of that file)."""

    TEXT = "text"
    DATE = "date"  # YYYY, YYYY-MM or YYYY-MM-DD
    DAY = "day"  # YYYY-MM-DD
    CHOICE = "choice"
    TERM = "term"  # an id of a vocabulary
    JURISDICTION = "jurisdiction"
    CASE = "case"  # the id of another case
    HANDLE = "handle"  # a pseudonymous name, never an e-mail address
    URL = "url"
    LABELS = "labels"  # a text per site language
    LIST = "list"
    RECORD = "record"


@dataclass(frozen=True)
class FieldSpec:
    """What one field accepts.

    Attributes:
        name: The field name as written in frontmatter.
        kind: What the field holds.
        required: Whether the field must be present.
        description: One sentence for contributors (docs, JSON Schema, messages).
        ask: What the issue form says of the field, when it differs from ``description`` (no file names).
        min: Least number of items of a list.
        max: Largest number of characters of a text.
        multiline: Whether a text may span several lines.
        choices: The allowed values of a choice.
        vocabulary: The vocabulary whose ids a term must be.
        default: The value used when the field is absent.
        complete: For labels: one label per site language is required.
        item: The specification of each item of a list.
        fields: The fields of a record.
        one_of: For a record: groups of fields of which it must hold at least one whole group.
        one_of_message: What to write when a record holds none of the ``one_of`` groups.
    """

    name: str
    kind: FieldKind
    required: bool = False
    description: str = ""
    ask: str = ""
    min: int | None = None
    max: int | None = None
    multiline: bool = False
    choices: tuple[str, ...] = ()
    vocabulary: str | None = None
    default: str | None = None
    complete: bool = False
    item: FieldSpec | None = None
    fields: dict[str, FieldSpec] = field(default_factory=dict)
    one_of: tuple[tuple[str, ...], ...] = ()
    one_of_message: str = ""


@dataclass(frozen=True)
class Limits:
    """Size limits: of files in bytes, of images in pixels."""

    file_bytes: int
    frontmatter_bytes: int
    media_bytes: int
    media_pixels: int  # width x height of an image (over all its frames for an animation)


@dataclass(frozen=True)
class CaseModel:
    """Every rule of the content model that is data rather than code."""

    fields: dict[str, FieldSpec]
    translation_fields: dict[str, FieldSpec]
    vocabularies: dict[str, dict[str, FieldSpec]]
    sections: dict[str, str]
    limits: Limits
    media_formats: tuple[str, ...]
    section_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _spec(name: str, data: dict[str, Any]) -> FieldSpec:
    return FieldSpec(
        name=name,
        kind=FieldKind(data["kind"]),
        required=bool(data.get("required", False)),
        description=str(data.get("description", "")),
        ask=str(data.get("ask", "")),
        min=data.get("min"),
        max=data.get("max"),
        multiline=bool(data.get("multiline", False)),
        choices=tuple(data.get("choices", ())),
        vocabulary=data.get("vocabulary"),
        default=data.get("default"),
        complete=bool(data.get("complete", False)),
        item=_spec(name, data["item"]) if "item" in data else None,
        fields=field_specs(data.get("fields", {})),
        one_of=tuple(tuple(group) for group in data.get("one_of", ())),
        one_of_message=str(data.get("one_of_message", "")),
    )


def field_specs(data: dict[str, Any]) -> dict[str, FieldSpec]:
    """The field specifications of a mapping of field names to their rules, as the data files write them."""
    return {name: _spec(name, value) for name, value in data.items()}


@cache
def load_model() -> CaseModel:
    """The content model shipped with the package."""
    text = (resources.files("advocacy") / "data" / "case-model.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return CaseModel(
        fields=field_specs(data["fields"]),
        translation_fields=field_specs(data["translation_fields"]),
        vocabularies={name: field_specs(fields) for name, fields in data["vocabularies"].items()},
        sections=dict(data["sections"]),
        limits=Limits(**data["limits"]),
        media_formats=tuple(data["media_formats"]),
        section_aliases={name: tuple(aliases) for name, aliases in data.get("section_aliases", {}).items()},
    )
