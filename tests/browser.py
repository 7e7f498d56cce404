"""Helpers for browser tests: serve a built site on localhost, drive Debian's Chromium."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free localhost port; yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def require_chromium() -> None:
    """Skip locally without Chromium; in CI (CI=true) its absence is a failure."""
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI: .ci/run must install Debian's chromium")
        pytest.skip("Debian's chromium is not installed")


# Runs before any page script: records what the page's CSP blocked.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


@contextmanager
def chromium():
    """Debian's Chromium, headless, launched once for as many pages as needed."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def blocked_page(
    browser, base_url: str, width: int = 360, height: int = 740, javascript: bool = True
):
    """A fresh page of ``browser`` whose requests outside ``base_url`` are blocked and
    recorded (``page.blocked``), dialogs dismissed and recorded (``page.dialogs``),
    and Content-Security-Policy violations recorded (read with ``csp_violations``)."""
    blocked: list[str] = []
    dialogs: list[str] = []

    def route(route):
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=javascript
    )
    try:
        page = context.new_page()
        page.add_init_script(CSP_LISTENER)
        page.route("**/*", route)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.blocked, page.dialogs = blocked, dialogs
        yield page
    finally:
        context.close()


@contextmanager
def browser_page(base_url: str, width: int = 360, height: int = 740, javascript: bool = True):
    """A page as ``blocked_page`` gives, in a Chromium of its own."""
    with chromium() as browser, blocked_page(browser, base_url, width, height, javascript) as page:
        yield page
