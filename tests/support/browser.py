"""A real browser for the tests: Debian's chromium driven by Playwright, and built sites served locally.

On a machine without chromium the browser tests are skipped, except under CI (CI=true), where they fail: the
CI script installs chromium.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

# Debian's chromium by default; CHROMIUM names another Chromium-based browser (GitHub's runners have Chrome).
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


def require_chromium() -> None:
    """Skip the calling module without Playwright or chromium; fail it under CI (CI=true)."""
    pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package", pytrace=False)
        pytest.skip(f"no browser at {CHROMIUM}: install Debian's chromium package", allow_module_level=True)


def launch_chromium() -> Iterator[object]:
    """A headless chromium, offline; closed when the caller is done with it."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"],
        )
        yield instance
        instance.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Say nothing."""


def serve(folder: Path) -> Iterator[str]:
    """Serve a built site on a local static server; yields its base address."""
    handler = functools.partial(_Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()
