"""The pages generated from the sample corpus, rendered the way the plugin does it (no MkDocs): labels in the
reader's language, lists, the home page, case panels, escaping and links."""

from __future__ import annotations

import pytest

from advocacy.catalogue.exports import cases_csv
from advocacy.catalogue.records import Catalogue, Version, build_catalogue
from advocacy.content.repository import Repository, load_repository
from advocacy.content.vocabularies import Term, Vocabularies
from advocacy.site.pages import SitePages
from tests.support.corpus import CASE_URLS, EXPECTED_COUNTS, SECRETS, SITE_URL
from tests.support.html import Entries, Tags, is_external, resolve
from tests.support.project import VALID_CASE, ProjectFactory


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


# --- Labels and listings -------------------------------------------------------------------------------


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
    # Listed the French way, from CLDR ("A et B"), each name isolated.
    assert "<bdi>OMPI</bdi> et <bdi>Conseil de l&#39;Europe</bdi>" in listing


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
        # Listed the Arabic way (CLDR: "A وB"), never with a Latin comma.
        ("A blackout against a bad law", "غير متوفرة بالعربية بعد؛ متاحة بـ: الإنجليزية والفرنسية")
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


# --- Case pages ----------------------------------------------------------------------------------------


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
    assert "<dd>Facts checked against the sources on <bdi>January 10, 2020</bdi>.</dd>" in top
    # A normal case names its writer and reviewer in the same places.
    french = site_pages(catalogue, repository, "fr")
    top, bottom = french.case_parts("french-original", "fr/cases/french-original/", None)
    assert "OpenReviewer" in top
    assert "<bdi>OpenHandle</bdi>" in bottom
    assert french.citation(catalogue.by_id["french-original"], "fr")["text"].startswith("OpenHandle. ")


# --- Escaping ------------------------------------------------------------------------------------------


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


# --- Links ---------------------------------------------------------------------------------------------


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
            if link.startswith("#"):
                continue  # a place in the same page
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


def test_descriptions_are_in_the_readers_language_or_marked_as_another(
    catalogue: Catalogue, repository: Repository
) -> None:
    """A dossier's page and a topic's list show the description in the reader's language; a language that
    lacks it gets the default language's, marked with its language and direction; a term without one shows none."""
    terms = {name: dict(by_id) for name, by_id in repository.vocabularies.terms.items()}
    copyright_ = terms["topics"]["copyright"]
    described = {
        **copyright_.fields,
        "description": {"en": "Who may copy what.", "fr": "Qui peut copier quoi."},
    }
    terms["topics"]["copyright"] = Term(copyright_.id, described, copyright_.line)
    vocabularies = Vocabularies(terms)

    def page(language: str, url: str) -> str:
        site = SitePages(catalogue, language, vocabularies, repository.model, SITE_URL)
        return next(p for p in site.pages() if p.url == url).render()

    assert '<p class="adv-description">Qui peut copier quoi.</p>' in page(
        "fr", "fr/catalogue/topic/copyright/"
    )
    arabic = page("ar", "ar/catalogue/topic/copyright/")
    assert '<p class="adv-description" lang="en" dir="ltr">Who may copy what.</p>' in arabic
    dossier = page("ar", "ar/dossiers/eu-copyright-directive/")
    assert '<p class="adv-description">توجيه عام 2019 وتطبيقاته الوطنية.</p>' in dossier
    assert "The 2019 directive" not in dossier
    assert "adv-description" not in page("fr", "fr/catalogue/topic/censorship/")


def test_the_catalogue_points_to_the_offline_copies_when_the_site_has_them(
    catalogue: Catalogue, repository: Repository
) -> None:
    """The hint under the catalogue's search box says that search needs JavaScript and a web address, and,
    when the site has a downloads page, links to it (the offline copies have their own search)."""
    page = next(p for p in site_pages(catalogue, repository, "fr").pages() if p.kind == "catalogue")
    without = page.render()
    assert "adresse web" in without and "Copies hors ligne" not in without
    site = SitePages(
        catalogue, "fr", repository.vocabularies, repository.model, SITE_URL, downloads="fr/downloads/"
    )
    with_link = next(p for p in site.pages() if p.kind == "catalogue").render()
    assert '<a href="../../fr/downloads/">Copies hors ligne, avec leur propre recherche</a></p>' in with_link


def test_who_else_works_on_this_says_what_each_organization_shares(
    catalogue: Catalogue, repository: Repository
) -> None:
    """Each organization near a case is listed with the topics and dossiers it shares, each named once."""
    site = site_pages(catalogue, repository, "en")
    _, bottom = site.case_parts("catalan-law", "cases/catalan-law/", None)
    near = bottom.split('<ul class="adv-near">', 1)[1].split("</ul>", 1)[0]
    items = [" ".join(Tags(item).text).split() for item in near.split("</li>")[:-1]]
    assert [" ".join(words) for words in items] == [
        "Wikimedia Italia also works on EU copyright directive and Copyright",
        "Wikimédia France also works on Copyright",
    ]
    assert site.subjects(["dossier:eu-copyright-directive", "topic:copyright", "topic:copyright"]) == (
        "<bdi>EU copyright directive</bdi> and <bdi>Copyright</bdi>"
    )


def test_a_print_only_source_is_shown_with_its_reference_and_no_link(make_project: ProjectFactory) -> None:
    """A source that is not online is listed with its publisher, date and citation, without a link; the CSV
    export gives its reference where other sources give their address."""
    sources = VALID_CASE.replace(
        "    url: https://en.wikipedia.org/wiki/Example\n",
        "    url: https://en.wikipedia.org/wiki/Example\n"
        "  - title: Les encyclopédies libres\n"
        "    publisher: Le Monde diplomatique\n"
        "    date: 2011-10\n"
        "    citation: Print edition, issue 691, page 3\n",
    )
    repository = load_repository(make_project({"cases/blackout.md": sources}))
    assert repository.problems == []
    catalogue = build_catalogue(repository)
    _, bottom = site_pages(catalogue, repository, "en").case_parts("blackout", "cases/blackout/", None)
    items = bottom.split('<ol class="adv-sources">', 1)[1].split("</ol>", 1)[0]
    assert (
        "<li><bdi>Les encyclopédies libres</bdi>, <bdi>Le Monde diplomatique</bdi>, <bdi>October 2011</bdi>, "
        "<bdi>Print edition, issue 691, page 3</bdi></li>"
    ) in items
    assert items.count("<a ") == 1  # the online source only
    assert (
        "https://en.wikipedia.org/wiki/Example|Le Monde diplomatique, 2011-10, Print edition, issue 691, page 3"
        in cases_csv(catalogue, SITE_URL)
    )
