"""Links that carry an explorer's state: a link rebuilds the same explorer in Python
(from_link), the browser (js/links.js, run in node) writes and reads links exactly as Python
does, and a link that does not fit is refused with a clear error (Python) or the same verdict
(the page), whatever it holds."""

from __future__ import annotations

import doctest
import importlib
import json
import math
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest

from neuronlib.explorers import EXPLORERS, base, from_link
from neuronlib.explorers.base import link_schema
from neuronlib.explorers.links import LinkError, js_number, link_query, read_link

DRIVER = Path(__file__).with_name("js") / "links_driver.js"


def run_links_js(job: dict) -> dict:
    """Run tests/js/links_driver.js with the shared explorer code (js/links.js) in node."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to test the explorers' JavaScript (apt-get install nodejs)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "links_driver.mjs"
        path.write_text(base.module_source("neuron") + DRIVER.read_text(encoding="utf-8"), encoding="utf-8")
        done = subprocess.run([node, str(path)], input=json.dumps(job), capture_output=True,
                              text=True, timeout=60, check=False)
    assert done.returncode == 0, f"node failed:\n{done.stderr}"
    return json.loads(done.stdout)


def _number(rng, spec) -> float:
    """A number a reader could reach, in the bounds, with digits and sizes that test the printing."""
    x = float(rng.choice([np.round(rng.uniform(-3, 3), 2), rng.normal() * 10.0 ** rng.integers(-8, 9)]))
    if "above" in spec or "low" in spec:
        x = abs(x) + spec.get("above", spec.get("low", 0)) + 1e-3
    return x


def _random_value(rng, spec):
    t = spec["t"]
    if t == "s":
        return str(rng.choice(spec["in"]))
    if t == "i":
        return int(rng.choice(spec["in"])) if "in" in spec else int(rng.integers(spec["low"], min(spec["high"], 30) + 1))
    if t == "n":
        return _number(rng, spec)
    if t == "v":
        return [_number(rng, spec) for _ in range(spec["n"])]
    if t == "m":
        return [[_number(rng, spec) for _ in range(spec["n"][1])] for _ in range(spec["n"][0])]
    return [int(v) for v in rng.integers(spec["low"], spec["high"] + 1, rng.integers(1, spec["most"] + 1))]


def random_explorers(seed: int = 0, each: int = 3):
    """Explorers of every kind (as ``explore_<kind>()`` makes them) set to random values."""
    rng = np.random.default_rng(seed)
    for kind, make in EXPLORERS.items():
        for _ in range(each):
            ex = make()
            with ex.hold_trait_notifications():
                for key, spec in link_schema(ex)["keys"]:
                    setattr(ex, key, _random_value(rng, spec))
            yield ex


def state_of(ex) -> dict:
    return {key: getattr(ex, key) for key, _ in link_schema(ex)["keys"]}


# --- Python: a link rebuilds the explorer --------------------------------------------------------


@pytest.mark.parametrize("ex", list(random_explorers()), ids=lambda ex: ex._kind)
def test_a_link_rebuilds_the_same_explorer_with_the_same_readout(ex):
    again = from_link(ex.link("https://example.org/book/notebooks/gallery.html"))
    assert again._kind == ex._kind and isinstance(again, type(ex).__mro__[1])
    assert state_of(again) == state_of(ex)
    assert again.summary() == ex.summary()
    assert again.link() == ex.link().replace(f"-{ex._number}?", f"-{again._number}?")


def test_a_link_is_short_and_readable():
    ex = EXPLORERS["hyperplane"](weights=(1, -1), bias=0.5, point=(1, 1))
    assert ex.link("p.html") == f"p.html#nl-hyperplane-{ex._number}?weights=1,-1&bias=0.5&activation=relu&point=1,1"
    layer = EXPLORERS["layer"](weights=[[1, 2], [3, 4.5]])
    assert "weights=1,2;3,4.5&biases=-0.5,-1.5&activation=relu" in layer.link()


def test_options_carry_what_the_link_does_not():
    ex = EXPLORERS["training"]("xor", hidden=2, max_steps=50)
    ex.step = 45
    again = from_link(ex.link(), hidden=2, max_steps=50)
    assert again.summary() == ex.summary()
    with pytest.raises(ValueError, match="this link does not fit explore_training: step must be between 0 and 40"):
        from_link(ex.link(), hidden=2, max_steps=40)
    with pytest.raises(ValueError, match="step come"):
        from_link(ex.link(), step=3)


def test_numbers_are_written_as_javascript_writes_them():
    values = [0.0, -0.0, 1.0, -2.5, 0.1 + 0.2, 1e-6, 1e-7, 1.5e-7, 123456.789, 1e20, 1e21, 1.5e21, 5e-324,
              1.7976931348623157e308, 1e150, -1e-150, 2 ** 53 + 2.0, 0.000123]
    rng = np.random.default_rng(1)
    values += (rng.normal(size=60) * 10.0 ** rng.integers(-30, 30, 60)).tolist()
    got = run_links_js({"texts": [{"state": {"v": values}, "schema": {"keys": [["v", {"t": "v"}]]}}], "reads": []})
    assert got["texts"][0] == "v=" + ",".join(js_number(v) for v in values)
    assert all(float(js_number(v)) == v for v in values)


# --- Python and the page agree ------------------------------------------------------------------


def test_the_page_writes_the_same_links_as_python_and_reads_them_back():
    explorers = list(random_explorers(seed=2))
    jobs = [{"state": state_of(ex), "schema": link_schema(ex)} for ex in explorers]
    got = run_links_js({"texts": jobs, "reads": [{"query": link_query(ex), "schema": link_schema(ex)} for ex in explorers]})
    assert got["texts"] == [link_query(ex) for ex in explorers]
    for ex, read in zip(explorers, got["reads"]):
        assert read == {"values": state_of(ex)} == {"values": read_link(link_query(ex), link_schema(ex))}


def _malformed(ex) -> list[str]:
    """Hand-edited links to ``ex``: each breaks one thing (the query part, after ``?``)."""
    good = link_query(ex)
    pairs = good.split("&")
    first, last = pairs[0].split("=")[0], pairs[-1].split("=")[0]
    edit = lambda key, value: "&".join(p if p.split("=")[0] != key else f"{key}={value}" for p in pairs)  # noqa: E731
    return [
        "", "&", "=", good + "&colour=blue", good + "&" + pairs[0], "&".join(pairs[1:]), good + "&__proto__=1",
        edit(first, ""), edit(first, "NaN"), edit(first, "1e400"), edit(first, "-1e400"), edit(first, "Infinity"),
        edit(first, "0x10"), edit(first, "1_000"), edit(first, "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"),
        edit(first, "<img src=x onerror=window.nlHacked=1>"), edit(first, "javascript:alert(1)"),
        edit(first, "%E0%A4%A"), edit(first, "%FF"), edit(first, "%EF%BC%91"), edit(first, "１"),
        edit(first, "true"), edit(first, "[1]"), edit(first, '{"a":1}'), edit(first, "1,2,3,4,5,6,7,8,9"),
        edit(first, "1;2"), edit(first, "1e151"), edit(first, "1.5e150"), edit(first, " 1"), edit(first, "1 "),
        edit(last, "-1"), edit(last, "1.5"), edit(last, "1e999"), edit(last, "relux"), edit(last, "99999999"),
        edit(last, "0"), edit(last, "9,9,9,9"), edit(last, "1,1,1,1"), edit(last, "constructor"),
    ]


def _every_malformed():
    for ex in (make() for make in EXPLORERS.values()):
        for query in _malformed(ex):
            yield ex, query


def _python_verdict(query, schema) -> dict:
    try:
        return {"values": read_link(query, schema)}
    except LinkError as error:
        return {"bad": error.key}


def test_the_page_and_python_give_every_hand_edited_link_the_same_verdict():
    cases = list(_every_malformed())
    got = run_links_js({"texts": [], "reads": [{"query": q, "schema": link_schema(ex)} for ex, q in cases]})
    refused = 0
    for (ex, query), js in zip(cases, got["reads"]):
        py = _python_verdict(query, link_schema(ex))
        assert js == py, f"{ex._kind} {query!r}: page {js}, Python {py}"
        refused += "bad" in py
    # the edits that keep a link valid are a few in-range numbers (e.g. "-1" for a bias)
    assert refused >= 0.85 * len(cases)


@pytest.mark.parametrize("kind", list(EXPLORERS))
def test_links_that_do_not_fit_raise_a_clear_value_error(kind):
    ex = EXPLORERS[kind]()
    for query in _malformed(ex):
        if "bad" not in _python_verdict(query, link_schema(ex)):
            continue
        with pytest.raises(ValueError, match=r"the link|does not fit|must be|expected|a link to an explorer") as caught:
            from_link(f"page.html#nl-{kind}-1?{query}")
        assert "Traceback" not in str(caught.value) and len(str(caught.value)) < 600


@pytest.mark.parametrize("url, words", [
    ("page.html", "a link to an explorer ends '#nl-<kind>-<number>?key=value&...'"),
    ("page.html#nl-hyperplane-1", "a link to an explorer ends"),
    ("#nl-cat-1?x=1", "kind one of neuron, hyperplane"),
    ("#javascript:alert(1)?bias=1", "a link to an explorer ends"),
    ("#nl-hyperplane-1?weights=1,-1&bias=NaN&activation=relu&point=1,1", "the link's bias must be a number; got 'NaN'"),
    ("#nl-hyperplane-1?weights=1,-1&bias=1e400&activation=relu&point=1,1", "the link's bias must be a number"),
    ("#nl-hyperplane-1?weights=1,-1&bias=0&activation=%3Cimg%20src%3Dx%3E&point=1,1",
     "unknown activation '%3Cimg%20src%3Dx%3E'; choose one of: identity"),
    ("#nl-hyperplane-1?weights=1&bias=0&activation=relu&point=1,1", "weights must have 2 numbers (w1, w2), got 1"),
    ("#nl-hyperplane-1?weights=1,1&bias=0&activation=relu", "the link lacks point"),
    ("#nl-hyperplane-1?weights=1,1&bias=0&activation=relu&point=1,1&size=3", "unknown value ('size')"),
    ("#nl-training-1?learning_rate=0&seed=0&activation=relu&step=0", "learning_rate must be positive"),
    ("#nl-training-1?learning_rate=0.5&seed=12&activation=relu&step=0", "seed must be one of the explorer's seeds"),
    ("#nl-training-1?learning_rate=0.5&seed=1.0&activation=relu&step=0", "the link's seed must be a whole number"),
    ("#nl-training-1?learning_rate=0.5&seed=0&activation=relu&step=501", "step must be between 0 and 500"),
    ("#nl-playground-1?data=moons&hidden=4&activation=relu&learning_rate=0.1&batch_size=10&l2=0&seed=0&step=0",
     "unknown data set 'moons'"),
    ("#nl-playground-1?data=xor&hidden=4,9&activation=relu&learning_rate=0.1&batch_size=10&l2=0&seed=0&step=0",
     "hidden must list 1 to 3 hidden layers of 1 to 8 units"),
    ("#nl-regions-1?W1=1,-1;-1&b1=0,0&W2=1,0;0,1&b2=0,0&c=1,1&d=0", "the link's W1 must be rows of numbers"),
])
def test_from_link_says_what_was_expected(url, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        from_link(url)


def test_from_link_takes_only_a_string():
    with pytest.raises(TypeError, match="url must be a link"):
        from_link(None)


# --- what a link may say is what the explorer's checks allow ---------------------------------------


@pytest.mark.parametrize("kind", list(EXPLORERS))
def test_the_bounds_a_link_is_checked_against_are_the_explorers_own(kind):
    """Each bound in the schema the page checks links with is where the trait's own check
    starts refusing: the value at the bound is accepted, the one just past it refused."""
    ex = EXPLORERS[kind]()
    for key, spec in link_schema(ex)["keys"]:
        item = (lambda v: [v]) if spec["t"] == "l" else (lambda v: v)
        tiny = 1 if spec["t"] in "il" else 1e-9
        for edge, past in [("low", -tiny), ("high", tiny), ("above", 0)]:
            if edge in spec:
                if edge != "above":
                    setattr(ex, key, item(spec[edge]))
                with pytest.raises((ValueError, TypeError)):
                    setattr(ex, key, item(spec[edge] + past))
        if spec["t"] == "s":
            for name in spec["in"]:
                setattr(ex, key, name)
            with pytest.raises(ValueError):
                setattr(ex, key, "not-" + spec["in"][0])
        if spec["t"] == "i" and "in" in spec:
            with pytest.raises(ValueError):
                setattr(ex, key, max(spec["in"]) + 1)
        if "most" in spec:
            with pytest.raises(ValueError):
                setattr(ex, key, [1] * (spec["most"] + 1))
    assert math.isclose(link_schema(ex)["max"], 1e150)


def test_the_docstring_examples_run():
    result = doctest.testmod(importlib.import_module("neuronlib.explorers.links"))
    assert result.failed == 0 and result.attempted >= 5
