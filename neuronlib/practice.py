"""Practice that answers back: self-checks and predictions, checked in the reader's browser.

``check`` asks for a number and accepts what a person types (``0.8``, ``.8``, ``4/5``,
``-1.25e0``, ``+0.8``, ``0,8``), right when it is within ``tolerance`` of the answer; an answer
it cannot read is not marked wrong: the reader is told what is wrong with it. ``choose`` is
multiple choice with an explanation for every choice, the wrong ones included. ``predict`` asks
for a guess before a result is shown, then shows the result next to the guess. The answer stays
hidden until the reader answers or asks ("Show the answer", which shows the working too).

The notebook computes every answer and explanation with neuronlib when it runs; nothing is typed
by hand. Each call returns a widget built as the explorers are (``neuronlib/explorers/README.md``,
"Self-checks"): one ES module, ``explorers/js/practice.js``, that JupyterLab runs on the live
widget and the static website on a stand-in model, with no kernel and no network. The browser
grades; :func:`read_number` is the reader's-number rule written again in Python, and the tests
hold both to one table.

Introduced in: Chapter 1 (What a neuron computes), at "Check yourself".

>>> z = 1.5 * 2.0 + (-2.0) * 1.0 + 0.5
>>> print(check("What is z?", answer=z, tolerance=0.01, working="z = 1.5·2 - 2·1 + 0.5"))
Self-check: What is z? (type a number)
>>> read_number("4/5"), read_number(" .8 "), read_number("-1,25e0")
(0.8, 0.8, -1.25)
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Mapping
from typing import ClassVar

import traitlets as t

from neuronlib.explorers.base import Explorer, _escape_html, _json_for_script, _read, fmt, number

# --------------------------------------------------------------------------- reading a number

_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_HOW = "Write it like 0.8, .8, 4/5 or -1.25e0."


class Unreadable(ValueError):
    """What :func:`read_number` raises for text that is not a number; ``code`` names the
    problem (the same codes as ``nlReadNumber`` in ``practice.js``)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def _read_part(part: str) -> float:
    p = re.sub(r"^([+-])\s+", r"\1", part.strip())
    if not p:
        raise Unreadable("missing", "A number is missing on one side of the /. " + _HOW)
    if p.endswith("%"):
        raise Unreadable("percent", "Write a percentage as a plain number (80% is 0.8).")
    if re.match(r"[A-Za-z_][\w']*\s*=", p, re.ASCII):
        raise Unreadable("name", f"Type only the number, without “{p.split('=')[0].strip()} =”.")
    if re.search(r"\s", p) and all(_NUMBER.fullmatch(w) for w in p.split()):
        raise Unreadable("space", f"There is a space inside “{p}”: type one number. " + _HOW)
    if re.fullmatch(r"[+-]?[1-9]\d{0,2},\d{3}", p, re.ASCII):
        raise Unreadable("comma", f"Is “{p}” a thousand and more, or a decimal? Write it without "
                                  "the comma, with a decimal point if it has one.")
    if re.fullmatch(r"[+-]?\d*,\d+([eE][+-]?\d+)?", p, re.ASCII):
        p = p.replace(",", ".", 1)
    if not _NUMBER.fullmatch(p) or not p.isascii():
        raise Unreadable("not-a-number", f"“{p}” is not a number. " + _HOW)
    value = float(p)
    if not math.isfinite(value):
        raise Unreadable("too-large", f"“{p}” is too large to be an answer here.")
    return value


def read_number(text: str) -> float:
    """A number as a person types it, or :class:`Unreadable` saying what is wrong with it.

    Accepted: ``0.8``, ``.8``, ``+0.8``, ``4/5``, ``-1.25e0``, ``0,8`` (a decimal comma),
    spaces around it or around the sign and the ``/``, a typographic minus ``−``. Refused, each
    with its reason: nothing, words, ``80%``, ``z = 0.8``, ``1 000``, ``1,000`` (a thousand, or
    one?), ``1/0``, ``1/2/3``, ``1e999``. The browser uses the same rule (``nlReadNumber``).

    >>> read_number("+.5e1")
    5.0
    >>> read_number("1/0")
    Traceback (most recent call last):
    ...
    neuronlib.practice.Unreadable: A fraction cannot have 0 below the line.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string (what the reader typed), got {type(text).__name__} {text!r}")
    s = unicodedata.normalize("NFKC", text)
    s = re.sub("[\u2212\u2012\u2013\ufe63\uff0d]", "-", s)
    s = re.sub("[\u2044\u2215\u00f7]", "/", s).strip()
    if not s:
        raise Unreadable("empty", "Type a number first. " + _HOW)
    if len(s) > 40:
        raise Unreadable("too-long", "That is too long for one number. " + _HOW)
    parts = s.split("/")
    if len(parts) > 2:
        raise Unreadable("fraction", "Use at most one /, as in 4/5.")
    values = [_read_part(p) for p in parts]
    if len(values) == 1:
        return values[0]
    if values[1] == 0:
        raise Unreadable("zero", "A fraction cannot have 0 below the line.")
    value = values[0] / values[1]
    if not math.isfinite(value):
        raise Unreadable("too-large", "That fraction is too large to be an answer here.")
    return value


# --------------------------------------------------------------------------- the widget


def _module() -> str:
    """``js/controls.js`` (for its element helper), the shared look and the page's progress
    (``js/practice_style.js``, ``js/progress.js``) and ``js/practice.js``: one ES module."""
    return _read("controls.js") + _read("practice_style.js") + _read("progress.js") + _read("practice.js")


class SelfCheck(Explorer):
    """The widget behind :func:`check`, :func:`choose` and :func:`predict`. ``response`` is
    what the reader last submitted and ``status`` how it was graded (``"right"``, ``"wrong"``,
    ``"unreadable"``, or ``"predicted"``), both set by the browser; Python can read and observe them.

    Introduced in: Chapter 1 (What a neuron computes).
    """

    _kind = "practice"
    _esm = _module()
    _state_keys: ClassVar[tuple[str, ...]] = ("response", "status")
    response = t.Unicode("").tag(sync=True)
    status = t.Unicode("").tag(sync=True)

    def summary(self) -> str:
        cfg = self._config
        head = "Prediction" if cfg["mode"] == "predict" else "Self-check"
        if cfg["kind"] == "choice":
            options = "; ".join(f"({chr(97 + i)}) {text}" for i, (text, _) in enumerate(cfg["choices"]))
            return f"{head}: {cfg['question']} {options}"
        return f"{head}: {cfg['question']} (type a number)"

    def solution(self) -> str:
        """The answer and its working, as "Show the answer" shows them."""
        return "\n".join(s for s in (self._config["answer_line"], self._config["working"]) if s)

    def to_html(self, dom_id: str | None = None) -> str:
        """The question, the answer in a drop-down (what a page without JavaScript shows, and
        what the printed book prints), and the module that makes it a self-check."""
        if dom_id is None:
            dom_id = f"nl-{self._kind}-{self._number}"
        cfg = self._config
        choices = ""
        if cfg["kind"] == "choice":
            choices = "<ul>" + "".join(f"<li>{_escape_html(text)}</li>" for text, _ in cfg["choices"]) + "</ul>"
        working = (f'<p class="nl-working" style="white-space:pre-line">{_escape_html(cfg["working"])}</p>'
                   if cfg["working"] else "")
        summary = "Show the result" if cfg["mode"] == "predict" else "Show the answer"
        mount = (f"{_read('model.js')}render({{ model: nlStandInModel({_json_for_script(self.static_state())}), "
                 f'el: document.getElementById("{dom_id}") }});\n')
        return (
            f'<div id="{dom_id}" class="nl-practice" data-practice="{cfg["mode"]}">'
            f'<p class="nl-question">{_escape_html(cfg["question"])}</p>{choices}'
            f'<details class="nl-answer"><summary>{summary}</summary>'
            f'<p>{_escape_html(cfg["answer_line"])}</p>{working}</details></div>\n'
            f'<script type="module">\n{self._esm}{mount}</script>\n'
        )


# --------------------------------------------------------------------------- argument checks


def _text(name: str, value: object, empty_ok: bool = False) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be text (a str), got {type(value).__name__} {value!r}")
    if not empty_ok and not value.strip():
        raise ValueError(f"{name} must not be empty")
    return value.strip()


def _tolerance(tolerance: object) -> float:
    tol = number("tolerance", tolerance)
    if not tol > 0:
        raise ValueError(f"tolerance must be above 0 (how far from the answer still counts as right), got {tol!r}")
    return tol


def _digits(tolerance: float) -> int:
    """Decimals enough to print an answer within ``tolerance`` of itself (rounding moves it at
    most half a unit of the last decimal), and never fewer than the book's usual 3."""
    return min(12, max(3, math.ceil(-math.log10(2 * tolerance))))


def _choices(choices: object, answer: object) -> list[list[str]]:
    if not isinstance(choices, Mapping):
        raise TypeError("choices must be a dict {choice: explanation}, got "
                        f"{type(choices).__name__} {choices!r}")
    if len(choices) < 2:
        raise ValueError(f"choices must offer at least 2 choices, got {len(choices)}")
    items = [[_text("each choice", c), _text(f"the explanation of {c!r}", e)] for c, e in choices.items()]
    if len({c for c, _ in items}) < len(items):
        raise ValueError("two choices read the same once their spaces are trimmed")
    if not isinstance(answer, str) or answer.strip() not in {c for c, _ in items}:
        raise ValueError(f"answer must be one of the choices ({', '.join(repr(c) for c, _ in items)}), "
                         f"got {answer!r}")
    return items


def _make(mode: str, question, answer, choices, tolerance, working) -> SelfCheck:
    config = {"mode": mode, "question": _text("question", question), "working": _text("working", working, True)}
    # a stable name for the reader's progress (js/progress.js): the same question, the same key
    config["key"] = f"{mode}-" + hashlib.sha1(config["question"].encode("utf-8")).hexdigest()[:12]
    word = "Result" if mode == "predict" else "Answer"
    if choices is None:
        value = number("answer", answer)
        tol = _tolerance(tolerance)
        digits = _digits(tol)
        config.update(kind="number", answer=value, tolerance=tol, answer_text=fmt(value, digits),
                      tolerance_text=fmt(tol, digits),
                      answer_line=f"{word}: {fmt(value, digits)} (anything within {fmt(tol, digits)} counts).")
    else:
        items = _choices(choices, answer)
        correct = answer.strip()
        explanation = dict(items)[correct]
        config.update(kind="choice", choices=items, correct=correct,
                      answer_line=f"{word}: “{correct}”. {explanation}")
    return SelfCheck(config)


def check(question: str, answer: float, tolerance: float = 0.005, working: str = "") -> SelfCheck:
    """A question whose answer is a number: right when the reader's number is within ``tolerance``.

    Introduced in: Chapter 1 (What a neuron computes). ``answer`` is computed with neuronlib by
    the notebook; ``working`` is how to get it (shown with the answer).

    >>> check("What is relu(-2)?", answer=0.0).solution()
    'Answer: 0 (anything within 0.005 counts).'
    >>> check("What is relu(-2)?", answer=0.0, tolerance=0)
    Traceback (most recent call last):
    ...
    ValueError: tolerance must be above 0 (how far from the answer still counts as right), got 0.0
    """
    return _make("check", question, answer, None, tolerance, working)


def choose(question: str, choices: Mapping[str, str], answer: str, working: str = "") -> SelfCheck:
    """Multiple choice: ``choices`` maps each choice to its explanation (why it is right, or
    why not); ``answer`` is the right one.

    Introduced in: Chapter 1 (What a neuron computes).

    >>> print(choose("Is relu(0) positive?", {"yes": "It is 0.", "no": "relu(0) = 0."}, answer="no"))
    Self-check: Is relu(0) positive? (a) yes; (b) no
    """
    return _make("check", question, answer, choices, None, working)


def predict(question: str, answer: float | str, choices: Mapping[str, str] | None = None,
            tolerance: float = 0.005, working: str = "") -> SelfCheck:
    """Predict, then reveal: the reader commits to a guess (a number, or one of ``choices``);
    then the result appears next to the guess, with ``working``. A guess is made once.

    Introduced in: Chapter 1 (What a neuron computes). Put it just before the explorer or
    the cell that shows the result.

    >>> print(predict("What will sigmoid(0) be?", answer=0.5))
    Prediction: What will sigmoid(0) be? (type a number)
    """
    return _make("predict", question, answer, choices, tolerance if choices is None else None, working)


__all__ = ["SelfCheck", "Unreadable", "check", "choose", "predict", "read_number"]
