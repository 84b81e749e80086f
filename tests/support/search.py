"""Reading a built site's search index as the tests need it: the text Pagefind indexed for each case of a
language, and the words in a text."""

from __future__ import annotations

import gzip
import json
import unicodedata
from pathlib import Path

from advocacy.site.search import CASE_IDS, FRAGMENT_HEADER


def indexed_cases(site: Path, language: str) -> dict[str, str]:
    """The text the search index holds for each case of ``language`` (its page, or its stand-in), by case id."""
    folder = site / "pagefind" / language
    ids = json.loads((folder / CASE_IDS).read_text(encoding="utf-8"))
    texts = {}
    for path in sorted((folder / "fragment").glob("*.pf_fragment")):
        if path.stem in ids:
            data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(FRAGMENT_HEADER))
            texts[ids[path.stem]] = data["content"]
    return texts


def words(text: str) -> set[str]:
    """The words of a text, in NFC and lower case: runs of letters, marks and digits (Python's ``\\w`` leaves
    out marks, which in Devanagari are vowel signs)."""
    kept = "".join(
        c if unicodedata.category(c)[0] in "LMN" else " " for c in unicodedata.normalize("NFC", text)
    )
    return set(kept.casefold().split())
