"""Small projects written into a folder from inline file contents: mkdocs.yml, docs/, cases/ with the test
vocabularies, a valid case and its French translation."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

from advocacy.content.project import Project, load_project
from advocacy.translations.pins import fingerprint, with_pin
from tests.support.paths import FIXTURES, THEME

MKDOCS_YML = f"""\
site_name: Test hub
site_url: https://example.org/
repo_url: https://github.com/example/hub
edit_uri: edit/main/docs/
docs_dir: docs
theme:
  name: material
  custom_dir: {THEME}
  font: false
  features: [content.action.edit]
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
not_in_nav: |
  /cases/
nav:
  - index.md
plugins:
  - advocacy-cases
  - advocacy-translations
  - advocacy-catalogue
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      reconfigure_search: false
      languages:
        - {{locale: en, name: English, default: true}}
        - {{locale: fr, name: Français}}
        - {{locale: ar, name: العربية}}
"""

VALID_CASE = """\
---
title: A blackout against a bad law
summary: The community blacked out the site for a day, and the clause was dropped.
date: 2011-10-04
end_date: 2011-10-06
outcome: success
jurisdictions: [IT]
topics: [censorship]
methods: [blackout]
organizations: [wikimedia-italia]
sources:
  - title: An article about it
    url: https://en.wikipedia.org/wiki/Example
published: 2026-11-25
---

## Context

Why it mattered.

## Actions

What was done.

## Outcome

What happened.

## Lessons

What we learned.
"""

VALID_TRANSLATION_FR = """\
---
title: Un blackout contre une mauvaise loi
summary: La communauté a masqué le site pendant un jour, et la clause a été retirée.
translation:
  method: machine
---

## Contexte

Pourquoi.

## Actions

Quoi.

## Résultat

Résultat.

## Leçons

Leçons.
"""

ProjectFactory = Callable[[dict[str, str | bytes]], Project]


def write_project(root: Path, files: Mapping[str, str | bytes], mkdocs_yml: str = MKDOCS_YML) -> Project:
    """Write a small project at ``root`` (mkdocs.yml, docs/, cases/ with test vocabularies) plus ``files``."""
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    for name in ("index.md", "index.fr.md", "index.ar.md"):
        (root / "docs" / name).write_text("# Home\n", encoding="utf-8")
    shutil.copytree(FIXTURES / "vocabularies", root / "cases" / "vocabularies")
    (root / "docs" / "cases").symlink_to("../cases", target_is_directory=True)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return load_project(root)


def add_to_nav(project: Project, *pages: str) -> None:
    """List documentation pages (``guide.md``) in the navigation of a project written by :func:`write_project`."""
    config = project.root / "mkdocs.yml"
    listed = "".join(f"  - {page}\n" for page in pages)
    text = config.read_text(encoding="utf-8").replace("nav:\n  - index.md\n", "nav:\n  - index.md\n" + listed)
    config.write_text(text, encoding="utf-8")


def pinned_translation(source: str, translation: str = VALID_TRANSLATION_FR) -> str:
    """``translation`` (a machine translation) pinned as current with ``source``."""
    return with_pin(translation, fingerprint(source), "machine")
