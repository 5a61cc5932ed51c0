"""explore_neuron: one neuron with 1 to 5 inputs (Chapter 1)."""

from __future__ import annotations

from neuronlib.neuron import Neuron
from neuronlib.sound import sweep_inputs

from .base import (ActivationName, Explorer, Number, Vector, activation_config, fmt, fmt_vec,
                   make_activation, module_source, number, sign_word, slider_range, vector)


class NeuronExplorer(Explorer):
    """The widget behind :func:`explore_neuron`; read, set or observe ``inputs``, ``weights``,
    ``bias`` and ``activation``. The number of inputs is fixed when it is made.

    Introduced in: Chapter 1 (What a neuron computes).

    >>> explore_neuron(inputs=(1, 2), weights=(0.5, -1)).weights
    [0.5, -1.0]
    """

    _kind = "neuron"
    _esm = module_source("neuron")
    _state_keys = ("inputs", "weights", "bias", "activation")
    inputs = Vector(what=" (one per input)").tag(sync=True)
    weights = Vector(what=" (one per input)").tag(sync=True)
    bias = Number().tag(sync=True)
    activation = ActivationName().tag(sync=True)

    def summary(self) -> str:
        neuron = Neuron(self.weights, self.bias, activation=make_activation(self.activation))
        z = float(neuron.preactivation(self.inputs))
        out = float(neuron(self.inputs))
        terms = " + ".join(f"{fmt(w)}*{fmt(x)}" for w, x in zip(self.weights, self.inputs))
        return (f"Neuron explorer: x = {fmt_vec(self.inputs)}, w = {fmt_vec(self.weights)}, "
                f"b = {fmt(self.bias)}, activation = {self.activation}; "
                f"z = {terms} + {fmt(self.bias)} = {fmt(z)}, "
                f"output = {self.activation}({fmt(z)}) = {fmt(out)}")

    def facts(self) -> list[str]:
        neuron = Neuron(self.weights, self.bias, activation=make_activation(self.activation))
        z = float(neuron.preactivation(self.inputs))
        inputs = [f"Input x{i + 1} = {fmt(x)} with weight w{i + 1} = {fmt(w)} ({sign_word(w)}) adds {fmt(w * x)}."
                  for i, (x, w) in enumerate(zip(self.inputs, self.weights))]
        return [*inputs, f"With the bias {fmt(self.bias)}, z = {fmt(z)} ({sign_word(z)}); "
                         f"the output is {self.activation}(z) = {fmt(float(neuron(self.inputs)))}."]

    def sweep(self) -> dict:
        """Listen: x1 from one end of its slider to the other, the other inputs as they are.
        z = w·x + b is added up term by term in the browser's order (nlDot), so the two print
        the same digits even where a sum lands on a rounding tie."""
        xs = sweep_inputs(*self._config["ranges"]["input"][:2])
        zs = self.weights[0] * xs
        for w, x in zip(self.weights[1:], self.inputs[1:]):
            zs = zs + w * x
        zs = zs + self.bias
        return {"name": "x1", "at": "", "xs": xs.tolist(), "zs": zs.tolist(),
                "outputs": make_activation(self.activation)(zs).tolist()}


def explore_neuron(inputs=(1.0, 2.0), weights=(0.5, -1.0), bias=0.0, activation="relu") -> NeuronExplorer:
    """Drag the inputs, weights and bias of one neuron and watch z = w·x + b and its output.

    Introduced in: Chapter 1 (What a neuron computes). One to five inputs; each edge of the
    diagram is as wide as its weight is large, blue when positive, dashed orange when negative.

    >>> ex = explore_neuron(inputs=(1, 2), weights=(0.5, -1), bias=0)
    >>> ex.bias = 2.0
    >>> print(ex)
    Neuron explorer: x = (1, 2), w = (0.5, -1), b = 2, activation = relu; z = 0.5*1 + -1*2 + 2 = 0.5, output = relu(0.5) = 0.5
    """
    inputs = vector("inputs", inputs, lengths=range(1, 6), what=" (one per input)")
    weights = vector("weights", weights, length=len(inputs),
                     what=f" (one per input: {len(inputs)} inputs)")
    bias = number("bias", bias)
    config = {
        **activation_config(),
        "ranges": {"input": slider_range(inputs, 3), "weight": slider_range(weights, 3),
                   "bias": slider_range([bias], 3)},
    }
    return NeuronExplorer(config, inputs=inputs, weights=weights, bias=bias, activation=activation)
