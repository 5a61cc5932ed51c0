"""explore_learning: the learning line, one sigmoid neuron learning by gradient descent (Chapter 6)."""

from __future__ import annotations

import numpy as np
import traitlets as t

from neuronlib import data as datasets
from neuronlib.neuron import Neuron
from neuronlib.scaling import standardise
from neuronlib.training import accuracy, train

from .base import SteppedExplorer, Vector, choice, fmt, fmt_vec, module_source, number, vector
from .listen import trained_sweep

#: The data sets the menu offers: name -> (how the readout names it, the menu's text, how to
#: make ``n`` points of it, seed 0).
DATA_SETS = {
    "height_weight": ("height and body mass data, standardised", "height and body mass (standardised)",
                      lambda n: _standardised(*datasets.height_weight(n=n, seed=0))),
    "xor": ("xor data, which no line separates", "xor (no line separates it)",
            lambda n: datasets.xor(n=n, seed=0)),
}


def _standardised(X, y):
    return standardise(X)[0], y


class LearningExplorer(SteppedExplorer):
    """The widget behind :func:`explore_learning`; read, set or observe ``data`` (which data
    set), ``learning_rate``, ``start`` (the starting ``(w1, w2, b)``) and ``step``.

    Introduced in: Chapter 6 (How a neuron learns its weights).

    >>> ex = explore_learning("xor", start=(1, -1, 0))
    >>> ex.neuron().weights.tolist(), ex.neuron().bias
    ([1.0, -1.0], 0.0)
    """

    _kind = "learning"
    _esm = module_source("learning")
    _state_keys = ("data", "learning_rate", "start", "step")
    data = t.Unicode("height_weight").tag(sync=True, among="sets")
    start = Vector(3, what=" (w1, w2, b)").tag(sync=True)

    @t.validate("data")
    def _check_data(self, proposal):
        return choice("data set", proposal["value"], list(self._config.get("sets", DATA_SETS)))

    def training_data(self) -> tuple[np.ndarray, np.ndarray]:
        """``(X, y)`` of the current data set, as the explorer shows it."""
        s = self._config["sets"][self.data]
        return np.array(s["X"]), np.array(s["y"], dtype=float)

    def neuron(self) -> Neuron:
        """The untrained neuron: sigmoid, weights ``start[:2]``, bias ``start[2]``."""
        return Neuron(self.start[:2], self.start[2], "sigmoid")

    def history(self):
        """neuronlib's :func:`~neuronlib.training.train` from :meth:`neuron` to the current step
        (full batch, binary cross-entropy; raises :class:`~neuronlib.training.TrainingDiverged`
        if training diverges before it)."""
        X, y = self.training_data()
        return train(self.neuron(), X, y, "bce", self.learning_rate, self.step)

    def sweep(self, x2=None) -> dict:
        """Listen: the neuron's output p, trained to this step, along the row x2 of the plane; the
        buzz is where its z < 0 (p < 0.5: the class-0 side). Silent once training has diverged."""
        return trained_sweep(self, x2, [self._config["sets"][self.data]["lim"]] * 2, "the neuron's output p")

    def summary(self) -> str:
        c = self._config
        s = c["sets"][self.data]
        head = (f"Learning line: {s['title']} ({len(s['X'])} points), one sigmoid neuron, bce loss, "
                f"learning rate {fmt(self.learning_rate)}; start w = {fmt_vec(self.start[:2])}, "
                f"b = {fmt(self.start[2])}; step {self.step} of {c['max_steps']}: ")
        history = self.trained()
        if isinstance(history, str):
            return head + history
        model = history.model
        percent = 100 * accuracy(model, *self.training_data())
        return head + (f"w = {fmt_vec(model.weights)}, b = {fmt(model.bias)}, loss {fmt(history.loss[-1])}, "
                       f"accuracy {fmt(percent)}%")


def explore_learning(data="height_weight", learning_rate=0.5, start=(3.0, -2.0, 0.0), n=100,
                     max_steps=300) -> LearningExplorer:
    """The learning line: one sigmoid neuron learns to classify 2-D data by gradient descent.

    Introduced in: Chapter 6 (How a neuron learns its weights). The neuron computes
    ``p = σ(w1 x1 + w2 x2 + b)``; its loss on the ``m`` points is the binary cross-entropy
    ``L = (1/m) Σ [ln(1 + e^z) − y z]`` with ``z = w·x + b``, whose gradient is
    ``∂L/∂w = (1/m) Σ (p − y) x`` and ``∂L/∂b = (1/m) Σ (p − y)``. Each step (full batch,
    exactly :func:`neuronlib.training.train`) is ``w ← w − η ∂L/∂w``, ``b ← b − η ∂L/∂b`` with
    the learning rate ``η``.

    Left: the data (``n`` points of ``data``: ``"height_weight"``, Chapter 1's people with
    height and body mass standardised, or ``"xor"``, which no line separates) and the line
    ``w·x + b = 0`` with the weight vector at right angles to it (both axes have the same
    scale). Right: the loss over ``(w1, w2)`` with ``b`` held at its current value, and the
    path gradient descent takes from the starting point ``start = (w1, w2, b)``; drag the
    starting point, or move it with its sliders. Step, Play, Pause and the step slider move
    along the training (up to ``max_steps`` steps); Reset restores the starting values.

    >>> ex = explore_learning("height_weight", learning_rate=0.5, start=(0, 0, 0))
    >>> ex.step = 100
    >>> ex.history().loss[-1] < ex.history().loss[0]   # the loss fell from ln 2
    True
    """
    key = choice("data set", data, list(DATA_SETS))
    n = int(number("n", n))
    if not 4 <= n <= 400:
        raise ValueError(f"n must be 4 to 400 points, got {n}")
    max_steps = int(number("max_steps", max_steps))
    if not 1 <= max_steps <= 2000:
        raise ValueError(f"max_steps must be 1 to 2000, got {max_steps}")
    start = vector("start", start, length=3, what=" (w1, w2, b)")
    sets = {}
    for name, (title, menu, make) in DATA_SETS.items():
        X, y = make(n)
        # both axes get the same limits, so the weight vector is drawn at right angles to its line
        half = float(np.ceil(np.abs(X).max() + 0.25))
        sets[name] = {"title": title, "menu": menu, "X": np.asarray(X, dtype=float).tolist(), "y": [int(v) for v in y],
                      "lim": [-half, half]}
    config = {
        "sets": sets, "order": list(DATA_SETS), "max_steps": max_steps, "speed": max(1, max_steps // 150),
        "wlim": [-6.0, 6.0], "grid": 48, "plane_grid": 100,
        "ranges": {"learning_rate": [0.01, max(5.0, float(np.ceil(learning_rate))), 0.01],
                   "start": [-6.0, 6.0, 0.05]},
    }
    return LearningExplorer(config, data=key, learning_rate=number("learning_rate", learning_rate),
                            start=start, step=0)
