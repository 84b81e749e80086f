"""Whether a translation still holds its source's text: paragraphs compared word for word, names and short
lines the same in every language not counted."""

from __future__ import annotations

from advocacy.reading.copies import copied

SOURCE = """\
## Context

The parliament debated a law that would have blocked the encyclopedia.

## Actions

Volunteers wrote to every member of parliament and published an open letter.

Wikimedia Italia
"""


def test_an_untouched_copy_is_a_copy() -> None:
    """The text as `advocacy translate` copies it (spaces and emphasis aside) is a copy."""
    found = copied(SOURCE, SOURCE.replace("open letter", "*open letter*").replace("\n\n", "\n  \n"))
    assert (found.paragraphs, found.of, found.is_copy) == (2, 2, True)


def test_a_translation_keeping_names_and_a_quote_is_not_a_copy() -> None:
    """Headings, names and a short line may stay as they are; a translated text is not a copy."""
    french = SOURCE.replace(
        "The parliament debated a law that would have blocked the encyclopedia.",
        "Le parlement a débattu d'une loi qui aurait bloqué l'encyclopédie.",
    ).replace(
        "Volunteers wrote to every member of parliament and published an open letter.",
        "Des bénévoles ont écrit à chaque député et publié une lettre ouverte.",
    )
    found = copied(SOURCE, french)
    assert (found.paragraphs, found.of, found.is_copy) == (0, 2, False)


def test_a_half_translated_text_is_judged_by_its_words() -> None:
    """A translation is a copy while half of its words or more are the source's."""
    half = SOURCE.replace(
        "The parliament debated a law that would have blocked the encyclopedia.",
        "Le parlement a débattu d'une loi qui aurait bloqué l'encyclopédie.",
    )
    found = copied(SOURCE, half)
    assert (found.paragraphs, found.of) == (1, 2)
    assert found.is_copy  # 12 of its 24 words are still English
