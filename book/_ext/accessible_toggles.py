"""Give myst-nb's "Show code cell output" toggles the name they show.

myst-nb writes ``<summary aria-label="Toggle hidden content">`` around the visible words
"Show code cell output". A screen-reader name that differs from the visible label breaks
WCAG 2.5.3 (axe: label-content-name-mismatch, serious): a speech-control user who says
"click Show code cell output" finds no such control. This writes the same toggle without the
``aria-label``, so its name is the words on screen (the hidden "Hide ..." words are
``display: none`` until the toggle opens, so they are not part of the name).
"""

from __future__ import annotations

from html import escape

from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput
from sphinx.application import Sphinx


def visit_toggle(self, node: HideCodeCellNode) -> None:
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def _override(app: Sphinx) -> None:
    # After every extension's setup (myst-nb registers its own visitor there), before writing.
    app.add_node(HideCodeCellNode, override=True, html=(visit_toggle, depart_HideCellInput))


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _override)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
