"""Input checks shared by every module: turn what a reader typed into clean numpy arrays,
or stop with one sentence that says what was expected and what came.

Introduced in: Chapter 1 (What a neuron computes). Readers never call these directly;
they are why ``Neuron([1, 2])([1, 2, 3])`` says
``x has 3 features but the neuron has 2 weights`` instead of a numpy traceback.

The size limit
--------------
Every number that goes *into* a neuron, layer, network, hyperplane or loss (weights,
bias, inputs, targets) must be finite and at most ``MAX_MAGNITUDE = 1e150`` in size.
Beyond that, products such as ``w * x`` exceed the largest float (about ``1.8e308``) and
would silently become ``inf`` or ``nan``. Activation functions themselves accept any
finite number.

>>> as_vector([1, 2.5], "weights")
array([1. , 2.5])
>>> check_positive(0.1, "learning_rate")
0.1
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from typing import Any

import numpy as np

#: Largest magnitude accepted for weights, biases and inputs (see the module docstring).
MAX_MAGNITUDE = 1e150


def position(index: tuple[int, ...]) -> str:
    """Where an entry sits, as an error message says it: ``(4,)`` -> ``'4'``; ``(1, 0)`` -> ``'(1, 0)'``; ``()`` -> ``''``."""
    if len(index) == 1:
        return str(int(index[0]))
    return "(" + ", ".join(str(int(i)) for i in index) + ")"


def _verb(name: str) -> str:
    """``weights contain``, ``inputs contain``, but ``bias contains`` and ``x contains``."""
    return "contain" if name.endswith("s") and not name.endswith("bias") else "contains"


def as_array(x: Any, name: str = "x") -> np.ndarray:
    """Convert ``x`` to a float numpy array (a new copy) of any shape.

    Raises ``TypeError`` for booleans, strings, ``None`` and other non-numbers, and
    ``ValueError`` for ragged nested lists. Does not check finiteness (see
    :func:`check_finite`).

    >>> as_array([[1, 2], [3, 4]], "X").shape
    (2, 2)
    """
    if x is None:
        raise TypeError(f"{name} must be numbers; got None")
    if isinstance(x, (str, bytes)):
        raise TypeError(f"{name} must be numbers; got the string {x!r}")
    if isinstance(x, (bool, np.bool_)):
        raise TypeError(f"{name} must be a number, not a boolean ({x!r}); use 1.0 or 0.0")
    if isinstance(x, (list, tuple)):
        try:
            objects = np.asarray(x, dtype=object)
        except ValueError:  # pragma: no cover - numpy may refuse some ragged nestings
            objects = None
        if objects is not None:
            for value in objects.ravel():
                if isinstance(value, (bool, np.bool_)):
                    raise TypeError(
                        f"{name} must be numbers, not booleans (found {value!r}); use 1.0 or 0.0"
                    )
                if isinstance(value, (str, bytes)):
                    raise TypeError(f"{name} must be numbers; found the string {value!r}")
                if value is None:
                    raise TypeError(f"{name} must be numbers; found None")
    try:
        arr = np.asarray(x)
    except ValueError:
        raise ValueError(
            f"{name} must be a rectangular array of numbers (every row the same length)"
        ) from None
    kind = arr.dtype.kind
    if kind == "b":
        raise TypeError(f"{name} must be numbers, not booleans; use 1.0 and 0.0")
    if kind in "USa":
        raise TypeError(f"{name} must be numbers; got strings (dtype {arr.dtype})")
    if kind == "c":
        raise TypeError(f"{name} must be real numbers; got complex numbers")
    if kind not in "iuf":
        try:
            arr = arr.astype(float)
        except (TypeError, ValueError):
            raise TypeError(
                f"{name} must be numbers, e.g. a list of floats or a numpy array; "
                f"got {type(x).__name__}"
            ) from None
        if arr.dtype.kind != "f":  # pragma: no cover - astype(float) always gives floats
            raise TypeError(f"{name} must be numbers; got {type(x).__name__}")
    return np.array(arr, dtype=float, copy=True)


def check_finite(arr: np.ndarray, name: str = "x", limit: float | None = MAX_MAGNITUDE) -> np.ndarray:
    """Raise ``ValueError`` if ``arr`` holds NaN, infinity, or (when ``limit`` is given) a
    number larger than ``limit`` in size; return ``arr`` unchanged otherwise.

    The message names the first bad position, e.g.
    ``inputs contain NaN at position 4; expected finite numbers``.

    >>> check_finite(np.array([1.0, 2.0]), "inputs")
    array([1., 2.])
    """
    arr = np.asarray(arr)
    finite = np.isfinite(arr)
    if not finite.all():
        index = np.unravel_index(int(np.argmin(finite.ravel())), arr.shape)
        value = arr[index]
        what = "NaN" if np.isnan(value) else ("inf" if value > 0 else "-inf")
        at = f" at position {position(index)}" if arr.ndim else ""
        raise ValueError(f"{name} {_verb(name)} {what}{at}; expected finite numbers")
    if limit is not None and arr.size:
        size = np.abs(arr)
        if size.max() > limit:
            index = np.unravel_index(int(np.argmax(size.ravel())), arr.shape)
            at = f" at position {position(index)}" if arr.ndim else ""
            raise ValueError(
                f"{name} {_verb(name)} {float(arr[index]):.3g}{at}, which is too large: "
                f"neuronlib accepts numbers up to {limit:g} in size, because larger ones "
                f"overflow when multiplied (w * x would exceed the largest float, about 1.8e308)"
            )
    return arr


def as_float(value: Any, name: str, limit: float | None = MAX_MAGNITUDE) -> float:
    """One finite real number as a Python ``float`` (``TypeError`` for booleans/strings).

    >>> as_float(2, "bias")
    2.0
    """
    arr = as_array(value, name)
    if arr.ndim != 0:
        if arr.size == 1:
            arr = arr.reshape(())
        else:
            raise ValueError(f"{name} must be a single number; got an array of shape {arr.shape}")
    check_finite(arr, name, limit)
    return float(arr)


def as_vector(x: Any, name: str = "x", length: int | None = None) -> np.ndarray:
    """A non-empty 1-D float array (a copy), optionally of a given ``length``.

    Raises e.g. ``weights must be a 1-D sequence of numbers; got shape (2, 3)``.

    >>> as_vector((3, 4), "weights", length=2)
    array([3., 4.])
    """
    arr = as_array(x, name)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D sequence of numbers; got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must contain at least one number; got an empty sequence")
    if length is not None and arr.size != length:
        raise ValueError(f"{name} must have {length} entries; got {arr.size}")
    return check_finite(arr, name)


def as_matrix(x: Any, name: str = "weights") -> np.ndarray:
    """A non-empty 2-D float array (a copy).

    >>> as_matrix([[1, 2, 3], [4, 5, 6]]).shape
    (2, 3)
    """
    arr = as_array(x, name)
    if arr.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-D array of shape (n_inputs, n_outputs); got shape {arr.shape}"
        )
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty; got shape {arr.shape}")
    return check_finite(arr, name)


def as_batch(
    x: Any, n_features: int, name: str = "x", owner: str | None = None
) -> tuple[np.ndarray, bool]:
    """Inputs as a 2-D batch ``(m, n_features)`` plus a flag saying whether one vector
    ``(n_features,)`` was given (so the caller can return a single value).

    ``owner`` finishes the mismatch message; by default ``"the neuron has {n} weights"``.

    >>> X, single = as_batch([1.0, 2.0], 2)
    >>> X.shape, single
    ((1, 2), True)
    """
    owner = owner if owner is not None else f"the neuron has {n_features} weights"
    arr = as_array(x, name)
    if arr.ndim == 0:
        if n_features != 1:
            raise ValueError(f"{name} is a single number but {owner}; pass {n_features} numbers")
        arr = arr.reshape(1)
    if arr.ndim == 1:
        single = True
        batch = arr.reshape(1, -1)
    elif arr.ndim == 2:
        single = False
        batch = arr
    else:
        raise ValueError(
            f"{name} must be one input (n_features,) or a batch (n_samples, n_features); "
            f"got shape {arr.shape}"
        )
    if batch.shape[1] != n_features:
        raise ValueError(f"{name} has {batch.shape[1]} features but {owner}")
    check_finite(batch[0] if single else batch, name)
    return batch, single


def check_positive(value: Any, name: str) -> float:
    """A positive finite number, e.g. a learning rate; otherwise
    ``learning_rate must be a positive number; got -0.1``.

    >>> check_positive(3, "alpha")
    3.0
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.ndarray)):
        raise TypeError(f"{name} must be a positive number; got {value!r} ({type(value).__name__})")
    number = as_float(value, name, limit=None)
    if not number > 0:
        raise ValueError(f"{name} must be a positive number; got {number!r}")
    return number


def check_count(value: Any, name: str, minimum: int = 1) -> int:
    """A whole number at least ``minimum`` (e.g. ``n``, ``epochs``, ``n_inputs``).

    >>> check_count(3, "n")
    3
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Integral,)):
        raise TypeError(f"{name} must be a whole number; got {value!r} ({type(value).__name__})")
    if value < minimum:
        what = "a positive whole number" if minimum == 1 else f"a whole number >= {minimum}"
        raise ValueError(f"{name} must be {what}; got {value}")
    return int(value)


def check_result(arr: Any, what: str) -> None:
    """Raise ``ValueError`` if a computed result overflowed to inf/NaN.

    >>> check_result(np.array([1.0]), "the output")
    """
    if not np.all(np.isfinite(arr)):
        raise ValueError(
            f"{what} overflowed (became inf or NaN): the numbers grew beyond what floating "
            f"point can hold (about 1.8e308); use smaller weights, inputs or learning rate"
        )


def checked(name: str, check: Callable[[Any, Any], Any], doc: str) -> property:
    """An attribute checked every time it is set, so a slider or a training loop cannot leave
    an object in a broken state: ``obj.name = value`` stores ``check(obj, value)`` (which
    raises for a bad value) as ``obj._name``.

    >>> class Unit:
    ...     bias = checked("bias", lambda unit, value: as_float(value, "bias"), "The bias.")
    >>> unit = Unit()
    >>> unit.bias = 2
    >>> unit.bias
    2.0
    """
    private = "_" + name

    def get(obj: Any) -> Any:
        return getattr(obj, private)

    def set_(obj: Any, value: Any) -> None:
        setattr(obj, private, check(obj, value))

    return property(get, set_, doc=doc)


def as_limits(lim: Any, name: str) -> tuple[float, float]:
    """An axis range ``(low, high)``: two finite numbers with ``low < high``, e.g. ``xlim``.

    >>> as_limits([-3, 3], "xlim")
    (-3.0, 3.0)
    """
    try:
        values = as_array(lim, name)
    except TypeError:
        raise TypeError(f"{name} must be two numbers (low, high); got {lim!r}") from None
    if values.ndim != 1:
        raise TypeError(f"{name} must be two numbers (low, high); got {lim!r}")
    if values.size != 2:
        raise ValueError(f"{name} must be two numbers (low, high); got {values.size} numbers")
    low, high = (float(v) for v in check_finite(values, name))
    if not low < high:
        raise ValueError(f"{name} must be (low, high) with low < high; got ({low:g}, {high:g})")
    return low, high


def name_key(name: Any, what: str, example: str, aliases: dict[str, str]) -> str:
    """A name as typed (``"Leaky-ReLU"``, ``" BCE"``) in the form the tables use
    (``"leaky_relu"``, ``"bce"``): stripped, lower case, ``-`` and spaces as ``_``, aliases
    resolved. Raises ``TypeError`` for anything but a string; the caller says whether the
    key is known.

    >>> name_key("Leaky-ReLU", "activation", "'relu'", {})
    'leaky_relu'
    """
    if not isinstance(name, str):
        raise TypeError(f"{what} must be a name such as {example}; got {name!r} ({type(name).__name__})")
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    return aliases.get(key, key)


def list_of(items: Any, kind: type, name: str, empty: str) -> list:
    """``items`` as a list of ``kind`` objects; ``ValueError(empty)`` if there are none, and a
    ``TypeError`` naming the first item of another type.

    >>> list_of((1.0, 2.0), float, "numbers", "no numbers")
    [1.0, 2.0]
    """
    items = list(items)
    if not items:
        raise ValueError(empty)
    for i, item in enumerate(items):
        if not isinstance(item, kind):
            raise TypeError(f"{name}[{i}] must be a {kind.__name__}; got {type(item).__name__}")
    return items
