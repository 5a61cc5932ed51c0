"""Keep the built site self-contained and light: drop scripts that no page of the book uses.

- Thebe. The book never runs code through Thebe (launch buttons open Binder or Colab instead),
  yet sphinx-thebe adds to every page an inline script naming a CDN copy of Thebe, twice,
  which throws "Identifier 'THEBE_JS_URL' has already been declared".
- Saved ipywidgets state. myst-nb copies a notebook's saved widget state into its page for a
  widget manager; the book loads none (each explorer's ``text/html`` output mounts its own
  module), so the copy is dead weight: up to 190 kB of HTML on the gallery page.
- Font Awesome's JavaScript. pydata-sphinx-theme ships every icon twice: as the webfont its
  stylesheet already uses for ``<i class="fa-...">``, and as ``fontawesome.js`` (1.5 MB, 543 kB
  gzip-compressed), kept only "so that users can add custom icons". The book adds none, so the
  script tag is removed from every page and the file from the site; the icons still show, from
  the webfont. This keeps a chapter page under the 1.5 MB target (``tools/page_weight.py``).
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
FONTAWESOME_JS = "_static/scripts/fontawesome.js"
FONTAWESOME_TAG = re.compile(r'[ \t]*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>\n?')


def _unused(script) -> bool:
    attributes = getattr(script, "attributes", {})
    body = attributes.get("body", "")
    return ("THEBE_JS_URL" in body or str(getattr(script, "filename", script)).endswith("sphinx-thebe.js")
            or attributes.get("type") == WIDGET_STATE)


def _drop_unused_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"] if not _unused(s)]


def _drop_fontawesome_js(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        lighter = FONTAWESOME_TAG.sub("", text)
        if lighter != text:
            page.write_text(lighter, encoding="utf-8")
    for name in (FONTAWESOME_JS, FONTAWESOME_JS + ".map"):
        (out / name).unlink(missing_ok=True)


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _drop_unused_scripts, priority=900)
    app.connect("build-finished", _drop_fontawesome_js)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.1"}
