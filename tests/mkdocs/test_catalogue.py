"""Full builds of the sample site: what readers get from the catalogue, case pages, feeds and data.

Most tests read the session-wide build of the sample corpus (the ``built`` fixture of tests/conftest.py); one
more build checks the report of an unknown featured case.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from advocacy.locales.strings import strings
from tests.support.building import Built, build, warnings
from tests.support.corpus import CASE_IDS, CASE_URLS, EXPECTED_COUNTS
from tests.support.html import Tags, is_external, parse_xml, resolve
from tests.support.project import MKDOCS_YML, VALID_CASE, ProjectFactory

pytestmark = pytest.mark.site

PREFIXES = {"en": "", "fr": "fr/", "ar": "ar/"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
ATOM = "{http://www.w3.org/2005/Atom}"


def facet_counts(html: str) -> dict[str, dict[str, int]]:
    """The counts a catalogue page shows next to each facet value: {facet: {value: count}}."""
    counts: dict[str, dict[str, int]] = {}
    for facet, items in re.findall(
        r'<ul class="adv-facet" data-facet="([a-z]+)"[^>]*>(.*?)</ul>', html, re.S
    ):
        pairs = re.findall(r'data-value="([^"]+)">.*?<span class="adv-count">([^<]+)</span>', items, re.S)
        # int() reads any script's decimal digits, so Arabic-Indic numbers are read too.
        counts[facet] = {value: int(count) for value, count in pairs}
    return counts


# --- The build ------------------------------------------------------------------------------------------


def test_strict_build_passes_without_warnings(built: Built) -> None:
    """The corpus builds under --strict with no warning (a valid featured id is not reported)."""
    assert warnings(built.result.stderr) == []
    assert "Traceback" not in built.result.stderr


# --- Catalogue ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_catalogue_page_counts_the_corpus_in_each_language(built: Built, language: str) -> None:
    """/catalogue/, /fr/catalogue/ and /ar/catalogue/ show how many cases each facet value holds."""
    html = built.page(PREFIXES[language] + "catalogue/")
    assert facet_counts(html) == EXPECTED_COUNTS


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_each_facet_value_has_a_page_listing_its_cases(built: Built, language: str) -> None:
    """catalogue/<facet>/<value>/ exists in every language and lists as many cases as the count says."""
    listed = {
        facet: {
            value: [
                attrs.get("class")
                for tag, attrs in Tags(built.page(f"{PREFIXES[language]}catalogue/{facet}/{value}/")).tags
                if tag == "li"
            ].count("adv-case")
            for value in values
        }
        for facet, values in EXPECTED_COUNTS.items()
    }
    assert listed == EXPECTED_COUNTS


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_generated_folders_hold_exactly_the_pages_of_the_corpus(built: Built, language: str) -> None:
    """Under catalogue/, dossiers/ and organizations/ there is one folder per facet value, term or page."""
    root = built.site / PREFIXES[language]

    def folders(path: Path) -> list[str]:
        return sorted(p.name for p in path.iterdir() if p.is_dir())

    assert {facet: folders(root / "catalogue" / facet) for facet in folders(root / "catalogue")} == {
        facet: sorted(values) for facet, values in EXPECTED_COUNTS.items()
    }
    assert folders(root / "dossiers") == ["eu-copyright-directive"]
    assert folders(root / "organizations") == ["wikimedia-espana", "wikimedia-france", "wikimedia-italia"]


def test_each_generated_page_has_its_own_title_and_address(built: Built) -> None:
    """A facet or organization page is titled after its value, and its canonical address is its own."""
    found = {}
    for url in (
        "fr/catalogue/topic/copyright/",
        "ar/organizations/wikimedia-italia/",
        "catalogue/year/2005/",
    ):
        parsed = Tags(built.page(url))
        canonical = [a.get("href") for tag, a in parsed.tags if tag == "link" and a.get("rel") == "canonical"]
        html = built.page(url)
        title = html.split("<title>", 1)[1].split("</title>", 1)[0]
        heading = html.split("<h1>", 1)[1].split("</h1>", 1)[0]
        found[url] = (canonical, title, heading)
    assert found == {
        "fr/catalogue/topic/copyright/": (
            ["https://example.org/fr/catalogue/topic/copyright/"],
            "Thème: Droit d&#39;auteur - Test hub",
            "Thème: Droit d&#39;auteur",
        ),
        "ar/organizations/wikimedia-italia/": (
            ["https://example.org/ar/organizations/wikimedia-italia/"],
            "Wikimedia Italia - Test hub",
            "Wikimedia Italia",
        ),
        "catalogue/year/2005/": (
            ["https://example.org/catalogue/year/2005/"],
            "Year: 2005 - Test hub",
            "Year: 2005",
        ),
    }


ENGLISH_UI = [
    strings("en")["catalogue"]["browse_by"],
    strings("en")["catalogue"]["all_cases"],
    strings("en")["who_else"]["title"],
    strings("en")["search"]["label"],
    strings("en")["case"]["not_in_language"],
    strings("en")["listing"]["combine"],
    strings("en")["outcomes"]["partial"],
    strings("en")["home"]["recent"],
]


def test_arabic_pages_are_right_to_left_with_no_english_interface(built: Built) -> None:
    """Arabic readers get right-to-left pages whose interface is all in Arabic (only content may be English)."""
    assert ENGLISH_UI == [
        "Browse by",
        "All cases",
        "Who else works on this",
        "Search cases, the manifesto and the guides",
        "Not yet in English; available in:",
        "Combine with other filters",
        "Partial success",
        "Recently published or updated",
    ]
    for url in (
        "ar/catalogue/",
        "ar/catalogue/topic/copyright/",
        "ar/dossiers/eu-copyright-directive/",
        "ar/organizations/wikimedia-italia/",
        "ar/",
    ):
        html = built.page(url)
        tags = dict(Tags(html).tags)
        assert (tags["html"].get("lang"), tags["body"].get("dir")) == ("ar", "rtl"), url
        assert [s for s in ENGLISH_UI if s in html] == [], url
    catalogue = built.page("ar/catalogue/")
    assert strings("ar")["catalogue"]["browse_by"] in catalogue
    assert strings("ar")["who_else"]["title"] in built.page("ar/dossiers/eu-copyright-directive/")


def test_arabic_pages_declare_right_to_left_on_the_html_element(built: Built) -> None:
    """The <html> element of an Arabic page says dir="rtl", so the whole document, scrollbars included, is RTL."""
    html_tag = next(attrs for tag, attrs in Tags(built.page("ar/catalogue/")).tags if tag == "html")
    assert (html_tag.get("lang"), html_tag.get("dir")) == ("ar", "rtl")


def test_home_page_shows_the_featured_case(built: Built) -> None:
    """The featured case of mkdocs.yml heads the English home page, linked to its French page."""
    html = built.page("")
    featured = html.split('<h2 id="featured">Featured cases</h2>', 1)[1].split("</ol>", 1)[0]
    links = [resolve("", a.get("href") or "") for tag, a in Tags(featured).tags if tag == "a"]
    assert links == ["fr/cases/french-original/"]


# --- Case pages -----------------------------------------------------------------------------------------


def test_case_page_has_metadata_panel_sources_and_citation(built: Built) -> None:
    """A case page shows its metadata linked to catalogue pages, its sources and a BibTeX citation."""
    html = built.page("cases/blackout/")
    panel = html.split('<aside class="adv-meta-panel"', 1)[1].split("</aside>", 1)[0]
    links = [resolve("cases/blackout/", a.get("href") or "") for tag, a in Tags(panel).tags if tag == "a"]
    assert links == [
        "catalogue/year/2011/",
        "catalogue/country/IT/",
        "catalogue/region/150/",
        "catalogue/region/039/",
        "catalogue/outcome/success/",
        "catalogue/topic/censorship/",
        "catalogue/method/blackout/",
        "organizations/wikimedia-italia/",
        "fr/cases/blackout/",
    ]
    assert [link for link in links if not (built.site / link / "index.html").is_file()] == []
    sources = html.split('<ol class="adv-sources">', 1)[1].split("</ol>", 1)[0]
    assert [a.get("href") for tag, a in Tags(sources).tags if tag == "a"] == [
        "https://en.wikipedia.org/wiki/Example"
    ]
    assert '<h2 id="cite">Cite this case</h2>' in html
    # BibTeX is code: left to right in every language.
    assert (
        '<pre dir="ltr"><code>@misc{advocacyhub-blackout,\n'
        "  title = {A blackout against a bad law},\n"
        "  author = {Advocacy Hub contributors},\n"
        "  year = {2026},\n"
        "  howpublished = {Advocacy Hub},\n"
        "  url = {https://example.org/cases/blackout/},\n"
        "  language = {en},\n"
        "  note = {CC-BY-SA-4.0}\n"
        "}</code></pre>"
    ) in html


def test_case_pages_weigh_under_8_kb_gzipped(built: Built) -> None:
    """Every case page stays light on slow, expensive connections: under 8 KB once compressed."""
    sizes = {
        url: len(gzip.compress(built.page(url).encode("utf-8")))
        for versions in CASE_URLS.values()
        for url in versions.values()
    }
    assert len(sizes) == 5
    assert {url: size for url, size in sizes.items() if size >= 8 * 1024} == {}


def test_high_sensitivity_case_is_credited_to_nobody_anywhere_in_the_site(built: Built) -> None:
    """No built page, feed or export shows the handles of a high-sensitivity case's writers or reviewer."""
    found = [
        (path.relative_to(built.site).as_posix(), secret)
        for path in sorted(built.site.rglob("*"))
        if path.suffix in {".html", ".json", ".csv", ".xml"}
        for secret in ("SecretHandle", "SecretReviewer")
        if secret in path.read_text(encoding="utf-8")
    ]
    assert found == []
    assert "OpenHandle" in built.page("fr/cases/french-original/")


# --- Open data, feeds, sitemap, search ------------------------------------------------------------------


def test_exports_have_one_record_per_case(built: Built) -> None:
    """data/cases.json and data/cases.csv each hold every published case once."""
    data = json.loads(built.read("data/cases.json"))
    assert data["count"] == len(data["cases"]) == len(CASE_IDS)
    assert [case["id"] for case in data["cases"]] == CASE_IDS
    rows = list(csv.reader(io.StringIO(built.read("data/cases.csv"), newline="")))
    assert len(rows) == 1 + len(CASE_IDS)
    assert [row[0] for row in rows[1:]] == CASE_IDS


@pytest.mark.parametrize(
    ("feed", "entries"),
    [
        ("feed.xml", ["cases/blackout/", "cases/wipo-treaty/", "cases/catalan-law/"]),
        ("fr/feed.xml", ["fr/cases/blackout/", "fr/cases/french-original/"]),
        ("ar/feed.xml", []),
    ],
)
def test_each_language_has_a_feed_of_its_cases(built: Built, feed: str, entries: list[str]) -> None:
    """<prefix>feed.xml exists for each language, parses as Atom, and lists the cases readable in it."""
    root = parse_xml(built.read(feed))
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id") == f"https://example.org/{feed}"
    assert [e.findtext(f"{ATOM}id") for e in root.iter(f"{ATOM}entry")] == [
        f"https://example.org/{url}" for url in entries
    ]


def test_sitemap_links_the_language_versions_of_each_page(built: Built) -> None:
    """sitemap.xml parses and gives each page the hreflang alternates of the versions that exist."""
    urlset = parse_xml(built.read("sitemap.xml"))
    found = {
        url.findtext("s:loc", namespaces=SITEMAP): [
            (link.get("hreflang"), link.get("href")) for link in url.findall("x:link", SITEMAP)
        ]
        for url in urlset.findall("s:url", SITEMAP)
    }
    assert found["https://example.org/fr/cases/blackout/"] == [
        ("en", "https://example.org/cases/blackout/"),
        ("fr", "https://example.org/fr/cases/blackout/"),
        ("x-default", "https://example.org/cases/blackout/"),
    ]
    assert found["https://example.org/fr/cases/french-original/"] == []
    assert found["https://example.org/cases/catalan-law/"] == []
    assert found["https://example.org/ar/catalogue/country/DE/"] == [
        ("ar", "https://example.org/ar/catalogue/country/DE/"),
        ("en", "https://example.org/catalogue/country/DE/"),
        ("fr", "https://example.org/fr/catalogue/country/DE/"),
        ("x-default", "https://example.org/catalogue/country/DE/"),
    ]
    # Every page written is in the sitemap once: 5 case pages, 3 homes, and per language the catalogue, a page
    # per facet value, the dossiers and the organizations (with their indexes), the data page and the
    # translation dashboard.
    listings = sum(len(values) for values in EXPECTED_COUNTS.values())
    assert len(found) == 5 + 3 + 3 * (1 + listings + 2 + 4 + 1 + 1)


def test_search_index_covers_every_language(built: Built) -> None:
    """Pagefind's index is published for English, French and Arabic, each with its cases and home page."""
    entries = sorted(built.site.glob("pagefind/**/pagefind-entry.json"))
    counts = {
        code: info["page_count"]
        for path in entries
        for code, info in json.loads(path.read_text(encoding="utf-8"))["languages"].items()
    }
    # Per language: the home page, the cases written in it, and a stand-in for each case that is not.
    assert counts == {"en": 5, "fr": 5, "ar": 5}
    assert [
        p.relative_to(built.site).as_posix() for p in entries if not (p.parent / "pagefind.js").is_file()
    ] == []


# --- No third-party requests ----------------------------------------------------------------------------

# What a browser fetches by itself: stylesheets, scripts, images, frames, media (not <a href> navigation).
_FETCHING_TAGS = {"link", "script", "img", "iframe", "source", "audio", "video", "embed", "object", "track"}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
_JS_LOAD = re.compile(r"""\b(?:import|fetch|importScripts|Worker)\s*\(\s*(?:new URL\(\s*)?[`'"]([^`'"]*)""")
_JS_FROM = re.compile(r"""\b(?:from|import)\s*[`'"]([^`'"]*)""")
_HTML_IN_TEXT = re.compile(r"""<(?:link|script|img|iframe)\b[^>]*?\b(?:src|href)=\\?["']([^"'\\]+)""")


def requested_addresses(path: Path) -> list[str]:
    """The addresses a browser would load by itself from one file of the site."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        tags = Tags(text)
        found = [
            value
            for tag, attrs in tags.tags
            if tag in _FETCHING_TAGS
            for name in ("src", "href", "srcset", "poster", "data")
            if (value := attrs.get(name)) is not None
        ]
        found += [a or b for a, b in _CSS_URL.findall(text)]
        found += _JS_LOAD.findall(text)
        return found
    if path.suffix == ".css":
        return [a or b for a, b in _CSS_URL.findall(text)]
    if path.suffix == ".js":
        return _JS_LOAD.findall(text) + _JS_FROM.findall(text)
    # JSON and XML can carry HTML (search fragments, feeds): look for loading tags in them.
    return _HTML_IN_TEXT.findall(text) + re.findall(r"""<link\b[^>]*\bhref=["']([^"']+)""", text)


def test_no_file_of_the_site_makes_a_browser_contact_another_host(built: Built) -> None:
    """No page, stylesheet, script, feed or data file loads anything from a host other than the hub's own."""
    hosts: dict[str, set[str]] = {}
    scanned = 0
    for path in sorted(built.site.rglob("*")):
        if path.suffix not in {".html", ".css", ".js", ".json", ".xml"}:
            continue
        scanned += 1
        for address in requested_addresses(path):
            if is_external(address) and not address.startswith("data:"):
                host = urlsplit(address).netloc
                hosts.setdefault(host, set()).add(path.relative_to(built.site).as_posix())
    assert scanned > 100
    # The hub's own address appears in canonical links, feeds and the sitemap; nothing else does.
    assert sorted(hosts) == ["example.org"]


def test_materials_script_bundle_is_not_published(built: Built) -> None:
    """Material's JavaScript (which calls api.github.com) is neither in site/ nor loaded by any page."""
    assert [p for p in built.site.rglob("javascripts") if p.is_dir()] == []
    loaded = [
        (path.relative_to(built.site).as_posix(), address)
        for path in sorted(built.site.rglob("*"))
        if path.suffix in {".html", ".css", ".js"}
        for address in requested_addresses(path)
        if "javascripts/" in address
    ]
    assert loaded == []


# --- Links ----------------------------------------------------------------------------------------------


def test_every_relative_link_of_the_site_resolves(built: Built) -> None:
    """Every relative link, stylesheet, script and form target of every page leads to a file of the site."""
    broken = []
    for path in sorted(built.site.rglob("*.html")):
        url = path.relative_to(built.site).as_posix().removesuffix("index.html")
        for link in Tags(path.read_text(encoding="utf-8")).references():
            if is_external(link) or link.startswith("#"):
                continue
            target = urlsplit(link).path.lstrip("/") if link.startswith("/") else resolve(url, link)
            if not ((built.site / target).is_file() or (built.site / target / "index.html").is_file()):
                broken.append((url, link))
    assert broken == []


def site_path(page_url: str, link: str) -> str:
    """Where a link leads, from the site root (root-absolute links such as "/fr/" included)."""
    return link.lstrip("/") if link.startswith("/") else resolve(page_url, link)


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
@pytest.mark.parametrize(
    "path", ["catalogue/", "catalogue/topic/copyright/", "organizations/wikimedia-italia/", "data/"]
)
def test_language_switcher_of_a_generated_page_leads_to_the_same_page(
    built: Built, language: str, path: str
) -> None:
    """On /fr/catalogue/, choosing English or Arabic opens the catalogue in that language, not another page."""
    url = PREFIXES[language] + path
    tags = Tags(built.page(url)).tags
    switcher = {
        a.get("hreflang"): site_path(url, a.get("href") or "")
        for tag, a in tags
        if tag == "a" and a.get("class") == "md-select__link"
    }
    alternates = {
        a.get("hreflang"): site_path(url, a.get("href") or "")
        for tag, a in tags
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang")
    }
    expected = {code: prefix + path for code, prefix in PREFIXES.items()}
    # The head's hreflang alternates also name the default language's version as x-default.
    assert (switcher, alternates) == (expected, {**expected, "x-default": path})


# --- Configuration --------------------------------------------------------------------------------------


def test_unknown_featured_case_is_reported_and_fails_a_strict_build(make_project: ProjectFactory) -> None:
    """A featured id with no published case is named in a warning, so a strict build stops."""
    project = make_project({"cases/blackout.md": VALID_CASE})
    yml = MKDOCS_YML.replace(
        "  - advocacy-catalogue\n", "  - advocacy-catalogue:\n      featured: [blackout, unknown-id]\n"
    )
    (project.root / "mkdocs.yml").write_text(yml, encoding="utf-8")
    result = build(project.root, "--strict")
    assert result.returncode == 1
    assert warnings(result.stderr) == [
        "WARNING -  advocacy: mkdocs.yml: advocacy-catalogue: featured: there is no published case "
        '"unknown-id"; check the id (cases/<id>.md) or remove it'
    ]
    assert "Aborted with 1 warnings in strict mode!" in result.stdout


def test_every_page_declares_the_language_and_direction_of_its_text(built: Built) -> None:
    """Each written page says lang="xx" for the language it is written in, and dir="rtl" for Arabic only."""
    checked = 0
    for page in sorted(built.site.rglob("*.html")):
        relative = page.relative_to(built.site).as_posix()
        first = relative.split("/")[0]
        if first in {"pagefind", "assets"}:
            continue
        language = first if first in {"fr", "ar"} else "en"
        head = page.read_text(encoding="utf-8")[:400]
        tag = re.search(r"<html\b[^>]*>", head)
        assert tag is not None, relative
        assert f'lang="{language}"' in tag[0], relative
        assert f'dir="{"rtl" if language == "ar" else "ltr"}"' in tag[0], relative
        checked += 1
    assert checked > 100


def test_every_page_allows_only_the_sites_own_resources_and_has_no_inline_script(built: Built) -> None:
    """Each page carries the Content-Security-Policy and the no-referrer policy, and no inline script."""
    pages = [
        p
        for p in built.site.rglob("*.html")
        if not p.relative_to(built.site).as_posix().startswith("pagefind")
    ]
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(built.site).as_posix()
        assert (
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' "
            "'wasm-unsafe-eval'; style-src 'self';"
        ) in html, name
        assert '<meta name="referrer" content="no-referrer">' in html, name
        assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None, name


def test_no_e_mail_address_is_published(built: Built) -> None:
    """No page, feed or export carries an e-mail address (contributors are known by handles only)."""
    address = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
    found = []
    for path in built.site.rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".csv", ".txt", ".js"} and path.is_file():
            found += [
                (path.name, m) for m in address.findall(path.read_text(encoding="utf-8", errors="replace"))
            ]
    assert found == []
