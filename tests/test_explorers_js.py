"""The numbers the browser draws equal neuronlib's: the explorers' JavaScript runs in node on
the same inputs and is compared with neuronlib to 1e-9 (and readouts character for character)."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest

from neuronlib.activations import ACTIVATION_NAMES, DEFAULT_PARAMS, get_activation
from neuronlib.explorers import EXPLORERS, base
from neuronlib.explorers.base import Explorer
from neuronlib.explorers.base import fmt

DRIVER = Path(__file__).with_name("js") / "maths_driver.js"
TOL = 1e-9


def run_js(kind: str, job: dict) -> dict:
    """Evaluate ``job`` (see tests/js/maths_driver.js) with explorer ``kind``'s module in node."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to test the explorers' JavaScript (apt-get install nodejs)")
    source = base.module_source(kind) + DRIVER.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{kind}_driver.mjs"
        path.write_text(source, encoding="utf-8")
        done = subprocess.run([node, str(path)], input=json.dumps(job), capture_output=True,
                              text=True, timeout=60, check=False)
    assert done.returncode == 0, f"node failed:\n{done.stderr}"
    return json.loads(done.stdout)


def assert_close(js_values, py_values, what):
    js = np.array([float(v) for v in js_values])
    py = np.asarray(py_values, dtype=float)
    bad = ~(np.abs(js - py) <= TOL * np.maximum(1.0, np.abs(py)))
    assert not bad.any(), f"{what}: browser and neuronlib differ at {np.flatnonzero(bad)[:5]}: " \
        f"{js[bad][:5]} vs {py[bad][:5]}"


Z = np.concatenate([np.linspace(-12, 12, 481), [-700.0, -50.0, -40.5, -1e-12, 0.0, 1e-12, 50.0, 700.0],
                    np.random.default_rng(0).normal(0, 4, 200)])
PARAMS = [{}, {"slope": 0.2}, {"slope": -0.5}, {"alpha": 0.3}, {"alpha": 2.5}]


def _cases():
    for name in ACTIVATION_NAMES:
        takes = get_activation(name).params
        for params in PARAMS:
            if set(params) <= set(takes):
                yield name, params


def test_every_activation_and_derivative_matches_neuronlib():
    cases = list(_cases())
    assert {name for name, _ in cases} == set(ACTIVATION_NAMES)
    # the browser always gets both parameters from the explorer's config (neuronlib's defaults)
    job = {"activations": [{"name": n, "params": {**DEFAULT_PARAMS, **p}, "z": Z.tolist()} for n, p in cases]}
    results = run_js("hyperplane", job)["activations"]
    for (name, params), got in zip(cases, results):
        act = get_activation(name, **params)
        assert_close(got["f"], act(Z), f"{name}{params}")
        assert_close(got["d"], act.derivative(Z), f"{name}{params} derivative")


def test_erf_matches_math_erf():
    xs = np.concatenate([np.linspace(-7, 7, 2801) + 1.234e-4, [0.0, -0.0, 1e-300, 2.5, -2.5, 6, 30]])
    got = run_js("hyperplane", {"erf": xs.tolist(), "erfc": xs.tolist()})
    assert_close(got["erf"], [math.erf(x) for x in xs], "erf")
    # erfc relative to its own size, so the far tail (GELU for very negative z) is right too
    for x, v in zip(xs, got["erfc"]):
        assert abs(float(v) - math.erfc(x)) <= 1e-14 * math.erfc(x) + 2e-15, x


def test_number_format_matches_python_including_ties():
    rng = np.random.default_rng(1)
    values = [k / 16 for k in range(-64, 65)] + [k / 2000 for k in range(-50, 51)]
    values += list(rng.normal(0, 3, 300)) + [0.0, -0.0, -0.0004, 0.0005, 1e-9, 123456.789, 2.675]
    values += [1e6, -2.5e7, 1e80, 3.2106836655018275e+78, 999999.9996, 1.5e300]
    got = run_js("hyperplane", {"fmt": values})["fmt"]
    assert got == [fmt(v) for v in values]


def test_signed_distance_and_line_in_box_match_neuronlib():
    from neuronlib.hyperplane import Hyperplane

    rng = np.random.default_rng(2)
    cases = [([1, -1], 0.5), ([0, 2], -1), ([3, 0], 1.5), ([1, 1], -6), ([1, 1], 6.0), ([0, 0], 1),
             ([1, 1], 10), ([1e-9, 1], 0.2)]
    cases += [(list(rng.normal(0, 2, 2)), float(rng.normal(0, 2))) for _ in range(60)]
    boxes = [((-3, 3), (-3, 3)), ((-1, 2), (-0.5, 4))]
    job = [{"w": w, "b": b, "x": list(rng.normal(0, 2, 2)), "xlim": xl, "ylim": yl}
           for w, b in cases for xl, yl in boxes]
    got = run_js("hyperplane", {"hyperplanes": job})["hyperplanes"]
    for case, result in zip(job, got):
        plane = Hyperplane(case["w"], case["b"])
        if any(case["w"]):
            assert_close([result["distance"]], [plane.signed_distance(case["x"])], f"distance {case}")
        expected = plane.segment_in_box(case["xlim"], case["ylim"])
        if expected is None:
            assert result["segment"] is None, case
        else:
            assert_close(np.ravel(result["segment"]), np.ravel(expected), f"segment {case}")


def _random_states(kind, rng):
    """Explorers of ``kind`` in random states (the same traits a reader's sliders set)."""
    from neuronlib import explorers as nx

    names = list(ACTIVATION_NAMES)
    r = lambda *shape: np.round(rng.uniform(-3, 3, shape), 2).tolist()  # noqa: E731
    for i in range(12):
        act = names[i % len(names)]
        if kind == "neuron":
            n = 1 + i % 5
            yield nx.explore_neuron(inputs=r(n), weights=r(n), bias=r(1)[0], activation=act)
        elif kind == "hyperplane":
            yield nx.explore_hyperplane(weights=r(2) if i else (0, 0), bias=r(1)[0], activation=act, point=r(2))
        elif kind == "activation":
            yield nx.explore_activation(act, slope=float(rng.uniform(0, 0.3)), alpha=float(rng.uniform(0.2, 2)),
                                        z=r(1)[0])
        elif kind == "network":
            n = 1 + i % 4
            yield nx.explore_network(weights=r(n), biases=r(n), output_weights=r(n), output_bias=r(1)[0])
        elif kind == "layer":
            k = 1 + i % 4
            yield nx.explore_layer(weights=r(2, k), biases=r(k), activation=act)
        elif kind == "regions":
            k = 1 + i % 4
            yield nx.explore_regions(W1=r(2, k), b1=r(k), W2=r(k, 2), b2=r(2), c=r(2), d=r(1)[0])
        elif kind == "training":
            X = rng.normal(0, 1, (16, 2))
            ex = nx.explore_training(data=(X, (X[:, 0] > X[:, 1]).astype(int)), hidden=1 + i % 4,
                                     activation=act, learning_rate=[0.3, 2.0, 1e80][i % 3], seed=i % 3,
                                     seeds=range(3), max_steps=40)
            ex.step = int(rng.integers(0, 41))
            yield ex
        elif kind == "playground":
            ex = nx.explore_playground(data=["circle", "xor", "blobs", "spiral"][i % 4],
                                       hidden=[[3], [4, 2], [2, 3, 2]][i % 3], activation=act,
                                       learning_rate=[0.3, 3.0, 1e149][i % 3], batch_size=[5, 10, 20][i % 3],
                                       l2=[0.0, 0.01][i % 2], seed=i, n=40 + 4 * i, max_steps=60)
            ex.step = int(rng.integers(0, 61))
            yield ex
            if i == 4:  # a network of the reader's own as the start
                from neuronlib.seeded import seeded_network

                start = seeded_network([2, 3, 2, 1], ["tanh", "tanh", "sigmoid"], 7)
                ex = nx.explore_playground(data="xor", network=start, learning_rate=0.5, n=40, max_steps=60)
                ex.step = 30
                yield ex
        elif kind == "learning":
            ex = nx.explore_learning(data=["height_weight", "xor"][i % 2], learning_rate=[0.3, 4.0, 1e149][i % 3],
                                     start=r(3), n=20 + i, max_steps=40)
            ex.step = int(rng.integers(0, 41))
            yield ex


def test_the_browser_readout_equals_the_python_summary(explorer_kind):
    kind = explorer_kind
    explorers = list(_random_states(kind, np.random.default_rng(3)))
    assert explorers, f"_random_states makes no {kind} explorer: add random states for it"
    states = [ex.static_state() for ex in explorers]
    got = run_js(kind, {"summaries": states})["summaries"]
    assert got == [ex.summary() for ex in explorers]


def test_each_network_unit_is_labelled_with_its_numbers_and_where_it_bends():
    # Chapter 4's unit 1 is zero on the whole view (it bends at x = 5); its label must still
    # move with its sliders, and say when the bend is out of view.
    cases = [({"i": 0, "w": 1, "b": -5, "c": 1.5, "xlim": [-3, 3]},
              "unit 1: 1.5·relu(x - 5), bend x = 5, off view"),
             ({"i": 1, "w": 2, "b": 7, "c": 1, "xlim": [-3, 3]},
              "unit 2: 1·relu(2x + 7), bend x = -3.5, off view"),
             ({"i": 2, "w": -1, "b": 0.5, "c": -2, "xlim": [-3, 3]},
              "unit 3: -2·relu(-x + 0.5), bend x = 0.5"),
             ({"i": 0, "w": 0, "b": -1.25, "c": 0, "xlim": [-3, 3]},
              "unit 1: 0·relu(-1.25), no bend (w = 0)"),
             ({"i": 0, "w": 0.5, "b": 0, "c": 1, "xlim": [-3, 3]},
              "unit 1: 1·relu(0.5x), bend x = 0")]
    got = run_js("network", {"unit_labels": [job for job, _ in cases]})["unit_labels"]
    assert got == [want for _, want in cases]


def _training_job(activation, learning_rate, steps, seed):
    from neuronlib.network import Network

    rng = np.random.default_rng(seed)
    X = rng.normal(0, 1, (24, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(float)
    hidden, output = Network.random([2, 3, 1], [activation, "sigmoid"], seed=seed).layers
    init = {"W1": hidden.weights.tolist(), "b1": hidden.bias.tolist(),
            "W2": output.weights[:, 0].tolist(), "b2": float(output.bias[0])}
    job = {"X": X.tolist(), "y": y.tolist(), "init": init, "activation": activation,
           "params": DEFAULT_PARAMS, "learning_rate": learning_rate, "steps": steps}
    return job, Network([hidden, output]), X, y


def test_training_steps_match_neuronlib_for_every_activation():
    from neuronlib.training import train

    cases = [(name, 0.7, 25, i) for i, name in enumerate(ACTIVATION_NAMES)]
    jobs = [_training_job(*case) for case in cases]
    runs = run_js("training", {"training": [job for job, *_ in jobs]})["training"]
    for (name, lr, steps, _), (job, net, X, y), run in zip(cases, jobs, runs):
        history = train(net, X, y, "bce", lr, steps)
        assert run["diverged"] is None
        assert_close(run["loss"], history.loss, f"{name} loss")
        last = run["snapshots"][-1]
        hidden, output = history.model.layers
        assert_close(np.ravel(last["W1"]), hidden.weights.ravel(), f"{name} W1")
        assert_close(last["b1"] + last["W2"] + [last["b2"]],
                     np.concatenate([hidden.bias, output.weights[:, 0], output.bias]), f"{name} b1, W2, b2")


def test_training_diverges_at_the_same_step_as_neuronlib():
    from neuronlib.training import TrainingDiverged, train

    job, net, X, y = _training_job("relu", 1e80, 6, 0)
    run = run_js("training", {"training": [job]})["training"][0]
    assert run["diverged"] is not None
    with pytest.raises(TrainingDiverged) as caught:
        train(net, X, y, "bce", 1e80, 6)
    assert caught.value.step == run["diverged"]
    for steps in range(7):
        if steps < run["diverged"]:
            train(net, X, y, "bce", 1e80, steps)
        else:
            with pytest.raises(ValueError, match="diverged"):
                train(net, X, y, "bce", 1e80, steps)


def _neuron_job(learning_rate, steps, seed, scale=1.5):
    from neuronlib.neuron import Neuron

    rng = np.random.default_rng(seed)
    X = rng.normal(0, scale, (30, 2))
    y = (X[:, 0] + 0.5 * X[:, 1] + rng.normal(0, 1, 30) > 0).astype(float)  # overlapping classes
    start = rng.uniform(-3, 3, 3).tolist()
    job = {"X": X.tolist(), "y": y.tolist(), "start": start, "learning_rate": learning_rate, "steps": steps}
    return job, Neuron(start[:2], start[2], "sigmoid"), X, y


def test_the_learning_line_steps_match_neuronlib_train():
    from neuronlib.training import train

    cases = [(0.05, 60, 0), (0.5, 200, 1), (3.0, 50, 2), (20.0, 30, 3)]
    jobs = [_neuron_job(*case) for case in cases]
    runs = run_js("learning", {"learning": [job for job, *_ in jobs]})["learning"]
    for (lr, steps, _), (job, neuron, X, y), run in zip(cases, jobs, runs):
        assert run["diverged"] is None
        # every step, not only the last: train for k steps and compare the parameters
        for k in (0, 1, 2, steps // 2, steps):
            model = train(neuron, X, y, "bce", lr, k).model
            assert_close(run["params"][k], [*model.weights, model.bias], f"lr {lr}, step {k}")
        assert_close(run["loss"], train(neuron, X, y, "bce", lr, steps).loss, f"lr {lr} loss")


def test_the_learning_line_diverges_at_the_same_step_as_neuronlib():
    from neuronlib.training import TrainingDiverged, train

    # a step moves w by at most learning_rate * max |x|: large inputs and a huge rate blow it up
    job, neuron, X, y = _neuron_job(1e149, 8, 4, scale=40.0)
    run = run_js("learning", {"learning": [job]})["learning"][0]
    assert run["diverged"] is not None
    with pytest.raises(TrainingDiverged) as caught:
        train(neuron, X, y, "bce", 1e149, 8)
    assert caught.value.step == run["diverged"]
    assert len(run["loss"]) == run["diverged"]
    train(neuron, X, y, "bce", 1e149, run["diverged"] - 1)  # one step fewer: no error


def test_the_two_layer_network_of_explore_regions_matches_neuronlib():
    from neuronlib import explorers as nx
    from neuronlib.regions import activation_patterns

    rng = np.random.default_rng(4)
    explorers = list(_random_states("regions", rng))
    X = rng.uniform(-3, 3, (50, 2))
    job = [{"state": ex.static_state(), "X": X.tolist()} for ex in explorers]
    got = run_js("regions", {"regions": job})["regions"]
    for ex, points in zip(explorers, got):
        net = ex.network()
        Zs, _ = net.forward(X)
        assert_close([v for p in points for v in p["z1"]], Zs[0].ravel(), "layer-1 z")
        assert_close([v for p in points for v in p["z2"]], Zs[1].ravel(), "layer-2 z")
        assert_close([p["y"] for p in points], net(X)[:, 0], "output y")
        on = np.array([[float(v) > 0 for v in p["z1"] + p["z2"]] for p in points])
        assert (on == activation_patterns(net, X)).all()
        # the heat maps' allocation-free version: the same pattern (as bits) and output
        bits = activation_patterns(net, X).astype(int) @ (2 ** np.arange(on.shape[1]))
        assert [p["fast_code"] for p in points] == bits.tolist()
        assert_close([p["fast_y"] for p in points], net(X)[:, 0], "output y (heat map)")
    assert isinstance(explorers[0], nx.RegionsExplorer)


def _playground_job(activation, hidden, batch_size, l2, learning_rate, steps, seed):
    from neuronlib import data as D

    (X, y), (Xt, yt) = D.train_test_split(*D.circles(n=60, seed=seed, noise=0.15), test_fraction=0.5)
    job = {"sizes": [2, *hidden, 1], "seed": seed, "activation": activation, "params": DEFAULT_PARAMS,
           "X": X.tolist(), "y": y.tolist(), "Xt": Xt.tolist(), "yt": yt.tolist(), "learning_rate": learning_rate,
           "batch_size": batch_size, "l2": l2, "steps": steps, "at": [steps // 2, 3, steps, 1, 0]}
    return job, (X, y.astype(float)), (Xt, yt.astype(float))


PLAYGROUND_CASES = [(name, [[3], [4, 2], [2, 3, 2]][i % 3], [1, 5, 30][i % 3], [0.0, 0.01, 0.1][i % 3], 0.5, 70, i)
                    for i, name in enumerate(ACTIVATION_NAMES)] + [("relu", [8, 8], 10, 0.001, 3.0, 120, 11)]


def test_the_playground_steps_match_neuronlib_train():
    from neuronlib.seeded import seeded_network
    from neuronlib.training import dead_units, train

    jobs = [_playground_job(*case) for case in PLAYGROUND_CASES]
    runs = run_js("playground", {"playground": [job for job, *_ in jobs]})["playground"]
    for case, (job, (X, y), test), run in zip(PLAYGROUND_CASES, jobs, runs):
        name, hidden, batch, l2, lr, steps, seed = case
        acts = [get_activation(name)] * len(hidden) + ["sigmoid"]
        start = seeded_network(job["sizes"], acts, seed)
        history = train(start, X, y, "bce", lr, steps, batch_size=batch, l2=l2, test=test)
        assert run["diverged"] is None, case
        assert_close(run["loss"], history.loss, f"{case} training loss")
        assert_close(run["test"], history.test_loss, f"{case} test loss")
        # the parameters and outputs at several steps, visited forwards and back, and visited
        # again in a run trained ahead to the last step first (as the page does after the paint)
        for at in run["at"] + run["at_ahead"]:
            model = train(start, X, y, "bce", lr, at["k"], batch_size=batch, l2=l2).model
            for (W, b), layer in zip(at["layers"], model.layers):
                assert_close(W + b, np.concatenate([layer.weights.ravel(), layer.bias]), f"{case} step {at['k']}")
            assert_close(at["output"], model(X)[:, 0], f"{case} output p at step {at['k']}")
            assert_close(at["test_output"], model(test[0])[:, 0], f"{case} test output p at step {at['k']}")
        assert [at["k"] for at in run["at_ahead"]] == job["at"], case
        want = [f"{i}.{j}" for i, j in dead_units(history.model, X)]
        assert run["dead"][-1] == want, case


def test_a_playground_unit_dies_on_the_page_when_it_dies_in_neuronlib():
    from neuronlib.seeded import seeded_network
    from neuronlib.training import train

    job, (X, y), _ = _playground_job("relu", [8], 5, 0.0, 8.0, 40, 3)
    run = run_js("playground", {"playground": [job]})["playground"][0]
    history = train(seeded_network(job["sizes"], ["relu", "sigmoid"], 3), X, y, "bce", 8.0, 40, batch_size=5)
    assert [len(d) for d in run["dead"]] == history.n_dead
    assert max(history.n_dead) > 0  # the large learning rate kills some units


def test_the_playground_diverges_at_the_same_step_as_neuronlib():
    from neuronlib.seeded import seeded_network
    from neuronlib.training import TrainingDiverged, train

    for lr, l2 in [(1e80, 0.0), (1.0, 1e140)]:
        job, (X, y), test = _playground_job("relu", [4, 4], 10, l2, lr, 12, 0)
        run = run_js("playground", {"playground": [job]})["playground"][0]
        assert run["diverged"] is not None
        start = seeded_network(job["sizes"], ["relu", "relu", "sigmoid"], 0)
        with pytest.raises(TrainingDiverged) as caught:
            train(start, X, y, "bce", lr, 12, batch_size=10, l2=l2, test=test)
        assert caught.value.step == run["diverged"]
        train(start, X, y, "bce", lr, run["diverged"] - 1, batch_size=10, l2=l2, test=test)


def test_the_page_draws_the_seeded_starting_weights_of_neuronlib():
    from neuronlib.seeded import seeded_network

    sizes = [2, 8, 5, 3, 1]
    job, *_ = _playground_job("tanh", sizes[1:-1], 5, 0.0, 0.1, 0, 123456789)
    run = run_js("playground", {"playground": [job]})["playground"][0]
    for (W, b), layer in zip(run["at"][0]["layers"], seeded_network(sizes, "tanh", 123456789).layers):
        assert W == layer.weights.ravel().tolist() and b == layer.bias.tolist()


def test_the_figure_in_words_equals_the_python_description(explorer_kind):
    """What a screen reader hears of the figure (its facts, announced when they change, and in
    "Show the numbers") is, sentence for sentence, what ``ex.facts()`` computes with neuronlib."""
    kind = explorer_kind
    explorers = list(_random_states(kind, np.random.default_rng(4)))
    got = run_js(kind, {"facts": [ex.static_state() for ex in explorers]})["facts"]
    assert got == [ex.facts() for ex in explorers]
    assert all(" ".join(facts) == ex.describe() for facts, ex in zip(got, explorers))


def test_what_changed_says_the_new_sentences_as_python_does():
    from neuronlib.explorers.base import what_changed

    rng = np.random.default_rng(5)
    sentences = [f"Fact {i}." for i in range(6)]
    pairs = [[list(rng.choice(sentences, int(rng.integers(0, 5)), replace=False)),
              list(rng.choice(sentences, int(rng.integers(0, 5)), replace=False))] for _ in range(40)]
    pairs.append([sentences, sentences])
    got = run_js("hyperplane", {"what_changed": pairs})["what_changed"]
    assert got == [what_changed(before, after) for before, after in pairs]
    assert got[-1] == "" and what_changed(["a."], ["b.", "a."]) == "Now: b."


def test_the_point_on_the_other_side_is_said_so():
    from neuronlib.explorers import explore_hyperplane

    ex = explore_hyperplane(weights=(1, -1), bias=0.5, point=(1, 1))
    before = ex.facts()
    assert before[1] == "The point (1, 1) is on the positive side: z = 0.5, output 0.5."
    ex.bias = -1.0
    assert ex.facts()[1] == "The point (1, 1) is on the negative side: z = -1, output 0."
    from neuronlib.explorers.base import what_changed

    # the line moved (its ends) and the point changed sides: both are said, nothing else
    assert what_changed(before, ex.facts()) == "Now: " + " ".join(ex.facts())
    now = ex.facts()
    ex.point = [1.0, 1.5]  # only the point moves: only it is said
    assert what_changed(now, ex.facts()) == "Now: The point (1, 1.5) is on the negative side: z = -1.5, output 0."


def test_every_table_has_a_caption_headers_and_full_rows(explorer_kind):
    kind = explorer_kind
    explorers = list(_random_states(kind, np.random.default_rng(6)))[:4]
    tables = run_js(kind, {"tables": [ex.static_state() for ex in explorers]})["tables"]
    for table in tables:
        assert len(table["caption"]) > 20 and len(table["head"]) >= 3 and len(table["rows"]) >= 3
        assert all(len(row) == len(table["head"]) for row in table["rows"])


#: The explorers with a Listen button: those whose class says what a sweep plays.
LISTENING = [kind for kind, make in EXPLORERS.items() if type(make()).sweep is not Explorer.sweep]


def test_every_explorer_can_be_heard():
    assert sorted(LISTENING) == sorted(EXPLORERS)


@pytest.mark.parametrize("kind", LISTENING)
def test_the_tone_schedule_and_the_trace_equal_python(kind):
    """What Listen plays (nlToneSchedule of the view's sweep) and what the trace says are
    neuronlib.sound.tone_schedule and Explorer.trace, to 1e-9 and character for character."""
    explorers = list(_random_states(kind, np.random.default_rng(7)))
    # the explorers of the whole plane: a row x2 the reader picks (and the layer's unit), or none
    wheres = [_where(ex, i) for i, ex in enumerate(explorers)]
    got = run_js(kind, {"sounds": [{**ex.static_state(), "_listen": where} for ex, where in zip(explorers, wheres)]})["sounds"]
    for ex, js, where in zip(explorers, got, wheres):
        tones = ex.tones(**where)
        for key in ("time", "x", "z", "output", "frequency", "pan"):
            assert_close([t[key] for t in js["tones"]], [getattr(t, key) for t in tones], f"{kind} {key}")
        assert [t["negative"] for t in js["tones"]] == [t.negative for t in tones]
        assert [t["tick"] for t in js["tones"]] == [t.tick for t in tones]
        assert js["trace"] == [ex.trace(i, **where) for i in range(len(ex.sweep(**where)["xs"]))]


def _where(ex, i):
    """Where a reader listens: for the explorers of the whole plane, every third one on the first
    row (x2 = 0 or the middle), the others on another row (and the layer's unit i % units + 1)."""
    if "x2" not in (ex.sweep() or {}) or i % 3 == 0:
        return {}
    where = {"x2": ex.sweep()["x2"] + 0.35 * (i % 7 - 3)}
    return {**where, "unit": i % len(ex.biases) + 1} if hasattr(ex, "biases") else where
