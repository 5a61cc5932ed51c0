"""Re-execute notebooks in place, the way nbval and the book build will run them.

Usage: python tools/execute_notebooks.py notebooks/*.ipynb

Each notebook runs in a fresh kernel of this environment with its own folder as the working
directory; outputs are saved back, so commit the result. Executing twice gives identical
files: every chapter seeds its randomness.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def coalesce_streams(nb) -> None:
    """Join neighbouring outputs of the same stream (stdout, stderr) into one, as nbval compares
    them: how a kernel splits a cell's printing into messages depends on timing, and the saved
    file should not."""
    for cell in nb.cells:
        merged = []
        for out in cell.get("outputs", []):
            if (merged and out.output_type == "stream" and merged[-1].output_type == "stream"
                    and merged[-1].name == out.name):
                merged[-1].text += out.text
            else:
                merged.append(out)
        if "outputs" in cell:
            cell.outputs = merged


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    coalesce_streams(nb)
    nbformat.write(nb, path)
    print(f"executed {path}")


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__)
        return 2
    for name in paths:
        execute(Path(name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
