"""The two pictures of one neuron, side by side: the *graph* of its output over the inputs,
and the *boundary* in the inputs where ``z = w·x + b = 0``.

Introduced in: Chapter 1 (What a neuron computes) for one input; Chapter 2 (From y = mx + b
to hyperplanes) for two.

- One input ``x``: the graph is a curve over the ``x`` axis (for the identity activation the
  line ``wx + b``); the boundary is one *point* on the ``x`` axis, ``x = −b/w``.
- Two inputs: the graph is a surface over the input plane (for the identity activation a
  tilted flat plane); the boundary is a *line* in the input plane, ``w1 x1 + w2 x2 + b = 0``.

The graph lives one dimension higher than the inputs; the boundary one dimension lower.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from ..neuron import Neuron
from .._checks import as_limits
from .plane import CMAP, plot_input_plane

__all__ = ["plot_two_pictures"]


def _one_input(neuron: Neuron, xlim: tuple[float, float], fig: Figure) -> None:
    graph, line = fig.subplots(1, 2, width_ratios=(1.0, 1.0))
    xs = np.linspace(*xlim, 401)
    outputs = np.asarray(neuron(xs[:, None]), dtype=float)
    level = float(neuron.activation(0.0))
    graph.plot(xs, outputs, color="#0072B2", lw=2.5, gid="graph")
    graph.axhline(level, color="grey", lw=1, ls="--")
    graph.set_xlim(*xlim)
    graph.set_xlabel("input x")
    graph.set_ylabel("neuron output")
    graph.set_title("1. the graph: output over x (a curve)", fontsize=10)
    line.set_xlim(*xlim)
    line.set_ylim(-1, 1)
    line.set_yticks([])
    for side in ("left", "right", "top"):
        line.spines[side].set_visible(False)
    line.spines["bottom"].set_position("zero")
    line.set_xlabel("input x")
    line.set_title("2. the boundary: where z = 0 (a point)", fontsize=10)
    w, b = float(neuron.weights[0]), neuron.bias
    if w == 0:
        line.text(0.5, 0.6, f"w = 0: z = {b:g} everywhere, no boundary", transform=line.transAxes,
                  ha="center")
        return
    point = -b / w
    sign = 1.0 if w > 0 else -1.0
    if xlim[0] <= point <= xlim[1]:
        graph.plot([point], [level], "o", color="black", ms=8, zorder=3, gid="boundary")
        graph.annotate(f"z = 0 at x = {point:.3g}", (point, level), xytext=(8, -16),
                       textcoords="offset points", fontsize=9)
        line.plot([point], [0], "o", color="black", ms=10, zorder=3, gid="boundary")
        line.annotate(f"x = {point:.3g}", (point, 0), xytext=(0, 12), textcoords="offset points",
                      ha="center", fontsize=10)
    width = xlim[1] - xlim[0]
    for s, text, colour in ((sign, "+ side (z > 0)", "#0072B2"), (-sign, "− side (z < 0)", "#D55E00")):
        spot = np.clip(point + s * 0.25 * width, xlim[0] + 0.15 * width, xlim[1] - 0.15 * width)
        line.text(spot, -0.45, text, ha="center", color=colour, fontsize=10, gid="side")


def _two_inputs(neuron: Neuron, xlim: tuple[float, float], ylim: tuple[float, float], fig: Figure) -> None:
    graph = fig.add_subplot(1, 2, 1, projection="3d", computed_zorder=False)
    plane = fig.add_subplot(1, 2, 2)
    xs, ys = np.linspace(*xlim, 41), np.linspace(*ylim, 41)
    gx, gy = np.meshgrid(xs, ys)
    outputs = np.asarray(neuron(np.column_stack([gx.ravel(), gy.ravel()]))).reshape(gx.shape)
    level = float(neuron.activation(0.0))
    half = float(np.max(np.abs(outputs - level))) or 1.0
    graph.plot_surface(gx, gy, outputs, cmap=CMAP, vmin=level - half, vmax=level + half,
                       alpha=0.85, linewidth=0, antialiased=True)
    graph.plot_surface(gx, gy, np.full_like(gx, level), color="grey", alpha=0.15, linewidth=0)
    segment = neuron.hyperplane.segment_in_box(xlim, ylim) if neuron.hyperplane.exists else None
    if segment is not None:
        (x0, y0), (x1, y1) = segment
        graph.plot([x0, x1], [y0, y1], [level, level], color="black", lw=3, zorder=5, gid="boundary")
    # Look at the surface from the low side (against w), turned a little, so it faces the camera.
    w = neuron.weights if neuron.hyperplane.exists else np.array([1.0, 0.0])
    graph.view_init(elev=25, azim=float(np.degrees(np.arctan2(-w[1], -w[0]))) + 40)
    graph.set_xlabel("x₁")
    graph.set_ylabel("x₂")
    graph.set_zlabel("output")
    graph.set_title("1. the graph: output over the input plane (a surface)", fontsize=10)
    plot_input_plane(neuron, xlim, ylim, ax=plane)
    plane.set_title("2. the boundary: where z = 0 (a line in the input plane)", fontsize=10)


def plot_two_pictures(
    neuron: Neuron,
    xlim: Sequence[float] = (-3, 3),
    ylim: Sequence[float] = (-3, 3),
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """One neuron (one or two inputs) drawn twice: on the left the graph of its output
    ``f(w·x + b)`` over the inputs, on the right the inputs alone with the boundary
    ``w·x + b = 0`` and its two sides.

    The graph and the boundary are different objects. With one input the graph is a curve
    in the (x, output) plane and the boundary is the point ``x = −b/w``; with two inputs the
    graph is a surface over the (x₁, x₂) plane and the boundary is the line where that
    surface is at the height ``f(0)`` (drawn black on the grey level ``f(0)``; for the
    identity activation that is where the surface crosses height 0).

    Introduced in: Chapter 1 (What a neuron computes).

    >>> fig = plot_two_pictures(Neuron([2.0], bias=1.0, activation="identity"))
    >>> len(fig.axes)
    2
    """
    if not isinstance(neuron, Neuron):
        raise TypeError(f"neuron must be a Neuron, got {type(neuron).__name__}")
    if neuron.n_inputs not in (1, 2):
        raise ValueError(
            f"plot_two_pictures draws neurons with 1 or 2 inputs; this one has {neuron.n_inputs}"
        )
    xlim = as_limits(xlim, "xlim")
    if neuron.n_inputs == 1:
        fig = plt.figure(figsize=figsize or (10, 3.6), layout="constrained")
        _one_input(neuron, xlim, fig)
    else:
        fig = plt.figure(figsize=figsize or (12, 5), layout="constrained")
        _two_inputs(neuron, xlim, as_limits(ylim, "ylim"), fig)
    return fig
