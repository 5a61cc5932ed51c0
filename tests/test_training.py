"""Chapter 5: backpropagation, gradient descent and dead ReLU units."""

import doctest

import numpy as np
import pytest

from neuronlib import training as T
from neuronlib.layer import Layer
from neuronlib.losses import Loss, mse, mse_gradient
from neuronlib.network import Network
from neuronlib.neuron import Neuron
from neuronlib.training import History, TrainingDiverged, compute_loss, dead_units, gradients, train


def test_docstring_examples_run():
    result = doctest.testmod(T)
    assert result.attempted > 8 and result.failed == 0


RNG = np.random.default_rng(0)
X2 = RNG.normal(size=(12, 2))
Y01 = (X2[:, 0] + 0.5 * X2[:, 1] > 0).astype(float)
YREAL = RNG.normal(size=12)


def _numeric_neuron_gradients(neuron, X, y, loss, h=1e-6):
    dW = np.zeros(neuron.n_inputs)
    for i in range(neuron.n_inputs):
        up, down = neuron.weights.copy(), neuron.weights.copy()
        up[i] += h
        down[i] -= h
        dW[i] = (
            compute_loss(Neuron(up, neuron.bias, neuron.activation), X, y, loss)
            - compute_loss(Neuron(down, neuron.bias, neuron.activation), X, y, loss)
        ) / (2 * h)
    db = (
        compute_loss(Neuron(neuron.weights, neuron.bias + h, neuron.activation), X, y, loss)
        - compute_loss(Neuron(neuron.weights, neuron.bias - h, neuron.activation), X, y, loss)
    ) / (2 * h)
    return dW, db


def _numeric_network_gradients(net, X, y, loss, h=1e-6):
    result = []
    for index, layer in enumerate(net.layers):
        grads = {}
        for name in ("weights", "bias"):
            value = getattr(layer, name)
            grad = np.zeros_like(value)
            for i in np.ndindex(value.shape):
                losses = []
                for sign in (1, -1):
                    moved = net.copy()
                    changed = value.copy()
                    changed[i] += sign * h
                    setattr(moved.layers[index], name, changed)
                    losses.append(compute_loss(moved, X, y, loss))
                grad[i] = (losses[0] - losses[1]) / (2 * h)
            grads[name] = grad
        result.append(grads)
    return result


# ------------------------------------------------------------------ gradients


@pytest.mark.parametrize(
    "activation, loss, y",
    [
        ("sigmoid", "bce", Y01),
        ("sigmoid", "mse", Y01),
        ("tanh", "mse", YREAL),
        ("identity", "mse", YREAL),
        ("softplus", "mse", YREAL),
        ("relu", "mse", YREAL),
        ("gelu", "mse", YREAL),
    ],
)
def test_neuron_gradients_match_numeric_gradients(activation, loss, y):
    neuron = Neuron([0.7, -0.4], bias=0.15, activation=activation)
    analytic = gradients(neuron, X2, y, loss)
    dW, db = _numeric_neuron_gradients(neuron, X2, y, loss)
    np.testing.assert_allclose(analytic["weights"], dW, rtol=1e-5, atol=1e-8)
    assert analytic["bias"] == pytest.approx(db, rel=1e-5, abs=1e-8)
    assert type(analytic["bias"]) is float


def test_neuron_bce_gradient_with_probability_output_matches_numeric_gradient():
    # BCE after a non-sigmoid output in [0, 1] (step has zero slope, so use the
    # identity on inputs that keep the outputs inside (0, 1)).
    X = np.array([[0.2], [0.4], [0.7]])
    neuron = Neuron([0.5], bias=0.1, activation="identity")
    y = np.array([0.0, 1.0, 1.0])
    analytic = gradients(neuron, X, y, "bce")
    dW, db = _numeric_neuron_gradients(neuron, X, y, "bce")
    np.testing.assert_allclose(analytic["weights"], dW, rtol=1e-5)
    assert analytic["bias"] == pytest.approx(db, rel=1e-5)


@pytest.mark.parametrize(
    "activations, loss, y",
    [
        (["tanh", "sigmoid"], "bce", Y01),
        (["relu", "sigmoid"], "bce", Y01),
        (["tanh", "sigmoid"], "mse", Y01),
        (["sigmoid", "identity"], "mse", YREAL),
        (["elu", "identity"], "mse", YREAL),
        (["swish", "tanh"], "mse", YREAL),
    ],
)
def test_two_layer_network_gradients_match_numeric_gradients(activations, loss, y):
    net = Network.random([2, 3, 1], activations, seed=3, init="normal")
    for layer in net.layers:
        layer.bias = np.linspace(-0.3, 0.4, layer.n_outputs)
    analytic = gradients(net, X2, y, loss)
    numeric = _numeric_network_gradients(net, X2, y, loss)
    assert len(analytic) == 2
    for a, n in zip(analytic, numeric):
        np.testing.assert_allclose(a["weights"], n["weights"], rtol=1e-5, atol=1e-8)
        np.testing.assert_allclose(a["bias"], n["bias"], rtol=1e-5, atol=1e-8)


def test_three_layer_network_with_two_outputs_gradients_match_numeric_gradients():
    net = Network.random([2, 4, 3, 2], ["tanh", "softplus", "identity"], seed=11, init="normal")
    Y = np.column_stack([YREAL, -YREAL ** 2])
    analytic = gradients(net, X2, Y, "mse")
    numeric = _numeric_network_gradients(net, X2, Y, "mse")
    for a, n in zip(analytic, numeric):
        np.testing.assert_allclose(a["weights"], n["weights"], rtol=1e-5, atol=1e-8)
        np.testing.assert_allclose(a["bias"], n["bias"], rtol=1e-5, atol=1e-8)


def test_layer_gradients_are_a_dictionary_of_the_layers_shapes():
    layer = Layer(np.ones((2, 1)) * 0.3, [0.1], "sigmoid")
    grads = gradients(layer, X2, Y01, "bce")
    assert grads["weights"].shape == (2, 1) and grads["bias"].shape == (1,)
    neuron_grads = gradients(layer.neurons[0], X2, Y01, "bce")
    np.testing.assert_allclose(grads["weights"][:, 0], neuron_grads["weights"])


def test_gradient_of_a_neuron_equals_gradient_of_the_same_one_unit_network():
    neuron = Neuron([0.3, -0.2], 0.05, "tanh")
    net = Network([Layer(neuron.weights.reshape(2, 1), [neuron.bias], "tanh")])
    a, (b,) = gradients(neuron, X2, YREAL, "mse"), gradients(net, X2, YREAL, "mse")
    np.testing.assert_allclose(a["weights"], b["weights"][:, 0])


def test_custom_loss_objects_are_used():
    custom = Loss("half_mse", lambda p, t: 0.5 * mse(p, t), lambda p, t: 0.5 * mse_gradient(p, t), "")
    neuron = Neuron([0.3, -0.2], 0.05, "identity")
    half = gradients(neuron, X2, YREAL, custom)
    full = gradients(neuron, X2, YREAL, "mse")
    np.testing.assert_allclose(half["weights"], 0.5 * full["weights"])
    assert compute_loss(neuron, X2, YREAL, custom) == pytest.approx(0.5 * compute_loss(neuron, X2, YREAL, "mse"))


def test_step_neuron_gets_zero_gradient():
    grads = gradients(Neuron([1.0, 1.0], 0.0, "step"), X2, YREAL, "mse")
    assert np.all(grads["weights"] == 0) and grads["bias"] == 0


# ------------------------------------------------------------------ train


def test_training_lowers_the_loss_and_separates_blobs():
    X = np.vstack([RNG.normal(-2, 0.5, size=(20, 2)), RNG.normal(2, 0.5, size=(20, 2))])
    y = np.repeat([0.0, 1.0], 20)
    history = train(Neuron([0.0, 0.0], 0.0, "sigmoid"), X, y, "bce", learning_rate=0.5, epochs=200)
    assert history.loss[-1] < history.loss[0] / 10
    assert np.all((history.model(X) > 0.5) == (y == 1))


def test_history_records_one_loss_before_training_and_one_per_epoch():
    history = train(Neuron([0.1, 0.1], 0.0, "sigmoid"), X2, Y01, epochs=7)
    assert len(history.loss) == 8 and len(history.n_dead) == 8 and len(history) == 8
    assert history.epochs == 7
    assert history.loss[0] == pytest.approx(compute_loss(Neuron([0.1, 0.1], 0.0, "sigmoid"), X2, Y01, "bce"))
    assert history.final_loss == pytest.approx(compute_loss(history.model, X2, Y01, "bce"))
    assert history.loss_name == "bce" and history.learning_rate == 0.1


def test_one_epoch_is_one_gradient_step():
    net = Network.random([2, 3, 1], ["relu", "sigmoid"], seed=2)
    grads = gradients(net, X2, Y01, "bce")
    trained = train(net, X2, Y01, "bce", learning_rate=0.3, epochs=1).model
    for before, after, g in zip(net.layers, trained.layers, grads):
        np.testing.assert_allclose(after.weights, before.weights - 0.3 * g["weights"])
        np.testing.assert_allclose(after.bias, before.bias - 0.3 * g["bias"])


def test_training_leaves_the_initial_model_untouched():
    net = Network.random([2, 3, 1], ["relu", "sigmoid"], seed=2)
    snapshot = net.copy()
    history = train(net, X2, Y01, epochs=20)
    assert net == snapshot
    assert history.initial_model == snapshot and history.initial_model is not net
    assert history.model != net
    assert isinstance(history.model, Network)


def test_training_returns_the_same_kind_of_model():
    assert isinstance(train(Neuron([0.1, 0.2], 0.0, "sigmoid"), X2, Y01, epochs=2).model, Neuron)
    layer = Layer([[0.1], [0.2]], [0.0], "sigmoid")
    assert isinstance(train(layer, X2, Y01, epochs=2).model, Layer)


def test_seeded_training_repeats_exactly():
    def run():
        net = Network.random([2, 4, 1], ["relu", "sigmoid"], seed=9)
        return train(net, X2, Y01, "bce", 0.2, 30)

    a, b = run(), run()
    assert a.loss == b.loss
    assert a.model == b.model


def test_zero_epochs_measures_without_training():
    neuron = Neuron([0.1, 0.2], 0.0, "sigmoid")
    history = train(neuron, X2, Y01, epochs=0)
    assert history.epochs == 0 and len(history.loss) == 1 and history.model == neuron


def test_mse_training_fits_a_line():
    X = np.linspace(-1, 1, 11).reshape(-1, 1)
    history = train(Neuron([0.0], 0.0, "identity"), X, 3 * X[:, 0] - 1, "mse", 0.3, 500)
    assert history.model.weights[0] == pytest.approx(3.0, abs=1e-6)
    assert history.model.bias == pytest.approx(-1.0, abs=1e-6)


def test_network_learns_xor():
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([0, 1, 1, 0], dtype=float)
    net = Network.random([2, 4, 1], ["tanh", "sigmoid"], seed=1, init="normal")
    history = train(net, X, y, "bce", learning_rate=1.0, epochs=2000)
    assert np.all((history.model(X)[:, 0] > 0.5) == (y == 1))


def test_non_positive_learning_rate_is_refused():
    neuron = Neuron([0.0, 0.0], 0.0, "sigmoid")
    with pytest.raises(ValueError, match="learning_rate must be a positive number; got -0.1"):
        train(neuron, X2, Y01, learning_rate=-0.1)
    with pytest.raises(ValueError, match="learning_rate must be a positive number; got 0.0"):
        train(neuron, X2, Y01, learning_rate=0)
    with pytest.raises(ValueError, match="epochs must be a whole number >= 0; got -1"):
        train(neuron, X2, Y01, epochs=-1)


def test_divergence_is_reported_clearly():
    X = np.linspace(-10, 10, 21).reshape(-1, 1)
    with pytest.raises(ValueError, match="training diverged: .* try a smaller learning_rate"):
        train(Neuron([1.0], 0.0, "identity"), X, 5 * X[:, 0], "mse", learning_rate=10.0, epochs=500)


def test_divergence_says_the_first_number_of_steps_that_fails():
    X = np.linspace(-10, 10, 21).reshape(-1, 1)
    start, y = Neuron([1.0], 0.0, "identity"), 5 * X[:, 0]
    with pytest.raises(TrainingDiverged) as caught:
        train(start, X, y, "mse", learning_rate=10.0, epochs=500)
    step = caught.value.step
    train(start, X, y, "mse", learning_rate=10.0, epochs=step - 1)  # one step fewer: no blow-up
    with pytest.raises(TrainingDiverged):
        train(start, X, y, "mse", learning_rate=10.0, epochs=step)


def test_divergence_in_the_forward_pass_is_reported():
    big = Layer(np.full((1, 2), 1e150), [0.0, 0.0], "identity")
    net = Network([big, Layer(np.full((2, 1), 1e150), [0.0], "identity")])
    with pytest.raises(ValueError, match="training diverged: a preactivation"):
        train(net, [[1e150]], [0.0], "mse")


def test_a_loss_that_overflows_is_reported_as_divergence():
    with pytest.raises(ValueError, match="training diverged: the loss"):
        train(Neuron([1e150], 0.0, "identity"), [[1e150]], [0.0], "mse")


def test_a_gradient_that_overflows_is_reported_as_divergence():
    net = Network([
        Layer([[1e-150]], [0.0], "identity"),
        Layer([[1e150]], [0.0], "identity"),
        Layer([[1e150]], [0.0], "sigmoid"),
    ])
    with pytest.raises(ValueError, match="training diverged: a gradient"):
        gradients(net, [[1e10]], [0.0], "bce")


def test_bce_needs_probabilities_and_binary_targets():
    with pytest.raises(ValueError, match="loss 'bce' needs outputs between 0 and 1, but this model's identity output gives"):
        train(Neuron([1.0, 1.0], 0.0, "identity"), X2 * 10, Y01, "bce")
    with pytest.raises(ValueError, match="loss 'bce' needs targets y between 0 and 1"):
        train(Neuron([1.0, 1.0], 0.0, "sigmoid"), X2, Y01 * 2, "bce")


def test_data_shape_errors_are_explained():
    neuron = Neuron([1.0, 1.0], 0.0, "sigmoid")
    with pytest.raises(ValueError, match=r"y has 5 entries \(shape \(5,\)\) but X has 12 samples and the model has 1 output: y must have shape \(12,\)"):
        train(neuron, X2, Y01[:5])
    with pytest.raises(ValueError, match=r"y must have shape \(12, 2\)"):
        gradients(Network.random([2, 2], "identity"), X2, YREAL, "mse")
    with pytest.raises(ValueError, match="X has 3 features but the model has 2 inputs"):
        train(neuron, np.ones((4, 3)), np.zeros(4))
    with pytest.raises(ValueError, match="y contains NaN"):
        train(neuron, X2, np.full(12, np.nan))
    with pytest.raises(TypeError, match="model must be a Neuron, a Layer or a Network; got str"):
        train("model", X2, Y01)
    with pytest.raises(ValueError, match="unknown loss"):
        train(neuron, X2, Y01, loss="hinge")


def test_history_repr_and_construction_from_a_list():
    history = History(loss=[0.7, 0.5, 0.4], loss_name="bce", learning_rate=0.1)
    assert repr(history) == "History(loss_name='bce', learning_rate=0.1, epochs=2, first_loss=0.7, final_loss=0.4)"
    assert History(loss=np.array([1, 2])).loss == [1.0, 2.0]
    assert repr(History(loss=[])) == "History(loss_name=None, epochs=0)"
    assert History(loss=[]).epochs == 0


# ------------------------------------------------------------------ dead units


def test_dead_units_are_relu_units_negative_on_every_input():
    hidden = Layer([[1.0, -1.0, 0.0], [1.0, -1.0, 0.0]], [0.0, -100.0, -0.5], "relu")
    net = Network([hidden, Layer(np.ones((3, 1)), [0.0], "sigmoid")])
    assert dead_units(net, X2) == [(0, 1), (0, 2)]


def test_a_unit_alive_for_a_single_input_is_not_dead():
    neuron = Neuron([1.0], -5.0, "relu")
    assert dead_units(neuron, [[1.0], [2.0]]) == [(0, 0)]
    assert dead_units(neuron, [[1.0], [6.0]]) == []


def test_zero_preactivation_counts_as_dead():
    assert dead_units(Neuron([0.0], 0.0, "relu"), [[1.0], [-1.0]]) == [(0, 0)]


def test_only_relu_units_can_be_dead():
    for activation in ("leaky_relu", "elu", "sigmoid", "identity"):
        assert dead_units(Neuron([1.0], -100.0, activation), [[1.0]]) == []


def test_dead_units_get_zero_gradient_for_every_training_input():
    hidden = Layer([[1.0, 0.5], [1.0, 0.5]], [-100.0, 0.0], "relu")
    net = Network([hidden, Layer([[1.0], [1.0]], [0.0], "sigmoid")])
    assert dead_units(net, X2) == [(0, 0)]
    grads = gradients(net, X2, Y01, "bce")
    assert np.all(grads[0]["weights"][:, 0] == 0) and grads[0]["bias"][0] == 0
    assert np.any(grads[0]["weights"][:, 1] != 0)


def test_dead_units_stay_dead_during_training():
    hidden = Layer([[1.0, 0.5], [1.0, 0.5]], [-100.0, 0.0], "relu")
    net = Network([hidden, Layer([[1.0], [1.0]], [0.0], "sigmoid")])
    history = train(net, X2, Y01, "bce", 0.5, 50)
    np.testing.assert_array_equal(history.model.layers[0].weights[:, 0], [1.0, 1.0])
    assert history.model.layers[0].bias[0] == -100.0
    assert set(history.n_dead) == {1}


def test_a_huge_learning_rate_can_kill_relu_units():
    net = Network.random([2, 8, 1], ["relu", "sigmoid"], seed=0)
    assert dead_units(net, X2) == []
    history = train(net, X2, Y01, "bce", learning_rate=50.0, epochs=20)
    assert history.n_dead[0] == 0 and history.n_dead[-1] > 0
    assert len(dead_units(history.model, X2)) == history.n_dead[-1]
