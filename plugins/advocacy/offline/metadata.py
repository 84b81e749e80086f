"""The metadata Kiwix shows for an offline copy, and the openZIM rules it must follow.

The rules are those of the openZIM wiki's "ZIM Metadata" page, as zimcheck enforces them (openzim/zim-tools,
``src/metadata_constraints.cpp``): the mandatory keys, lengths counted in graphemes (Title 30, Description 80,
LongDescription 4,000), the date as ``YYYY-MM-DD``, the language as ISO 639-3 codes, and a 48x48 PNG icon.
libzim writes whatever it is given, so the copy is checked before it is written, and read back by the tests.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import pycountry

from advocacy.content.project import CONFIG_FILE
from advocacy.locales.strings import strings
from advocacy.offline.illustration import SIZE, png_size
from advocacy.offline.settings import Settings
from advocacy.reading.problems import Problem

MANDATORY = ("Name", "Title", "Creator", "Publisher", "Date", "Description", "Language")
LIMITS = {"Title": 30, "Description": 80, "LongDescription": 4000}
# The content's licence, as an SPDX id: the default of the case model (pages say so where a case differs).
LICENSE = "CC-BY-SA-4.0"
# The same across versions; Kiwix tells variants of one Name apart by it ("maxi": everything, with pictures).
FLAVOUR = "maxi"
TAGS = ("advocacy", "wikimedia", "law", "_category:other", "_ftindex:yes", "_pictures:yes", "_videos:no")
# openZIM naming convention: {domain}_{lang}_{selection}, lowercase letters, digits, "-" and ".".
NAME = re.compile(r"[a-z0-9.\-]+_[a-z0-9.\-]+_[a-z0-9.\-]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters that join the grapheme before them: zero-width joiners and variation selectors.
_JOINERS = {"\u200c", "\u200d", *map(chr, range(0xFE00, 0xFE10))}


def graphemes(text: str) -> int:
    """How many graphemes (user-perceived characters) ``text`` holds, as zimcheck counts them with ICU: marks
    (accents, Devanagari vowel signs and virama, Arabic harakat) belong to the character before them."""
    return sum(1 for ch in text if ch not in _JOINERS and not unicodedata.category(ch).startswith("M"))


def iso639_3(code: str) -> str:
    """The ISO 639-3 code of a site language (``fr`` -> ``fra``; ``pt-BR`` -> ``por``).

    Raises:
        ValueError: when the language is unknown to ISO 639.
    """
    base = code.split("-")[0].split("_")[0].lower()
    found = pycountry.languages.get(alpha_2=base) if len(base) == 2 else pycountry.languages.get(alpha_3=base)
    if found is None:
        raise ValueError(f"'{code}' is not an ISO 639 language code")
    return str(found.alpha_3)


@dataclass(frozen=True)
class Metadata:
    """The metadata of one language's copy.

    Attributes:
        values: Each key (``Title``) and its text, in the order they are written.
        sources: For the keys a person writes, the file and field they come from (for messages).
    """

    values: dict[str, str]
    sources: dict[str, tuple[str, str]]


def name_of(language: str) -> str:
    """The copy's stable identifier (``advocacy-hub_fr_all``), the same in every monthly file."""
    return f"advocacy-hub_{language.lower()}_all"


def file_name(language: str, day: dt.date) -> str:
    """The copy's file name: ``advocacy-hub_<language>_<yyyy-mm>.zim``."""
    return f"advocacy-hub_{language.lower()}_{day:%Y-%m}.zim"


def metadata_for(settings: Settings, language: str, default: str, day: dt.date) -> Metadata:
    """The metadata of the copy of ``language`` made on ``day``.

    Args:
        settings: What mkdocs.yml says (the hub's name in each language, the public address).
        language: The site language of the copy.
        default: The site's default language (its pages have no prefix).
        day: The date of the copy.
    """
    ui = strings(language)
    prefix = "" if language == default else f"{language}/"
    locale_file = f"plugins/advocacy/locales/{language}.yml"
    try:
        scraper_version = importlib.metadata.version("advocacy-hub")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        scraper_version = "unknown"
    values = {
        "Name": name_of(language),
        "Title": settings.site_names.get(language, ""),
        "Description": str(ui["offline"]["description"]),
        "Language": iso639_3(language),
        "Creator": str(ui["cite"]["hub_contributors"]),
        "Publisher": settings.site_names.get(default, ""),
        "Date": day.isoformat(),
        "Flavour": FLAVOUR,
        "Tags": ";".join(TAGS),
        "Source": settings.site_url + prefix,
        "License": LICENSE,
        "Scraper": f"advocacy-hub {scraper_version}",
    }
    sources = {
        "Title": (CONFIG_FILE, f"site_name (or plugins: i18n: languages: {language}: site_name)"),
        "Publisher": (CONFIG_FILE, "site_name"),
        "Description": (locale_file, "offline.description"),
        "Creator": (locale_file, "cite.hub_contributors"),
        "Source": (CONFIG_FILE, "site_url"),
    }
    return Metadata(values, sources)


def rule_problems(values: Mapping[str, str], illustration: bytes | None) -> list[tuple[str, str]]:
    """Every way the metadata breaks the openZIM rules, as (key, what is wrong and what is expected)."""
    found: list[tuple[str, str]] = []
    for key in MANDATORY:
        if not values.get(key, "").strip():
            found.append((key, "is mandatory and empty"))
    for key, limit in LIMITS.items():
        count = graphemes(values.get(key, ""))
        if count > limit:
            found.append((key, f"has {count} graphemes; openZIM allows at most {limit}: shorten it"))
    description, long_description = values.get("Description", ""), values.get("LongDescription")
    if long_description is not None and len(long_description) < len(description):
        found.append(("LongDescription", "is shorter than Description; make it longer or leave it out"))
    if values.get("Language") and not re.fullmatch(r"[a-z]{3}(,[a-z]{3})*", values["Language"]):
        found.append(("Language", f"is '{values['Language']}'; write ISO 639-3 codes such as 'fra'"))
    if values.get("Date"):
        try:
            dt.date.fromisoformat(values["Date"])
            well_formed = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", values["Date"]))
        except ValueError:
            well_formed = False
        if not well_formed:
            found.append(("Date", f"is '{values['Date']}'; write the date as YYYY-MM-DD"))
    if values.get("Name") and not NAME.fullmatch(values["Name"]):
        found.append(
            ("Name", f"is '{values['Name']}'; write {{domain}}_{{language}}_{{selection}} in [a-z0-9.-]")
        )
    if values.get("Tags") and any(not tag or tag != tag.strip() for tag in values["Tags"].split(";")):
        found.append(("Tags", "holds an empty tag or spaces around one; separate tags with ';' only"))
    for key, value in values.items():
        if _CONTROL.search(value):
            found.append((key, "holds control characters; remove them"))
    if illustration is None or png_size(illustration) != (SIZE, SIZE):
        found.append((f"Illustration_{SIZE}x{SIZE}@1", f"must be a {SIZE}x{SIZE} PNG image"))
    return found


def check_metadata(metadata: Metadata, illustration: bytes | None, language: str) -> list[Problem]:
    """The openZIM rules the copy's metadata breaks, each named with the file and field to change."""
    problems = []
    for key, message in rule_problems(metadata.values, illustration):
        file, field = metadata.sources.get(key, ("plugins/advocacy/offline/metadata.py", key))
        problems.append(
            Problem(file, None, field, f"the offline copy in '{language}': ZIM metadata {key} {message}")
        )
    return problems
