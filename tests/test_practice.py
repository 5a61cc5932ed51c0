"""Self-checks (neuronlib.practice): the browser reads a reader's number by one rule, written in
JavaScript (the static site has no Python) and again in Python; both are held to one table of
what people type. The grader's verdicts, the Python side's input checks, and the chapters' use
("Check yourself", 3 to 6 self-checks per chapter) are checked here too."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from neuronlib.practice import SelfCheck, Unreadable, check, choose, predict, read_number

ROOT = Path(__file__).resolve().parents[1]
DRIVER = Path(__file__).with_name("js") / "practice_driver.js"

#: What a person may type, and what it means: a number, or the code of the reason it is unreadable.
TABLE = [
    ("0.8", 0.8), (".8", 0.8), ("4/5", 0.8), ("-1.25e0", -1.25), ("+0.8", 0.8), ("  0.8 ", 0.8),
    ("0,8", 0.8), ("\u22120.8", -0.8), ("- 0.8", -0.8), ("4 / 5", 0.8), ("8e-1", 0.8), ("1.", 1.0),
    ("-.5", -0.5), ("+.5e1", 5.0), ("\uff10.\uff18", 0.8), ("0,125", 0.125), ("-3/4", -0.75),
    ("3/-4", -0.75), ("1/3", 1 / 3), ("\u00bd", 0.5), ("1E2", 100.0), ("0", 0.0), ("-0", -0.0),
    ("1,5/3", 0.5), ("7", 7.0),
    ("", "empty"), ("   ", "empty"), ("abc", "not-a-number"), ("0.8.1", "not-a-number"),
    ("80%", "percent"), ("z = 0.8", "name"), ("z=0.8", "name"), ("1 000", "space"), ("0.8 0.3", "space"),
    ("1,000", "comma"), ("-2,500", "comma"), ("1/0", "zero"), ("1/0.0", "zero"), ("1/2/3", "fraction"),
    ("/5", "missing"), ("5/", "missing"), ("1e999", "too-large"), ("1e300/1e-300", "too-large"),
    ("<img src=x onerror=alert(1)>", "not-a-number"), ("0x10", "not-a-number"),
    ("Infinity", "not-a-number"), ("NaN", "not-a-number"), ("1e", "not-a-number"),
    ("e5", "not-a-number"), ("--1", "not-a-number"), ("1_000", "not-a-number"),
    ("\u0663", "not-a-number"), ("x" * 50, "too-long"), ("1..2", "not-a-number"), (".", "not-a-number"),
]


def run_js(job: dict) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to test the self-checks' JavaScript (apt-get install nodejs)")
    source = SelfCheck._esm + DRIVER.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "practice_driver.mjs"
        path.write_text(source, encoding="utf-8")
        done = subprocess.run([node, str(path)], input=json.dumps(job), capture_output=True,
                              text=True, timeout=60, check=False)
    assert done.returncode == 0, f"node failed:\n{done.stderr}"
    return json.loads(done.stdout)


def _python(text):
    try:
        return {"value": read_number(text)}
    except Unreadable as err:
        return {"error": err.code, "message": str(err)}


def test_python_reads_the_table():
    for text, want in TABLE:
        got = _python(text)
        if isinstance(want, str):
            assert got.get("error") == want, (text, got)
            assert got["message"].endswith((".", "”.")) and len(got["message"]) > 20, got
        else:
            assert got.get("value") == pytest.approx(want, abs=1e-15), (text, got)


def test_the_browser_reads_every_entry_exactly_as_python_does():
    texts = [text for text, _ in TABLE]
    got = run_js({"read": texts})["read"]
    for text, js in zip(texts, got):
        py = _python(text)
        if "value" in py:
            assert js == {"value": py["value"]} or (py["value"] == 0 and js.get("value") == 0), (text, js, py)
        else:
            assert js == py, (text, js, py)


def test_docstring_examples():
    import doctest

    from neuronlib import practice

    assert doctest.testmod(practice).failed == 0


def test_read_number_wants_text():
    with pytest.raises(TypeError, match="must be a string"):
        read_number(0.8)


# --------------------------------------------------------------------------- the grader


def _grade(widget, *responses):
    return run_js({"grade": [{"config": widget._config, "response": r} for r in responses]})["grade"]


def test_a_number_is_right_within_the_tolerance_and_wrong_outside_saying_which_way():
    c = check("What is z?", answer=0.75, tolerance=0.01)
    right, edge, high, low, unreadable = _grade(c, "3/4", "0.76", "0.8", "-0.75", "3/4 or so")
    assert right["status"] == "right" and edge["status"] == "right"
    assert high["status"] == "wrong" and "too high" in high["message"]
    assert low["status"] == "wrong" and "too low" in low["message"]
    assert unreadable["status"] == "unreadable"
    assert unreadable["message"] == "Cannot read your answer: " + str(_python("3/4 or so")["message"])


def test_multiple_choice_explains_every_choice():
    c = choose("Which is linear?", {"relu": "It bends at 0.", "identity": "f(z) = z.", "step": "It jumps."},
               answer="identity")
    right, wrong, other, none = _grade(c, "identity", "relu", "step", "")
    assert right == {"status": "right", "message": "Right. f(z) = z."}
    assert wrong["status"] == "wrong" and "It bends at 0." in wrong["message"]
    assert other["status"] == "wrong" and "It jumps." in other["message"]
    assert none["status"] == "unreadable"


def test_a_prediction_shows_the_guess_next_to_the_result():
    p = predict("sigmoid(0)?", answer=0.5, tolerance=0.05)
    close, far, unreadable = _grade(p, "0.52", "1", "half")
    assert close["status"] == "predicted" and close["right"] and "0.52" in close["message"]
    assert far["status"] == "predicted" and not far["right"] and "0.5" in far["message"]
    assert unreadable["status"] == "unreadable"
    pc = predict("Which way?", answer="up", choices={"up": "z grows.", "down": "z falls."})
    (guess,) = _grade(pc, "down")
    assert guess["status"] == "predicted" and "“up”" in guess["message"] and "z falls." in guess["message"]


# --------------------------------------------------------------------------- the Python side


@pytest.mark.parametrize("call, error, words", [
    (lambda: check("", answer=1), ValueError, "question must not be empty"),
    (lambda: check(3, answer=1), TypeError, "question must be text"),
    (lambda: check("q", answer="0.8"), TypeError, "answer must be a number"),
    (lambda: check("q", answer=float("nan")), ValueError, "answer"),
    (lambda: check("q", answer=True), TypeError, "answer"),
    (lambda: check("q", answer=1, tolerance=-0.1), ValueError, "tolerance must be above 0"),
    (lambda: check("q", answer=1, working=None), TypeError, "working must be text"),
    (lambda: choose("q", ["a", "b"], answer="a"), TypeError, "choices must be a dict"),
    (lambda: choose("q", {"a": "x"}, answer="a"), ValueError, "at least 2 choices"),
    (lambda: choose("q", {"a": "x", "b": "y"}, answer="c"), ValueError, "answer must be one of the choices"),
    (lambda: choose("q", {"a": "x", "b": ""}, answer="a"), ValueError, "explanation of 'b' must not be empty"),
    (lambda: choose("q", {"a": "x", " a ": "y"}, answer="a"), ValueError, "read the same"),
    (lambda: predict("q", answer=None), TypeError, "answer must be a number"),
])
def test_bad_input_gets_a_clear_error(call, error, words):
    with pytest.raises(error, match=re.escape(words)):
        call()


def test_the_page_shows_the_question_and_hides_the_answer_in_a_drop_down():
    c = check("Is <b>this</b> & that 1?", answer=1.0, working="w <script>")
    html = c.to_html("nl-x")
    assert "<b>" not in html.split("<script")[0] and "&lt;b&gt;this&lt;/b&gt; &amp; that" in html
    assert '<details class="nl-answer"><summary>Show the answer</summary><p>Answer: 1 ' in html
    assert html.count("<script") == 1 and "\\u003cscript" in html  # the working, inside the JSON
    bundle, _ = c._repr_mimebundle_()
    assert bundle["text/plain"] == "Self-check: Is <b>this</b> & that 1? (type a number)"
    assert "1" not in bundle["text/plain"].replace("that 1?", "")


def test_the_answer_is_printed_to_the_tolerance():
    assert check("q", answer=2 / 3, tolerance=0.01).solution() == "Answer: 0.667 (anything within 0.01 counts)."
    assert check("q", answer=2 / 3, tolerance=1e-5).solution().startswith("Answer: 0.66667 ")


# --------------------------------------------------------------------------- the chapters

CHAPTERS = sorted((ROOT / "notebooks").glob("0*.ipynb"))


def _check_cells(path: Path) -> tuple[int, int]:
    """(self-checks in the chapter's "Check yourself" section, where it starts)"""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    start = next((i for i, c in enumerate(cells) if c["cell_type"] == "markdown"
                  and re.search(r"^## Check yourself", "".join(c["source"]), re.M)), None)
    assert start is not None, f"{path.name} has no '## Check yourself' section"
    calls = 0
    for cell in cells[start:]:
        if cell["cell_type"] == "markdown" and re.search(r"^## (?!Check yourself)", "".join(cell["source"]), re.M):
            break
        if cell["cell_type"] == "code":
            calls += len(re.findall(r"^(?:check|choose)\(", "".join(cell["source"]), re.M))
    return calls, start


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_chapter_ends_with_three_to_six_self_checks(path):
    calls, _ = _check_cells(path)
    assert 3 <= calls <= 6, f"{path.name}: {calls} self-checks under 'Check yourself' (3 to 6 wanted)"
