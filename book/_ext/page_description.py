"""Give every page a <meta name="description">: its own, or its first paragraph.

Pages may set one in their front matter (``myst: html_meta: "description lang=en": ...``);
every other page (a chapter notebook, say) gets the first sentences of its first paragraph,
so search engines and link previews show what the page is about.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

MAX_CHARS = 200


def _first_paragraph(doctree: nodes.document) -> str:
    for para in doctree.findall(nodes.paragraph):
        text = " ".join(para.astext().split())
        if len(text) >= 40:
            if len(text) > MAX_CHARS:
                text = text[: MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"
            return text
    return ""


def _add_description(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    metatags = context.get("metatags", "")
    if doctree is None or 'name="description"' in metatags:
        return
    text = _first_paragraph(doctree)
    if text:
        escaped = text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        context["metatags"] = metatags + f'\n<meta name="description" content="{escaped}" />'


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _add_description)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
