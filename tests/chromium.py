"""How every browser test starts Chromium: Debian's system browser, driven by playwright.

Playwright's own browser download does not work here, so the tests use /usr/bin/chromium
(`.ci/run` installs it). The flags keep a headless Chromium quiet on a machine with no
internet: without the background-networking ones it keeps trying Google's hosts.
"""

from __future__ import annotations

import shutil

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError(
        "Chromium is not installed: run `sudo apt-get install -y chromium` (the browser tests "
        "never skip; CI installs it in .ci/run)."
    )


def open_quietly(page, url: str, timeout_s: float = 60.0, quiet_s: float = 0.5) -> None:
    """Go to ``url`` and return once every request the page made has finished (or failed) and
    none has started for ``quiet_s`` seconds: MathJax fonts, images, explorers all loaded.

    Playwright's own "networkidle" wait is not used: on some loads of a page it never fires
    although every request has finished (seen with Chromium 156 on Chapter 2, dark mode), and
    Playwright itself advises against it for tests.
    """
    import time

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
