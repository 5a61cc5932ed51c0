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
