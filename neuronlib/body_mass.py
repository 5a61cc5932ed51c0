"""The body-mass index rule behind :func:`neuronlib.data.height_weight`, and the one
neuron that copies it best near a chosen height.

Introduced in: Chapter 1 (What a neuron computes).

A person's *body mass* (in kilograms; everyday speech calls it their weight, the book does
not, to keep that word for a neuron's weights) and height (in metres) give the body-mass
index ``BMI = mass / height²``. The people with ``BMI = 30`` lie on the curve
``mass = 30 · height²``: a parabola, not a line. A neuron's boundary is a line, so the
closest a neuron can come near one height ``h0`` is the parabola's *tangent* there:

    mass = 30 · h0² + 60 · h0 · (height − h0)

The parabola bends upwards, so it lies above its tangent everywhere except at ``h0``,
by exactly ``30 · (height − h0)²`` kilograms (:func:`tangent_gap`).

>>> round(body_mass_index(1.70, 86.7), 3)
30.0
>>> neuron = tangent_neuron(1.70)
>>> neuron.weights.round(9).tolist(), round(neuron.bias, 9)
([-102.0, 1.0], 86.7)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._checks import as_array, as_float, check_finite, check_positive
from .activations import Activation
from .neuron import Neuron

__all__ = ["FOOT", "body_mass_index", "tangent_gap", "tangent_neuron"]

#: One foot in metres (exactly, by definition).
FOOT = 0.3048


def _heights(height: Any) -> np.ndarray:
    arr = check_finite(as_array(height, "height"), "height")
    if np.any(arr <= 0):
        raise ValueError("height must be positive (in metres)")
    return arr


def _result(arr: np.ndarray) -> float | np.ndarray:
    return float(arr) if arr.ndim == 0 else arr


def body_mass_index(height: Any, mass: Any) -> float | np.ndarray:
    """``BMI = mass / height²`` with height in metres and body mass in kilograms; a number
    or an array (numpy broadcasting).

    Introduced in: Chapter 1 (What a neuron computes).

    >>> round(body_mass_index(4 * FOOT, 80.0), 1)  # 4 ft and 80 kg
    53.8
    """
    h = _heights(height)
    m = check_finite(as_array(mass, "mass"), "mass")
    return _result(m / h**2)


def tangent_neuron(height: float, bmi: float = 30.0, activation: str | Activation = "sigmoid") -> Neuron:
    """The neuron whose line (``z = 0``) is the tangent to the curve ``mass = bmi · height²``
    at the given height: inputs (height in m, body mass in kg),

    ``z = mass − 2·bmi·h0·height + bmi·h0²``, so weights ``(−2·bmi·h0, 1)``, bias ``bmi·h0²``.

    ``z`` is how many kilograms a person weighs above the tangent line; ``z ≥ 0`` says
    "BMI at least ``bmi``", which is right exactly at ``h0`` and a little too eager elsewhere.

    Introduced in: Chapter 1 (What a neuron computes).

    >>> abs(tangent_neuron(1.70).preactivation([1.70, 86.7])) < 1e-9  # on the curve at h0
    True
    """
    h0 = check_positive(height, "height")
    bmi = check_positive(bmi, "bmi")
    return Neuron(weights=[-2.0 * bmi * h0, 1.0], bias=bmi * h0**2, activation=activation)


def tangent_gap(height: Any, at: float, bmi: float = 30.0) -> float | np.ndarray:
    """How many kilograms the curve ``mass = bmi · height²`` lies above its tangent at
    height ``at``: ``bmi · (height − at)²`` (zero at ``at``, positive everywhere else).

    Introduced in: Chapter 1 (What a neuron computes).

    >>> round(tangent_gap(1.50, at=1.70), 6)
    1.2
    """
    h = _heights(height)
    at = check_positive(at, "at")
    bmi = as_float(bmi, "bmi")
    return _result(bmi * (h - at) ** 2)
