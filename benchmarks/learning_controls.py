"""The learning line (explore_learning, Chapter 6), every control: input to next paint on the
static page, in headless Chromium.

Usage: PYTHONPATH=tools python benchmarks/learning_controls.py [moves]

A standalone page holds the explorer's text/html. Each control is used ``moves`` times, 50 ms
apart: the learning-rate, step and start sliders (ArrowRight/ArrowLeft; the step is first set to
150, so moving the start also moves the current bias and the loss surface must follow), the Step
and Reset buttons, the data-set menu, the arrow keys on the loss surface and a pointer drag across
it. Per event, the time from the event's timeStamp to just after the next frame (a message posted
from a requestAnimationFrame callback), and the synchronous work of the explorer's handler. Play
is timed frame to frame. Target: median <= 16.7 ms, worst <= 33 ms.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from browser import launch
from playwright.sync_api import sync_playwright

from neuronlib.explorers import base, explore_learning

PROBE = """() => {
  const nl = (window.__nl = { t: [], w: [] });
  let start = 0;
  const paint = (ev) => {
    start = performance.now();
    const t0 = ev.timeStamp;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => nl.t.push(performance.now() - t0);
      ch.port2.postMessage(0);
    });
  };
  for (const type of ['input', 'change', 'click']) {
    document.addEventListener(type, paint, true);
    document.addEventListener(type, () => nl.w.push(performance.now() - start), false);
  }
  for (const type of ['keydown', 'pointerdown', 'pointermove'])
    document.addEventListener(type, (ev) => { if (ev.target.tagName === 'CANVAS') paint(ev); }, true);
}"""

PLAY = """() => new Promise((done) => {
  const root = document.querySelector('.nl-explorer[data-explorer="learning"]');
  const gaps = []; let last = performance.now();
  root.querySelector('button.nl-play').click();
  const f = () => { const now = performance.now(); gaps.push(now - last); last = now;
    if (gaps.length < 100) requestAnimationFrame(f); else { root.querySelector('button.nl-play').click(); done(gaps.slice(1)); } };
  requestAnimationFrame(f); })"""


def measure(moves: int = 40) -> dict[str, tuple[float, float, float, float]]:
    """{control: (median, worst event-to-next-paint, median, worst handler work)} in ms."""
    results = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "learning.html"
        path.write_text(base.standalone_page([explore_learning().to_html()]), encoding="utf-8")
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(path.as_uri())
        page.wait_for_selector(".nl-explorer canvas")
        page.wait_for_timeout(800)  # a reader looks before touching (the explorer warms up)
        root = page.locator('.nl-explorer[data-explorer="learning"]')
        sliders = root.locator("input[type=range]")
        surface = root.locator("canvas").nth(1)
        sliders.nth(1).fill("150")
        page.evaluate(PROBE)

        def run(name, act):
            page.evaluate("window.__nl.t = []; window.__nl.w = []")
            for i in range(moves):
                act(i)
                page.wait_for_timeout(50)
            page.wait_for_timeout(150)
            t, w = page.evaluate("window.__nl.t"), page.evaluate("window.__nl.w") or [0.0]
            results[name] = (statistics.median(t), max(t), statistics.median(w), max(w))

        for k, name in enumerate(["learning rate slider", "step slider", "start w1 slider",
                                  "start w2 slider", "start b slider"]):
            slider = sliders.nth(k)
            slider.focus()
            run(name, lambda i, s=slider: s.press("ArrowRight" if (i // 10) % 2 == 0 else "ArrowLeft"))
        run("Step button", lambda i: root.locator("button.nl-step").click())
        surface.focus()
        run("arrow keys on the loss surface",
            lambda i: surface.press(["ArrowRight", "ArrowUp", "ArrowLeft", "ArrowDown"][i % 4]))
        box = surface.bounding_box()

        def drag(i):
            page.mouse.move(box["x"] + 80 + 4 * i, box["y"] + 80 + 3 * i)
            if i == 0:
                page.mouse.down()
            if i == moves - 1:
                page.mouse.up()

        run("dragging the start (pointer)", drag)
        run("data set menu", lambda i: root.locator("select").select_option(["xor", "height_weight"][i % 2]))
        run("Reset button", lambda i: root.locator("button.nl-reset").click())
        gaps = page.evaluate(PLAY)
        results["Play: frame to frame"] = (statistics.median(gaps), max(gaps), 0.0, 0.0)
        browser.close()
    return results


if __name__ == "__main__":
    print("| control | to next paint, median | worst | handler work, median | worst |")
    print("| --- | --- | --- | --- | --- |")
    for name, (med, worst, work, work_worst) in measure(int(sys.argv[1]) if len(sys.argv) > 1 else 40).items():
        print(f"| {name} | {med:.1f} ms | {worst:.1f} ms | {work:.1f} ms | {work_worst:.1f} ms |")
