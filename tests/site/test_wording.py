"""Statements about the built site's words: one word, one meaning (docs: the glossary rules).

"Dead" means one thing in this book (Chapter 5): a ReLU unit whose preactivation is z <= 0 for
every training input. A range of z where an activation's slope is zero is a "zero-slope" (or
flat) range. These tests read every built page, including the explorers' embedded readouts
and scripts, and fail if "dead" labels a zero-slope range again (issue 16, item 1).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from conftest import SITE

# The old wordings, and the general shape of the mistake: "dead" right next to "f' = 0".
DEAD_FOR_ZERO_SLOPE = [
    re.compile(r"dead\s*\(\s*f'\s*=\s*0\s*\)", re.I),                     # dead (f' = 0)
    re.compile(r"\bdead\b[^.;:\n]{0,30}\bf'\s*(\(z\))?\s*=\s*0\b", re.I),   # dead ... f' = 0
    re.compile(r"\bf'\s*(\(z\))?\s*=\s*0\b[^.;:\n]{0,30}\bdead\b", re.I),   # f' = 0 ... dead
    re.compile(r"where the derivative is zero the unit is dead", re.I),
    re.compile(r"where a neuron stops learning", re.I),
    re.compile(r"where it is dead or saturated", re.I),
    re.compile(r"dead and saturated (zones|bands|regions)", re.I),
    re.compile(r"preactivation is negative for every training input", re.I),
]

# Each page should still say what the wordings now are, where it talks about them.
ZERO_SLOPE = re.compile(r"zero slope \(f' = 0\)")


@lru_cache(maxsize=None)
def _text(page_path: str) -> str:
    """The page's HTML with entities decoded (&#39; -> '), so the patterns see the words."""
    return html.unescape((SITE / page_path).read_text(encoding="utf-8"))


def test_dead_never_labels_a_zero_slope_range(page_path):
    text = _text(page_path)
    found = sorted({m.group(0) for pattern in DEAD_FOR_ZERO_SLOPE for m in pattern.finditer(text)})
    assert found == [], f"{page_path} uses 'dead' for a zero-slope range: {found}"


def test_the_activation_explorer_names_the_zero_slope_range():
    # Chapter 3 and the appendix show the activation explorer; its readout names the dark band.
    for page in ("notebooks/03_activation_functions.html", "notebooks/gallery.html"):
        assert ZERO_SLOPE.search(_text(page)), f"{page}: no 'zero slope (f' = 0)' readout"
