"""What the catalogue's script reads: the filter index and the lists' entries of each language, and the search
index (one Pagefind index per language, in ``site/pagefind/<language>/``).

Filters need no search engine: ``<language>/catalogue/cases.json`` holds every case's facet values (a few KB),
and ``entries-<n>.json`` next to it the cases as the lists show them, in pieces of :data:`CHUNK`, so that a
filtered list is the plain list's entries, newest first, at a few KB.

Pagefind indexes the pages marked ``data-pagefind-body`` (cases, the manifesto, the guides; not the generated
lists), for searches by words. A case not yet in a language gets a small stand-in page in that language's
index (the title and summary of the version shown instead, and the names of its places, topics and methods in
the language), so that a search in the reader's language finds it; the stand-ins are deleted once the index is
written. Case pages and stand-ins say which case they are (``data-pagefind-meta="case:<id>"``); once Pagefind
is done, ``pagefind/<language>/case-ids.json`` maps each result id to its case (its place in ``cases.json``),
so that the catalogue shows case results as list entries without downloading each result, and puts the other
pages apart.

Pagefind 1.5 folds every combining mark away, on both sides; in Devanagari those are vowel signs, so the
catalogue turns that off for Hindi, which needs the text and the query in the same Unicode form: pages and
stand-ins are written in NFC (see ``SEARCH.md`` next to this module).
"""

from __future__ import annotations

import gzip
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advocacy.catalogue.records import FACETS
from advocacy.content.urls import root_of
from advocacy.site.html import portable_links
from advocacy.site.pages import ROOT, SitePages, environment

STAND_INS = "_pagefind_stand_ins"
# A large language is indexed in shards: its pages hard-linked into one folder per shard, each indexed alone.
SHARDS = "_pagefind_shards"
OUTPUT = "pagefind"
# The other shards of a language's index, relative to its first (an empty list for a language in one piece).
SHARD_LIST = "shards.json"
# Cases per file of entries: about 5 KB compressed. A list shows 20 at a time; the newest first are together.
CHUNK = 25
CASE_IDS = "case-ids.json"
# Pagefind writes each result's data as gzip of this header and JSON (pagefind_web_js/lib/coupled_search.ts,
# decompress()); the result id the browser gets is the file's name.
FRAGMENT_HEADER = b"pagefind_dcd"
# Parts of written pages that are not text: the "¶" of heading permalinks would end up in titles and excerpts.
EXCLUDED = (".headerlink",)
# Pagefind also writes ready-made interfaces; the catalogue has its own, and these name other hosts.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(Exception):
    """Pagefind failed; the message carries its output."""


def nfc(text: str) -> str:
    """Text in Unicode's composed form (NFC), which renders the same. The Hindi search compares spellings as
    typed, and one letter can be written two ways (ज़ as U+095B, or ज and the nukta U+093C): pages and queries
    are both brought to NFC, which writes it one way."""
    return unicodedata.normalize("NFC", text)


def catalogue_files(pages: SitePages) -> dict[str, str]:
    """The files the catalogue's script reads, by site-root-relative path: the filter index, and the cases as
    the lists show them in pieces of :data:`CHUNK` (links relative to the catalogue page).

    The filter index lists the facets, the values of each (in the catalogue's order), and per case, newest
    first, its id and the positions of its values in each facet's list.
    """
    catalogue = pages.catalogue
    url = f"{pages.prefix}catalogue/"
    values = {facet: list(catalogue.index[facet]) for facet in FACETS}
    positions = {facet: {value: n for n, value in enumerate(found)} for facet, found in values.items()}
    rows = [
        [record.id, [[positions[facet][v] for v in record.facet_values(facet)] for facet in FACETS]]
        for record in catalogue.records
    ]
    index = {"format": 1, "chunk": CHUNK, "facets": list(FACETS), "values": values, "cases": rows}
    files = {url + "cases.json": _json(index)}
    up = root_of(url)
    for number in range(math.ceil(len(catalogue.records) / CHUNK)):
        records = catalogue.records[number * CHUNK : (number + 1) * CHUNK]
        # The same links as the page's own lists: to files, so that they work from a folder too.
        entries = {
            record.id: portable_links(str(pages.entry(record)).replace(ROOT, up)) for record in records
        }
        files[url + f"entries-{number}.json"] = _json(entries)
    return files


def write_catalogue_files(site_dir: Path, pages: SitePages) -> None:
    """Write the filter index and the entries of one language (see :func:`catalogue_files`)."""
    for path, text in catalogue_files(pages).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _json(data: object) -> str:
    return nfc(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


@dataclass
class LanguageIndex:
    """A Pagefind run indexing one language, started when that language's pages are written.

    It runs beside the build of the next language (MkDocs uses one core); :func:`finish` waits for it.

    Attributes:
        language: The language indexed.
        process: Pagefind, running.
        log: Where Pagefind writes what it says.
        cases: The ids of the cases, in the order of the catalogue's filter index (``case-ids.json`` gives
            each case result's place in it).
        output: The folder of the index (of this shard).
        shards: For the first shard of a language, the folders of the others, relative to its own.
        linked: The folder of hard links this shard read, removed once it is done.
    """

    language: str
    process: subprocess.Popen[bytes]
    log: Any
    cases: tuple[str, ...] = ()
    output: Path | None = None
    shards: tuple[str, ...] = ()
    linked: Path | None = None


def write_stand_ins(pages: SitePages, site_dir: Path) -> int:
    """Write the stand-in pages of the cases missing in the pages' language, under
    ``site_dir/_pagefind_stand_ins/<language>/``: the version shown instead, with the names of the case's
    places, topics, methods, dossiers and organizations in the language (what its panel would say)."""
    catalogue = pages.catalogue
    language = pages.language
    template = environment().get_template("search_stand_in.html")
    count = 0
    for record in catalogue.records:
        if language in record.versions:
            continue
        version = record.version(language, catalogue.default)
        path = site_dir / STAND_INS / language / record.id / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        labels = [pages.loc.jurisdiction(j) for j in record.jurisdictions]
        labels += [
            pages.facet_label(f, v)
            for f in ("region", "topic", "method", "dossier", "organization")
            for v in record.facet_values(f)
        ]
        html = template.render(language=language, version=version, record=record, labels=labels)
        path.write_text(nfc(html), encoding="utf-8")
        count += 1
    return count


@dataclass(frozen=True)
class IndexJob:
    """What Pagefind reads for one language, its stand-ins written (JSON-able: a second process hands its
    languages' jobs back when the indexers run after the builds).

    Attributes:
        language: The language indexed.
        patterns: The files read, relative to the folder read (Pagefind's glob syntax).
        cases: The ids of the cases, in the order of the catalogue's filter index.
        output: Where the index is written, relative to the site folder (``pagefind/<language>`` when empty).
        site: The folder read, relative to the site folder (the site folder itself when empty): a shard's
            folder of hard links.
        shards: For the first shard of a language, the folders of the others, relative to its own.
    """

    language: str
    patterns: tuple[str, ...]
    cases: tuple[str, ...]
    output: str = ""
    site: str = ""
    shards: tuple[str, ...] = ()

    def to_json(self) -> list[Any]:
        """The job as JSON can carry it."""
        return [
            self.language,
            list(self.patterns),
            list(self.cases),
            self.output,
            self.site,
            list(self.shards),
        ]

    @classmethod
    def from_json(cls, data: list[Any]) -> IndexJob:
        """A job carried as JSON (see :meth:`to_json`)."""
        language, patterns, cases, output, site, shards = data
        return cls(
            str(language),
            tuple(map(str, patterns)),
            tuple(map(str, cases)),
            str(output),
            str(site),
            tuple(map(str, shards)),
        )


def prepare(
    pages: SitePages, site_dir: Path, folders: Iterable[str], shard_pages: int | None = None
) -> list[IndexJob]:
    """Write the stand-ins of one language and say what its index reads: one job, or one per shard when the
    language has more than ``shard_pages`` cases (pages and stand-ins).

    Pagefind holds a whole index in memory while it writes it; shards of a large language are indexed one by
    one and merged by the browser (``shards.json`` lists them). At 10,000 cases, two shards hold half the
    memory each for the same bytes of a first search (tests/bench/README.md).

    Args:
        pages: The language's pages (its cases, and the labels of the stand-ins of cases missing in it).
        site_dir: The built site.
        folders: The top-level folders of the language's written pages (``cases``, ``about``...), without
            its URL prefix; only these are read, not the generated lists.
        shard_pages: The most cases a shard indexes (``None``: one index, however large).
    """
    language = pages.language
    prefix = pages.prefix
    # A build that failed, or a --dirty one, may have left stand-ins of cases since translated.
    shutil.rmtree(site_dir / STAND_INS / language, ignore_errors=True)
    shutil.rmtree(site_dir / SHARDS / language, ignore_errors=True)
    write_stand_ins(pages, site_dir)
    patterns = [f"{prefix}index.html", f"{STAND_INS}/{language}/**/*.html"]
    patterns += [f"{prefix}{folder}/**/*.html" for folder in sorted(set(folders))]
    cases = tuple(r.id for r in pages.catalogue.records)
    count = 1 if not shard_pages or len(cases) <= shard_pages else math.ceil(len(cases) / shard_pages)
    if count == 1:
        return [IndexJob(language, tuple(patterns), cases, f"{OUTPUT}/{language}")]
    per_shard = math.ceil(len(cases) / count)
    shard_of = {case_id: place // per_shard for place, case_id in enumerate(cases)}
    linked = site_dir / SHARDS / language
    for pattern in patterns:
        for path in site_dir.glob(pattern):
            relative = path.relative_to(site_dir)
            # A case's page and its stand-in are <...>/<id>/index.html; any other page goes with the first.
            shard = shard_of.get(relative.parent.name, 0) if relative.name == "index.html" else 0
            target = linked / str(shard) / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, target)
            except OSError:  # a file system without hard links: a copy reads the same
                shutil.copyfile(path, target)
    others = tuple(f"../{language}-shard-{n}/" for n in range(1, count))
    return [
        IndexJob(
            language,
            ("**/*.html",),
            cases,
            f"{OUTPUT}/{language}" if n == 0 else f"{OUTPUT}/{language}-shard-{n}",
            f"{SHARDS}/{language}/{n}",
            others if n == 0 else (),
        )
        for n in range(count)
    ]


def start(job: IndexJob, site_dir: Path) -> LanguageIndex:
    """Start indexing one language's written pages into ``site_dir/pagefind/<language>/``."""
    output = site_dir / (job.output or f"{OUTPUT}/{job.language}")
    read = site_dir / job.site if job.site else site_dir
    shutil.rmtree(output, ignore_errors=True)
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by finish()
    command = [sys.executable, "-m", "pagefind", "--site", str(read), "--output-path", str(output)]
    command += ["--glob", "{" + ",".join(job.patterns) + "}", "--silent"]
    command += ["--exclude-selectors", ",".join(EXCLUDED)]
    # The command is fixed: our interpreter, the pinned pagefind module, and the build's own folders.
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    linked = read if job.site else None
    return LanguageIndex(job.language, process, log, job.cases, output, job.shards, linked)


def run(jobs: Iterable[IndexJob], site_dir: Path, at_once: int) -> None:
    """Index the languages of ``jobs``, at most ``at_once`` at a time (the next starts as soon as one ends),
    then tidy up as :func:`finish` does.

    Raises:
        SearchIndexError: when Pagefind failed for a language (the others are still indexed).
    """
    waiting = list(jobs)
    running: list[LanguageIndex] = []
    failures: list[str] = []
    try:
        while waiting or running:
            while waiting and len(running) < at_once:
                running.append(start(waiting.pop(0), site_dir))
            done = [index for index in running if index.process.poll() is not None]
            if not done:
                time.sleep(0.05)
                continue
            for index in done:
                running.remove(index)
                try:
                    finish([index], site_dir)
                except SearchIndexError as exc:
                    failures.append(str(exc))
    except OSError as exc:
        failures.append(f"Pagefind could not be started: {exc}")
    finally:
        stop(running)  # when starting one failed: the others end before their files are removed
    if failures:
        raise SearchIndexError("; ".join(failures))


def finish(indexes: Iterable[LanguageIndex], site_dir: Path) -> None:
    """Wait for the language indexes, then remove the stand-ins and the interfaces the site does not use.

    Raises:
        SearchIndexError: when Pagefind failed for a language.
    """
    failures = []
    for index in indexes:
        code = index.process.wait()
        index.log.seek(0)
        output = index.log.read().decode("utf-8", "replace")
        index.log.close()
        folder = index.output or site_dir / OUTPUT / index.language
        if code != 0:
            failures.append(f"Pagefind failed for {index.language} ({code}): {output.strip()}")
        else:
            try:
                write_case_ids(folder, index.cases)
            except SearchIndexError as exc:
                failures.append(str(exc))
            if (
                folder.name == index.language
            ):  # the first shard (or the whole index) says where the others are
                (folder / SHARD_LIST).write_text(_json(list(index.shards)), encoding="utf-8")
        for name in UNUSED:
            (folder / name).unlink(missing_ok=True)
        if index.linked is not None:
            shutil.rmtree(index.linked, ignore_errors=True)
        else:
            shutil.rmtree(site_dir / STAND_INS / index.language, ignore_errors=True)
    if failures:
        raise SearchIndexError("; ".join(failures))


def stop(indexes: Iterable[LanguageIndex]) -> None:
    """Wait for indexers whatever became of the build (those :func:`finish` waited for are done already)."""
    for index in indexes:
        index.process.wait()
        index.log.close()


def case_ids(output: Path) -> dict[str, str]:
    """For each result of a language's Pagefind index that is a case (a case page or a stand-in), its case id,
    by the result id the browser gets (the name of the result's fragment file).

    Raises:
        SearchIndexError: when a fragment cannot be read (a Pagefind version that writes them differently).
    """
    found = {}
    for path in sorted((output / "fragment").glob("*.pf_fragment")):
        try:
            raw = gzip.decompress(path.read_bytes())
            if not raw.startswith(FRAGMENT_HEADER):
                raise ValueError(f"it does not start with {FRAGMENT_HEADER!r}")
            meta = json.loads(raw[len(FRAGMENT_HEADER) :])["meta"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise SearchIndexError(
                f"{path}: cannot read this search result ({exc}); the Pagefind version installed writes "
                "results in a form the catalogue does not know: install the version in requirements.txt"
            ) from exc
        if meta.get("case"):
            found[path.stem] = str(meta["case"])
    return found


def write_case_ids(output: Path, cases: tuple[str, ...]) -> None:
    """Write ``case-ids.json`` next to a language's Pagefind index (or shard): for each case result (see
    :func:`case_ids`), the case's place in ``cases`` (the order of the catalogue's filter index).

    The file is downloaded with the first search, so it is written small: the result ids, which share their
    language's prefix, as one string without it (sorted, space-separated), and the places as numbers in the
    same order. At 10,000 cases that is about a third less, gzipped, than an object of ids and places.
    """
    place = {case_id: n for n, case_id in enumerate(cases)}
    found = sorted(
        (result, place[case_id]) for result, case_id in case_ids(output).items() if case_id in place
    )
    results = [result for result, _ in found]
    head = results[0].split("_", 1)[0] + "_" if results and "_" in results[0] else ""
    prefix = head if all(result.startswith(head) for result in results) else ""
    data = {
        "prefix": prefix,
        "ids": " ".join(result.removeprefix(prefix) for result in results),
        "places": [n for _, n in found],
    }
    (output / CASE_IDS).write_text(_json(data), encoding="utf-8")


def read_case_ids(output: Path) -> dict[str, int]:
    """What ``case-ids.json`` says (see :func:`write_case_ids`): each case result's place, by result id."""
    data = json.loads((output / CASE_IDS).read_text(encoding="utf-8"))
    ids = data["ids"].split(" ") if data["ids"] else []
    return {data["prefix"] + result: place for result, place in zip(ids, data["places"], strict=True)}


def remove_stand_ins(site_dir: Path) -> None:
    """Delete the folders of stand-in pages and of shards once every language is indexed."""
    shutil.rmtree(site_dir / STAND_INS, ignore_errors=True)
    shutil.rmtree(site_dir / SHARDS, ignore_errors=True)
