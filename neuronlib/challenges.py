"""Slider challenges: "set the sliders so that ..." tasks, checked against an explorer's live state.

A challenge sits under an explorer. It states a task in words, lists its goals (the conditions
the explorer's state must meet), keeps a live score ("1 of 2 goals met", with each goal's
number now), reveals a hint on request, and says "Solved" when every goal is met. Goals are
declarative data, checked by :func:`evaluate` here and by ``nlChallengeResult`` in
``explorers/js/challenge.js`` (the same rule; ``tests/test_challenges.py`` holds both to random
states):

- :func:`on_line`: the explorer's line ``w·x + b = 0`` passes within ``tolerance`` of a point
  (its distance ``|w·x + b| / ‖w‖``; Chapter 2);
- :func:`fits`: a one-input network's curve is within ``within`` of target values everywhere on
  a grid of inputs (Chapter 4);
- :func:`readout`: a number in the explorer's figure in words (its facts, which the browser and
  neuronlib compute alike) lies between ``at_least`` and ``at_most``, e.g. a test loss;
- :func:`shows`: the facts say (or do not say) some words, e.g. "training diverged";
- :func:`setting`: a control is at a value (e.g. the activation is the sigmoid).

In Jupyter, Python observes the explorer's traits and sets the challenge's ``result``;
on the static page, the challenge finds its explorer's stand-in model in the page's registry
(``window.nlExplorers``, filled by ``nlMount``) and checks the goals in the browser
(``neuronlib/explorers/README.md``, "Challenges", says why).

:func:`challenge` refuses a challenge that the explorer's state already solves, and one whose
``solution`` (a state the notebook computed with neuronlib) does not solve it: every challenge
in the book is solvable and not solved from the start.

Introduced in: Chapter 1 (What a neuron computes), under the explorer ("Try this").

>>> from neuronlib.explorers import explore_hyperplane
>>> ex = explore_hyperplane(weights=(1, -1), bias=0.5)
>>> c = challenge(ex, "Make the line pass through (1, 2).", [on_line((1, 2), 0.05)],
...               hint="Only b has to move.", solution={"bias": 1.0})
>>> c.result["score"]
'0 of 1 goals met'
>>> ex.bias = 1.0
>>> c.result["solved"]
True
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

import numpy as np
import traitlets as t

from neuronlib.explorers.base import Explorer, _escape_html, _json_for_script, _read, fmt, number, vector

# --------------------------------------------------------------------------- goals (plain data)

#: A number as the explorers print it (``js/format.js``): 0.354, -2, 1.5e+80.
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[+-]\d+)?")


def _words(name: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"{name} must be some words (a non-empty str), got {value!r}")
    return value.strip()


def _bounds(at_least, at_most) -> dict:
    lo = None if at_least is None else number("at_least", at_least)
    hi = None if at_most is None else number("at_most", at_most)
    if lo is None and hi is None:
        raise ValueError("give at_least, at_most or both (the range the number must reach)")
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"at_least ({lo}) must not be above at_most ({hi})")
    return {"lo": lo, "hi": hi}


def on_line(point: Sequence[float], tolerance: float = 0.05, words: str | None = None) -> dict:
    """Goal: the explorer's line passes within ``tolerance`` of ``point`` (Chapter 2's distance
    ``|w·x + b| / ‖w‖``; no line at all when w = 0)."""
    p = vector("point", point, length=2)
    tol = number("tolerance", tolerance)
    if tol <= 0:
        raise ValueError(f"tolerance must be above 0, got {tol}")
    return {"kind": "distance", "point": p, "lo": None, "hi": tol,
            "words": words or f"The line passes through ({fmt(p[0])}, {fmt(p[1])})."}


def fits(x: Sequence[float], y: Sequence[float], within: float, words: str) -> dict:
    """Goal: a one-input ReLU network's output (``explore_network``) is within ``within`` of the
    target ``y`` at every input ``x`` (its largest error is at most ``within``)."""
    xs, ys = vector("x", x), vector("y", y)
    if len(xs) != len(ys):
        raise ValueError(f"x and y must be as long as each other, got {len(xs)} and {len(ys)}")
    return {"kind": "curve", "x": xs, "y": ys, "lo": None, "hi": number("within", within),
            "words": _words("words", words)}


def readout(after: str | Sequence[str], words: str, at_least: float | None = None,
            at_most: float | None = None) -> dict:
    """Goal: the number printed right after ``after`` in the explorer's facts lies in
    [at_least, at_most]. ``after`` may be a list of texts found one after the other
    (``["Point (1, 0)", "y = "]``). Not met when the facts have no such number."""
    texts = [after] if isinstance(after, str) else list(after)
    if not texts or not all(isinstance(a, str) and a.strip() for a in texts):
        raise TypeError(f"after must be some words or a list of them (found as they are, spaces too), got {after!r}")
    return {"kind": "readout", "after": texts, **_bounds(at_least, at_most), "words": _words("words", words)}


def shows(text: str, words: str, present: bool = True) -> dict:
    """Goal: the explorer's facts say ``text`` (or, with ``present=False``, do not)."""
    return {"kind": "shows", "text": _words("text", text), "present": bool(present), "words": _words("words", words)}


def setting(key: str, value: float | str, words: str) -> dict:
    """Goal: the explorer's control ``key`` is at ``value`` (numbers within 1e-9)."""
    if not isinstance(value, str):
        value = number(key, value)
    return {"kind": "setting", "key": _words("key", key), "value": value, "words": _words("words", words)}


# --------------------------------------------------------------------------- checking them


def _number_after(facts: str, after: list[str]) -> float | None:
    at = 0
    for text in after:
        found = facts.find(text, at)
        if found < 0:
            return None
        at = found + len(text)
    m = _NUMBER.match(facts, at)
    return float(m.group()) if m else None


def _measure(goal: dict, state: Mapping, facts: str) -> float | None:
    """The number a goal compares (None when there is none to compare)."""
    kind = goal["kind"]
    if kind == "distance":
        w, b = np.asarray(state["weights"], dtype=float), float(state["bias"])
        norm = float(np.hypot(*w))
        return None if norm == 0 else abs(float(w @ goal["point"]) + b) / norm
    if kind == "curve":
        w, b, c = (np.asarray(state[k], dtype=float) for k in ("weights", "biases", "output_weights"))
        x = np.asarray(goal["x"], dtype=float)[:, None]
        out = np.maximum(0.0, x * w + b) @ c + float(state["output_bias"])
        return float(np.max(np.abs(out - np.asarray(goal["y"], dtype=float))))
    if kind == "readout":
        return _number_after(facts, goal["after"])
    return None


def _met(goal: dict, value: float | None, state: Mapping, facts: str) -> bool:
    kind = goal["kind"]
    if kind == "shows":
        return (goal["text"] in facts) == goal["present"]
    if kind == "setting":
        now, want = state[goal["key"]], goal["value"]
        return now == want if isinstance(want, str) else abs(float(now) - want) <= 1e-9
    if value is None or math.isnan(value):
        return False
    return (goal["lo"] is None or value >= goal["lo"]) and (goal["hi"] is None or value <= goal["hi"])


def evaluate(goals: list[dict], state: Mapping, facts: str) -> dict:
    """Which goals ``state`` (the explorer's values) and ``facts`` (its figure in words, joined
    by spaces) meet: ``{"met": [bool], "values": [number or None], "score", "solved"}``.
    ``nlChallengeResult`` in js/challenge.js is the same rule."""
    values = [_measure(g, state, facts) for g in goals]
    met = [_met(g, v, state, facts) for g, v in zip(goals, values)]
    n = sum(met)
    return {"met": met, "values": values, "solved": n == len(goals),
            "score": "Solved: every goal is met." if n == len(goals) else f"{n} of {len(goals)} goals met"}


def _twin(explorer: Explorer, state: Mapping) -> Explorer:
    """A copy of ``explorer``'s values with ``state`` set (checked by the traits' own rules),
    that talks to no front end: for checking a solution without moving the reader's sliders."""
    twin = t.HasTraits.__new__(type(explorer))
    twin._trait_values = dict(explorer._trait_values)
    # no comm: a widget closes its comm when it is collected, and this one must not close the explorer's
    twin._trait_values["comm"] = None
    traits = explorer.traits()
    for key, value in state.items():
        if key not in explorer._state_keys:
            raise ValueError(f"unknown control {key!r}; this explorer has: {', '.join(explorer._state_keys)}")
        twin._trait_values[key] = traits[key].validate(explorer, value)
    return twin


def what_if(explorer: Explorer, **state) -> Explorer:
    """``explorer``'s figures as they would be with ``state`` set (e.g. ``step=800``), without
    moving the reader's sliders: for a challenge's target, computed from a state the chapter names.

    >>> from neuronlib.explorers import explore_neuron
    >>> ex = explore_neuron(inputs=(1.0, 2.0), weights=(0.5, -1.0), bias=0.0)
    >>> what_if(ex, bias=2.0).facts()[-1], ex.bias
    ('With the bias 2, z = 0.5 (positive); the output is relu(z) = 0.5.', 0.0)
    """
    return _twin(explorer, state)


def last_explorer(kind: str) -> Explorer:
    """The explorer of ``kind`` (e.g. ``"hyperplane"``) made last in this kernel: the one a
    chapter has just shown, for the challenge under it."""
    from neuronlib.explorers import EXPLORERS
    from neuronlib.explorers.base import _live

    if kind not in EXPLORERS:
        raise ValueError(f"unknown explorer kind {kind!r}; choose one of: {', '.join(EXPLORERS)}")
    found = [ex for ex in _live.values() if ex._kind == kind]
    if not found:
        raise ValueError(f"no {kind} explorer has been made yet: show one before its challenge")
    return found[-1]


def _state(explorer: Explorer) -> dict:
    return {key: getattr(explorer, key) for key in explorer._state_keys}


def _check(goals: list[dict], explorer: Explorer) -> dict:
    return evaluate(goals, _state(explorer), " ".join(explorer.facts()))


# --------------------------------------------------------------------------- the widget


def _module() -> str:
    """``js/format.js`` and ``js/controls.js`` (numbers, elements, buttons), the look and the
    progress shared with the self-checks, and ``js/challenge.js``: one ES module."""
    return "".join(_read(f) for f in ("format.js", "controls.js", "practice_style.js", "progress.js", "challenge.js"))


class Challenge(Explorer):
    """The widget behind :func:`challenge`. ``result`` is :func:`evaluate`'s answer for the
    explorer's state now (Python keeps it up to date in Jupyter).

    Introduced in: Chapter 1 (What a neuron computes).
    """

    _kind = "challenge"
    _esm = _module()
    _state_keys: ClassVar[tuple[str, ...]] = ("result",)
    result = t.Dict().tag(sync=True)

    def __init__(self, config: dict, explorer: Explorer):
        self._explorer = explorer
        super().__init__(config, result=_check(config["goals"], explorer))
        explorer.observe(self._update, names=list(explorer._state_keys))

    def check(self, state: Mapping | None = None) -> dict:
        """:func:`evaluate` for the explorer as it is, or with ``state`` set (without moving it)."""
        return _check(self._config["goals"], self._explorer if state is None else _twin(self._explorer, state))

    def _update(self, _change=None) -> None:
        self.result = self.check()

    def summary(self) -> str:
        goals = " ".join(g["words"] for g in self._config["goals"])
        return f"Challenge: {self._config['task']} {goals} Now: {self.result['score']}."

    def facts(self) -> list[str]:
        return [self.summary()]

    def to_html(self, dom_id: str | None = None) -> str:
        """The task, goals and hint as text (what a page without JavaScript and the printed
        book show), and the module that makes it a live challenge."""
        if dom_id is None:
            dom_id = f"nl-{self._kind}-{self._number}"
        cfg = self._config
        goals = "".join(f"<li>{_escape_html(g['words'])}</li>" for g in cfg["goals"])
        mount = (f"{_read('model.js')}render({{ model: nlStandInModel({_json_for_script(self.static_state())}), "
                 f'el: document.getElementById("{dom_id}") }});\n')
        return (f'<div id="{dom_id}" class="nl-practice nl-challenge" data-practice="challenge">'
                f'<p class="nl-question">Challenge: {_escape_html(cfg["task"])}</p><ul>{goals}</ul>'
                f'<details class="nl-hint-text"><summary>Show a hint</summary><p>{_escape_html(cfg["hint"])}</p>'
                f'</details></div>\n<script type="module">\n{self._esm}{mount}</script>\n')


def _solution_text(explorer: Explorer, solution: Mapping) -> str:
    def show(v):
        if isinstance(v, str):
            return v
        if isinstance(v, (list, tuple)):
            return "(" + ", ".join(show(x) for x in v) + ")"
        return fmt(v)
    return "One solution: " + "; ".join(f"{k} = {show(v)}" for k, v in solution.items()) + "."


def challenge(explorer: Explorer, task: str, goals: Sequence[dict], hint: str,
              solution: Mapping) -> Challenge:
    """A slider challenge under ``explorer``: ``task`` in words, ``goals`` (from :func:`on_line`,
    :func:`fits`, :func:`readout`, :func:`shows`, :func:`setting`), a ``hint`` shown on request
    and ``solution``, explorer values that solve it (computed by the notebook with neuronlib;
    shown last, on request). Raises ``ValueError`` if the explorer already solves it, or if the
    solution does not.

    Introduced in: Chapter 1 (What a neuron computes).
    """
    if not isinstance(explorer, Explorer) or explorer._kind in ("practice", "challenge"):
        raise TypeError(f"explorer must be one of neuronlib's explorers (explore_...), got {type(explorer).__name__}")
    goals = list(goals)
    if not goals or not all(isinstance(g, dict) and "kind" in g for g in goals):
        raise ValueError("goals must be a non-empty list of goals made by on_line, fits, readout, shows or setting")
    if not isinstance(solution, Mapping) or not solution:
        raise TypeError(f"solution must be a dict of the explorer's values that solve it, got {solution!r}")
    task, hint = _words("task", task), _words("hint", hint)
    key = hashlib.sha1(task.encode("utf-8")).hexdigest()[:12]
    config = {"task": task, "goals": goals, "hint": hint, "key": f"challenge-{key}",
              "target": f"nl-{explorer._kind}-{explorer._number}",
              "solution": _solution_text(explorer, solution)}
    made = Challenge(config, explorer)
    if made.result["solved"]:
        raise ValueError(f"the explorer already solves this challenge as it starts: {task}")
    if not made.check(solution)["solved"]:
        raise ValueError(f"the solution {dict(solution)!r} does not solve the challenge: {task}")
    return made


__all__ = ["Challenge", "challenge", "evaluate", "fits", "last_explorer", "on_line", "readout", "setting", "shows",
           "what_if"]
