"""explore_training: full-batch gradient descent on 2-D toy data, step by step (Chapter 5)."""

from __future__ import annotations

import numpy as np
import traitlets as t

from neuronlib import data as datasets
from neuronlib._checks import as_limits
from neuronlib.layer import Layer
from neuronlib.network import Network
from neuronlib.training import accuracy, dead_units, train

from .base import (ActivationName, Integer, SteppedExplorer, activation_config, check_activation, fmt,
                   make_activation, module_source, number)
from .listen import trained_sweep


def load_data(name, n: int = 100) -> tuple[np.ndarray, np.ndarray, str]:
    """(X, y, name) for ``n`` points of the data set ``name`` of :mod:`neuronlib.data` (seed 0),
    or for ``(X, y)`` given directly; X has two columns and y holds class labels 0 and 1."""
    if isinstance(name, str):
        X, y = datasets.load(name, n=n, seed=0)
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


class TrainingExplorer(SteppedExplorer):
    """The widget behind :func:`explore_training`; read, set or observe ``learning_rate``,
    ``seed`` (which initial weights), ``activation`` (of the hidden units) and ``step``.

    Introduced in: Chapter 5 (Dead neurons).

    >>> explore_training("xor", max_steps=50).initial_network().sizes
    [2, 3, 1]
    """

    _kind = "training"
    _esm = module_source("training")
    _state_keys = ("learning_rate", "seed", "activation", "step")
    seed = Integer().tag(sync=True, among="seeds")
    activation = ActivationName("hidden activation").tag(sync=True)

    @t.validate("seed")
    def _check_seed(self, proposal):
        seeds = self._config.get("seeds", [proposal["value"]])
        if proposal["value"] not in seeds:
            raise ValueError(f"seed must be one of the explorer's seeds {seeds}, got {proposal['value']}")
        return proposal["value"]

    def initial_network(self):
        """The untrained network for the current seed and activation (neuronlib objects)."""
        p = self._config["inits"][str(self.seed)]
        hidden = Layer(p["W1"], p["b1"], make_activation(self.activation))
        output = Layer([[w] for w in p["W2"]], [p["b2"]], "sigmoid")
        return Network([hidden, output])

    def history(self):
        """neuronlib's :func:`~neuronlib.training.train` run to the current step (raises
        :class:`~neuronlib.training.TrainingDiverged` if training diverges before it)."""
        X, y = np.array(self._config["X"]), np.array(self._config["y"], dtype=float)
        return train(self.initial_network(), X, y, "bce", self.learning_rate, self.step)

    def sweep(self, x2=None) -> dict:
        """Listen: the network's output p, trained to this step, along the row x2 of the plane; the
        buzz is where its z < 0 (p < 0.5: the class-0 side). Silent once training has diverged."""
        return trained_sweep(self, x2, (self._config["xlim"], self._config["ylim"]), "the network's output p")

    def summary(self) -> str:
        c = self._config
        head = (f"Training explorer: {c['data']} data ({len(c['X'])} points), {c['hidden']} hidden "
                f"{self.activation} units and a sigmoid output, bce loss, learning rate "
                f"{fmt(self.learning_rate)}, seed {self.seed}; step {self.step} of {c['max_steps']}: ")
        history = self.trained()
        if isinstance(history, str):
            return head + history
        X = np.array(c["X"])
        percent = 100 * accuracy(history.model, X, c["y"])
        dead = [j + 1 for layer, j in dead_units(history.model, X) if layer == 0]
        return head + (f"loss {fmt(history.loss[-1])}, accuracy {fmt(percent)}%, "
                       f"dead units: {', '.join(map(str, dead)) if dead else 'none'}")


def explore_training(data="xor", hidden=3, activation="relu", learning_rate=0.5, seed=0, n=100,
                     seeds=range(10), max_steps=500, xlim=None, ylim=None) -> TrainingExplorer:
    """Train a small network by gradient descent and watch it learn, step by step.

    Introduced in: Chapter 5 (Dead neurons). The network is 2 inputs -> ``hidden`` units
    (``activation``) -> 1 sigmoid output, trained full-batch on the toy data set ``data`` with
    the binary cross-entropy loss, exactly as :func:`neuronlib.training.train`. ``data`` is a
    name from :func:`neuronlib.data.load` (``n`` points, data seed 0) or an ``(X, y)`` pair. The initial
    weights for each seed in ``seeds`` come from :meth:`neuronlib.network.Network.random`.
    Play, Pause, Step and the step slider move along the training; dead ReLU units (z <= 0 for
    every training point) are drawn dashed. Try a large learning rate with ReLU.

    >>> ex = explore_training("xor", hidden=3, learning_rate=0.5, seed=0)
    >>> ex.step = 200            # the figure jumps to step 200
    >>> ex.history().loss[-1] < ex.history().loss[0]
    True
    """
    activation = check_activation(activation, "hidden activation")
    X, y, name = load_data(data, n=int(number("n", n)))
    hidden = int(number("hidden", hidden))
    if not 1 <= hidden <= 5:
        raise ValueError(f"hidden must be 1 to 5 units, got {hidden}")
    seeds = [int(s) for s in seeds]
    if not seeds:
        raise ValueError("seeds must list at least one seed")
    max_steps = int(number("max_steps", max_steps))
    if not 1 <= max_steps <= 5000:
        raise ValueError(f"max_steps must be 1 to 5000, got {max_steps}")
    inits = {}
    for s in seeds:
        hidden_layer, output_layer = Network.random([2, hidden, 1], [activation, "sigmoid"], seed=s).layers
        inits[str(s)] = {"W1": hidden_layer.weights.tolist(), "b1": hidden_layer.bias.tolist(),
                         "W2": output_layer.weights[:, 0].tolist(), "b2": float(output_layer.bias[0])}
    pad = lambda lo, hi: [float(np.floor(lo - 0.5)), float(np.ceil(hi + 0.5))]  # noqa: E731
    config = {
        "data": name, "X": X.tolist(), "y": [int(v) for v in y], "hidden": hidden, "inits": inits,
        "seeds": seeds, "max_steps": max_steps, "speed": max(1, max_steps // 250), "grid": 200,
        **activation_config(),
        "xlim": list(as_limits(xlim, "xlim")) if xlim is not None else pad(X[:, 0].min(), X[:, 0].max()),
        "ylim": list(as_limits(ylim, "ylim")) if ylim is not None else pad(X[:, 1].min(), X[:, 1].max()),
        "ranges": {"learning_rate": [0.01, max(5.0, float(np.ceil(learning_rate))), 0.01]},
    }
    ex = TrainingExplorer(config, learning_rate=number("learning_rate", learning_rate),
                          activation=activation,
                          seed=int(seed), step=0)
    return ex
