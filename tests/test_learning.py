"""Chapter 6: finite differences, mini-batches and descent paths for one neuron, checked
against closed forms and hand-written loops (never against neuronlib's own output)."""

import doctest

import numpy as np
import pytest

from neuronlib import learning as L
from neuronlib.layer import Layer
from neuronlib.learning import (
    DescentPath,
    descent_path,
    in_original_units,
    loss_grid,
    numerical_gradient,
    steps_to_reach,
    train_in_batches,
)
from neuronlib.neuron import Neuron
from neuronlib.training import History

RNG = np.random.default_rng(6)
X = RNG.normal(size=(15, 2))
Y01 = (X[:, 0] - X[:, 1] > 0.3).astype(float)
YREAL = RNG.normal(size=15)


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _mse_gradient(w, b, X, y):
    """Closed form for an identity neuron: ∂/∂w mean((Xw + b − y)²) = 2 mean((Xw + b − y) x)."""
    r = X @ w + b - y
    return 2.0 * X.T @ r / len(y), 2.0 * r.mean()


def _bce_gradient(w, b, X, y):
    """Closed form for sigmoid + cross-entropy: mean((σ(z) − y) x) and mean(σ(z) − y)."""
    r = _sigmoid(X @ w + b) - y
    return X.T @ r / len(y), r.mean()


def test_docstring_examples_run():
    result = doctest.testmod(L)
    assert result.attempted >= 8 and result.failed == 0


@pytest.mark.parametrize("activation, loss, exact", [
    ("identity", "mse", _mse_gradient),
    ("sigmoid", "bce", _bce_gradient),
])
def test_numerical_gradient_agrees_with_the_closed_form(activation, loss, exact):
    w, b = np.array([0.7, -0.4]), 0.2
    y = YREAL if loss == "mse" else Y01
    got = numerical_gradient(Neuron(w, b, activation), X, y, loss)
    dW, db = exact(w, b, X, y)
    assert np.allclose(got["weights"], dW, atol=1e-8, rtol=0)
    assert abs(got["bias"] - db) < 1e-8


def test_numerical_gradient_error_shrinks_like_h_squared():
    # a central difference is off by about h²/6 times the loss's third derivative, so 10
    # times smaller h gives about 100 times less error (while round-off is still negligible)
    w, b = np.array([0.7, -0.4]), 0.2
    dW, _ = _bce_gradient(w, b, X, Y01)
    errors = [abs(numerical_gradient(Neuron(w, b, "sigmoid"), X, Y01, "bce", h)["weights"][0] - dW[0])
              for h in (1e-1, 1e-2)]
    assert 50 < errors[0] / errors[1] < 200


def test_full_batch_is_plain_gradient_descent():
    w, b, rate = np.zeros(2), 0.0, 0.5
    expected = []
    for _ in range(30):
        dW, db = _bce_gradient(w, b, X, Y01)
        w, b = w - rate * dW, b - rate * db
        z = X @ w + b
        expected.append(np.mean(np.logaddexp(0.0, z) - Y01 * z))
    for batch in (None, len(Y01), 100):
        run = train_in_batches(Neuron([0.0, 0.0], 0.0, "sigmoid"), X, Y01, "bce", rate, 30, batch)
        assert np.allclose(run.model.weights, w, atol=1e-12) and abs(run.model.bias - b) < 1e-12
        assert np.allclose(run.loss[1:], expected, atol=1e-12)
        assert abs(run.loss[0] - np.log(2.0)) < 1e-12  # σ(0) = 1/2 for everyone


@pytest.mark.parametrize("batch", [1, 4])
def test_mini_batches_follow_a_hand_written_loop(batch):
    rate, epochs, seed = 0.05, 3, 11
    w, b = np.array([0.3, -0.2]), 0.1
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        order = rng.permutation(len(YREAL))
        for start in range(0, len(YREAL), batch):
            rows = order[start:start + batch]
            dW, db = _mse_gradient(w, b, X[rows], YREAL[rows])
            w, b = w - rate * dW, b - rate * db
    run = train_in_batches(Neuron([0.3, -0.2], 0.1, "identity"), X, YREAL, "mse", rate, epochs,
                           batch, seed=seed)
    assert np.allclose(run.model.weights, w, atol=1e-12) and abs(run.model.bias - b) < 1e-12
    assert abs(run.final_loss - np.mean((X @ w + b - YREAL) ** 2)) < 1e-12
    assert len(run.loss) == epochs + 1 and run.epochs == epochs


def test_one_example_at_a_time_finds_an_exact_fit():
    Xs = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [2.0, -1.0]])
    ys = Xs @ np.array([1.5, -2.0]) + 0.5
    run = train_in_batches(Neuron([0.0, 0.0], 0.0, "identity"), Xs, ys, "mse", 0.05, 2000, 1)
    assert np.allclose(run.model.weights, [1.5, -2.0], atol=1e-9)
    assert abs(run.model.bias - 0.5) < 1e-9


def test_training_leaves_the_starting_neuron_alone():
    start = Neuron([0.0, 0.0], 0.0, "sigmoid")
    run = train_in_batches(start, X, Y01, "bce", 0.5, 2, 3)
    assert start == Neuron([0.0, 0.0], 0.0, "sigmoid") and run.initial_model == start
    assert isinstance(run, History) and run.loss_name == "bce" and run.learning_rate == 0.5


# x has mean 0 and mean square 1, so L(w, b) = mean((w x + b − t)²) = (w − 1)² + (b − 1)²
# for t = x + 1 (an exact fit at w = b = 1), and each full-batch step multiplies the
# distance to (1, 1) by (1 − 2η).
XQ = np.array([[-1.0], [1.0]])
TQ = np.array([0.0, 2.0])


@pytest.mark.parametrize("rate", [0.1, 0.3, 0.5, 0.9])
def test_descent_path_shrinks_the_distance_by_one_minus_two_eta(rate):
    path = descent_path(Neuron([-1.0], 2.0, "identity"), XQ, TQ, "mse", rate, 12)
    k = np.arange(13)
    factor = (1.0 - 2.0 * rate) ** k
    assert np.allclose(path.weights[:, 0], 1.0 - 2.0 * factor, atol=1e-12)
    assert np.allclose(path.biases, 1.0 + factor, atol=1e-12)
    assert np.allclose(path.losses, 5.0 * factor**2, atol=1e-12)
    assert not path.diverged and path.steps == 12


def test_descent_path_stops_when_the_loss_passes_the_limit():
    # η = 1.5: the distance doubles (factor −2) and the loss 5·4^k passes 1e6 first at k = 9
    path = descent_path(Neuron([-1.0], 2.0, "identity"), XQ, TQ, "mse", 1.5, 100, stop_above=1e6)
    assert path.diverged and path.steps == 9
    assert path.losses[-1] > 1e6 > path.losses[-2]
    assert np.allclose(path.losses, 5.0 * 4.0 ** np.arange(10), rtol=1e-12)


def test_descent_path_neuron_and_repr():
    path = descent_path(Neuron([-1.0], 2.0, "identity"), XQ, TQ, "mse", 0.25, 3)
    assert path.neuron(0) == Neuron([-1.0], 2.0, "identity")
    assert path.neuron().weights[0] == path.weights[-1, 0]
    assert repr(path) == "DescentPath(learning_rate=0.25, steps=3, diverged=False)"
    assert isinstance(path, DescentPath)


def test_loss_grid_is_the_closed_form_surface():
    ws, bs = np.linspace(-2, 3, 7), np.linspace(-1, 2, 5)
    grid = loss_grid(Neuron([0.0], 0.0, "identity"), XQ, TQ, "mse", ws, bs)
    expected = (ws[None, :] - 1.0) ** 2 + (bs[:, None] - 1.0) ** 2
    assert grid.shape == (5, 7) and np.allclose(grid, expected, atol=1e-12)


def test_loss_grid_varies_only_the_chosen_weight():
    ws, bs = np.array([0.5, 1.0]), np.array([0.0])
    grid = loss_grid(Neuron([0.3, -0.7], 0.0, "identity"), X, YREAL, "mse", ws, bs, index=1)
    expected = [np.mean((X @ np.array([0.3, w]) - YREAL) ** 2) for w in ws]
    assert np.allclose(grid[0], expected, atol=1e-12)


def test_steps_to_reach():
    assert steps_to_reach([1.0, 0.8, 0.5, 0.4], 0.5) == 2
    assert steps_to_reach([1.0, 0.8], 0.1) is None
    assert steps_to_reach(History(loss=[0.3, 0.1]), 0.3) == 0


def test_bad_input_gets_clear_errors():
    layer = Layer([[1.0], [1.0]], [0.0], "sigmoid")
    with pytest.raises(TypeError, match="one Neuron"):
        numerical_gradient(layer, X, Y01, "bce")
    with pytest.raises(ValueError, match=r"shape \(samples, 2\)"):
        train_in_batches(Neuron([0.0, 0.0]), X[:, :1], Y01)
    with pytest.raises(ValueError, match="one target per row"):
        descent_path(Neuron([0.0, 0.0]), X, Y01[:3])
    with pytest.raises(ValueError, match="batch_size must be a positive whole number"):
        train_in_batches(Neuron([0.0, 0.0]), X, Y01, batch_size=0)
    with pytest.raises(ValueError, match="learning_rate must be a positive number"):
        descent_path(Neuron([0.0, 0.0]), X, Y01, learning_rate=-1.0)
    with pytest.raises(ValueError, match="index must name one of the neuron's 2 weights"):
        loss_grid(Neuron([0.0, 0.0]), X, Y01, "mse", [0.0], [0.0], index=2)


def test_in_original_units_gives_the_same_preactivation_for_every_input():
    raw = X * np.array([0.1, 15.0]) + np.array([1.7, 75.0])   # metres and kilograms, say
    mean, std = raw.mean(axis=0), raw.std(axis=0)
    trained = Neuron([-0.8, 1.3], 0.4, "sigmoid")
    back = in_original_units(trained, mean, std)
    assert np.allclose(back.preactivation(raw), trained.preactivation((raw - mean) / std), atol=1e-12)
    assert back.activation == trained.activation
    with pytest.raises(ValueError, match="one entry per input"):
        in_original_units(trained, [1.0], [1.0])
    with pytest.raises(ValueError, match="std must be positive"):
        in_original_units(trained, [0.0, 0.0], [1.0, 0.0])
