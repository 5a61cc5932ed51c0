"""Every control of every explorer answers within 50 ms, on the gallery page of the built site.

What is measured (tools/control_timing.py): for each control of each explorer on the gallery
page (every slider, menu, button and focusable canvas; the page holds every kind in the
registry), 2 warm-up moves then 20 counted moves, 20 ms apart, made as a reader makes them (arrow
keys on a slider, menu or canvas, mouse clicks on a button). Play's frame-to-frame gaps are the
benchmark's alone. For each counted move the page records its own work: the time from a
capture-phase listener on `window` (before the explorer's handler) to a bubbling-phase one
(after it), i.e. the explorer's synchronous redraw. That is what the book controls; the time to
the next paint also depends on what else the machine runs, so it is the benchmark's figure
(`make benchmarks`), not this test's.

A control fails when the worst of its 20 moves takes more than 50 ms (one frame is 16.7 ms,
the benchmark's target for input to paint is 33 ms; 50 ms is the margin for a loaded 2-core
CI machine). On such a machine one move can be slow because another process took the CPU
in the middle of it; that does not repeat, so a control over 50 ms is measured again (up to
twice), and fails only if every one of its runs is over.
"""

from __future__ import annotations

import control_timing

from neuronlib.explorers import EXPLORERS

LIMIT_MS = 50.0
TRIES = 3
GAP_MS = 20  # between moves: more than a frame (this test does not time the paint; the work is
# recorded as the event is handled)


def test_every_control_answers_within_50_ms(open_page):
    page, log = open_page("notebooks/gallery.html")
    page.wait_for_timeout(500)  # the explorers' idle warm-up redraws, as for a reader
    results = [c for c in control_timing.measure_page(page, moves=20, warmup=2, pointer=False, gap_ms=GAP_MS)
               if c.how != "frame to frame"]
    assert {c.explorer for c in results} == set(EXPLORERS), "the gallery must show every kind of explorer"
    assert all(len(c.work) == 20 for c in results), [(c.explorer, c.name, len(c.work)) for c in results]
    slow = {}
    for c in results:
        worst = [max(c.work)]
        while worst[-1] > LIMIT_MS and len(worst) < TRIES:
            again = control_timing.measure_page(
                page, moves=20, warmup=2, pointer=False, gap_ms=GAP_MS,
                only=lambda spec, c=c: (spec["explorer"], spec["name"], spec["kind"]) == (c.explorer, c.name, c.kind))
            worst.append(max(next(a for a in again if a.how == c.how).work))
        if min(worst) > LIMIT_MS:
            slow[f"{c.explorer}: {c.label()}"] = [round(w, 1) for w in worst]
    assert slow == {}, f"controls whose worst move took over {LIMIT_MS:.0f} ms in each run: {slow}"
    assert log.page_errors == [] and log.console_errors == []
