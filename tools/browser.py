"""Chromium for every script and test that needs a browser: the browser tests (tests/), the
page-weight and PDF tools (tools/) and the benchmarks (benchmarks/) all start it from here.

Playwright's own browser download does not work here, so everything drives Debian's system
Chromium (/usr/bin/chromium; `.ci/run` installs it). The flags keep a headless Chromium quiet
on a machine with no internet: without the background-networking ones it keeps trying
Google's hosts.

The tests find this module through `pythonpath` in pyproject.toml, the scripts in tools/ as
their neighbour, the benchmarks through `PYTHONPATH=tools` (see the Makefile).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

INSTALL = "sudo apt-get update && sudo apt-get install -y chromium"


def find_chromium() -> str | None:
    """The path of the system Chromium, or None when it is not installed."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_path() -> str:
    """The path of the system Chromium; a clear error when it is not installed."""
    found = find_chromium()
    if found is None:
        raise RuntimeError(
            f"Chromium is not installed: run `{INSTALL}` (the browser tests never skip; CI "
            "installs it in .ci/run)."
        )
    return found


def launch(playwright, **options):
    """A headless Chromium started by ``playwright`` (``sync_playwright()``'s object) with the flags above."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, **options)


def open_quietly(page, url: str, timeout_s: float = 60.0, quiet_s: float = 0.5) -> None:
    """Go to ``url`` and return once every request the page made has finished (or failed) and
    none has started for ``quiet_s`` seconds: MathJax fonts, images, explorers all loaded.

    Playwright's own "networkidle" wait is not used: on some loads of a page it never fires
    although every request has finished (seen with Chromium 156 on Chapter 2, dark mode), and
    Playwright itself advises against it for tests.
    """
    open_requests: dict[int, str] = {}
    last = [time.monotonic()]

    def started(request) -> None:
        open_requests[id(request)] = request.url
        last[0] = time.monotonic()

    def ended(request) -> None:
        open_requests.pop(id(request), None)
        last[0] = time.monotonic()

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    try:
        page.goto(url, wait_until="load")
        deadline = time.monotonic() + timeout_s
        while open_requests or time.monotonic() - last[0] < quiet_s:
            if time.monotonic() > deadline:
                raise AssertionError(f"{url} did not finish loading in {timeout_s:.0f} s; "
                                     f"requests still open: {sorted(set(open_requests.values()))}")
            page.wait_for_timeout(50)
    finally:
        page.remove_listener("request", started)
        page.remove_listener("requestfinished", ended)
        page.remove_listener("requestfailed", ended)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that does not log every request (keeps test output readable)."""

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 from a thread of this process; yields its URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
