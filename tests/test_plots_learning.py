"""Tests for neuronlib.plots.learning (the figures of Chapter 6)."""

import matplotlib

matplotlib.use("Agg")

import doctest  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from neuronlib.learning import descent_path  # noqa: E402
from neuronlib.neuron import Neuron  # noqa: E402
from neuronlib.plots import learning as P  # noqa: E402
from neuronlib.plots.learning import plot_descent_path, plot_sigmoid_losses  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_docstring_examples_run():
    assert doctest.testmod(P).failed == 0


@pytest.mark.parametrize("label", [0, 1])
def test_sigmoid_losses_are_the_closed_forms_and_their_slopes(label):
    left, right = plot_sigmoid_losses(label=label)
    z = left.lines[0].get_xdata()
    p = 1.0 / (1.0 + np.exp(-z))
    squared, cross = left.lines[0].get_ydata(), left.lines[1].get_ydata()
    assert np.allclose(squared, (p - label) ** 2, atol=1e-12)
    assert np.allclose(cross, -(label * np.log(p) + (1 - label) * np.log(1 - p)), atol=1e-9)
    # the right panel is the derivative of the left one: compare with finite differences
    for loss_line, slope_line in zip(left.lines[:2], right.lines[:2]):
        numeric = np.gradient(loss_line.get_ydata(), z)
        assert np.allclose(slope_line.get_ydata()[1:-1], numeric[1:-1], atol=5e-3)


def test_sigmoid_losses_reject_other_labels():
    with pytest.raises(ValueError, match="label must be 0 or 1"):
        plot_sigmoid_losses(label=2)


def test_descent_path_draws_every_point_and_says_how_it_ended():
    X, t = [[-1.0], [1.0]], [0.0, 2.0]
    calm = descent_path(Neuron([-1.0], 2.0, "identity"), X, t, "mse", 0.25, 4)
    ax = plot_descent_path(calm, X, t, "mse", (-2, 3), (-1, 3))
    line = next(l for l in ax.lines if l.get_gid() == "path")
    assert np.array_equal(line.get_xdata(), calm.weights[:, 0])
    assert np.array_equal(line.get_ydata(), calm.biases)
    assert ax.get_title().startswith("learning rate 0.25: loss 5 →")
    wild = descent_path(Neuron([-1.0], 2.0, "identity"), X, t, "mse", 1.5, 50, stop_above=1e3)
    ax = plot_descent_path(wild, X, t, "mse", (-2, 3), (-1, 3))
    assert ax.get_title() == "learning rate 1.5: loss above 1000 after 4 steps"


def test_descent_path_needs_a_path():
    with pytest.raises(TypeError, match="DescentPath"):
        plot_descent_path([1, 2], [[1.0]], [1.0], "mse", (0, 1), (0, 1))
