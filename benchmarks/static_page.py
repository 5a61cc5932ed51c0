"""(a) The static page: event-to-next-paint of a slider move, in headless Chromium.

A standalone page holds one explorer's text/html (exactly what the book's site shows). Playwright
presses ArrowRight on a slider, spaced out so frames do not overlap, and the page measures:

- Event Timing API: a PerformanceObserver of type "event" (durationThreshold 16, the smallest the
  API allows) collects every keydown/input event whose event-to-next-paint took >= 16 ms;
- a requestAnimationFrame fallback for every move: from the input event's timeStamp to just
  after the next frame (a message posted from the rAF callback runs once the frame is painted);
- the redraw's own work: performance.now() around the explorer's synchronous input handler.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from browser import launch

PROBE = """() => {
  const nl = (window.__nl = { raf: [], work: [], events: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'keydown' || e.name === 'input') nl.events.push([e.name, e.startTime, e.duration]);
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  let start = 0;
  // capture phase (before the explorer's listener on the slider) ...
  document.addEventListener('input', (ev) => {
    start = performance.now();
    const t0 = ev.timeStamp;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => nl.raf.push([t0, performance.now() - t0]);
      ch.port2.postMessage(0);
    });
  }, true);
  // ... and bubbling phase (after it): the synchronous redraw's own work
  document.addEventListener('input', () => nl.work.push(performance.now() - start), false);
}"""


def measure(html_page: str, slider_index: int, moves: int = 60) -> dict:
    """Press ArrowRight ``moves`` times on the explorer's slider number ``slider_index``."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "bench.html"
        path.write_text(html_page, encoding="utf-8")
        browser = launch(p)
        page = browser.new_page(viewport={"width": 900, "height": 700})
        page.goto(path.as_uri())
        page.wait_for_selector(".nl-explorer canvas")
        page.wait_for_timeout(500)  # a reader looks before touching (the explorer warms up)
        page.evaluate(PROBE)
        slider = page.locator(".nl-explorer input[type=range]").nth(slider_index)
        slider.focus()
        for i in range(moves):
            slider.press("ArrowRight" if (i // 20) % 2 == 0 else "ArrowLeft")
            page.wait_for_timeout(60)
        page.wait_for_timeout(200)
        data = page.evaluate("window.__nl")
        version = browser.version
        browser.close()
    return {"raf": data["raf"], "work": data["work"], "events": data["events"], "moves": moves,
            "chromium": version}


def summarise(result: dict) -> dict:
    """Per move, event-to-next-paint is the Event Timing duration when the API reported one
    (>= 16 ms) for that move's keydown/input, else the rAF probe's time."""
    moves = [[t0, raf] for t0, raf in result["raf"]]
    for _name, start, duration in result["events"]:
        # the entry belongs to the move whose input event came at, or just after, its start
        i = min(range(len(moves)), key=lambda k: abs(moves[k][0] - start))
        moves[i][1] = max(moves[i][1], duration)
    paint = [m[1] for m in moves]
    raf = [r for _, r in result["raf"]]
    return {
        "median": statistics.median(paint), "worst": max(paint),
        "raf_median": statistics.median(raf), "raf_worst": max(raf),
        "work_median": statistics.median(result["work"]), "work_worst": max(result["work"]),
        "slow_events": len(result["events"]),
        "slowest_event": max((d for _, _, d in result["events"]), default=None),
        "moves": result["moves"], "chromium": result["chromium"],
    }
