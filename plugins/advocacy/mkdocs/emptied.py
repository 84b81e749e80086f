"""Pages a plugin empties on purpose, and the log filter that keeps MkDocs from noting each of them.

MkDocs writes nothing for a page whose output is empty, and logs "Page skipped: '<page>'. Generated empty
output." The hub empties pages on purpose: a page borrowed from another language (written in its own
language's build) and the catalogue's shells (written once per page from the frame). One note per such page and
language made up half of the log of `make build`; an empty page anywhere else is still noted.
"""

from __future__ import annotations

import logging

_LOGGER = "mkdocs.commands.build"
_START, _END = "Page skipped: '", "'. Generated empty output."


class EmptiedPages(logging.Filter):
    """The source names of the pages a plugin empties on purpose, and a filter dropping MkDocs' note on them."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: set[str] = set()

    def install(self) -> None:
        """Put the filter on MkDocs' build logger (once: a logger keeps one of each filter)."""
        logging.getLogger(_LOGGER).addFilter(self)

    def remove(self) -> None:
        """Take the filter off MkDocs' build logger."""
        logging.getLogger(_LOGGER).removeFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        """Drop the note of an empty output for a page emptied on purpose; keep every other record."""
        message = record.getMessage()
        if message.startswith(_START) and message.endswith(_END):
            return message[len(_START) : -len(_END)] not in self.pages
        return True
