"""The sample corpus: four cases in English and French with organizations, forums, a dossier and a
high-sensitivity case, and what a reader should count and find in it. The catalogue's unit tests read it, and
the session-wide sample site (the ``built`` fixture) is built from it.

Four cases: an English original with a French translation (IT); an English original in a subdivision and the
EU, with high sensitivity (ES-CT, EU); a French original with no English version (FR, DE); and a case at two
international forums, one of them with a hyphenated id, whose title holds "&" and "<" (wipo,
council-of-europe).
"""

from __future__ import annotations

from tests.support.project import MKDOCS_YML, VALID_CASE, VALID_TRANSLATION_FR

SITE_URL = "https://example.org/"

EN_SECTIONS = VALID_CASE.split("---\n", 2)[2]
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

FORUMS = """\
wipo:
  label: {en: WIPO, fr: OMPI, ar: الويبو}
council-of-europe:
  label: {en: Council of Europe, fr: Conseil de l'Europe, ar: مجلس أوروبا}
"""

CATALAN_LAW = (
    """\
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

"""
    + EN_SECTIONS
)

FRENCH_ORIGINAL = (
    """\
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
reviewed_by: OpenReviewer
last_reviewed: 2006-02-01
---

"""
    + FR_SECTIONS
)

WIPO_TREATY = (
    """\
---
title: "Access & fees: when 3 < 4 at WIPO"
summary: Delegates at WIPO still discuss exceptions for libraries & archives.
date: 2021
outcome: ongoing
jurisdictions: [wipo, council-of-europe]
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

"""
    + EN_SECTIONS
)

CORPUS: dict[str, str] = {
    "cases/vocabularies/organizations.yml": ORGANIZATIONS,
    "cases/vocabularies/forums.yml": FORUMS,
    "cases/blackout.md": VALID_CASE,
    "cases/blackout.fr.md": VALID_TRANSLATION_FR,
    "cases/catalan-law.md": CATALAN_LAW,
    "cases/french-original.fr.md": FRENCH_ORIGINAL,
    "cases/wipo-treaty.md": WIPO_TREATY,
}

# What a reader counts next to each facet value of the corpus, in every language.
EXPECTED_COUNTS: dict[str, dict[str, int]] = {
    "topic": {"censorship": 2, "copyright": 3},
    "method": {"blackout": 2, "litigation": 2},
    "region": {"150": 3, "039": 2, "155": 1},
    "country": {"DE": 1, "ES": 1, "FR": 1, "IT": 1},
    "dossier": {"eu-copyright-directive": 2},
    "outcome": {"success": 1, "partial": 1, "failure": 1, "ongoing": 1},
    "decade": {"2020": 1, "2010": 2, "2000": 1},
    "year": {"2021": 1, "2019": 1, "2011": 1, "2005": 1},
    "organization": {"wikimedia-espana": 1, "wikimedia-france": 1, "wikimedia-italia": 2},
    "language": {"en": 3, "fr": 2},
}
CASE_IDS = ["blackout", "catalan-law", "french-original", "wipo-treaty"]
# Where each language version of each case is read.
CASE_URLS = {
    "blackout": {"en": "cases/blackout/", "fr": "fr/cases/blackout/"},
    "catalan-law": {"en": "cases/catalan-law/"},
    "french-original": {"fr": "fr/cases/french-original/"},
    "wipo-treaty": {"en": "cases/wipo-treaty/"},
}

# The sample site's configuration: one case featured on the home page.
FEATURED_YML = MKDOCS_YML.replace(
    "  - advocacy-catalogue\n", "  - advocacy-catalogue:\n      featured: [french-original]\n"
)

# The writer and the reviewer of the high-sensitivity case: no page, export or feed may name them.
SECRETS = ("SecretHandle", "SecretReviewer")
