"""The activation functions of Chapter 3, checked against closed forms, math.erf and
finite differences."""

import doctest
import math

import numpy as np
import pytest

from neuronlib import activations as A
from neuronlib.activations import ACTIVATION_NAMES, Activation, get_activation

# Points away from every kink (0 is the kink of step, relu, leaky_relu, elu).
SMOOTH_POINTS = np.array([-6.0, -2.5, -1.0, -0.3, 0.2, 0.7, 1.5, 3.0, 6.0])


def _central_difference(f, z, h=1e-6):
    return (f(z + h) - f(z - h)) / (2 * h)


def test_docstring_examples_run():
    result = doctest.testmod(A)
    assert result.attempted > 20 and result.failed == 0


# ------------------------------------------------------------------ closed forms


def test_identity_returns_its_input():
    assert A.identity(-1.25) == -1.25
    np.testing.assert_array_equal(A.identity(SMOOTH_POINTS), SMOOTH_POINTS)


def test_step_is_one_at_zero_and_above_and_zero_below():
    assert A.step(0.0) == 1.0
    assert A.step(-1e-300) == 0.0
    np.testing.assert_array_equal(A.step(SMOOTH_POINTS), (SMOOTH_POINTS >= 0).astype(float))


def test_sigmoid_matches_its_closed_form():
    expected = [1 / (1 + math.exp(-z)) for z in SMOOTH_POINTS]
    np.testing.assert_allclose(A.sigmoid(SMOOTH_POINTS), expected, rtol=1e-14)


def test_sigmoid_of_zero_is_one_half():
    assert A.sigmoid(0.0) == 0.5


def test_sigmoid_is_symmetric_about_one_half():
    np.testing.assert_allclose(A.sigmoid(SMOOTH_POINTS) + A.sigmoid(-SMOOTH_POINTS), 1.0, rtol=1e-15)


def test_sigmoid_saturates_to_exactly_zero_and_one_without_overflow_warning():
    # pytest turns every RuntimeWarning into an error, so an overflow would fail here.
    assert A.sigmoid(1e4) == 1.0
    assert A.sigmoid(-1e4) == 0.0
    assert A.sigmoid(1e300) == 1.0
    assert A.sigmoid(-1e300) == 0.0


def test_tanh_matches_math_tanh_and_saturates():
    np.testing.assert_allclose(A.tanh(SMOOTH_POINTS), [math.tanh(z) for z in SMOOTH_POINTS])
    assert A.tanh(1e4) == 1.0 and A.tanh(-1e4) == -1.0


def test_tanh_is_a_rescaled_sigmoid():
    np.testing.assert_allclose(A.tanh(SMOOTH_POINTS), 2 * A.sigmoid(2 * SMOOTH_POINTS) - 1, atol=1e-15)


def test_relu_is_zero_for_every_negative_input():
    negatives = -np.logspace(-300, 300, 50)
    np.testing.assert_array_equal(A.relu(negatives), 0.0)
    assert A.relu(0.0) == 0.0


def test_relu_is_the_identity_for_positive_inputs():
    positives = np.logspace(-300, 300, 50)
    np.testing.assert_array_equal(A.relu(positives), positives)


def test_leaky_relu_multiplies_negatives_by_the_slope():
    assert A.leaky_relu(-2.0) == pytest.approx(-0.02)
    assert A.leaky_relu(-2.0, slope=0.3) == pytest.approx(-0.6)
    assert A.leaky_relu(5.0, slope=0.3) == 5.0
    assert A.leaky_relu(0.0, slope=0.3) == 0.0
    assert A.leaky_relu(1e308, slope=5.0) == 1e308  # the unused branch must not overflow


def test_elu_matches_its_closed_form_and_tends_to_minus_alpha():
    for z in SMOOTH_POINTS:
        expected = z if z > 0 else 2.0 * (math.exp(z) - 1)
        assert A.elu(z, alpha=2.0) == pytest.approx(expected, rel=1e-14)
    assert A.elu(-1e4, alpha=2.0) == -2.0
    assert A.elu(0.0) == 0.0


def test_softplus_is_log_one_plus_exp_and_never_overflows():
    np.testing.assert_allclose(A.softplus(SMOOTH_POINTS), [math.log1p(math.exp(z)) for z in SMOOTH_POINTS])
    assert A.softplus(1e4) == 1e4
    assert A.softplus(-1e4) == 0.0
    assert A.softplus(0.0) == pytest.approx(math.log(2))


def test_softplus_is_always_above_relu():
    z = np.linspace(-30, 30, 601)
    assert np.all(A.softplus(z) > A.relu(z))


def test_swish_is_z_times_sigmoid():
    np.testing.assert_allclose(A.swish(SMOOTH_POINTS), SMOOTH_POINTS / (1 + np.exp(-SMOOTH_POINTS)))
    assert A.swish(1e4) == 1e4
    assert A.swish(-1e4) == 0.0


def test_gelu_is_z_times_the_normal_cdf_from_math_erf():
    expected = [z * 0.5 * (1 + math.erf(z / math.sqrt(2))) for z in SMOOTH_POINTS]
    np.testing.assert_allclose(A.gelu(SMOOTH_POINTS), expected, rtol=1e-13, atol=1e-15)


def test_gelu_is_not_the_tanh_approximation():
    z = 1.0
    approx = 0.5 * z * (1 + math.tanh(math.sqrt(2 / math.pi) * (z + 0.044715 * z**3)))
    assert A.gelu(z) != approx
    assert A.gelu(z) == pytest.approx(0.8413447460685429, rel=1e-15)


def test_gelu_keeps_precision_in_the_far_left_tail():
    # Φ(-10) ≈ 7.6e-24; computing 1 + erf(-10/√2) would round it to 0.
    assert A.gelu(-10.0) == pytest.approx(-10 * 7.619853024160527e-24, rel=1e-10)
    assert A.gelu(1e4) == 1e4 and A.gelu(-1e4) == 0.0


def test_gelu_is_fast_enough_for_a_200_by_200_grid():
    import time

    grid = np.linspace(-6, 6, 200 * 200).reshape(200, 200)
    start = time.perf_counter()
    out = A.gelu(grid)
    A.gelu_derivative(grid)
    assert time.perf_counter() - start < 0.5
    assert out.shape == (200, 200)


# ------------------------------------------------------------------ derivatives

FUNCTIONS_WITH_DERIVATIVES = [
    (A.identity, A.identity_derivative),
    (A.sigmoid, A.sigmoid_derivative),
    (A.tanh, A.tanh_derivative),
    (A.relu, A.relu_derivative),
    (A.leaky_relu, A.leaky_relu_derivative),
    (lambda z: A.leaky_relu(z, slope=0.2), lambda z: A.leaky_relu_derivative(z, slope=0.2)),
    (A.elu, A.elu_derivative),
    (lambda z: A.elu(z, alpha=0.5), lambda z: A.elu_derivative(z, alpha=0.5)),
    (A.softplus, A.softplus_derivative),
    (A.swish, A.swish_derivative),
    (A.gelu, A.gelu_derivative),
    (A.step, A.step_derivative),
]


@pytest.mark.parametrize("f, df", FUNCTIONS_WITH_DERIVATIVES)
def test_every_derivative_matches_a_central_finite_difference(f, df):
    for z in SMOOTH_POINTS:
        assert df(z) == pytest.approx(_central_difference(f, z), abs=1e-7)
    np.testing.assert_allclose(df(SMOOTH_POINTS), _central_difference(f, SMOOTH_POINTS), atol=1e-7)


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_every_activation_object_derivative_matches_a_finite_difference(name):
    act = get_activation(name)
    np.testing.assert_allclose(
        act.derivative(SMOOTH_POINTS), _central_difference(act, SMOOTH_POINTS), atol=1e-7
    )


def test_derivative_conventions_at_zero():
    assert A.relu_derivative(0.0) == 0.0
    assert A.leaky_relu_derivative(0.0) == 0.01
    assert A.leaky_relu_derivative(0.0, slope=0.25) == 0.25
    assert A.step_derivative(0.0) == 0.0
    assert A.elu_derivative(0.0, alpha=3.0) == 3.0
    assert A.sigmoid_derivative(0.0) == 0.25
    assert A.tanh_derivative(0.0) == 1.0
    assert A.gelu_derivative(0.0) == 0.5
    assert A.swish_derivative(0.0) == 0.5
    assert A.softplus_derivative(0.0) == 0.5


def test_step_derivative_is_zero_everywhere():
    np.testing.assert_array_equal(A.step_derivative(np.linspace(-5, 5, 11)), 0.0)


def test_sigmoid_derivative_is_at_most_a_quarter():
    z = np.linspace(-20, 20, 4001)
    assert A.sigmoid_derivative(z).max() == pytest.approx(0.25)


def test_derivatives_vanish_without_warnings_at_huge_inputs():
    for df in (A.sigmoid_derivative, A.tanh_derivative, A.swish_derivative, A.gelu_derivative):
        assert df(-1e4) == 0.0
        assert abs(df(-1e300)) == 0.0
    assert A.gelu_derivative(1e300) == 1.0
    assert A.swish_derivative(1e4) == 1.0
    assert A.softplus_derivative(1e4) == 1.0
    assert A.elu_derivative(-1e300) == 0.0


# ------------------------------------------------------------------ types and shapes


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_a_number_in_gives_a_python_float_out(name):
    act = get_activation(name)
    for z in (0, 1, -2.5, np.float32(0.5), np.float64(-1.0), np.array(0.3)):
        assert type(act(z)) is float
        assert type(act.derivative(z)) is float


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_an_array_in_gives_an_array_of_the_same_shape_out(name):
    act = get_activation(name)
    grid = np.linspace(-3, 3, 12).reshape(3, 4)
    assert isinstance(act(grid), np.ndarray) and act(grid).shape == (3, 4)
    assert act.derivative(grid).shape == (3, 4)
    assert act([1.0, 2.0]).shape == (2,)


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_array_results_equal_elementwise_results(name):
    act = get_activation(name)
    np.testing.assert_array_equal(act(SMOOTH_POINTS), [act(float(z)) for z in SMOOTH_POINTS])


def test_activations_do_not_modify_their_input():
    z = SMOOTH_POINTS.copy()
    for name in ACTIVATION_NAMES:
        get_activation(name)(z)
    np.testing.assert_array_equal(z, SMOOTH_POINTS)


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_nan_input_raises_a_clear_error(name):
    with pytest.raises(ValueError, match="z contains NaN at position 1; expected finite numbers"):
        get_activation(name)([0.0, float("nan")])


def test_infinite_input_raises_a_clear_error():
    with pytest.raises(ValueError, match="z contains inf; expected finite numbers"):
        A.sigmoid(float("inf"))
    with pytest.raises(ValueError, match="-inf"):
        A.relu_derivative([float("-inf")])


@pytest.mark.parametrize("bad", [True, "1.0", None, [1.0, "a"], [True, 1.0], 1 + 2j])
def test_non_numbers_raise_type_error(bad):
    with pytest.raises(TypeError, match="z must be"):
        A.relu(bad)


# ------------------------------------------------------------------ Activation, lookup


def test_activation_names_are_the_ten_of_chapter_3():
    assert ACTIVATION_NAMES == (
        "identity", "step", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "swish", "gelu"
    )


def test_lookup_is_case_insensitive_and_forgiving_about_separators():
    assert get_activation("ReLU").name == "relu"
    assert get_activation(" Leaky-ReLU ").name == "leaky_relu"
    assert get_activation("GELU").name == "gelu"


def test_silu_is_another_name_for_swish():
    assert get_activation("silu") == get_activation("swish")
    assert get_activation("SiLU").name == "swish"


def test_unknown_name_lists_the_valid_names():
    with pytest.raises(ValueError, match="unknown activation 'rleu'; valid names are identity, step, sigmoid"):
        get_activation("rleu")


def test_lookup_of_a_non_string_is_a_type_error():
    with pytest.raises(TypeError, match="activation must be a name"):
        get_activation(3)


def test_get_activation_passes_an_activation_through():
    act = Activation("tanh")
    assert get_activation(act) is act


def test_get_activation_with_params_overrides_an_activation():
    act = get_activation(Activation("leaky_relu", slope=0.1), slope=0.3)
    assert act.params == {"slope": 0.3}


def test_parameters_change_the_function_and_show_in_the_repr():
    act = get_activation("leaky_relu", slope=0.1)
    assert act(-1.0) == pytest.approx(-0.1)
    assert act.derivative(-1.0) == pytest.approx(0.1)
    assert repr(act) == "Activation('leaky_relu', slope=0.1)"
    assert repr(get_activation("elu")) == "Activation('elu', alpha=1.0)"
    assert repr(get_activation("relu")) == "Activation('relu')"
    assert get_activation("leaky_relu").is_default and not act.is_default


def test_wrong_parameter_names_are_rejected():
    with pytest.raises(TypeError, match="relu takes no parameters; got slope"):
        get_activation("relu", slope=0.1)
    with pytest.raises(TypeError, match="elu takes the parameter alpha; got slope"):
        get_activation("elu", slope=0.1)


def test_bad_parameter_values_are_rejected():
    with pytest.raises(ValueError, match="alpha must be a positive number; got -1.0"):
        get_activation("elu", alpha=-1)
    with pytest.raises(TypeError, match="alpha must be a positive number"):
        A.elu(1.0, alpha="big")
    with pytest.raises(TypeError, match="slope must be a number, not a boolean"):
        A.leaky_relu(1.0, slope=True)
    with pytest.raises(ValueError, match="slope contains NaN"):
        get_activation("leaky_relu", slope=float("nan"))


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_every_activation_has_a_formula_and_an_output_range(name):
    act = get_activation(name)
    assert isinstance(act.formula, str) and "z" in act.formula
    assert isinstance(act.output_range, str) and act.output_range


def test_formulas_show_the_parameter_values():
    assert "0.1" in get_activation("leaky_relu", slope=0.1).formula
    assert "{slope}" not in get_activation("leaky_relu").formula
    assert r"\frac{1}{1 + e^{-z}}" in get_activation("sigmoid").formula


def test_output_ranges():
    assert get_activation("sigmoid").output_range == "(0, 1)"
    assert get_activation("tanh").output_range == "(-1, 1)"
    assert get_activation("relu").output_range == "[0, \u221e)"
    assert get_activation("step").output_range == "{0, 1}"
    assert get_activation("elu", alpha=2).output_range == "(-2, \u221e)"
    assert get_activation("leaky_relu").output_range == "(-\u221e, \u221e)"
    assert get_activation("leaky_relu", slope=0).output_range == "[0, \u221e)"


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_outputs_stay_inside_the_stated_range(name):
    act = get_activation(name)
    out = act(np.linspace(-50, 50, 2001))
    lows = {"sigmoid": 0, "tanh": -1, "relu": 0, "step": 0, "elu": -1, "softplus": 0,
            "swish": -0.2785, "gelu": -0.17}
    highs = {"sigmoid": 1, "tanh": 1, "step": 1}
    assert out.min() >= lows.get(name, -np.inf)
    assert out.max() <= highs.get(name, np.inf)


def test_swish_and_gelu_minimums_match_their_stated_ranges():
    z = np.linspace(-3, 0, 300001)
    assert A.swish(z).min() == pytest.approx(-0.278464542761074, abs=1e-9)
    assert A.gelu(z).min() == pytest.approx(-0.1699712074794, abs=1e-9)


def test_activations_compare_by_name_and_parameters():
    assert Activation("relu") == Activation("RELU")
    assert Activation("leaky_relu", slope=0.1) != Activation("leaky_relu")
    assert len({Activation("relu"), Activation("relu"), Activation("tanh")}) == 2
    assert Activation("relu") != "relu"
