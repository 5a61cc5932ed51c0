"""Chapter 5: measuring a classifier (accuracy) and replacing dead ReLU units."""

import numpy as np
import pytest

import neuronlib
from neuronlib.layer import Layer
from neuronlib.network import Network
from neuronlib.neuron import Neuron
from neuronlib.training import accuracy, dead_units, reinitialise_dead, train

RNG = np.random.default_rng(5)
X2 = RNG.normal(size=(30, 2))
Y01 = (X2[:, 0] - X2[:, 1] > 0.3).astype(float)
IDENTITY = Neuron([1.0], 0.0, "identity")  # output = input, so outputs are easy to place


def _accuracy_by_loop(model, X, y, threshold=0.5):
    right = 0
    for row, label in zip(X, y):
        output = float(np.ravel(model(row))[0])
        predicted = 1 if output >= threshold else 0
        right += predicted == label
    return right / len(y)


# ------------------------------------------------------------------ accuracy


def test_the_package_exports_accuracy_and_reinitialise_dead():
    assert neuronlib.accuracy is accuracy and neuronlib.reinitialise_dead is reinitialise_dead
    assert {"accuracy", "reinitialise_dead"} <= set(neuronlib.__all__)


@pytest.mark.parametrize("threshold", [0.5, 0.1, 0.9])
def test_accuracy_is_the_fraction_of_labels_the_thresholded_output_gets_right(threshold):
    net = Network.random([2, 5, 1], ["relu", "sigmoid"], seed=4)
    value = accuracy(net, X2, Y01, threshold)
    assert value == _accuracy_by_loop(net, X2, Y01, threshold)
    assert type(value) is float


def test_accuracy_of_a_hand_computed_example():
    # outputs -2, 0.5, 0.7, 3 -> classes 0, 1, 1, 1; labels 0, 0, 1, 1 -> 3 of 4 right
    assert accuracy(IDENTITY, [[-2.0], [0.5], [0.7], [3.0]], [0, 0, 1, 1]) == 0.75
    # with threshold 1: classes 0, 0, 0, 1 -> 3 of 4 right again, but a different miss
    assert accuracy(IDENTITY, [[-2.0], [0.5], [0.7], [3.0]], [0, 0, 1, 1], threshold=1.0) == 0.75
    assert accuracy(IDENTITY, [[-2.0], [0.5], [0.7]], [0, 0, 0], threshold=1.0) == 1.0


def test_an_output_exactly_at_the_threshold_counts_as_class_1():
    assert accuracy(IDENTITY, [[0.5]], [1]) == 1.0
    assert accuracy(IDENTITY, [[0.5]], [0]) == 0.0
    assert accuracy(IDENTITY, [[-3.0]], [1], threshold=-3.0) == 1.0
    assert accuracy(IDENTITY, [[np.nextafter(0.5, 0.0)]], [0]) == 1.0


def test_accuracy_is_exactly_one_when_all_are_right_and_zero_when_all_are_wrong():
    X = [[-1.0], [0.0], [0.6], [2.0]]
    right = [0, 0, 1, 1]
    assert accuracy(IDENTITY, X, right) == 1.0
    assert accuracy(IDENTITY, X, [1 - label for label in right]) == 0.0


def test_a_threshold_above_every_output_puts_every_input_in_class_0():
    sigmoid = Neuron([1.0, 1.0], 0.0, "sigmoid")
    assert accuracy(sigmoid, X2, Y01, threshold=1.5) == np.sum(Y01 == 0) / len(Y01)
    assert accuracy(sigmoid, X2, Y01, threshold=-0.5) == np.sum(Y01 == 1) / len(Y01)


def test_accuracy_is_the_same_for_a_neuron_layer_and_network_computing_the_same_thing():
    neuron = Neuron([0.8, -1.2], 0.1, "sigmoid")
    layer = Layer(neuron.weights.reshape(2, 1), [neuron.bias], "sigmoid")
    expected = _accuracy_by_loop(neuron, X2, Y01)
    assert accuracy(neuron, X2, Y01) == accuracy(layer, X2, Y01) == expected
    assert accuracy(Network([layer]), X2, Y01) == expected


def test_labels_may_be_a_column_and_one_input_may_be_a_single_vector():
    neuron = Neuron([0.8, -1.2], 0.1, "sigmoid")
    assert accuracy(neuron, X2, Y01.reshape(-1, 1)) == accuracy(neuron, X2, Y01)
    assert accuracy(IDENTITY, [0.9], [1]) == 1.0


def test_accuracy_of_a_trained_network_on_separable_blobs_is_one():
    X = np.vstack([RNG.normal(-2, 0.5, size=(20, 2)), RNG.normal(2, 0.5, size=(20, 2))])
    y = np.repeat([0.0, 1.0], 20)
    start = Neuron([0.0, 0.0], 0.0, "sigmoid")
    assert accuracy(start, X, y) == 0.5  # output 0.5 everywhere: all in class 1
    assert accuracy(train(start, X, y, "bce", 0.5, 200).model, X, y) == 1.0


def test_accuracy_explains_bad_input():
    with pytest.raises(ValueError, match="accuracy needs a model with one output .* this one has 2 outputs"):
        accuracy(Network.random([2, 2], "sigmoid"), X2, Y01)
    with pytest.raises(ValueError, match="X has 3 features but the model has 2 inputs"):
        accuracy(Neuron([1.0, 1.0]), np.ones((4, 3)), np.zeros(4))
    with pytest.raises(ValueError, match="X contains NaN at position"):
        accuracy(IDENTITY, [[1.0], [np.nan]], [0, 1])
    with pytest.raises(ValueError, match=r"y must hold one label per row of X, shape \(3,\); got shape \(2,\)"):
        accuracy(IDENTITY, [[1.0], [2.0], [3.0]], [0, 1])
    with pytest.raises(ValueError, match=r"shape \(2,\); got shape \(1, 2\)"):
        accuracy(IDENTITY, [[1.0], [2.0]], [[0, 1]])
    with pytest.raises(ValueError, match="y must hold class labels 0 and 1; found 2"):
        accuracy(IDENTITY, [[1.0], [2.0]], [0, 2])
    with pytest.raises(ValueError, match="y must hold class labels 0 and 1; found 0.5"):
        accuracy(IDENTITY, [[1.0], [2.0]], [0.5, 1])
    with pytest.raises(ValueError, match="y contains NaN at position 1"):
        accuracy(IDENTITY, [[1.0], [2.0]], [0, np.nan])
    with pytest.raises(TypeError, match="y must be numbers, not booleans"):
        accuracy(IDENTITY, [[1.0], [2.0]], np.array([True, False]))
    with pytest.raises(ValueError, match="accuracy needs at least one input; X has no rows"):
        accuracy(IDENTITY, np.empty((0, 1)), [])
    with pytest.raises(TypeError, match="model must be a Neuron, a Layer or a Network; got list"):
        accuracy([1.0], [[1.0]], [1])


@pytest.mark.parametrize("threshold, error, message", [
    (np.nan, ValueError, "threshold contains NaN; expected finite numbers"),
    (np.inf, ValueError, "threshold contains inf; expected finite numbers"),
    ("half", TypeError, "threshold must be numbers; got the string 'half'"),
    (True, TypeError, "threshold must be a number, not a boolean"),
    ([0.1, 0.2], ValueError, r"threshold must be a single number; got an array of shape \(2,\)"),
])
def test_accuracy_needs_one_finite_threshold(threshold, error, message):
    with pytest.raises(error, match=message):
        accuracy(IDENTITY, [[1.0]], [1], threshold=threshold)


# ------------------------------------------------------------------ reinitialise_dead


def _half_dead_network():
    """Hidden units 1 and 3 (counting from 0) are dead on X2: z = -100 + small."""
    hidden = Layer(
        [[1.0, 0.1, -0.5, 0.2], [0.5, 0.1, 1.0, -0.2]], [0.0, -100.0, 0.3, -50.0], "relu"
    )
    return Network([hidden, Layer([[1.0], [2.0], [3.0], [4.0]], [0.5], "sigmoid")])


def test_dead_units_get_fresh_he_weights_and_a_zero_bias():
    net = _half_dead_network()
    assert dead_units(net, X2) == [(0, 1), (0, 3)]
    fresh = reinitialise_dead(net, X2, seed=7)
    # He initialisation by hand: normal, mean 0, standard deviation sqrt(2 / n_inputs)
    he = np.random.default_rng(7).normal(0.0, np.sqrt(2.0 / 2), size=(2, 4))
    for j in (1, 3):
        np.testing.assert_array_equal(fresh.layers[0].weights[:, j], he[:, j])
        assert fresh.layers[0].bias[j] == 0.0
        assert not np.array_equal(fresh.layers[0].weights[:, j], net.layers[0].weights[:, j])
    assert dead_units(fresh, X2) == []


def test_live_units_and_later_layers_are_unchanged_bit_for_bit():
    net = _half_dead_network()
    fresh = reinitialise_dead(net, X2, seed=7)
    for j in (0, 2):
        assert np.array_equal(fresh.layers[0].weights[:, j], net.layers[0].weights[:, j])
        assert fresh.layers[0].bias[j] == net.layers[0].bias[j]
    # the output layer, including the weights leading out of the dead units
    assert fresh.layers[1] == net.layers[1]
    assert fresh.activations == net.activations


def test_the_network_passed_in_is_not_changed():
    net = _half_dead_network()
    snapshot = net.copy()
    fresh = reinitialise_dead(net, X2, seed=7)
    assert net == snapshot and fresh is not net and fresh != net
    fresh.layers[0].weights[0, 0] = 99.0  # no arrays are shared
    fresh.layers[1].bias[0] = 99.0
    assert net == snapshot


def test_the_same_seed_gives_the_same_network_and_another_seed_another():
    net = _half_dead_network()
    assert reinitialise_dead(net, X2, seed=3) == reinitialise_dead(net, X2, seed=3)
    assert reinitialise_dead(net, X2, seed=3) != reinitialise_dead(net, X2, seed=4)
    assert reinitialise_dead(net, X2) == reinitialise_dead(net, X2, seed=0)


def test_replacement_weights_are_the_units_of_network_random_with_that_seed():
    # What Chapter 5 once did by hand: copy the dead units' columns from another network.
    trained = train(Network.random([2, 8, 1], ["relu", "sigmoid"], seed=0), X2, Y01, "bce", 50.0, 20).model
    dead = dead_units(trained, X2)
    assert dead, "this example needs a network with dead units"
    replacement = Network.random([2, 8, 1], ["relu", "sigmoid"], seed=100).layers[0]
    W, b = trained.layers[0].weights.copy(), trained.layers[0].bias.copy()
    for _, j in dead:
        W[:, j], b[j] = replacement.weights[:, j], 0.0
    by_hand = Network([Layer(W, b, "relu"), trained.layers[1].copy()])
    assert reinitialise_dead(trained, X2, seed=100) == by_hand


def test_a_dead_unit_in_a_later_layer_gets_that_layers_fresh_weights():
    first = Layer([[1.0, -1.0], [1.0, -1.0]], [0.0, 0.0], "relu")  # outputs >= 0
    second = Layer([[-1.0, 1.0], [-1.0, 1.0]], [-0.5, 0.0], "relu")  # unit 0: z <= -0.5
    net = Network([first, second, Layer([[1.0], [1.0]], [0.0], "sigmoid")])
    assert dead_units(net, X2) == [(1, 0)]
    fresh = reinitialise_dead(net, X2, seed=2)
    rng = np.random.default_rng(2)
    rng.normal(0.0, 1.0, size=(2, 2))  # layer 0's draw comes first (std sqrt(2/2) = 1)
    he = rng.normal(0.0, 1.0, size=(2, 2))
    np.testing.assert_array_equal(fresh.layers[1].weights[:, 0], he[:, 0])
    assert fresh.layers[1].bias[0] == 0.0
    assert fresh.layers[0] == first and fresh.layers[2] == net.layers[2]
    np.testing.assert_array_equal(fresh.layers[1].weights[:, 1], second.weights[:, 1])


def test_a_network_without_dead_units_comes_back_as_an_equal_copy():
    net = Network.random([2, 4, 1], ["relu", "sigmoid"], seed=1)
    assert dead_units(net, X2) == []
    fresh = reinitialise_dead(net, X2, seed=9)
    assert fresh == net and fresh is not net


def test_a_dead_neuron_or_layer_comes_back_as_the_same_kind():
    neuron = Neuron([1.0, 1.0], -100.0, "relu")
    fresh = reinitialise_dead(neuron, X2, seed=1)
    assert isinstance(fresh, Neuron) and fresh.bias == 0.0
    he = np.random.default_rng(1).normal(0.0, 1.0, size=2)  # std sqrt(2 / 2) = 1
    np.testing.assert_array_equal(fresh.weights, he)
    assert neuron == Neuron([1.0, 1.0], -100.0, "relu")
    layer = Layer([[1.0, 1.0], [1.0, 1.0]], [0.0, -100.0], "relu")
    fresh_layer = reinitialise_dead(layer, X2, seed=1)
    assert isinstance(fresh_layer, Layer) and list(fresh_layer.bias) == [0.0, 0.0]
    np.testing.assert_array_equal(fresh_layer.weights[:, 0], [1.0, 1.0])


def test_leaky_relu_units_are_never_replaced():
    net = Network([Layer([[1.0], [1.0]], [-100.0], "leaky_relu"), Layer([[1.0]], [0.0], "sigmoid")])
    assert reinitialise_dead(net, X2, seed=0) == net


def test_reinitialise_dead_explains_bad_input():
    net = _half_dead_network()
    with pytest.raises(ValueError, match="X has 3 features but the model has 2 inputs"):
        reinitialise_dead(net, np.ones((4, 3)))
    with pytest.raises(ValueError, match="X contains inf at position"):
        reinitialise_dead(net, [[1.0, np.inf]])
    with pytest.raises(TypeError, match="model must be a Neuron, a Layer or a Network; got dict"):
        reinitialise_dead({}, X2)
