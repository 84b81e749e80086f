"""Fast unit tests of the catalogue core: facets, regions, labels, generated pages, exports, escaping, links."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import FIXTURES, MKDOCS_YML, VALID_CASE, VALID_TRANSLATION_FR

from advocacy.project import Project, load_project

# --- The corpus -----------------------------------------------------------------------------------------
# Four cases: an English original with a French translation (IT), an English original in a subdivision and the
# EU, marked high-sensitivity (ES-CT, EU), a French original with no English version (FR, DE), and a case at
# an international forum (wipo) whose title holds "&" and "<".

FR_SECTIONS = """\
## Contexte

Pourquoi.

## Actions

Quoi.

## Résultat

Résultat.

## Leçons

Leçons.
"""
EN_SECTIONS = VALID_CASE.split("---\n", 2)[2]

ORGANIZATIONS = """\
wikimedia-italia:
  name: Wikimedia Italia
  type: chapter
  country: IT
  website: https://www.wikimedia.it/
wikimedia-espana:
  name: Wikimedia España
  type: chapter
  country: ES
  website: https://www.wikimedia.es/
wikimedia-france:
  name: Wikimédia France
  type: chapter
  country: FR
  website: https://www.wikimedia.fr/
"""

CATALAN_LAW = """\
---
title: A Catalan copyright campaign
summary: Advocates in Catalonia and in Brussels asked for a broad freedom of panorama, and got part of it.
date: 2019-03
outcome: partial
jurisdictions: [ES-CT, EU]
topics: [copyright]
methods: [litigation]
dossiers: [eu-copyright-directive]
organizations: [wikimedia-espana]
inspired_by: [blackout]
sources:
  - title: A report
    url: https://example.com/report
contributors: [SecretHandle]
sensitivity: high
published: 2020-01-01
reviewed_by: SecretReviewer
last_reviewed: 2020-01-10
---

""" + EN_SECTIONS

FRENCH_ORIGINAL = """\
---
title: Une campagne franco-allemande
summary: Des communautés de France et d'Allemagne ont masqué leurs sites, sans succès.
date: 2005-06-01
outcome: failure
jurisdictions: [FR, DE]
topics: [copyright, censorship]
methods: [blackout]
organizations: [wikimedia-france]
related: [blackout]
sources:
  - title: Un article
    url: https://example.com/article
contributors: [OpenHandle]
published: 2006-01-01
---

""" + FR_SECTIONS

WIPO_TREATY = """\
---
title: "Access & fees: when 3 < 4 at WIPO"
summary: Delegates at WIPO still discuss exceptions for libraries & archives.
date: 2021
outcome: ongoing
jurisdictions: [wipo]
topics: [copyright]
methods: [litigation]
dossiers: [eu-copyright-directive]
organizations: [wikimedia-italia]
inspired_by: [catalan-law]
sources:
  - title: Meeting notes
    url: https://example.com/notes
published: 2022-02-02
---

""" + EN_SECTIONS

CORPUS: dict[str, str] = {
    "cases/vocabularies/organizations.yml": ORGANIZATIONS,
    "cases/blackout.md": VALID_CASE,
    "cases/blackout.fr.md": VALID_TRANSLATION_FR,
    "cases/catalan-law.md": CATALAN_LAW,
    "cases/french-original.fr.md": FRENCH_ORIGINAL,
    "cases/wipo-treaty.md": WIPO_TREATY,
}


def write_project(root: Path, files: dict[str, str], mkdocs_yml: str = MKDOCS_YML) -> Project:
    """Write a project like conftest's ``make_project`` does (for fixtures shared by a whole module)."""
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    for name in ("index.md", "index.fr.md", "index.ar.md"):
        (root / "docs" / name).write_text("# Home\n", encoding="utf-8")
    shutil.copytree(FIXTURES / "vocabularies", root / "cases" / "vocabularies")
    (root / "docs" / "cases").symlink_to("../cases", target_is_directory=True)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return load_project(root)
