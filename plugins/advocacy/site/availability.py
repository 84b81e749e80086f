"""Which languages have a page, and what a reader is told when theirs lacks it: the entries of the language
switcher, the note above a page shown in its original language, and the page for an address that leads
nowhere (in every language, since a static host serves one such page for every folder).

Every text comes from the user-interface strings (``languages:`` in ``locales/<code>.yml``). An entry of the
switcher speaks the language it leads to: a reader who picks हिन्दी reads Hindi.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from markupsafe import Markup

from advocacy.content.vocabularies import Vocabularies
from advocacy.site.localize import Localizer
from advocacy.site.pages import environment


class Availability(StrEnum):
    """Whether a language has the page being read, and where its entry of the switcher leads."""

    HERE = "here"  # the page exists in that language
    ORIGINAL = "original"  # not translated: the page in its original language, framed in that language
    CATALOGUE = "catalogue"  # not translated: that language's catalogue, which lists the case


@dataclass(frozen=True)
class SwitcherEntry:
    """One language of the switcher.

    Attributes:
        code: The language.
        name: Its name, in itself (``हिन्दी``).
        href: Where the entry leads, site-root-relative (``hi/about/``).
        availability: Whether the page exists in the language, and what the link opens if not.
        current: Whether it is the language of the page being read.
        direction: ``"ltr"`` or ``"rtl"``, of the entry's text.
        note: In the entry's language, what the link opens when the page is not translated ("" if it is).
        title: The same, in a sentence (for the link's tooltip).
    """

    code: str
    name: str
    href: str
    availability: Availability
    current: bool
    direction: str
    note: str
    title: str


def switcher_entries(
    languages: Sequence[tuple[str, str]],
    current: str,
    versions: Mapping[str, str],
    fallbacks: Mapping[str, str],
    missing: Availability,
) -> list[SwitcherEntry]:
    """The switcher of one page: each language, where it leads, and whether it has the page.

    Args:
        languages: (code, name in itself) of each site language, in the order of the switcher.
        current: The language of the page being read.
        versions: The page's URL in each language it exists in.
        fallbacks: Where each language without the page leads instead.
        missing: What those fallbacks are (the original framed in the language, or its catalogue).
    """
    entries = []
    for code, name in languages:
        loc = _localizer(code)
        strings = loc.ui["languages"]
        if code in versions:
            availability, href, note, title = Availability.HERE, versions[code], "", ""
        else:
            availability, href = missing, fallbacks[code]
            note = strings[f"switcher_{missing}"]
            title = strings[f"switcher_{missing}_title"].format(language=loc.language_name(code))
        entries.append(
            SwitcherEntry(code, name, href, availability, code == current, loc.direction, note, title)
        )
    return entries


def untranslated_note(language: str, original: str, home: str, help_url: str | None) -> Markup:
    """The note above a page shown in ``original`` under the address of ``language``, which lacks it.

    Args:
        language: The reader's language (the note is written in it).
        original: The language of the page shown.
        home: A link from the page to the home page of the reader's language.
        help_url: A link that starts the translation on the hosting platform, if the project has one.
    """
    loc = _localizer(language)
    text = loc.ui["languages"]["untranslated"].format(
        language=loc.language_name(language), original=loc.language_name(original)
    )
    template = environment().get_template("untranslated.html")
    # Rendered with autoescaping: safe to join with other markup.
    return Markup(template.render(ui=loc.ui, text=text, home=home, help_url=help_url))  # noqa: S704


def borrowed_content(html: str, original: str) -> Markup:
    """The HTML of a page in its ``original`` language, marked as such for a page of another language."""
    opening = Markup('<div class="adv-borrowed" lang="{}" dir="{}">').format(
        original, _localizer(original).direction
    )
    # The page's HTML is already sanitised and rendered: it is wrapped, not escaped.
    return opening + Markup(html) + Markup("</div>")  # noqa: S704


def not_found_page(
    languages: Sequence[tuple[str, str]], current: str, base: str, prefixes: Mapping[str, str]
) -> str:
    """The content of the page served for an address that leads nowhere, in ``current`` first, then a line in
    each other language with the way to its home page.

    Args:
        languages: (code, name in itself) of each site language.
        current: The language of this version of the page.
        base: The site's path on its host (``/`` or ``/hub/``): the page is served at any depth, so its links
            start there.
        prefixes: The URL prefix of each language (``""``, ``"fr/"``).
    """
    loc = _localizer(current)
    others = []
    for code, name in languages:
        if code == current:
            continue
        other = _localizer(code)
        others.append(
            {
                "code": code,
                "name": name,
                "direction": other.direction,
                "strings": other.ui["languages"],
                "home": base + prefixes[code],
            }
        )
    return (
        environment()
        .get_template("not_found.html")
        .render(strings=loc.ui["languages"], home=base + prefixes[current], others=others)
    )


def not_found_title(language: str) -> str:
    """The title of the page-not-found page in ``language``."""
    return str(_localizer(language).ui["languages"]["not_found_title"])


@cache
def _localizer(language: str) -> Localizer:
    """Names and strings of one language (vocabularies are not needed here)."""
    return Localizer(language, language, Vocabularies())
