"""plot_decision_regions: the shading is the network's output, the line is where it is 1/2."""

import doctest

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from neuronlib.layer import Layer  # noqa: E402
from neuronlib.network import Network  # noqa: E402
from neuronlib.plots import decisions  # noqa: E402
from neuronlib.plots.decisions import plot_decision_regions  # noqa: E402


def _half_plane():
    # p = sigmoid(x1): class 1 to the right of x1 = 0
    return Network([Layer([[1.0], [0.0]], [0.0], "identity"), Layer([[1.0]], [0.0], "sigmoid")])


def test_the_shading_is_the_output_and_the_boundary_is_x1_equal_0():
    X = np.array([[-1.0, 0.0], [1.0, 0.5], [0.5, -1.0]])
    ax = plot_decision_regions(_half_plane(), X, [0, 1, 0], lim=(-2, 2), resolution=41)
    image = ax.images[0].get_array()
    grid = np.linspace(-2, 2, 41)
    np.testing.assert_allclose(image[0], 1 / (1 + np.exp(-grid)))  # each row: sigmoid(x1)
    (segment,) = [s for s in ax.collections[0].get_paths()]
    assert np.allclose(segment.vertices[:, 0], 0.0, atol=1e-9)
    assert ax.get_title() == "2-1-1: 66.7% right"   # (0.5, -1) is labelled 0 but lies right


def test_bad_input_is_refused():
    with pytest.raises(TypeError, match="2 inputs and 1 output"):
        plot_decision_regions(Network.random([3, 1]), np.zeros((1, 3)), [0])
    with pytest.raises(ValueError, match=r"X must have shape \(m, 2\)"):
        plot_decision_regions(_half_plane(), np.zeros((2, 2)), [0])


def test_docstring_example_runs():
    assert doctest.testmod(decisions).failed == 0
