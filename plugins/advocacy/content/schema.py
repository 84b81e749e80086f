"""The content model as a JSON Schema, for editors' autocompletion and for tools that read our data.

The schema is generated from the same field specifications and vocabularies as the validator. It describes
what one file may contain; the checks that need other files (a related case that exists, one original per
case) and the exact calendar (2019-02-30) remain the validator's.
"""

from __future__ import annotations

from typing import Any

from advocacy.content.fields import TERM_ID
from advocacy.content.jurisdictions import EU, countries, subdivisions
from advocacy.content.model import CaseModel, FieldKind, FieldSpec
from advocacy.content.vocabularies import SPDX_ID, Vocabularies

SCHEMA_ID = "https://advocacy-hub.github.io/schema/case.schema.json"
_NO_MARKUP = {"not": {"pattern": r"</?[A-Za-z!?]|&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"}}
_DATE_TEXT = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


def _field_schema(spec: FieldSpec, vocabularies: Vocabularies, languages: tuple[str, ...]) -> dict[str, Any]:
    schema: dict[str, Any]
    kind = spec.kind
    if kind == FieldKind.TEXT:
        schema = _text(spec.max, spec.multiline)
    elif kind == FieldKind.DATE:
        schema = {
            "anyOf": [
                {"type": "string", "pattern": _DATE_TEXT},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ]
        }
    elif kind == FieldKind.DAY:
        schema = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    elif kind == FieldKind.CHOICE:
        schema = {"type": "string", "enum": list(spec.choices)}
    elif kind == FieldKind.TERM:
        assert spec.vocabulary is not None
        schema = {"type": "string", "enum": sorted(vocabularies.terms.get(spec.vocabulary, {}))}
    elif kind == FieldKind.JURISDICTION:
        forums = sorted(vocabularies.terms.get("forums", {}))
        schema = {"type": "string", "enum": [EU, *sorted(countries()), *forums, *sorted(subdivisions())]}
    elif kind == FieldKind.CASE:
        schema = {"type": "string", "pattern": f"^{TERM_ID.pattern}$"}
    elif kind == FieldKind.HANDLE:
        schema = {
            "type": "string",
            "minLength": 1,
            "maxLength": 64,
            "pattern": r"^[^\n]*$",
            "not": {"pattern": r"[^@\s]+@[^@\s]+\.[^@\s]+|://|</?[A-Za-z!?]"},
        }
    elif kind == FieldKind.URL:
        schema = {"type": "string", "pattern": r"^https://[^\s/?#]+[^\s]*$"}
    elif kind == FieldKind.LABELS:
        # One text per site language, each checked as the validator checks a label (200 characters unless
        # the model says otherwise).
        text = _text(spec.max or 200, spec.multiline)
        schema = {
            "type": "object",
            "properties": {code: text for code in languages},
            "additionalProperties": False,
        }
        if spec.complete:
            schema["required"] = list(languages)
    elif kind == FieldKind.LIST:
        assert spec.item is not None
        schema = {"type": "array", "items": _field_schema(spec.item, vocabularies, languages)}
        if spec.item.kind != FieldKind.RECORD:
            schema["uniqueItems"] = True
        if spec.min:
            schema["minItems"] = spec.min
    elif kind == FieldKind.RECORD:
        schema = _record(spec.fields, vocabularies, languages)
        if spec.one_of:
            schema["anyOf"] = [{"required": list(group)} for group in spec.one_of]
    else:  # pragma: no cover - the model file and this function are changed together
        raise ValueError(f"unknown field kind {kind!r}")
    if spec.description:
        schema["description"] = spec.description
    if spec.default is not None:
        schema["default"] = spec.default
    return schema


def _text(maximum: int | None, multiline: bool) -> dict[str, Any]:
    """A plain text: not empty, no markup, at most ``maximum`` characters, on one line unless ``multiline``."""
    schema: dict[str, Any] = {"type": "string", "minLength": 1, "allOf": [_NO_MARKUP]}
    if maximum is not None:
        schema["maxLength"] = maximum
    if not multiline:
        schema["pattern"] = r"^[^\n]*$"
    return schema


def _record(
    fields: dict[str, FieldSpec], vocabularies: Vocabularies, languages: tuple[str, ...]
) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {name: _field_schema(spec, vocabularies, languages) for name, spec in fields.items()},
        "required": [name for name, spec in fields.items() if spec.required],
        "additionalProperties": False,
    }


def case_schema(model: CaseModel, vocabularies: Vocabularies, languages: tuple[str, ...]) -> dict[str, Any]:
    """The JSON Schema of a case file's frontmatter: an original, or a translation (with ``translation``)."""
    original = _record(model.fields, vocabularies, languages)
    translation = _record(model.translation_fields, vocabularies, languages)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Advocacy Hub case",
        "description": "Frontmatter of a case file: cases/<id>.md (the original, with all the metadata) or "
        "cases/<id>.<language>.md (an original in another language, or a translation).",
        "if": {"type": "object", "required": ["translation"]},
        "then": translation,
        "else": original,
    }


def vocabulary_schema(
    model: CaseModel, vocabularies: Vocabularies, languages: tuple[str, ...], name: str
) -> dict[str, Any]:
    """The JSON Schema of one vocabulary file (``cases/vocabularies/<name>.yml``): term ids mapped to terms.

    Raises:
        KeyError: when the model has no vocabulary ``name``.
    """
    specs = model.vocabularies[name]
    term = _record(specs, vocabularies, languages)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID.replace("case.schema.json", f"vocabularies/{name}.schema.json"),
        "title": f"Advocacy Hub vocabulary: {name}",
        "description": f"cases/vocabularies/{name}.yml: each term id (lowercase words joined by hyphens"
        + ("; an SPDX id for licences" if name == "licenses" else "")
        + ") with its fields. A label or a description is a mapping of site language codes to text.",
        "type": "object",
        "propertyNames": {
            "pattern": f"^{SPDX_ID.pattern}$" if name == "licenses" else f"^{TERM_ID.pattern}$"
        },
        "additionalProperties": term,
    }
