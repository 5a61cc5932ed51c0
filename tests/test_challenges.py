"""Slider challenges: each goal measures what its words say (checked against closed forms and
neuronlib's own objects), the browser's rule (js/challenge.js) gives the same verdicts as
neuronlib's on random states, and every chapter's challenge is solvable from the sliders and
not solved as the explorer starts."""

from __future__ import annotations

import gc
import json
import math
import shutil
import subprocess
import tempfile
from pathlib import Path

import nbformat
import numpy as np
import pytest

from neuronlib import Hyperplane, Layer, Network
from neuronlib.challenges import (Challenge, challenge, evaluate, fits, last_explorer, on_line, readout, setting,
                                  shows, what_if)
from neuronlib.explorers import EXPLORERS, explore_hyperplane, explore_network, explore_neuron
from neuronlib.explorers.base import fmt

ROOT = Path(__file__).resolve().parents[1]
DRIVER = ROOT / "tests" / "js" / "challenge_driver.js"
CHAPTERS = sorted((ROOT / "notebooks").glob("0*.ipynb"))


# --------------------------------------------------------------------------- each goal's measure


def test_on_line_is_the_distance_from_the_line():
    plane = Hyperplane(weights=[3.0, 4.0], bias=-5.0)        # |w| = 5
    on = [1.0, 0.5]                                          # 3 + 2 - 5 = 0
    off = (np.array(on) + 0.2 * plane.weights / 5).tolist()  # 0.2 along the unit normal
    state = {"weights": [3.0, 4.0], "bias": -5.0}
    r = evaluate([on_line(on, 0.01), on_line(off, 0.19), on_line(off, 0.21)], state, "")
    assert r["met"] == [True, False, True]
    assert abs(r["values"][0]) < 1e-12 and abs(r["values"][1] - 0.2) < 1e-12
    assert evaluate([on_line(on)], {"weights": [0.0, 0.0], "bias": 1.0}, "")["met"] == [False]  # no line


def test_fits_is_the_largest_error_of_the_network():
    net = Network([Layer([[1.0, -2.0]], [0.5, 1.0], "relu"), Layer([[2.0], [1.0]], [-1.0], "identity")])
    x = np.linspace(-3, 3, 61)
    target = np.sin(x)
    worst = float(np.max(np.abs(net(x[:, None])[:, 0] - target)))
    state = {"weights": [1.0, -2.0], "biases": [0.5, 1.0], "output_weights": [2.0, 1.0], "output_bias": -1.0}
    r = evaluate([fits(x, target, worst + 1e-9, "near"), fits(x, target, worst - 1e-6, "nearer")], state, "")
    assert r["met"] == [True, False] and abs(r["values"][0] - worst) < 1e-12


def test_readout_reads_the_number_after_the_words():
    facts = "Step 300 of 3000. Training loss 0.054, test loss 0.048, accuracy 99%, dead units: none."
    goals = [readout("test loss ", "a", at_most=0.05), readout("test loss ", "b", at_least=0.05),
             readout("Step ", "c", at_most=300), readout("dead units: ", "d", at_least=1),
             readout(["Training", "loss "], "e", at_least=0.054, at_most=0.054), readout("nowhere ", "f", at_most=1)]
    r = evaluate(goals, {}, facts)
    assert r["met"] == [True, False, True, False, True, False]
    assert r["values"] == [0.048, 0.048, 300.0, None, 0.054, None]
    assert evaluate([readout("x = ", "g", at_most=0)], {}, "x = -1.5e+80.")["values"] == [-1.5e80]


def test_shows_and_setting():
    state = {"activation": "sigmoid", "step": 500}
    goals = [shows("diverged", "a"), shows("diverged", "b", present=False), setting("activation", "sigmoid", "c"),
             setting("step", 499, "d")]
    assert evaluate(goals, state, "training diverged at step 3")["met"] == [True, False, True, False]
    r = evaluate(goals, state, "loss 0.1")
    assert r["met"] == [False, True, True, False] and r["score"] == "2 of 4 goals met" and not r["solved"]


def test_bad_goals_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="at_least, at_most"):
        readout("loss ", "words")
    with pytest.raises(ValueError, match="must not be above"):
        readout("loss ", "words", at_least=2, at_most=1)
    with pytest.raises(TypeError, match="after must be"):
        readout("", "words", at_most=1)
    with pytest.raises(ValueError, match="as long as"):
        fits([1, 2], [1], 0.1, "w")
    with pytest.raises(ValueError, match="tolerance must be above 0"):
        on_line((0, 0), 0)


# --------------------------------------------------------------------------- the widget


def test_a_challenge_follows_its_explorer_and_checks_its_solution():
    ex = explore_hyperplane(weights=(1, -1), bias=0.5)
    c = challenge(ex, "Through (1, 2).", [on_line((1, 2))], hint="b.", solution={"bias": 1.0})
    assert isinstance(c, Challenge) and not c.result["solved"] and c._config["target"] == f"nl-hyperplane-{ex._number}"
    assert c.check({"bias": 1.0})["solved"] and ex.bias == 0.5        # checking moves nothing
    ex.bias = 1.0
    assert c.result["solved"] and "Solved" in str(c)
    with pytest.raises(ValueError, match="already solves"):
        challenge(ex, "Through (1, 2) again.", [on_line((1, 2))], hint="b.", solution={"bias": 1.0})
    ex.bias = 0.5
    with pytest.raises(ValueError, match="does not solve"):
        challenge(ex, "Through (1, 2).", [on_line((1, 2))], hint="b.", solution={"bias": 2.0})
    with pytest.raises(ValueError, match="unknown control"):
        c.check({"slope": 1.0})
    with pytest.raises(TypeError, match="explorer must be"):
        challenge(c, "x", [on_line((1, 2))], hint="b.", solution={"bias": 1.0})


def test_what_if_and_last_explorer():
    ex = explore_neuron(inputs=(1.0, 2.0), weights=(0.5, -1.0), bias=0.0)
    assert "relu(z) = 0.5" in what_if(ex, bias=2.0).facts()[-1] and ex.bias == 0.0
    gc.collect()  # the copy is gone: the explorer's own link to the front end must still be open
    assert ex.comm is not None and not ex.comm._closed
    assert last_explorer("neuron") is ex
    with pytest.raises(ValueError, match="unknown explorer kind"):
        last_explorer("nope")


def test_the_stable_key_of_a_challenge_is_its_task():
    def make(task):
        ex = explore_network()
        lifted = float(ex.network()([[0.0]])[0, 0]) + 1
        return challenge(ex, task, [fits([0.0], [lifted], 0.01, "y(0) one higher")], hint="c0.",
                         solution={"output_bias": ex.output_bias + 1})._config["key"]

    assert make("Lift it.") == make("Lift it.") != make("Lift it higher.")


# --------------------------------------------------------------------------- browser and Python agree


def _random_case(rng) -> dict:
    w = rng.normal(0, 1.5, 2).round(2).tolist()
    state = {"weights": w, "bias": round(rng.normal(0, 1), 2), "activation": str(rng.choice(["relu", "sigmoid"])),
             "step": int(rng.integers(0, 3)), "biases": rng.normal(0, 2, 3).round(2).tolist(),
             "output_weights": rng.normal(0, 1, 3).round(2).tolist(), "output_bias": round(rng.normal(0, 1), 2)}
    state["weights3"] = rng.normal(0, 1, 3).round(2).tolist()
    loss = float(fmt(rng.uniform(0, 1)))
    facts = (f"Step {state['step']} of 2. Training loss {fmt(rng.uniform(0, 1))}, test loss {fmt(loss)}, "
             f"dead units: {rng.choice(['none', '1', '2, 3'])}." if rng.random() < 0.8 else "Training diverged at step 3.")
    x = np.linspace(-3, 3, 13)
    curve_state = {**state, "weights": state["weights3"]}
    goals = [on_line(rng.normal(0, 1, 2).round(2).tolist(), float(rng.uniform(0.05, 1.5))),
             readout("test loss ", "a", at_most=float(rng.uniform(0, 1))),
             readout("dead units: ", "b", at_least=1), shows("diverged", "c", bool(rng.random() < 0.5)),
             setting("activation", "sigmoid", "d"), setting("step", 2, "e")]
    curve = [fits(x, rng.normal(0, 1, 13).tolist(), float(rng.uniform(0.5, 4)), "f")]
    return [{"goals": goals, "state": state, "facts": facts}, {"goals": curve, "state": curve_state, "facts": ""}]


def test_the_browser_checks_goals_as_neuronlib_does():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to test the challenges' JavaScript (apt-get install nodejs)")
    rng = np.random.default_rng(14)
    cases = [case for _ in range(300) for case in _random_case(rng)]
    source = Challenge._esm + DRIVER.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "challenge_driver.mjs"
        path.write_text(source, encoding="utf-8")
        done = subprocess.run([node, str(path)], input=json.dumps({"cases": cases}), capture_output=True, text=True,
                              timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    met = [0, 0]
    for case, js in zip(cases, got):
        py = evaluate(case["goals"], case["state"], case["facts"])
        assert js["met"] == py["met"] and js["solved"] == py["solved"] and js["score"] == py["score"], case
        for a, b in zip(js["values"], py["values"]):
            assert (a is None) == (b is None) and (a is None or math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12))
        met[0] += sum(py["met"])
        met[1] += len(py["met"]) - sum(py["met"])
    assert min(met) > 200, f"the random states must meet and miss goals alike: {met}"


# --------------------------------------------------------------------------- every chapter's challenge


def _chapter_challenge(path: Path) -> Challenge:
    """The chapter's challenge cell, run after the explorer cell just before it (nothing else)."""
    nb = nbformat.read(path, as_version=4)
    at = [i for i, c in enumerate(nb.cells) if c.get("id", "").startswith("challenge-")]
    assert len(at) == 1, f"{path.name}: {len(at)} challenges"
    explorer, cell = nb.cells[at[0] - 1], nb.cells[at[0]]
    assert "remove-input" in cell.metadata.get("tags", [])
    names = {f.__name__: f for f in EXPLORERS.values()}
    exec(explorer.source, names)
    body, last = cell.source.rsplit("\nchallenge(", 1)
    exec(body, names)
    return eval("challenge(" + last, names)


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem[:2] for p in CHAPTERS])
def test_every_chapter_has_a_solvable_challenge_not_solved_at_the_start(path):
    c = _chapter_challenge(path)
    explorer = c._explorer
    assert not c.result["solved"], "the explorer's starting state solves it already"
    solution = c._config["solution"]
    # the solution, set on the explorer as a reader would (the slider values), solves it
    values = {k: getattr(explorer, k) for k in explorer._state_keys}
    found = {}
    for part in solution.removeprefix("One solution: ").rstrip(".").split("; "):
        key, text = part.split(" = ")
        found[key] = text
    assert set(found) <= set(values)
    for key, text in found.items():
        numbers = [float(v) for v in text.strip("()").split(", ")]
        for v in numbers:   # on a slider's grid: multiples of its step (0.05, or 0.01 for learning rates)
            assert abs(v * 100 - round(v * 100)) < 1e-9, (key, v)
        value = numbers if text.startswith("(") else numbers[0]
        if key in ("step", "hidden"):
            value = [int(v) for v in value] if isinstance(value, list) else int(value)
        setattr(explorer, key, value)
    assert c.result["solved"], f"{path.stem}: the solution {solution} does not solve it"
