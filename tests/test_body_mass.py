"""neuronlib.body_mass: BMI, and the tangent neuron of Chapter 1."""

import doctest

import numpy as np
import pytest

from neuronlib import body_mass as B
from neuronlib.data import height_weight


def test_doctests():
    assert doctest.testmod(B).failed == 0


def test_foot_is_twelve_inches_of_2_54_cm():
    assert B.FOOT == pytest.approx(12 * 2.54 / 100)


def test_bmi_is_mass_over_height_squared():
    assert B.body_mass_index(2.0, 100.0) == pytest.approx(25.0)
    np.testing.assert_allclose(B.body_mass_index([1.0, 2.0], [30.0, 120.0]), [30.0, 30.0])


def test_data_labels_agree_with_bmi():
    X, y = height_weight(seed=0)
    np.testing.assert_array_equal(B.body_mass_index(X[:, 0], X[:, 1]) >= 30, y == 1)


@pytest.mark.parametrize("h0", [1.5, 1.7, 1.9])
def test_tangent_neuron_line_touches_the_curve_with_its_slope(h0):
    neuron = B.tangent_neuron(h0)
    curve = lambda h: 30.0 * h**2  # noqa: E731
    assert neuron.preactivation([h0, curve(h0)]) == pytest.approx(0.0, abs=1e-9)
    # the line z = 0 is mass = -(w1 h + b) / w2; its slope is the curve's, by finite differences
    w1, w2 = neuron.weights
    step = 1e-6
    assert -w1 / w2 == pytest.approx((curve(h0 + step) - curve(h0 - step)) / (2 * step), rel=1e-6)


def test_curve_lies_above_the_tangent_by_the_gap():
    h0 = 1.70
    neuron = B.tangent_neuron(h0)
    heights = np.linspace(1.4, 2.1, 15)
    z_on_curve = neuron.preactivation(np.column_stack([heights, 30.0 * heights**2]))
    np.testing.assert_allclose(z_on_curve, 30.0 * (heights - h0) ** 2, atol=1e-9)
    np.testing.assert_allclose(B.tangent_gap(heights, at=h0), 30.0 * (heights - h0) ** 2)
    assert np.all(z_on_curve >= -1e-9)


def test_tangent_neuron_finds_every_obese_person():
    # everyone above the curve is above the tangent, so z >= 0 for every label-1 person
    X, y = height_weight(n=2000, seed=5)
    assert np.all(B.tangent_neuron(1.70).preactivation(X[y == 1]) >= 0)


def test_bad_input():
    with pytest.raises(ValueError, match="positive"):
        B.body_mass_index(0.0, 70.0)
    with pytest.raises(ValueError, match="height"):
        B.tangent_neuron(-1.7)
