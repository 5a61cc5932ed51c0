"""The toy data sets the training explorer offers, from neuronlib.data (embedded in the page)."""

from __future__ import annotations

import numpy as np


def load(name, n: int = 100) -> tuple[np.ndarray, np.ndarray, str]:
    """(X, y, name) for ``n`` points of the data set ``name`` of :mod:`neuronlib.data` (seed 0),
    or for ``(X, y)`` given directly; X has two columns and y holds class labels 0 and 1."""
    if isinstance(name, str):
        from neuronlib import data

        X, y = data.load(name, n=n, seed=0)
    else:
        X, y = name
        name = "custom"
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    if X.ndim != 2 or X.shape[1] != 2 or len(X) != len(y) or len(X) == 0:
        raise ValueError(f"data must be 2-D inputs X of shape (m, 2) with one label per row; "
                         f"got X of shape {X.shape} and {len(y)} labels")
    if not np.all(np.isfinite(X)) or not np.all((y == 0) | (y == 1)):
        raise ValueError("data must have finite inputs and labels 0 or 1")
    return X, y, name
