"""Training by gradient descent, and dead ReLU units.

Introduced in: Chapter 5 (Dead neurons).

:func:`gradients` computes ``∂loss/∂W`` and ``∂loss/∂b`` for every layer by
backpropagation (the chain rule, from the output back to the input) over the whole data
set at once ("full batch"). :func:`train` repeats the step
``W ← W − learning_rate · ∂loss/∂W`` (and the same for ``b``) and records the loss.

A ReLU unit whose preactivation is ``z <= 0`` for every training input outputs 0 and has
slope ``relu'(z) = 0`` for all of them, so its weights get zero gradient and never change
again: :func:`dead_units` finds such units, and :func:`reinitialise_dead` replaces them.
:func:`accuracy` measures how many inputs a trained one-output classifier gets right.

Models are a :class:`~neuronlib.neuron.Neuron`, a :class:`~neuronlib.layer.Layer` or a
:class:`~neuronlib.network.Network`. Inputs ``X`` have shape ``(m, n_inputs)`` (rows are
samples); targets ``y`` have one entry per output: ``(m,)`` for one output, or
``(m, n_outputs)``.

>>> from neuronlib.neuron import Neuron
>>> X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
>>> history = train(Neuron([0.0, 0.0], 0.0, "sigmoid"), X, [0, 0, 0, 1], "bce", 1.0, 500)
>>> history.model([1.0, 1.0]) > 0.5 > history.model([0.0, 1.0])
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

import numpy as np

from ._checks import (
    MAX_MAGNITUDE,
    as_array,
    as_batch,
    as_float,
    check_count,
    check_finite,
    check_positive,
    check_result,
)
from .activations import Activation
from .layer import Layer
from .losses import (
    Loss,
    binary_cross_entropy_with_preactivation,
    binary_cross_entropy_with_preactivation_gradient,
    get_loss,
)
from .network import Network
from .neuron import Neuron

__all__ = [
    "History",
    "TrainingDiverged",
    "accuracy",
    "batch_rows",
    "compute_loss",
    "dead_units",
    "gradients",
    "l2_penalty",
    "reinitialise_dead",
    "train",
]

Model = Union[Neuron, Layer, Network]


# --------------------------------------------------------------------------- helpers


def _as_network(model: Any) -> Network:
    if isinstance(model, Network):
        return model
    if isinstance(model, Layer):
        return Network([model])
    if isinstance(model, Neuron):
        return Network([Layer(model.weights.reshape(-1, 1), [model.bias], model.activation)])
    raise TypeError(f"model must be a Neuron, a Layer or a Network; got {type(model).__name__}")


def _rebuild(model: Model, params: list[tuple[np.ndarray, np.ndarray]]) -> Model:
    """A new model of the same kind as ``model`` with the given (weights, bias) per layer."""
    if isinstance(model, Neuron):
        (W, b), = params
        return Neuron(W[:, 0], b[0], model.activation)
    layers = _as_network(model).layers
    new = [Layer(W, b, layer.activation) for (W, b), layer in zip(params, layers)]
    return new[0] if isinstance(model, Layer) else Network(new)


@dataclass(frozen=True)
class _Arrays:
    """One layer during training: its weights, bias and activation as bare values."""

    weights: np.ndarray
    bias: np.ndarray
    activation: Any


class _Training:
    """The network :func:`train` is training, as bare arrays. The arithmetic is
    :meth:`Network.forward`'s, step for step (so the numbers are the same to the last bit),
    without re-checking the training data and rebuilding every Layer at every step: the data
    were checked once, and :meth:`step` checks the new weights as Layer would (finite, and at
    most 1e150 in size)."""

    def __init__(self, net: Network) -> None:
        self.layers = [_Arrays(layer.weights, layer.bias, layer.activation) for layer in net.layers]

    def forward(self, X: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        preactivations, outputs, A = [], [], X
        for i, layer in enumerate(self.layers):
            Z = A @ layer.weights + layer.bias
            check_result(Z, f"the preactivation of layer {i}")
            A = layer.activation(Z)
            preactivations.append(Z)
            outputs.append(A)
        return preactivations, outputs

    def step(self, learning_rate: float, grads, step: int) -> None:
        """``W ← W − learning_rate · ∂L/∂W`` and ``b ← b − learning_rate · ∂L/∂b`` for every
        layer; :class:`TrainingDiverged` if a new weight or bias is not finite or beyond 1e150."""
        new = []
        for layer, (dW, db) in zip(self.layers, grads):
            with np.errstate(over="ignore", invalid="ignore"):
                W, b = layer.weights - learning_rate * dW, layer.bias - learning_rate * db
            for values in (W, b):  # (NaN <= limit is False, as is inf <= limit)
                if not np.abs(values).max() <= MAX_MAGNITUDE:
                    raise TrainingDiverged(f"the weights (after step {step})", step)
            new.append(_Arrays(W, b, layer.activation))
        self.layers = new


def _data(net: Network, X: Any, y: Any, loss: Loss) -> tuple[np.ndarray, np.ndarray]:
    X, _ = as_batch(X, net.n_inputs, "X", f"the model has {net.n_inputs} inputs")
    Y = check_finite(as_array(y, "y"), "y")
    m, k = X.shape[0], net.n_outputs
    if Y.size != m * k:
        want = f"({m},)" if k == 1 else f"({m}, {k})"
        raise ValueError(
            f"y has {Y.size} entries (shape {Y.shape}) but X has {m} samples and the model has "
            f"{k} output{'s' if k > 1 else ''}: y must have shape {want}"
        )
    if loss.name == "bce" and np.any((Y < 0) | (Y > 1)):
        raise ValueError(
            f"loss 'bce' needs targets y between 0 and 1 (class labels 0 and 1); "
            f"got values from {Y.min():g} to {Y.max():g}"
        )
    return X, Y.reshape(m, k)


def _fused(loss: Loss, activation: Activation) -> bool:
    """BCE after a sigmoid: use the exact, stable form in terms of z."""
    return loss.name == "bce" and activation.name == "sigmoid"


class TrainingDiverged(ValueError):
    """The numbers blew up during :func:`train` (the learning rate is too large).

    ``step`` is the step at which training diverged: the smallest number of steps for which
    :func:`train` raises (with fewer steps it returns normally).

    Introduced in: Chapter 5 (Dead neurons).

    >>> from neuronlib.neuron import Neuron
    >>> try:  # each step multiplies the weight by -199
    ...     train(Neuron([1.0], 0.0, "identity"), [[10.0]], [0.0], "mse", 1.0, 100)
    ... except TrainingDiverged as error:
    ...     print(error.step)
    65
    """

    def __init__(self, what: str, step: int | None = None) -> None:
        super().__init__(
            f"training diverged: {what} became too large (inf, NaN or beyond 1e150); "
            f"try a smaller learning_rate"
        )
        self.step = step


def _forward(net: Network, X: np.ndarray, Y: np.ndarray, loss: Loss, step: int | None = None):
    """The network's forward pass and the loss: ``(value, preactivations, outputs)``."""
    try:
        with np.errstate(over="ignore", invalid="ignore"):
            Zs, outputs = net.forward(X)
    except ValueError:
        raise TrainingDiverged("a preactivation", step) from None
    output, f_out = outputs[-1], net.layers[-1].activation
    if loss.name == "bce" and not _fused(loss, f_out):
        bad = (output < 0) | (output > 1)
        if bad.any():
            raise ValueError(
                f"loss 'bce' needs outputs between 0 and 1, but this model's "
                f"{f_out.name} output gives {float(output[bad][0]):g}; use a sigmoid "
                f"output layer or loss='mse'"
            )
    try:
        with np.errstate(over="ignore", invalid="ignore"):
            if _fused(loss, f_out):
                # L = mean(ln(1 + e^z) − y z), the exact cross-entropy of σ(z)
                value = binary_cross_entropy_with_preactivation(Zs[-1], Y)
            else:
                value = loss(output, Y)
    except ValueError:  # the outputs grew beyond 1e150: a blow-up, not a bad argument
        raise TrainingDiverged("the loss", step) from None
    if not np.isfinite(value):
        raise TrainingDiverged("the loss", step)
    return float(value), Zs, outputs


def _backward(net: Network, X: np.ndarray, Y: np.ndarray, loss: Loss, Zs, outputs,
              step: int | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """Backpropagation: ``[(∂L/∂W, ∂L/∂b) per layer]`` from the forward pass's results."""
    layers = net.layers
    with np.errstate(over="ignore", invalid="ignore"):
        if _fused(loss, layers[-1].activation):
            dZ = binary_cross_entropy_with_preactivation_gradient(Zs[-1], Y)  # (σ(z) − y) / N
        else:
            dZ = np.asarray(loss.gradient(outputs[-1], Y), dtype=float) * layers[-1].activation.derivative(Zs[-1])
        inputs = [X, *outputs[:-1]]
        grads: list[tuple[np.ndarray, np.ndarray]] = [None] * len(layers)  # type: ignore[list-item]
        for i in range(len(layers) - 1, -1, -1):
            # ∂L/∂W_i = A_{i-1}ᵀ ∂L/∂Z_i;  ∂L/∂b_i = Σ_rows ∂L/∂Z_i   (inputs[i] is A_{i-1})
            grads[i] = (inputs[i].T @ dZ, dZ.sum(axis=0))
            if i > 0:
                # ∂L/∂Z_{i-1} = (∂L/∂Z_i W_iᵀ) ⊙ f'_{i-1}(Z_{i-1})
                dZ = (dZ @ layers[i].weights.T) * layers[i - 1].activation.derivative(Zs[i - 1])
        for dW, db in grads:
            if not (np.all(np.isfinite(dW)) and np.all(np.isfinite(db))):
                raise TrainingDiverged("a gradient", step)
    return grads


def _dead(preactivations: list[np.ndarray], net: Network) -> list[tuple[int, int]]:
    """``(layer, unit)`` of every ReLU unit whose preactivation is <= 0 on every row."""
    found = []
    for i, (Z, layer) in enumerate(zip(preactivations, net.layers)):
        if layer.activation.name != "relu":
            continue
        for j in np.flatnonzero(np.all(Z <= 0, axis=0)):
            found.append((i, int(j)))
    return found


def _l2(l2: Any) -> float:
    value = as_float(l2, "l2")
    if value < 0:
        raise ValueError(f"l2 (the regularisation strength λ) must be zero or positive; got {value:g}")
    return value


def _with_l2(net: Network, grads, l2: float, step: int | None = None):
    """``∂/∂W (L + λ/2 Σ W²) = ∂L/∂W + λ W`` for every layer (biases unchanged)."""
    if l2 == 0:
        return grads
    with np.errstate(over="ignore", invalid="ignore"):
        out = [(dW + l2 * layer.weights, db) for layer, (dW, db) in zip(net.layers, grads)]
    if not all(np.all(np.isfinite(dW)) for dW, _ in out):
        raise TrainingDiverged("a gradient", step)
    return out


# --------------------------------------------------------------------------- public


def l2_penalty(model: Model, l2: float) -> float:
    """The L2 regularisation term ``λ/2 Σ W²``: half of ``λ = l2`` times the sum of the squares of
    every weight (biases are not included). Added to the loss, it pulls every weight towards 0
    a little at each step, by ``learning_rate · λ · W``; large weights must earn their keep.

    Introduced in: Chapter 8 (A small network learns).

    >>> from neuronlib.neuron import Neuron
    >>> l2_penalty(Neuron([3.0, 4.0], 7.0, "relu"), 0.1)   # 0.1 / 2 · (9 + 16); the bias is free
    1.25
    """
    net = _as_network(model)
    return 0.5 * _l2(l2) * float(sum(np.sum(layer.weights**2) for layer in net.layers))


def batch_rows(m: int, batch_size: int, step: int) -> np.ndarray:
    """The rows of the training data that step ``step`` (counting from 0) learns from, with
    mini-batches of ``batch_size`` rows out of ``m``: the next ``batch_size`` rows after the
    previous step's, wrapping round at the end, ``(step · batch_size + i) mod m`` for
    ``i = 0 .. batch_size − 1``. The data sets come shuffled, so each batch is a random sample;
    after ``m / batch_size`` steps every row has been used once (one *epoch*).

    Introduced in: Chapter 8 (A small network learns).

    >>> batch_rows(5, 2, 0).tolist(), batch_rows(5, 2, 1).tolist(), batch_rows(5, 2, 2).tolist()
    ([0, 1], [2, 3], [4, 0])
    """
    m = check_count(m, "m")
    batch_size = check_count(batch_size, "batch_size")
    step = check_count(step, "step", minimum=0)
    if batch_size > m:
        raise ValueError(f"batch_size must be 1 to {m} (the number of training rows); got {batch_size}")
    return (step * batch_size + np.arange(batch_size)) % m


def compute_loss(model: Model, X: Any, y: Any, loss: str | Loss = "mse") -> float:
    """The loss of ``model`` on inputs ``X`` and targets ``y``, exactly as :func:`train`
    measures it (for ``"bce"`` after a sigmoid output: ``mean(ln(1 + e^z) − y z)``, the
    exact cross-entropy computed from the output preactivation ``z``).

    Introduced in: Chapter 5 (Dead neurons).

    >>> from neuronlib.neuron import Neuron
    >>> compute_loss(Neuron([1.0], 0.0, "identity"), [[1.0], [2.0]], [1.0, 0.0], "mse")
    2.0
    """
    net = _as_network(model)
    loss = get_loss(loss)
    X, Y = _data(net, X, y, loss)
    return _forward(net, X, Y, loss)[0]


def gradients(model: Model, X: Any, y: Any, loss: str | Loss = "mse", l2: float = 0.0) -> Any:
    """Gradients of the loss with respect to every weight and bias, by backpropagation
    over the full batch:

    ``∂L/∂Z_L = ∂L/∂A_L ⊙ f'_L(Z_L)``, ``∂L/∂W_l = A_{l−1}ᵀ ∂L/∂Z_l``,
    ``∂L/∂b_l = Σ_rows ∂L/∂Z_l``, ``∂L/∂Z_{l−1} = (∂L/∂Z_l W_lᵀ) ⊙ f'_{l−1}(Z_{l−1})``.

    (For ``"bce"`` after a sigmoid, ``∂L/∂Z_L = (σ(Z_L) − y)/N`` directly.) With ``l2 = λ > 0``
    these are the gradients of ``L + λ/2 Σ W²`` (:func:`l2_penalty`): ``λ W_l`` is added to
    ``∂L/∂W_l``; biases are not penalised (Chapter 8).

    Returns, matching the model:

    - :class:`Neuron`: ``{"weights": array (n_inputs,), "bias": float}``;
    - :class:`Layer`: ``{"weights": array (n_inputs, n_outputs), "bias": array (n_outputs,)}``;
    - :class:`Network`: a list with one such Layer dictionary per layer.

    Introduced in: Chapter 5 (Dead neurons).

    >>> from neuronlib.neuron import Neuron
    >>> gradients(Neuron([1.0], 0.0, "identity"), [[1.0], [2.0]], [1.0, 0.0], "mse")
    {'weights': array([4.]), 'bias': 2.0}
    """
    net = _as_network(model)
    loss = get_loss(loss)
    X, Y = _data(net, X, y, loss)
    grads = _with_l2(net, _backward(net, X, Y, loss, *_forward(net, X, Y, loss)[1:]), _l2(l2))
    if isinstance(model, Neuron):
        (dW, db), = grads
        return {"weights": dW[:, 0], "bias": float(db[0])}
    as_dicts = [{"weights": dW, "bias": db} for dW, db in grads]
    return as_dicts[0] if isinstance(model, Layer) else as_dicts


@dataclass(repr=False)
class History:
    """What :func:`train` did: ``loss[k]`` is the loss after ``k`` steps (``loss[0]`` before
    any training, so there are ``epochs + 1`` values); ``model`` is the trained model and
    ``initial_model`` the untouched starting one; ``n_dead[k]`` counts dead ReLU units
    after ``k`` steps (see :func:`dead_units`); ``test_loss[k]`` is the loss on the test data
    after ``k`` steps when :func:`train` was given some (Chapter 8), else empty.

    Introduced in: Chapter 5 (Dead neurons).

    >>> History(loss=[0.7, 0.5, 0.4], loss_name="bce", learning_rate=0.1)
    History(loss_name='bce', learning_rate=0.1, epochs=2, first_loss=0.7, final_loss=0.4)
    """

    loss: list[float]
    model: Any = None
    initial_model: Any = None
    loss_name: str | None = None
    learning_rate: float | None = None
    n_dead: list[int] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.loss = [float(v) for v in np.ravel(as_array(self.loss, "loss"))]

    @property
    def epochs(self) -> int:
        """Number of training steps taken."""
        return max(len(self.loss) - 1, 0)

    @property
    def final_loss(self) -> float:
        """The loss of the trained model."""
        return self.loss[-1]

    def __len__(self) -> int:
        return len(self.loss)

    def __repr__(self) -> str:
        if not self.loss:
            return f"History(loss_name={self.loss_name!r}, epochs=0)"
        return (
            f"History(loss_name={self.loss_name!r}, learning_rate={self.learning_rate!r}, "
            f"epochs={self.epochs}, first_loss={self.loss[0]:.4g}, final_loss={self.loss[-1]:.4g})"
        )


def train(
    model: Model,
    X: Any,
    y: Any,
    loss: str | Loss = "bce",
    learning_rate: float = 0.1,
    epochs: int = 100,
    *,
    batch_size: int | None = None,
    l2: float = 0.0,
    test: tuple[Any, Any] | None = None,
) -> History:
    """Full-batch gradient descent: ``epochs`` times, compute :func:`gradients` on all of
    ``X`` and step ``W ← W − learning_rate · ∂L/∂W``, ``b ← b − learning_rate · ∂L/∂b``.

    Chapter 8 adds three options. ``batch_size``: each step computes the gradients on the
    ``batch_size`` rows :func:`batch_rows` picks instead of on all of ``X`` (mini-batch
    gradient descent; ``epochs`` then counts steps, not passes over the data), while
    ``history.loss`` still records the loss on all of ``X``. ``l2 = λ``: each step descends
    ``L + λ/2 Σ W²`` (:func:`l2_penalty`), so the weights also shrink by ``learning_rate · λ · W``;
    ``history.loss`` records ``L`` without the penalty. ``test = (X_test, y_test)``:
    ``history.test_loss[k]`` is the loss on those data after ``k`` steps (never learned from).

    The model passed in is **not** changed: the trained model is a new object,
    ``history.model`` (of the same kind: Neuron, Layer or Network). Training is
    deterministic, so the same model and data always give the same result.

    ``loss`` is ``"bce"`` (binary cross-entropy; needs outputs in ``[0, 1]``, i.e. a
    sigmoid output) or ``"mse"``. Raises ``ValueError`` for a non-positive learning rate,
    and :class:`TrainingDiverged` (a ``ValueError``) if the numbers blow up (the learning rate
    is too large); its ``step`` says at which step.

    Introduced in: Chapter 5 (Dead neurons).

    >>> from neuronlib.neuron import Neuron
    >>> start = Neuron([0.0], 0.0, "identity")
    >>> history = train(start, [[1.0], [2.0], [3.0]], [2.0, 4.0, 6.0], "mse", 0.1, 1000)
    >>> round(float(history.model.weights[0]), 6), float(start.weights[0])  # learns y = 2x
    (2.0, 0.0)
    >>> len(history.loss), history.final_loss < 1e-12
    (1001, True)
    """
    net = _as_network(model)
    loss = get_loss(loss)
    X, Y = _data(net, X, y, loss)
    learning_rate = check_positive(learning_rate, "learning_rate")
    epochs = check_count(epochs, "epochs", minimum=0)
    m = X.shape[0]
    batch = m if batch_size is None else check_count(batch_size, "batch_size")
    if batch > m:
        raise ValueError(f"batch_size must be 1 to {m} (the number of rows of X); got {batch}")
    l2 = _l2(l2)
    if test is not None:
        if not (isinstance(test, (tuple, list)) and len(test) == 2):
            raise TypeError("test must be a pair (X_test, y_test)")
        X_test, Y_test = _data(net, *test, loss)
    losses: list[float] = []
    test_losses: list[float] = []
    n_dead: list[int] = []
    net = _Training(net)
    for epoch in range(epochs + 1):
        value, Zs, outputs = _forward(net, X, Y, loss, step=epoch)
        losses.append(value)
        n_dead.append(len(_dead(Zs, net)))
        if test is not None:
            test_losses.append(_forward(net, X_test, Y_test, loss, step=epoch)[0])
        if epoch == epochs:
            break
        if batch == m:
            grads = _backward(net, X, Y, loss, Zs, outputs, step=epoch + 1)
        else:  # the forward pass over all rows already holds the batch's rows
            rows = batch_rows(m, batch, epoch)
            grads = _backward(net, X[rows], Y[rows], loss, [Z[rows] for Z in Zs],
                              [A[rows] for A in outputs], step=epoch + 1)
        grads = _with_l2(net, grads, l2, step=epoch + 1)
        net.step(learning_rate, grads, epoch + 1)
    initial = model.copy()
    return History(
        loss=losses,
        model=_rebuild(model, [(layer.weights, layer.bias) for layer in net.layers]),
        initial_model=initial,
        loss_name=loss.name,
        learning_rate=learning_rate,
        n_dead=n_dead,
        test_loss=test_losses,
    )


def dead_units(model: Model, X: Any) -> list[tuple[int, int]]:
    """The ReLU units that are dead on ``X``: ``(layer_index, unit_index)`` for every unit
    whose preactivation is ``z <= 0`` for **every** row of ``X``. Such a unit outputs 0 and
    has ``relu'(z) = 0`` on all of them, so its gradient is zero for every training input
    and gradient descent can never revive it. Only ``relu`` units are checked (leaky ReLU,
    ELU and the smooth activations keep a nonzero slope). A Neuron is layer 0, unit 0.

    Introduced in: Chapter 5 (Dead neurons).

    >>> from neuronlib.neuron import Neuron
    >>> dead_units(Neuron([1.0], -5.0, "relu"), [[1.0], [2.0], [3.0]])
    [(0, 0)]
    """
    net = _as_network(model)
    preactivations, _ = net.forward(as_batch(X, net.n_inputs, "X", f"the model has {net.n_inputs} inputs")[0])
    return _dead(preactivations, net)


def reinitialise_dead(model: Model, X: Any, seed: int | np.random.Generator | None = 0) -> Model:
    """A copy of ``model`` in which every unit that :func:`dead_units` lists on ``X`` starts
    afresh: unit ``j`` of layer ``l`` gets the incoming weights ``W_l[:, j]`` that
    ``Network.random(sizes, activations, seed=seed)`` draws for that unit (He
    initialisation, normal with standard deviation ``√(2 / n_inputs of the layer)``) and
    bias ``b_l[j] = 0``. Every other weight and bias, including the weights leading *out*
    of a dead unit, is copied unchanged.

    The model passed in is **not** changed: the result is a new object of the same kind
    (Neuron, Layer or Network), as with :func:`train`. The same seed always gives the same
    result. Units are found dead on ``X`` before any is replaced.

    Introduced in: Chapter 5 (Dead neurons).

    >>> from neuronlib.layer import Layer
    >>> from neuronlib.network import Network
    >>> X = [[-1.0], [2.0]]
    >>> hidden = Layer([[1.0, 1.0]], [0.0, -5.0], "relu")  # unit 1: z = x - 5 < 0, dead
    >>> net = Network([hidden, Layer([[1.0], [1.0]], [0.0], "sigmoid")])
    >>> fresh = reinitialise_dead(net, X, seed=0)
    >>> dead_units(net, X), dead_units(fresh, X), fresh.layers[0].bias
    ([(0, 1)], [], array([0., 0.]))
    """
    net = _as_network(model)
    dead = dead_units(net, X)
    fresh = Network.random(net.sizes, net.activations, seed=seed)
    params = [(layer.weights.copy(), layer.bias.copy()) for layer in net.layers]
    for i, j in dead:
        W, b = params[i]
        W[:, j], b[j] = fresh.layers[i].weights[:, j], 0.0
    return _rebuild(model, params)


def accuracy(model: Model, X: Any, y: Any, threshold: float = 0.5) -> float:
    """The fraction of inputs a one-output classifier gets right: input ``n`` is put in
    class 1 when the output is at least the threshold, ``ŷ_n = 1 if output_n >= threshold
    else 0``, and

    ``accuracy = (number of n with ŷ_n = y_n) / m``

    for ``m`` inputs (rows of ``X``) and labels ``y`` of 0s and 1s, shape ``(m,)`` or
    ``(m, 1)``. Raises ``ValueError`` if the model has more than one output, if a label is
    not 0 or 1, if the shapes do not match, or if the threshold is not a finite number.

    Introduced in: Chapter 5 (Dead neurons).

    >>> from neuronlib.neuron import Neuron
    >>> accuracy(Neuron([1.0], 0.0, "identity"), [[-2.0], [0.5], [0.7], [3.0]], [0, 0, 1, 1])
    0.75
    """
    net = _as_network(model)
    if net.n_outputs != 1:
        raise ValueError(
            f"accuracy needs a model with one output (a yes/no classifier); this one has "
            f"{net.n_outputs} outputs"
        )
    X, _ = as_batch(X, net.n_inputs, "X", f"the model has {net.n_inputs} inputs")
    labels = check_finite(as_array(y, "y"), "y")
    m = X.shape[0]
    if m == 0:
        raise ValueError("accuracy needs at least one input; X has no rows")
    if labels.shape not in ((m,), (m, 1)):
        raise ValueError(
            f"y must hold one label per row of X, shape ({m},); got shape {labels.shape}"
        )
    labels = labels.reshape(m)
    if not np.all((labels == 0) | (labels == 1)):
        bad = labels[(labels != 0) & (labels != 1)][0]
        raise ValueError(f"y must hold class labels 0 and 1; found {bad:g}")
    threshold = as_float(threshold, "threshold", limit=None)
    predicted = net(X)[:, 0] >= threshold
    return float(np.mean(predicted == (labels == 1)))
