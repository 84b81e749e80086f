"""Fast unit tests of the catalogue core: facets, regions, labels, generated pages, exports, escaping, links.

Nothing here runs MkDocs: a small corpus is written once into a temporary folder, read with the repository
reader, and turned into the catalogue, the pages and the exports the way the plugin does it.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from advocacy.catalogue.exports import CSV_COLUMNS, atom_feed, cases_csv, cases_json, sitemap
from advocacy.catalogue.records import Catalogue, Version, build_catalogue
from advocacy.content.regions import country_of, regions_of
from advocacy.content.repository import Repository, load_repository
from advocacy.site.localize import Localizer
from advocacy.site.pages import SitePages
from tests.conftest import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory, write_project

SITE_URL = "https://example.org/"

# --- The corpus -----------------------------------------------------------------------------------------
# Four cases: an English original with a French translation (IT); an English original in a subdivision and the
# EU, with high sensitivity (ES-CT, EU); a French original with no English version (FR, DE); and a case at two
# international forums, one of them with a hyphenated id, whose title holds "&" and "<" (wipo,
# council-of-europe).

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


# --- Reading HTML ---------------------------------------------------------------------------------------


class Tags(HTMLParser):
    """Every start tag of a piece of HTML with its attributes, and its text (character references decoded)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def references(self) -> list[str]:
        """The addresses the HTML links to or loads: a/link href, script/img src, form action."""
        found = []
        for _tag, attrs in self.tags:
            for name in ("href", "src", "action"):
                value = attrs.get(name)
                if value is not None:
                    found.append(value)
        return found


def resolve(page_url: str, link: str) -> str:
    """The site-root-relative URL that a relative ``link`` on the page at ``page_url`` leads to.

    Page URLs are directory URLs (``fr/catalogue/``) or file URLs (``404.html``); the query and fragment are
    dropped. A link that climbs above the site root comes back starting with ``..``.
    """
    path = urlsplit(link).path
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    target = posixpath.normpath(posixpath.join(base, path))
    if target == ".":
        return ""
    return target + "/" if path.endswith("/") else target


def parse_xml(text: str) -> ET.Element:
    """A feed or sitemap the hub wrote, parsed (the standard parser is fine for our own output)."""
    return ET.fromstring(text)  # noqa: S314


def is_external(link: str) -> bool:
    """Whether a link names a host (``https://…``, ``//…``) rather than a place relative to the page."""
    parts = urlsplit(link)
    return bool(parts.scheme or parts.netloc)


@dataclass
class Entry:
    """One case in a list, as a reader sees it."""

    href: str | None = None
    lang: str | None = None
    dir: str | None = None
    title: str = ""
    langs: str = ""


class Entries(HTMLParser):
    """The cases listed in a piece of HTML: the title link, and the note on the languages it exists in."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[Entry] = []
        self._field: str | None = None
        self._depth = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        kind = found.get("class")
        if tag == "li" and kind == "adv-case":
            self.entries.append(Entry())
        elif tag == "a" and kind == "adv-case__title":
            entry = self.entries[-1]
            entry.href, entry.lang, entry.dir = found.get("href"), found.get("lang"), found.get("dir")
            self._field = "title"
        elif tag == "span" and kind == "adv-case__langs":
            self._field, self._depth = "langs", 0
        elif tag == "span" and self._field == "langs":
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self._field == "title" and tag == "a":
            self._field = None
        elif self._field == "langs" and tag == "span":
            if self._depth:
                self._depth -= 1
            else:
                self._field = None

    def handle_data(self, data: str) -> None:
        if self._field == "title":
            self.entries[-1].title += data
        elif self._field == "langs":
            self.entries[-1].langs += data


# --- Fixtures -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    """The corpus, read and checked once for the whole module."""
    project = write_project(tmp_path_factory.mktemp("catalogue") / "hub", CORPUS)
    repository = load_repository(project)
    assert [str(p) for p in repository.problems] == []
    return repository


@pytest.fixture
def catalogue(repository: Repository) -> Catalogue:
    """A fresh catalogue of the corpus (some tests change its records)."""
    return build_catalogue(repository)


def site_pages(
    catalogue: Catalogue, repository: Repository, language: str, featured: tuple[str, ...] = ()
) -> SitePages:
    return SitePages(catalogue, language, repository.vocabularies, repository.model, SITE_URL, featured)


def rendered_parts(site: SitePages, edit_url: str | None = None) -> list[tuple[str, str, str]]:
    """(URL, kind, HTML) of every piece one language build renders: generated pages, home, case parts."""
    parts = [(page.url, page.kind, page.render()) for page in site.pages()]
    parts.append((site.prefix, "home", site.home(site.prefix)))
    for record in site.catalogue.records:
        url = site.case_url(record)
        top, bottom = site.case_parts(record.id, url, edit_url)
        parts += [(url, "case top", top), (url, "case bottom", bottom)]
    return parts


# --- Facets ---------------------------------------------------------------------------------------------


def test_facet_counts_match_the_corpus(catalogue: Catalogue) -> None:
    """Each facet value lists exactly the cases it applies to, so the counts readers see are right."""
    counts = {facet: {v: len(r) for v, r in values.items()} for facet, values in catalogue.index.items()}
    assert counts == EXPECTED_COUNTS
    assert [r.id for r in catalogue.index["country"]["ES"]] == ["catalan-law"]
    assert [r.id for r in catalogue.index["language"]["fr"]] == ["blackout", "french-original"]
    assert sorted(catalogue.by_id) == CASE_IDS


def test_facet_values_read_in_a_natural_order(catalogue: Catalogue) -> None:
    """Outcomes go from success to ongoing, regions come before their sub-regions, years newest first."""
    assert list(catalogue.index["outcome"]) == ["success", "partial", "failure", "ongoing"]
    assert list(catalogue.index["region"]) == ["150", "039", "155"]
    assert list(catalogue.index["decade"]) == ["2020", "2010", "2000"]
    assert list(catalogue.index["year"]) == ["2021", "2019", "2011", "2005"]
    assert [r.id for r in catalogue.records] == ["wipo-treaty", "catalan-law", "blackout", "french-original"]


def test_case_versions_name_the_original_and_the_translations(catalogue: Catalogue) -> None:
    """A case knows which languages it can be read in, and which of them is the original."""
    versions = {r.id: {c: v.method for c, v in r.versions.items()} for r in catalogue.records}
    assert versions == {
        "wipo-treaty": {"en": None},
        "catalan-law": {"en": None},
        "blackout": {"en": None, "fr": "machine"},
        "french-original": {"fr": None},
    }
    assert catalogue.by_id["french-original"].original_language == "fr"


@pytest.mark.parametrize(
    ("jurisdiction", "country", "regions", "region_names"),
    [
        ("FR", "FR", ("150", "155"), ["Europe", "Western Europe"]),
        ("ES-CT", "ES", ("150", "039"), ["Europe", "Southern Europe"]),
        ("EU", None, ("150",), ["Europe"]),
        ("wipo", None, (), []),
        ("council-of-europe", None, (), []),
    ],
)
def test_jurisdictions_map_to_countries_and_un_regions(
    repository: Repository,
    jurisdiction: str,
    country: str | None,
    regions: tuple[str, ...],
    region_names: list[str],
) -> None:
    """A case is browsable by the country and UN region of its jurisdiction; the EU is in Europe only."""
    assert country_of(jurisdiction) == country
    assert regions_of(jurisdiction) == regions
    localizer = Localizer("en", "en", repository.vocabularies)
    assert [localizer.region(code) for code in regions] == region_names


def test_inspired_is_the_reverse_of_inspired_by(catalogue: Catalogue) -> None:
    """A case lists the later cases that took its approach, exactly those that name it in inspired_by."""
    assert {r.id: r.inspired for r in catalogue.records} == {
        "wipo-treaty": [],
        "catalan-law": ["wipo-treaty"],
        "blackout": ["catalan-law"],
        "french-original": [],
    }
    for record in catalogue.records:
        for later in catalogue.records:
            assert (later.id in record.inspired) == (record.id in later.inspired_by)


def test_organizations_near_a_case_leave_out_its_own(catalogue: Catalogue) -> None:
    """ "Who else works on this" names organizations with cases on shared topics, never the case's own."""
    assert catalogue.organizations_near(["catalan-law"]) == [("wikimedia-italia", 2), ("wikimedia-france", 1)]
    assert catalogue.organizations_near(["wipo-treaty"]) == [("wikimedia-espana", 2), ("wikimedia-france", 1)]
    assert catalogue.organizations_near(["wipo-treaty"], exclude=["wikimedia-espana"]) == [
        ("wikimedia-france", 1)
    ]


def test_recent_cases_are_the_last_published_or_updated(catalogue: Catalogue) -> None:
    """The home page and the feeds show the cases published or updated last, per language when asked."""
    assert [r.id for r in catalogue.recent(3)] == ["blackout", "wipo-treaty", "catalan-law"]
    assert [r.id for r in catalogue.recent(6, "fr")] == ["blackout", "french-original"]
    assert catalogue.recent(6, "ar") == []


# --- Labels and listings --------------------------------------------------------------------------------

LABELS: dict[str, dict[tuple[str, str], str]] = {
    "en": {
        ("country", "DE"): "Germany",
        ("region", "150"): "Europe",
        ("region", "039"): "Southern Europe",
        ("topic", "copyright"): "Copyright",
        ("method", "blackout"): "Site blackout",
        ("dossier", "eu-copyright-directive"): "EU copyright directive",
        ("organization", "wikimedia-espana"): "Wikimedia España",
        ("outcome", "partial"): "Partial success",
        ("decade", "2010"): "2010s",
        ("year", "2019"): "2019",
        ("language", "fr"): "French",
    },
    "fr": {
        ("country", "DE"): "Allemagne",
        ("region", "150"): "Europe",
        ("region", "039"): "Europe du Sud",
        ("topic", "copyright"): "Droit d'auteur",
        ("method", "blackout"): "Blackout du site",
        ("dossier", "eu-copyright-directive"): "Directive européenne sur le droit d'auteur",
        ("organization", "wikimedia-espana"): "Wikimedia España",
        ("outcome", "partial"): "Succès partiel",
        ("decade", "2010"): "années 2010",
        ("year", "2019"): "2019",
        ("language", "fr"): "français",
    },
    "ar": {
        ("country", "DE"): "ألمانيا",
        ("region", "150"): "أوروبا",
        ("region", "039"): "جنوب أوروبا",
        ("topic", "copyright"): "حقوق المؤلف",
        ("method", "blackout"): "حجب الموقع احتجاجًا",
        ("dossier", "eu-copyright-directive"): "توجيه حقوق المؤلف الأوروبي",
        ("organization", "wikimedia-espana"): "Wikimedia España",
        ("outcome", "partial"): "نجاح جزئي",
        ("decade", "2010"): "عقد 2010",
        ("year", "2019"): "2019",
        ("language", "fr"): "الفرنسية",
    },
}


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_facet_labels_are_in_the_reader_language(
    catalogue: Catalogue, repository: Repository, language: str
) -> None:
    """Countries, regions, languages, outcomes and vocabulary terms are named in the page's language."""
    site = site_pages(catalogue, repository, language)
    labels = {key: site.facet_label(*key) for key in LABELS[language]}
    assert labels == LABELS[language]


def test_french_and_arabic_catalogues_name_countries_in_their_language(
    catalogue: Catalogue, repository: Repository
) -> None:
    """The French catalogue says "Allemagne" and the Arabic one "ألمانيا", sorted by their own names."""
    french = site_pages(catalogue, repository, "fr")
    assert french.facet_values("country") == [
        ("DE", "Allemagne", 1),
        ("ES", "Espagne", 1),
        ("FR", "France", 1),
        ("IT", "Italie", 1),
    ]
    for site, label in ((french, "Allemagne"), (site_pages(catalogue, repository, "ar"), "ألمانيا")):
        page = next(p for p in site.pages() if p.kind == "catalogue")
        links = [
            (attrs.get("data-value"), resolve(page.url, attrs.get("href") or ""))
            for tag, attrs in Tags(page.render()).tags
            if tag == "a" and attrs.get("data-value") == "DE"
        ]
        assert links == [("DE", f"{site.prefix}catalogue/country/DE/")]
        assert f"<bdi>{label}</bdi>" in page.render()


def test_forums_are_named_by_their_label_even_with_a_hyphenated_id(
    catalogue: Catalogue, repository: Repository
) -> None:
    """A forum such as council-of-europe is shown by its name, not taken for a subdivision code."""
    site = site_pages(catalogue, repository, "fr")
    assert [site.loc.jurisdiction(j) for j in ("wipo", "council-of-europe", "ES-CT", "EU")] == [
        "OMPI",
        "Conseil de l'Europe",
        "Catalunya [Cataluña] (Espagne)",
        "Union européenne",
    ]
    listing = next(p for p in site.pages() if p.url == "fr/catalogue/outcome/ongoing/").render()
    assert "<bdi>OMPI</bdi>, <bdi>Conseil de l&#39;Europe</bdi>" in listing


def test_case_missing_in_french_is_marked_in_english_in_a_french_listing(
    catalogue: Catalogue, repository: Repository
) -> None:
    """A French list shows English-only cases with their English title, marked as English, and says so."""
    site = site_pages(catalogue, repository, "fr")
    html = next(p for p in site.pages() if p.url == "fr/catalogue/topic/copyright/").render()
    assert [(e.title, e.lang, e.dir, e.langs) for e in Entries(html).entries] == [
        (
            "Access & fees: when 3 < 4 at WIPO",
            "en",
            "ltr",
            "Pas encore en français ; disponible en : anglais",
        ),
        ("A Catalan copyright campaign", "en", "ltr", "Pas encore en français ; disponible en : anglais"),
        ("Une campagne franco-allemande", None, None, ""),
    ]
    arabic = site_pages(catalogue, repository, "ar")
    html = next(p for p in arabic.pages() if p.url == "ar/catalogue/country/IT/").render()
    assert [(e.title, e.langs) for e in Entries(html).entries] == [
        ("A blackout against a bad law", "غير متوفرة بالعربية بعد؛ متاحة بـ: الإنجليزية, الفرنسية")
    ]


def test_case_with_no_english_version_is_marked_in_french_for_english_readers(
    catalogue: Catalogue, repository: Repository
) -> None:
    """The English catalogue lists a French-only case under its French title, marked as French."""
    site = site_pages(catalogue, repository, "en")
    html = next(p for p in site.pages() if p.url == "catalogue/").render()
    entries = {e.title: e for e in Entries(html).entries}
    assert sorted(entries) == [
        "A Catalan copyright campaign",
        "A blackout against a bad law",
        "Access & fees: when 3 < 4 at WIPO",
        "Une campagne franco-allemande",
    ]
    french = entries["Une campagne franco-allemande"]
    assert (french.lang, french.dir, french.langs) == (
        "fr",
        "ltr",
        "Not yet in English; available in: French",
    )
    assert [e.langs for t, e in entries.items() if t != "Une campagne franco-allemande"] == ["", "", ""]


def test_case_links_in_lists_lead_to_the_version_the_reader_can_read(
    catalogue: Catalogue, repository: Repository
) -> None:
    """From a French list, an English-only case links to its English page and a French case to its French one."""
    found = {}
    for language, url in [
        ("fr", "fr/catalogue/topic/copyright/"),
        ("en", "catalogue/"),
        ("ar", "ar/dossiers/eu-copyright-directive/"),
        ("fr", "fr/"),
    ]:
        site = site_pages(catalogue, repository, language)
        pages = {page.url: page for page in site.pages()}
        html = pages[url].render() if url in pages else site.home(url)
        found[url] = [resolve(url, e.href or "") for e in Entries(html).entries]
    assert found == {
        "fr/catalogue/topic/copyright/": [
            "cases/wipo-treaty/",
            "cases/catalan-law/",
            "fr/cases/french-original/",
        ],
        "catalogue/": [
            "cases/wipo-treaty/",
            "cases/catalan-law/",
            "cases/blackout/",
            "fr/cases/french-original/",
        ],
        "ar/dossiers/eu-copyright-directive/": ["cases/catalan-law/", "cases/wipo-treaty/"],
        "fr/": [
            "fr/cases/blackout/",
            "cases/wipo-treaty/",
            "cases/catalan-law/",
            "fr/cases/french-original/",
        ],
    }


def test_home_features_the_configured_cases_that_exist(catalogue: Catalogue, repository: Repository) -> None:
    """The home page shows the editors' featured cases in order, skipping an id that is not published."""
    site = site_pages(catalogue, repository, "en", featured=("french-original", "no-such-case", "blackout"))
    html = site.home("")
    featured = html.split('<h2 id="featured">', 1)[1].split("</ol>", 1)[0]
    titles = [
        attrs.get("href")
        for tag, attrs in Tags(featured).tags
        if tag == "a" and attrs.get("class") == "adv-case__title"
    ]
    assert titles == ["fr/cases/french-original/", "cases/blackout/"]
    assert '<h2 id="featured">' not in site_pages(catalogue, repository, "en").home("")


# --- Exports --------------------------------------------------------------------------------------------


def test_cases_json_has_every_published_case_with_its_fields(catalogue: Catalogue) -> None:
    """cases.json counts the published cases and gives each one its metadata and its versions."""
    data = json.loads(cases_json(catalogue, SITE_URL))
    assert data["format"] == 1
    assert data["count"] == len(data["cases"]) == 4
    assert [case["id"] for case in data["cases"]] == CASE_IDS
    by_id = {case["id"]: case for case in data["cases"]}
    assert by_id["french-original"] == {
        "id": "french-original",
        "url": "https://example.org/fr/cases/french-original/",
        "original_language": "fr",
        "title": "Une campagne franco-allemande",
        "summary": "Des communautés de France et d'Allemagne ont masqué leurs sites, sans succès.",
        "languages": {
            "fr": {
                "title": "Une campagne franco-allemande",
                "summary": "Des communautés de France et d'Allemagne ont masqué leurs sites, sans succès.",
                "url": "https://example.org/fr/cases/french-original/",
                "translation": None,
            }
        },
        "date": "2005-06-01",
        "end_date": None,
        "outcome": "failure",
        "jurisdictions": ["FR", "DE"],
        "countries": ["FR", "DE"],
        "regions": ["150", "155"],
        "topics": ["copyright", "censorship"],
        "methods": ["blackout"],
        "dossiers": [],
        "organizations": ["wikimedia-france"],
        "related": ["blackout"],
        "inspired_by": [],
        "inspired": [],
        "sources": [{"title": "Un article", "url": "https://example.com/article"}],
        "contributors": ["OpenHandle"],
        "sensitivity": "normal",
        "published": "2006-01-01",
        "updated": None,
        "reviewed_by": "OpenReviewer",
        "last_reviewed": "2006-02-01",
        "license": "CC-BY-SA-4.0",
    }
    assert by_id["blackout"]["languages"] == {
        "en": {
            "title": "A blackout against a bad law",
            "summary": "The community blacked out the site for a day, and the clause was dropped.",
            "url": "https://example.org/cases/blackout/",
            "translation": None,
        },
        "fr": {
            "title": "Un blackout contre une mauvaise loi",
            "summary": "La communauté a masqué le site pendant un jour, et la clause a été retirée.",
            "url": "https://example.org/fr/cases/blackout/",
            "translation": "machine",
        },
    }
    assert (by_id["catalan-law"]["countries"], by_id["catalan-law"]["regions"]) == (["ES"], ["150", "039"])
    assert by_id["blackout"]["inspired"] == ["catalan-law"]
    assert by_id["wipo-treaty"]["date"] == "2021"
    assert all(list(case) == list(by_id["french-original"]) for case in data["cases"])


def test_cases_csv_has_one_row_per_case(catalogue: Catalogue) -> None:
    """cases.csv has a header and one row per case, lists joined with "|", sources as their URLs."""
    rows = list(csv.DictReader(io.StringIO(cases_csv(catalogue, SITE_URL), newline="")))
    assert [row["id"] for row in rows] == CASE_IDS
    assert tuple(rows[0]) == CSV_COLUMNS
    blackout = rows[0]
    assert {k: blackout[k] for k in ("languages", "regions", "inspired", "sources", "end_date", "title")} == {
        "languages": "en|fr",
        "regions": "150|039",
        "inspired": "catalan-law",
        "sources": "https://en.wikipedia.org/wiki/Example",
        "end_date": "2011-10-06",
        "title": "A blackout against a bad law",
    }
    assert rows[3]["title"] == "Access & fees: when 3 < 4 at WIPO"


@pytest.mark.parametrize("first", ["=", "+", "-", "@"])
def test_csv_cell_that_a_spreadsheet_would_run_starts_with_an_apostrophe(
    make_project: ProjectFactory, first: str
) -> None:
    """A title starting with "=" (or +, -, @) is written '=… in cases.csv, so spreadsheets show it as text."""
    title = f"{first}1+2 and a formula"
    project = make_project(
        {"cases/formula.md": VALID_CASE.replace("A blackout against a bad law", f'"{title}"')}
    )
    repository = load_repository(project)
    assert [str(p) for p in repository.problems] == []
    catalogue = build_catalogue(repository)
    rows = list(csv.DictReader(io.StringIO(cases_csv(catalogue, SITE_URL), newline="")))
    assert [(row["id"], row["title"]) for row in rows] == [("formula", f"'{title}")]
    assert json.loads(cases_json(catalogue, SITE_URL))["cases"][0]["title"] == title


ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize(
    ("language", "entries"),
    [
        (
            "en",
            [
                ("https://example.org/cases/blackout/", "A blackout against a bad law"),
                ("https://example.org/cases/wipo-treaty/", "Access & fees: when 3 < 4 at WIPO"),
                ("https://example.org/cases/catalan-law/", "A Catalan copyright campaign"),
            ],
        ),
        (
            "fr",
            [
                ("https://example.org/fr/cases/blackout/", "Un blackout contre une mauvaise loi"),
                ("https://example.org/fr/cases/french-original/", "Une campagne franco-allemande"),
            ],
        ),
        ("ar", []),
    ],
)
def test_feed_lists_only_the_cases_readable_in_its_language(
    catalogue: Catalogue, language: str, entries: list[tuple[str, str]]
) -> None:
    """Each language's Atom feed lists the cases written or translated in it, newest change first."""
    feed = parse_xml(atom_feed(catalogue, language, SITE_URL, "Test hub"))
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    found = [(e.findtext(f"{ATOM}id"), e.findtext(f"{ATOM}title")) for e in feed.iter(f"{ATOM}entry")]
    assert found == entries


def test_feed_escapes_markup_characters_in_titles(catalogue: Catalogue) -> None:
    """A title with "&" and "<" is escaped in the feed, so feed readers get valid XML and the same text."""
    xml = atom_feed(catalogue, "en", SITE_URL, "Hub & co <news>")
    assert "<title>Access &amp; fees: when 3 &lt; 4 at WIPO</title>" in xml
    assert (
        "<summary>Delegates at WIPO still discuss exceptions for libraries &amp; archives.</summary>" in xml
    )
    assert "<title>Hub &amp; co &lt;news&gt;</title>" in xml
    assert parse_xml(xml).findtext(f"{ATOM}title") == "Hub & co <news>"


def test_sitemap_lists_alternates_only_for_versions_that_exist() -> None:
    """The sitemap gives hreflang alternates (and x-default when the default exists) for real versions only."""
    xml = sitemap(
        {
            "cases/blackout.md": {"en": "cases/blackout/", "fr": "fr/cases/blackout/"},
            "cases/french-original.md": {"fr": "fr/cases/french-original/"},
            "guide.md": {"fr": "fr/guide/", "ar": "ar/guide/"},
        },
        SITE_URL,
        "en",
    )
    urlset = parse_xml(xml)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    found = {
        url.findtext("s:loc", namespaces=ns): [
            (link.get("hreflang"), link.get("href")) for link in url.findall("x:link", ns)
        ]
        for url in urlset.findall("s:url", ns)
    }
    blackout = [
        ("en", "https://example.org/cases/blackout/"),
        ("fr", "https://example.org/fr/cases/blackout/"),
        ("x-default", "https://example.org/cases/blackout/"),
    ]
    guide = [("ar", "https://example.org/ar/guide/"), ("fr", "https://example.org/fr/guide/")]
    assert found == {
        "https://example.org/cases/blackout/": blackout,
        "https://example.org/fr/cases/blackout/": blackout,
        "https://example.org/fr/cases/french-original/": [],
        "https://example.org/ar/guide/": guide,
        "https://example.org/fr/guide/": guide,
    }


# --- Sensitivity ----------------------------------------------------------------------------------------

SECRETS = ("SecretHandle", "SecretReviewer")


def test_high_sensitivity_hides_people_in_exports(catalogue: Catalogue) -> None:
    """A high-sensitivity case names no writer or reviewer in cases.json, cases.csv or the feed."""
    record = catalogue.by_id["catalan-law"]
    assert (record.contributors, record.reviewed_by) == ((), None)
    exports = {
        "cases.json": cases_json(catalogue, SITE_URL),
        "cases.csv": cases_csv(catalogue, SITE_URL),
        "feed.xml": atom_feed(catalogue, "en", SITE_URL, "Test hub"),
    }
    assert {name: [s for s in SECRETS if s in text] for name, text in exports.items()} == {
        "cases.json": [],
        "cases.csv": [],
        "feed.xml": [],
    }
    case = next(c for c in json.loads(exports["cases.json"])["cases"] if c["id"] == "catalan-law")
    assert (case["contributors"], case["reviewed_by"], case["sensitivity"]) == ([], None, "high")
    # A normal case still credits its people, so the check above would see a leak.
    assert "OpenHandle" in exports["cases.json"]
    assert "OpenReviewer" in exports["cases.csv"]


def test_high_sensitivity_hides_people_on_the_case_page_and_in_the_citation(
    catalogue: Catalogue, repository: Repository
) -> None:
    """The page and the citation of a high-sensitivity case credit the hub's contributors, naming nobody."""
    site = site_pages(catalogue, repository, "en")
    top, bottom = site.case_parts("catalan-law", "cases/catalan-law/", None)
    citation = site.citation(catalogue.by_id["catalan-law"], "en")
    for text in (top, bottom, citation["text"], citation["bibtex"]):
        assert [s for s in SECRETS if s in text] == []
    assert citation["text"] == (
        "Advocacy Hub contributors. “A Catalan copyright campaign”. Advocacy Hub, January 1, 2020. "
        "https://example.org/cases/catalan-law/"
    )
    assert "  author = {Advocacy Hub contributors},\n" in citation["bibtex"]
    assert "<dd>Facts checked against the sources on January 10, 2020.</dd>" in top
    # A normal case names its writer and reviewer in the same places.
    french = site_pages(catalogue, repository, "fr")
    top, bottom = french.case_parts("french-original", "fr/cases/french-original/", None)
    assert "OpenReviewer" in top
    assert "<bdi>OpenHandle</bdi>" in bottom
    assert french.citation(catalogue.by_id["french-original"], "fr")["text"].startswith("OpenHandle. ")


# --- Escaping -------------------------------------------------------------------------------------------

PAYLOAD = '<script>alert(1)</script> "><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &#34;&gt;&lt;img src=x onerror=alert(1)&gt;"


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_markup_in_titles_and_summaries_is_shown_as_text_everywhere(
    catalogue: Catalogue, repository: Repository, language: str
) -> None:
    """Even if markup got past validation, every page shows it as text and never runs it."""
    for record in catalogue.records:
        for code, version in list(record.versions.items()):
            record.versions[code] = Version(
                code, f"{PAYLOAD} {version.title}", f"{PAYLOAD} {version.summary}", version.method
            )
    site = site_pages(catalogue, repository, language)
    parts = rendered_parts(site)
    assert {kind for _, kind, _ in parts} >= {
        "catalogue",
        "listing",
        "dossier",
        "organization",
        "home",
        "case top",
        "case bottom",
    }
    for url, kind, html in parts:
        tags = Tags(html)
        scripts = [resolve(url, attrs.get("src") or "") for tag, attrs in tags.tags if tag == "script"]
        assert scripts == (["assets/advocacy/catalogue.js"] if kind == "catalogue" else []), (url, kind)
        assert [tag for tag, _ in tags.tags if tag == "img"] == [], (url, kind)
        assert [a for _, attrs in tags.tags for a in attrs if a.startswith("on")] == [], (url, kind)
        if kind not in {"dossiers", "organizations", "data"}:
            assert ESCAPED in html, (url, kind)
            assert PAYLOAD in "".join(tags.text), (url, kind)


# --- Links ----------------------------------------------------------------------------------------------


def test_every_link_of_a_language_build_is_relative_and_leads_to_a_page(
    catalogue: Catalogue, repository: Repository
) -> None:
    """Every link the French build generates is relative and reaches a generated page, a case or an export."""
    site = site_pages(catalogue, repository, "fr")
    parts = rendered_parts(site)
    pages = {page.url for page in site.pages()}
    cases = {url for versions in CASE_URLS.values() for url in versions.values()}
    files = {
        "assets/advocacy/catalogue.js",
        "data/cases.json",
        "data/cases.csv",
        "schema/case.schema.json",
        "sitemap.xml",
        "feed.xml",
        "fr/feed.xml",
        "ar/feed.xml",
    }
    broken: list[tuple[str, str]] = []
    external: set[str] = set()
    for url, _, html in parts:
        for link in Tags(html).references():
            if is_external(link):
                external.add(link)
                continue
            target = resolve(url, link)
            if link.startswith("/") or target not in pages | cases | files:
                broken.append((url, link))
    assert broken == []
    # The only other sites linked are the organizations' websites and the cases' sources.
    assert external == {
        "https://www.wikimedia.it/",
        "https://www.wikimedia.es/",
        "https://www.wikimedia.fr/",
        "https://en.wikipedia.org/wiki/Example",
        "https://example.com/report",
        "https://example.com/article",
        "https://example.com/notes",
    }
    # Every catalogue, facet, dossier and organization page and every case is reached from the others (the
    # indexes of dossiers and organizations and the data page are in the navigation).
    reached = {resolve(url, link) for url, _, html in parts for link in Tags(html).references()}
    indexes = {page.url for page in site.pages() if page.kind in {"dossiers", "organizations", "data"}}
    assert indexes == {"fr/dossiers/", "fr/organizations/", "fr/data/"}
    assert pages - indexes <= reached
    assert cases <= reached


def test_every_language_generates_the_same_pages_under_its_prefix(
    catalogue: Catalogue, repository: Repository
) -> None:
    """Each language has the catalogue, a page per facet value, dossiers, organizations and data pages."""
    names = {
        language: sorted(page.name for page in site_pages(catalogue, repository, language).pages())
        for language in ("en", "fr", "ar")
    }
    assert names["fr"] == names["en"] == names["ar"]
    expected_listings = sorted(
        f"catalogue/{facet}/{value}/index.md" for facet, values in EXPECTED_COUNTS.items() for value in values
    )
    assert [n for n in names["en"] if n.count("/") == 3] == expected_listings
    urls = [page.url for page in site_pages(catalogue, repository, "ar").pages()]
    assert all(url.startswith("ar/") for url in urls)
    assert "ar/catalogue/country/DE/" in urls
