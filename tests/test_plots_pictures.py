"""neuronlib.plots.pictures (the two pictures) and neuronlib.plots.people (Chapters 1-2)."""

import doctest

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from neuronlib.body_mass import tangent_neuron  # noqa: E402
from neuronlib.data import height_weight  # noqa: E402
from neuronlib.neuron import Neuron  # noqa: E402
from neuronlib.plots import people, pictures  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _gid(ax, gid):
    return [line for line in ax.lines if line.get_gid() == gid]


def test_doctests():
    assert doctest.testmod(pictures).failed == 0
    assert doctest.testmod(people).failed == 0


def test_one_input_graph_is_the_line_and_boundary_is_minus_b_over_w():
    fig = pictures.plot_two_pictures(Neuron([2.0], bias=1.0, activation="identity"))
    graph, line = fig.axes
    (curve,) = _gid(graph, "graph")
    xs, ys = curve.get_xdata(), curve.get_ydata()
    np.testing.assert_allclose(ys, 2.0 * xs + 1.0)
    (point,) = _gid(line, "boundary")
    assert point.get_xdata()[0] == pytest.approx(-0.5)


def test_two_input_boundary_line_has_z_zero_and_is_drawn_in_both_pictures():
    neuron = Neuron([0.5, -1.0], bias=1.0, activation="identity")
    fig = pictures.plot_two_pictures(neuron)
    graph, plane = fig.axes[0], fig.axes[1]
    (line3d,) = _gid(graph, "boundary")
    xs, ys, zs = line3d.get_data_3d()
    np.testing.assert_allclose(0.5 * np.asarray(xs) - np.asarray(ys) + 1.0, 0.0, atol=1e-9)
    np.testing.assert_allclose(zs, 0.0)
    (line2d,) = _gid(plane, "hyperplane")
    np.testing.assert_allclose(0.5 * line2d.get_xdata() - line2d.get_ydata() + 1.0, 0.0, atol=1e-9)


def test_pictures_reject_three_inputs():
    with pytest.raises(ValueError, match="1 or 2 inputs"):
        pictures.plot_two_pictures(Neuron([1.0, 1.0, 1.0]))


def test_people_rings_exactly_the_people_on_the_wrong_side():
    X, y = height_weight(seed=0)
    neuron = tangent_neuron(1.70)
    ax = people.plot_people(neuron, X, y)
    (rings,) = [c for c in ax.collections if c.get_gid() == "wrong"]
    ringed = np.asarray(rings.get_offsets())
    # independent: wrong means BMI < 30 but above the tangent, or BMI >= 30 and below it
    bmi = X[:, 1] / X[:, 0] ** 2
    tangent = 30 * 1.70**2 + 60 * 1.70 * (X[:, 0] - 1.70)
    wrong = (bmi >= 30) != (X[:, 1] >= tangent)
    np.testing.assert_allclose(ringed, X[wrong])
    assert ax.get_title().startswith(f"{len(y) - int(wrong.sum())} of {len(y)} right")
