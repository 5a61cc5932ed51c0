"""Chromium for every script and test that needs a browser: the browser tests (tests/), the
page-weight and PDF tools (tools/) and the benchmarks (benchmarks/) all start it from here.

Playwright's own browser download does not work here, so everything drives Debian's system
Chromium: the tests and tools its headless shell (/usr/bin/chromium-headless-shell, which
`.ci/run` installs), the benchmarks the full browser (/usr/bin/chromium). The flags keep a
headless Chromium quiet on a machine with no internet: without the background-networking ones
it keeps trying Google's hosts.

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

INSTALL = "sudo apt-get update && sudo apt-get install -y chromium chromium-headless-shell"

#: The tests and the tools drive Chromium's headless shell (Debian's chromium-headless-shell):
#: the same Blink and V8 without the full browser's windows, tabs and internal WebUI pages.
#: Measured on `make test-site` (305 tests, 2 workers, the CPU time of every process it started):
#: 598 s with the full browser, 423 s with the shell. The benchmarks time what a reader sees,
#: so they run the full browser (``full=True``).
SHELL = ("chromium-headless-shell",)
FULL = ("chromium", "chromium-browser")


def find_chromium(full: bool = False) -> str | None:
    """The path of the system's headless shell (or, with ``full``, the full Chromium), or None
    when it is not installed."""
    for name in FULL if full else SHELL:
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_path(full: bool = False) -> str:
    """The path of the system's headless shell or full Chromium; a clear error when it is not
    installed."""
    found = find_chromium(full)
    if found is None:
        raise RuntimeError(
            f"{'Chromium' if full else 'Chromium headless shell'} is not installed: run `{INSTALL}` "
            "(the browser tests never skip; CI installs it in .ci/run)."
        )
    return found


def launch(playwright, full: bool = False, **options):
    """A headless Chromium started by ``playwright`` (``sync_playwright()``'s object) with the
    flags above: the headless shell, or with ``full`` the full browser."""
    return playwright.chromium.launch(executable_path=chromium_path(full), args=CHROMIUM_ARGS, **options)


SETTLED = """() => document.getAnimations().every(a => a.playState !== 'running')"""


def set_colour_scheme(page, scheme: str, timeout_s: float = 10.0) -> None:
    """Show ``page`` in the "light" or "dark" colours, as the reader's system setting and the
    theme's switch do, and return once every colour has finished changing: the theme eases some
    colours over a short CSS transition, and axe reading a colour halfway reports a contrast
    that no reader sees (seen on a loaded machine: the search field's text, mid-way to dark)."""
    page.emulate_media(color_scheme=scheme)
    page.evaluate(f"document.documentElement.dataset.theme = '{scheme}'")
    page.wait_for_timeout(50)  # the style is recomputed and the transitions start
    page.wait_for_function(SETTLED, timeout=timeout_s * 1000)


def open_quietly(page, url: str, timeout_s: float = 60.0, quiet_s: float = 0.5) -> None:
    """Go to ``url`` and return once every request the page made has finished (or failed) and
    none has started for ``quiet_s`` seconds: MathJax fonts, images, explorers all loaded. It
    fails after ``timeout_s`` seconds in all, the page's load event included.

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
        deadline = time.monotonic() + timeout_s
        page.goto(url, wait_until="load", timeout=timeout_s * 1000)  # Playwright's own default is 30 s
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


# What an explorer drew wrongly, measured from what its canvases recorded while drawing
# (canvas.nlDrawn, in CSS pixels: text boxes, neuron lines and arrows, legend boxes) and from
# the canvas's shown size. Evaluate on an explorer's root element; returns a list of problems:
# - a normal arrow not at 90 deg (+- 1 deg) to its line, as drawn on the screen;
# - two text labels whose boxes overlap, or a label on a neuron's line;
# - a label that overlaps a legend box without lying inside it.
# The geometry here is written independently of the explorers' own code.
DRAWN_PROBLEMS = """root => {
  const problems = [];
  const meet = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  const inside = (a, b) => a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3];
  const crosses = (box, p, q) => {
    for (let i = 0; i <= 200; i++) {
      const x = p[0] + (q[0] - p[0]) * i / 200, y = p[1] + (q[1] - p[1]) * i / 200;
      if (x > box[0] && x < box[2] && y > box[1] && y < box[3]) return true;
    }
    return false;
  };
  const kind = root.dataset.explorer;
  for (const c of root.querySelectorAll('canvas')) {
    const d = c.nlDrawn;
    if (!d) { problems.push(`${kind}: a canvas recorded nothing`); continue; }
    const r = c.getBoundingClientRect();
    const [sx, sy] = [r.width / c.nlSize[0], r.height / c.nlSize[1]];
    for (const l of d.lines) {
      const [p, q] = l.seg, [f, t] = l.arrow;
      const a = Math.atan2((q[1] - p[1]) * sy, (q[0] - p[0]) * sx);
      const b = Math.atan2((t[1] - f[1]) * sy, (t[0] - f[0]) * sx);
      const deg = ((Math.abs(a - b) * 180) / Math.PI) % 180;
      if (Math.abs(deg - 90) > 1) problems.push(`${kind}: an arrow is drawn at ${deg.toFixed(2)} deg to its line`);
    }
    d.labels.forEach((l, i) => {
      d.labels.slice(i + 1).forEach((m) => {
        if (meet(l.box, m.box)) problems.push(`${kind}: labels "${l.text}" and "${m.text}" overlap`);
      });
      for (const line of d.lines)
        if (crosses(l.box, ...line.seg)) problems.push(`${kind}: label "${l.text}" sits on a line`);
      for (const g of d.legends)
        if (meet(l.box, g) && !inside(l.box, g)) problems.push(`${kind}: label "${l.text}" overlaps the legend`);
    });
  }
  return problems;
}"""
