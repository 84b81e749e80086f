"""The metadata Kiwix shows for an offline copy, held to the openZIM rules (zimcheck's limits)."""

from __future__ import annotations

import datetime as dt

import pytest

from advocacy.content.project import load_project
from advocacy.offline.illustration import icon
from advocacy.offline.metadata import (
    check_metadata,
    file_name,
    graphemes,
    iso639_3,
    metadata_for,
    name_of,
    rule_problems,
)
from advocacy.offline.settings import Settings, load_settings
from tests.support.paths import ROOT

DAY = dt.date(2026, 12, 4)


def test_every_language_of_the_hub_has_metadata_within_the_rules() -> None:
    """For each site language of the repository: Title, Description (translated), ISO 639-3 Language, Name,
    Date, Flavour, Tags, the content's licence and the icon pass every openZIM rule."""
    project = load_project(ROOT)
    settings = load_settings(project)
    for language in project.language_codes:
        metadata = metadata_for(settings, language, "en", DAY)
        assert check_metadata(metadata, icon(), language) == [], language
        values = metadata.values
        assert values["Name"] == f"advocacy-hub_{language}_all"
        assert values["Language"] == iso639_3(language)
        assert values["Date"] == "2026-12-04"
        assert values["License"] == "CC-BY-SA-4.0"
        assert "_ftindex:yes" in values["Tags"].split(";")
        assert values["Flavour"] == "maxi"
    arabic = metadata_for(settings, "ar", "en", DAY).values
    assert arabic["Title"] == "مركز المناصرة"
    assert arabic["Source"] == "https://advocacy-hub.github.io/ar/"
    assert arabic["Publisher"] == "Advocacy Hub"


def test_each_broken_rule_is_named_with_what_to_write() -> None:
    """Empty mandatory keys, lengths in graphemes, the date's and the language's form, the name, the tags,
    control characters and the icon are each reported."""
    values = {
        "Name": "Advocacy Hub",
        "Title": "x" * 31,
        "Creator": "",
        "Publisher": "Hub",
        "Date": "2026/12/04",
        "Description": "d" * 81,
        "LongDescription": "short",
        "Language": "fr",
        "Tags": "a;;b",
        "Source": "https://example.org/\x07",
    }
    assert rule_problems(values, b"GIF89a") == [
        ("Creator", "is mandatory and empty"),
        ("Title", "has 31 graphemes; openZIM allows at most 30: shorten it"),
        ("Description", "has 81 graphemes; openZIM allows at most 80: shorten it"),
        ("LongDescription", "is shorter than Description; make it longer or leave it out"),
        ("Language", "is 'fr'; write ISO 639-3 codes such as 'fra'"),
        ("Date", "is '2026/12/04'; write the date as YYYY-MM-DD"),
        ("Name", "is 'Advocacy Hub'; write {domain}_{language}_{selection} in [a-z0-9.-]"),
        ("Tags", "holds an empty tag or spaces around one; separate tags with ';' only"),
        ("Source", "holds control characters; remove them"),
        ("Illustration_48x48@1", "must be a 48x48 PNG image"),
    ]


def test_a_title_too_long_names_the_file_and_field_to_change() -> None:
    """A hub name over 30 graphemes in a language is reported against mkdocs.yml, with the language."""
    settings = Settings("https://example.org/", {"en": "An advocacy hub of a very long name indeed"})
    problems = check_metadata(metadata_for(settings, "en", "en", DAY), icon(), "en")
    assert [str(p) for p in problems] == [
        "mkdocs.yml: error: site_name (or plugins: i18n: languages: en: site_name): the offline copy in 'en': "
        "ZIM metadata Title has 42 graphemes; openZIM allows at most 30: shorten it"
    ]


def test_graphemes_count_a_letter_and_its_marks_as_one() -> None:
    """Devanagari vowel signs and virama, Arabic harakat and combining accents join the letter before them."""
    assert graphemes("एडवोकेसी हब") == 8
    assert graphemes("حَقّ") == 2
    assert graphemes("e\u0301te\u0301") == 3
    assert graphemes("Advocacy Hub") == 12


def test_site_languages_map_to_iso_639_3() -> None:
    """en, fr, es, ar, hi become eng, fra, spa, ara, hin (also with a region); an unknown code is refused."""
    assert [iso639_3(code) for code in ("en", "fr", "es", "ar", "hi", "pt-BR")] == [
        "eng",
        "fra",
        "spa",
        "ara",
        "hin",
        "por",
    ]
    with pytest.raises(ValueError, match="'xx' is not an ISO 639 language code"):
        iso639_3("xx")


def test_names_follow_the_openzim_convention() -> None:
    """The stable Name and the monthly file name: advocacy-hub_<language>_all, advocacy-hub_<language>_<yyyy-mm>.zim."""
    assert name_of("fr") == "advocacy-hub_fr_all"
    assert file_name("hi", DAY) == "advocacy-hub_hi_2026-12.zim"
