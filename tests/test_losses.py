"""Chapter 5: the loss functions and their gradients."""

import doctest
import math

import numpy as np
import pytest

from neuronlib import losses as L
from neuronlib.activations import sigmoid


def test_docstring_examples_run():
    result = doctest.testmod(L)
    assert result.attempted > 8 and result.failed == 0


def _numeric_gradient(f, p, h=1e-6):
    p = np.asarray(p, dtype=float)
    grad = np.zeros_like(p)
    for i in np.ndindex(p.shape):
        up, down = p.copy(), p.copy()
        up[i] += h
        down[i] -= h
        grad[i] = (f(up) - f(down)) / (2 * h)
    return grad


def test_mse_is_the_mean_of_squared_differences():
    pred, target = np.array([0.5, 2.0, -1.0]), np.array([1.0, 0.0, -1.0])
    assert L.mse(pred, target) == pytest.approx((0.25 + 4.0 + 0.0) / 3)


def test_mse_is_zero_only_for_perfect_predictions():
    assert L.mse([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert L.mse([1.0, 2.0], [1.0, 2.1]) > 0


def test_mse_gradient_matches_finite_differences():
    rng = np.random.default_rng(0)
    pred, target = rng.normal(size=(4, 2)), rng.normal(size=(4, 2))
    np.testing.assert_allclose(
        L.mse_gradient(pred, target), _numeric_gradient(lambda p: L.mse(p, target), pred), atol=1e-8
    )


def test_bce_matches_the_log_formula():
    p, t = np.array([0.9, 0.2, 0.6]), np.array([1.0, 0.0, 1.0])
    expected = -(math.log(0.9) + math.log(0.8) + math.log(0.6)) / 3
    assert L.binary_cross_entropy(p, t) == pytest.approx(expected, rel=1e-14)


def test_bce_of_a_coin_flip_is_ln_2():
    assert L.binary_cross_entropy([0.5, 0.5], [1.0, 0.0]) == pytest.approx(math.log(2))


def test_bce_clips_so_certain_wrong_answers_cost_a_finite_amount():
    worst = L.binary_cross_entropy([0.0, 1.0], [1.0, 0.0])
    assert worst == pytest.approx(-math.log(L.BCE_EPSILON), rel=1e-6)
    assert L.binary_cross_entropy([1.0, 0.0], [1.0, 0.0]) == pytest.approx(0.0, abs=1e-11)
    assert np.all(np.isfinite(L.binary_cross_entropy_gradient([0.0, 1.0], [1.0, 0.0])))


def test_bce_gradient_matches_finite_differences():
    p, t = np.array([0.3, 0.8, 0.55, 0.1]), np.array([1.0, 0.0, 1.0, 0.0])
    np.testing.assert_allclose(
        L.binary_cross_entropy_gradient(p, t),
        _numeric_gradient(lambda q: L.binary_cross_entropy(q, t), p),
        rtol=1e-6,
    )


def test_bce_with_preactivation_equals_bce_of_the_sigmoid():
    z = np.array([-3.0, -0.5, 0.0, 1.2, 4.0])
    t = np.array([0.0, 1.0, 1.0, 0.0, 1.0])
    assert L.binary_cross_entropy_with_preactivation(z, t) == pytest.approx(
        L.binary_cross_entropy(sigmoid(z), t), rel=1e-12
    )


def test_bce_with_preactivation_is_exact_where_probabilities_saturate():
    # σ(-800) underflows to 0, but the loss for target 1 is exactly 800 (= -ln σ(-800)).
    assert L.binary_cross_entropy_with_preactivation([-800.0], [1.0]) == pytest.approx(800.0)
    assert L.binary_cross_entropy_with_preactivation([1e4], [1.0]) == 0.0


def test_bce_with_preactivation_gradient_is_sigmoid_minus_target():
    z, t = np.array([-2.0, 0.5, 3.0]), np.array([1.0, 0.0, 1.0])
    np.testing.assert_allclose(
        L.binary_cross_entropy_with_preactivation_gradient(z, t), (sigmoid(z) - t) / 3
    )
    np.testing.assert_allclose(
        L.binary_cross_entropy_with_preactivation_gradient(z, t),
        _numeric_gradient(lambda q: L.binary_cross_entropy_with_preactivation(q, t), z),
        atol=1e-8,
    )


def test_targets_are_reshaped_when_the_number_of_entries_matches():
    assert L.mse(np.array([[1.0], [2.0]]), [1.0, 0.0]) == 2.0
    assert L.mse_gradient(np.array([[1.0], [2.0]]), [1.0, 0.0]).shape == (2, 1)


def test_mismatched_sizes_are_explained():
    with pytest.raises(ValueError, match=r"target has 3 entries \(shape \(3,\)\) but pred has 2"):
        L.mse([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="pred is empty"):
        L.mse([], [])


def test_probabilities_outside_zero_one_are_refused():
    with pytest.raises(ValueError, match="prob must be between 0 and 1 .*; got 1.5 at position 2"):
        L.binary_cross_entropy([0.1, 0.2, 1.5], [0, 0, 1])
    with pytest.raises(ValueError, match="target must be between 0 and 1"):
        L.binary_cross_entropy([0.5], [2.0])
    with pytest.raises(ValueError, match="target must be between 0 and 1"):
        L.binary_cross_entropy_with_preactivation([0.5], [-1.0])
    with pytest.raises(ValueError, match=r"got -0.1 at position \(1, 0\)"):
        L.binary_cross_entropy_gradient([[0.5], [-0.1]], [[1.0], [0.0]])


def test_nan_and_huge_values_are_refused():
    with pytest.raises(ValueError, match="pred contains NaN at position 1"):
        L.mse([0.0, np.nan], [0.0, 0.0])
    with pytest.raises(ValueError, match="target contains inf"):
        L.mse([0.0], [np.inf])
    with pytest.raises(ValueError, match="too large"):
        L.mse([1e200], [0.0])
    with pytest.raises(TypeError, match="target must be numbers, not booleans"):
        L.mse([1.0], [True])


def test_get_loss_by_name_and_aliases():
    assert L.get_loss("MSE").name == "mse"
    assert L.get_loss("binary_cross_entropy").name == "bce"
    assert L.get_loss("Cross-Entropy").name == "bce"
    loss = L.get_loss("bce")
    assert L.get_loss(loss) is loss
    assert loss([0.5], [1.0]) == pytest.approx(math.log(2))
    np.testing.assert_allclose(loss.gradient([0.5], [1.0]), [-2.0])
    assert "ln" in loss.formula and repr(loss) == "get_loss('bce')"
    assert L.LOSS_NAMES == ("mse", "bce")


def test_get_loss_errors_are_clear():
    with pytest.raises(ValueError, match="unknown loss 'hinge'; valid names are mse, bce"):
        L.get_loss("hinge")
    with pytest.raises(TypeError, match="loss must be a name such as 'mse' or 'bce'; got 3"):
        L.get_loss(3)
