"""explore_layer: several neurons on one input plane and the regions they cut (Chapter 4)."""

from __future__ import annotations

import numpy as np

from neuronlib._checks import as_limits
from neuronlib.layer import Layer

from .base import (ActivationName, Explorer, Matrix, Vector, activation_config, fmt, fmt_vec,
                   make_activation, matrix, module_source, slider_range, vector)
from .listen import row_sweep

#: The four XOR points and their classes (x1 xor x2).
XOR_POINTS = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
XOR_LABELS = [0, 1, 1, 0]


def _active_text(z_row) -> str:
    on = [str(j + 1) for j, z in enumerate(z_row) if z > 0]
    return " ".join(on) if on else "none"


class LayerExplorer(Explorer):
    """The widget behind :func:`explore_layer`; read, set or observe ``weights`` (shape
    (2, units): ``weights[i][j]`` from input i to unit j, as in :class:`neuronlib.layer.Layer`),
    ``biases`` and ``activation``.

    Introduced in: Chapter 4 (Why nonlinearity).

    >>> explore_layer().layer().shape
    (2, 2)
    """

    _kind = "layer"
    _esm = module_source("layer")
    _state_keys = ("weights", "biases", "activation")
    weights = Matrix(2, what=" (weights[i][j]: input i to unit j)").tag(sync=True)
    biases = Vector(what=" (one per unit)").tag(sync=True)
    activation = ActivationName().tag(sync=True)

    def layer(self):
        """This explorer's layer as a :class:`neuronlib.layer.Layer`."""
        return Layer(self.weights, self.biases, make_activation(self.activation))

    def summary(self) -> str:
        layer = self.layer()
        X = np.array(self._config["points"], dtype=float)
        out = np.asarray(layer(X), dtype=float)
        z = np.array([[float(n.preactivation(x)) for n in layer.neurons] for x in X])
        units = "; ".join(f"unit {j + 1}: w = {fmt_vec(np.array(self.weights)[:, j])}, b = {fmt(b)}"
                          for j, b in enumerate(self.biases))
        rows, owner, separated = [], {}, True
        for x, label, z_row, out_row in zip(X, self._config["labels"], z, out):
            pattern = tuple(z_row > 0)
            separated &= owner.setdefault(pattern, label) == label
            rows.append(f"{fmt_vec(x)} class {label} -> active {_active_text(z_row)}, outputs {fmt_vec(out_row)}")
        return (f"Layer explorer: {len(self.biases)} {self.activation} units; {units}; points (active = z > 0): "
                f"{'; '.join(rows)}; the classes get {'different' if separated else 'shared'} activity patterns")

    def facts(self) -> list[str]:
        W = np.array(self.weights)
        units = [f"Unit {j + 1}: w = {fmt_vec(W[:, j])}, b = {fmt(b)}." for j, b in enumerate(self.biases)]
        points, owner, separated = [], {}, True
        for x, label in zip(self._config["points"], self._config["labels"]):
            z_row = [float(n.preactivation(x)) for n in self.layer().neurons]
            separated &= owner.setdefault(tuple(z > 0 for z in z_row), label) == label
            on = _active_text(z_row)
            where = ("where no unit is active." if on == "none" else
                     f"where {'units' if ' ' in on else 'unit'} {on} {'are' if ' ' in on else 'is'} active.")
            points.append(f"Point {fmt_vec(x)} (class {label}, {'a dot' if label else 'a square'}) is in the region {where}")
        return [*units, *points, "The two classes fall in different regions." if separated
                else "Points of both classes share a region."]

    def sweep(self, x2=None, unit: int = 1) -> dict:
        """Listen: one unit's output (``unit``, 1 first: the "trace unit" slider) along the row x2
        (:func:`~neuronlib.explorers.listen.row_sweep`); the buzz is where its z < 0."""
        if unit not in range(1, len(self.biases) + 1):
            raise ValueError(f"unit must be 1 to {len(self.biases)}, got {unit}")
        (w1, w2), b = np.array(self.weights)[:, unit - 1], self.biases[unit - 1]
        f = make_activation(self.activation)

        def at(X):
            zs = w1 * X[:, 0] + w2 * X[:, 1] + b  # the browser's order (a printed tie rounds alike)
            return {"zs": zs.tolist(), "outputs": f(zs).tolist()}

        return row_sweep(self._config["xlim"], self._config["ylim"], x2, f"unit {unit}'s output", at,
                         also=f"unit {unit}")


def explore_layer(weights=((1.0, 1.0), (1.0, 1.0)), biases=(-0.5, -1.5), activation="relu",
                  xlim=(-1, 2), ylim=(-1, 2)) -> LayerExplorer:
    """Several neurons look at the same two inputs: see their lines and the regions they cut.

    Introduced in: Chapter 4 (Why nonlinearity). ``weights[i][j]`` is the weight from input i
    to unit j (shape (2, units), as in :class:`neuronlib.layer.Layer`). Each region is coloured
    by which units are active (z > 0). The default 2-unit layer cuts the XOR points into
    patterns that a single output neuron can then separate.

    >>> ex = explore_layer()
    >>> ex.biases = [-0.5, -1.5]
    >>> print(ex)  # doctest: +ELLIPSIS
    Layer explorer: 2 relu units; unit 1: w = (1, 1), b = -0.5; ...; the classes get different activity patterns
    """
    weights = matrix("weights", weights, rows=2, cols=range(1, 5),
                     what=" (weights[i][j]: input i to unit j, 2 inputs, 1 to 4 units)")
    k = len(weights[0])
    biases = vector("biases", biases, length=k, what=f" (one per unit: {k} units)")
    config = {
        "xlim": list(as_limits(xlim, "xlim")), "ylim": list(as_limits(ylim, "ylim")), "grid": 200,
        **activation_config(),
        "points": XOR_POINTS, "labels": XOR_LABELS,
        "ranges": {"weight": slider_range([v for row in weights for v in row], 3),
                   "bias": slider_range(biases, 3)},
    }
    return LayerExplorer(config, weights=weights, biases=biases, activation=activation)
