"""The printed book: `make pdf` gives a PDF a reader would print (`make test-pdf`).

The PDF is built once, as `make pdf` builds it, and read back with Debian's poppler-utils
(`pdftotext`, `pdfinfo`, `pdfimages`, `pdftohtml -xml` for links and the outline). What it must
contain is taken from the book's sources (_toc.yml, _config.yml, the notebooks and their
committed outputs), never from the PDF builder.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
POPPLER = ("pdftotext", "pdfinfo", "pdfimages", "pdftohtml")
#: Words the website's toggles and buttons show, which mean nothing on paper.
DEBRIS = ("Show code cell", "Hide code cell", "Click to show", "Click to hide", "Toggle hidden",
          "Copy to clipboard", "\u25b8", "\u25b6")


def squash(text: str) -> str:
    """Text with every run of white space made one space (pdftotext breaks lines anywhere)."""
    return " ".join(text.split())


PLAIN_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def bare(text: str) -> str:
    """Text without white space or hyphens: pdftotext joins a line that ends in "-" to the next
    one without it, so "class 0 ->" broken after "-" reads "class 0 >". Typographic quotes
    (the book's build curls them) are made plain."""
    return re.sub(r"[\s-]+", "", text.translate(PLAIN_QUOTES))


def run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


# --- what the sources say the book holds ----------------------------------------------------------

def toc_files() -> list[Path]:
    """The root page and every chapter of _toc.yml, in order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]] + [ch["file"] for part in toc.get("parts", []) for ch in part["chapters"]]
    found = []
    for name in names:
        candidates = [ROOT / name] + [ROOT / f"{name}{suffix}" for suffix in (".md", ".ipynb")]
        found.append(next(p for p in candidates if p.is_file()))
    return found


def markdown_of(path: Path) -> str:
    if path.suffix == ".ipynb":
        notebook = json.loads(path.read_text(encoding="utf-8"))
        return "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def title_of(path: Path) -> str:
    return next(line[2:].strip() for line in markdown_of(path).splitlines() if line.startswith("# "))


def explorer_summaries() -> list[str]:
    """The one-line summary (text/plain) of every explorer the chapters show, in order."""
    summaries = []
    for path in toc_files():
        if path.suffix != ".ipynb":
            continue
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if 'class="nl-explorer"' in "".join(data.get("text/html", "")):
                    summaries.append(squash("".join(data["text/plain"])))
    return summaries


def tex_macros() -> set[str]:
    """Every TeX command (`\\mathbf`, `\\lVert`, ...) the prose's formulas use."""
    return {m for path in toc_files() for m in re.findall(r"\\[A-Za-z]{2,}", markdown_of(path))}


def answer_openings() -> list[str]:
    """Words from the start of every exercise's answer: its first run of plain prose."""
    openings = []
    for path in toc_files():
        for body in re.findall(r"\{admonition\} Answer\s*\n:class: dropdown\s*\n(.*?)```",
                               markdown_of(path), re.S):
            openings.append(re.search(r"[A-Za-z][A-Za-z ,.;:'-]{19,}", body).group(0)[:40])
    return openings


# --- the PDF, built once -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    assert not missing, (f"poppler-utils is not installed ({', '.join(missing)} missing): "
                         "`apt-get install -y poppler-utils` (.ci/run installs it)")
    path = tmp_path_factory.mktemp("pdf") / "inside-the-neuron.pdf"
    build = subprocess.run([sys.executable, "tools/build_pdf.py", str(path)], cwd=ROOT,
                           capture_output=True, text=True)
    assert build.returncode == 0, f"tools/build_pdf.py failed:\n{build.stdout[-3000:]}\n{build.stderr[-3000:]}"
    print(build.stdout.strip().splitlines()[-2])
    return path


@pytest.fixture(scope="module")
def pages(pdf) -> list[str]:
    """The text of each page (page 1 first)."""
    return run("pdftotext", "-enc", "UTF-8", str(pdf), "-").split("\f")[:-1]


@pytest.fixture(scope="module")
def chapter_pages(pages) -> dict[str, int]:
    """The page (from 1) on which each chapter's title starts the text, by title: the last such
    page (a page of the contents may start with a chapter's entry too)."""
    starts = {}
    for path in toc_files():
        title = title_of(path)
        for number, text in enumerate(pages, start=1):
            # the first two lines (a part's name may come first), not the footer's two; a long
            # title wraps onto the next line
            lines = [line for line in text.splitlines() if line.strip()][:-2][:3]
            heads = [*lines[:2], *(f"{a} {b}" for a, b in zip(lines, lines[1:]))]
            if any(squash(line) == title for line in heads) and number > 1:  # (not the title page)
                starts[title] = number
    return starts


@pytest.fixture(scope="module")
def xml(pdf) -> ET.Element:
    """pdftohtml's XML: the text with its links (`inside-the-neuron.html#PAGE`) and the outline."""
    return ET.fromstring(run("pdftohtml", "-xml", "-i", "-q", "-stdout", str(pdf)))


# --- the tests -------------------------------------------------------------------------------

def test_page_count_title_page_and_page_numbers(pdf, pages):
    count = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.M).group(1))
    assert len(pages) == count
    assert 100 <= count <= 400, f"{count} pages: the book (nine chapters, back matter) is about 220"
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    first = squash(pages[0])
    assert first.startswith(config["title"]) and config["author"] in first, first[:300]
    unnumbered = [n for n, text in enumerate(pages, start=1) if f"{n} / {count}" not in text]
    assert not unnumbered, f"pages without 'N / {count}' in the footer: {unnumbered}"


def test_no_raw_latex_left(pages):
    text = "\n".join(pages)
    for delimiter in ("\\(", "\\)", "\\[", "\\]", "$$", "\\begin{"):
        assert delimiter not in text, f"{delimiter!r} printed: {text[text.index(delimiter) - 80:][:200]!r}"
    macros = tex_macros()
    assert len(macros) > 5, "the prose's formulas were not found"
    left = sorted(m for m in macros if re.search(re.escape(m) + r"(?![A-Za-z])", text))
    assert not left, f"TeX commands printed as text instead of typeset: {left}"


def test_every_chapter_title_starts_a_page_in_order(chapter_pages):
    titles = [title_of(path) for path in toc_files()]
    missing = [t for t in titles if t not in chapter_pages]
    assert not missing, f"chapter titles that start no page: {missing}"
    order = [chapter_pages[t] for t in titles]
    assert order == sorted(order) and len(set(order)) == len(order), dict(zip(titles, order))


def test_every_explorer_is_a_picture_with_its_summary_as_caption(pdf, pages):
    summaries = explorer_summaries()
    assert len(summaries) >= 6, "the chapters' explorers were not found in the notebooks"
    listing = run("pdfimages", "-list", str(pdf)).splitlines()[2:]
    images_on = {int(line.split()[0]) for line in listing}
    bare_pages = [bare(text) for text in pages]
    note = bare(" (An explorer: on the website it moves")
    for summary in summaries:
        on = [n for n, text in enumerate(bare_pages, start=1) if bare(summary) in text]
        assert on, f"explorer summary not printed: {summary!r}"
        assert any(n in images_on for n in on), f"no picture on page {on} with the caption {summary!r}"
        assert any(bare(summary) + note in bare_pages[n - 1] for n in on), (
            f"the caption {summary!r} does not say that the explorer moves on the website")


def test_no_toggle_debris_and_every_answer_marked(pages):
    text = "\n".join(pages)
    for words in DEBRIS:
        assert words not in text, f"{words!r} printed: {text[max(text.index(words) - 80, 0):][:200]!r}"
    # (the title may start with the theme's icon, a private-use character)
    answers = sum(1 for line in text.splitlines() if re.sub(r"[\ue000-\uf8ff\s]", "", line) == "Answer")
    openings = answer_openings()
    assert answers == len(openings) > 0, f"{answers} 'Answer' headings printed, {len(openings)} in the sources"
    hidden = [words for words in openings if bare(words) not in bare(text)]
    assert not hidden, f"answers whose words are not printed: {hidden}"


def test_contents_and_outline_give_each_chapter_its_page(pdf, xml, chapter_pages):
    first_chapter = min(chapter_pages.values())
    contents = run("pdftotext", "-layout", "-enc", "UTF-8", "-l", str(first_chapter - 1), str(pdf), "-").replace("\f", "\n")
    printed = {squash(m.group(1)): int(m.group(2)) for m in re.finditer(r"^ *(\S.*?) {2,}(\d+)$", contents, re.M)}
    links: dict[str, set[int]] = {}  # on the pages before the first chapter: label -> target pages
    for page in xml.iter("page"):
        if int(page.get("number")) >= first_chapter:
            continue
        for a in page.iter("a"):
            target = re.fullmatch(r"[^#]*#(\d+)", a.get("href", ""))
            if target:
                links.setdefault(squash("".join(a.itertext())), set()).add(int(target.group(1)))
    # (Chromium may drop the space where a long title wraps: "Keras andPyTorch"; compare without spaces)
    outline = {"".join((item.text or "").split()): int(item.get("page")) for item in xml.iter("item")}
    for title, page in chapter_pages.items():
        assert page in links.get(title, set()), (
            f"the contents have no link from {title!r} to page {page}: {links.get(title)}")
        assert printed.get(title) == page, f"the contents print {printed.get(title)} for {title!r}, not {page}"
        at = outline.get("".join(title.split()))
        assert at == page, f"the PDF outline has {title!r} on page {at}, not {page}"
