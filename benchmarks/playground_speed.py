"""The network playground (explore_playground, Chapter 8) on the static page, in headless Chromium:
one training step plus the redraw of the decision regions (100 x 100) and of every hidden unit's
map, for a 2-8-8-1 network on 200 training points; and Play's speed.

Usage: PYTHONPATH=tools python benchmarks/playground_speed.py [clicks]

Per set-up (ReLU with batches of 10, tanh with the full batch of 200): the Step button is clicked
``clicks`` times, 50 ms apart, and each click is timed from the event's timeStamp to just after the
next frame, and by the handler's own synchronous work (the step and the redraw), with the
probe of ``tools/control_timing.py``. Since session 11 the 16 unit maps are drawn just after that
frame is painted (js/playground.js), so they are not in these times. Then Play runs for 3 s: steps per second (the step counter's
rise over the time) and frame to frame. Targets: a step + redraw at a median <= 16.7 ms; Play at
>= 30 steps per second.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

import control_timing
from browser import launch
from playwright.sync_api import sync_playwright

from neuronlib.explorers import base, explore_playground

SETUPS = {"relu, batch 10": {"activation": "relu", "batch_size": 10},
          "tanh, full batch (200)": {"activation": "tanh", "batch_size": 200}}

PLAY = """(ms) => new Promise((done) => {
  const root = document.querySelector('.nl-explorer[data-explorer="playground"]');
  const step = () => +root.querySelector('.nl-readout').textContent.match(/; step (\\d+) of/)[1];
  const gaps = []; const first = step(); const t0 = performance.now(); let last = t0;
  root.querySelector('button.nl-play').click();
  const f = () => { const now = performance.now(); gaps.push(now - last); last = now;
    if (now - t0 < ms) requestAnimationFrame(f);
    else { root.querySelector('button.nl-play').click();
      done({ gaps: gaps.slice(1), steps: step() - first, seconds: (now - t0) / 1000 }); } };
  requestAnimationFrame(f); })"""


def measure(clicks: int = 60) -> dict[str, dict]:
    """Per set-up: {"paint": [...], "work": [...], "gaps": [...], "rate": steps per second}."""
    results = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = launch(p, full=True)
        for name, options in SETUPS.items():
            ex = explore_playground("spiral", hidden=[8, 8], learning_rate=0.1, n=400, **options)
            assert len(ex.training_data()[0]) == 200
            path = Path(tmp) / "playground.html"
            path.write_text(base.standalone_page([ex.to_html()]), encoding="utf-8")
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(path.as_uri())
            page.wait_for_selector(".nl-explorer canvas")
            page.wait_for_timeout(800)  # a reader looks before touching (the explorer warms up)
            page.evaluate(control_timing.PROBE)
            specs = page.evaluate(control_timing.CONTROLS)
            step_id = next(spec["id"] for spec in specs if spec["kind"] == "button" and spec["name"].startswith("Step"))
            button = page.locator(f'[data-nl-control="{step_id}"]')
            for _ in range(clicks):
                button.click()
                page.wait_for_timeout(50)
            page.wait_for_timeout(150)
            moves = [m for m in page.evaluate("window.__nlTiming.moves") if m["control"] == step_id]
            paint, work = [m.get("raf", 0.0) for m in moves], [m["work"] for m in moves]
            play = page.evaluate(PLAY, 3000)
            results[name] = {"paint": paint, "work": work, "gaps": play["gaps"],
                             "rate": play["steps"] / play["seconds"], "chromium": browser.version}
            page.close()
        browser.close()
    return results


def table(results: dict[str, dict]) -> str:
    lines = ["| 2-8-8-1, 200 training points | median | worst | target | met |", "| --- | --- | --- | --- | --- |"]
    for name, r in results.items():
        med, worst = statistics.median(r["paint"]), max(r["paint"])
        lines.append(f"| {name}: Step click to next paint (one step + regions + loss curves; the 16 unit maps just after) | {med:.1f} ms "
                     f"| {worst:.1f} ms | median <= 16.7 ms | {'yes' if med <= 16.7 else 'NO'} |")
        lines.append(f"| {name}: of which the handler's work | {statistics.median(r['work']):.1f} ms "
                     f"| {max(r['work']):.1f} ms | | |")
        lines.append(f"| {name}: Play, frame to frame | {statistics.median(r['gaps']):.1f} ms | {max(r['gaps']):.1f} ms "
                     f"| | |")
        lines.append(f"| {name}: Play, steps per second | {r['rate']:.0f} | | >= 30 | {'yes' if r['rate'] >= 30 else 'NO'} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 60)))
