"""explore_hyperplane: one neuron with two inputs and the line w·x + b = 0 (Chapter 2)."""

from __future__ import annotations

from neuronlib._checks import as_limits
from neuronlib.hyperplane import Hyperplane
from neuronlib.neuron import Neuron
from neuronlib.sound import sweep_inputs

from .base import (ActivationName, Explorer, Number, Vector, activation_config, fmt, fmt_vec,
                   make_activation, module_source, number, sign_word, slider_range, vector)


class HyperplaneExplorer(Explorer):
    """The widget behind :func:`explore_hyperplane`; read, set or observe ``weights``, ``bias``,
    ``activation`` and ``point``.

    Introduced in: Chapter 2 (From y = mx + b to hyperplanes).

    >>> explore_hyperplane(weights=(2, 0), bias=-1).point
    [1.0, 1.0]
    """

    _kind = "hyperplane"
    _esm = module_source("hyperplane")
    _state_keys = ("weights", "bias", "activation", "point")
    weights = Vector(2, what=" (w1, w2)").tag(sync=True)
    bias = Number().tag(sync=True)
    activation = ActivationName().tag(sync=True)
    point = Vector(2, what=" (x1, x2)").tag(sync=True)

    def summary(self) -> str:
        act = make_activation(self.activation)
        neuron = Neuron(self.weights, self.bias, activation=act)
        z = float(neuron.preactivation(self.point))
        out = float(neuron(self.point))
        text = (f"Hyperplane explorer: w = {fmt_vec(self.weights)}, b = {fmt(self.bias)}, "
                f"activation = {self.activation}; point {fmt_vec(self.point)} has z = {fmt(z)}, "
                f"output = {fmt(out)}")
        if not any(self.weights):
            return text + f"; w = 0, so there is no line: z = b = {fmt(self.bias)} everywhere"
        distance = float(Hyperplane(self.weights, self.bias).signed_distance(self.point))
        return text + f", signed distance {fmt(distance)}"

    def facts(self) -> list[str]:
        neuron = Neuron(self.weights, self.bias, activation=make_activation(self.activation))
        z = float(neuron.preactivation(self.point))
        value = f"z = {fmt(z)}, output {fmt(float(neuron(self.point)))}."
        if not any(self.weights):
            return [f"There is no line: w = 0, so z = b = {fmt(self.bias)} everywhere.",
                    f"The point {fmt_vec(self.point)} has {value}"]
        seg = Hyperplane(self.weights, self.bias).segment_in_box(self._config["xlim"], self._config["ylim"])
        line = (f"The line w·x + b = 0 runs from {fmt_vec(seg[0], 2)} to {fmt_vec(seg[1], 2)}; "
                f"the arrow w = {fmt_vec(self.weights)} points to its positive side." if seg is not None
                else "The line w·x + b = 0 is outside the view.")
        side = {"positive": "on the positive side", "negative": "on the negative side",
                "zero": "on the line"}[sign_word(z)]
        return [line, f"The point {fmt_vec(self.point)} is {side}: {value}"]

    def sweep(self) -> dict:
        """Listen: along the horizontal line through the point, x1 from the left of the view to
        the right (x2 stays the point's), so the pan follows x1 as the figure's axis does."""
        xs = sweep_inputs(*self._config["xlim"])
        zs = self.weights[0] * xs + self.weights[1] * self.point[1] + self.bias  # the browser's order
        return {"name": "x1", "at": f"x2 = {fmt(self.point[1])}", "xs": xs.tolist(), "zs": zs.tolist(),
                "outputs": make_activation(self.activation)(zs).tolist()}


def explore_hyperplane(weights=(1, -1), bias=0.5, activation="relu", point=(1, 1),
                       xlim=(-3, 3), ylim=(-3, 3)) -> HyperplaneExplorer:
    """Drag w1, w2 and b and watch the line w·x + b = 0 and the neuron's output move.

    Introduced in: Chapter 2 (From y = mx + b to hyperplanes). The plane is shaded by the
    output f(w·x + b): white where it equals the output on the line, f(0) (0 for ReLU, 0.5 for
    the sigmoid), blue above, orange below, as in :func:`neuronlib.plots.plot_input_plane`;
    the arrow is the weight vector w, which points to the side where z > 0; the point (drag
    it, or use its sliders) shows its z and its signed distance (w·x + b) / |w| to the line.
    With w = (0, 0) there is no line: z = b everywhere.

    >>> ex = explore_hyperplane(weights=(1, -1), bias=0.5)
    >>> ex.bias = 2.0          # the figure follows; ex.bias, ex.weights ... can be observed too
    >>> print(ex)
    Hyperplane explorer: w = (1, -1), b = 2, activation = relu; point (1, 1) has z = 2, output = 2, signed distance 1.414
    """
    xlim = list(as_limits(xlim, "xlim"))
    ylim = list(as_limits(ylim, "ylim"))
    weights = vector("weights", weights, length=2, what=" (w1, w2)")
    point = vector("point", point, length=2, what=" (x1, x2)")
    bias = number("bias", bias)
    config = {
        "xlim": xlim, "ylim": ylim, "grid": 200, **activation_config(),
        "ranges": {"weight": slider_range(weights, 3), "bias": slider_range([bias], 3),
                   "point": [min(xlim[0], ylim[0]), max(xlim[1], ylim[1]), 0.05]},
    }
    return HyperplaneExplorer(config, weights=weights, bias=bias, activation=activation, point=point)
