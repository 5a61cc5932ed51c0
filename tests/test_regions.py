"""Chapter 7: the regions a ReLU layer cuts, and the flat pieces of a ReLU network. Checked
against closed-form counts, brute-force enumeration on grids and finite differences."""

import doctest
import itertools

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from neuronlib import regions  # noqa: E402
from neuronlib.layer import Layer  # noqa: E402
from neuronlib.network import Network  # noqa: E402
from neuronlib.neuron import Neuron  # noqa: E402
from neuronlib.plots import plot_hidden_space, plot_layers_1d, plot_output_regions, plot_patterns  # noqa: E402
from neuronlib.regions import (activation_patterns, count_patterns, crossings, fit_planes,  # noqa: E402
                               in_general_position, spread_lines, xor_search,
                               local_affine, pattern_text, pieces_of_line, regions_of_lines,
                               switch_points, xor_gap)


def test_docstring_examples_run():
    result = doctest.testmod(regions)
    assert result.attempted > 10 and result.failed == 0


def test_the_region_count_satisfies_its_recursion_and_small_cases():
    # By hand: 0 lines 1 region, 1 line 2, 2 crossing lines 4, 3 lines a triangle and 6 around it: 7.
    assert [regions_of_lines(n) for n in range(4)] == [1, 2, 4, 7]
    for n in range(1, 30):  # the n-th line adds n regions
        assert regions_of_lines(n) == regions_of_lines(n - 1) + n
    assert [pieces_of_line(n) for n in range(4)] == [1, 2, 3, 4]


def _box_around_crossings(W, b, margin=1.5):
    # every crossing, and each line's point nearest the origin (so a lone line is in view too)
    points = [-b[j] * W[:, j] / (W[:, j] @ W[:, j]) for j in range(W.shape[1])]
    for i, j in itertools.combinations(range(W.shape[1]), 2):
        points.append(np.linalg.solve(W[:, [i, j]].T, -b[[i, j]]))
    points = np.array(points)
    low, high = points.min(axis=0) - margin, points.max(axis=0) + margin
    return (low[0], high[0]), (low[1], high[1])


def _patterns_around_every_crossing(W, b):
    """Brute force: the patterns of points just around each crossing of two lines (one in each
    of the four corners there) and on both sides of a lone line. With two or more lines in
    general position every region has a corner at some crossing, so this meets every region."""
    layer = Layer(W, b)
    samples = []
    if W.shape[1] == 1:
        foot = -b[0] * W[:, 0] / (W[:, 0] @ W[:, 0])
        samples += [foot + W[:, 0], foot - W[:, 0]]
    for i, j in itertools.combinations(range(W.shape[1]), 2):
        crossing = np.linalg.solve(W[:, [i, j]].T, -b[[i, j]])
        # step less than a third of the way to the nearest other line (or to other crossings)
        others = [abs(W[:, m] @ crossing + b[m]) / np.linalg.norm(W[:, m]) for m in range(W.shape[1])
                  if m not in (i, j)]
        eps = min([0.1, *others]) / 3
        for si, sj in itertools.product((-1, 1), repeat=2):
            samples.append(crossing + eps * (si * W[:, i] / np.linalg.norm(W[:, i])
                                             + sj * W[:, j] / np.linalg.norm(W[:, j])))
    return {tuple(p) for p in activation_patterns(layer, np.array(samples))}


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 8])
def test_lines_in_general_position_cut_the_formula_many_regions(n, seed):
    rng = np.random.default_rng(100 * n + seed)
    W, b = rng.normal(size=(2, n)), rng.normal(size=n)
    assert in_general_position(W, b)
    assert len(_patterns_around_every_crossing(W, b)) == regions_of_lines(n)


@pytest.mark.parametrize("seed", range(3))
def test_the_grid_count_finds_every_region_of_well_spread_lines(seed):
    # Four lines at well-separated angles, crossing inside [-2, 2]^2: a figure shows them all.
    rng = np.random.default_rng(seed)
    angles = np.pi * (np.arange(4) + rng.uniform(0.2, 0.8, 4)) / 4
    W = np.vstack([np.cos(angles), np.sin(angles)])
    b = rng.uniform(-0.8, 0.8, 4)
    xlim, ylim = _box_around_crossings(W, b)
    grid = count_patterns(Layer(W, b), xlim, ylim, resolution=500)
    assert grid == len(_patterns_around_every_crossing(W, b)) == regions_of_lines(4)


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_lines_through_one_point_cut_only_2n_regions(n):
    angles = np.pi * (np.arange(n) + 0.3) / n
    layer = Layer(np.vstack([np.cos(angles), np.sin(angles)]), np.zeros(n))
    assert not in_general_position(layer.weights, layer.bias) or n <= 2
    assert count_patterns(layer, resolution=301) == 2 * n


def test_general_position_fails_for_parallel_lines_and_zero_weights():
    assert not in_general_position([[1.0, 2.0], [1.0, 2.0]], [0.0, 1.0])  # parallel
    assert not in_general_position([[0.0, 1.0], [0.0, 0.0]], [1.0, 0.0])  # w = 0
    three_through_one = [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]  # meet at (1, 1) with these biases
    assert not in_general_position(three_through_one, [-1.0, -1.0, -2.0])
    assert in_general_position(three_through_one, [-1.0, -1.0, -1.0])


@pytest.mark.parametrize("n", [1, 2, 4, 6])
def test_n_kinks_cut_a_line_into_n_plus_one_pieces(n):
    kinks = np.sort(np.random.default_rng(n).uniform(-2.5, 2.5, n))
    signs = np.where(np.arange(n) % 2, 1.0, -1.0)
    layer = Layer([signs], -signs * kinks)
    assert count_patterns(layer, (-3, 3), None, resolution=5001) == pieces_of_line(n)


def test_patterns_are_the_signs_of_each_unit_preactivation():
    rng = np.random.default_rng(0)
    net = Network.random([2, 3, 4, 1], "relu", seed=1)
    net.layers[0].bias = rng.normal(size=3)
    X = rng.normal(size=(50, 2))
    h1 = np.maximum(X @ net.layers[0].weights + net.layers[0].bias, 0)
    z2 = h1 @ net.layers[1].weights + net.layers[1].bias
    expected = np.hstack([X @ net.layers[0].weights + net.layers[0].bias > 0, z2 > 0])
    np.testing.assert_array_equal(activation_patterns(net, X), expected)
    assert activation_patterns(net, X, include_output=True).shape == (50, 8)


@pytest.mark.parametrize("seed", range(5))
def test_local_affine_gives_the_value_and_the_finite_difference_slopes(seed):
    rng = np.random.default_rng(seed)
    net = Network.random([2, 4, 3, 1], ["relu", "relu", "identity"], seed=seed)
    for layer in net.layers:
        layer.bias = rng.normal(size=layer.n_outputs)
    for x in rng.normal(size=(20, 2)):
        A, c = local_affine(net, x)
        np.testing.assert_allclose(x @ A + c, net(x), atol=1e-12)
        h = 1e-6
        slopes = [(net(x + h * e) - net(x - h * e)) / (2 * h) for e in np.eye(2)]
        np.testing.assert_allclose(A, np.array(slopes), atol=1e-6)


def test_a_relu_network_is_a_flat_plane_on_each_region_and_a_tanh_network_is_not():
    X = np.random.default_rng(0).uniform(-3, 3, (4000, 2))
    net = Network.random([2, 3, 3, 1], ["relu", "relu", "identity"], seed=2)
    net.layers[0].bias = np.array([0.5, -0.3, 0.2])
    found = fit_planes(net, X)
    assert len(found) >= 3 and sum(p["points"] for p in found) <= len(X)
    assert max(p["max_gap"] for p in found) < 1e-9
    curved = Network([Layer(net.layers[0].weights, net.layers[0].bias, "tanh"), net.layers[1], net.layers[2]])
    assert max(p["max_gap"] for p in fit_planes(curved, X)) > 1e-3


def _sign_changes_on_a_grid(net, layer, xlim, n=200001):
    x = np.linspace(*xlim, n)
    z = net.forward(x.reshape(-1, 1))[0][layer]
    flips = np.any(np.diff(z > 0, axis=0), axis=1)
    return x[1:][flips]


@pytest.mark.parametrize("seed", range(6))
def test_switch_points_are_where_the_signs_change_on_a_fine_grid(seed):
    rng = np.random.default_rng(1000 + seed)  # not the network's seed: biases unlike the weights
    net = Network.random([1, 4, 3, 2], "relu", seed=seed, scale=1.5)
    for layer in net.layers:
        layer.bias = rng.normal(size=layer.n_outputs)
    found = switch_points(net, (-3, 3))
    assert len(found) == 3
    for depth, points in enumerate(found):
        brute = _sign_changes_on_a_grid(net, depth, (-3, 3))
        assert len(points) == len(brute), (depth, points, brute)
        np.testing.assert_allclose(points, brute, atol=1e-4)


def test_a_folded_line_bends_where_no_first_layer_unit_switches():
    fold = Layer([[1.0, -1.0]], [0.0, 0.0], "relu")
    ridge = Layer([[1.0], [1.0]], [-1.0], "relu")
    first, second = switch_points(Network([fold, ridge]), (-3, 3))
    assert first == [0.0] and second == [-1.0, 1.0]


def test_xor_gap_is_zero_for_every_affine_model():
    rng = np.random.default_rng(0)
    for _ in range(50):
        neuron = Neuron(rng.normal(size=2), float(rng.normal()))
        assert abs(xor_gap(neuron)[0]) < 1e-12
        layer = Layer(rng.normal(size=(2, 3)), rng.normal(size=3), "identity")
        assert np.max(np.abs(xor_gap(layer))) < 1e-12


def test_pattern_text_and_bad_input_errors():
    assert pattern_text([1, 0, 0, 1], [3, 1]) == "100|1"
    with pytest.raises(ValueError, match="add up to 3 units but the pattern has 4"):
        pattern_text([1, 0, 0, 1], [2, 1])
    with pytest.raises(TypeError, match="must be a whole number"):
        regions_of_lines(2.5)
    with pytest.raises(ValueError, match="whole number >= 0"):
        pieces_of_line(-1)
    with pytest.raises(TypeError, match="Layer or a Network"):
        activation_patterns(Neuron([1.0, 1.0]), [[0.0, 0.0]])
    with pytest.raises(ValueError, match="X has 3 features but the model has 2 inputs"):
        activation_patterns(Layer(np.ones((2, 2))), [[1.0, 2.0, 3.0]])
    with pytest.raises(ValueError, match="ylim=None for a 1-input model"):
        count_patterns(Layer([[1.0, 2.0]]))
    with pytest.raises(ValueError, match="shape \\(2, lines\\)"):
        in_general_position(np.ones((3, 2)), [0.0, 0.0])
    with pytest.raises(ValueError, match="'tanh', which is curved"):
        local_affine(Layer(np.ones((2, 2)), None, "tanh"), [0.0, 0.0])
    with pytest.raises(ValueError, match="one input of shape"):
        local_affine(Layer(np.ones((2, 2))), [[0.0, 0.0], [1.0, 1.0]])
    with pytest.raises(ValueError, match="needs a network with 1 input"):
        switch_points(Layer(np.ones((2, 2))), (-1, 1))
    with pytest.raises(ValueError, match="output must be below 1"):
        fit_planes(Layer(np.ones((2, 1))), np.zeros((5, 2)), output=1)


def test_the_region_plots_draw_and_check_their_input():
    net = Network([Layer([[1.0, -1.0], [-1.0, 1.0]], [0.0, 0.0]), Layer([[1.0], [1.0]], [-0.5], "relu"),
                   Layer([[1.0]], [0.0], "identity")])
    # four regions, and the diagonal x1 = x2 itself, where both layer-1 units are off
    assert plot_patterns(net, resolution=60).get_title() == "5 on/off patterns in view"
    assert "flat on each of" in plot_output_regions(net, resolution=60).get_title()
    ax = plot_hidden_space(net, points=[[0, 0], [0, 1], [1, 0], [1, 1]], resolution=9)
    assert ax.get_ylabel() == "h₂ (layer-1 unit 2)"
    fold = Network([Layer([[1.0, -1.0]], [0.0, 0.0]), Layer([[1.0], [1.0]], [-1.0])])
    titles = [ax.get_title() for ax in plot_layers_1d(fold).axes]
    assert titles == ["layer 1: switches at x = 0", "layer 2: switches at x = -1, 1"]
    with pytest.raises(ValueError, match="2-input models only"):
        plot_patterns(Layer([[1.0, 2.0]]))
    with pytest.raises(ValueError, match="first layer must have 2 inputs and 2 units"):
        plot_hidden_space(Network.random([2, 3, 1]))
    with pytest.raises(ValueError, match="1 output"):
        plot_output_regions(Network.random([2, 3, 2]))


def test_crossings_lie_on_both_of_their_lines():
    layer = spread_lines(5, seed=3)
    W, b = layer.weights, layer.bias
    points = crossings(W, b)
    assert points.shape == (10, 2)
    for (i, j), p in zip(itertools.combinations(range(5), 2), points):
        assert abs(W[:, i] @ p + b[i]) < 1e-12 and abs(W[:, j] @ p + b[j]) < 1e-12
    with pytest.raises(ValueError, match="lines 1 and 2 are parallel"):
        crossings([[1.0, 2.0], [1.0, 2.0]], [0.0, 1.0])


@pytest.mark.parametrize("n", [1, 2, 3, 6])
def test_spread_lines_are_in_general_position_and_the_grid_finds_every_region(n):
    layer = spread_lines(n, seed=n)
    assert in_general_position(layer.weights, layer.bias)
    if n > 1:
        xlim = ylim = (-np.abs(crossings(layer.weights, layer.bias)).max() - 1,
                       np.abs(crossings(layer.weights, layer.bias)).max() + 1)
        assert count_patterns(layer, xlim, ylim, resolution=800) == regions_of_lines(n)


def test_no_network_with_fewer_than_two_hidden_units_computes_xor():
    # The proof: z(0,1) + z(1,0) = z(0,0) + z(1,1) for any affine z (xor_gap), and one hidden unit
    # passes on a single affine z through monotone steps. The search can only confirm it.
    assert xor_search(0, tries=20000, seed=1) == 0
    assert xor_search(1, tries=20000, seed=1) == 0
    assert xor_search(2, tries=20000, seed=1) > 0
    with pytest.raises(ValueError, match="whole number >= 0"):
        xor_search(-1)
