"""Small seeded toy data sets: two inputs, a yes/no label.

Introduced in: Chapter 1 (What a neuron computes) for :func:`height_weight`; the others
arrive with the chapters that need them (Chapter 2: :func:`blobs`, Chapter 4: :func:`xor`,
:func:`moons`, :func:`circles`, Chapter 8: :func:`spiral` and :func:`train_test_split`).

Every function returns ``(X, y)``: ``X`` of shape ``(n, 2)`` (rows are samples) and
``y`` of shape ``(n,)`` holding the integers 0 and 1. The same ``seed`` always gives the
same data (``np.random.default_rng(seed)``). Rows are shuffled, so the classes are mixed.

>>> X, y = xor(n=8, seed=0)
>>> X.shape, y.shape, sorted(set(y.tolist()))
((8, 2), (8,), [0, 1])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ._checks import as_float, check_count, name_key

__all__ = ["DATASET_NAMES", "blobs", "circles", "height_weight", "load", "moons", "spiral", "train_test_split", "xor"]

Data = tuple[np.ndarray, np.ndarray]


def _noise(noise: Any) -> float:
    value = as_float(noise, "noise")
    if value < 0:
        raise ValueError(f"noise must be zero or positive (a standard deviation); got {value:g}")
    return value


def _split(n: int, parts: int) -> list[int]:
    """``n`` as ``parts`` near-equal counts, e.g. 10 in 4 -> [3, 3, 2, 2]."""
    return [n // parts + (1 if i < n % parts else 0) for i in range(parts)]


def _shuffled(rng: np.random.Generator, X: np.ndarray, y: np.ndarray) -> Data:
    order = rng.permutation(len(y))
    return X[order], y[order].astype(int)


def blobs(n: int = 100, seed: int = 0, noise: float = 0.6) -> Data:
    """Two round clouds of points, linearly separable.

    Class 0 is centred at ``(-1.5, -1.5)``, class 1 at ``(1.5, 1.5)``; each coordinate
    gets normal noise with standard deviation ``noise``. Points that would land on the
    wrong side of the line ``x1 + x2 = 0``, or within 0.1 of it, are drawn again, so the
    line always separates the classes (one neuron can classify them perfectly).

    Introduced in: Chapter 2 (From y = mx + b to hyperplanes).

    >>> X, y = blobs(n=6, seed=1)
    >>> bool(np.all((X.sum(axis=1) > 0) == (y == 1)))
    True
    """
    n, noise = check_count(n, "n"), _noise(noise)
    rng = np.random.default_rng(seed)
    counts = _split(n, 2)
    parts = []
    for label, count in enumerate(counts):
        sign = 1.0 if label == 1 else -1.0
        centre = sign * np.array([1.5, 1.5])
        points = np.empty((0, 2))
        while len(points) < count:
            draw = centre + rng.normal(0.0, noise, size=(count, 2))
            # signed distance from x1 + x2 = 0, positive on this class's side
            keep = sign * draw.sum(axis=1) / np.sqrt(2.0) > 0.1
            points = np.vstack([points, draw[keep]])
        parts.append(points[:count])
    X = np.vstack(parts)
    y = np.repeat([0, 1], counts)
    return _shuffled(rng, X, y)


def height_weight(n: int = 200, seed: int = 0) -> Data:
    """People's height (metres) and body mass (kilograms), labelled 1 for "obese" when the
    body-mass index ``BMI = mass / height²`` is at least 30, else 0.

    Column 0 is the height, column 1 the body mass: what everyday speech calls a person's
    *weight*. The book says "body mass" so that "weights" always means a neuron's weights.

    Heights are normal around 1.70 m (sd 0.10 m, kept within 1.45–2.05 m, rounded to the
    centimetre); BMIs are log-normal around 26 (kept within 16–50), so about one person in
    five is labelled obese. Body mass is ``BMI × height²`` rounded to 0.1 kg, and the label
    is computed from the rounded numbers you get, so ``y == (X[:, 1] / X[:, 0]**2 >= 30)``
    exactly. The boundary ``mass = 30 × height²`` is a curve, not a line: one neuron can
    only approximate it (:func:`neuronlib.body_mass.tangent_neuron` does so well over this
    range).

    Introduced in: Chapter 1 (What a neuron computes).

    >>> X, y = height_weight(n=3, seed=0)
    >>> X.round(2).tolist(), y.tolist()
    ([[1.71, 77.4], [1.69, 67.8], [1.76, 85.6]], [0, 0, 0])
    """
    n = check_count(n, "n")
    rng = np.random.default_rng(seed)
    height = np.round(np.clip(rng.normal(1.70, 0.10, size=n), 1.45, 2.05), 2)
    bmi = np.clip(np.exp(rng.normal(np.log(26.0), 0.17, size=n)), 16.0, 50.0)
    mass = np.round(bmi * height**2, 1)
    X = np.column_stack([height, mass])
    y = (mass / height**2 >= 30.0).astype(int)
    return X, y


def xor(n: int = 200, seed: int = 0, noise: float = 0.25) -> Data:
    """The XOR pattern: four clusters at ``(±1, ±1)`` with normal noise (standard deviation
    ``noise``); label 1 where the two coordinates have opposite signs (clusters
    ``(1, −1)`` and ``(−1, 1)``), 0 at ``(1, 1)`` and ``(−1, −1)``. No single line
    separates the classes.

    Introduced in: Chapter 4 (Why nonlinearity).

    >>> X, y = xor(n=400, seed=0, noise=0.1)
    >>> bool(np.all((X[:, 0] * X[:, 1] < 0) == (y == 1)))
    True
    """
    n, noise = check_count(n, "n"), _noise(noise)
    rng = np.random.default_rng(seed)
    centres = np.array([[1.0, 1.0], [-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0]])
    labels = np.array([0, 0, 1, 1])
    counts = _split(n, 4)
    X = np.vstack([c + rng.normal(0.0, noise, size=(k, 2)) for c, k in zip(centres, counts)])
    y = np.repeat(labels, counts)
    return _shuffled(rng, X, y)


def moons(n: int = 200, seed: int = 0, noise: float = 0.1) -> Data:
    """Two interleaving half circles: class 0 on ``(cos t, sin t)``, class 1 on
    ``(1 − cos t, 0.5 − sin t)``, with ``t`` uniform in ``[0, π]`` and normal noise
    (standard deviation ``noise``) added to each coordinate.

    Introduced in: Chapter 4 (Why nonlinearity).

    >>> X, y = moons(n=10, seed=0, noise=0.0)
    >>> bool(np.allclose(np.hypot(X[y == 0, 0], X[y == 0, 1]), 1.0))
    True
    """
    n, noise = check_count(n, "n"), _noise(noise)
    rng = np.random.default_rng(seed)
    n0, n1 = _split(n, 2)
    t0, t1 = rng.uniform(0.0, np.pi, size=n0), rng.uniform(0.0, np.pi, size=n1)
    outer = np.column_stack([np.cos(t0), np.sin(t0)])
    inner = np.column_stack([1.0 - np.cos(t1), 0.5 - np.sin(t1)])
    X = np.vstack([outer, inner]) + rng.normal(0.0, noise, size=(n, 2))
    y = np.repeat([0, 1], [n0, n1])
    return _shuffled(rng, X, y)


def circles(n: int = 200, seed: int = 0, noise: float = 0.05, factor: float = 0.5) -> Data:
    """A ring around a disc: class 0 on the circle of radius 1, class 1 on the circle of
    radius ``factor`` (between 0 and 1), at uniform random angles, plus normal noise
    (standard deviation ``noise``). Separable by a circle, never by a line.

    Introduced in: Chapter 4 (Why nonlinearity).

    >>> X, y = circles(n=10, seed=0, noise=0.0, factor=0.3)
    >>> sorted(set(np.hypot(X[:, 0], X[:, 1]).round(6).tolist()))
    [0.3, 1.0]
    """
    n, noise = check_count(n, "n"), _noise(noise)
    factor = as_float(factor, "factor")
    if not 0 < factor < 1:
        raise ValueError(f"factor (inner radius / outer radius) must be between 0 and 1; got {factor:g}")
    rng = np.random.default_rng(seed)
    n0, n1 = _split(n, 2)
    angles = rng.uniform(0.0, 2 * np.pi, size=n)
    radius = np.concatenate([np.ones(n0), np.full(n1, factor)])
    X = np.column_stack([radius * np.cos(angles), radius * np.sin(angles)])
    X = X + rng.normal(0.0, noise, size=(n, 2))
    y = np.repeat([0, 1], [n0, n1])
    return _shuffled(rng, X, y)


def spiral(n: int = 200, seed: int = 0, noise: float = 0.05, turns: float = 1.25) -> Data:
    """Two spiral arms wound around each other: a point at ``t`` (uniform in ``[0, 1]``) lies at
    radius ``t`` and angle ``2π · turns · t``, plus ``π`` for class 1 (the second arm is the
    first turned half a circle), with normal noise (standard deviation ``noise``) added to each
    coordinate. Neither a line nor a circle separates the arms: the boundary winds between them.

    Introduced in: Chapter 8 (A small network learns).

    >>> X, y = spiral(n=8, seed=0, noise=0.0)
    >>> radius = np.hypot(X[:, 0], X[:, 1])
    >>> bool(np.all(radius <= 1.0)), sorted(set(y.tolist()))
    (True, [0, 1])
    """
    n, noise = check_count(n, "n"), _noise(noise)
    turns = as_float(turns, "turns")
    if turns <= 0:
        raise ValueError(f"turns must be positive (how often each arm winds around); got {turns:g}")
    rng = np.random.default_rng(seed)
    counts = _split(n, 2)
    y = np.repeat([0, 1], counts)
    t = rng.uniform(0.0, 1.0, size=n)
    angle = 2 * np.pi * turns * t + np.pi * y
    X = np.column_stack([t * np.cos(angle), t * np.sin(angle)]) + rng.normal(0.0, noise, size=(n, 2))
    return _shuffled(rng, X, y)


def train_test_split(X: Any, y: Any, test_fraction: float = 0.5) -> tuple[Data, Data]:
    """Split a data set into training and test data: ``((X_train, y_train), (X_test, y_test))``.

    The last ``round(test_fraction · m)`` of the ``m`` rows are the test data, the rest the
    training data. The data sets here come shuffled, so this is a random split, and the same
    seed always gives the same split. A network learns from the training data only; its loss
    on the test data, which it never saw, tells how well it does on new points.

    Introduced in: Chapter 8 (A small network learns).

    >>> (X_train, y_train), (X_test, y_test) = train_test_split(*xor(n=10, seed=0), test_fraction=0.3)
    >>> X_train.shape, X_test.shape
    ((7, 2), (3, 2))
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or y.shape != (len(X),):
        raise ValueError(f"X must be a table (m, n) with one label per row in y; got X of shape "
                         f"{X.shape} and y of shape {y.shape}")
    fraction = as_float(test_fraction, "test_fraction")
    n_test = int(round(fraction * len(X)))
    if not 0 < fraction < 1 or not 0 < n_test < len(X):
        raise ValueError(f"test_fraction must leave at least one row for training and one for testing "
                         f"(between 0 and 1); got {fraction:g} of {len(X)} rows")
    cut = len(X) - n_test
    return (X[:cut], y[:cut]), (X[cut:], y[cut:])


_DATASETS: dict[str, Callable[..., Data]] = {
    "blobs": blobs,
    "height_weight": height_weight,
    "xor": xor,
    "moons": moons,
    "circles": circles,
    "spiral": spiral,
}

#: Names accepted by :func:`load`.
DATASET_NAMES: tuple[str, ...] = tuple(_DATASETS)


def load(name: str, **options: Any) -> Data:
    """One of the data sets by name (case-insensitive), with its options, e.g.
    ``load("xor", n=100, seed=3)``.

    Introduced in: Chapter 4 (Why nonlinearity).

    >>> load("Moons", n=5)[0].shape
    (5, 2)
    """
    key = name_key(name, "data set", "'xor'", {})
    if key not in _DATASETS:
        raise ValueError(f"unknown data set {name!r}; valid names are {', '.join(DATASET_NAMES)}")
    return _DATASETS[key](**options)
