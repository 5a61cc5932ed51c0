"""explore_playground: the network playground, a small network learning 2-D data step by step (Chapter 8)."""

from __future__ import annotations

import numpy as np
import traitlets as t

from neuronlib import data as datasets
from neuronlib.layer import Layer
from neuronlib.network import Network
from neuronlib.seeded import seeded_network
from neuronlib.training import accuracy, dead_units, train

from .base import (ActivationName, Integer, Number, SteppedExplorer, activation_config, check_activation,
                   choice, fmt, make_activation, module_source, number)
from .listen import trained_sweep

#: The data sets the menu offers: name -> (how the readout names it, how to make ``n`` points
#: with noise ``noise`` and seed ``seed``, the default noise).
DATA_SETS = {
    "circle": ("circle data (a disc inside a ring)",
               lambda n, noise, seed: datasets.circles(n=n, seed=seed, noise=noise), 0.1),
    "xor": ("xor data", lambda n, noise, seed: datasets.xor(n=n, seed=seed, noise=noise), 0.3),
    "blobs": ("two Gaussian blobs", lambda n, noise, seed: datasets.blobs(n=n, seed=seed, noise=noise), 0.9),
    "spiral": ("spiral data (two arms)", lambda n, noise, seed: datasets.spiral(n=n, seed=seed, noise=noise), 0.05),
}
RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
BATCHES = [1, 2, 5, 10, 20, 50, 100, 200, 500]
L2S = [0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1]
#: Limits of the architecture: hidden layers and units per hidden layer.
MAX_LAYERS, MAX_UNITS = 3, 8


def check_hidden(value: object) -> list[int]:
    """A list of 1 to 3 hidden-layer sizes, each 1 to 8 units."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__"):
        raise TypeError(f"hidden must be a list of unit counts, one per hidden layer, e.g. [8, 8]; got {value!r}")
    sizes = list(value)
    if not 1 <= len(sizes) <= MAX_LAYERS or not all(
            isinstance(k, (int, np.integer)) and not isinstance(k, bool) and 1 <= k <= MAX_UNITS for k in sizes):
        raise ValueError(f"hidden must list 1 to {MAX_LAYERS} hidden layers of 1 to {MAX_UNITS} units "
                         f"each, e.g. [8, 8]; got {sizes!r}")
    return [int(k) for k in sizes]


class PlaygroundExplorer(SteppedExplorer):
    """The widget behind :func:`explore_playground`; read, set or observe ``data``, ``hidden``
    (units per hidden layer), ``activation``, ``learning_rate``, ``batch_size``, ``l2``, ``seed``,
    ``loaded`` and ``step``. ``ex.network`` is the trained :class:`~neuronlib.network.Network`.

    Introduced in: Chapter 8 (A small network learns).

    >>> ex = explore_playground("xor", hidden=[4], seed=3)
    >>> ex.initial_network().sizes
    [2, 4, 1]
    """

    _kind = "playground"
    _esm = module_source("playground")
    _state_keys = ("data", "hidden", "activation", "learning_rate", "batch_size", "l2", "seed", "loaded", "step")
    data = t.Unicode("circle").tag(sync=True, among="sets")
    hidden = t.List([4]).tag(sync=True, low=1, high="max_units", most="max_layers")
    activation = ActivationName("hidden activation").tag(sync=True)
    batch_size = Integer(10).tag(sync=True, low=1, high="n_train")
    l2 = Number(0.0).tag(sync=True, low=0)
    seed = Integer().tag(sync=True, low=0, high=0xFFFFFFFF)
    loaded = t.Bool(False).tag(sync=True)

    @t.validate("data")
    def _check_data(self, proposal):
        return choice("data set", proposal["value"], list(self._config.get("sets", DATA_SETS)))

    @t.validate("hidden")
    def _check_hidden(self, proposal):
        return check_hidden(proposal["value"])

    @t.validate("batch_size")
    def _check_batch(self, proposal):
        top = self._config.get("n_train", proposal["value"])
        if not 1 <= proposal["value"] <= top:
            raise ValueError(f"batch_size must be 1 to {top} (the number of training points), got {proposal['value']}")
        return proposal["value"]

    @t.validate("l2")
    def _check_l2(self, proposal):
        if proposal["value"] < 0:
            raise ValueError(f"l2 (the regularisation strength) must be zero or positive, got {proposal['value']}")
        return proposal["value"]

    @t.validate("seed")
    def _check_seed(self, proposal):
        if not 0 <= proposal["value"] <= 0xFFFFFFFF:
            raise ValueError(f"seed must be a whole number from 0 to 4294967295, got {proposal['value']}")
        return proposal["value"]

    def training_data(self) -> tuple[np.ndarray, np.ndarray]:
        """``(X, y)``: the training points of the current data set, as the explorer shows them."""
        s = self._config["sets"][self.data]
        return np.array(s["X"]), np.array(s["y"], dtype=float)

    def test_data(self) -> tuple[np.ndarray, np.ndarray]:
        """``(X_test, y_test)``: the test points of the current data set (never learned from)."""
        s = self._config["sets"][self.data]
        return np.array(s["Xt"]), np.array(s["yt"], dtype=float)

    def uses_loaded(self) -> bool:
        """Whether training starts from the loaded network's weights: ``loaded`` is on and the
        architecture and activation are still the loaded network's (otherwise the seed's)."""
        p = self._config.get("loaded")
        return bool(self.loaded and p and p["hidden"] == self.hidden and p["activation"] == self.activation)

    def initial_network(self) -> Network:
        """The untrained network: 2 inputs, the hidden layers, 1 sigmoid output; its weights are
        the loaded network's (see :meth:`uses_loaded`) or :func:`~neuronlib.seeded.seeded_network`'s
        for ``seed``."""
        act = make_activation(self.activation)
        if self.uses_loaded():
            p = self._config["loaded"]
            acts = [act] * len(self.hidden) + ["sigmoid"]
            return Network([Layer(W, b, a) for W, b, a in zip(p["W"], p["b"], acts)])
        return seeded_network([2, *self.hidden, 1], [act] * len(self.hidden) + ["sigmoid"], self.seed)

    def history(self):
        """neuronlib's :func:`~neuronlib.training.train` from :meth:`initial_network` to the current
        step, with this explorer's batch size, L2 strength and test data (bce loss); raises
        :class:`~neuronlib.training.TrainingDiverged` if training diverges before it."""
        key = (self.data, tuple(self.hidden), self.activation, self.learning_rate, self.batch_size, self.l2,
               self.seed, self.uses_loaded(), self.step)
        if getattr(self, "_cached", (None,))[0] != key:
            X, y = self.training_data()
            self._cached = (key, train(self.initial_network(), X, y, "bce", self.learning_rate, self.step,
                                       batch_size=self.batch_size, l2=self.l2, test=self.test_data()))
        return self._cached[1]

    @property
    def network(self) -> Network:
        """The network trained to the current step (a neuronlib :class:`~neuronlib.network.Network`)."""
        return self.history().model

    def sweep(self, x2=None) -> dict:
        """Listen: the network's output p, trained to this step, along the row x2 of the plane; the
        buzz is where its z < 0 (p < 0.5: the class-0 side). Silent once training has diverged."""
        return trained_sweep(self, x2, [self._config["sets"][self.data]["lim"]] * 2, "the network's output p")

    def summary(self) -> str:
        c = self._config
        s = c["sets"][self.data]
        start = "the loaded starting weights" if self.uses_loaded() else f"seed {self.seed}"
        head = (f"Network playground: {s['title']} ({len(s['X'])} training and {len(s['Xt'])} test points), "
                f"network {'-'.join(map(str, [2, *self.hidden, 1]))}, {self.activation} hidden units and a "
                f"sigmoid output, bce loss, learning rate {fmt(self.learning_rate)}, batch size {self.batch_size}, "
                f"L2 {fmt(self.l2)}, {start}; step {self.step} of {c['max_steps']}: ")
        history = self.trained()
        if isinstance(history, str):
            return head + history
        model = history.model
        dead = [f"layer {i + 1} unit {j + 1}" for i, j in dead_units(model, self.training_data()[0])]
        return head + (f"training loss {fmt(history.loss[-1])}, test loss {fmt(history.test_loss[-1])}, "
                       f"accuracy {fmt(100 * accuracy(model, *self.training_data()))}% (training) and "
                       f"{fmt(100 * accuracy(model, *self.test_data()))}% (test), "
                       f"dead units: {', '.join(dead) if dead else 'none'}")


def _loaded(network: Network) -> tuple[dict, list[int], str]:
    """The config entry for a network the reader passes in, its hidden sizes and activation."""
    if not isinstance(network, Network):
        raise TypeError(f"network must be a neuronlib Network, got {type(network).__name__}")
    sizes = network.sizes
    hidden_acts = {layer.activation.name for layer in network.layers[:-1]}
    if sizes[0] != 2 or sizes[-1] != 1 or network.layers[-1].activation.name != "sigmoid" or len(hidden_acts) != 1:
        raise ValueError(f"the playground trains networks with 2 inputs, hidden layers that share one activation "
                         f"and 1 sigmoid output; got sizes {sizes} with activations "
                         f"{[a.name for a in network.activations]}")
    hidden = check_hidden(sizes[1:-1])
    name = hidden_acts.pop()
    if any(layer.activation != make_activation(name) for layer in network.layers[:-1]):
        raise ValueError(f"the playground's {name} uses neuronlib's default parameters; the network's differ")
    entry = {"hidden": hidden, "activation": name, "W": [layer.weights.tolist() for layer in network.layers],
             "b": [layer.bias.tolist() for layer in network.layers]}
    return entry, hidden, name


def explore_playground(data="circle", hidden=(4,), activation="relu", learning_rate=0.1, batch_size=10, l2=0.0,
                       seed=0, network=None, n=400, test_fraction=0.5, noise=None, data_seed=0,
                       max_steps=3000) -> PlaygroundExplorer:
    """The network playground: a small network learns a 2-D data set, step by step.

    Introduced in: Chapter 8 (A small network learns). The network has 2 inputs, 1 to 3 hidden
    layers (``hidden`` lists their units, 1 to 8 each) of one ``activation`` and a sigmoid output.
    Each step takes the next ``batch_size`` training points (:func:`neuronlib.training.batch_rows`)
    and moves every weight against the gradient of the binary cross-entropy plus the L2 penalty
    ``l2/2 · Σ W²``, exactly as :func:`neuronlib.training.train`. ``data`` is ``"circle"``,
    ``"xor"``, ``"blobs"`` or ``"spiral"``: ``n`` points from :mod:`neuronlib.data` (seed
    ``data_seed``, ``noise`` or each set's default), split by
    :func:`~neuronlib.data.train_test_split` into training and test points.

    The starting weights come from ``seed`` (:func:`neuronlib.seeded.seeded_network`, the same in
    Python and on the page), so Reset replays the same training; or pass a trained
    ``network`` (a neuronlib Network with 2 inputs and a sigmoid output) to start from its
    weights. ``ex.network`` is the network trained to the current step.

    Shown: the decision regions over the plane with the training points; each hidden unit's
    output over the plane as a small map (dead ReLU units, z <= 0 on every training point,
    are marked from the step they die); the training and test loss after every step. Changing
    a setting on the page starts again from step 0.

    >>> ex = explore_playground("xor", hidden=[4], learning_rate=0.3, seed=1)
    >>> ex.step = 300
    >>> ex.history().loss[-1] < ex.history().loss[0]
    True
    """
    key = choice("data set", data, list(DATA_SETS))
    loaded = None
    if network is not None:
        loaded, hidden, activation = _loaded(network)
    hidden = check_hidden(hidden)
    activation = check_activation(activation, "hidden activation")
    n = int(number("n", n))
    if not 20 <= n <= 1000:
        raise ValueError(f"n must be 20 to 1000 points, got {n}")
    max_steps = int(number("max_steps", max_steps))
    if not 1 <= max_steps <= 20000:
        raise ValueError(f"max_steps must be 1 to 20000, got {max_steps}")
    sets = {}
    for name, (title, make, default_noise) in DATA_SETS.items():
        X, y = make(n, default_noise if noise is None else noise, data_seed)
        # four decimals keep the page light; Python trains on exactly the numbers the page shows
        (X, y), (Xt, yt) = datasets.train_test_split(np.round(X, 4), y, test_fraction)
        half = float(np.ceil(2 * np.abs(np.vstack([X, Xt])).max() + 0.2)) / 2
        sets[name] = {"title": title, "X": X.tolist(), "y": [int(v) for v in y], "Xt": Xt.tolist(),
                      "yt": [int(v) for v in yt], "lim": [-half, half]}
    n_train = len(sets[key]["X"])
    config = {"sets": sets, "order": list(DATA_SETS), "max_steps": max_steps, "n_train": n_train,
              "rates": RATES, "batches": [b for b in BATCHES if b <= n_train], "l2s": L2S,
              "max_layers": MAX_LAYERS, "max_units": MAX_UNITS, "grid": 100, "speed": 2, "loaded": loaded,
              **activation_config()}
    return PlaygroundExplorer(config, data=key, hidden=hidden, activation=activation,
                              learning_rate=number("learning_rate", learning_rate),
                              batch_size=int(number("batch_size", batch_size)), l2=number("l2", l2),
                              seed=int(number("seed", seed)), loaded=loaded is not None, step=0)
