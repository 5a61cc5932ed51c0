"""Binder proof: `requirements.txt` alone builds an environment that runs every chapter.

Binder (repo2docker) creates a fresh environment and runs `pip install -r requirements.txt`
in the repository, nothing else. This test does the same in a brand-new virtual environment
and executes every notebook, from a copy of the `notebooks/` folder, in that environment's
kernel. It takes a minute or two (pip reuses its download cache). The chapters that need PyTorch
and Keras are left out: requirements.txt does not install them, and Binder readers are told so
(tools/frameworks.py; `make test-frameworks` runs them in their own environment).
"""

from __future__ import annotations

import shutil
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

    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    left_out = {Path(name).name for name in FRAMEWORK_NOTEBOOKS}
    paths = sorted(str(p) for p in notebooks.glob("*.ipynb") if p.name not in left_out)
    assert paths, "no notebooks to run"
    run = subprocess.run(
        [str(python), str(ROOT / "tools" / "execute_notebooks.py"), *paths],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert run.returncode == 0, f"a notebook failed in the Binder-like environment:\n{run.stderr[-5000:]}"
    for path in paths:
        assert f"executed {path}" in run.stdout

    # The environment really is new: neuronlib comes from this repository, not from ours.
    where = subprocess.run(
        [str(python), "-c", "import neuronlib, sys; print(neuronlib.__file__); print(sys.prefix)"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    assert where[0].startswith(str(ROOT / "neuronlib")) and where[1] == str(env_dir)
    assert sys.prefix != str(env_dir)
