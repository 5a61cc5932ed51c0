"""explore_regions: a small two-layer ReLU network, its on/off regions and its output (Chapter 7)."""

from __future__ import annotations

import numpy as np

from neuronlib._checks import as_limits
from neuronlib.layer import Layer
from neuronlib.network import Network
from neuronlib.regions import activation_patterns, pattern_text

from .base import Explorer, Matrix, Number, Vector, fmt, fmt_vec, matrix, module_source, number, slider_range, vector
from .layer import XOR_LABELS, XOR_POINTS
from .listen import row_sweep


def _units(W, b) -> str:
    W = np.asarray(W, dtype=float)
    return "; ".join(f"unit {j + 1}: w = {fmt_vec(W[:, j])}, b = {fmt(bj)}" for j, bj in enumerate(b))


class RegionsExplorer(Explorer):
    """The widget behind :func:`explore_regions`; read, set or observe ``W1`` (shape (2, k):
    input i to layer-1 unit j), ``b1``, ``W2`` (shape (k, 2): layer-1 unit i to layer-2 unit j),
    ``b2``, ``c`` (the output's two weights) and ``d`` (its bias).

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> explore_regions().network().sizes
    [2, 2, 2, 1]
    """

    _kind = "regions"
    _esm = module_source("regions")
    _state_keys = ("W1", "b1", "W2", "b2", "c", "d")
    W1 = Matrix(2, what=" (W1[i][j]: input i to layer-1 unit j)").tag(sync=True)
    b1 = Vector(what=" (one per layer-1 unit)").tag(sync=True)
    W2 = Matrix(None, what=" (W2[i][j]: layer-1 unit i to layer-2 unit j)").tag(sync=True)
    b2 = Vector(length=2, what=" (one per layer-2 unit)").tag(sync=True)
    c = Vector(length=2, what=" (the output's weights, one per layer-2 unit)").tag(sync=True)
    d = Number().tag(sync=True)

    def network(self) -> Network:
        """This explorer's network: two ReLU layers, then the output ``y = h2 · c + d``."""
        return Network([Layer(self.W1, self.b1, "relu"), Layer(self.W2, self.b2, "relu"),
                        Layer([[v] for v in self.c], [self.d], "identity")])

    def summary(self) -> str:
        net = self.network()
        X = np.array(self._config["points"], dtype=float)
        patterns = activation_patterns(net, X)
        y = net(X)[:, 0]
        rows = "; ".join(f"{fmt_vec(x)} pattern {pattern_text(p, [len(self.b1), 2])}, y = {fmt(v)}"
                         for x, p, v in zip(X, patterns, y))
        return (f"Regions explorer: layer 1 (relu): {_units(self.W1, self.b1)}; layer 2 (relu): "
                f"{_units(self.W2, self.b2)}; y = c·h + d with c = {fmt_vec(self.c)}, d = {fmt(self.d)}; "
                f"patterns (layer 1|layer 2, 1 = on): {rows}")

    def facts(self) -> list[str]:
        net = self.network()
        X = np.array(self._config["points"], dtype=float)
        units = [f"Layer {n} {u}." for n, (W, b) in ((1, (self.W1, self.b1)), (2, (self.W2, self.b2)))
                 for u in _units(W, b).split("; ")]
        points = [f"Point {fmt_vec(x)} has the pattern {pattern_text(p, [len(self.b1), 2])} (layer 1|layer 2, "
                  f"1 = on) and the output y = {fmt(v)}."
                  for x, p, v in zip(X, activation_patterns(net, X), net(X)[:, 0])]
        return [*units, f"The output is y = c·h + d with c = {fmt_vec(self.c)}, d = {fmt(self.d)}.", *points]

    def sweep(self, x2=None) -> dict:
        """Listen: the output y along the row x2 (the output unit has no activation: its z is y,
        so the buzz is where y < 0); the trace says the on/off pattern and a tick marks each
        input where it differs from the one before (a region's edge is crossed)."""
        def at(X):
            # the network, summed in the browser's order (nlRegionsForward: a printed tie rounds alike)
            z1 = [w1 * X[:, 0] + w2 * X[:, 1] + b for w1, w2, b in zip(*self.W1, self.b1)]
            z2 = [sum((np.maximum(z, 0) * w for z, w in zip(z1, ws)), np.zeros(len(X))) + b
                  for ws, b in zip(zip(*self.W2), self.b2)]
            y = (sum((np.maximum(z, 0) * c for z, c in zip(z2, self.c)), np.zeros(len(X))) + self.d).tolist()
            words = [f"pattern {pattern_text(p, [len(self.b1), 2])}" for p in np.array(z1 + z2).T > 0]
            return {"zs": y, "outputs": y, "notes": words,
                    "ticks": [i > 0 and w != words[i - 1] for i, w in enumerate(words)]}

        return row_sweep(self._config["xlim"], self._config["ylim"], x2, "the network's output y", at)


def explore_regions(W1=((1.0, -1.0), (-1.0, 1.0)), b1=(0.0, 0.0), W2=((1.0, 1.0), (1.0, 1.0)),
                    b2=(-0.5, -1.5), c=(1.0, -2.0), d=0.0, xlim=(-2, 2), ylim=(-2, 2)) -> RegionsExplorer:
    """Slide the weights of a small two-layer ReLU network and watch its on/off regions and
    its output over the input plane.

    Introduced in: Chapter 7 (Layers: many lines at once). Inputs ``(x1, x2)`` go to layer 1
    (``W1`` shape (2, k), k = 1 to 4 ReLU units, biases ``b1``), then to layer 2 (``W2`` shape
    (k, 2), two ReLU units, biases ``b2``), then to ``y = c1 h1 + c2 h2 + d``. Left: the plane
    coloured by activation pattern; layer 1's lines are straight, layer 2's boundaries are bent
    lines. Right: ``y``, a flat plane on each region. The default folds the plane along the
    diagonal (layer 1 computes relu(x1 - x2) and relu(x2 - x1)), so layer 2 sees
    ``|x1 - x2|`` and its boundaries come in mirrored pairs.

    >>> print(explore_regions())  # doctest: +ELLIPSIS
    Regions explorer: layer 1 (relu): unit 1: w = (1, -1), b = 0; ...; (1, 1) pattern 00|00, y = 0
    """
    W1 = matrix("W1", W1, rows=2, cols=range(1, 5), what=" (W1[i][j]: input i to layer-1 unit j, 1 to 4 units)")
    k = len(W1[0])
    b1 = vector("b1", b1, length=k, what=f" (one per layer-1 unit: {k} units)")
    W2 = matrix("W2", W2, rows=k, cols=range(2, 3), what=f" (W2[i][j]: layer-1 unit i to layer-2 unit j, shape ({k}, 2))")
    b2 = vector("b2", b2, length=2, what=" (one per layer-2 unit)")
    c = vector("c", c, length=2, what=" (the output's weights, one per layer-2 unit)")
    d = number("d", d)
    config = {"xlim": list(as_limits(xlim, "xlim")), "ylim": list(as_limits(ylim, "ylim")), "grid": 160,
              "points": XOR_POINTS, "labels": XOR_LABELS,
              "ranges": {"weight": slider_range([v for row in W1 + W2 for v in row] + c, 3),
                         "bias": slider_range([*b1, *b2, d], 3)}}
    return RegionsExplorer(config, W1=W1, b1=b1, W2=W2, b2=b2, c=c, d=d)
