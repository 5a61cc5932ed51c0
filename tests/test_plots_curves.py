"""Tests for neuronlib.plots.curves (the figures of Chapters 3-5)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from neuronlib.activations import ACTIVATION_NAMES, get_activation  # noqa: E402
from neuronlib.layer import Layer  # noqa: E402
from neuronlib.network import Network, kink_positions  # noqa: E402
from neuronlib.plots.curves import (  # noqa: E402
    plot_activation,
    plot_network_1d,
    plot_training,
)
from neuronlib.training import History, train  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _line(ax, gid):
    (line,) = [line for line in ax.lines if line.get_gid() == gid]
    return np.asarray(line.get_xdata(), dtype=float), np.asarray(line.get_ydata(), dtype=float)


def _spans(ax, gid):
    """(left, right) of every shaded band with this gid (axvspan draws a Rectangle)."""
    return sorted(
        (patch.get_x(), patch.get_x() + patch.get_width())
        for patch in ax.patches
        if patch.get_gid() == gid
    )


def _net(w, b, c, c0=0.0, hidden="relu", output="identity"):
    return Network([Layer([w], b, hidden), Layer([[v] for v in c], [c0], output)])


# ------------------------------------------------------------------- plot_activation


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_curve_and_derivative_are_the_activations_values(name):
    act = get_activation(name)
    ax = plot_activation(act, z_range=(-3, 4))
    z, values = _line(ax, "activation")
    assert z.min() == -3 and z.max() == 4 and 0.0 in z
    np.testing.assert_allclose(values, act(z))
    z2, slope = _line(ax, "derivative")
    np.testing.assert_array_equal(z, z2)
    np.testing.assert_allclose(slope, act.derivative(z))
    assert ax.get_xlim() == (-3, 4)


def test_activation_by_name_and_with_parameters():
    ax = plot_activation(get_activation("leaky_relu", slope=0.2))
    z, values = _line(ax, "activation")
    np.testing.assert_allclose(values, np.where(z > 0, z, 0.2 * z))
    assert ax.get_title() == "leaky_relu"
    ax = plot_activation("ELU")
    assert ax.get_title() == "elu"


def test_without_derivative():
    ax = plot_activation("tanh", show_derivative=False)
    assert [line.get_gid() for line in ax.lines if line.get_gid() != "axis"] == ["activation"]


def test_relu_zero_slope_region_is_the_negative_half():
    ax = plot_activation("relu", z_range=(-5, 5))
    ((left, right),) = _spans(ax, "zero_slope")
    assert left == pytest.approx(-5) and right == pytest.approx(0, abs=0.01)
    assert _spans(ax, "saturated") == []


def test_sigmoid_saturates_at_both_ends_and_never_has_zero_slope():
    ax = plot_activation("sigmoid", z_range=(-8, 8))
    assert _spans(ax, "zero_slope") == []
    (left_band, right_band) = _spans(ax, "saturated")
    # sigmoid'(z) < 0.01 exactly when |z| > 4.595...
    assert left_band[0] == pytest.approx(-8) and left_band[1] == pytest.approx(-4.595, abs=0.02)
    assert right_band[0] == pytest.approx(4.595, abs=0.02) and right_band[1] == pytest.approx(8)


def test_identity_has_no_shading_and_step_has_zero_slope_everywhere():
    assert _spans(plot_activation("identity"), "zero_slope") == []
    ((left, right),) = _spans(plot_activation("step"), "zero_slope")
    assert (left, right) == pytest.approx((-5, 5))


def test_draws_on_a_given_axes():
    _, ax = plt.subplots()
    assert plot_activation("gelu", ax=ax) is ax


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"activation": "cosine"}, ValueError),
        ({"activation": 3}, TypeError),
        ({"activation": "relu", "z_range": (2, 1)}, ValueError),
        ({"activation": "relu", "z_range": (0, np.inf)}, ValueError),
        ({"activation": "relu", "z_range": "wide"}, TypeError),
        ({"activation": "relu", "resolution": 1}, ValueError),
    ],
)
def test_activation_bad_input(kwargs, error):
    with pytest.raises(error):
        plot_activation(**kwargs)


# ------------------------------------------------------------------- plot_network_1d


def test_plotted_lines_are_the_contributions_and_output():
    net = _net([1.0, -2.0], [0.5, 1.0], [1.0, 3.0], c0=-1.0)
    ax = plot_network_1d(net, xlim=(-2, 2))
    x, y = _line(ax, "output")
    np.testing.assert_allclose(y, net(x.reshape(-1, 1))[:, 0])
    parts = [np.asarray(line.get_ydata()) for line in ax.lines if line.get_gid() == "contribution"]
    assert len(parts) == 2
    np.testing.assert_allclose(np.sum(parts, axis=0) - 1.0, y)


def test_kinks_are_at_minus_b_over_w():
    net = _net([2.0, -1.0, 0.0, 4.0], [-1.0, 3.0, 1.0, 20.0], [1.0, 1.0, 1.0, 1.0])
    np.testing.assert_allclose(kink_positions(net), [0.5, 3.0, np.nan, -5.0])
    ax = plot_network_1d(net, xlim=(-4, 4))
    marked = sorted(line.get_xdata()[0] for line in ax.lines if line.get_gid() == "kink")
    assert marked == pytest.approx([0.5, 3.0])  # -5 is outside the view, w = 0 has no kink
    kx, ky = _line(ax, "kink-points")
    np.testing.assert_allclose(kx, [0.5, 3.0])
    np.testing.assert_allclose(ky, net(kx.reshape(-1, 1))[:, 0])
    x, _ = _line(ax, "output")
    assert 0.5 in x and 3.0 in x  # the kinks themselves are sampled, so corners are sharp


def test_target_is_drawn():
    net = _net([1.0, -1.0], [0.0, 0.0], [1.0, 1.0])
    x, t = _line(plot_network_1d(net, xlim=(-1, 1), target=np.square), "target")
    np.testing.assert_allclose(t, x**2)


def test_shaded_range():
    net = _net([1.0], [0.0], [1.0])
    ax = plot_network_1d(net, xlim=(-4, 4), shade=(-3, 3))
    ((patch),) = [p for p in ax.patches if p.get_gid() == "shade"]
    assert (patch.get_x(), patch.get_x() + patch.get_width()) == pytest.approx((-3, 3))


@pytest.mark.parametrize(
    "network, kwargs, error",
    [
        ("not a network", {}, TypeError),
        (Network.random([1, 3, 2, 1], "relu", seed=0), {}, ValueError),
        (Network.random([2, 3, 1], "relu", seed=0), {}, ValueError),
        (Network.random([1, 3, 2], "relu", seed=0), {}, ValueError),
        (Network.random([1, 3, 1], "relu", seed=0), {"xlim": (1, 1)}, ValueError),
        (Network.random([1, 3, 1], "relu", seed=0), {"target": 2.0}, TypeError),
        (Network.random([1, 3, 1], "relu", seed=0), {"shade": (2, 1)}, ValueError),
    ],
)
def test_network_bad_input(network, kwargs, error):
    with pytest.raises(error):
        plot_network_1d(network, **kwargs)


# ------------------------------------------------------------------- plot_training


def _history(lr=0.1):
    X = np.array([[0.0], [1.0], [2.0]])
    return train(Network.random([1, 3, 1], ["relu", "identity"], seed=0), X, [0.0, 1.0, 4.0],
                 "mse", lr, 20)


def test_loss_curve_is_the_history():
    history = _history()
    ax = plot_training(history)
    steps, loss = _line(ax, "loss")
    np.testing.assert_array_equal(steps, np.arange(21))
    np.testing.assert_allclose(loss, history.loss)
    assert ax.get_xlabel() == "training step" and "mse" in ax.get_ylabel()


def test_several_runs_and_dead_counts():
    runs = {"small steps": _history(0.01), "big steps": _history(0.1)}
    ax = plot_training(runs, show_dead=True)
    losses = [line for line in ax.lines if line.get_gid() == "loss"]
    assert [line.get_label() for line in losses] == ["small steps", "big steps"]
    for line, run in zip(losses, runs.values()):
        np.testing.assert_allclose(line.get_ydata(), run.loss)
    (below,) = [other for other in ax.figure.axes if other is not ax]
    dead = [line for line in below.lines if line.get_gid() == "dead"]
    assert len(dead) == 2
    for line, run in zip(dead, runs.values()):
        np.testing.assert_array_equal(line.get_ydata(), run.n_dead)
    assert below.get_xlabel() == "training step"


def test_dead_counts_on_given_axes():
    fig, (top, bottom) = plt.subplots(2, 1)
    assert plot_training(_history(), ax=(top, bottom), show_dead=True) is top
    assert [line.get_gid() for line in bottom.lines] == ["dead"]
    with pytest.raises(TypeError):
        plot_training(_history(), ax=top, show_dead=True)
    with pytest.raises(TypeError):
        plot_training(_history(), ax="axes")


def test_list_of_runs_is_labelled_by_learning_rate():
    ax = plot_training([_history(0.01), _history(0.1)], log_scale=True)
    assert [line.get_label() for line in ax.lines] == ["learning rate 0.01", "learning rate 0.1"]
    assert ax.get_yscale() == "log"


@pytest.mark.parametrize(
    "history, kwargs, error",
    [
        ([1.0, 0.5], {}, TypeError),
        ("loss", {}, TypeError),
        ({}, {}, ValueError),
        (History(loss=[]), {}, ValueError),
        (History(loss=[1.0, 0.5]), {"show_dead": True}, ValueError),
    ],
)
def test_training_bad_input(history, kwargs, error):
    with pytest.raises(error):
        plot_training(history, **kwargs)
