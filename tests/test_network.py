"""Chapter 4: networks, and why stacked linear layers collapse."""

import doctest

import numpy as np
import pytest

from neuronlib import network as network_module
from neuronlib.layer import Layer
from neuronlib.network import Network, bends, collapse_linear, network_contributions, output_slopes


def test_docstring_examples_run():
    result = doctest.testmod(network_module)
    assert result.attempted > 5 and result.failed == 0


def _two_layer():
    hidden = Layer([[1.0, -1.0, 0.5], [2.0, 0.0, -1.0]], [0.1, 0.2, -0.3], "relu")
    output = Layer([[1.0], [-2.0], [0.5]], [0.25], "sigmoid")
    return Network([hidden, output])


def test_network_applies_the_layers_in_order():
    net = _two_layer()
    X = np.random.default_rng(0).normal(size=(8, 2))
    hidden, output = net.layers
    np.testing.assert_allclose(net(X), output(hidden(X)), rtol=1e-14)


def test_network_output_matches_hand_written_formula():
    net = _two_layer()
    (W1, b1), (W2, b2) = [(layer.weights, layer.bias) for layer in net.layers]
    x = np.array([0.3, -0.7])
    h = np.maximum(0, x @ W1 + b1)
    expected = 1 / (1 + np.exp(-(h @ W2 + b2)))
    np.testing.assert_allclose(net(x), expected)


def test_forward_keeps_each_layers_preactivations_and_outputs():
    net = _two_layer()
    X = np.random.default_rng(2).normal(size=(5, 2))
    zs, outs = net.forward(X)
    assert [z.shape for z in zs] == [(5, 3), (5, 1)]
    np.testing.assert_allclose(zs[0], X @ net.layers[0].weights + net.layers[0].bias)
    np.testing.assert_allclose(outs[0], np.maximum(zs[0], 0))
    np.testing.assert_allclose(zs[1], outs[0] @ net.layers[1].weights + net.layers[1].bias)
    np.testing.assert_array_equal(outs[1], net(X))


def test_one_input_gives_one_dimensional_results():
    net = _two_layer()
    zs, outs = net.forward([1.0, 1.0])
    assert [z.shape for z in zs] == [(3,), (1,)]
    assert net([1.0, 1.0]).shape == (1,)


def test_batching_equals_looping():
    net = Network.random([3, 4, 2], ["tanh", "identity"], seed=1)
    X = np.random.default_rng(3).normal(size=(10, 3))
    np.testing.assert_allclose(net(X), np.array([net(x) for x in X]), rtol=1e-12)


def test_relu_network_computes_absolute_value():
    net = Network([Layer([[1.0, -1.0]], [0.0, 0.0], "relu"), Layer([[1.0], [1.0]], [0.0], "identity")])
    x = np.linspace(-3, 3, 13).reshape(-1, 1)
    np.testing.assert_allclose(net(x)[:, 0], np.abs(x[:, 0]))


def test_relu_network_solves_xor_which_no_single_neuron_can():
    hidden = Layer([[1.0, 1.0], [1.0, 1.0]], [0.0, -1.0], "relu")
    output = Layer([[1.0], [-2.0]], [0.0], "identity")
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    np.testing.assert_allclose(Network([hidden, output])(X)[:, 0], [0, 1, 1, 0])


def test_consecutive_shapes_must_match():
    with pytest.raises(ValueError, match=r"layer 0 has 3 outputs but layer 1 expects 4 inputs \(its weights have shape \(4, 1\)\)"):
        Network([Layer(np.ones((2, 3))), Layer(np.ones((4, 1)))])


def test_network_checks_its_layers():
    with pytest.raises(ValueError, match="at least one layer"):
        Network([])
    with pytest.raises(TypeError, match=r"layers\[0\] must be a Layer; got list"):
        Network([[1.0, 2.0]])
    single = Layer(np.ones((2, 1)))
    assert Network(single).layers == [single]


def test_wrong_input_width_is_explained():
    with pytest.raises(ValueError, match="X has 3 features but the network has 2 inputs"):
        _two_layer()([1.0, 2.0, 3.0])


def test_overflow_inside_the_network_raises_a_clear_error():
    big = Layer(np.full((2, 2), 1e150), [0.0, 0.0], "identity")
    net = Network([big, big])
    with pytest.raises(ValueError, match="the preactivation of layer 1 overflowed"):
        net([1e150, 1e150])


def test_properties():
    net = Network.random([2, 5, 3, 1], ["relu", "tanh", "sigmoid"], seed=0)
    assert net.sizes == [2, 5, 3, 1]
    assert (net.n_inputs, net.n_outputs, len(net)) == (2, 1, 3)
    assert [a.name for a in net.activations] == ["relu", "tanh", "sigmoid"]


def test_random_network_repeats_exactly_with_the_same_seed():
    a = Network.random([2, 3, 1], ["relu", "sigmoid"], seed=0)
    assert a == Network.random([2, 3, 1], ["relu", "sigmoid"], seed=0)
    assert a != Network.random([2, 3, 1], ["relu", "sigmoid"], seed=1)
    assert a != Network.random([2, 3, 3, 1], "relu", seed=0)


def test_random_network_layers_differ_from_each_other():
    net = Network.random([3, 3, 3], "relu", seed=0)
    assert not np.array_equal(net.layers[0].weights, net.layers[1].weights)


def test_random_network_accepts_one_activation_for_all_layers():
    assert [a.name for a in Network.random([2, 2, 2], "tanh").activations] == ["tanh", "tanh"]


def test_random_network_checks_sizes_and_activations():
    with pytest.raises(ValueError, match="sizes must list at least"):
        Network.random([2])
    with pytest.raises(ValueError, match=r"sizes \[2, 3, 1\] describe 2 layers, so give 2 activations"):
        Network.random([2, 3, 1], ["relu"])
    with pytest.raises(ValueError, match="every size must be a positive whole number; got 0"):
        Network.random([2, 0, 1])


def test_repr_and_copy():
    net = _two_layer()
    assert repr(net) == "Network(sizes=[2, 3, 1], activations=['relu', 'sigmoid'])"
    twin = net.copy()
    assert twin == net
    twin.layers[0].bias = [5.0, 5.0, 5.0]
    assert twin != net
    assert net != "network"


# ------------------------------------------------------------------ collapse_linear


def test_collapse_linear_equals_the_stacked_network():
    net = Network.random([3, 5, 4, 2], "identity", seed=7)
    for layer in net.layers:
        layer.bias = np.random.default_rng(len(layer.bias)).normal(size=layer.n_outputs)
    single = collapse_linear(net)
    X = np.random.default_rng(8).normal(size=(20, 3))
    np.testing.assert_allclose(single(X), net(X), rtol=1e-12, atol=1e-12)
    assert single.shape == (3, 2)
    assert single.activation.name == "identity"


def test_collapse_linear_uses_w1_w2_and_b1_w2_plus_b2():
    l1 = Layer([[1.0, 2.0], [3.0, 4.0]], [1.0, -1.0], "identity")
    l2 = Layer([[0.5], [-1.0]], [2.0], "identity")
    single = collapse_linear(Network([l1, l2]))
    np.testing.assert_allclose(single.weights, l1.weights @ l2.weights)
    np.testing.assert_allclose(single.bias, l1.bias @ l2.weights + l2.bias)


def test_collapse_linear_of_a_layer_is_itself():
    layer = Layer([[1.0, 2.0]], [3.0, 4.0], "identity")
    assert collapse_linear(layer) == layer


def test_collapse_linear_refuses_nonlinear_layers():
    net = Network.random([2, 3, 1], ["identity", "relu"], seed=0)
    with pytest.raises(ValueError, match="collapse_linear needs every activation to be 'identity'; layer 1 uses 'relu'"):
        collapse_linear(net)
    with pytest.raises(TypeError, match="collapse_linear needs a Network; got str"):
        collapse_linear("network")


def test_collapse_linear_reports_overflow():
    big = Layer(np.full((2, 2), 1e150), [0.0, 0.0], "identity")
    with pytest.raises(ValueError, match="the collapsed weights overflowed"):
        collapse_linear(Network([big, big, big]))


def test_relu_network_does_not_collapse_to_any_line():
    # |x| is not a + b x: the residual of the best linear fit is large.
    net = Network([Layer([[1.0, -1.0]], [0.0, 0.0], "relu"), Layer([[1.0], [1.0]], [0.0], "identity")])
    x = np.linspace(-2, 2, 41)
    y = net(x.reshape(-1, 1))[:, 0]
    coeffs = np.polyfit(x, y, 1)
    assert np.max(np.abs(np.polyval(coeffs, x) - y)) > 0.5


# ------------------------------------------------------------------ one input, one hidden layer


def _net(w, b, c, c0=0.0, hidden="relu", output="identity"):
    return Network([Layer([w], b, hidden), Layer([[v] for v in c], [c0], output)])


def test_contributions_sum_to_the_output():
    net = _net([1.0, 2.0, -1.0], [-1.0, 1.0, 0.5], [1.5, -0.5, 2.0], c0=0.3)
    x = np.linspace(-3, 3, 13)
    contributions, y = network_contributions(net, x)
    assert contributions.shape == (13, 3)
    np.testing.assert_allclose(contributions.sum(axis=1) + 0.3, y)
    np.testing.assert_allclose(y, net(x.reshape(-1, 1))[:, 0])
    hidden = net.layers[0](x.reshape(-1, 1))
    np.testing.assert_allclose(contributions[:, 2], 2.0 * hidden[:, 2])


def test_output_slopes_find_the_pieces():
    # kinks at x = 5, -3.5 and 4: one straight piece on [-3, 3], four on [-8, 8]
    net = _net([1.0, 2.0, -1.0], [-5.0, 7.0, 4.0], [1.5, 1.0, 0.5], c0=0.2)
    np.testing.assert_allclose(output_slopes(net, (-3, 3)), 1.5)
    assert output_slopes(net, (-3, 3)).shape == (320,)
    found = np.unique(output_slopes(net, (-8, 8)).round(9))
    np.testing.assert_allclose(found, [-0.5, 1.5, 2.0, 3.5])
    deep = Network.random([1, 4, 4, 1], "identity", seed=0)  # any depth, if 1 input and 1 output
    slope = output_slopes(deep, (-1, 1), 11)
    np.testing.assert_allclose(slope, slope[0])


@pytest.mark.parametrize(
    "network, kwargs, error",
    [
        ("not a network", {}, TypeError),
        (Network.random([2, 3, 1], "relu", seed=0), {}, ValueError),
        (Network.random([1, 3, 1], "relu", seed=0), {"xlim": (3, -3)}, ValueError),
        (Network.random([1, 3, 1], "relu", seed=0), {"resolution": 1}, ValueError),
    ],
)
def test_output_slopes_bad_input(network, kwargs, error):
    with pytest.raises(error):
        output_slopes(network, **kwargs)


def test_the_output_bends_exactly_where_its_slope_changes():
    rng = np.random.default_rng(4)
    for _ in range(20):
        w, b, c = np.round(rng.uniform(-3, 3, (3, 4)), 1)
        net = _net(w.tolist(), b.tolist(), c.tolist())
        found = bends(net, (-4, 4))
        # finite differences on either side of every candidate x = -b / w (the reference)
        h = 1e-6
        for k in sorted({float(-bi / wi) for wi, bi in zip(w, b) if wi != 0 and -4 < -bi / wi < 4}):
            left, right = output_slopes(net, (k - 2 * h, k), 3)[0], output_slopes(net, (k, k + 2 * h), 3)[0]
            assert (k in found) == (abs(left - right) > 1e-6), (w, b, c, k)


def test_kinks_whose_jumps_cancel_are_no_bend():
    net = _net([1.0, 2.0], [0.0, 0.0], [1.0, -0.5])  # relu(x) - 0.5 relu(2x) = 0
    assert bends(net, (-4, 4)) == []
    np.testing.assert_allclose(output_slopes(net, (-4, 4)), 0.0, atol=1e-12)
    assert bends(_net([1.0, 2.0], [0.0, 0.0], [1.0, 0.5]), (-4, 4)) == [0.0]
    assert bends(_net([1.0], [-5.0], [1.0]), (-4, 4)) == []  # the kink at x = 5 is outside
