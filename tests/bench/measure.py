"""Measurements of one built site: wall time and peak memory of the build, output sizes, search bytes."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import re
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Figures:
    """What the benchmark prints for one setup."""

    seconds: float
    memory: Memory
    exit_code: int
    output_mb: float = 0.0
    pages: int = 0
    page_kb: float = 0.0
    case_gz_median_kb: float = 0.0
    case_gz_max_kb: float = 0.0
    search_kb: float | None = None
    rare_search_kb: float | None = None
    first_visit_kb: float = 0.0
    catalogue_max_kb: float = 0.0


@dataclass
class Memory:
    """Peak resident memory of a process tree, sampled from /proc (Linux), in MB."""

    total: float = 0.0  # all processes of the tree at the same moment (proportional set sizes, summed)
    build: float = 0.0  # the largest MkDocs process (the build, or its second process)
    indexer: float = 0.0  # the largest Pagefind process


def _tree(root: int) -> list[tuple[str, float, float]]:
    """(command name, resident MB, proportional MB) of ``root`` and its descendants."""
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
        names[int(entry.name)] = name
    members = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in members and pid not in members:
                members.add(pid)
                grew = True
    result = []
    for pid in members:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        rss = next((line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")), "0")
        result.append((names.get(pid, ""), int(rss) / 1024, _proportional(pid, int(rss)) / 1024))
    return result


def _proportional(pid: int, rss: int) -> int:
    """The proportional set size of a process in KB: its resident memory, with each page it shares with other
    processes (the forked second build shares the first's until either writes to it) counted for its share.
    Summed over processes, it is the memory they take together; resident sizes would count shared pages twice.
    Where the system does not say (no ``smaps_rollup``), the resident size."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return rss
    return next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), rss)


def _sample(root: int, memory: Memory, done: threading.Event) -> None:
    while not done.wait(1.0):
        tree = _tree(root)
        memory.total = max(memory.total, sum(pss for _, _, pss in tree))
        for name, mb, _ in tree:
            if "pagefind" in name:
                memory.indexer = max(memory.indexer, mb)
            else:
                memory.build = max(memory.build, mb)


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, Memory, int]:
    """Run a command (with ``env`` added to the environment); return its wall time, its peak memory, and its
    exit code."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    memory = Memory()
    done = threading.Event()
    sampler = None
    if Path("/proc/self/stat").exists():
        sampler = threading.Thread(target=_sample, args=(process.pid, memory, done), daemon=True)
        sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    if sampler is not None:
        sampler.join()
    else:  # no /proc: the largest process of the tree is all we know
        memory.build = memory.total = usage.ru_maxrss / 1024
    return seconds, memory, os.waitstatus_to_exitcode(status)


def transfer_size(path: Path) -> int:
    """Bytes sent for a file by a server that gzips text: Pagefind's index files are gzip already."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b" or path.suffix == ".pagefind":
        return len(data)
    return len(gzip.compress(data, 6))


def output_figures(site: Path, figures: Figures) -> None:
    """Fill in the output sizes of a built site."""
    total = 0
    pages = []
    for path in site.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            if path.suffix == ".html":
                pages.append(size)
    figures.output_mb = total / 1e6
    figures.pages = len(pages)
    figures.page_kb = statistics.mean(pages) / 1e3 if pages else 0
    case_pages = sorted(site.glob("**/cases/*/index.html"))
    sample = case_pages[:: max(1, len(case_pages) // 300)]
    gz = [len(gzip.compress(p.read_bytes(), 6)) for p in sample]
    if gz:
        figures.case_gz_median_kb = statistics.median(gz) / 1e3
        figures.case_gz_max_kb = max(gz) / 1e3
        figures.first_visit_kb = first_visit(sample[gz.index(max(gz))], site) / 1e3
    lists = [site / "catalogue" / "index.html", *sorted(site.glob("catalogue/*/*/index.html"))]
    sizes = [len(gzip.compress(p.read_bytes(), 6)) for p in lists if p.is_file()]
    figures.catalogue_max_kb = max(sizes, default=0) / 1e3


_RESOURCE = re.compile(r'<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"#?]+)"[^>]*>')


def first_visit(page: Path, site: Path) -> int:
    """Bytes of a first visit to a page: its HTML and the styles, scripts and images it loads (gzipped)."""
    html = page.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode(), 6))
    for match in _RESOURCE.finditer(html):
        tag, url = match[0], match[1]
        if tag.startswith("<link") and not re.search(r'rel="(?:stylesheet|icon)"', tag):
            continue
        path = (page.parent / url).resolve()
        if path.is_file() and path.is_relative_to(site.resolve()):
            total += transfer_size(path)
    return total


def lunr_search_kb(site: Path) -> float | None:
    """Material's search: the whole index of every language and its worker are loaded before a first query."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return None
    workers = list((site / "assets" / "javascripts" / "workers").glob("search*.js"))
    lunr = list((site / "assets" / "javascripts" / "lunr").glob("*.js"))[:1]
    return sum(transfer_size(p) for p in [index, *workers, *lunr]) / 1e3


def pagefind_search_kb(site: Path, query: str) -> float | None:
    """Bytes a reader's browser fetches for a first search on the catalogue page (needs Playwright + Chromium).

    Returns ``None`` when the browser is not available.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists() or not (site / "pagefind").is_dir():
        return None
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fetched: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
            page = browser.new_page()
            page.on("request", lambda request: fetched.append(request.url))
            base = f"http://127.0.0.1:{server.server_port}/"
            page.goto(base + "catalogue/")
            fetched.clear()
            page.fill("#adv-q", query)
            page.press("#adv-q", "Enter")
            page.wait_for_selector("[data-adv-status]:not(:empty)", timeout=60_000)
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    total = 0
    for url in set(fetched):
        relative = url.split("/", 3)[3].split("?")[0]
        path = site / relative
        # What the search fetched (the page itself, its styles and scripts came with the page).
        if relative.startswith("pagefind/") and path.is_file():
            total += transfer_size(path)
    return total / 1e3


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that does not log each request."""

    def log_message(self, format: str, *args: object) -> None:
        """Say nothing."""
