"""The dot product as a projection: ``w·x = ||w|| ||x|| cos θ``.

Introduced in: Chapter 2 (From y = mx + b to hyperplanes).

``||x|| cos θ`` is the signed length of the *shadow* that ``x`` casts on the line through
``w`` (positive when the shadow falls the way ``w`` points). So ``w·x`` is the length of
``w`` times that shadow, and a neuron's ``z = w·x + b`` grows by ``||w||`` for every step
of 1 that an input's shadow moves along ``w``.

>>> round(angle_degrees([1.0, 0.0], [1.0, 1.0]), 6)
45.0
>>> scalar_projection([3.0, 4.0], onto=[1.0, 0.0])
3.0
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._checks import as_vector

__all__ = ["angle_degrees", "scalar_projection"]


def _pair(u: Any, v: Any, u_name: str, v_name: str) -> tuple[np.ndarray, np.ndarray]:
    u, v = as_vector(u, u_name), as_vector(v, v_name)
    if u.size != v.size:
        raise ValueError(f"{u_name} and {v_name} must have the same length; got {u.size} and {v.size}")
    return u, v


def _length(v: np.ndarray, name: str) -> float:
    length = float(np.linalg.norm(v))
    if length == 0.0:
        raise ValueError(f"{name} has length 0, so it has no direction; give a non-zero vector")
    return length


def angle_degrees(u: Any, v: Any) -> float:
    """The angle θ between two non-zero vectors, in degrees (0 to 180), from
    ``cos θ = u·v / (||u|| ||v||)``.

    Computed as ``2·atan2(|| ||v||u − ||u||v ||, || ||v||u + ||u||v ||)``, which equals the
    arccos formula but stays accurate for nearly parallel vectors.

    Introduced in: Chapter 2 (From y = mx + b to hyperplanes).

    >>> round(angle_degrees([1.0, 0.0], [0.0, 2.0]), 6)  # at right angles: u·v = 0
    90.0
    >>> round(angle_degrees([1.0, 1.0], [-1.0, -1.0]), 6)  # opposite directions
    180.0
    """
    u, v = _pair(u, v, "u", "v")
    nu, nv = _length(u, "u"), _length(v, "v")
    a, b = nv * u, nu * v
    return float(np.degrees(2.0 * np.arctan2(np.linalg.norm(a - b), np.linalg.norm(a + b))))


def scalar_projection(x: Any, onto: Any) -> float:
    """The signed length of the shadow of ``x`` on the line through ``onto``:
    ``x·onto / ||onto|| = ||x|| cos θ``, with θ the angle between them.

    Positive when the shadow falls the way ``onto`` points, negative when it falls the
    other way, zero when ``x`` is at right angles to ``onto``.

    Introduced in: Chapter 2 (From y = mx + b to hyperplanes).

    >>> scalar_projection([2.0, 1.0], onto=[0.0, 5.0])  # the shadow on the vertical axis
    1.0
    >>> scalar_projection([-3.0, 0.0], onto=[1.0, 0.0])
    -3.0
    """
    x, onto = _pair(x, onto, "x", "onto")
    return float(np.dot(x, onto) / _length(onto, "onto"))
