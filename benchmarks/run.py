"""Benchmarks of the explorers: prints markdown tables and writes them into benchmarks/README.md.

Usage: python benchmarks/run.py [--quick] [--no-write]   (after `make book` or `make build-strict`)

(a) static page (no kernel): every control of every explorer on every chapter page of the built
site (the explorers and their controls are read from the pages: every input[type=range],
select and button of every .nl-explorer), moved the way a reader moves it (20 key presses per
slider and menu, 2 pointer drags per slider, 20 clicks per button; tools/control_timing.py says
exactly how), in headless Chromium; per control, the median and worst time from input to next
frame (tools/control_timing.py), with a do-nothing slider and button as the probe's floor;
target median <= 16.7 ms, worst <= 33 ms. `--quick`: the gallery page only.
(b) Jupyter path: one update from Python, the explorer vs ipywidgets.interact + matplotlib;
target >= 5x.
(c) page weight: the bytes each chapter page of the built site transfers; target < 1.5 MB.
(d) the network playground (Chapter 8): one training step plus the redraw for 2-8-8-1 on 200
points, and Play's steps per second (benchmarks/playground_speed.py).
"""

from __future__ import annotations

import os
import platform
import re
import sys
from pathlib import Path

import control_timing  # tools/: `make benchmarks` runs this with PYTHONPATH=tools
import jupyter_path
import page_weight
import playground_speed
from browser import launch, open_quietly, serve

from neuronlib.explorers import EXPLORERS

HERE = Path(__file__).resolve().parent

START, END = "<!-- results:start -->", "<!-- results:end -->"
PAGES_START, PAGES_END = "<!-- pages:start -->", "<!-- pages:end -->"
PLAY_START, PLAY_END = "<!-- playground:start -->", "<!-- playground:end -->"
QUICK_PAGES = ["notebooks/gallery.html"]


def _ms(x):
    return "n/a" if x is None else f"{x:.1f} ms"


def measure_site(pages: list[str], moves: int) -> tuple[list[tuple[str, control_timing.Control]], str]:
    """Every control of every explorer on each of ``pages``; returns ([(page, control)], Chromium version)."""
    from playwright.sync_api import sync_playwright

    rows = []
    with serve(page_weight.SITE) as url, sync_playwright() as p:
        browser = launch(p, full=True)
        for path in pages:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            open_quietly(page, f"{url}/{path}")
            page.wait_for_timeout(500)  # a reader looks before touching (the explorers warm up)
            rows += [(path, c) for c in control_timing.measure_page(page, moves=moves, baseline=True)]
            page.close()
        version = browser.version
        browser.close()
    return rows, version


FRAME_MS = 1000 / 60  # the screen's frame interval


def frames(gap_ms: float) -> int:
    """A gap between two frames' timestamps in frames of the screen: requestAnimationFrame's
    timestamps fall on its ticks, give or take a few tenths of a millisecond (16.8 ms is one
    frame, 33.4 ms two)."""
    return round(gap_ms / FRAME_MS)


def met(c: control_timing.Control) -> bool:
    """Whether a control meets one frame: median <= 16.7 ms and worst <= 33 ms from input to next
    frame; Play frame to frame (no handler of its own), a median gap of one frame and the worst two."""
    if not c.paint:
        return False
    median, worst = control_timing.summary(c.paint)
    if not c.work:
        return frames(median) <= 1 and frames(worst) <= 2
    return median <= 16.7 and worst <= 33


def controls_table(rows: list[tuple[str, control_timing.Control]]) -> str:
    lines = [
        "| page | explorer | control (how moved) | moves | median | worst | redraw work: median | worst "
        "| CPU per move | met |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for path, c in rows:
        if not c.paint:
            lines.append(f"| {Path(path).stem} | {c.explorer} | {c.label()} | 0 | n/a | n/a | n/a | n/a | n/a | NO |")
            continue
        median, worst = control_timing.summary(c.paint)
        ok = met(c)
        if not c.work:  # Play, frame to frame: the gaps between frames, no handler of its own
            lines.append(f"| {Path(path).stem} | {c.explorer} | {c.label()} | {len(c.paint)} | {_ms(median)} "
                         f"| {_ms(worst)} | n/a | n/a | n/a | {'yes' if ok else 'NO'} |")
            continue
        work_median, work_worst = control_timing.summary(c.work)
        lines.append(f"| {Path(path).stem} | {c.explorer} | {c.label()} | {len(c.paint)} | {_ms(median)} "
                     f"| {_ms(worst)} | {_ms(work_median)} | {_ms(work_worst)} | {_ms(c.cpu)} | {'yes' if ok else 'NO'} |")
    return "\n".join(lines)


def jupyter_table(b: dict) -> str:
    ratio = b["baseline"] / b["explorer"]
    return "\n".join([
        "| measurement | median | worst | target | met |",
        "| --- | --- | --- | --- | --- |",
        f"| (b) Jupyter: neuronlib explorer, set `ex.bias` + recompute summary | {b['explorer']:.3f} ms "
        f"| {b['explorer_worst']:.3f} ms | | |",
        f"| (b) Jupyter: `ipywidgets.interact` + full matplotlib re-plot (200 x 200 imshow, PNG) "
        f"| {b['baseline']:.1f} ms | {b['baseline_worst']:.1f} ms | | |",
        f"| (b) Jupyter: speed-up of the explorer over the baseline | {ratio:.0f}x | | >= 5x "
        f"| {'yes' if ratio >= 5 else 'NO'} |",
    ])


def page_weights() -> str:
    """(c): the page-weight table of the built site, or a line saying why there is none."""
    if not (page_weight.SITE / "index.html").is_file():
        return "(c) page weight: no built site in _build/html; run `make book` first."
    return page_weight.table(page_weight.measure_site())


def _replace(text: str, start: str, end: str, body: str) -> str:
    return re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: f"{start}\n{body}\n{end}", text, flags=re.S)


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    if not (page_weight.SITE / "index.html").is_file():
        print("No built site in _build/html: run `make build-strict` (or `make book`) first.")
        return 1
    pages = QUICK_PAGES if quick else sorted(
        p.relative_to(page_weight.SITE).as_posix() for p in (page_weight.SITE / "notebooks").glob("*.html"))
    load_before = os.getloadavg()[0]
    rows, chromium = measure_site(pages, moves=20)
    load_after = os.getloadavg()[0]
    missing = sorted(set(EXPLORERS) - {c.explorer for _, c in rows})
    b = jupyter_path.run(n=15 if quick else 40)
    text = controls_table(rows) + "\n\n" + jupyter_table(b)
    controls = [c for _, c in rows if c.explorer != "(baseline)"]
    n_met = sum(1 for c in controls if met(c))
    handled = [c for c in controls if c.work]  # Play's frame-to-frame rows have no handler of their own
    work_met = sum(1 for c in handled if control_timing.summary(c.work)[0] <= 16.7)
    about = (f"Measured in one run: {platform.machine()}, {platform.system()}, {os.cpu_count()} cores, "
             f"Python {platform.python_version()}, Chromium {chromium} (headless, --disable-gpu); "
             f"{n_met} of {len(controls)} controls met the target from input to next frame; "
             f"{work_met} of the {len(handled)} rows with a handler had a median redraw work within one "
             f"frame; rows '(baseline)': a do-nothing slider and button, the probe's floor; "
             f"load average {load_before:.1f} before "
             f"and {load_after:.1f} after the browser part"
             f"{' (a shared, loaded machine)' if max(load_before, load_after) > 1.5 else ''}; "
             f"{b['n']} Python updates per row in (b).")
    if missing:
        about += f" Explorers in the registry found on no page: {', '.join(missing)}."
    pages_table = page_weights()
    load = os.getloadavg()[0]
    play = (f"{playground_speed.table(playground_speed.measure(20 if quick else 60))}\n\n"
            f"Load average while measured: {load:.1f} on {os.cpu_count()} cores.")
    print(text)
    print()
    print(about)
    print()
    print(pages_table)
    print()
    print(play)
    if "--no-write" not in argv:
        readme = HERE / "README.md"
        old = readme.read_text(encoding="utf-8")
        new = _replace(old, START, END, f"{text}\n\n{about}")
        if pages_table.startswith("|"):  # keep the last real table when the site was not built
            new = _replace(new, PAGES_START, PAGES_END, pages_table)
        new = _replace(new, PLAY_START, PLAY_END, play)
        readme.write_text(new, encoding="utf-8")
        print(f"\nwritten into {readme.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
