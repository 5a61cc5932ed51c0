"""A trained network's decision regions over the 2-D input plane, with the data on top.

Introduced in: Chapter 8 (A small network learns).
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import Normalize

from .._checks import as_limits
from ..network import Network
from .plane import CMAP, MARKERS, PALETTE

__all__ = ["plot_decision_regions"]


def plot_decision_regions(
    network: Network,
    X: np.ndarray,
    y: Sequence | np.ndarray,
    lim: Sequence[float] = (-1.5, 1.5),
    ax: Axes | None = None,
    resolution: int = 150,
) -> Axes:
    """Shade the square ``lim × lim`` by a 2-input, 1-output network's output ``p`` (blue where
    ``p > 0.5``, the network's "class 1", orange where ``p < 0.5``, white on the boundary
    ``p = 0.5``), draw that boundary as a black line and the points ``X`` with their labels ``y``
    (class 0 as orange squares, class 1 as blue dots). The title gives the accuracy on ``X``.

    Introduced in: Chapter 8 (A small network learns).

    >>> from neuronlib.seeded import seeded_network
    >>> net = seeded_network([2, 3, 1], ["relu", "sigmoid"], seed=0)
    >>> ax = plot_decision_regions(net, np.array([[0.0, 0.5], [1.0, -1.0]]), [0, 1])
    >>> ax.get_xlabel(), len(ax.collections) >= 2
    ('x₁', True)
    """
    if not isinstance(network, Network) or network.n_inputs != 2 or network.n_outputs != 1:
        raise TypeError("plot_decision_regions needs a neuronlib Network with 2 inputs and 1 output")
    low, high = as_limits(lim, "lim")
    X, y = np.asarray(X, dtype=float), np.asarray(y).ravel()
    if X.ndim != 2 or X.shape[1] != 2 or len(X) != len(y):
        raise ValueError(f"X must have shape (m, 2) with one label per row; got {X.shape} and {len(y)} labels")
    if ax is None:
        _, ax = plt.subplots(figsize=(4.6, 4.6))
    grid = np.linspace(low, high, resolution)
    g1, g2 = np.meshgrid(grid, grid)
    p = network(np.column_stack([g1.ravel(), g2.ravel()]))[:, 0].reshape(g1.shape)
    ax.imshow(p, origin="lower", extent=(low, high, low, high), cmap=CMAP, norm=Normalize(0, 1),
              interpolation="bilinear", alpha=0.8)
    if p.min() < 0.5 < p.max():
        ax.contour(g1, g2, p, levels=[0.5], colors="black", linewidths=1.2)
    for label, colour, marker in ((0, PALETTE[1], MARKERS[1]), (1, PALETTE[0], MARKERS[0])):
        mine = y == label
        ax.scatter(X[mine, 0], X[mine, 1], s=14, c=colour, marker=marker, edgecolors="white", linewidths=0.5,
                   label=f"class {label}")
    right = float(np.mean((network(X)[:, 0] >= 0.5) == (y == 1)))
    ax.set_title(f"{'-'.join(map(str, network.sizes))}: {100 * right:.1f}% right")
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.set_aspect("equal")
    ax.set_xlabel("x₁")
    ax.set_ylabel("x₂")
    return ax
