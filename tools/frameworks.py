"""The chapters that run PyTorch and Keras, which only `make test-frameworks` executes.

Usage: python tools/frameworks.py   (prints the notebooks, for the Makefile)

The book's own environment (.venv, from requirements.txt, as Binder builds it) has no deep-learning
framework: they are large (PyTorch alone is about 750 MB installed). So these chapters run in
their own environment, .venv-frameworks (requirements-frameworks.txt), in the stage
`test-frameworks`; everywhere else they are left out with the reason below:

- nbval in .venv (`test-notebooks`): the root conftest.py skips their cells;
- the Binder proof (tests/binder) does not execute them;
- the book build shows their saved outputs (checked by `test-frameworks`) without executing
  them: _config.yml lists them under execute.exclude_patterns, and
  tests/test_notebooks_structure.py checks that list against this one.
"""

from __future__ import annotations

import importlib.util
import sys

#: Notebooks (paths from the repository's root) that need the frameworks.
NOTEBOOKS = ("notebooks/09_keras_and_pytorch.ipynb",)

#: The modules they import.
MODULES = ("torch", "keras")

#: Why they are skipped or not executed where the frameworks are missing.
REASON = ("needs PyTorch and Keras (requirements-frameworks.txt), which this environment lacks; "
          "`make test-frameworks` runs it in .venv-frameworks")


def missing() -> list[str]:
    """The framework modules this Python cannot import."""
    return [name for name in MODULES if importlib.util.find_spec(name) is None]


if __name__ == "__main__":
    print(" ".join(NOTEBOOKS))
    sys.exit(0)
