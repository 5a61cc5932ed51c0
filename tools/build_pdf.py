"""Print the whole book to one PDF with the system Chromium.

Jupyter Book's own `pdfhtml` builder launches playwright's downloaded browser, which cannot
be fetched here; this does the same with Debian's Chromium: build the book as one HTML page
(`jupyter-book build . --builder singlehtml`, done by `make pdf`), let the explorers draw
their first frame, then print the page.

Usage: python tools/build_pdf.py _build/singlehtml/index.html _build/pdf/inside-the-neuron.pdf
"""

from __future__ import annotations

import sys
from pathlib import Path

from browser import launch, open_quietly

PRINT_CSS = """
div.cell_input, div.cell_output, .nl-explorer, figure { break-inside: avoid; }
.bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-footer, .prev-next-area,
.header-article, .nl-explorer button { display: none !important; }
"""


def main(html: str, pdf: str) -> int:
    from playwright.sync_api import sync_playwright

    source = Path(html).resolve()
    if not source.exists():
        print(f"{source} does not exist: build it with `jupyter-book build . --builder singlehtml`")
        return 1
    Path(pdf).parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        open_quietly(page, source.as_uri())
        page.wait_for_timeout(1500)  # MathJax and the explorers' first frame
        page.add_style_tag(content=PRINT_CSS)
        page.emulate_media(media="print")
        page.pdf(path=pdf, format="A4", print_background=True,
                 margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
        browser.close()
    print(f"wrote {pdf} ({Path(pdf).stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]) if len(sys.argv) == 3 else (print(__doc__) or 2))
