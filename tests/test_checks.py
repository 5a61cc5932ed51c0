"""The input checks: clear messages for the mistakes beginners make."""

import doctest

import numpy as np
import pytest

from neuronlib import _checks as C


def test_docstring_examples_run():
    result = doctest.testmod(C)
    assert result.attempted > 5 and result.failed == 0


def test_as_vector_copies_and_converts_to_floats():
    source = np.array([1, 2, 3])
    out = C.as_vector(source, "weights")
    assert out.dtype == float
    out[0] = 99
    assert source[0] == 1


def test_as_vector_rejects_a_matrix_with_its_shape():
    with pytest.raises(ValueError, match=r"weights must be a 1-D sequence of numbers; got shape \(2, 3\)"):
        C.as_vector(np.zeros((2, 3)), "weights")


def test_as_vector_rejects_empty_and_wrong_length():
    with pytest.raises(ValueError, match="weights must contain at least one number"):
        C.as_vector([], "weights")
    with pytest.raises(ValueError, match="bias must have 3 entries; got 2"):
        C.as_vector([1, 2], "bias", length=3)


def test_as_batch_says_how_many_features_were_expected():
    with pytest.raises(ValueError, match="x has 3 features but the neuron has 2 weights"):
        C.as_batch([1, 2, 3], 2)
    with pytest.raises(ValueError, match="X has 3 features but the layer has 2 inputs"):
        C.as_batch(np.zeros((4, 3)), 2, "X", owner="the layer has 2 inputs")


def test_as_batch_accepts_one_vector_or_a_batch():
    X, single = C.as_batch([1.0, 2.0], 2)
    assert X.shape == (1, 2) and single
    X, single = C.as_batch(np.ones((5, 2)), 2)
    assert X.shape == (5, 2) and not single
    X, single = C.as_batch(3.0, 1)
    assert X.shape == (1, 1) and single


def test_as_batch_rejects_a_scalar_for_several_features_and_3d_input():
    with pytest.raises(ValueError, match="x is a single number but the neuron has 2 weights"):
        C.as_batch(1.0, 2)
    with pytest.raises(ValueError, match=r"got shape \(2, 2, 2\)"):
        C.as_batch(np.zeros((2, 2, 2)), 2)


def test_nan_is_reported_with_its_position():
    with pytest.raises(ValueError, match="inputs contain NaN at position 4; expected finite numbers"):
        C.check_finite(np.array([0, 1, 2, 3, np.nan, 5.0]), "inputs")
    with pytest.raises(ValueError, match=r"X contains inf at position \(1, 0\)"):
        C.as_batch([[1.0, 2.0], [np.inf, 0.0]], 2, "X")


def test_numbers_beyond_1e150_are_refused_because_products_would_overflow():
    with pytest.raises(ValueError, match="x contains 1e\\+200 at position 1, which is too large"):
        C.as_vector([1.0, 1e200], "x")
    with pytest.raises(ValueError, match="up to 1e\\+150"):
        C.as_float(-1e151, "bias")
    assert C.as_float(1e150, "bias") == 1e150


def test_booleans_and_strings_are_type_errors():
    with pytest.raises(TypeError, match="bias must be a number, not a boolean"):
        C.as_float(True, "bias")
    with pytest.raises(TypeError, match="weights must be numbers, not booleans"):
        C.as_vector([1.0, False], "weights")
    with pytest.raises(TypeError, match="weights must be numbers, not booleans"):
        C.as_vector(np.array([True, False]), "weights")
    with pytest.raises(TypeError, match="got the string '3'"):
        C.as_float("3", "bias")
    with pytest.raises(TypeError, match="found the string 'a'"):
        C.as_vector([1.0, "a"], "weights")
    with pytest.raises(TypeError, match="got strings"):
        C.as_vector(np.array(["a", "b"]), "weights")
    with pytest.raises(TypeError, match="got None"):
        C.as_vector(None, "weights")
    with pytest.raises(TypeError, match="found None"):
        C.as_vector([1.0, None], "weights")
    with pytest.raises(TypeError, match="real numbers; got complex"):
        C.as_vector([1 + 1j], "weights")
    with pytest.raises(TypeError, match="weights must be numbers"):
        C.as_vector({"a": 1}, "weights")


def test_object_arrays_of_numbers_are_accepted():
    from fractions import Fraction

    assert C.as_vector(np.array([Fraction(1, 2), 2], dtype=object)).tolist() == [0.5, 2.0]


def test_ragged_lists_are_refused():
    with pytest.raises(ValueError, match="rectangular array of numbers"):
        C.as_array([[1.0, 2.0], [3.0]], "X")


def test_as_float_wants_a_single_number():
    assert C.as_float([2.5], "bias") == 2.5
    with pytest.raises(ValueError, match=r"bias must be a single number; got an array of shape \(2,\)"):
        C.as_float([1.0, 2.0], "bias")


def test_as_matrix_checks_dimensions_and_emptiness():
    assert C.as_matrix([[1, 2]]).shape == (1, 2)
    with pytest.raises(ValueError, match=r"weights must be a 2-D array of shape \(n_inputs, n_outputs\); got shape \(3,\)"):
        C.as_matrix([1, 2, 3])
    with pytest.raises(ValueError, match="must not be empty"):
        C.as_matrix(np.zeros((0, 2)))


def test_check_positive_rejects_zero_negative_and_non_numbers():
    assert C.check_positive(0.5, "learning_rate") == 0.5
    with pytest.raises(ValueError, match="learning_rate must be a positive number; got -0.1"):
        C.check_positive(-0.1, "learning_rate")
    with pytest.raises(ValueError, match="learning_rate must be a positive number; got 0.0"):
        C.check_positive(0, "learning_rate")
    with pytest.raises(TypeError, match="learning_rate must be a positive number; got True"):
        C.check_positive(True, "learning_rate")
    with pytest.raises(TypeError, match="got '0.1'"):
        C.check_positive("0.1", "learning_rate")
    with pytest.raises(ValueError, match="NaN"):
        C.check_positive(float("nan"), "learning_rate")


def test_check_count_wants_whole_numbers():
    assert C.check_count(np.int64(3), "n") == 3
    assert C.check_count(0, "epochs", minimum=0) == 0
    with pytest.raises(ValueError, match="n must be a positive whole number; got 0"):
        C.check_count(0, "n")
    with pytest.raises(ValueError, match="epochs must be a whole number >= 0; got -1"):
        C.check_count(-1, "epochs", minimum=0)
    with pytest.raises(TypeError, match="n must be a whole number; got 2.5"):
        C.check_count(2.5, "n")
    with pytest.raises(TypeError, match="n must be a whole number; got True"):
        C.check_count(True, "n")


def test_check_result_reports_overflow():
    C.check_result(np.array([1.0, 2.0]), "the output")
    with pytest.raises(ValueError, match="the output overflowed"):
        C.check_result(np.array([1.0, np.inf]), "the output")
