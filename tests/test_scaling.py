"""neuronlib.scaling.standardise (Chapter 1)."""

import doctest

import numpy as np
import pytest

from neuronlib import scaling as S


def test_doctests():
    assert doctest.testmod(S).failed == 0


def test_columns_get_mean_zero_and_spread_one():
    rng = np.random.default_rng(0)
    X = np.column_stack([rng.normal(1.7, 0.1, 500), rng.normal(75.0, 12.0, 500)])
    Xs, mean, std = S.standardise(X)
    np.testing.assert_allclose(Xs.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(np.sqrt((Xs**2).mean(axis=0)), 1.0)
    np.testing.assert_allclose(Xs * std + mean, X)


def test_units_do_not_matter():
    # the same heights in metres and in feet give the same standardised column
    rng = np.random.default_rng(1)
    metres = rng.normal(1.7, 0.1, size=(50, 1))
    np.testing.assert_allclose(S.standardise(metres)[0], S.standardise(metres / 0.3048)[0])


def test_us_spelling_is_the_same_function():
    assert S.standardize is S.standardise


def test_bad_input():
    with pytest.raises(ValueError, match="same value"):
        S.standardise([[1.0, 2.0], [1.0, 3.0]])
    with pytest.raises(ValueError, match="2-D"):
        S.standardise([1.0, 2.0])
    with pytest.raises(ValueError, match="at least 2"):
        S.standardise([[1.0, 2.0]])
