"""The 2-D input plane of a neuron (or of a layer): where the output is high, where it is
low, and the line w·x + b = 0 between them.

Introduced in: Chapter 2 (From y = mx + b to hyperplanes).
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap, Normalize

from .._checks import as_limits
from ..hyperplane import Hyperplane
from ..layer import Layer
from ..neuron import Neuron

__all__ = ["plot_input_plane"]

#: Colour-blind-safe diverging map for neuron outputs, as in the explorers (Okabe-Ito):
#: orange below the output on the line, white on it, blue above it.
CMAP = LinearSegmentedColormap.from_list("neuronlib_diverging", ["#D55E00", "#FFFFFF", "#0072B2"])
#: Okabe-Ito colours: one per unit of a layer (and for the third class of points onwards).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
MARKERS = ("o", "s", "^", "D", "v", "P", "X")



def _fmt(values: np.ndarray) -> str:
    return "(" + ", ".join(f"{v:.3g}" for v in np.asarray(values, dtype=float)) + ")"


def _inside(p: np.ndarray, xlim: tuple[float, float], ylim: tuple[float, float]) -> bool:
    return xlim[0] <= p[0] <= xlim[1] and ylim[0] <= p[1] <= ylim[1]


def _draw_line(
    ax: Axes,
    plane: Hyperplane,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    colour: str,
    name: str,
    show_normal: bool,
    side_labels: bool,
) -> bool:
    """Draw one unit's line (and normal arrow, side labels); False if it misses the box."""
    segment = plane.segment_in_box(xlim, ylim)
    if segment is None:
        return False
    (x0, y0), (x1, y1) = segment
    ax.plot([x0, x1], [y0, y1], color=colour, lw=2.5, label=name, gid="hyperplane")
    size = min(xlim[1] - xlim[0], ylim[1] - ylim[0])
    unit = np.asarray(plane.unit_normal, dtype=float)
    # Start the arrow at the line's point closest to the centre of the view (the origin,
    # for the default view), as the explorers do; if that is off screen, mid-segment.
    centre = np.array([(xlim[0] + xlim[1]) / 2, (ylim[0] + ylim[1]) / 2])
    start = centre - float(plane.signed_distance(centre)) * unit
    if not _inside(start, xlim, ylim):
        start = np.array([(x0 + x1) / 2, (y0 + y1) / 2])
    if show_normal:
        tip = start + 0.2 * size * unit
        ax.annotate(
            "", xy=tip, xytext=start, gid="normal",
            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2, "mutation_scale": 18},
        )
        ax.annotate(  # the label sits just beyond the arrow's tip
            "w" if side_labels else name, xy=tip, xytext=tuple(12 * unit), textcoords="offset points",
            ha="center", va="center", color=colour, fontsize=11, fontweight="bold",
        )
    if side_labels:
        margin = 0.08 * size
        inner_x = (xlim[0] + margin, xlim[1] - margin)
        inner_y = (ylim[0] + margin, ylim[1] - margin)
        for sign, text in ((1, "+ side"), (-1, "− side")):
            for k in (0.35, 0.25, 0.15):
                spot = start + sign * k * size * unit
                if _inside(spot, inner_x, inner_y):
                    break
            else:  # fall back to the inner point farthest out on this side, if any
                gx, gy = np.meshgrid(np.linspace(*inner_x, 9), np.linspace(*inner_y, 9))
                grid = np.column_stack([gx.ravel(), gy.ravel()])
                distance = sign * np.asarray(plane.signed_distance(grid))
                if distance.max() <= 0.05 * size:
                    continue
                spot = grid[int(np.argmax(distance))]
            ax.text(
                *spot, text, ha="center", va="center", fontsize=11, gid="side",
                bbox={"boxstyle": "round", "facecolor": "white", "alpha": 0.8, "edgecolor": colour},
            )
    return True


def plot_input_plane(
    model: Neuron | Layer,
    xlim: Sequence[float] = (-3, 3),
    ylim: Sequence[float] = (-3, 3),
    ax: Axes | None = None,
    points: np.ndarray | None = None,
    labels: Sequence | np.ndarray | None = None,
    show_normal: bool = True,
    resolution: int = 200,
) -> Axes:
    """Draw a 2-input neuron's output over the input plane, with its line w·x + b = 0.

    For a :class:`~neuronlib.neuron.Neuron` the background is a heat map of the output
    f(w·x + b) (colour bar beside it), the line is where z = w·x + b = 0, the arrow is the
    direction of w (it points to the "+ side", where z > 0). For a
    :class:`~neuronlib.layer.Layer` with two inputs, each unit gets its own line and arrow
    (no heat map). ``points`` (shape ``(m, 2)``) are drawn on top, coloured by ``labels``
(numbers appear in the legend as "label 0"; text labels as they are).
    If w = 0 there is no line: the output is the same everywhere, and the title says so.
    The axes have equal scales (so the arrow looks at right angles to the line); for inputs
    in different units call ``ax.set_aspect("auto")`` on the returned Axes.

    Introduced in: Chapter 2 (From y = mx + b to hyperplanes).

    >>> from neuronlib.neuron import Neuron
    >>> ax = plot_input_plane(Neuron([1.0, 2.0], bias=-1.0, activation="sigmoid"))
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('x₁', 'x₂')
    """
    if isinstance(model, Neuron):
        units = [model]
    elif isinstance(model, Layer):
        units = list(model.neurons)
    else:
        raise TypeError(f"model must be a Neuron or a Layer, got {type(model).__name__}")
    n_inputs = {unit.n_inputs for unit in units}
    if n_inputs != {2}:
        raise ValueError(
            f"plot_input_plane draws 2-input models only; this one has {sorted(n_inputs)} inputs"
        )
    xlim, ylim = as_limits(xlim, "xlim"), as_limits(ylim, "ylim")
    if not isinstance(resolution, (int, np.integer)) or resolution < 2:
        raise ValueError(f"resolution must be an integer >= 2, got {resolution!r}")
    if points is not None:
        points = np.asarray(points, dtype=float)
        if points.ndim != 2 or points.shape[1] != 2:
            raise ValueError(f"points must have shape (m, 2), got {points.shape}")
        if labels is not None and len(labels) != len(points):
            raise ValueError(f"labels must have one entry per point: {len(labels)} labels, {len(points)} points")
    elif labels is not None:
        raise ValueError("labels were given without points")

    if ax is None:
        _, ax = plt.subplots(figsize=(6, 5))
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.set_xlabel("x₁")
    ax.set_ylabel("x₂")

    if isinstance(model, Neuron):
        xs = np.linspace(*xlim, resolution)
        ys = np.linspace(*ylim, resolution)
        gx, gy = np.meshgrid(xs, ys)
        outputs = np.asarray(model(np.column_stack([gx.ravel(), gy.ravel()]))).reshape(gx.shape)
        # white is the output on the line itself, where z = 0
        plane = model.hyperplane
        centre = float(model.activation(0.0))
        half = float(np.max(np.abs(outputs - centre))) or 1.0
        image = ax.imshow(
            outputs, origin="lower", extent=(*xlim, *ylim), cmap=CMAP, aspect="equal",
            norm=Normalize(centre - half, centre + half), interpolation="nearest",
        )
        bar = ax.figure.colorbar(image, ax=ax, label="neuron output")
        if outputs.max() > outputs.min():  # show only the outputs that occur (ReLU: none below 0)
            bar.ax.set_ylim(outputs.min(), outputs.max())
        if not plane.exists:
            everywhere = float(model.activation(model.bias))
            ax.set_title(f"w = (0, 0): no line; the output is {everywhere:.3g} everywhere")
        else:
            drawn = _draw_line(ax, plane, xlim, ylim, "black", "w·x + b = 0", show_normal, True)
            note = "" if drawn else " (the line is outside this view)"
            ax.set_title(f"w = {_fmt(model.weights)}, b = {model.bias:.3g}{note}")
    else:
        missing = []
        for i, unit in enumerate(units, start=1):
            colour = PALETTE[(i - 1) % len(PALETTE)]
            if not unit.hyperplane.exists or not _draw_line(
                ax, unit.hyperplane, xlim, ylim, colour, f"unit {i}", show_normal, False
            ):
                missing.append(str(i))
        title = f"Layer of {len(units)} units: one line each, arrows point to the + side"
        if missing:
            title += f"\n(no line in view for unit {', '.join(missing)})"
        ax.set_title(title, fontsize=10)
        if len(missing) < len(units):
            ax.legend(loc="upper left", fontsize=9, framealpha=0.9)

    if points is not None:
        if labels is None:
            ax.scatter(points[:, 0], points[:, 1], color="black", s=30, zorder=3, gid="points")
        else:
            labels = np.asarray(labels)
            # white and black first: they stand out on both the orange and the blue side
            fills = ("white", "black", *PALETTE[2:])
            for k, label in enumerate(np.unique(labels)):
                chosen = labels == label
                ax.scatter(
                    points[chosen, 0], points[chosen, 1], s=40, zorder=3, gid="points",
                    color=fills[k % len(fills)], marker=MARKERS[k % len(MARKERS)],
                    edgecolor="black", linewidth=0.8,
                    label=str(label) if isinstance(label, str) else f"label {label}",
                )
            ax.legend(loc="lower right", fontsize=9, framealpha=0.9)
    return ax
