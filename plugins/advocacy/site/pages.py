"""The pages the hub generates from the catalogue, and the parts it adds to case pages and home pages.

Everything is rendered with Jinja2 with autoescaping on: every value that comes from content is escaped.
Links are relative, so ``site/`` works from any static server and from any folder.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from advocacy.catalogue.exports import codebook_columns
from advocacy.catalogue.records import FACETS, CaseRecord, Catalogue
from advocacy.content.dates import PartialDate
from advocacy.content.model import CaseModel
from advocacy.content.urls import language_prefix, relative, root_of, segment
from advocacy.content.vocabularies import Vocabularies
from advocacy.locales.strings import strings
from advocacy.site.dashboard import Dashboard
from advocacy.site.localize import Localizer
from advocacy.site.timeline import Timeline, draw_timeline

PAGE_SIZE = 100
# Stands for the link from a page to the site root in cached HTML; YAML and Markdown text cannot hold a NUL.
ROOT = "\x00root\x00"
ROOT_MARKUP = Markup(ROOT)  # noqa: S704 - our own constant, no content in it
# The path segment of shell pages (see GeneratedPage.shell), and what stands in a shell's theme output for the
# title and the content of each page made from it.
SHELL = "_shell_"
TITLE_MARK = "ADVOCACYSHELLTITLE"
CONTENT_MARK = "<!--advocacy-shell-content-->"
# Facets whose values are term ids of a vocabulary, and that vocabulary.
VOCABULARY_OF = {
    "topic": "topics",
    "method": "methods",
    "dossier": "dossiers",
    "organization": "organizations",
}
# Facets the home page offers as ways in.
HOME_FACETS = ("region", "topic", "dossier")


class PageKind(StrEnum):
    """What a generated page is."""

    CATALOGUE = "catalogue"
    LISTING = "listing"  # the cases with one facet value
    DOSSIERS = "dossiers"
    DOSSIER = "dossier"
    ORGANIZATIONS = "organizations"
    ORGANIZATION = "organization"
    DATA = "data"
    TRANSLATIONS = "translations"
    CHANGELOG = "changelog"
    ENDORSEMENTS = "endorsements"
    CHANGES = "changes"  # what changed in a version of the manifesto
    SHELL = "shell"  # the frame of the many pages of one shape


@dataclass(frozen=True)
class GeneratedPage:
    """A page the hub generates in one language.

    Attributes:
        url: Its site-root-relative URL (``fr/catalogue/topic/copyright/``).
        name: Its source name without language (``catalogue/topic/copyright/index.md``), the same in every
            language, so the versions of one page can be matched.
        title: Its title.
        kind: What the page is.
        render: Produces the page's HTML content.
        shell: For the many pages of one shape (facet lists, dossiers, organizations), the URL of the page
            whose theme output serves as their frame: the same depth, with ``_shell_`` segments. The build
            renders that one page through the theme and fills in the others (their title, content and own
            address); ``None`` for a page the theme renders itself.
    """

    url: str
    name: str
    title: str
    kind: PageKind
    render: Callable[[], str]
    shell: str | None = None


@cache
def environment() -> Environment:
    """The Jinja2 environment of the hub's templates (autoescaped, strict about unknown names)."""
    env = Environment(
        loader=PackageLoader("advocacy", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


class SitePages:
    """The generated pages and additions of one language build.

    Args:
        catalogue: The published cases.
        language: The language of the build.
        vocabularies: The vocabularies (labels, dossier descriptions, organization details).
        model: The content model (the data page's codebook).
        site_url: The site's public address, for citations (may be empty).
        featured: Ids of the cases the home page features, in order.
        dashboard: The translation dashboard of the language.
        downloads: The site-root-relative URL of the downloads page for this language (offline copies, with
            their own search, which the catalogue points to), or ``None`` when the site has none.
        today: The day of the build (ongoing cases run to it on timelines).
    """

    def __init__(
        self,
        catalogue: Catalogue,
        language: str,
        vocabularies: Vocabularies,
        model: CaseModel,
        site_url: str = "",
        featured: tuple[str, ...] = (),
        dashboard: Dashboard | None = None,
        downloads: str | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.language = language
        self.default = catalogue.default
        self.vocabularies = vocabularies
        self.model = model
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.featured = featured
        self.dashboard = dashboard
        self.downloads = downloads
        self.today = today or dt.date.today()
        self.loc = Localizer(language, self.default, vocabularies)
        self.ui = self.loc.ui
        self.prefix = language_prefix(language, self.default)
        self._entries: dict[str, Markup] = {}
        self._links: dict[tuple[str, str], Markup] = {}
        self._listed: dict[tuple[Markup, ...], Markup] = {}
        self._near: dict[tuple[str, tuple[str, ...]], Markup] = {}

    # Addresses ---------------------------------------------------------------------------------------------

    def case_url(self, record: CaseRecord) -> str:
        """Where a reader of this language reads the case: in their language, else in the one shown instead."""
        version = record.version(self.language, self.default)
        return self.catalogue.urls.case(record.id, version.language)

    def facet_url(self, facet: str, value: str, page: int = 1) -> str:
        """The static page listing the cases with one facet value."""
        base = f"{self.prefix}catalogue/{facet}/{segment(value)}/"
        return base if page == 1 else f"{base}{page}/"

    def catalogue_url(self, **filters: str) -> str:
        """The catalogue, with filters in its query string (the JavaScript catalogue reads them)."""
        query = "&".join(f"{k}={segment(v)}" for k, v in filters.items())
        return f"{self.prefix}catalogue/" + (f"?{query}" if query else "")

    def dossier_url(self, dossier: str) -> str:
        """A dossier's page."""
        return f"{self.prefix}dossiers/{dossier}/"

    def organization_url(self, organization: str) -> str:
        """An organization's page."""
        return f"{self.prefix}organizations/{organization}/"

    def prefix_of(self, language: str) -> str:
        """The URL prefix of a language (``""`` or ``"fr/"``)."""
        return language_prefix(language, self.default)

    # Labels ------------------------------------------------------------------------------------------------

    def facet_label(self, facet: str, value: str) -> str:
        """The name of a facet value in this language."""
        if facet in VOCABULARY_OF:
            return self.loc.term(VOCABULARY_OF[facet], value)
        if facet == "region":
            return self.loc.region(value)
        if facet == "country":
            return self.loc.country(value)
        if facet == "outcome":
            return self.loc.outcome(value)
        if facet == "decade":
            return str(self.ui["decade"]).format(decade=self.loc.year(int(value)))
        if facet == "year":
            return self.loc.year(int(value))
        if facet == "language":
            return self.loc.language_name(value)
        raise KeyError(facet)

    def facet_description(self, facet: str, value: str) -> tuple[str, str] | None:
        """The description of a facet value that is a vocabulary term, in this language or else the default
        one, with the language of the text; ``None`` when it has none."""
        term = self.vocabularies.terms.get(VOCABULARY_OF.get(facet, ""), {}).get(value)
        return term.description(self.language, self.default) if term is not None else None

    def facet_values(self, facet: str) -> list[tuple[str, str, int]]:
        """(value, label, count) for every value of a facet, in reading order (labels sorted as text)."""
        values = [(v, self.facet_label(facet, v), len(r)) for v, r in self.catalogue.index[facet].items()]
        if facet in {"region", "outcome", "decade", "year"}:
            return values
        return sorted(values, key=lambda item: item[1].casefold())

    # Pages -------------------------------------------------------------------------------------------------

    def pages(self) -> Iterator[GeneratedPage]:
        """Every page this language build generates."""
        ui = self.ui
        yield GeneratedPage(
            f"{self.prefix}catalogue/",
            "catalogue/index.md",
            ui["catalogue"]["title"],
            PageKind.CATALOGUE,
            self._catalogue,
        )
        for facet in FACETS:
            for value, records in self.catalogue.index[facet].items():
                label = self.facet_label(facet, value)
                pages = max(1, math.ceil(len(records) / PAGE_SIZE))
                for number in range(1, pages + 1):
                    url = self.facet_url(facet, value, number)
                    title = f"{ui['facets'][facet]}: {label}"
                    if number > 1:
                        title += " " + ui["page_n"].format(n=self.loc.number(number))
                    yield GeneratedPage(
                        url,
                        url.removeprefix(self.prefix) + "index.md",
                        title,
                        PageKind.LISTING,
                        self._listing_renderer(facet, value, number, pages),
                        shell=shell_of(url, 2 if number == 1 else 3),
                    )
        yield GeneratedPage(
            f"{self.prefix}dossiers/",
            "dossiers/index.md",
            ui["dossiers"]["title"],
            PageKind.DOSSIERS,
            self._dossiers,
        )
        for dossier in self.vocabularies.terms.get("dossiers", {}):
            yield GeneratedPage(
                self.dossier_url(dossier),
                f"dossiers/{dossier}/index.md",
                self.loc.term("dossiers", dossier),
                PageKind.DOSSIER,
                lambda dossier=dossier: self._dossier(dossier),  # type: ignore[misc]
                shell=shell_of(self.dossier_url(dossier), 1),
            )
        yield GeneratedPage(
            f"{self.prefix}organizations/",
            "organizations/index.md",
            ui["organizations"]["title"],
            PageKind.ORGANIZATIONS,
            self._organizations,
        )
        for organization in self.vocabularies.terms.get("organizations", {}):
            yield GeneratedPage(
                self.organization_url(organization),
                f"organizations/{organization}/index.md",
                self.loc.term("organizations", organization),
                PageKind.ORGANIZATION,
                lambda organization=organization: self._organization(organization),  # type: ignore[misc]
                shell=shell_of(self.organization_url(organization), 1),
            )
        yield GeneratedPage(
            f"{self.prefix}data/", "data/index.md", ui["data"]["title"], PageKind.DATA, self._data
        )
        if self.dashboard is not None:
            yield GeneratedPage(
                f"{self.prefix}translations/",
                "translations/index.md",
                ui["translations"]["title"],
                PageKind.TRANSLATIONS,
                lambda: self.render(
                    "translations.html", f"{self.prefix}translations/", dashboard=self.dashboard
                ),
            )

    def entry(self, record: CaseRecord) -> Markup:
        """A case as an item of a list (rendered once per case and language, then reused on every list)."""
        cached = self._entries.get(record.id)
        if cached is None:
            template = environment().get_template("entry.html")
            html = template.render(site=self, ui=self.ui, loc=self.loc, record=record, root=ROOT)
            # Rendered with autoescaping: safe to reuse as markup.
            cached = self._entries[record.id] = Markup(html)  # noqa: S704
        return cached

    def value_link(self, facet: str, value: str) -> Markup:
        """A link to the page of one facet value, dossier or organization (cached: case pages repeat them)."""
        key = (facet, value)
        cached = self._links.get(key)
        if cached is None:
            if facet == "dossier":
                url = self.dossier_url(value)
            elif facet == "organization":
                url = self.organization_url(value)
            else:
                url = self.facet_url(facet, value)
            label = self.facet_label(facet, value)
            # ROOT is our own constant; url and label are escaped by format().
            cached = Markup('<a href="{}{}"><bdi>{}</bdi></a>').format(ROOT_MARKUP, url, label)
            self._links[key] = cached
        return cached

    def value_links(self, facet: str, values: Iterable[str]) -> Markup:
        """Links to the pages of several values of one facet, listed the way the language lists things."""
        return self.loc.join(self.value_link(facet, value) for value in values)

    def when(self, record: CaseRecord) -> str:
        """When a case happened, from its fields: its date, its date range, or "since" its date while it
        is ongoing (the title's own years are the writer's words; this line is the data)."""
        return self.loc.date_range(record.date, record.end_date, ongoing=record.outcome == "ongoing")

    def places(self, record: CaseRecord) -> Markup:
        """Where a case happened: its jurisdictions' names, each isolated, listed the language's way."""
        return self.loc.join(
            Markup("<bdi>{}</bdi>").format(self.loc.jurisdiction(j)) for j in record.jurisdictions
        )

    def places_linked(self, record: CaseRecord) -> Markup:
        """Where a case happened, each country linked to its list (a forum or the EU has none)."""
        items = []
        for code in record.jurisdictions:
            country = code.split("-")[0]
            name = self.loc.jurisdiction(code)
            if country in self.catalogue.index["country"]:
                url = ROOT_MARKUP + self.facet_url("country", country)
                items.append(Markup('<a href="{}"><bdi>{}</bdi></a>').format(url, name))
            else:
                items.append(Markup("<bdi>{}</bdi>").format(name))
        return self.loc.join(items)

    def versions_line(self, record: CaseRecord) -> Markup:
        """The languages a case can be read in, each linked (but this page's) and said to be the original or
        how it was translated."""
        items = []
        for code, version in record.versions.items():
            name = Markup("<bdi>{}</bdi>").format(self.loc.language_name(code))
            if code != self.language:
                url = ROOT_MARKUP + self.catalogue.urls.case(record.id, code)
                name = Markup('<a href="{}" hreflang="{}">{}</a>').format(url, code, name)
            how = (
                self.ui["case"]["original"]
                if version.method is None
                else self.ui["translation_methods"][version.method]
            )
            items.append(Markup('{} <span class="adv-note">({})</span>').format(name, how))
        return self.loc.join(items)

    def language_list(self, codes: Iterable[str]) -> Markup:
        """Names of languages in the page's language (words of this page: no ``lang`` of their own)."""
        return self.listed(self.loc.language_name(code) for code in codes)

    def feed_links(self, codes: Iterable[str]) -> Markup:
        """Links to each language's feed, named in the page's language."""
        return self.loc.join(
            Markup('<a href="{}{}feed.xml" hreflang="{}"><bdi>{}</bdi></a>').format(
                ROOT_MARKUP, self.prefix_of(code), code, self.loc.language_name(code)
            )
            for code in codes
        )

    def case_links(self, ids: Iterable[str]) -> Markup:
        """Links to cases by their titles in the version this reader gets (its language marked when not the
        page's), listed the language's way."""
        links = []
        for case_id in ids:
            record = self.catalogue.by_id.get(case_id)
            if record is None:
                continue
            version = record.version(self.language, self.default)
            links.append(
                Markup('<a href="{}{}"{}>{}</a>').format(
                    ROOT_MARKUP, self.case_url(record), self.other_language(version.language), version.title
                )
            )
        return self.loc.join(links)

    def places_of(self, ids: Iterable[str]) -> Markup:
        """The places and dates of cases (a short way to name them on a timeline), listed."""
        return self.loc.join(
            Markup("{} (<bdi>{}</bdi>)").format(self.places(record), self.when(record))
            for case_id in ids
            if (record := self.catalogue.by_id.get(case_id)) is not None
        )

    def outcome_words(self, records: Iterable[CaseRecord]) -> Markup:
        """The outcomes of some cases, each in its colour, in the usual order."""
        present = {record.outcome for record in records}
        return self.loc.join(
            Markup('<span class="adv-outcome adv-outcome--{}">{}</span>').format(outcome, word)
            for outcome, word in self.outcomes.items()
            if outcome in present
        )

    @property
    def today_as_date(self) -> PartialDate:
        """The day of the build, as a date to write."""
        return PartialDate(self.today.year, self.today.month, self.today.day)

    def listed(self, items: Iterable[str]) -> Markup:
        """Names listed the language's way, each isolated (a handle in Latin script inside Arabic text).

        The same lists come back on page after page (a case's topics, what an organization shares): each is
        made once per language build."""
        key = tuple(escape(item) for item in items)
        cached = self._listed.get(key)
        if cached is None:
            cached = self._listed[key] = self.loc.join(Markup("<bdi>%s</bdi>") % item for item in key)
        return cached

    def entries(self, records: Iterable[CaseRecord]) -> Markup:
        """A list of cases."""
        # Each entry is already safe markup: join them as text rather than escaping each one again.
        items = "".join(self.entry(record) for record in records)
        return Markup('<ol class="adv-cases">\n' + items + "</ol>")  # noqa: S704

    def other_language(self, code: str) -> Markup:
        """The ``lang`` and ``dir`` attributes of text in another language than the page's (none for its own)."""
        if code == self.language:
            return Markup("")
        return Markup(' lang="{}" dir="{}"').format(code, self.loc.direction_of(code))

    def near(self, organizations: list[tuple[str, tuple[str, ...]]]) -> Markup:
        """The list "who else works on this": each organization with what it shares with this page's cases
        (the topics and dossiers of its own cases), so the reader knows why it is listed."""
        if not organizations:
            return Markup("<p>{}</p>").format(self.ui["who_else"]["none"])
        items = Markup("").join(
            self._near_item(organization, shared) for organization, shared in organizations
        )
        return Markup('<p>{}</p>\n<ul class="adv-near">\n{}</ul>').format(self.ui["near"]["why"], items)

    def _near_item(self, organization: str, shared: tuple[str, ...]) -> Markup:
        """One organization of "who else works on this": the same on every page that lists it with the same
        subjects (links are written from the site root), so made once per language build."""
        key = (organization, shared)
        item = self._near.get(key)
        if item is None:
            item = self._near[key] = Markup('<li>{} <span class="adv-note">{}</span></li>\n').format(
                self.value_link("organization", organization),
                self.fill(self.ui["near"]["shared"], subjects=self.subjects(shared)),
            )
        return item

    def subjects(self, keys: Iterable[str]) -> Markup:
        """Topics and dossiers named in the page's language, from ``topic:<id>`` and ``dossier:<id>`` keys (a
        name said once: a dossier and a topic may share one)."""
        names = dict.fromkeys(self.facet_label(*key.split(":", 1)) for key in keys)
        return self.listed(names)

    @staticmethod
    def link_to(href: str, text: str) -> Markup:
        """A link, its address and text escaped."""
        return Markup('<a href="{}">{}</a>').format(href, text)

    def fill(self, text: str, **values: str | Markup) -> Markup:
        """A UI string with its ``{placeholders}`` filled in: the string is escaped, and each value is
        escaped unless it is markup, then isolated (a name in another script keeps its own direction)."""
        isolated = {
            key: value if isinstance(value, Markup) else Markup("<bdi>{}</bdi>").format(value)
            for key, value in values.items()
        }
        return escape(text).format(**isolated)

    def render(self, template: str, url: str, **context: Any) -> str:
        """Render one of the hub's templates for the page at ``url``, its links relative to that page."""
        # Links are written from the site root (ROOT), then ROOT becomes the way up from this page: one
        # replacement per page instead of a computation per link.
        html = (
            environment()
            .get_template(template)
            .render(site=self, ui=self.ui, loc=self.loc, link=lambda to: ROOT + to, here=url, **context)
        )
        return html.replace(ROOT, root_of(url))

    def _catalogue(self) -> str:
        url = f"{self.prefix}catalogue/"
        records = self.catalogue.records
        return self.render(
            "catalogue.html",
            url,
            facets=[(f, self.facet_values(f)) for f in FACETS],
            records=records[:PAGE_SIZE],
            total=len(records),
            search_root=relative(url, ""),
        )

    def _listing_renderer(self, facet: str, value: str, number: int, pages: int) -> Callable[[], str]:
        def render() -> str:
            records = self.catalogue.index[facet][value]
            url = self.facet_url(facet, value, number)
            return self.render(
                "listing.html",
                url,
                facet=facet,
                value=value,
                label=self.facet_label(facet, value),
                description=self.facet_description(facet, value),
                records=records[(number - 1) * PAGE_SIZE : number * PAGE_SIZE],
                total=len(records),
                number=number,
                pages=pages,
                page_url=lambda n: self.facet_url(facet, value, n),
                filtered=self.catalogue_url(**{facet: value}),
            )

        return render

    def _dossiers(self) -> str:
        url = f"{self.prefix}dossiers/"
        dossiers = [
            (d, self.loc.term("dossiers", d), len(self.catalogue.index["dossier"].get(d, [])))
            for d in self.vocabularies.terms.get("dossiers", {})
        ]
        return self.render("dossiers.html", url, dossiers=sorted(dossiers, key=lambda d: d[1].casefold()))

    def _dossier(self, dossier: str) -> str:
        url = self.dossier_url(dossier)
        records = sorted(self.catalogue.index["dossier"].get(dossier, []), key=lambda r: (r.date, r.id))
        term = self.vocabularies.terms["dossiers"][dossier]
        return self.render(
            "dossier.html",
            url,
            dossier=dossier,
            description=term.description(self.language, self.default),
            records=records,
            timeline=self.timeline(records),
            near=self.catalogue.organizations_near([r.id for r in records])[:8],
        )

    def timeline(self, records: list[CaseRecord]) -> Timeline:
        """The timeline of a dossier's cases; an ongoing case runs to the day of the build."""
        rows = [(r.id, r.date, r.end_date, r.outcome == "ongoing") for r in records]
        return draw_timeline(rows, self.today, rtl=self.loc.direction == "rtl")

    def _organizations(self) -> str:
        url = f"{self.prefix}organizations/"
        organizations = [
            (o, self.loc.term("organizations", o), len(self.catalogue.index["organization"].get(o, [])))
            for o in self.vocabularies.terms.get("organizations", {})
        ]
        return self.render(
            "organizations.html", url, organizations=sorted(organizations, key=lambda o: o[1].casefold())
        )

    def _organization(self, organization: str) -> str:
        url = self.organization_url(organization)
        records = self.catalogue.index["organization"].get(organization, [])
        term = self.vocabularies.terms["organizations"][organization]
        topics: dict[str, int] = {}
        for record in records:
            for topic in record.topics:
                topics[topic] = topics.get(topic, 0) + 1
        dossiers = sorted({d for r in records for d in r.dossiers})
        return self.render(
            "organization.html",
            url,
            organization=organization,
            fields=term.fields,
            records=records,
            topics=sorted(topics.items(), key=lambda t: (-t[1], t[0])),
            dossiers=dossiers,
            near=self.catalogue.organizations_near([r.id for r in records], exclude=[organization])[:8],
        )

    def _data(self) -> str:
        url = f"{self.prefix}data/"
        return self.render(
            "data.html",
            url,
            fields=self.model.fields,
            count=len(self.catalogue.records),
            languages=self.catalogue.languages,
        )

    # Additions to written pages ----------------------------------------------------------------------------

    def case_parts(self, case_id: str, url: str, edit_url: str | None, changes: str = "") -> tuple[str, str]:
        """The HTML put before and after the body of a case page (metadata panel; sources, links, citation)."""
        record = self.catalogue.by_id[case_id]
        version = record.versions.get(self.language) or record.version(self.language, self.default)
        context = {
            "record": record,
            "version": version,
            "edit_url": edit_url,
            "near": self.catalogue.organizations_near([record.id])[:5],
            "citation": self.citation(record, version.language),
            "changes": changes,
        }
        return (
            self.render("case_top.html", url, **context),
            self.render("case_bottom.html", url, **context),
        )

    def home(self, url: str, manifesto: str | None = None) -> str:
        """The sections the home page shows below its text: featured and recent cases, ways in, and the
        manifesto (at the site-root-relative URL ``manifesto``, when the site has one)."""
        featured = [self.catalogue.by_id[i] for i in self.featured if i in self.catalogue.by_id]
        return self.render(
            "home.html",
            url,
            featured=featured,
            recent=self.catalogue.recent(6),
            ways=[(f, self.facet_values(f)) for f in HOME_FACETS],
            count=len(self.catalogue.records),
            manifesto=manifesto,
        )

    def citation(self, record: CaseRecord, language: str) -> dict[str, Any]:
        """How to cite a case: a sentence (``text``; ``html``, its parts isolated) and a BibTeX entry."""
        version = record.versions[language]
        authors = ", ".join(record.contributors) or self.ui["cite"]["hub_contributors"]
        when = record.published or record.last_change
        url = self.site_url + self.catalogue.urls.case(record.id, language)
        text = f"{authors}. “{version.title}”. Advocacy Hub, {self.loc.date(when)}. {url}"
        # The title keeps its own language and direction, the address is always left to right (in Arabic
        # text an unisolated URL shows its final slash first), and the names are isolated.
        html = Markup(
            '<bdi>{}</bdi>. “<bdi lang="{}" dir="{}">{}</bdi>”. <bdi lang="en">Advocacy Hub</bdi>, '
            '<bdi>{}</bdi>. <bdi dir="ltr">{}</bdi>'
        ).format(
            authors,
            language,
            self.loc.direction_of(language),
            version.title,
            self.loc.date(when),
            url,
        )

        def bib(value: str) -> str:
            # BibTeX groups with braces; a stray brace in a title would end the field early.
            return value.replace("{", "").replace("}", "").replace("\\", "")

        bibtex = "\n".join(
            [
                f"@misc{{advocacyhub-{record.id},",
                f"  title = {{{bib(version.title)}}},",
                f"  author = {{{bib(' and '.join(record.contributors) or 'Advocacy Hub contributors')}}},",
                f"  year = {{{when.year}}},",
                "  howpublished = {Advocacy Hub},",
                f"  url = {{{url}}},",
                f"  language = {{{language}}},",
                f"  note = {{{record.license}}}",
                "}",
            ]
        )
        return {"text": text, "html": html, "bibtex": bibtex}

    def codebook(self) -> list[tuple[str, dict[str, Any]]]:
        """Each column of the exports with its meaning, from the UI strings of the language (``data.columns``).
        A column they lack falls back to the content model's description, in English (``en`` is then true)."""
        derived: dict[str, str] = self.ui["data"]["columns"]
        rows: list[tuple[str, dict[str, Any]]] = []
        for name in codebook_columns(self.model.fields):
            if name in derived:
                rows.append((name, {"text": derived[name], "en": False}))
            else:
                spec = self.model.fields[name]
                rows.append((name, {"text": spec.description, "en": self.language != self.default}))
        return rows

    @cached_property
    def outcomes(self) -> dict[str, str]:
        """The outcome words of this language."""
        return {k: str(v) for k, v in self.ui["outcomes"].items()}

    def date(self, value: PartialDate | None) -> str:
        """A date in this language ("" for none)."""
        return self.loc.date(value) if value is not None else ""


def shell_of(url: str, segments: int) -> str:
    """The shell of a page: its URL with its last ``segments`` path segments replaced by ``_shell_``."""
    parts = url.rstrip("/").split("/")
    return "/".join(parts[:-segments] + [SHELL] * segments) + "/"


def fill_frame(frame: str, shell_path: str, page: GeneratedPage, prefix: str) -> str:
    """A page made from its shell's theme output: its own address, title and content put in.

    Args:
        frame: The theme's HTML of the shell page (relative links are right: the depth is the same).
        shell_path: The shell's URL without the language prefix; every mention (canonical address, language
            switcher) becomes the page's.
        page: The page to make.
        prefix: The language's URL prefix.
    """
    return (
        frame.replace(shell_path, page.url.removeprefix(prefix))
        .replace(TITLE_MARK, str(escape(page.title)))
        .replace(CONTENT_MARK, page.render())
    )


def translation_note(
    language: str,
    default: str,
    method: str | None,
    status: str,
    href: str,
    source_language: str,
    changes: str = "",
) -> str:
    """The note at the top of a translated page: how it was made, and whether its source changed since.

    Args:
        language: The page's language.
        default: The site's default language.
        method: ``translation.method`` of the page.
        status: Its status against its source (see :func:`advocacy.translations.units.unit_status`).
        href: A link from the page to its source.
        source_language: The source's language.
        changes: What changed in the source since the translation's pin (a diff), when the history says.
    """
    loc = Localizer(language, default, Vocabularies())
    template = environment().get_template("translation_note.html")
    return template.render(
        ui=loc.ui,
        loc=loc,
        note_method=method,
        note_status=status,
        note_href=href,
        note_language=source_language,
        note_changes=changes,
    )


def help_translate(language: str, links: list[tuple[Any, str]]) -> str:
    """The line under a page that lacks translations: a link per language, named in that language.

    Args:
        language: The page's language (the line's label is in it).
        links: (site language, link that starts the translation) pairs.
    """
    if not links:
        return ""
    label = escape(strings(language)["translation_note"]["help"])
    items = Markup(" · ").join(
        Markup('<a href="{}" hreflang="{}" lang="{}" rel="nofollow">{}</a>').format(
            href, lang.code, lang.code, lang.name
        )
        for lang, href in links
    )
    return str(Markup('<p class="adv-help-translate" data-pagefind-ignore>{} {}</p>').format(label, items))
