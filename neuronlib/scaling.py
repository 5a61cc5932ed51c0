"""Putting inputs on a common scale: standardising.

Introduced in: Chapter 1 (What a neuron computes).

Each input column is shifted by its mean and divided by its standard deviation,

    x' = (x − mean) / std,

so every column has mean 0 and standard deviation 1 whatever its unit (metres, feet,
kilograms, grams). A weight then means the same thing on every input: how much ``z``
changes when that input moves by one standard deviation.

>>> X = np.array([[1.0, 100.0], [3.0, 300.0]])
>>> standardise(X)[0].tolist()
[[-1.0, -1.0], [1.0, 1.0]]
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._checks import as_array, check_finite

__all__ = ["standardise", "standardize"]


def standardise(X: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(X', mean, std)`` with ``X' = (X − mean) / std`` column by column; ``X`` has shape
    ``(m, n)`` (rows are samples). ``mean`` and ``std`` (shape ``(n,)``) let you apply the
    same change to new inputs: ``(x − mean) / std``.

    Introduced in: Chapter 1 (What a neuron computes).

    >>> Xs, mean, std = standardise([[0.0], [2.0], [4.0]])
    >>> mean.tolist(), [round(s, 4) for s in std.tolist()]
    ([2.0], [1.633])
    """
    X = as_array(X, "X")
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array of shape (samples, inputs); got shape {X.shape}")
    check_finite(X, "X")
    if X.shape[0] < 2:
        raise ValueError(f"standardising needs at least 2 samples (rows); got {X.shape[0]}")
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    flat = np.flatnonzero(std == 0)
    if flat.size:
        raise ValueError(
            f"column {int(flat[0])} has the same value in every row, so it has no spread to divide by"
        )
    return (X - mean) / std, mean, std


#: The US spelling of :func:`standardise`.
standardize = standardise
