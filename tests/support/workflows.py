"""What the workflows' tests run against: an https server on 127.0.0.1 that answers by path (nothing reaches
the internet), a case citing its addresses, and support issues as `gh issue list` gives them.

Cases cite https addresses only, so the server speaks TLS with a certificate made for the session by the
``openssl`` command, which the tests' requests trust (``SSL_CERT_FILE``) and nothing else does.
"""

from __future__ import annotations

import functools
import shutil
import ssl
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.support.paths import FIXTURES
from tests.support.project import VALID_CASE

ISSUES = FIXTURES / "automation" / "support-issues.json"
NOW = "2026-11-25T12:00:00Z"  # a Wednesday


class LinkServer(ThreadingHTTPServer):
    """A web server that records the requests it gets: (method, path, User-Agent)."""

    daemon_threads = True
    requests_seen: list[tuple[str, str, str]]


class _Handler(BaseHTTPRequestHandler):
    """Answers by path: /ok, /missing (404), /limited (429), /no-head (405 to HEAD), /moved (301 to /ok)."""

    server: LinkServer

    def do_HEAD(self) -> None:
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def _answer(self) -> None:
        self.server.requests_seen.append((self.command, self.path, self.headers.get("User-Agent", "")))
        status = {"/ok": 200, "/missing": 404, "/limited": 429, "/moved": 301}.get(self.path, 404)
        if self.path == "/no-head":
            status = 405 if self.command == "HEAD" else 200
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@functools.cache
def _certificate() -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, valid for a day, made once per session: (certificate, key)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is missing: the link server cannot speak https")
    folder = Path(tempfile.mkdtemp(prefix="link-server-"))
    certificate, key = folder / "certificate.pem", folder / "key.pem"
    subprocess.run(
        [
            openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return certificate, key


def serve_links(monkeypatch: pytest.MonkeyPatch) -> Iterator[LinkServer]:
    """Run a :class:`LinkServer` (with no proxy in the way, its certificate trusted) until the caller is done."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    certificate, key = _certificate()
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate))
    httpd = LinkServer(("127.0.0.1", 0), _Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    httpd.requests_seen = []
    # A short poll interval, so that shutting the server down after each test takes no half second.
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def base_url(httpd: LinkServer) -> str:
    """The server's address, without a final slash."""
    host, port = httpd.server_address[:2]
    return f"https://{host!s}:{port}"


def case_with_sources(base: str) -> str:
    """VALID_CASE citing {base}/ok (archived at {base}/moved) and {base}/missing."""
    sources = (
        "sources:\n"
        "  - title: Still there\n"
        f"    url: {base}/ok\n"
        f"    archive_url: {base}/moved\n"
        "  - title: Gone\n"
        f"    url: {base}/missing\n"
    )
    text = VALID_CASE.replace(
        "sources:\n  - title: An article about it\n    url: https://en.wikipedia.org/wiki/Example\n", sources
    )
    assert text != VALID_CASE
    return text
