"""The toy data sets: shapes, labels, seeds and the geometry each one promises."""

import doctest

import numpy as np
import pytest

from neuronlib import data as D
from neuronlib.neuron import Neuron
from neuronlib.training import train

ALL = [D.blobs, D.height_weight, D.xor, D.moons, D.circles, D.spiral]


def test_docstring_examples_run():
    result = doctest.testmod(D)
    assert result.attempted > 8 and result.failed == 0


@pytest.mark.parametrize("make", ALL)
def test_shapes_and_labels(make):
    X, y = make(n=37, seed=4)
    assert X.shape == (37, 2) and X.dtype == float
    assert y.shape == (37,) and y.dtype.kind == "i"
    assert set(np.unique(y).tolist()) <= {0, 1}
    assert np.all(np.isfinite(X))


@pytest.mark.parametrize("make", ALL)
def test_same_seed_same_data_other_seed_other_data(make):
    X1, y1 = make(n=50, seed=3)
    X2, y2 = make(n=50, seed=3)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(make(n=50, seed=4)[0], X1)


@pytest.mark.parametrize("make", [D.blobs, D.xor, D.moons, D.circles, D.spiral])
def test_classes_are_balanced_and_shuffled(make):
    _, y = make(n=101, seed=0)
    assert abs(int(y.sum()) - 50) <= 1
    assert not (np.all(y[:50] == 0) or np.all(np.diff(y) >= 0))


@pytest.mark.parametrize("make", ALL)
def test_n_must_be_a_positive_whole_number(make):
    with pytest.raises(ValueError, match="n must be a positive whole number; got 0"):
        make(n=0)
    with pytest.raises(ValueError, match="n must be a positive whole number; got -5"):
        make(n=-5)
    with pytest.raises(TypeError, match="n must be a whole number; got 2.5"):
        make(n=2.5)
    X, y = make(n=1)
    assert X.shape == (1, 2)


@pytest.mark.parametrize("make", [D.blobs, D.xor, D.moons, D.circles, D.spiral])
def test_negative_noise_is_refused(make):
    with pytest.raises(ValueError, match="noise must be zero or positive"):
        make(noise=-0.1)
    with pytest.raises(TypeError, match="noise must be a number, not a boolean"):
        make(noise=True)


@pytest.mark.parametrize("noise", [0.0, 0.3, 1.0, 5.0])
def test_blobs_are_always_separated_by_the_line_x1_plus_x2_equals_zero(noise):
    X, y = D.blobs(n=300, seed=2, noise=noise)
    distance = X.sum(axis=1) / np.sqrt(2)
    assert np.all((distance > 0) == (y == 1))
    assert np.all(np.abs(distance) > 0.1 - 1e-12)


def test_a_neuron_learns_blobs_perfectly():
    X, y = D.blobs(n=100, seed=0)
    model = train(Neuron([0.0, 0.0], 0.0, "sigmoid"), X, y, "bce", 0.5, 100).model
    assert np.all((model(X) > 0.5) == (y == 1))


def test_height_weight_has_realistic_ranges():
    X, y = D.height_weight(n=5000, seed=0)
    height, weight = X[:, 0], X[:, 1]
    assert 1.45 <= height.min() and height.max() <= 2.05
    assert 1.65 < height.mean() < 1.75
    assert 16 * 1.45**2 - 0.1 <= weight.min() and weight.max() <= 50 * 2.05**2 + 0.1  # BMI 16..50
    assert 65 < weight.mean() < 85
    assert 0.1 < y.mean() < 0.3


def test_height_weight_label_is_bmi_at_least_30_from_the_returned_numbers():
    X, y = D.height_weight(n=2000, seed=1)
    np.testing.assert_array_equal(y, (X[:, 1] / X[:, 0] ** 2 >= 30).astype(int))
    np.testing.assert_array_equal(X[:, 0], np.round(X[:, 0], 2))
    np.testing.assert_array_equal(X[:, 1], np.round(X[:, 1], 1))


def test_xor_labels_follow_the_quadrant_when_noise_is_small():
    X, y = D.xor(n=200, seed=0, noise=0.2)
    np.testing.assert_array_equal(y == 1, X[:, 0] * X[:, 1] < 0)


def test_xor_clusters_sit_at_plus_minus_one():
    X, y = D.xor(n=400, seed=0, noise=0.0)
    assert set(map(tuple, X.tolist())) == {(1.0, 1.0), (-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0)}
    assert np.all(y[(X[:, 0] == 1) & (X[:, 1] == 1)] == 0)


def test_xor_is_not_linearly_separable_by_a_trained_neuron():
    X, y = D.xor(n=200, seed=0, noise=0.1)
    model = train(Neuron([0.1, 0.1], 0.0, "sigmoid"), X, y, "bce", 0.5, 300).model
    accuracy = np.mean((model(X) > 0.5) == (y == 1))
    assert accuracy < 0.8


def test_moons_without_noise_lie_on_their_half_circles():
    X, y = D.moons(n=200, seed=0, noise=0.0)
    outer, inner = X[y == 0], X[y == 1]
    np.testing.assert_allclose(np.hypot(outer[:, 0], outer[:, 1]), 1.0)
    assert np.all(outer[:, 1] >= -1e-12)
    np.testing.assert_allclose(np.hypot(inner[:, 0] - 1.0, inner[:, 1] - 0.5), 1.0)
    assert np.all(inner[:, 1] <= 0.5 + 1e-12)


def test_circles_without_noise_have_radius_one_and_factor():
    X, y = D.circles(n=100, seed=0, noise=0.0, factor=0.4)
    radius = np.hypot(X[:, 0], X[:, 1])
    np.testing.assert_allclose(radius[y == 0], 1.0)
    np.testing.assert_allclose(radius[y == 1], 0.4)


def test_circles_factor_must_be_between_zero_and_one():
    with pytest.raises(ValueError, match="factor .* must be between 0 and 1; got 1.5"):
        D.circles(factor=1.5)


def test_load_by_name():
    for name in D.DATASET_NAMES:
        X, y = D.load(name)
        np.testing.assert_array_equal(X, getattr(D, name)()[0])


def test_load_reads_names_as_typed():
    X, y = D.load("Height-Weight", n=10, seed=2)
    np.testing.assert_array_equal(X, D.height_weight(n=10, seed=2)[0])
    assert D.DATASET_NAMES == ("blobs", "height_weight", "xor", "moons", "circles", "spiral")
    with pytest.raises(ValueError, match="unknown data set 'spirals'; valid names are blobs"):
        D.load("spirals")
    with pytest.raises(TypeError, match="data set must be a name such as 'xor'; got 3"):
        D.load(3)


def test_spiral_points_lie_on_their_arm():
    # without noise a point at radius r lies at angle 2π·turns·r (class 0) or that plus π (class 1)
    X, y = D.spiral(n=200, seed=2, noise=0.0, turns=1.25)
    r = np.hypot(X[:, 0], X[:, 1])
    expected = 2 * np.pi * 1.25 * r + np.pi * y
    np.testing.assert_allclose(X[:, 0], r * np.cos(expected), atol=1e-12)
    np.testing.assert_allclose(X[:, 1], r * np.sin(expected), atol=1e-12)
    assert r.max() <= 1.0


def test_no_line_separates_the_spiral():
    X, y = D.spiral(n=200, seed=0)
    history = train(Neuron([0.1, -0.1], 0.0, "sigmoid"), X, y, "bce", 1.0, 500)
    predicted = history.model(X) >= 0.5
    assert np.mean(predicted == (y == 1)) < 0.75


def test_the_split_keeps_every_row_once_in_order():
    X, y = D.circles(n=10, seed=1)
    (X_train, y_train), (X_test, y_test) = D.train_test_split(X, y, test_fraction=0.4)
    assert len(X_train) == 6 and len(X_test) == 4
    np.testing.assert_array_equal(np.vstack([X_train, X_test]), X)
    np.testing.assert_array_equal(np.concatenate([y_train, y_test]), y)


@pytest.mark.parametrize("fraction", [0.0, 1.0, 0.01, -0.5])
def test_a_split_that_leaves_a_part_empty_is_refused(fraction):
    with pytest.raises(ValueError, match="test_fraction must leave at least one row"):
        D.train_test_split(*D.xor(n=10), test_fraction=fraction)
