"""How one neuron learns: finite-difference checks, mini-batches, and the path of descent.

Introduced in: Chapter 6 (How a neuron learns its weights).

:func:`neuronlib.training.gradients` gives the gradient by the chain rule and
:func:`neuronlib.training.train` takes full-batch steps. This module adds, for one
:class:`~neuronlib.neuron.Neuron`:

- :func:`numerical_gradient`: the same slopes measured by nudging each parameter, a check on
  the chain rule that uses no calculus at all;
- :func:`train_in_batches`: gradient descent on mini-batches (``batch_size`` examples per
  step; ``None`` is the full batch, ``1`` one example at a time);
- :func:`descent_path`: every weight and bias visited by full-batch gradient descent, which
  stops (instead of failing) once the loss passes ``stop_above``;
- :func:`loss_grid`: the loss over a grid of one weight and the bias (the loss surface);
- :func:`steps_to_reach`: the first step at which a loss curve is at or below a target;
- :func:`in_original_units`: a neuron trained on standardised inputs, rewritten for the
  inputs in their own units.

>>> X, y = [[0.0], [1.0]], [0.0, 2.0]          # the line y = 2x fits exactly
>>> path = descent_path(Neuron([0.0], 0.0, "identity"), X, y, "mse", 0.5, 200)
>>> round(float(path.weights[-1, 0]), 6), round(float(path.biases[-1]), 6)
(2.0, 0.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ._checks import as_array, check_count, check_finite, check_positive
from .losses import Loss, get_loss
from .neuron import Neuron
from .training import History, compute_loss, gradients

__all__ = [
    "DescentPath",
    "descent_path",
    "in_original_units",
    "loss_grid",
    "numerical_gradient",
    "steps_to_reach",
    "train_in_batches",
]


def _neuron(model: Any) -> Neuron:
    if not isinstance(model, Neuron):
        raise TypeError(
            f"this function works on one Neuron (Chapter 6); got {type(model).__name__}. "
            f"For layers and networks use neuronlib.train"
        )
    return model


def _table(neuron: Neuron, X: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    X = check_finite(as_array(X, "X"), "X")
    if X.ndim != 2 or X.shape[1] != neuron.n_inputs:
        raise ValueError(
            f"X must be a table of shape (samples, {neuron.n_inputs}) for a neuron with "
            f"{neuron.n_inputs} weights; got shape {X.shape}"
        )
    y = check_finite(as_array(y, "y"), "y").reshape(-1)
    if y.size != X.shape[0]:
        raise ValueError(f"y must hold one target per row of X ({X.shape[0]}); got {y.size}")
    return X, y


def numerical_gradient(
    neuron: Neuron, X: Any, y: Any, loss: str | Loss = "mse", h: float = 1e-6
) -> dict[str, Any]:
    """The gradient measured by central finite differences: for each parameter ``θ``
    (every weight, then the bias),

    ``∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / (2h)``,

    where ``L`` is :func:`~neuronlib.training.compute_loss` on ``(X, y)``. The error of this
    estimate shrinks like ``h²`` until round-off (about ``1e-16 · L / h``) takes over, so
    ``h = 1e-6`` agrees with the exact gradient to about 1e-9 for losses of size 1.
    Returns ``{"weights": array (n_inputs,), "bias": float}``, like
    :func:`~neuronlib.training.gradients`.

    Introduced in: Chapter 6 (How a neuron learns its weights).

    >>> g = numerical_gradient(Neuron([1.0], 0.0, "identity"), [[1.0], [2.0]], [1.0, 0.0])
    >>> round(float(g["weights"][0]), 6), round(g["bias"], 6)   # exact: 4 and 2
    (4.0, 2.0)
    """
    neuron = _neuron(neuron)
    X, y = _table(neuron, X, y)
    h = check_positive(h, "h")

    def at(weights: np.ndarray, bias: float) -> float:
        return compute_loss(Neuron(weights, bias, neuron.activation), X, y, loss)

    w, b = neuron.weights, neuron.bias
    dW = np.zeros(w.size)
    for i in range(w.size):
        nudge = np.zeros(w.size)
        nudge[i] = h
        dW[i] = (at(w + nudge, b) - at(w - nudge, b)) / (2.0 * h)
    db = (at(w, b + h) - at(w, b - h)) / (2.0 * h)
    return {"weights": dW, "bias": float(db)}


def train_in_batches(
    neuron: Neuron,
    X: Any,
    y: Any,
    loss: str | Loss = "bce",
    learning_rate: float = 0.1,
    epochs: int = 10,
    batch_size: int | None = None,
    seed: int = 0,
) -> History:
    """Gradient descent on mini-batches. Each epoch shuffles the rows of ``X`` (with
    ``np.random.default_rng(seed)``, one generator for the whole run), cuts them into
    batches of ``batch_size`` rows (the last may be smaller) and, for each batch ``B``, steps

    ``w ← w − η ∂L_B/∂w``,  ``b ← b − η ∂L_B/∂b``,

    where ``L_B`` is the loss on that batch alone. ``batch_size=None`` (or the number of
    rows) is the full batch, exactly :func:`~neuronlib.training.train`'s one step per epoch;
    ``batch_size=1`` is one example at a time. An epoch therefore takes
    ``ceil(m / batch_size)`` steps.

    The returned :class:`~neuronlib.training.History` has ``loss[k]`` = the loss on the
    **whole** data after ``k`` epochs (``loss[0]`` before training); the neuron passed in
    is not changed. Raises ``ValueError`` if the numbers blow up.

    Introduced in: Chapter 6 (How a neuron learns its weights).

    >>> X, y = [[0.0], [1.0], [2.0], [3.0]], [1.0, 3.0, 5.0, 7.0]    # y = 2x + 1
    >>> run = train_in_batches(Neuron([0.0], 0.0, "identity"), X, y, "mse", 0.05, 500, 1)
    >>> round(float(run.model.weights[0]), 6), round(run.model.bias, 6)
    (2.0, 1.0)
    """
    neuron = _neuron(neuron)
    X, y = _table(neuron, X, y)
    learning_rate = check_positive(learning_rate, "learning_rate")
    epochs = check_count(epochs, "epochs", minimum=0)
    m = X.shape[0]
    size = m if batch_size is None else check_count(batch_size, "batch_size")
    size = min(size, m)
    rng = np.random.default_rng(seed)
    current = neuron.copy()
    losses = [compute_loss(current, X, y, loss)]
    for _ in range(epochs):
        order = np.arange(m) if size == m else rng.permutation(m)
        for start in range(0, m, size):
            rows = order[start:start + size]
            grad = gradients(current, X[rows], y[rows], loss)
            current = Neuron(current.weights - learning_rate * grad["weights"],
                             current.bias - learning_rate * grad["bias"], current.activation)
        losses.append(compute_loss(current, X, y, loss))
    return History(loss=losses, model=current, initial_model=neuron.copy(),
                   loss_name=get_loss(loss).name, learning_rate=learning_rate)


@dataclass(repr=False)
class DescentPath:
    """Where full-batch gradient descent went: ``weights[k]``, ``biases[k]`` and
    ``losses[k]`` after ``k`` steps (row 0 is the start). ``diverged`` is True if the run
    stopped early because the loss passed ``stop_above``.

    >>> path = DescentPath(np.array([[0.0], [1.0]]), np.array([0.0, 0.5]), np.array([2.0, 1.0]), 0.1, "identity")
    >>> path.steps, path.neuron(1)
    (1, Neuron(weights=[1.0], bias=0.5, activation='identity'))

    Introduced in: Chapter 6 (How a neuron learns its weights).
    """

    weights: np.ndarray
    biases: np.ndarray
    losses: np.ndarray
    learning_rate: float
    activation: Any
    diverged: bool = False
    stop_above: float = 1e6

    @property
    def steps(self) -> int:
        """How many steps were taken."""
        return len(self.losses) - 1

    def neuron(self, step: int = -1) -> Neuron:
        """The neuron after ``step`` steps (default: the last one)."""
        return Neuron(self.weights[step], self.biases[step], self.activation)

    def __repr__(self) -> str:
        return (f"DescentPath(learning_rate={self.learning_rate!r}, steps={self.steps}, "
                f"diverged={self.diverged})")


def descent_path(
    neuron: Neuron,
    X: Any,
    y: Any,
    loss: str | Loss = "mse",
    learning_rate: float = 0.1,
    steps: int = 100,
    stop_above: float = 1e6,
) -> DescentPath:
    """Run ``steps`` full-batch gradient-descent steps, ``θ ← θ − η ∇L(θ)``, and keep every
    point visited. Unlike :func:`~neuronlib.training.train`, a run whose loss passes
    ``stop_above`` stops there and is marked ``diverged`` (so a too-large learning rate can
    be shown rather than raising an error).

    Introduced in: Chapter 6 (How a neuron learns its weights).

    >>> path = descent_path(Neuron([0.0], 0.0, "identity"), [[1.0]], [1.0], "mse", 1.5, 100)
    >>> path.diverged, path.steps     # each step multiplies the loss by 25: above 1e6 at step 5
    (True, 5)
    """
    neuron = _neuron(neuron)
    X, y = _table(neuron, X, y)
    learning_rate = check_positive(learning_rate, "learning_rate")
    steps = check_count(steps, "steps", minimum=0)
    stop_above = check_positive(stop_above, "stop_above")
    current = neuron.copy()
    weights, biases = [current.weights], [current.bias]
    losses = [compute_loss(current, X, y, loss)]
    diverged = False
    for _ in range(steps):
        grad = gradients(current, X, y, loss)
        current = Neuron(current.weights - learning_rate * grad["weights"],
                         current.bias - learning_rate * grad["bias"], current.activation)
        weights.append(current.weights)
        biases.append(current.bias)
        losses.append(compute_loss(current, X, y, loss))
        if losses[-1] > stop_above:
            diverged = True
            break
    return DescentPath(np.array(weights), np.array(biases), np.array(losses), learning_rate,
                       neuron.activation, diverged, stop_above)


def loss_grid(
    neuron: Neuron,
    X: Any,
    y: Any,
    loss: str | Loss,
    weight_values: Any,
    bias_values: Any,
    index: int = 0,
) -> np.ndarray:
    """The loss surface: ``grid[j, i]`` is the loss of ``neuron`` with weight number
    ``index`` set to ``weight_values[i]`` and the bias set to ``bias_values[j]`` (all other
    weights as they are). For a one-input neuron this is the whole loss surface.

    Introduced in: Chapter 6 (How a neuron learns its weights).

    >>> grid = loss_grid(Neuron([0.0], 0.0, "identity"), [[1.0]], [1.0], "mse", [0, 1], [0, 1])
    >>> grid.tolist()     # (w + b − 1)² at w, b in {0, 1}
    [[1.0, 0.0], [0.0, 1.0]]
    """
    neuron = _neuron(neuron)
    X, y = _table(neuron, X, y)
    index = check_count(index, "index", minimum=0)
    if index >= neuron.n_inputs:
        raise ValueError(f"index must name one of the neuron's {neuron.n_inputs} weights (0 to "
                         f"{neuron.n_inputs - 1}); got {index}")
    ws = check_finite(as_array(weight_values, "weight_values"), "weight_values").reshape(-1)
    bs = check_finite(as_array(bias_values, "bias_values"), "bias_values").reshape(-1)
    grid = np.empty((bs.size, ws.size))
    weights = neuron.weights.copy()
    for i, w in enumerate(ws):
        weights[index] = w
        for j, b in enumerate(bs):
            grid[j, i] = compute_loss(Neuron(weights, b, neuron.activation), X, y, loss)
    return grid


def steps_to_reach(losses: Any, target: float) -> int | None:
    """The first ``k`` with ``losses[k] <= target`` (``losses[0]`` is before training), or
    ``None`` if the curve never gets there. Accepts a list of losses or a
    :class:`~neuronlib.training.History`.

    Introduced in: Chapter 6 (How a neuron learns its weights).

    >>> steps_to_reach([0.9, 0.5, 0.3, 0.2], 0.3), steps_to_reach([0.9, 0.5], 0.1)
    (2, None)
    """
    values = losses.loss if isinstance(losses, History) else losses
    values = as_array(values, "losses").reshape(-1)
    reached = np.flatnonzero(values <= float(target))
    return int(reached[0]) if reached.size else None


def in_original_units(neuron: Neuron, mean: Any, std: Any) -> Neuron:
    """The same neuron for inputs in their own units. A neuron trained on standardised
    inputs ``x' = (x − mean) / std`` (:func:`neuronlib.scaling.standardise`) computes

    ``z = Σ w_i (x_i − mean_i) / std_i + b = Σ (w_i / std_i) x_i + (b − Σ w_i mean_i / std_i)``,

    so on the original ``x`` it has weights ``w_i / std_i`` and bias
    ``b − Σ w_i mean_i / std_i``: the same ``z``, hence the same output, for every person.

    Introduced in: Chapter 6 (How a neuron learns its weights).

    >>> raw = in_original_units(Neuron([2.0], 1.0, "sigmoid"), mean=[10.0], std=[4.0])
    >>> raw.weights.tolist(), raw.bias      # z = 2 (x − 10) / 4 + 1 = 0.5 x − 4
    ([0.5], -4.0)
    """
    neuron = _neuron(neuron)
    mean = check_finite(as_array(mean, "mean"), "mean").reshape(-1)
    std = check_finite(as_array(std, "std"), "std").reshape(-1)
    if mean.size != neuron.n_inputs or std.size != neuron.n_inputs:
        raise ValueError(f"mean and std need one entry per input ({neuron.n_inputs}); got "
                         f"{mean.size} and {std.size}")
    if np.any(std <= 0):
        raise ValueError("std must be positive (a standard deviation)")
    weights = neuron.weights / std
    return Neuron(weights, neuron.bias - float(np.sum(weights * mean)), neuron.activation)
