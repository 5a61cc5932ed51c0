"""On every chapter page, every explorer renders and every control moves its figure.

The tests that use a chapter's kept page (`kept_page(path, "explore")`) run in this file's order:
reading (opens and closes the numbers), Reset (moves one slider and resets), then every slider
(moves them all; last, since it leaves them moved)."""

from __future__ import annotations

import re

import pytest
from browser import open_quietly
from conftest import PHONE_WIDTH
from playwright.sync_api import expect

from neuronlib.explorers import EXPLORERS

# What an explorer shows: every svg's markup and a hash (32-bit FNV-1a) of every canvas's pixels
# (a hash, not toDataURL: encoding each canvas as a PNG twice per slider took most of the test)
SNAPSHOT = """root => Array.from(root.querySelectorAll('canvas, svg')).map(el => {
    if (el.tagName !== 'CANVAS') return el.outerHTML;
    if (!el.width || !el.height) return 'empty';
    const px = new Uint32Array(el.getContext('2d').getImageData(0, 0, el.width, el.height).data.buffer);
    let h = 2166136261;
    for (let i = 0; i < px.length; i++) h = Math.imul(h ^ px[i], 16777619) >>> 0;
    return `${el.width}x${el.height}:${h}`;
}).join('|')"""


def _explorers(page):
    page.wait_for_timeout(300)
    return page.locator(".nl-explorer")


def test_every_chapter_has_an_explorer(visit, chapter_path):
    assert len(visit(chapter_path).explorers) >= 1, f"{chapter_path} has no explorer"


def test_every_slider_is_labelled_with_its_value(visit, chapter_path):
    assert visit(chapter_path).unlabelled_sliders == []


def test_every_explorer_can_be_read_without_seeing_its_figure(kept_page, chapter_path):
    """On every chapter (issue 17): every control has a name; the explorer's one live region is
    its announcement; "Show the numbers", pressed from the keyboard, shows the figure in words
    and a table with a caption and headers."""
    page, log = kept_page(chapter_path, "explore")
    explorers = _explorers(page)
    for i in range(explorers.count()):
        root = explorers.nth(i)
        kind = root.get_attribute("data-explorer")
        controls = root.locator("input, select, button")
        for j in range(controls.count()):
            expect(controls.nth(j)).to_have_accessible_name(re.compile(r"\w"))
        assert root.locator("[aria-live]").evaluate_all("els => els.map(e => e.className)") == ["nl-announce"], kind
        show = root.locator("button.nl-show-numbers")
        show.focus()
        show.press("Enter")
        panel = root.locator(".nl-numbers")
        assert show.get_attribute("aria-expanded") == "true" and panel.is_visible(), kind
        assert len(panel.locator("p").text_content()) > len("In words: ") + 20, kind
        table = panel.locator("table")
        assert table.locator("caption").count() == 1 and table.locator("thead th").count() >= 3, kind
        assert table.locator("tbody tr th[scope=row]").count() >= 3, kind
        show.press("Enter")
        assert panel.is_hidden(), kind
    assert log.page_errors == [] and log.console_errors == []


@pytest.mark.parametrize("chapter", ["notebooks/gallery.html"])
def test_explorers_draw_in_both_colour_schemes(visit, chapter):
    """The gallery holds every kind of explorer; its visit draws them light, then switches the
    page to dark (they redraw in dark colours), and no script error is raised in either."""
    seen = visit(chapter)
    assert set(seen.explorers) >= set(EXPLORERS)
    assert seen.log.page_errors == [] and set(seen.axe) == {"light", "dark"}


def test_reset_restores_every_explorer(kept_page, chapter_path):
    page, _ = kept_page(chapter_path, "explore")
    explorers = _explorers(page)
    for i in range(explorers.count()):
        root = explorers.nth(i)
        slider = root.locator("input[type=range]").first
        initial = slider.input_value()
        slider.focus()
        slider.press("ArrowRight")
        slider.press("ArrowRight")
        root.locator("button.nl-reset").first.click()
        assert slider.input_value() == initial


def test_every_slider_redraws_its_figure(kept_page, chapter_path):
    page, log = kept_page(chapter_path, "explore")
    explorers = _explorers(page)
    unmoved = []
    for i in range(explorers.count()):
        root = explorers.nth(i)
        kind = root.get_attribute("data-explorer")
        root.scroll_into_view_if_needed()
        assert root.locator("canvas, svg").count() >= 1, f"explorer {kind} drew nothing"
        sliders = root.locator("input[type=range]")
        assert sliders.count() >= 1, f"explorer {kind} has no slider"
        for j in range(sliders.count()):
            slider = sliders.nth(j)
            if slider.is_disabled():
                continue
            before = root.evaluate(SNAPSHOT)
            slider.focus()
            key = "ArrowLeft" if slider.evaluate("s => +s.value >= +s.max") else "ArrowRight"
            for _ in range(3):
                slider.press(key)
            page.wait_for_timeout(50)
            if root.evaluate(SNAPSHOT) == before:
                unmoved.append(f"{kind}: {slider.get_attribute('aria-valuetext')}")
    assert unmoved == [], f"{chapter_path}: sliders that did not change their figure: {unmoved}"
    assert log.page_errors == [] and log.console_errors == []
    assert log.blocked == []


def test_explorers_fit_a_phone_screen(visit, chapter_path):
    """At 390 px wide (a common phone) no explorer is wider than the page, and the page does
    not scroll sideways: every figure and slider can be seen and reached. (The page's visit
    narrows its window to 390 px last; the layout is CSS, the same as when opened that wide.)"""
    phone = visit(chapter_path).phone
    assert phone["page"] <= PHONE_WIDTH
    assert phone["explorers"], f"{chapter_path} has no explorer"
    for kind, scroll_width, client_width, right in phone["explorers"]:
        assert scroll_width <= client_width and right <= PHONE_WIDTH, (kind, scroll_width, client_width, right)


def test_figures_are_drawn_true(visit, chapter_path):
    """On every chapter, as the reader first sees it: every normal arrow is drawn at 90 deg
    (+- 1 deg) to its line on the screen (equal scales on both axes), no two text labels
    overlap, no label sits on a neuron's line, and legend text stays inside its legend box."""
    problems = visit(chapter_path).drawn_problems
    assert problems == [], f"{chapter_path}: {problems}"


def test_chapter_5_says_where_the_loss_curve_is(browser, site_url):
    """Chapter 5 says the loss curve is drawn under the picture of the plane: so it is, on a
    wide screen (1400 px) as on a narrow one."""
    for width in (1400, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        try:
            page = context.new_page()
            open_quietly(page, f"{site_url}/notebooks/05_dead_neurons.html")
            assert "The loss curve is drawn under the picture of the plane." in " ".join(
                page.locator("body").inner_text().split())
            plane, loss = page.locator('.nl-explorer[data-explorer="training"] canvas').evaluate_all(
                "cs => cs.map(c => c.getBoundingClientRect().toJSON())")
            assert loss["top"] >= plane["bottom"] and loss["left"] < plane["right"], (width, plane, loss)
        finally:
            context.close()
