"""Give each chapter, for JupyterLab, the glossary entries of the terms it uses.

In JupyterLab (jupyterlab-myst) a {term} reference resolves only within its own notebook: the
book's glossary (book/glossary.md) is another document, so every term would log "Cross
reference target was not found" and show no definition (jupyterlab-myst issue #218). This
tool writes, into every notebook that uses {term} (before the first cell that does), a markdown
cell holding a
{glossary} of just the entries that notebook uses (and the entries those definitions use),
copied from book/glossary.md, the one source, in the form mystmd reads (a definition list). The cell is tagged `remove-cell`: myst-nb drops
it before Sphinx sees it, so the book keeps one glossary (no duplicate terms).

    python tools/glossary_cells.py          # rewrite the cells
    python tools/glossary_cells.py --check  # exit 1 if a notebook's cell is out of date

tests/test_glossary_cells.py checks that the cells are in sync.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "book" / "glossary.md"
NOTEBOOKS = ROOT / "notebooks"
CELL_ID = "glossary-for-jupyterlab"
TAG = "remove-cell"
TERM = re.compile(r"\{term\}`([^`]*)`")
DOC = re.compile(r"\{doc\}`([^`<]*?)\s*<\.\./notebooks/([^>]+)>`")


def glossary_entries(text: str) -> list[tuple[list[str], list[str]]]:
    """The entries of the {glossary} block: (the names of the term, the definition's lines)."""
    block = re.search(r"```\{glossary\}\n(.*?)\n```", text, re.S)
    if block is None:
        raise ValueError(f"{GLOSSARY} has no {{glossary}} block")
    entries: list[tuple[list[str], list[str]]] = []
    for chunk in re.split(r"\n\s*\n", block.group(1).strip("\n")):
        lines = chunk.split("\n")
        names = [line for line in lines if line and not line.startswith(" ")]
        body = [line for line in lines if line.startswith(" ")]
        if names and not body and entries:  # a blank line inside a definition
            raise ValueError(f"cannot read the glossary entry starting {names[0]!r}")
        if names:
            entries.append((names, body))
        else:
            entries[-1][1].extend(["", *body])
    return entries


def term_targets(text: str) -> set[str]:
    """The terms a text refers to with {term}, lower-cased (as Sphinx matches them)."""
    targets = set()
    for inner in TERM.findall(text):
        m = re.search(r"<([^>]*)>\s*$", inner)
        targets.add((m.group(1) if m else inner).strip().lower())
    return targets


def glossary_cell_source(used: set[str], entries) -> str | None:
    """The cell's markdown for a notebook using the terms `used` (None when it uses none)."""
    by_name = {name.lower(): i for i, (names, _) in enumerate(entries) for name in names}
    unknown = sorted(used - by_name.keys())
    if unknown:
        raise ValueError(f"{{term}} references not in {GLOSSARY.name}: {unknown}")
    wanted: set[int] = set()
    todo = [by_name[t] for t in used]
    while todo:  # the entries used, and the entries their definitions use
        i = todo.pop()
        if i not in wanted:
            wanted.add(i)
            todo.extend(by_name[t] for t in term_targets("\n".join(entries[i][1])))
    if not wanted:
        return None
    parts = []
    for i in sorted(wanted):
        names, body = entries[i]
        # A chapter link as JupyterLab can follow it: the notebook next to this one.
        body = [DOC.sub(lambda m: f"[{m.group(1)}]({m.group(2)}.ipynb)", line) for line in body]
        # jupyterlab-myst (mystmd) reads a glossary as a definition list ("term", then
        # ": definition"), not Sphinx's indented form; each other name points to the first.
        parts.append("\n".join([names[0], ": " + body[0].strip(), *body[1:]]))
        parts.extend(f"{name}\n: Another name for *{names[0]}*." for name in names[1:])
    return (
        "<!-- Made by tools/glossary_cells.py from book/glossary.md; do not edit. The book drops "
        "this cell (tag remove-cell) and links to its glossary page instead. -->\n"
        "**Glossary of the terms in this chapter** (as in the book's glossary)\n\n"
        "```{glossary}\n" + "\n\n".join(parts) + "\n```"
    )


def updated(nb, entries) -> bool:
    """Put the notebook's glossary cell in sync; True if anything changed. The cell goes just
    before the first markdown cell that uses a term: JupyterLab renders cells in order, and a
    term rendered before its entry logs "Cross reference target was not found" (once)."""
    cells = [c for c in nb.cells if c.get("id") != CELL_ID]
    source = glossary_cell_source(term_targets("\n".join(
        c.source for c in cells if c.cell_type == "markdown")), entries)
    if source is not None:
        cell = nbformat.v4.new_markdown_cell(source, metadata={"tags": [TAG]})
        cell["id"] = CELL_ID
        first = next(i for i, c in enumerate(cells) if c.cell_type == "markdown" and TERM.search(c.source))
        cells.insert(first, cell)
    changed = [(c.get("id"), c.source) for c in cells] != [(c.get("id"), c.source) for c in nb.cells]
    nb.cells = cells
    return changed


def main(argv: list[str]) -> int:
    check = "--check" in argv
    entries = glossary_entries(GLOSSARY.read_text(encoding="utf-8"))
    stale = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        if updated(nb, entries):
            stale.append(path.name)
            if not check:
                nbformat.write(nb, path)
    if check and stale:
        print(f"glossary cells out of date in {stale}: run python tools/glossary_cells.py")
        return 1
    print(("checked " if check else "updated ") + (", ".join(stale) or "nothing to change"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
