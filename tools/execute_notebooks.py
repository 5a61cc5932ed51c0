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


class CellIdClient(NotebookClient):
    """Sends each cell's id with its execute request, as JupyterLab does: an explorer's widget
    model id is its cell's id (neuronlib/explorers/base.py), so the saved widget state knows
    the id a reader's JupyterLab gives the explorer when the cell runs again."""

    async def async_execute_cell(self, cell, cell_index, *args, **kwargs):
        session = self.kc.session
        make = type(session).msg

        def msg(msg_type, content=None, parent=None, header=None, metadata=None):
            if msg_type == "execute_request":
                metadata = {**(metadata or {}), "cellId": cell.get("id")}
            return make(session, msg_type, content, parent, header, metadata)

        session.msg = msg
        try:
            return await super().async_execute_cell(cell, cell_index, *args, **kwargs)
        finally:
            del session.msg


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    client = CellIdClient(
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
