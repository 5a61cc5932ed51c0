"""The explorers from Python: state a kernel can read, set and observe; validation; the three
outputs (widget, static HTML, plain text) and their determinism."""

from __future__ import annotations

import doctest
import importlib
import json
import math
import re
import subprocess
import sys

import pytest

from neuronlib import explorers as nx
from neuronlib.explorers import base

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def bundle(ex):
    data, _metadata = ex._repr_mimebundle_()
    return data


def z_in(summary: str) -> str:
    return re.search(r"z = (-?[\d.]+)", summary).group(1)


# --- Python can read, set and observe the state ------------------------------------------


def test_moving_the_bias_from_python_changes_the_preactivation_in_the_summary():
    ex = nx.explore_hyperplane(weights=(1, -1), bias=0.5, point=(1, 1))
    assert z_in(str(ex)) == "0.5"
    ex.bias = 2.0
    assert z_in(str(ex)) == "2"
    assert bundle(ex)["text/plain"] == str(ex)


def test_setting_a_trait_notifies_observers():
    ex = nx.explore_neuron()
    seen = []
    ex.observe(lambda change: seen.append((change["name"], change["new"])), names=["weights", "activation"])
    ex.weights = [2, 3]
    ex.activation = "tanh"
    assert seen == [("weights", [2.0, 3.0]), ("activation", "tanh")]


def test_reset_restores_the_starting_values():
    ex = nx.explore_network()
    start = str(ex)
    ex.output_bias = 3
    ex.weights = [0, 0, 0]
    assert str(ex) != start
    ex.reset()
    assert str(ex) == start


def test_the_hyperplane_summary_matches_the_documented_example():
    ex = nx.explore_hyperplane(weights=(1, -1), bias=0.5, activation="relu", point=(1, 1))
    assert str(ex) == ("Hyperplane explorer: w = (1, -1), b = 0.5, activation = relu; point (1, 1) "
                       "has z = 0.5, output = 0.5, signed distance 0.354")


def test_zero_weights_say_there_is_no_line():
    ex = nx.explore_hyperplane(weights=(0, 0), bias=-1)
    assert "there is no line" in str(ex) and "signed distance" not in str(ex)


def test_network_says_whether_it_is_linear_on_the_visible_range():
    bent = nx.explore_network(weights=(1,), biases=(0,), output_weights=(1,), xlim=(-4, 4))
    assert "not linear" in str(bent) and "x = 0" in str(bent)
    outside = nx.explore_network(weights=(1,), biases=(-5,), output_weights=(1,), xlim=(-4, 4))
    assert "exactly linear" in str(outside)
    silent = nx.explore_network(weights=(1,), biases=(0,), output_weights=(0,))
    assert "exactly linear" in str(silent)
    # two kinks at the same place whose slope changes cancel are no kink
    cancel = nx.explore_network(weights=(1, -1), biases=(0, 0), output_weights=(1, -1))
    assert "exactly linear" in str(cancel)


def test_layer_says_whether_the_xor_classes_get_different_patterns():
    ex = nx.explore_layer()
    assert str(ex).endswith("different activity patterns")
    ex.biases = [-0.5, -0.5]
    assert str(ex).endswith("shared activity patterns")


def test_regions_reads_the_xor_points_through_the_folded_plane():
    # Layer 1 folds the plane along x1 = x2: relu(x1 - x2) + relu(x2 - x1) = |x1 - x2|, so the
    # output 1 relu(|x1 - x2| - 0.5) - 2 relu(|x1 - x2| - 1.5) is 0.5 at (0, 1) and (1, 0), 0 at
    # (0, 0) and (1, 1).
    ex = nx.explore_regions()
    assert str(ex).endswith("(0, 0) pattern 00|00, y = 0; (0, 1) pattern 01|10, y = 0.5; "
                            "(1, 0) pattern 10|10, y = 0.5; (1, 1) pattern 00|00, y = 0")
    ex.b2 = [-0.5, 0.5]
    assert "(0, 1) pattern 01|11, y = -2.5" in str(ex)
    with pytest.raises(ValueError, match="W2 must have 2 rows"):
        ex.W2 = [[1, 1]] * 3


def test_activation_marks_zero_slope_and_saturated_zones():
    assert "zero slope (f' = 0) for z in [-5, 0]" in str(nx.explore_activation("relu"))
    assert "zero slope (f' = 0) nowhere" in str(nx.explore_activation("leaky_relu"))
    assert "saturated (|f'| < 0.01) for z in [-5, -4.59] and [4.59, 5]" in str(nx.explore_activation("sigmoid"))


def test_training_summary_follows_the_step_and_marks_dead_units():
    ex = nx.explore_training("xor", learning_rate=0.5, seed=0)
    assert "step 0 of 500" in str(ex)
    first = ex.history().loss[-1]
    ex.step = 300
    assert "step 300 of 500" in str(ex) and ex.history().loss[-1] < first
    ex.learning_rate = 1e80
    assert "training diverged at step" in str(ex)
    dying = nx.explore_training("circles")
    dying.step = 500
    assert str(dying).endswith("dead units: 2")


def test_the_learning_line_takes_the_closed_form_first_step():
    # From w = 0, b = 0 every p = 1/2: the loss is ln 2 and the first step is
    # w = -η mean((1/2 - y) x), b = -η mean(1/2 - y), computed here without neuronlib.
    import numpy as np

    ex = nx.explore_learning("height_weight", learning_rate=0.8, start=(0, 0, 0))
    X, y = ex.training_data()
    assert np.allclose(X.mean(axis=0), 0) and np.allclose(X.std(axis=0), 1)  # standardised
    assert f"step 0 of 300: w = (0, 0), b = 0, loss {base.fmt(math.log(2))}," in str(ex)
    ex.step = 1
    w = -0.8 * ((0.5 - y)[:, None] * X).mean(axis=0)
    b = -0.8 * (0.5 - y).mean()
    assert f"w = {base.fmt_vec(w)}, b = {base.fmt(b)}," in str(ex)
    assert np.allclose([*ex.history().model.weights, ex.history().model.bias], [*w, b], rtol=1e-12)


def test_the_learning_line_separates_height_and_body_mass_but_not_xor():
    ex = nx.explore_learning("height_weight", learning_rate=2.0)
    ex.step = 300
    assert re.search(r"accuracy (9[5-9]|100)(\.\d+)?%$", str(ex)), str(ex)
    ex.data = "xor"   # the four xor clusters: no line gets much more than half right
    assert float(re.search(r"accuracy ([\d.]+)%$", str(ex)).group(1)) < 70
    ex.reset()
    assert ex.step == 0 and ex.data == "height_weight" and ex.start == [3.0, -2.0, 0.0]


# --- validation ------------------------------------------------------------------------


@pytest.mark.parametrize("call, error, words", [
    (lambda: nx.explore_hyperplane(weights=(1, 2, 3)), ValueError, "weights must have 2 numbers"),
    (lambda: nx.explore_hyperplane(bias=float("nan")), ValueError, "finite"),
    (lambda: nx.explore_hyperplane(bias="1"), TypeError, "bias must be a number"),
    (lambda: nx.explore_network(output_bias=math.nan), ValueError, "output_bias contains NaN; expected finite numbers"),
    (lambda: nx.explore_hyperplane(bias=True), TypeError, "bias must be a number, not a boolean"),
    (lambda: nx.explore_hyperplane(weights=3), TypeError, "weights must be a list of numbers (w1, w2), got int 3"),
    (lambda: nx.explore_hyperplane(weights=(1, "2")), TypeError, "weights must be numbers; found the string '2'"),
    (lambda: nx.explore_hyperplane(activation="relux"), ValueError, "choose one of: identity, step"),
    (lambda: nx.explore_hyperplane(xlim=(3, -3)), ValueError, "low < high"),
    (lambda: nx.explore_neuron(inputs=(1, 2), weights=(1,)), ValueError, "weights must have 2 numbers"),
    (lambda: nx.explore_neuron(inputs=range(6), weights=range(6)), ValueError, "1 to 5 numbers"),
    (lambda: nx.explore_network(weights=(1, 2), biases=(1,), output_weights=(1, 1)), ValueError, "biases"),
    (lambda: nx.explore_layer(weights=[[1, 2], [1]]), ValueError, "same length"),
    (lambda: nx.explore_layer(weights=[[1, 2]], biases=[0, 0]), ValueError, "2 rows"),
    (lambda: nx.explore_layer(weights=[[1] * 5] * 2), ValueError, "weights rows must have 1 to 4 numbers"),
    (lambda: nx.explore_layer(weights=5), TypeError, "weights must be a list of rows"),
    (lambda: nx.explore_activation("elu", alpha=math.inf), ValueError, "finite"),
    (lambda: nx.explore_regions(W1=[[1] * 5] * 2), ValueError, "W1 rows must have 1 to 4 numbers"),
    (lambda: nx.explore_regions(W2=[[1, 1]] * 3), ValueError, "W2 must have 2 rows"),
    (lambda: nx.explore_regions(c=[1]), ValueError, "c must have 2 numbers"),
    (lambda: nx.explore_training(data="spirals"), ValueError, "unknown data set 'spirals'"),
    (lambda: nx.explore_training(learning_rate=0), ValueError, "learning_rate must be positive"),
    (lambda: nx.explore_training(seed=11), ValueError, "seed must be one of"),
    (lambda: nx.explore_training(hidden=9), ValueError, "hidden must be 1 to 5"),
    (lambda: nx.explore_training(activation="Relu!"), ValueError, "unknown hidden activation"),
    (lambda: nx.explore_learning(data="moons"), ValueError, "unknown data set 'moons'; choose one of: height_weight, xor"),
    (lambda: nx.explore_learning(learning_rate=-1), ValueError, "learning_rate must be positive"),
    (lambda: nx.explore_learning(start=(1, 2)), ValueError, "start must have 3 numbers (w1, w2, b)"),
    (lambda: nx.explore_learning(max_steps=0), ValueError, "max_steps must be 1 to 2000"),
    (lambda: nx.explore_learning(n=2), ValueError, "n must be 4 to 400 points, got 2"),
    (lambda: nx.explore_playground(data="moons"), ValueError, "unknown data set 'moons'; choose one of: circle, xor"),
    (lambda: nx.explore_playground(hidden=[4, 9]), ValueError, "hidden must list 1 to 3 hidden layers of 1 to 8 units"),
    (lambda: nx.explore_playground(hidden=[1, 1, 1, 1]), ValueError, "hidden must list 1 to 3 hidden layers"),
    (lambda: nx.explore_playground(hidden=4), TypeError, "hidden must be a list of unit counts"),
    (lambda: nx.explore_playground(batch_size=201), ValueError, "batch_size must be 1 to 200"),
    (lambda: nx.explore_playground(l2=-0.1), ValueError, "l2 (the regularisation strength) must be zero or positive"),
    (lambda: nx.explore_playground(seed=-1), ValueError, "seed must be a whole number from 0 to 4294967295"),
    (lambda: nx.explore_playground(network="net"), TypeError, "network must be a neuronlib Network"),
    (lambda: nx.explore_playground(n=10), ValueError, "n must be 20 to 1000 points"),
])
def test_bad_arguments_raise_clear_errors(call, error, words):
    with pytest.raises(error, match=re.escape(words)):
        call()


@pytest.mark.parametrize("call, words", [
    (lambda: nx.explore_hyperplane(weights=(1e200, 1)), "weights contain 1e+200 at position 0, which is too large"),
    (lambda: nx.explore_network(output_bias=-1e160), "output_bias contains -1e+160, which is too large"),
    (lambda: nx.explore_activation(z=1e151), "z contains 1e+151, which is too large"),
    (lambda: nx.explore_hyperplane(xlim=(-1e200, 1)), "xlim contains -1e+200 at position 0"),
])
def test_huge_numbers_are_refused_as_everywhere_in_neuronlib(call, words):
    # the same limit (MAX_MAGNITUDE) as Neuron, Layer and the rest: beyond it w * x overflows
    with pytest.raises(ValueError, match=re.escape(words) + ".*up to 1e\\+150"):
        call()


def test_numbers_up_to_the_limit_are_accepted():
    assert nx.explore_hyperplane(weights=(1e150, -1e150)).weights == [1e150, -1e150]


def test_bad_values_set_from_python_are_refused_and_the_state_is_kept():
    ex = nx.explore_neuron(inputs=(1, 2), weights=(1, 1))
    with pytest.raises(ValueError, match="weights must have 2 numbers"):
        ex.weights = [1, 2, 3]
    with pytest.raises(ValueError, match="unknown activation 'sigmoidal'; choose one of"):
        ex.activation = "sigmoidal"
    with pytest.raises(ValueError, match="finite"):
        ex.bias = float("nan")
    with pytest.raises(ValueError, match=re.escape("bias contains 1e+200, which is too large")):
        ex.bias = 1e200
    with pytest.raises(ValueError, match="rows must have 2 numbers"):
        nx.explore_layer().weights = [[1, 1, 1], [1, 1, 1]]
    assert ex.weights == [1.0, 1.0] and ex.activation == "relu" and ex.bias == 0.0
    training = nx.explore_training(max_steps=20)
    with pytest.raises(TypeError, match="step must be a whole number"):
        training.step = 2.5
    with pytest.raises(ValueError, match="step must be between 0 and 20"):
        training.step = 21


# --- the three outputs ------------------------------------------------------------------


def test_the_static_html_mounts_the_same_module_as_the_widget(explorer_kind, explorer):
    kind, ex = explorer_kind, explorer
    data = bundle(ex)
    html = data["text/html"]
    assert ex._esm == base.module_source(kind)
    assert ex._esm in html, "the page must run the very module the widget runs"
    assert "import " not in ex._esm.replace("important", ""), "no imports: file:// pages cannot load them"
    dom_id = re.search(r'<div id="([\w-]+)" class="nl-explorer" data-explorer="' + kind + '">', html).group(1)
    assert f'el: document.getElementById("{dom_id}")' in html
    state = json.loads(re.search(r"nlStandInModel\((.*?)\), el:", html).group(1))
    assert state == json.loads(json.dumps(ex.static_state()))
    assert data["text/plain"] == ex.summary()
    assert data[WIDGET_MIME]["model_id"] == ex.model_id


#: The network playground (Chapter 8) trains and draws a whole network (regions, a map per unit,
#: two loss curves, eleven controls): its module may be a little larger; so may the learning
#: line's (its loss surface is computed in slices around the paint). js/links.js (issue 14,
#: links that carry an explorer's state) adds about 2.8 kB to every module, js/sound.js
#: (issue 17, Listen and the trace) 6.2 kB to every module since all nine have Listen (plus
#: about 0.7 kB for each plane explorer's sweep and the regions' hatching). Session 11's speed
#: work added about 0.5 kB to every module (text written only where it changed, the numbers'
#: table updated in place), js/coarse.js to the layer and regions explorers, and 2.3 to 2.9 kB
#: to the three that train (js/shade.js, per-pixel shading; train.js's f and f' at once).
#: Session 13's speed work added about 1.8 kB to every module (the numbers panel written ahead
#: and in two parts, nlAfterPaint shared, the audio warm-up), and 3.6 kB more to the playground
#: (training ahead with every step kept, the unit canvases and grid arrays kept). The
#: page-weight test holds each chapter under 1.5 MB; these limits keep any one module from
#: growing unnoticed.
MODULE_LIMITS = {"playground": 66_000, "learning": 59_500, "training": 59_000}


def test_each_module_stays_small(explorer_kind):
    # 44.6 to 64.5 kB after issues 14 and 17 (links, sound for all nine) and the speed work of
    # sessions 11 and 13
    assert len(base.module_source(explorer_kind).encode()) < MODULE_LIMITS.get(explorer_kind, 54_000)


def test_the_page_shows_the_summary_before_and_without_javascript():
    ex = nx.explore_neuron()
    html = ex.to_html()
    assert f'<div class="nl-readout">{ex.summary()}</div>' in html


def test_state_that_looks_like_html_cannot_break_out_of_the_script():
    html = base.static_html("hyperplane", "x", {"evil": "</script><script>alert(1)</script>"}, "a < b")
    assert html.count("</script>") == 1 and "a &lt; b" in html


def test_save_html_writes_a_page_that_runs_without_python(tmp_path):
    ex = nx.explore_network()
    ex.output_bias = 1.5
    ex.save_html(tmp_path / "network.html")
    page = (tmp_path / "network.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and ex._esm in page and '"output_bias":1.5' in page


def test_training_accepts_its_own_data_and_refuses_bad_data():
    X = [[0.0, 0.0], [1.0, 1.0], [2.0, 0.5]]
    assert "custom data (3 points)" in str(nx.explore_training(data=(X, [0, 1, 1])))
    with pytest.raises(ValueError, match="labels 0 or 1"):
        nx.explore_training(data=(X, [0, 1, 2]))
    with pytest.raises(ValueError, match=r"shape \(m, 2\)"):
        nx.explore_training(data=([[1.0, 2.0, 3.0]], [1]))


def test_two_displays_of_one_explorer_get_different_element_ids():
    ex = nx.explore_activation()
    first, second = bundle(ex)["text/html"], bundle(ex)["text/html"]
    ids = [re.search(r'<div id="([\w-]+)"', h).group(1) for h in (first, second)]
    assert ids[0] != ids[1]


SCRIPT = """
import json
from neuronlib import explorers as nx
out = []
for ex in (nx.explore_neuron(), nx.explore_hyperplane(), nx.explore_activation(), nx.explore_network(),
           nx.explore_layer(), nx.explore_training(), nx.explore_hyperplane(bias=1)):
    data, _ = ex._repr_mimebundle_()
    out.append(data)
print(json.dumps(out, sort_keys=True))
"""


def test_widget_and_layout_ids_come_from_a_counter_not_a_uuid():
    ex = nx.explore_layer()
    assert re.fullmatch(r"neuronlib-layer-\d+", ex.model_id)
    assert ex.layout.model_id == ex.model_id + "-layout"


def test_outputs_are_identical_across_two_runs():
    runs = [subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert runs[0] == runs[1]
    assert "uuid" not in runs[0]


CHAPTERS = {1: "What a neuron computes", 2: "From y = mx + b to hyperplanes", 3: "Activation functions",
            4: "Why nonlinearity", 5: "Dead neurons", 6: "How a neuron learns its weights",
            7: "Layers: many lines at once",
            8: "A small network learns"}


@pytest.mark.parametrize("name, cls, chapter", [
    ("explore_neuron", "NeuronExplorer", 1), ("explore_hyperplane", "HyperplaneExplorer", 2),
    ("explore_activation", "ActivationExplorer", 3), ("explore_network", "NetworkExplorer", 4),
    ("explore_layer", "LayerExplorer", 4), ("explore_training", "TrainingExplorer", 5),
    ("explore_learning", "LearningExplorer", 6), ("explore_regions", "RegionsExplorer", 7),
    ("explore_playground", "PlaygroundExplorer", 8)])
def test_docstrings_name_the_chapter_and_give_an_example(name, cls, chapter):
    for value in (getattr(nx, name), getattr(nx, cls)):
        doc = value.__doc__
        assert f"Introduced in: Chapter {chapter} ({CHAPTERS[chapter]})" in doc and ">>> " in doc, value


@pytest.mark.parametrize("module", [*nx.EXPLORERS, "base"])
def test_docstring_examples_run(module):
    result = doctest.testmod(importlib.import_module(f"neuronlib.explorers.{module}"))
    assert result.failed == 0 and result.attempted >= 1


def test_without_a_kernel_the_explorer_says_how_to_reconnect(every_explorer):
    """A chapter opened before its cells run shows the summary and the hint; the widget carries
    the same hint, shown when JupyterLab marks it disconnected (the kernel is gone)."""
    from neuronlib.explorers import base

    for ex in every_explorer.values():
        html = ex.to_html()
        assert f'<div class="nl-hint">{base.HINT}</div>' in html
        assert f'const NL_HINT = "{base.HINT}";' in ex._esm
        assert ".jupyter-widgets-disconnected.nl-explorer .nl-hint" in ex._esm


# --- the network playground -------------------------------------------------------------


def test_the_playground_network_is_neuronlibs_trained_network():
    import numpy as np

    from neuronlib.seeded import seeded_network
    from neuronlib.training import train

    ex = nx.explore_playground("spiral", hidden=[6, 6], activation="tanh", learning_rate=0.3, batch_size=20,
                               l2=0.001, seed=5)
    assert ex.initial_network() == seeded_network([2, 6, 6, 1], ["tanh", "tanh", "sigmoid"], 5)
    ex.step = 50
    X, y = ex.training_data()
    want = train(ex.initial_network(), X, y, "bce", 0.3, 50, batch_size=20, l2=0.001).model
    assert ex.network == want
    assert len(X) == 200 and len(ex.test_data()[0]) == 200 and set(np.unique(y)) == {0.0, 1.0}


def test_reset_replays_the_same_starting_weights():
    ex = nx.explore_playground("circle", seed=4)
    ex.step = 40
    first = (str(ex), ex.network)
    ex.seed, ex.learning_rate = 5, 1.0
    ex.reset()
    assert ex.step == 0 and ex.seed == 4
    ex.step = 40
    assert (str(ex), ex.network) == first


def test_a_network_passed_in_is_where_training_starts():
    from neuronlib.network import Network

    trained = nx.explore_playground("xor", hidden=[3, 2], activation="elu", learning_rate=0.3)
    trained.step = 100
    net = trained.network
    ex = nx.explore_playground("xor", network=net, learning_rate=0.3)
    assert ex.hidden == [3, 2] and ex.activation == "elu" and ex.loaded
    assert ex.initial_network() == net and "the loaded starting weights" in str(ex)
    ex.hidden = [3, 3]   # another architecture cannot start from it: the seed's weights instead
    assert "seed 0" in str(ex) and isinstance(ex.initial_network(), Network)
    with pytest.raises(ValueError, match="the playground trains networks with 2 inputs"):
        nx.explore_playground(network=Network.random([2, 3, 2], "sigmoid"))


def test_a_high_learning_rate_kills_relu_units_and_the_summary_names_them():
    ex = nx.explore_playground("circle", hidden=[8], learning_rate=10.0, batch_size=10, seed=2)
    ex.step = 200
    assert re.search(r"dead units: layer 1 unit \d", str(ex)), str(ex)
    calm = nx.explore_playground("circle", hidden=[8], learning_rate=0.03, seed=2)
    calm.step = 200
    assert str(calm).endswith("dead units: none")
