"""Options of the ``advocacy-catalogue`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class CatalogueConfig(base.Config):
    """Options of the ``advocacy-catalogue`` plugin."""

    featured = c.ListOfItems(c.Type(str), default=[])
    """Ids of the cases the home page features, in order (editors' choice; an unknown id is reported)."""

    search = c.Type(bool, default=True)
    """Build the Pagefind search index (turn off to save a few seconds in a preview)."""

    parallel = c.Type(bool, default=True)
    """Share the other languages with a second process, each taking the next as it is free (`mkdocs build` on
    Linux and macOS)."""

    search_indexers = c.Type((str, int), default="auto")
    """When the search indexers run and how many at once: "auto", "fast" or a whole number (see
    :mod:`advocacy.site.indexing`); the environment variable ``ADVOCACY_SEARCH_INDEXERS`` wins over it."""

    search_shard_pages = c.Type(int, default=5000)
    """A language with more cases than this is indexed in shards of at most this many, one Pagefind each,
    merged by the reader's browser: Pagefind's memory is that of a shard (see :mod:`advocacy.site.indexing`)."""
