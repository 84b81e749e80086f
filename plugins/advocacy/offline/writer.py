"""Writing one language's offline copy as a ZIM file with libzim (GPL-3.0-or-later, the ``offline`` extra).

Imported only by the ``advocacy offline`` command and the tests: nothing else of the hub needs libzim.
"""

from __future__ import annotations

import mimetypes
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from libzim.writer import (
    Creator,
    FileProvider,
    Hint,
    IndexData,
    Item,
    StringProvider,
)

from advocacy.offline.contents import Contents
from advocacy.offline.html import fold, is_searchable, main_text, rewrite_page, title_of
from advocacy.offline.metadata import Metadata

# libzim's stubs declare the members of Hint in a way mypy reads as instance variables: look them up by name.
FRONT_ARTICLE = Hint["FRONT_ARTICLE"]
# Types the standard table lacks or gets wrong on some systems.
MIMETYPES = {
    ".css": "text/css",
    ".csv": "text/csv",
    ".html": "text/html",
    ".ico": "image/vnd.microsoft.icon",
    ".json": "application/json",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".woff2": "font/woff2",
    ".xml": "application/xml",
}


def mimetype(path: str) -> str:
    """The media type of a file of the site, from its extension."""
    extension = PurePosixPath(path).suffix.lower()
    return MIMETYPES.get(extension) or mimetypes.guess_type(path)[0] or "application/octet-stream"


class _PageIndex(IndexData):
    """What the full-text index holds for a page: its title and its article, folded as libzim folds queries."""

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title = fold(title)
        self.text = fold(text)

    def has_indexdata(self) -> bool:
        return bool(self.title or self.text)

    def get_title(self) -> str:
        return self.title

    def get_content(self) -> str:
        return self.text

    def get_keywords(self) -> str:
        return ""

    def get_wordcount(self) -> int:
        return len(self.text.split())

    def get_geoposition(self) -> tuple[float, float] | None:
        return None


class _Entry(Item):
    """A file of the copy: a page (its rewritten HTML, its title, its index data) or another file."""

    def __init__(
        self,
        path: str,
        title: str,
        media_type: str,
        *,
        content: bytes | None = None,
        file: Path | None = None,
        index: tuple[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.path, self.title, self.media_type = path, title, media_type
        self.content, self.file, self.index = content, file, index

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return self.title

    def get_mimetype(self) -> str:
        return self.media_type

    def get_contentprovider(self) -> StringProvider | FileProvider:
        if self.content is not None:
            return StringProvider(self.content)
        return FileProvider(str(self.file))

    def get_hints(self) -> dict[Hint, int]:
        # Pages are listed in title suggestions; other files never are.
        return {FRONT_ARTICLE: self.media_type == "text/html"}

    def get_indexdata(self) -> IndexData | None:
        # None: no full-text entry (a list page, a stylesheet). libzim's own indexer would read the whole page,
        # menus included.
        return _PageIndex(*self.index) if self.index is not None else None


@dataclass(frozen=True)
class Written:
    """What was written: the number of entries a reader sees (files and folder paths), and of pages."""

    entries: int
    pages: int


@contextmanager
def _quiet_stdout() -> Iterator[None]:
    """libzim prints its progress on standard output from C++; send it to standard error, where the
    command's own output (the list of copies) does not get mixed with it."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(2, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def write_copy(
    target: Path,
    site: Path,
    contents: Contents,
    metadata: Metadata,
    illustration: bytes,
    *,
    site_url: str,
    site_names: set[str],
    search_note: str,
) -> Written:
    """Write the copy of ``contents`` to ``target`` (through ``<target>.part``, renamed when complete).

    Args:
        target: The ZIM file to write.
        site: The built site.
        contents: What the copy holds.
        metadata: Its metadata (already checked).
        illustration: Its 48x48 PNG icon.
        site_url: The public address of the site, where links that leave the copy go.
        site_names: The hub's name in every language, which the theme adds to the title of each page.
        search_note: The line that replaces the catalogue's search form.
    """
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    creator = Creator(part).config_indexing(True, metadata.values["Language"])
    redirects = 0
    complete = False
    try:
        with _quiet_stdout(), creator:
            creator.set_mainpath(contents.main)
            for path in contents.pages:
                text = (site / path).read_text(encoding="utf-8")
                title = title_of(text, site_names) or path
                index = (title, main_text(text)) if is_searchable(text) else None
                page = rewrite_page(path, text, contents.holds, site_url, search_note)
                creator.add_item(_Entry(path, title, "text/html", content=page.encode("utf-8"), index=index))
            for path in contents.files:
                creator.add_item(_Entry(path, "", mimetype(path), file=site / path))
            for folder, page in contents.folders():
                creator.add_redirection(folder, "", page, {FRONT_ARTICLE: False})
                redirects += 1
            creator.add_illustration(48, illustration)
            for key, value in metadata.values.items():
                creator.add_metadata(key, value)
        complete = True
    finally:
        # libzim finishes the file even when an error interrupts it: only a complete copy takes the name.
        if complete:
            part.replace(target)
        else:
            part.unlink(missing_ok=True)
    return Written(len(contents.pages) + len(contents.files) + redirects, len(contents.pages))
