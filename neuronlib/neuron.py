"""One artificial neuron: ``output = f(w·x + b)``.

Introduced in: Chapter 1 (What a neuron computes).

A neuron multiplies each input by a weight, adds the products and a bias to get the
preactivation ``z = w·x + b = w1·x1 + ... + wn·xn + b``, then applies an activation
function ``f`` (Chapter 3) to get its output.

>>> neuron = Neuron(weights=[0.5, -1.0], bias=0.25, activation="relu")
>>> neuron.preactivation([2.0, 0.5])
0.75
>>> neuron([2.0, 0.5])
0.75
>>> neuron([[2.0, 0.5], [0.0, 1.0]])
array([0.75, 0.  ])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ._checks import as_batch, as_float, as_vector, check_count, check_positive, checked
from .activations import Activation, get_activation
from .hyperplane import Hyperplane

__all__ = ["Neuron"]


class Neuron:
    """A single neuron with ``weights`` ``w`` (shape ``(n_inputs,)``), a ``bias`` ``b`` and
    an ``activation`` ``f`` (a name such as ``"sigmoid"`` or an :class:`Activation`).

    - ``neuron.preactivation(x)`` is ``z = w·x + b``;
    - ``neuron(x)`` is the output ``f(z)``.

    ``x`` is one input vector of shape ``(n_inputs,)`` (the result is a ``float``) or a
    batch of shape ``(m, n_inputs)`` whose rows are samples (the result has shape ``(m,)``).
    The weights are copied, so changing the list you passed in does not change the neuron.

    Introduced in: Chapter 1 (What a neuron computes).

    >>> Neuron(weights=[0.2, 1e-05], bias=1.0, activation="sigmoid")
    Neuron(weights=[0.2, 1e-05], bias=1.0, activation='sigmoid')
    >>> Neuron([1.0, 1.0], bias=-1.5, activation="step")([1.0, 1.0])  # AND of two inputs
    1.0
    """

    def __init__(
        self,
        weights: Sequence[float] | np.ndarray,
        bias: float = 0.0,
        activation: str | Activation = "relu",
    ) -> None:
        self.weights = weights
        self.bias = bias
        self.activation = activation

    # Checked every time they are set (see checked), so a slider or a training loop cannot
    # leave the neuron in a broken state.
    weights = checked("weights", lambda self, value: as_vector(value, "weights"),
                      "The weights ``w``, one per input (a numpy array).")
    bias = checked("bias", lambda self, value: as_float(value, "bias"),
                   "The bias ``b``: the preactivation when every input is zero.")
    activation = checked("activation", lambda self, value: get_activation(value),
                         "The activation function ``f`` (an :class:`Activation`).")

    @property
    def n_inputs(self) -> int:
        """How many inputs the neuron takes (the number of weights)."""
        return self._weights.size

    def preactivation(self, x: Any) -> float | np.ndarray:
        """``z = w·x + b`` for one input ``(n_inputs,)`` -> float, or a batch
        ``(m, n_inputs)`` -> array ``(m,)``."""
        X, single = as_batch(x, self.n_inputs, "x", f"the neuron has {self.n_inputs} weights")
        z = X @ self._weights + self._bias
        return float(z[0]) if single else z

    def __call__(self, x: Any) -> float | np.ndarray:
        """The output ``f(w·x + b)``: a float for one input, an array ``(m,)`` for a batch."""
        return self._activation(self.preactivation(x))

    @property
    def hyperplane(self) -> Hyperplane:
        """The hyperplane ``w·x + b = 0`` that separates the inputs with ``z > 0`` from those
        with ``z < 0`` (Chapter 2)."""
        return Hyperplane(self._weights, self._bias)

    def copy(self) -> Neuron:
        """An independent copy (changing one does not change the other)."""
        return Neuron(self._weights, self._bias, self._activation)

    @classmethod
    def random(
        cls,
        n_inputs: int,
        activation: str | Activation = "relu",
        seed: int | np.random.Generator | None = 0,
        scale: float = 1.0,
    ) -> Neuron:
        """A neuron whose weights and bias are drawn from a normal distribution with mean 0
        and standard deviation ``scale``, using ``np.random.default_rng(seed)``: the same
        seed always gives the same neuron.

        Introduced in: Chapter 1 (What a neuron computes).

        >>> Neuron.random(3, seed=1) == Neuron.random(3, seed=1)
        True
        """
        n_inputs = check_count(n_inputs, "n_inputs")
        scale = check_positive(scale, "scale")
        rng = np.random.default_rng(seed)
        weights = rng.normal(0.0, scale, size=n_inputs)
        bias = float(rng.normal(0.0, scale))
        return cls(weights, bias, activation)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Neuron):
            return NotImplemented
        return (
            np.array_equal(self._weights, other._weights)
            and self._bias == other._bias
            and self._activation == other._activation
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, so not hashable

    def __repr__(self) -> str:
        weights = ", ".join(repr(float(v)) for v in self._weights)
        return (
            f"Neuron(weights=[{weights}], bias={self._bias!r}, "
            f"activation={self._activation.short_repr()})"
        )
