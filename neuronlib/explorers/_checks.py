"""Argument checks for the explorers, built on :mod:`neuronlib._checks`.

The numbers themselves are checked exactly as everywhere else in neuronlib (no booleans or
strings, no NaN or infinity, nothing larger than ``MAX_MAGNITUDE = 1e150`` in size), with the
same messages. What is added here is what only the explorers need: values as plain lists (the
state the front end receives as JSON), the lengths the sliders allow, menus (``choice``), axis
``limits`` and the traitlets trait types. Every error says what was expected and what came."""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Integral, Real

import traitlets as t

from neuronlib._checks import as_float, as_matrix, as_vector


def number(name: str, value: object) -> float:
    """One finite float. Booleans are numbers to Python: ``as_float`` refuses them (use 1.0 or 0.0)."""
    if not isinstance(value, Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__} {value!r}")
    return as_float(value, name)


def _a_list(name: str, value: object, of: str, what: str) -> None:
    """Refuse a value that is no list at all (a number, a string, None) before numpy reads it."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) and not hasattr(value, "tolist"):
        raise TypeError(f"{name} must be a list of {of}{what}, got {type(value).__name__} {value!r}")


def vector(name: str, value: object, length: int | None = None,
           lengths: range | None = None, what: str = "") -> list[float]:
    """A list of finite floats, of exactly ``length`` items or a length in ``lengths``."""
    _a_list(name, value, "numbers", what)
    items = as_vector(value, name).tolist()
    if length is not None and len(items) != length:
        raise ValueError(f"{name} must have {length} numbers{what}, got {len(items)}: {items!r}")
    if lengths is not None and len(items) not in lengths:
        raise ValueError(
            f"{name} must have {lengths.start} to {lengths.stop - 1} numbers{what}, got {len(items)}")
    return items


def matrix(name: str, value: object, rows: int | None = None, cols: range | None = None,
           what: str = "") -> list[list[float]]:
    """A list of ``rows`` equally long rows of finite floats, each with a length in ``cols``."""
    _a_list(name, value, "rows", what)
    items = as_matrix(value, name).tolist()
    if rows is not None and len(items) != rows:
        raise ValueError(f"{name} must have {rows} rows{what}, got {len(items)}")
    if cols is not None and len(items[0]) not in cols:
        raise ValueError(f"{name} rows must have {cols.start} to {cols.stop - 1} numbers{what}, "
                         f"got {len(items[0])}")
    return items


def choice(name: str, value: object, options: Sequence[str]) -> str:
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"unknown {name} {value!r}; choose one of: {', '.join(options)}")
    return value


def limits(name: str, value: object) -> list[float]:
    lo, hi = vector(name, value, length=2, what=" (low, high)")
    if not lo < hi:
        raise ValueError(f"{name} must be (low, high) with low < high, got ({lo}, {hi})")
    return [lo, hi]


class Number(t.TraitType):
    """A synced trait holding one finite float (``TypeError``/``ValueError`` otherwise)."""

    default_value = 0.0

    def validate(self, obj, value):
        return number(self.name, value)


class Integer(t.TraitType):
    """A synced trait holding one whole number (``TypeError`` otherwise)."""

    default_value = 0

    def validate(self, obj, value):
        if isinstance(value, bool) or not isinstance(value, Integral):
            raise TypeError(f"{self.name} must be a whole number, got {type(value).__name__} {value!r}")
        return int(value)


class Vector(t.TraitType):
    """A synced trait holding a list of finite floats: ``length`` of them if given, otherwise
    as many as the explorer started with (``obj._initial``)."""

    default_value: tuple = ()

    def __init__(self, length: int | None = None, what: str = "", **kwargs):
        self.length = length
        self.what = what
        super().__init__(**kwargs)

    def validate(self, obj, value):
        n = self.length
        if n is None and self.name in getattr(obj, "_initial", {}):
            n = len(obj._initial[self.name])
        return vector(self.name, value, length=n, what=self.what)


class Matrix(t.TraitType):
    """A synced trait holding a list of ``rows`` rows of finite floats, each as long as the
    explorer started with."""

    default_value: tuple = ()

    def __init__(self, rows: int, what: str = "", **kwargs):
        self.rows = rows
        self.what = what
        super().__init__(**kwargs)

    def validate(self, obj, value):
        out = matrix(self.name, value, rows=self.rows, what=self.what)
        start = getattr(obj, "_initial", {}).get(self.name)
        if start is not None and len(out[0]) != len(start[0]):
            raise ValueError(f"{self.name} rows must have {len(start[0])} numbers{self.what}, "
                             f"got {len(out[0])}")
        return out
