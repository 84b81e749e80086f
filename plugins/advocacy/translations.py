"""Which page exists in which language, and what each language must borrow from the default one.

Files follow mkdocs-static-i18n's suffix layout: ``page.md`` (default language), ``page.<code>.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath


def split_language(src_uri: str, languages: Iterable[str], default: str) -> tuple[str, str]:
    """``("about/index.md", "fr")`` for ``about/index.fr.md``; unsuffixed files are in the default language."""
    path = PurePosixPath(src_uri)
    stem, _, code = path.stem.rpartition(".")
    if stem and code in set(languages):
        return str(path.with_name(stem + path.suffix)), code
    return src_uri, default


def missing_pages(pages: Iterable[str], languages: tuple[str, ...], default: str) -> dict[str, list[str]]:
    """For each non-default language, the default-language pages (as named on disk) it has no version of."""
    by_page: dict[str, dict[str, str]] = {}
    for src_uri in pages:
        name, code = split_language(src_uri, languages, default)
        by_page.setdefault(name, {})[code] = src_uri
    missing: dict[str, list[str]] = {code: [] for code in languages if code != default}
    for versions in by_page.values():
        if default not in versions:
            continue
        for code in missing:
            if code not in versions:
                missing[code].append(versions[default])
    return {code: sorted(names) for code, names in missing.items()}
