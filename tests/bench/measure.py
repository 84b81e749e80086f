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
    peak_mb: float
    exit_code: int
    output_mb: float = 0.0
    pages: int = 0
    page_kb: float = 0.0
    case_gz_median_kb: float = 0.0
    case_gz_max_kb: float = 0.0
    search_kb: float | None = None
    first_visit_kb: float = 0.0
    catalogue_max_kb: float = 0.0


def run(args: list[str], cwd: Path) -> tuple[float, float, int]:
    """Run a command; return its wall time, its peak memory in MB (largest process of the tree), exit code."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss covers the child and the descendants it waited for (Pagefind), in KB on Linux.
    return seconds, usage.ru_maxrss / 1024, process.returncode


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
