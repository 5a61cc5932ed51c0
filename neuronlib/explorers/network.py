"""explore_network: one input, a few hidden ReLU units, their bent lines and the sum (Chapter 4)."""

from __future__ import annotations

import numpy as np

from neuronlib._checks import as_limits
from neuronlib.activations import get_activation
from neuronlib.layer import Layer
from neuronlib.network import Network, bends
from neuronlib.sound import sweep_inputs

from .base import Explorer, Number, Vector, fmt, module_source, number, slider_range, vector


def affine_text(w: float, b: float) -> str:
    """``w*x + b`` as a reader would write it: ``2x - 5``, ``-x + 4``, ``0.5x``, ``3``.

    >>> affine_text(2, -5), affine_text(-1, 4), affine_text(0.5, 0), affine_text(0, 3)
    ('2x - 5', '-x + 4', '0.5x', '3')
    """
    term = "" if w == 0 else ("" if w == 1 else "-" if w == -1 else fmt(w)) + "x"
    if b == 0:
        return term or "0"
    if not term:
        return fmt(b)
    return f"{term} {'-' if b < 0 else '+'} {fmt(abs(b))}"


def unit_text(i: int, w: float, b: float, c: float, xlim) -> str:
    """Hidden unit ``i`` (from 0) in words, as its label on the figure: its term and where it
    bends (x = -b / w), or that it does not.

    >>> unit_text(0, 1, -5, 1.5, (-3, 3))
    'unit 1: 1.5·relu(x - 5), bend x = 5, off view'
    """
    bend = "no bend (w = 0)"
    if w != 0:
        k = -b / w
        bend = f"bend x = {fmt(k)}{', off view' if k < xlim[0] or k > xlim[1] else ''}"
    return f"unit {i + 1}: {fmt(c)}·relu({affine_text(w, b)}), {bend}"


class NetworkExplorer(Explorer):
    """The widget behind :func:`explore_network`; read, set or observe ``weights``, ``biases``,
    ``output_weights`` (c_i) and ``output_bias`` (c0). The number of units is fixed when made.

    Introduced in: Chapter 4 (Why nonlinearity).

    >>> explore_network(weights=(1,), biases=(0,), output_weights=(2,)).network()([[3.0]])
    array([[6.]])
    """

    _kind = "network"
    _esm = module_source("network")
    _state_keys = ("weights", "biases", "output_weights", "output_bias")
    weights = Vector(what=" (one per hidden unit)").tag(sync=True)
    biases = Vector(what=" (one per hidden unit)").tag(sync=True)
    output_weights = Vector(what=" (one per hidden unit)").tag(sync=True)
    output_bias = Number().tag(sync=True)

    def network(self):
        """This explorer's network as neuronlib objects: a ReLU layer, then a linear output."""
        hidden = Layer([self.weights], self.biases, "relu")
        output = Layer([[c] for c in self.output_weights], [self.output_bias], "identity")
        return Network([hidden, output])

    def summary(self) -> str:
        xlim = self._config["xlim"]
        y = np.asarray(self.network()(np.array([[xlim[0]], [xlim[1]]], dtype=float)), dtype=float).ravel()
        found = bends(self.network(), xlim)
        span = f"[{fmt(xlim[0])}, {fmt(xlim[1])}]"
        verdict = (f"kinks inside {span} at x = {', '.join(fmt(k) for k in found)}, "
                   f"so y is not linear on {span}" if found
                   else f"no kink inside {span}, so y is exactly linear on {span}")
        return (f"Network explorer: {len(self.weights)} hidden ReLU units, y = sum of "
                f"c_i*relu(w_i*x + b_i) + {fmt(self.output_bias)}; y({fmt(xlim[0])}) = {fmt(y[0])}, "
                f"y({fmt(xlim[1])}) = {fmt(y[1])}; {verdict}")

    def facts(self) -> list[str]:
        _, ends, verdict = self.summary().split("; ")
        units = [unit_text(i, w, b, c, self._config["xlim"]) + "."
                 for i, (w, b, c) in enumerate(zip(self.weights, self.biases, self.output_weights))]
        return [*units, f"The output bias is c0 = {fmt(self.output_bias)}: {ends}.",
                verdict[0].upper() + verdict[1:] + "."]

    def sweep(self) -> dict:
        """Listen: x across the view; the output unit has no activation, so its z is y itself
        (the mark where z < 0 is where y < 0)."""
        xs = sweep_inputs(*self._config["xlim"])
        relu = get_activation("relu")
        y = np.full(len(xs), self.output_bias)
        for w, b, c in zip(self.weights, self.biases, self.output_weights):  # the browser's order
            y = y + c * relu(w * xs + b)
        return {"name": "x", "at": "", "xs": xs.tolist(), "zs": y.tolist(), "outputs": y.tolist()}


def explore_network(weights=(1.0, 1.0, -1.0), biases=(1.0, -1.0, 0.5), output_weights=(1.0, -2.0, 1.0),
                    output_bias=0.0, xlim=(-4, 4)) -> NetworkExplorer:
    """Slide each hidden ReLU unit of a 1-input network and watch the bent lines add up.

    Introduced in: Chapter 4 (Why nonlinearity). Unit i contributes c_i*relu(w_i*x + b_i), a line
    bent at x = -b_i / w_i; the output y is their sum plus c0. The summary says whether y is
    exactly linear on the visible range (no kink of y inside it) or not.

    >>> ex = explore_network(weights=(1, 1), biases=(0, -1), output_weights=(1, -1))
    >>> print(ex)
    Network explorer: 2 hidden ReLU units, y = sum of c_i*relu(w_i*x + b_i) + 0; y(-4) = 0, y(4) = 1; kinks inside [-4, 4] at x = 0, 1, so y is not linear on [-4, 4]
    """
    weights = vector("weights", weights, lengths=range(1, 6), what=" (one per hidden unit)")
    n = len(weights)
    biases = vector("biases", biases, length=n, what=f" (one per hidden unit: {n} units)")
    output_weights = vector("output_weights", output_weights, length=n,
                            what=f" (one per hidden unit: {n} units)")
    output_bias = number("output_bias", output_bias)
    xlim = list(as_limits(xlim, "xlim"))
    config = {"xlim": xlim, "ranges": {
        "weights": slider_range(weights, 3), "biases": slider_range(biases, 4),
        "output_weights": slider_range(output_weights, 3), "output_bias": slider_range([output_bias], 3)}}
    return NetworkExplorer(config, weights=weights, biases=biases, output_weights=output_weights,
                           output_bias=output_bias)
