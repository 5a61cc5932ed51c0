"""Print the whole book to one PDF with the system Chromium: `make pdf`.

1. Build the book as one HTML page (`jupyter-book build --builder singlehtml`) from the
   notebooks' committed outputs (nbval, in `make test`'s test-binder and test-frameworks stages, checks that they are
   what today's neuronlib computes), with the book's own _config.yml except `execute_notebooks: off`; into
   _build/pdf/_build so that the website's build is left alone.
2. Open it in Chromium, wait until MathJax has typeset every formula and each explorer has
   drawn its starting state, then rearrange it for paper (tools/pdf_print.js: explorers become
   still pictures captioned with their summary, hidden outputs and answers open, a title page,
   a linked table of contents, each chapter on a new page) and add tools/pdf_print.css.
3. Print it: A4, page numbers in the footer, PDF bookmarks (the outline) and tags. Twice: the
   first printing's named destinations (poppler's `pdfinfo -dests`) say on which page each
   heading fell, and the table of contents prints those page numbers.

Jupyter Book's own `pdfhtml` builder launches playwright's downloaded browser, which cannot be
fetched here; this uses Debian's Chromium, as the browser tests do.

Usage: python tools/build_pdf.py [OUTPUT.pdf]    (default: _build/pdf/inside-the-neuron.pdf)
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import yaml

from browser import launch, open_quietly

ROOT = Path(__file__).resolve().parents[1]

OUT_DIR = ROOT / "_build" / "pdf"
DEFAULT_PDF = OUT_DIR / "inside-the-neuron.pdf"
NOTE = ("This is the printed edition. On the website, and in JupyterLab, each figure marked "
        "\u201cexplorer\u201d moves: drag its sliders and it redraws at once.")
EXPLORER_NOTE = "(An explorer: on the website it moves; this is its starting state.)"
FOOTER = ('<div style="font-size:8pt; width:100%; margin:0 12mm; color:#444; '
          'font-family:sans-serif; display:flex; justify-content:space-between;">'
          '<span>{title}</span><span><span class="pageNumber"></span> / '
          '<span class="totalPages"></span></span></div>')


def book_facts() -> dict:
    """Title, author, year from _config.yml; the parts and their chapters from _toc.yml."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    parts = [{"caption": part.get("caption", ""),
              "docs": [str(Path(ch["file"]).with_suffix("")) for ch in part.get("chapters", [])]}
             for part in toc.get("parts", [])]
    return {"title": config["title"], "author": config.get("author", ""),
            "copyright": str(config.get("copyright", "")), "root": toc["root"],
            "parts": parts, "note": NOTE, "explorerNote": EXPLORER_NOTE}


def build_single_page(facts: dict) -> Path:
    """The book as one HTML page, at the top of its folder (where its relative links work)."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    extensions = config.get("sphinx", {}).get("local_extensions") or {}
    for name, folder in extensions.items():  # relative to _config.yml's folder, not this copy's
        extensions[name] = str(ROOT / folder)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    config_path = OUT_DIR / "_config.yml"
    config_path.write_text("# Written by tools/build_pdf.py from _config.yml\n"
                           + yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    subprocess.run([str(jupyter_book), "build", ".", "--builder", "singlehtml", "--quiet",
                    "--config", str(config_path), "--path-output", str(OUT_DIR),
                    "-W", "-n", "--keep-going"], cwd=ROOT, check=True)
    site = OUT_DIR / "_build" / "singlehtml"
    # Sphinx writes the page to <root>.html (book/intro.html) but makes its links relative to
    # the top folder: a copy there finds its stylesheets, scripts, MathJax and images.
    page = site / "book.html"
    html = (site / (facts["root"] + ".html")).read_text(encoding="utf-8")
    page.write_text(unique_explorer_ids(html), encoding="utf-8")
    return page


EXPLORER_ID = re.compile(r'id="(nl-[a-z]+-[0-9]+)"')


def unique_explorer_ids(html: str) -> str:
    """Each notebook numbers its explorers from 1 (`nl-neuron-1`), so on the one page two
    chapters' explorers share an id and the second one's module draws into the first one's
    element. Number them again, in page order: each element and the `getElementById` of the
    module that follows it."""
    pieces, at = [], 0
    for n, found in enumerate(EXPLORER_ID.finditer(html), start=1):
        if found.start() < at:
            continue
        old, new = found.group(1), f"{found.group(1)}-print{n}"
        call = f'document.getElementById("{old}")'
        mount = html.find(call, found.end())
        if mount < 0:
            raise SystemExit(f"no module mounts the explorer {old}: has its HTML changed?")
        pieces += [html[at:found.start()], f'id="{new}"', html[found.end():mount],
                   f'document.getElementById("{new}")']
        at = mount + len(call)
    return "".join(pieces) + html[at:]


PAGE_READY = """async () => {
  await MathJax.startup.promise;
  const frames = (n) => new Promise((done) => {
    const step = () => (n-- > 0 ? requestAnimationFrame(step) : done());
    step();
  });
  await frames(3);
  await new Promise((done) => (window.requestIdleCallback || setTimeout)(done));
  await frames(2);
  return [...document.querySelectorAll(".math")].filter((m) => !m.querySelector("mjx-container"))
    .map((m) => m.textContent.slice(0, 60));
}"""


FILL_PAGE_NUMBERS = """(pages) => {
  const unplaced = [];
  for (const span of document.querySelectorAll(".print-contents-page")) {
    if (span.dataset.for in pages) span.textContent = pages[span.dataset.for];
    else unplaced.push(span.dataset.for);
  }
  return unplaced;
}"""


def heading_pages(pdf: Path) -> dict[str, int]:
    """Each named destination of a printed PDF (an element id) and its page, by poppler's
    `pdfinfo -dests` (poppler-utils)."""
    try:
        listing = subprocess.run(["pdfinfo", "-dests", str(pdf)], check=True, capture_output=True,
                                 text=True).stdout
    except FileNotFoundError:
        raise SystemExit("make pdf needs pdfinfo to number the contents: "
                         "`sudo apt-get install -y poppler-utils`") from None
    found = re.findall(r'^\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$', listing, re.M)
    return {name: int(page) for page, name in found}


def print_page(page_path: Path, pdf: Path, facts: dict) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        # Light colours; a 2x backing store for the explorers' canvases, so their pictures are
        # sharp on paper.
        page = browser.new_page(color_scheme="light", device_scale_factor=2,
                                viewport={"width": 900, "height": 1200})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        start = time.monotonic()
        open_quietly(page, page_path.as_uri())
        page.emulate_media(media="print")
        untypeset = page.evaluate(PAGE_READY)
        if untypeset or errors:
            raise SystemExit(f"the page is not ready to print: formulas MathJax left as TeX: "
                             f"{untypeset[:5]}; script errors: {errors[:5]}")
        page.add_style_tag(path=str(Path(__file__).with_name("pdf_print.css")))
        report = page.evaluate(Path(__file__).with_name("pdf_print.js").read_text(encoding="utf-8"), facts)
        page.evaluate("document.fonts.ready.then(() => true)")
        report["seconds to load"] = round(time.monotonic() - start)
        options = dict(format="A4", print_background=True, outline=True, tagged=True,
                       display_header_footer=True, header_template="<span></span>",
                       footer_template=FOOTER.format(title=facts["title"]),
                       margin={"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})
        # Printed twice: the first printing says on which page each heading fell (its named
        # destination), the contents get those page numbers, the second printing is the book.
        page.pdf(path=str(pdf), **options)
        numbers = heading_pages(pdf)
        unplaced = page.evaluate(FILL_PAGE_NUMBERS, numbers)
        if unplaced:
            raise SystemExit(f"headings in the contents that the printed PDF does not place: {unplaced[:5]}")
        page.pdf(path=str(pdf), **options)
        report["seconds to print"] = round(time.monotonic() - start) - report["seconds to load"]
        browser.close()
    return report


def main(argv: list[str]) -> int:
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        print(__doc__)
        return 2
    pdf = Path(argv[0]) if argv else DEFAULT_PDF
    facts = book_facts()
    start = time.monotonic()
    page = build_single_page(facts)
    built = time.monotonic()
    pdf.parent.mkdir(parents=True, exist_ok=True)
    report = print_page(page, pdf, facts)
    done = time.monotonic()
    print(f"wrote {pdf} ({pdf.stat().st_size / 1e6:.1f} MB): {len(report['chapters'])} chapters, "
          f"{report['explorers']} explorers as pictures, {report['answers']} answers and "
          f"{report['outputs']} hidden outputs opened; one-page book {built - start:.0f} s, "
          f"printing {done - built:.0f} s (load {report['seconds to load']} s, "
          f"print {report['seconds to print']} s)")
    print("chapters:", json.dumps(report["chapters"], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
