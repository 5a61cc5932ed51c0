"""Chapter 1: what one neuron computes."""

import doctest

import numpy as np
import pytest

from neuronlib import neuron as neuron_module
from neuronlib.activations import Activation, get_activation, sigmoid
from neuronlib.hyperplane import Hyperplane
from neuronlib.neuron import Neuron


def test_docstring_examples_run():
    result = doctest.testmod(neuron_module)
    assert result.attempted > 5 and result.failed == 0


def test_preactivation_is_weighted_sum_plus_bias():
    neuron = Neuron([0.5, -2.0, 3.0], bias=0.1)
    x = [1.0, 2.0, -1.0]
    assert neuron.preactivation(x) == pytest.approx(0.5 * 1 - 2.0 * 2 + 3.0 * -1 + 0.1)


def test_output_is_the_activation_of_the_preactivation():
    neuron = Neuron([1.0, 2.0], bias=-0.5, activation="sigmoid")
    x = [0.3, -0.2]
    assert neuron(x) == sigmoid(neuron.preactivation(x))


def test_bias_is_the_output_when_every_input_is_zero():
    neuron = Neuron([4.0, -7.0], bias=0.8, activation="identity")
    assert neuron([0.0, 0.0]) == 0.8


def test_one_input_gives_a_float_and_a_batch_gives_an_array():
    neuron = Neuron([1.0, 1.0], bias=0.0, activation="tanh")
    assert type(neuron([1.0, 2.0])) is float
    assert type(neuron.preactivation([1.0, 2.0])) is float
    out = neuron(np.ones((5, 2)))
    assert isinstance(out, np.ndarray) and out.shape == (5,)


def test_batching_equals_looping_over_rows():
    rng = np.random.default_rng(3)
    neuron = Neuron(rng.normal(size=4), bias=0.3, activation="gelu")
    X = rng.normal(size=(20, 4))
    np.testing.assert_allclose(neuron(X), [neuron(row) for row in X], rtol=1e-12)
    np.testing.assert_allclose(neuron.preactivation(X), [neuron.preactivation(row) for row in X], rtol=1e-12)


def test_single_input_neuron_accepts_a_plain_number():
    neuron = Neuron([2.0], bias=1.0, activation="identity")
    assert neuron(3.0) == 7.0
    np.testing.assert_array_equal(neuron([[1.0], [2.0]]), [3.0, 5.0])


def test_weights_are_copied_from_the_caller():
    weights = np.array([1.0, 2.0])
    neuron = Neuron(weights)
    weights[0] = 100.0
    assert neuron.weights[0] == 1.0


def test_attributes_have_the_right_types():
    neuron = Neuron([1, 2], bias=3, activation="ReLU")
    assert neuron.weights.dtype == float
    assert type(neuron.bias) is float
    assert neuron.activation == Activation("relu")
    assert neuron.n_inputs == 2


def test_defaults_are_zero_bias_and_relu():
    neuron = Neuron([1.0])
    assert neuron.bias == 0.0 and neuron.activation.name == "relu"


def test_setting_attributes_is_checked():
    neuron = Neuron([1.0, 2.0])
    neuron.weights = [3.0, 4.0, 5.0]
    assert neuron.n_inputs == 3
    neuron.activation = get_activation("leaky_relu", slope=0.2)
    assert neuron(-np.ones(3)) == pytest.approx(-2.4)
    with pytest.raises(TypeError, match="bias must be a number, not a boolean"):
        neuron.bias = True


def test_repr_is_readable_and_round_trips():
    neuron = Neuron(weights=[0.2, 1e-05], bias=1.0, activation="sigmoid")
    assert repr(neuron) == "Neuron(weights=[0.2, 1e-05], bias=1.0, activation='sigmoid')"
    assert eval(repr(neuron)) == neuron
    leaky = Neuron([1.0], activation=get_activation("leaky_relu", slope=0.2))
    assert repr(leaky) == "Neuron(weights=[1.0], bias=0.0, activation=Activation('leaky_relu', slope=0.2))"
    assert eval(repr(leaky)) == leaky


def test_equality_compares_weights_bias_and_activation():
    assert Neuron([1.0], 0.5, "tanh") == Neuron([1.0], 0.5, "tanh")
    assert Neuron([1.0], 0.5, "tanh") != Neuron([1.0], 0.5, "relu")
    assert Neuron([1.0], 0.5, "tanh") != Neuron([1.0], 0.4, "tanh")
    assert Neuron([1.0], 0.5) != "neuron"


def test_copy_is_independent():
    neuron = Neuron([1.0, 2.0], 0.5)
    twin = neuron.copy()
    twin.weights = [9.0, 9.0]
    assert neuron.weights.tolist() == [1.0, 2.0]


def test_step_neuron_computes_and_and_or():
    inputs = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    np.testing.assert_array_equal(Neuron([1, 1], -1.5, "step")(inputs), [0, 0, 0, 1])
    np.testing.assert_array_equal(Neuron([1, 1], -0.5, "step")(inputs), [0, 1, 1, 1])


def test_hyperplane_has_the_neurons_weights_and_bias():
    neuron = Neuron([1.5, -2.0], bias=0.5)
    plane = neuron.hyperplane
    assert isinstance(plane, Hyperplane)
    np.testing.assert_array_equal(plane.normal, neuron.weights)
    assert plane.bias == neuron.bias


def test_random_neuron_repeats_exactly_with_the_same_seed():
    a = Neuron.random(5, activation="tanh", seed=42)
    b = Neuron.random(5, activation="tanh", seed=42)
    assert a == b
    assert Neuron.random(5, seed=43) != a
    assert a.activation.name == "tanh"


def test_random_neuron_uses_default_rng_normal_draws_times_scale():
    rng = np.random.default_rng(7)
    expected = rng.normal(0.0, 0.5, size=3)
    neuron = Neuron.random(3, seed=7, scale=0.5)
    np.testing.assert_array_equal(neuron.weights, expected)
    assert neuron.bias == rng.normal(0.0, 0.5)


def test_random_neuron_checks_its_arguments():
    with pytest.raises(ValueError, match="n_inputs must be a positive whole number; got 0"):
        Neuron.random(0)
    with pytest.raises(ValueError, match="scale must be a positive number"):
        Neuron.random(2, scale=-1.0)


def test_wrong_number_of_inputs_is_explained():
    with pytest.raises(ValueError, match="x has 3 features but the neuron has 2 weights"):
        Neuron([1.0, 2.0])([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="x has 1 features but the neuron has 2 weights"):
        Neuron([1.0, 2.0])(np.ones((4, 1)))


def test_bad_weights_are_explained():
    with pytest.raises(ValueError, match=r"weights must be a 1-D sequence of numbers; got shape \(2, 3\)"):
        Neuron(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="weights must contain at least one number"):
        Neuron([])
    with pytest.raises(TypeError, match="weights must be numbers"):
        Neuron(["a", "b"])
    with pytest.raises(ValueError, match="unknown activation 'sigmiod'"):
        Neuron([1.0], activation="sigmiod")


def test_nan_and_huge_inputs_raise_instead_of_returning_nan():
    neuron = Neuron([1.0, 2.0, 3.0, 4.0, 5.0])
    with pytest.raises(ValueError, match="x contains NaN at position 4; expected finite numbers"):
        neuron([1.0, 2.0, 3.0, 4.0, float("nan")])
    with pytest.raises(ValueError, match="too large"):
        neuron([1e200, 0, 0, 0, 0])
    with pytest.raises(ValueError, match="weights contain inf"):
        Neuron([1.0, float("inf")])


def test_the_largest_allowed_values_do_not_overflow():
    neuron = Neuron([1e150, 1e150], bias=1e150, activation="sigmoid")
    assert neuron.preactivation([1e150, 1e150]) == pytest.approx(2e300)
    assert neuron([1e150, 1e150]) == 1.0
    assert neuron([-1e150, -1e150]) == 0.0
    assert Neuron([1e150], activation="gelu")([1e150]) == pytest.approx(1e300)


def test_extreme_preactivations_saturate_cleanly():
    assert Neuron([1.0], activation="sigmoid")([1e4]) == 1.0
    assert Neuron([1.0], activation="sigmoid")([-1e4]) == 0.0
    assert Neuron([1.0], activation="relu")([-1e4]) == 0.0
