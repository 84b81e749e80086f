"""What a reader is told about the other languages: the switcher's entries, the note above a page shown in its
original language, and the page-not-found page in every language."""

from __future__ import annotations

import re

from advocacy.site.availability import (
    Availability,
    borrowed_content,
    not_found_page,
    not_found_title,
    switcher_entries,
    untranslated_note,
)
from tests.support.html import Tags

LANGUAGES = [("en", "English"), ("fr", "Français"), ("ar", "العربية"), ("hi", "हिन्दी")]
PREFIXES = {"en": "", "fr": "fr/", "ar": "ar/", "hi": "hi/"}


def test_a_language_with_the_page_leads_to_it_without_a_note() -> None:
    """Languages that have the page lead to it, silently; the current one is marked."""
    versions = {code: PREFIXES[code] + "safety/" for code, _ in LANGUAGES}
    entries = switcher_entries(LANGUAGES, "ar", versions, {}, Availability.ORIGINAL)
    assert [(e.code, e.href, e.availability, e.note, e.current) for e in entries] == [
        ("en", "safety/", Availability.HERE, "", False),
        ("fr", "fr/safety/", Availability.HERE, "", False),
        ("ar", "ar/safety/", Availability.HERE, "", True),
        ("hi", "hi/safety/", Availability.HERE, "", False),
    ]


def test_a_language_without_the_page_says_so_in_that_language() -> None:
    """A language lacking a guide names, in itself, that the page is not translated and what opens instead."""
    fallbacks = {code: PREFIXES[code] + "about/advocates/" for code, _ in LANGUAGES}
    entries = switcher_entries(LANGUAGES, "en", {"en": "about/advocates/"}, fallbacks, Availability.ORIGINAL)
    by_code = {e.code: e for e in entries}
    assert by_code["en"].note == ""
    assert by_code["fr"].note == "pas encore traduite"
    assert by_code["ar"].note == "لم تُترجم بعد"
    assert by_code["hi"].note == "अभी अनुवाद नहीं हुआ"
    assert by_code["hi"].href == "hi/about/advocates/"
    assert by_code["hi"].title == (
        "इस पृष्ठ का अभी हिन्दी में अनुवाद नहीं हुआ है: यह लिंक मूल पृष्ठ खोलता है, हिन्दी में एक टिप्पणी के साथ।"
    )
    assert [e.direction for e in entries] == ["ltr", "ltr", "rtl", "ltr"]


def test_a_case_missing_in_a_language_leads_to_its_catalogue_and_says_so() -> None:
    """A case not in Hindi is announced, in Hindi, as leading to the Hindi catalogue."""
    fallbacks = {code: PREFIXES[code] + "catalogue/" for code, _ in LANGUAGES}
    entries = switcher_entries(
        LANGUAGES, "en", {"en": "cases/x/", "fr": "fr/cases/x/"}, fallbacks, Availability.CATALOGUE
    )
    hindi = entries[-1]
    assert (hindi.href, hindi.availability, hindi.note) == (
        "hi/catalogue/",
        Availability.CATALOGUE,
        "अभी अनुवाद नहीं हुआ: सूची खोलता है",
    )
    assert entries[2].note == "لم تُترجم بعد: يفتح الفهرس"


def test_the_untranslated_note_speaks_the_readers_language_and_leads_home() -> None:
    """Above a page shown in English on the Arabic site, the note is Arabic and links the Arabic home page."""
    note = str(untranslated_note("ar", "en", "../../ar/", "https://example.org/new?x=1&y=2"))
    assert "لم تُترجم هذه الصفحة إلى العربية بعد. في ما يلي النص الأصلي باللغة الإنجليزية." in note
    links = [attrs for tag, attrs in Tags(note).tags if tag == "a"]
    assert [link["href"] for link in links] == ["../../ar/", "https://example.org/new?x=1&y=2"]
    assert "data-pagefind-ignore" in note


def test_the_untranslated_note_without_a_repository_has_no_help_link() -> None:
    """A project without a repository address offers only the way home."""
    note = str(untranslated_note("fr", "en", "../", None))
    assert "Cette page n’est pas encore traduite en français. Voici l’original, en anglais." in note
    assert len(re.findall(r"<a ", note)) == 1


def test_a_borrowed_text_keeps_its_language_and_direction() -> None:
    """The original's text is wrapped with its own lang and dir, not escaped again."""
    assert str(borrowed_content("<p>Text &amp; more</p>", "en")) == (
        '<div class="adv-borrowed" lang="en" dir="ltr"><p>Text &amp; more</p></div>'
    )


def test_the_not_found_page_speaks_its_language_and_offers_every_other() -> None:
    """The Arabic page-not-found page is Arabic, leads to the Arabic home page from the site's path, and has a
    line in each other language, marked with its language and direction, leading to that language's home."""
    html = not_found_page(LANGUAGES, "ar", "/hub/", PREFIXES)
    assert html.startswith("<h1>الصفحة غير موجودة</h1>")
    tags = Tags(html).tags
    assert [attrs["href"] for tag, attrs in tags if tag == "a"] == [
        "/hub/ar/",
        "/hub/ar/catalogue/",
        "/hub/",
        "/hub/fr/",
        "/hub/hi/",
    ]
    lines = [(attrs["lang"], attrs["dir"]) for tag, attrs in tags if tag == "li" and "lang" in attrs]
    assert lines == [("en", "ltr"), ("fr", "ltr"), ("hi", "ltr")]
    assert "पृष्ठ नहीं मिला" in html and "Page introuvable" in html
    assert not_found_title("hi") == "पृष्ठ नहीं मिला"
