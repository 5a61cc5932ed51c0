"""Tests for neuronlib.plots.plane.plot_input_plane (Chapter 2's figures)."""

import doctest

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from neuronlib.layer import Layer  # noqa: E402
from neuronlib.neuron import Neuron  # noqa: E402
from neuronlib.plots import plane  # noqa: E402
from neuronlib.plots.plane import plot_input_plane  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _lines(ax, gid="hyperplane"):
    return [line for line in ax.lines if line.get_gid() == gid]


def _texts(ax, gid):
    return [text.get_text() for text in ax.texts if text.get_gid() == gid]


def test_line_is_where_z_is_zero():
    neuron = Neuron([1.5, -2.0], bias=0.5, activation="sigmoid")
    ax = plot_input_plane(neuron)
    (line,) = _lines(ax)
    ends = np.column_stack([line.get_xdata(), line.get_ydata()])
    assert ends.shape == (2, 2)
    np.testing.assert_allclose(neuron.preactivation(ends), 0.0, atol=1e-9)
    # the endpoints are on the edge of the default box
    assert np.all(np.abs(ends) <= 3 + 1e-9)
    assert np.any(np.isclose(np.abs(ends), 3.0))


def test_heat_map_values_are_neuron_outputs():
    neuron = Neuron([1.0, 2.0], bias=-1.0, activation="relu")
    ax = plot_input_plane(neuron, xlim=(-2, 4), ylim=(-1, 1), resolution=7)
    (image,) = ax.images
    values = np.asarray(image.get_array())
    assert values.shape == (7, 7)
    xs, ys = np.linspace(-2, 4, 7), np.linspace(-1, 1, 7)
    expected = np.array([[neuron(np.array([x, y])) for x in xs] for y in ys])
    np.testing.assert_allclose(values, expected)
    assert tuple(image.get_extent()) == (-2, 4, -1, 1)


def test_labels_title_aspect_and_sides():
    ax = plot_input_plane(Neuron([1.0, 1.0], bias=0.0, activation="identity"))
    assert ax.get_xlabel() == "x₁" and ax.get_ylabel() == "x₂"
    assert ax.get_aspect() == 1.0
    assert sorted(_texts(ax, "side")) == ["+ side", "− side"]
    assert "w = " in ax.get_title()
    assert len(ax.figure.axes) == 2  # the plot and its colour bar


def test_side_labels_are_on_their_own_sides():
    neuron = Neuron([-1.0, 0.5], bias=1.0, activation="tanh")
    ax = plot_input_plane(neuron)
    for text in ax.texts:
        if text.get_gid() == "side":
            z = neuron.preactivation(np.array(text.get_position(), dtype=float))
            assert (z > 0) == (text.get_text() == "+ side")


def test_normal_arrow_points_along_w():
    w = np.array([0.0, 2.0])
    ax = plot_input_plane(Neuron(w, bias=-1.0, activation="sigmoid"))
    (arrow,) = [a for a in ax.texts if a.get_gid() == "normal"]
    start, tip = np.array(arrow.xyann), np.array(arrow.xy)
    direction = tip - start
    np.testing.assert_allclose(direction / np.linalg.norm(direction), w / np.linalg.norm(w))
    # it starts on the line, at the point closest to the origin
    np.testing.assert_allclose(start, [0.0, 0.5])


def test_no_normal_arrow_when_asked():
    ax = plot_input_plane(Neuron([1.0, 0.0], bias=0.0), show_normal=False)
    assert not [a for a in ax.texts if a.get_gid() == "normal"]


def test_zero_weights_draw_no_line_and_say_so():
    neuron = Neuron([0.0, 0.0], bias=0.7, activation="sigmoid")
    ax = plot_input_plane(neuron, resolution=5)
    assert _lines(ax) == []
    assert "no line" in ax.get_title()
    np.testing.assert_allclose(np.asarray(ax.images[0].get_array()), neuron(np.zeros(2)))


def test_line_outside_the_box_is_reported():
    ax = plot_input_plane(Neuron([1.0, 0.0], bias=-10.0), xlim=(-1, 1), ylim=(-1, 1))
    assert _lines(ax) == []
    assert "outside" in ax.get_title()


def test_layer_draws_one_line_per_unit():
    layer = Layer(np.array([[1.0, 0.0, 1.0], [0.0, 1.0, -1.0]]), np.array([0.5, -1.0, 0.0]), "relu")
    ax = plot_input_plane(layer)
    lines = _lines(ax)
    assert len(lines) == 3
    assert [line.get_label() for line in lines] == ["unit 1", "unit 2", "unit 3"]
    for unit, line in zip(layer.neurons, lines):
        ends = np.column_stack([line.get_xdata(), line.get_ydata()])
        np.testing.assert_allclose(unit.preactivation(ends), 0.0, atol=1e-9)
    assert len(ax.images) == 0


def test_points_coloured_by_label():
    points = np.array([[0.0, 0.0], [1.0, 1.0], [-1.0, 2.0]])
    ax = plot_input_plane(Neuron([1.0, -1.0], bias=0.0), points=points, labels=[0, 1, 1])
    groups = [c for c in ax.collections if c.get_gid() == "points"]
    assert [len(g.get_offsets()) for g in groups] == [1, 2]
    assert groups[0].get_facecolor().tolist() != groups[1].get_facecolor().tolist()
    assert [g.get_label() for g in groups] == ["label 0", "label 1"]


def test_text_labels_name_the_groups():
    points = np.array([[0.0, 0.0], [1.0, 1.0]])
    ax = plot_input_plane(Neuron([1.0, -1.0], bias=0.0), points=points, labels=["yes", "no"])
    assert sorted(c.get_label() for c in ax.collections if c.get_gid() == "points") == ["no", "yes"]


def test_draws_into_given_axes():
    fig, axes = plt.subplots(1, 2)
    returned = plot_input_plane(Neuron([1.0, 1.0], bias=0.0), ax=axes[1])
    assert returned is axes[1]
    assert _lines(axes[1]) and not _lines(axes[0])


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"xlim": (3, -3)}, ValueError),
        ({"ylim": (0, 0)}, ValueError),
        ({"xlim": "ab"}, TypeError),
        ({"resolution": 1}, ValueError),
        ({"points": np.zeros((3, 3))}, ValueError),
        ({"points": np.zeros((3, 2)), "labels": [0, 1]}, ValueError),
        ({"labels": [0, 1]}, ValueError),
    ],
)
def test_bad_arguments(kwargs, error):
    with pytest.raises(error):
        plot_input_plane(Neuron([1.0, 1.0], bias=0.0), **kwargs)


def test_bad_models():
    with pytest.raises(TypeError, match="Neuron or a Layer"):
        plot_input_plane([1.0, 2.0])
    with pytest.raises(ValueError, match="2-input"):
        plot_input_plane(Neuron([1.0, 2.0, 3.0], bias=0.0))


def test_docstring_example_runs_and_names_its_chapter():
    result = doctest.testmod(plane)
    assert result.attempted >= 1 and result.failed == 0
    for doc in (plane.__doc__, plot_input_plane.__doc__):
        assert "Introduced in: Chapter 2 (From y = mx + b to hyperplanes)" in doc


def test_colour_bar_shows_only_outputs_that_occur():
    ax = plot_input_plane(Neuron([1.0, 2.0], bias=0.5, activation="relu"), resolution=11)
    bar_axes = ax.figure.axes[1]
    low, high = bar_axes.get_ylim()
    assert low == 0.0  # ReLU never goes below 0
    assert high == pytest.approx(np.max(np.asarray(ax.images[0].get_array())))
