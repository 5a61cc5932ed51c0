"""The self-checks on the built website answer back: a reader types answers (by keyboard) and
sees right, wrong and unreadable feedback; multiple choice explains each choice; a prediction
shows the guess next to the result; nothing typed reaches the page as HTML; it all works from
file:// too, and axe finds nothing serious in the feedback states."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import set_colour_scheme
from conftest import SITE, chapter_pages

from neuronlib.practice import read_number

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
#: The numbered chapters (not the gallery); each ends with "Check yourself".
CHAPTERS = [p for p in chapter_pages() if re.match(r"notebooks/\d\d_", p)] if SITE.is_dir() else []
CHAPTER_1 = CHAPTERS[0] if CHAPTERS else "notebooks/01_what_a_neuron_computes.html"


def _answer(root) -> str:
    """What "Show the answer" says, e.g. ``Answer: 0.25 (anything within 0.005 counts).``"""
    return root.locator("details.nl-answer p").first.text_content()


def _submit(root, text: str) -> tuple[str, str]:
    field = root.locator("input[type=text]")
    field.fill("")
    field.focus()
    field.page.keyboard.type(text)
    field.press("Enter")
    feedback = root.locator(".nl-feedback")
    return feedback.get_attribute("data-status"), feedback.text_content()


def _numeric_checks(page):
    return page.locator(".nl-practice[data-practice=check]:has(input[type=text])")


@pytest.mark.parametrize("chapter", CHAPTERS or ["(no built site)"])
def test_every_chapter_has_three_to_six_self_checks_that_work(kept_page, chapter):
    page, log = kept_page(chapter, "practice")
    checks = page.locator(".nl-practice[data-practice=check]")
    assert 3 <= checks.count() <= 6, f"{chapter}: {checks.count()} self-checks"
    for i in range(checks.count()):
        root = checks.nth(i)
        assert root.locator("form").count() == 1, "the module did not mount on this self-check"
        assert root.locator(".nl-feedback[aria-live=polite]").count() == 1
        assert not root.locator("details.nl-answer").evaluate("d => d.open"), "the answer shows before it is asked for"
    assert log.page_errors == [] and log.console_errors == [] and log.blocked == []


def test_a_numeric_self_check_says_right_wrong_and_unreadable(open_page):
    page, log = open_page(CHAPTER_1)
    root = _numeric_checks(page).first
    root.scroll_into_view_if_needed()
    answer = read_number(re.match(r"Answer: (\S+) ", _answer(root)).group(1))
    status, text = _submit(root, "12,5")
    assert (status, text.startswith("Not yet")) == ("wrong", True) and "too high" in text, text
    status, text = _submit(root, "-12")
    assert status == "wrong" and "too low" in text, text
    status, text = _submit(root, "z = 3")
    assert status == "unreadable" and "without “z =”" in text, text
    status, text = _submit(root, "4//5")
    assert status == "unreadable" and "Cannot read your answer" in text, text
    assert not root.locator("details.nl-answer").evaluate("d => d.open")
    # the right answer, typed the way a person might: a leading +, spaces, a decimal comma
    status, text = _submit(root, " + " + f"{answer:.4f}".replace(".", ","))
    assert status == "right" and text.startswith("Right"), text
    assert root.locator("details.nl-answer").evaluate("d => d.open"), "a right answer shows the working"
    assert log.page_errors == []


def test_multiple_choice_explains_the_wrong_choice_and_accepts_the_right_one(open_page):
    page, _ = open_page(CHAPTER_1)
    root = page.locator(".nl-practice[data-practice=check]:has(input[type=radio])").first
    correct = re.match(r"Answer: “(.+?)”\.", _answer(root)).group(1)
    labels = root.locator("fieldset label")
    texts = [labels.nth(i).text_content().strip() for i in range(labels.count())]
    wrong = next(t for t in texts if t != correct)
    root.locator("button.nl-check").click()
    assert root.locator(".nl-feedback").get_attribute("data-status") == "unreadable"
    root.get_by_label(wrong).check()
    root.locator("button.nl-check").press("Enter")
    feedback = root.locator(".nl-feedback")
    assert feedback.get_attribute("data-status") == "wrong" and feedback.text_content().startswith("Not this one:")
    root.get_by_label(correct).check()
    root.locator("button.nl-check").click()
    assert feedback.get_attribute("data-status") == "right" and feedback.text_content().startswith("Right.")


def test_a_prediction_is_made_once_and_shown_next_to_the_result(open_page):
    page, _ = open_page(CHAPTER_1)
    root = page.locator(".nl-practice[data-practice=predict]").first
    status, text = _submit(root, "ten")
    assert status == "unreadable"
    status, text = _submit(root, "0.1")
    assert status == "predicted" and text.startswith("You predicted 0.1. The result is "), text
    assert root.locator("input[type=text]").is_disabled()
    assert root.locator("details.nl-answer").evaluate("d => d.open")


def test_what_a_reader_types_never_reaches_the_page_as_html(open_page):
    page, log = open_page(CHAPTER_1)
    root = _numeric_checks(page).first
    status, text = _submit(root, '<img src=x onerror="window.__typed=1">')
    assert status == "unreadable" and "<img" in text
    page.wait_for_timeout(200)
    assert root.locator("img").count() == 0
    assert page.evaluate("window.__typed") is None
    assert log.page_errors == [] and log.blocked == []


def test_a_self_check_works_from_disk(open_page):
    page, log = open_page(CHAPTER_1, base=SITE.as_uri())
    root = _numeric_checks(page).first
    root.locator("form").wait_for(timeout=15000)
    assert _submit(root, "1e9")[0] == "wrong"
    assert log.page_errors == [] and log.blocked == []


def _axe_light_and_dark(page, include: str) -> list[dict]:
    """axe-core on the ``include`` selectors, in the light colours and then the dark ones."""
    if not AXE.exists():
        raise RuntimeError("axe-core is missing: run `npm ci` (make test does it).")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    results = []
    for scheme in ("light", "dark"):
        set_colour_scheme(page, scheme)
        results.append(page.evaluate(f"async () => await axe.run({{include: {include}}}, {{resultTypes: ['violations']}})"))
    set_colour_scheme(page, "light")
    return results


def _serious(results: list[dict]) -> list[str]:
    return [f"{v['id']}: {v['help']} -> {v['nodes'][0]['target']}" for r in results for v in r["violations"]
            if v["impact"] in ("serious", "critical")]


def test_no_serious_accessibility_violations_in_the_feedback_states(open_page):
    """axe-core, light and dark, on the self-checks showing right, wrong and unreadable."""
    page, _ = open_page(CHAPTER_1)
    checks = _numeric_checks(page)
    for i, text in enumerate(["0.123", "what", "-7"]):
        _submit(checks.nth(i % checks.count()), text)
    assert _serious(_axe_light_and_dark(page, "[['.nl-practice']]")) == []


# --------------------------------------------------------------------------- slider challenges

#: The slider labels (as the explorers write them, before " = ") of a challenge's solution keys.
SLIDERS = {"weights": lambda kind, n: [f"w{i + 1}" for i in range(n)],
           "biases": lambda kind, n: [f"b{i + 1}" for i in range(n)],
           "output_weights": lambda kind, n: [f"c{i + 1}" for i in range(n)],
           "output_bias": lambda kind, n: ["c0 (output bias)"],
           "bias": lambda kind, n: ["b"], "z": lambda kind, n: ["z"], "step": lambda kind, n: ["step"],
           "learning_rate": lambda kind, n: ["learning rate"],
           "c": lambda kind, n: [f"output: c{i + 1}" for i in range(n)]}


def _slider(explorer, label: str):
    text = explorer.page.locator("span", has_text=re.compile(rf"^{re.escape(label)} = "))
    return explorer.locator("label").filter(has=text).locator("input[type=range]").first


def _move(slider, target: float) -> None:
    """Move a slider to ``target`` by keyboard only: Home or End at its ends, arrows between."""
    lo, hi, step = (float(slider.get_attribute(a)) for a in ("min", "max", "step"))
    slider.focus()
    if abs(target - hi) < 1e-9 or abs(target - lo) < 1e-9:
        slider.press("End" if abs(target - hi) < 1e-9 else "Home")
        return
    n = round((target - float(slider.input_value())) / step)
    for _ in range(abs(n)):
        slider.page.keyboard.press("ArrowRight" if n > 0 else "ArrowLeft")
    assert abs(float(slider.input_value()) - target) < 1e-9


def _solution(root) -> dict[str, list[float]]:
    """The challenge's "One solution: bias = 2; weights = (2, -2)." as {key: [numbers]}."""
    text = root.locator("details.nl-answer p").first.text_content()
    parts = text.removeprefix("One solution: ").rstrip(".").split("; ")
    return {k: [float(v) for v in t.strip("()").split(", ")] for k, t in (p.split(" = ") for p in parts)}


def _solve_by_keyboard(root) -> None:
    explorer = root.locator("xpath=preceding::div[contains(@class, 'nl-explorer')][1]")
    kind = explorer.get_attribute("data-explorer")
    for key, values in _solution(root).items():
        if key == "hidden":  # the playground: how many layers, then the units of each
            _move(_slider(explorer, "hidden layers"), len(values))
            for i, units in enumerate(values):
                _move(_slider(explorer, f"units in layer {i + 1}"), units)
            continue
        for label, value in zip(SLIDERS[key](kind, len(values)), values):
            _move(_slider(explorer, label), value)


@pytest.mark.parametrize("chapter", CHAPTERS or ["(no built site)"])
def test_every_chapter_has_a_challenge_a_reader_solves_by_keyboard(kept_page, chapter):
    page, log = kept_page(chapter, "practice")
    challenges = page.locator(".nl-challenge")
    assert challenges.count() >= 1, f"{chapter} has no challenge"
    root = challenges.first
    root.scroll_into_view_if_needed()
    feedback = root.locator(".nl-feedback[role=status]")
    assert root.get_attribute("data-solved") == "false" and "goals met" in feedback.text_content()
    hint = root.locator(".nl-hint-text")
    assert hint.is_hidden()
    root.get_by_role("button", name="Show a hint").press("Enter")
    assert hint.is_visible() and hint.text_content().startswith("Hint: ")
    _solve_by_keyboard(root)
    expect_solved = root.locator("xpath=self::*[@data-solved='true']")
    expect_solved.wait_for(timeout=15000)
    assert feedback.text_content() == "Solved: every goal is met."
    assert root.locator("li[data-met=false]").count() == 0
    assert re.match(r"1 of \d+ solved on this page", page.locator(".nl-progress").text_content())
    assert log.page_errors == [] and log.console_errors == [] and log.blocked == []


def test_progress_is_kept_on_reload_and_cleared_on_request(open_page):
    page, log = open_page(CHAPTER_1)
    progress = page.locator(".nl-progress-text")
    total = int(re.match(r"0 of (\d+) solved", progress.text_content()).group(1))
    assert total == page.locator(".nl-practice[data-practice=check], .nl-challenge").count()
    root = _numeric_checks(page).first
    answer = re.match(r"Answer: (\S+) ", _answer(root)).group(1)
    assert _submit(root, answer)[0] == "right"
    assert progress.text_content().startswith(f"1 of {total} solved")
    page.reload()
    assert page.locator(".nl-progress-text").text_content().startswith(f"1 of {total} solved")
    assert _numeric_checks(page).first.locator(".nl-solved-before").count() == 1
    stored = page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('inside-the-neuron:progress:'))")
    assert stored == ["inside-the-neuron:progress:" + CHAPTER_1.split("/")[-1]]
    page.get_by_role("button", name=re.compile("^Clear my progress")).click()
    assert page.locator(".nl-progress-text").text_content().startswith(f"0 of {total} solved")
    page.reload()
    assert page.locator(".nl-progress-text").text_content().startswith(f"0 of {total} solved")
    assert page.locator(".nl-solved-before").count() == 0
    assert log.page_errors == [] and log.blocked == []


def test_with_storage_switched_off_everything_but_progress_works(open_page):
    page, log = open_page(CHAPTERS[1] if len(CHAPTERS) > 1 else CHAPTER_1)
    page.context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new Error('storage off'); }});")
    # the theme's own scripts fail without storage; none of the book's (functions nl..., render) may
    stacks = []
    page.on("pageerror", lambda e: stacks.append(e.stack or str(e)))
    page.reload()
    assert page.evaluate("(() => { try { localStorage; return 'on'; } catch (e) { return 'off'; } })()") == "off"
    assert page.locator(".nl-progress").count() == 0
    root = page.locator(".nl-challenge").first
    root.scroll_into_view_if_needed()
    _solve_by_keyboard(root)
    root.locator("xpath=self::*[@data-solved='true']").wait_for(timeout=15000)
    check = _numeric_checks(page).first
    answer = re.match(r"Answer: (\S+) ", _answer(check)).group(1)
    assert _submit(check, answer)[0] == "right"
    ours = [s for s in stacks if re.search(r"^\s+at (nl\w+|render) ", s, re.M)]
    assert ours == [], stacks


def test_no_serious_accessibility_violations_in_a_challenge(open_page):
    """axe-core, light and dark, on a challenge not yet solved (its hint shown) and solved (its
    solution shown, the progress counted)."""
    page, _ = open_page(CHAPTERS[1] if len(CHAPTERS) > 1 else CHAPTER_1)
    include = "[['.nl-challenge'], ['.nl-progress']]"
    root = page.locator(".nl-challenge").first
    root.get_by_role("button", name="Show a hint").click()
    results = _axe_light_and_dark(page, include)            # not yet solved, hint shown
    _solve_by_keyboard(root)
    root.locator("xpath=self::*[@data-solved='true']").wait_for(timeout=15000)
    root.locator("details.nl-answer summary").click()
    results += _axe_light_and_dark(page, include)           # solved, solution shown, progress counted
    assert _serious(results) == []
