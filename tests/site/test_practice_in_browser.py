"""The self-checks on the built website answer back: a reader types answers (by keyboard) and
sees right, wrong and unreadable feedback; multiple choice explains each choice; a prediction
shows the guess next to the result; nothing typed reaches the page as HTML; it all works from
file:// too, and axe finds nothing serious in the feedback states."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
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
def test_every_chapter_has_three_to_six_self_checks_that_work(open_page, chapter):
    page, log = open_page(chapter)
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations_in_the_feedback_states(open_page, scheme):
    if not AXE.exists():
        raise RuntimeError("axe-core is missing: run `npm ci` (make test does it).")
    page, _ = open_page(CHAPTER_1, color_scheme=scheme)
    page.evaluate(f"document.documentElement.dataset.theme = '{scheme}'")
    checks = _numeric_checks(page)
    for i, text in enumerate(["0.123", "what", "-7"]):
        _submit(checks.nth(i % checks.count()), text)
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run({include: [['.nl-practice']]}, {resultTypes: ['violations']})")
    serious = [f"{v['id']}: {v['help']} -> {v['nodes'][0]['target']}" for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
