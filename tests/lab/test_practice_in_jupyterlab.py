"""A self-check in a real JupyterLab with a kernel: typed answers get the same feedback as on the
website (the same module runs on the live widget), and Python sees what the reader answered."""

from __future__ import annotations

import re

import nbformat
from test_jupyterlab import _run_cell, _url, _wait_for_idle_kernel, lab, lab_browser, lab_page  # noqa: F401 (fixtures)

CELLS = [
    "from neuronlib.practice import check\n"
    "c = check('What is 3/4 as a decimal?', answer=0.75, tolerance=0.01, working='3 / 4 = 0.75')\nc",
    "print(f'Python sees: {c.response!r}, {c.status!r}')",
]


def _open_new_notebook(lab, page, name: str, cells: list[str]):
    """Write a notebook of ``cells``, open it in JupyterLab and run its first cell."""
    base, token, root = lab
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / name)
    page.goto(_url(base, token, name))
    _wait_for_idle_kernel(page)
    _run_cell(page, 0)
    return page


def test_a_self_check_answers_back_in_jupyterlab_and_python_sees_the_answer(lab, lab_page):
    from playwright.sync_api import expect

    page = _open_new_notebook(lab, lab_page, "practice.ipynb", CELLS)
    widget = page.locator(".jp-OutputArea .nl-practice[data-practice=check]")
    expect(widget.locator("form")).to_be_visible(timeout=60000)
    field = widget.locator("input[type=text]")
    feedback = widget.locator(".nl-feedback")
    for typed, status, words in [("4/5", "wrong", "Not yet: 4/5 is too high."),
                                 ("three quarters", "unreadable", "Cannot read your answer:"),
                                 (" .75 ", "right", "Right: .75 is within 0.01 of the answer.")]:
        field.fill(typed)
        field.press("Enter")
        expect(feedback).to_have_attribute("data-status", status, timeout=10000)
        assert feedback.text_content().startswith(words), feedback.text_content()
    assert widget.locator("details.nl-answer").evaluate("d => d.open")
    _run_cell(page, 1)
    said = page.locator(".jp-OutputArea-output", has_text="Python sees")
    expect(said).to_be_visible(timeout=30000)
    assert re.search(r"Python sees: ' \.75 ', 'right'", said.inner_text()), said.inner_text()
    assert page.get_by_text("Error displaying widget").count() == 0
    assert page.errors == [], page.errors


CHALLENGE_CELLS = [
    "from IPython.display import display\n"
    "from neuronlib.challenges import challenge, on_line\n"
    "from neuronlib.explorers import explore_hyperplane\n"
    "ex = explore_hyperplane(weights=(1, -1), bias=0.5)\n"
    "c = challenge(ex, 'Make the line pass through (1, 2).', [on_line((1, 2))], hint='Move b.',\n"
    "              solution={'bias': 1.0})\n"
    "display(ex, c)",
    "print(f'Python sees: solved {c.result[\"solved\"]}')",
    "ex.bias = 0.5",
]


def test_a_challenge_follows_the_live_widget_in_jupyterlab(lab, lab_page):
    from playwright.sync_api import expect

    page = _open_new_notebook(lab, lab_page, "challenge.ipynb", CHALLENGE_CELLS)
    widget = page.locator(".jp-OutputArea .nl-challenge")
    expect(widget).to_be_visible(timeout=60000)
    expect(widget.locator(".nl-feedback")).to_have_text("0 of 1 goals met", timeout=10000)
    bias = page.locator(".jp-OutputArea .nl-explorer input[type=range][aria-valuetext^='b =']")
    expect(bias).to_have_count(1, timeout=60000)
    bias.focus()
    for _ in range(10):  # 0.5 -> 1 by keyboard: the line then passes through (1, 2)
        bias.press("ArrowRight")
    expect(widget.locator(".nl-feedback")).to_have_text("Solved: every goal is met.", timeout=30000)
    _run_cell(page, 1)
    expect(page.locator(".jp-OutputArea-output", has_text="Python sees: solved True")).to_be_visible(timeout=30000)
    _run_cell(page, 2)  # Python moves the slider back: the challenge follows
    expect(widget.locator(".nl-feedback")).to_have_text("0 of 1 goals met", timeout=30000)
    assert page.get_by_text("Error displaying widget").count() == 0
    assert page.errors == [], page.errors
