"""Activation functions: what a neuron does to its preactivation ``z = w·x + b``.

Introduced in: Chapter 3 (Activation functions).

Each function takes ``z`` (a number or a numpy array) and returns the same kind of thing:
a Python ``float`` for a number, an array of the same shape for an array. Each has a
``*_derivative`` partner, used by training (Chapter 5). The :class:`Activation` class
bundles a function, its derivative, its formula and its output range under one name;
:func:`get_activation` finds one by name.

Conventions at the kinks (where the derivative is not defined) follow the deep-learning
frameworks (PyTorch, TensorFlow):

- ``step(0) = 1`` and ``step'(z) = 0`` everywhere (undefined at 0, taken as 0);
- ``relu'(0) = 0``;
- ``leaky_relu'(0) = slope``;
- ``elu'(0) = alpha`` (the left-hand slope; equal to 1, i.e. smooth, when ``alpha = 1``).

Everything is numerically stable: ``sigmoid(1e4)`` is exactly 1.0 and ``sigmoid(-1e4)``
exactly 0.0 with no overflow warning; ``softplus`` uses ``np.logaddexp``. Inputs must be
finite numbers (NaN and infinity raise ``ValueError``).

>>> relu(-2.0), relu(3.0)
(0.0, 3.0)
>>> get_activation("Sigmoid")(0.0)
0.5
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ._checks import as_array, as_float, check_finite, check_positive, name_key

__all__ = [
    "ACTIVATION_NAMES",
    "DEFAULT_PARAMS",
    "SATURATED_SLOPE",
    "Activation",
    "elu",
    "elu_derivative",
    "gelu",
    "gelu_derivative",
    "get_activation",
    "identity",
    "identity_derivative",
    "leaky_relu",
    "leaky_relu_derivative",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "slope_runs",
    "softplus",
    "softplus_derivative",
    "step",
    "step_derivative",
    "swish",
    "swish_derivative",
    "tanh",
    "tanh_derivative",
]

Number = float | np.ndarray

#: The parameters of the parametrised activations and their defaults: Leaky ReLU's ``slope``
#: for ``z <= 0`` and ELU's ``alpha`` (the explorers offer the same numbers).
DEFAULT_PARAMS: dict[str, float] = {"slope": 0.01, "alpha": 1.0}

#: A slope ``f'(z)`` smaller than this in size, but not zero, counts as "saturated": learning
#: there is very slow (see :func:`slope_runs`).
SATURATED_SLOPE = 0.01


def _z(z: Any) -> np.ndarray:
    """``z`` as a float array, finite (any size is fine for activations)."""
    return check_finite(as_array(z, "z"), "z", limit=None)


def _out(result: np.ndarray, z: Any) -> Number:
    """A Python float when the caller passed one number, else the array."""
    return float(result) if np.ndim(z) == 0 else result


# --------------------------------------------------------------------------- functions


def identity(z: Number) -> Number:
    """The identity (linear) activation: ``f(z) = z``.

    Introduced in: Chapter 3 (Activation functions).

    >>> identity(-1.5)
    -1.5
    """
    return _out(_z(z), z)


def identity_derivative(z: Number) -> Number:
    """Derivative of the identity: ``f'(z) = 1``.

    Introduced in: Chapter 3 (Activation functions).

    >>> identity_derivative(7.0)
    1.0
    """
    return _out(np.ones_like(_z(z)), z)


def step(z: Number) -> Number:
    """The step (Heaviside) function: ``f(z) = 1 if z >= 0 else 0``; note ``step(0) = 1``.

    Introduced in: Chapter 3 (Activation functions).

    >>> step(-0.1), step(0.0), step(2.0)
    (0.0, 1.0, 1.0)
    """
    arr = _z(z)
    return _out(np.where(arr >= 0, 1.0, 0.0), z)


def step_derivative(z: Number) -> Number:
    """Derivative of the step: ``f'(z) = 0`` everywhere (undefined at 0, taken as 0).

    This is why a step neuron cannot be trained by gradient descent.

    Introduced in: Chapter 3 (Activation functions).

    >>> step_derivative(0.0)
    0.0
    """
    return _out(np.zeros_like(_z(z)), z)


def _sigmoid(arr: np.ndarray) -> np.ndarray:
    # exp(-|z|) is never larger than 1, so nothing overflows; for |z| >~ 745 it
    # underflows to exactly 0, giving exactly 1.0 or 0.0.
    e = np.exp(-np.abs(arr))
    return np.where(arr >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid(z: Number) -> Number:
    """The logistic sigmoid: ``σ(z) = 1 / (1 + e^(-z))``, output in ``(0, 1)``.

    Computed stably (``e^(-|z|)`` only), so ``sigmoid(±1e4)`` is exactly 1.0 / 0.0
    without overflow warnings.

    Introduced in: Chapter 3 (Activation functions).

    >>> sigmoid(0.0)
    0.5
    """
    return _out(_sigmoid(_z(z)), z)


def sigmoid_derivative(z: Number) -> Number:
    """Derivative of the sigmoid: ``σ'(z) = σ(z) (1 − σ(z))``, at most 0.25 (at ``z = 0``).

    Introduced in: Chapter 3 (Activation functions).

    >>> sigmoid_derivative(0.0)
    0.25
    """
    s = _sigmoid(_z(z))
    return _out(s * (1.0 - s), z)


def tanh(z: Number) -> Number:
    """Hyperbolic tangent: ``tanh(z) = (e^z − e^(-z)) / (e^z + e^(-z))``, output in ``(-1, 1)``.

    Introduced in: Chapter 3 (Activation functions).

    >>> tanh(0.0)
    0.0
    """
    return _out(np.tanh(_z(z)), z)


def tanh_derivative(z: Number) -> Number:
    """Derivative of tanh: ``tanh'(z) = 1 − tanh(z)^2``.

    Introduced in: Chapter 3 (Activation functions).

    >>> tanh_derivative(0.0)
    1.0
    """
    t = np.tanh(_z(z))
    return _out(1.0 - t * t, z)


def relu(z: Number) -> Number:
    """Rectified linear unit: ``relu(z) = max(0, z)``.

    Introduced in: Chapter 3 (Activation functions).

    >>> relu(-3.0), relu(2.5)
    (0.0, 2.5)
    """
    arr = _z(z)
    return _out(np.where(arr > 0, arr, 0.0), z)


def relu_derivative(z: Number) -> Number:
    """Derivative of ReLU: ``1 if z > 0 else 0``; ``relu'(0) = 0`` as in PyTorch/TensorFlow.

    Introduced in: Chapter 3 (Activation functions).

    >>> relu_derivative(0.0), relu_derivative(1.0)
    (0.0, 1.0)
    """
    arr = _z(z)
    return _out(np.where(arr > 0, 1.0, 0.0), z)


def _slope(slope: Any) -> float:
    return as_float(slope, "slope", limit=None)


def leaky_relu(z: Number, slope: float = DEFAULT_PARAMS["slope"]) -> Number:
    """Leaky ReLU: ``f(z) = z if z > 0 else slope · z`` (default ``slope = 0.01``).

    Introduced in: Chapter 3 (Activation functions).

    >>> leaky_relu(-2.0, slope=0.1)
    -0.2
    """
    slope = _slope(slope)
    arr = _z(z)
    return _out(np.where(arr > 0, arr, slope * np.minimum(arr, 0.0)), z)


def leaky_relu_derivative(z: Number, slope: float = DEFAULT_PARAMS["slope"]) -> Number:
    """Derivative of leaky ReLU: ``1 if z > 0 else slope``; ``leaky_relu'(0) = slope``.

    Introduced in: Chapter 3 (Activation functions).

    >>> leaky_relu_derivative(0.0, slope=0.1)
    0.1
    """
    slope = _slope(slope)
    arr = _z(z)
    return _out(np.where(arr > 0, 1.0, slope), z)


def elu(z: Number, alpha: float = DEFAULT_PARAMS["alpha"]) -> Number:
    """Exponential linear unit: ``f(z) = z if z > 0 else alpha (e^z − 1)``; output in
    ``(−alpha, ∞)``.

    Introduced in: Chapter 3 (Activation functions).

    >>> round(elu(-1.0), 6)
    -0.632121
    """
    alpha = check_positive(alpha, "alpha")
    arr = _z(z)
    return _out(np.where(arr > 0, arr, alpha * np.expm1(np.minimum(arr, 0.0))), z)


def elu_derivative(z: Number, alpha: float = DEFAULT_PARAMS["alpha"]) -> Number:
    """Derivative of ELU: ``1 if z > 0 else alpha e^z``; ``elu'(0) = alpha`` (left slope).

    Introduced in: Chapter 3 (Activation functions).

    >>> elu_derivative(0.0)
    1.0
    """
    alpha = check_positive(alpha, "alpha")
    arr = _z(z)
    return _out(np.where(arr > 0, 1.0, alpha * np.exp(np.minimum(arr, 0.0))), z)


def softplus(z: Number) -> Number:
    """Softplus, a smooth ReLU: ``f(z) = ln(1 + e^z)``, output in ``(0, ∞)``.

    Computed as ``np.logaddexp(0, z)`` so large ``z`` never overflows.

    Introduced in: Chapter 3 (Activation functions).

    >>> round(softplus(0.0), 6)
    0.693147
    """
    return _out(np.logaddexp(0.0, _z(z)), z)


def softplus_derivative(z: Number) -> Number:
    """Derivative of softplus: ``f'(z) = σ(z) = 1 / (1 + e^(-z))``.

    Introduced in: Chapter 3 (Activation functions).

    >>> softplus_derivative(0.0)
    0.5
    """
    return _out(_sigmoid(_z(z)), z)


def swish(z: Number) -> Number:
    """Swish, also called SiLU: ``f(z) = z · σ(z)``.

    Introduced in: Chapter 3 (Activation functions).

    >>> swish(0.0)
    0.0
    """
    arr = _z(z)
    return _out(arr * _sigmoid(arr), z)


def swish_derivative(z: Number) -> Number:
    """Derivative of swish: ``f'(z) = σ(z) + z σ(z) (1 − σ(z))``.

    Introduced in: Chapter 3 (Activation functions).

    >>> swish_derivative(0.0)
    0.5
    """
    arr = _z(z)
    s = _sigmoid(arr)
    return _out(s + arr * s * (1.0 - s), z)


_erfc = np.frompyfunc(math.erfc, 1, 1)
_SQRT2 = math.sqrt(2.0)
_SQRT2PI = math.sqrt(2.0 * math.pi)


def _normal_cdf(arr: np.ndarray) -> np.ndarray:
    # Φ(z) = (1 + erf(z/√2)) / 2 = erfc(−z/√2) / 2; the erfc form keeps full precision
    # in the far left tail, where 1 + erf(...) would round to 0.
    return 0.5 * np.asarray(_erfc(-arr / _SQRT2), dtype=float)


def gelu(z: Number) -> Number:
    """Gaussian error linear unit, exact form: ``f(z) = z Φ(z)`` where
    ``Φ(z) = (1 + erf(z/√2)) / 2`` is the standard normal CDF (not the tanh approximation).

    Introduced in: Chapter 3 (Activation functions).

    >>> round(gelu(1.0), 6)
    0.841345
    """
    arr = _z(z)
    return _out(arr * _normal_cdf(arr), z)


def gelu_derivative(z: Number) -> Number:
    """Derivative of the exact GELU: ``f'(z) = Φ(z) + z φ(z)``, where
    ``φ(z) = e^(−z²/2) / √(2π)`` is the standard normal density.

    Introduced in: Chapter 3 (Activation functions).

    >>> gelu_derivative(0.0)
    0.5
    """
    arr = _z(z)
    clipped = np.clip(arr, -40.0, 40.0)  # φ is exactly 0.0 beyond |z| = 40; avoids z² overflow
    density = np.exp(-0.5 * clipped * clipped) / _SQRT2PI
    return _out(_normal_cdf(arr) + arr * density, z)


# --------------------------------------------------------------------------- the class


@dataclass(frozen=True)
class _Spec:
    function: Callable[..., Number]
    derivative: Callable[..., Number]
    formula: str
    defaults: dict[str, float]


_INF = "\u221e"

_SPECS: dict[str, _Spec] = {
    "identity": _Spec(identity, identity_derivative, r"f(z) = z", {}),
    "step": _Spec(
        step, step_derivative, r"f(z) = \begin{cases} 1 & z \ge 0 \\ 0 & z < 0 \end{cases}", {}
    ),
    "sigmoid": _Spec(sigmoid, sigmoid_derivative, r"\sigma(z) = \frac{1}{1 + e^{-z}}", {}),
    "tanh": _Spec(tanh, tanh_derivative, r"\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}", {}),
    "relu": _Spec(relu, relu_derivative, r"\mathrm{ReLU}(z) = \max(0, z)", {}),
    "leaky_relu": _Spec(
        leaky_relu,
        leaky_relu_derivative,
        r"f(z) = \begin{cases} z & z > 0 \\ {slope}\,z & z \le 0 \end{cases}",
        {"slope": DEFAULT_PARAMS["slope"]},
    ),
    "elu": _Spec(
        elu,
        elu_derivative,
        r"f(z) = \begin{cases} z & z > 0 \\ {alpha}\,(e^{z} - 1) & z \le 0 \end{cases}",
        {"alpha": DEFAULT_PARAMS["alpha"]},
    ),
    "softplus": _Spec(softplus, softplus_derivative, r"f(z) = \ln\left(1 + e^{z}\right)", {}),
    "swish": _Spec(swish, swish_derivative, r"f(z) = z\,\sigma(z) = \frac{z}{1 + e^{-z}}", {}),
    "gelu": _Spec(
        gelu,
        gelu_derivative,
        r"f(z) = z\,\Phi(z) = \frac{z}{2}\left(1 + \operatorname{erf}\left(\frac{z}{\sqrt{2}}\right)\right)",
        {},
    ),
}

_ALIASES = {"silu": "swish"}

#: The canonical activation names, in the order Chapter 3 introduces them.
#: ``"silu"`` is also accepted, as another name for ``"swish"``.
ACTIVATION_NAMES: tuple[str, ...] = tuple(_SPECS)


def _canonical(name: Any) -> str:
    key = name_key(name, "activation", "'relu' or an Activation", _ALIASES)
    if key not in _SPECS:
        raise ValueError(
            f"unknown activation {name!r}; valid names are {', '.join(ACTIVATION_NAMES)} "
            f"(and 'silu', another name for 'swish')"
        )
    return key


class Activation:
    """An activation function with its derivative, formula and output range.

    ``Activation("leaky_relu", slope=0.1)`` is the function ``z -> leaky_relu(z, 0.1)``.
    Call it on a number or array; ``.derivative(z)`` gives the slope, ``.formula`` a LaTeX
    string and ``.output_range`` the set of possible outputs, e.g. ``'(0, 1)'``.

    Introduced in: Chapter 3 (Activation functions).

    >>> act = Activation("sigmoid")
    >>> act(0.0), act.derivative(0.0), act.output_range
    (0.5, 0.25, '(0, 1)')
    >>> Activation("leaky_relu", slope=0.1)
    Activation('leaky_relu', slope=0.1)
    """

    def __init__(self, name: str, **params: float) -> None:
        self.name = _canonical(name)
        spec = _SPECS[self.name]
        unknown = sorted(set(params) - set(spec.defaults))
        if unknown:
            takes = (
                f"takes the parameter {', '.join(spec.defaults)}"
                if spec.defaults
                else "takes no parameters"
            )
            raise TypeError(f"{self.name} {takes}; got {', '.join(unknown)}")
        values = dict(spec.defaults)
        for key, value in params.items():
            if key == "alpha":
                values[key] = check_positive(value, "alpha")
            else:
                values[key] = as_float(value, key, limit=None)
        self.params: dict[str, float] = values
        self._spec = spec

    def __call__(self, z: Number) -> Number:
        """The activation's output ``f(z)``."""
        return self._spec.function(z, **self.params)

    def derivative(self, z: Number) -> Number:
        """The slope ``f'(z)`` (same conventions as the ``*_derivative`` functions)."""
        return self._spec.derivative(z, **self.params)

    @property
    def formula(self) -> str:
        """The definition as a LaTeX string (parameters filled in)."""
        text = self._spec.formula
        for key, value in self.params.items():
            text = text.replace("{" + key + "}", f"{value:g}")
        return text

    @property
    def output_range(self) -> str:
        """The set of possible outputs as interval notation, e.g. ``'[0, ∞)'``."""
        inf = _INF
        if self.name == "leaky_relu":
            slope = self.params["slope"]
            return f"(-{inf}, {inf})" if slope > 0 else f"[0, {inf})"
        if self.name == "elu":
            return f"({-self.params['alpha']:g}, {inf})"
        return {
            "identity": f"(-{inf}, {inf})",
            "step": "{0, 1}",
            "sigmoid": "(0, 1)",
            "tanh": "(-1, 1)",
            "relu": f"[0, {inf})",
            "softplus": f"(0, {inf})",
            "swish": f"[-0.278\u2026, {inf})",
            "gelu": f"[-0.169\u2026, {inf})",
        }[self.name]

    @property
    def is_default(self) -> bool:
        """True when every parameter has its default value (e.g. ``slope = 0.01``)."""
        return self.params == self._spec.defaults

    def __repr__(self) -> str:
        params = "".join(f", {key}={value!r}" for key, value in self.params.items())
        return f"Activation({self.name!r}{params})"

    def short_repr(self) -> str:
        """The name alone when the parameters are the defaults (``'relu'``), else the full
        repr; what Neuron, Layer and Network print for their activation."""
        return repr(self.name) if self.is_default else repr(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Activation):
            return NotImplemented
        return self.name == other.name and self.params == other.params

    def __hash__(self) -> int:
        return hash((self.name, tuple(sorted(self.params.items()))))


def get_activation(name_or_activation: str | Activation, **params: float) -> Activation:
    """Look up an activation by name (case-insensitive; ``"silu"`` means ``"swish"``),
    or pass an :class:`Activation` through. Parameters override the defaults:
    ``get_activation("leaky_relu", slope=0.1)``.

    Unknown names raise ``ValueError`` listing the valid names.

    Introduced in: Chapter 3 (Activation functions).

    >>> get_activation("ReLU")
    Activation('relu')
    >>> get_activation("leaky_relu", slope=0.2)(-1.0)
    -0.2
    """
    if isinstance(name_or_activation, Activation):
        if not params:
            return name_or_activation
        return Activation(name_or_activation.name, **{**name_or_activation.params, **params})
    return Activation(name_or_activation, **params)


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """Index ranges ``(first, last)``, both included, where ``mask`` is True."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(int), [0]])))
    return [(int(a), int(b) - 1) for a, b in zip(edges[::2], edges[1::2])]


def slope_runs(slopes: Any) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where slopes sampled along a grid of ``z`` are exactly zero (``f' = 0``: no gradient at
    all), and where they are small but not zero (``0 < |f'| < SATURATED_SLOPE``: "saturated"):
    ``(zero runs, saturated runs)``, each a list of maximal runs of neighbouring samples as
    index pairs ``(first, last)``, both included.

    Introduced in: Chapter 3 (Activation functions).

    >>> slope_runs([0.0, 0.0, 0.005, 1.0, 0.0])
    ([(0, 1), (4, 4)], [(2, 2)])
    """
    d = np.asarray(slopes, dtype=float)
    return _runs(d == 0), _runs((d != 0) & (np.abs(d) < SATURATED_SLOPE))
