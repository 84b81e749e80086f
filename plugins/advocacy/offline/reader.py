"""Reading an offline copy back as a Kiwix reader does, with libzim (GPL-3.0-or-later, the ``offline`` extra):
its metadata against the openZIM rules, its indexes, and every link of every page resolved inside it.

Imported only by the ``advocacy offline`` command and the tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from libzim.reader import Archive
from libzim.search import Query, Searcher
from libzim.suggestion import SuggestionSearcher

from advocacy.offline.html import START_TAG, attributes, is_external, locate, references
from advocacy.offline.metadata import iso639_3, rule_problems
from advocacy.reading.problems import Problem

# Elements that make a reader load something (as opposed to links a person follows).
LOADS = {"img", "script", "source", "video", "audio", "iframe", "embed", "object"}
LOADED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}


def pages(archive: Archive) -> Iterator[tuple[str, str]]:
    """(path, HTML) of every page of the copy (redirects left out)."""
    for number in range(archive.entry_count):
        entry = archive._get_entry_by_id(number)
        if entry.is_redirect:
            continue
        item = entry.get_item()
        if item.mimetype == "text/html":
            yield entry.path, bytes(item.content).decode("utf-8", "replace")


def metadata(archive: Archive) -> dict[str, str]:
    """The copy's text metadata (the icon left out)."""
    return {
        key: bytes(archive.get_metadata(key)).decode("utf-8")
        for key in archive.metadata_keys
        if not key.startswith("Illustration_")
    }


def resolves(archive: Archive, path: str) -> bool:
    """Whether a path names an entry of the copy (a redirect counts if its target exists)."""
    if not archive.has_entry_by_path(path):
        return False
    entry = archive.get_entry_by_path(path)
    return not entry.is_redirect or archive.has_entry_by_path(entry.get_item().path)


def link_problems(archive: Archive, path: str, page: str) -> Iterator[str]:
    """What is wrong with the addresses of one page: a link that leads to nothing in the copy, an address
    from a server's root (it breaks under kiwix-serve's /content/<book>/), a script, or a file loaded from
    another host."""
    for tag in START_TAG.finditer(page):
        if tag[1].lower() == "script":
            source = attributes(tag[2]).get("src")
            yield f"holds a script ({source})" if source else "holds a script"
    for element, address, found in references(page):
        if element == "script":
            continue
        external = is_external(address)
        loads = element in LOADS or (
            element == "link" and LOADED_LINKS & set(found.get("rel", "").lower().split())
        )
        if external and loads:
            yield f"loads {address} from another host"
        elif external or address.startswith(("#", "?")):
            continue
        elif address.startswith("/"):
            yield f'links to "{address}", a path from a server\'s root'
        else:
            target, folder = locate(path, unquote(address))
            if target is None:
                yield f'links to "{address}", above the copy\'s root'
            elif folder and not resolves(archive, target + "/" if target else ""):
                yield f'links to "{address}": the copy has no folder page "{target}/"'
            elif not folder and not resolves(archive, target):
                yield f'links to "{address}": the copy has no "{target}"'


def check_copy(file: Path, language: str | None = None) -> list[Problem]:
    """Everything wrong with an offline copy: its integrity, its metadata against the openZIM rules (and the
    language, when given), its indexes and main page, and every address of every page."""
    name = file.name
    archive = Archive(file)
    problems: list[Problem] = []

    def problem(message: str) -> None:
        problems.append(Problem(name, None, None, message))

    if not archive.check():
        problem("the file is damaged (its checksum or structure is wrong); build it again")
    values = metadata(archive)
    values.pop("Counter", None)  # written by libzim itself
    icon = bytes(archive.get_illustration_item(48).content) if archive.has_illustration(48) else None
    for key, message in rule_problems(values, icon):
        problem(f"metadata {key} {message}")
    if language is not None and values.get("Language") != iso639_3(language):
        problem(f"metadata Language is '{values.get('Language')}', expected '{iso639_3(language)}'")
    if not archive.has_fulltext_index:
        problem("has no full-text index")
    if not archive.has_title_index:
        problem("has no title index (suggestions)")
    if not archive.has_main_entry or archive.main_entry.get_item().mimetype != "text/html":
        problem("has no main page")
    for path, page in pages(archive):
        for message in dict.fromkeys(link_problems(archive, path, page)):
            problem(f"{path} {message}")
    return problems


def search(archive: Archive, words: str, limit: int = 50) -> list[str]:
    """The paths of the pages the copy's full-text search finds for ``words``, best first."""
    return list(Searcher(archive).search(Query().set_query(words)).getResults(0, limit))


def suggest(archive: Archive, words: str, limit: int = 20) -> list[str]:
    """The paths of the pages the copy suggests for ``words`` (titles), as a reader's search box does."""
    return list(SuggestionSearcher(archive).suggest(words).getResults(0, limit))
