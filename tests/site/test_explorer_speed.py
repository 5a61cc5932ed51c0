"""Every control of every explorer answers within 50 ms, on the gallery page of the built site.

What is measured (tools/control_timing.py): for each control of each explorer on the gallery
page (every slider, menu, button and focusable canvas; the page holds every kind in the
registry), 2 warm-up moves then 20 counted moves, made as a reader makes them (arrow keys on a
slider, menu or canvas, mouse clicks on a button; Play's frame-to-frame gaps are the
benchmark's alone). Two figures for each counted move, as in the benchmark (`make benchmarks`):

- input to next frame: from the event's timeStamp to the end of the main thread's work for the
  next frame (the handler, the wait for the frame, the frame's style, layout, paint and commit):
  what the reader sees;
- redraw work: the explorer's own synchronous handler, from a capture-phase listener on
  `window` to a bubbling-phase one.

A control fails when the worst of its 20 moves takes more than 50 ms by either figure (one
frame is 16.7 ms, the benchmark's target for the worst move is 33 ms; 50 ms is the margin for a
noisy shared CI machine). `make test` runs this stage alone, after the others that share the
CPU have ended. Even so, one move can be slow because another process took the CPU in the middle
of it; that does not repeat, so a control over 50 ms is measured again (up to twice), and fails
only if every one of its runs is over.
"""

from __future__ import annotations

import control_timing

from neuronlib.explorers import EXPLORERS

LIMIT_MS = 50.0
TRIES = 3
GAP_MS = 30  # between moves: nearly two frames, so one move's frame is done before the next move


def worst(c: control_timing.Control) -> tuple[float, float]:
    """(worst input to next frame, worst redraw work) of a control's moves, in ms."""
    return max(c.paint), max(c.work)


def test_every_control_answers_within_50_ms(open_page):
    page, log = open_page("notebooks/gallery.html")
    page.wait_for_timeout(500)  # the explorers' idle warm-up redraws, as for a reader
    results = [c for c in control_timing.measure_page(page, moves=20, warmup=2, pointer=False, gap_ms=GAP_MS)
               if c.how != "frame to frame"]
    assert {c.explorer for c in results} == set(EXPLORERS), "the gallery must show every kind of explorer"
    assert all(len(c.work) == len(c.paint) == 20 for c in results), [(c.explorer, c.name, len(c.work)) for c in results]
    assert all(0 < p for c in results for p in c.paint), "every move must reach a frame"
    slow = {}
    for c in results:
        runs = [worst(c)]
        while max(runs[-1]) > LIMIT_MS and len(runs) < TRIES:
            again = control_timing.measure_page(
                page, moves=20, warmup=2, pointer=False, gap_ms=GAP_MS,
                only=lambda spec, c=c: (spec["explorer"], spec["name"], spec["kind"]) == (c.explorer, c.name, c.kind))
            runs.append(worst(next(a for a in again if a.how == c.how)))
        if min(max(r) for r in runs) > LIMIT_MS:
            slow[f"{c.explorer}: {c.label()}"] = [f"to frame {p:.0f} ms, work {w:.0f} ms" for p, w in runs]
    # the ten slowest controls, shown with a failure (pytest prints what a failing test printed)
    for c in sorted(results, key=lambda c: -max(c.paint))[:10]:
        print(f"{c.explorer}: {c.label()}: worst to frame {max(c.paint):.1f} ms, work {max(c.work):.1f} ms")
    assert slow == {}, f"controls whose worst move took over {LIMIT_MS:.0f} ms in each run: {slow}"
    assert log.page_errors == [] and log.console_errors == []
