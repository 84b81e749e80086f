"""Vocabulary files: labels and descriptions written once per site language, and the exact messages when not."""

from __future__ import annotations

import pytest

from advocacy.content.model import load_model
from advocacy.content.project import load_project
from advocacy.content.vocabularies import load_vocabularies
from tests.support.paths import ROOT
from tests.support.project import ProjectFactory

LABEL = "  label: {en: EU copyright directive, fr: Directive européenne, ar: توجيه حقوق المؤلف}\n"


def _dossier_problems(make_project: ProjectFactory, description: str) -> list[str]:
    """The problems of a dossiers.yml whose one term has ``description`` (the lines after ``description:``)."""
    text = "eu-copyright-directive:\n" + LABEL + "  description:" + description
    project = make_project({"cases/vocabularies/dossiers.yml": text})
    return [str(p) for p in load_vocabularies(project, load_model()).problems]


def test_a_description_in_every_language_is_valid(make_project: ProjectFactory) -> None:
    """A dossier described in each site language, on several lines if need be, has no problem."""
    description = "\n    en: The 2019 directive,\n      and its transpositions.\n    fr: La directive.\n    ar: التوجيه.\n"
    assert _dossier_problems(make_project, description) == []


@pytest.mark.parametrize(
    ("description", "message"),
    [
        (
            " The 2019 directive on copyright in the Digital Single Market and its transpositions.\n",
            "cases/vocabularies/dossiers.yml:3: error: eu-copyright-directive.description: expected a "
            'description in each site language, found one text: "The 2019 directive on copyright in the…"; '
            'write description: {en: "The 2019 directive on copyright in the…", fr: ..., ar: ...}',
        ),
        (
            " [The directive]\n",
            "cases/vocabularies/dossiers.yml:3: error: eu-copyright-directive.description: expected one "
            "description per language (en: ..., fr: ...), found a list",
        ),
        (
            "\n    en: The directive.\n    fr: La directive.\n",
            "cases/vocabularies/dossiers.yml:4: error: eu-copyright-directive.description: add a description "
            "for each site language; missing: ar",
        ),
        (
            "\n    en: The directive.\n    fr: La directive.\n    ar: التوجيه.\n    de: Die Richtlinie.\n",
            "cases/vocabularies/dossiers.yml:7: error: eu-copyright-directive.description.de: "
            '"de" is not a site language; use one of en, fr, ar',
        ),
        (
            "\n    en: The directive.\n    fr: " + "x" * 301 + "\n    ar: التوجيه.\n",
            "cases/vocabularies/dossiers.yml:5: error: eu-copyright-directive.description.fr: the text is 301 "
            "characters long; shorten it to at most 300 characters",
        ),
        (
            "\n    en: The <b>directive</b>.\n    fr: La directive.\n    ar: التوجيه.\n",
            'cases/vocabularies/dossiers.yml:4: error: eu-copyright-directive.description.en: found the markup "<b>"; '
            "write plain text, without HTML tags",
        ),
    ],
    ids=["one-text", "a-list", "a-language-missing", "not-a-language", "too-long", "markup"],
)
def test_a_description_written_otherwise_is_refused_with_what_to_write(
    make_project: ProjectFactory, description: str, message: str
) -> None:
    """A dossier description that is one text, lacks a language or holds a bad text gets one exact message."""
    assert _dossier_problems(make_project, description) == [message]


def test_a_dossier_without_description_is_told_to_add_one(make_project: ProjectFactory) -> None:
    """A dossier needs a description: the message says so and what it is for."""
    project = make_project({"cases/vocabularies/dossiers.yml": "eu-copyright-directive:\n" + LABEL})
    problems = [str(p) for p in load_vocabularies(project, load_model()).problems]
    assert problems == [
        "cases/vocabularies/dossiers.yml:2: error: eu-copyright-directive.description: the required field "
        '"description" is missing; add it (one sentence on what the dossier follows, in each site language '
        "(en: ..., fr: ...))"
    ]


def test_a_label_written_as_one_text_gets_the_same_advice(make_project: ProjectFactory) -> None:
    """A label without its languages is answered with the mapping to write, like a description."""
    project = make_project({"cases/vocabularies/topics.yml": "copyright:\n  label: Copyright\n"})
    problems = [str(p) for p in load_vocabularies(project, load_model()).problems]
    assert problems == [
        "cases/vocabularies/topics.yml:2: error: copyright.label: expected a label in each site language, found "
        'one text: "Copyright"; write label: {en: "Copyright", fr: ..., ar: ...}'
    ]


def test_a_topic_description_may_lack_languages_and_falls_back_to_the_default(
    make_project: ProjectFactory,
) -> None:
    """A topic's description is optional and may exist in some languages: readers of the others get the
    default language's text, named as such."""
    topics = (
        "copyright:\n  label: {en: Copyright, fr: Droit d'auteur, ar: حقوق المؤلف}\n"
        "  description: {en: Who may copy what., fr: Qui peut copier quoi.}\n"
        "censorship:\n  label: {en: Censorship, fr: Censure, ar: الرقابة}\n"
    )
    project = make_project({"cases/vocabularies/topics.yml": topics})
    vocabularies = load_vocabularies(project, load_model())
    assert vocabularies.problems == []
    copyright_ = vocabularies.terms["topics"]["copyright"]
    assert copyright_.description("fr", "en") == ("Qui peut copier quoi.", "fr")
    assert copyright_.description("ar", "en") == ("Who may copy what.", "en")
    assert vocabularies.terms["topics"]["censorship"].description("fr", "en") is None


def test_every_description_of_the_repository_is_in_every_site_language() -> None:
    """Each dossier, topic and method of the hub that has a description has it in every site language."""
    project = load_project(ROOT)
    vocabularies = load_vocabularies(project, load_model())
    assert [str(p) for p in vocabularies.problems] == []
    for name in ("dossiers", "topics", "methods"):
        for term in vocabularies.terms[name].values():
            texts = term.fields.get("description")
            if name == "dossiers" or texts:
                assert texts is not None and sorted(texts) == sorted(project.language_codes), (name, term.id)
