"""Figures for Chapter 6: two losses side by side, and gradient descent's path over a loss
surface.

Introduced in: Chapter 6 (How a neuron learns its weights).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from ..activations import sigmoid
from ..learning import DescentPath, loss_grid
from ..losses import Loss
from ..neuron import Neuron
from .._checks import as_limits

__all__ = ["plot_descent_path", "plot_sigmoid_losses"]


def plot_sigmoid_losses(label: int = 1, zlim: Sequence[float] = (-6.0, 6.0),
                        axes: Sequence[Axes] | None = None) -> Sequence[Axes]:
    """Two panels over the preactivation ``z`` of a sigmoid neuron whose target is ``label``
    (0 or 1), with ``p = σ(z)``. Left: the squared error ``(p − y)²`` and the binary
    cross-entropy ``−[y ln p + (1 − y) ln(1 − p)]``. Right: their slopes with respect to
    ``z``, ``2 (p − y) σ'(z)`` and ``p − y``. Returns the two axes.

    Introduced in: Chapter 6 (How a neuron learns its weights).

    >>> left, right = plot_sigmoid_losses(label=1)
    >>> round(float(left.lines[1].get_ydata()[100]), 6)    # cross-entropy at z = 0: ln 2
    0.693147
    """
    if label not in (0, 1):
        raise ValueError(f"label must be 0 or 1; got {label!r}")
    lo, hi = as_limits(zlim, "zlim")
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(11, 4), layout="constrained")
    left, right = axes
    z = np.linspace(lo, hi, 201)
    p = sigmoid(z)
    squared = (p - label) ** 2
    cross = np.logaddexp(0.0, z) - label * z
    left.plot(z, squared, color="#D55E00", lw=2, ls="--", label="squared error", gid="squared")
    left.plot(z, cross, color="#0072B2", lw=2, label="binary cross-entropy", gid="cross")
    right.plot(z, 2 * (p - label) * p * (1 - p), color="#D55E00", lw=2, ls="--",
               label="squared error: 2(p − y)·σ'(z)", gid="squared")
    right.plot(z, p - label, color="#0072B2", lw=2, label="cross-entropy: p − y", gid="cross")
    for ax, title in ((left, "loss"), (right, "slope of the loss, dL/dz")):
        ax.axvline(0.0, color="#888888", lw=0.8)
        ax.axhline(0.0, color="#888888", lw=0.8)
        ax.set_xlim(lo, hi)
        ax.set_xlabel("preactivation z")
        ax.set_title(f"{title}, label y = {label}")
        ax.grid(alpha=0.3)
        ax.legend(loc="best", fontsize=9, framealpha=0.9)
    return axes


def plot_descent_path(path: DescentPath, X: Any, y: Any, loss: str | Loss,
                      wlim: Sequence[float], blim: Sequence[float], index: int = 0,
                      ax: Axes | None = None, resolution: int = 61) -> Axes:
    """The loss surface over weight number ``index`` (across) and the bias (up), drawn as
    contour lines (darker is lower), with the points gradient descent visited joined in
    order: a ring at the start, a dot at each step. Points outside the view are clipped.
    Other weights stay at their starting values (for a one-input neuron the picture is the
    whole surface). The title gives the learning rate and how the run ended.

    Introduced in: Chapter 6 (How a neuron learns its weights).

    >>> from neuronlib.learning import descent_path
    >>> path = descent_path(Neuron([0.0], 0.0, "identity"), [[1.0], [-1.0]], [1.0, -1.0], "mse", 0.25, 5)
    >>> ax = plot_descent_path(path, [[1.0], [-1.0]], [1.0, -1.0], "mse", (-1, 2), (-1, 1))
    >>> ax.get_title()
    'learning rate 0.25: loss 1 → 0.000977 in 5 steps'
    """
    if not isinstance(path, DescentPath):
        raise TypeError(f"path must be a DescentPath from neuronlib.learning.descent_path; "
                        f"got {type(path).__name__}")
    wlim, blim = as_limits(wlim, "wlim"), as_limits(blim, "blim")
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4.5))
    ws = np.linspace(*wlim, resolution)
    bs = np.linspace(*blim, resolution)
    grid = loss_grid(path.neuron(0), X, y, loss, ws, bs, index=index)
    levels = np.quantile(grid, np.linspace(0.02, 0.98, 12))
    ax.contour(ws, bs, grid, levels=np.unique(levels), cmap="viridis", linewidths=1)
    wx, by = path.weights[:, index], path.biases
    ax.plot(wx, by, color="#D55E00", lw=1.5, marker="o", ms=3.5, gid="path")
    ax.plot(wx[:1], by[:1], ls="none", marker="o", ms=11, mfc="none", mec="black", mew=2,
            gid="start")
    ax.set_xlim(*wlim)
    ax.set_ylim(*blim)
    ax.set_xlabel(f"weight w{index + 1}" if path.weights.shape[1] > 1 else "weight w")
    ax.set_ylabel("bias b")
    first, last = path.losses[0], path.losses[-1]
    if path.diverged:
        end = f"loss above {path.stop_above:g} after {path.steps} steps"
    else:
        end = f"loss {first:.3g} → {last:.3g} in {path.steps} steps"
    ax.set_title(f"learning rate {path.learning_rate:g}: {end}")
    return ax
