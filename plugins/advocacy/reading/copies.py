"""Whether a translation still holds the text of its source: `advocacy translate` starts a translation as a copy
of its source, and a copy must never be published under another language's address.

Texts are compared paragraph by paragraph (blocks separated by blank lines, spaces and Markdown emphasis not
counting): a paragraph of the translation identical to one of the source is copied. Names, addresses and
numbers are the same in every language, so a paragraph with fewer than :data:`MIN_WORDS` words is not counted
either way, and a translation is a copy when half of its words or more are in copied paragraphs (a quotation
may stay in its language; half a text may not).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

MIN_WORDS = 4
"""Paragraphs shorter than this (a name, a heading, a date, an address) may be the same in any language."""

COPIED_SHARE = 0.5
"""A translation whose copied paragraphs hold this share of its words or more is a copy."""

_BLANK = re.compile(r"\n[ \t]*\n")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Copied:
    """How much of a translation is its source's text, word for word.

    Attributes:
        paragraphs: The translation's paragraphs (of :data:`MIN_WORDS` words or more) found in the source.
        of: The translation's paragraphs of :data:`MIN_WORDS` words or more.
        words: The words in the copied paragraphs.
        total: The words of those paragraphs in all.
    """

    paragraphs: int
    of: int
    words: int
    total: int

    @property
    def is_copy(self) -> bool:
        """Whether half of the translation or more is still its source's text."""
        return self.total > 0 and self.words >= COPIED_SHARE * self.total


def _paragraphs(text: str) -> list[tuple[str, ...]]:
    """The paragraphs of a text that count, each as its words (case kept: "Chine" is not "chine")."""
    blocks = _BLANK.split(_COMMENT.sub("", text.replace("\r\n", "\n")))
    words = [tuple(_WORD.findall(block)) for block in blocks]
    return [paragraph for paragraph in words if len(paragraph) >= MIN_WORDS]


@functools.lru_cache(maxsize=256)
def _known(source: str) -> frozenset[tuple[str, ...]]:
    """The paragraphs of a source, once for all its translations (they are checked one after another)."""
    return frozenset(_paragraphs(source))


def copied(source: str, translation: str) -> Copied:
    """How much of ``translation`` (title, summary and body, or a body) is ``source``'s text word for word."""
    known = _known(source)
    mine = _paragraphs(translation)
    same = [paragraph for paragraph in mine if paragraph in known]
    return Copied(len(same), len(mine), sum(map(len, same)), sum(map(len, mine)))
