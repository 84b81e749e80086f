"""The hostile project's site (tests/support/hostile.py) in a real browser: no payload runs, even with the
Content-Security-Policy taken out of the pages (so that the site's own escaping and sanitising are what is
tested, not the policy alone); the policy reports nothing to block on the pages as published; no request
leaves the site; and no contributor's paragraph can lie over the page like the theme's dialogs.

On a machine without chromium these tests are skipped, except under CI (CI=true), where they fail.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.support.browser import require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.site]
require_chromium()

PAGES = [
    "head/",
    "entities/",
    "mmd/",
    "unreadable/",
    "addresses/",
    "takeover/",
    "manifesto/",
    "cases/blackout/",
    "fr/cases/takedown/",
    "404.html",
]
_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')


class _Visit:
    """One page opened in a fresh context, recording dialogs, console messages and requests."""

    def __init__(self, browser: object, server: str, url: str, *, without_policy: bool) -> None:
        self.context = browser.new_context()  # type: ignore[attr-defined]
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.requests: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda message: self.console.append(message.text))
        self.page.on("request", lambda request: self.requests.append(request.url))
        host = urlsplit(server).netloc
        # Nothing may leave the site; a request elsewhere is recorded above and then stopped.
        self.page.route(lambda url: urlsplit(url).netloc != host, lambda route: route.abort())
        if without_policy:
            self.page.route(lambda url: urlsplit(url).netloc == host, self._strip_policy)
        # Every request answered before the page is read or closed (a route still running would fail).
        self.page.goto(server + url, wait_until="networkidle")

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    @staticmethod
    def _strip_policy(route: object) -> None:
        response = route.fetch()  # type: ignore[attr-defined]
        if "text/html" not in response.headers.get("content-type", ""):
            route.fulfill(response=response)  # type: ignore[attr-defined]
            return
        route.fulfill(response=response, body=_POLICY.sub("", response.text()))  # type: ignore[attr-defined]

    def close(self) -> None:
        self.context.close()


@pytest.mark.parametrize("url", PAGES)
def test_no_payload_runs_even_without_the_content_security_policy(
    browser: object, hostile_server: str, url: str
) -> None:
    """With the policy removed from the page, no alert opens, no event handler or script of a payload runs,
    and the page asks no other host for anything."""
    visit = _Visit(browser, hostile_server, url, without_policy=True)
    try:
        handlers = visit.page.evaluate(
            "() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
            ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"
        )
        inline = visit.page.evaluate("() => [...document.scripts].filter(s => !s.src).length")
    finally:
        visit.close()
    assert visit.dialogs == []
    assert handlers == [] and inline == 0
    host = urlsplit(hostile_server).netloc
    assert [request for request in visit.requests if urlsplit(request).netloc != host] == []


@pytest.mark.parametrize("url", PAGES)
def test_the_policy_finds_nothing_to_block_on_the_published_pages(
    browser: object, hostile_server: str, url: str
) -> None:
    """As published (policy in place), the browser reports no violation of it: nothing injected was left for
    the policy to stop."""
    visit = _Visit(browser, hostile_server, url, without_policy=False)
    visit.close()
    assert [m for m in visit.console if "Content Security Policy" in m or "Refused to" in m] == []
    assert visit.dialogs == []


def test_a_paragraph_with_the_themes_dialog_classes_stays_in_the_text(
    browser: object, hostile_server: str
) -> None:
    """The fake "session expired" notice, given the theme's dialog and button classes, is laid out as an
    ordinary paragraph below the header, not fixed over the page."""
    visit = _Visit(browser, hostile_server, "takeover/", without_policy=False)
    try:
        box = visit.page.evaluate(
            """() => {
                const p = [...document.querySelectorAll('article p')]
                    .find(e => e.textContent.startsWith('Your session has expired'));
                const link = p.querySelector('a');
                const style = getComputedStyle(p);
                return {
                    position: style.position,
                    top: p.getBoundingClientRect().top,
                    header: document.querySelector('header').getBoundingClientRect().bottom,
                    linkDisplay: getComputedStyle(link).display,
                };
            }"""
        )
    finally:
        visit.close()
    assert box["position"] == "static"
    assert box["top"] >= box["header"]
    assert box["linkDisplay"] == "inline"  # not turned into the theme's button
