"""Builds each explorer's single ES module from the files in ``js/``, and its static HTML.

The shared files are concatenated (no ``import`` statements: a page opened from disk may not
import across files), followed by the explorer's own file, which ends ``export default {render}``.
The widget runs this module in JupyterLab; :func:`static_html` inlines the *same* string in a
``<script type="module">`` and mounts it on a stand-in model (``js/model.js``).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

JS_DIR = Path(__file__).with_name("js")
#: Shared files, in the order they are concatenated (each may use the ones before it).
SHARED = ("format.js", "maths.js", "theme.js", "canvas.js", "controls.js")
#: Extra shared files per explorer (only what the explorer needs, to keep pages light).
EXTRA = {"hyperplane": ("plane.js",), "layer": ("plane.js",), "training": ("plane.js", "train.js")}


def _read(name: str) -> str:
    """A js file without its whole-line ``//`` comments and blank lines (the module ships smaller)."""
    lines = (JS_DIR / name).read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if line.strip() and not line.lstrip().startswith("//")]
    return f"// --- {name}\n" + "\n".join(kept) + "\n"


@functools.cache
def module_source(kind: str) -> str:
    """The ES module of explorer ``kind`` (e.g. ``"hyperplane"``): shared code + ``js/<kind>.js``."""
    names = SHARED + EXTRA.get(kind, ()) + (f"{kind}.js",)
    return "".join(_read(name) for name in names)


def _json_for_script(value: object) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def static_html(kind: str, dom_id: str, state: dict, summary: str) -> str:
    """Self-contained HTML: the explorer's root (showing ``summary`` until the script runs, and
    to readers without JavaScript) and a module script that mounts the explorer on it."""
    mount = (
        f"{_read('model.js')}"
        f'render({{ model: nlStandInModel({_json_for_script(state)}), '
        f'el: document.getElementById("{dom_id}") }});\n'
    )
    return (
        f'<div id="{dom_id}" class="nl-explorer" data-explorer="{kind}">'
        f'<div class="nl-readout">{_escape_html(summary)}</div></div>\n'
        f'<script type="module">\n{module_source(kind)}{mount}</script>\n'
    )


def standalone_page(fragments: list[str], title: str = "neuronlib explorers") -> str:
    """A complete HTML document holding the given explorer fragments (works from disk)."""
    body = "\n".join(fragments)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{_escape_html(title)}</title>"
        "<link rel=\"icon\" href=\"data:,\">"
        "</head>\n<body>\n" + body + "\n</body></html>\n"
    )
