"""The open data of the sample corpus: cases.json, cases.csv, the Atom feeds and the sitemap, with the people of
a high-sensitivity case left out."""

from __future__ import annotations

import csv
import io
import json

import pytest

from advocacy.catalogue.exports import CSV_COLUMNS, atom_feed, cases_csv, cases_json, sitemap
from advocacy.catalogue.records import Catalogue, build_catalogue
from advocacy.content.repository import load_repository
from tests.support.corpus import CASE_IDS, SECRETS, SITE_URL
from tests.support.html import parse_xml
from tests.support.project import VALID_CASE, ProjectFactory


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
