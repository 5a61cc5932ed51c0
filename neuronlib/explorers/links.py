"""Links that carry an explorer's state: ``page.html#nl-hyperplane-1?weights=1,-1&bias=0.5&...``.

Introduced in: the reader's guide (How to use this book). Every explorer on the website has a
"Copy link" button (``js/links.js``); the link names the explorer (its element id) and every
value a reader can change, as ``key=value`` pairs: numbers as the browser prints them, lists
with ``,``, rows with ``;``. Opening it shows the explorer with those values, once each has
passed the same checks as here (:func:`read_link`, mirrored by ``nlLinkRead``); a link that does
not fit shows the starting values and a short notice. In Python, :func:`from_link` rebuilds the
explorer from such a link with neuronlib's usual checks.

>>> ex = from_link("gallery.html#nl-hyperplane-1?weights=2,0&bias=-1&activation=sigmoid&point=0.5,1")
>>> print(ex)
Hyperplane explorer: w = (2, 0), b = -1, activation = sigmoid; point (0.5, 1) has z = 0, output = 0.5, signed distance 0
>>> ex.link("gallery.html").split("?")[1]
'weights=2,0&bias=-1&activation=sigmoid&point=0.5,1'
"""

from __future__ import annotations

import inspect
import re
from decimal import Decimal

from neuronlib._checks import MAX_MAGNITUDE

from .base import Explorer, _link_spec, link_schema

#: A number as a link may write it (ASCII digits, as JavaScript's ``\\d``): no NaN, no infinity.
NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
WHOLE = re.compile(r"[+-]?[0-9]+")
#: The element id of an explorer on a page: ``nl-<kind>-<number>`` (``-<display>`` when shown twice).
ELEMENT = re.compile(r"nl-([a-z]+)-([0-9]+)(-[0-9]+)?")


class LinkError(ValueError):
    """A link that does not fit; ``key`` is the value it names wrongly ("" when no known one)."""

    def __init__(self, message: str, key: str = ""):
        super().__init__(message)
        self.key = key


def js_number(x: float) -> str:
    """``x`` as JavaScript's ``String(x)`` writes it (the shortest digits that read back as
    ``x``; exponent below 1e-6 and from 1e21), so links made in Python and in the browser match.

    >>> js_number(2.0), js_number(-0.5), js_number(1e-7), js_number(1.5e21), js_number(123e15)
    ('2', '-0.5', '1e-7', '1.5e+21', '123000000000000000')
    """
    if x == 0:
        return "0"
    sign, digits, exponent = Decimal(repr(float(x))).normalize().as_tuple()
    d = "".join(map(str, digits))
    k, n = len(d), len(d) + exponent
    if k <= n <= 21:
        body = d + "0" * (n - k)
    elif 0 < n <= 21:
        body = d[:n] + "." + d[n:]
    elif -6 < n <= 0:
        body = "0." + "0" * -n + d
    else:
        body = d[0] + ("." + d[1:] if k > 1 else "") + f"e{'+' if n > 0 else '-'}{abs(n - 1)}"
    return ("-" if sign else "") + body


def _text(value: object, kind: str) -> str:
    if kind == "m":
        return ";".join(",".join(js_number(v) for v in row) for row in value)
    if kind in "vl":
        return ",".join(js_number(v) for v in value)
    return value if kind == "s" else js_number(value)


def link_query(explorer: Explorer) -> str:
    """The part of the link after ``?``: every value a link carries, as ``key=value`` pairs."""
    keys = link_schema(explorer)["keys"]
    return "&".join(f"{key}={_text(getattr(explorer, key), spec['t'])}" for key, spec in keys)


def _fits(x: float, spec: dict) -> bool:
    return (not ("low" in spec and x < spec["low"] or "high" in spec and x > spec["high"]
                 or "above" in spec and x <= spec["above"]) and ("in" not in spec or x in spec["in"]))


def _value(text: str, spec: dict, limit: float):
    """The value ``text`` says for ``spec``, or ``None`` if it does not fit (as ``nlLinkValue``)."""
    def number(s: str, whole: bool):
        if not (WHOLE if whole else NUMBER).fullmatch(s):
            return None
        x = int(s) if whole else float(s)
        return x if abs(x) <= limit and _fits(x, spec) else None

    def numbers(s: str, whole: bool, length=None):
        items = [number(p, whole) for p in s.split(",")]
        ok = None not in items and (len(items) == length if length else len(items) <= spec.get("most", len(items)))
        return items if ok else None

    kind = spec["t"]
    if kind == "s":
        return text if "in" not in spec or text in spec["in"] else None
    if kind in "ni":
        return number(text, kind == "i")
    if kind in "vl":
        return numbers(text, kind == "l", spec.get("n"))
    rows = [numbers(r, False, spec["n"][1] if "n" in spec else None) for r in text.split(";")]
    ok = None not in rows and len(rows) == spec.get("n", [len(rows)])[0] and len({len(r) for r in rows}) == 1
    return rows if ok else None


def read_link(query: str, schema: dict) -> dict:
    """The values the query part of a link (after ``?``) says, checked against ``schema``
    (:func:`~neuronlib.explorers.base.link_schema`): every key once, each value as the explorer
    allows it. Raises :class:`LinkError` otherwise, naming the first value that does not fit."""
    keys, values = dict(schema["keys"]), {}
    for pair in query.split("&"):
        key, _, text = pair.partition("=")
        if key not in keys or key in values:
            raise LinkError(f"the link names {'a value twice' if key in values else 'an unknown value'} "
                            f"({key[:40]!r}); a link to this explorer has {', '.join(keys)}")
        values[key] = _value(text, keys[key], schema["max"])  # never decoded: a %-escape does not fit
        if values[key] is None:
            raise LinkError(f"the link's {key} {_expected(keys[key])}; got {text[:60]!r}", key)
    missing = [key for key in keys if key not in values]
    if missing:
        raise LinkError(f"the link lacks {', '.join(missing)}", missing[0])
    return values


def _expected(spec: dict) -> str:
    what = {"n": "must be a number", "i": "must be a whole number", "v": "must be numbers separated by ','",
            "m": "must be rows of numbers separated by ';'", "l": "must be whole numbers separated by ','",
            "s": "must be a name"}[spec["t"]]
    bounds = [f"{k} {spec[k]}" for k in ("low", "high", "above", "n", "most") if k in spec]
    choices = f" (one of: {', '.join(map(str, spec['in']))})" if "in" in spec else ""
    return what + (f" ({', '.join(bounds)})" if bounds else "") + choices


def _kinds() -> dict:
    from . import EXPLORERS

    return EXPLORERS


def from_link(url: str, **options) -> Explorer:
    """The explorer a link shows, rebuilt in Python: ``url`` is the link (or just its part from
    ``#``); ``options`` are what the link does not carry, passed on to ``explore_<kind>`` (e.g.
    ``data="xor"`` for the training explorer, ``max_steps``). Raises ``ValueError`` saying what
    was expected when the link does not fit.

    >>> from_link("#nl-training-1?learning_rate=0.5&seed=2&activation=tanh&step=40").step
    40
    """
    if not isinstance(url, str):
        raise TypeError(f"url must be a link (a string), got {type(url).__name__}")
    where, _, query = url.partition("#")[2].partition("?")
    found = ELEMENT.fullmatch(where)
    if not found or found.group(1) not in _kinds() or not query:
        raise ValueError(f"a link to an explorer ends '#nl-<kind>-<number>?key=value&...' with kind one of "
                         f"{', '.join(_kinds())}; got {url[:80]!r}")
    kind = found.group(1)
    make = _kinds()[kind]
    cls = inspect.signature(make).return_annotation
    cls = make.__globals__[cls] if isinstance(cls, str) else cls
    traits = cls.class_traits()
    types = {"max": MAX_MAGNITUDE,
             "keys": [[k, s] for k in cls._state_keys if (s := _link_spec(traits[k])) is not None]}
    given = read_link(query, types)  # the types only: the explorer's own checks follow
    clash = set(options) & set(given)
    if clash:
        raise ValueError(f"{', '.join(sorted(clash))} come(s) from the link; pass only what it does not carry")
    takes = inspect.signature(make).parameters
    try:
        explorer = make(**{k: v for k, v in given.items() if k in takes}, **options)
        for key, value in given.items():
            if key not in takes:
                setattr(explorer, key, value)
        read_link(query, link_schema(explorer))  # and the checks the page makes, to the letter
    except (TypeError, ValueError) as error:
        raise ValueError(f"this link does not fit explore_{kind}: {error}") from None
    return explorer
