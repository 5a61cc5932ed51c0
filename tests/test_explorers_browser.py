"""The explorers' static HTML in headless Chromium: no kernel, no network, opened from disk
(file://, where module imports across files are refused) and over http. The browser's readout
must equal the summary Python computes with neuronlib for the same values."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect, sync_playwright

from browser import DRAWN_PROBLEMS, launch, serve
from neuronlib import explorers as nx
from neuronlib.activations import ACTIVATION_NAMES
from neuronlib.explorers import base
from neuronlib.explorers.base import what_changed


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory, every_explorer):
    """A folder with one page holding every explorer (a fresh explorer per kind)."""
    folder = tmp_path_factory.mktemp("explorers")
    page = base.standalone_page([ex.to_html() for ex in every_explorer.values()])
    (folder / "index.html").write_text(page, encoding="utf-8")
    return folder, every_explorer


class Opened:
    def __init__(self, browser, url, **context):
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("request", lambda r: r.url.startswith(("http", "ws")) and not r.url.startswith(url)
                     and self.requests.append(r.url))
        self.page.goto(url)
        self.page.wait_for_selector(".nl-explorer canvas")

    def root(self, kind):
        return self.page.locator(f'.nl-explorer[data-explorer="{kind}"]')

    def readout(self, kind):
        return self.root(kind).locator(".nl-readout").text_content()


@pytest.fixture()
def opened(browser, site):
    folder, _ = site
    o = Opened(browser, (folder / "index.html").as_uri())
    yield o
    assert o.errors == [], o.errors
    assert o.requests == [], f"the page asked the network for {o.requests}"
    o.context.close()


def test_every_explorer_mounts_from_disk_and_shows_the_python_numbers(opened, site):
    _, explorers = site
    for kind, ex in explorers.items():
        root = opened.root(kind)
        assert opened.readout(kind) == ex.summary()
        canvases = root.locator("canvas")
        assert canvases.count() >= 1
        for i in range(canvases.count()):
            assert canvases.nth(i).get_attribute("role") == "img"
            assert len(canvases.nth(i).get_attribute("aria-label")) > 40
        assert root.locator("button.nl-reset").count() == 1
        labels = root.locator("input[type=range]").evaluate_all(
            "els => els.map(s => [s.labels[0].textContent, s.getAttribute('aria-valuetext')])")
        assert labels and all(text == value and " = " in text for text, value in labels)


def test_a_keyboard_slider_move_redraws_with_the_numbers_python_computes(opened, site):
    _, explorers = site
    ex = explorers["hyperplane"]
    root = opened.root("hyperplane")
    canvas_before = root.locator("canvas").evaluate("c => c.toDataURL()")
    label_before = root.locator("canvas").get_attribute("aria-label")
    bias = root.locator("input[type=range]").nth(2)
    assert bias.evaluate("s => s.labels[0].textContent").startswith("b = ")
    bias.focus()
    for _ in range(3):
        bias.press("ArrowRight")
    value = float(bias.input_value())
    assert value == pytest.approx(ex.bias + 0.15)
    assert bias.get_attribute("aria-valuetext") == f"b = {base.fmt(value)}"
    assert root.locator("canvas").evaluate("c => c.toDataURL()") != canvas_before
    assert root.locator("canvas").get_attribute("aria-label") != label_before
    start = ex.bias
    ex.bias = value
    try:
        assert opened.readout("hyperplane") == ex.summary()
    finally:
        ex.bias = start


def test_every_activation_in_the_menu_gives_the_python_numbers(opened, site):
    _, explorers = site
    ex = explorers["hyperplane"]
    menu = opened.root("hyperplane").locator("select")
    try:
        for name in ACTIVATION_NAMES:
            menu.select_option(name)
            ex.activation = name
            assert opened.readout("hyperplane") == ex.summary()
    finally:
        ex.activation = "relu"


def test_dragging_the_point_moves_it_and_reset_restores_everything(opened, site):
    _, explorers = site
    ex = explorers["hyperplane"]
    root = opened.root("hyperplane")
    canvas = root.locator("canvas")
    canvas.scroll_into_view_if_needed()  # the mouse reaches only what is in the viewport
    box = canvas.bounding_box()
    # the plot occupies [44, 44 + 288] x [8, 8 + 288] of the 340-pixel-wide canvas: x1 = 2 is at
    # 44 + 288 * 5/6 and x2 = -1 at 8 + 288 * 4/6
    scale = box["width"] / 340
    opened.page.mouse.move(box["x"] + (44 + 240) * scale, box["y"] + (8 + 192) * scale)
    opened.page.mouse.down()
    opened.page.mouse.up()
    sliders = root.locator("input[type=range]")
    assert float(sliders.nth(3).input_value()) == pytest.approx(2, abs=0.02)
    assert float(sliders.nth(4).input_value()) == pytest.approx(-1, abs=0.02)
    root.locator("select").select_option("tanh")
    root.locator("button.nl-reset").click()
    assert opened.readout("hyperplane") == ex.summary()


def _step_then_play_and_pause(opened, ex, kind):
    """Step once, then Play for a moment and Pause: the readout is neuronlib's at each step (the
    step slider is the explorer's second slider)."""
    root = opened.root(kind)
    root.locator("button.nl-step").click()
    ex.step = 1
    assert opened.readout(kind) == ex.summary()
    play = root.locator("button.nl-play")
    play.click()
    assert play.get_attribute("aria-pressed") == "true"
    opened.page.wait_for_timeout(300)
    play.click()
    ex.step = int(root.locator("input[type=range]").nth(1).input_value())
    assert ex.step > 1 and play.text_content() == "Play"
    assert opened.readout(kind) == ex.summary()


def test_reset_redraws_every_explorer_once_however_many_values_it_restores(opened, site):
    """Reset restores every starting value in one redraw (one readout written), not one per
    value: a reset answers as fast as one slider move."""
    _, explorers = site
    for kind, ex in explorers.items():
        root = opened.root(kind)
        sliders = root.locator("input[type=range]")
        for i in range(min(3, sliders.count())):
            sliders.nth(i).focus()
            for _ in range(3):
                sliders.nth(i).press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        writes = root.evaluate("""async (root) => {
            const out = root.querySelector('.nl-readout');
            let n = 0;
            const seen = new MutationObserver((records) => { n += records.length; });
            seen.observe(out, { childList: true, characterData: true, subtree: true });
            root.querySelector('button.nl-reset').click();
            await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
            seen.disconnect();
            return n;
        }""")
        assert writes == 1, f"{kind}: Reset wrote the readout {writes} times"
        assert opened.readout(kind) == ex.summary(), kind


def test_training_steps_play_and_pause_follow_neuronlib(opened, site):
    _, explorers = site
    ex = explorers["training"]
    root = opened.root("training")
    _step_then_play_and_pause(opened, ex, "training")
    root.locator("button.nl-reset").click()
    ex.step = 0
    assert opened.readout("training") == ex.summary()


def test_the_learning_line_steps_drags_and_moves_by_keyboard_as_neuronlib_computes(opened, site):
    _, explorers = site
    ex = explorers["learning"]
    root = opened.root("learning")
    sliders = root.locator("input[type=range]")  # learning rate, step, start w1, w2, b
    try:
        _step_then_play_and_pause(opened, ex, "learning")
        # the loss surface spans w1, w2 in [-6, 6] on [44, 332] x [8, 296] of its 340-pixel canvas
        surface = root.locator("canvas").nth(1)
        surface.scroll_into_view_if_needed()  # the mouse clicks in the viewport only
        box = surface.bounding_box()
        scale = box["width"] / 340
        opened.page.mouse.click(box["x"] + (44 + 288 * 3 / 12) * scale, box["y"] + (8 + 288 * 2 / 12) * scale)
        start = [float(sliders.nth(i).input_value()) for i in (2, 3, 4)]
        assert start == pytest.approx([-3, 4, 0], abs=0.03)
        surface.focus()
        surface.press("ArrowRight")
        surface.press("ArrowDown")
        moved = [float(sliders.nth(i).input_value()) for i in (2, 3, 4)]
        assert moved == pytest.approx([start[0] + 0.05, start[1] - 0.05, 0])
        ex.start = moved
        assert opened.readout("learning") == ex.summary()
        assert "the path gradient descent takes from the start" in surface.get_attribute("aria-label")
        root.locator("select").select_option("xor")
        ex.data = "xor"
        assert opened.readout("learning") == ex.summary()
        root.locator("button.nl-reset").click()
    finally:
        ex.reset()
    assert opened.readout("learning") == ex.summary()


def test_the_playground_steps_plays_and_resets_as_neuronlib_computes(opened, site):
    _, explorers = site
    ex = explorers["playground"]
    root = opened.root("playground")
    sliders = root.locator("input[type=range]")  # hidden layers, units in layers 1-3, seed, step
    try:
        root.locator("button.nl-step").click()
        ex.step = 1
        assert opened.readout("playground") == ex.summary()
        play = root.locator("button.nl-play")
        play.click()
        opened.page.wait_for_timeout(300)
        play.click()
        ex.step = int(sliders.nth(5).input_value())
        assert ex.step > 1 and opened.readout("playground") == ex.summary()
        # a changed setting starts again from step 0, with the same starting weights
        root.locator("select").nth(2).select_option("1")
        ex.learning_rate, ex.step = 1.0, 0
        assert opened.readout("playground") == ex.summary()
        assert sliders.nth(2).is_disabled() and not sliders.nth(1).is_disabled()
        sliders.nth(0).focus()
        sliders.nth(0).press("ArrowRight")   # a second hidden layer
        sliders.nth(4).focus()
        sliders.nth(4).press("ArrowRight")   # seed 1
        ex.hidden, ex.seed = [ex.hidden[0], ex.hidden[0]], ex.seed + 1
        assert not sliders.nth(2).is_disabled()
        assert opened.readout("playground") == ex.summary()
        maps = root.locator("canvas").evaluate_all("cs => cs.map(c => c.getAttribute('aria-label'))")
        assert sum(label.startswith("layer 2 unit") for label in maps) == ex.hidden[1]
        root.locator("button.nl-reset").click()
        ex.reset()
        assert opened.readout("playground") == ex.summary()
    finally:
        ex.reset()


def test_dark_mode_redraws_in_dark_colours(opened):
    pixel = "c => Array.from(c.getContext('2d').getImageData(2, 2, 1, 1).data.slice(0, 3))"
    canvas = opened.root("neuron").locator("canvas").first
    light = canvas.evaluate(pixel)
    opened.page.evaluate("document.documentElement.dataset.theme = 'dark'")
    opened.page.wait_for_timeout(50)
    dark = canvas.evaluate(pixel)
    assert sum(light) > 600 and sum(dark) < 150, (light, dark)


def test_canvases_are_sharp_on_high_density_screens(browser, site):
    folder, _ = site
    o = Opened(browser, (folder / "index.html").as_uri(), device_scale_factor=2)
    try:
        size = o.root("hyperplane").locator("canvas").evaluate("c => [c.width, c.clientWidth]")
        assert size[0] == 2 * size[1]
    finally:
        o.context.close()


def test_the_page_also_works_over_http(browser, site):
    folder, explorers = site
    with serve(folder) as url:
        o = Opened(browser, f"{url}/index.html")
        assert o.readout("layer") == explorers["layer"].summary()
        assert o.errors == []
        o.context.close()


def _pixel_at(root, x1, x2):
    """The heat map's colour at input (x1, x2): the plot fills [44, 332] x [8, 296] of the
    340-pixel-wide hyperplane canvas for x1, x2 in [-3, 3] (the explorer's default view). The
    lightest pixel of the 9 x 9 around it: the negative side is hatched, and the colour is the one
    between the hatch lines."""
    return root.locator("canvas").evaluate(
        """(c, [x1, x2]) => { const s = c.width / 340;
             const px = Math.round((44 + 288 * (x1 + 3) / 6) * s), py = Math.round((8 + 288 * (3 - x2) / 6) * s);
             const d = c.getContext('2d').getImageData(px - 4, py - 4, 9, 9).data;
             let best = 0;
             for (let k = 4; k < d.length; k += 4) if (d[k] + d[k + 1] + d[k + 2] > d[best] + d[best + 1] + d[best + 2]) best = k;
             return Array.from(d.slice(best, best + 3)); }""",
        [x1, x2])


def test_the_negative_side_is_hatched_as_well_as_coloured(opened):
    """Not by colour alone: the side where z < 0 carries diagonal lines, the other side none."""
    root = opened.root("hyperplane")
    # dips: pixels of a 25-pixel row much darker than the lightest within 3 pixels (the colour
    # of the shading changes slowly; a hatch line is a sharp dip)
    dips = """(c, [x1, x2]) => { const s = c.width / 340;
        const px = Math.round((44 + 288 * (x1 + 3) / 6) * s), py = Math.round((8 + 288 * (3 - x2) / 6) * s);
        const d = c.getContext('2d').getImageData(px - 12, py, 25, 1).data;
        const v = []; for (let k = 0; k < d.length; k += 4) v.push(d[k] + d[k + 1] + d[k + 2]);
        return v.filter((x, i) => x < Math.max(...v.slice(Math.max(0, i - 3), i + 4)) - 30).length; }"""
    canvas = root.locator("canvas")
    assert canvas.evaluate(dips, [-2.5, 2.2]) >= 2, "no hatching on the negative side"
    assert canvas.evaluate(dips, [2.5, -2.2]) == 0, "hatching on the positive side"
    assert "the side where z < 0 is hatched" in canvas.get_attribute("aria-label")


@pytest.mark.parametrize("activation, negative_side", [("relu", "white"), ("sigmoid", "orange")])
def test_white_is_the_output_on_the_line_blue_above_orange_below(opened, site, activation, negative_side):
    # w = (1, -1), b = 0.5: (2.5, -2.5) is far on the positive side, (-2.5, 2.5) far on the
    # negative side, and (0.5, 1.2) just beside the line (z = -0.2; the line itself is drawn black). The output on the line is f(0): 0 for ReLU,
    # so ReLU's negative side (output 0) is white; 0.5 for the sigmoid, whose outputs below
    # 0.5 are orange.
    root = opened.root("hyperplane")
    root.locator("select").select_option(activation)
    r, g, b = _pixel_at(root, 2.5, -2.5)
    assert b > r + 60, f"positive side should be blue, got {(r, g, b)}"
    r, g, b = _pixel_at(root, -2.5, 2.5)
    if negative_side == "white":
        assert min(r, g, b) > 235, f"ReLU's negative side should be white, got {(r, g, b)}"
    else:
        assert r > b + 60, f"the sigmoid's negative side should be orange, got {(r, g, b)}"
    assert min(_pixel_at(root, 0.5, 1.2)) > 200, "beside the line the colour should be (near) white"
    assert f"output on the line, {'0' if activation == 'relu' else '0.5'};" in \
        root.locator("canvas").get_attribute("aria-label")
    root.locator("select").select_option("relu")


@pytest.fixture(scope="module")
def chapter_page(tmp_path_factory):
    """A page with the plane explorers as the chapters show them (Chapters 2, 4 and 5)."""
    explorers = [
        nx.explore_hyperplane(weights=(1.0, -1.0), bias=0.5, activation="relu", point=(1.0, 1.0)),
        nx.explore_layer(weights=((1.0, 1.0), (1.0, 1.0)), biases=(-0.5, -1.5), activation="relu"),
        nx.explore_network(weights=(1.0, 2.0, -1.0), biases=(-5.0, 7.0, 4.0), output_weights=(1.5, 1.0, 0.5),
                           output_bias=0.2, xlim=(-3, 3)),
        nx.explore_training("xor", hidden=3, activation="relu", learning_rate=0.5, seed=2),
        nx.explore_training("xor", hidden=3, activation="relu", learning_rate=0.5, seed=0),
    ]
    folder = tmp_path_factory.mktemp("chapters")
    (folder / "index.html").write_text(base.standalone_page([ex.to_html() for ex in explorers]), encoding="utf-8")
    return folder / "index.html"


def _problems(page):
    return page.locator(".nl-explorer").evaluate_all(f"roots => roots.flatMap({DRAWN_PROBLEMS})")


def test_arrows_are_square_to_their_lines_and_labels_stay_apart(browser, chapter_page):
    """Every normal arrow is drawn at 90 deg (+- 1 deg) to its line on the screen (equal scales
    on both axes); no two labels overlap, none sits on a line or half inside a legend; the
    training explorer keeps this at every 25th step (the lines move)."""
    o = Opened(browser, chapter_page.as_uri())
    try:
        drawn = o.page.eval_on_selector_all(".nl-explorer canvas", "cs => cs.map(c => c.nlDrawn.lines.length)")
        assert sum(drawn) >= 1 + 2 + 3 + 3, "the plane explorers drew fewer lines than they have units"
        assert _problems(o.page) == []
        legend = o.root("network").locator("canvas").evaluate("c => c.nlDrawn")
        assert len(legend["legends"]) == 1, "the network explorer's legend has no box"
        assert all(any(x >= g[0] and y >= g[1] and x2 <= g[2] and y2 <= g[3] for g in legend["legends"])
                   for l in legend["labels"] if l["text"].startswith(("unit", "y ="))
                   for x, y, x2, y2 in [l["box"]]), "a legend line is outside the legend's box"
        for nth in range(2):
            slider = o.root("training").nth(nth).locator("input[type=range]").last
            for step in range(0, 501, 25):
                slider.fill(str(step))
                problems = _problems(o.page)
                assert problems == [], (nth, step, problems)
        assert o.errors == []
    finally:
        o.context.close()


def test_the_relu_colour_bar_never_goes_below_zero_and_dark_mode_does_not_say_white(browser, chapter_page):
    o = Opened(browser, chapter_page.as_uri(), color_scheme="dark")
    try:
        canvas = o.root("hyperplane").locator("canvas")
        label = canvas.get_attribute("aria-label")
        assert "white" not in label and "dark grey where it equals the output on the line" in label
        # The bar runs over the outputs shown: from ReLU's 0 (never below) to the largest.
        low, high = canvas.evaluate("c => c.nlDrawn.colourBar")
        assert low == 0 and high > 6
        o.root("hyperplane").locator("select").select_option("sigmoid")
        low, high = canvas.evaluate("c => c.nlDrawn.colourBar")
        assert 0 < low < 0.5 < high < 1
    finally:
        o.context.close()


# --------------------------------------------------------------------------- for every reader
# (issue 17): every control says what it is, what it is called, what value it has, and works from
# the keyboard; the figure is put into words when it changes; its numbers are a real table.

BUTTON_NAMES = {"nl-reset": "Reset every value to where it started", "nl-play": "Play the training",
                "nl-step": "Step: train one step more", "nl-show-numbers": "Show the numbers",
                "nl-listen": re.compile(r"^Listen: hear (the output|unit \d's output|the (network|neuron)'s output [py]) "
                                        r"as (x1?|z) goes from -?[\d.]+ to [\d.]+( along x2 = -?[\d.]+)?$"),
                "nl-copy-link": "Copy link to this explorer as it is now"}


def _press_and_back(control, there, back):
    control.focus()
    control.press(there)
    moved = control.input_value()
    control.press(back)
    return moved


def test_every_control_has_a_role_a_name_a_value_and_works_from_the_keyboard(opened, site):
    _, explorers = site
    for kind, ex in explorers.items():
        root = opened.root(kind)
        sliders = root.locator("input[type=range]")
        for i in range(sliders.count()):
            s = sliders.nth(i)
            expect(s).to_have_role("slider")
            text = s.evaluate("s => s.labels[0].textContent")
            expect(s).to_have_accessible_name(text)
            assert s.get_attribute("aria-valuetext") == text
            if s.is_disabled():
                expect(s).to_have_accessible_description(re.compile(r": only (for \w+|with \d hidden layers or more)$"))
                continue
            start = s.input_value()
            at_top = s.evaluate("s => +s.value >= +s.max")
            moved = _press_and_back(s, *(("ArrowLeft", "ArrowRight") if at_top else ("ArrowRight", "ArrowLeft")))
            assert moved != start and s.input_value() == start, f"{kind}: {text} does not move by arrow keys"
        menus = root.locator("select")
        for i in range(menus.count()):
            m = menus.nth(i)
            expect(m).to_have_role("combobox")
            expect(m).to_have_accessible_name(m.evaluate("m => m.labels[0].firstChild.textContent"))
            start = m.input_value()
            last = m.evaluate("m => m.selectedIndex === m.options.length - 1")
            moved = _press_and_back(m, *(("ArrowUp", "ArrowDown") if last else ("ArrowDown", "ArrowUp")))
            assert moved != start and m.input_value() == start, f"{kind}: menu {i} does not move by arrow keys"
        buttons = root.locator("button")
        assert buttons.count() >= 2
        for i in range(buttons.count()):
            b = buttons.nth(i)
            expect(b).to_have_role("button")
            expect(b).to_have_accessible_name(BUTTON_NAMES[b.get_attribute("class")])
        # the keyboard works the buttons: Enter and Space
        show = root.locator("button.nl-show-numbers")
        show.focus()
        show.press("Enter")
        assert show.get_attribute("aria-expanded") == "true"
        show.press(" ")
        assert show.get_attribute("aria-expanded") == "false"
        if root.locator("button.nl-step").count():
            root.locator("button.nl-step").press(" ")
            ex.step = 1
            assert opened.readout(kind) == ex.summary()
            ex.step = 0
        sliders.first.focus()
        sliders.first.press("ArrowLeft" if sliders.first.evaluate("s => +s.value >= +s.max") else "ArrowRight")
        root.locator("button.nl-reset").press("Enter")
        assert opened.readout(kind) == ex.summary(), kind


def test_a_slider_that_is_off_says_why(opened):
    root = opened.root("activation")
    slope, alpha = (root.locator("input[type=range]").nth(i) for i in (1, 2))
    notes = root.locator(".nl-why")
    assert slope.is_disabled() and alpha.is_disabled()  # relu has neither
    expect(slope).to_have_accessible_description("slope: only for leaky_relu")
    expect(alpha).to_have_accessible_description("alpha: only for elu")
    assert notes.evaluate_all("ns => ns.filter(n => n.checkVisibility() && n.textContent).map(n => n.textContent)") == \
        ["slope: only for leaky_relu", "alpha: only for elu"]
    reset_box = root.locator("button.nl-reset").bounding_box()
    root.locator("select").select_option("leaky_relu")
    assert slope.is_enabled() and alpha.is_disabled()
    expect(slope).to_have_accessible_description("")
    assert notes.evaluate_all("ns => ns.filter(n => n.checkVisibility() && n.textContent).map(n => n.textContent)") == \
        ["alpha: only for elu"]
    # the notes keep their place: switching the activation does not move the controls below
    assert root.locator("button.nl-reset").bounding_box() == reset_box
    root.locator("button.nl-reset").click()
    assert slope.is_disabled()


# A slider of each explorer (its index) and the Python value it sets.
A_SLIDER = {
    "neuron": (0, lambda ex, v: setattr(ex, "inputs", [v, *ex.inputs[1:]])),
    "hyperplane": (0, lambda ex, v: setattr(ex, "weights", [v, ex.weights[1]])),
    "activation": (0, lambda ex, v: setattr(ex, "z", v)),
    "network": (0, lambda ex, v: setattr(ex, "weights", [v, *ex.weights[1:]])),
    "layer": (0, lambda ex, v: setattr(ex, "weights", [[v, *ex.weights[0][1:]], ex.weights[1]])),
    "training": (1, lambda ex, v: setattr(ex, "step", round(v))),
    "learning": (1, lambda ex, v: setattr(ex, "step", round(v))),
    "regions": (0, lambda ex, v: setattr(ex, "W1", [[v, *ex.W1[0][1:]], ex.W1[1]])),
    "playground": (5, lambda ex, v: setattr(ex, "step", round(v))),
}


def test_the_change_is_put_into_words_once_the_reader_pauses(opened, site):
    """Three quick key presses give one announcement, 600 ms after the last, in the polite live
    region: the sentences of the figure that changed, as Python's what_changed says them."""
    _, explorers = site
    assert set(A_SLIDER) == set(explorers), "say which value a slider of a new explorer sets"
    for kind, ex in explorers.items():
        root = opened.root(kind)
        region = root.locator(".nl-announce")
        assert region.get_attribute("aria-live") == "polite"
        assert root.locator("[aria-live]").count() == 1, f"{kind}: one live region only"
        root.evaluate("""root => { root.nlSaid = [];
            new MutationObserver(() => root.nlSaid.push(root.querySelector('.nl-announce').textContent))
              .observe(root.querySelector('.nl-announce'), { childList: true, characterData: true, subtree: true }); }""")
        before = ex.facts()
        index, set_value = A_SLIDER[kind]
        slider = root.locator("input[type=range]").nth(index)
        slider.focus()
        for _ in range(3):
            slider.press("ArrowRight")
            opened.page.wait_for_timeout(100)
        assert root.evaluate("root => root.nlSaid") == [], f"{kind}: spoke before the reader paused"
        opened.page.wait_for_timeout(900)
        try:
            set_value(ex, float(slider.input_value()))
            said = root.evaluate("root => root.nlSaid")
            assert said == [what_changed(before, ex.facts())] and said[0].startswith("Now: "), kind
        finally:
            ex.reset()
            root.locator("button.nl-reset").click()


def test_show_the_numbers_gives_the_figure_in_words_and_a_real_table(opened, site):
    _, explorers = site
    for kind, ex in explorers.items():
        root = opened.root(kind)
        show = root.locator("button.nl-show-numbers")
        panel = root.locator(".nl-numbers")
        assert panel.is_hidden() and show.get_attribute("aria-controls") == panel.get_attribute("id")
        show.click()
        assert panel.is_visible() and show.text_content() == "Hide the numbers"
        assert panel.locator("p").text_content() == "In words: " + ex.describe()
        table = panel.locator("table")
        assert len(table.locator("caption").text_content()) > 20
        columns = table.locator("thead th[scope=col]").count()
        rows = table.locator("tbody tr")
        assert columns >= 3 and rows.count() >= 3
        assert rows.evaluate_all("rs => rs.map(r => r.cells.length)") == [columns] * rows.count()
        assert rows.evaluate_all("rs => rs.every(r => r.cells[0].tagName === 'TH' && r.cells[0].scope === 'row')")
        # the table follows the figure
        before = panel.text_content()
        slider = root.locator("input[type=range]").first
        slider.focus()
        slider.press("ArrowRight")
        if kind not in ("training", "learning"):  # the learning rate changes nothing at step 0
            assert panel.text_content() != before, kind
        root.locator("button.nl-reset").click()
        show.click()
        assert panel.is_hidden()


def test_nothing_moves_on_its_own_for_a_reader_who_asks_for_less_motion(browser, site):
    folder, explorers = site
    o = Opened(browser, (folder / "index.html").as_uri(), reduced_motion="reduce")
    try:
        before = {kind: o.root(kind).locator("canvas").first.evaluate("c => c.toDataURL()") for kind in explorers}
        o.page.wait_for_timeout(1500)
        for kind, ex in explorers.items():
            assert o.readout(kind) == ex.summary()
            assert o.root(kind).locator("canvas").first.evaluate("c => c.toDataURL()") == before[kind], kind
        assert o.errors == []
    finally:
        o.context.close()


# --------------------------------------------------------------------------- hear the neuron
# (issue 17, item 4): Listen plays the sweep as sound; the trace steps through it in words.

RENDER = """async (root, seconds) => {
    // Render the Listen sweep offline (44.1 kHz, stereo) and measure it: the loudness of each
    // ear, in the middle of each tone its pitch from the zero crossings of the louder ear, and
    // how strong 1760 Hz (a tick) is over the tone's first 18 ms (Goertzel).
    const s = root.nlSound, rate = 44100;
    const tones = s.schedule(s.sweep(), seconds);
    const ac = new OfflineAudioContext(2, Math.ceil(rate * (seconds + 0.1)), rate);
    s.play(ac, tones, 0, seconds);
    const buf = await ac.startRendering();
    const [L, R] = [buf.getChannelData(0), buf.getChannelData(1)];
    const rms = (a, i0, i1) => { let q = 0; for (let i = i0; i < i1; i++) q += a[i] * a[i]; return Math.sqrt(q / (i1 - i0)); };
    const dt = seconds / tones.length;
    const measured = tones.map((t) => {
      const [i0, i1] = [Math.round(rate * (t.time + 0.2 * dt)), Math.round(rate * (t.time + 0.8 * dt))];
      const a = rms(L, i0, i1) >= rms(R, i0, i1) ? L : R;
      let crossings = 0;
      for (let i = i0 + 1; i < i1; i++) if ((a[i - 1] < 0) !== (a[i] < 0)) crossings++;
      const j0 = Math.round(rate * t.time), j1 = j0 + Math.round(rate * 0.018), w = 2 * Math.PI * 1760 / rate;
      let [re, im] = [0, 0];
      for (let i = j0; i < j1; i++) { re += (L[i] + R[i]) * Math.cos(w * i); im += (L[i] + R[i]) * Math.sin(w * i); }
      return { left: rms(L, i0, i1), right: rms(R, i0, i1), pitch: crossings / 2 / ((i1 - i0) / rate),
               tick: Math.hypot(re, im) / (j1 - j0) };
    });
    return { tones, measured, total: rms(L, 0, L.length) + rms(R, 0, R.length),
             samples: Array.from(L.filter((_, i) => i % 97 === 0)) };
}"""


def _render(root, seconds=2.0):
    return root.evaluate(RENDER, seconds)


def test_listen_renders_the_sweep_as_sound_that_follows_the_schedule(opened, site):
    """The tone schedule played offline is not silent, each tone sounds at its pitch (within 3 %)
    in the ear its pan says, and moving a weight changes the sound."""
    _, explorers = site
    for kind in ("neuron", "hyperplane", "activation", "network"):
        root = opened.root(kind)
        got = _render(root, 8.0)  # slow: 0.2 s a tone, long enough to count its pitch
        assert got["total"] > 0.05, f"{kind}: Listen is silent"
        tones, measured = got["tones"], got["measured"]
        ex = explorers[kind]
        assert [t["frequency"] for t in tones] == pytest.approx([t.frequency for t in ex.tones()], rel=1e-9)
        for t, m in zip(tones, measured):
            assert m["pitch"] == pytest.approx(t["frequency"], rel=0.03), (kind, t, m)
        assert measured[0]["right"] < 0.01 * measured[0]["left"], "the first tone is not on the left"
        assert measured[-1]["left"] < 0.01 * measured[-1]["right"], "the last tone is not on the right"
    root = opened.root("hyperplane")
    before = _render(root)["samples"]
    slider = root.locator("input[type=range]").first  # w1
    slider.focus()
    slider.press("ArrowRight")
    try:
        assert _render(root)["samples"] != before
    finally:
        root.locator("button.nl-reset").click()


def test_relu_below_zero_buzzes_and_above_is_a_pure_tone(opened):
    """The mark where z < 0 is a sawtooth: its peak is further above its loudness (rms) than a
    sine's (a sine's peak is sqrt 2 times its rms; Web Audio's band-limited sawtooth about 2)."""
    root = opened.root("activation")  # relu on [-5, 5]
    shape = root.evaluate("""async (root) => {
        const s = root.nlSound, rate = 44100;
        const tones = s.schedule(s.sweep(), 4);
        const ac = new OfflineAudioContext(1, rate * 4, rate);
        s.play(ac, tones, 0, 4);
        const a = (await ac.startRendering()).getChannelData(0);
        const crest = (t) => { const i0 = Math.round(rate * (t.time + 0.02)), i1 = Math.round(rate * (t.time + 0.08));
          let [peak, q] = [0, 0]; for (let i = i0; i < i1; i++) { peak = Math.max(peak, Math.abs(a[i])); q += a[i] * a[i]; }
          return peak / Math.sqrt(q / (i1 - i0)); };
        return tones.map((t) => [t.z, crest(t)]);
    }""")
    below = [c for z, c in shape if z < -0.1]
    above = [c for z, c in shape if z > 0.1]
    assert below and above
    assert all(c > 1.85 for c in below), below
    assert all(abs(c - 2 ** 0.5) < 0.06 for c in above), above


#: Every canvas of an explorer, as images: the trace point's mark shows in them.
PICTURES = "r => Array.from(r.querySelectorAll('canvas'), (c) => c.toDataURL()).join()"


def step_the_trace(kind, ex, root, trace, name="x1"):
    """Focus the trace (its mark is drawn) and step it by ArrowRight, ArrowRight, ArrowLeft, Home
    and End: each step says what Python's ``ex.trace`` says and names its input's value.
    Returns the pictures before the focus and once focused, and the index it ended at."""
    region = root.locator(".nl-announce")
    n = len(ex.sweep()["xs"])
    at = (n - 1) // 2
    plain = root.evaluate(PICTURES)
    trace.focus()
    marked = root.evaluate(PICTURES)
    assert marked != plain, f"{kind}: the trace point is not drawn when the trace has the focus"
    for key, step in [("ArrowRight", 1), ("ArrowRight", 1), ("ArrowLeft", -1), ("Home", None), ("End", None)]:
        trace.press(key)
        at = {"Home": 0, "End": n - 1}.get(key, at + (step or 0))
        assert region.text_content() == ex.trace(at), (kind, key)
        assert trace.get_attribute("aria-valuetext") == f"trace {name} = {base.fmt(ex.sweep()['xs'][at])}"
    return plain, marked, at


def test_the_trace_steps_by_arrow_keys_and_says_what_python_says(opened, site):
    _, explorers = site
    for kind in ("neuron", "hyperplane", "activation", "network"):
        ex = explorers[kind]
        root = opened.root(kind)
        trace = root.locator("input[type=range]").last
        expect(trace).to_have_role("slider")
        name = ex.sweep()["name"]
        expect(trace).to_have_accessible_name(re.compile(rf"^trace {name} = "))
        n = len(ex.sweep()["xs"])
        plain, marked, _ = step_the_trace(kind, ex, root, trace, name)
        assert root.evaluate(PICTURES) != marked, f"{kind}: the trace point does not move"
        trace.press("Home")
        trace.press("ArrowRight")
        root.locator("button.nl-show-numbers").focus()
        assert root.evaluate(PICTURES) == plain, f"{kind}: the trace point stays after the trace loses the focus"
        trace.focus()
        for _ in range((n - 1) // 2 - 1):
            trace.press("ArrowRight")
        assert root.evaluate(PICTURES) == marked, f"{kind}: the trace point is not where it was"
        root.locator("button.nl-show-numbers").focus()
        button = root.locator("button.nl-listen")
        expect(button).to_be_enabled()
        expect(button).to_have_accessible_description(re.compile(r"^pitch: the output; left to right: "))
        button.press("Enter")  # plays (nothing to check by ear here; no error is thrown)


def test_without_web_audio_listen_is_off_and_says_why_and_the_trace_still_speaks(browser, site):
    folder, explorers = site
    context = browser.new_context()
    context.add_init_script("delete window.AudioContext; delete window.webkitAudioContext;")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto((folder / "index.html").as_uri())
        page.wait_for_selector(".nl-explorer canvas")
        root = page.locator('.nl-explorer[data-explorer="neuron"]')
        button = root.locator("button.nl-listen")
        expect(button).to_be_disabled()
        expect(button).to_have_accessible_description("Listen: this browser cannot play sound (no Web Audio)")
        trace = root.locator("input[type=range]").last
        trace.focus()
        trace.press("ArrowLeft")
        ex = explorers["neuron"]
        assert root.locator(".nl-announce").text_content() == ex.trace((len(ex.sweep()["xs"]) - 1) // 2 - 1)
        assert errors == []
    finally:
        context.close()


# --------------------------------------------------------------------------- not by colour alone


def test_each_on_off_region_is_named_by_its_pattern_where_the_name_fits(opened, site):
    """The regions explorer tells its patterns apart by drawn names as well as tints: every name
    on the canvas is the pattern neuronlib computes at each corner of the name's box, and the
    larger regions all have one."""
    import numpy as np

    from neuronlib.regions import activation_patterns, pattern_text

    _, explorers = site
    ex = explorers["regions"]
    canvas = opened.root("regions").locator("canvas").first
    drawn = canvas.evaluate("c => c.nlDrawn.labels")
    names = [label for label in drawn if re.fullmatch(r"[01]+\|[01]{2}", label["text"])]
    assert len(names) >= 4, names
    assert len({n["text"] for n in names}) == len(names), "a pattern is named twice"
    (x0, x1), (y0, y1) = ex._config["xlim"], ex._config["ylim"]
    scale = 288 / max(x1 - x0, y1 - y0)  # nlPlaneCanvas: the plot starts at (44, 8)
    for name in names:
        left, top, right, bottom = name["box"]
        corners = [[x0 + (px - 44) / scale, y1 - (py - 8) / scale] for px in (left, right) for py in (top, bottom)]
        patterns = {pattern_text(p, [len(ex.b1), 2]) for p in activation_patterns(ex.network(), np.array(corners))}
        assert patterns == {name["text"]}, (name, patterns)
    assert _problems(opened.page) == []


def test_the_playground_hatches_the_region_of_class_0(opened):
    root = opened.root("playground")
    canvas = root.locator("canvas").first
    # the lines of the hatching: pixels of a row much darker than the lightest within 3 pixels,
    # counted where the shading is orange (class 0) and where it is blue, over the whole plot,
    # away from the data points (drawn in the text colour: very dark pixels nearby)
    counts = canvas.evaluate("""c => { const s = c.width / 340, W = Math.round(288 * s);
        const d = c.getContext('2d').getImageData(Math.round(44 * s), Math.round(8 * s), W, W).data;
        const orange = [0, 0], blue = [0, 0];
        for (let y = 10; y < W - 10; y += 7) {
          const v = []; for (let x = 0; x < W; x++) { const k = 4 * (y * W + x); v.push([d[k] + d[k + 1] + d[k + 2], d[k] - d[k + 2]]); }
          for (let x = 8; x < W - 8; x++) {
            const near = v.slice(x - 8, x + 9).map((p) => p[0]);
            if (Math.min(...near) < 250) continue;
            const dip = v[x][0] < Math.max(...near.slice(5, 12)) - 30;
            const side = v[x][1] > 10 ? orange : v[x][1] < -10 ? blue : null;
            if (side) { side[0] += dip; side[1] += 1; } } }
        return { orange, blue }; }""")
    orange_dips, orange_n = counts["orange"]
    blue_dips, blue_n = counts["blue"]
    assert orange_n > 200 and blue_n > 200, counts
    # (without the hatching: 0.3 % of orange pixels against 1.7 % of blue ones; with it, 11 %)
    assert orange_dips / orange_n > max(0.06, 3 * blue_dips / blue_n), counts
    assert "orange and hatched: class 0" in canvas.get_attribute("aria-label")
