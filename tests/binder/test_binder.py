"""Binder proof, and the same numbers on other computers: `requirements.txt` alone builds an
environment that runs every chapter and prints what the chapter printed, under another
numerical set-up of this machine.

Binder (repo2docker) creates a fresh environment and runs `pip install -r requirements.txt`
in the repository, nothing else. This test does the same in a brand-new virtual environment
and runs nbval on every notebook in that environment's kernel, exactly as `make
test-notebooks` does in `.venv`: every cell runs and every output is the committed one (the
explorers' HTML and JavaScript included). This is the book's nbval run in `make test`, so
the notebooks are executed once, not once per environment.

It runs under another numerical set-up (tools/numerics.py): numpy's SIMD families off, an older
OpenBLAS kernel, another number of BLAS threads. The committed outputs were made with the
machine's defaults (`make notebooks`), so a printed number that depends on round-off fails here,
as it would on a reader's computer. neuronlib's docstring examples, which print numbers too, run
under it as well. (Until session 12 that was a second full nbval run, in `.venv`: the stage
test-numerics.)

The chapters that need PyTorch and Keras are left out: requirements.txt does not install them,
and Binder readers are told so (tools/frameworks.py; `make test-frameworks` runs them in their
own environment).
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from frameworks import NOTEBOOKS as FRAMEWORK_NOTEBOOKS  # tools/frameworks.py
from numerics import base_env, other_setup, what_changed  # tools/numerics.py

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def python(tmp_path_factory) -> str:
    """A brand-new environment with what `pip install -r requirements.txt` puts in it."""
    env_dir = tmp_path_factory.mktemp("binder") / "binder-env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "-r", "requirements.txt"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert install.returncode == 0, f"pip install -r requirements.txt failed:\n{install.stderr[-3000:]}"
    return str(python)


@pytest.fixture(scope="module")
def setup(python) -> dict[str, str]:
    return other_setup(python)


def run_pytest(python: str, extra: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([python, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--color=no", *args],
                          cwd=ROOT, env={**base_env(), **extra}, capture_output=True, text=True)


def last_line(run: subprocess.CompletedProcess) -> str:
    return run.stdout.strip().splitlines()[-1] if run.stdout.strip() else "(no output)"


def test_the_environment_is_new_and_runs_this_repositorys_neuronlib(python):
    where = subprocess.run(
        [python, "-c", "import neuronlib, sys; print(neuronlib.__file__); print(sys.prefix)"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    assert where[0].startswith(str(ROOT / "neuronlib")) and where[1] == str(Path(python).parents[1])
    assert sys.prefix != where[1]


def test_the_setup_changes_at_least_two_of_simd_kernel_and_threads(python, setup):
    changed = what_changed(python, setup)
    print(f"{setup}: {'; '.join(changed)}")
    assert len(changed) >= 2, (
        f"{setup} changed only {changed or 'nothing'} on this machine; the stage cannot show "
        "that the book prints the same numbers elsewhere"
    )


def test_every_notebook_runs_and_prints_what_it_printed(python, setup):
    left_out = {Path(name).name for name in FRAMEWORK_NOTEBOOKS}
    paths = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").glob("*.ipynb") if p.name not in left_out)
    assert paths, "no notebooks to run"
    run = run_pytest(python, setup, "--nbval", "--nbval-current-env", "--nbval-sanitize-with",
                     "tests/nbval_sanitize.cfg", *paths)
    assert run.returncode == 0, (
        f"nbval failed in the Binder-like environment under {setup}. If only a number differs, it "
        f"depends on round-off: print what the prose needs (e.g. 'below 1e-12: yes', or fewer "
        f"digits).\n{run.stdout[-8000:]}{run.stderr[-2000:]}"
    )
    summary = last_line(run)
    assert " passed" in summary and "skipped" not in summary and "deselected" not in summary, summary
    print(f"nbval on {len(paths)} notebooks in the Binder-like environment: {summary}")


def test_the_docstring_examples_print_the_same(python, setup):
    run = run_pytest(python, setup, "tests", "-k", "docstring_example", "--ignore=tests/site",
                     "--ignore=tests/lab", "--ignore=tests/binder", "--ignore=tests/pdf")
    assert run.returncode == 0, f"a docstring example printed other numbers under {setup}:\n{run.stdout[-4000:]}"
    summary = last_line(run)
    assert " passed" in summary and "failed" not in summary, summary
    print(f"docstring examples: {summary}")
