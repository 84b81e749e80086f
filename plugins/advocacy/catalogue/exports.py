"""Open data built with the site: ``cases.json``, ``cases.csv``, an Atom feed per language, the sitemap.

The shape of ``cases.json`` is documented on the data page (its codebook is :data:`COLUMNS`) and versioned by
``format``; every export has one record per published case.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from advocacy.catalogue.records import CaseRecord, Catalogue
from advocacy.content.dates import PartialDate
from advocacy.content.urls import SiteUrls

FORMAT = 1
# Columns that are not frontmatter fields of the content model, and what they hold (the codebook).
DERIVED = {
    "id": "case_id",
    "url": "case_url",
    "original_language": "original_language",
    "languages": "languages",
    "countries": "countries",
    "regions": "regions",
    "inspired": "inspired",
}
LIST_SEPARATOR = "|"
# Columns of cases.csv, in order. Lists are joined with LIST_SEPARATOR; title and summary are the original's.
CSV_COLUMNS = (
    "id", "url", "original_language", "languages", "title", "summary", "date", "end_date", "outcome",
    "jurisdictions", "countries", "regions", "topics", "methods", "dossiers", "organizations", "related",
    "inspired_by", "inspired", "sources", "contributors", "sensitivity", "published", "updated", "reviewed_by",
    "last_reviewed", "license",
)  # fmt: skip
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _date(value: PartialDate | None) -> str | None:
    return str(value) if value is not None else None


def case_url(site_url: str, urls: SiteUrls, record: CaseRecord, language: str) -> str:
    """The public address of one language version of a case."""
    return site_url + urls.case(record.id, language)


def record_data(record: CaseRecord, site_url: str, urls: SiteUrls) -> dict[str, Any]:
    """One case as a JSON object: every public field, with dates as ISO 8601 text of their precision."""
    original = record.versions[record.original_language]
    return {
        "id": record.id,
        "url": case_url(site_url, urls, record, record.original_language),
        "original_language": record.original_language,
        "title": original.title,
        "summary": original.summary,
        "languages": {
            code: {
                "title": v.title,
                "summary": v.summary,
                "url": case_url(site_url, urls, record, code),
                "translation": v.method,
            }
            for code, v in record.versions.items()
        },
        "date": _date(record.date),
        "end_date": _date(record.end_date),
        "outcome": record.outcome,
        "jurisdictions": list(record.jurisdictions),
        "countries": list(record.countries),
        "regions": list(record.regions),
        "topics": list(record.topics),
        "methods": list(record.methods),
        "dossiers": list(record.dossiers),
        "organizations": list(record.organizations),
        "related": list(record.related),
        "inspired_by": list(record.inspired_by),
        "inspired": list(record.inspired),
        "sources": [
            {k: _date(v) if isinstance(v, PartialDate) else v for k, v in s.items()} for s in record.sources
        ],
        "contributors": list(record.contributors),
        "sensitivity": record.sensitivity,
        "published": _date(record.published),
        "updated": _date(record.updated),
        "reviewed_by": record.reviewed_by,
        "last_reviewed": _date(record.last_reviewed),
        "license": record.license,
    }


def cases_json(catalogue: Catalogue, site_url: str) -> str:
    """``cases.json``: ``{"format": 1, "count": N, "cases": [...]}``, cases sorted by id."""
    records = [
        record_data(r, site_url, catalogue.urls) for r in sorted(catalogue.records, key=lambda r: r.id)
    ]
    data = {"format": FORMAT, "count": len(records), "cases": records}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            # A source that is not online has no address: its reference stands for it.
            value = [s.get("url") or f"{s['publisher']}, {_date(s['date'])}, {s['citation']}" for s in value]
        text = LIST_SEPARATOR.join(str(v) for v in value)
    elif isinstance(value, dict):
        text = LIST_SEPARATOR.join(value)
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def cases_csv(catalogue: Catalogue, site_url: str) -> str:
    """``cases.csv``: one row per case (the original's title and summary; sources as their URLs, or for a source
    that is not online, its publisher, date and citation)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in sorted(catalogue.records, key=lambda r: r.id):
        data = record_data(record, site_url, catalogue.urls)
        writer.writerow([_cell(data[c]) for c in CSV_COLUMNS])
    return out.getvalue()


def _timestamp(value: dt.date) -> str:
    return dt.datetime.combine(value, dt.time(), dt.UTC).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class FeedEntry:
    """One entry of an Atom feed."""

    title: str
    url: str
    updated: dt.date
    summary: str
    published: dt.date | None = None
    author: str = "Advocacy Hub"
    rights: str | None = None


def atom(language: str, title: str, feed_url: str, page_url: str, entries: list[FeedEntry]) -> str:
    """An Atom feed: its ``title``, its own address, the page it follows, and its entries, newest first."""
    updated = max((e.updated for e in entries), default=dt.date(1970, 1, 1))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(language)}>',
        f"<title>{escape(title)}</title>",
        f"<id>{escape(feed_url)}</id>",
        f'<link rel="self" href={quoteattr(feed_url)}/>',
        f'<link rel="alternate" type="text/html" href={quoteattr(page_url)}/>',
        f"<updated>{_timestamp(updated)}</updated>",
    ]
    for entry in entries:
        lines += [
            "<entry>",
            f"<title>{escape(entry.title)}</title>",
            f"<id>{escape(entry.url)}</id>",
            f'<link rel="alternate" type="text/html" href={quoteattr(entry.url)}/>',
            f"<updated>{_timestamp(entry.updated)}</updated>",
        ]
        if entry.published is not None:
            lines.append(f"<published>{_timestamp(entry.published)}</published>")
        lines += [
            f"<author><name>{escape(entry.author)}</name></author>",
            f"<summary>{escape(entry.summary)}</summary>",
        ]
        if entry.rights is not None:
            lines.append(f"<rights>{escape(entry.rights)}</rights>")
        lines.append("</entry>")
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def atom_feed(catalogue: Catalogue, language: str, site_url: str, title: str, limit: int = 50) -> str:
    """The Atom feed of the cases readable in ``language``, newest publication or update first."""
    prefix = catalogue.urls.prefix(language)
    entries = [
        FeedEntry(
            title=record.versions[language].title,
            url=case_url(site_url, catalogue.urls, record, language),
            updated=record.last_change.first_day,
            summary=record.versions[language].summary,
            published=record.published.first_day if record.published is not None else None,
            author=", ".join(record.contributors) or "Advocacy Hub",
            rights=record.license,
        )
        for record in catalogue.recent(limit, language)
    ]
    return atom(language, title, f"{site_url}{prefix}feed.xml", f"{site_url}{prefix}catalogue/", entries)


def sitemap(pages: Mapping[str, Mapping[str, str]], site_url: str, default: str) -> str:
    """A sitemap of every page, each with ``hreflang`` alternates for the languages it exists in.

    Args:
        pages: For each page (keyed by its name without language), its URL in each language it exists in.
        site_url: The site's public address, ending in ``/``.
        default: The default language, used for ``x-default`` when the page exists in it.
    """
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for name in sorted(pages):
        versions = pages[name]
        alternates = _alternates(versions, site_url, default) if len(versions) > 1 else []
        for code in sorted(versions):
            lines.append(f"<url><loc>{escape(site_url + versions[code])}</loc>")
            lines.extend(alternates)
            lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _alternates(versions: Mapping[str, str], site_url: str, default: str) -> list[str]:
    links = [
        f'<xhtml:link rel="alternate" hreflang={quoteattr(code)} href={quoteattr(site_url + url)}/>'
        for code, url in sorted(versions.items())
    ]
    if default in versions:
        links.append(
            f'<xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(site_url + versions[default])}/>'
        )
    return links


def codebook_columns(fields: Iterable[str]) -> list[str]:
    """The columns of cases.json in order: derived columns and the model's fields."""
    order = ["id", "url", "original_language", "title", "summary", "languages"]
    rest = [c for c in CSV_COLUMNS if c not in order]
    return order + rest + [f for f in fields if f not in order and f not in rest]
