"""Benchmark: build the hub on synthetic corpora and compare it with plain Material + mkdocs-static-i18n.

Prints figures; asserts nothing. For each corpus of N cases x L languages it builds, in the same run:
the project (validation, all pages, catalogue and facet pages, exports, search index), the *floor* (Material +
static-i18n rendering the same pages, no nav, no search, no tags, no fallback pages) and, up to 1,000 cases,
the *vanilla* setup (Material + static-i18n + search + tags, default navigation). After the project's build it
times `advocacy offline` (the ZIM files of every language) and weighs them. See tests/bench/README.md.

Usage: python tests/bench/bench.py [--sizes 1000,10000] [--profiles default,long,concentrated,languages]
       [--languages 3] [--setups project,floor,vanilla] [--no-offline]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.corpus import PROFILES, WORDS_BY_RANK, generate  # noqa: E402
from tests.bench.measure import (  # noqa: E402
    Figures,
    lunr_search_kb,
    output_figures,
    pagefind_search_kb,
    run,
)
from tests.bench.setups import write_configs  # noqa: E402

VANILLA_LIMIT = 1000
# A first search for a word in nearly every case (its index chunk is the largest), and for a word in about one
# case in eight.
COMMON_WORD = "copyright"
RARE_WORD = WORDS_BY_RANK[600]  # beyond this the vanilla build runs for hours and fills the disk


def preview_figures(bin_dir: Path, corpus: Path) -> str:
    """Time `advocacy preview --build` of one case: the start (it reads the corpus) and the build itself,
    which is what `mkdocs serve` repeats after each edit."""
    site = corpus / "site-preview"
    case = corpus / "cases" / "synthetic-case-00001.md"
    start = time.perf_counter()
    result = subprocess.run(
        [str(bin_dir / "advocacy"), "preview", str(case), "--build", str(site)],
        cwd=corpus,
        capture_output=True,
        text=True,
        check=False,
    )
    total = time.perf_counter() - start
    shutil.rmtree(site, ignore_errors=True)
    built = re.search(r"preview built in ([0-9.]+) s", result.stderr)
    rebuild = f"{float(built[1]):.1f} s" if built else "failed"
    return f"preview of one case: rebuild {rebuild} (start, reading the whole corpus: {total:.1f} s)"


def offline_figures(bin_dir: Path, corpus: Path, site: Path) -> str:
    """Time `advocacy offline` on the project's build (every site language, full-text index included) and
    weigh the ZIM files it writes."""
    if importlib.util.find_spec("libzim") is None:
        return "offline copies: not measured (libzim, the extra 'offline', is not installed)"
    command = [str(bin_dir / "advocacy"), "offline", "--root", str(corpus), "--site", str(site)]
    seconds, memory, code = run(command, corpus)
    copies = sorted((site / "downloads").glob("*.zim"))
    sizes = ", ".join(f"{path.name.split('_')[1]} {path.stat().st_size / 1e6:.1f}" for path in copies)
    total = sum(path.stat().st_size for path in copies) / 1e6
    return (
        f"offline copies (ZIM, with full-text index): {len(copies)} files, {total:.1f} MB ({sizes} MB), "
        f"{seconds:.1f} s, peak {memory.total:.0f} MB, exit {code}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000", help="numbers of cases, comma-separated (e.g. 1000,10000)")
    parser.add_argument(
        "--profiles",
        default="default",
        help=f"corpus shapes, comma-separated: {', '.join(PROFILES)} (see tests/bench/corpus.py)",
    )
    parser.add_argument("--languages", type=int, default=3, help="languages per case (1-5), default profile")
    parser.add_argument("--setups", default="project,floor,vanilla", help="which builds to run")
    parser.add_argument(
        "--indexers",
        default="auto",
        help="search_indexers settings to build the project with, comma-separated (auto, fast, 1, 2...); "
        'each but "auto" is its own row, "project/<setting>"',
    )
    parser.add_argument("--work", help="folder for the corpora (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and built sites")
    parser.add_argument(
        "--no-offline", action="store_true", help="skip the offline copies (ZIM files) of the project's build"
    )
    args = parser.parse_args()
    setups = []
    for setup in args.setups.split(","):
        if setup == "project":
            setups += [setup if s == "auto" else f"{setup}/{s}" for s in args.indexers.split(",")]
        else:
            setups.append(setup)
    bin_dir = Path(sys.executable).parent
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="advocacy-bench-"))
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}; corpora in {work}")
    header = (
        f"{'setup':<12} {'cases':>6} {'langs':>5} {'wall s':>7} {'peak MB (all/build/index)':>26} {'exit':>4} {'out MB':>7} "
        f"{'pages':>6} {'KB/page':>7} {'case gz KB (median/max)':>24} {'1st visit KB':>12} {'list KB':>7} "
        f"{'search KB (common/rare word)':>28}"
    )
    results: dict[tuple[str, int, str], Figures] = {}
    runs = [
        (PROFILES[name], int(size)) for name in args.profiles.split(",") for size in args.sizes.split(",")
    ]
    for profile, size in runs:
        languages = profile.languages if profile.name != "default" else args.languages
        corpus = work / f"corpus-{profile.name}-{size}x{languages}"
        start = time.perf_counter()
        shape = profile if profile.name != "default" else None
        files = generate(ROOT, corpus, size, languages, profile=shape)
        configs = write_configs(corpus)
        print(
            f"\ncorpus {profile.name}: {size} cases x {languages} languages = {files} case files, generated in "
            f"{time.perf_counter() - start:.1f} s"
        )
        seconds, _, code = run([str(bin_dir / "advocacy"), "validate", "--root", str(corpus)], corpus)
        print(f"validation alone: {seconds:.2f} s (exit {code})")
        print(header)
        for setup in setups:
            if setup == "vanilla" and size > VANILLA_LIMIT:
                continue
            kind, _, indexers = setup.partition("/")
            site = corpus / f"site-{setup.replace('/', '-')}"
            command = [str(bin_dir / "mkdocs"), "build", "-f", str(configs[kind]), "-d", str(site)]
            if kind == "project":
                command.append("--strict")
            seconds, memory, code = run(command, corpus, {"ADVOCACY_SEARCH_INDEXERS": indexers or "auto"})
            figures = Figures(seconds, memory, code)
            output_figures(site, figures)
            if kind == "project":
                figures.search_kb = pagefind_search_kb(site, COMMON_WORD)
                figures.rare_search_kb = pagefind_search_kb(site, RARE_WORD)
            else:
                figures.search_kb = lunr_search_kb(site)
            results[(setup, size, profile.name)] = figures
            search = f"{figures.search_kb:>6.0f}" if figures.search_kb is not None else f"{'-':>6}"
            search += (
                f" / {figures.rare_search_kb:<5.0f}" if figures.rare_search_kb is not None else " /  -   "
            )
            print(
                f"{setup:<12} {size:>6} {languages:>5} {figures.seconds:>7.1f} "
                f"{memory.total:>10.0f} / {memory.build:>5.0f} / {memory.indexer:>5.0f} "
                f"{figures.exit_code:>4} {figures.output_mb:>7.0f} {figures.pages:>6} {figures.page_kb:>7.1f} "
                f"{figures.case_gz_median_kb:>11.1f} / {figures.case_gz_max_kb:<10.1f} "
                f"{figures.first_visit_kb:>12.0f} {figures.catalogue_max_kb:>7.0f} {search}"
            )
            if kind == "project" and not args.no_offline:
                print(offline_figures(bin_dir, corpus, site))
            if not args.keep:
                shutil.rmtree(site, ignore_errors=True)
        if any(setup.startswith("project") for setup in setups):
            print(preview_figures(bin_dir, corpus))
        projects = [setup for setup in setups if setup.startswith("project")]
        project, floor = (
            results.get((projects[0], size, profile.name)) if projects else None,
            results.get(("floor", size, profile.name)),
        )
        if project and floor:
            print(
                f"project / floor, {profile.name} at {size}: {project.seconds / floor.seconds:.2f}x "
                "(target at 1,000: <= 1.5x)"
            )
    sizes = sorted({size for _, size, name in results if name == "default"})
    first = next((setup for setup in setups if setup.startswith("project")), "project")
    if len(sizes) > 1 and (first, sizes[0], "default") in results:
        small = results[(first, sizes[0], "default")]
        for size in sizes[1:]:
            big = results.get((first, size, "default"))
            if big:
                print(
                    f"project {size} / project {sizes[0]}: {big.seconds / small.seconds:.2f}x for "
                    f"{size / sizes[0]:.0f}x the cases (target: <= 10.5x for 10x)"
                )
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
