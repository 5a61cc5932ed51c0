"""Hearing the neuron: the tone schedule of a sweep (neuronlib.sound) follows its documented map,
and each explorer's Listen sweep carries the outputs neuronlib.activations computes directly."""

from __future__ import annotations

import doctest
import math

import numpy as np
import pytest

from neuronlib import explorers as nx
from neuronlib import sound
from neuronlib.activations import ACTIVATION_NAMES, get_activation
from neuronlib.sound import DURATION, HIGH_HZ, LOW_HZ, SAMPLES, tone_schedule

#: The explorers with a Listen button (their sweep() is not None): all of them.
SOUND_KINDS = ("neuron", "hyperplane", "activation", "network", "layer", "regions", "training", "learning",
               "playground")


def semitones(tones):
    """Each tone's pitch in semitones above 220 Hz."""
    return np.array([12 * math.log2(t.frequency / 220) for t in tones])


def test_pitch_pan_time_and_mark_follow_the_documented_map():
    # ReLU at z = -2..2: outputs 0, 0, 0, 1, 2; the window is [0, 2], so output 1 is half way up
    # the two octaves (one octave above 220 Hz) and output 2 the top.
    tones = tone_schedule([-2, -1, 0, 1, 2], [-2, -1, 0, 1, 2], [0, 0, 0, 1, 2])
    assert [t.frequency for t in tones] == pytest.approx([220, 220, 220, 440, 880])
    assert [t.pan for t in tones] == pytest.approx([-1, -0.5, 0, 0.5, 1])
    assert [t.time for t in tones] == pytest.approx([0, 0.4, 0.8, 1.2, 1.6])
    assert [t.negative for t in tones] == [True, True, False, False, False]
    # the window always holds 0 and 1: a sigmoid's outputs in [0.2, 0.8] do not fill two octaves
    tones = tone_schedule([0, 1], [0, 1], [0.2, 0.8])
    assert [t.frequency for t in tones] == pytest.approx([220 * 4 ** 0.2, 220 * 4 ** 0.8])
    # below zero the window grows down: -1 is the bottom, 1 the top, 0 half way
    tones = tone_schedule([0, 1, 2], [-1, 0, 1], [-1, 0, 1])
    assert [t.frequency for t in tones] == pytest.approx([LOW_HZ, 440, HIGH_HZ])


def test_relu_is_heard_as_a_buzzing_held_note_then_a_kink_then_a_steady_climb():
    tones = nx.explore_activation("relu").tones()
    assert len(tones) == SAMPLES and tones[-1].time < DURATION
    flat = [t for t in tones if t.z < 0]
    rising = [t for t in tones if t.z > 0]
    assert flat and rising
    assert all(t.negative and t.frequency == pytest.approx(LOW_HZ) for t in flat)
    assert not any(t.negative for t in rising)
    steps = np.diff(semitones(rising))
    assert steps.min() > 0 and steps == pytest.approx(np.full(len(steps), steps[0]))  # a straight line


def test_the_sigmoid_saturation_is_heard_as_a_flattening_pitch():
    tones = nx.explore_activation("sigmoid", zlim=(-8, 8)).tones()
    steps = np.diff(semitones(tones))
    assert steps.min() > 0
    middle = steps[len(steps) // 2]
    assert steps[0] < 0.1 * middle and steps[-1] < 0.1 * middle
    assert [t.negative for t in tones] == [t.z < 0 for t in tones]


def _expected(ex):
    """The sweep of ``ex`` computed here by hand with neuronlib.activations: (xs, zs, outputs)."""
    relu = get_activation("relu")
    if isinstance(ex, nx.ActivationExplorer):
        lo, hi = ex._config["zlim"]
        zs = np.linspace(lo, hi, SAMPLES)
        params = {"leaky_relu": {"slope": ex.slope}, "elu": {"alpha": ex.alpha}}.get(ex.activation, {})
        return zs, zs, get_activation(ex.activation, **params)(zs)
    if isinstance(ex, nx.NetworkExplorer):
        xs = np.linspace(*ex._config["xlim"], SAMPLES)
        y = ex.output_bias + sum(c * relu(w * xs + b) for w, b, c in
                                 zip(ex.weights, ex.biases, ex.output_weights))
        return xs, y, y
    if isinstance(ex, nx.HyperplaneExplorer):
        xs = np.linspace(*ex._config["xlim"], SAMPLES)
        zs = ex.weights[0] * xs + ex.weights[1] * ex.point[1] + ex.bias
    else:
        xs = np.linspace(*ex._config["ranges"]["input"][:2], SAMPLES)
        rest = sum(w * x for w, x in zip(ex.weights[1:], ex.inputs[1:]))
        zs = ex.weights[0] * xs + rest + ex.bias
    return xs, zs, get_activation(ex.activation)(zs)


def _states(rng):
    r = lambda *shape: np.round(rng.uniform(-3, 3, shape), 2).tolist()  # noqa: E731
    for i, act in enumerate(ACTIVATION_NAMES):
        yield nx.explore_neuron(inputs=r(1 + i % 5), weights=r(1 + i % 5), bias=r(1)[0], activation=act)
        yield nx.explore_hyperplane(weights=r(2), bias=r(1)[0], activation=act, point=r(2))
        yield nx.explore_activation(act, slope=float(rng.uniform(0, 0.3)), alpha=float(rng.uniform(0.2, 2)))
        yield nx.explore_network(weights=r(1 + i % 4), biases=r(1 + i % 4), output_weights=r(1 + i % 4),
                                 output_bias=r(1)[0])


def test_each_explorer_plays_the_outputs_neuronlib_computes():
    for ex in _states(np.random.default_rng(0)):
        xs, zs, outs = _expected(ex)
        tones = ex.tones()
        assert [t.x for t in tones] == pytest.approx(xs, abs=1e-12)
        assert [t.z for t in tones] == pytest.approx(zs, abs=1e-9)
        assert [t.output for t in tones] == pytest.approx(outs, abs=1e-9)
        clear = np.abs(zs) > 1e-9  # (a z within round-off of 0 may fall either way)
        assert np.array([t.negative for t in tones])[clear].tolist() == (zs[clear] < 0).tolist()
        lo, hi = min(0, outs.min()), max(1, outs.max())
        assert [t.frequency for t in tones] == pytest.approx(220 * 4 ** ((outs - lo) / (hi - lo)), rel=1e-9)
        assert [t.pan for t in tones] == pytest.approx(np.linspace(-1, 1, SAMPLES), abs=1e-12)


def test_a_weight_change_changes_what_is_heard():
    ex = nx.explore_hyperplane(weights=(1, -1), bias=0.5, point=(1, 1))
    before = ex.tones()
    ex.weights = [2.0, -1.0]
    assert [t.frequency for t in ex.tones()] != [t.frequency for t in before]


def test_the_trace_says_where_it_is_z_and_the_output():
    ex = nx.explore_hyperplane(weights=(1, -1), bias=0.5, activation="relu", point=(1, 1))
    # x1 = 0 at the middle of [-3, 3]; z = 0 - 1 + 0.5
    assert ex.trace(SAMPLES // 2) == "x1 = 0 (x2 = 1): z = -0.5, output 0."
    assert nx.explore_activation("sigmoid").trace(0) == "z = -5: output 0.007."
    assert nx.explore_network(weights=(1,), biases=(0,), output_weights=(2,)).trace(SAMPLES - 1) == \
        "x = 4: z = 8, output 8."


def test_every_explorer_has_a_sweep(every_explorer):
    assert {kind for kind, ex in every_explorer.items() if ex.sweep() is not None} == set(SOUND_KINDS)


@pytest.mark.parametrize("args, error, words", [
    (([0, 1], [0], [0, 1]), ValueError, "the same length"),
    (([0], [0], [0]), ValueError, "at least 2"),
    (([1, 0], [0, 1], [0, 1]), ValueError, "xs must increase"),
    (([0, 1], [0, 1], [0, float("nan")]), ValueError, "outputs"),
    (([0, 1], "ab", [0, 1]), TypeError, "zs"),
])
def test_bad_sweeps_say_what_was_expected(args, error, words):
    with pytest.raises(error, match=words):
        tone_schedule(*args)


def test_doctests():
    assert doctest.testmod(sound).failed == 0


# --------------------------------------------------------------------------- the whole plane
# The explorers of the whole plane sweep x1 across the view along a row x2 (neuronlib.explorers.listen).

def _row(ex, x2, lims):
    xs = np.linspace(*lims[0], SAMPLES)
    return xs, np.column_stack([xs, np.full(SAMPLES, float(x2))])


def test_the_layer_plays_the_chosen_unit_along_the_chosen_row():
    ex = nx.explore_layer(weights=((1.0, -2.0, 0.5), (1.0, 1.0, -1.5)), biases=(-0.5, 0.25, 1.0), activation="tanh")
    for unit, x2 in [(1, None), (2, 1.5), (3, -0.75)]:
        where = {"unit": unit} if x2 is None else {"unit": unit, "x2": x2}
        xs, X = _row(ex, 0.0 if x2 is None else x2, [ex._config["xlim"]])
        z = X @ np.array(ex.weights)[:, unit - 1] + ex.biases[unit - 1]
        tones = ex.tones(**where)
        assert [t.x for t in tones] == pytest.approx(xs, abs=1e-12)
        assert [t.z for t in tones] == pytest.approx(z, abs=1e-9)
        assert [t.output for t in tones] == pytest.approx(np.tanh(z), abs=1e-9)
        assert [t.negative for t in tones] == (z < 0).tolist()
    assert ex.trace(20, unit=2, x2=1) == "x1 = 0.5 (x2 = 1, unit 2): z = 0.25, output 0.245."
    with pytest.raises(ValueError, match="unit must be 1 to 3"):
        ex.sweep(unit=4)


def test_the_regions_ticks_where_the_on_off_pattern_changes():
    from neuronlib.regions import activation_patterns

    ex = nx.explore_regions()
    xs, X = _row(ex, 0.5, [ex._config["xlim"]])
    net = ex.network()
    patterns = activation_patterns(net, X).astype(int)
    tones = ex.tones(x2=0.5)
    assert [t.output for t in tones] == pytest.approx(net(X)[:, 0], abs=1e-12)
    assert [t.z for t in tones] == [t.output for t in tones]  # y has no activation: the buzz is y < 0
    changes = [i > 0 and (patterns[i] != patterns[i - 1]).any() for i in range(SAMPLES)]
    assert [t.tick for t in tones] == changes and 2 <= sum(changes) < SAMPLES // 2
    # x1 = -2 on the row x2 = 0.5: layer 1 gives h = (0, 2.5) (only unit 2 on: x2 - x1 > 0), so
    # layer 2 gives z = (2.5 - 0.5, 2.5 - 1.5) = (2, 1), both on, and y = 1·2 - 2·1 + 0 = 0
    assert ex.trace(0, x2=0.5) == "x1 = -2 (x2 = 0.5): z = 0, output 0, pattern 01|11."


@pytest.mark.parametrize("make", [
    lambda: nx.explore_training("xor", hidden=3, learning_rate=0.5, max_steps=30),
    lambda: nx.explore_learning("xor", learning_rate=2.0, max_steps=30),
    lambda: nx.explore_playground("circle", hidden=[4, 2], learning_rate=0.3, max_steps=30),
])
def test_a_trained_model_is_heard_at_its_step_with_a_buzz_on_the_class_0_side(make):
    ex = make()
    ex.step = 25
    model = ex.history().model
    lim = ex._config.get("xlim") or ex._config["sets"][ex.data]["lim"]
    x2 = 0.3
    xs, X = _row(ex, x2, [lim])
    p = np.asarray(model(X), dtype=float).reshape(-1)
    tones = ex.tones(x2=x2)
    assert [t.x for t in tones] == pytest.approx(xs, abs=1e-12)
    assert [t.output for t in tones] == pytest.approx(p, abs=1e-12)
    assert [t.z for t in tones] == pytest.approx(np.log(p / (1 - p)), abs=1e-6)  # the output unit's z
    clear = np.abs(p - 0.5) > 1e-9
    assert np.array([t.negative for t in tones])[clear].tolist() == (p[clear] < 0.5).tolist()
    ex.step = 0  # another step, another sound
    assert [t.frequency for t in ex.tones(x2=x2)] != [t.frequency for t in tones]


def test_after_training_diverges_there_is_nothing_to_hear_and_the_trace_says_why():
    ex = nx.explore_training("xor", learning_rate=1e80, max_steps=30)
    ex.step = 30
    assert ex.tones() == [] and ex.trace(3) == "training diverged at step 2: nothing to hear."


def test_the_first_row_is_x2_0_or_the_middle_of_the_view():
    from neuronlib.explorers.listen import first_row

    assert nx.explore_layer().sweep()["at"] == "x2 = 0, unit 1"
    assert nx.explore_regions(ylim=(1, 3)).sweep()["at"] == "x2 = 2" and first_row([-4, -1]) == -2.5


def test_ticks_must_match_the_inputs():
    with pytest.raises(ValueError, match="ticks must have one entry per input"):
        tone_schedule([0, 1], [0, 1], [0, 1], ticks=[True])
    assert [t.tick for t in tone_schedule([0, 1], [0, 1], [0, 1], ticks=[False, True])] == [False, True]


@pytest.mark.parametrize("x2, error, words", [("a", TypeError, "x2 must be a number"),
                                               (float("nan"), ValueError, "x2 contains NaN")])
def test_a_bad_row_says_what_was_expected(x2, error, words):
    with pytest.raises(error, match=words):
        nx.explore_regions().sweep(x2=x2)
