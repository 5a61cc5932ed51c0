"""(b) The Jupyter path: one update from Python, the explorer vs the usual baseline.

- neuronlib explorer: set a trait (the widget syncs it to the front end, which redraws there)
  and recompute the text/plain summary with neuronlib;
- baseline: ``ipywidgets.interact`` with a function that re-plots everything with matplotlib
  on every change: new figure, imshow of the neuron's output on the same 200 x 200 grid, the
  line, savefig to PNG bytes (what the inline backend does), close.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

GRID = 200


def _timed(update, values) -> list[float]:
    times = []
    for v in values:
        t0 = time.perf_counter()
        update(v)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def explorer_updates(n: int) -> list[float]:
    from neuronlib.explorers import explore_hyperplane

    ex = explore_hyperplane()

    def update(b):
        ex.bias = b
        ex.summary()

    return _timed(update, np.linspace(-2, 2, n))


def baseline_updates(n: int) -> list[float]:
    import ipywidgets
    from neuronlib.activations import relu

    xs = np.linspace(-3, 3, GRID)
    X1, X2 = np.meshgrid(xs, xs)

    def replot(w1=1.0, w2=-1.0, b=0.5):
        fig, ax = plt.subplots(figsize=(4, 4))
        ax.imshow(relu(w1 * X1 + w2 * X2 + b), extent=(-3, 3, -3, 3), origin="lower", cmap="PuOr")
        ax.plot(xs, -(w1 * xs + b) / w2, color="k")
        ax.set_xlim(-3, 3)
        ax.set_ylim(-3, 3)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
        return buffer.getvalue()

    with contextlib.redirect_stdout(io.StringIO()):
        widget = ipywidgets.interactive(replot, w1=(-3.0, 3.0, 0.05), w2=(-3.0, 3.0, 0.05), b=(-3.0, 3.0, 0.05))
        slider = widget.children[2]

        def update(b):
            slider.value = float(b)

        return _timed(update, np.round(np.linspace(-2, 2, n), 2))


def run(n: int = 40) -> dict:
    explorer_updates(5)  # warm up imports and caches
    baseline_updates(3)
    ours = explorer_updates(n)
    base = baseline_updates(n)
    return {"explorer": statistics.median(ours), "explorer_worst": max(ours),
            "baseline": statistics.median(base), "baseline_worst": max(base), "n": n}
