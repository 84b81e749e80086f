"""Search indexes as the tests need them: the text Pagefind indexed for each case of a language, the words in
a text, and Pagefind run on a folder of pages, with Node.js to query it outside a browser."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from advocacy.site.search import FRAGMENT_HEADER, read_case_ids


def indexed_cases(site: Path, language: str) -> dict[str, str]:
    """The text the search index holds for each case of ``language`` (its page, or its stand-in), by case id."""
    folder = site / "pagefind" / language
    places = read_case_ids(folder)
    prefix = "" if language == "en" else f"{language}/"
    rows = json.loads((site / prefix / "catalogue" / "cases.json").read_text(encoding="utf-8"))["cases"]
    texts = {}
    for path in sorted((folder / "fragment").glob("*.pf_fragment")):
        if path.stem in places:
            data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(FRAGMENT_HEADER))
            texts[rows[places[path.stem]][0]] = data["content"]
    return texts


def words(text: str) -> set[str]:
    """The words of a text, in NFC and lower case: runs of letters, marks and digits (Python's ``\\w`` leaves
    out marks, which in Devanagari are vowel signs)."""
    kept = "".join(
        c if unicodedata.category(c)[0] in "LMN" else " " for c in unicodedata.normalize("NFC", text)
    )
    return set(kept.casefold().split())


def node() -> str:
    """The path of Node.js, which runs Pagefind's own script outside a browser; skips the calling test without
    it, except under CI (CI=true), where it fails."""
    found = shutil.which("node")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node is missing: install Node.js 20 or newer", pytrace=False)
        pytest.skip("node is not installed: install Node.js 20 or newer")
    return found


def pagefind_bundle(site: Path) -> Path:
    """Index the pages of ``site`` with the pinned Pagefind into ``site/pagefind``; return that folder."""
    output = site / "pagefind"
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output)],
        check=True,
        capture_output=True,
    )
    return output
