"""When the search indexers run, and how many at once: the build's memory, chosen by the maintainer.

Pagefind holds a language's whole index in memory while it writes it: about 0.4 MB per page indexed (3.9 GB
for 10,000 cases; it has no option to bound it). The hub runs one Pagefind per language. Run as soon as their
language is written, beside the builds of the next languages, they cost the least time; run after every page
is written, one or a few at a time, they cost the least memory.

The setting (``search_indexers`` of the catalogue plugin, or the environment variable
``ADVOCACY_SEARCH_INDEXERS``, which wins) is one of:

- ``fast``: each language's indexer starts once the language is written, beside the builds; all may run at once.
- a whole number N: the indexers start once every language is written, at most N at once.
- ``auto`` (the default): ``fast`` up to :data:`AUTO_FAST_CASES` cases, else ``1``.

A language with more cases than ``search_shard_pages`` is indexed in shards, one Pagefind each (see
:func:`advocacy.site.search.prepare`): with ``1``, the memory of one shard's indexer is what the build adds.
"""

from __future__ import annotations

from dataclasses import dataclass

ENVIRONMENT = "ADVOCACY_SEARCH_INDEXERS"
AUTO = "auto"
FAST = "fast"
# Up to this many cases, every language's indexer beside the two builds stays under about 4 GB in all
# (3 languages: 3 x 2,500 pages x 0.4 MB, and the builds); beyond, ``auto`` runs them one at a time.
AUTO_FAST_CASES = 2500


@dataclass(frozen=True)
class Indexing:
    """How the search indexers of one build run.

    Attributes:
        overlap: Whether each language's indexer starts as soon as its pages are written (beside the builds).
        at_once: At most this many indexers run at the same time (``None``: no bound).
    """

    overlap: bool
    at_once: int | None

    def describe(self) -> str:
        """The plan in words, for the build's log."""
        if self.overlap:
            return "each language indexed as soon as it is written, beside the builds"
        return f"indexed after every language is written, {self.at_once} at a time"


def check_setting(value: object) -> str:
    """The setting as written, checked: ``auto``, ``fast`` or a whole number from 1.

    Raises:
        ValueError: with what to write instead.
    """
    text = str(value).strip().lower()
    if text in (AUTO, FAST) or (text.isascii() and text.isdigit() and int(text) >= 1):
        return text
    raise ValueError(
        f'"{value}" is not a setting; write "auto" (the default), "fast" (every indexer '
        "beside the builds: fastest, most memory) or a whole number such as 1 (indexers after the builds, "
        "that many at once: least memory)"
    )


def plan(setting: str, *, cases: int) -> Indexing:
    """The indexing of a build of ``cases`` cases under a checked ``setting`` (see :func:`check_setting`)."""
    if setting == AUTO:
        setting = FAST if cases <= AUTO_FAST_CASES else "1"
    if setting == FAST:
        return Indexing(overlap=True, at_once=None)
    return Indexing(overlap=False, at_once=int(setting))
