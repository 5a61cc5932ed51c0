"""pytest, from the repository's root: nbval leaves the framework chapters to `make test-frameworks`.

`pytest --nbval notebooks` in an environment without PyTorch and Keras (the book's .venv, in
`test-notebooks`) skips the cells of the chapters that need them, with the
reason; in .venv-frameworks, which has both, they run and are compared like every chapter.
tools/frameworks.py says which chapters these are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import frameworks  # tools/ is on pytest's pythonpath (pyproject.toml)

ROOT = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    absent = frameworks.missing()
    if not absent:
        return
    needing = {ROOT / name for name in frameworks.NOTEBOOKS}
    skip = pytest.mark.skip(reason=f"{', '.join(absent)} missing: {frameworks.REASON}")
    for item in items:
        if Path(item.path) in needing:
            item.add_marker(skip)
