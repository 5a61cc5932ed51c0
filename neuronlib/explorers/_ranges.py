"""Slider ranges: symmetric, wide enough for the starting values."""

from __future__ import annotations

import math


def slider_range(values, half_width: float = 3.0, step: float = 0.05) -> list[float]:
    """[-h, h, step] with h >= half_width and h >= every |value| (rounded up to a whole number)."""
    h = max([half_width, *(math.ceil(abs(v)) for v in values)])
    return [-float(h), float(h), step]
