"""A network: layers applied one after another, ``f_L(... f_2(f_1(X W_1 + b_1) W_2 + b_2) ...)``.

Introduced in: Chapter 4 (Why nonlinearity).

Layer ``l`` reads the outputs of layer ``l - 1``, so its ``n_inputs`` must equal the
previous layer's ``n_outputs``. With identity activations everywhere the whole stack is
just one linear layer: see :func:`collapse_linear`.

>>> net = Network.random([2, 3, 1], ["relu", "sigmoid"], seed=0)
>>> net
Network(sizes=[2, 3, 1], activations=['relu', 'sigmoid'])
>>> net([1.0, -1.0]).shape
(1,)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ._checks import as_batch, as_limits, check_count, check_result, list_of
from .activations import Activation
from .layer import Layer

__all__ = ["Network", "bends", "collapse_linear", "kink_positions", "network_contributions", "output_slopes"]


class Network:
    """Layers in order: ``Network([layer1, layer2, ...])``. Calling it on inputs ``X``
    (one input ``(n_inputs,)`` or a batch ``(m, n_inputs)``) returns the last layer's
    outputs (``(n_outputs,)`` or ``(m, n_outputs)``).

    ``network.forward(X)`` also returns every layer's preactivations and outputs, which
    training (Chapter 5) needs for backpropagation.

    Introduced in: Chapter 4 (Why nonlinearity).

    >>> hidden = Layer([[1.0, -1.0]], [0.0, 0.0], "relu")
    >>> output = Layer([[1.0], [1.0]], [0.0], "identity")
    >>> Network([hidden, output])([-3.0])  # relu(x) + relu(-x) = |x|
    array([3.])
    """

    def __init__(self, layers: Sequence[Layer]) -> None:
        if isinstance(layers, Layer):
            layers = [layers]
        layers = list_of(layers, Layer, "layers", "a network needs at least one layer")
        for i in range(1, len(layers)):
            before, after = layers[i - 1], layers[i]
            if before.n_outputs != after.n_inputs:
                raise ValueError(
                    f"layer {i - 1} has {before.n_outputs} outputs but layer {i} expects "
                    f"{after.n_inputs} inputs (its weights have shape {after.shape})"
                )
        self.layers: list[Layer] = layers

    @property
    def n_inputs(self) -> int:
        """Inputs of the first layer."""
        return self.layers[0].n_inputs

    @property
    def n_outputs(self) -> int:
        """Outputs of the last layer."""
        return self.layers[-1].n_outputs

    @property
    def sizes(self) -> list[int]:
        """``[n_inputs, units of layer 1, ..., units of the last layer]``."""
        return [self.n_inputs] + [layer.n_outputs for layer in self.layers]

    @property
    def activations(self) -> list[Activation]:
        """Each layer's activation, in order."""
        return [layer.activation for layer in self.layers]

    def forward(self, X: Any) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Run the network and keep everything: returns ``(preactivations, outputs)``, two
        lists with one entry per layer, where ``preactivations[l] = outputs[l-1] @ W_l + b_l``
        (with ``outputs[-1]`` read as the input ``X``) and ``outputs[l] = f_l(preactivations[l])``.

        Entries have shape ``(m, units)`` for a batch, ``(units,)`` for one input.
        Raises ``ValueError`` if a value overflows.

        >>> net = Network([Layer([[2.0]], [-1.0], "relu")])
        >>> net.forward([0.25])
        ([array([-0.5])], [array([0.])])
        """
        A, single = as_batch(X, self.n_inputs, "X", f"the network has {self.n_inputs} inputs")
        preactivations, outputs = [], []
        for i, layer in enumerate(self.layers):
            with np.errstate(over="ignore", invalid="ignore"):
                Z = A @ layer.weights + layer.bias
            check_result(Z, f"the preactivation of layer {i}")
            A = layer.activation(Z)
            preactivations.append(Z[0] if single else Z)
            outputs.append(A[0] if single else A)
        return preactivations, outputs

    def __call__(self, X: Any) -> np.ndarray:
        """The network's output: the last layer's outputs."""
        return self.forward(X)[1][-1]

    @classmethod
    def random(
        cls,
        sizes: Sequence[int],
        activations: str | Activation | Sequence[str | Activation] = "relu",
        seed: int | np.random.Generator | None = 0,
        init: str = "he",
        scale: float = 1.0,
    ) -> Network:
        """A network with layer sizes ``sizes = [n_inputs, hidden..., n_outputs]`` and random
        weights (see :meth:`Layer.random`), all drawn from one ``np.random.default_rng(seed)``:
        the same seed always gives the same network. ``activations`` is one name for every
        layer or one per layer (``len(sizes) - 1`` of them).

        Introduced in: Chapter 4 (Why nonlinearity).

        >>> Network.random([2, 3, 1], ["relu", "sigmoid"], seed=0).sizes
        [2, 3, 1]
        """
        sizes = [check_count(size, "every size") for size in sizes]
        if len(sizes) < 2:
            raise ValueError(
                f"sizes must list at least the number of inputs and of outputs, e.g. [2, 1]; "
                f"got {sizes}"
            )
        n_layers = len(sizes) - 1
        if isinstance(activations, (str, Activation)):
            activations = [activations] * n_layers
        activations = list(activations)
        if len(activations) != n_layers:
            raise ValueError(
                f"sizes {sizes} describe {n_layers} layers, so give {n_layers} activations "
                f"(or one name for all); got {len(activations)}"
            )
        rng = np.random.default_rng(seed)
        layers = [
            Layer.random(n_in, n_out, activation, seed=rng, init=init, scale=scale)
            for n_in, n_out, activation in zip(sizes[:-1], sizes[1:], activations)
        ]
        return cls(layers)

    def copy(self) -> Network:
        """An independent copy (every layer copied)."""
        return Network([layer.copy() for layer in self.layers])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Network):
            return NotImplemented
        return len(self.layers) == len(other.layers) and all(
            a == b for a, b in zip(self.layers, other.layers)
        )

    __hash__ = None  # type: ignore[assignment]

    def __len__(self) -> int:
        return len(self.layers)

    def __repr__(self) -> str:
        names = ", ".join(a.short_repr() for a in self.activations)
        return f"Network(sizes={self.sizes}, activations=[{names}])"


def collapse_linear(network: Network) -> Layer:
    """The single layer equal to a network whose activations are all ``identity``.

    Stacking linear layers gives a linear layer: ``(X W1 + b1) W2 + b2 = X (W1 W2) +
    (b1 W2 + b2)``, so ``W = W1 @ W2 @ ...`` and ``b = (b1 @ W2 + b2) @ W3 + b3 ...``.
    This is why depth needs nonlinearity.

    Introduced in: Chapter 4 (Why nonlinearity).

    >>> net = Network([Layer([[2.0]], [1.0], "identity"), Layer([[3.0]], [-1.0], "identity")])
    >>> collapse_linear(net)  # 3 (2x + 1) - 1 = 6x + 2
    Layer(weights=[[6.0]], bias=[2.0], activation='identity')
    """
    if isinstance(network, Layer):
        network = Network([network])
    if not isinstance(network, Network):
        raise TypeError(f"collapse_linear needs a Network; got {type(network).__name__}")
    for i, layer in enumerate(network.layers):
        if layer.activation.name != "identity":
            raise ValueError(
                f"collapse_linear needs every activation to be 'identity'; layer {i} uses "
                f"{layer.activation.name!r}, and a nonlinear layer cannot be folded away"
            )
    weights = network.layers[0].weights
    bias = network.layers[0].bias
    with np.errstate(over="ignore", invalid="ignore"):
        for layer in network.layers[1:]:
            weights = weights @ layer.weights
            bias = bias @ layer.weights + layer.bias
    check_result(weights, "the collapsed weights")
    check_result(bias, "the collapsed bias")
    return Layer(weights, bias, "identity")


# --------------------------------------------------------------------------- one input, one hidden layer


def _one_hidden_layer(network: Network) -> tuple[Layer, Layer]:
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")
    if len(network.layers) != 2:
        raise ValueError(
            f"this needs a network with exactly one hidden layer and one output layer; "
            f"this network has {len(network.layers)} layers (sizes {network.sizes})"
        )
    if network.n_inputs != 1 or network.n_outputs != 1:
        raise ValueError(
            f"this needs a network with 1 input and 1 output; this one has sizes {network.sizes}"
        )
    hidden, output = network.layers
    return hidden, output


def network_contributions(network: Network, x: Sequence[float] | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each hidden unit's contribution to a 1-input, 1-hidden-layer, 1-output network.

    Returns ``(contributions, output)`` for inputs ``x`` (shape ``(m,)``):
    ``contributions[:, i] = c_i · f(w_i x + b_i)``, output weight times hidden unit ``i``'s
    output, and ``output`` the network's output. With an identity output activation,
    ``output = contributions.sum(axis=1) + c_0`` (``c_0`` is the output bias).

    Introduced in: Chapter 4 (Why nonlinearity).

    >>> hidden = Layer([[1.0, -1.0]], [0.0, 1.0], "relu")
    >>> net = Network([hidden, Layer([[2.0], [1.0]], [0.5], "identity")])
    >>> contributions, output = network_contributions(net, [1.0])
    >>> contributions.tolist(), output.tolist()
    ([[2.0, 0.0]], [2.5])
    """
    hidden, output = _one_hidden_layer(network)
    x = np.asarray(x, dtype=float).reshape(-1, 1)
    return hidden(x) * output.weights[:, 0], network(x)[:, 0]


def kink_positions(network: Network) -> np.ndarray:
    """The inputs ``x = -b_i / w_i`` where hidden unit ``i``'s preactivation ``w_i x + b_i``
    crosses 0 (for ReLU, its kink), one per unit, in unit order; ``nan`` for a unit with
    ``w_i = 0`` (its preactivation never crosses 0, or is 0 everywhere).

    Introduced in: Chapter 4 (Why nonlinearity).

    >>> hidden = Layer([[2.0, 0.0]], [-1.0, 3.0], "relu")
    >>> kink_positions(Network([hidden, Layer([[1.0], [1.0]], [0.0], "identity")])).tolist()
    [0.5, nan]
    """
    hidden, _ = _one_hidden_layer(network)
    w, b = hidden.weights[0], hidden.bias
    safe = np.where(w == 0, 1.0, w)
    return np.where(w == 0, np.nan, -b / safe)


def bends(network: Network, xlim: Sequence[float]) -> list[float]:
    """Where the output ``y = sum_i c_i relu(w_i x + b_i) + c_0`` of a 1-input ReLU network
    really bends, strictly inside ``xlim``, in increasing order.

    Unit ``i`` bends at its kink ``x = -b_i / w_i`` (:func:`kink_positions`), where the slope
    of ``y`` jumps by ``c_i |w_i|``; jumps at the same ``x`` are added, and a kink whose jumps
    cancel is no bend of ``y``. (The network explorer's JavaScript does the same.)

    Introduced in: Chapter 4 (Why nonlinearity).

    >>> hidden = Layer([[1.0, 1.0]], [1.0, -1.0], "relu")
    >>> bends(Network([hidden, Layer([[1.0], [0.0]], [0.0], "identity")]), (-4, 4))
    [-1.0]
    """
    low, high = as_limits(xlim, "xlim")
    _, output = _one_hidden_layer(network)
    weights = network.layers[0].weights[0]
    jumps: dict[float, float] = {}
    for k, w, c in zip(kink_positions(network).tolist(), weights.tolist(), output.weights[:, 0].tolist()):
        if w == 0 or c == 0:
            continue
        if low < k < high:
            jumps[k] = jumps.get(k, 0.0) + c * abs(w)
    return sorted(k for k, jump in jumps.items() if abs(jump) > 1e-12)


def output_slopes(
    network: Network, xlim: Sequence[float] = (-4, 4), resolution: int = 321
) -> np.ndarray:
    """The slope of a 1-input, 1-output network's output between neighbouring points of an
    even grid on ``xlim``: ``(y[k+1] - y[k]) / (x[k+1] - x[k])``, ``resolution - 1`` values.

    A slope check: if every value is the same, the output is a straight line on ``xlim``.
    For a ReLU network the slope can only change at a kink (see :func:`kink_positions`).

    Introduced in: Chapter 4 (Why nonlinearity).

    >>> hidden = Layer([[1.0, -1.0]], [0.0, 0.0], "relu")
    >>> v_shape = Network([hidden, Layer([[1.0], [1.0]], [0.0], "identity")])  # |x|
    >>> sorted(set(output_slopes(v_shape, (-2, 2), 5).tolist()))
    [-1.0, 1.0]
    """
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")
    if network.n_inputs != 1 or network.n_outputs != 1:
        raise ValueError(
            f"output_slopes needs a network with 1 input and 1 output; this one has sizes {network.sizes}"
        )
    low, high = as_limits(xlim, "xlim")
    if not isinstance(resolution, (int, np.integer)) or resolution < 2:
        raise ValueError(f"resolution must be an integer >= 2, got {resolution!r}")
    x = np.linspace(low, high, resolution)
    y = network(x.reshape(-1, 1))[:, 0]
    return np.diff(y) / np.diff(x)
