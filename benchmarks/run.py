"""Benchmarks of the explorers: prints a markdown table and writes it into benchmarks/README.md.

Usage: python benchmarks/run.py [--quick] [--no-write]

(a) static page (no kernel): a slider move's event-to-next-paint in headless Chromium, on the
hyperplane explorer's 200 x 200 heat map (ReLU, and GELU, the costliest activation);
(b) Jupyter path: one update from Python, the explorer vs ipywidgets.interact + matplotlib.
Both are measured in the same run; targets: (a) median <= 16.7 ms, worst <= 33 ms; (b) >= 5x.
(c) page weight: the bytes each chapter page of the built site transfers (needs `make book`
first; skipped, and said so, when there is no built site); target < 1.5 MB.
(d) the network playground (Chapter 8): one training step plus the redraw for 2-8-8-1 on 200
points, and Play's steps per second (benchmarks/playground_speed.py).
"""

from __future__ import annotations

import os
import platform
import re
import sys
from pathlib import Path

import jupyter_path
import page_weight  # tools/page_weight.py: `make benchmarks` runs this with PYTHONPATH=tools
import playground_speed
import static_page

from neuronlib.explorers import base, explore_hyperplane

HERE = Path(__file__).resolve().parent

START, END = "<!-- results:start -->", "<!-- results:end -->"
PAGES_START, PAGES_END = "<!-- pages:start -->", "<!-- pages:end -->"
PLAY_START, PLAY_END = "<!-- playground:start -->", "<!-- playground:end -->"


def _ms(x):
    return "n/a" if x is None else f"{x:.1f} ms"


def table(rows_a: list[tuple[str, dict]], b: dict) -> str:
    lines = [
        "| measurement | median | worst | target | met |",
        "| --- | --- | --- | --- | --- |",
    ]
    for label, s in rows_a:
        ok = s["median"] <= 16.7 and s["worst"] <= 33
        lines.append(f"| (a) static page, {label}: slider move to next paint | {_ms(s['median'])} "
                     f"| {_ms(s['worst'])} | median <= 16.7 ms, worst <= 33 ms | {'yes' if ok else 'NO'} |")
        slow = f"{s['slow_events']} of {2 * s['moves']}"
        lines.append(f"| (a) {label}: of which Event Timing entries >= 16 ms (keydown + input) | {slow} "
                     f"| {_ms(s['slowest_event'])} | | |")
        lines.append(f"| (a) {label}: rAF probe alone | {_ms(s['raf_median'])} | {_ms(s['raf_worst'])} | | |")
        lines.append(f"| (a) {label}: redraw work in the input handler | {_ms(s['work_median'])} "
                     f"| {_ms(s['work_worst'])} | | |")
    ratio = b["baseline"] / b["explorer"]
    lines += [
        f"| (b) Jupyter: neuronlib explorer, set `ex.bias` + recompute summary | {b['explorer']:.3f} ms "
        f"| {b['explorer_worst']:.3f} ms | | |",
        f"| (b) Jupyter: `ipywidgets.interact` + full matplotlib re-plot (200 x 200 imshow, PNG) "
        f"| {b['baseline']:.1f} ms | {b['baseline_worst']:.1f} ms | | |",
        f"| (b) Jupyter: speed-up of the explorer over the baseline | {ratio:.0f}x | | >= 5x "
        f"| {'yes' if ratio >= 5 else 'NO'} |",
    ]
    return "\n".join(lines)


def page_weights() -> str:
    """(c): the page-weight table of the built site, or a line saying why there is none."""
    if not (page_weight.SITE / "index.html").is_file():
        return "(c) page weight: no built site in _build/html; run `make book` first."
    return page_weight.table(page_weight.measure_site())


def _replace(text: str, start: str, end: str, body: str) -> str:
    return re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: f"{start}\n{body}\n{end}", text, flags=re.S)


def main(argv: list[str]) -> int:
    moves = 20 if "--quick" in argv else 60
    rows = []
    chromium = ""
    for activation in ("relu", "gelu"):
        ex = explore_hyperplane(activation=activation)
        page = base.standalone_page([ex.to_html()])
        result = static_page.measure(page, slider_index=2, moves=moves)  # the bias slider
        summary = static_page.summarise(result)
        chromium = summary["chromium"]
        rows.append((f"hyperplane, {activation}", summary))
    b = jupyter_path.run(n=15 if "--quick" in argv else 40)
    text = table(rows, b)
    pages = page_weights()
    load = os.getloadavg()[0]
    play = (f"{playground_speed.table(playground_speed.measure(20 if '--quick' in argv else 60))}\n\n"
            f"Load average while measured: {load:.1f} on {os.cpu_count()} cores.")
    about = (f"Measured in one run: {platform.machine()}, {platform.system()}, Python "
             f"{platform.python_version()}, Chromium {chromium} (headless, --disable-gpu), "
             f"{moves} slider moves per row, {b['n']} Python updates per row.")
    print(text)
    print()
    print(about)
    print()
    print(pages)
    print()
    print(play)
    if "--no-write" not in argv:
        readme = HERE / "README.md"
        old = readme.read_text(encoding="utf-8")
        new = _replace(old, START, END, f"{text}\n\n{about}")
        if pages.startswith("|"):  # keep the last real table when the site was not built
            new = _replace(new, PAGES_START, PAGES_END, pages)
        new = _replace(new, PLAY_START, PLAY_END, play)
        readme.write_text(new, encoding="utf-8")
        print(f"\nwritten into {readme.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
