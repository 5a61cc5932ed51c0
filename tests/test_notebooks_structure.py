"""Every chapter is a finished lecture: set-up cell, goals, explorer, exercises, summary.

These read the committed notebooks as files (nbval, separately, re-runs them and compares
outputs). They hold the book to docs/authoring.md.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _toc_files(entry) -> list[str]:
    """Every ``file:`` of _toc.yml, in the book's order."""
    if isinstance(entry, dict):
        return ([entry["file"]] if "file" in entry else []) + [
            f for value in entry.values() if isinstance(value, list) for item in value for f in _toc_files(item)]
    return []


#: The book's notebooks in the order of its table of contents; chapters are the numbered ones.
IN_TOC = [ROOT / f"{name}.ipynb" for name in _toc_files(yaml.safe_load((ROOT / "_toc.yml").read_text()))
          if name.startswith("notebooks/")]
CHAPTERS = [p for p in IN_TOC if re.match(r"\d\d_", p.name)]


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _markdown(nb: dict) -> str:
    return "\n".join(_source(c) for c in nb["cells"] if c["cell_type"] == "markdown")


def _code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def _repository_url() -> str:
    text = (ROOT / "_config.yml").read_text(encoding="utf-8")
    return re.search(r"^repository:\s*\n\s+url:\s*(\S+)", text, re.M).group(1)


def test_every_notebook_is_in_the_table_of_contents_and_the_chapters_are_numbered_in_order():
    assert sorted(IN_TOC) == NOTEBOOKS, "list every notebook in _toc.yml (and only existing ones)"
    assert CHAPTERS, "_toc.yml lists no chapter"
    assert [p.name[:2] for p in CHAPTERS] == [f"{n:02d}" for n in range(1, len(CHAPTERS) + 1)]
    assert ROOT / "notebooks" / "gallery.ipynb" in IN_TOC


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cell_installs_the_pinned_neuronlib_when_missing(path):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    first = _source(_code_cells(_load(path))[0])
    assert "import neuronlib" in first and "except ImportError" in first
    install = f'%pip install --quiet "neuronlib @ git+{_repository_url()}@v{version}"'
    assert any(line.strip() == install for line in first.splitlines()), (
        "the set-up cell must install (not merely mention, e.g. in a comment) this book's version "
        f"of neuronlib from the repository named in _config.yml: {install}"
    )
    assert "neuronlib.check_environment()" in first


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_set_up_cell_is_folded_on_the_website_and_prints_no_bare_true(path):
    cell = _code_cells(_load(path))[0]
    meta = cell.get("metadata", {})
    assert "hide-cell" in meta.get("tags", []), "the set-up cell folds away on the website"
    assert meta.get("mystnb", {}).get("code_prompt_show") == "Set-up for Colab"
    assert not [o for o in cell.get("outputs", []) if o["output_type"] == "execute_result"], (
        "the set-up cell shows no bare True: write _ = neuronlib.check_environment()"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_code_cell_was_run_without_errors(path):
    for cell in _code_cells(_load(path)):
        assert cell.get("execution_count") is not None, f"unexecuted cell: {_source(cell)[:80]!r}"
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"error output in {_source(cell)[:80]!r}"
            if out["output_type"] == "stream" and out["name"] == "stderr":
                pytest.fail(f"stderr output in {_source(cell)[:80]!r}: {''.join(out['text'])[:200]}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_figure_has_alt_text(path):
    for cell in _code_cells(_load(path)):
        if any("image/png" in out.get("data", {}) for out in cell.get("outputs", [])):
            alt = cell.get("metadata", {}).get("mystnb", {}).get("image", {}).get("alt", "")
            assert len(alt) >= 20, f"figure without alt text in {_source(cell)[:80]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_exactly_one_title_and_no_skipped_heading_levels(path):
    levels = [len(m.group(1)) for m in re.finditer(r"^(#{1,6}) ", _markdown(_load(path)), re.M)]
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"heading level jumps from {before} to {after}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_reads_like_a_lecture(path):
    nb = _load(path)
    text = _markdown(nb)
    for heading in ("Learning goals", "Summary", "Exercises"):
        assert re.search(rf"^#+ .*{heading}", text, re.M | re.I), f"no '{heading}' section"
    assert re.search(r"try this", text, re.I), "no 'Try this' prompts"
    assert ":class: dropdown" in text, "exercises need answers the reader can reveal"
    assert "glossary" in text, "link to the glossary"
    code = "\n".join(_source(c) for c in _code_cells(nb))
    assert re.search(r"\bexplore_\w+\(", code), "every chapter has at least one explorer"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_an_exercise_cell_folds_its_output_on_the_website(path):
    # The reader works an exercise out first: its cell's output (the answer) stays folded on
    # the website until opened. The tag only changes the website; nbval still checks it.
    cells = _load(path)["cells"]
    for before, cell in zip(cells, cells[1:]):
        if cell["cell_type"] == "code" and re.search(r"\*\*Exercise \d+\.\*\*", _source(before).split("```")[-1]):
            tags = set(cell.get("metadata", {}).get("tags", []))
            assert tags & {"hide-output", "hide-cell"}, f"exercise cell shows its answer: {_source(cell)[:80]!r}"


def test_the_book_build_leaves_exactly_the_framework_chapters_unexecuted():
    # The build executes every chapter but those that need PyTorch and Keras, which it shows
    # with the saved outputs that `make test-frameworks` checks (tools/frameworks.py).
    from frameworks import NOTEBOOKS as FRAMEWORK_NOTEBOOKS

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert sorted(config["execute"]["exclude_patterns"]) == sorted(FRAMEWORK_NOTEBOOKS)
    for name in FRAMEWORK_NOTEBOOKS:
        assert ROOT / name in IN_TOC, f"{name} is not in _toc.yml"
