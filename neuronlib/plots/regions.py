"""The regions of a ReLU layer or network over the input plane: the plane coloured by
activation pattern, the output with its straight contour lines on each region, and the plane
as the next layer sees it (folded by the first layer).

Introduced in: Chapter 7 (Layers: many lines at once).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from .._checks import as_limits, check_count
from ..layer import Layer
from ..network import Network
from ..regions import activation_patterns, pattern_text, switch_points
from .plane import CMAP, PALETTE

__all__ = ["plot_hidden_space", "plot_layers_1d", "plot_output_regions", "plot_patterns"]

#: Light tints for the regions (each pattern one tint, repeating after twelve).
TINTS = ("#cfe3f1", "#f6d9c6", "#cdeee2", "#f1dbe8", "#fbeccb", "#dcdcdc",
         "#9fc7e3", "#edb48e", "#9bdcc6", "#e2b7d1", "#f5d894", "#b9b9b9")


def _as_network(model: Any) -> Network:
    if isinstance(model, Layer):
        return Network([model])
    if isinstance(model, Network):
        return model
    raise TypeError(f"model must be a Layer or a Network, got {type(model).__name__}")


def _plane(net: Network, xlim, ylim, resolution: int):
    if net.n_inputs != 2:
        raise ValueError(f"this draws 2-input models only; this one has {net.n_inputs} inputs")
    xlim, ylim = as_limits(xlim, "xlim"), as_limits(ylim, "ylim")
    resolution = check_count(resolution, "resolution", minimum=2)
    gx, gy = np.meshgrid(np.linspace(*xlim, resolution), np.linspace(*ylim, resolution))
    return xlim, ylim, gx, gy, np.column_stack([gx.ravel(), gy.ravel()])


def _axes(ax: Axes | None, xlim, ylim) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=(5.5, 5))
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.set_xlabel("x₁")
    ax.set_ylabel("x₂")
    return ax


def _first_layer_lines(ax: Axes, layer: Layer, xlim, ylim) -> None:
    xs = np.linspace(*xlim, 2)
    for j, unit in enumerate(layer.neurons):
        (w1, w2), b = unit.weights, unit.bias
        colour = PALETTE[j % len(PALETTE)]
        if w2 != 0:
            ax.plot(xs, -(w1 * xs + b) / w2, color=colour, lw=2, label=f"layer 1, unit {j + 1}")
        elif w1 != 0:
            ax.axvline(-b / w1, color=colour, lw=2, label=f"layer 1, unit {j + 1}")


def plot_patterns(
    model: Layer | Network,
    xlim: Sequence[float] = (-3, 3),
    ylim: Sequence[float] = (-3, 3),
    ax: Axes | None = None,
    resolution: int = 300,
    label_regions: bool = True,
) -> Axes:
    """Colour the input plane of a 2-input layer or network by activation pattern (one tint
    per pattern), draw the first layer's lines, the later layers' boundaries (black, bent) and,
    if ``label_regions``, write each region's pattern (``1`` on, ``0`` off, unit 1 first, layers
    split by ``|``) at its centre. The title gives the number of patterns in view.

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> layer = Layer([[1.0, 0.0], [0.0, 1.0]], [0.0, 0.0], "relu")
    >>> plot_patterns(layer, resolution=50).get_title()
    '4 on/off patterns in view'
    """
    net = _as_network(model)
    xlim, ylim, gx, gy, points = _plane(net, xlim, ylim, resolution)
    patterns = activation_patterns(net, points)
    unique, codes = np.unique(patterns, axis=0, return_inverse=True)
    codes = codes.reshape(gx.shape)
    ax = _axes(ax, xlim, ylim)
    cmap = ListedColormap([TINTS[k % len(TINTS)] for k in range(len(unique))])
    ax.imshow(codes, origin="lower", extent=(*xlim, *ylim), cmap=cmap, vmin=-0.5,
              vmax=len(unique) - 0.5, interpolation="nearest", aspect="equal")
    first = (net.layers if len(net.layers) == 1 else net.layers[:-1])[0]
    _first_layer_lines(ax, first, xlim, ylim)
    sizes = [layer.n_outputs for layer in (net.layers if len(net.layers) == 1 else net.layers[:-1])]
    if len(sizes) > 1:
        later = patterns[:, sizes[0]:].astype(int) @ (2 ** np.arange(sum(sizes[1:])))
        ax.contour(gx, gy, later.reshape(gx.shape), levels=np.arange(later.max()) + 0.5,
                   colors="black", linewidths=1.5)
        ax.plot([], [], color="black", lw=1.5, label="later layers' boundaries")
    if label_regions:
        for k, pattern in enumerate(unique):
            inside = codes == k
            if inside.sum() > 0.01 * codes.size:
                ax.text(gx[inside].mean(), gy[inside].mean(), pattern_text(pattern, sizes),
                        ha="center", va="center", fontsize=9,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
    ax.legend(loc="upper left", fontsize=8, framealpha=0.9)
    ax.set_title(f"{len(unique)} on/off patterns in view")
    return ax


def plot_output_regions(
    network: Layer | Network,
    xlim: Sequence[float] = (-3, 3),
    ylim: Sequence[float] = (-3, 3),
    ax: Axes | None = None,
    resolution: int = 300,
    levels: int = 15,
) -> Axes:
    """The output of a 2-input, 1-output network over the plane (heat map, white at 0) with
    ``levels`` contour lines of equal output (grey) and the region boundaries (black). On a
    region where the output is a flat plane, its contour lines are straight, parallel and
    evenly spaced.

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> hidden = Layer([[1.0, -1.0], [0.0, 0.0]], [0.0, 0.0], "relu")
    >>> v = Network([hidden, Layer([[1.0], [1.0]], [0.0], "identity")])
    >>> plot_output_regions(v, resolution=40).get_title()
    'network output, flat on each of 2 regions'
    """
    net = _as_network(network)
    if net.n_outputs != 1:
        raise ValueError(f"this draws a network with 1 output; this one has {net.n_outputs}")
    levels = check_count(levels, "levels")
    xlim, ylim, gx, gy, points = _plane(net, xlim, ylim, resolution)
    y = net(points)[:, 0].reshape(gx.shape)
    patterns = activation_patterns(net, points)
    unique, codes = np.unique(patterns, axis=0, return_inverse=True)
    ax = _axes(ax, xlim, ylim)
    half = float(np.max(np.abs(y))) or 1.0
    image = ax.imshow(y, origin="lower", extent=(*xlim, *ylim), cmap=CMAP, vmin=-half, vmax=half,
                      interpolation="nearest", aspect="equal")
    ax.figure.colorbar(image, ax=ax, label="network output")
    if y.max() > y.min():
        ax.contour(gx, gy, y, levels=np.linspace(y.min(), y.max(), levels + 2)[1:-1],
                   colors="grey", linewidths=0.8)
    if len(unique) > 1:
        ax.contour(gx, gy, codes.reshape(gx.shape), levels=np.arange(len(unique) - 1) + 0.5,
                   colors="black", linewidths=1.2)
    ax.set_title(f"network output, flat on each of {len(unique)} regions")
    return ax


def plot_hidden_space(
    network: Network,
    xlim: Sequence[float] = (-2, 2),
    ylim: Sequence[float] = (-2, 2),
    ax: Axes | None = None,
    points: Any = None,
    resolution: int = 41,
) -> Axes:
    """The input plane as the second layer sees it: a grid of inputs sent through the first
    layer (which must have 2 units) and drawn at their outputs ``(h1, h2)``, coloured by their
    layer-1 pattern; with the second layer's lines ``w_j · h + b_j = 0`` drawn in that space.
    Inputs that land on the same spot are folded together. ``points`` (shape ``(m, 2)``), e.g.
    the XOR points, are sent through too and labelled with their inputs.

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> fold = Layer([[1.0, -1.0], [-1.0, 1.0]], [0.0, 0.0], "relu")
    >>> net = Network([fold, Layer([[1.0], [1.0]], [-0.5], "relu")])
    >>> plot_hidden_space(net, resolution=5).get_xlabel()
    'h₁ (layer-1 unit 1)'
    """
    if not isinstance(network, Network) or len(network.layers) < 2:
        raise TypeError("plot_hidden_space needs a Network with at least two layers")
    first, second = network.layers[0], network.layers[1]
    if first.n_inputs != 2 or first.n_outputs != 2:
        raise ValueError(f"the first layer must have 2 inputs and 2 units (shape (2, 2)); got {first.shape}")
    xlim, ylim, gx, gy, grid = _plane(Network([first]), xlim, ylim, resolution)
    H = first(grid)
    patterns = activation_patterns(first, grid)
    if ax is None:
        _, ax = plt.subplots(figsize=(5.5, 5))
    for k, pattern in enumerate(np.unique(patterns, axis=0)):
        rows = np.all(patterns == pattern, axis=1)
        ax.scatter(H[rows, 0], H[rows, 1], s=8, color=PALETTE[k % len(PALETTE)],
                   label=f"inputs with pattern {pattern_text(pattern)}", alpha=0.6)
    top = max(float(H.max()), 1.0) * 1.1
    ax.set_xlim(-0.1 * top, top)
    ax.set_ylim(-0.1 * top, top)
    ax.set_aspect("equal")
    hs = np.linspace(-0.1 * top, top, 2)
    for j, unit in enumerate(second.neurons):
        (w1, w2), b = unit.weights, unit.bias
        style = {"color": "black", "lw": 2, "ls": ("-", "--", ":", "-.")[j % 4], "label": f"layer 2, unit {j + 1}"}
        if w2 != 0:
            ax.plot(hs, -(w1 * hs + b) / w2, **style)
        elif w1 != 0:
            ax.axvline(-b / w1, **style)
    if points is not None:
        points = np.asarray(points, dtype=float)
        if points.ndim != 2 or points.shape[1] != 2:
            raise ValueError(f"points must have shape (m, 2), got {points.shape}")
        spots: dict[tuple[float, float], list[str]] = {}  # inputs folded onto one spot share a label
        for x, h in zip(points, first(points)):
            spots.setdefault((round(float(h[0]), 9), round(float(h[1]), 9)), []).append(f"({x[0]:g}, {x[1]:g})")
        for h, names in spots.items():
            ax.scatter(*h, s=60, color="white", edgecolor="black", zorder=3)
            ax.annotate(" and ".join(names), h, textcoords="offset points", xytext=(6, 6), fontsize=9)
    ax.set_xlabel("h₁ (layer-1 unit 1)")
    ax.set_ylabel("h₂ (layer-1 unit 2)")
    ax.legend(loc="upper right", fontsize=8, framealpha=0.9)
    ax.set_title("what layer 2 sees: the plane after layer 1")
    return ax


def plot_layers_1d(network: Network, xlim: Sequence[float] = (-3, 3), resolution: int = 601) -> Figure:
    """One panel per layer of a 1-input ReLU network: each unit's output over the input ``x``,
    with dotted vertical lines where that layer's units switch (:func:`neuronlib.regions.switch_points`).
    Shows a later layer bending at places where no earlier unit switches.

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> fold = Layer([[1.0, -1.0]], [0.0, 0.0], "relu")
    >>> ridge = Layer([[1.0], [1.0]], [-1.0], "relu")
    >>> len(plot_layers_1d(Network([fold, ridge])).axes)
    2
    """
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")
    points = switch_points(network, xlim)
    xs = np.linspace(*as_limits(xlim, "xlim"), check_count(resolution, "resolution", minimum=2))
    _, outputs = network.forward(xs.reshape(-1, 1))
    fig, axes = plt.subplots(1, len(network.layers), figsize=(4.5 * len(network.layers), 3.4),
                             layout="constrained", squeeze=False)
    for depth, (ax, out, where) in enumerate(zip(axes[0], outputs, points), start=1):
        for j in range(out.shape[1]):
            ax.plot(xs, out[:, j], color=PALETTE[j % len(PALETTE)], lw=2, label=f"unit {j + 1}",
                    ls=("-", "--", ":", "-.")[j % 4])
        for x in where:
            ax.axvline(x, color="grey", ls=":", lw=1.2)
        text = ", ".join(f"{x:g}" for x in where) or "nowhere"
        ax.set_title(f"layer {depth}: switches at x = {text}", fontsize=10)
        ax.set_xlabel("input x")
        ax.set_ylabel(f"layer {depth} outputs")
        ax.legend(fontsize=8, loc="upper center")
    return fig
