"""Chapter 8's training: mini-batches, L2 regularisation, test loss, and the seeded starting
weights, checked against finite differences and hand-written steps."""

import doctest

import numpy as np
import pytest

from neuronlib import data as D
from neuronlib import seeded
from neuronlib.layer import Layer
from neuronlib.network import Network
from neuronlib.training import (TrainingDiverged, batch_rows, compute_loss, dead_units, gradients,
                                l2_penalty, train)


def _net(seed=0, activation="tanh"):
    return Network.random([2, 4, 3, 1], [activation, activation, "sigmoid"], seed=seed)


def _objective(net, X, y, l2):
    return compute_loss(net, X, y, "bce") + l2_penalty(net, l2)


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "softplus", "relu"])
@pytest.mark.parametrize("l2", [0.0, 0.05, 1.0])
def test_l2_gradients_equal_finite_differences(activation, l2):
    X, y = D.circles(n=30, seed=1, noise=0.1)
    net = _net(2, activation)
    grads = gradients(net, X, y, "bce", l2=l2)
    h = 1e-6
    for i, layer in enumerate(net.layers):
        for which in ("weights", "bias"):
            values = getattr(layer, which)
            for index in np.ndindex(values.shape):
                def shifted(delta):
                    params = [(L.weights.copy(), L.bias.copy()) for L in net.layers]
                    (params[i][0] if which == "weights" else params[i][1])[index] += delta
                    moved = Network([Layer(W, b, L.activation) for (W, b), L in zip(params, net.layers)])
                    return _objective(moved, X, y, l2)
                numeric = (shifted(h) - shifted(-h)) / (2 * h)
                assert abs(grads[i][which][index] - numeric) < 1e-6, (i, which, index)


def test_l2_penalty_is_half_lambda_times_the_squared_weights():
    net = Network([Layer([[1.0, -2.0]], [5.0, 5.0], "relu"), Layer([[3.0], [0.5]], [-9.0], "sigmoid")])
    assert l2_penalty(net, 0.2) == pytest.approx(0.1 * (1 + 4 + 9 + 0.25))
    assert l2_penalty(net, 0.0) == 0.0
    with pytest.raises(ValueError, match="l2 .* must be zero or positive"):
        l2_penalty(net, -0.1)


def test_batches_walk_through_the_rows_and_wrap_round():
    rows = np.concatenate([batch_rows(7, 3, k) for k in range(7)])
    # 7 steps of 3 rows use each of the 7 rows exactly 3 times, in order
    assert rows.tolist() == [k % 7 for k in range(21)]
    assert batch_rows(4, 4, 5).tolist() == [0, 1, 2, 3]
    with pytest.raises(ValueError, match="batch_size must be 1 to 4"):
        batch_rows(4, 5, 0)


def test_one_mini_batch_step_is_a_gradient_step_on_the_batch_only():
    X, y = D.xor(n=20, seed=3)
    net = _net(1)
    lr, l2 = 0.3, 0.01
    history = train(net, X, y, "bce", lr, 2, batch_size=6, l2=l2)
    expected = net
    for step in range(2):
        rows = batch_rows(20, 6, step)
        grads = gradients(expected, X[rows], y[rows], "bce", l2=l2)
        expected = Network([Layer(L.weights - lr * g["weights"], L.bias - lr * g["bias"], L.activation)
                            for L, g in zip(expected.layers, grads)])
        # the recorded loss is on all the rows, without the penalty
        assert history.loss[step + 1] == pytest.approx(compute_loss(expected, X, y, "bce"), abs=1e-12)
    for got, want in zip(history.model.layers, expected.layers):
        np.testing.assert_allclose(got.weights, want.weights, atol=1e-12)
        np.testing.assert_allclose(got.bias, want.bias, atol=1e-12)


def test_full_batch_is_the_default_and_batch_size_m_changes_nothing():
    X, y = D.circles(n=24, seed=0)
    net = _net(4)
    a = train(net, X, y, "bce", 0.5, 30)
    b = train(net, X, y, "bce", 0.5, 30, batch_size=24, l2=0.0)
    assert a.loss == b.loss and a.model == b.model


def test_l2_shrinks_the_weights():
    X, y = D.spiral(n=60, seed=0)
    net = _net(5, "relu")
    plain = train(net, X, y, "bce", 0.5, 200)
    shrunk = train(net, X, y, "bce", 0.5, 200, l2=0.05)
    size = lambda model: sum(float(np.sum(L.weights**2)) for L in model.layers)  # noqa: E731
    assert size(shrunk.model) < size(plain.model)


def test_test_loss_is_the_loss_on_the_test_data_at_every_step():
    (X, y), (X_test, y_test) = D.train_test_split(*D.circles(n=40, seed=2), test_fraction=0.5)
    net = _net(6)
    history = train(net, X, y, "bce", 0.5, 5, batch_size=5, test=(X_test, y_test))
    assert len(history.test_loss) == 6
    assert history.test_loss[0] == pytest.approx(compute_loss(net, X_test, y_test, "bce"))
    five = train(net, X, y, "bce", 0.5, 5, batch_size=5).model
    assert history.test_loss[5] == pytest.approx(compute_loss(five, X_test, y_test, "bce"))
    assert train(net, X, y, "bce", 0.5, 5).test_loss == []


def test_bad_options_are_refused():
    X, y = D.xor(n=10)
    net = _net()
    with pytest.raises(ValueError, match="batch_size must be 1 to 10"):
        train(net, X, y, "bce", 0.1, 3, batch_size=11)
    with pytest.raises(ValueError, match="l2 .* must be zero or positive"):
        train(net, X, y, "bce", 0.1, 3, l2=-1)
    with pytest.raises(TypeError, match="test must be a pair"):
        train(net, X, y, "bce", 0.1, 3, test=X)


def test_a_huge_l2_makes_training_diverge_with_the_step():
    X, y = D.xor(n=10)
    with pytest.raises(TrainingDiverged) as caught:
        train(_net(), X, y, "bce", 1.0, 200, l2=1e3)
    assert caught.value.step is not None and caught.value.step >= 1


def test_dead_units_are_found_in_every_hidden_layer():
    # layer 1 unit 1 has z = -x1 - 10 < 0 on all inputs; layer 2 unit 0 gets only negative input
    X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0]])
    hidden1 = Layer([[1.0, -1.0], [1.0, 0.0]], [0.0, -10.0], "relu")
    hidden2 = Layer([[-1.0, 1.0], [1.0, 1.0]], [0.0, 0.0], "relu")
    net = Network([hidden1, hidden2, Layer([[1.0], [1.0]], [0.0], "sigmoid")])
    assert dead_units(net, X) == [(0, 1), (1, 0)]


def test_seeded_uniforms_match_the_published_mulberry32():
    # Mulberry32 seeded with 1 starts 0.6270739405881613 (the generator's reference output)
    assert seeded.uniforms(1, 1)[0] == 0.6270739405881613
    values = seeded.uniforms(12345, 10000)
    assert values.min() >= 0 and values.max() < 1 and abs(values.mean() - 0.5) < 0.01


def test_seeded_network_is_he_scaled_sums_of_twelve_uniforms():
    net = seeded.seeded_network([2, 3, 2, 1], ["relu", "relu", "sigmoid"], seed=9)
    u = seeded.uniforms(9, 12 * (6 + 6 + 2)).reshape(-1, 12)
    z = u.sum(axis=1) - 6
    np.testing.assert_allclose(net.layers[0].weights.ravel(), z[:6] * np.sqrt(2 / 2), atol=1e-15)
    np.testing.assert_allclose(net.layers[1].weights.ravel(), z[6:12] * np.sqrt(2 / 3), atol=1e-15)
    np.testing.assert_allclose(net.layers[2].weights.ravel(), z[12:] * np.sqrt(2 / 2), atol=1e-15)
    assert all(not L.bias.any() for L in net.layers)
    assert seeded.seeded_network([2, 3, 1], "relu", 9) == seeded.seeded_network([2, 3, 1], "relu", 9)
    assert seeded.seeded_network([2, 3, 1], "relu", 9) != seeded.seeded_network([2, 3, 1], "relu", 10)


def test_seeded_normals_have_mean_0_and_variance_1():
    z = seeded.normals(4, 50000)
    assert abs(z.mean()) < 0.02 and abs(z.var() - 1) < 0.02 and np.abs(z).max() <= 6


def test_seeds_outside_32_bits_are_refused():
    with pytest.raises(ValueError, match="seed must be a whole number from 0 to 4294967295"):
        seeded.uniforms(2**32, 1)
    with pytest.raises(ValueError, match="seed must be a whole number"):
        seeded.seeded_network([2, 1], "sigmoid", seed=-1)


def test_docstring_examples_run():
    assert doctest.testmod(seeded).failed == 0
