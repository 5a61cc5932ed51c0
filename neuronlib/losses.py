"""Loss functions: one number saying how far the outputs are from the targets.

Introduced in: Chapter 5 (Dead neurons), where training lowers the loss step by step.

- Mean squared error, ``mse = mean((p − t)²)``, for any outputs.
- Binary cross-entropy, ``bce = −mean(t ln p + (1 − t) ln(1 − p))``, for probabilities
  ``p`` in ``[0, 1]`` (a sigmoid output) and targets ``t`` in ``{0, 1}`` (or ``[0, 1]``).

Each loss has a ``*_gradient`` giving ``∂loss/∂p`` with the same shape as ``p``. The mean is
over every entry, so the gradient carries a factor ``1/N`` (``N`` = number of entries).

The target may have a different shape from the prediction if it has the same number of
entries (e.g. ``(m,)`` against ``(m, 1)``); it is reshaped to match.

>>> mse([1.0, 2.0], [1.0, 0.0])
2.0
>>> round(binary_cross_entropy([0.5, 0.5], [0.0, 1.0]), 6)
0.693147
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ._checks import MAX_MAGNITUDE, as_array, check_finite, name_key, position
from .activations import sigmoid

__all__ = [
    "BCE_EPSILON",
    "LOSS_NAMES",
    "Loss",
    "binary_cross_entropy",
    "binary_cross_entropy_gradient",
    "binary_cross_entropy_with_preactivation",
    "binary_cross_entropy_with_preactivation_gradient",
    "get_loss",
    "mse",
    "mse_gradient",
]

#: Probabilities are clipped to ``[BCE_EPSILON, 1 − BCE_EPSILON]`` before taking logs, so a
#: confident wrong answer costs at most ``−ln(1e-12) ≈ 27.6`` instead of infinity.
BCE_EPSILON = 1e-12


def _pair(
    pred: Any, target: Any, pred_name: str, limit: float | None = MAX_MAGNITUDE
) -> tuple[np.ndarray, np.ndarray]:
    p = check_finite(as_array(pred, pred_name), pred_name, limit)
    t = check_finite(as_array(target, "target"), "target")
    if p.size == 0:
        raise ValueError(f"{pred_name} is empty; a loss needs at least one value")
    if t.shape != p.shape:
        if t.size != p.size:
            raise ValueError(
                f"target has {t.size} entries (shape {t.shape}) but {pred_name} has {p.size} "
                f"(shape {p.shape}); give one target per output"
            )
        t = t.reshape(p.shape)
    return p, t


def _check_unit_interval(arr: np.ndarray, name: str, hint: str) -> None:
    bad = (arr < 0) | (arr > 1)
    if bad.any():
        index = np.unravel_index(int(np.argmax(bad.ravel())), arr.shape)
        raise ValueError(
            f"{name} must be between 0 and 1 {hint}; got {float(arr[index]):g} "
            f"at position {position(index)}"
        )


def mse(pred: Any, target: Any) -> float:
    """Mean squared error: ``L = (1/N) Σ (p_i − t_i)²``.

    Introduced in: Chapter 5 (Dead neurons).

    >>> mse([0.0, 0.0], [1.0, 3.0])
    5.0
    """
    p, t = _pair(pred, target, "pred")
    return float(np.mean((p - t) ** 2))


def mse_gradient(pred: Any, target: Any) -> np.ndarray:
    """Gradient of the mean squared error: ``∂L/∂p_i = 2 (p_i − t_i) / N``.

    Introduced in: Chapter 5 (Dead neurons).

    >>> mse_gradient([0.0, 0.0], [1.0, 3.0])
    array([-1., -3.])
    """
    p, t = _pair(pred, target, "pred")
    return 2.0 * (p - t) / p.size


def _prob_pair(prob: Any, target: Any) -> tuple[np.ndarray, np.ndarray]:
    p, t = _pair(prob, target, "prob")
    _check_unit_interval(p, "prob", "(probabilities, e.g. sigmoid outputs)")
    _check_unit_interval(t, "target", "(0 or 1 for a yes/no label)")
    return p, t


def binary_cross_entropy(prob: Any, target: Any, eps: float = BCE_EPSILON) -> float:
    """Binary cross-entropy: ``L = −(1/N) Σ [t ln p + (1 − t) ln(1 − p)]``.

    ``p`` is clipped to ``[eps, 1 − eps]`` (default ``eps = 1e-12``) so that ``p = 0`` or
    ``1`` gives a large finite loss instead of ``inf``.

    Introduced in: Chapter 5 (Dead neurons).

    >>> round(binary_cross_entropy([0.9], [1.0]), 6)
    0.105361
    """
    p, t = _prob_pair(prob, target)
    p = np.clip(p, eps, 1.0 - eps)
    return float(-np.mean(t * np.log(p) + (1.0 - t) * np.log1p(-p)))


def binary_cross_entropy_gradient(prob: Any, target: Any, eps: float = BCE_EPSILON) -> np.ndarray:
    """Gradient of binary cross-entropy: ``∂L/∂p = (p − t) / (p (1 − p)) / N``
    (with ``p`` clipped to ``[eps, 1 − eps]`` as in :func:`binary_cross_entropy`).

    Introduced in: Chapter 5 (Dead neurons).

    >>> binary_cross_entropy_gradient([0.5], [1.0])
    array([-2.])
    """
    p, t = _prob_pair(prob, target)
    p = np.clip(p, eps, 1.0 - eps)
    return (p - t) / (p * (1.0 - p)) / p.size


def binary_cross_entropy_with_preactivation(z: Any, target: Any) -> float:
    """Binary cross-entropy of ``p = σ(z)`` computed from the preactivation ``z`` without
    ever forming ``p``: ``L = (1/N) Σ [ln(1 + e^z) − t z]``. Exact and stable for any
    finite ``z`` (no clipping needed).

    Introduced in: Chapter 5 (Dead neurons).

    >>> round(binary_cross_entropy_with_preactivation([0.0], [1.0]), 6)
    0.693147
    """
    z, t = _pair(z, target, "z", limit=None)
    _check_unit_interval(t, "target", "(0 or 1 for a yes/no label)")
    return float(np.mean(np.logaddexp(0.0, z) - t * z))


def binary_cross_entropy_with_preactivation_gradient(z: Any, target: Any) -> np.ndarray:
    """Gradient of :func:`binary_cross_entropy_with_preactivation` with respect to ``z``:
    ``∂L/∂z = (σ(z) − t) / N``.

    Introduced in: Chapter 5 (Dead neurons).

    >>> binary_cross_entropy_with_preactivation_gradient([0.0, 0.0], [1.0, 0.0])
    array([-0.25,  0.25])
    """
    z, t = _pair(z, target, "z", limit=None)
    _check_unit_interval(t, "target", "(0 or 1 for a yes/no label)")
    return (sigmoid(z) - t) / z.size


@dataclass(frozen=True)
class Loss:
    """A named loss with its gradient: ``loss(pred, target)`` is a float,
    ``loss.gradient(pred, target)`` is ``∂loss/∂pred``; ``.formula`` is LaTeX.

    Introduced in: Chapter 5 (Dead neurons).

    >>> get_loss("mse")([1.0], [0.0])
    1.0
    """

    name: str
    function: Callable[[Any, Any], float]
    gradient_function: Callable[[Any, Any], np.ndarray]
    formula: str

    def __call__(self, pred: Any, target: Any) -> float:
        """The loss value."""
        return self.function(pred, target)

    def gradient(self, pred: Any, target: Any) -> np.ndarray:
        """``∂loss/∂pred``, same shape as ``pred``."""
        return self.gradient_function(pred, target)

    def __repr__(self) -> str:
        return f"get_loss({self.name!r})"


_LOSSES = {
    "mse": Loss("mse", mse, mse_gradient, r"L = \frac{1}{N}\sum_i (p_i - t_i)^2"),
    "bce": Loss(
        "bce",
        binary_cross_entropy,
        binary_cross_entropy_gradient,
        r"L = -\frac{1}{N}\sum_i \left[t_i \ln p_i + (1 - t_i)\ln(1 - p_i)\right]",
    ),
}
_ALIASES = {
    "mean_squared_error": "mse",
    "squared_error": "mse",
    "binary_cross_entropy": "bce",
    "cross_entropy": "bce",
    "log_loss": "bce",
}

#: The loss names :func:`get_loss` and :func:`~neuronlib.training.train` accept
#: (also ``"binary_cross_entropy"``, ``"mean_squared_error"``).
LOSS_NAMES: tuple[str, ...] = tuple(_LOSSES)


def get_loss(name: str | Loss) -> Loss:
    """Look up a loss by name (case-insensitive): ``"mse"`` or ``"bce"`` (also
    ``"binary_cross_entropy"``, ``"cross_entropy"``, ``"mean_squared_error"``); a
    :class:`Loss` is passed through. Unknown names raise ``ValueError``.

    Introduced in: Chapter 5 (Dead neurons).

    >>> get_loss("BCE").name
    'bce'
    """
    if isinstance(name, Loss):
        return name
    key = name_key(name, "loss", "'mse' or 'bce'", _ALIASES)
    if key not in _LOSSES:
        raise ValueError(
            f"unknown loss {name!r}; valid names are {', '.join(LOSS_NAMES)} "
            f"(mean squared error, binary cross-entropy)"
        )
    return _LOSSES[key]
