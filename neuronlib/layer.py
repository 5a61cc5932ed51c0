"""A layer: several neurons that read the same inputs, computed together as
``outputs = f(X @ W + b)``.

Introduced in: Chapter 4 (Why nonlinearity).

Shapes (``m`` samples, ``n`` inputs, ``k`` units):

- ``weights`` ``W``: ``(n, k)``; column ``j`` holds the weights of unit ``j``,
  so ``W[i, j]`` connects input ``i`` to unit ``j``;
- ``bias`` ``b``: ``(k,)``;
- inputs ``X``: one input ``(n,)`` -> outputs ``(k,)``, or a batch ``(m, n)`` -> ``(m, k)``.

>>> layer = Layer([[1.0, -1.0], [2.0, 0.5]], bias=[0.0, 1.0], activation="relu")
>>> layer([1.0, 1.0])
array([3. , 0.5])
>>> layer.neurons[0]
Neuron(weights=[1.0, 2.0], bias=0.0, activation='relu')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ._checks import as_batch, as_matrix, as_vector, check_count, check_positive, checked, list_of
from .activations import Activation, get_activation
from .neuron import Neuron

__all__ = ["Layer"]


def _new_weights(layer: Layer, value: Any) -> np.ndarray:
    """``value`` as the layer's new weights: a matrix of the shape the weights have now."""
    weights = as_matrix(value, "weights")
    if weights.shape != layer.shape:
        raise ValueError(f"new weights must have shape {layer.shape}; got {weights.shape}")
    return weights


def _matrix_repr(matrix: np.ndarray) -> str:
    return "[" + ", ".join("[" + ", ".join(repr(float(v)) for v in row) + "]" for row in matrix) + "]"


class Layer:
    """``k`` neurons side by side: ``Layer(weights, bias, activation)`` computes
    ``f(X @ W + b)`` with ``W`` of shape ``(n_inputs, n_outputs)`` and ``b`` of shape
    ``(n_outputs,)`` (zeros if ``bias`` is ``None``).

    ``layer.preactivation(X)`` is ``X @ W + b``; ``layer(X)`` applies ``f``;
    ``layer.neurons`` lists the units as :class:`~neuronlib.neuron.Neuron` objects
    (unit ``j`` has weights ``W[:, j]`` and bias ``b[j]``).

    Introduced in: Chapter 4 (Why nonlinearity).

    >>> Layer([[1.0, 0.0], [0.0, 1.0]], [0.5, -0.5], "identity")([2.0, 3.0])
    array([2.5, 2.5])
    """

    def __init__(
        self,
        weights: Sequence[Sequence[float]] | np.ndarray,
        bias: Sequence[float] | np.ndarray | None = None,
        activation: str | Activation = "relu",
    ) -> None:
        weights = as_matrix(weights, "weights")
        if bias is None:
            bias = np.zeros(weights.shape[1])
        else:
            bias = as_vector(np.ravel(bias) if np.ndim(bias) == 0 else bias, "bias")
            if bias.size != weights.shape[1]:
                raise ValueError(
                    f"bias has {bias.size} entries but weights has {weights.shape[1]} columns "
                    f"(one column and one bias per unit); weights must have shape "
                    f"(n_inputs, n_outputs)"
                )
        self._weights = weights
        self._bias = bias
        self.activation = activation

    weights = checked("weights", _new_weights, "``W``, shape ``(n_inputs, n_outputs)``.")
    bias = checked("bias", lambda self, value: as_vector(value, "bias", length=self.n_outputs),
                   "``b``, shape ``(n_outputs,)``.")
    activation = checked("activation", lambda self, value: get_activation(value),
                         "The activation ``f`` shared by every unit of the layer.")

    @property
    def n_inputs(self) -> int:
        """Number of inputs ``n`` (rows of ``W``)."""
        return self._weights.shape[0]

    @property
    def n_outputs(self) -> int:
        """Number of units ``k`` (columns of ``W``)."""
        return self._weights.shape[1]

    @property
    def shape(self) -> tuple[int, int]:
        """``(n_inputs, n_outputs)``."""
        return self._weights.shape

    def preactivation(self, X: Any) -> np.ndarray:
        """``Z = X @ W + b``: ``(n_inputs,)`` -> ``(n_outputs,)``, ``(m, n_inputs)`` ->
        ``(m, n_outputs)``."""
        batch, single = as_batch(X, self.n_inputs, "X", f"the layer has {self.n_inputs} inputs")
        Z = batch @ self._weights + self._bias
        return Z[0] if single else Z

    def __call__(self, X: Any) -> np.ndarray:
        """The outputs ``f(X @ W + b)``, same shapes as :meth:`preactivation`."""
        return self._activation(self.preactivation(X))

    @property
    def neurons(self) -> list[Neuron]:
        """The units as separate neurons: unit ``j`` is ``Neuron(W[:, j], b[j], f)``."""
        return [
            Neuron(self._weights[:, j], self._bias[j], self._activation)
            for j in range(self.n_outputs)
        ]

    @classmethod
    def from_neurons(cls, neurons: Sequence[Neuron]) -> Layer:
        """Stack neurons with the same number of inputs and the same activation into a layer
        (neuron ``j`` becomes column ``j`` of ``W``).

        Introduced in: Chapter 4 (Why nonlinearity).

        >>> a, b = Neuron([1.0, 2.0], 0.5), Neuron([3.0, 4.0], -1.0)
        >>> Layer.from_neurons([a, b]).weights
        array([[1., 3.],
               [2., 4.]])
        """
        neurons = list_of(neurons, Neuron, "neurons", "from_neurons needs at least one neuron")
        first = neurons[0]
        for i, neuron in enumerate(neurons[1:], start=1):
            if neuron.n_inputs != first.n_inputs:
                raise ValueError(
                    f"every neuron in a layer reads the same inputs: neuron 0 has "
                    f"{first.n_inputs} weights but neuron {i} has {neuron.n_inputs}"
                )
            if neuron.activation != first.activation:
                raise ValueError(
                    f"every neuron in a layer shares one activation: neuron 0 uses "
                    f"{first.activation!r} but neuron {i} uses {neuron.activation!r}"
                )
        weights = np.column_stack([neuron.weights for neuron in neurons])
        bias = np.array([neuron.bias for neuron in neurons])
        return cls(weights, bias, first.activation)

    @classmethod
    def random(
        cls,
        n_inputs: int,
        n_outputs: int,
        activation: str | Activation = "relu",
        seed: int | np.random.Generator | None = 0,
        init: str = "he",
        scale: float = 1.0,
    ) -> Layer:
        """A layer with random weights drawn by ``np.random.default_rng(seed)`` from a normal
        distribution with mean 0 and standard deviation ``scale`` times

        - ``"he"`` (default, suits ReLU): ``sqrt(2 / n_inputs)``;
        - ``"xavier"`` (Glorot, suits tanh/sigmoid): ``sqrt(2 / (n_inputs + n_outputs))``;
        - ``"normal"``: ``1``.

        Biases start at zero. The same seed always gives the same layer.

        Introduced in: Chapter 4 (Why nonlinearity).

        >>> Layer.random(2, 3, seed=0).shape
        (2, 3)
        """
        n_inputs = check_count(n_inputs, "n_inputs")
        n_outputs = check_count(n_outputs, "n_outputs")
        scale = check_positive(scale, "scale")
        key = init.lower() if isinstance(init, str) else init
        stds = {
            "he": np.sqrt(2.0 / n_inputs),
            "xavier": np.sqrt(2.0 / (n_inputs + n_outputs)),
            "normal": 1.0,
        }
        if key not in stds:
            raise ValueError(f"unknown init {init!r}; choose one of {', '.join(stds)}")
        rng = np.random.default_rng(seed)
        weights = rng.normal(0.0, scale * stds[key], size=(n_inputs, n_outputs))
        return cls(weights, np.zeros(n_outputs), activation)

    def copy(self) -> Layer:
        """An independent copy."""
        return Layer(self._weights, self._bias, self._activation)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Layer):
            return NotImplemented
        return (
            np.array_equal(self._weights, other._weights)
            and np.array_equal(self._bias, other._bias)
            and self._activation == other._activation
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        activation = self._activation.short_repr()
        if self._weights.size <= 12:
            bias = ", ".join(repr(float(v)) for v in self._bias)
            return (
                f"Layer(weights={_matrix_repr(self._weights)}, bias=[{bias}], "
                f"activation={activation})"
            )
        return f"Layer(n_inputs={self.n_inputs}, n_outputs={self.n_outputs}, activation={activation})"
