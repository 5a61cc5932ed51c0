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

from neuronlib.activations import ACTIVATION_NAMES, get_activation
from neuronlib.explorers import _bundle
from neuronlib.explorers._format import fmt

DRIVER = Path(__file__).with_name("js") / "maths_driver.js"
TOL = 1e-9


def run_js(kind: str, job: dict) -> dict:
    """Evaluate ``job`` (see tests/js/maths_driver.js) with explorer ``kind``'s module in node."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to test the explorers' JavaScript (apt-get install nodejs)")
    source = _bundle.module_source(kind) + DRIVER.read_text(encoding="utf-8")
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
        for params in PARAMS:
            key = {"leaky_relu": "slope", "elu": "alpha"}.get(name)
            if (key is None and params) or (key and params and key not in params):
                continue
            yield name, params


def test_every_activation_and_derivative_matches_neuronlib():
    cases = list(_cases())
    assert {name for name, _ in cases} == set(ACTIVATION_NAMES)
    job = {"activations": [{"name": n, "params": p, "z": Z.tolist()} for n, p in cases]}
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
    got = run_js("hyperplane", {"fmt": values})["fmt"]
    assert got == [fmt(v) for v in values]
