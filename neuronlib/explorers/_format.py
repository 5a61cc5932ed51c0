"""Numbers as the explorers print them; ``js/format.js`` prints them identically.

Rule: three decimals, trailing zeros dropped, ``-0`` shown as ``0`` (exact ties round half to
even, as Python's ``format`` does); from a million on, four significant digits and a power of
ten (``1.5e+80``).

>>> fmt(0.35355), fmt(2.0), fmt(-0.0001), fmt_vec([1, -1])
('0.354', '2', '0', '(1, -1)')
"""

from __future__ import annotations

import math
from collections.abc import Iterable


def fmt(x: float, digits: int = 3) -> str:
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if abs(x) >= 1e6:
        mantissa, exponent = f"{x:.3e}".split("e")
        return mantissa.rstrip("0").rstrip(".") + f"e{int(exponent):+d}"
    s = f"{x:.{digits}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def fmt_vec(values: Iterable[float], digits: int = 3) -> str:
    return "(" + ", ".join(fmt(v, digits) for v in values) + ")"
