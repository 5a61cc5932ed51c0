"""Binder proof: `requirements.txt` alone builds an environment that runs every chapter and
prints what the chapter printed.

Binder (repo2docker) creates a fresh environment and runs `pip install -r requirements.txt`
in the repository, nothing else. This test does the same in a brand-new virtual environment
and runs nbval on every notebook in that environment's kernel, exactly as `make
test-notebooks` does in `.venv`: every cell runs and every output is the committed one (the
explorers' HTML and JavaScript included). This is the book's nbval run in `make test`, so
the notebooks are executed once, not once per environment. It takes two or three minutes
(pip reuses its download cache). The chapters that need PyTorch and Keras are left out:
requirements.txt does not install them, and Binder readers are told so (tools/frameworks.py;
`make test-frameworks` runs them in their own environment).
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from frameworks import NOTEBOOKS as FRAMEWORK_NOTEBOOKS  # tools/frameworks.py

ROOT = Path(__file__).resolve().parents[2]


def test_requirements_txt_alone_runs_every_notebook(tmp_path):
    env_dir = tmp_path / "binder-env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "-r", "requirements.txt"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert install.returncode == 0, f"pip install -r requirements.txt failed:\n{install.stderr[-3000:]}"

    left_out = {Path(name).name for name in FRAMEWORK_NOTEBOOKS}
    paths = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").glob("*.ipynb") if p.name not in left_out)
    assert paths, "no notebooks to run"
    run = subprocess.run(
        [str(python), "-m", "pytest", "--nbval", "--nbval-current-env", "--nbval-sanitize-with",
         "tests/nbval_sanitize.cfg", "-p", "no:cacheprovider", "-q", "--color=no", *paths],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 0, f"nbval failed in the Binder-like environment:\n{run.stdout[-8000:]}{run.stderr[-2000:]}"
    summary = run.stdout.strip().splitlines()[-1]
    assert " passed" in summary and "skipped" not in summary and "deselected" not in summary, summary
    print(f"nbval on {len(paths)} notebooks in the Binder-like environment: {summary}")

    # The environment really is new: neuronlib comes from this repository, not from ours.
    where = subprocess.run(
        [str(python), "-c", "import neuronlib, sys; print(neuronlib.__file__); print(sys.prefix)"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    assert where[0].startswith(str(ROOT / "neuronlib")) and where[1] == str(env_dir)
    assert sys.prefix != str(env_dir)
