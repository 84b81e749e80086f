"""The issue forms: valid against GitHub's public schemas, and the case form in step with the content model."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from advocacy.content.model import load_model
from advocacy.content.project import load_project
from advocacy.content.vocabularies import load_vocabularies
from advocacy.intake.forms import case_form
from tests.support.paths import BIN, ROOT

FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"


def _check(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_issue_forms_and_their_configuration_follow_githubs_schemas() -> None:
    """Every form and config.yml validate against the schemas GitHub publishes (vendored, offline)."""
    forms = sorted(p for p in FORMS.glob("*.yml") if p.name != "config.yml")
    assert [p.name for p in forms] == [
        "case.yml",
        "manifesto.yml",
        "site.yml",
        "support.yml",
        "translation.yml",
    ]
    result = _check("vendor.github-issue-forms", *forms)
    assert result.returncode == 0, result.stdout + result.stderr
    result = _check("vendor.github-issue-config", FORMS / "config.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_committed_case_form_is_the_generated_one() -> None:
    """`advocacy forms --check` passes: the form offers exactly today's vocabularies and outcomes."""
    result = subprocess.run(
        [str(BIN / "advocacy"), "forms", "--check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_case_form_asks_for_every_required_part_and_consent() -> None:
    """Each required field of a case has a required field in the form; both consents are required."""
    project = load_project(ROOT)
    model = load_model()
    form = case_form(model, load_vocabularies(project, model), "en", project.languages)
    fields = {item.get("id"): item for item in form["body"] if "id" in item}
    for name, spec in model.fields.items():
        if spec.required:
            assert fields[name]["validations"]["required"] is True, name
    for section in model.sections:
        assert fields[f"section-{section}"]["type"] == "textarea"
    topics = fields["topics"]["attributes"]["options"]
    assert "Copyright (copyright)" in topics
    consent = fields["consent"]["attributes"]["options"]
    assert all(option["required"] for option in consent)
    assert yaml.safe_load((FORMS / "case.yml").read_text(encoding="utf-8")) == form


def test_the_case_form_asks_for_the_language_and_names_no_file() -> None:
    """The form asks first in which of the site's languages the case is written; its texts name no file (who
    submits through the form never sees one)."""
    project = load_project(ROOT)
    model = load_model()
    form = case_form(model, load_vocabularies(project, model), "en", project.languages)
    asked = [item for item in form["body"] if "id" in item]
    assert asked[0]["id"] == "language"
    assert asked[0]["attributes"]["options"] == [
        "English (en)",
        "Français (fr)",
        "Español (es)",
        "العربية (ar)",
        "हिन्दी (hi)",
    ]
    texts = [item["attributes"].get("description", "") for item in form["body"]]
    texts += [item["attributes"].get("value", "") for item in form["body"]]
    assert [t for t in texts if re.search(r"\.(ya?ml|md|json)\b|vocabularies|cases/", t)] == []
