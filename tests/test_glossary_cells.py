"""Each notebook that uses {term} carries, before its first use, a cell with the glossary
entries it uses (tools/glossary_cells.py, from book/glossary.md), for JupyterLab; the book
drops that cell (tag remove-cell)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import glossary_cells

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
ENTRIES = glossary_cells.glossary_entries((ROOT / "book" / "glossary.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_glossary_cell_is_in_sync_with_the_book_glossary(path):
    nb = nbformat.read(path, as_version=4)
    assert not glossary_cells.updated(nb, ENTRIES), f"run `python tools/glossary_cells.py` ({path.name})"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_term_a_notebook_uses_is_defined_in_it_and_the_book_drops_the_copy(path):
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    used = {m.split("<")[-1].rstrip(">").strip().lower() for m in re.findall(r"\{term\}`([^`]*)`", text)}
    if not used:
        return
    [cell] = [c for c in nb.cells if "```{glossary}" in c.source]
    assert "remove-cell" in cell.metadata.get("tags", [])
    first_use = next(c for c in nb.cells if c.cell_type == "markdown" and "{term}`" in c.source and c is not cell)
    assert nb.cells.index(cell) < nb.cells.index(first_use), "a term is rendered before its entry"
    block = re.search(r"```\{glossary\}\n(.*?)\n```", cell.source, re.S).group(1)
    # mystmd's glossary is a definition list: a term's line, then ": its definition".
    defined = {line.lower() for line in block.split("\n") if line and not line.startswith((" ", ":"))}
    assert used <= defined, f"{path.name} uses terms its glossary cell lacks: {sorted(used - defined)}"
