"""A self-check in a real JupyterLab with a kernel: typed answers get the same feedback as on the
website (the same module runs on the live widget), and Python sees what the reader answered."""

from __future__ import annotations

import re

import nbformat
from test_jupyterlab import _run_cell, _url, _wait_for_idle_kernel, lab, lab_page  # noqa: F401 (fixtures)

CELLS = [
    "from neuronlib.practice import check\n"
    "c = check('What is 3/4 as a decimal?', answer=0.75, tolerance=0.01, working='3 / 4 = 0.75')\nc",
    "print(f'Python sees: {c.response!r}, {c.status!r}')",
]


def test_a_self_check_answers_back_in_jupyterlab_and_python_sees_the_answer(lab, lab_page):
    from playwright.sync_api import expect

    base, token, root = lab
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / "practice.ipynb")
    page = lab_page
    page.goto(_url(base, token, "practice.ipynb"))
    _wait_for_idle_kernel(page)
    _run_cell(page, 0)
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
