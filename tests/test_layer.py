"""Chapter 4: a layer is neurons side by side."""

import doctest

import numpy as np
import pytest

from neuronlib import layer as layer_module
from neuronlib.activations import get_activation
from neuronlib.layer import Layer
from neuronlib.neuron import Neuron

W = np.array([[1.0, 0.0, -2.0], [0.5, 1.0, 3.0]])
B = np.array([0.1, -0.2, 0.3])


def test_docstring_examples_run():
    result = doctest.testmod(layer_module)
    assert result.attempted > 5 and result.failed == 0


def test_layer_output_is_activation_of_x_times_w_plus_b():
    layer = Layer(W, B, "tanh")
    X = np.array([[1.0, 2.0], [-1.0, 0.5]])
    np.testing.assert_allclose(layer.preactivation(X), X @ W + B)
    np.testing.assert_allclose(layer(X), np.tanh(X @ W + B))


def test_each_unit_is_the_neuron_in_its_column():
    layer = Layer(W, B, "sigmoid")
    X = np.random.default_rng(0).normal(size=(6, 2))
    out = layer(X)
    for j, neuron in enumerate(layer.neurons):
        np.testing.assert_array_equal(neuron.weights, W[:, j])
        assert neuron.bias == B[j]
        np.testing.assert_allclose(out[:, j], neuron(X), rtol=1e-14)


def test_batching_equals_looping():
    layer = Layer(W, B, "relu")
    X = np.random.default_rng(1).normal(size=(9, 2))
    np.testing.assert_allclose(layer(X), np.array([layer(x) for x in X]), rtol=1e-14)


def test_shapes_for_one_input_and_for_a_batch():
    layer = Layer(W, B)
    assert layer([1.0, 1.0]).shape == (3,)
    assert layer(np.ones((4, 2))).shape == (4, 3)
    assert layer.preactivation([1.0, 1.0]).shape == (3,)
    assert (layer.n_inputs, layer.n_outputs, layer.shape) == (2, 3, (2, 3))


def test_from_neurons_inverts_neurons():
    layer = Layer(W, B, "elu")
    assert Layer.from_neurons(layer.neurons) == layer


def test_from_neurons_checks_its_neurons():
    with pytest.raises(ValueError, match="at least one neuron"):
        Layer.from_neurons([])
    with pytest.raises(TypeError, match=r"neurons\[1\] must be a Neuron; got int"):
        Layer.from_neurons([Neuron([1.0]), 3])
    with pytest.raises(ValueError, match="neuron 0 has 2 weights but neuron 1 has 3"):
        Layer.from_neurons([Neuron([1.0, 2.0]), Neuron([1.0, 2.0, 3.0])])
    with pytest.raises(ValueError, match="shares one activation"):
        Layer.from_neurons([Neuron([1.0], activation="relu"), Neuron([1.0], activation="tanh")])


def test_bias_defaults_to_zeros_and_a_scalar_bias_fits_one_unit():
    assert Layer(W).bias.tolist() == [0.0, 0.0, 0.0]
    assert Layer([[1.0], [2.0]], 0.5, "identity")([1.0, 1.0]).tolist() == [3.5]


def test_shape_mistakes_are_explained():
    with pytest.raises(ValueError, match="bias has 2 entries but weights has 3 columns"):
        Layer(W, [0.0, 0.0])
    with pytest.raises(ValueError, match=r"weights must be a 2-D array of shape \(n_inputs, n_outputs\); got shape \(3,\)"):
        Layer([1.0, 2.0, 3.0], [0.0])
    with pytest.raises(ValueError, match="X has 3 features but the layer has 2 inputs"):
        Layer(W, B)([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="X contains NaN at position 1"):
        Layer(W, B)([1.0, np.nan])


def test_setters_check_shapes():
    layer = Layer(W, B)
    layer.weights = W * 2
    layer.bias = [1.0, 2.0, 3.0]
    layer.activation = "tanh"
    np.testing.assert_allclose(layer.preactivation([1.0, 0.0]), W[0] * 2 + [1, 2, 3])
    with pytest.raises(ValueError, match=r"new weights must have shape \(2, 3\); got \(3, 2\)"):
        layer.weights = W.T
    with pytest.raises(ValueError, match="bias must have 3 entries; got 2"):
        layer.bias = [1.0, 2.0]


def test_random_layer_repeats_exactly_with_the_same_seed():
    assert Layer.random(3, 4, seed=5) == Layer.random(3, 4, seed=5)
    assert Layer.random(3, 4, seed=5) != Layer.random(3, 4, seed=6)


@pytest.mark.parametrize(
    "init, std", [("he", np.sqrt(2 / 400)), ("xavier", np.sqrt(2 / 500)), ("normal", 1.0)]
)
def test_random_init_schemes_use_their_standard_deviation(init, std):
    layer = Layer.random(400, 100, seed=0, init=init, scale=1.0)
    assert layer.weights.std() == pytest.approx(std, rel=0.02)
    assert np.all(layer.bias == 0)
    rng = np.random.default_rng(0)
    np.testing.assert_array_equal(layer.weights, rng.normal(0.0, std, size=(400, 100)))


def test_random_layer_scale_multiplies_the_weights():
    np.testing.assert_allclose(
        Layer.random(2, 3, seed=1, scale=3.0).weights, 3.0 * Layer.random(2, 3, seed=1).weights
    )


def test_random_layer_checks_its_arguments():
    with pytest.raises(ValueError, match="unknown init 'lecun'; choose one of he, xavier, normal"):
        Layer.random(2, 2, init="lecun")
    with pytest.raises(ValueError, match="n_outputs must be a positive whole number; got 0"):
        Layer.random(2, 0)
    assert Layer.random(2, 2, init="HE") == Layer.random(2, 2, init="he")


def test_repr_is_readable_and_round_trips_for_small_layers():
    layer = Layer([[1.0, 2.0]], [0.5, -0.5], "relu")
    assert repr(layer) == "Layer(weights=[[1.0, 2.0]], bias=[0.5, -0.5], activation='relu')"
    assert eval(repr(layer)) == layer
    big = Layer.random(10, 5, activation=get_activation("leaky_relu", slope=0.2))
    assert repr(big) == (
        "Layer(n_inputs=10, n_outputs=5, activation=Activation('leaky_relu', slope=0.2))"
    )


def test_copy_is_independent_and_equality():
    layer = Layer(W, B)
    twin = layer.copy()
    assert twin == layer and twin is not layer
    twin.bias = [9.0, 9.0, 9.0]
    assert layer.bias.tolist() == B.tolist()
    assert layer != "layer"
