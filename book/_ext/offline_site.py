"""Keep the built site self-contained: drop the Thebe scripts Jupyter Book always adds.

The book never runs code through Thebe (launch buttons open Binder or Colab instead), yet
sphinx-thebe adds to every page an inline script naming a CDN copy of Thebe, twice, which
throws "Identifier 'THEBE_JS_URL' has already been declared". Removing both keeps every page
free of errors and of references outside the site.
"""

from __future__ import annotations

from sphinx.application import Sphinx


def _is_thebe(script) -> bool:
    body = getattr(script, "attributes", {}).get("body", "")
    return "THEBE_JS_URL" in body or str(getattr(script, "filename", script)).endswith("sphinx-thebe.js")


def _drop_thebe(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"] if not _is_thebe(s)]


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _drop_thebe, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
