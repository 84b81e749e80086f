"""The published JSON Schema and the validator agree."""

from __future__ import annotations

import datetime as dt

import jsonschema
import pytest
import yaml

from advocacy.content.model import load_model
from advocacy.content.project import load_project
from advocacy.content.repository import load_repository
from advocacy.content.schema import case_schema, vocabulary_schema
from advocacy.content.vocabularies import load_vocabularies
from tests.support.paths import ROOT
from tests.support.project import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory

# (description, text to replace in VALID_CASE, replacement). Each makes one frontmatter mistake that a
# schema-aware editor can see in one file.
MUTATIONS = [
    ("valid", "", ""),
    ("missing title", "title: A blackout against a bad law\n", ""),
    ("unknown field", "outcome: success\n", "outcome: success\nsummery: x\n"),
    ("title too long", "title: A blackout against a bad law", "title: " + "x" * 121),
    ("markup in title", "title: A blackout against a bad law", "title: A <b>bold</b> law"),
    ("YAML boolean as title", "title: A blackout against a bad law", "title: NO"),
    ("octal number as title", "title: A blackout against a bad law", "title: 0123"),
    ("bad outcome", "outcome: success", "outcome: won"),
    ("bad date form", "date: 2011-10-04", "date: 04/10/2011"),
    ("year-only date", "date: 2011-10-04", "date: 2011"),
    ("UK is not ISO", "jurisdictions: [IT]", "jurisdictions: [UK]"),
    ("subdivision", "jurisdictions: [IT]", "jurisdictions: [ES-CT, wipo]"),
    ("unknown topic", "topics: [censorship]", "topics: [censure]"),
    ("empty topics", "topics: [censorship]", "topics: []"),
    ("topics not a list", "topics: [censorship]", "topics: censorship"),
    ("duplicate topic", "topics: [censorship]", "topics: [censorship, censorship]"),
    ("source without url", "    url: https://en.wikipedia.org/wiki/Example\n", ""),
    ("ftp source", "url: https://en.wikipedia.org/wiki/Example", "url: ftp://example.org/x"),
    ("javascript source", "url: https://en.wikipedia.org/wiki/Example", "url: javascript:alert(1)"),
    (
        "unknown source key",
        "    url: https://en.wikipedia.org/wiki/Example\n",
        "    url: https://e.org/\n    link: x\n",
    ),
    ("e-mail contributor", "published: 2026-11-25", "published: 2026-11-25\ncontributors: [a@example.org]"),
    ("handle contributor", "published: 2026-11-25", "published: 2026-11-25\ncontributors: [Example Handle]"),
    ("published as a month", "published: 2026-11-25", "published: 2026-11"),
    ("bad sensitivity", "published: 2026-11-25", "published: 2026-11-25\nsensitivity: secret"),
    ("unknown licence", "published: 2026-11-25", "published: 2026-11-25\nlicense: GPL-3.0"),
    ("bad related id", "published: 2026-11-25", "published: 2026-11-25\nrelated: [Not An Id]"),
]


TRANSLATIONS = [
    ("valid translation", "", ""),
    ("metadata in a translation", "translation:\n", "date: 2011\ntranslation:\n"),
    ("bad method", "method: machine", "method: magic"),
    ("missing method", "  method: machine\n", "  translators: [Someone]\n"),
]


def _frontmatter(text: str) -> object:
    data = yaml.safe_load(text.split("---\n")[1])
    # Editors read YAML dates as text; PyYAML turns them into date objects.
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, dt.date):
                data[key] = value.isoformat()
        for source in data.get("sources", []) if isinstance(data.get("sources"), list) else []:
            if isinstance(source, dict) and isinstance(source.get("date"), dt.date):
                source["date"] = source["date"].isoformat()
    return data


@pytest.mark.parametrize(
    ("name", "text"),
    [(n, VALID_CASE.replace(a, b) if a else VALID_CASE) for n, a, b in MUTATIONS]
    + [(n, VALID_TRANSLATION_FR.replace(a, b) if a else VALID_TRANSLATION_FR) for n, a, b in TRANSLATIONS],
)
def test_schema_and_validator_agree(make_project: ProjectFactory, name: str, text: str) -> None:
    """An editor using the schema accepts exactly the frontmatter the validator accepts."""
    files = {"cases/a-case.fr.md": text} if "translation" in text else {"cases/a-case.md": text}
    if "translation" in text:
        files["cases/a-case.md"] = VALID_CASE
    project = make_project(files)
    repository = load_repository(project)
    checked = "cases/a-case.fr.md" if "translation" in text else "cases/a-case.md"
    validator_ok = not repository.errors_in(checked)
    model = load_model()
    schema = case_schema(model, repository.vocabularies, project.language_codes)
    schema_ok = jsonschema.Draft202012Validator(schema).is_valid(_frontmatter(text))
    assert (name, schema_ok) == (name, validator_ok)
    assert validator_ok == name.startswith(("valid", "year-only", "subdivision", "handle"))


def test_repository_schema_is_a_valid_json_schema() -> None:
    """The schema published for the real vocabularies is itself a valid JSON Schema."""
    project = load_project(ROOT)
    model = load_model()
    schema = case_schema(model, load_vocabularies(project, model), project.language_codes)
    jsonschema.Draft202012Validator.check_schema(schema)


DOSSIER = (
    "eu-copyright-directive:\n"
    "  label: {en: EU copyright directive, fr: Directive européenne, ar: توجيه حقوق المؤلف}\n"
    "  description: {en: The directive., fr: La directive., ar: التوجيه.}\n"
)
# (description, text to replace in DOSSIER, replacement): each makes one mistake in a vocabulary file.
VOCABULARY_MUTATIONS = [
    ("valid", "", ""),
    ("valid multiline description", "en: The directive.,", 'en: "The directive,\\nand its laws.",'),
    ("description as one text", "{en: The directive., fr: La directive., ar: التوجيه.}", "The directive."),
    ("description lacks a language", ", ar: التوجيه.}", "}"),
    ("description in no site language", "ar: التوجيه.}", "ar: التوجيه., de: Die Richtlinie.}"),
    ("description too long", "fr: La directive.", "fr: " + "x" * 301),
    ("markup in a description", "en: The directive.", "en: The <i>directive</i>."),
    ("description missing", "  description: {en: The directive., fr: La directive., ar: التوجيه.}\n", ""),
    ("label on two lines", "en: EU copyright directive,", 'en: "EU copyright\\ndirective",'),
    ("unknown field", "  label:", "  summary: {en: x}\n  label:"),
    ("bad term id", "eu-copyright-directive:", "EU_Directive:"),
]


@pytest.mark.parametrize(
    ("name", "text"), [(n, DOSSIER.replace(a, b) if a else DOSSIER) for n, a, b in VOCABULARY_MUTATIONS]
)
def test_vocabulary_schema_and_validator_agree(make_project: ProjectFactory, name: str, text: str) -> None:
    """An editor using a vocabulary's schema accepts exactly the dossiers.yml the validator accepts."""
    project = make_project({"cases/vocabularies/dossiers.yml": text})
    model = load_model()
    vocabularies = load_vocabularies(project, model)
    validator_ok = not [p for p in vocabularies.problems if p.file.endswith("dossiers.yml")]
    schema = vocabulary_schema(model, vocabularies, project.language_codes, "dossiers")
    schema_ok = jsonschema.Draft202012Validator(schema).is_valid(yaml.safe_load(text))
    assert (name, schema_ok) == (name, validator_ok)
    assert validator_ok == name.startswith("valid")


def test_every_vocabulary_of_the_repository_passes_its_schema() -> None:
    """Each vocabulary file of the hub is valid against its own published schema, itself a valid schema."""
    project = load_project(ROOT)
    model = load_model()
    vocabularies = load_vocabularies(project, model)
    for name in model.vocabularies:
        schema = vocabulary_schema(model, vocabularies, project.language_codes, name)
        jsonschema.Draft202012Validator.check_schema(schema)
        data = yaml.safe_load((project.vocabularies_dir / f"{name}.yml").read_text(encoding="utf-8"))
        errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
        assert (name, errors) == (name, [])
