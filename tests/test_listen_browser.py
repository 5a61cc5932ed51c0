"""Listen and the trace in the explorers of the whole plane (issue 17), in headless Chromium from a
page on disk: the layer, regions, training, learning line and playground explorers play x1 across
the view along a row x2 the reader picks ("trace x2"; the layer also "trace unit"); the trace's
words equal Python's ``trace`` character for character, the sound follows Python's tone schedule,
and without Web Audio Listen is off and says why. Also: the regions explorer hatches each layer-1
unit's on side at its own angle, so regions differ by more than their tint."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from test_explorers_browser import PICTURES, RENDER, browser, step_the_trace  # noqa: F401 (browser: a fixture)

from neuronlib import explorers as nx
from neuronlib.explorers import base


def _stepped(ex, step):
    ex.step = step
    return ex


#: The explorers of the whole plane, in states worth hearing (a trained model part way).
PLANE = {
    "layer": lambda: nx.explore_layer(weights=((1.0, -1.0, 0.5), (1.0, 1.0, -1.0)), biases=(-0.5, 0.25, 0.5),
                                      activation="tanh"),
    "regions": lambda: nx.explore_regions(),
    "training": lambda: _stepped(nx.explore_training("xor", hidden=3, learning_rate=0.5, max_steps=40), 20),
    "learning": lambda: _stepped(nx.explore_learning("xor", learning_rate=2.0, max_steps=40), 20),
    "playground": lambda: _stepped(nx.explore_playground("circle", hidden=[4], learning_rate=0.3, max_steps=40), 20),
}

#: Regions with three layer-1 units: unit 1 on where x1 > 0, unit 2 where x2 > 0, unit 3 where
#: x2 - x1 > 1.5 (the top-left corner); layer 2 the same everywhere (no bent boundaries).
HATCHED = dict(W1=((1.0, 0.0, -1.0), (0.0, 1.0, 1.0)), b1=(0.0, 0.0, -1.5), W2=((0.0, 0.0),) * 3,
               b2=(1.0, -1.0), c=(1.0, 1.0), d=0.0)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory):
    explorers = {kind: make() for kind, make in PLANE.items()}
    hatched = nx.explore_regions(**HATCHED)
    path = tmp_path_factory.mktemp("listen") / "index.html"
    path.write_text(base.standalone_page([ex.to_html() for ex in [*explorers.values(), hatched]]), encoding="utf-8")
    return path, explorers


@pytest.fixture()
def opened(browser, page_file):
    """The page in a fresh context: (page, explorers); no page error may happen."""
    def _open(init: str = ""):
        context = browser.new_context()
        contexts.append(context)
        if init:
            context.add_init_script(init)
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_file[0].as_uri())
        page.wait_for_selector(".nl-explorer canvas")
        return page, page_file[1]

    contexts, errors = [], []
    yield _open
    for c in contexts:
        c.close()
    assert errors == []


def _root(page, kind):
    return page.locator(f'.nl-explorer[data-explorer="{kind}"]').first


@pytest.mark.parametrize("kind", PLANE)
def test_the_trace_steps_along_the_row_and_says_what_python_says(opened, kind):
    page, explorers = opened()
    ex = explorers[kind]
    root = _root(page, kind)
    region = root.locator(".nl-announce")
    trace = root.locator("input[type=range]").last
    expect(trace).to_have_accessible_name(re.compile(r"^trace x1 = "))
    plain, _, at = step_the_trace(kind, ex, root, trace)
    where = {}
    # another row: two steps up; the point's words, the button's name and the mark follow it
    row = root.get_by_role("slider", name=re.compile(r"^trace x2 = "))
    expect(row).to_have_accessible_name(f"trace x2 = {base.fmt(ex.sweep()['x2'])}")
    before = root.evaluate(PICTURES)
    row.focus()
    row.press("ArrowUp")
    row.press("ArrowUp")
    where["x2"] = float(row.input_value())
    assert where["x2"] > ex.sweep()["x2"]
    assert region.text_content() == ex.trace(at, **where)
    assert root.evaluate(PICTURES) != before, f"{kind}: the trace point does not move with the row"
    if kind == "layer":
        unit = root.get_by_role("slider", name=re.compile(r"^trace unit = "))
        unit.focus()
        unit.press("ArrowRight")
        where["unit"] = 2
        assert region.text_content() == ex.trace(at, **where)
    sweep = ex.sweep(**where)
    expect(root.locator("button.nl-listen")).to_have_accessible_name(
        f"Listen: hear {sweep['what']} as x1 goes from {base.fmt(sweep['xs'][0])} to {base.fmt(sweep['xs'][-1])} "
        f"along x2 = {base.fmt(where['x2'])}")
    trace.focus()
    trace.press("ArrowLeft")
    assert region.text_content() == ex.trace(at - 1, **where)
    root.locator("button.nl-show-numbers").focus()
    root.page.wait_for_timeout(300)  # the training plane comes back on its full grid 150 ms after a move
    assert root.evaluate(PICTURES) == plain, f"{kind}: the trace point stays after the trace loses the focus"




@pytest.mark.parametrize("kind", PLANE)
def test_listen_plays_the_row_as_python_schedules_it(opened, kind):
    page, explorers = opened()
    ex = explorers[kind]
    root = _root(page, kind)
    expect(root.locator("button.nl-listen")).to_be_enabled()
    expect(root.locator("button.nl-listen")).to_have_accessible_description(
        re.compile(r"^pitch: (unit 1's output|the (network|neuron)'s output [py]); left to right: x1; a buzz where "
                   r"(z < 0|y < 0|p < 0.5 \(class 0\))(; a tick where the pattern changes)?$"))
    got = root.evaluate(RENDER, 8.0)  # slow: 0.2 s a tone, long enough to count its pitch
    assert got["total"] > 0.05, f"{kind}: Listen is silent"
    tones = ex.tones()
    for key in ("frequency", "pan", "z", "output"):
        assert [t[key] for t in got["tones"]] == pytest.approx([getattr(t, key) for t in tones], rel=1e-9, abs=1e-12)
    assert [t["negative"] for t in got["tones"]] == [t.negative for t in tones]
    assert [t["tick"] for t in got["tones"]] == [t.tick for t in tones]
    for t, m in zip(tones, got["measured"]):
        assert m["pitch"] == pytest.approx(t.frequency, rel=0.03), (kind, t, m)
    ticked = [m["tick"] for t, m in zip(tones, got["measured"]) if t.tick]
    plain = [m["tick"] for t, m in zip(tones, got["measured"]) if not t.tick]
    assert bool(ticked) == (kind == "regions")
    if ticked:  # a tick is heard where the pattern changes, and nowhere else
        assert min(ticked) > 5 * max(plain), (ticked, plain)
    root.locator("button.nl-listen").press("Enter")  # plays live (nothing to check by ear here)


def test_without_web_audio_listen_is_off_and_the_trace_still_speaks(opened):
    page, explorers = opened("delete window.AudioContext; delete window.webkitAudioContext;")
    for kind, ex in explorers.items():
        root = _root(page, kind)
        button = root.locator("button.nl-listen")
        expect(button).to_be_disabled()
        expect(button).to_have_accessible_description("Listen: this browser cannot play sound (no Web Audio)")
        trace = root.locator("input[type=range]").last
        trace.focus()
        trace.press("ArrowLeft")
        assert root.locator(".nl-announce").text_content() == ex.trace((len(ex.sweep()["xs"]) - 1) // 2 - 1)


def test_after_training_diverges_the_trace_says_there_is_nothing_to_hear(browser, tmp_path):
    ex = _stepped(nx.explore_training("xor", learning_rate=1e80, max_steps=30), 30)
    path = tmp_path / "diverged.html"
    path.write_text(base.standalone_page([ex.to_html()]), encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_selector(".nl-explorer canvas")
        root = _root(page, "training")
        trace = root.locator("input[type=range]").last
        trace.focus()
        trace.press("ArrowRight")
        assert root.locator(".nl-announce").text_content() == ex.trace(0) == "training diverged at step 2: nothing to hear."
        assert root.evaluate("r => r.nlSound.schedule(r.nlSound.sweep()).length") == 0
        root.locator(".nl-announce").evaluate("e => { e.textContent = ''; }")
        root.locator("button.nl-listen").press("Enter")  # Listen says why it is silent
        assert root.locator(".nl-announce").text_content() == ex.trace(0)
    finally:
        context.close()


#: Lines at an angle are periodic across it: the strength of the image at one cycle per 8 px (the
#: hatch's spacing) along each angle's normal, in a 24 px square around a point of the plane.
STRIPES = """(c, [x1, x2]) => { const s = c.width / 340, half = Math.round(12 * s);
    const px = Math.round((44 + 72 * (x1 + 2)) * s), py = Math.round((8 + 72 * (2 - x2)) * s);
    const d = c.getContext('2d').getImageData(px - half, py - half, 2 * half, 2 * half).data;
    const v = []; for (let k = 0; k < d.length; k += 4) v.push(d[k] + d[k + 1] + d[k + 2]);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const out = {};
    for (const [angle, nx, ny] of [[45, Math.SQRT1_2, Math.SQRT1_2], [-45, -Math.SQRT1_2, Math.SQRT1_2], [0, 0, 1], [90, 1, 0]]) {
      let [re, im] = [0, 0];
      v.forEach((val, k) => { const x = k % (2 * half), y = Math.floor(k / (2 * half));
        const ph = 2 * Math.PI * (nx * x + ny * y) / (8 * s); re += (val - mean) * Math.cos(ph); im += (val - mean) * Math.sin(ph); });
      out[angle] = Math.hypot(re, im) / v.length;
    }
    return out; }"""


@pytest.mark.parametrize("point, on", [((1.5, 1.5), {1, 2}), ((1.5, -1.5), {1}), ((-0.6, 0.25), {2}),
                                       ((-1.5, -1.6), set()), ((-1.7, 1.7), {2, 3})])
def test_each_layer1_unit_that_is_on_hatches_its_region_at_its_own_angle(opened, point, on):
    page, _ = opened()
    canvas = page.locator('.nl-explorer[data-explorer="regions"]').nth(1).locator("canvas").first
    got = canvas.evaluate(STRIPES, list(point))
    angles = {1: 45, 2: -45, 3: 0, 4: 90}
    # (measured: 12 to 16 for a unit that is on, below 1.5 for one that is off)
    assert {unit for unit, angle in angles.items() if got[str(angle)] > 6} == on, got
    assert all(got[str(angles[u])] < 3 for u in angles if u not in on), got
    assert "unit 1 at 45°, unit 2 at -45°" in canvas.get_attribute("aria-label")
